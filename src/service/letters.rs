//! Letter operations for the secretariat's pages: drafting, editing, approving and sending an
//! outgoing letter, registering an incoming one and putting it on an agenda. Each runs in one
//! write transaction with its audit event and, for sending, its mail with the PDF, so a letter
//! is sent once and frozen in the same step.

use chrono::NaiveDate;
use serde_json::json;
use tera::Context;

use crate::config::Settings;
use crate::db::agenda::{self, NewAgendaItem, NewAttachment};
use crate::db::letters::{self, Letter, LetterEdit, LogoChange, NewOutgoing};
use crate::db::{DbConnection, audit, cases, meetings, organizations, workflow, write_transaction};
use crate::documents::{LetterView, letter_pdf};
use crate::domain::account::Actor;
use crate::domain::agenda::AgendaItemKind;
use crate::domain::letter::check_logo;
use crate::domain::letter::{
    LetterDirection, LetterEvent, LetterStatus, LetterText, check_outgoing,
};
use crate::domain::mail::{Attachment, Mailbox, OutgoingMessage};
use crate::domain::text::paragraphs;
use crate::domain::time::today;
use crate::domain::{
    AgendaItemId, CaseId, CaseReference, LetterId, MeetingId, OrganizationId, UserId,
};
use crate::error::{AppError, AppResult};
use crate::mail::templates::{MailSite, render_mail};

const LETTER: audit::SubjectKind = audit::SubjectKind("letter");

/// The case a new letter goes on: an existing one, or a new one when a title is given.
pub struct CaseChoice<'a> {
    pub reference: &'a CaseReference,
    pub new_title: Option<&'a str>,
}

/// Who a letter is from: an organization Agendum knows (with its letterhead), or, for an
/// incoming letter, a sender as printed on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sender {
    Organization(OrganizationId),
    Named(String),
}

/// A letter as the form gives it, its text already checked for its direction.
pub struct LetterInput {
    pub sender: Sender,
    pub date: NaiveDate,
    pub text: LetterText,
    pub public: bool,
}

fn case_for(
    conn: &mut DbConnection,
    choice: &CaseChoice,
    sender: Option<OrganizationId>,
) -> AppResult<CaseId> {
    if let Some(case) = cases::by_reference(conn, choice.reference)? {
        return Ok(case.id);
    }
    let title = choice
        .new_title
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            AppError::invalid(
                crate::i18n::Msg::key("error-case-does-not-exist-write-the")
                    .arg("reference", choice.reference),
            )
        })?;
    let body = match sender {
        Some(org) => organizations::body_of(conn, org)?,
        None => letters::default_body(conn)?,
    };
    workflow::ensure_case(conn, body, choice.reference, title)
}

/// The organization and printed name of an outgoing letter's sender: it must have a letterhead.
fn letterhead_sender(
    conn: &mut DbConnection,
    sender: &Sender,
) -> AppResult<(OrganizationId, String)> {
    let unknown = || AppError::invalid("error-the-sender-does-not-exist-or");
    let Sender::Organization(id) = sender else {
        return Err(unknown());
    };
    let entry = letters::letterheads(conn)?
        .into_iter()
        .find(|e| e.id == *id && e.can_send())
        .ok_or_else(unknown)?;
    Ok((entry.id, entry.name))
}

/// The organization (if known) and printed name of an incoming letter's sender.
fn incoming_sender(
    conn: &mut DbConnection,
    sender: &Sender,
) -> AppResult<(Option<OrganizationId>, String)> {
    match sender {
        Sender::Named(name) => Ok((None, name.clone())),
        Sender::Organization(id) => {
            let entry = letters::letterheads(conn)?
                .into_iter()
                .find(|e| e.id == *id)
                .ok_or_else(|| AppError::invalid("error-the-sender-does-not-exist-choose"))?;
            Ok((Some(entry.id), entry.name))
        }
    }
}

fn snapshot(letter: &Letter) -> serde_json::Value {
    json!({
        "status": letter.status,
        "sender": letter.sender_name,
        "date": letter.date.to_string(),
        "recipient": letter.text.recipient_name,
        "heading": letter.text.heading,
        "public": letter.public,
    })
}

