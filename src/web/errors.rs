//! How an [`AppError`] reaches the user: a Danish HTML page, or the JSON API's error object.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, ResponseError};

use super::site::Site;
use super::templates;
use crate::error::{AppError, ErrorKind};

fn status(kind: ErrorKind) -> StatusCode {
    StatusCode::from_u16(kind.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

fn log(err: &AppError) {
    match err.kind {
        ErrorKind::Internal | ErrorKind::Unavailable => {
            tracing::error!(error = %err.chain(), "request failed")
        }
        _ => tracing::debug!(error = %err.chain(), "request refused"),
    }
}

/// The catalogue key of an error page's heading.
fn title(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::NotFound => "error-title-not-found",
        ErrorKind::MethodNotAllowed => "error-title-method",
        ErrorKind::Gone => "error-title-gone",
        ErrorKind::BadRequest | ErrorKind::Invalid => "error-title-bad-request",
        ErrorKind::Unauthorized => "error-title-unauthorized",
        ErrorKind::Forbidden => "error-title-forbidden",
        ErrorKind::TooManyRequests => "error-title-too-many",
        ErrorKind::PayloadTooLarge => "error-title-too-large",
        ErrorKind::Conflict => "error-title-conflict",
        ErrorKind::Unavailable => "error-title-unavailable",
        ErrorKind::Internal => "error-title-internal",
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        status(self.kind)
    }

    fn error_response(&self) -> HttpResponse {
        log(self);
        // Without its request (an error raised outside a handler): the default language.
        page(
            self,
            templates::Viewer::Anonymous(&Site::unnamed(), super::language::answering_in()),
        )
    }
}

/// The error page for `err`, in the municipality's layout, for whoever asked: a logged-in
/// person sees their own header (name, menu, log out) on it.
pub fn page(err: &AppError, viewer: templates::Viewer<'_>) -> HttpResponse {
    let mut ctx = templates::context_for(viewer);
    ctx.insert("status", &err.kind.status());
    ctx.insert("title", &crate::i18n::t(viewer.lang(), title(err.kind)));
    let message = err.message.in_lang(viewer.lang());
    ctx.insert("message", &message);
    let body = crate::render::render_in(viewer.lang(), "error.html", &ctx)
        .unwrap_or_else(|_| format!("{} – {message}", err.kind.status()));
    HttpResponse::build(status(err.kind))
        .content_type("text/html; charset=utf-8")
        .body(body)
}

/// An error of the JSON API: `{"error": {"code": "...", "message": "..."}}`.
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl From<AppError> for ApiError {
    fn from(err: AppError) -> Self {
        ApiError(err)
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// An API error's body (`Error` in the OpenAPI document): a stable code, the message for
/// people, and with `invalid` a message per field.
#[derive(serde::Serialize)]
pub struct ErrorBody<'a> {
    pub error: ErrorJson<'a>,
}

#[derive(serde::Serialize)]
pub struct ErrorJson<'a> {
    pub code: &'static str,
    pub message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<std::collections::BTreeMap<&'a str, String>>,
}

/// 422 with a message per field: `{"error": {"code": "invalid", "message", "fields": {...}}}`;
/// the message is the first field's, or `fallback`.
pub fn invalid_fields(
    errors: &crate::domain::proposal::FieldErrors,
    fallback: impl Into<crate::i18n::Msg>,
) -> HttpResponse {
    let lang = super::language::answering_in();
    let message = errors
        .0
        .first()
        .map_or_else(|| fallback.into().in_lang(lang), |(_, m)| m.in_lang(lang));
    HttpResponse::build(StatusCode::UNPROCESSABLE_ENTITY).json(ErrorBody {
        error: ErrorJson {
            code: ErrorKind::Invalid.code(),
            message: &message,
            fields: Some(
                errors
                    .0
                    .iter()
                    .map(|(f, m)| (f.as_str(), m.in_lang(lang)))
                    .collect(),
            ),
        },
    })
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        status(self.0.kind)
    }

    fn error_response(&self) -> HttpResponse {
        log(&self.0);
        let message = self.0.message.in_lang(super::language::answering_in());
        HttpResponse::build(status(self.0.kind)).json(ErrorBody {
            error: ErrorJson {
                code: self.0.kind.code(),
                message: &message,
                fields: None,
            },
        })
    }
}

/// Any request no route answers: a 405 with `Allow` when the address exists for other methods
/// (TRACE included), otherwise a 404, in the form the caller expects.
pub async fn not_found(req: HttpRequest) -> HttpResponse {
    let api = req.path().starts_with("/api/");
    let allowed = super::allowed_methods(req.path());
    let err = if allowed.is_empty() {
        if api {
            AppError::not_found("error-the-address-does-not-exist-in")
        } else {
            AppError::not_found("error-the-page-does-not-exist-check")
        }
    } else {
        AppError::new(
            ErrorKind::MethodNotAllowed,
            crate::i18n::Msg::key("error-the-address-exists-but-not-with")
                .arg("arg0", req.method())
                .arg("arg1", allowed.join(", ")),
        )
    };
    let state = req.app_data::<actix_web::web::Data<super::AppState>>();
    let mut response = match (api, state) {
        (true, _) => ApiError(err).error_response(),
        (false, Some(state)) => {
            log(&err);
            let user = if req.cookie(super::auth::SESSION_COOKIE).is_some() {
                super::auth::current_user(&req).await.ok().flatten()
            } else {
                None
            };
            let site = state.site();
            let lang = templates::lang_of(&req, user.as_ref());
            page(&err, templates::Viewer::new(&site, user.as_ref(), lang))
        }
        (false, None) => err.error_response(),
    };
    if !allowed.is_empty()
        && let Ok(value) = actix_web::http::header::HeaderValue::from_str(&allowed.join(", "))
    {
        response
            .headers_mut()
            .insert(actix_web::http::header::ALLOW, value);
    }
    response
}

/// An error of the OParl interface, as OParl's error object (`type`, `message`, `debug`), open
/// to other sites like every OParl answer.
#[derive(Debug)]
pub struct OparlError(pub AppError);

impl From<AppError> for OparlError {
    fn from(e: AppError) -> Self {
        OparlError(e)
    }
}

impl std::fmt::Display for OparlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl ResponseError for OparlError {
    fn status_code(&self) -> StatusCode {
        status(self.0.kind)
    }

    fn error_response(&self) -> HttpResponse {
        log(&self.0);
        HttpResponse::build(status(self.0.kind))
            .insert_header((actix_web::http::header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
            .json(serde_json::json!({
                "type": format!("{}Error", crate::read::oparl::OPARL_VERSION),
                "message": self.0.message.in_lang(super::language::answering_in()),
                "debug": self.0.kind.code(),
            }))
    }
}
