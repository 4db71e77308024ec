//! The body, its organizations, persons and memberships.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::schema::{bodies, election_periods, memberships, organizations, persons};
use super::{DbConnection, now};
use crate::domain::organization::{MembershipRole, OrganizationKind};
use crate::domain::{
    BodyId, ElectionPeriodId, EmailAddress, MembershipId, OrganizationId, PersonId,
};
use crate::error::{AppError, AppResult};

#[derive(Debug, Clone)]
pub struct Organization {
    pub id: OrganizationId,
    pub body_id: BodyId,
    pub kind: OrganizationKind,
    pub name: String,
    pub short_name: Option<String>,
    /// Where it receives mail (an administration its tasks).
    pub email: Option<String>,
    /// Further addresses that get a copy of an administration's task mail.
    pub extra_emails: Vec<String>,
    pub parent_id: Option<OrganizationId>,
    pub website: Option<String>,
    /// A deactivated organization keeps its history but gets nothing new.
    pub active: bool,
    /// The language of mail to it (an administration's tasks); None: the municipality's.
    pub language: Option<crate::domain::language::Lang>,
}

impl Organization {
    /// Every address it receives mail at, the main one first.
    pub fn emails(&self) -> Vec<&str> {
        self.email
            .iter()
            .chain(self.extra_emails.iter())
            .map(String::as_str)
            .collect()
    }
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = organizations)]
struct OrganizationRow {
    id: i64,
    body_id: i64,
    kind: String,
    name: String,
    short_name: Option<String>,
    email: Option<String>,
    extra_emails: String,
    parent_id: Option<i64>,
    website: Option<String>,
    active: bool,
    language: Option<String>,
}

impl TryFrom<OrganizationRow> for Organization {
    type Error = AppError;
    fn try_from(row: OrganizationRow) -> AppResult<Self> {
        Ok(Organization {
            id: OrganizationId(row.id),
            body_id: BodyId(row.body_id),
            kind: row.kind.parse().map_err(AppError::internal)?,
            name: row.name,
            short_name: row.short_name,
            email: row.email,
            extra_emails: row
                .extra_emails
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            parent_id: row.parent_id.map(OrganizationId),
            website: row.website,
            active: row.active,
            language: row.language.and_then(|l| l.parse().ok()),
        })
    }
}

pub fn insert_body(
    conn: &mut DbConnection,
    name: &str,
    short_name: Option<&str>,
    website: Option<&str>,
) -> AppResult<BodyId> {
    let id = diesel::insert_into(bodies::table)
        .values((
            bodies::name.eq(name),
            bodies::short_name.eq(short_name),
            bodies::website.eq(website),
            bodies::created_at.eq(now()),
            bodies::updated_at.eq(now()),
        ))
        .returning(bodies::id)
        .get_result(conn)?;
    Ok(BodyId(id))
}

/// The municipality's name.
pub fn body_name(conn: &mut DbConnection, body: BodyId) -> AppResult<String> {
    Ok(bodies::table
        .find(body.0)
        .select(bodies::name)
        .first(conn)?)
}

