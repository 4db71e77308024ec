//! The register: organizations, persons, memberships and election periods, as the secretariat
//! keeps them (the settings pages, the JSON API, the CSV import and the demo all come here).
//! Each change is checked in full before anything is written, written in one transaction and
//! recorded in the audit log. Nothing history refers to is deleted: organizations are
//! deactivated, memberships ended.

use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::db::audit::{self, Change, SubjectKind};
use crate::db::organizations::{
    self as orgs, Membership, NewMembership, Organization, OrganizationRecord, Person,
};
use crate::db::{DbConnection, write_transaction};
use crate::domain::account::Actor;
use crate::domain::organization::{MembershipRole, OrganizationKind};
use crate::domain::proposal::FieldErrors;
use crate::domain::register::{
    MembershipFields, MembershipInput, OrganizationFields, OrganizationInput, PeriodInput,
    PersonInput, check_membership, check_organization, check_period, check_person, last_day_before,
    periods_overlap,
};
use crate::domain::{BodyId, ElectionPeriodId, MembershipId, OrganizationId, PersonId};
use crate::error::{AppError, AppResult};

pub const BODY: SubjectKind = SubjectKind("body");
pub const ORGANIZATION: SubjectKind = SubjectKind("organization");
pub const PERSON: SubjectKind = SubjectKind("person");
pub const MEMBERSHIP: SubjectKind = SubjectKind("membership");
pub const ELECTION_PERIOD: SubjectKind = SubjectKind("election_period");

/// A change that is either done or refused field by field (the form shows each problem at its
/// field, the API lists them); other errors (not found, the database) are the outer `Err`.
pub type Checked<T> = AppResult<Result<T, FieldErrors>>;

/// The municipality of this installation; `agendum setup` or the demo made it.
pub fn body(conn: &mut DbConnection) -> AppResult<BodyId> {
    crate::db::letters::default_body(conn)
}

/// A new instance's municipality (`agendum setup`, the demo).
pub fn create_body(conn: &mut DbConnection, actor: &Actor, name: &str) -> AppResult<BodyId> {
    write_transaction(conn, |conn| {
        let id = orgs::insert_body(conn, name, None, None)?;
        audit::record(
            conn,
            actor,
            Change {
                action: "body.created",
                subject: BODY.with(id),
                before: None,
                after: Some(json!({ "name": name })),
                note: None,
            },
        )?;
        Ok(id)
    })
}

fn organization_json(o: &Organization) -> Value {
    json!({
        "kind": o.kind.as_str(),
        "name": o.name,
        "short_name": o.short_name,
        "emails": o.emails(),
        "parent_id": o.parent_id,
        "website": o.website,
        "active": o.active,
    })
}

/// The form's values for an organization as stored, to edit it or to patch part of it.
pub fn organization_input(o: &Organization) -> OrganizationInput {
    OrganizationInput {
        kind: o.kind.as_str().to_owned(),
        name: o.name.clone(),
        short_name: o.short_name.clone().unwrap_or_default(),
        emails: o.emails().join("\n"),
        parent: o.parent_id.map(|p| p.to_string()).unwrap_or_default(),
        website: o.website.clone().unwrap_or_default(),
        language: o
            .language
            .map(|l| l.as_str().to_owned())
            .unwrap_or_default(),
    }
}

