//! A follow-up task as its administration sees it (through its answer link or its own pages):
//! the decision and clause it comes from, its deadline and status, the answers and the files
//! the reader may see.

use crate::db::DbConnection;
use crate::db::decisions::{decided_item, decision_of};
use crate::db::tasks::{self, Task};
use crate::domain::language::Lang;
use crate::domain::time::{date, datetime, long_date, today};
use crate::domain::{ContributionId, TaskFileId};
use crate::error::{AppError, AppResult};

/// Everything an administration's page shows about the task (its answer link or
/// `/my/tasks/{id}`): the decision and clause it comes from, its deadline and status, the
/// answers and the files the reader may see.
#[derive(Debug, Clone, serde::Serialize)]
pub struct AnswerPage {
    pub files: Vec<FileLink>,
    /// The reader leads the task (else it gives a contribution).
    pub is_lead: bool,
    pub administration: String,
    pub lead: String,
    pub organization: String,
    pub meeting_date: String,
    pub meeting_url: String,
    pub item_title: String,
    pub decision_text: String,
    pub clause: u32,
    pub clause_text: String,
    pub description: String,
    pub deadline: Option<String>,
    pub overdue: bool,
    pub answer_to: Option<String>,
    pub status: String,
    pub open: bool,
    pub answer: Option<String>,
    pub answered_by: Option<String>,
    pub answered_at: Option<String>,
    pub proposed_deadline: Option<String>,
    pub extension_reason: Option<String>,
    pub my_answer: Option<String>,
    pub my_answered_by: Option<String>,
    pub my_answered_at: Option<String>,
    pub contributions: Vec<ContributionAnswer>,
    /// What the reader typed, shown again when it was not sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draft: Option<serde_json::Value>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ContributionAnswer {
    pub organization: String,
    pub answered: bool,
    pub answer: Option<String>,
    pub answered_by: Option<String>,
    pub answered_at: Option<String>,
}

/// The task as the page of the reader's part in it (`contribution`, or the lead's) shows it.
pub fn page(
    lang: Lang,
    conn: &mut DbConnection,
    task: &Task,
    contribution: Option<ContributionId>,
    page_url: &str,
) -> AppResult<AnswerPage> {
    let item = decided_item(conn, task.agenda_item_id)?
        .ok_or_else(|| AppError::internal("a task's agenda item is missing"))?;
    let decision = decision_of(conn, task.agenda_item_id)?
        .ok_or_else(|| AppError::internal("a task's decision is missing"))?;
    let mine = contribution.and_then(|id| task.contributors.iter().find(|c| c.id == id));
    let today = today();
    let files = visible_files(conn, task, contribution)?
        .into_iter()
        .map(|f| file_json(lang, task, &f, page_url))
        .collect();
    Ok(AnswerPage {
        files,
        is_lead: mine.is_none(),
        administration: mine
            .map_or(&task.lead.name, |c| &c.organization.name)
            .clone(),
        lead: task.lead.name.clone(),
        organization: item.organization_name.clone(),
        meeting_date: date(lang, item.meeting_starts_at),
        meeting_url: crate::urls::meeting(item.meeting_id),
        item_title: item.item.display_title(),
        decision_text: decision.text,
        clause: task.clause,
        clause_text: task.clause_text.clone(),
        description: task.description.clone(),
        deadline: task.deadline.map(|d| long_date(lang, d)),
        overdue: task.status.is_overdue(task.deadline, today),
        answer_to: task.answer_to.as_ref().map(|o| o.name.clone()),
        status: task.status.label(lang),
        open: task.status.is_open(),
        answer: task.answer.clone(),
        answered_by: task.answered_by.clone(),
        answered_at: task.answered_at.map(|at| datetime(lang, at)),
        proposed_deadline: task.proposed_deadline.map(|d| long_date(lang, d)),
        extension_reason: task.extension_reason.clone(),
        my_answer: mine.and_then(|c| c.answer.clone()),
        my_answered_by: mine.and_then(|c| c.answered_by.clone()),
        my_answered_at: mine.and_then(|c| c.answered_at.map(|at| datetime(lang, at))),
        contributions: task
            .contributors
            .iter()
            .map(|c| ContributionAnswer {
                organization: c.organization.name.clone(),
                answered: c.status == crate::domain::task::ContributionStatus::Answered,
                answer: c.answer.clone(),
                answered_by: c.answered_by.clone(),
                answered_at: c.answered_at.map(|at| datetime(lang, at)),
            })
            .collect(),
        draft: None,
    })
}

