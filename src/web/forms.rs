//! What the secretariat's form posts share: a change is done and the browser sent on, or it is
//! refused and the page is shown again with the reason, at the refusal's status.

use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::domain::proposal::FieldErrors;
use crate::error::{AppError, AppResult};
use crate::service::tasks::Response;

/// A page that is never cached: it shows the state of things for one person.
pub fn page(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body)
}

/// A post's outcome: what was done, or the page again with why not.
pub enum Posted<T> {
    Done(T),
    Refused(StatusCode, String),
}

impl<T> Posted<T> {
    /// The redirect after a change with what it did (`then` gives where to and what to say),
    /// or the page with the refusal.
    pub fn respond<N: Into<crate::i18n::Msg>>(
        self,
        then: impl FnOnce(T) -> (String, N),
    ) -> HttpResponse {
        match self {
            Posted::Done(done) => {
                let (location, notice) = then(done);
                super::flash::done(location, notice)
            }
            Posted::Refused(status, body) => page(status, body),
        }
    }
}

/// `done`, or, when it was refused for a reason the user can act on (a 4xx other than "not
/// found", which has its own page), the page `again` renders with the reason.
pub fn refused_or<T>(
    done: AppResult<T>,
    again: impl FnOnce(&crate::i18n::Msg) -> AppResult<String>,
) -> AppResult<Posted<T>> {
    match done {
        Ok(done) => Ok(Posted::Done(done)),
        Err(err) if is_refusal(&err) => {
            let status = StatusCode::from_u16(err.kind.status()).unwrap_or(StatusCode::BAD_REQUEST);
            Ok(Posted::Refused(status, again(&err.message)?))
        }
        Err(err) => Err(err),
    }
}

fn is_refusal(err: &AppError) -> bool {
    let status = err.kind.status();
    (400..500).contains(&status) && status != 404
}

/// The deactivate/reactivate button's form: `active=false` or `active=true`.
#[derive(Debug, Deserialize)]
pub struct ActiveForm {
    active: String,
}

impl ActiveForm {
    pub fn value(&self) -> AppResult<bool> {
        match self.active.as_str() {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(AppError::bad_request("error-active-must-be-true-or-false")),
        }
    }
}

/// A form as typed with what was wrong in it: `f` the values, `e` the message at each field,
/// `errors` the summary's lines. Pages with several forms hold one each.
#[derive(Serialize)]
pub struct FormState<T: Serialize> {
    pub f: T,
    /// Each field's message, for `{{ e.name | tr }}`.
    pub e: std::collections::BTreeMap<String, crate::i18n::Msg>,
    pub errors: Vec<ErrorLine>,
}

impl<T: Serialize> FormState<T> {
    pub fn new(f: T, errors: &FieldErrors) -> Self {
        FormState {
            f,
            e: errors.0.iter().cloned().collect(),
            errors: error_lines(errors),
        }
    }

    /// A fresh form.
    pub fn blank(f: T) -> Self {
        Self::new(f, &FieldErrors::default())
    }
}

#[derive(Serialize)]
pub struct ErrorLine {
    field: String,
    message: crate::i18n::Msg,
}

/// The messages of a refused form, for the summary above it (each links to its field).
pub fn error_lines(errors: &FieldErrors) -> Vec<ErrorLine> {
    errors
        .0
        .iter()
        .map(|(field, message)| ErrorLine {
            field: field.clone(),
            message: message.clone(),
        })
        .collect()
}

/// The answer form of a task (its link and the administration's own page).
#[derive(Debug, Deserialize)]
pub struct AnswerForm {
    /// Missing is an unknown action, refused by the handler once it knows who is asking.
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub answer: String,
    #[serde(default)]
    pub answered_by: String,
    #[serde(default)]
    pub proposed_deadline: String,
    #[serde(default)]
    pub reason: String,
    /// A file chosen but sent with "Send" rather than "Vedhæft filen": only its name arrives.
    #[serde(default)]
    pub file: String,
}

impl AnswerForm {
    /// The form's text fields as a multipart post ("Vedhæft filen") sent them.
    pub fn from_fields(fields: &[(String, String)]) -> Self {
        let get = |name: &str| {
            fields
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        AnswerForm {
            action: get("action"),
            answer: get("answer"),
            answered_by: get("answered_by"),
            proposed_deadline: get("proposed_deadline"),
            reason: get("reason"),
            file: String::new(),
        }
    }

    /// What the form asks for. A file chosen but not attached refuses the answer, so nothing
    /// the person meant to send is dropped.
    pub fn response(&self) -> AppResult<Response<'_>> {
        let name = self.file.trim();
        if self.action == "answer" && !name.is_empty() {
            return Err(AppError::invalid(
                crate::i18n::Msg::key("error-the-file-has-not-been-attached").arg("name", name),
            ));
        }
        Ok(Response {
            action: &self.action,
            answer: &self.answer,
            answered_by: &self.answered_by,
            proposed_deadline: &self.proposed_deadline,
            reason: &self.reason,
        })
    }

    /// What was typed, to show again if it is refused.
    pub fn draft(&self) -> serde_json::Value {
        json!({
            "answer": self.answer,
            "answered_by": self.answered_by,
            "proposed_deadline": self.proposed_deadline,
            "reason": self.reason,
        })
    }
}

/// What the answer page says after a file was attached (the answer is not sent by it).
pub fn attached_notice(filename: &str) -> crate::i18n::Msg {
    crate::i18n::Msg::key("notice-file-attached").arg("filename", filename)
}

/// An option of a select: its value, its label, whether it is chosen.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// `?download`: the file comes as an attachment to save, not shown in the browser (OParl's
/// `downloadUrl`).
#[derive(Debug, Default, Deserialize)]
pub struct DownloadQuery {
    #[serde(default)]
    pub download: Option<String>,
}

/// `?version=N` on an agenda's page and documents; `?download` asks for a document as a file
/// to save rather than to read in the browser (OParl's `downloadUrl`).
#[derive(Debug, Deserialize)]
pub struct VersionQuery {
    pub version: Option<u32>,
    #[serde(default)]
    pub download: Option<String>,
}
