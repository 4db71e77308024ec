//! Decisions on agenda items and attendance at meetings.
//!
//! A decision is recorded on an item of the meeting's latest released agenda, against the text
//! that was released (the clauses the members had in front of them).

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::agenda::released;
use super::meetings as meeting_repo;
use super::organizations::{self as orgs, Organization};
use super::schema::{decisions, meeting_attendance, meetings, persons, proposals};
use super::{DbConnection, now};
use crate::domain::agenda::SnapshotItem;
use crate::domain::decision::{Decision, Outcome};
use crate::domain::meeting::MeetingEvent;
use crate::domain::meeting::{AttendanceStatus, MeetingStatus};
use crate::domain::organization::OrganizationKind;
use crate::domain::proposal::Transition;
use crate::domain::time::local;
use crate::domain::{
    AgendaItemId, BodyId, DecisionId, MeetingId, OrganizationId, PersonId, UserId,
};
use crate::error::{AppError, AppResult};

/// An item of a released agenda, as the decision needs it.
#[derive(Debug, Clone)]
pub struct DecidedItem {
    pub item: SnapshotItem,
    pub meeting_id: MeetingId,
    pub meeting_starts_at: DateTime<Utc>,
    pub meeting_status: MeetingStatus,
    pub organization_id: OrganizationId,
    pub organization_name: String,
    pub body_id: BodyId,
}

impl DecidedItem {
    /// The day of the meeting in Copenhagen: deadlines are read from it.
    pub fn meeting_day(&self) -> NaiveDate {
        local(self.meeting_starts_at).date_naive()
    }

    pub fn clauses(&self) -> &[String] {
        self.item
            .proposal
            .as_ref()
            .map_or(&[][..], |p| p.clauses.as_slice())
    }
}

/// The item as released, or `None` when there is no such item on a released agenda.
pub fn decided_item(
    conn: &mut DbConnection,
    item_id: AgendaItemId,
) -> AppResult<Option<DecidedItem>> {
    use super::schema::agenda_items;
    let meeting_id: Option<i64> = agenda_items::table
        .find(item_id.0)
        .select(agenda_items::meeting_id)
        .first(conn)
        .optional()?;
    let Some(meeting_id) = meeting_id.map(MeetingId) else {
        return Ok(None);
    };
    let Some(agenda) = released(conn, meeting_id, None)? else {
        return Ok(None);
    };
    let Some(item) = agenda.snapshot.items.into_iter().find(|i| i.id == item_id) else {
        return Ok(None);
    };
    let meeting = meeting_repo::get(conn, meeting_id)?
        .ok_or_else(|| AppError::not_found("error-the-meeting-does-not-exist"))?;
    let body_id: i64 = super::schema::organizations::table
        .find(meeting.organization_id.0)
        .select(super::schema::organizations::body_id)
        .first(conn)?;
    Ok(Some(DecidedItem {
        item,
        meeting_id,
        meeting_starts_at: meeting.starts_at,
        meeting_status: meeting.status,
        organization_id: meeting.organization_id,
        organization_name: meeting.organization_name,
        body_id: BodyId(body_id),
    }))
}

/// One person's attendance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendance {
    pub person_id: PersonId,
    pub name: String,
    pub status: AttendanceStatus,
    pub substitute_for: Option<PersonId>,
}

/// The attendance recorded for a meeting, by name.
pub fn attendance(conn: &mut DbConnection, meeting: MeetingId) -> AppResult<Vec<Attendance>> {
    let rows: Vec<(i64, String, String, Option<i64>)> = meeting_attendance::table
        .inner_join(persons::table)
        .filter(meeting_attendance::meeting_id.eq(meeting.0))
        .select((
            persons::id,
            persons::name,
            meeting_attendance::status,
            meeting_attendance::substitute_for,
        ))
        .order(persons::name)
        .load(conn)?;
    rows.into_iter()
        .map(|(id, name, status, substitute_for)| {
            Ok(Attendance {
                person_id: PersonId(id),
                name,
                status: status.parse().map_err(AppError::internal)?,
                substitute_for: substitute_for.map(PersonId),
            })
        })
        .collect()
}

