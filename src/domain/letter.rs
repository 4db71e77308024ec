//! Letters (henvendelser) on a case: incoming ones registered as they came, outgoing ones
//! drafted, approved and sent, then frozen. Pure rules; the database and the PDF are elsewhere.

use serde::{Deserialize, Serialize};

use super::email::EmailAddress;
use super::proposal::FieldErrors;

text_enum!(
    /// Which way a letter went.
    LetterDirection {
        Incoming = "incoming" / "Indgående",
        Outgoing = "outgoing" / "Udgående",
    }
);

text_enum!(
    /// Where a letter stands. An incoming letter is registered; an outgoing one is drafted,
    /// approved and sent.
    LetterStatus {
        Registered = "registered" / "Registreret",
        Draft = "draft" / "Kladde",
        Approved = "approved" / "Godkendt",
        Sent = "sent" / "Sendt",
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

/// Why a letter cannot take an event, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct LetterStateError(pub &'static str);

impl LetterStatus {
    pub fn after(self, event: LetterEvent) -> Result<LetterStatus, LetterStateError> {
        use LetterEvent as E;
        use LetterStatus as S;
        match (self, event) {
            (S::Sent, _) => Err(LetterStateError(
                "Brevet er sendt og kan ikke ændres. Skriv et nyt brev, hvis der skal rettes noget.",
            )),
            (S::Registered, E::Edit) => Ok(S::Registered),
            (S::Registered, _) => Err(LetterStateError(
                "Et indgående brev registreres; det godkendes og sendes ikke.",
            )),
            (S::Draft, E::Edit) => Ok(S::Draft),
            (S::Draft, E::Approve) => Ok(S::Approved),
            (S::Draft, E::Send) => Err(LetterStateError("Brevet skal godkendes, før det sendes.")),
            (S::Draft, E::Reopen) => Err(LetterStateError("Brevet er allerede en kladde.")),
            (S::Approved, E::Send) => Ok(S::Sent),
            (S::Approved, E::Reopen) => Ok(S::Draft),
            (S::Approved, E::Edit) => Err(LetterStateError(
                "Brevet er godkendt. Gør det til kladde igen for at rette det.",
            )),
            (S::Approved, E::Approve) => Err(LetterStateError("Brevet er allerede godkendt.")),
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
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let recipient_name = one_line(&text.recipient_name);
    if recipient_name.is_empty() {
        errors.add("recipient_name", "Skriv modtagerens navn.");
    }
    let recipient_email = text
        .recipient_email
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty());
    match recipient_email {
        None => errors.add(
            "recipient_email",
            "Skriv modtagerens e-mailadresse; brevet sendes dertil.",
        ),
        Some(e) if EmailAddress::parse(e).is_err() => errors.add(
            "recipient_email",
            format!("»{e}« er ikke en gyldig e-mailadresse."),
        ),
        Some(_) => {}
    }
    let heading = one_line(&text.heading);
    if heading.is_empty() {
        errors.add("heading", "Skriv brevets overskrift.");
    } else if heading.chars().count() > HEADING_MAX_CHARS {
        errors.add(
            "heading",
            format!("Overskriften er for lang (højst {HEADING_MAX_CHARS} tegn)."),
        );
    }
    let body = text.body.trim().to_owned();
    if body.is_empty() {
        errors.add("body", "Skriv brevets tekst.");
    } else if body.chars().count() > BODY_MAX_CHARS {
        errors.add(
            "body",
            format!("Teksten er for lang (højst {BODY_MAX_CHARS} tegn)."),
        );
    }
    let signatories: Vec<Signatory> = text
        .signatories
        .iter()
        .map(|s| Signatory {
            name: one_line(&s.name),
            title: s.title.as_deref().map(one_line).filter(|t| !t.is_empty()),
        })
        .filter(|s| !s.name.is_empty())
        .collect();
    if signatories.is_empty() {
        errors.add("signatories", "Skriv mindst én, der underskriver brevet.");
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(LetterText {
        recipient_name,
        recipient_title: text
            .recipient_title
            .as_deref()
            .map(one_line)
            .filter(|t| !t.is_empty()),
        recipient_email: recipient_email.map(str::to_owned),
        heading,
        salutation: one_line(&text.salutation),
        body,
        closing: one_line(&text.closing),
        signatories,
    })
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
}
