//! A proposal's decision and follow-up as its pages show them: the decisions at each meeting,
//! the tasks sent to the administrations, their status and answers.

use serde::Serialize;

use crate::db::decisions::{DecidedItem, StoredDecision};
use crate::db::{DbConnection, agenda, decisions, meetings, minutes, tasks};
use crate::domain::audience::Audience;
use crate::domain::followup::{TaskSuggestion, suggest};
use crate::domain::language::Lang;
use crate::domain::task::TaskStatus;
use crate::domain::text::paragraphs;
use crate::domain::time::{date, long_date, today};
use crate::domain::{AgendaItemId, ProposalId};
use crate::error::AppResult;
use crate::urls::meeting as meeting_url;

/// The follow-up of a proposal, or `None` when nothing has been decided. `full` (the
/// secretariat, the proposer) shows everything as it stands; otherwise only what the published
/// minutes say, and the tasks of decisions published. `task_links` links each task to the
/// secretariat's page of it.
pub fn proposal_followup(
    lang: Lang,
    conn: &mut DbConnection,
    proposal: ProposalId,
    full: bool,
    task_links: bool,
) -> AppResult<Option<ProposalFollowup>> {
    let mut decisions_out = Vec::new();
    let mut published_meetings = Vec::new();
    for d in decisions::of_proposal(conn, proposal)? {
        let Some(meeting) = meetings::get(conn, d.meeting_id)? else {
            continue;
        };
        let published = minutes::published(conn, d.meeting_id)?;
        let item = decisions::decided_item(conn, d.agenda_item_id)?;
        let number = item.as_ref().map(|i| i.item.number.clone());
        // The public reads the decision as the published minutes have it.
        let text = match (&published, full) {
            (_, true) => Some(d.text.clone()),
            (Some(m), false) => m
                .content
                .items
                .iter()
                .find(|i| Some(&i.number) == number.as_ref())
                .and_then(|i| i.text.clone()),
            (None, false) => None,
        };
        if published.is_some() {
            published_meetings.push(d.meeting_id);
        }
        let Some(text) = text else { continue };
        decisions_out.push(DecisionLine {
            meeting: format!(
                "{}, {}",
                meeting.organization_name,
                date(lang, meeting.starts_at)
            ),
            url: format!(
                "{}#punkt-{}",
                meeting_url(meeting.id),
                number.unwrap_or_default()
            ),
            outcome: d.decision.outcome.label(lang),
            text,
            pending_minutes: published.is_none(),
        });
    }
    let today = today();
    let mut tasks_out = Vec::new();
    for t in tasks::of_proposal(conn, proposal)? {
        let decided_at = crate::db::agenda::meeting_of_item(conn, t.agenda_item_id)?;
        if !full && !decided_at.is_some_and(|m| published_meetings.contains(&m)) {
            continue;
        }
        // Where the answer goes before the members: only from a released agenda (for the
        // public, an open item on it); a draft agenda is the secretariat's working copy.
        let presented = match t.presented_item_id {
            Some(item) => match crate::db::agenda::meeting_of_item(conn, item)? {
                Some(m) if full || agenda::item_released(conn, m, item, Audience::Public)? => {
                    meetings::get(conn, m)?
                }
                _ => None,
            },
            None => None,
        };
        let now = chrono::Utc::now();
        // "Forelagt" once the meeting has begun; before that the answer is on its way there.
        let status = match &presented {
            Some(m) if m.starts_at <= now => t.status,
            _ if t.status == TaskStatus::Presented => TaskStatus::Answered,
            _ => t.status,
        };
        let contributors: Vec<String> = t
            .contributors
            .iter()
            .map(|c| c.organization.name.clone())
            .collect();
        tasks_out.push(TaskLine {
            clause: t.clause,
            lead: t.lead.name.clone(),
            contributors: crate::domain::text::list(lang, &contributors),
            deadline: t.deadline.map(|d| long_date(lang, d)),
            status_label: status.label(lang),
            overdue: status.is_overdue(t.deadline, today),
            answer: if t.status.is_open() {
                Vec::new()
            } else {
                t.answer.as_deref().map(paragraphs).unwrap_or_default()
            },
            answered: t.answered_at.map(|at| date(lang, at)),
            answer_to: t.answer_to.as_ref().map(|o| o.name.clone()),
            presented: presented.map(|m| Presented {
                meeting: format!("{}, {}", m.organization_name, date(lang, m.starts_at)),
                url: meeting_url(m.id),
                held: m.starts_at <= now,
            }),
            url: task_links.then(|| crate::urls::task(t.id)),
        });
    }
    if decisions_out.is_empty() && tasks_out.is_empty() {
        return Ok(None);
    }
    Ok(Some(ProposalFollowup {
        decisions: decisions_out,
        tasks: tasks_out,
    }))
}

/// What came of a proposal: its decisions and the tasks they gave.
#[derive(Debug, Clone, Serialize)]
pub struct ProposalFollowup {
    pub decisions: Vec<DecisionLine>,
    pub tasks: Vec<TaskLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DecisionLine {
    /// The body and the meeting's date.
    pub meeting: String,
    pub url: String,
    pub outcome: String,
    pub text: String,
    /// Decided, but the minutes are not published yet.
    pub pending_minutes: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct TaskLine {
    pub clause: u32,
    pub lead: String,
    pub contributors: String,
    pub deadline: Option<String>,
    pub status_label: String,
    pub overdue: bool,
    pub answer: Vec<String>,
    pub answered: Option<String>,
    pub answer_to: Option<String>,
    pub presented: Option<Presented>,
    /// The secretariat's page of the task, for those who may open it.
    pub url: Option<String>,
}

/// The meeting the answer was presented at.
#[derive(Debug, Clone, Serialize)]
pub struct Presented {
    pub meeting: String,
    pub url: String,
    /// The meeting has begun: the answer has been presented, not only put on its agenda.
    pub held: bool,
}

/// The suggestions of a decided item: one per task read from each adopted clause.
pub fn suggestions(
    conn: &mut DbConnection,
    item: &DecidedItem,
    decision: &StoredDecision,
) -> AppResult<Vec<TaskSuggestion>> {
    let directory = decisions::directory(conn, item.body_id)?;
    let clauses = item.clauses();
    Ok(decision
        .decision
        .adopted_clauses(clauses.len() as u32)
        .into_iter()
        .flat_map(|n| suggest(n, &clauses[n as usize - 1], item.meeting_day(), &directory))
        .collect())
}

/// The agenda editor of the meeting an item is on, at the item.
pub fn presented_url(conn: &mut DbConnection, item: AgendaItemId) -> AppResult<Option<String>> {
    let meeting = crate::db::agenda::meeting_of_item(conn, item)?;
    Ok(meeting.map(|m| format!("{}#punkt-{item}", crate::urls::agenda_editor(m))))
}
