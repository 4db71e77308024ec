//! Member proposals with their clauses, submitters and cases.

use crate::domain::language::Lang;
use std::collections::HashMap;

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::schema::{
    agenda_version_items, agenda_versions, meetings, organizations, persons, proposal_cases,
    proposal_clauses, proposal_submitters, proposals,
};
use super::{DbConnection, cases, now};
use crate::domain::agenda::ReleasedStanding;
use crate::domain::meeting::MeetingStatus;
use crate::domain::proposal::Transition;
use crate::domain::proposal::{ProposalStatus, SubmitterRole};
use crate::domain::{
    BodyId, CaseId, CaseReference, MeetingId, OrganizationId, PersonId, ProposalId, UserId,
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
    super::search::refresh_proposal(conn, ProposalId(id))?;
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
    /// The cases it is linked to in the register (by the secretariat's acceptance).
    pub cases: Vec<CaseReference>,
    /// Case numbers its author typed, not in the register until the secretariat accepts it.
    pub requested_cases: Vec<CaseReference>,
    pub target_meeting_id: Option<MeetingId>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub late: bool,
    pub lock_version: i32,
    pub created_by: Option<UserId>,
    pub late_reason: Option<String>,
    pub deadline_at: Option<DateTime<Utc>>,
}

impl Proposal {
    /// Its cases and the case numbers asked for, as its author and the secretariat see them.
    pub fn case_references(&self) -> Vec<CaseReference> {
        let mut all = self.cases.clone();
        for r in &self.requested_cases {
            if !all.contains(r) {
                all.push(*r);
            }
        }
        all
    }

    /// "Stillet af Enhedslisten", or the submitters' names when no party stands behind it.
    pub fn submitted_by(&self, lang: Lang) -> Option<String> {
        let names: Vec<String> = self.submitters.iter().map(|s| s.name.clone()).collect();
        crate::domain::proposal::submitted_by_line(
            lang,
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
    Option<i64>,
    Option<String>,
    Option<NaiveDateTime>,
    String,
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
            proposals::created_by,
            proposals::late_reason,
            proposals::deadline_at,
            proposals::requested_cases,
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
        created_by,
        late_reason,
        deadline_at,
        requested_cases,
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
        requested_cases: CaseReference::parse_list(&requested_cases).map_err(AppError::internal)?,
        target_meeting_id: target.map(MeetingId),
        submitted_at: submitted_at.map(|t| t.and_utc()),
        late,
        lock_version,
        created_by: created_by.map(UserId),
        late_reason,
        deadline_at: deadline_at.map(|t| t.and_utc()),
    }))
}

/// The case numbers the author asks for, kept on the proposal (not in the register).
pub fn set_requested_cases(
    conn: &mut DbConnection,
    id: ProposalId,
    references: &[CaseReference],
) -> AppResult<()> {
    let text = references
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    diesel::update(proposals::table.find(id.0))
        .set(proposals::requested_cases.eq(text))
        .execute(conn)?;
    Ok(())
}

/// Moves the proposal one step of its life (`ProposalStatus::after`); a step its status does
/// not allow is refused (409) and nothing is written. Returns the new status.
pub fn step(
    conn: &mut DbConnection,
    id: ProposalId,
    transition: Transition,
) -> AppResult<ProposalStatus> {
    let current: String = proposals::table
        .find(id.0)
        .select(proposals::status)
        .first(conn)?;
    let current: ProposalStatus = current
        .parse()
        .map_err(|_| AppError::internal(format!("proposal {id} has an unknown status")))?;
    let next = current.after(transition).map_err(AppError::conflict)?;
    if next != current {
        diesel::update(proposals::table.find(id.0))
            .set((
                proposals::status.eq(next.as_str()),
                proposals::updated_at.eq(now()),
                proposals::lock_version.eq(proposals::lock_version + 1),
            ))
            .execute(conn)?;
        super::search::refresh_proposal(conn, id)?;
    }
    Ok(next)
}

