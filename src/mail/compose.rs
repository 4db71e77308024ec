//! A stored message as a MIME message: `multipart/alternative` text and HTML, attachments
//! (iCalendar as `text/calendar`), UTF-8 headers encoded by lettre (RFC 2047 / 2231). Composed
//! the same way on every attempt, with the same Message-ID and Date.

use std::time::SystemTime;

use lettre::Message;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, MultiPart, SinglePart};

use crate::db::outbox::StoredMessage;
use crate::domain::mail::Mailbox;

pub fn lettre_mailbox(m: &Mailbox) -> Result<lettre::message::Mailbox, String> {
    let address = m
        .email
        .parse::<lettre::Address>()
        .map_err(|e| format!("'{}' cannot be used as a recipient: {e}", m.email))?;
    Ok(lettre::message::Mailbox::new(m.name.clone(), address))
}

fn parse_mailbox(text: &str) -> Result<lettre::message::Mailbox, String> {
    let mailbox = Mailbox::parse(text).map_err(|e| e.to_string())?;
    lettre_mailbox(&mailbox)
}

/// Builds the message; an error here is permanent (the stored message cannot be sent).
pub fn compose(stored: &StoredMessage) -> Result<Message, String> {
    let date: SystemTime = stored.created_at.into();
    let mut builder = Message::builder()
        .message_id(Some(stored.message_id.clone()))
        .date(date)
        .from(parse_mailbox(&stored.from)?)
        .subject(stored.subject.clone());
    for to in &stored.to {
        builder = builder.to(lettre_mailbox(to)?);
    }
    if let Some(reply_to) = &stored.reply_to {
        builder = builder.reply_to(parse_mailbox(reply_to)?);
    }
    for (name, value) in &stored.headers {
        let name =
            HeaderName::new_from_ascii(name.clone()).map_err(|e| format!("header {name}: {e}"))?;
        if value.chars().any(char::is_control) {
            return Err(format!("header {name} has a control character"));
        }
        builder = builder.raw_header(HeaderValue::new(name, value.clone()));
    }
    let alternative =
        |html: &String| MultiPart::alternative_plain_html(stored.text.clone(), html.clone());
    if stored.attachments.is_empty() {
        return match &stored.html {
            None => builder.singlepart(SinglePart::plain(stored.text.clone())),
            Some(html) => builder.multipart(alternative(html)),
        }
        .map_err(|e| e.to_string());
    }
    let mut mixed = match &stored.html {
        None => MultiPart::mixed().singlepart(SinglePart::plain(stored.text.clone())),
        Some(html) => MultiPart::mixed().multipart(alternative(html)),
    };
    for a in &stored.attachments {
        let content_type = ContentType::parse(&a.content_type)
            .map_err(|e| format!("attachment {}: {e}", a.filename))?;
        mixed = mixed
            .singlepart(Attachment::new(a.filename.clone()).body(a.content.clone(), content_type));
    }
    builder.multipart(mixed).map_err(|e| e.to_string())
}
