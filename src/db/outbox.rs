//! The mail outbox. `enqueue` runs inside the caller's transaction, so a message exists exactly
//! when the change that caused it does. Workers claim due rows, deliver them and record the
//! outcome; a claim lapses if its worker dies, and the message is then claimed again.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text, Timestamp};
use serde::Serialize;

use super::DbConnection;
use super::schema::{outbox_attachments, outbox_messages};
use crate::domain::MessageId;
use crate::domain::mail::{Attachment, Mailbox, OutgoingMessage};
use crate::error::{AppError, AppResult};

/// Where a message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutboxStatus {
    Pending,
    Sending,
    Sent,
    Dead,
}

impl OutboxStatus {
    pub const ALL: [OutboxStatus; 4] = [Self::Pending, Self::Sending, Self::Sent, Self::Dead];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Sending => "sending",
            Self::Sent => "sent",
            Self::Dead => "dead",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// The state's name for people, in `lang`.
    pub fn label(self, lang: crate::domain::language::Lang) -> String {
        crate::i18n::t(
            lang,
            match self {
                Self::Pending => "outbox-pending",
                Self::Sending => "outbox-sending",
                Self::Sent => "outbox-sent",
                Self::Dead => "outbox-dead",
            },
        )
    }
}

fn naive(t: DateTime<Utc>) -> NaiveDateTime {
    t.naive_utc()
}

/// Puts a message into the outbox, to be sent by the worker. Call it inside the transaction
/// of the change the message is about.
pub fn enqueue(
    conn: &mut DbConnection,
    from: &Mailbox,
    message_id: &str,
    message: &OutgoingMessage,
    now: DateTime<Utc>,
) -> AppResult<MessageId> {
    let recipients = serde_json::to_string(&message.to).map_err(AppError::internal)?;
    let headers = if message.headers.is_empty() {
        None
    } else {
        Some(serde_json::to_string(&message.headers).map_err(AppError::internal)?)
    };
    let id: i64 = diesel::insert_into(outbox_messages::table)
        .values((
            outbox_messages::message_id.eq(message_id),
            outbox_messages::from_header.eq(from.to_string()),
            outbox_messages::reply_to.eq(message.reply_to.as_ref().map(ToString::to_string)),
            outbox_messages::recipients.eq(recipients),
            outbox_messages::subject.eq(message.subject.as_str()),
            outbox_messages::text_body.eq(&message.text),
            outbox_messages::html_body.eq(message.html.as_deref()),
            outbox_messages::extra_headers.eq(headers),
            outbox_messages::concerns_kind.eq(message.concerns.as_ref().map(|c| c.0.as_str())),
            outbox_messages::concerns_id.eq(message.concerns.as_ref().map(|c| c.1)),
            outbox_messages::status.eq(OutboxStatus::Pending.as_str()),
            outbox_messages::next_attempt_at.eq(naive(now)),
            outbox_messages::created_at.eq(naive(now)),
            outbox_messages::updated_at.eq(naive(now)),
        ))
        .returning(outbox_messages::id)
        .get_result(conn)?;
    for (position, a) in message.attachments.iter().enumerate() {
        diesel::insert_into(outbox_attachments::table)
            .values((
                outbox_attachments::message_id.eq(id),
                outbox_attachments::position.eq(position as i32),
                outbox_attachments::filename.eq(&a.filename),
                outbox_attachments::content_type.eq(&a.content_type),
                outbox_attachments::content.eq(&a.content),
            ))
            .execute(conn)?;
    }
    Ok(MessageId(id))
}

