//! Follow-up tasks: confirmed by the secretariat from an adopted clause, with one contribution
//! per contributing administration and an answer link for each.

use std::collections::HashMap;

use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::decisions::{self, DecidedItem};
use super::organizations::{self as orgs, Organization};
use super::schema::{proposals, task_contributions, task_tokens, tasks};
use super::{DbConnection, now};
use crate::domain::organization::OrganizationKind;
use crate::domain::proposal::ProposalStatus;
use crate::domain::proposal::Transition;
use crate::domain::secret::{new_secret, secret_hash};
use crate::domain::task::ContributionStatus;
use crate::domain::task::{Standing, TaskEvent, TaskStatus};
use crate::domain::{
    AgendaItemId, BodyId, ContributionId, OrganizationId, ProposalId, TaskFileId, TaskId, UserId,
};
use crate::error::{AppError, AppResult};

/// Applies a [`TaskFilter`] to a boxed query of `tasks`.
macro_rules! filtered {
    ($query:expr, $filter:expr, $today:expr) => {{
        let filter: &TaskFilter = $filter;
        let mut query = $query;
        if let Some(lead) = filter.lead {
            query = query.filter(tasks::lead_id.eq(lead.0));
        }
        if let Some(org) = filter.involving {
            query = query.filter(
                tasks::lead_id.eq(org.0).or(tasks::id.eq_any(
                    task_contributions::table
                        .filter(task_contributions::organization_id.eq(org.0))
                        .select(task_contributions::task_id),
                )),
            );
        }
        if let Some(standing) = filter.standing {
            let statuses: Vec<&'static str> =
                standing.statuses().iter().map(|s| s.as_str()).collect();
            query = query.filter(tasks::status.eq_any(statuses));
            match standing {
                Standing::Overdue => query = query.filter(tasks::deadline.lt($today)),
                Standing::Open => {
                    query = query.filter(tasks::deadline.is_null().or(tasks::deadline.ge($today)))
                }
                _ => {}
            }
        }
        query
    }};
}

/// How long after its deadline an answer link still works: answers often come a little late,
/// and a link that dies on the deadline helps nobody.
pub const ANSWER_GRACE_DAYS: u64 = 30;

/// A task as the secretariat confirms it.
#[derive(Debug, Clone)]
pub struct NewTask<'a> {
    pub item: AgendaItemId,
    pub clause: u32,
    pub lead: OrganizationId,
    pub contributors: &'a [OrganizationId],
    /// What to do; the clause's own text when left out.
    pub description: Option<&'a str>,
    pub deadline: Option<NaiveDate>,
    pub answer_to: Option<OrganizationId>,
    pub by: Option<UserId>,
}

/// A confirmed task and the answer links to mail: the lead's, then one per contribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirmed {
    pub task_id: TaskId,
    pub lead_token: String,
    pub contribution_tokens: Vec<(OrganizationId, String)>,
}

fn organization_of_body(
    all: &[Organization],
    body: BodyId,
    id: OrganizationId,
    kind_ok: impl Fn(OrganizationKind) -> bool,
) -> Option<Organization> {
    all.iter()
        .find(|o| o.id == id && o.body_id == body && kind_ok(o.kind))
        .cloned()
}

/// When an answer link stops working: the end of the grace period after the deadline, or after
/// the day the task was sent when that is later (a task confirmed after its deadline can still
/// be answered).
pub fn link_expiry(deadline: NaiveDate, sent_on: NaiveDate) -> NaiveDateTime {
    deadline
        .max(sent_on)
        .checked_add_days(Days::new(ANSWER_GRACE_DAYS + 1))
        .unwrap_or(deadline)
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists")
}