/// The files a link (or an administration's page) shows: the lead sees every file of the task,
/// a contributor the files of its own contribution.
pub fn visible_files(
    conn: &mut DbConnection,
    task: &Task,
    contribution: Option<ContributionId>,
) -> AppResult<Vec<tasks::TaskFile>> {
    Ok(tasks::files(conn, task.id)?
        .into_iter()
        .filter(|f| contribution.is_none() || f.contribution_id == contribution)
        .collect())
}

/// A file as the pages list it: name, size, whose, and where to fetch it under `page_url`.
/// A file of a task's answer as a page lists it: who gave it, and where it is downloaded.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FileLink {
    pub filename: String,
    pub size: String,
    pub owner: String,
    pub url: String,
}

pub fn file_json(lang: Lang, task: &Task, f: &tasks::TaskFile, page_url: &str) -> FileLink {
    let owner = match f.contribution_id {
        None => task.lead.name.clone(),
        Some(c) => task
            .contributors
            .iter()
            .find(|x| x.id == c)
            .map(|x| x.organization.name.clone())
            .unwrap_or_default(),
    };
    FileLink {
        filename: f.filename.clone(),
        size: crate::domain::text::file_size(lang, f.size),
        owner,
        url: format!("{page_url}/files/{}", f.id),
    }
}

/// A task's file and its bytes, if the link or page may see it.
pub fn file(
    conn: &mut DbConnection,
    task: &Task,
    contribution: Option<ContributionId>,
    file: TaskFileId,
) -> AppResult<(tasks::TaskFile, Vec<u8>)> {
    let missing = || AppError::not_found("error-the-file-does-not-exist");
    if !visible_files(conn, task, contribution)?
        .iter()
        .any(|f| f.id == file)
    {
        return Err(missing());
    }
    tasks::file(conn, task.id, file)?.ok_or_else(missing)
}

/// A task as the API shows it (`Task` in the OpenAPI document).
#[derive(Debug, Clone, serde::Serialize)]
pub struct TaskView {
    pub id: crate::domain::TaskId,
    pub agenda_item_id: crate::domain::AgendaItemId,
    pub proposal_id: Option<crate::domain::ProposalId>,
    pub clause: u32,
    pub clause_text: String,
    pub description: String,
    pub lead: OrganizationRef,
    pub contributors: Vec<ContributorView>,
    pub deadline: Option<String>,
    pub answer_to: Option<OrganizationRef>,
    pub status: crate::domain::task::TaskStatus,
    pub status_label: String,
    /// Open and past its deadline.
    pub overdue: bool,
    pub answer: Option<String>,
    pub answered_by: Option<String>,
    pub answered_at: Option<String>,
    pub proposed_deadline: Option<String>,
    pub extension_reason: Option<String>,
    pub sent_at: String,
    pub lock_version: i32,
    pub links: TaskLinks,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct OrganizationRef {
    pub id: crate::domain::OrganizationId,
    pub name: String,
}

impl From<&crate::db::organizations::Organization> for OrganizationRef {
    fn from(o: &crate::db::organizations::Organization) -> Self {
        Self {
            id: o.id,
            name: o.name.clone(),
        }
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ContributorView {
    pub organization: OrganizationRef,
    pub status: crate::domain::task::ContributionStatus,
    pub answered_at: Option<String>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct TaskLinks {
    #[serde(rename = "self")]
    pub this: String,
}

impl TaskView {
    /// The task on `today` (whether it is overdue), with absolute links under `base`.
    pub fn new(lang: Lang, base: &str, task: &Task, today: chrono::NaiveDate) -> Self {
        use crate::domain::time::rfc3339;
        Self {
            id: task.id,
            agenda_item_id: task.agenda_item_id,
            proposal_id: task.proposal_id,
            clause: task.clause,
            clause_text: task.clause_text.clone(),
            description: task.description.clone(),
            lead: (&task.lead).into(),
            contributors: task
                .contributors
                .iter()
                .map(|c| ContributorView {
                    organization: (&c.organization).into(),
                    status: c.status,
                    answered_at: c.answered_at.map(rfc3339),
                })
                .collect(),
            deadline: task.deadline.map(|d| d.to_string()),
            answer_to: task.answer_to.as_ref().map(Into::into),
            status: task.status,
            status_label: task.status.label(lang),
            overdue: task.status.is_overdue(task.deadline, today),
            answer: task.answer.clone(),
            answered_by: task.answered_by.clone(),
            answered_at: task.answered_at.map(rfc3339),
            proposed_deadline: task.proposed_deadline.map(|d| d.to_string()),
            extension_reason: task.extension_reason.clone(),
            sent_at: rfc3339(task.sent_at),
            lock_version: task.lock_version,
            links: TaskLinks {
                this: format!("{base}{}", crate::urls::api_task(task.id)),
            },
        }
    }
}
