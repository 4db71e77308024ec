//! Follow-up operations shared by the JSON API and the secretariat's pages. Each runs in one
//! write transaction together with its audit event and its mail, so a page and an API call do
//! exactly the same thing.

use serde_json::json;

use crate::config::Settings;
use crate::db::agenda::{self, NewAgendaItem, NewAttachment};
use crate::db::decisions::AttendanceEntry;
use crate::db::decisions::{self, RecordDecision, StoredDecision};
use crate::db::minutes::{self, Signed};
use crate::db::organizations as orgs;
use crate::db::tasks::{self, NewTask, Task, TaskChange};
use crate::db::{DbConnection, audit, meetings, write_transaction};
use crate::documents::{Overview, OverviewContribution};
use crate::domain::account::Actor;
use crate::domain::agenda::AgendaItemKind;
use crate::domain::audience::Audience;
use crate::domain::language::Lang;
use crate::domain::meeting::{AttendanceStatus, MeetingStatus};
use crate::domain::task::TaskStatus;
use crate::domain::text::paragraphs;
use crate::domain::time::{date, long_date};
use crate::domain::{AgendaItemId, ContributionId, MeetingId, TaskId, UserId};
use crate::error::{AppError, AppResult};
use crate::mail::tasks::{notify_confirmed, notify_deadline_moved};

/// Records (or corrects) a decision; `true` when it is the item's first.
pub fn record_decision(
    conn: &mut DbConnection,
    settings: &Settings,
    actor: &Actor,
    request: &RecordDecision,
) -> AppResult<(bool, StoredDecision)> {
    write_transaction(conn, |conn| {
        let before = decisions::decision_of(conn, request.item)?;
        let stored = decisions::record(conn, request)?;
        // A draft of the minutes follows the decisions; approvals of the old text lapse.
        minutes::refresh_open_draft(conn, stored.meeting_id)?;
        // The proposer hears of the decision once; corrections go into the minutes.
        if before.is_none() {
            crate::mail::proposer::notify_decided(conn, settings, &stored)?;
        }
        audit::record(
            conn,
            actor,
            audit::Change {
                action: if before.is_some() {
                    "decision.corrected"
                } else {
                    "decision.recorded"
                },
                subject: audit::SubjectKind("agenda_item").with(request.item.0),
                before: before
                    .as_ref()
                    .map(|b| json!({ "outcome": b.decision.outcome, "text": b.text })),
                after: Some(json!({ "outcome": stored.decision.outcome, "text": stored.text })),
                note: None,
            },
        )?;
        Ok((before.is_none(), stored))
    })
}

/// Confirms a task and queues its mails: the lead's and one per contributing administration,
/// each with its own answer link.
pub fn confirm_task(
    conn: &mut DbConnection,
    settings: &Settings,
    actor: &Actor,
    new: &NewTask,
) -> AppResult<Task> {
    write_transaction(conn, |conn| {
        let (_, confirmed) = tasks::confirm(conn, new)?;
        notify_confirmed(conn, settings, &confirmed, false)?;
        audit::record(
            conn,
            actor,
            audit::Change {
                action: "task.confirmed",
                subject: audit::SubjectKind("task").with(confirmed.task_id),
                before: None,
                after: Some(json!({
                    "agenda_item_id": new.item,
                    "clause": new.clause,
                    "lead": new.lead,
                    "contributors": new.contributors,
                    "deadline": new.deadline,
                })),
                note: None,
            },
        )?;
        tasks::get(conn, confirmed.task_id)?
            .ok_or_else(|| AppError::internal("a task just confirmed is missing"))
    })
}

/// Applies the secretariat's change to a task; a moved deadline is mailed with the calendar
/// entry replaced, reissued links are mailed to whoever still has to answer.
pub fn change_task(
    conn: &mut DbConnection,
    settings: &Settings,
    actor: &Actor,
    id: TaskId,
    lock_version: Option<i32>,
    change: &TaskChange,
) -> AppResult<Task> {
    write_transaction(conn, |conn| {
        let before = tasks::get(conn, id)?
            .ok_or_else(|| AppError::not_found("error-the-task-does-not-exist"))?;
        let done = tasks::change(conn, id, lock_version, change)?;
        if done.new_deadline.is_some() {
            notify_deadline_moved(conn, settings, id)?;
        }
        if let Some(links) = &done.reissued {
            notify_confirmed(conn, settings, links, true)?;
        }
        let after = tasks::get(conn, id)?
            .ok_or_else(|| AppError::internal("a task just changed is missing"))?;
        tasks::close_proposal_if_done(conn, &after)?;
        audit::record(
            conn,
            actor,
            audit::Change {
                action: "task.changed",
                subject: audit::SubjectKind("task").with(id),
                before: Some(json!({ "status": before.status, "deadline": before.deadline })),
                after: Some(json!({
                    "status": after.status,
                    "deadline": after.deadline,
                    "links_revoked": done.revoked,
                    "links_reissued": done.reissued.is_some(),
                })),
                note: None,
            },
        )?;
        Ok(after)
    })
}