fn issue_token(
    conn: &mut DbConnection,
    task: TaskId,
    contribution: Option<ContributionId>,
    expires_at: NaiveDateTime,
) -> AppResult<String> {
    let token = new_secret();
    diesel::insert_into(task_tokens::table)
        .values((
            task_tokens::task_id.eq(task.0),
            task_tokens::contribution_id.eq(contribution.map(|c| c.0)),
            task_tokens::token_hash.eq(secret_hash(&token)),
            task_tokens::expires_at.eq(expires_at),
            task_tokens::created_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(token)
}

/// Confirms a task: checks it against the decision and the body, stores it with its
/// contributions and answer links, and moves the proposal into follow-up. The caller queues
/// the mails in the same transaction.
pub fn confirm(conn: &mut DbConnection, new: &NewTask) -> AppResult<(DecidedItem, Confirmed)> {
    let item = decisions::decided_item(conn, new.item)?
        .ok_or_else(|| AppError::not_found("error-the-item-is-not-on-a"))?;
    let decision = decisions::decision_of(conn, new.item)?
        .ok_or_else(|| AppError::conflict("error-no-decision-has-been-recorded-on"))?;
    let clauses = item.clauses();
    if !decision
        .decision
        .adopted_clauses(clauses.len() as u32)
        .contains(&new.clause)
    {
        return Err(AppError::invalid(
            crate::i18n::Msg::key("error-clause-is-not-adopted-and-therefore")
                .arg("clause", new.clause),
        ));
    }
    let all = orgs::list(conn)?;
    let is_administration = |k| k == OrganizationKind::Administration;
    let lead = organization_of_body(&all, item.body_id, new.lead, is_administration)
        .ok_or_else(|| AppError::invalid("error-the-responsible-administration-must-be-one"))?;
    // A deactivated administration keeps its old tasks but gets no new ones.
    if let Some(inactive) = std::iter::once(new.lead)
        .chain(new.contributors.iter().copied())
        .filter_map(|id| all.iter().find(|o| o.id == id))
        .find(|o| !o.active)
    {
        return Err(AppError::invalid(
            crate::i18n::Msg::key("error-is-deactivated-and-gets-no-new")
                .arg("name", &inactive.name),
        ));
    }
    let mut contributors = Vec::new();
    for id in new.contributors {
        let org = organization_of_body(&all, item.body_id, *id, is_administration)
            .ok_or_else(|| AppError::invalid("error-a-contributing-administration-must-be-one"))?;
        if contributors.iter().any(|o: &Organization| o.id == org.id) {
            return Err(AppError::invalid(
                crate::i18n::Msg::key("error-appears-twice-among-the-contributors")
                    .arg("name", &org.name),
            ));
        }
        // The lead answers for itself; a contribution to its own task would be a second link
        // and a second reminder to the same people.
        if org.id == lead.id {
            return Err(AppError::invalid(
                crate::i18n::Msg::key("error-is-the-responsible-administration-and-cannot")
                    .arg("name", &org.name),
            ));
        }
        contributors.push(org);
    }
    let Some(deadline) = new.deadline else {
        return Err(AppError::invalid("error-give-the-task-a-deadline"));
    };
    if deadline < item.meeting_day() {
        return Err(AppError::invalid(
            crate::i18n::Msg::key("error-deadline-before-meeting")
                .day("deadline", deadline)
                .day("meeting", item.meeting_day()),
        ));
    }
    if let Some(to) = new.answer_to
        && organization_of_body(&all, item.body_id, to, OrganizationKind::holds_meetings).is_none()
    {
        return Err(AppError::invalid("error-the-answer-must-go-to-the"));
    }
    let clause_text = clauses[new.clause as usize - 1].clone();
    let description = new
        .description
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .unwrap_or(&clause_text)
        .to_owned();
    let duplicate: i64 = tasks::table
        .filter(tasks::agenda_item_id.eq(new.item.0))
        .filter(tasks::clause.eq(new.clause as i32))
        .filter(tasks::lead_id.eq(lead.id.0))
        .count()
        .get_result(conn)?;
    if duplicate > 0 {
        return Err(AppError::conflict(
            crate::i18n::Msg::key("error-has-already-been-given-the-task")
                .arg("name", &lead.name)
                .arg("clause", new.clause),
        ));
    }
    let stamp = now();
    let task_id: i64 = diesel::insert_into(tasks::table)
        .values((
            tasks::body_id.eq(item.body_id.0),
            tasks::decision_id.eq(decision.id.0),
            tasks::agenda_item_id.eq(new.item.0),
            tasks::proposal_id.eq(item.item.proposal.as_ref().map(|p| p.id.0)),
            tasks::clause.eq(new.clause as i32),
            tasks::clause_text.eq(&clause_text),
            tasks::description.eq(&description),
            tasks::lead_id.eq(lead.id.0),
            tasks::deadline.eq(deadline),
            tasks::answer_to_id.eq(new.answer_to.map(|o| o.0)),
            tasks::status.eq(TaskStatus::Sent.as_str()),
            tasks::created_by.eq(new.by.map(|u| u.0)),
            tasks::sent_at.eq(stamp),
            tasks::created_at.eq(stamp),
            tasks::updated_at.eq(stamp),
        ))
        .returning(tasks::id)
        .get_result(conn)?;
    let task_id = TaskId(task_id);
    let expires = link_expiry(deadline, stamp.date());
    let lead_token = issue_token(conn, task_id, None, expires)?;
    let mut contribution_tokens = Vec::new();
    for org in &contributors {
        let contribution: i64 = diesel::insert_into(task_contributions::table)
            .values((
                task_contributions::task_id.eq(task_id.0),
                task_contributions::organization_id.eq(org.id.0),
                task_contributions::status.eq(ContributionStatus::Requested.as_str()),
            ))
            .returning(task_contributions::id)
            .get_result(conn)?;
        contribution_tokens.push((
            org.id,
            issue_token(conn, task_id, Some(ContributionId(contribution)), expires)?,
        ));
    }
    if let Some(proposal) = &item.item.proposal {
        super::proposals::step(conn, proposal.id, Transition::FollowUp)?;
    }
    Ok((
        item,
        Confirmed {
            task_id,
            lead_token,
            contribution_tokens,
        },
    ))
}

/// A task as pages, mails and the API show it.
#[derive(Debug, Clone)]
pub struct Task {
    pub id: TaskId,
    pub agenda_item_id: AgendaItemId,
    pub proposal_id: Option<ProposalId>,
    pub clause: u32,
    pub clause_text: String,
    pub description: String,
    pub lead: Organization,
    pub contributors: Vec<Contribution>,
    pub deadline: Option<NaiveDate>,
    pub answer_to: Option<Organization>,
    pub status: TaskStatus,
    pub answer: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
    pub answered_by: Option<String>,
    /// "We need more time": the date asked for and why, until the secretariat decides.
    pub proposed_deadline: Option<NaiveDate>,
    pub extension_reason: Option<String>,
    pub sent_at: DateTime<Utc>,
    pub lock_version: i32,
    /// The agenda item the answer was put on.
    pub presented_item_id: Option<AgendaItemId>,
}

#[derive(Debug, Clone)]
pub struct Contribution {
    pub id: ContributionId,
    pub organization: Organization,
    pub status: ContributionStatus,
    pub answer: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
    pub answered_by: Option<String>,
}

type TaskRow = (
    i64,
    i64,
    Option<i64>,
    i32,
    String,
    String,
    i64,
    Option<NaiveDate>,
    Option<i64>,
    String,
    Option<String>,
    Option<NaiveDateTime>,
    Option<String>,
    Option<NaiveDate>,
    Option<String>,
    NaiveDateTime,
    i32,
    Option<i64>,
);

type ContributionRow = (
    i64,
    i64,
    i64,
    String,
    Option<String>,
    Option<NaiveDateTime>,
    Option<String>,
);

/// One task with its contributions, or `None`.
pub fn get(conn: &mut DbConnection, id: TaskId) -> AppResult<Option<Task>> {
    Ok(load(conn, Only::Task(id.0))?.pop())
}

/// The tasks confirmed from one agenda item, by clause.
pub fn of_item(conn: &mut DbConnection, item: AgendaItemId) -> AppResult<Vec<Task>> {
    let mut tasks = load(conn, Only::Item(item))?;
    tasks.sort_by_key(|t| (t.clause, t.id));
    Ok(tasks)
}

/// The tasks that follow up a proposal, by clause.
pub fn of_proposal(
    conn: &mut DbConnection,
    proposal: crate::domain::ProposalId,
) -> AppResult<Vec<Task>> {
    let mut tasks = load(conn, Only::Proposal(proposal.0))?;
    tasks.sort_by_key(|t| (t.clause, t.id));
    Ok(tasks)
}

/// Which tasks a list shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct TaskFilter {
    /// Led by this administration.
    pub lead: Option<OrganizationId>,
    /// Led by this administration or with a contribution from it.
    pub involving: Option<OrganizationId>,
    pub standing: Option<Standing>,
}

/// One page of the tasks `filter` picks, and how many it picks in all: open and overdue tasks
/// by their deadline, the others newest first. Queries use the indexes on the lead, status and
/// deadline.
pub fn page(
    conn: &mut DbConnection,
    filter: &TaskFilter,
    today: NaiveDate,
    offset: i64,
    limit: i64,
) -> AppResult<(Vec<Task>, i64)> {
    let total: i64 = filtered!(tasks::table.into_boxed(), filter, today)
        .count()
        .get_result(conn)?;
    let tasks = load(
        conn,
        Only::Page {
            filter: *filter,
            today,
            offset,
            limit,
        },
    )?;
    Ok((tasks, total))
}

/// Counts per lead administration and standing, for the dashboard: two grouped counts over
/// the index on (lead, status) and the one on (status, deadline).
pub fn tally(
    conn: &mut DbConnection,
    today: NaiveDate,
) -> AppResult<Vec<(OrganizationId, [i64; 4])>> {
    let by_status: Vec<(i64, String, i64)> = tasks::table
        .group_by((tasks::lead_id, tasks::status))
        .select((tasks::lead_id, tasks::status, diesel::dsl::count_star()))
        .load(conn)?;
    let open: Vec<&str> = Standing::Open
        .statuses()
        .iter()
        .map(|s| s.as_str())
        .collect();
    let overdue: Vec<(i64, i64)> = tasks::table
        .filter(tasks::status.eq_any(&open))
        .filter(tasks::deadline.lt(today))
        .group_by(tasks::lead_id)
        .select((tasks::lead_id, diesel::dsl::count_star()))
        .load(conn)?;
    let mut out: Vec<(OrganizationId, [i64; 4])> = Vec::new();
    let mut slot = |lead: i64| -> usize {
        match out.iter().position(|(o, _)| o.0 == lead) {
            Some(i) => i,
            None => {
                out.push((OrganizationId(lead), [0; 4]));
                out.len() - 1
            }
        }
    };
    let mut rows = Vec::new();
    for (lead, status, n) in by_status {
        let status: TaskStatus = status.parse().map_err(AppError::internal)?;
        let standing = match status {
            TaskStatus::Closed => Standing::Closed,
            s if s.is_open() => Standing::Open,
            _ => Standing::Answered,
        };
        rows.push((slot(lead), standing, n));
    }
    for (lead, n) in overdue {
        let i = slot(lead);
        rows.push((i, Standing::Overdue, n));
        // Overdue tasks were counted as open above.
        rows.push((i, Standing::Open, -n));
    }
    for (i, standing, n) in rows {
        let at = Standing::ALL
            .iter()
            .position(|s| *s == standing)
            .unwrap_or(0);
        out[i].1[at] += n;
    }
    Ok(out)
}

/// For each of `proposals`, its tasks per standing ([open, overdue, answered, closed]) as the
/// public may count them: only tasks of decisions whose minutes are published. Two grouped
/// queries, whatever the number of proposals.
pub fn public_counts(
    conn: &mut DbConnection,
    proposals: &[crate::domain::ProposalId],
    today: NaiveDate,
) -> AppResult<HashMap<i64, [i64; 4]>> {
    use super::schema::{agenda_items, minutes};
    let ids: Vec<i64> = proposals.iter().map(|p| p.0).collect();
    let published = minutes::table
        .filter(minutes::published_at.is_not_null())
        .select(minutes::meeting_id);
    let by_status: Vec<(Option<i64>, String, i64)> = tasks::table
        .inner_join(agenda_items::table)
        .filter(tasks::proposal_id.eq_any(&ids))
        .filter(agenda_items::meeting_id.eq_any(published))
        .group_by((tasks::proposal_id, tasks::status))
        .select((tasks::proposal_id, tasks::status, diesel::dsl::count_star()))
        .load(conn)?;
    let open: Vec<&str> = Standing::Open
        .statuses()
        .iter()
        .map(|s| s.as_str())
        .collect();
    let published = minutes::table
        .filter(minutes::published_at.is_not_null())
        .select(minutes::meeting_id);
    let overdue: Vec<(Option<i64>, i64)> = tasks::table
        .inner_join(agenda_items::table)
        .filter(tasks::proposal_id.eq_any(&ids))
        .filter(agenda_items::meeting_id.eq_any(published))
        .filter(tasks::status.eq_any(&open))
        .filter(tasks::deadline.lt(today))
        .group_by(tasks::proposal_id)
        .select((tasks::proposal_id, diesel::dsl::count_star()))
        .load(conn)?;
    let mut out: HashMap<i64, [i64; 4]> = HashMap::new();
    for (proposal, status, n) in by_status {
        let Some(proposal) = proposal else { continue };
        let status: TaskStatus = status.parse().map_err(AppError::internal)?;
        let at = match status {
            TaskStatus::Closed => 3,
            s if s.is_open() => 0,
            _ => 2,
        };
        out.entry(proposal).or_default()[at] += n;
    }
    for (proposal, n) in overdue {
        let Some(proposal) = proposal else { continue };
        let counts = out.entry(proposal).or_default();
        // Overdue tasks were counted as open above.
        counts[0] -= n;
        counts[1] += n;
    }
    Ok(out)
}

/// Open tasks whose lead asked for more time, the nearest deadline first.
pub fn with_requests(conn: &mut DbConnection, limit: i64) -> AppResult<Vec<Task>> {
    let open: Vec<&str> = Standing::Open
        .statuses()
        .iter()
        .map(|s| s.as_str())
        .collect();
    let ids: Vec<i64> = tasks::table
        .filter(tasks::proposed_deadline.is_not_null())
        .filter(tasks::status.eq_any(open))
        .order((tasks::deadline.asc(), tasks::id))
        .limit(limit)
        .select(tasks::id)
        .load(conn)?;
    let mut found = load(conn, Only::Ids(ids.clone()))?;
    found.sort_by_key(|t| ids.iter().position(|i| *i == t.id.0));
    Ok(found)
}

enum Only {
    Ids(Vec<i64>),
    Task(i64),
    Item(AgendaItemId),
    Proposal(i64),
    Page {
        filter: TaskFilter,
        today: NaiveDate,
        offset: i64,
        limit: i64,
    },
}

/// The tasks `only` picks, with their contributions and organizations, loaded in one query
/// each.
fn load(conn: &mut DbConnection, only: Only) -> AppResult<Vec<Task>> {
    // A page's contributions are fetched for its tasks by id once they are known.
    let is_page = matches!(only, Only::Page { .. } | Only::Ids(_));
    let mut query = tasks::table
        .select((
            tasks::id,
            tasks::agenda_item_id,
            tasks::proposal_id,
            tasks::clause,
            tasks::clause_text,
            tasks::description,
            tasks::lead_id,
            tasks::deadline,
            tasks::answer_to_id,
            tasks::status,
            tasks::answer,
            tasks::answered_at,
            tasks::answered_by,
            tasks::proposed_deadline,
            tasks::extension_reason,
            tasks::sent_at,
            tasks::lock_version,
            tasks::presented_item_id,
        ))
        .order(tasks::id.desc())
        .into_boxed();
    let mut contribution_query = task_contributions::table
        .select((
            task_contributions::id,
            task_contributions::task_id,
            task_contributions::organization_id,
            task_contributions::status,
            task_contributions::answer,
            task_contributions::answered_at,
            task_contributions::answered_by,
        ))
        .order(task_contributions::id)
        .into_boxed();
    match only {
        Only::Task(id) => {
            query = query.filter(tasks::id.eq(id));
            contribution_query = contribution_query.filter(task_contributions::task_id.eq(id));
        }
        Only::Item(item) => {
            query = query.filter(tasks::agenda_item_id.eq(item.0));
            contribution_query = contribution_query.filter(
                task_contributions::task_id.eq_any(
                    tasks::table
                        .filter(tasks::agenda_item_id.eq(item.0))
                        .select(tasks::id),
                ),
            );
        }
        Only::Proposal(proposal) => {
            query = query.filter(tasks::proposal_id.eq(proposal));
            contribution_query = contribution_query.filter(
                task_contributions::task_id.eq_any(
                    tasks::table
                        .filter(tasks::proposal_id.eq(proposal))
                        .select(tasks::id),
                ),
            );
        }
        Only::Page {
            filter,
            today,
            offset,
            limit,
        } => {
            query = filtered!(query, &filter, today);
            query = match filter.standing {
                // What waits: the nearest deadline first.
                Some(Standing::Open | Standing::Overdue) => {
                    query.order((tasks::deadline.asc(), tasks::id.desc()))
                }
                _ => query,
            };
            query = query.offset(offset).limit(limit);
        }
        Only::Ids(ids) => query = query.filter(tasks::id.eq_any(ids)),
    }
    let rows: Vec<TaskRow> = query.load(conn)?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    if is_page {
        let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
        contribution_query = contribution_query.filter(task_contributions::task_id.eq_any(ids));
    }
    let contributions: Vec<ContributionRow> = contribution_query.load(conn)?;
    let mut by_task: HashMap<i64, Vec<ContributionRow>> = HashMap::new();
    for c in contributions {
        by_task.entry(c.1).or_default().push(c);
    }
    let all: HashMap<i64, Organization> =
        orgs::list(conn)?.into_iter().map(|o| (o.id.0, o)).collect();
    let find = |id: i64| {
        all.get(&id)
            .cloned()
            .ok_or_else(|| AppError::internal(format!("organization {id} of a task is missing")))
    };
    rows.into_iter()
        .map(|row| {
            let (
                id,
                item,
                proposal,
                clause,
                clause_text,
                description,
                lead,
                deadline,
                answer_to,
                status,
                answer,
                answered_at,
                answered_by,
                proposed_deadline,
                extension_reason,
                sent_at,
                lock_version,
                presented_item_id,
            ) = row;
            Ok(Task {
                id: TaskId(id),
                agenda_item_id: AgendaItemId(item),
                proposal_id: proposal.map(ProposalId),
                clause: clause as u32,
                clause_text,
                description,
                lead: find(lead)?,
                contributors: by_task
                    .remove(&id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(cid, _, org, status, answer, at, by)| {
                        Ok(Contribution {
                            id: ContributionId(cid),
                            organization: find(org)?,
                            status: status.parse().map_err(AppError::internal)?,
                            answer,
                            answered_at: at.map(|t| t.and_utc()),
                            answered_by: by,
                        })
                    })
                    .collect::<AppResult<_>>()?,
                deadline,
                answer_to: answer_to.map(find).transpose()?,
                status: status.parse().map_err(AppError::internal)?,
                answer,
                answered_at: answered_at.map(|t| t.and_utc()),
                answered_by,
                proposed_deadline,
                extension_reason,
                sent_at: sent_at.and_utc(),
                lock_version,
                presented_item_id: presented_item_id.map(AgendaItemId),
            })
        })
        .collect()
}

/// What an answer link leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// The task, and the contribution when the link is a contributor's.
    Valid {
        task: TaskId,
        contribution: Option<ContributionId>,
    },
    Expired,
    Revoked,
    Unknown,
}

