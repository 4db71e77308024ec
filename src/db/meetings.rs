//! Meetings of councils and committees.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::schema::{meetings, organizations};
use super::{DbConnection, now};
use crate::domain::meeting::MeetingEvent;
use crate::domain::meeting::{MeetingKind, MeetingStatus};
use crate::domain::organization::OrganizationKind;
use crate::domain::{MeetingId, OrganizationId};
use crate::error::{AppError, AppResult};

#[derive(Debug, Clone)]
pub struct Meeting {
    pub id: MeetingId,
    pub organization_id: OrganizationId,
    pub organization_name: String,
    pub kind: MeetingKind,
    pub starts_at: DateTime<Utc>,
    pub ends_at: Option<DateTime<Utc>>,
    pub location: String,
    pub status: MeetingStatus,
    pub lock_version: i32,
    pub updated_at: DateTime<Utc>,
}

type MeetingRow = (
    i64,
    i64,
    String,
    String,
    NaiveDateTime,
    Option<NaiveDateTime>,
    String,
    String,
    i32,
    NaiveDateTime,
);

macro_rules! meeting_columns {
    () => {
        (
            meetings::id,
            meetings::organization_id,
            organizations::name,
            meetings::kind,
            meetings::starts_at,
            meetings::ends_at,
            meetings::location,
            meetings::status,
            meetings::lock_version,
            meetings::updated_at,
        )
    };
}

fn from_row(row: MeetingRow) -> AppResult<Meeting> {
    let (
        id,
        organization_id,
        organization_name,
        kind,
        starts_at,
        ends_at,
        location,
        status,
        lock_version,
        updated_at,
    ) = row;
    Ok(Meeting {
        id: MeetingId(id),
        organization_id: OrganizationId(organization_id),
        organization_name,
        kind: kind.parse().map_err(AppError::internal)?,
        starts_at: starts_at.and_utc(),
        ends_at: ends_at.map(|t| t.and_utc()),
        location,
        status: status.parse().map_err(AppError::internal)?,
        lock_version,
        updated_at: updated_at.and_utc(),
    })
}

fn from_rows(rows: Vec<MeetingRow>) -> AppResult<Vec<Meeting>> {
    rows.into_iter().map(from_row).collect()
}

pub struct NewMeeting<'a> {
    pub organization_id: OrganizationId,
    pub kind: MeetingKind,
    pub starts_at: DateTime<Utc>,
    pub ends_at: Option<DateTime<Utc>>,
    pub location: &'a str,
}

/// Plans a meeting; its agenda is empty and unreleased.
pub fn insert(conn: &mut DbConnection, new: &NewMeeting) -> AppResult<MeetingId> {
    let at = now();
    let id = diesel::insert_into(meetings::table)
        .values((
            meetings::organization_id.eq(new.organization_id.0),
            meetings::kind.eq(new.kind.as_str()),
            meetings::starts_at.eq(new.starts_at.naive_utc()),
            meetings::ends_at.eq(new.ends_at.map(|t| t.naive_utc())),
            meetings::location.eq(new.location),
            meetings::status.eq(MeetingStatus::Planned.as_str()),
            meetings::created_at.eq(at),
            meetings::updated_at.eq(at),
        ))
        .returning(meetings::id)
        .get_result(conn)?;
    Ok(MeetingId(id))
}

