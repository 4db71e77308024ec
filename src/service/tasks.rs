//! An administration's side of a follow-up task, through its answer link or its own pages:
//! opening it (seen), answering it or contributing to it, asking for more time. Each with its
//! audit event, and the answer's mail to the proposer, in one transaction.

use serde_json::json;

use crate::config::Settings;
use crate::db::tasks::{self, Task};
use crate::db::{DbConnection, audit, write_transaction};
use crate::domain::ContributionId;
use crate::domain::account::Actor;
use crate::domain::time::parse_date;
use crate::error::{AppError, AppResult};

/// What an administration sends: `action` is `answer` or `more_time`; the rest as typed.
#[derive(Debug, Clone, Copy)]
pub struct Response<'a> {
    pub action: &'a str,
    pub answer: &'a str,
    pub answered_by: &'a str,
    pub proposed_deadline: &'a str,
    pub reason: &'a str,
}

/// The task (or the contribution) opened by its administration: marked seen, and returned as
/// it now is.
pub fn open(
    conn: &mut DbConnection,
    task: &Task,
    contribution: Option<ContributionId>,
) -> AppResult<Task> {
    write_transaction(conn, |conn| {
        tasks::mark_seen(conn, task, contribution)?;
        Ok(tasks::get(conn, task.id)?.unwrap_or_else(|| task.clone()))
    })
}

/// An answer, a contribution or a request for more time, with its audit event, in one
/// transaction; returns the thanks to show (a catalogue key).
pub fn respond(
    conn: &mut DbConnection,
    settings: &Settings,
    task: &Task,
    contribution: Option<ContributionId>,
    response: &Response,
    actor: &Actor,
) -> AppResult<&'static str> {
    write_transaction(conn, |conn| {
        let (action, notice) = match (response.action, contribution) {
            ("answer", Some(c)) => {
                tasks::answer_contribution(conn, task, c, response.answer, response.answered_by)?;
                ("task.contributed", "notice-contribution-sent")
            }
            ("answer", None) => {
                tasks::answer_task(conn, task, response.answer, response.answered_by)?;
                let answered = tasks::get(conn, task.id)?
                    .ok_or_else(|| AppError::internal("a task just answered is missing"))?;
                crate::mail::proposer::notify_answered(conn, settings, &answered)?;
                ("task.answered", "notice-answer-sent")
            }
            ("more_time", None) => {
                let proposed = parse_date(response.proposed_deadline)
                    .ok_or_else(|| AppError::invalid("error-write-the-new-deadline-as-dd"))?;
                tasks::request_more_time(conn, task, proposed, response.reason)?;
                ("task.more_time_requested", "notice-more-time-requested")
            }
            _ => return Err(AppError::bad_request("error-unknown-action")),
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
