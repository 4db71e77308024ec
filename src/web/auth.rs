//! Who is asking: server-side sessions behind an `HttpOnly` cookie, role extractors for the
//! handlers (a handler that takes `Secretariat` cannot run for anyone else), API tokens for the
//! JSON API, and CSRF tokens on every form.
//!
//! The cookie holds a random 256-bit secret; the database holds only its SHA-256, so a copy of
//! the database logs nobody in. Logging out revokes the session row, so a stolen cookie dies
//! with it.

use std::future::Future;
use std::pin::Pin;

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpMessage, HttpRequest, HttpResponse, ResponseError, web};
use chrono::Duration;
use serde::de::DeserializeOwned;

use super::AppState;
use super::errors::ApiError;
use crate::auth::{secret_hash, secrets_equal};
use crate::db::accounts::{self, Account};
use crate::domain::account::Role;
use crate::error::{AppError, AppResult};

pub const SESSION_COOKIE: &str = "agendum_session";
/// Before login there is no session to hold the CSRF token: this cookie does (double submit).
pub const FORM_COOKIE: &str = "agendum_form";
/// A login between its password and its second factor (two-factor accounts).
pub const LOGIN_COOKIE: &str = "agendum_login";
/// How stale `last_seen_at` may get before a request slides the expiry (not a write per request).
const TOUCH_AFTER: Duration = Duration::minutes(5);

/// The logged-in account of a request and its session's CSRF token.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub account: Account,
    /// The session's row, so a password change can keep this one and end the others.
    pub session_id: i64,
    pub csrf_token: String,
    /// When this session logged in (for the actions that want a recent login).
    pub logged_in_at: chrono::NaiveDateTime,
    /// The municipality as the request's pages show it.
    pub site: std::sync::Arc<super::site::Site>,
    /// What the change before this page did, to be said on it (`web::flash`).
    pub flash: Option<String>,
    /// The language of the person's pages (`web::language`).
    pub lang: crate::domain::language::Lang,
}

impl CurrentUser {
    pub fn role(&self) -> Role {
        self.account.role
    }
}

/// The session lookup, done once per request and kept in the request's extensions. Extractors
/// that ask at the same time (a role extractor and the form's CSRF check) wait for the same
/// lookup, so a handler's role extractor, first in its arguments, always answers first: a
/// caller without the role is refused for the role, never for the shape of a body.
#[derive(Clone)]
struct SessionLookup(std::rc::Rc<tokio::sync::OnceCell<Option<CurrentUser>>>);

fn secure_cookies(state: &AppState) -> bool {
    state.settings.base_url.starts_with("https://")
}

/// The cookie that carries a new session.
pub fn session_cookie(state: &AppState, token: String) -> Cookie<'static> {
    Cookie::build(SESSION_COOKIE, token)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure_cookies(state))
        .finish()
}

/// The cookie of a login waiting for its code.
pub fn login_cookie(state: &AppState, token: String) -> Cookie<'static> {
    Cookie::build(LOGIN_COOKIE, token)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure_cookies(state))
        .finish()
}

/// A cookie that tells the browser to forget `name`.
pub fn removal_cookie(name: &'static str) -> Cookie<'static> {
    let mut cookie = Cookie::build(name, "")
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .finish();
    cookie.make_removal();
    cookie
}

fn state_of(req: &HttpRequest) -> AppResult<web::Data<AppState>> {
    req.app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| AppError::internal("the application state is missing"))
}

/// The request's session, if its cookie names a live one.
pub async fn current_user(req: &HttpRequest) -> AppResult<Option<CurrentUser>> {
    let lookup = {
        let mut extensions = req.extensions_mut();
        match extensions.get::<SessionLookup>() {
            Some(lookup) => lookup.clone(),
            None => {
                let lookup = SessionLookup(std::rc::Rc::new(tokio::sync::OnceCell::new()));
                extensions.insert(lookup.clone());
                lookup
            }
        }
    };
    let found = lookup.0.get_or_try_init(|| look_up_session(req)).await?;
    if let Some(user) = found {
        super::language::answer_in(req, user.lang);
    }
    Ok(found.clone())
}