/// Moves a planned meeting or changes its kind or place; its lock version and `updated_at`
/// move, so the agenda editor and the cached public page see the change.
pub fn update_details(
    conn: &mut DbConnection,
    id: MeetingId,
    kind: MeetingKind,
    starts_at: DateTime<Utc>,
    location: &str,
) -> AppResult<()> {
    diesel::update(meetings::table.find(id.0))
        .set((
            meetings::kind.eq(kind.as_str()),
            meetings::starts_at.eq(starts_at.naive_utc()),
            meetings::location.eq(location),
            meetings::updated_at.eq(now()),
            meetings::lock_version.eq(meetings::lock_version + 1),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn get(conn: &mut DbConnection, id: MeetingId) -> AppResult<Option<Meeting>> {
    meetings::table
        .inner_join(organizations::table)
        .filter(meetings::id.eq(id.0))
        .select(meeting_columns!())
        .first::<MeetingRow>(conn)
        .optional()?
        .map(from_row)
        .transpose()
}

/// Moves the meeting one step (`MeetingStatus::after`); a step its status does not allow is
/// refused (409). Written only when the status changes, so the meeting's lock version (the
/// agenda editor's) moves only then. Returns the new status.
pub fn apply(
    conn: &mut DbConnection,
    id: MeetingId,
    event: MeetingEvent,
) -> AppResult<MeetingStatus> {
    let current: String = meetings::table
        .find(id.0)
        .select(meetings::status)
        .first(conn)?;
    let current: MeetingStatus = current
        .parse()
        .map_err(|_| AppError::internal(format!("meeting {id} has an unknown status")))?;
    let next = current.after(event).map_err(AppError::conflict)?;
    if next != current {
        diesel::update(meetings::table.find(id.0))
            .set((
                meetings::status.eq(next.as_str()),
                meetings::updated_at.eq(now()),
                meetings::lock_version.eq(meetings::lock_version + 1),
            ))
            .execute(conn)?;
    }
    Ok(next)
}

/// The next meetings of an organization from `from` on, soonest first.
pub fn upcoming(
    conn: &mut DbConnection,
    organization: OrganizationId,
    from: DateTime<Utc>,
    limit: i64,
) -> AppResult<Vec<Meeting>> {
    around(conn, organization, from, limit, true)
}

/// The latest meetings of an organization before `before`, latest first.
pub fn recent(
    conn: &mut DbConnection,
    organization: OrganizationId,
    before: DateTime<Utc>,
    limit: i64,
) -> AppResult<Vec<Meeting>> {
    around(conn, organization, before, limit, false)
}

fn around(
    conn: &mut DbConnection,
    organization: OrganizationId,
    at: DateTime<Utc>,
    limit: i64,
    forward: bool,
) -> AppResult<Vec<Meeting>> {
    let query = meetings::table
        .inner_join(organizations::table)
        .filter(meetings::organization_id.eq(organization.0))
        .select(meeting_columns!())
        .limit(limit)
        .into_boxed();
    let query = if forward {
        query
            .filter(meetings::starts_at.ge(at.naive_utc()))
            .order(meetings::starts_at.asc())
    } else {
        query
            .filter(meetings::starts_at.lt(at.naive_utc()))
            .order(meetings::starts_at.desc())
    };
    from_rows(query.load(conn)?)
}

/// Councils and committees: the council first, then committees by name.
pub fn meeting_organizations(conn: &mut DbConnection) -> AppResult<Vec<(OrganizationId, String)>> {
    bodies_that_meet(conn, false)
}

/// The active council and committees: those that may get new meetings.
pub fn planning_organizations(conn: &mut DbConnection) -> AppResult<Vec<(OrganizationId, String)>> {
    bodies_that_meet(conn, true)
}

fn bodies_that_meet(
    conn: &mut DbConnection,
    active_only: bool,
) -> AppResult<Vec<(OrganizationId, String)>> {
    let mut query = organizations::table
        .filter(organizations::kind.eq_any([
            OrganizationKind::Council.as_str(),
            OrganizationKind::Committee.as_str(),
        ]))
        .select((organizations::id, organizations::name, organizations::kind))
        .order(organizations::name)
        .into_boxed();
    if active_only {
        query = query.filter(organizations::active.eq(true));
    }
    let rows: Vec<(i64, String, String)> = query.load(conn)?;
    let mut rows: Vec<_> = rows
        .into_iter()
        .map(|(id, name, kind)| {
            (
                kind != OrganizationKind::Council.as_str(),
                OrganizationId(id),
                name,
            )
        })
        .collect();
    rows.sort_by_key(|row| row.0);
    Ok(rows.into_iter().map(|(_, id, name)| (id, name)).collect())
}

/// The states in which a meeting's agenda has been released (and so the meeting is public).
pub(crate) const RELEASED: [&str; 3] = ["agenda_released", "held", "minutes_published"];

/// Meetings with a released agenda, latest first, one page at a time.
pub fn list_released(
    conn: &mut DbConnection,
    offset: i64,
    limit: i64,
) -> AppResult<(Vec<Meeting>, i64)> {
    debug_assert!(RELEASED.iter().all(|s| {
        s.parse::<MeetingStatus>()
            .is_ok_and(|s| s.agenda_is_released())
    }));
    let total: i64 = meetings::table
        .filter(meetings::status.eq_any(RELEASED))
        .count()
        .get_result(conn)?;
    let rows = meetings::table
        .inner_join(organizations::table)
        .filter(meetings::status.eq_any(RELEASED))
        .order((meetings::starts_at.desc(), meetings::id.desc()))
        .offset(offset)
        .limit(limit)
        .select(meeting_columns!())
        .load(conn)?;
    Ok((from_rows(rows)?, total))
}

/// Meetings of these organizations from `from` on (not cancelled), soonest first.
pub fn upcoming_of(
    conn: &mut DbConnection,
    organizations_of: &[OrganizationId],
    from: DateTime<Utc>,
    limit: i64,
) -> AppResult<Vec<Meeting>> {
    let ids: Vec<i64> = organizations_of.iter().map(|o| o.0).collect();
    from_rows(
        meetings::table
            .inner_join(organizations::table)
            .filter(meetings::organization_id.eq_any(ids))
            .filter(meetings::starts_at.ge(from.naive_utc()))
            .filter(meetings::status.ne(MeetingStatus::Cancelled.as_str()))
            .order(meetings::starts_at.asc())
            .select(meeting_columns!())
            .limit(limit)
            .load(conn)?,
    )
}

/// The name of a council or committee; other organizations hold no meetings.
pub fn body_name(conn: &mut DbConnection, id: OrganizationId) -> AppResult<String> {
    meeting_organizations(conn)?
        .into_iter()
        .find(|(o, _)| *o == id)
        .map(|(_, name)| name)
        .ok_or_else(|| AppError::not_found("error-the-committee-does-not-exist-or"))
}
