//! A letter as a reader may see it: public letters for everyone, the others for the
//! secretariat only (to anyone else a letter that is not public does not exist). The PDF,
//! the original file and `GET /api/v1/letters…` apply this one rule.

use serde::Serialize;

use crate::db::letters::{self, Letter};
use crate::db::{DbConnection, cases};
use crate::domain::letter::{LetterDirection, LetterStatus};
use crate::domain::{LetterId, OrganizationId, time};
use crate::error::{AppError, AppResult};

/// A letter this reader may not read does not exist for them.
pub fn missing() -> AppError {
    AppError::not_found("error-the-letter-does-not-exist-or")
}

/// The letter, when this reader may read it.
pub fn readable(conn: &mut DbConnection, id: LetterId, secretariat: bool) -> AppResult<Letter> {
    letters::get(conn, id)?
        .filter(|l| l.readable_by_all() || secretariat)
        .ok_or_else(missing)
}

/// A letter in the API: its parts, its case and its PDF.
#[derive(Debug, Serialize)]
pub struct LetterView {
    pub id: LetterId,
    pub case: CaseLink,
    pub direction: LetterDirection,
    pub status: LetterStatus,
    pub sender: Sender,
    pub date: String,
    pub recipient: Recipient,
    pub heading: String,
    pub salutation: String,
    pub body: String,
    pub closing: String,
    pub signatories: Vec<crate::domain::letter::Signatory>,
    pub public: bool,
    pub sent_at: Option<String>,
    pub in_reply_to: Option<LetterId>,
    pub links: Links,
}

#[derive(Debug, Serialize)]
pub struct CaseLink {
    pub reference: String,
    pub url: String,
}

#[derive(Debug, Serialize)]
pub struct Sender {
    pub name: String,
    pub organization_id: Option<OrganizationId>,
}

#[derive(Debug, Serialize)]
pub struct Recipient {
    pub name: String,
    pub title: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Links {
    #[serde(rename = "self")]
    pub this: String,
    pub pdf: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original: Option<String>,
}

/// The letter as the API shows it, with absolute links under `base`.
pub fn view(conn: &mut DbConnection, base: &str, l: &Letter) -> AppResult<LetterView> {
    let reference = cases::reference_of(conn, l.case_id)?;
    Ok(LetterView {
        id: l.id,
        case: CaseLink {
            reference: reference.to_string(),
            url: format!("{base}{}", crate::urls::case(&reference)),
        },
        direction: l.direction,
        status: l.status,
        sender: Sender {
            name: l.sender_name.clone(),
            organization_id: l.sender_organization_id,
        },
        date: l.date.to_string(),
        recipient: Recipient {
            name: l.text.recipient_name.clone(),
            title: l.text.recipient_title.clone(),
            email: l.text.recipient_email.clone(),
        },
        heading: l.text.heading.clone(),
        salutation: l.text.salutation.clone(),
        body: l.text.body.clone(),
        closing: l.text.closing.clone(),
        signatories: l.text.signatories.clone(),
        public: l.public,
        sent_at: l.sent_at.map(time::rfc3339),
        in_reply_to: l.in_reply_to,
        links: Links {
            this: format!("{base}{}", crate::urls::api_letter(l.id)),
            pdf: format!("{base}{}", crate::urls::letter_pdf(l.id)),
            original: l
                .has_original
                .then(|| format!("{base}{}", crate::urls::letter_original(l.id))),
        },
    })
}