async fn look_up_session(req: &HttpRequest) -> AppResult<Option<CurrentUser>> {
    let Some(cookie) = req
        .cookie(SESSION_COOKIE)
        .filter(|c| !c.value().is_empty() && c.value().len() <= 128)
    else {
        return Ok(None);
    };
    let state = state_of(req)?;
    let hash = secret_hash(cookie.value());
    let policy = state.settings.sessions;
    let site = state.site.current();
    let flash = super::flash::notice_of(req);
    let chosen_now = req
        .extensions()
        .get::<super::language::ChosenNow>()
        .map(|c| c.0);
    let negotiated = super::language::of(req);
    state
        .db
        .run(move |conn| {
            let at = crate::db::now();
            let Some(session) = accounts::session(conn, &hash, at)? else {
                return Ok(None);
            };
            // However it was kept alive, a login ends at its absolute lifetime.
            if policy.expires_at(session.created_at, at) <= at {
                return Ok(None);
            }
            if at - session.last_seen_at > TOUCH_AFTER {
                let expires = policy.expires_at(session.created_at, at);
                accounts::touch_session(conn, session.session_id, expires)?;
            }
            // A language chosen on the page, logged in, is the person's choice from now on.
            let mut session = session;
            if let Some(chosen) = chosen_now.filter(|c| Some(*c) != session.account.language) {
                accounts::set_language(conn, session.account.id, chosen)?;
                session.account.language = Some(chosen);
            }
            let lang = session.account.language.unwrap_or(negotiated);
            Ok(Some(CurrentUser {
                account: session.account,
                session_id: session.session_id,
                csrf_token: session.csrf_token,
                logged_in_at: session.created_at,
                lang,
                site,
                flash,
            }))
        })
        .await
}

type LocalFuture<T, E> = Pin<Box<dyn Future<Output = Result<T, E>>>>;

/// Anyone: the logged-in account if there is one, and the language of the request.
pub struct MaybeUser(pub Option<CurrentUser>, pub crate::domain::language::Lang);

impl FromRequest for MaybeUser {
    type Error = AppError;
    type Future = LocalFuture<Self, AppError>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let user = current_user(&req).await?;
            let lang = user
                .as_ref()
                .map_or_else(|| super::language::of(&req), |u| u.lang);
            Ok(MaybeUser(user, lang))
        })
    }
}

/// A page that needs a login: the browser is sent to the login page and back.
#[derive(Debug)]
pub struct LoginRequired {
    next: Option<String>,
}

impl std::fmt::Display for LoginRequired {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("login required")
    }
}

impl ResponseError for LoginRequired {
    fn status_code(&self) -> actix_web::http::StatusCode {
        actix_web::http::StatusCode::SEE_OTHER
    }

    fn error_response(&self) -> HttpResponse {
        let location = match &self.next {
            Some(next) => format!(
                "/login?next={}",
                url::form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
            ),
            None => "/login".to_owned(),
        };
        HttpResponse::SeeOther()
            .insert_header((header::LOCATION, location))
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .finish()
    }
}

/// The secretariat's most sensitive actions (releasing an agenda, sending a letter, re-sending
/// mail) want a login no older than the policy's `reauth_after`: with an older one the browser
/// is sent to log in again and back to `back`, the page the action is on; nothing is done.
pub fn reauth_redirect(state: &AppState, user: &CurrentUser, back: &str) -> Option<HttpResponse> {
    let policy = state.settings.sessions;
    policy
        .needs_reauth(user.logged_in_at, crate::db::now())
        .then(|| {
            let next = url::form_urlencoded::byte_serialize(back.as_bytes()).collect::<String>();
            HttpResponse::SeeOther()
                .insert_header((header::LOCATION, format!("/login?igen=1&next={next}")))
                .insert_header((header::CACHE_CONTROL, "no-store"))
                .finish()
        })
}

