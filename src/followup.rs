//! Follow-up operations shared by the JSON API and the secretariat's pages. Each runs in one
//! write transaction together with its audit event and its mail, so a page and an API call do
//! exactly the same thing.

use serde_json::json;

use crate::config::Settings;
use crate::db::decisions::{self, RecordDecision, StoredDecision};
use crate::db::tasks::{self, NewTask, Task, TaskChange};
use crate::db::{DbConnection, audit, write_transaction};
use crate::domain::account::Actor;
use crate::error::{AppError, AppResult};
use crate::mail::tasks::{notify_confirmed, notify_deadline_moved};

/// Records (or corrects) a decision; `true` when it is the item's first.
pub fn record_decision(
    conn: &mut DbConnection,
    actor: &Actor,
    request: &RecordDecision,
) -> AppResult<(bool, StoredDecision)> {
    write_transaction(conn, |conn| {
        let before = decisions::decision_of(conn, request.item)?;
        let stored = decisions::record(conn, request)?;
        audit::record(
            conn,
            actor,
            audit::Change {
                action: if before.is_some() {
                    "decision.corrected"
                } else {
                    "decision.recorded"
                },
                subject: audit::SubjectKind("agenda_item").with(request.item.0),
                before: before
                    .as_ref()
                    .map(|b| json!({ "outcome": b.decision.outcome, "text": b.text })),
                after: Some(json!({ "outcome": stored.decision.outcome, "text": stored.text })),
                note: None,
            },
        )?;
        Ok((before.is_none(), stored))
    })
}

/// Confirms a task and queues its mails: the lead's and one per contributing administration,
/// each with its own answer link.
pub fn confirm_task(
    conn: &mut DbConnection,
    settings: &Settings,
    actor: &Actor,
    new: &NewTask,
) -> AppResult<Task> {
    write_transaction(conn, |conn| {
        let (_, confirmed) = tasks::confirm(conn, new)?;
        notify_confirmed(conn, settings, &confirmed, false)?;
        audit::record(
            conn,
            actor,
            audit::Change {
                action: "task.confirmed",
                subject: audit::SubjectKind("task").with(confirmed.task_id),
                before: None,
                after: Some(json!({
                    "agenda_item_id": new.item,
                    "clause": new.clause,
                    "lead": new.lead,
                    "contributors": new.contributors,
                    "deadline": new.deadline,
                })),
                note: None,
            },
        )?;
        tasks::get(conn, confirmed.task_id)?
            .ok_or_else(|| AppError::internal("a task just confirmed is missing"))
    })
}

/// Applies the secretariat's change to a task; a moved deadline is mailed with the calendar
/// entry replaced, reissued links are mailed to whoever still has to answer.
pub fn change_task(
    conn: &mut DbConnection,
    settings: &Settings,
    actor: &Actor,
    id: i64,
    lock_version: Option<i32>,
    change: &TaskChange,
) -> AppResult<Task> {
    write_transaction(conn, |conn| {
        let before =
            tasks::get(conn, id)?.ok_or_else(|| AppError::not_found("Opgaven findes ikke."))?;
        let done = tasks::change(conn, id, lock_version, change)?;
        if done.new_deadline.is_some() {
            notify_deadline_moved(conn, settings, id)?;
        }
        if let Some(links) = &done.reissued {
            notify_confirmed(conn, settings, links, true)?;
        }
        let after = tasks::get(conn, id)?
            .ok_or_else(|| AppError::internal("a task just changed is missing"))?;
        audit::record(
            conn,
            actor,
            audit::Change {
                action: "task.changed",
                subject: audit::SubjectKind("task").with(id),
                before: Some(json!({ "status": before.status, "deadline": before.deadline })),
                after: Some(json!({
                    "status": after.status,
                    "deadline": after.deadline,
                    "links_revoked": done.revoked,
                    "links_reissued": done.reissued.is_some(),
                })),
                note: None,
            },
        )?;
        Ok(after)
    })
}
