//! Two-factor login for secretariat accounts: the second step of a login (`/login/code`) and
//! the account's own page to set it up, turn it off and renew the recovery codes
//! (`/account/two-factor`).

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};

use super::account::{home_path, safe_next};
use crate::db::{self, two_factor};
use crate::domain::secret::{new_secret, secret_hash};
use crate::domain::totp::CODE_ATTEMPTS;
use crate::error::{AppError, AppResult};
use crate::service::two_factor::{self as service, CodeOutcome};
use crate::web::AppState;
use crate::web::auth::{
    CsrfForm, CurrentUser, LOGIN_COOKIE, User, form_token, login_cookie, removal_cookie,
    session_cookie,
};
use crate::web::forms::page;
use crate::web::templates::{Viewer, render_page};

/// Starts the second step for an account whose password was right: a waiting login, its
/// cookie, and the way to the code form. The login attempt stays unfinished until the code.
pub async fn challenge(
    state: &AppState,
    user: crate::domain::UserId,
    attempt: i64,
    next: &str,
) -> AppResult<HttpResponse> {
    let token = new_secret();
    let hash = secret_hash(&token);
    state
        .db
        .run(move |conn| service::begin_login(conn, user, &hash, attempt))
        .await?;
    let location = match safe_next(next) {
        Some(next) => format!(
            "/login/code?next={}",
            url::form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
        ),
        None => "/login/code".to_owned(),
    };
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .cookie(login_cookie(state, token))
        .finish())
}

#[derive(Serialize)]
struct CodePage<'a> {
    form_csrf: &'a str,
    next: &'a str,
    error: Option<&'a crate::i18n::Msg>,
}

fn code_page(
    req: &HttpRequest,
    state: &AppState,
    next: &str,
    error: Option<&crate::i18n::Msg>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let (form_csrf, cookie) = form_token(req, state);
    let site = state.site();
    let body = render_page(
        "public/login_code.html",
        Viewer::new(&site, None, crate::web::language::of(req)),
        &CodePage {
            form_csrf: &form_csrf,
            next: safe_next(next).unwrap_or(""),
            error,
        },
    )?;
    let mut response = HttpResponse::build(status);
    response
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"));
    if let Some(cookie) = cookie {
        response.cookie(cookie);
    }
    Ok(response.body(body))
}

/// Back to the password, the waiting login forgotten.
fn start_again() -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, "/login"))
        .cookie(removal_cookie(LOGIN_COOKIE))
        .finish()
}

#[derive(Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

/// `GET /login/code`
pub async fn code_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<NextQuery>,
) -> AppResult<HttpResponse> {
    if waiting(&req, &state).await?.is_none() {
        return Ok(start_again());
    }
    code_page(&req, &state, &query.next, None, StatusCode::OK)
}

async fn waiting(req: &HttpRequest, state: &AppState) -> AppResult<Option<two_factor::Challenge>> {
    let Some(cookie) = req.cookie(LOGIN_COOKIE).filter(|c| c.value().len() <= 128) else {
        return Ok(None);
    };
    let hash = secret_hash(cookie.value());
    state
        .db
        .run(move |conn| two_factor::challenge(conn, &hash, db::now()))
        .await
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: String,
}

