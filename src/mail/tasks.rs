//! The mail that goes with a confirmed follow-up task: one to the lead administration and one
//! to each contributing administration, each with its own answer link and the deadline as a
//! calendar file, queued in the confirmation's own transaction.

use chrono::{NaiveDate, Utc};
use tera::Context;

use super::templates::{MailSite, render_mail};
use crate::config::Settings;
use crate::db::decisions::{decided_item, decision_of};
use crate::db::organizations::Organization;
use crate::db::tasks::{self, Confirmed, Task, link_expiry};
use crate::db::{DbConnection, accounts, write_transaction};
use crate::domain::TaskId;
use crate::domain::account::Role;
use crate::domain::ical::{Deadline, deadline};
use crate::domain::mail::{Attachment, Mailbox, OutgoingMessage};
use crate::domain::task::{Reminder, due_reminder};
use crate::domain::text::danish_list;
use crate::domain::time::{date_da, long_date_da};
use crate::error::{AppError, AppResult};

const CALENDAR_TYPE: &str = "text/calendar; method=PUBLISH; charset=UTF-8";

/// The administration's addresses (the main one and those that get copies), or a clear
/// refusal: a task nobody receives is not sent.
fn mailbox(org: &Organization) -> AppResult<Vec<Mailbox>> {
    let all: Vec<Mailbox> = org
        .emails()
        .into_iter()
        .filter_map(|e| Mailbox::new(Some(&org.name), e).ok())
        .collect();
    if all.is_empty() {
        return Err(AppError::invalid(format!(
            "{} har ingen gyldig e-mailadresse, så opgaven kan ikke sendes. Tilføj adressen først.",
            org.name
        )));
    }
    Ok(all)
}

/// The deadline calendar of a task; one UID per task, so a moved deadline replaces it.
fn deadline_calendar(settings: &Settings, task: &Task, sequence: u32) -> Option<String> {
    let due = task.deadline?;
    let host = url::Url::parse(&settings.base_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "agendum".to_owned());
    Some(deadline(&Deadline {
        uid: format!("task-{}@{host}", task.id),
        sequence,
        summary: format!(
            "Frist: opfølgning på {}. at-punkt ({})",
            task.clause, task.lead.name
        ),
        description: task.description.clone(),
        url: None,
        due,
        stamp: Utc::now(),
    }))
}

/// What every task mail says: the meeting, the item, the decision, the clause and the deadline.
fn task_context(conn: &mut DbConnection, task: &Task) -> AppResult<Context> {
    let item = decided_item(conn, task.agenda_item_id)?
        .ok_or_else(|| AppError::internal("a task's agenda item is missing"))?;
    let decision = decision_of(conn, task.agenda_item_id)?
        .ok_or_else(|| AppError::internal("a task's decision is missing"))?;
    let due = task
        .deadline
        .ok_or_else(|| AppError::internal("a confirmed task has no deadline"))?;
    let mut ctx = Context::new();
    ctx.insert("organization", &item.organization_name);
    ctx.insert("meeting_date", &date_da(item.meeting_starts_at));
    ctx.insert("item_title", &item.item.display_title());
    ctx.insert("decision_text", &decision.text);
    ctx.insert("clause", &task.clause);
    ctx.insert("clause_text", &task.clause_text);
    ctx.insert("description", &task.description);
    ctx.insert("deadline", &crate::domain::time::day_da(due));
    ctx.insert("deadline_long", &long_date_da(due));
    // The last day the link works.
    let expires = link_expiry(due, task.sent_at.date_naive()).date();
    ctx.insert(
        "link_expires",
        &long_date_da(expires.pred_opt().unwrap_or(expires)),
    );
    ctx.insert(
        "answer_to",
        &task.answer_to.as_ref().map(|o| o.name.clone()),
    );
    ctx.insert("lead", &task.lead.name);
    Ok(ctx)
}

/// Queues one task mail to `to` with the deadline attached.
fn queue(
    conn: &mut DbConnection,
    settings: &Settings,
    task: &Task,
    template: &str,
    ctx: &Context,
    to: Vec<Mailbox>,
) -> AppResult<()> {
    // The task's version numbers the calendar entry, so a moved deadline replaces the old one.
    let calendar = deadline_calendar(settings, task, task.lock_version.max(0) as u32)
        .ok_or_else(|| AppError::internal("a confirmed task has no deadline"))?;
    let mail = render_mail(template, &MailSite::load(conn)?, ctx)?;
    let attachment = Attachment::new("frist.ics", CALENDAR_TYPE, calendar.into_bytes())
        .map_err(AppError::internal)?;
    let message = OutgoingMessage::new(to, mail.subject, mail.text)
        .map_err(AppError::internal)?
        .html(mail.html)
        .attach(attachment)
        .concerning("task", task.id);
    super::enqueue(conn, &settings.mail_from, &message).map(drop)
}

