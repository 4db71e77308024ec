//! `/login` and `/logout`, the one-time links to set a password (`/password/reset/{token}`),
//! asking for one (`/password/forgot`) and changing one's own password (`/account/password`).

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};

use crate::auth::{new_secret, secret_hash, verify_password};
use crate::db::{self, accounts};
use crate::domain::account::{LOGIN_FAILED, LoginLimits, Role};
use crate::error::{AppError, AppResult};
use crate::web::AppState;
use crate::web::auth::{
    self, CsrfForm, MaybeUser, SESSION_COOKIE, current_user, removal_cookie, session_cookie,
    verify_form_token,
};
use crate::web::templates::Viewer;
use crate::web::templates::render_page;

/// The most of a typed address the login and reset forms look at (longer ones are no address).
const EMAIL_INPUT_MAX_CHARS: usize = 320;

/// An address as typed into a form, trimmed and bounded.
fn typed_email(text: &str) -> String {
    text.trim().chars().take(EMAIL_INPUT_MAX_CHARS).collect()
}

/// The client's address, for the rate limits.
fn client_ip(req: &HttpRequest) -> String {
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_default()
}

/// A local path to return to after login; anything else (another site, `//host`) is dropped.
pub fn safe_next(next: &str) -> Option<&str> {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && next.len() <= 2000
        && !next.chars().any(char::is_control)
        && !next.starts_with("/login")
        && !next.starts_with("/logout");
    ok.then_some(next)
}

/// Where each role starts after logging in.
pub fn home_path(role: Role) -> &'static str {
    match role {
        Role::Secretariat => "/secretariat/proposals",
        Role::Politician | Role::Chair => "/my/proposals",
        Role::Administration => "/my/tasks",
    }
}

#[derive(Serialize)]
struct DemoAccount {
    email: &'static str,
    role: String,
}

struct LoginPage<'a> {
    next: &'a str,
    email: &'a str,
    error: Option<&'a str>,
    /// A logged-in user asked to log in again (a sensitive action wants a recent login).
    again: bool,
}

/// The login page: the form as posted (`next`, the address) and why it failed, and on the
/// demo the accounts to try.
#[derive(Serialize)]
struct LoginView<'a> {
    form_csrf: &'a str,
    next: &'a str,
    email: &'a str,
    error: Option<&'a str>,
    again: bool,
    demo_accounts: Vec<DemoAccount>,
}

async fn render_login(
    req: &HttpRequest,
    state: &AppState,
    user: Option<&auth::CurrentUser>,
    page: LoginPage<'_>,
    status: actix_web::http::StatusCode,
) -> AppResult<HttpResponse> {
    let demo = state.db.run(|conn| db::meta(conn, "demo")).await?.is_some();
    let (form_csrf, cookie) = auth::form_token(req, state);
    let lang = crate::web::templates::lang_of(req, user);
    let demo_accounts: Vec<DemoAccount> = if demo {
        crate::demo::DEMO_ACCOUNTS
            .iter()
            .map(|(email, key)| DemoAccount {
                email,
                role: crate::i18n::t(lang, key),
            })
            .collect()
    } else {
        Vec::new()
    };
    let view = LoginView {
        form_csrf: &form_csrf,
        next: safe_next(page.next).unwrap_or(""),
        email: page.email,
        error: page.error,
        again: page.again,
        demo_accounts,
    };
    let mut response = HttpResponse::build(status);
    response
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"));
    if let Some(cookie) = cookie {
        response.cookie(cookie);
    }
    Ok(response.body(render_page(
        "public/login.html",
        Viewer::new(&state.site(), user, lang),
        &view,
    )?))
}

#[derive(Deserialize)]
pub struct LoginQuery {
    #[serde(default)]
    next: String,
    /// Sent back to log in again before a sensitive action.
    #[serde(default)]
    igen: Option<String>,
}

