//! The working agenda of a meeting and its release. Every change takes the agenda's lock (a
//! second person's change from an older page is refused, not lost), checks that the meeting is
//! still open for changes, and writes its audit line in the same transaction. A release freezes
//! the agenda as the next version with its PDFs (public and for members) and mails the members
//! and the subscribers, all or nothing.

use serde_json::{Value, json};

use crate::config::Settings;
use crate::db::agenda::{self, ItemChange, NewAgendaItem, NewAttachment, ReleaseRequest, Released};
use crate::db::audit::{self, Change, SubjectKind};
use crate::db::{DbConnection, write_transaction};
use crate::documents::{self, Audience};
use crate::domain::account::Actor;
use crate::domain::agenda::{AgendaItemKind, Direction};
use crate::domain::{AgendaItemId, AttachmentId, MeetingId, ProposalId};
use crate::error::{AppError, AppResult};

const AGENDA: SubjectKind = SubjectKind("meeting");

/// One change of the working agenda under its lock, with its audit line.
fn change(
    conn: &mut DbConnection,
    actor: &Actor,
    meeting: MeetingId,
    lock: i32,
    action: &'static str,
    work: impl FnOnce(&mut DbConnection) -> AppResult<Value>,
) -> AppResult<()> {
    write_transaction(conn, |conn| {
        agenda::check_editable(conn, meeting)?;
        agenda::take_lock(conn, meeting, lock)?;
        let after = work(conn)?;
        audit::record(
            conn,
            actor,
            Change {
                action,
                subject: AGENDA.with(meeting.0),
                before: None,
                after: Some(after),
                note: None,
            },
        )
    })
}

/// An item the secretariat writes (indstilling, orientering, henvendelse …).
pub fn add_item(
    conn: &mut DbConnection,
    actor: &Actor,
    lock: i32,
    new: &NewAgendaItem,
) -> AppResult<()> {
    change(
        conn,
        actor,
        new.meeting_id,
        lock,
        "agenda.item_added",
        |conn| {
            let item = agenda::append_item(conn, new)?;
            Ok(
                json!({"item": item.0, "title": new.title, "kind": new.kind.as_str(), "public": new.public}),
            )
        },
    )
}

/// "Godkendelse af dagsordenen", once per agenda.
pub fn add_approval(
    conn: &mut DbConnection,
    actor: &Actor,
    meeting: MeetingId,
    lock: i32,
) -> AppResult<()> {
    change(conn, actor, meeting, lock, "agenda.item_added", |conn| {
        let present = agenda::working_items(conn, meeting)?
            .iter()
            .any(|i| i.kind == AgendaItemKind::ApprovalOfAgenda);
        if present {
            return Err(AppError::invalid("error-the-approval-of-the-agenda-is-2"));
        }
        let kind = AgendaItemKind::ApprovalOfAgenda;
        // The item's title is the agenda's own text, in the municipality's language.
        let title = kind.label(crate::db::municipality::language(conn)?);
        let item = agenda::append_item(conn, &NewAgendaItem::plain(meeting, &title, kind, true))?;
        Ok(json!({"item": item.0, "kind": kind.as_str()}))
    })
}

/// An accepted proposal onto the agenda.
pub fn add_proposal(
    conn: &mut DbConnection,
    actor: &Actor,
    meeting: MeetingId,
    lock: i32,
    proposal: ProposalId,
) -> AppResult<()> {
    change(
        conn,
        actor,
        meeting,
        lock,
        "agenda.proposal_added",
        |conn| {
            let item = agenda::add_proposal(conn, meeting, proposal)?;
            Ok(json!({"item": item.0, "proposal": proposal.0}))
        },
    )
}

/// Where an item goes: one place up or down, or to a position (from 0, drag and drop).
#[derive(Debug, Clone, Copy)]
pub enum Placement {
    Step(Direction),
    To(usize),
}

/// Moves an item within the order the domain allows (the approval first, closed items after
/// the open ones).
pub fn move_item(
    conn: &mut DbConnection,
    actor: &Actor,
    meeting: MeetingId,
    lock: i32,
    item: AgendaItemId,
    placement: Placement,
) -> AppResult<()> {
    change(conn, actor, meeting, lock, "agenda.item_moved", |conn| {
        let (moved, refusal) = match placement {
            Placement::Step(direction) => (
                agenda::reorder(conn, meeting, |items| {
                    crate::domain::agenda::move_item(items, item, direction)
                })?,
                "error-the-item-cannot-move-further",
            ),
            Placement::To(to) => (
                agenda::reorder(conn, meeting, |items| {
                    crate::domain::agenda::move_to(items, item, to)
                })?,
                "error-the-item-cannot-stand-there",
            ),
        };
        if !moved {
            return Err(AppError::invalid(refusal));
        }
        let action = match placement {
            Placement::Step(Direction::Up) => "up",
            Placement::Step(Direction::Down) => "down",
            Placement::To(_) => "move",
        };
        Ok(json!({"item": item.0, "action": action}))
    })
}