/// Checks what needs the database: the short name and the name are free in the body, the
/// parent is one of its organizations and not the organization itself or below it, and a
/// municipality has one council.
fn check_in_register(
    all: &[Organization],
    body: BodyId,
    this: Option<OrganizationId>,
    fields: &OrganizationFields,
) -> FieldErrors {
    let mut errors = FieldErrors::default();
    let others = || {
        all.iter()
            .filter(move |o| o.body_id == body && Some(o.id) != this)
    };
    if let Some(short) = &fields.short_name
        && let Some(other) = others().find(|o| {
            o.short_name
                .as_deref()
                .is_some_and(|s| s.to_lowercase() == short.to_lowercase())
        })
    {
        errors.add(
            "short_name",
            crate::i18n::Msg::key("field-the-abbreviation-is-already-used-by")
                .arg("name", &other.name)
                .arg("short", short),
        );
    }
    if others()
        .any(|o| o.kind == fields.kind && o.name.to_lowercase() == fields.name.to_lowercase())
    {
        errors.add(
            "name",
            crate::i18n::Msg::key("field-an-organisation-of-the-same-kind")
                .arg("name", &fields.name),
        );
    }
    if fields.kind == OrganizationKind::Council
        && let Some(other) = others().find(|o| o.kind == OrganizationKind::Council && o.active)
    {
        errors.add(
            "kind",
            crate::i18n::Msg::key("field-the-municipality-already-has-its-municipal")
                .arg("name", &other.name),
        );
    }
    if let Some(parent) = fields.parent {
        match all.iter().find(|o| o.id.0 == parent && o.body_id == body) {
            None => errors.add("parent", "field-the-parent-organisation-does-not-exist"),
            Some(_) if Some(OrganizationId(parent)) == this => {
                errors.add("parent", "field-an-organisation-cannot-belong-under-itself")
            }
            Some(p) => {
                // Walking up from the parent must not reach this organization.
                let mut at = Some(p);
                let mut steps = 0;
                while let Some(o) = at {
                    if Some(o.id) == this || steps > all.len() {
                        errors.add(
                            "parent",
                            "field-the-parent-organisation-itself-belongs-under",
                        );
                        break;
                    }
                    steps += 1;
                    at = o.parent_id.and_then(|id| all.iter().find(|x| x.id == id));
                }
            }
        }
    }
    errors
}

fn record_of<'a>(body: BodyId, fields: &'a OrganizationFields) -> OrganizationRecord<'a> {
    OrganizationRecord {
        body_id: body,
        kind: fields.kind,
        name: &fields.name,
        short_name: fields.short_name.as_deref(),
        emails: &fields.emails,
        parent_id: fields.parent.map(OrganizationId),
        website: fields.website.as_deref(),
        language: fields.language,
    }
}

/// Creates an organization of the municipality.
pub fn create_organization(
    conn: &mut DbConnection,
    actor: &Actor,
    input: &OrganizationInput,
) -> Checked<OrganizationId> {
    let fields = match check_organization(input) {
        Ok(f) => f,
        Err(errors) => return Ok(Err(errors)),
    };
    write_transaction(conn, |conn| {
        let body = body(conn)?;
        let all = orgs::list(conn)?;
        let errors = check_in_register(&all, body, None, &fields);
        if !errors.is_empty() {
            return Ok(Err(errors));
        }
        let id = orgs::insert_organization(conn, &record_of(body, &fields))?;
        let created = orgs::get(conn, id)?.ok_or_else(|| AppError::internal("just inserted"))?;
        audit::record(
            conn,
            actor,
            Change {
                action: "organization.created",
                subject: ORGANIZATION.with(id),
                before: None,
                after: Some(organization_json(&created)),
                note: None,
            },
        )?;
        Ok(Ok(id))
    })
}

fn organization(conn: &mut DbConnection, id: OrganizationId) -> AppResult<Organization> {
    orgs::get(conn, id)?.ok_or_else(|| AppError::not_found("error-the-organisation-does-not-exist"))
}

/// Changes an organization's name, short name, addresses, parent and web address. Its kind
/// stays: history (meetings, tasks, memberships) was made under it.
pub fn update_organization(
    conn: &mut DbConnection,
    actor: &Actor,
    id: OrganizationId,
    input: &OrganizationInput,
) -> Checked<()> {
    let fields = match check_organization(input) {
        Ok(f) => f,
        Err(errors) => return Ok(Err(errors)),
    };
    write_transaction(conn, |conn| {
        let before = organization(conn, id)?;
        if fields.kind != before.kind {
            let mut errors = FieldErrors::default();
            errors.add(
                "kind",
                crate::i18n::Msg::key("field-an-organisations-kind-cannot-be-changed")
                    .arg("name", &before.name)
                    .label("arg1", before.kind.label_key()),
            );
            return Ok(Err(errors));
        }
        let all = orgs::list(conn)?;
        let errors = check_in_register(&all, before.body_id, Some(id), &fields);
        if !errors.is_empty() {
            return Ok(Err(errors));
        }
        orgs::update_organization(conn, id, &record_of(before.body_id, &fields))?;
        let after = organization(conn, id)?;
        audit::record(
            conn,
            actor,
            Change {
                action: "organization.updated",
                subject: ORGANIZATION.with(id),
                before: Some(organization_json(&before)),
                after: Some(organization_json(&after)),
                note: None,
            },
        )?;
        Ok(Ok(()))
    })
}

