//! Outgoing mail as the domain sees it: checked when it is created, so the worker never meets a
//! malformed address and no header can be injected through a name or a subject.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::email::{EmailAddress, EmailAddressError};

/// A recipient or sender: an address with an optional display name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mailbox {
    pub name: Option<String>,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MailError {
    #[error(transparent)]
    Address(#[from] EmailAddressError),
    #[error("the name {0:?} holds a line break or a control character")]
    Name(String),
    #[error("the subject is empty")]
    EmptySubject,
    #[error("the subject holds a line break or a control character")]
    Subject,
    #[error("the message has no recipients")]
    NoRecipients,
    #[error("the attachment's file name {0:?} is invalid")]
    AttachmentName(String),
    #[error("the attachment's content type {0:?} is invalid")]
    ContentType(String),
}

impl From<MailError> for crate::i18n::Msg {
    fn from(e: MailError) -> Self {
        use crate::i18n::Msg;
        match e {
            MailError::Address(e) => Msg::from(e),
            MailError::Name(name) => Msg::key("mail-error-name").arg("name", name),
            MailError::EmptySubject => Msg::key("mail-error-empty-subject"),
            MailError::Subject => Msg::key("mail-error-subject"),
            MailError::NoRecipients => Msg::key("mail-error-no-recipients"),
            MailError::AttachmentName(name) => {
                Msg::key("mail-error-attachment-name").arg("name", name)
            }
            MailError::ContentType(kind) => Msg::key("mail-error-content-type").arg("kind", kind),
        }
    }
}

/// Text that goes into a header: no line breaks or other control characters.
fn header_safe(text: &str) -> bool {
    !text.chars().any(char::is_control)
}

impl Mailbox {
    pub fn new(name: Option<&str>, email: &str) -> Result<Self, MailError> {
        let email = EmailAddress::parse(email)?;
        let name = name.map(str::trim).filter(|n| !n.is_empty());
        if let Some(n) = name
            && !header_safe(n)
        {
            return Err(MailError::Name(
                n.chars().filter(|c| !c.is_control()).take(60).collect(),
            ));
        }
        Ok(Self {
            name: name.map(str::to_owned),
            email: email.as_str().to_owned(),
        })
    }

    /// Reads `Name <address>` or a bare address, as in `AGENDUM_MAIL_FROM`.
    pub fn parse(text: &str) -> Result<Self, MailError> {
        let text = text.trim();
        match (text.rfind('<'), text.ends_with('>')) {
            (Some(open), true) => {
                let name = text[..open].trim().trim_matches('"').trim();
                Self::new(Some(name), &text[open + 1..text.len() - 1])
            }
            _ => Self::new(None, text),
        }
    }
}

impl std::fmt::Display for Mailbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.name {
            Some(name) => write!(f, "{name} <{}>", self.email),
            None => f.write_str(&self.email),
        }
    }
}

/// A subject line: one line of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject(String);

impl Subject {
    pub fn new(text: &str) -> Result<Self, MailError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(MailError::EmptySubject);
        }
        if !header_safe(text) {
            return Err(MailError::Subject);
        }
        Ok(Self(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub filename: String,
    pub content_type: String,
    pub content: Vec<u8>,
}

impl Attachment {
    pub fn new(filename: &str, content_type: &str, content: Vec<u8>) -> Result<Self, MailError> {
        if filename.trim().is_empty() || !header_safe(filename) || filename.contains(['/', '\\']) {
            return Err(MailError::AttachmentName(
                filename
                    .chars()
                    .filter(|c| !c.is_control())
                    .take(60)
                    .collect(),
            ));
        }
        let valid_type = content_type
            .split_once('/')
            .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty())
            && header_safe(content_type);
        if !valid_type {
            return Err(MailError::ContentType(
                content_type
                    .chars()
                    .filter(|c| !c.is_control())
                    .take(60)
                    .collect(),
            ));
        }
        Ok(Self {
            filename: filename.to_owned(),
            content_type: content_type.to_owned(),
            content,
        })
    }
}