/// A body's short name and web address.
pub fn set_body_details(
    conn: &mut DbConnection,
    body: BodyId,
    short_name: Option<&str>,
    website: Option<&str>,
) -> AppResult<()> {
    diesel::update(bodies::table.find(body.0))
        .set((
            bodies::short_name.eq(short_name),
            bodies::website.eq(website),
            bodies::updated_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// An organization's stored fields, for a new one or a change. Administrations must have an
/// address to receive their tasks at, so that is checked here too (the database also holds it).
pub struct OrganizationRecord<'a> {
    pub body_id: BodyId,
    pub kind: OrganizationKind,
    pub name: &'a str,
    pub short_name: Option<&'a str>,
    /// The main address first, then those that get copies.
    pub emails: &'a [EmailAddress],
    pub parent_id: Option<OrganizationId>,
    pub website: Option<&'a str>,
    pub language: Option<crate::domain::language::Lang>,
}

fn extra_emails(emails: &[EmailAddress]) -> String {
    emails
        .iter()
        .skip(1)
        .map(EmailAddress::as_str)
        .collect::<Vec<_>>()
        .join("\n")
}

fn check_record(new: &OrganizationRecord) -> AppResult<()> {
    if new.kind == OrganizationKind::Administration && new.emails.is_empty() {
        return Err(AppError::bad_request(
            crate::i18n::Msg::key("error-the-administration-must-have-an-email")
                .arg("name", new.name),
        ));
    }
    Ok(())
}

pub fn insert_organization(
    conn: &mut DbConnection,
    new: &OrganizationRecord,
) -> AppResult<OrganizationId> {
    check_record(new)?;
    let id = diesel::insert_into(organizations::table)
        .values((
            organizations::body_id.eq(new.body_id.0),
            organizations::kind.eq(new.kind.as_str()),
            organizations::name.eq(new.name),
            organizations::short_name.eq(new.short_name),
            organizations::email.eq(new.emails.first().map(EmailAddress::as_str)),
            organizations::extra_emails.eq(extra_emails(new.emails)),
            organizations::parent_id.eq(new.parent_id.map(|p| p.0)),
            organizations::website.eq(new.website),
            organizations::language.eq(new.language.map(|l| l.as_str())),
            organizations::created_at.eq(now()),
            organizations::updated_at.eq(now()),
        ))
        .returning(organizations::id)
        .get_result(conn)?;
    Ok(OrganizationId(id))
}

/// Changes an organization's fields (its kind and body stay).
pub fn update_organization(
    conn: &mut DbConnection,
    id: OrganizationId,
    record: &OrganizationRecord,
) -> AppResult<()> {
    check_record(record)?;
    diesel::update(organizations::table.find(id.0))
        .set((
            organizations::name.eq(record.name),
            organizations::short_name.eq(record.short_name),
            organizations::email.eq(record.emails.first().map(EmailAddress::as_str)),
            organizations::extra_emails.eq(extra_emails(record.emails)),
            organizations::parent_id.eq(record.parent_id.map(|p| p.0)),
            organizations::website.eq(record.website),
            organizations::language.eq(record.language.map(|l| l.as_str())),
            organizations::updated_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Deactivates (with the day it ended) or reactivates an organization.
pub fn set_active(
    conn: &mut DbConnection,
    id: OrganizationId,
    active: bool,
    end_date: Option<NaiveDate>,
) -> AppResult<()> {
    diesel::update(organizations::table.find(id.0))
        .set((
            organizations::active.eq(active),
            organizations::end_date.eq(end_date),
            organizations::updated_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// One organization.
pub fn get(conn: &mut DbConnection, id: OrganizationId) -> AppResult<Option<Organization>> {
    organizations::table
        .find(id.0)
        .select(OrganizationRow::as_select())
        .first(conn)
        .optional()?
        .map(Organization::try_from)
        .transpose()
}

/// All organizations, in a stable order: by kind, then name.
pub fn list(conn: &mut DbConnection) -> AppResult<Vec<Organization>> {
    organizations::table
        .select(OrganizationRow::as_select())
        .order((organizations::kind, organizations::name))
        .load(conn)?
        .into_iter()
        .map(Organization::try_from)
        .collect()
}

/// Organizations named `text`: by id, by name or by short name (ØKF), ignoring case.
pub fn find(conn: &mut DbConnection, text: &str) -> AppResult<Vec<Organization>> {
    let text = text.trim();
    let wanted = text.to_lowercase();
    let id: Option<i64> = text.parse().ok();
    Ok(list(conn)?
        .into_iter()
        .filter(|o| {
            Some(o.id.0) == id
                || o.name.to_lowercase() == wanted
                || o.short_name
                    .as_deref()
                    .is_some_and(|s| s.to_lowercase() == wanted)
        })
        .collect())
}

/// Persons named `text` (by id, or by name ignoring case): (id, name).
pub fn find_persons(conn: &mut DbConnection, text: &str) -> AppResult<Vec<(PersonId, String)>> {
    let text = text.trim();
    if let Ok(id) = text.parse::<i64>() {
        let found: Option<(i64, String)> = persons::table
            .find(id)
            .select((persons::id, persons::name))
            .first(conn)
            .optional()?;
        return Ok(found.map(|(id, n)| (PersonId(id), n)).into_iter().collect());
    }
    let wanted = text.to_lowercase();
    let all: Vec<(i64, String)> = persons::table
        .select((persons::id, persons::name))
        .order(persons::id)
        .load(conn)?;
    Ok(all
        .into_iter()
        .filter(|(_, name)| name.to_lowercase() == wanted)
        .map(|(id, name)| (PersonId(id), name))
        .collect())
}

pub fn insert_person(
    conn: &mut DbConnection,
    body_id: BodyId,
    name: &str,
    title: Option<&str>,
    email: Option<&EmailAddress>,
) -> AppResult<PersonId> {
    let id = diesel::insert_into(persons::table)
        .values((
            persons::body_id.eq(body_id.0),
            persons::name.eq(name),
            persons::title.eq(title),
            persons::email.eq(email.map(EmailAddress::as_str)),
            persons::created_at.eq(now()),
            persons::updated_at.eq(now()),
        ))
        .returning(persons::id)
        .get_result(conn)?;
    Ok(PersonId(id))
}

pub struct NewMembership {
    pub person_id: PersonId,
    pub organization_id: OrganizationId,
    pub party_id: Option<OrganizationId>,
    pub role: MembershipRole,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    /// A substitute's place in the party's order.
    pub position: Option<i32>,
}

pub fn insert_membership(conn: &mut DbConnection, new: &NewMembership) -> AppResult<MembershipId> {
    let id = diesel::insert_into(memberships::table)
        .values((
            memberships::person_id.eq(new.person_id.0),
            memberships::organization_id.eq(new.organization_id.0),
            memberships::party_id.eq(new.party_id.map(|p| p.0)),
            memberships::role.eq(new.role.as_str()),
            memberships::start_date.eq(new.start_date),
            memberships::end_date.eq(new.end_date),
            memberships::position.eq(new.position),
            memberships::created_at.eq(now()),
            memberships::updated_at.eq(now()),
        ))
        .returning(memberships::id)
        .get_result(conn)?;
    // Who finds its closed items follows its seats.
    super::search::reseat(conn, new.organization_id)?;
    Ok(MembershipId(id))
}

/// Changes a membership (the person and the organization stay).
pub fn update_membership(
    conn: &mut DbConnection,
    id: MembershipId,
    new: &NewMembership,
) -> AppResult<()> {
    diesel::update(memberships::table.find(id.0))
        .set((
            memberships::party_id.eq(new.party_id.map(|p| p.0)),
            memberships::role.eq(new.role.as_str()),
            memberships::start_date.eq(new.start_date),
            memberships::end_date.eq(new.end_date),
            memberships::position.eq(new.position),
            memberships::updated_at.eq(now()),
        ))
        .execute(conn)?;
    let organization: i64 = memberships::table
        .find(id.0)
        .select(memberships::organization_id)
        .first(conn)?;
    super::search::reseat(conn, OrganizationId(organization))?;
    Ok(())
}

/// A membership with the names around it, for the register's pages and the API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub id: MembershipId,
    pub person_id: PersonId,
    pub person_name: String,
    pub organization_id: OrganizationId,
    pub organization_name: String,
    pub organization_kind: OrganizationKind,
    pub party_id: Option<OrganizationId>,
    pub party_name: Option<String>,
    pub party_short_name: Option<String>,
    pub role: MembershipRole,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub position: Option<i32>,
}

impl Membership {
    /// Whether it counts on `date`.
    pub fn holds_on(&self, date: NaiveDate) -> bool {
        self.start_date <= date && self.end_date.is_none_or(|end| end >= date)
    }
}

type MembershipTuple = (
    (
        i64,
        i64,
        i64,
        Option<i64>,
        String,
        NaiveDate,
        Option<NaiveDate>,
        Option<i32>,
    ),
    String,
    (String, String),
    (Option<String>, Option<String>),
);

/// Memberships chosen by `filter`: newest first within each organization.
fn load_memberships(
    conn: &mut DbConnection,
    person: Option<PersonId>,
    organization: Option<OrganizationId>,
    id: Option<MembershipId>,
) -> AppResult<Vec<Membership>> {
    let parties = diesel::alias!(organizations as parties);
    let mut query = memberships::table
        .inner_join(persons::table)
        .inner_join(organizations::table.on(organizations::id.eq(memberships::organization_id)))
        .left_join(
            parties.on(memberships::party_id.eq(parties.field(organizations::id).nullable())),
        )
        .select((
            (
                memberships::id,
                memberships::person_id,
                memberships::organization_id,
                memberships::party_id,
                memberships::role,
                memberships::start_date,
                memberships::end_date,
                memberships::position,
            ),
            persons::name,
            (organizations::name, organizations::kind),
            (
                parties.field(organizations::name).nullable(),
                parties.field(organizations::short_name).nullable(),
            ),
        ))
        .order((
            organizations::name,
            memberships::start_date.desc(),
            memberships::position,
            persons::name,
        ))
        .into_boxed();
    if let Some(p) = person {
        query = query.filter(memberships::person_id.eq(p.0));
    }
    if let Some(o) = organization {
        query = query.filter(memberships::organization_id.eq(o.0));
    }
    if let Some(i) = id {
        query = query.filter(memberships::id.eq(i.0));
    }
    let rows: Vec<MembershipTuple> = query.load(conn)?;
    rows.into_iter()
        .map(
            |(
                (id, person_id, organization_id, party_id, role, start_date, end_date, position),
                person_name,
                (organization_name, kind),
                (party_name, party_short_name),
            )| {
                Ok(Membership {
                    id: MembershipId(id),
                    person_id: PersonId(person_id),
                    person_name,
                    organization_id: OrganizationId(organization_id),
                    organization_name,
                    organization_kind: kind.parse().map_err(AppError::internal)?,
                    party_id: party_id.map(OrganizationId),
                    party_name,
                    party_short_name,
                    role: role.parse().map_err(AppError::internal)?,
                    start_date,
                    end_date,
                    position,
                })
            },
        )
        .collect()
}

/// Every membership of a person, past ones included.
pub fn memberships_of_person(
    conn: &mut DbConnection,
    person: PersonId,
) -> AppResult<Vec<Membership>> {
    load_memberships(conn, Some(person), None, None)
}

/// Every membership in an organization, past ones included.
pub fn memberships_of_organization(
    conn: &mut DbConnection,
    organization: OrganizationId,
) -> AppResult<Vec<Membership>> {
    load_memberships(conn, None, Some(organization), None)
}

pub fn get_membership(conn: &mut DbConnection, id: MembershipId) -> AppResult<Option<Membership>> {
    Ok(load_memberships(conn, None, None, Some(id))?.pop())
}

/// Ends, on `last_day`, every seat in a council or committee of `body` that runs past it;
/// seats that begin later (entered ahead for the new period) stay. Returns how many ended.
pub fn end_seats_after(
    conn: &mut DbConnection,
    body: BodyId,
    last_day: NaiveDate,
) -> AppResult<usize> {
    let seats = organizations::table
        .filter(organizations::body_id.eq(body.0))
        .filter(organizations::kind.eq_any([
            OrganizationKind::Council.as_str(),
            OrganizationKind::Committee.as_str(),
        ]))
        .select(organizations::id);
    Ok(diesel::update(
        memberships::table
            .filter(memberships::organization_id.eq_any(seats))
            .filter(memberships::start_date.le(last_day))
            .filter(
                memberships::end_date
                    .is_null()
                    .or(memberships::end_date.gt(last_day)),
            ),
    )
    .set((
        memberships::end_date.eq(last_day),
        memberships::updated_at.eq(now()),
    ))
    .execute(conn)?)
}

/// A person of the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: PersonId,
    pub body_id: BodyId,
    pub name: String,
    pub title: Option<String>,
    pub email: Option<String>,
}

type PersonTuple = (i64, i64, String, Option<String>, Option<String>);

fn person_of((id, body_id, name, title, email): PersonTuple) -> Person {
    Person {
        id: PersonId(id),
        body_id: BodyId(body_id),
        name,
        title,
        email,
    }
}

const PERSON_COLUMNS: (
    persons::id,
    persons::body_id,
    persons::name,
    persons::title,
    persons::email,
) = (
    persons::id,
    persons::body_id,
    persons::name,
    persons::title,
    persons::email,
);

pub fn get_person(conn: &mut DbConnection, id: PersonId) -> AppResult<Option<Person>> {
    Ok(persons::table
        .find(id.0)
        .select(PERSON_COLUMNS)
        .first::<PersonTuple>(conn)
        .optional()?
        .map(person_of))
}

/// How many persons the register holds.
pub fn persons_count(conn: &mut DbConnection) -> AppResult<i64> {
    Ok(persons::table.count().get_result(conn)?)
}

/// A page of the persons of the register, by name, and how many there are in all.
pub fn persons_page(
    conn: &mut DbConnection,
    offset: i64,
    limit: i64,
) -> AppResult<(Vec<Person>, i64)> {
    let total = persons_count(conn)?;
    let rows: Vec<PersonTuple> = persons::table
        .select(PERSON_COLUMNS)
        .order((persons::name, persons::id))
        .offset(offset)
        .limit(limit)
        .load(conn)?;
    Ok((rows.into_iter().map(person_of).collect(), total))
}

pub fn update_person(
    conn: &mut DbConnection,
    id: PersonId,
    name: &str,
    title: Option<&str>,
    email: Option<&EmailAddress>,
) -> AppResult<()> {
    diesel::update(persons::table.find(id.0))
        .set((
            persons::name.eq(name),
            persons::title.eq(title),
            persons::email.eq(email.map(EmailAddress::as_str)),
            persons::updated_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// An election period (valgperiode).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElectionPeriod {
    pub id: ElectionPeriodId,
    pub name: String,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
}

/// A body's election periods, the newest first.
pub fn election_periods(conn: &mut DbConnection, body: BodyId) -> AppResult<Vec<ElectionPeriod>> {
    let rows: Vec<(i64, String, NaiveDate, Option<NaiveDate>)> = election_periods::table
        .filter(election_periods::body_id.eq(body.0))
        .select((
            election_periods::id,
            election_periods::name,
            election_periods::start_date,
            election_periods::end_date,
        ))
        .order(election_periods::start_date.desc())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, name, start_date, end_date)| ElectionPeriod {
            id: ElectionPeriodId(id),
            name,
            start_date,
            end_date,
        })
        .collect())
}

pub fn insert_election_period(
    conn: &mut DbConnection,
    body: BodyId,
    name: &str,
    start_date: NaiveDate,
) -> AppResult<ElectionPeriodId> {
    let id = diesel::insert_into(election_periods::table)
        .values((
            election_periods::body_id.eq(body.0),
            election_periods::name.eq(name),
            election_periods::start_date.eq(start_date),
            election_periods::created_at.eq(now()),
            election_periods::updated_at.eq(now()),
        ))
        .returning(election_periods::id)
        .get_result(conn)?;
    Ok(ElectionPeriodId(id))
}

pub fn end_election_period(
    conn: &mut DbConnection,
    id: ElectionPeriodId,
    last_day: NaiveDate,
) -> AppResult<()> {
    diesel::update(election_periods::table.find(id.0))
        .set((
            election_periods::end_date.eq(last_day),
            election_periods::updated_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// A current member of an organization, with the party they sit for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub person_id: PersonId,
    pub name: String,
    pub role: MembershipRole,
    pub party_short_name: Option<String>,
}

/// The roles that hold a seat (and a vote): not substitutes (they stand in when called) or
/// staff.
pub const SEAT_ROLES: [MembershipRole; 3] = [
    MembershipRole::Member,
    MembershipRole::Chair,
    MembershipRole::ViceChair,
];

fn seat_roles() -> [&'static str; 3] {
    SEAT_ROLES.map(MembershipRole::as_str)
}

/// Members (seat holders) on `date`, chair first, then by name.
pub fn members(
    conn: &mut DbConnection,
    organization: OrganizationId,
    date: NaiveDate,
) -> AppResult<Vec<Member>> {
    let parties = diesel::alias!(organizations as parties);
    let rows: Vec<(i64, String, String, Option<String>)> = memberships::table
        .inner_join(persons::table)
        .left_join(
            parties.on(memberships::party_id.eq(parties.field(organizations::id).nullable())),
        )
        .filter(memberships::organization_id.eq(organization.0))
        .filter(memberships::role.eq_any(seat_roles()))
        .filter(memberships::start_date.le(date))
        .filter(
            memberships::end_date
                .is_null()
                .or(memberships::end_date.ge(date)),
        )
        .select((
            persons::id,
            persons::name,
            memberships::role,
            parties.field(organizations::short_name).nullable(),
        ))
        .order(persons::name)
        .load(conn)?;
    let mut members = rows
        .into_iter()
        .map(|(id, name, role, party)| {
            Ok(Member {
                person_id: PersonId(id),
                name,
                role: role.parse().map_err(AppError::internal)?,
                party_short_name: party,
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    members.sort_by_key(|m| m.role != MembershipRole::Chair);
    Ok(members)
}

/// The substitutes of an organization on `date`, party by party in their order.
pub fn substitutes(
    conn: &mut DbConnection,
    organization: OrganizationId,
    date: NaiveDate,
) -> AppResult<Vec<Membership>> {
    let mut list: Vec<Membership> = memberships_of_organization(conn, organization)?
        .into_iter()
        .filter(|m| m.role == MembershipRole::Substitute && m.holds_on(date))
        .collect();
    list.sort_by(|a, b| {
        (&a.party_name, a.position, &a.person_name).cmp(&(
            &b.party_name,
            b.position,
            &b.person_name,
        ))
    });
    Ok(list)
}

/// A body (council or committee) a person currently sits in, and for which party.
#[derive(Debug, Clone)]
pub struct Seat {
    pub organization_id: OrganizationId,
    pub organization_name: String,
    pub kind: OrganizationKind,
    pub party_id: Option<OrganizationId>,
}

/// A person's own email address, if they have one.
pub fn person_email(conn: &mut DbConnection, person: PersonId) -> AppResult<Option<String>> {
    Ok(persons::table
        .find(person.0)
        .select(persons::email)
        .first::<Option<String>>(conn)
        .optional()?
        .flatten())
}

/// The body (municipality) `person` belongs to.
pub fn body_of_person(conn: &mut DbConnection, person: PersonId) -> AppResult<BodyId> {
    Ok(BodyId(
        persons::table
            .find(person.0)
            .select(persons::body_id)
            .first(conn)?,
    ))
}

/// The councils and committees `person` is a member of on `date`: the council first.
pub fn seats(conn: &mut DbConnection, person: PersonId, date: NaiveDate) -> AppResult<Vec<Seat>> {
    let rows: Vec<(i64, String, String, Option<i64>)> = memberships::table
        .inner_join(organizations::table.on(organizations::id.eq(memberships::organization_id)))
        .filter(memberships::person_id.eq(person.0))
        .filter(memberships::role.eq_any(seat_roles()))
        .filter(memberships::start_date.le(date))
        .filter(
            memberships::end_date
                .is_null()
                .or(memberships::end_date.ge(date)),
        )
        .filter(organizations::kind.eq_any(["council", "committee"]))
        .select((
            organizations::id,
            organizations::name,
            organizations::kind,
            memberships::party_id,
        ))
        .order(organizations::name)
        .load(conn)?;
    let mut seats = rows
        .into_iter()
        .map(|(id, name, kind, party)| {
            Ok(Seat {
                organization_id: OrganizationId(id),
                organization_name: name,
                kind: kind.parse().map_err(AppError::internal)?,
                party_id: party.map(OrganizationId),
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    seats.sort_by_key(|s| s.kind != OrganizationKind::Council);
    Ok(seats)
}

/// The parties of a body, by name.
pub fn parties(conn: &mut DbConnection, body: BodyId) -> AppResult<Vec<Organization>> {
    Ok(list(conn)?
        .into_iter()
        .filter(|o| o.body_id == body && o.kind == OrganizationKind::Party)
        .collect())
}

/// The deadline rules of a council or committee and the closed days of its body.
#[derive(Debug, Clone)]
pub struct DeadlineSettings {
    pub proposal: crate::domain::deadline::DeadlineRule,
    pub agenda_release: crate::domain::deadline::DeadlineRule,
    pub closed: crate::domain::holidays::ClosedDays,
}

pub fn deadline_settings(
    conn: &mut DbConnection,
    organization: OrganizationId,
) -> AppResult<DeadlineSettings> {
    use crate::domain::deadline::{DEFAULT_AGENDA_RELEASE, DEFAULT_PROPOSAL_DEADLINE};
    let (body_id, proposal, release): (i64, Option<String>, Option<String>) = organizations::table
        .find(organization.0)
        .select((
            organizations::body_id,
            organizations::proposal_deadline_rule,
            organizations::agenda_release_rule,
        ))
        .first(conn)?;
    let rule = |text: Option<String>, default| match text {
        Some(t) => t.parse().map_err(AppError::internal),
        None => Ok(default),
    };
    Ok(DeadlineSettings {
        proposal: rule(proposal, DEFAULT_PROPOSAL_DEADLINE)?,
        agenda_release: rule(release, DEFAULT_AGENDA_RELEASE)?,
        closed: closed_days(conn, BodyId(body_id))?,
    })
}

/// A body's closed days beyond the public holidays and the usual three, by date.
pub fn extra_closed_days(
    conn: &mut DbConnection,
    body: BodyId,
) -> AppResult<Vec<crate::domain::holidays::ExtraClosedDay>> {
    use super::schema::closed_days;
    let rows: Vec<(NaiveDate, String)> = closed_days::table
        .filter(closed_days::body_id.eq(body.0))
        .order(closed_days::day)
        .select((closed_days::day, closed_days::name))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(date, name)| crate::domain::holidays::ExtraClosedDay { date, name })
        .collect())
}

/// A body's closed days: the usual three as flags, and the further days replacing those stored.
pub fn set_closed_days(
    conn: &mut DbConnection,
    body: BodyId,
    closed: &crate::domain::holidays::ClosedDays,
) -> AppResult<()> {
    use super::schema::closed_days;
    diesel::update(bodies::table.find(body.0))
        .set((
            bodies::closed_constitution_day.eq(closed.constitution_day),
            bodies::closed_christmas_eve.eq(closed.christmas_eve),
            bodies::closed_new_years_eve.eq(closed.new_years_eve),
        ))
        .execute(conn)?;
    diesel::delete(closed_days::table.filter(closed_days::body_id.eq(body.0))).execute(conn)?;
    for day in &closed.extra {
        diesel::insert_into(closed_days::table)
            .values((
                closed_days::body_id.eq(body.0),
                closed_days::day.eq(day.date),
                closed_days::name.eq(&day.name),
                closed_days::created_at.eq(now()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// A body's closed days as stored.
pub fn closed_days(
    conn: &mut DbConnection,
    body: BodyId,
) -> AppResult<crate::domain::holidays::ClosedDays> {
    let (constitution_day, christmas_eve, new_years_eve): (bool, bool, bool) = bodies::table
        .find(body.0)
        .select((
            bodies::closed_constitution_day,
            bodies::closed_christmas_eve,
            bodies::closed_new_years_eve,
        ))
        .first(conn)?;
    Ok(crate::domain::holidays::ClosedDays {
        constitution_day,
        christmas_eve,
        new_years_eve,
        extra: Vec::new(),
    }
    .with_extra(extra_closed_days(conn, body)?))
}

/// Sets a body's deadline rules (stored form, see `domain::deadline`).
pub fn set_deadline_rules(
    conn: &mut DbConnection,
    organization: OrganizationId,
    proposal: Option<&crate::domain::deadline::DeadlineRule>,
    agenda_release: Option<&crate::domain::deadline::DeadlineRule>,
) -> AppResult<()> {
    diesel::update(organizations::table.find(organization.0))
        .set((
            organizations::proposal_deadline_rule.eq(proposal.map(ToString::to_string)),
            organizations::agenda_release_rule.eq(agenda_release.map(ToString::to_string)),
        ))
        .execute(conn)?;
    Ok(())
}

/// Who gets a body's agendas on `date`: its members, chair and vice-chair (not substitutes or
/// staff), as (name, address) where an address is known: the person's own, else their account's.
pub fn member_addresses(
    conn: &mut DbConnection,
    organization: OrganizationId,
    date: NaiveDate,
) -> AppResult<Vec<(String, Option<String>)>> {
    use super::schema::users;
    let rows: Vec<(i64, String, Option<String>, Option<String>)> = memberships::table
        .inner_join(persons::table)
        .left_join(users::table.on(users::person_id.eq(persons::id.nullable())))
        .filter(memberships::organization_id.eq(organization.0))
        .filter(memberships::role.eq_any(seat_roles()))
        .filter(memberships::start_date.le(date))
        .filter(
            memberships::end_date
                .is_null()
                .or(memberships::end_date.ge(date)),
        )
        .select((
            persons::id,
            persons::name,
            persons::email,
            users::email.nullable(),
        ))
        .order((persons::name, persons::id))
        .load(conn)?;
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (id, name, own, account) in rows {
        // A person with two accounts, or two seats, is mailed once.
        if seen.insert(id) {
            out.push((name, own.or(account)));
        }
    }
    Ok(out)
}

/// The body (municipality) an organization belongs to.
pub fn body_of(conn: &mut DbConnection, organization: OrganizationId) -> AppResult<BodyId> {
    organizations::table
        .find(organization.0)
        .select(organizations::body_id)
        .first(conn)
        .optional()?
        .map(BodyId)
        .ok_or_else(|| AppError::not_found("error-the-organisation-does-not-exist"))
}

/// Every person of a body, by name.
pub fn persons_of_body(
    conn: &mut DbConnection,
    body: BodyId,
) -> AppResult<Vec<(PersonId, String)>> {
    let rows: Vec<(i64, String)> = persons::table
        .filter(persons::body_id.eq(body.0))
        .select((persons::id, persons::name))
        .order(persons::name)
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| (PersonId(id), name))
        .collect())
}