/// Deactivates an organization from `today` (it keeps its history; an administration gets no
/// new tasks, a body no new meetings or members), or activates it again.
pub fn set_organization_active(
    conn: &mut DbConnection,
    actor: &Actor,
    id: OrganizationId,
    active: bool,
    today: NaiveDate,
) -> AppResult<()> {
    write_transaction(conn, |conn| {
        let before = organization(conn, id)?;
        if before.active == active {
            return Ok(());
        }
        if !active && before.kind == OrganizationKind::Council {
            return Err(AppError::invalid(
                "error-the-municipal-council-cannot-be-deactivated",
            ));
        }
        orgs::set_active(conn, id, active, (!active).then_some(today))?;
        audit::record(
            conn,
            actor,
            Change {
                action: if active {
                    "organization.reactivated"
                } else {
                    "organization.deactivated"
                },
                subject: ORGANIZATION.with(id),
                before: Some(json!({ "active": before.active })),
                after: Some(json!({ "active": active })),
                note: None,
            },
        )?;
        Ok(())
    })
}

/// Changes an organization's fields and, when `active` is given, deactivates or reactivates it:
/// all in one transaction, so a refused part leaves nothing half-written (the JSON API's PATCH).
pub fn change_organization(
    conn: &mut DbConnection,
    actor: &Actor,
    id: OrganizationId,
    input: &OrganizationInput,
    active: Option<bool>,
    today: NaiveDate,
) -> Checked<()> {
    write_transaction(conn, |conn| {
        let current = organization_input(&organization(conn, id)?);
        if *input != current
            && let Err(errors) = update_organization(conn, actor, id, input)?
        {
            return Ok(Err(errors));
        }
        if let Some(active) = active {
            set_organization_active(conn, actor, id, active, today)?;
        }
        Ok(Ok(()))
    })
}

fn person_json(p: &Person) -> Value {
    json!({ "name": p.name, "title": p.title, "email": p.email })
}

/// The form's values for a person as stored.
pub fn person_input(p: &Person) -> PersonInput {
    PersonInput {
        name: p.name.clone(),
        title: p.title.clone().unwrap_or_default(),
        email: p.email.clone().unwrap_or_default(),
    }
}

pub fn create_person(
    conn: &mut DbConnection,
    actor: &Actor,
    input: &PersonInput,
) -> Checked<PersonId> {
    let fields = match check_person(input) {
        Ok(f) => f,
        Err(errors) => return Ok(Err(errors)),
    };
    write_transaction(conn, |conn| {
        let body = body(conn)?;
        let id = orgs::insert_person(
            conn,
            body,
            &fields.name,
            fields.title.as_deref(),
            fields.email.as_ref(),
        )?;
        let created = person(conn, id)?;
        audit::record(
            conn,
            actor,
            Change {
                action: "person.created",
                subject: PERSON.with(id),
                before: None,
                after: Some(person_json(&created)),
                note: None,
            },
        )?;
        Ok(Ok(id))
    })
}

fn person(conn: &mut DbConnection, id: PersonId) -> AppResult<Person> {
    orgs::get_person(conn, id)?
        .ok_or_else(|| AppError::not_found("error-the-person-does-not-exist"))
}

pub fn update_person(
    conn: &mut DbConnection,
    actor: &Actor,
    id: PersonId,
    input: &PersonInput,
) -> Checked<()> {
    let fields = match check_person(input) {
        Ok(f) => f,
        Err(errors) => return Ok(Err(errors)),
    };
    write_transaction(conn, |conn| {
        let before = person(conn, id)?;
        orgs::update_person(
            conn,
            id,
            &fields.name,
            fields.title.as_deref(),
            fields.email.as_ref(),
        )?;
        let after = person(conn, id)?;
        audit::record(
            conn,
            actor,
            Change {
                action: "person.updated",
                subject: PERSON.with(id),
                before: Some(person_json(&before)),
                after: Some(person_json(&after)),
                note: None,
            },
        )?;
        Ok(Ok(()))
    })
}

fn membership_json(m: &Membership) -> Value {
    json!({
        "person_id": m.person_id,
        "organization_id": m.organization_id,
        "party_id": m.party_id,
        "role": m.role.as_str(),
        "start_date": m.start_date,
        "end_date": m.end_date,
        "position": m.position,
    })
}