/// A message to put into the outbox. Every part is checked on the way in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingMessage {
    pub to: Vec<Mailbox>,
    pub reply_to: Option<Mailbox>,
    pub subject: Subject,
    pub text: String,
    pub html: Option<String>,
    pub attachments: Vec<Attachment>,
    /// Extra headers (name, value), e.g. `List-Unsubscribe`; values are header-safe.
    pub headers: Vec<(String, String)>,
    /// The record the message concerns, e.g. `("proposal", 12)`.
    pub concerns: Option<(String, i64)>,
}

impl OutgoingMessage {
    pub fn new(to: Vec<Mailbox>, subject: Subject, text: String) -> Result<Self, MailError> {
        if to.is_empty() {
            return Err(MailError::NoRecipients);
        }
        Ok(Self {
            to,
            reply_to: None,
            subject,
            text,
            html: None,
            attachments: Vec::new(),
            headers: Vec::new(),
            concerns: None,
        })
    }

    pub fn html(mut self, html: String) -> Self {
        self.html = Some(html);
        self
    }

    pub fn attach(mut self, attachment: Attachment) -> Self {
        self.attachments.push(attachment);
        self
    }

    /// An extra header; the caller passes a header-safe value (no line breaks).
    pub fn header(mut self, name: &str, value: String) -> Self {
        self.headers.push((name.to_owned(), value));
        self
    }

    pub fn concerning(mut self, kind: &str, id: impl Into<i64>) -> Self {
        self.concerns = Some((kind.to_owned(), id.into()));
        self
    }
}

/// What one delivery attempt came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeliveryOutcome {
    Delivered,
    /// Worth trying again: no connection, a timeout, a 4xx reply.
    Temporary(String),
    /// Will not succeed by trying again: a 5xx reply.
    Permanent(String),
}

/// How often and how patiently to retry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    pub first_delay: Duration,
    pub max_delay: Duration,
    pub max_attempts: u32,
}

impl Default for RetryPolicy {
    /// 30 s, 1 min, 2 min … capped at 6 h; twelve attempts reach about 1½ days.
    fn default() -> Self {
        Self {
            first_delay: Duration::from_secs(30),
            max_delay: Duration::from_secs(6 * 3600),
            max_attempts: 12,
        }
    }
}

/// What becomes of a message after an attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextStep {
    Sent,
    Retry { after: Duration, error: String },
    Dead { error: String },
}

impl RetryPolicy {
    /// The delay before attempt `attempts + 1`: exponential, capped, with `jitter` in [0, 1)
    /// spreading it over ±25 % so that messages failing together do not retry together.
    pub fn delay(&self, attempts: u32, jitter: f64) -> Duration {
        let exponent = attempts.saturating_sub(1).min(30);
        let base = self
            .first_delay
            .saturating_mul(1u32 << exponent)
            .min(self.max_delay);
        let factor = 0.75 + 0.5 * jitter.clamp(0.0, 1.0);
        base.mul_f64(factor)
    }