/// How many take part (present members and substitutes), when attendance has been recorded.
pub fn present_count(conn: &mut DbConnection, meeting: MeetingId) -> AppResult<Option<u32>> {
    let all = attendance(conn, meeting)?;
    if all.is_empty() {
        return Ok(None);
    }
    Ok(Some(
        all.iter()
            .filter(|a| a.status != AttendanceStatus::Absent)
            .count() as u32,
    ))
}

/// Attendance as the secretariat enters it: each member of the body present or absent, and
/// substitutes for absent members.
#[derive(Debug, Clone)]
pub struct AttendanceEntry {
    pub person_id: PersonId,
    pub status: AttendanceStatus,
    pub substitute_for: Option<PersonId>,
}

/// Replaces the meeting's attendance. A substitute must stand in for a member recorded absent,
/// one substitute each.
pub fn set_attendance(
    conn: &mut DbConnection,
    meeting: MeetingId,
    entries: &[AttendanceEntry],
) -> AppResult<()> {
    let mut replaced = Vec::new();
    for entry in entries {
        match (entry.status, entry.substitute_for) {
            (AttendanceStatus::Substitute, Some(absent)) => {
                let is_absent = entries
                    .iter()
                    .any(|e| e.person_id == absent && e.status == AttendanceStatus::Absent);
                if !is_absent {
                    return Err(AppError::invalid("error-a-substitute-can-only-attend-for"));
                }
                if replaced.contains(&absent) {
                    return Err(AppError::invalid("error-an-absent-member-can-only-have"));
                }
                replaced.push(absent);
            }
            (AttendanceStatus::Substitute, None) => {
                return Err(AppError::invalid(
                    "error-say-whom-the-substitute-attends-for",
                ));
            }
            (_, Some(_)) => {
                return Err(AppError::invalid(
                    "error-only-a-substitute-attends-for-another",
                ));
            }
            _ => {}
        }
    }
    let mut seen = Vec::new();
    for entry in entries {
        if seen.contains(&entry.person_id) {
            return Err(AppError::invalid("error-the-same-person-appears-twice-in"));
        }
        seen.push(entry.person_id);
    }
    diesel::delete(meeting_attendance::table.filter(meeting_attendance::meeting_id.eq(meeting.0)))
        .execute(conn)?;
    for entry in entries {
        diesel::insert_into(meeting_attendance::table)
            .values((
                meeting_attendance::meeting_id.eq(meeting.0),
                meeting_attendance::person_id.eq(entry.person_id.0),
                meeting_attendance::status.eq(entry.status.as_str()),
                meeting_attendance::substitute_for.eq(entry.substitute_for.map(|p| p.0)),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// A recorded decision.
#[derive(Debug, Clone)]
pub struct StoredDecision {
    pub id: DecisionId,
    pub agenda_item_id: AgendaItemId,
    pub meeting_id: MeetingId,
    pub decision: Decision,
    pub referred_to: Option<OrganizationId>,
    pub text: String,
    pub text_edited: bool,
    pub recorded_at: DateTime<Utc>,
}

type DecisionRow = (
    i64,
    i64,
    i64,
    String,
    Option<i64>,
    String,
    bool,
    NaiveDateTime,
);

fn stored(row: DecisionRow) -> AppResult<StoredDecision> {
    let (id, item, meeting, data, referred_to, text, text_edited, recorded_at) = row;
    Ok(StoredDecision {
        id: DecisionId(id),
        agenda_item_id: AgendaItemId(item),
        meeting_id: MeetingId(meeting),
        decision: serde_json::from_str(&data).map_err(AppError::internal)?,
        referred_to: referred_to.map(OrganizationId),
        text,
        text_edited,
        recorded_at: recorded_at.and_utc(),
    })
}

macro_rules! decision_columns {
    () => {
        (
            decisions::id,
            decisions::agenda_item_id,
            decisions::meeting_id,
            decisions::data,
            decisions::referred_to_id,
            decisions::text,
            decisions::text_edited,
            decisions::recorded_at,
        )
    };
}

pub fn decision_of(
    conn: &mut DbConnection,
    item: AgendaItemId,
) -> AppResult<Option<StoredDecision>> {
    let row: Option<DecisionRow> = decisions::table
        .filter(decisions::agenda_item_id.eq(item.0))
        .select(decision_columns!())
        .first(conn)
        .optional()?;
    row.map(stored).transpose()
}

/// The decisions on a proposal, at every meeting it was on, oldest first.
pub fn of_proposal(
    conn: &mut DbConnection,
    proposal: crate::domain::ProposalId,
) -> AppResult<Vec<StoredDecision>> {
    use super::schema::agenda_items;
    let rows: Vec<DecisionRow> = decisions::table
        .inner_join(agenda_items::table)
        .filter(agenda_items::proposal_id.eq(proposal.0))
        .select(decision_columns!())
        .order(decisions::recorded_at)
        .load(conn)?;
    rows.into_iter().map(stored).collect()
}

/// A decision to record: what the domain checks, plus the committees by id.
#[derive(Debug, Clone)]
pub struct RecordDecision {
    pub item: AgendaItemId,
    pub decision: Decision,
    pub referred_to: Option<OrganizationId>,
    pub consulted: Vec<OrganizationId>,
    /// The secretariat's own wording; `None` = Agendum writes it.
    pub text: Option<String>,
    pub by: Option<UserId>,
}

/// The council or committee `id` of the same body, for a referral.
fn committee(conn: &mut DbConnection, body: BodyId, id: OrganizationId) -> AppResult<Organization> {
    orgs::list(conn)?
        .into_iter()
        .find(|o| o.id == id && o.body_id == body && o.kind.holds_meetings())
        .ok_or_else(|| AppError::invalid("error-the-chosen-committee-does-not-exist"))
}

/// The next meeting of `organization` after `after` that is still planned or released.
fn next_meeting(
    conn: &mut DbConnection,
    organization: OrganizationId,
    after: DateTime<Utc>,
) -> AppResult<Option<MeetingId>> {
    Ok(meetings::table
        .filter(meetings::organization_id.eq(organization.0))
        .filter(meetings::starts_at.gt(after.naive_utc()))
        .filter(meetings::status.eq_any(["planned", "agenda_released"]))
        .order(meetings::starts_at)
        .select(meetings::id)
        .first::<i64>(conn)
        .optional()?
        .map(MeetingId))
}

/// Records (or corrects) the decision on an item, in one transaction with its effects: the
/// meeting counts as held, a decided proposal is marked so, a referred one goes to the
/// committee's next meeting, a postponed one back to its body's list for a later meeting.
pub fn record(conn: &mut DbConnection, request: &RecordDecision) -> AppResult<StoredDecision> {
    let item = decided_item(conn, request.item)?
        .ok_or_else(|| AppError::not_found("error-the-item-is-not-on-a"))?;
    if matches!(
        item.meeting_status,
        MeetingStatus::Cancelled | MeetingStatus::Planned
    ) {
        return Err(AppError::invalid("error-decisions-can-only-be-made-at"));
    }
    if item.meeting_starts_at > chrono::Utc::now() {
        return Err(AppError::invalid("error-the-meeting-has-not-begun-yet"));
    }
    if item.meeting_status == MeetingStatus::MinutesPublished {
        return Err(AppError::conflict(
            "error-the-minutes-have-been-approved-and",
        ));
    }
    let mut decision = request.decision.clone();
    let outcome = decision.outcome;
    // Names for the text; ids are what is kept.
    decision.referred_to = match request.referred_to {
        Some(id) if id == item.organization_id => {
            return Err(AppError::invalid("error-an-item-is-referred-to-a"));
        }
        Some(id) => Some(committee(conn, item.body_id, id)?.name),
        None => None,
    };
    decision.consulted = request
        .consulted
        .iter()
        .map(|id| committee(conn, item.body_id, *id).map(|o| o.name))
        .collect::<AppResult<_>>()?;
    let present = present_count(conn, item.meeting_id)?;
    decision
        .check(item.clauses().len() as u32, present)
        .map_err(|e| AppError::invalid(e.message))?;
    // Tasks already sent from adopted clauses bind the decision: a correction may not undo them.
    let tasked: Vec<i32> = super::schema::tasks::table
        .filter(super::schema::tasks::agenda_item_id.eq(request.item.0))
        .select(super::schema::tasks::clause)
        .distinct()
        .load(conn)?;
    let adopted = decision.adopted_clauses(item.clauses().len() as u32);
    if let Some(clause) = tasked.iter().find(|c| !adopted.contains(&(**c as u32))) {
        return Err(AppError::conflict(
            crate::i18n::Msg::key("error-tasks-have-been-sent-from-clause").arg("clause", clause),
        ));
    }
    let generated = decision.text(super::municipality::language(conn)?, item.item.kind);
    let (text, edited) = match request.text.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() && t != generated => (t.to_owned(), true),
        _ => (generated, false),
    };
    let data = serde_json::to_string(&decision).map_err(AppError::internal)?;
    let changes = || {
        (
            decisions::outcome.eq(outcome.as_str()),
            decisions::data.eq(data.clone()),
            decisions::referred_to_id.eq(request.referred_to.map(|o| o.0)),
            decisions::text.eq(text.clone()),
            decisions::text_edited.eq(edited),
            decisions::recorded_by.eq(request.by.map(|u| u.0)),
            decisions::updated_at.eq(now()),
        )
    };
    match decision_of(conn, request.item)? {
        Some(old) => {
            diesel::update(decisions::table.find(old.id.0))
                .set(changes())
                .execute(conn)?;
        }
        None => {
            diesel::insert_into(decisions::table)
                .values((
                    decisions::agenda_item_id.eq(request.item.0),
                    decisions::meeting_id.eq(item.meeting_id.0),
                    decisions::recorded_at.eq(now()),
                    changes(),
                ))
                .execute(conn)?;
        }
    }
    super::meetings::apply(conn, item.meeting_id, MeetingEvent::RecordDecision)?;
    if let Some(proposal) = &item.item.proposal {
        let step = outcome.proposal_step(!tasked.is_empty());
        super::proposals::step(conn, proposal.id, Transition::Decide(step))?;
        let (organization, target) = match outcome {
            Outcome::Referred => {
                let to = request
                    .referred_to
                    .expect("checked: a referral names its committee");
                let next = next_meeting(conn, to, item.meeting_starts_at)?;
                (to, next)
            }
            Outcome::Postponed => {
                let next = next_meeting(conn, item.organization_id, item.meeting_starts_at)?;
                (item.organization_id, next)
            }
            _ => (item.organization_id, None),
        };
        diesel::update(proposals::table.find(proposal.id.0))
            .set((
                proposals::organization_id.eq(organization.0),
                proposals::updated_at.eq(now()),
            ))
            .execute(conn)?;
        if matches!(outcome, Outcome::Referred | Outcome::Postponed) {
            diesel::update(proposals::table.find(proposal.id.0))
                .set(proposals::target_meeting_id.eq(target.map(|m| m.0)))
                .execute(conn)?;
        }
    }
    decision_of(conn, request.item)?
        .ok_or_else(|| AppError::internal("the decision just recorded is missing"))
}

/// The body's administrations and meeting bodies, for reading task suggestions.
pub fn directory(
    conn: &mut DbConnection,
    body: BodyId,
) -> AppResult<crate::domain::followup::Directory> {
    use crate::domain::followup::{Administration, Directory, MeetingBody};
    let body_name: String = super::schema::bodies::table
        .find(body.0)
        .select(super::schema::bodies::name)
        .first(conn)?;
    let all: Vec<Organization> = orgs::list(conn)?
        .into_iter()
        .filter(|o| o.body_id == body)
        .collect();
    Ok(Directory {
        body_name,
        administrations: all
            .iter()
            .filter(|o| o.kind == OrganizationKind::Administration && o.active)
            .map(|o| Administration {
                id: o.id,
                name: o.name.clone(),
                short_name: o.short_name.clone(),
                committee: o.parent_id,
            })
            .collect(),
        bodies: all
            .iter()
            .filter(|o| o.kind.holds_meetings())
            .map(|o| MeetingBody {
                id: o.id,
                name: o.name.clone(),
                short_name: o.short_name.clone(),
            })
            .collect(),
    })
}
