//! Letters (henvendelser) on a case: incoming ones registered as they came, outgoing ones
//! drafted, approved and sent, then frozen. Pure rules; the database and the PDF are elsewhere.

use serde::{Deserialize, Serialize};

use super::email::EmailAddress;
use super::language::Lang;
use super::proposal::FieldErrors;
use crate::i18n::t_with;

text_enum!(
    /// Which way a letter went.
    LetterDirection {
        Incoming = "incoming",
        Outgoing = "outgoing",
    }
);

text_enum!(
    /// Where a letter stands. An incoming letter is registered; an outgoing one is drafted,
    /// approved and sent.
    LetterStatus {
        Registered = "registered",
        Draft = "draft",
        Approved = "approved",
        Sent = "sent",
    }
);

/// What is done to a letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterEvent {
    Edit,
    Approve,
    /// Back to draft, to change an approved letter before it is sent.
    Reopen,
    Send,
}

/// Why a letter cannot take an event: a catalogue key of the words for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::i18n::Msg::key(self.0))]
pub struct LetterStateError(pub &'static str);

impl LetterStatus {
    pub fn after(self, event: LetterEvent) -> Result<LetterStatus, LetterStateError> {
        use LetterEvent as E;
        use LetterStatus as S;
        match (self, event) {
            (S::Sent, _) => Err(LetterStateError("letter-state-sent")),
            (S::Registered, E::Edit) => Ok(S::Registered),
            (S::Registered, _) => Err(LetterStateError("letter-state-incoming")),
            (S::Draft, E::Edit) => Ok(S::Draft),
            (S::Draft, E::Approve) => Ok(S::Approved),
            (S::Draft, E::Send) => Err(LetterStateError("letter-state-approve-first")),
            (S::Draft, E::Reopen) => Err(LetterStateError("letter-state-already-draft")),
            (S::Approved, E::Send) => Ok(S::Sent),
            (S::Approved, E::Reopen) => Ok(S::Draft),
            (S::Approved, E::Edit) => Err(LetterStateError("letter-state-approved")),
            (S::Approved, E::Approve) => Err(LetterStateError("letter-state-already-approved")),
        }
    }
}

/// Who signs a letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signatory {
    pub name: String,
    pub title: Option<String>,
}

/// An organization's letterhead: printed on every page of its letters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Letterhead {
    pub name: String,
    pub address_lines: Vec<String>,
    pub website: Option<String>,
}

/// The parts of a letter that are written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterText {
    pub recipient_name: String,
    pub recipient_title: Option<String>,
    pub recipient_email: Option<String>,
    pub heading: String,
    pub salutation: String,
    /// Markdown; made safe where it is shown.
    pub body: String,
    pub closing: String,
    pub signatories: Vec<Signatory>,
}

pub const HEADING_MAX_CHARS: usize = 300;
pub const BODY_MAX_CHARS: usize = 100_000;

/// Trims the text and checks what an outgoing letter needs: a recipient with a valid address
/// to send it to, a heading, a body and a signatory. Every problem is reported at its field.
pub fn check_outgoing(text: &LetterText) -> Result<LetterText, FieldErrors> {
    let mut errors = FieldErrors::default();
    let recipient_name = one_line(&text.recipient_name);
    if recipient_name.is_empty() {
        errors.add("recipient_name", "field-write-the-recipients-name");
    }
    let recipient_email = text
        .recipient_email
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty());
    match recipient_email {
        None => errors.add(
            "recipient_email",
            "field-write-the-recipients-email-address-the",
        ),
        Some(e) if EmailAddress::parse(e).is_err() => errors.add(
            "recipient_email",
            crate::i18n::Msg::key("field-is-not-a-valid-email-address").arg("e", e),
        ),
        Some(_) => {}
    }
    let heading = one_line(&text.heading);
    if heading.is_empty() {
        errors.add("heading", "field-write-the-letters-heading");
    } else if heading.chars().count() > HEADING_MAX_CHARS {
        errors.add(
            "heading",
            crate::i18n::Msg::key("field-the-heading-is-too-long-at")
                .arg("HEADING_MAX_CHARS", HEADING_MAX_CHARS),
        );
    }
    let body = text.body.trim().to_owned();
    if body.is_empty() {
        errors.add("body", "field-write-the-letters-text");
    } else if body.chars().count() > BODY_MAX_CHARS {
        errors.add(
            "body",
            crate::i18n::Msg::key("field-the-text-is-too-long-at")
                .arg("BODY_MAX_CHARS", BODY_MAX_CHARS),
        );
    }
    let signatories = signatories(&text.signatories);
    if signatories.is_empty() {
        errors.add("signatories", "field-write-at-least-one-person-who");
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(LetterText {
        recipient_name,
        recipient_title: optional_line(text.recipient_title.as_deref()),
        recipient_email: recipient_email.map(str::to_owned),
        heading,
        salutation: one_line(&text.salutation),
        body,
        closing: one_line(&text.closing),
        signatories,
    })
}

