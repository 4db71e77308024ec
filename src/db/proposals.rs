//! Member proposals with their clauses, submitters and cases.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::schema::{
    agenda_items, meetings, organizations, persons, proposal_cases, proposal_clauses,
    proposal_submitters, proposals,
};
use super::{DbConnection, cases, now};
use crate::domain::meeting::MeetingStatus;
use crate::domain::proposal::{ProposalStatus, SubmitterRole};
use crate::domain::{
    BodyId, CaseId, CaseReference, MeetingId, OrganizationId, PersonId, ProposalId,
};
use crate::error::{AppError, AppResult};

pub struct NewProposal<'a> {
    pub body_id: BodyId,
    /// The council or committee the proposal is put to.
    pub organization_id: OrganizationId,
    pub title: &'a str,
    pub opening: &'a str,
    pub clauses: &'a [String],
    pub motivation: &'a str,
    pub status: ProposalStatus,
    pub submitting_party_id: Option<OrganizationId>,
    pub submitters: &'a [(PersonId, SubmitterRole)],
    pub cases: &'a [CaseId],
    pub target_meeting_id: Option<MeetingId>,
    pub submitted_at: Option<DateTime<Utc>>,
}

pub fn insert(conn: &mut DbConnection, new: &NewProposal) -> AppResult<ProposalId> {
    let at = now();
    let id: i64 = diesel::insert_into(proposals::table)
        .values((
            proposals::body_id.eq(new.body_id.0),
            proposals::organization_id.eq(new.organization_id.0),
            proposals::title.eq(new.title),
            proposals::opening.eq(new.opening),
            proposals::motivation.eq(new.motivation),
            proposals::status.eq(new.status.as_str()),
            proposals::submitting_party_id.eq(new.submitting_party_id.map(|p| p.0)),
            proposals::target_meeting_id.eq(new.target_meeting_id.map(|m| m.0)),
            proposals::submitted_at.eq(new.submitted_at.map(|t| t.naive_utc())),
            proposals::created_at.eq(at),
            proposals::updated_at.eq(at),
        ))
        .returning(proposals::id)
        .get_result(conn)?;
    for (index, text) in new.clauses.iter().enumerate() {
        diesel::insert_into(proposal_clauses::table)
            .values((
                proposal_clauses::proposal_id.eq(id),
                proposal_clauses::position.eq(index as i32 + 1),
                proposal_clauses::text.eq(text),
            ))
            .execute(conn)?;
    }
    for (index, (person, role)) in new.submitters.iter().enumerate() {
        diesel::insert_into(proposal_submitters::table)
            .values((
                proposal_submitters::proposal_id.eq(id),
                proposal_submitters::person_id.eq(person.0),
                proposal_submitters::role.eq(role.as_str()),
                proposal_submitters::position.eq(index as i32 + 1),
            ))
            .execute(conn)?;
    }
    for (index, case) in new.cases.iter().enumerate() {
        cases::link_proposal(conn, ProposalId(id), *case, index as i32 + 1)?;
    }
    Ok(ProposalId(id))
}

#[derive(Debug, Clone)]
pub struct Submitter {
    pub person_id: PersonId,
    pub name: String,
    pub role: SubmitterRole,
}

#[derive(Debug, Clone)]
pub struct Proposal {
    pub id: ProposalId,
    pub body_id: BodyId,
    pub organization_id: OrganizationId,
    pub organization_name: String,
    pub title: String,
    pub opening: String,
    pub clauses: Vec<String>,
    pub motivation: String,
    pub status: ProposalStatus,
    pub submitting_party: Option<(OrganizationId, String)>,
    pub submitters: Vec<Submitter>,
    pub cases: Vec<CaseReference>,
    pub target_meeting_id: Option<MeetingId>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub late: bool,
    pub lock_version: i32,
}

impl Proposal {
    /// "Stillet af Enhedslisten", or the submitters' names when no party stands behind it.
    pub fn submitted_by(&self) -> Option<String> {
        let names: Vec<String> = self.submitters.iter().map(|s| s.name.clone()).collect();
        crate::domain::proposal::submitted_by_line(
            self.submitting_party
                .as_ref()
                .map(|(_, name)| name.as_str()),
            &names,
        )
    }
}

type ProposalRow = (
    i64,
    i64,
    i64,
    String,
    String,
    String,
    String,
    Option<i64>,
    Option<i64>,
    Option<NaiveDateTime>,
    bool,
    i32,
);