#[derive(QueryableByName)]
struct ClaimedId {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// Claims up to `limit` due messages for `worker` until `until`: pending ones whose time has
/// come, and ones whose earlier claim has lapsed. Each claim counts as an attempt.
///
/// On PostgreSQL, `FOR UPDATE SKIP LOCKED` lets several workers claim side by side without
/// waiting for or taking each other's rows. SQLite has one writer at a time, so the same
/// statement is already exclusive there.
pub fn claim(
    conn: &mut DbConnection,
    worker: &str,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
    limit: i64,
) -> AppResult<Vec<MessageId>> {
    // Idle polls are frequent: a read finds out cheaply that nothing is due, without a write.
    let due: Option<i64> = outbox_messages::table
        .filter(
            outbox_messages::status
                .eq(OutboxStatus::Pending.as_str())
                .and(outbox_messages::next_attempt_at.le(naive(now)))
                .or(outbox_messages::status
                    .eq(OutboxStatus::Sending.as_str())
                    .and(outbox_messages::claim_expires_at.lt(naive(now)))),
        )
        .select(outbox_messages::id)
        .first(conn)
        .optional()?;
    if due.is_none() {
        return Ok(Vec::new());
    }
    let lock = match conn {
        DbConnection::Postgresql(_) => "FOR UPDATE SKIP LOCKED",
        DbConnection::Sqlite(_) => "",
    };
    let sql = format!(
        "UPDATE outbox_messages
            SET status = 'sending', claimed_by = $1, claim_expires_at = $2,
                attempts = attempts + 1, updated_at = $3
          WHERE id IN (SELECT id FROM outbox_messages
                        WHERE (status = 'pending' AND next_attempt_at <= $3)
                           OR (status = 'sending' AND claim_expires_at < $3)
                        ORDER BY next_attempt_at, id
                        LIMIT $4 {lock})
        RETURNING id"
    );
    let query = diesel::sql_query(sql)
        .bind::<Text, _>(worker)
        .bind::<Timestamp, _>(naive(until))
        .bind::<Timestamp, _>(naive(now))
        .bind::<BigInt, _>(limit);
    let mut ids: Vec<MessageId> = query
        .load::<ClaimedId>(conn)?
        .into_iter()
        .map(|r| MessageId(r.id))
        .collect();
    ids.sort_unstable();
    Ok(ids)
}

/// Keeps the worker's claims on `ids` alive until `until` (while it works through a batch).
pub fn extend_claims(
    conn: &mut DbConnection,
    worker: &str,
    ids: &[MessageId],
    until: DateTime<Utc>,
) -> AppResult<()> {
    let ids: Vec<i64> = ids.iter().map(|id| id.0).collect();
    diesel::update(
        outbox_messages::table
            .filter(outbox_messages::id.eq_any(&ids))
            .filter(outbox_messages::claimed_by.eq(worker))
            .filter(outbox_messages::status.eq(OutboxStatus::Sending.as_str())),
    )
    .set(outbox_messages::claim_expires_at.eq(naive(until)))
    .execute(conn)?;
    Ok(())
}

/// The outcome of an attempt, recorded only while the worker still holds the claim.
pub enum Outcome<'a> {
    Sent,
    Retry { at: DateTime<Utc>, error: &'a str },
    Dead { error: &'a str },
}

pub fn record(
    conn: &mut DbConnection,
    id: MessageId,
    worker: &str,
    outcome: Outcome,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let target = outbox_messages::table
        .filter(outbox_messages::id.eq(id.0))
        .filter(outbox_messages::claimed_by.eq(worker))
        .filter(outbox_messages::status.eq(OutboxStatus::Sending.as_str()));
    let none: Option<NaiveDateTime> = None;
    let no_worker: Option<&str> = None;
    let changed = match outcome {
        Outcome::Sent => diesel::update(target)
            .set((
                outbox_messages::status.eq(OutboxStatus::Sent.as_str()),
                outbox_messages::sent_at.eq(Some(naive(now))),
                outbox_messages::claimed_by.eq(no_worker),
                outbox_messages::claim_expires_at.eq(none),
                outbox_messages::last_error.eq(None::<String>),
                outbox_messages::updated_at.eq(naive(now)),
            ))
            .execute(conn)?,
        Outcome::Retry { at, error } => diesel::update(target)
            .set((
                outbox_messages::status.eq(OutboxStatus::Pending.as_str()),
                outbox_messages::next_attempt_at.eq(naive(at)),
                outbox_messages::claimed_by.eq(no_worker),
                outbox_messages::claim_expires_at.eq(none),
                outbox_messages::last_error.eq(Some(truncate(error))),
                outbox_messages::updated_at.eq(naive(now)),
            ))
            .execute(conn)?,
        Outcome::Dead { error } => diesel::update(target)
            .set((
                outbox_messages::status.eq(OutboxStatus::Dead.as_str()),
                outbox_messages::claimed_by.eq(no_worker),
                outbox_messages::claim_expires_at.eq(none),
                outbox_messages::last_error.eq(Some(truncate(error))),
                outbox_messages::updated_at.eq(naive(now)),
            ))
            .execute(conn)?,
    };
    Ok(changed == 1)
}

fn truncate(error: &str) -> String {
    error.chars().take(2000).collect()
}

/// Puts a dead message back in the queue, with a fresh count of attempts.
pub fn requeue(conn: &mut DbConnection, id: MessageId, now: DateTime<Utc>) -> AppResult<()> {
    let changed = diesel::update(
        outbox_messages::table
            .filter(outbox_messages::id.eq(id.0))
            .filter(outbox_messages::status.eq(OutboxStatus::Dead.as_str())),
    )
    .set((
        outbox_messages::status.eq(OutboxStatus::Pending.as_str()),
        outbox_messages::attempts.eq(0),
        outbox_messages::next_attempt_at.eq(naive(now)),
        outbox_messages::updated_at.eq(naive(now)),
    ))
    .execute(conn)?;
    if changed == 1 {
        Ok(())
    } else {
        Err(AppError::conflict("error-only-messages-that-were-given-up"))
    }
}

/// A message as stored, with what the worker needs to send it again, identically.
#[derive(Debug, Clone, Serialize)]
pub struct StoredMessage {
    pub id: MessageId,
    pub message_id: String,
    pub from: String,
    pub reply_to: Option<String>,
    pub to: Vec<Mailbox>,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    pub headers: Vec<(String, String)>,
    #[serde(skip)]
    pub attachments: Vec<Attachment>,
    pub concerns: Option<(String, i64)>,
    pub status: OutboxStatus,
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = outbox_messages)]
struct MessageRow {
    id: i64,
    message_id: String,
    from_header: String,
    reply_to: Option<String>,
    recipients: String,
    subject: String,
    text_body: String,
    html_body: Option<String>,
    extra_headers: Option<String>,
    concerns_kind: Option<String>,
    concerns_id: Option<i64>,
    status: String,
    attempts: i32,
    next_attempt_at: NaiveDateTime,
    last_error: Option<String>,
    sent_at: Option<NaiveDateTime>,
    created_at: NaiveDateTime,
}

fn from_row(row: MessageRow, attachments: Vec<Attachment>) -> AppResult<StoredMessage> {
    Ok(StoredMessage {
        id: MessageId(row.id),
        message_id: row.message_id,
        from: row.from_header,
        reply_to: row.reply_to,
        to: serde_json::from_str(&row.recipients).map_err(AppError::internal)?,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
        headers: match row.extra_headers {
            Some(h) => serde_json::from_str(&h).map_err(AppError::internal)?,
            None => Vec::new(),
        },
        attachments,
        concerns: row.concerns_kind.zip(row.concerns_id),
        status: OutboxStatus::parse(&row.status)
            .ok_or_else(|| AppError::internal(BadStatus(row.status.clone())))?,
        attempts: row.attempts,
        next_attempt_at: row.next_attempt_at.and_utc(),
        last_error: row.last_error,
        sent_at: row.sent_at.map(|t| t.and_utc()),
        created_at: row.created_at.and_utc(),
    })
}

#[derive(Debug)]
struct BadStatus(String);

impl std::fmt::Display for BadStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown outbox status {}", self.0)
    }
}

