//! What every page's template needs besides its own data: assets, the logged-in person and
//! their navigation, the form token. The engine itself is `crate::render`, shared with mail.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse};
use tera::Context;

use super::AppState;
use super::assets;
use super::auth::{CurrentUser, form_token};
use super::site::Site;
use crate::domain::account::Role;
use crate::error::AppResult;
pub use crate::render::{init, render};

/// A context with what every page's layout needs, for a page anyone may see the same way:
/// the assets and the municipality (its name and logo in the header).
pub fn page_context(site: &Site) -> Context {
    let mut ctx = Context::new();
    ctx.insert("css_url", &assets::url("style.css"));
    ctx.insert("icon_url", &assets::url("favicon.svg"));
    ctx.insert("site", site);
    ctx
}

/// Who a page is rendered for: a logged-in person (whose request carries the municipality), or
/// an anonymous reader of the municipality's site.
#[derive(Clone, Copy)]
pub enum Viewer<'a> {
    User(&'a CurrentUser),
    Anonymous(&'a Site),
}

impl<'a> Viewer<'a> {
    /// The person if logged in, else an anonymous reader of `site`.
    pub fn new(site: &'a Site, user: Option<&'a CurrentUser>) -> Self {
        user.map_or(Viewer::Anonymous(site), Viewer::User)
    }

    pub fn user(self) -> Option<&'a CurrentUser> {
        match self {
            Viewer::User(user) => Some(user),
            Viewer::Anonymous(_) => None,
        }
    }

    pub fn site(self) -> &'a Site {
        match self {
            Viewer::User(user) => &user.site,
            Viewer::Anonymous(site) => site,
        }
    }
}

impl<'a> From<&'a CurrentUser> for Viewer<'a> {
    fn from(user: &'a CurrentUser) -> Self {
        Viewer::User(user)
    }
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
            NavLink {
                label: "Indstillinger",
                url: "/secretariat/settings",
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
pub fn context_for<'a>(viewer: impl Into<Viewer<'a>>) -> Context {
    let viewer = viewer.into();
    let mut ctx = page_context(viewer.site());
    if let Some(user) = viewer.user() {
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
        if let Some(flash) = &user.flash {
            ctx.insert("flash", flash);
        }
    }
    ctx
}

/// A page for `user` from its typed read model: the layout's context, then the page's fields.
pub fn render_page<'a, T: serde::Serialize>(
    template: &str,
    viewer: impl Into<Viewer<'a>>,
    page: &T,
) -> AppResult<String> {
    let mut ctx = context_for(viewer);
    ctx.extend(Context::from_serialize(page).map_err(crate::error::AppError::internal)?);
    render(template, &ctx)
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
    page: &impl serde::Serialize,
) -> AppResult<HttpResponse> {
    let (form_csrf, cookie) = form_token(req, state);
    let site = state.site();
    let mut ctx = context_for(Viewer::new(&site, user));
    ctx.insert("form_csrf", &form_csrf);
    ctx.extend(Context::from_serialize(page).map_err(crate::error::AppError::internal)?);
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