fn get(conn: &mut DbConnection, id: LetterId) -> AppResult<Letter> {
    letters::get(conn, id)?.ok_or_else(|| AppError::not_found("error-the-letter-does-not-exist"))
}

/// The letter as it stands, or a conflict when it has changed since the page was read. A sent
/// letter says so first: that is what someone sending twice needs to hear.
fn current(
    conn: &mut DbConnection,
    id: LetterId,
    lock: i32,
    event: LetterEvent,
) -> AppResult<(Letter, LetterStatus)> {
    let letter = get(conn, id)?;
    let next = letter
        .status
        .after(event)
        .map_err(|e| AppError::conflict(e.0))?;
    if letter.lock_version != lock {
        return Err(letters::stale());
    }
    Ok((letter, next))
}

/// Drafts an outgoing letter; `in_reply_to` is the letter it answers, on the same case.
pub fn draft(
    conn: &mut DbConnection,
    actor: &Actor,
    by: Option<UserId>,
    case: &CaseChoice,
    input: &LetterInput,
    in_reply_to: Option<LetterId>,
) -> AppResult<LetterId> {
    let text = check_outgoing(&input.text).map_err(field_message)?;
    write_transaction(conn, |conn| {
        let (sender, sender_name) = letterhead_sender(conn, &input.sender)?;
        let case_id = case_for(conn, case, Some(sender))?;
        if let Some(answered) = in_reply_to {
            let original = get(conn, answered)?;
            if original.case_id != case_id {
                return Err(AppError::invalid("error-a-reply-is-written-on-the"));
            }
        }
        let id = letters::create_outgoing(
            conn,
            &NewOutgoing {
                case_id,
                sender_organization_id: sender,
                sender_name: &sender_name,
                date: input.date,
                text: &text,
                public: input.public,
                in_reply_to,
                by,
            },
        )?;
        log_new(conn, actor, id, "letter.drafted", None)?;
        Ok(id)
    })
}

/// A new letter in the audit log, as it was stored.
fn log_new(
    conn: &mut DbConnection,
    actor: &Actor,
    id: LetterId,
    action: &str,
    note: Option<&str>,
) -> AppResult<()> {
    let created = get(conn, id)?;
    audit::record(
        conn,
        actor,
        audit::Change {
            action,
            subject: LETTER.with(id),
            before: None,
            after: Some(snapshot(&created)),
            note,
        },
    )
}

/// Registers an incoming letter with its original file, if any.
pub fn register(
    conn: &mut DbConnection,
    actor: &Actor,
    by: Option<UserId>,
    case: &CaseChoice,
    input: &LetterInput,
    original: Option<(&str, &str, &[u8])>,
) -> AppResult<LetterId> {
    write_transaction(conn, |conn| {
        let (sender, sender_name) = incoming_sender(conn, &input.sender)?;
        let case_id = case_for(conn, case, sender)?;
        let id = letters::register_incoming(
            conn,
            &letters::IncomingLetter {
                case_id,
                sender_organization_id: sender,
                sender_name: &sender_name,
                date: input.date,
                text: &input.text,
                public: input.public,
                original,
                by,
            },
        )?;
        log_new(conn, actor, id, "letter.registered", original.map(|o| o.0))?;
        Ok(id)
    })
}

/// Saves an edit of a draft or of a registered letter. An approved letter is reopened first;
/// a sent one is never changed.
pub fn edit(
    conn: &mut DbConnection,
    actor: &Actor,
    id: LetterId,
    lock: i32,
    input: &LetterInput,
) -> AppResult<()> {
    write_transaction(conn, |conn| {
        let (before, _) = current(conn, id, lock, LetterEvent::Edit)?;
        let (sender, sender_name, text) = match before.direction {
            LetterDirection::Outgoing => {
                let text = check_outgoing(&input.text).map_err(field_message)?;
                let (org, name) = letterhead_sender(conn, &input.sender)?;
                (Some(org), name, text)
            }
            LetterDirection::Incoming => {
                let (org, name) = incoming_sender(conn, &input.sender)?;
                (org, name, input.text.clone())
            }
        };
        letters::update(
            conn,
            id,
            lock,
            &LetterEdit {
                sender_organization_id: sender,
                sender_name: &sender_name,
                date: input.date,
                text: &text,
                public: input.public,
            },
        )?;
        let after = get(conn, id)?;
        audit::record(
            conn,
            actor,
            audit::Change {
                action: "letter.edited",
                subject: LETTER.with(id),
                before: Some(snapshot(&before)),
                after: Some(snapshot(&after)),
                note: None,
            },
        )
    })
}

