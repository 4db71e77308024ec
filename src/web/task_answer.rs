//! `/tasks/answer/{token}`: an administration answers its task, or gives its contribution,
//! through the link in its mail, without an account. The link is the authority, for one task
//! (and, for a contributor, one contribution) only.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use serde::Deserialize;
use serde_json::json;

use super::AppState;
use super::auth::{CsrfForm, MaybeUser};
use super::templates::link_page;
use crate::db::decisions::{decided_item, decision_of};
use crate::db::tasks::{self, Link, Task};
use crate::db::{DbConnection, audit, write_transaction};
use crate::domain::account::Actor;
use crate::domain::time::{date_da, datetime_da, long_date_da, parse_date, today};
use crate::error::{AppError, AppResult};

/// The task behind a link, or the clear reason it does not open.
fn open(conn: &mut DbConnection, token: &str) -> AppResult<(Task, Option<i64>)> {
    match tasks::link(conn, token, Utc::now())? {
        Link::Valid { task, contribution } => {
            let task = tasks::get(conn, task)?
                .ok_or_else(|| AppError::not_found("Opgaven findes ikke længere."))?;
            Ok((task, contribution))
        }
        Link::Expired => Err(AppError::gone(
            "Linket er udløbet. Kontakt sekretariatet, hvis opgaven stadig skal besvares.",
        )),
        Link::Revoked => Err(AppError::gone(
            "Linket er trukket tilbage af sekretariatet. Brug det nyeste link, du har fået, eller kontakt sekretariatet.",
        )),
        Link::Unknown => Err(AppError::not_found(
            "Linket findes ikke. Tjek, at hele adressen fra mailen er med.",
        )),
    }
}

/// Everything the page shows about the task, as the template reads it.
pub(super) fn page_data(
    conn: &mut DbConnection,
    task: &Task,
    contribution: Option<i64>,
) -> AppResult<serde_json::Value> {
    let item = decided_item(conn, task.agenda_item_id)?
        .ok_or_else(|| AppError::internal("a task's agenda item is missing"))?;
    let decision = decision_of(conn, task.agenda_item_id)?
        .ok_or_else(|| AppError::internal("a task's decision is missing"))?;
    let mine = contribution.and_then(|id| task.contributors.iter().find(|c| c.id == id));
    let today = today();
    Ok(json!({
        "is_lead": mine.is_none(),
        "administration": mine.map_or(&task.lead.name, |c| &c.organization.name),
        "lead": task.lead.name,
        "organization": item.organization_name,
        "meeting_date": date_da(item.meeting_starts_at),
        "meeting_url": format!("/meetings/{}", item.meeting_id),
        "item_title": item.item.display_title(),
        "decision_text": decision.text,
        "clause": task.clause,
        "clause_text": task.clause_text,
        "description": task.description,
        "deadline": task.deadline.map(long_date_da),
        "overdue": task.status.is_overdue(task.deadline, today),
        "answer_to": task.answer_to.as_ref().map(|o| o.name.clone()),
        "status": task.status.label_da(),
        "open": task.status.is_open(),
        "answer": task.answer,
        "answered_by": task.answered_by,
        "answered_at": task.answered_at.map(datetime_da),
        "proposed_deadline": task.proposed_deadline.map(long_date_da),
        "extension_reason": task.extension_reason,
        "my_answer": mine.and_then(|c| c.answer.clone()),
        "my_answered_by": mine.and_then(|c| c.answered_by.clone()),
        "my_answered_at": mine.and_then(|c| c.answered_at.map(datetime_da)),
        "contributions": task.contributors.iter().map(|c| json!({
            "organization": c.organization.name,
            "answered": c.status == "answered",
            "answer": c.answer,
            "answered_by": c.answered_by,
            "answered_at": c.answered_at.map(datetime_da),
        })).collect::<Vec<_>>(),
    }))
}

/// What the page says above the task after a submission.
enum Said<'a> {
    Nothing,
    Thanks(&'a str),
    Refused(&'a str),
}

fn respond(
    req: &HttpRequest,
    state: &AppState,
    user: Option<&super::auth::CurrentUser>,
    status: StatusCode,
    token: &str,
    data: serde_json::Value,
    said: Said,
) -> AppResult<HttpResponse> {
    let (notice, error) = match said {
        Said::Nothing => (None, None),
        Said::Thanks(text) => (Some(text), None),
        Said::Refused(text) => (None, Some(text)),
    };
    link_page(req, state, user, status, "task_answer.html", |ctx| {
        ctx.insert("task", &data);
        ctx.insert("action", &format!("/tasks/answer/{token}"));
        ctx.insert("notice", &notice);
        ctx.insert("error", &error);
    })
}

/// `GET /tasks/answer/{token}`: the task, its decision and clause, the deadline, and the form.
/// Opening it marks the task (or the contribution) as seen.
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    MaybeUser(user): MaybeUser,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    let lookup = token.clone();
    let data = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                let (task, contribution) = open(conn, &lookup)?;
                tasks::mark_seen(conn, &task, contribution)?;
                let task = tasks::get(conn, task.id)?.unwrap_or(task);
                page_data(conn, &task, contribution)
            })
        })
        .await?;
    respond(
        &req,
        &state,
        user.as_ref(),
        StatusCode::OK,
        &token,
        data,
        Said::Nothing,
    )
}