/// `GET /login`
pub async fn login_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    MaybeUser(user, _): MaybeUser,
    query: web::Query<LoginQuery>,
) -> AppResult<HttpResponse> {
    let page = LoginPage {
        next: &query.next,
        email: user.as_ref().map_or("", |u| u.account.email.as_str()),
        error: None,
        again: query.igen.is_some() && user.is_some(),
    };
    render_login(
        &req,
        &state,
        user.as_ref(),
        page,
        actix_web::http::StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// Catalogue key: too many failed logins.
const TOO_MANY: &str = "login-too-many";

/// `POST /login`: the same answer for a wrong password and an unknown address, in the same
/// time; failures are counted per address and per client, and too many stop further tries.
pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<LoginForm>,
) -> AppResult<HttpResponse> {
    use actix_web::http::StatusCode;
    let email = typed_email(&form.email);
    let refuse = |message: &'static str, status: StatusCode| {
        let req = req.clone();
        let state = state.clone();
        let email = email.clone();
        let next = form.next.clone();
        async move {
            let page = LoginPage {
                next: &next,
                email: &email,
                error: Some(message),
                again: false,
            };
            render_login(&req, &state, None, page, status).await
        }
    };
    if email.is_empty() || form.password.is_empty() {
        return refuse("login-write-both", StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let ip = client_ip(&req);
    let limits = LoginLimits::default();
    let (lookup_email, lookup_ip) = (email.clone(), ip.clone());
    let lookup = state
        .db
        .run(move |conn| {
            accounts::prune(conn, db::now() - chrono::Duration::days(1))?;
            let Some(attempt) = accounts::begin_attempt(conn, &lookup_email, &lookup_ip, &limits)?
            else {
                return Ok(None);
            };
            Ok(Some((attempt, accounts::by_email(conn, &lookup_email)?)))
        })
        .await?;
    let Some((attempt, found)) = lookup else {
        tracing::warn!(%email, %ip, "login refused: too many failed attempts");
        return refuse(TOO_MANY, StatusCode::TOO_MANY_REQUESTS).await;
    };
    let (account, hash) = match found {
        Some((account, hash)) => (Some(account), Some(hash)),
        None => (None, None),
    };
    let password = form.password.clone();
    let verified = tokio::task::spawn_blocking(move || verify_password(hash.as_deref(), &password))
        .await
        .map_err(AppError::internal)?;
    let account = account.filter(|_| verified);
    let token = new_secret();
    let token_hash = secret_hash(&token);
    let session_account = account.clone();
    let policy = state.settings.sessions;
    // Logging in again (as a sensitive action asks) replaces the session this browser had.
    let previous = req.cookie(SESSION_COOKIE).map(|c| secret_hash(c.value()));
    let second_factor = state
        .db
        .run(move |conn| {
            if let Some(account) = session_account {
                // A two-factor account logs in only with its code (`/login/code`).
                if crate::db::two_factor::state(conn, account.id)?.enabled() {
                    return Ok(true);
                }
                if let Some(previous) = previous {
                    accounts::revoke_session(conn, &previous)?;
                }
                accounts::attempt_succeeded(conn, attempt)?;
                accounts::create_session(conn, account.id, &token_hash, &new_secret(), {
                    let at = db::now();
                    policy.expires_at(at, at)
                })?;
            }
            Ok(false)
        })
        .await?;
    let Some(account) = account else {
        return refuse(LOGIN_FAILED, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    if second_factor {
        return super::two_factor::challenge(&state, account.id, attempt, &form.next).await;
    }
    tracing::info!(user = account.id.0, "logged in");
    let target = safe_next(&form.next).unwrap_or(home_path(account.role));
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, target))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .cookie(session_cookie(&state, token))
        .finish())
}

/// `GET /logout`: a button, since a link must not log anyone out (another site could follow it).
pub async fn logout_form(MaybeUser(user, _): MaybeUser) -> AppResult<HttpResponse> {
    let Some(user) = user else {
        return Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, "/"))
            .finish());
    };
    // The page asks to confirm: nothing of its own beyond the layout.
    #[derive(Serialize)]
    struct Logout {}
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(render_page("public/logout.html", &user, &Logout {})?))
}