/// Approves a draft, or takes an approved letter back to draft to change it.
pub fn transition(
    conn: &mut DbConnection,
    actor: &Actor,
    by: Option<UserId>,
    id: LetterId,
    lock: i32,
    event: LetterEvent,
) -> AppResult<()> {
    write_transaction(conn, |conn| {
        let (before, next) = current(conn, id, lock, event)?;
        if event == LetterEvent::Approve {
            // What is approved is what will be sent: it must be complete now.
            check_outgoing(&before.text).map_err(field_message)?;
        }
        letters::set_status(conn, &before, next, by)?;
        audit::record(
            conn,
            actor,
            audit::Change {
                action: match event {
                    LetterEvent::Approve => "letter.approved",
                    _ => "letter.reopened",
                },
                subject: LETTER.with(id),
                before: Some(json!({ "status": before.status })),
                after: Some(json!({ "status": next })),
                note: None,
            },
        )
    })
}

/// The letter's PDF as it stands: its sender's letterhead with the logo, and "UDKAST" across
/// a draft's pages (an approved letter is rendered as it will be sent).
pub fn view(conn: &mut DbConnection, letter: &Letter) -> AppResult<LetterView> {
    let lang = crate::db::municipality::language(conn)?;
    let head = letters::letterhead(conn, letter)?;
    let logo = match letter.sender_organization_id {
        Some(org) => letters::logo(conn, org)?.map(|(_, bytes)| bytes),
        None => None,
    };
    Ok(LetterView::new(lang, &head, letter.date, &letter.text)
        .with_logo(logo)
        .marked_draft(letter.status == crate::domain::letter::LetterStatus::Draft))
}

pub fn render(view: &LetterView) -> AppResult<Vec<u8>> {
    letter_pdf(view)
        .map_err(|e| AppError::internal(e).with_message("error-the-letter-could-not-be-made"))
}

/// Sends an approved letter: the mail with the PDF attached goes into the outbox, and the
/// letter is frozen with that PDF, in one transaction. Sending again is refused.
pub fn send(
    conn: &mut DbConnection,
    settings: &Settings,
    actor: &Actor,
    id: LetterId,
    lock: i32,
) -> AppResult<crate::domain::MessageId> {
    write_transaction(conn, |conn| {
        let (letter, next) = current(conn, id, lock, LetterEvent::Send)?;
        let text = check_outgoing(&letter.text).map_err(field_message)?;
        let view = view(conn, &letter)?;
        let pdf = render(&view)?;
        let email = text.recipient_email.as_deref().unwrap_or_default();
        let to = Mailbox::new(Some(&text.recipient_name), email).map_err(|e| {
            AppError::invalid(crate::i18n::Msg::key("error-the-recipients-address").arg("e", e))
        })?;
        let mut ctx = Context::new();
        ctx.insert("sender", &view.sender.name);
        ctx.insert("heading", &text.heading);
        // A letter is in the municipality's language, as its PDF is.
        let site = MailSite::load(conn)?;
        ctx.insert(
            "date",
            &crate::domain::time::long_date(site.lang, letter.date),
        );
        ctx.insert("salutation", &text.salutation);
        ctx.insert("paragraphs", &paragraphs(&text.body));
        ctx.insert("closing", &text.closing);
        ctx.insert(
            "signatories",
            &text
                .signatories
                .iter()
                .map(|s| match &s.title {
                    Some(t) => format!("{}, {t}", s.name),
                    None => s.name.clone(),
                })
                .collect::<Vec<_>>(),
        );
        let mail = render_mail("letter", site.lang, &site, &ctx)?;
        let filename = format!("brev-{id}-{}.pdf", letter.date);
        let mut message = OutgoingMessage::new(vec![to], mail.subject, mail.text)
            .map_err(AppError::internal)?
            .html(mail.html)
            .attach(
                Attachment::new(&filename, "application/pdf", pdf.clone())
                    .map_err(AppError::internal)?,
            )
            .concerning("letter", id);
        // Answers go to the sending organization, not to Agendum's no-reply address.
        if let Some(org) = letter.sender_organization_id
            && let Some(address) = letters::letterheads(conn)?
                .into_iter()
                .find(|e| e.id == org)
                .and_then(|e| e.email)
        {
            message.reply_to = Mailbox::new(Some(&view.sender.name), &address).ok();
        }
        let outbox_id = crate::mail::enqueue(conn, &settings.mail_from, &message)?;
        letters::mark_sent(conn, &letter, &pdf, outbox_id)?;
        audit::record(
            conn,
            actor,
            audit::Change {
                action: "letter.sent",
                subject: LETTER.with(id),
                before: Some(json!({ "status": letter.status })),
                after: Some(json!({ "status": next, "to": email, "outbox_id": outbox_id })),
                note: None,
            },
        )?;
        Ok(outbox_id)
    })
}

