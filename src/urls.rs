//! Every address Agendum gives out, in one place: pages, documents and mails link with these,
//! so a URL that `INTERFACES.md` promises is spelled once. Paths only; a mail or feed prefixes
//! the instance's base URL (`absolute`).

use std::fmt::Display;

use crate::domain::{AgendaItemId, CaseReference, MeetingId, ProposalId};

/// `base` (the instance's `AGENDUM_BASE_URL`, no trailing slash) and a path from this module.
pub fn absolute(base: &str, path: &str) -> String {
    format!("{base}{path}")
}

pub fn meeting(id: MeetingId) -> String {
    format!("/meetings/{id}")
}

/// The anchor of an item on the meeting's page (`#punkt-3`).
pub fn item_anchor(number: &str) -> String {
    format!("punkt-{}", number.trim().replace(char::is_whitespace, "-"))
}

/// A name as it goes into a file name: lower case ASCII, `æ ø å` written out, words joined by
/// hyphens.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        match c {
            'æ' => out.push_str("ae"),
            'ø' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            _ => {}
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The file name an agenda's PDF is saved as.
pub fn agenda_pdf_filename(
    organization: &str,
    starts_at: chrono::DateTime<chrono::Utc>,
    version: impl Display,
) -> String {
    format!(
        "dagsorden-{}-{}-v{version}.pdf",
        slug(organization),
        crate::domain::time::local(starts_at).format("%Y-%m-%d")
    )
}

/// The file name the minutes' PDF is saved as.
pub fn minutes_pdf_filename(
    organization: &str,
    starts_at: chrono::DateTime<chrono::Utc>,
    version: impl Display,
) -> String {
    format!(
        "beslutningsprotokol-{}-{}-v{version}.pdf",
        slug(organization),
        crate::domain::time::local(starts_at).format("%Y-%m-%d")
    )
}

pub fn meeting_agenda_pdf(id: MeetingId, version: u32) -> String {
    format!("/meetings/{id}/agenda.pdf?version={version}")
}

pub fn meeting_minutes_pdf(id: MeetingId, version: i32) -> String {
    format!("/meetings/{id}/minutes.pdf?version={version}")
}

pub fn meeting_minutes_draft(id: MeetingId) -> String {
    format!("/meetings/{id}/minutes/draft")
}

pub fn meeting_attachment(meeting: MeetingId, attachment: impl Display) -> String {
    format!("/meetings/{meeting}/attachments/{attachment}")
}

pub fn proposal(id: ProposalId) -> String {
    format!("/proposals/{id}")
}

pub fn case(reference: &CaseReference) -> String {
    // The key, not the shape people write: `25/12345` would not be one path segment.
    format!("/cases/{}", reference.key())
}

pub fn agenda_editor(meeting: MeetingId) -> String {
    format!("/secretariat/meetings/{meeting}/agenda")
}

pub fn meeting_decisions(meeting: MeetingId) -> String {
    format!("/secretariat/meetings/{meeting}/decisions")
}

pub fn item_decision(item: AgendaItemId) -> String {
    format!("/secretariat/agenda-items/{item}/decision")
}

pub fn task(id: impl Display) -> String {
    format!("/secretariat/tasks/{id}")
}

pub fn letter(id: impl Display) -> String {
    format!("/secretariat/letters/{id}")
}

/// A letter as PDF: the one sent, or as it stands.
pub fn letter_pdf(id: impl Display) -> String {
    format!("/letters/{id}.pdf")
}

/// An incoming letter's original file.
pub fn letter_original(id: impl Display) -> String {
    format!("/letters/{id}/original")
}

pub fn api_proposal(id: ProposalId) -> String {
    format!("/api/v1/proposals/{id}")
}

pub fn api_task(id: impl Display) -> String {
    format!("/api/v1/tasks/{id}")
}

pub fn api_letter(id: impl Display) -> String {
    format!("/api/v1/letters/{id}")
}

/// A one-time link to set a password (a new account's, or a reset); `token` is the secret.
pub fn password_reset(token: &str) -> String {
    format!("/password/reset/{token}")
}

/// An administration's answer link; `token` is the secret (or its lookup part).
pub fn task_answer(token: &str) -> String {
    format!("/tasks/answer/{token}")
}

pub fn subscription_confirm(token: &str) -> String {
    format!("/subscriptions/confirm/{token}")
}

/// The secretariat's form to move or change a meeting.
pub fn meeting_edit(id: MeetingId) -> String {
    format!("/secretariat/meetings/{id}/edit")
}
