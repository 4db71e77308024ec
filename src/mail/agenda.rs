//! The mail that goes with a released agenda: one to each member of the body, with the links
//! and the meeting as a calendar invitation, queued in the release's own transaction.

use chrono::Utc;
use tera::Context;

use super::templates::{Lang, MailSite, render_mail};
use crate::config::Settings;
use crate::db::agenda::Released;
use crate::db::{DbConnection, meetings, organizations as orgs};
use crate::domain::agenda::AgendaSnapshot;
use crate::domain::ical::{Invitation, invitation};
use crate::domain::mail::{Attachment, Mailbox, OutgoingMessage};
use crate::domain::time::local;
use crate::error::{AppError, AppResult};
use crate::read::calendar::meeting_event;

const INVITATION_TYPE: &str = "text/calendar; method=REQUEST; charset=UTF-8";

/// What both agenda mails say: the meeting, the version, its changes, the items (closed ones by
/// title only when `snapshot` is the public view, with `changes` the public list) and the links.
fn agenda_context(
    lang: Lang,
    settings: &Settings,
    released: &Released,
    snapshot: &AgendaSnapshot,
    changes: &[String],
) -> Context {
    let meeting = &snapshot.meeting;
    let base = &settings.base_url;
    let mut ctx = Context::new();
    ctx.insert("organization", &meeting.organization_name);
    ctx.insert(
        "when",
        &crate::domain::time::datetime(lang, meeting.starts_at),
    );
    ctx.insert("location", &meeting.location);
    ctx.insert("version", &released.version);
    ctx.insert("changes", changes);
    ctx.insert(
        "items",
        &snapshot
            .items
            .iter()
            .map(|i| {
                serde_json::json!({
                    "number": i.number,
                    "title": i.display_title(),
                    "closed": !i.public,
                })
            })
            .collect::<Vec<_>>(),
    );
    ctx.insert("url", &format!("{base}/meetings/{}", meeting.id));
    ctx.insert(
        "pdf_url",
        &format!("{base}/meetings/{}/agenda.pdf", meeting.id),
    );
    ctx
}

/// Queues the agenda mail to every member with an address; returns how many were queued.
pub fn notify_members(
    conn: &mut DbConnection,
    settings: &Settings,
    released: &Released,
) -> AppResult<usize> {
    let meeting_id = released.snapshot.meeting.id;
    let meeting = meetings::get(conn, meeting_id)?
        .ok_or_else(|| AppError::not_found("error-the-meeting-does-not-exist"))?;
    let day = local(meeting.starts_at).date_naive();
    let members = orgs::member_addresses(conn, meeting.organization_id, day)?;
    let stamp = Utc::now();
    let site = MailSite::load(conn)?;
    let mut queued = 0;
    for (name, address) in members {
        let Some(address) = address else {
            continue;
        };
        let Ok(to) = Mailbox::new(Some(&name), &address) else {
            // Addresses are checked when they are stored; one that no longer parses must not
            // hold back the agenda for everybody else.
            tracing::warn!(
                meeting = meeting_id.0,
                "member address skipped: does not parse"
            );
            continue;
        };
        let lang = site.lang_for(conn, &to.email, None)?;
        let event = meeting_event(lang, &meeting, &settings.base_url, released.version, stamp);
        let mut ctx = agenda_context(
            lang,
            settings,
            released,
            &released.snapshot,
            &released.changes,
        );
        ctx.insert("name", &name);
        let mail = render_mail("agenda_released", lang, &site, &ctx)?;
        let ics = invitation(
            &event,
            &Invitation {
                organizer_name: settings
                    .mail_from
                    .name
                    .clone()
                    .unwrap_or_else(|| "Agendum".to_owned()),
                organizer_email: settings.mail_from.email.clone(),
                attendee_name: name.clone(),
                attendee_email: to.email.clone(),
            },
        );
        let attachment = Attachment::new("invitation.ics", INVITATION_TYPE, ics.into_bytes())
            .map_err(AppError::internal)?;
        let message = OutgoingMessage::new(vec![to], mail.subject, mail.text)
            .map_err(AppError::internal)?
            .html(mail.html)
            .attach(attachment)
            .concerning("meeting", meeting_id.0);
        super::enqueue(conn, &settings.mail_from, &message)?;
        queued += 1;
    }
    Ok(queued)
}

/// Queues the public notice of a released agenda to every confirmed subscriber of the body:
/// the public view only (closed items by title), with an unsubscribe link in the text and in
/// the `List-Unsubscribe` header (one click, RFC 8058). Returns how many were queued.
pub fn notify_subscribers(
    conn: &mut DbConnection,
    settings: &Settings,
    released: &Released,
) -> AppResult<usize> {
    let meeting = &released.snapshot.meeting;
    let subscribers = crate::db::subscriptions::confirmed(conn, meeting.organization_id)?;
    if subscribers.is_empty() {
        return Ok(0);
    }
    let base = &settings.base_url;
    let site = MailSite::load(conn)?;
    let public = released.snapshot.public_view();
    let mut queued = 0;
    for (address, token, language) in subscribers {
        let lang = language.unwrap_or(site.lang);
        let mut ctx = agenda_context(lang, settings, released, &public, &released.public_changes);
        let Ok(to) = Mailbox::new(None, &address) else {
            tracing::warn!(
                meeting = meeting.id.0,
                "subscriber address skipped: does not parse"
            );
            continue;
        };
        let unsubscribe = format!("{base}/subscriptions/unsubscribe/{token}");
        ctx.insert("unsubscribe_url", &unsubscribe);
        let mail = render_mail("agenda_subscription", lang, &site, &ctx)?;
        let message = OutgoingMessage::new(vec![to], mail.subject, mail.text)
            .map_err(AppError::internal)?
            .html(mail.html)
            .header("List-Unsubscribe", format!("<{unsubscribe}>"))
            .header(
                "List-Unsubscribe-Post",
                "List-Unsubscribe=One-Click".to_owned(),
            )
            .concerning("meeting", meeting.id.0);
        super::enqueue(conn, &settings.mail_from, &message)?;
        queued += 1;
    }
    Ok(queued)
}
