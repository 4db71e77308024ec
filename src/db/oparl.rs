//! What the OParl interface (`/oparl/v1`) reads: the register and the public meetings and
//! papers, as rows in id order, one page at a time (keyset: the rows after an id), within the
//! created/modified window of OParl's filters. Whether a meeting or a paper is public follows
//! from the released agendas only, as on the pages.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::DbConnection;
use super::schema::{
    bodies, election_periods, meetings, memberships, organizations, persons, proposals,
};
use crate::domain::organization::OrganizationKind;
use crate::domain::proposal::ProposalStatus;
use crate::domain::{BodyId, MeetingId, OrganizationId, ProposalId};
use crate::error::AppResult;

/// One page of a list: the rows after the id `after`, at most `limit`, whose creation and last
/// change fall in the window.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Window {
    pub after: Option<i64>,
    pub limit: i64,
    pub created_since: Option<NaiveDateTime>,
    pub created_until: Option<NaiveDateTime>,
    pub modified_since: Option<NaiveDateTime>,
    pub modified_until: Option<NaiveDateTime>,
}

/// A page's rows, how many the window holds in all, and whether rows follow this page.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub rows: Vec<T>,
    pub total: i64,
    pub more: bool,
}

impl<T> Page<T> {
    fn of(mut rows: Vec<T>, total: i64, limit: i64) -> Self {
        let more = rows.len() as i64 > limit;
        rows.truncate(limit.max(0) as usize);
        Page { rows, total, more }
    }
}

/// The window's filters on a table with `created_at` and `updated_at`.
macro_rules! in_window {
    ($query:expr, $table:ident, $window:expr) => {{
        let w: &Window = $window;
        let mut q = $query;
        if let Some(at) = w.created_since {
            q = q.filter($table::created_at.ge(at));
        }
        if let Some(at) = w.created_until {
            q = q.filter($table::created_at.le(at));
        }
        if let Some(at) = w.modified_since {
            q = q.filter($table::updated_at.ge(at));
        }
        if let Some(at) = w.modified_until {
            q = q.filter($table::updated_at.le(at));
        }
        q
    }};
}

/// One page of `$base()` (a boxed query on `$table`) in id order after the window's `after`,
/// with `$columns`, and how many rows the window holds in all.
macro_rules! keyset_page {
    ($conn:expr, $base:expr, $table:ident, $window:expr, $columns:expr) => {{
        let window: &Window = $window;
        let total: i64 = in_window!($base(), $table, window)
            .count()
            .get_result($conn)?;
        let mut query = in_window!($base(), $table, window);
        if let Some(after) = window.after {
            query = query.filter($table::id.gt(after));
        }
        let rows = query
            .order($table::id)
            .limit(window.limit + 1)
            .select($columns)
            .load($conn)?;
        (rows, total)
    }};
}

/// The municipality (OParl's Body).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyRow {
    pub id: BodyId,
    pub name: String,
    pub short_name: Option<String>,
    pub website: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

type BodyTuple = (
    i64,
    String,
    Option<String>,
    Option<String>,
    NaiveDateTime,
    NaiveDateTime,
);

fn body_of((id, name, short_name, website, created_at, updated_at): BodyTuple) -> BodyRow {
    BodyRow {
        id: BodyId(id),
        name,
        short_name,
        website,
        created_at,
        updated_at,
    }
}

const BODY_COLUMNS: (
    bodies::id,
    bodies::name,
    bodies::short_name,
    bodies::website,
    bodies::created_at,
    bodies::updated_at,
) = (
    bodies::id,
    bodies::name,
    bodies::short_name,
    bodies::website,
    bodies::created_at,
    bodies::updated_at,
);

pub fn bodies(conn: &mut DbConnection, window: &Window) -> AppResult<Page<BodyRow>> {
    let base = || bodies::table.into_boxed();
    let (rows, total): (Vec<BodyTuple>, i64) =
        keyset_page!(conn, base, bodies, window, BODY_COLUMNS);
    Ok(Page::of(
        rows.into_iter().map(body_of).collect(),
        total,
        window.limit,
    ))
}

pub fn body(conn: &mut DbConnection, id: BodyId) -> AppResult<Option<BodyRow>> {
    Ok(bodies::table
        .find(id.0)
        .select(BODY_COLUMNS)
        .first::<BodyTuple>(conn)
        .optional()?
        .map(body_of))
}