/// Where to come back to after logging in: the page asked for, if it can be asked for again.
fn login_required(req: &HttpRequest) -> actix_web::Error {
    let next = (req.method() == actix_web::http::Method::GET).then(|| {
        req.uri()
            .path_and_query()
            .map_or_else(|| req.path().to_owned(), |pq| pq.as_str().to_owned())
    });
    LoginRequired { next }.into()
}

async fn require(
    req: HttpRequest,
    roles: &'static [Role],
) -> Result<CurrentUser, actix_web::Error> {
    match current_user(&req).await? {
        None => Err(login_required(&req)),
        Some(user) if roles.is_empty() || roles.contains(&user.role()) => Ok(user),
        Some(_) => Err(AppError::forbidden("error-your-account-does-not-have-access").into()),
    }
}

macro_rules! role_extractor {
    ($(#[$doc:meta])* $name:ident, [$($role:ident),*]) => {
        $(#[$doc])*
        pub struct $name(pub CurrentUser);

        impl FromRequest for $name {
            type Error = actix_web::Error;
            type Future = LocalFuture<Self, actix_web::Error>;

            fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
                let req = req.clone();
                Box::pin(async move { require(req, &[$(Role::$role),*]).await.map($name) })
            }
        }
    };
}

role_extractor!(
    /// Any logged-in account.
    User,
    []
);
role_extractor!(
    /// The secretariat only.
    Secretariat,
    [Secretariat]
);
role_extractor!(
    /// Staff of an administration (forvaltning).
    AdministrationStaff,
    [Administration]
);
role_extractor!(
    /// A politician (a member of a body) or the secretariat acting for one.
    ProposalAuthor,
    [Politician, Secretariat]
);

/// The caller of the JSON API: an account from `Authorization: Bearer TOKEN`, or from the
/// session cookie (then a request that changes something must carry the session's CSRF token
/// in `X-CSRF-Token`, as the page's script does), or nobody.
pub struct ApiCaller(pub Option<Account>);

impl ApiCaller {
    /// The account, or a 401 for an anonymous caller.
    pub fn require(self) -> Result<Account, ApiError> {
        self.0
            .ok_or_else(|| ApiError(AppError::unauthorized("error-this-action-needs-an-api-key")))
    }
}

async fn api_caller(req: HttpRequest) -> Result<ApiCaller, ApiError> {
    if let Some(value) = req.headers().get(header::AUTHORIZATION) {
        let token = value
            .to_str()
            .ok()
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty() && t.len() <= 200)
            .ok_or_else(|| {
                ApiError(AppError::unauthorized(
                    "error-the-authorization-header-must-have-the",
                ))
            })?;
        let hash = secret_hash(token);
        let state = state_of(&req)?;
        let account = state
            .db
            .run(move |conn| accounts::token_account(conn, &hash))
            .await?
            .ok_or_else(|| ApiError(AppError::unauthorized("error-the-api-key-is-unknown-or")))?;
        return Ok(ApiCaller(Some(account)));
    }
    let Some(user) = current_user(&req).await? else {
        return Ok(ApiCaller(None));
    };
    if !req.method().is_safe() {
        let sent = req
            .headers()
            .get("X-CSRF-Token")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if !secrets_equal(sent, &user.csrf_token) {
            return Err(ApiError(AppError::forbidden(
                "error-with-a-login-cookie-changes-must",
            )));
        }
    }
    Ok(ApiCaller(Some(user.account)))
}

impl FromRequest for ApiCaller {
    type Error = ApiError;
    type Future = LocalFuture<Self, ApiError>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        Box::pin(api_caller(req.clone()))
    }
}

/// The form cookie's token, if the browser has one.
fn form_cookie_token(req: &HttpRequest) -> Option<String> {
    req.cookie(FORM_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|v| !v.is_empty())
}

/// The form cookie for an anonymous page with a form: the one the browser has, or a new one
/// to set.
pub fn form_token(req: &HttpRequest, state: &AppState) -> (String, Option<Cookie<'static>>) {
    if let Some(existing) = form_cookie_token(req).filter(|v| v.len() == 64) {
        return (existing, None);
    }
    let token = crate::auth::new_secret();
    let cookie = Cookie::build(FORM_COOKIE, token.clone())
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure_cookies(state))
        .max_age(CookieDuration::days(1))
        .finish();
    (token, Some(cookie))
}

