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
use crate::i18n::{Lang, t};
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
    Anonymous(&'a Site, Lang),
}

/// The language of a page for `user` (their own) or an anonymous reader of `req`.
pub fn lang_of(req: &HttpRequest, user: Option<&CurrentUser>) -> Lang {
    user.map_or_else(|| super::language::of(req), |u| u.lang)
}

impl<'a> Viewer<'a> {
    /// The person if logged in, else an anonymous reader of `site` in `lang`.
    pub fn new(site: &'a Site, user: Option<&'a CurrentUser>, lang: Lang) -> Self {
        user.map_or(Viewer::Anonymous(site, lang), Viewer::User)
    }

    /// The language the page is written in.
    pub fn lang(self) -> Lang {
        match self {
            Viewer::User(user) => user.lang,
            Viewer::Anonymous(_, lang) => lang,
        }
    }

    pub fn user(self) -> Option<&'a CurrentUser> {
        match self {
            Viewer::User(user) => Some(user),
            Viewer::Anonymous(..) => None,
        }
    }

    pub fn site(self) -> &'a Site {
        match self {
            Viewer::User(user) => &user.site,
            Viewer::Anonymous(site, _) => site,
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
    label: String,
    url: &'static str,
}

#[derive(serde::Serialize)]
struct UserView<'a> {
    name: &'a str,
    role: Role,
    role_label: String,
    organization: Option<&'a str>,
    nav: Vec<NavLink>,
}

/// The pages of each role, for the header: (catalogue key, address).
fn nav(role: Role) -> &'static [(&'static str, &'static str)] {
    match role {
        Role::Secretariat => &[
            ("nav-incoming", "/secretariat/proposals"),
            ("nav-meetings", "/secretariat/meetings"),
            ("nav-follow-up", "/secretariat/tasks"),
            ("nav-letters", "/secretariat/letters"),
            ("nav-outbox", "/secretariat/outbox"),
            ("nav-settings", "/secretariat/settings"),
        ],
        Role::Politician | Role::Chair => &[("nav-my-proposals", "/my/proposals")],
        Role::Administration => &[("nav-my-tasks", "/my/tasks")],
    }
}

/// A role's name in the catalogue.
pub fn role_label(role: Role, lang: Lang) -> String {
    t(lang, &format!("role-{}", role.as_str()))
}

/// The switch to the other language: a link to this page in it (`?lang=…`, kept in a cookie),
/// its name written in that language.
#[derive(serde::Serialize)]
struct LanguageSwitch {
    code: &'static str,
    name: String,
    url: String,
}

/// The layout's context for the person asking: their name, their pages and the session's CSRF
/// token for the forms (logout in the header, and the page's own), in their language.
pub fn context_for<'a>(viewer: impl Into<Viewer<'a>>) -> Context {
    let viewer = viewer.into();
    let lang = viewer.lang();
    let mut ctx = page_context(viewer.site());
    ctx.insert("lang", lang.as_str());
    let other = lang.other();
    ctx.insert(
        "language_switch",
        &LanguageSwitch {
            code: other.as_str(),
            name: t(other, "language-switch"),
            url: format!("?lang={}", other.as_str()),
        },
    );
    if let Some(user) = viewer.user() {
        let account = &user.account;
        ctx.insert(
            "user",
            &UserView {
                name: &account.name,
                role: account.role,
                role_label: role_label(account.role, lang),
                organization: account.organization_name.as_deref(),
                nav: nav(account.role)
                    .iter()
                    .map(|(key, url)| NavLink {
                        label: t(lang, key),
                        url,
                    })
                    .collect(),
            },
        );
        ctx.insert("csrf", &user.csrf_token);
        if let Some(flash) = &user.flash {
            ctx.insert("flash", flash);
        }
    }
    ctx
}

/// A page for `viewer`, in their language: the layout's context and the page's own data.
pub fn render_page<'a, T: serde::Serialize>(
    template: &str,
    viewer: impl Into<Viewer<'a>>,
    page: &T,
) -> AppResult<String> {
    let viewer = viewer.into();
    let mut ctx = context_for(viewer);
    ctx.extend(Context::from_serialize(page).map_err(crate::error::AppError::internal)?);
    crate::render::render_in(viewer.lang(), template, &ctx)
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
    let lang = lang_of(req, user);
    let mut ctx = context_for(Viewer::new(&site, user, lang));
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
    Ok(response.body(crate::render::render_in(lang, template, &ctx)?))
}