/// `POST /logout`: the session is revoked on the server, not only forgotten by the browser.
pub async fn logout(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> AppResult<HttpResponse> {
    if let Some(user) = current_user(&req).await? {
        verify_form_token(&req, Some(&user), &body)?;
        if let Some(cookie) = req.cookie(SESSION_COOKIE) {
            let hash = secret_hash(cookie.value());
            state
                .db
                .run(move |conn| accounts::revoke_session(conn, &hash))
                .await?;
        }
        tracing::info!(user = user.account.id.0, "logged out");
    }
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, "/"))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .cookie(removal_cookie(SESSION_COOKIE))
        .finish())
}

/// The page of a one-time password link: the form, what was wrong, or that it is done.
#[derive(Serialize)]
struct PasswordPage<'a> {
    action: String,
    email: &'a str,
    min_chars: usize,
    error: Option<crate::i18n::Msg>,
    done: bool,
}

/// The account a link belongs to, or the reason it does not open.
async fn link_account(state: &AppState, token: String) -> AppResult<accounts::Account> {
    state
        .db
        .run(move |conn| {
            let link = accounts::password_link(conn, &token, db::now())?;
            if let Some(problem) = crate::service::accounts::link_problem(&link) {
                return Err(problem);
            }
            let accounts::PasswordLink::Valid { user, .. } = link else {
                return Err(AppError::internal("a valid link without its account"));
            };
            accounts::get(conn, user)?
                .ok_or_else(|| AppError::not_found("error-the-account-no-longer-exists"))
        })
        .await
}

/// `GET /password/reset/{token}`: the form to choose a password. Opening it does not use the
/// link up; setting the password does.
pub async fn password_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    MaybeUser(user, _): MaybeUser,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    let account = link_account(&state, token.clone()).await?;
    let page = PasswordPage {
        action: crate::urls::password_reset(&token),
        email: &account.email,
        min_chars: crate::domain::account::MIN_PASSWORD_CHARS,
        error: None,
        done: false,
    };
    crate::web::templates::link_page(
        &req,
        &state,
        user.as_ref(),
        actix_web::http::StatusCode::OK,
        "public/password_reset.html",
        &page,
    )
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_again: String,
}

/// `POST /password/reset/{token}`: sets the password, once.
pub async fn password_set(
    req: HttpRequest,
    state: web::Data<AppState>,
    MaybeUser(user, _): MaybeUser,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> AppResult<HttpResponse> {
    use actix_web::http::StatusCode;
    let token = path.into_inner();
    let account = link_account(&state, token.clone()).await?;
    let checked = if form.password != form.password_again {
        Err(crate::i18n::Msg::key("password-not-the-same"))
    } else {
        crate::domain::account::NewPassword::parse(&form.password).map_err(crate::i18n::Msg::from)
    };
    let (status, error, done) = match checked {
        Err(message) => (StatusCode::UNPROCESSABLE_ENTITY, Some(message), false),
        Ok(password) => {
            let link = token.clone();
            state
                .db
                .run(move |conn| {
                    crate::service::accounts::set_password_with_link(conn, &link, &password)
                })
                .await?;
            (StatusCode::OK, None, true)
        }
    };
    let page = PasswordPage {
        action: crate::urls::password_reset(&token),
        email: &account.email,
        min_chars: crate::domain::account::MIN_PASSWORD_CHARS,
        error,
        done,
    };
    crate::web::templates::link_page(
        &req,
        &state,
        user.as_ref(),
        status,
        "public/password_reset.html",
        &page,
    )
}

#[derive(Serialize)]
struct ForgotPage<'a> {
    email: &'a str,
    sent: bool,
    hours: i64,
    error: Option<&'a str>,
}

#[derive(Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
}