/// How the proposal stands on the released agendas (never the working one: deleting a closed
/// item or switching it to open must not publish anything before a release says so).
pub fn released_standing(conn: &mut DbConnection, id: ProposalId) -> AppResult<ReleasedStanding> {
    let rows: Vec<(i64, bool)> = agenda_version_items::table
        .filter(agenda_version_items::proposal_id.eq(id.0))
        .select((
            agenda_version_items::agenda_version_id,
            agenda_version_items::public,
        ))
        .load(conn)?;
    Ok(ReleasedStanding::of(rows))
}

/// What a list of proposals shows of each beyond its summary: who submitted it, its cases, and
/// how it stands on the released agendas. Four queries for the whole list, whatever its length.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    pub submitting_party: Option<String>,
    pub submitters: Vec<String>,
    pub cases: Vec<CaseReference>,
    pub standing: ReleasedStanding,
}

impl Listing {
    /// As `is_public` says of the proposal alone.
    pub fn is_public(&self, status: ProposalStatus) -> bool {
        status.is_public() && self.standing.is_open()
    }

    /// "(Stillet af …)" as the proposal's own page writes it.
    pub fn submitted_by(&self, lang: Lang) -> Option<String> {
        crate::domain::proposal::submitted_by_line(
            lang,
            self.submitting_party.as_deref(),
            &self.submitters,
        )
    }
}

pub fn listings(
    conn: &mut DbConnection,
    ids: &[ProposalId],
) -> AppResult<HashMap<ProposalId, Listing>> {
    let raw: Vec<i64> = ids.iter().map(|i| i.0).collect();
    let mut out: HashMap<ProposalId, Listing> =
        ids.iter().map(|i| (*i, Listing::default())).collect();
    let parties: Vec<(i64, String)> = proposals::table
        .inner_join(
            organizations::table.on(organizations::id
                .nullable()
                .eq(proposals::submitting_party_id)),
        )
        .filter(proposals::id.eq_any(&raw))
        .select((proposals::id, organizations::name))
        .load(conn)?;
    for (id, name) in parties {
        out.entry(ProposalId(id)).or_default().submitting_party = Some(name);
    }
    let submitters: Vec<(i64, String)> = proposal_submitters::table
        .inner_join(persons::table)
        .filter(proposal_submitters::proposal_id.eq_any(&raw))
        .order((
            proposal_submitters::proposal_id,
            proposal_submitters::position,
        ))
        .select((proposal_submitters::proposal_id, persons::name))
        .load(conn)?;
    for (id, name) in submitters {
        out.entry(ProposalId(id)).or_default().submitters.push(name);
    }
    let case_rows: Vec<(i64, String)> = proposal_cases::table
        .inner_join(super::schema::cases::table)
        .filter(proposal_cases::proposal_id.eq_any(&raw))
        .order((proposal_cases::proposal_id, proposal_cases::position))
        .select((proposal_cases::proposal_id, super::schema::cases::reference))
        .load(conn)?;
    for (id, reference) in case_rows {
        let reference = CaseReference::parse(&reference).map_err(AppError::internal)?;
        out.entry(ProposalId(id)).or_default().cases.push(reference);
    }
    let released: Vec<(Option<i64>, i64, bool)> = agenda_version_items::table
        .filter(agenda_version_items::proposal_id.eq_any(&raw))
        .select((
            agenda_version_items::proposal_id,
            agenda_version_items::agenda_version_id,
            agenda_version_items::public,
        ))
        .load(conn)?;
    let mut appearances: HashMap<i64, Vec<(i64, bool)>> = HashMap::new();
    for (id, order, public) in released {
        if let Some(id) = id {
            appearances.entry(id).or_default().push((order, public));
        }
    }
    for (id, rows) in appearances {
        out.entry(ProposalId(id)).or_default().standing = ReleasedStanding::of(rows);
    }
    Ok(out)
}

