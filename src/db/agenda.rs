//! The working agenda of a meeting and its released, frozen versions.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::schema::{agenda_items, agenda_version_items, agenda_versions, meetings};
use super::{DbConnection, cases, meetings as meeting_repo, now, proposals, write_transaction};
use crate::domain::agenda::{
    AgendaItemKind, AgendaSnapshot, ReleasedAgenda, SnapshotItem, SnapshotMeeting,
    SnapshotProposal, check_items,
};
use crate::domain::meeting::MeetingStatus;
use crate::domain::proposal::ProposalStatus;
use crate::domain::{AgendaItemId, CaseId, MeetingId, ProposalId};
use crate::error::{AppError, AppResult};

pub struct NewAgendaItem<'a> {
    pub meeting_id: MeetingId,
    pub number: &'a str,
    pub title: &'a str,
    pub kind: AgendaItemKind,
    pub public: bool,
    pub proposal_id: Option<ProposalId>,
    pub case_id: Option<CaseId>,
    pub body: Option<&'a str>,
}

/// Adds an item at the end of the working agenda.
pub fn append_item(conn: &mut DbConnection, new: &NewAgendaItem) -> AppResult<AgendaItemId> {
    let last: Option<i32> = agenda_items::table
        .filter(agenda_items::meeting_id.eq(new.meeting_id.0))
        .select(diesel::dsl::max(agenda_items::position))
        .first(conn)?;
    let at = now();
    let id = diesel::insert_into(agenda_items::table)
        .values((
            agenda_items::meeting_id.eq(new.meeting_id.0),
            agenda_items::position.eq(last.unwrap_or(0) + 1),
            agenda_items::number.eq(new.number),
            agenda_items::title.eq(new.title),
            agenda_items::kind.eq(new.kind.as_str()),
            agenda_items::public.eq(new.public),
            agenda_items::proposal_id.eq(new.proposal_id.map(|p| p.0)),
            agenda_items::case_id.eq(new.case_id.map(|c| c.0)),
            agenda_items::body.eq(new.body),
            agenda_items::created_at.eq(at),
            agenda_items::updated_at.eq(at),
        ))
        .returning(agenda_items::id)
        .get_result(conn)?;
    Ok(AgendaItemId(id))
}

type ItemRow = (
    i64,
    String,
    String,
    String,
    bool,
    Option<i64>,
    Option<i64>,
    Option<String>,
);

/// Freezes what the working agenda shows now: the items in order with the text of their
/// proposals and their case references.
pub fn build_snapshot(conn: &mut DbConnection, meeting_id: MeetingId) -> AppResult<AgendaSnapshot> {
    let meeting = meeting_repo::get(conn, meeting_id)?
        .ok_or_else(|| AppError::not_found("Mødet findes ikke."))?;
    let rows: Vec<ItemRow> = agenda_items::table
        .filter(agenda_items::meeting_id.eq(meeting_id.0))
        .order(agenda_items::position)
        .select((
            agenda_items::id,
            agenda_items::number,
            agenda_items::title,
            agenda_items::kind,
            agenda_items::public,
            agenda_items::proposal_id,
            agenda_items::case_id,
            agenda_items::body,
        ))
        .load(conn)?;
    let mut items = Vec::with_capacity(rows.len());
    for (id, number, title, kind, public, proposal_id, case_id, body) in rows {
        let mut case_references = Vec::new();
        let proposal = match proposal_id {
            Some(pid) => {
                let p = proposals::get(conn, ProposalId(pid))?
                    .ok_or_else(|| AppError::internal(MissingRow("proposal", pid)))?;
                case_references.extend(p.cases.iter().copied());
                Some(SnapshotProposal {
                    id: p.id,
                    opening: p.opening.clone(),
                    clauses: p.clauses.clone(),
                    submitted_by: p.submitted_by(),
                    motivation: p.motivation.clone(),
                })
            }
            None => None,
        };
        if let Some(cid) = case_id {
            let reference = cases::reference_of(conn, CaseId(cid))?;
            if !case_references.contains(&reference) {
                case_references.push(reference);
            }
        }
        items.push(SnapshotItem {
            id: AgendaItemId(id),
            number,
            title,
            kind: kind.parse().map_err(AppError::internal)?,
            public,
            case_references,
            proposal,
            body,
        });
    }
    Ok(AgendaSnapshot {
        meeting: SnapshotMeeting {
            id: meeting.id,
            organization_id: meeting.organization_id,
            organization_name: meeting.organization_name,
            kind: meeting.kind,
            starts_at: meeting.starts_at,
            location: meeting.location,
        },
        items,
    })
}

#[derive(Debug)]
struct MissingRow(&'static str, i64);

impl std::fmt::Display for MissingRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} referred to but missing", self.0, self.1)
    }
}

