//! How an [`AppError`] reaches the user: a Danish HTML page, or the JSON API's error object.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use serde_json::json;

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

fn title(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::NotFound => "Siden blev ikke fundet",
        ErrorKind::Gone => "Linket virker ikke længere",
        ErrorKind::BadRequest | ErrorKind::Invalid => "Forespørgslen kan ikke behandles",
        ErrorKind::Unauthorized => "Du skal logge ind",
        ErrorKind::Forbidden => "Du har ikke adgang",
        ErrorKind::TooManyRequests => "For mange forsøg",
        ErrorKind::Conflict => "Ændringen kan ikke gemmes",
        ErrorKind::Unavailable => "Tjenesten er midlertidigt utilgængelig",
        ErrorKind::Internal => "Der opstod en fejl",
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        status(self.kind)
    }

    fn error_response(&self) -> HttpResponse {
        log(self);
        let mut ctx = templates::page_context();
        ctx.insert("status", &self.kind.status());
        ctx.insert("title", title(self.kind));
        ctx.insert("message", &self.message);
        let body = templates::render("error.html", &ctx)
            .unwrap_or_else(|_| format!("{} – {}", self.kind.status(), self.message));
        HttpResponse::build(status(self.kind))
            .content_type("text/html; charset=utf-8")
            .body(body)
    }
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

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        status(self.0.kind)
    }

    fn error_response(&self) -> HttpResponse {
        log(&self.0);
        HttpResponse::build(status(self.0.kind)).json(json!({
            "error": { "code": self.0.kind.code(), "message": self.0.message }
        }))
    }
}

/// Any address no route answers: a 404 in the form the caller expects.
pub async fn not_found(req: HttpRequest) -> Result<HttpResponse, actix_web::Error> {
    if req.path().starts_with("/api/") {
        Err(ApiError(AppError::not_found("Adressen findes ikke i API'et.")).into())
    } else {
        Err(AppError::not_found("Siden findes ikke. Tjek adressen, eller gå til forsiden.").into())
    }
}