/// Makes a letter public on its case, or takes it off.
pub fn publish(
    conn: &mut DbConnection,
    actor: &Actor,
    id: LetterId,
    lock: i32,
    public: bool,
) -> AppResult<()> {
    write_transaction(conn, |conn| {
        let letter = get(conn, id)?;
        if letter.lock_version != lock {
            return Err(letters::stale());
        }
        letters::set_public(conn, &letter, public)?;
        audit::record(
            conn,
            actor,
            audit::Change {
                action: if public {
                    "letter.published"
                } else {
                    "letter.unpublished"
                },
                subject: LETTER.with(id),
                before: Some(json!({ "public": letter.public })),
                after: Some(json!({ "public": public })),
                note: None,
            },
        )
    })
}

/// Puts an incoming letter on a coming meeting's agenda as an orientation item on its case,
/// with the letter as PDF (and its original file for the members), in one step.
pub fn put_on_agenda(
    conn: &mut DbConnection,
    actor: &Actor,
    by: Option<UserId>,
    id: LetterId,
    meeting: MeetingId,
) -> AppResult<AgendaItemId> {
    write_transaction(conn, |conn| {
        let letter = get(conn, id)?;
        if letter.direction != LetterDirection::Incoming {
            return Err(AppError::invalid("error-only-incoming-letters-are-put-on"));
        }
        if letter.agenda_item_id.is_some() {
            return Err(AppError::conflict("error-the-letter-is-already-on-an"));
        }
        let target = meetings::get(conn, meeting)?
            .ok_or_else(|| AppError::not_found("error-the-meeting-does-not-exist"))?;
        agenda::check_editable(conn, meeting)?;
        // The item is the council's document, in its language.
        let lang = crate::db::municipality::language(conn)?;
        let title = crate::i18n::t_with(
            lang,
            "letter-item-title",
            &[
                ("sender", letter.sender_name.as_str().into()),
                ("heading", letter.text.heading.as_str().into()),
            ],
        );
        let body = if letter.text.body.trim().is_empty() {
            crate::i18n::t_with(
                lang,
                "letter-item-body",
                &[("sender", letter.sender_name.as_str().into())],
            )
        } else {
            letter.text.body.clone()
        };
        // A letter that is not public goes on the closed part of the agenda.
        let mut new =
            NewAgendaItem::plain(meeting, &title, AgendaItemKind::Orientation, letter.public);
        new.case_id = Some(letter.case_id);
        new.body = Some(&body);
        agenda::take_lock(conn, meeting, target.lock_version)?;
        let item = agenda::append_item(conn, &new)?;
        // The letter as PDF for everyone who may read it; the original as received for the
        // members. A letter registered only as its original file is that file.
        let mut files: Vec<(String, String, Vec<u8>, bool)> = Vec::new();
        match letters::original(conn, id)? {
            Some((name, kind, bytes)) if letter.text.body.trim().is_empty() => {
                files.push((name, kind, bytes, letter.public));
            }
            original => {
                let pdf = render(&view(conn, &letter)?)?;
                files.push((
                    format!("brev-{id}-{}.pdf", letter.date),
                    "application/pdf".to_owned(),
                    pdf,
                    letter.public,
                ));
                if let Some((name, kind, bytes)) = original {
                    files.push((name, kind, bytes, false));
                }
            }
        }
        for (filename, content_type, content, public) in &files {
            agenda::add_attachment(
                conn,
                &NewAttachment {
                    meeting_id: meeting,
                    item,
                    filename,
                    content_type,
                    public: *public,
                    content,
                    text: crate::documents::file_text(content_type, content).as_deref(),
                    created_by: by,
                },
            )?;
        }
        letters::set_agenda_item(conn, &letter, item)?;
        audit::record(
            conn,
            actor,
            audit::Change {
                action: "letter.on_agenda",
                subject: LETTER.with(id),
                before: None,
                after: Some(json!({ "meeting_id": meeting, "agenda_item_id": item })),
                note: None,
            },
        )?;
        Ok(item)
    })
}