/// The first council of the body: its main organization.
pub fn main_organization(conn: &mut DbConnection, body: BodyId) -> AppResult<Option<i64>> {
    Ok(organizations::table
        .filter(organizations::body_id.eq(body.0))
        .filter(organizations::kind.eq(OrganizationKind::Council.as_str()))
        .order(organizations::id)
        .select(organizations::id)
        .first(conn)
        .optional()?)
}

/// An organization of the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganizationRow {
    pub id: OrganizationId,
    pub body_id: BodyId,
    pub kind: String,
    pub name: String,
    pub short_name: Option<String>,
    pub parent_id: Option<OrganizationId>,
    pub website: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// Its memberships' ids, in order.
    pub memberships: Vec<i64>,
}

type OrganizationTuple = (
    i64,
    i64,
    String,
    String,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<NaiveDate>,
    Option<NaiveDate>,
    NaiveDateTime,
    NaiveDateTime,
);

const ORGANIZATION_COLUMNS: (
    organizations::id,
    organizations::body_id,
    organizations::kind,
    organizations::name,
    organizations::short_name,
    organizations::parent_id,
    organizations::website,
    organizations::start_date,
    organizations::end_date,
    organizations::created_at,
    organizations::updated_at,
) = (
    organizations::id,
    organizations::body_id,
    organizations::kind,
    organizations::name,
    organizations::short_name,
    organizations::parent_id,
    organizations::website,
    organizations::start_date,
    organizations::end_date,
    organizations::created_at,
    organizations::updated_at,
);

fn organizations_of(
    conn: &mut DbConnection,
    rows: Vec<OrganizationTuple>,
) -> AppResult<Vec<OrganizationRow>> {
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let seats: Vec<(i64, i64)> = memberships::table
        .filter(memberships::organization_id.eq_any(&ids))
        .order(memberships::id)
        .select((memberships::organization_id, memberships::id))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(
                id,
                body_id,
                kind,
                name,
                short_name,
                parent_id,
                website,
                start_date,
                end_date,
                created_at,
                updated_at,
            )| OrganizationRow {
                id: OrganizationId(id),
                body_id: BodyId(body_id),
                kind,
                name,
                short_name,
                parent_id: parent_id.map(OrganizationId),
                website,
                start_date,
                end_date,
                created_at,
                updated_at,
                memberships: seats
                    .iter()
                    .filter(|(o, _)| *o == id)
                    .map(|(_, m)| *m)
                    .collect(),
            },
        )
        .collect())
}

pub fn organizations(
    conn: &mut DbConnection,
    body: BodyId,
    window: &Window,
) -> AppResult<Page<OrganizationRow>> {
    let base = || {
        organizations::table
            .filter(organizations::body_id.eq(body.0))
            .into_boxed()
    };
    let (rows, total): (Vec<OrganizationTuple>, i64) =
        keyset_page!(conn, base, organizations, window, ORGANIZATION_COLUMNS);
    let rows = organizations_of(conn, rows)?;
    Ok(Page::of(rows, total, window.limit))
}

pub fn organization(
    conn: &mut DbConnection,
    id: OrganizationId,
) -> AppResult<Option<OrganizationRow>> {
    let row: Option<OrganizationTuple> = organizations::table
        .find(id.0)
        .select(ORGANIZATION_COLUMNS)
        .first(conn)
        .optional()?;
    Ok(organizations_of(conn, row.into_iter().collect())?.pop())
}

/// A membership of the register (a seat, a party membership, a place among the substitutes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembershipRow {
    pub id: i64,
    pub person_id: i64,
    pub organization_id: i64,
    pub party_id: Option<i64>,
    pub role: String,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

type MembershipTuple = (
    i64,
    i64,
    i64,
    Option<i64>,
    String,
    NaiveDate,
    Option<NaiveDate>,
    NaiveDateTime,
    NaiveDateTime,
);

const MEMBERSHIP_COLUMNS: (
    memberships::id,
    memberships::person_id,
    memberships::organization_id,
    memberships::party_id,
    memberships::role,
    memberships::start_date,
    memberships::end_date,
    memberships::created_at,
    memberships::updated_at,
) = (
    memberships::id,
    memberships::person_id,
    memberships::organization_id,
    memberships::party_id,
    memberships::role,
    memberships::start_date,
    memberships::end_date,
    memberships::created_at,
    memberships::updated_at,
);