/// `GET /password/forgot`: the form to ask for a reset link.
pub async fn forgot_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    MaybeUser(user, _): MaybeUser,
) -> AppResult<HttpResponse> {
    let page = ForgotPage {
        email: "",
        sent: false,
        hours: crate::service::accounts::PASSWORD_LINK_HOURS,
        error: None,
    };
    crate::web::templates::link_page(
        &req,
        &state,
        user.as_ref(),
        actix_web::http::StatusCode::OK,
        "public/password_forgot.html",
        &page,
    )
}

/// `POST /password/forgot`: the same answer whether or not the address has an account; too
/// many requests for an address or from a client get 429 and nothing is sent.
pub async fn forgot(
    req: HttpRequest,
    state: web::Data<AppState>,
    MaybeUser(user, _): MaybeUser,
    CsrfForm(form): CsrfForm<ForgotForm>,
) -> AppResult<HttpResponse> {
    use crate::service::accounts::{PASSWORD_LINK_HOURS, ResetRequest, request_reset};
    use actix_web::http::StatusCode;
    let email = typed_email(&form.email);
    let (status, sent, error) = if email.is_empty() {
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            false,
            Some("password-forgot-write-email"),
        )
    } else {
        let ip = client_ip(&req);
        let settings = state.settings.clone();
        let asked = email.clone();
        match state
            .db
            .run(move |conn| request_reset(conn, &settings, &asked, &ip))
            .await?
        {
            ResetRequest::Accepted => (StatusCode::OK, true, None),
            ResetRequest::TooMany => (
                StatusCode::TOO_MANY_REQUESTS,
                false,
                Some("password-forgot-too-many"),
            ),
        }
    };
    let page = ForgotPage {
        email: &email,
        sent,
        hours: PASSWORD_LINK_HOURS,
        error,
    };
    crate::web::templates::link_page(
        &req,
        &state,
        user.as_ref(),
        status,
        "public/password_forgot.html",
        &page,
    )
}

/// What the change-password form was given.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ChangeForm {
    /// Never sent back to the page.
    #[serde(skip_serializing)]
    current: String,
    #[serde(skip_serializing)]
    password: String,
    #[serde(skip_serializing)]
    password_again: String,
}

#[derive(Serialize)]
struct ChangePage {
    min_chars: usize,
    done: bool,
    form: crate::web::forms::FormState<ChangeForm>,
}

fn change_page(
    user: &auth::CurrentUser,
    done: bool,
    errors: &crate::domain::proposal::FieldErrors,
) -> AppResult<String> {
    render_page(
        "public/password_change.html",
        user,
        &ChangePage {
            min_chars: crate::domain::account::MIN_PASSWORD_CHARS,
            done,
            form: crate::web::forms::FormState::new(ChangeForm::default(), errors),
        },
    )
}

/// `GET /account/password`: everyone logged in changes their own password here.
pub async fn change_form(auth::User(user): auth::User) -> AppResult<HttpResponse> {
    let body = change_page(&user, false, &Default::default())?;
    Ok(crate::web::forms::page(
        actix_web::http::StatusCode::OK,
        body,
    ))
}

/// `POST /account/password`: the current password, then the new one twice.
pub async fn change(
    state: web::Data<AppState>,
    auth::User(user): auth::User,
    CsrfForm(form): CsrfForm<ChangeForm>,
) -> AppResult<HttpResponse> {
    use actix_web::http::StatusCode;
    let (account, session) = (user.account.clone(), user.session_id);
    let result = state
        .db
        .run(move |conn| {
            crate::service::accounts::change_password(
                conn,
                &account,
                session,
                &form.current,
                &form.password,
                &form.password_again,
            )
        })
        .await?;
    let (status, body) = match result {
        Ok(()) => (
            StatusCode::OK,
            change_page(&user, true, &Default::default())?,
        ),
        Err(errors) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            change_page(&user, false, &errors)?,
        ),
    };
    Ok(crate::web::forms::page(status, body))
}