/// An answer, a contribution or a request for more time, with its audit event, in one
/// transaction; returns the thanks to show.
pub(super) fn act(
    conn: &mut DbConnection,
    settings: &crate::config::Settings,
    task: &Task,
    contribution: Option<i64>,
    form: &AnswerForm,
    actor: &Actor,
) -> AppResult<&'static str> {
    write_transaction(conn, |conn| {
        let (action, notice) = match (form.action.as_str(), contribution) {
            ("answer", Some(c)) => {
                tasks::answer_contribution(conn, task, c, &form.answer, &form.answered_by)?;
                (
                    "task.contributed",
                    "Tak. Jeres bidrag er sendt til den ansvarlige forvaltning.",
                )
            }
            ("answer", None) => {
                tasks::answer_task(conn, task, &form.answer, &form.answered_by)?;
                let answered = tasks::get(conn, task.id)?
                    .ok_or_else(|| AppError::internal("a task just answered is missing"))?;
                crate::mail::proposer::notify_answered(conn, settings, &answered)?;
                ("task.answered", "Tak. Svaret er sendt til sekretariatet.")
            }
            ("more_time", None) => {
                let proposed = parse_date(&form.proposed_deadline).ok_or_else(|| {
                    AppError::invalid("Skriv den nye frist som DD.MM.ÅÅÅÅ (fx 31.08.2025).")
                })?;
                tasks::request_more_time(conn, task, proposed, &form.reason)?;
                (
                    "task.more_time_requested",
                    "Sekretariatet har fået jeres ønske om en ny frist.",
                )
            }
            _ => return Err(AppError::bad_request("Ukendt handling.")),
        };
        audit::record(
            conn,
            actor,
            audit::Change {
                action,
                subject: audit::SubjectKind("task").with(task.id),
                before: Some(json!({ "status": task.status })),
                after: None,
                note: contribution.map(|c| format!("bidrag {c}")).as_deref(),
            },
        )?;
        Ok(notice)
    })
}

#[derive(Debug, Deserialize)]
pub struct AnswerForm {
    pub action: String,
    #[serde(default)]
    pub answer: String,
    #[serde(default)]
    pub answered_by: String,
    #[serde(default)]
    pub proposed_deadline: String,
    #[serde(default)]
    pub reason: String,
}

impl AnswerForm {
    /// What was typed, to show again if it is refused.
    pub(super) fn draft(&self) -> serde_json::Value {
        json!({
            "answer": self.answer,
            "answered_by": self.answered_by,
            "proposed_deadline": self.proposed_deadline,
            "reason": self.reason,
        })
    }
}

/// `POST /tasks/answer/{token}`: an answer, a contribution, or a request for more time.
pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    MaybeUser(user): MaybeUser,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<AnswerForm>,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    let lookup = token.clone();
    let draft = form.draft();
    let settings = state.settings.clone();
    let outcome = state
        .db
        .run(move |conn| {
            let (task, contribution) = open(conn, &lookup)?;
            // No account: the audit log names the link and who said they answered.
            let actor = Actor {
                user_id: None,
                label: format!("svarlink ({})", form.answered_by.trim()),
            };
            let done = act(conn, &settings, &task, contribution, &form, &actor);
            // The page again: with the thanks, or with what was wrong and the form as it was.
            let task = tasks::get(conn, task.id)?.unwrap_or(task);
            let data = page_data(conn, &task, contribution)?;
            Ok((data, done))
        })
        .await?;
    match outcome {
        (data, Ok(notice)) => respond(
            &req,
            &state,
            user.as_ref(),
            StatusCode::OK,
            &token,
            data,
            Said::Thanks(notice),
        ),
        (mut data, Err(err)) if err.kind.status() < 500 => {
            data["draft"] = draft;
            let status = StatusCode::from_u16(err.kind.status()).unwrap_or(StatusCode::BAD_REQUEST);
            respond(
                &req,
                &state,
                user.as_ref(),
                status,
                &token,
                data,
                Said::Refused(&err.message),
            )
        }
        (_, Err(err)) => Err(err),
    }
}