fn membership_of(
    (id, person_id, organization_id, party_id, role, start_date, end_date, created_at, updated_at): MembershipTuple,
) -> MembershipRow {
    MembershipRow {
        id,
        person_id,
        organization_id,
        party_id,
        role,
        start_date,
        end_date,
        created_at,
        updated_at,
    }
}

pub fn memberships(
    conn: &mut DbConnection,
    body: BodyId,
    window: &Window,
) -> AppResult<Page<MembershipRow>> {
    let base = || {
        let of_body = organizations::table
            .filter(organizations::body_id.eq(body.0))
            .select(organizations::id);
        memberships::table
            .filter(memberships::organization_id.eq_any(of_body))
            .into_boxed()
    };
    let (rows, total): (Vec<MembershipTuple>, i64) =
        keyset_page!(conn, base, memberships, window, MEMBERSHIP_COLUMNS);
    Ok(Page::of(
        rows.into_iter().map(membership_of).collect(),
        total,
        window.limit,
    ))
}

pub fn membership(conn: &mut DbConnection, id: i64) -> AppResult<Option<MembershipRow>> {
    Ok(memberships::table
        .find(id)
        .select(MEMBERSHIP_COLUMNS)
        .first::<MembershipTuple>(conn)
        .optional()?
        .map(membership_of))
}

pub fn memberships_of_person(
    conn: &mut DbConnection,
    person: i64,
) -> AppResult<Vec<MembershipRow>> {
    let rows: Vec<MembershipTuple> = memberships::table
        .filter(memberships::person_id.eq(person))
        .order(memberships::id)
        .select(MEMBERSHIP_COLUMNS)
        .load(conn)?;
    Ok(rows.into_iter().map(membership_of).collect())
}

/// A person of the register. Their address is not part of the open data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRow {
    pub id: i64,
    pub body_id: BodyId,
    pub name: String,
    pub title: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

type PersonTuple = (
    i64,
    i64,
    String,
    Option<String>,
    NaiveDateTime,
    NaiveDateTime,
);

const PERSON_COLUMNS: (
    persons::id,
    persons::body_id,
    persons::name,
    persons::title,
    persons::created_at,
    persons::updated_at,
) = (
    persons::id,
    persons::body_id,
    persons::name,
    persons::title,
    persons::created_at,
    persons::updated_at,
);

fn person_of((id, body_id, name, title, created_at, updated_at): PersonTuple) -> PersonRow {
    PersonRow {
        id,
        body_id: BodyId(body_id),
        name,
        title,
        created_at,
        updated_at,
    }
}

pub fn persons(
    conn: &mut DbConnection,
    body: BodyId,
    window: &Window,
) -> AppResult<Page<PersonRow>> {
    let base = || {
        persons::table
            .filter(persons::body_id.eq(body.0))
            .into_boxed()
    };
    let (rows, total): (Vec<PersonTuple>, i64) =
        keyset_page!(conn, base, persons, window, PERSON_COLUMNS);
    Ok(Page::of(
        rows.into_iter().map(person_of).collect(),
        total,
        window.limit,
    ))
}

pub fn person(conn: &mut DbConnection, id: i64) -> AppResult<Option<PersonRow>> {
    Ok(persons::table
        .find(id)
        .select(PERSON_COLUMNS)
        .first::<PersonTuple>(conn)
        .optional()?
        .map(person_of))
}

/// An election period (OParl's LegislativeTerm).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermRow {
    pub id: i64,
    pub body_id: BodyId,
    pub name: String,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

type TermTuple = (
    i64,
    i64,
    String,
    NaiveDate,
    Option<NaiveDate>,
    NaiveDateTime,
    NaiveDateTime,
);

const TERM_COLUMNS: (
    election_periods::id,
    election_periods::body_id,
    election_periods::name,
    election_periods::start_date,
    election_periods::end_date,
    election_periods::created_at,
    election_periods::updated_at,
) = (
    election_periods::id,
    election_periods::body_id,
    election_periods::name,
    election_periods::start_date,
    election_periods::end_date,
    election_periods::created_at,
    election_periods::updated_at,
);

fn term_of(
    (id, body_id, name, start_date, end_date, created_at, updated_at): TermTuple,
) -> TermRow {
    TermRow {
        id,
        body_id: BodyId(body_id),
        name,
        start_date,
        end_date,
        created_at,
        updated_at,
    }
}