/// Queues the task's mails; returns how many. `reissued` says the links replace earlier ones.
pub fn notify_confirmed(
    conn: &mut DbConnection,
    settings: &Settings,
    confirmed: &Confirmed,
    reissued: bool,
) -> AppResult<usize> {
    let task = tasks::get(conn, confirmed.task_id)?
        .ok_or_else(|| AppError::internal("a task just confirmed is missing"))?;
    let base = &settings.base_url;
    let mut ctx = task_context(conn, &task)?;
    ctx.insert("reissued", &reissued);
    let contributors: Vec<String> = task
        .contributors
        .iter()
        .map(|c| c.organization.name.clone())
        .collect();
    let mut lead_ctx = ctx.clone();
    lead_ctx.insert("administration", &task.lead.name);
    lead_ctx.insert(
        "contributors",
        &(!contributors.is_empty()).then(|| danish_list(&contributors)),
    );
    lead_ctx.insert(
        "answer_url",
        &format!("{base}/tasks/answer/{}", confirmed.lead_token),
    );
    queue(
        conn,
        settings,
        &task,
        "task_assigned",
        &lead_ctx,
        mailbox(&task.lead)?,
    )?;
    let mut sent = 1;
    for (org_id, token) in &confirmed.contribution_tokens {
        let Some(contribution) = task
            .contributors
            .iter()
            .find(|c| c.organization.id == *org_id)
        else {
            continue;
        };
        let mut c = ctx.clone();
        c.insert("administration", &contribution.organization.name);
        c.insert("answer_url", &format!("{base}/tasks/answer/{token}"));
        queue(
            conn,
            settings,
            &task,
            "task_contribution",
            &c,
            mailbox(&contribution.organization)?,
        )?;
        sent += 1;
    }
    Ok(sent)
}

/// Tells the lead, and the contributors who have not answered yet, that the deadline moved;
/// returns how many mails were queued.
pub fn notify_deadline_moved(
    conn: &mut DbConnection,
    settings: &Settings,
    task_id: TaskId,
) -> AppResult<usize> {
    let task =
        tasks::get(conn, task_id)?.ok_or_else(|| AppError::not_found("Opgaven findes ikke."))?;
    let ctx = task_context(conn, &task)?;
    let mut recipients = vec![&task.lead];
    recipients.extend(
        task.contributors
            .iter()
            .filter(|c| c.status != crate::domain::task::ContributionStatus::Answered)
            .map(|c| &c.organization),
    );
    for org in &recipients {
        let mut c = ctx.clone();
        c.insert("administration", &org.name);
        queue(conn, settings, &task, "task_deadline", &c, mailbox(org)?)?;
    }
    Ok(recipients.len())
}

/// Sends the reminders due `today` (Copenhagen): before the deadline to the lead and the
/// contributors still to answer; once it has passed, to them again and, as an escalation, to
/// every secretariat account. Each reminder goes out once per task and deadline, whichever
/// server sends it and however often it restarts (`db::tasks::claim_reminder`). Returns how
/// many mails were queued.
pub fn send_due_reminders(
    conn: &mut DbConnection,
    settings: &Settings,
    today: NaiveDate,
) -> AppResult<usize> {
    let mut queued = 0;
    for candidate in tasks::reminder_candidates(conn)? {
        let Some(reminder) = due_reminder(
            candidate.deadline,
            candidate.sent_on,
            today,
            &settings.reminder_days,
            &candidate.sent_keys,
        ) else {
            continue;
        };
        let sent = write_transaction(conn, |conn| {
            if !tasks::claim_reminder(conn, candidate.task, &reminder.key())? {
                return Ok(0);
            }
            remind(conn, settings, candidate.task, reminder)
        });
        match sent {
            Ok(n) => queued += n,
            // One task's trouble (an administration without an address) must not hold back the
            // others; it is tried again on the next round.
            Err(err) => {
                tracing::warn!(task = %candidate.task, error = %err.chain(), "reminder not sent")
            }
        }
    }
    Ok(queued)
}

fn remind(
    conn: &mut DbConnection,
    settings: &Settings,
    id: TaskId,
    reminder: Reminder,
) -> AppResult<usize> {
    let task =
        tasks::get(conn, id)?.ok_or_else(|| AppError::internal("a task to remind is missing"))?;
    let mut ctx = task_context(conn, &task)?;
    let overdue = matches!(reminder, Reminder::Overdue { .. });
    ctx.insert("overdue", &overdue);
    if let Reminder::Before { days, .. } = reminder {
        ctx.insert("days", &days);
    }
    let missing: Vec<&Organization> = task
        .contributors
        .iter()
        .filter(|c| c.status != crate::domain::task::ContributionStatus::Answered)
        .map(|c| &c.organization)
        .collect();
    let mut queued = 0;
    let mut lead = ctx.clone();
    lead.insert("administration", &task.lead.name);
    lead.insert("is_lead", &true);
    queue(
        conn,
        settings,
        &task,
        "task_reminder",
        &lead,
        mailbox(&task.lead)?,
    )?;
    queued += 1;
    for org in &missing {
        let mut c = ctx.clone();
        c.insert("administration", &org.name);
        c.insert("is_lead", &false);
        queue(conn, settings, &task, "task_reminder", &c, mailbox(org)?)?;
        queued += 1;
    }
    if overdue {
        let names: Vec<&str> = missing.iter().map(|o| o.name.as_str()).collect();
        ctx.insert("missing", &(!names.is_empty()).then(|| danish_list(&names)));
        ctx.insert(
            "task_url",
            &format!("{}/secretariat/tasks/{}", settings.base_url, task.id),
        );
        for account in accounts::with_role(conn, Role::Secretariat)? {
            let Ok(to) = Mailbox::new(Some(&account.name), &account.email) else {
                continue;
            };
            let mut c = ctx.clone();
            c.insert("name", &account.name);
            let mail = render_mail("task_escalation", &MailSite::load(conn)?, &c)?;
            let message = OutgoingMessage::new(vec![to], mail.subject, mail.text)
                .map_err(AppError::internal)?
                .html(mail.html)
                .concerning("task", task.id);
            super::enqueue(conn, &settings.mail_from, &message)?;
            queued += 1;
        }
    }
    Ok(queued)
}