/// The form's values for a membership as stored.
pub fn membership_input(m: &Membership) -> MembershipInput {
    MembershipInput {
        person: m.person_id.to_string(),
        organization: m.organization_id.to_string(),
        role: m.role.as_str().to_owned(),
        party: m.party_id.map(|p| p.to_string()).unwrap_or_default(),
        start_date: crate::domain::time::day_da(m.start_date),
        end_date: m
            .end_date
            .map(crate::domain::time::day_da)
            .unwrap_or_default(),
        position: m.position.map(|p| p.to_string()).unwrap_or_default(),
    }
}

/// Checks a membership against the register: the person and the organization exist (a new
/// membership only in an active organization), the party is a party, and the person has no
/// other membership of the same organization on any of its days. A substitute without a place
/// goes last in the party's order.
fn check_membership_in_register(
    conn: &mut DbConnection,
    this: Option<&Membership>,
    fields: &mut MembershipFields,
) -> AppResult<FieldErrors> {
    let mut errors = FieldErrors::default();
    let person = orgs::get_person(conn, PersonId(fields.person))?;
    if person.is_none() {
        errors.add("person", "field-the-person-does-not-exist");
    }
    let organization = orgs::get(conn, OrganizationId(fields.organization))?;
    match &organization {
        None => errors.add("organization", "field-the-organisation-does-not-exist"),
        Some(o) if !o.active && this.is_none() => errors.add(
            "organization",
            crate::i18n::Msg::key("field-is-deactivated-and-gets-no-new").arg("name", &o.name),
        ),
        Some(o) if o.kind == OrganizationKind::Party && fields.party.is_some() => {
            errors.add("party", "field-a-membership-of-a-party-does")
        }
        Some(_) => {}
    }
    if let Some(party) = fields.party {
        match orgs::get(conn, OrganizationId(party))? {
            Some(p) if p.kind == OrganizationKind::Party => {}
            _ => errors.add("party", "field-choose-one-of-the-municipalitys-parties"),
        }
    }
    if let (Some(_), Some(_)) = (&person, &organization) {
        let clash = orgs::memberships_of_person(conn, PersonId(fields.person))?
            .into_iter()
            .filter(|m| m.organization_id.0 == fields.organization)
            .filter(|m| this.is_none_or(|t| t.id != m.id))
            .find(|m| {
                periods_overlap(
                    (m.start_date, m.end_date),
                    (fields.start_date, fields.end_date),
                )
            });
        if let Some(m) = clash {
            errors.add(
                "start_date",
                crate::i18n::Msg::key("field-is-already-of-from-two-memberships")
                    .arg("person_name", &m.person_name)
                    .label("arg1", m.role.label_key())
                    .arg("organization_name", &m.organization_name)
                    .arg("arg3", crate::domain::time::day_da(m.start_date))
                    .msg(
                        "arg4",
                        m.end_date.map_or(crate::i18n::Msg::text(""), |d| {
                            crate::i18n::Msg::key("date-range-until")
                                .arg("day", crate::domain::time::day_da(d))
                        }),
                    ),
            );
        }
    }
    if errors.is_empty() && fields.role == MembershipRole::Substitute && fields.position.is_none() {
        let last = orgs::memberships_of_organization(conn, OrganizationId(fields.organization))?
            .iter()
            .filter(|m| {
                m.role == MembershipRole::Substitute && m.party_id.map(|p| p.0) == fields.party
            })
            .filter(|m| m.holds_on(fields.start_date))
            .filter_map(|m| m.position)
            .max()
            .unwrap_or(0);
        fields.position = Some(last + 1);
    }
    Ok(errors)
}

fn new_membership(fields: &MembershipFields) -> NewMembership {
    NewMembership {
        person_id: PersonId(fields.person),
        organization_id: OrganizationId(fields.organization),
        party_id: fields.party.map(OrganizationId),
        role: fields.role,
        start_date: fields.start_date,
        end_date: fields.end_date,
        position: fields.position,
    }
}

fn membership(conn: &mut DbConnection, id: MembershipId) -> AppResult<Membership> {
    orgs::get_membership(conn, id)?
        .ok_or_else(|| AppError::not_found("error-the-membership-does-not-exist"))
}

