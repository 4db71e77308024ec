//! The first half of a proposal's life in the database: drafts and their text versions,
//! submission, the secretariat's review (return or accept) and the case register. Every
//! function runs inside the caller's write transaction (`service::proposals`, which records
//! each step in the audit log); a step's status comes from `ProposalStatus::after`.

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::audit::SubjectKind;
use super::schema::{
    case_counters, cases, meetings, organizations, proposal_clauses, proposal_reviews,
    proposal_submitters, proposal_versions, proposals,
};
use super::{DbConnection, now, write_transaction};
use crate::domain::account::Actor;
use crate::domain::proposal::{ProposalStatus, ProposalText, SubmitterRole, Transition};
use crate::domain::{
    BodyId, CaseId, CaseReference, MeetingId, OrganizationId, PersonId, ProposalId, UserId,
};
use crate::error::{AppError, AppResult};

pub const PROPOSAL: SubjectKind = SubjectKind("proposal");
pub const CASE: SubjectKind = SubjectKind("case");

/// What the page says when someone else saved first.
pub const STALE: &str = "error-the-proposal-was-changed-by-someone";

/// A status change the service records in the audit log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub before: ProposalStatus,
    pub after: ProposalStatus,
}

/// A text saved over an earlier one: the text before, and the new version's number.
#[derive(Debug)]
pub struct Edited {
    pub before: ProposalText,
    pub version: i32,
}

/// A submission: the step, whether it came after the deadline, and for which meeting.
#[derive(Debug)]
pub struct Submitted {
    pub step: Step,
    pub late: bool,
    pub target_meeting_id: Option<MeetingId>,
}

pub struct NewDraft<'a> {
    pub body_id: BodyId,
    pub organization_id: OrganizationId,
    pub text: &'a ProposalText,
    pub submitting_party_id: Option<OrganizationId>,
    pub proposer: Option<PersonId>,
    pub cosigners: &'a [PersonId],
    pub target_meeting_id: Option<MeetingId>,
    pub cases: &'a [CaseReference],
    pub created_by: UserId,
}

/// A new draft and version 1 of its text.
pub fn create_draft(
    conn: &mut DbConnection,
    actor: &Actor,
    new: &NewDraft<'_>,
) -> AppResult<ProposalId> {
    let mut submitters: Vec<(PersonId, SubmitterRole)> = Vec::new();
    if let Some(p) = new.proposer {
        submitters.push((p, SubmitterRole::Proposer));
    }
    submitters.extend(
        new.cosigners
            .iter()
            .filter(|c| Some(**c) != new.proposer)
            .map(|c| (*c, SubmitterRole::Cosigner)),
    );
    let id = super::proposals::insert(
        conn,
        &super::proposals::NewProposal {
            body_id: new.body_id,
            organization_id: new.organization_id,
            title: &new.text.title,
            opening: &new.text.opening,
            clauses: &new.text.clauses,
            motivation: &new.text.motivation,
            status: ProposalStatus::Draft,
            submitting_party_id: new.submitting_party_id,
            submitters: &submitters,
            // Typed references wait on the draft; only acceptance puts them in the register.
            cases: &[],
            target_meeting_id: new.target_meeting_id,
            submitted_at: None,
        },
    )?;
    diesel::update(proposals::table.find(id.0))
        .set(proposals::created_by.eq(new.created_by.0))
        .execute(conn)?;
    super::proposals::set_requested_cases(conn, id, new.cases)?;
    insert_version(conn, id, 1, new.text, actor)?;
    super::search::refresh_proposal(conn, id)?;
    Ok(id)
}