    /// `attempts` counts the attempt just made.
    pub fn next_step(&self, attempts: u32, outcome: DeliveryOutcome, jitter: f64) -> NextStep {
        match outcome {
            DeliveryOutcome::Delivered => NextStep::Sent,
            DeliveryOutcome::Permanent(error) => NextStep::Dead { error },
            DeliveryOutcome::Temporary(error) if attempts >= self.max_attempts => NextStep::Dead {
                error: format!("{error} (gave up after {attempts} attempts)"),
            },
            DeliveryOutcome::Temporary(error) => NextStep::Retry {
                after: self.delay(attempts, jitter),
                error,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailboxes_refuse_header_injection() {
        assert!(Mailbox::new(Some("Økonomiforvaltningen"), "okf@example.org").is_ok());
        assert!(matches!(
            Mailbox::new(Some("Eve\r\nBcc: x@y.dk"), "eve@example.org"),
            Err(MailError::Name(_))
        ));
        assert!(Mailbox::new(None, "eve@example.org\r\nBcc: x@y.dk").is_err());
        assert!(Mailbox::new(None, "not an address").is_err());
        assert_eq!(Mailbox::new(Some("  "), "a@b.dk").unwrap().name, None);
    }

    #[test]
    fn parses_the_configured_sender() {
        let m = Mailbox::parse("Agendum <noreply@localhost>").unwrap();
        assert_eq!(
            (m.name.as_deref(), m.email.as_str()),
            (Some("Agendum"), "noreply@localhost")
        );
        assert_eq!(m.to_string(), "Agendum <noreply@localhost>");
        let m = Mailbox::parse("\"BR-sekretariatet\" <br@kk.dk>").unwrap();
        assert_eq!(m.name.as_deref(), Some("BR-sekretariatet"));
        assert_eq!(Mailbox::parse("br@kk.dk").unwrap().name, None);
        assert!(Mailbox::parse("Agendum <>").is_err());
    }

    #[test]
    fn subjects_are_one_line() {
        assert_eq!(
            Subject::new(" Dagsorden til mødet 30.04.2025 ")
                .unwrap()
                .as_str(),
            "Dagsorden til mødet 30.04.2025"
        );
        assert_eq!(Subject::new(""), Err(MailError::EmptySubject));
        assert_eq!(Subject::new("Hej\r\nBcc: x@y.dk"), Err(MailError::Subject));
        assert_eq!(Subject::new("Hej\nverden"), Err(MailError::Subject));
    }

    #[test]
    fn attachments_are_checked() {
        assert!(Attachment::new("møde.ics", "text/calendar; method=REQUEST", vec![]).is_ok());
        assert!(Attachment::new("../etc/passwd", "text/plain", vec![]).is_err());
        assert!(Attachment::new("a\r\n.txt", "text/plain", vec![]).is_err());
        assert!(Attachment::new("a.txt", "plain", vec![]).is_err());
    }

    #[test]
    fn a_message_has_recipients() {
        let subject = Subject::new("Test").unwrap();
        assert_eq!(
            OutgoingMessage::new(vec![], subject, String::new()),
            Err(MailError::NoRecipients)
        );
    }

    #[test]
    fn delays_grow_exponentially_with_jitter_and_a_cap() {
        let p = RetryPolicy::default();
        assert_eq!(p.delay(1, 0.5), Duration::from_secs(30));
        assert_eq!(p.delay(2, 0.5), Duration::from_secs(60));
        assert_eq!(p.delay(3, 0.5), Duration::from_secs(120));
        assert_eq!(p.delay(1, 0.0), Duration::from_millis(22_500));
        assert!(p.delay(1, 0.999) < Duration::from_millis(37_500));
        assert_eq!(p.delay(20, 0.5), Duration::from_secs(6 * 3600));
        assert_eq!(p.delay(u32::MAX, 0.5), Duration::from_secs(6 * 3600));
    }

    #[test]
    fn temporary_failures_retry_until_the_last_attempt_then_die() {
        let p = RetryPolicy {
            max_attempts: 3,
            ..RetryPolicy::default()
        };
        let temp = || DeliveryOutcome::Temporary("451 try later".into());
        assert!(matches!(
            p.next_step(1, temp(), 0.5),
            NextStep::Retry { .. }
        ));
        assert!(matches!(
            p.next_step(2, temp(), 0.5),
            NextStep::Retry { .. }
        ));
        assert!(
            matches!(p.next_step(3, temp(), 0.5), NextStep::Dead { error } if error.contains("gave up after 3"))
        );
        assert_eq!(
            p.next_step(
                1,
                DeliveryOutcome::Permanent("550 no such user".into()),
                0.5
            ),
            NextStep::Dead {
                error: "550 no such user".into()
            }
        );
        assert_eq!(
            p.next_step(1, DeliveryOutcome::Delivered, 0.5),
            NextStep::Sent
        );
    }
}