/// A letter's checks as one message, for a caller that has no form to show them at.
/// The first field's message: the letter's form shows its fields' messages itself.
fn field_message(errors: crate::domain::proposal::FieldErrors) -> AppError {
    match errors.0.into_iter().next() {
        Some((_, message)) => AppError::invalid(message),
        None => AppError::invalid("error-the-letter-could-not-be-made"),
    }
}

/// A letterhead as the secretariat typed it: the address lines, the web address, and the logo
/// (PNG or JPEG) or its removal.
pub struct LetterheadInput<'a> {
    pub address: &'a str,
    pub website: Option<&'a str>,
    pub remove_logo: bool,
    pub logo: Option<Vec<u8>>,
}

/// Saves an organization's letterhead; a logo no letter could be rendered with is refused now.
pub fn set_letterhead(
    conn: &mut DbConnection,
    actor: &Actor,
    org: OrganizationId,
    input: &LetterheadInput,
) -> AppResult<()> {
    let lines: Vec<String> = input
        .address
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() > 6 {
        return Err(AppError::invalid("error-write-at-most-six-address-lines"));
    }
    let website = input.website.map(str::trim).filter(|w| !w.is_empty());
    if let Some(w) = website
        && (w.contains(char::is_whitespace) || !w.contains('.'))
    {
        return Err(AppError::invalid(
            crate::i18n::Msg::key("error-is-not-a-web-address").arg("w", w),
        ));
    }
    let logo = match (&input.logo, input.remove_logo) {
        (_, true) => LogoChange::Remove,
        (Some(bytes), false) if !bytes.is_empty() => {
            let kind = check_logo(bytes).map_err(AppError::invalid)?;
            // A logo every letter of the organization would fail on is refused now.
            let lang = crate::db::municipality::language(conn)?;
            let sample = LetterView::new(
                lang,
                &letters::letterhead_of(conn, org)?,
                today(),
                &LetterText {
                    recipient_name: crate::i18n::t(lang, "letter-sample"),
                    recipient_title: None,
                    recipient_email: None,
                    heading: crate::i18n::t(lang, "letter-sample"),
                    salutation: String::new(),
                    body: crate::i18n::t(lang, "letter-sample"),
                    closing: String::new(),
                    signatories: Vec::new(),
                },
            )
            .with_logo(Some(bytes.clone()));
            if render(&sample).is_err() {
                return Err(AppError::invalid("error-the-logo-cannot-be-read-as"));
            }
            LogoChange::Set(kind, bytes)
        }
        _ => LogoChange::Keep,
    };
    crate::db::write_transaction(conn, |conn| {
        letters::set_letterhead(conn, org, &lines, website, logo)?;
        audit::record(
            conn,
            actor,
            audit::Change {
                action: "organization.letterhead",
                subject: audit::SubjectKind("organization").with(org.0),
                before: None,
                after: Some(json!({ "address_lines": lines, "website": website })),
                note: None,
            },
        )
    })
}