pub fn terms(conn: &mut DbConnection, body: BodyId, window: &Window) -> AppResult<Page<TermRow>> {
    let base = || {
        election_periods::table
            .filter(election_periods::body_id.eq(body.0))
            .into_boxed()
    };
    let (rows, total): (Vec<TermTuple>, i64) =
        keyset_page!(conn, base, election_periods, window, TERM_COLUMNS);
    Ok(Page::of(
        rows.into_iter().map(term_of).collect(),
        total,
        window.limit,
    ))
}

pub fn term(conn: &mut DbConnection, id: i64) -> AppResult<Option<TermRow>> {
    Ok(election_periods::table
        .find(id)
        .select(TERM_COLUMNS)
        .first::<TermTuple>(conn)
        .optional()?
        .map(term_of))
}

/// A meeting whose agenda has been released: the public may read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRow {
    pub id: MeetingId,
    pub organization_id: i64,
    pub organization_name: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: Option<NaiveDateTime>,
    pub location: String,
    pub status: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

type MeetingTuple = (
    i64,
    i64,
    String,
    NaiveDateTime,
    Option<NaiveDateTime>,
    String,
    String,
    NaiveDateTime,
    NaiveDateTime,
);

const MEETING_COLUMNS: (
    meetings::id,
    meetings::organization_id,
    organizations::name,
    meetings::starts_at,
    meetings::ends_at,
    meetings::location,
    meetings::status,
    meetings::created_at,
    meetings::updated_at,
) = (
    meetings::id,
    meetings::organization_id,
    organizations::name,
    meetings::starts_at,
    meetings::ends_at,
    meetings::location,
    meetings::status,
    meetings::created_at,
    meetings::updated_at,
);

fn meeting_of(
    (
        id,
        organization_id,
        organization_name,
        starts_at,
        ends_at,
        location,
        status,
        created_at,
        updated_at,
    ): MeetingTuple,
) -> MeetingRow {
    MeetingRow {
        id: MeetingId(id),
        organization_id,
        organization_name,
        starts_at,
        ends_at,
        location,
        status,
        created_at,
        updated_at,
    }
}

/// The public meetings of the body, or of one of its organizations.
pub fn meetings(
    conn: &mut DbConnection,
    body: BodyId,
    organization: Option<OrganizationId>,
    window: &Window,
) -> AppResult<Page<MeetingRow>> {
    let base = || {
        let mut q = meetings::table
            .inner_join(organizations::table)
            .filter(organizations::body_id.eq(body.0))
            .filter(meetings::status.eq_any(super::meetings::RELEASED))
            .into_boxed();
        if let Some(o) = organization {
            q = q.filter(meetings::organization_id.eq(o.0));
        }
        q
    };
    let (rows, total): (Vec<MeetingTuple>, i64) =
        keyset_page!(conn, base, meetings, window, MEETING_COLUMNS);
    Ok(Page::of(
        rows.into_iter().map(meeting_of).collect(),
        total,
        window.limit,
    ))
}

/// A public meeting, with the body it belongs to.
pub fn meeting(conn: &mut DbConnection, id: MeetingId) -> AppResult<Option<(MeetingRow, BodyId)>> {
    let row: Option<(MeetingTuple, i64)> = meetings::table
        .inner_join(organizations::table)
        .filter(meetings::id.eq(id.0))
        .filter(meetings::status.eq_any(super::meetings::RELEASED))
        .select((MEETING_COLUMNS, organizations::body_id))
        .first(conn)
        .optional()?;
    Ok(row.map(|(m, body)| (meeting_of(m), BodyId(body))))
}

/// The states in which a proposal may be public (whether it is follows from the released
/// agendas).
fn public_states() -> Vec<&'static str> {
    ProposalStatus::ALL
        .iter()
        .filter(|s| s.is_public())
        .map(|s| s.as_str())
        .collect()
}

/// A page of the body's proposals that may be public (by their state) after `after`, in id
/// order, within the window; the caller keeps those the released agendas show.
pub fn proposal_candidates(
    conn: &mut DbConnection,
    body: BodyId,
    window: &Window,
    after: Option<i64>,
    limit: i64,
) -> AppResult<Vec<(ProposalId, NaiveDateTime, NaiveDateTime)>> {
    let mut query = in_window!(
        proposals::table
            .filter(proposals::body_id.eq(body.0))
            .filter(proposals::status.eq_any(public_states()))
            .into_boxed(),
        proposals,
        window
    );
    if let Some(after) = after {
        query = query.filter(proposals::id.gt(after));
    }
    let rows: Vec<(i64, NaiveDateTime, NaiveDateTime)> = query
        .order(proposals::id)
        .limit(limit)
        .select((proposals::id, proposals::created_at, proposals::updated_at))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, c, u)| (ProposalId(id), c, u))
        .collect())
}

