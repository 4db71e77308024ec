//! The body, its organizations, persons and memberships.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::schema::{bodies, memberships, organizations, persons};
use super::{DbConnection, now};
use crate::domain::organization::{MembershipRole, OrganizationKind};
use crate::domain::{BodyId, EmailAddress, OrganizationId, PersonId};
use crate::error::{AppError, AppResult};

#[derive(Debug, Clone)]
pub struct Organization {
    pub id: OrganizationId,
    pub body_id: BodyId,
    pub kind: OrganizationKind,
    pub name: String,
    pub short_name: Option<String>,
    pub email: Option<String>,
    pub parent_id: Option<OrganizationId>,
    pub website: Option<String>,
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
    parent_id: Option<i64>,
    website: Option<String>,
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
            parent_id: row.parent_id.map(OrganizationId),
            website: row.website,
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
        ))
        .returning(bodies::id)
        .get_result(conn)?;
    Ok(BodyId(id))
}

/// A new organization. Administrations must have an address to receive their tasks at, so the
/// email is typed here rather than checked later.
pub struct NewOrganization<'a> {
    pub body_id: BodyId,
    pub kind: OrganizationKind,
    pub name: &'a str,
    pub short_name: Option<&'a str>,
    pub email: Option<&'a EmailAddress>,
    pub parent_id: Option<OrganizationId>,
    pub website: Option<&'a str>,
}

pub fn insert_organization(
    conn: &mut DbConnection,
    new: &NewOrganization,
) -> AppResult<OrganizationId> {
    if new.kind == OrganizationKind::Administration && new.email.is_none() {
        return Err(AppError::bad_request(format!(
            "Forvaltningen »{}« skal have en e-mailadresse.",
            new.name
        )));
    }
    let id = diesel::insert_into(organizations::table)
        .values((
            organizations::body_id.eq(new.body_id.0),
            organizations::kind.eq(new.kind.as_str()),
            organizations::name.eq(new.name),
            organizations::short_name.eq(new.short_name),
            organizations::email.eq(new.email.map(EmailAddress::as_str)),
            organizations::parent_id.eq(new.parent_id.map(|p| p.0)),
            organizations::website.eq(new.website),
            organizations::created_at.eq(now()),
        ))
        .returning(organizations::id)
        .get_result(conn)?;
    Ok(OrganizationId(id))
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
}

pub fn insert_membership(conn: &mut DbConnection, new: &NewMembership) -> AppResult<()> {
    diesel::insert_into(memberships::table)
        .values((
            memberships::person_id.eq(new.person_id.0),
            memberships::organization_id.eq(new.organization_id.0),
            memberships::party_id.eq(new.party_id.map(|p| p.0)),
            memberships::role.eq(new.role.as_str()),
            memberships::start_date.eq(new.start_date),
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

/// Members on `date`, chair first, then by name.
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
#[derive(Debug, Clone, Copy)]
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
    let (constitution_day, christmas_eve, new_years_eve): (bool, bool, bool) = bodies::table
        .find(body_id)
        .select((
            bodies::closed_constitution_day,
            bodies::closed_christmas_eve,
            bodies::closed_new_years_eve,
        ))
        .first(conn)?;
    let rule = |text: Option<String>, default| match text {
        Some(t) => t.parse().map_err(AppError::internal),
        None => Ok(default),
    };
    Ok(DeadlineSettings {
        proposal: rule(proposal, DEFAULT_PROPOSAL_DEADLINE)?,
        agenda_release: rule(release, DEFAULT_AGENDA_RELEASE)?,
        closed: crate::domain::holidays::ClosedDays {
            constitution_day,
            christmas_eve,
            new_years_eve,
        },
    })
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
        .filter(memberships::role.eq_any([
            MembershipRole::Member.as_str(),
            MembershipRole::Chair.as_str(),
            MembershipRole::ViceChair.as_str(),
        ]))
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
        .ok_or_else(|| AppError::not_found("Organisationen findes ikke."))
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