fn insert_version(
    conn: &mut DbConnection,
    id: ProposalId,
    version: i32,
    text: &ProposalText,
    actor: &Actor,
) -> AppResult<()> {
    diesel::insert_into(proposal_versions::table)
        .values((
            proposal_versions::proposal_id.eq(id.0),
            proposal_versions::version.eq(version),
            proposal_versions::title.eq(&text.title),
            proposal_versions::opening.eq(&text.opening),
            proposal_versions::clauses
                .eq(serde_json::to_string(&text.clauses).map_err(AppError::internal)?),
            proposal_versions::motivation.eq(&text.motivation),
            proposal_versions::saved_by.eq(actor.user_id.map(|u| u.0)),
            proposal_versions::saved_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// A saved text of a proposal.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TextVersion {
    pub version: i32,
    pub text: ProposalText,
    pub saved_at: DateTime<Utc>,
}

/// Every version of the text, oldest first.
pub fn versions(conn: &mut DbConnection, id: ProposalId) -> AppResult<Vec<TextVersion>> {
    let rows: Vec<(i32, String, String, String, String, NaiveDateTime)> = proposal_versions::table
        .filter(proposal_versions::proposal_id.eq(id.0))
        .order(proposal_versions::version)
        .select((
            proposal_versions::version,
            proposal_versions::title,
            proposal_versions::opening,
            proposal_versions::clauses,
            proposal_versions::motivation,
            proposal_versions::saved_at,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(version, title, opening, clauses, motivation, saved_at)| {
            Ok(TextVersion {
                version,
                text: ProposalText {
                    title,
                    opening,
                    clauses: serde_json::from_str(&clauses).map_err(AppError::internal)?,
                    motivation,
                },
                saved_at: saved_at.and_utc(),
            })
        })
        .collect()
}

fn latest_version(conn: &mut DbConnection, id: ProposalId) -> AppResult<i32> {
    Ok(proposal_versions::table
        .filter(proposal_versions::proposal_id.eq(id.0))
        .select(diesel::dsl::max(proposal_versions::version))
        .first::<Option<i32>>(conn)?
        .unwrap_or(0))
}

/// Bumps the proposal's version if it is still `expected` and in `status`; otherwise someone
/// else changed it first.
fn claim(
    conn: &mut DbConnection,
    id: ProposalId,
    expected: Option<i32>,
    statuses: &[ProposalStatus],
) -> AppResult<()> {
    let statuses: Vec<&str> = statuses.iter().map(|s| s.as_str()).collect();
    let mut query = diesel::update(proposals::table)
        .filter(proposals::id.eq(id.0))
        .filter(proposals::status.eq_any(statuses))
        .into_boxed();
    if let Some(expected) = expected {
        query = query.filter(proposals::lock_version.eq(expected));
    }
    let changed = query
        .set((
            proposals::lock_version.eq(proposals::lock_version + 1),
            proposals::updated_at.eq(now()),
        ))
        .execute(conn)?;
    if changed == 1 {
        Ok(())
    } else {
        Err(AppError::conflict(STALE))
    }
}

pub struct DraftUpdate<'a> {
    pub organization_id: OrganizationId,
    pub text: &'a ProposalText,
    pub submitting_party_id: Option<OrganizationId>,
    pub cosigners: &'a [PersonId],
    pub target_meeting_id: Option<MeetingId>,
    pub cases: &'a [CaseReference],
}

/// Saves an author's changes to a draft or returned proposal, if nobody saved since
/// `expected_lock`. A changed text becomes a new version.
pub fn update_draft(
    conn: &mut DbConnection,
    actor: &Actor,
    id: ProposalId,
    expected_lock: i32,
    update: &DraftUpdate<'_>,
) -> AppResult<Option<Edited>> {
    let before = super::proposals::get(conn, id)?
        .ok_or_else(|| AppError::not_found("error-the-proposal-does-not-exist"))?;
    claim(
        conn,
        id,
        Some(expected_lock),
        &[ProposalStatus::Draft, ProposalStatus::Returned],
    )?;
    let text = update.text;
    diesel::update(proposals::table.find(id.0))
        .set((
            proposals::organization_id.eq(update.organization_id.0),
            proposals::title.eq(&text.title),
            proposals::opening.eq(&text.opening),
            proposals::motivation.eq(&text.motivation),
            proposals::submitting_party_id.eq(update.submitting_party_id.map(|p| p.0)),
            proposals::target_meeting_id.eq(update.target_meeting_id.map(|m| m.0)),
        ))
        .execute(conn)?;
    diesel::delete(proposal_clauses::table.filter(proposal_clauses::proposal_id.eq(id.0)))
        .execute(conn)?;
    for (index, clause) in text.clauses.iter().enumerate() {
        diesel::insert_into(proposal_clauses::table)
            .values((
                proposal_clauses::proposal_id.eq(id.0),
                proposal_clauses::position.eq(index as i32 + 1),
                proposal_clauses::text.eq(clause),
            ))
            .execute(conn)?;
    }
    diesel::delete(
        proposal_submitters::table
            .filter(proposal_submitters::proposal_id.eq(id.0))
            .filter(proposal_submitters::role.eq(SubmitterRole::Cosigner.as_str())),
    )
    .execute(conn)?;
    let proposer = before
        .submitters
        .iter()
        .find(|s| s.role == SubmitterRole::Proposer)
        .map(|s| s.person_id);
    for (index, person) in update
        .cosigners
        .iter()
        .filter(|p| Some(**p) != proposer)
        .enumerate()
    {
        diesel::insert_into(proposal_submitters::table)
            .values((
                proposal_submitters::proposal_id.eq(id.0),
                proposal_submitters::person_id.eq(person.0),
                proposal_submitters::role.eq(SubmitterRole::Cosigner.as_str()),
                proposal_submitters::position.eq(index as i32 + 2),
            ))
            .execute(conn)?;
    }
    diesel::delete(
        super::schema::proposal_cases::table
            .filter(super::schema::proposal_cases::proposal_id.eq(id.0)),
    )
    .execute(conn)?;
    super::proposals::set_requested_cases(conn, id, update.cases)?;
    let before_text = ProposalText {
        title: before.title.clone(),
        opening: before.opening.clone(),
        clauses: before.clauses.clone(),
        motivation: before.motivation.clone(),
    };
    if &before_text == text {
        return Ok(None);
    }
    let version = latest_version(conn, id)? + 1;
    insert_version(conn, id, version, text, actor)?;
    super::search::refresh_proposal(conn, id)?;
    Ok(Some(Edited {
        before: before_text,
        version,
    }))
}

/// Submits (or resubmits) a proposal; `late` when after the deadline of its target meeting.
pub fn submit(
    conn: &mut DbConnection,
    id: ProposalId,
    expected_lock: i32,
    deadline: Option<DateTime<Utc>>,
    at: DateTime<Utc>,
) -> AppResult<Submitted> {
    let before = super::proposals::get(conn, id)?
        .ok_or_else(|| AppError::not_found("error-the-proposal-does-not-exist"))?;
    let next = before
        .status
        .after(Transition::Submit)
        .map_err(AppError::conflict)?;
    claim(conn, id, Some(expected_lock), &[before.status])?;
    let late = deadline.is_some_and(|d| !crate::domain::deadline::on_time(at, d));
    diesel::update(proposals::table.find(id.0))
        .set((
            proposals::status.eq(next.as_str()),
            proposals::submitted_at.eq(at.naive_utc()),
            proposals::deadline_at.eq(deadline.map(|d| d.naive_utc())),
            proposals::late.eq(late),
        ))
        .execute(conn)?;
    super::search::refresh_proposal(conn, id)?;
    Ok(Submitted {
        step: Step {
            before: before.status,
            after: next,
        },
        late,
        target_meeting_id: before.target_meeting_id,
    })
}

fn record_review(
    conn: &mut DbConnection,
    actor: &Actor,
    id: ProposalId,
    outcome: &str,
    checklist: &serde_json::Value,
    comment: Option<&str>,
) -> AppResult<()> {
    let version = latest_version(conn, id)?;
    diesel::insert_into(proposal_reviews::table)
        .values((
            proposal_reviews::proposal_id.eq(id.0),
            proposal_reviews::version.eq(version),
            proposal_reviews::outcome.eq(outcome),
            proposal_reviews::checklist.eq(checklist.to_string()),
            proposal_reviews::comment.eq(comment),
            proposal_reviews::reviewer_id.eq(actor.user_id.map(|u| u.0)),
            proposal_reviews::reviewed_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// The secretariat sends a submitted proposal back to its authors with a comment.
pub fn return_to_author(
    conn: &mut DbConnection,
    actor: &Actor,
    id: ProposalId,
    checklist: &serde_json::Value,
    comment: &str,
) -> AppResult<Step> {
    let before = super::proposals::get(conn, id)?
        .ok_or_else(|| AppError::not_found("error-the-proposal-does-not-exist"))?;
    let next = before
        .status
        .after(Transition::Return)
        .map_err(AppError::conflict)?;
    claim(conn, id, None, &[before.status])?;
    diesel::update(proposals::table.find(id.0))
        .set(proposals::status.eq(next.as_str()))
        .execute(conn)?;
    record_review(conn, actor, id, "returned", checklist, Some(comment))?;
    super::search::refresh_proposal(conn, id)?;
    Ok(Step {
        before: before.status,
        after: next,
    })
}

/// How a proposal gets its case number on acceptance.
pub struct CaseChoice<'a> {
    /// Assign the next free number of the year from the register.
    pub assign_new: bool,
    /// References typed in (existing cases; created in the register if unknown).
    pub existing: &'a [CaseReference],
}

/// The secretariat accepts a submitted proposal: its cases are linked (a new number assigned
/// when asked for), the review and the audit event recorded. Returns the proposal's cases.
pub fn accept(
    conn: &mut DbConnection,
    actor: &Actor,
    id: ProposalId,
    checklist: &serde_json::Value,
    cases_choice: &CaseChoice<'_>,
    late_reason: Option<&str>,
    today_year: i32,
) -> AppResult<(Step, Vec<CaseReference>)> {
    let before = super::proposals::get(conn, id)?
        .ok_or_else(|| AppError::not_found("error-the-proposal-does-not-exist"))?;
    let next = before
        .status
        .after(Transition::Accept)
        .map_err(AppError::conflict)?;
    claim(conn, id, None, &[before.status])?;
    // What the author asked for joins what the secretariat names; all of it enters the
    // register now, by the secretariat's hand.
    let mut references: Vec<CaseReference> = before.case_references();
    for reference in cases_choice.existing {
        if !references.contains(reference) {
            references.push(*reference);
        }
    }
    if cases_choice.assign_new {
        references.push(assign_reference(conn, before.body_id, today_year)?);
    }
    if references.is_empty() {
        return Err(AppError::invalid("error-the-proposal-must-have-a-case"));
    }
    let mut position = before.cases.len() as i32;
    for reference in &references {
        if before.cases.contains(reference) {
            continue;
        }
        let case = ensure_case(conn, before.body_id, reference, &before.title)?;
        position += 1;
        super::cases::link_proposal(conn, id, case, position)?;
    }
    diesel::update(proposals::table.find(id.0))
        .set((
            proposals::status.eq(next.as_str()),
            proposals::late_reason.eq(late_reason),
            proposals::requested_cases.eq(""),
        ))
        .execute(conn)?;
    record_review(conn, actor, id, "accepted", checklist, None)?;
    super::search::refresh_proposal(conn, id)?;
    Ok((
        Step {
            before: before.status,
            after: next,
        },
        references,
    ))
}

/// The author takes a proposal back before it is accepted.
pub fn withdraw(conn: &mut DbConnection, id: ProposalId) -> AppResult<Step> {
    let before = super::proposals::get(conn, id)?
        .ok_or_else(|| AppError::not_found("error-the-proposal-does-not-exist"))?;
    let next = before
        .status
        .after(Transition::Withdraw)
        .map_err(AppError::conflict)?;
    claim(conn, id, None, &[before.status])?;
    diesel::update(proposals::table.find(id.0))
        .set(proposals::status.eq(next.as_str()))
        .execute(conn)?;
    super::search::refresh_proposal(conn, id)?;
    Ok(Step {
        before: before.status,
        after: next,
    })
}

/// Deletes a draft that was never submitted, with its clauses, authors and cases (the
/// foreign keys cascade). Returns its title, for the audit log.
pub fn delete_draft(conn: &mut DbConnection, id: ProposalId) -> AppResult<String> {
    let before = super::proposals::get(conn, id)?
        .ok_or_else(|| AppError::not_found("error-the-proposal-does-not-exist"))?;
    if !before.status.deletable() {
        return Err(AppError::conflict(
            crate::i18n::Msg::key("error-the-proposal-has-the-status-a")
                .label("arg0", before.status.label_key()),
        ));
    }
    claim(conn, id, None, &[ProposalStatus::Draft])?;
    diesel::delete(proposals::table.find(id.0)).execute(conn)?;
    super::search::refresh_proposal(conn, id)?;
    Ok(before.title)
}

/// The case with this reference, created in the register if it is not there yet.
pub fn ensure_case(
    conn: &mut DbConnection,
    body: BodyId,
    reference: &CaseReference,
    title: &str,
) -> AppResult<CaseId> {
    if let Some(case) = super::cases::by_reference(conn, reference)? {
        return Ok(case.id);
    }
    super::cases::insert(conn, body, reference, title)
}

/// The next free case number of `year` from the register: numbers only go up (none is reused),
/// numbers already taken by typed-in references are skipped, and two acceptances at the same
/// moment get different numbers (the counter row is locked by the update until commit).
pub fn assign_reference(
    conn: &mut DbConnection,
    body: BodyId,
    year: i32,
) -> AppResult<CaseReference> {
    let year_u16 = u16::try_from(year).map_err(|_| AppError::internal("year out of range"))?;
    loop {
        let serial: Option<i64> = diesel::update(
            case_counters::table
                .filter(case_counters::body_id.eq(body.0))
                .filter(case_counters::year.eq(year)),
        )
        .set(case_counters::last_serial.eq(case_counters::last_serial + 1))
        .returning(case_counters::last_serial)
        .get_result(conn)
        .optional()?;
        let Some(serial) = serial else {
            // The year's first number: continue after the highest one already in use.
            let prefix = format!("{year:04}-");
            let used: Vec<String> = cases::table
                .filter(cases::reference_key.like(format!("{prefix}%")))
                .select(cases::reference)
                .load(conn)?;
            let highest = used
                .iter()
                .filter_map(|r| CaseReference::parse(r).ok())
                .map(|r| i64::from(r.serial()))
                .max()
                .unwrap_or(0);
            // In a savepoint: if another transaction created the row first, this insert
            // fails alone and the loop takes the update path.
            let _ = write_transaction(conn, |conn| {
                diesel::insert_into(case_counters::table)
                    .values((
                        case_counters::body_id.eq(body.0),
                        case_counters::year.eq(year),
                        case_counters::last_serial.eq(highest),
                    ))
                    .execute(conn)?;
                Ok(())
            });
            continue;
        };
        let serial =
            u32::try_from(serial).map_err(|_| AppError::internal("serial out of range"))?;
        // New numbers in the municipality's own shape.
        let reference =
            CaseReference::in_shape(year_u16, serial, super::municipality::case_shape(conn)?)
                .ok_or_else(|| {
                    AppError::conflict(
                        crate::i18n::Msg::key("error-the-case-register-for-is-full")
                            .arg("year", year),
                    )
                })?;
        if super::cases::by_reference(conn, &reference)?.is_none() {
            return Ok(reference);
        }
    }
}

/// A proposal in a list.
#[derive(Debug, Clone)]
pub struct Summary {
    pub id: ProposalId,
    pub title: String,
    pub status: ProposalStatus,
    pub organization_name: String,
    pub target_meeting: Option<(MeetingId, DateTime<Utc>)>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub late: bool,
    pub updated_at: DateTime<Utc>,
}

type SummaryRow = (
    i64,
    String,
    String,
    String,
    Option<i64>,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
    bool,
    NaiveDateTime,
);

fn summaries(rows: Vec<SummaryRow>) -> AppResult<Vec<Summary>> {
    rows.into_iter()
        .map(
            |(id, title, status, organization_name, meeting, starts, submitted, late, updated)| {
                Ok(Summary {
                    id: ProposalId(id),
                    title,
                    status: status.parse().map_err(AppError::internal)?,
                    organization_name,
                    target_meeting: meeting
                        .zip(starts)
                        .map(|(m, s)| (MeetingId(m), s.and_utc())),
                    submitted_at: submitted.map(|t| t.and_utc()),
                    late,
                    updated_at: updated.and_utc(),
                })
            },
        )
        .collect()
}

macro_rules! summary_query {
    () => {
        proposals::table
            .inner_join(organizations::table.on(organizations::id.eq(proposals::organization_id)))
            .left_join(meetings::table.on(meetings::id.nullable().eq(proposals::target_meeting_id)))
            .select((
                proposals::id,
                proposals::title,
                proposals::status,
                organizations::name,
                proposals::target_meeting_id,
                meetings::starts_at.nullable(),
                proposals::submitted_at,
                proposals::late,
                proposals::updated_at,
            ))
    };
}

/// The proposals an account drafted or stands behind (as proposer or co-signer), newest first.
pub fn for_author(
    conn: &mut DbConnection,
    user: UserId,
    person: Option<PersonId>,
) -> AppResult<Vec<Summary>> {
    let person = person.map_or(-1, |p| p.0);
    let mine = proposal_submitters::table
        .filter(proposal_submitters::person_id.eq(person))
        .select(proposal_submitters::proposal_id);
    let rows: Vec<SummaryRow> = summary_query!()
        .filter(
            proposals::created_by
                .eq(user.0)
                .or(proposals::id.eq_any(mine)),
        )
        .order(proposals::updated_at.desc())
        .limit(500)
        .load(conn)?;
    summaries(rows)
}

/// One page of the secretariat's inbox: proposals of these statuses, by target meeting then
/// submission, and how many there are.
pub fn by_status(
    conn: &mut DbConnection,
    statuses: &[ProposalStatus],
    offset: i64,
    limit: i64,
) -> AppResult<(Vec<Summary>, i64)> {
    let statuses: Vec<&str> = statuses.iter().map(|s| s.as_str()).collect();
    let total: i64 = proposals::table
        .filter(proposals::status.eq_any(&statuses))
        .count()
        .get_result(conn)?;
    let rows: Vec<SummaryRow> = summary_query!()
        .filter(proposals::status.eq_any(&statuses))
        .order((
            meetings::starts_at.asc(),
            proposals::submitted_at.asc(),
            proposals::id.asc(),
        ))
        .offset(offset)
        .limit(limit)
        .load(conn)?;
    Ok((summaries(rows)?, total))
}

/// One page of the proposals of these statuses, newest first, and how many there are.
pub fn page_by_status(
    conn: &mut DbConnection,
    statuses: &[ProposalStatus],
    offset: i64,
    limit: i64,
) -> AppResult<(Vec<Summary>, i64)> {
    let statuses: Vec<&str> = statuses.iter().map(|s| s.as_str()).collect();
    let total: i64 = proposals::table
        .filter(proposals::status.eq_any(&statuses))
        .count()
        .get_result(conn)?;
    let rows: Vec<SummaryRow> = summary_query!()
        .filter(proposals::status.eq_any(&statuses))
        .order(proposals::id.desc())
        .offset(offset)
        .limit(limit)
        .load(conn)?;
    Ok((summaries(rows)?, total))
}

/// A review as the secretariat recorded it.
#[derive(Debug, Clone)]
pub struct Review {
    pub outcome: String,
    pub comment: Option<String>,
    pub version: i32,
    pub reviewed_at: DateTime<Utc>,
}

pub fn reviews(conn: &mut DbConnection, id: ProposalId) -> AppResult<Vec<Review>> {
    let rows: Vec<(String, Option<String>, i32, NaiveDateTime)> = proposal_reviews::table
        .filter(proposal_reviews::proposal_id.eq(id.0))
        .order((proposal_reviews::reviewed_at, proposal_reviews::id))
        .select((
            proposal_reviews::outcome,
            proposal_reviews::comment,
            proposal_reviews::version,
            proposal_reviews::reviewed_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(outcome, comment, version, at)| Review {
            outcome,
            comment,
            version,
            reviewed_at: at.and_utc(),
        })
        .collect())
}

/// The calendar year in Copenhagen of an instant (a case number's year).
pub fn year_of(at: DateTime<Utc>) -> i32 {
    crate::domain::time::local(at).year()
}