/// Trims an incoming letter as it is registered: who sent it, what it is about, and its text
/// or its original file (or both). The recipient is whoever it was addressed to; it may be
/// left out.
pub fn check_incoming(text: &LetterText, has_original: bool) -> Result<LetterText, FieldErrors> {
    let mut errors = FieldErrors::default();
    let heading = one_line(&text.heading);
    if heading.is_empty() {
        errors.add("heading", "field-write-the-letters-subject");
    } else if heading.chars().count() > HEADING_MAX_CHARS {
        errors.add(
            "heading",
            crate::i18n::Msg::key("field-the-subject-is-too-long-at")
                .arg("HEADING_MAX_CHARS", HEADING_MAX_CHARS),
        );
    }
    let body = text.body.trim().to_owned();
    if body.is_empty() && !has_original {
        errors.add("body", "field-write-the-letters-text-attach-the");
    } else if body.chars().count() > BODY_MAX_CHARS {
        errors.add(
            "body",
            crate::i18n::Msg::key("field-the-text-is-too-long-at")
                .arg("BODY_MAX_CHARS", BODY_MAX_CHARS),
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(LetterText {
        recipient_name: one_line(&text.recipient_name),
        recipient_title: optional_line(text.recipient_title.as_deref()),
        recipient_email: optional_line(text.recipient_email.as_deref()),
        heading,
        salutation: one_line(&text.salutation),
        body,
        closing: one_line(&text.closing),
        signatories: signatories(&text.signatories),
    })
}

/// The sender of an incoming letter, as printed: required.
pub fn check_sender_name(name: &str) -> Result<String, FieldErrors> {
    let name = one_line(name);
    if name.is_empty() {
        let mut errors = FieldErrors::default();
        errors.add("sender_name", "field-write-whom-the-letter-is-from");
        return Err(errors);
    }
    Ok(name)
}

/// A reply's first draft: to the sender of `letter`, addressed to its first signatory, with
/// the heading taken up, in the letter's language `lang`. The secretariat writes the rest.
pub fn reply_to(
    lang: Lang,
    letter: &LetterText,
    sender_name: &str,
    sender_email: Option<&str>,
) -> LetterText {
    let first = letter.signatories.first();
    let with_name = |key: &str, name: &str| t_with(lang, key, &[("name", name.into())]);
    LetterText {
        recipient_name: sender_name.to_owned(),
        recipient_title: first.map(|s| with_name("letter-attention", &s.name)),
        recipient_email: sender_email.map(str::to_owned),
        heading: t_with(
            lang,
            "letter-reply-heading",
            &[
                ("heading", letter.heading.as_str().into()),
                // "Svar på henvendelse om …": Danish takes the heading up inside a sentence.
                (
                    "heading_in_sentence",
                    lowercase_first(&letter.heading).into(),
                ),
            ],
        ),
        salutation: first.map_or_else(String::new, |s| with_name("letter-salutation", &s.name)),
        body: String::new(),
        closing: crate::i18n::t(lang, "letter-closing"),
        signatories: Vec::new(),
    }
}

/// "Henvendelse til …" → "henvendelse til …", inside a sentence; a heading that starts with an
/// abbreviation ("KL's …") keeps it.
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => first
            .to_lowercase()
            .chain(std::iter::once(second))
            .chain(chars)
            .collect(),
        _ => text.to_owned(),
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn optional_line(s: Option<&str>) -> Option<String> {
    s.map(one_line).filter(|t| !t.is_empty())
}

fn signatories(list: &[Signatory]) -> Vec<Signatory> {
    list.iter()
        .map(|s| Signatory {
            name: one_line(&s.name),
            title: optional_line(s.title.as_deref()),
        })
        .filter(|s| !s.name.is_empty())
        .collect()
}

impl From<LogoError> for crate::i18n::Msg {
    fn from(err: LogoError) -> Self {
        match err {
            LogoError::Kind => crate::i18n::Msg::key("logo-kind"),
            LogoError::TooLarge => {
                crate::i18n::Msg::key("logo-too-large").arg("kb", LOGO_MAX_BYTES / 1024)
            }
        }
    }
}

/// Why a logo is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LogoError {
    #[error("the logo is not a PNG or JPEG image")]
    Kind,
    #[error("the logo is larger than {} kB", LOGO_MAX_BYTES / 1024)]
    TooLarge,
}

pub const LOGO_MAX_BYTES: usize = 512 * 1024;

/// A logo's content type, recognised by its first bytes: PNG or JPEG, which every PDF reader
/// shows, within the size a letterhead needs.
pub fn check_logo(bytes: &[u8]) -> Result<&'static str, LogoError> {
    if bytes.len() > LOGO_MAX_BYTES {
        return Err(LogoError::TooLarge);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok("image/png")
    } else if bytes.starts_with(b"\xff\xd8\xff") {
        Ok("image/jpeg")
    } else {
        Err(LogoError::Kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text() -> LetterText {
        LetterText {
            recipient_name: " Indenrigs- og boligministeren ".into(),
            recipient_title: None,
            recipient_email: Some("min@im.dk".into()),
            heading: "Henvendelse  om IT-udstyr".into(),
            salutation: "Kære Kaare Dybvad Bek".into(),
            body: "Første afsnit.\n\nAndet afsnit.".into(),
            closing: "Med venlig hilsen".into(),
            signatories: vec![
                Signatory {
                    name: "Jacob Bundsgaard".into(),
                    title: Some(" Formand ".into()),
                },
                Signatory {
                    name: " ".into(),
                    title: None,
                },
            ],
        }
    }

    #[test]
    fn an_outgoing_letter_is_trimmed_and_checked() {
        let checked = check_outgoing(&text()).unwrap();
        assert_eq!(checked.recipient_name, "Indenrigs- og boligministeren");
        assert_eq!(checked.heading, "Henvendelse om IT-udstyr");
        assert_eq!(checked.signatories.len(), 1);
        assert_eq!(checked.signatories[0].title.as_deref(), Some("Formand"));
    }

    #[test]
    fn a_letter_without_recipient_or_body_is_refused_at_its_fields() {
        let mut t = text();
        t.recipient_name = "  ".into();
        t.recipient_email = Some("ikke en adresse".into());
        t.body = "\n \n".into();
        t.signatories.clear();
        let errors = check_outgoing(&t).unwrap_err();
        for field in ["recipient_name", "recipient_email", "body", "signatories"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        assert!(errors.get("heading").is_none());
        t.recipient_email = None;
        assert!(
            check_outgoing(&t)
                .unwrap_err()
                .get("recipient_email")
                .is_some()
        );
    }

    #[test]
    fn letters_move_draft_approved_sent_and_then_freeze() {
        use LetterEvent as E;
        use LetterStatus as S;
        assert_eq!(S::Draft.after(E::Edit), Ok(S::Draft));
        assert_eq!(S::Draft.after(E::Approve), Ok(S::Approved));
        assert_eq!(S::Approved.after(E::Reopen), Ok(S::Draft));
        assert_eq!(S::Approved.after(E::Send), Ok(S::Sent));
        assert!(S::Draft.after(E::Send).is_err(), "not sent unapproved");
        assert!(
            S::Approved.after(E::Edit).is_err(),
            "approved text is not edited"
        );
        for e in [E::Edit, E::Approve, E::Reopen, E::Send] {
            assert!(S::Sent.after(e).is_err(), "a sent letter is frozen ({e:?})");
        }
        assert_eq!(S::Registered.after(E::Edit), Ok(S::Registered));
        assert!(S::Registered.after(E::Send).is_err());
    }
    #[test]
    fn an_incoming_letter_needs_a_subject_and_its_text_or_original() {
        let mut t = text();
        t.body = " ".into();
        let errors = check_incoming(&t, false).unwrap_err();
        assert!(errors.get("body").is_some());
        assert!(
            check_incoming(&t, true).is_ok(),
            "the original file is enough"
        );
        t.heading = "".into();
        assert!(
            check_incoming(&t, true)
                .unwrap_err()
                .get("heading")
                .is_some()
        );
        t = text();
        t.recipient_email = None;
        t.signatories.clear();
        let checked = check_incoming(&t, false).unwrap();
        assert_eq!(checked.heading, "Henvendelse om IT-udstyr");
        assert!(check_sender_name("  ").is_err());
        assert_eq!(check_sender_name(" KL ").unwrap(), "KL");
    }

    #[test]
    fn a_reply_is_addressed_to_the_sender_and_takes_up_the_heading() {
        let reply = reply_to(Lang::Da, &text(), "KL", None);
        assert_eq!(reply.recipient_name, "KL");
        assert_eq!(
            reply.recipient_title.as_deref(),
            Some("Att.: Jacob Bundsgaard")
        );
        assert_eq!(reply.salutation, "Kære Jacob Bundsgaard");
        assert!(
            reply.heading == "Svar på henvendelse  om IT-udstyr",
            "{}",
            reply.heading
        );
        assert!(reply.body.is_empty() && reply.signatories.is_empty());
        assert_eq!(lowercase_first("KL's brev"), "KL's brev");
    }

    #[test]
    fn logos_are_png_or_jpeg_within_the_limit() {
        assert_eq!(check_logo(b"\x89PNG\r\n\x1a\nrest"), Ok("image/png"));
        assert_eq!(check_logo(b"\xff\xd8\xff\xe0rest"), Ok("image/jpeg"));
        assert_eq!(check_logo(b"<svg></svg>"), Err(LogoError::Kind));
        let mut big = b"\x89PNG\r\n\x1a\n".to_vec();
        big.resize(LOGO_MAX_BYTES + 1, 0);
        assert_eq!(check_logo(&big), Err(LogoError::TooLarge));
    }
}