/// The overview of a task's answer: the decision, the clause, the lead's compiled answer and
/// each contribution, from the task as it is now.
/// The overview of a task's answer in `lang`: the page's reader's, or the municipality's for
/// the document that goes on an agenda.
pub fn overview(conn: &mut DbConnection, task_id: TaskId, lang: Lang) -> AppResult<Overview> {
    use crate::i18n::t_with;
    let task = tasks::get(conn, task_id)?
        .ok_or_else(|| AppError::not_found("error-the-task-does-not-exist"))?;
    let item = decisions::decided_item(conn, task.agenda_item_id)?
        .ok_or_else(|| AppError::internal("a task's agenda item is missing"))?;
    let decision = decisions::decision_of(conn, task.agenda_item_id)?
        .ok_or_else(|| AppError::internal("a task's decision is missing"))?;
    let answered = |at: Option<chrono::DateTime<chrono::Utc>>, by: &Option<String>| {
        at.map(|at| match by {
            Some(by) => t_with(
                lang,
                "overview-answered-by",
                &[("date", date(lang, at).into()), ("by", by.clone().into())],
            ),
            None => t_with(
                lang,
                "overview-answered",
                &[("date", date(lang, at).into())],
            ),
        })
    };
    let files = tasks::files(conn, task_id)?;
    let names = |contribution: Option<ContributionId>| {
        files
            .iter()
            .filter(|f| f.contribution_id == contribution)
            .map(|f| f.filename.clone())
            .collect::<Vec<_>>()
    };
    let mut facts = Vec::new();
    if !item.item.case_references.is_empty() {
        let refs: Vec<String> = item
            .item
            .case_references
            .iter()
            .map(|r| r.to_string())
            .collect();
        facts.push(t_with(
            lang,
            "overview-cases",
            &[("cases", refs.join(", ").into())],
        ));
    }
    facts.push(t_with(
        lang,
        "overview-lead",
        &[("lead", task.lead.name.clone().into())],
    ));
    if let Some(deadline) = task.deadline {
        facts.push(t_with(
            lang,
            "overview-deadline",
            &[("deadline", long_date(lang, deadline).into())],
        ));
    }
    if let Some(to) = &task.answer_to {
        facts.push(t_with(
            lang,
            "overview-answer-to",
            &[("to", to.name.clone().into())],
        ));
    }
    let clause = i64::from(task.clause);
    let title = t_with(lang, "overview-title", &[("clause", clause.into())]);
    Ok(Overview {
        document_title: format!("{title}: {}", item.item.title),
        title,
        proposal_title: item.item.title.clone(),
        facts,
        decided: t_with(
            lang,
            "overview-decided",
            &[
                ("organization", item.organization_name.clone().into()),
                ("date", date(lang, item.meeting_starts_at).into()),
            ],
        ),
        decision_text: decision.text.clone(),
        clause_heading: t_with(lang, "overview-clause", &[("clause", clause.into())]),
        clause_text: task.clause_text.clone(),
        clause_spans: crate::domain::markdown::inline_spans(&task.clause_text),
        lead: task.lead.name.clone(),
        answered: answered(task.answered_at, &task.answered_by),
        answer: task.answer.as_deref().map(paragraphs).unwrap_or_default(),
        files: names(None),
        contributions: task
            .contributors
            .iter()
            .map(|c| OverviewContribution {
                organization: c.organization.name.clone(),
                answered: answered(c.answered_at, &c.answered_by),
                paragraphs: c.answer.as_deref().map(paragraphs).unwrap_or_default(),
                files: names(Some(c.id)),
            })
            .collect(),
    })
}