/// Looks an answer link up by its hash; a working one is stamped as used.
pub fn link(conn: &mut DbConnection, token: &str, at: DateTime<Utc>) -> AppResult<Link> {
    // A link is 64 hex digits; anything else is not worth a query.
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(Link::Unknown);
    }
    type TokenRow = (i64, i64, Option<i64>, NaiveDateTime, Option<NaiveDateTime>);
    let row: Option<TokenRow> = task_tokens::table
        .filter(task_tokens::token_hash.eq(secret_hash(token)))
        .select((
            task_tokens::id,
            task_tokens::task_id,
            task_tokens::contribution_id,
            task_tokens::expires_at,
            task_tokens::revoked_at,
        ))
        .first(conn)
        .optional()?;
    Ok(match row {
        None => Link::Unknown,
        Some((.., Some(_))) => Link::Revoked,
        Some((_, _, _, expires, None)) if expires <= at.naive_utc() => Link::Expired,
        Some((id, task, contribution, _, None)) => {
            diesel::update(task_tokens::table.find(id))
                .set(task_tokens::last_used_at.eq(at.naive_utc()))
                .execute(conn)?;
            Link::Valid {
                task: TaskId(task),
                contribution: contribution.map(ContributionId),
            }
        }
    })
}

/// Revokes every answer link of a task (a mail sent to the wrong person, a task withdrawn);
/// returns how many were still working.
pub fn revoke_links(conn: &mut DbConnection, task: TaskId) -> AppResult<usize> {
    Ok(diesel::update(
        task_tokens::table
            .filter(task_tokens::task_id.eq(task.0))
            .filter(task_tokens::revoked_at.is_null()),
    )
    .set(task_tokens::revoked_at.eq(now()))
    .execute(conn)?)
}

