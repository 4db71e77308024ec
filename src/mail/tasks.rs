//! The mail that goes with a confirmed follow-up task: one to the lead administration and one
//! to each contributing administration, each with its own answer link and the deadline as a
//! calendar file, queued in the confirmation's own transaction.

use chrono::{NaiveDate, Utc};
use tera::Context;

use super::templates::{Lang, MailSite, render_mail};
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
use crate::domain::text::list;
use crate::domain::time::{date, day, long_date};
use crate::error::{AppError, AppResult};
use crate::i18n::t_with;

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
        return Err(AppError::invalid(
            crate::i18n::Msg::key("error-has-no-valid-email-address-so").arg("name", &org.name),
        ));
    }
    Ok(all)
}

/// The deadline calendar of a task; one UID per task, so a moved deadline replaces it.
fn deadline_calendar(
    lang: Lang,
    settings: &Settings,
    task: &Task,
    sequence: u32,
) -> Option<String> {
    let due = task.deadline?;
    let host = url::Url::parse(&settings.base_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "agendum".to_owned());
    Some(deadline(&Deadline {
        uid: format!("task-{}@{host}", task.id),
        sequence,
        summary: t_with(
            lang,
            "ics-task-deadline",
            &[
                ("clause", i64::from(task.clause).into()),
                ("lead", task.lead.name.clone().into()),
            ],
        ),
        description: task.description.clone(),
        url: None,
        due,
        stamp: Utc::now(),
    }))
}

/// What every task mail says: the meeting, the item, the decision, the clause and the deadline,
/// in the recipient's language.
fn task_context(conn: &mut DbConnection, task: &Task, lang: Lang) -> AppResult<Context> {
    let item = decided_item(conn, task.agenda_item_id)?
        .ok_or_else(|| AppError::internal("a task's agenda item is missing"))?;
    let decision = decision_of(conn, task.agenda_item_id)?
        .ok_or_else(|| AppError::internal("a task's decision is missing"))?;
    let due = task
        .deadline
        .ok_or_else(|| AppError::internal("a confirmed task has no deadline"))?;
    let mut ctx = Context::new();
    ctx.insert("organization", &item.organization_name);
    ctx.insert("meeting_date", &date(lang, item.meeting_starts_at));
    ctx.insert("item_title", &item.item.display_title());
    ctx.insert("decision_text", &decision.text);
    ctx.insert("clause", &task.clause);
    ctx.insert("clause_text", &task.clause_text);
    ctx.insert("description", &task.description);
    ctx.insert("deadline", &day(lang, due));
    ctx.insert("deadline_long", &long_date(lang, due));
    // The last day the link works.
    let expires = link_expiry(due, task.sent_at.date_naive()).date();
    ctx.insert(
        "link_expires",
        &long_date(lang, expires.pred_opt().unwrap_or(expires)),
    );
    ctx.insert(
        "answer_to",
        &task.answer_to.as_ref().map(|o| o.name.clone()),
    );
    ctx.insert("lead", &task.lead.name);
    let contributors: Vec<&str> = task
        .contributors
        .iter()
        .map(|c| c.organization.name.as_str())
        .collect();
    ctx.insert(
        "contributors",
        &(!contributors.is_empty()).then(|| list(lang, &contributors)),
    );
    Ok(ctx)
}

/// The language of mail to an administration: its own, else the municipality's.
fn lang_of(org: &Organization, site: &MailSite) -> Lang {
    org.language.unwrap_or(site.lang)
}

/// Queues one task mail to the administration `org`, in its language, with the deadline
/// attached; `fill` adds what this mail says besides the task.
fn queue(
    conn: &mut DbConnection,
    settings: &Settings,
    task: &Task,
    template: &str,
    org: &Organization,
    fill: impl FnOnce(&mut Context),
) -> AppResult<()> {
    let to = mailbox(org)?;
    let site = MailSite::load(conn)?;
    let lang = lang_of(org, &site);
    let mut ctx = task_context(conn, task, lang)?;
    ctx.insert("administration", &org.name);
    fill(&mut ctx);
    // The task's version numbers the calendar entry, so a moved deadline replaces the old one.
    let calendar = deadline_calendar(lang, settings, task, task.lock_version.max(0) as u32)
        .ok_or_else(|| AppError::internal("a confirmed task has no deadline"))?;
    let mail = render_mail(template, lang, &site, &ctx)?;
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
    queue(conn, settings, &task, "task_assigned", &task.lead, |c| {
        c.insert("reissued", &reissued);
        c.insert(
            "answer_url",
            &format!("{base}/tasks/answer/{}", confirmed.lead_token),
        );
    })?;
    let mut sent = 1;
    for (org_id, token) in &confirmed.contribution_tokens {
        let Some(contribution) = task
            .contributors
            .iter()
            .find(|c| c.organization.id == *org_id)
        else {
            continue;
        };
        queue(
            conn,
            settings,
            &task,
            "task_contribution",
            &contribution.organization,
            |c| {
                c.insert("reissued", &reissued);
                c.insert("answer_url", &format!("{base}/tasks/answer/{token}"));
            },
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
    let task = tasks::get(conn, task_id)?
        .ok_or_else(|| AppError::not_found("error-the-task-does-not-exist"))?;
    let mut recipients = vec![&task.lead];
    recipients.extend(
        task.contributors
            .iter()
            .filter(|c| c.status != crate::domain::task::ContributionStatus::Answered)
            .map(|c| &c.organization),
    );
    for org in &recipients {
        queue(conn, settings, &task, "task_deadline", org, |_| {})?;
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
    let overdue = matches!(reminder, Reminder::Overdue { .. });
    let days = match reminder {
        Reminder::Before { days, .. } => Some(days),
        Reminder::Overdue { .. } => None,
    };
    let missing: Vec<&Organization> = task
        .contributors
        .iter()
        .filter(|c| c.status != crate::domain::task::ContributionStatus::Answered)
        .map(|c| &c.organization)
        .collect();
    let fill = |is_lead: bool| {
        move |c: &mut Context| {
            c.insert("overdue", &overdue);
            if let Some(days) = days {
                c.insert("days", &days);
            }
            c.insert("is_lead", &is_lead);
        }
    };
    let mut queued = 0;
    queue(
        conn,
        settings,
        &task,
        "task_reminder",
        &task.lead,
        fill(true),
    )?;
    queued += 1;
    for org in &missing {
        queue(conn, settings, &task, "task_reminder", org, fill(false))?;
        queued += 1;
    }
    if overdue {
        let site = MailSite::load(conn)?;
        let names: Vec<&str> = missing.iter().map(|o| o.name.as_str()).collect();
        for account in accounts::with_role(conn, Role::Secretariat)? {
            let Ok(to) = Mailbox::new(Some(&account.name), &account.email) else {
                continue;
            };
            let lang = account.language.unwrap_or(site.lang);
            let mut c = task_context(conn, &task, lang)?;
            c.insert("overdue", &overdue);
            c.insert("missing", &(!names.is_empty()).then(|| list(lang, &names)));
            c.insert(
                "task_url",
                &format!("{}/secretariat/tasks/{}", settings.base_url, task.id),
            );
            c.insert("name", &account.name);
            let mail = render_mail("task_escalation", lang, &site, &c)?;
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