impl std::error::Error for BadStatus {}

/// Messages with their attachments, in id order.
pub fn load(conn: &mut DbConnection, ids: &[MessageId]) -> AppResult<Vec<StoredMessage>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = ids.iter().map(|id| id.0).collect();
    let rows: Vec<MessageRow> = outbox_messages::table
        .filter(outbox_messages::id.eq_any(&ids))
        .order(outbox_messages::id)
        .select(MessageRow::as_select())
        .load(conn)?;
    let attachments: Vec<(i64, String, String, Vec<u8>)> = outbox_attachments::table
        .filter(outbox_attachments::message_id.eq_any(&ids))
        .order((outbox_attachments::message_id, outbox_attachments::position))
        .select((
            outbox_attachments::message_id,
            outbox_attachments::filename,
            outbox_attachments::content_type,
            outbox_attachments::content,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|row| {
            let own = attachments
                .iter()
                .filter(|a| a.0 == row.id)
                .map(|(_, filename, content_type, content)| Attachment {
                    filename: filename.clone(),
                    content_type: content_type.clone(),
                    content: content.clone(),
                })
                .collect();
            from_row(row, own)
        })
        .collect()
}

pub fn get(conn: &mut DbConnection, id: MessageId) -> AppResult<Option<StoredMessage>> {
    Ok(load(conn, &[id])?.pop())
}

/// One page of messages, newest first, optionally of one status; and the total count.
pub fn list(
    conn: &mut DbConnection,
    status: Option<OutboxStatus>,
    offset: i64,
    limit: i64,
) -> AppResult<(Vec<StoredMessage>, i64)> {
    let mut count = outbox_messages::table.count().into_boxed();
    let mut ids = outbox_messages::table
        .select(outbox_messages::id)
        .order(outbox_messages::id.desc())
        .offset(offset)
        .limit(limit)
        .into_boxed();
    if let Some(s) = status {
        count = count.filter(outbox_messages::status.eq(s.as_str()));
        ids = ids.filter(outbox_messages::status.eq(s.as_str()));
    }
    let total: i64 = count.get_result(conn)?;
    let ids: Vec<MessageId> = ids.load::<i64>(conn)?.into_iter().map(MessageId).collect();
    let mut messages = load(conn, &ids)?;
    messages.reverse();
    Ok((messages, total))
}

/// How many messages are in each status.
pub fn counts(conn: &mut DbConnection) -> AppResult<Vec<(OutboxStatus, i64)>> {
    let rows: Vec<(String, i64)> = outbox_messages::table
        .group_by(outbox_messages::status)
        .select((outbox_messages::status, diesel::dsl::count_star()))
        .load(conn)?;
    Ok(OutboxStatus::ALL
        .into_iter()
        .map(|s| {
            (
                s,
                rows.iter().find(|r| r.0 == s.as_str()).map_or(0, |r| r.1),
            )
        })
        .collect())
}