/// Whether the public may read the proposal: its latest release shows it on an open item (and
/// its status says it has been on an agenda). A working agenda decides nothing.
pub fn is_public(conn: &mut DbConnection, proposal: &Proposal) -> AppResult<bool> {
    Ok(proposal.status.is_public() && released_standing(conn, proposal.id)?.is_open())
}

/// A place a proposal or case has on a released agenda (the meeting's latest version).
#[derive(Debug, Clone)]
pub struct AgendaAppearance {
    pub meeting_id: MeetingId,
    pub organization_name: String,
    pub starts_at: DateTime<Utc>,
    pub meeting_status: MeetingStatus,
    pub item_number: String,
    pub public: bool,
}

type ReleasedItemRow = (i64, i32, String, bool);

/// The released agendas the proposal stands on, oldest meeting first.
pub fn appearances(conn: &mut DbConnection, id: ProposalId) -> AppResult<Vec<AgendaAppearance>> {
    let rows: Vec<ReleasedItemRow> = agenda_version_items::table
        .filter(agenda_version_items::proposal_id.eq(id.0))
        .select(RELEASED_ITEM_COLUMNS)
        .load(conn)?;
    latest_appearances(conn, rows)
}

/// The released agendas the case stands on, directly or through one of its proposals.
pub fn case_appearances(conn: &mut DbConnection, case: CaseId) -> AppResult<Vec<AgendaAppearance>> {
    let proposal_ids = proposal_cases::table
        .filter(proposal_cases::case_id.eq(case.0))
        .select(proposal_cases::proposal_id.nullable());
    let rows: Vec<ReleasedItemRow> = agenda_version_items::table
        .filter(
            agenda_version_items::case_id
                .eq(case.0)
                .or(agenda_version_items::proposal_id.eq_any(proposal_ids)),
        )
        .select(RELEASED_ITEM_COLUMNS)
        .load(conn)?;
    latest_appearances(conn, rows)
}

const RELEASED_ITEM_COLUMNS: (
    agenda_version_items::meeting_id,
    agenda_version_items::version,
    agenda_version_items::number,
    agenda_version_items::public,
) = (
    agenda_version_items::meeting_id,
    agenda_version_items::version,
    agenda_version_items::number,
    agenda_version_items::public,
);

/// Keeps the rows of each meeting's latest released version: an item taken off in a later
/// version no longer counts.
fn latest_appearances(
    conn: &mut DbConnection,
    rows: Vec<ReleasedItemRow>,
) -> AppResult<Vec<AgendaAppearance>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let mut meeting_ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    meeting_ids.sort_unstable();
    meeting_ids.dedup();
    let latest: HashMap<i64, Option<i32>> = agenda_versions::table
        .filter(agenda_versions::meeting_id.eq_any(&meeting_ids))
        .group_by(agenda_versions::meeting_id)
        .select((
            agenda_versions::meeting_id,
            diesel::dsl::max(agenda_versions::version),
        ))
        .load::<(i64, Option<i32>)>(conn)?
        .into_iter()
        .collect();
    let meetings: HashMap<i64, (String, NaiveDateTime, String)> = meetings::table
        .inner_join(organizations::table)
        .filter(meetings::id.eq_any(&meeting_ids))
        .select((
            meetings::id,
            (organizations::name, meetings::starts_at, meetings::status),
        ))
        .load::<(i64, (String, NaiveDateTime, String))>(conn)?
        .into_iter()
        .collect();
    let mut out = Vec::new();
    for (meeting, version, item_number, public) in rows {
        if latest.get(&meeting).copied().flatten() != Some(version) {
            continue;
        }
        let Some((organization_name, starts_at, status)) = meetings.get(&meeting) else {
            continue;
        };
        out.push(AgendaAppearance {
            meeting_id: MeetingId(meeting),
            organization_name: organization_name.clone(),
            starts_at: starts_at.and_utc(),
            meeting_status: status.parse().map_err(AppError::internal)?,
            item_number,
            public,
        });
    }
    out.sort_by(|a, b| (a.starts_at, &a.item_number).cmp(&(b.starts_at, &b.item_number)));
    Ok(out)
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
