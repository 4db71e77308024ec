//! The audit log: every state change, who made it, when, and the state before and after.
//! Rows are written in the transaction of the change and never updated.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use super::schema::audit_events;
use super::{DbConnection, now};
use crate::domain::account::Actor;
use crate::error::AppResult;

/// What an event is about, e.g. `("proposal", 12)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subject {
    pub kind: &'static str,
    pub id: i64,
}

/// A kind of subject, e.g. `SubjectKind("proposal").with(12)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubjectKind(pub &'static str);

impl SubjectKind {
    pub fn with(self, id: impl Into<i64>) -> Subject {
        Subject {
            kind: self.0,
            id: id.into(),
        }
    }
}

pub struct Change<'a> {
    pub action: &'a str,
    pub subject: Subject,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub note: Option<&'a str>,
}

pub fn record(conn: &mut DbConnection, actor: &Actor, change: Change<'_>) -> AppResult<()> {
    diesel::insert_into(audit_events::table)
        .values((
            audit_events::at.eq(now()),
            audit_events::user_id.eq(actor.user_id.map(|u| u.0)),
            audit_events::actor.eq(&actor.label),
            audit_events::action.eq(change.action),
            audit_events::subject_kind.eq(change.subject.kind),
            audit_events::subject_id.eq(change.subject.id),
            audit_events::before_state.eq(change.before.map(|v| v.to_string())),
            audit_events::after_state.eq(change.after.map(|v| v.to_string())),
            audit_events::note.eq(change.note),
        ))
        .execute(conn)?;
    Ok(())
}

#[derive(Debug, Clone, Serialize, Queryable)]
pub struct AuditEvent {
    pub id: i64,
    pub at: NaiveDateTime,
    pub actor: String,
    pub action: String,
    pub subject_kind: String,
    pub subject_id: i64,
    pub before_state: Option<String>,
    pub after_state: Option<String>,
    pub note: Option<String>,
}

/// The events of one subject, oldest first.
pub fn for_subject(conn: &mut DbConnection, subject: Subject) -> AppResult<Vec<AuditEvent>> {
    Ok(audit_events::table
        .filter(audit_events::subject_kind.eq(subject.kind))
        .filter(audit_events::subject_id.eq(subject.id))
        .order((audit_events::at, audit_events::id))
        .select((
            audit_events::id,
            audit_events::at,
            audit_events::actor,
            audit_events::action,
            audit_events::subject_kind,
            audit_events::subject_id,
            audit_events::before_state,
            audit_events::after_state,
            audit_events::note,
        ))
        .load(conn)?)
}
