//! The one error type of the application.
//!
//! What the user is told (`message`: a catalogue key and its arguments, written in the reader's
//! language where it is shown) is kept apart from the cause chain (`source`),
//! which is logged but never shown: a bad request gets a clear 4xx, a fault gets a 500 page
//! that gives nothing away.

use std::fmt;

pub use crate::i18n::Msg;

/// What a fault of ours tells the user: nothing of the cause.
const GENERIC_INTERNAL: &str = "error-internal";

type Source = Box<dyn std::error::Error + Send + Sync + 'static>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    BadRequest,
    /// No valid credentials (the JSON API; pages send the browser to the login page).
    Unauthorized,
    /// Logged in, but this role may not do it.
    Forbidden,
    NotFound,
    /// The address exists, but not for this method (TRACE, or a POST to a page).
    MethodNotAllowed,
    /// A link that worked once and no longer does (expired or revoked).
    Gone,
    Conflict,
    /// Form input that does not pass the rules; the form is shown again with messages.
    Invalid,
    /// A request body over its limit: refused before (or as soon as) the limit is passed.
    PayloadTooLarge,
    TooManyRequests,
    /// A dependency (the database) does not answer.
    Unavailable,
    Internal,
}

impl ErrorKind {
    pub fn status(self) -> u16 {
        match self {
            Self::BadRequest => 400,
            Self::Unauthorized => 401,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::MethodNotAllowed => 405,
            Self::Gone => 410,
            Self::Conflict => 409,
            Self::Invalid => 422,
            Self::PayloadTooLarge => 413,
            Self::TooManyRequests => 429,
            Self::Unavailable => 503,
            Self::Internal => 500,
        }
    }

    /// The machine-readable code of the JSON API.
    pub fn code(self) -> &'static str {
        match self {
            Self::BadRequest => "bad_request",
            Self::Unauthorized => "unauthorized",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not_found",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::Gone => "gone",
            Self::Conflict => "conflict",
            Self::Invalid => "invalid",
            Self::PayloadTooLarge => "payload_too_large",
            Self::TooManyRequests => "too_many_requests",
            Self::Unavailable => "unavailable",
            Self::Internal => "internal",
        }
    }
}

pub struct AppError {
    pub kind: ErrorKind,
    /// Shown to the user, in their language.
    pub message: Msg,
    source: Option<Source>,
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn new(kind: ErrorKind, message: impl Into<Msg>) -> Self {
        Self {
            kind,
            message: message.into(),
            source: None,
        }
    }

    pub fn not_found(message: impl Into<Msg>) -> Self {
        Self::new(ErrorKind::NotFound, message)
    }

    pub fn bad_request(message: impl Into<Msg>) -> Self {
        Self::new(ErrorKind::BadRequest, message)
    }

    pub fn forbidden(message: impl Into<Msg>) -> Self {
        Self::new(ErrorKind::Forbidden, message)
    }

    pub fn unauthorized(message: impl Into<Msg>) -> Self {
        Self::new(ErrorKind::Unauthorized, message)
    }

    pub fn invalid(message: impl Into<Msg>) -> Self {
        Self::new(ErrorKind::Invalid, message)
    }

    pub fn too_large(message: impl Into<Msg>) -> Self {
        Self::new(ErrorKind::PayloadTooLarge, message)
    }

    pub fn gone(message: impl Into<Msg>) -> Self {
        Self::new(ErrorKind::Gone, message)
    }

    pub fn conflict(message: impl Into<Msg>) -> Self {
        Self::new(ErrorKind::Conflict, message)
    }

    /// A fault of ours: the user sees a generic message, the cause goes to the log.
    pub fn internal(source: impl Into<Source>) -> Self {
        Self {
            kind: ErrorKind::Internal,
            message: Msg::key(GENERIC_INTERNAL),
            source: Some(source.into()),
        }
    }

    pub fn unavailable(source: impl Into<Source>) -> Self {
        Self {
            kind: ErrorKind::Unavailable,
            message: Msg::key("error-unavailable"),
            source: Some(source.into()),
        }
    }

    /// Replaces what the user is told, keeping the cause.
    pub fn with_message(mut self, message: impl Into<Msg>) -> Self {
        self.message = message.into();
        self
    }

    pub fn with_source(mut self, source: impl Into<Source>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// The message and every cause on one line, for logs and the command line. The generic
    /// message meant for web users is left out there.
    pub fn chain(&self) -> String {
        let mut out = if self.message.key_name() == Some(GENERIC_INTERNAL) && self.source.is_some()
        {
            String::from("internal error")
        } else {
            self.message.to_string()
        };
        let mut next: Option<&(dyn std::error::Error + 'static)> =
            self.source.as_deref().map(|s| s as _);
        while let Some(err) = next {
            out.push_str(": ");
            out.push_str(&one_line(&err.to_string()));
            next = err.source();
        }
        out
    }
}

/// Collapses a multi-line message (libpq writes several lines) into one.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl fmt::Debug for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.chain())
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message.fmt(f)
    }
}

impl std::error::Error for AppError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_deref().map(|s| s as _)
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(err: diesel::result::Error) -> Self {
        Self::internal(err)
    }
}

impl From<diesel::r2d2::PoolError> for AppError {
    fn from(err: diesel::r2d2::PoolError) -> Self {
        Self::unavailable(err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_message_is_apart_from_the_cause() {
        let cause = std::io::Error::other("disk on\nfire");
        let err = AppError::internal(cause);
        assert_eq!(
            err.to_string(),
            "Der opstod en uventet fejl. Prøv igen om lidt."
        );
        assert_eq!(err.chain(), "internal error: disk on fire");
        assert_eq!(err.kind.status(), 500);
        assert_eq!(
            AppError::not_found("error-the-meeting-does-not-exist")
                .kind
                .code(),
            "not_found"
        );
    }
}