impl std::error::Error for MissingRow {}

/// Releases the working agenda as the next immutable version, all or nothing: the snapshot is
/// stored, the meeting is marked released and its proposals are on the agenda.
pub fn release(
    conn: &mut DbConnection,
    meeting_id: MeetingId,
    released_at: DateTime<Utc>,
    late_reason: Option<&str>,
) -> AppResult<u32> {
    write_transaction(conn, |conn| {
        let snapshot = build_snapshot(conn, meeting_id)?;
        check_items(&snapshot.items).map_err(|e| AppError::bad_request(e.to_string()))?;
        let last: Option<i32> = agenda_versions::table
            .filter(agenda_versions::meeting_id.eq(meeting_id.0))
            .select(diesel::dsl::max(agenda_versions::version))
            .first(conn)?;
        let version = last.unwrap_or(0) + 1;
        let json = serde_json::to_string(&snapshot).map_err(AppError::internal)?;
        let version_id: i64 = diesel::insert_into(agenda_versions::table)
            .values((
                agenda_versions::meeting_id.eq(meeting_id.0),
                agenda_versions::version.eq(version),
                agenda_versions::released_at.eq(released_at.naive_utc()),
                agenda_versions::late_reason.eq(late_reason),
                agenda_versions::snapshot.eq(json),
            ))
            .returning(agenda_versions::id)
            .get_result(conn)?;
        let case_of_item: std::collections::HashMap<i64, Option<i64>> = agenda_items::table
            .filter(agenda_items::meeting_id.eq(meeting_id.0))
            .select((agenda_items::id, agenda_items::case_id))
            .load(conn)?
            .into_iter()
            .collect();
        for (position, item) in snapshot.items.iter().enumerate() {
            diesel::insert_into(agenda_version_items::table)
                .values((
                    agenda_version_items::agenda_version_id.eq(version_id),
                    agenda_version_items::meeting_id.eq(meeting_id.0),
                    agenda_version_items::version.eq(version),
                    agenda_version_items::position.eq(position as i32 + 1),
                    agenda_version_items::number.eq(&item.number),
                    agenda_version_items::public.eq(item.public),
                    agenda_version_items::proposal_id.eq(item.proposal.as_ref().map(|p| p.id.0)),
                    agenda_version_items::case_id
                        .eq(case_of_item.get(&item.id.0).copied().flatten()),
                ))
                .execute(conn)?;
        }
        meeting_repo::set_status(conn, meeting_id, MeetingStatus::AgendaReleased)?;
        for item in &snapshot.items {
            if let Some(p) = &item.proposal {
                proposals::set_status(conn, p.id, ProposalStatus::OnAgenda)?;
            }
        }
        Ok(version as u32)
    })
}

/// What the public page of a meeting depends on. Cheap to read, so a cached page can be checked
/// against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReleaseState {
    Missing,
    Unreleased,
    Released {
        version: u32,
        meeting_updated_at: NaiveDateTime,
    },
}

pub fn release_state(conn: &mut DbConnection, meeting_id: MeetingId) -> AppResult<ReleaseState> {
    let meeting: Option<NaiveDateTime> = meetings::table
        .find(meeting_id.0)
        .select(meetings::updated_at)
        .first(conn)
        .optional()?;
    let Some(meeting_updated_at) = meeting else {
        return Ok(ReleaseState::Missing);
    };
    let version: Option<i32> = agenda_versions::table
        .filter(agenda_versions::meeting_id.eq(meeting_id.0))
        .select(diesel::dsl::max(agenda_versions::version))
        .first(conn)?;
    Ok(match version {
        Some(v) => ReleaseState::Released {
            version: v as u32,
            meeting_updated_at,
        },
        None => ReleaseState::Unreleased,
    })
}

/// A released version of a meeting's agenda: the given one, or the latest.
pub fn released(
    conn: &mut DbConnection,
    meeting_id: MeetingId,
    version: Option<u32>,
) -> AppResult<Option<ReleasedAgenda>> {
    let mut query = agenda_versions::table
        .filter(agenda_versions::meeting_id.eq(meeting_id.0))
        .select((
            agenda_versions::version,
            agenda_versions::released_at,
            agenda_versions::snapshot,
        ))
        .order(agenda_versions::version.desc())
        .into_boxed();
    if let Some(v) = version {
        query = query.filter(agenda_versions::version.eq(v as i32));
    }
    let row: Option<(i32, NaiveDateTime, String)> = query.first(conn).optional()?;
    row.map(|(version, released_at, snapshot)| {
        Ok(ReleasedAgenda {
            version: version as u32,
            released_at: released_at.and_utc(),
            snapshot: serde_json::from_str(&snapshot).map_err(AppError::internal)?,
        })
    })
    .transpose()
}