pub fn get(conn: &mut DbConnection, id: ProposalId) -> AppResult<Option<Proposal>> {
    let row: Option<ProposalRow> = proposals::table
        .find(id.0)
        .select((
            proposals::id,
            proposals::body_id,
            proposals::organization_id,
            proposals::title,
            proposals::opening,
            proposals::motivation,
            proposals::status,
            proposals::submitting_party_id,
            proposals::target_meeting_id,
            proposals::submitted_at,
            proposals::late,
            proposals::lock_version,
        ))
        .first(conn)
        .optional()?;
    let Some((
        id,
        body_id,
        organization_id,
        title,
        opening,
        motivation,
        status,
        party_id,
        target,
        submitted_at,
        late,
        lock_version,
    )) = row
    else {
        return Ok(None);
    };
    let organization_name: String = organizations::table
        .find(organization_id)
        .select(organizations::name)
        .first(conn)?;
    let submitting_party = match party_id {
        Some(pid) => {
            let name: String = organizations::table
                .find(pid)
                .select(organizations::name)
                .first(conn)?;
            Some((OrganizationId(pid), name))
        }
        None => None,
    };
    let clauses: Vec<String> = proposal_clauses::table
        .filter(proposal_clauses::proposal_id.eq(id))
        .order(proposal_clauses::position)
        .select(proposal_clauses::text)
        .load(conn)?;
    let submitters = proposal_submitters::table
        .inner_join(persons::table)
        .filter(proposal_submitters::proposal_id.eq(id))
        .order(proposal_submitters::position)
        .select((persons::id, persons::name, proposal_submitters::role))
        .load::<(i64, String, String)>(conn)?
        .into_iter()
        .map(|(person, name, role)| {
            Ok(Submitter {
                person_id: PersonId(person),
                name,
                role: role.parse().map_err(AppError::internal)?,
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    let cases = cases::references_of_proposal(conn, ProposalId(id))?;
    Ok(Some(Proposal {
        id: ProposalId(id),
        body_id: BodyId(body_id),
        organization_id: OrganizationId(organization_id),
        organization_name,
        title,
        opening,
        clauses,
        motivation,
        status: status.parse().map_err(AppError::internal)?,
        submitting_party,
        submitters,
        cases,
        target_meeting_id: target.map(MeetingId),
        submitted_at: submitted_at.map(|t| t.and_utc()),
        late,
        lock_version,
    }))
}

pub fn set_status(
    conn: &mut DbConnection,
    id: ProposalId,
    status: ProposalStatus,
) -> AppResult<()> {
    diesel::update(proposals::table.find(id.0))
        .set((
            proposals::status.eq(status.as_str()),
            proposals::updated_at.eq(now()),
            proposals::lock_version.eq(proposals::lock_version + 1),
        ))
        .execute(conn)?;
    Ok(())
}

/// Whether the proposal stands on a closed agenda item: then its content is confidential.
pub fn on_closed_item(conn: &mut DbConnection, id: ProposalId) -> AppResult<bool> {
    let count: i64 = agenda_items::table
        .filter(agenda_items::proposal_id.eq(id.0))
        .filter(agenda_items::public.eq(false))
        .count()
        .get_result(conn)?;
    Ok(count > 0)
}

/// Whether the public may read the proposal: it is on a released agenda and not behind a
/// closed item.
pub fn is_public(conn: &mut DbConnection, proposal: &Proposal) -> AppResult<bool> {
    Ok(proposal.status.is_public() && !on_closed_item(conn, proposal.id)?)
}

/// A place a proposal or case has had on an agenda.
#[derive(Debug, Clone)]
pub struct AgendaAppearance {
    pub meeting_id: MeetingId,
    pub organization_name: String,
    pub starts_at: DateTime<Utc>,
    pub meeting_status: MeetingStatus,
    pub item_number: String,
    pub public: bool,
}

/// Agenda items referring to the proposal, oldest meeting first.
pub fn appearances(conn: &mut DbConnection, id: ProposalId) -> AppResult<Vec<AgendaAppearance>> {
    let items: Vec<i64> = agenda_items::table
        .filter(agenda_items::proposal_id.eq(id.0))
        .select(agenda_items::id)
        .load(conn)?;
    load_appearances(conn, items)
}

/// Agenda items referring to the case directly or through one of its proposals.
pub fn case_appearances(conn: &mut DbConnection, case: CaseId) -> AppResult<Vec<AgendaAppearance>> {
    let proposal_ids = proposal_cases::table
        .filter(proposal_cases::case_id.eq(case.0))
        .select(proposal_cases::proposal_id);
    let items: Vec<i64> = agenda_items::table
        .filter(
            agenda_items::case_id
                .eq(case.0)
                .or(agenda_items::proposal_id.eq_any(proposal_ids.nullable())),
        )
        .select(agenda_items::id)
        .load(conn)?;
    load_appearances(conn, items)
}

fn load_appearances(conn: &mut DbConnection, items: Vec<i64>) -> AppResult<Vec<AgendaAppearance>> {
    if items.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<(i64, String, NaiveDateTime, String, String, bool)> = agenda_items::table
        .inner_join(meetings::table.inner_join(organizations::table))
        .filter(agenda_items::id.eq_any(items))
        .order((meetings::starts_at, agenda_items::position))
        .select((
            meetings::id,
            organizations::name,
            meetings::starts_at,
            meetings::status,
            agenda_items::number,
            agenda_items::public,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(
            |(meeting, organization_name, starts_at, status, item_number, public)| {
                Ok(AgendaAppearance {
                    meeting_id: MeetingId(meeting),
                    organization_name,
                    starts_at: starts_at.and_utc(),
                    meeting_status: status.parse().map_err(AppError::internal)?,
                    item_number,
                    public,
                })
            },
        )
        .collect()
}

/// Proposals linked to a case, in the order they were created.
pub fn for_case(conn: &mut DbConnection, case: CaseId) -> AppResult<Vec<Proposal>> {
    let ids: Vec<i64> = proposal_cases::table
        .inner_join(proposals::table)
        .filter(proposal_cases::case_id.eq(case.0))
        .order(proposals::id)
        .select(proposals::id)
        .load(conn)?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(p) = get(conn, ProposalId(id))? {
            out.push(p);
        }
    }
    Ok(out)
}
