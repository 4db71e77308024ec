//! Mail that is never lost. A message is written to the outbox (`db::outbox`) in the same
//! transaction as the change that causes it; the worker (`worker`) delivers it over SMTP or, with
//! no SMTP configured, into the development mailbox (`data/mail/*.eml`, shown at `/dev/mailbox`).
//!
//! [`enqueue`] is the only way to send mail: it needs the transaction's connection.

pub mod agenda;
pub mod compose;
pub mod proposer;
pub mod smtp;
pub mod tasks;
pub mod templates;
pub mod transport;
pub mod worker;

use chrono::{DateTime, Utc};
use rand::Rng;

use crate::db::{DbConnection, outbox};
use crate::domain::mail::{Mailbox, OutgoingMessage};
use crate::error::{AppError, AppResult};

/// A globally unique, stable Message-ID: `<millis.random@sender-domain>`.
pub fn new_message_id(from: &Mailbox, now: DateTime<Utc>) -> String {
    let domain = from.email.rsplit_once('@').map_or("localhost", |(_, d)| d);
    let random: u64 = rand::rng().random();
    format!("<{}.{random:016x}@{domain}>", now.timestamp_millis())
}

/// Puts a message into the outbox, inside the caller's transaction; the worker sends it after
/// the transaction commits. Addresses lettre would not accept are refused here, to the person
/// who caused the message, rather than failing later in the worker.
pub fn enqueue(
    conn: &mut DbConnection,
    from: &Mailbox,
    message: &OutgoingMessage,
) -> AppResult<crate::domain::MessageId> {
    for mailbox in message.to.iter().chain(message.reply_to.iter()) {
        compose::lettre_mailbox(mailbox).map_err(AppError::bad_request)?;
    }
    compose::lettre_mailbox(from)
        .map_err(|e| AppError::bad_request(format!("AGENDUM_MAIL_FROM: {e}")))?;
    let now = Utc::now();
    outbox::enqueue(conn, from, &new_message_id(from, now), message, now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_ids_are_unique_and_carry_the_sender_domain() {
        let from = Mailbox::parse("Agendum <noreply@kk.example.org>").unwrap();
        let now = Utc::now();
        let a = new_message_id(&from, now);
        let b = new_message_id(&from, now);
        assert_ne!(a, b);
        assert!(a.starts_with('<') && a.ends_with("@kk.example.org>"), "{a}");
    }
}