/// `POST /login/code`: the app's code or a recovery code ends the login; a few wrong ones send
/// the person back to the password.
pub async fn code(
    req: HttpRequest,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> AppResult<HttpResponse> {
    let Some(challenge) = waiting(&req, &state).await? else {
        return Ok(start_again());
    };
    let typed = form.code.chars().take(40).collect::<String>();
    let token = new_secret();
    let token_hash = secret_hash(&token);
    let policy = state.settings.sessions;
    let user = challenge.user;
    let outcome = state
        .db
        .run(move |conn| {
            let at = db::now();
            service::complete_login(
                conn,
                &challenge,
                &typed,
                chrono::Utc::now(),
                &token_hash,
                policy.expires_at(at, at),
            )
        })
        .await?;
    match outcome {
        CodeOutcome::LoggedIn(account) => {
            tracing::info!(user = account.id.0, "logged in with a second factor");
            let target = safe_next(&form.next).unwrap_or(home_path(account.role));
            Ok(HttpResponse::SeeOther()
                .insert_header((header::LOCATION, target))
                .insert_header((header::CACHE_CONTROL, "no-store"))
                .cookie(removal_cookie(LOGIN_COOKIE))
                .cookie(session_cookie(&state, token))
                .finish())
        }
        CodeOutcome::Wrong(attempts) if attempts >= CODE_ATTEMPTS => {
            tracing::warn!(user = user.0, "second factor failed too often");
            let mut response = code_page(
                &req,
                &state,
                &form.next,
                Some(&"two-factor-too-many-codes".into()),
                StatusCode::TOO_MANY_REQUESTS,
            )?;
            response
                .add_cookie(&removal_cookie(LOGIN_COOKIE))
                .map_err(AppError::internal)?;
            Ok(response)
        }
        CodeOutcome::Wrong(_) => code_page(
            &req,
            &state,
            &form.next,
            Some(&"two-factor-wrong-code".into()),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// The account's page

#[derive(Serialize, Default)]
struct TwoFactorPage {
    allowed: bool,
    enabled: bool,
    enabled_at: Option<String>,
    codes_left: i64,
    /// While setting up: the secret to type and the `otpauth://` address.
    secret: Option<String>,
    otpauth: Option<String>,
    /// Recovery codes, shown once right after they are made.
    recovery_codes: Vec<String>,
    /// Said in the layout's notice box, as after a redirect (`web::flash`).
    #[serde(skip_serializing_if = "Option::is_none")]
    flash: Option<&'static str>,
    error: Option<crate::i18n::Msg>,
}

fn two_factor_page(
    conn: &mut db::DbConnection,
    user: &CurrentUser,
    mut view: TwoFactorPage,
) -> AppResult<String> {
    let lang = user.lang;
    let state = two_factor::state(conn, user.account.id)?;
    view.allowed = user.account.role == crate::domain::account::Role::Secretariat;
    view.enabled = state.enabled();
    view.enabled_at = state
        .enabled_at
        .map(|t| crate::domain::time::datetime(lang, t.and_utc()));
    view.codes_left = two_factor::recovery_codes_left(conn, user.account.id)?;
    render_page("public/two_factor.html", user, &view)
}

/// `GET /account/two-factor`
pub async fn show(state: web::Data<AppState>, User(user): User) -> AppResult<HttpResponse> {
    let body = state
        .db
        .run(move |conn| two_factor_page(conn, &user, TwoFactorPage::default()))
        .await?;
    Ok(page(StatusCode::OK, body))
}

/// Runs a change and shows the page with its outcome: a refusal the person can act on becomes
/// the page's error.
async fn act(
    state: &AppState,
    user: CurrentUser,
    work: impl FnOnce(&mut db::DbConnection, &CurrentUser) -> AppResult<TwoFactorPage> + Send + 'static,
) -> AppResult<HttpResponse> {
    let (status, body) = state
        .db
        .run(move |conn| {
            let (status, view) = match work(conn, &user) {
                // A refusal shown with what to do next (a wrong code, with the secret again).
                Ok(view) if view.error.is_some() => (StatusCode::UNPROCESSABLE_ENTITY, view),
                Ok(view) => (StatusCode::OK, view),
                Err(err) if (400..500).contains(&err.kind.status()) && err.kind.status() != 403 => {
                    (
                        StatusCode::from_u16(err.kind.status()).unwrap_or(StatusCode::BAD_REQUEST),
                        TwoFactorPage {
                            error: Some(err.message),
                            ..Default::default()
                        },
                    )
                }
                Err(err) => return Err(err),
            };
            Ok((status, two_factor_page(conn, &user, view)?))
        })
        .await?;
    Ok(page(status, body))
}

#[derive(Deserialize)]
pub struct Empty {}

/// `POST /account/two-factor/start`: a secret to add to the app.
pub async fn start(
    state: web::Data<AppState>,
    User(user): User,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<HttpResponse> {
    let issuer = state.site().name.clone();
    act(&state, user, move |conn, user| {
        let secret = service::begin(conn, &user.account)?;
        Ok(TwoFactorPage {
            otpauth: Some(secret.otpauth_url(&format!("Agendum {issuer}"), &user.account.email)),
            secret: Some(secret.grouped()),
            ..Default::default()
        })
    })
    .await
}

#[derive(Deserialize)]
pub struct CodeInput {
    #[serde(default)]
    code: String,
}

/// `POST /account/two-factor/enable`: the first code from the app turns it on.
pub async fn enable(
    state: web::Data<AppState>,
    User(user): User,
    CsrfForm(form): CsrfForm<CodeInput>,
) -> AppResult<HttpResponse> {
    let issuer = state.site().name.clone();
    act(&state, user, move |conn, user| {
        match service::enable(conn, &user.account, &form.code, chrono::Utc::now()) {
            Ok(codes) => Ok(TwoFactorPage {
                recovery_codes: codes,
                flash: Some("notice-two-factor-on"),
                ..Default::default()
            }),
            // A wrong code: the same secret again, with why.
            Err(err) if err.kind.status() == 422 => {
                let secret = service::begin(conn, &user.account)?;
                Ok(TwoFactorPage {
                    otpauth: Some(
                        secret.otpauth_url(&format!("Agendum {issuer}"), &user.account.email),
                    ),
                    secret: Some(secret.grouped()),
                    error: Some(err.message),
                    ..Default::default()
                })
            }
            Err(err) => Err(err),
        }
    })
    .await
}

/// `POST /account/two-factor/recovery-codes`: new codes (the old stop working).
pub async fn renew(
    state: web::Data<AppState>,
    User(user): User,
    CsrfForm(form): CsrfForm<CodeInput>,
) -> AppResult<HttpResponse> {
    act(&state, user, move |conn, user| {
        let codes =
            service::renew_recovery_codes(conn, &user.account, &form.code, chrono::Utc::now())?;
        Ok(TwoFactorPage {
            recovery_codes: codes,
            flash: Some("notice-recovery-codes-new"),
            ..Default::default()
        })
    })
    .await
}

#[derive(Deserialize)]
pub struct PasswordInput {
    #[serde(default)]
    password: String,
}

/// `POST /account/two-factor/disable`: with the password.
pub async fn disable(
    state: web::Data<AppState>,
    User(user): User,
    CsrfForm(form): CsrfForm<PasswordInput>,
) -> AppResult<HttpResponse> {
    let account = user.account.clone();
    let done = state
        .db
        .run(move |conn| {
            Ok(match service::disable(conn, &account, &form.password) {
                Ok(()) => Ok(()),
                Err(err) if err.kind.status() == 422 || err.kind.status() == 409 => Err(err),
                Err(err) => return Err(err),
            })
        })
        .await?;
    match done {
        Ok(()) => Ok(crate::web::flash::done(
            "/account/two-factor",
            "notice-two-factor-off",
        )),
        Err(err) => {
            let message = err.message;
            act(&state, user, move |_, _| {
                Ok(TwoFactorPage {
                    error: Some(message),
                    ..Default::default()
                })
            })
            .await
            .map(|mut r| {
                *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
                r
            })
        }
    }
}