/// Opens or closes an item (lukket punkt).
pub fn set_public(
    conn: &mut DbConnection,
    actor: &Actor,
    meeting: MeetingId,
    lock: i32,
    item: AgendaItemId,
    public: bool,
) -> AppResult<()> {
    change(
        conn,
        actor,
        meeting,
        lock,
        "agenda.item_visibility",
        |conn| {
            agenda::set_public(conn, meeting, item, public)?;
            Ok(json!({"item": item.0, "action": if public { "open" } else { "close" }}))
        },
    )
}

/// Takes an item off the working agenda.
pub fn delete_item(
    conn: &mut DbConnection,
    actor: &Actor,
    meeting: MeetingId,
    lock: i32,
    item: AgendaItemId,
) -> AppResult<()> {
    change(conn, actor, meeting, lock, "agenda.item_removed", |conn| {
        agenda::delete_item(conn, meeting, item)?;
        Ok(json!({"item": item.0, "action": "delete"}))
    })
}

/// Saves an item's own form.
pub fn update_item(
    conn: &mut DbConnection,
    actor: &Actor,
    meeting: MeetingId,
    lock: i32,
    item: AgendaItemId,
    edit: &ItemChange,
) -> AppResult<()> {
    change(conn, actor, meeting, lock, "agenda.item_edited", |conn| {
        agenda::update_item(conn, meeting, item, edit)?;
        Ok(json!({"item": item.0, "title": edit.title, "public": edit.public}))
    })
}

/// A checked file attached to an item.
pub fn attach(
    conn: &mut DbConnection,
    actor: &Actor,
    lock: i32,
    new: &NewAttachment,
) -> AppResult<()> {
    change(
        conn,
        actor,
        new.meeting_id,
        lock,
        "agenda.attachment_added",
        |conn| {
            let attachment = agenda::add_attachment(conn, new)?;
            Ok(
                json!({"item": new.item.0, "attachment": attachment, "filename": new.filename,
                  "size": new.content.len(), "public": new.public}),
            )
        },
    )
}

/// A file taken off the item it was attached to (it stays in the versions released with it).
pub fn detach(
    conn: &mut DbConnection,
    actor: &Actor,
    meeting: MeetingId,
    lock: i32,
    attachment: AttachmentId,
) -> AppResult<()> {
    change(
        conn,
        actor,
        meeting,
        lock,
        "agenda.attachment_removed",
        |conn| {
            agenda::detach_attachment(conn, meeting, attachment)?;
            Ok(json!({"attachment": attachment}))
        },
    )
}

/// Renders and writes the next version within the caller's transaction: a PDF that cannot be
/// rendered releases nothing.
pub fn release_version(conn: &mut DbConnection, request: &ReleaseRequest) -> AppResult<Released> {
    write_transaction(conn, |conn| {
        let prepared = agenda::prepare_release(conn, request)?;
        // The documents are in the municipality's language, whoever releases them.
        let lang = crate::db::municipality::language(conn)?;
        let municipality = crate::db::municipality::get(conn)?
            .map(|m| m.name)
            .unwrap_or_default();
        let documents = [Audience::Public, Audience::Members]
            .into_iter()
            .map(|audience| {
                let changes = match audience {
                    Audience::Public => &prepared.public_changes,
                    Audience::Members => &prepared.changes,
                };
                documents::agenda_pdf(
                    lang,
                    &municipality,
                    &prepared.snapshot,
                    prepared.version,
                    changes,
                    audience,
                )
                .map(|pdf| (audience, pdf))
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| {
                AppError::internal(e).with_message("error-the-agendas-pdf-could-not-be")
            })?;
        agenda::record_release(conn, prepared, documents)
    })
}

/// A release and whom its mail went to.
#[derive(Debug)]
pub struct ReleaseSent {
    pub released: Released,
    /// Members with an address, mailed the agenda and its calendar invitation.
    pub members: usize,
    /// Confirmed subscribers of the body, mailed the agenda.
    pub subscribers: usize,
}

impl ReleaseSent {
    /// "Dagsordenen (version 2) er udsendt til 55 medlemmer og 1 abonnent …"
    pub fn notice(&self) -> crate::i18n::Msg {
        crate::i18n::Msg::key("notice-agenda-released")
            .num("version", self.released.version)
            .num("members", self.members as u32)
            .num("subscribers", self.subscribers as u32)
    }
}

/// Releases the agenda as the next version, mails it to the members and the subscribers, and
/// records who did it, in one transaction.
pub fn release(
    conn: &mut DbConnection,
    settings: &Settings,
    actor: &Actor,
    request: &ReleaseRequest,
) -> AppResult<ReleaseSent> {
    write_transaction(conn, |conn| {
        let released = release_version(conn, request)?;
        let recipients = crate::mail::agenda::notify_members(conn, settings, &released)?;
        let subscribers = crate::mail::agenda::notify_subscribers(conn, settings, &released)?;
        let reason = request.late_reason.map(str::trim);
        audit::record(
            conn,
            actor,
            Change {
                action: "agenda.released",
                subject: AGENDA.with(request.meeting_id.0),
                before: None,
                after: Some(json!({
                    "version": released.version,
                    "items": released.snapshot.items.len(),
                    "changes": released.changes,
                    "mailed": recipients,
                    "subscribers_mailed": subscribers,
                })),
                note: if released.late { reason } else { None },
            },
        )?;
        Ok(ReleaseSent {
            released,
            members: recipients,
            subscribers,
        })
    })
}