const STALE_FORM: &str = "error-the-form-is-stale";

/// The most fields a form may have (the decision form of a 30-clause proposal, an attendance list
/// of a large council, with room to spare); more is not a form of ours, and would only make the
/// page that shows it again large.
pub const MAX_FORM_FIELDS: usize = 2_000;

/// A form from one of our own pages: the body (URL-encoded, repeated fields into lists) and a
/// CSRF token that matches. Any other post is refused before the handler runs.
pub struct CsrfForm<T>(pub T);

/// A cross-site post announces where it comes from (browsers send `Origin` on posts); ours come
/// from the host the request was sent to, or from the configured base URL (behind a proxy).
fn same_origin(req: &HttpRequest, state: &AppState) -> bool {
    let Some(origin) = req.headers().get(header::ORIGIN) else {
        return true;
    };
    let Ok(origin) = origin.to_str() else {
        return false;
    };
    let host = req.connection_info().host().to_owned();
    origin.trim_end_matches('/') == state.settings.base_url.trim_end_matches('/')
        || origin
            .split_once("://")
            .is_some_and(|(_, rest)| rest == host)
}

/// Refuses a form body whose `csrf` field is not the token this browser was given.
pub fn verify_form_token(
    req: &HttpRequest,
    user: Option<&CurrentUser>,
    body: &[u8],
) -> AppResult<()> {
    let sent = url::form_urlencoded::parse(body)
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    verify_sent_token(req, user, &sent)
}

/// Refuses, before its body is read, a post that cannot carry a valid form token: one from
/// another site, or from a browser that was never given a token (no session, no form cookie).
/// The body of such a request is never read, however large it claims to be.
pub fn verify_sender(req: &HttpRequest, user: Option<&CurrentUser>) -> AppResult<()> {
    let state = state_of(req)?;
    if same_origin(req, &state) && (user.is_some() || form_cookie_token(req).is_some()) {
        Ok(())
    } else {
        Err(AppError::forbidden(STALE_FORM))
    }
}

/// Refuses a post whose form token (`sent`) is not this browser's: for forms that are not
/// URL-encoded (file uploads), which read the token from their own body.
pub fn verify_sent_token(
    req: &HttpRequest,
    user: Option<&CurrentUser>,
    sent: &str,
) -> AppResult<()> {
    let state = state_of(req)?;
    // The session's token, or the form cookie's (a login form from before this session, in
    // another tab): both are secrets of this browser that another site cannot read.
    let expected = [user.map(|u| u.csrf_token.clone()), form_cookie_token(req)];
    let valid = same_origin(req, &state)
        && !sent.is_empty()
        && expected
            .iter()
            .flatten()
            .any(|token| secrets_equal(sent, token));
    if valid {
        Ok(())
    } else {
        Err(AppError::forbidden(STALE_FORM))
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for CsrfForm<T> {
    type Error = AppError;
    type Future = LocalFuture<Self, AppError>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let body = web::Bytes::from_request(&req, payload);
        Box::pin(async move {
            // Who is asking is known before the body is read.
            let user = current_user(&req).await?;
            verify_sender(&req, user.as_ref())?;
            let bytes = body
                .await
                .map_err(|_| AppError::too_large("error-the-form-is-too-large-make"))?;
            if url::form_urlencoded::parse(&bytes)
                .nth(MAX_FORM_FIELDS)
                .is_some()
            {
                return Err(AppError::too_large("error-the-form-has-too-many-fields"));
            }
            verify_form_token(&req, user.as_ref(), &bytes)?;
            serde_html_form::from_str::<T>(&super::input::clean_form_body(&bytes))
                .map(CsrfForm)
                .map_err(|e| {
                    AppError::bad_request(
                        crate::i18n::Msg::key("error-the-form-is-not-filled-in").arg("e", e),
                    )
                })
        })
    }
}
