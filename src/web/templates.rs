//! Tera templates, embedded in the binary at build time and parsed once.

use std::sync::LazyLock;

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse};
use include_dir::{Dir, include_dir};
use tera::{Context, Tera};

use super::AppState;
use super::assets;
use super::auth::{CurrentUser, form_token};
use crate::domain::account::Role;
use crate::error::{AppError, AppResult};

static TEMPLATE_FILES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");

static TEMPLATES: LazyLock<Result<Tera, String>> = LazyLock::new(|| {
    let mut tera = Tera::default();
    let mut files = Vec::new();
    collect(&TEMPLATE_FILES, &mut files);
    tera.add_raw_templates(files).map_err(|e| {
        let mut message = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(cause) = source {
            message.push_str(": ");
            message.push_str(&cause.to_string());
            source = cause.source();
        }
        message
    })?;
    Ok(tera)
});

fn collect(dir: &'static Dir<'static>, out: &mut Vec<(String, &'static str)>) {
    for file in dir.files() {
        // Tera templates only: the Typst templates beside them are for `documents`.
        let tera = matches!(
            file.path().extension().and_then(|e| e.to_str()),
            Some("html" | "txt")
        );
        if !tera {
            continue;
        }
        if let Some(text) = file.contents_utf8() {
            out.push((file.path().to_string_lossy().replace('\\', "/"), text));
        }
    }
    for sub in dir.dirs() {
        collect(sub, out);
    }
}

#[derive(Debug)]
struct TemplateError(String);

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TemplateError {}

/// Parses every template; called at start so a broken template stops the server at once.
pub fn init() -> AppResult<()> {
    TEMPLATES.as_ref().map(|_| ()).map_err(|e| {
        AppError::internal(TemplateError(e.clone())).with_message("the templates do not parse")
    })
}

/// A context with what every page's layout needs, for a page anyone may see the same way.
pub fn page_context() -> Context {
    let mut ctx = Context::new();
    ctx.insert("css_url", &assets::url("style.css"));
    ctx.insert("icon_url", &assets::url("favicon.svg"));
    ctx
}

#[derive(serde::Serialize)]
struct NavLink {
    label: &'static str,
    url: &'static str,
}

#[derive(serde::Serialize)]
struct UserView<'a> {
    name: &'a str,
    role: Role,
    role_label: &'static str,
    organization: Option<&'a str>,
    nav: Vec<NavLink>,
}

/// The pages of each role, for the header.
fn nav(role: Role) -> Vec<NavLink> {
    match role {
        Role::Secretariat => vec![
            NavLink {
                label: "Indkomne forslag",
                url: "/secretariat/proposals",
            },
            NavLink {
                label: "Møder og frister",
                url: "/secretariat/meetings",
            },
            NavLink {
                label: "Opfølgning",
                url: "/secretariat/tasks",
            },
            NavLink {
                label: "Breve",
                url: "/secretariat/letters",
            },
            NavLink {
                label: "Udgående post",
                url: "/secretariat/outbox",
            },
        ],
        Role::Politician | Role::Chair => vec![NavLink {
            label: "Mine forslag",
            url: "/my/proposals",
        }],
        Role::Administration => vec![NavLink {
            label: "Forvaltningens opgaver",
            url: "/my/tasks",
        }],
    }
}

/// The layout's context for the person asking: their name, their pages and the session's CSRF
/// token for the forms (logout in the header, and the page's own).
pub fn context_for(user: Option<&CurrentUser>) -> Context {
    let mut ctx = page_context();
    if let Some(user) = user {
        let account = &user.account;
        ctx.insert(
            "user",
            &UserView {
                name: &account.name,
                role: account.role,
                role_label: account.role.label_da(),
                organization: account.organization_name.as_deref(),
                nav: nav(account.role),
            },
        );
        ctx.insert("csrf", &user.csrf_token);
    }
    ctx
}

/// A page reached by a secret link in a mail (a subscription's, an answer link), with forms that
/// whoever holds the link may send: the forms' CSRF token is in `form_csrf`, the page is never
/// cached, and its address (the secret) is never passed on to another site.
pub fn link_page(
    req: &HttpRequest,
    state: &AppState,
    user: Option<&CurrentUser>,
    status: StatusCode,
    template: &str,
    fill: impl FnOnce(&mut Context),
) -> AppResult<HttpResponse> {
    let (form_csrf, cookie) = form_token(req, state);
    let mut ctx = context_for(user);
    ctx.insert("form_csrf", &form_csrf);
    fill(&mut ctx);
    let mut response = HttpResponse::build(status);
    response
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        // Never sent to another site. Not `no-referrer`: with it browsers send `Origin: null`
        // on the page's own forms, which the CSRF check rightly refuses.
        .insert_header((header::REFERRER_POLICY, "same-origin"));
    if let Some(cookie) = cookie {
        response.cookie(cookie);
    }
    Ok(response.body(render(template, &ctx)?))
}

pub fn render(name: &str, ctx: &Context) -> AppResult<String> {
    let tera = TEMPLATES
        .as_ref()
        .map_err(|e| AppError::internal(TemplateError(e.clone())))?;
    tera.render(name, ctx).map_err(|e| {
        let mut message = format!("rendering {name}: {e}");
        let mut source = std::error::Error::source(&e);
        while let Some(cause) = source {
            message.push_str(": ");
            message.push_str(&cause.to_string());
            source = cause.source();
        }
        AppError::internal(TemplateError(message))
    })
}