/// Puts a task's answer on a meeting's agenda in one step: an orientation item from the lead
/// administration on the proposal's case, with the answer as its text and the overview as its
/// PDF attachment; the task is then presented.
pub fn present(
    conn: &mut DbConnection,
    actor: &Actor,
    task_id: TaskId,
    meeting: MeetingId,
    by: Option<UserId>,
) -> AppResult<AgendaItemId> {
    write_transaction(conn, |conn| {
        let task = tasks::get(conn, task_id)?
            .ok_or_else(|| AppError::not_found("error-the-task-does-not-exist"))?;
        if task.status != TaskStatus::Answered {
            return Err(AppError::conflict(match task.status {
                TaskStatus::Presented | TaskStatus::Closed => {
                    "error-the-answer-is-already-on-an-agenda"
                }
                _ => "error-the-task-is-not-answered-yet",
            }));
        }
        let target = meetings::get(conn, meeting)?
            .ok_or_else(|| AppError::not_found("error-the-meeting-does-not-exist"))?;
        if let Some(to) = &task.answer_to
            && to.id != target.organization_id
        {
            return Err(AppError::invalid(
                crate::i18n::Msg::key("error-the-answer-must-go-to-choose").arg("name", &to.name),
            ));
        }
        agenda::check_editable(conn, meeting)?;
        let lang = crate::db::municipality::language(conn)?;
        let overview = overview(conn, task_id, lang)?;
        let pdf = crate::documents::overview_pdf(lang, &overview).map_err(|e| {
            AppError::internal(e).with_message("the overview could not be rendered")
        })?;
        let item = decisions::decided_item(conn, task.agenda_item_id)?
            .ok_or_else(|| AppError::internal("a task's agenda item is missing"))?;
        let case = match item.item.case_references.first() {
            Some(reference) => crate::db::cases::by_reference(conn, reference)?.map(|c| c.id),
            None => None,
        };
        let title = crate::i18n::t_with(
            lang,
            "followup-item-title",
            &[
                ("title", item.item.title.as_str().into()),
                // "Opfølgning på medlemsforslag om …": Danish takes the title up in a sentence.
                (
                    "title_in_sentence",
                    lowercase_first(&item.item.title).into(),
                ),
                ("clause", task.clause.to_string().into()),
            ],
        );
        let body = task.answer.clone().unwrap_or_default();
        let mut new = NewAgendaItem::plain(meeting, &title, AgendaItemKind::Orientation, true);
        new.case_id = case;
        new.body = Some(&body);
        new.source_organization_id = Some(task.lead.id);
        agenda::take_lock(conn, meeting, target.lock_version)?;
        let item_id = agenda::append_item(conn, &new)?;
        agenda::add_attachment(
            conn,
            &NewAttachment {
                meeting_id: meeting,
                item: item_id,
                filename: &format!("besvarelse-{}-at-punkt-{}.pdf", task.id, task.clause),
                content_type: "application/pdf",
                public: true,
                content: &pdf,
                text: crate::documents::file_text("application/pdf", &pdf).as_deref(),
                created_by: by,
            },
        )?;
        // The files given with the answer go with it, for the body's members.
        for f in tasks::files(conn, task_id)? {
            if let Some((meta, content)) = tasks::file(conn, task_id, f.id)? {
                agenda::add_attachment(
                    conn,
                    &NewAttachment {
                        meeting_id: meeting,
                        item: item_id,
                        filename: &meta.filename,
                        content_type: &meta.content_type,
                        public: false,
                        content: &content,
                        text: crate::documents::file_text(&meta.content_type, &content).as_deref(),
                        created_by: by,
                    },
                )?;
            }
        }
        tasks::mark_presented(conn, &task, item_id)?;
        let presented = tasks::get(conn, task_id)?
            .ok_or_else(|| AppError::internal("a task just presented is missing"))?;
        tasks::close_proposal_if_done(conn, &presented)?;
        audit::record(
            conn,
            actor,
            audit::Change {
                action: "task.presented",
                subject: audit::SubjectKind("task").with(task_id),
                before: Some(json!({ "status": task.status })),
                after: Some(json!({
                    "status": TaskStatus::Presented,
                    "meeting_id": meeting,
                    "agenda_item_id": item_id,
                })),
                note: None,
            },
        )?;
        Ok(item_id)
    })
}