fn set_status(conn: &mut DbConnection, task: &Task, status: TaskStatus) -> AppResult<()> {
    diesel::update(tasks::table.find(task.id.0))
        .set((
            tasks::status.eq(status.as_str()),
            tasks::lock_version.eq(task.lock_version + 1),
            tasks::updated_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// When every task of the proposal behind `task` is presented or closed, its follow-up is done:
/// the proposal is closed (afsluttet).
pub fn close_proposal_if_done(conn: &mut DbConnection, task: &Task) -> AppResult<bool> {
    let Some(proposal) = task.proposal_id else {
        return Ok(false);
    };
    let statuses: Vec<String> = tasks::table
        .filter(tasks::proposal_id.eq(proposal.0))
        .select(tasks::status)
        .load(conn)?;
    let done = statuses
        .iter()
        .all(|s| s == TaskStatus::Presented.as_str() || s == TaskStatus::Closed.as_str());
    if !done {
        return Ok(false);
    }
    let status: String = proposals::table
        .find(proposal.0)
        .select(proposals::status)
        .first(conn)?;
    if status != ProposalStatus::InFollowUp.as_str() {
        return Ok(false);
    }
    super::proposals::step(conn, proposal, Transition::Close)?;
    Ok(true)
}

/// The answer is on the agenda item `item`: the task is presented.
pub fn mark_presented(conn: &mut DbConnection, task: &Task, item: AgendaItemId) -> AppResult<()> {
    let status = task
        .status
        .after(TaskEvent::Presented)
        .map_err(|e| AppError::conflict(e.0))?;
    diesel::update(tasks::table.find(task.id.0))
        .set(tasks::presented_item_id.eq(item.0))
        .execute(conn)?;
    set_status(conn, task, status)
}

/// The administration opened its link or page: a sent task is now seen.
pub fn mark_seen(
    conn: &mut DbConnection,
    task: &Task,
    contribution: Option<ContributionId>,
) -> AppResult<()> {
    match contribution {
        Some(id) => {
            diesel::update(
                task_contributions::table
                    .find(id.0)
                    .filter(task_contributions::status.eq(ContributionStatus::Requested.as_str())),
            )
            .set(task_contributions::status.eq(ContributionStatus::Seen.as_str()))
            .execute(conn)?;
        }
        None => {
            let next = task
                .status
                .after(TaskEvent::Opened)
                .map_err(|e| AppError::conflict(e.0))?;
            if next != task.status {
                set_status(conn, task, next)?;
            }
        }
    }
    Ok(())
}

fn answer_text(text: &str, by: &str) -> AppResult<(String, String)> {
    let text = text.trim();
    let by = by.trim();
    if text.is_empty() {
        return Err(AppError::invalid("error-write-the-answer"));
    }
    if by.is_empty() {
        return Err(AppError::invalid("error-write-who-is-answering-name-and"));
    }
    if text.chars().count() > 100_000 || by.chars().count() > 200 {
        return Err(AppError::invalid("error-the-answer-is-too-long"));
    }
    Ok((text.to_owned(), by.to_owned()))
}

/// A contributing administration's answer. It may be changed until the lead has answered.
pub fn answer_contribution(
    conn: &mut DbConnection,
    task: &Task,
    contribution: ContributionId,
    text: &str,
    by: &str,
) -> AppResult<()> {
    let (text, by) = answer_text(text, by)?;
    // Taking part moves the task on, as long as the lead has not answered yet.
    let next = task
        .status
        .after(TaskEvent::Worked)
        .map_err(|e| AppError::conflict(e.0))?;
    diesel::update(
        task_contributions::table
            .find(contribution.0)
            .filter(task_contributions::task_id.eq(task.id.0)),
    )
    .set((
        task_contributions::status.eq(ContributionStatus::Answered.as_str()),
        task_contributions::answer.eq(text),
        task_contributions::answered_by.eq(by),
        task_contributions::answered_at.eq(now()),
    ))
    .execute(conn)?;
    set_status(conn, task, next)
}

/// The lead's (compiled) answer: the task is answered.
pub fn answer_task(conn: &mut DbConnection, task: &Task, text: &str, by: &str) -> AppResult<()> {
    let (text, by) = answer_text(text, by)?;
    let next = task
        .status
        .after(TaskEvent::Answered)
        .map_err(|e| AppError::conflict(e.0))?;
    diesel::update(tasks::table.find(task.id.0))
        .set((
            tasks::answer.eq(text),
            tasks::answered_by.eq(by),
            tasks::answered_at.eq(now()),
        ))
        .execute(conn)?;
    set_status(conn, task, next)
}

/// "We need more time": a later date and why, for the secretariat to accept or refuse.
pub fn request_more_time(
    conn: &mut DbConnection,
    task: &Task,
    proposed: NaiveDate,
    reason: &str,
) -> AppResult<()> {
    if !task.status.is_open() {
        return Err(AppError::conflict("error-the-task-is-no-longer-open"));
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(AppError::invalid("error-write-why-more-time-is-needed"));
    }
    if task.deadline.is_some_and(|d| proposed <= d) {
        return Err(AppError::invalid("error-the-new-deadline-must-be-after"));
    }
    diesel::update(tasks::table.find(task.id.0))
        .set((
            tasks::proposed_deadline.eq(proposed),
            tasks::extension_reason.eq(reason),
            tasks::updated_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// A change by the secretariat.
#[derive(Debug, Clone, Default)]
pub struct TaskChange {
    /// A new deadline; it replaces any request for more time.
    pub deadline: Option<NaiveDate>,
    /// Accept the date the lead asked for.
    pub accept_proposed_deadline: bool,
    /// Refuse it: the request is cleared and the deadline stays.
    pub refuse_proposed_deadline: bool,
    pub close: bool,
    pub revoke_links: bool,
    /// Withdraw the links and send new ones to the lead and to the contributors still to
    /// answer (a link forwarded to the wrong person, or lost).
    pub reissue_links: bool,
}

/// What a change did, for the mail to the lead.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changed {
    pub new_deadline: Option<NaiveDate>,
    pub revoked: usize,
    /// The new links to mail, when they were reissued.
    pub reissued: Option<Confirmed>,
}

/// Applies a change by the secretariat to a task, checked against the version it was based on.
pub fn change(
    conn: &mut DbConnection,
    id: TaskId,
    expected_lock: Option<i32>,
    change: &TaskChange,
) -> AppResult<Changed> {
    let task =
        get(conn, id)?.ok_or_else(|| AppError::not_found("error-the-task-does-not-exist"))?;
    if expected_lock.is_some_and(|l| l != task.lock_version) {
        return Err(AppError::conflict("error-the-task-has-been-changed-since"));
    }
    let choices = [
        change.deadline.is_some(),
        change.accept_proposed_deadline,
        change.refuse_proposed_deadline,
    ];
    if choices.iter().filter(|c| **c).count() > 1 {
        return Err(AppError::invalid("error-set-a-new-deadline-approve-the"));
    }
    let mut done = Changed::default();
    let new_deadline = if change.accept_proposed_deadline {
        Some(
            task.proposed_deadline
                .ok_or_else(|| AppError::invalid("error-no-new-deadline-has-been-requested"))?,
        )
    } else {
        change.deadline
    };
    if change.refuse_proposed_deadline && task.proposed_deadline.is_none() {
        return Err(AppError::invalid(
            "error-no-new-deadline-has-been-requested",
        ));
    }
    if let Some(deadline) = new_deadline {
        if !task.status.is_open() {
            return Err(AppError::conflict("error-the-deadline-can-only-be-moved"));
        }
        let item = decisions::decided_item(conn, task.agenda_item_id)?
            .ok_or_else(|| AppError::internal("a task's agenda item is missing"))?;
        if deadline < item.meeting_day() {
            return Err(AppError::invalid(
                crate::i18n::Msg::key("error-deadline-before-meeting")
                    .day("deadline", deadline)
                    .day("meeting", item.meeting_day()),
            ));
        }
        diesel::update(tasks::table.find(id.0))
            .set(tasks::deadline.eq(deadline))
            .execute(conn)?;
        // The links follow the deadline.
        diesel::update(
            task_tokens::table
                .filter(task_tokens::task_id.eq(id.0))
                .filter(task_tokens::revoked_at.is_null()),
        )
        .set(task_tokens::expires_at.eq(link_expiry(deadline, task.sent_at.date_naive())))
        .execute(conn)?;
        done.new_deadline = Some(deadline);
    }
    if new_deadline.is_some() || change.refuse_proposed_deadline {
        diesel::update(tasks::table.find(id.0))
            .set((
                tasks::proposed_deadline.eq(None::<NaiveDate>),
                tasks::extension_reason.eq(None::<String>),
            ))
            .execute(conn)?;
    }
    let mut status = task.status;
    if change.close {
        status = status
            .after(TaskEvent::Close)
            .map_err(|e| AppError::conflict(e.0))?;
    }
    if change.revoke_links || change.close || change.reissue_links {
        done.revoked = revoke_links(conn, id)?;
    }
    if change.reissue_links {
        if change.close || change.revoke_links || !task.status.is_open() {
            return Err(AppError::conflict("error-new-links-can-only-be-sent"));
        }
        let deadline = done
            .new_deadline
            .or(task.deadline)
            .ok_or_else(|| AppError::internal("an open task has no deadline"))?;
        let expires = link_expiry(deadline, task.sent_at.date_naive());
        let lead_token = issue_token(conn, id, None, expires)?;
        let mut contribution_tokens = Vec::new();
        for c in task
            .contributors
            .iter()
            .filter(|c| c.status != ContributionStatus::Answered)
        {
            contribution_tokens.push((
                c.organization.id,
                issue_token(conn, id, Some(c.id), expires)?,
            ));
        }
        done.reissued = Some(Confirmed {
            task_id: id,
            lead_token,
            contribution_tokens,
        });
    }
    diesel::update(tasks::table.find(id.0))
        .set((
            tasks::status.eq(status.as_str()),
            tasks::lock_version.eq(task.lock_version + 1),
            tasks::updated_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(done)
}

/// An open task with a deadline, and the reminders already sent for it.
#[derive(Debug, Clone)]
pub struct ReminderCandidate {
    pub task: TaskId,
    pub deadline: NaiveDate,
    pub sent_on: NaiveDate,
    pub sent_keys: Vec<String>,
}

/// The tasks a reminder may be due for: open, with a deadline.
pub fn reminder_candidates(conn: &mut DbConnection) -> AppResult<Vec<ReminderCandidate>> {
    use super::schema::task_reminders;
    let open: Vec<&str> = [TaskStatus::Sent, TaskStatus::Seen, TaskStatus::InProgress]
        .iter()
        .map(|s| s.as_str())
        .collect();
    let rows: Vec<(i64, NaiveDate, NaiveDateTime)> = tasks::table
        .filter(tasks::status.eq_any(open))
        .filter(tasks::deadline.is_not_null())
        .select((tasks::id, tasks::deadline.assume_not_null(), tasks::sent_at))
        .order(tasks::id)
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let sent: Vec<(i64, String)> = task_reminders::table
        .filter(task_reminders::task_id.eq_any(&ids))
        .select((task_reminders::task_id, task_reminders::reminder_key))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(task, deadline, sent_at)| ReminderCandidate {
            task: TaskId(task),
            deadline,
            // The day in Copenhagen the task went out.
            sent_on: crate::domain::time::local(sent_at.and_utc()).date_naive(),
            sent_keys: sent
                .iter()
                .filter(|(t, _)| *t == task)
                .map(|(_, k)| k.clone())
                .collect(),
        })
        .collect())
}

/// Claims a reminder for sending: `false` when it was already sent (by this server before a
/// restart, or by another one just now). Call inside the transaction that queues the mail.
pub fn claim_reminder(conn: &mut DbConnection, task: TaskId, key: &str) -> AppResult<bool> {
    use super::schema::task_reminders;
    // A savepoint, so a clash leaves the surrounding transaction usable on PostgreSQL.
    let inserted = conn.transaction(|conn| {
        diesel::insert_into(task_reminders::table)
            .values((
                task_reminders::task_id.eq(task.0),
                task_reminders::reminder_key.eq(key),
                task_reminders::sent_at.eq(now()),
            ))
            .execute(conn)
    });
    match inserted {
        Ok(_) => Ok(true),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// A file given with an answer or a contribution.
#[derive(Debug, Clone)]
pub struct TaskFile {
    pub id: TaskFileId,
    pub task_id: TaskId,
    /// `None` for the lead's files.
    pub contribution_id: Option<ContributionId>,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub created_at: DateTime<Utc>,
}

/// How many files one answer or contribution may carry.
pub const MAX_FILES: usize = 20;

/// Adds a file to the lead's answer (`contribution` `None`) or to a contribution, while it can
/// still be answered.
pub fn add_file(
    conn: &mut DbConnection,
    task: &Task,
    contribution: Option<ContributionId>,
    filename: &str,
    content_type: &str,
    content: &[u8],
) -> AppResult<TaskFileId> {
    use super::schema::task_files;
    if !task.status.is_open() {
        return Err(AppError::conflict("error-the-task-has-been-answered-or"));
    }
    let existing = files(conn, task.id)?
        .into_iter()
        .filter(|f| f.contribution_id == contribution)
        .count();
    if existing >= MAX_FILES {
        return Err(AppError::invalid(
            crate::i18n::Msg::key("error-at-most-files-can-be-attached")
                .arg("MAX_FILES", MAX_FILES),
        ));
    }
    use sha2::Digest;
    let digest = sha2::Sha256::digest(content);
    let sha256: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    diesel::insert_into(task_files::table)
        .values((
            task_files::task_id.eq(task.id.0),
            task_files::contribution_id.eq(contribution.map(|c| c.0)),
            task_files::filename.eq(filename),
            task_files::content_type.eq(content_type),
            task_files::size.eq(content.len() as i64),
            task_files::sha256.eq(sha256),
            task_files::content.eq(content),
            task_files::created_at.eq(now()),
        ))
        .execute(conn)?;
    let id: i64 = task_files::table
        .filter(task_files::task_id.eq(task.id.0))
        .select(diesel::dsl::max(task_files::id))
        .first::<Option<i64>>(conn)?
        .ok_or_else(|| AppError::internal("a file just added is missing"))?;
    Ok(TaskFileId(id))
}

/// The files of a task, the lead's and every contribution's, oldest first.
pub fn files(conn: &mut DbConnection, task: TaskId) -> AppResult<Vec<TaskFile>> {
    use super::schema::task_files;
    type FileRow = (i64, i64, Option<i64>, String, String, i64, NaiveDateTime);
    let rows: Vec<FileRow> = task_files::table
        .filter(task_files::task_id.eq(task.0))
        .select((
            task_files::id,
            task_files::task_id,
            task_files::contribution_id,
            task_files::filename,
            task_files::content_type,
            task_files::size,
            task_files::created_at,
        ))
        .order(task_files::id)
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, task_id, contribution_id, filename, content_type, size, at)| TaskFile {
                id: TaskFileId(id),
                task_id: TaskId(task_id),
                contribution_id: contribution_id.map(ContributionId),
                filename,
                content_type,
                size,
                created_at: at.and_utc(),
            },
        )
        .collect())
}

/// One file of a task with its bytes.
pub fn file(
    conn: &mut DbConnection,
    task: TaskId,
    id: TaskFileId,
) -> AppResult<Option<(TaskFile, Vec<u8>)>> {
    use super::schema::task_files;
    let Some(meta) = files(conn, task)?.into_iter().find(|f| f.id == id) else {
        return Ok(None);
    };
    let content: Vec<u8> = task_files::table
        .find(id.0)
        .select(task_files::content)
        .first(conn)?;
    Ok(Some((meta, content)))
}

/// Where a task comes from, for lists: the agenda item (its proposal's title), the meeting
/// that decided it and the cases it belongs to.
#[derive(Debug, Clone)]
pub struct TaskOrigin {
    pub title: String,
    pub proposal_id: Option<ProposalId>,
    pub meeting_id: crate::domain::MeetingId,
    pub organization_name: String,
    pub starts_at: DateTime<Utc>,
    pub item_number: String,
    pub cases: Vec<crate::domain::CaseReference>,
}

/// The origins of the items these tasks come from, in two queries whatever the number.
pub fn origins(
    conn: &mut DbConnection,
    items: &[AgendaItemId],
) -> AppResult<HashMap<AgendaItemId, TaskOrigin>> {
    use super::schema::{agenda_items, cases, meetings, organizations, proposal_cases};
    let ids: Vec<i64> = items.iter().map(|i| i.0).collect();
    type Row = (
        i64,
        String,
        String,
        Option<i64>,
        Option<i64>,
        i64,
        NaiveDateTime,
        String,
        Option<String>,
    );
    let rows: Vec<Row> = agenda_items::table
        .inner_join(meetings::table.inner_join(organizations::table))
        .left_join(proposals::table.on(agenda_items::proposal_id.eq(proposals::id.nullable())))
        .filter(agenda_items::id.eq_any(&ids))
        .select((
            agenda_items::id,
            agenda_items::title,
            agenda_items::number,
            agenda_items::proposal_id,
            agenda_items::case_id,
            meetings::id,
            meetings::starts_at,
            organizations::name,
            proposals::title.nullable(),
        ))
        .load(conn)?;
    let proposal_ids: Vec<i64> = rows.iter().filter_map(|r| r.3).collect();
    let item_case_ids: Vec<i64> = rows.iter().filter_map(|r| r.4).collect();
    let by_proposal: Vec<(i64, String)> = proposal_cases::table
        .inner_join(cases::table)
        .filter(proposal_cases::proposal_id.eq_any(&proposal_ids))
        .order((proposal_cases::proposal_id, proposal_cases::position))
        .select((proposal_cases::proposal_id, cases::reference))
        .load(conn)?;
    let by_item: Vec<(i64, String)> = cases::table
        .filter(cases::id.eq_any(&item_case_ids))
        .select((cases::id, cases::reference))
        .load(conn)?;
    rows.into_iter()
        .map(
            |(id, item_title, number, proposal, case, meeting, starts_at, org, proposal_title)| {
                let mut references: Vec<&str> = by_proposal
                    .iter()
                    .filter(|(p, _)| Some(*p) == proposal)
                    .map(|(_, r)| r.as_str())
                    .collect();
                if let Some((_, r)) = by_item.iter().find(|(c, _)| Some(*c) == case)
                    && !references.contains(&r.as_str())
                {
                    references.push(r);
                }
                let cases = references
                    .into_iter()
                    .map(|r| crate::domain::CaseReference::parse(r).map_err(AppError::internal))
                    .collect::<AppResult<Vec<_>>>()?;
                Ok((
                    AgendaItemId(id),
                    TaskOrigin {
                        title: proposal_title.unwrap_or(item_title),
                        proposal_id: proposal.map(ProposalId),
                        meeting_id: crate::domain::MeetingId(meeting),
                        organization_name: org,
                        starts_at: starts_at.and_utc(),
                        item_number: number,
                        cases,
                    },
                ))
            },
        )
        .collect()
}