/// When a proposal was made and last changed.
pub fn proposal_stamps(
    conn: &mut DbConnection,
    id: ProposalId,
) -> AppResult<Option<(NaiveDateTime, NaiveDateTime)>> {
    Ok(proposals::table
        .find(id.0)
        .select((proposals::created_at, proposals::updated_at))
        .first(conn)
        .optional()?)
}

/// The released versions of a meeting's agenda: (version row id, version, released at), oldest
/// first.
pub fn agenda_versions(
    conn: &mut DbConnection,
    meeting: MeetingId,
) -> AppResult<Vec<(i64, i32, NaiveDateTime)>> {
    use super::schema::agenda_versions;
    Ok(agenda_versions::table
        .filter(agenda_versions::meeting_id.eq(meeting.0))
        .order(agenda_versions::version)
        .select((
            agenda_versions::id,
            agenda_versions::version,
            agenda_versions::released_at,
        ))
        .load(conn)?)
}

/// One released version of an agenda by its row id: its meeting.
pub fn agenda_version_meeting(conn: &mut DbConnection, id: i64) -> AppResult<Option<MeetingId>> {
    use super::schema::agenda_versions;
    Ok(agenda_versions::table
        .find(id)
        .select(agenda_versions::meeting_id)
        .first::<i64>(conn)
        .optional()?
        .map(MeetingId))
}

/// The meeting a file was attached on.
pub fn attachment_meeting(
    conn: &mut DbConnection,
    id: crate::domain::AttachmentId,
) -> AppResult<Option<MeetingId>> {
    use super::schema::agenda_attachments;
    Ok(agenda_attachments::table
        .find(id.0)
        .select(agenda_attachments::meeting_id)
        .first::<i64>(conn)
        .optional()?
        .map(MeetingId))
}

/// Whether a released agenda ever showed the proposal on an open item: once public, a paper
/// that is no longer is reported as deleted, never silently dropped.
pub fn ever_public(conn: &mut DbConnection, id: ProposalId) -> AppResult<bool> {
    use super::schema::agenda_version_items;
    Ok(diesel::select(diesel::dsl::exists(
        agenda_version_items::table
            .filter(agenda_version_items::proposal_id.eq(id.0))
            .filter(agenda_version_items::public.eq(true)),
    ))
    .get_result(conn)?)
}

/// The letters everyone may read (as `Letter::readable_by_all`) of the body after `after`, in
/// id order.
pub fn public_letters(
    conn: &mut DbConnection,
    body: BodyId,
    after: Option<i64>,
    limit: i64,
) -> AppResult<Vec<crate::domain::LetterId>> {
    use super::schema::{cases, letters};
    use crate::domain::letter::{LetterDirection, LetterStatus};
    let mut query = letters::table
        .inner_join(cases::table)
        .filter(cases::body_id.eq(body.0))
        .filter(letters::public.eq(true))
        .filter(
            letters::direction
                .eq(LetterDirection::Incoming.as_str())
                .or(letters::status.eq(LetterStatus::Sent.as_str())),
        )
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(letters::id.gt(after));
    }
    Ok(query
        .order(letters::id)
        .limit(limit)
        .select(letters::id)
        .load::<i64>(conn)?
        .into_iter()
        .map(crate::domain::LetterId)
        .collect())
}

/// When a letter was made and last changed (sent).
pub fn letter_stamps(
    conn: &mut DbConnection,
    id: crate::domain::LetterId,
) -> AppResult<Option<(NaiveDateTime, Option<NaiveDateTime>)>> {
    use super::schema::letters;
    Ok(letters::table
        .find(id.0)
        .select((letters::created_at, letters::sent_at))
        .first(conn)
        .optional()?)
}

/// The meeting whose minutes a minutes row is.
pub fn minutes_meeting(
    conn: &mut DbConnection,
    id: crate::domain::MinutesId,
) -> AppResult<Option<MeetingId>> {
    use super::schema::minutes;
    Ok(minutes::table
        .find(id.0)
        .select(minutes::meeting_id)
        .first::<i64>(conn)
        .optional()?
        .map(MeetingId))
}