/// "Medlemsforslag om …" → "medlemsforslag om …", for a title inside a sentence.
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Drafts the next version of a meeting's minutes (a correction needs its reason).
pub fn draft_minutes(
    conn: &mut DbConnection,
    settings: &Settings,
    actor: &Actor,
    meeting: MeetingId,
    reason: Option<&str>,
    by: Option<UserId>,
) -> AppResult<minutes::Minutes> {
    write_transaction(conn, |conn| {
        let drafted = minutes::draft(conn, meeting, reason, by)?;
        crate::mail::proposer::notify_signers(conn, settings, &drafted)?;
        audit::record(
            conn,
            actor,
            audit::Change {
                action: if drafted.version > 1 {
                    "minutes.correction_drafted"
                } else {
                    "minutes.drafted"
                },
                subject: audit::SubjectKind("meeting").with(meeting.0),
                before: None,
                after: Some(json!({
                    "version": drafted.version,
                    "signers": drafted.signers.iter().map(|s| &s.name).collect::<Vec<_>>(),
                })),
                note: drafted.correction_reason.as_deref(),
            },
        )?;
        Ok(drafted)
    })
}

/// Records an approval of the open draft; the last one publishes the minutes.
pub fn sign_minutes(
    conn: &mut DbConnection,
    actor: &Actor,
    meeting: MeetingId,
    signer: &str,
    by: Option<UserId>,
    on_behalf: bool,
) -> AppResult<Signed> {
    write_transaction(conn, |conn| {
        let signed = minutes::sign(conn, meeting, signer, by, on_behalf)?;
        if let Signed::Published { minutes_id } = signed {
            let approved = minutes::version_by_id(conn, minutes_id)?;
            let lang = crate::db::municipality::language(conn)?;
            let municipality = crate::db::municipality::get(conn)?
                .map(|m| m.name)
                .unwrap_or_default();
            for audience in [Audience::Public, Audience::Members] {
                let view = crate::read::minutes::view(lang, &approved, audience)
                    .with_municipality(&municipality);
                let pdf = crate::documents::minutes_pdf(lang, &view).map_err(|e| {
                    AppError::internal(e).with_message("the minutes could not be rendered")
                })?;
                minutes::store_document(conn, minutes_id, audience, &pdf)?;
            }
        }
        audit::record(
            conn,
            actor,
            audit::Change {
                action: match signed {
                    Signed::Published { .. } => "minutes.published",
                    Signed::Waiting { .. } => "minutes.approved",
                },
                subject: audit::SubjectKind("meeting").with(meeting.0),
                before: None,
                after: Some(json!({ "signer": signer, "on_behalf": on_behalf })),
                note: None,
            },
        )?;
        Ok(signed)
    })
}

/// Replaces a meeting's attendance (after its agenda is released, until its minutes are
/// published): every person must belong to the meeting, a substitute to its body and not to
/// the committee. An open draft of the minutes is written again.
pub fn set_attendance(
    conn: &mut DbConnection,
    actor: &Actor,
    id: MeetingId,
    entries: &[AttendanceEntry],
) -> AppResult<()> {
    write_transaction(conn, |conn| {
        let meeting = meetings::get(conn, id)?
            .ok_or_else(|| AppError::not_found("error-the-meeting-does-not-exist"))?;
        agenda::released(conn, id, None)?
            .ok_or_else(|| AppError::not_found("error-the-meeting-has-no-released-agenda-2"))?;
        if meeting.status == MeetingStatus::MinutesPublished {
            return Err(AppError::conflict(
                "error-the-minutes-have-been-published-the",
            ));
        }
        let day = crate::domain::time::local(meeting.starts_at).date_naive();
        let members = orgs::members(conn, meeting.organization_id, day)?;
        let body = orgs::body_of(conn, meeting.organization_id)?;
        let persons = orgs::persons_of_body(conn, body)?;
        for e in entries {
            let known = match e.status {
                AttendanceStatus::Substitute => {
                    persons.iter().any(|(p, _)| *p == e.person_id)
                        && !members.iter().any(|m| m.person_id == e.person_id)
                }
                _ => members.iter().any(|m| m.person_id == e.person_id),
            };
            if !known {
                return Err(AppError::invalid("error-the-attendance-names-a-person-who"));
            }
        }
        decisions::set_attendance(conn, id, entries)?;
        crate::db::minutes::refresh_open_draft(conn, id)?;
        let present = decisions::present_count(conn, id)?;
        audit::record(
            conn,
            actor,
            audit::Change {
                action: "meeting.attendance",
                subject: super::meetings::MEETING.with(id.0),
                before: None,
                after: Some(json!({
                    "present": present,
                    "absent": entries.iter().filter(|e| e.status == AttendanceStatus::Absent).count(),
                })),
                note: None,
            },
        )
    })
}
