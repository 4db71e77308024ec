//! The secretariat's hand on the outbox: a dead letter sent again.

use serde_json::json;

use crate::db::audit::{self, Change, SubjectKind};
use crate::db::outbox::{self, OutboxStatus};
use crate::db::{DbConnection, write_transaction};
use crate::domain::MessageId;
use crate::domain::account::Actor;
use crate::error::{AppError, AppResult};

pub const SUBJECT_KIND: SubjectKind = SubjectKind("outbox_message");

/// A message that failed for good goes back in the queue, its attempts reset, with an audit
/// line of how it had failed.
pub fn requeue(conn: &mut DbConnection, actor: &Actor, id: MessageId) -> AppResult<()> {
    write_transaction(conn, |conn| {
        let before = outbox::get(conn, id)?
            .ok_or_else(|| AppError::not_found("error-the-message-is-not-in-the"))?;
        outbox::requeue(conn, id, chrono::Utc::now())?;
        audit::record(
            conn,
            actor,
            Change {
                action: "outbox.requeued",
                subject: SUBJECT_KIND.with(id),
                before: Some(json!({
                    "status": before.status.as_str(),
                    "attempts": before.attempts,
                    "last_error": before.last_error,
                })),
                after: Some(json!({ "status": OutboxStatus::Pending.as_str(), "attempts": 0 })),
                note: None,
            },
        )
    })
}