/// Adds a membership: a seat in the council or a committee (with the party it is held for), a
/// substitute's place, a party's member, administration staff.
pub fn add_membership(
    conn: &mut DbConnection,
    actor: &Actor,
    input: &MembershipInput,
) -> Checked<MembershipId> {
    let mut fields = match check_membership(input) {
        Ok(f) => f,
        Err(errors) => return Ok(Err(errors)),
    };
    write_transaction(conn, |conn| {
        let errors = check_membership_in_register(conn, None, &mut fields)?;
        if !errors.is_empty() {
            return Ok(Err(errors));
        }
        let id = orgs::insert_membership(conn, &new_membership(&fields))?;
        let created = membership(conn, id)?;
        audit::record(
            conn,
            actor,
            Change {
                action: "membership.created",
                subject: MEMBERSHIP.with(id),
                before: None,
                after: Some(membership_json(&created)),
                note: None,
            },
        )?;
        Ok(Ok(id))
    })
}

/// Changes a membership's role, party, days or place; ending one is giving it a last day. The
/// person and the organization stay (a different seat is a new membership).
pub fn update_membership(
    conn: &mut DbConnection,
    actor: &Actor,
    id: MembershipId,
    input: &MembershipInput,
) -> Checked<()> {
    let mut fields = match check_membership(input) {
        Ok(f) => f,
        Err(errors) => return Ok(Err(errors)),
    };
    write_transaction(conn, |conn| {
        let before = membership(conn, id)?;
        let mut errors = FieldErrors::default();
        if fields.person != before.person_id.0 {
            errors.add("person", "field-a-membership-cannot-be-moved-to");
        }
        if fields.organization != before.organization_id.0 {
            errors.add("organization", "field-a-membership-cannot-be-moved-to-2");
        }
        if !errors.is_empty() {
            return Ok(Err(errors));
        }
        let errors = check_membership_in_register(conn, Some(&before), &mut fields)?;
        if !errors.is_empty() {
            return Ok(Err(errors));
        }
        orgs::update_membership(conn, id, &new_membership(&fields))?;
        let after = membership(conn, id)?;
        audit::record(
            conn,
            actor,
            Change {
                action: "membership.updated",
                subject: MEMBERSHIP.with(id),
                before: Some(membership_json(&before)),
                after: Some(membership_json(&after)),
                note: None,
            },
        )?;
        Ok(Ok(()))
    })
}

/// What starting an election period did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodStarted {
    pub id: ElectionPeriodId,
    /// Seats in the council and committees that ended the day before.
    pub seats_ended: usize,
}

/// Starts an election period: the period before ends the day before, and so does every seat in
/// the council and the committees that runs past it (seats entered ahead for the new period,
/// starting on or after its first day, stay). Party memberships are not seats and go on.
pub fn start_election_period(
    conn: &mut DbConnection,
    actor: &Actor,
    input: &PeriodInput,
) -> Checked<PeriodStarted> {
    let (name, start) = match check_period(input) {
        Ok(p) => p,
        Err(errors) => return Ok(Err(errors)),
    };
    write_transaction(conn, |conn| {
        let body = body(conn)?;
        let periods = orgs::election_periods(conn, body)?;
        if let Some(latest) = periods.first()
            && latest.start_date >= start
        {
            let mut errors = FieldErrors::default();
            errors.add(
                "start_date",
                crate::i18n::Msg::key("field-the-electoral-term-begins-a-new")
                    .arg("name", &latest.name)
                    .arg("arg1", crate::domain::time::day_da(latest.start_date)),
            );
            return Ok(Err(errors));
        }
        let last_day = last_day_before(start);
        for p in periods
            .iter()
            .filter(|p| p.end_date.is_none_or(|e| e > last_day))
        {
            orgs::end_election_period(conn, p.id, last_day)?;
        }
        let seats_ended = orgs::end_seats_after(conn, body, last_day)?;
        let id = orgs::insert_election_period(conn, body, &name, start)?;
        audit::record(
            conn,
            actor,
            Change {
                action: "election_period.started",
                subject: ELECTION_PERIOD.with(id),
                before: None,
                after: Some(json!({
                    "name": name,
                    "start_date": start,
                    "seats_ended": seats_ended,
                    "seats_end_date": last_day,
                })),
                note: None,
            },
        )?;
        Ok(Ok(PeriodStarted { id, seats_ended }))
    })
}
