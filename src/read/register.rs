//! The register as people read it: organizations, persons and memberships, for the settings
//! pages and the JSON API alike. Names, kinds, parties and seats are public (they are in every
//! agenda); addresses only for the secretariat.

use chrono::NaiveDate;
use serde::Serialize;

use crate::db::DbConnection;
use crate::db::organizations::{self as orgs, Membership, Organization, Person};
use crate::domain::organization::{MembershipRole, OrganizationKind};
use crate::domain::{MembershipId, OrganizationId, PersonId};
use crate::error::AppResult;

/// An organization of the municipality.
#[derive(Debug, Clone, Serialize)]
pub struct OrganizationView {
    pub id: OrganizationId,
    pub kind: OrganizationKind,
    pub kind_label: String,
    pub name: String,
    pub short_name: Option<String>,
    /// Where it receives mail, the main address first (the secretariat only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub emails: Option<Vec<String>>,
    pub parent_id: Option<OrganizationId>,
    pub parent_name: Option<String>,
    pub website: Option<String>,
    /// A deactivated organization keeps its history but gets nothing new.
    pub active: bool,
    /// The language of mail to it; none: the municipality's.
    pub language: Option<crate::domain::language::Lang>,
    /// The API's address of it.
    pub url: String,
}

impl OrganizationView {
    /// `all` gives the parent's name; `with_emails` says whether the reader may see addresses.
    pub fn new(
        lang: crate::domain::language::Lang,
        base: &str,
        o: &Organization,
        all: &[Organization],
        with_emails: bool,
    ) -> Self {
        OrganizationView {
            id: o.id,
            kind: o.kind,
            kind_label: o.kind.label(lang),
            name: o.name.clone(),
            short_name: o.short_name.clone(),
            emails: with_emails.then(|| o.emails().into_iter().map(str::to_owned).collect()),
            parent_id: o.parent_id,
            parent_name: o
                .parent_id
                .and_then(|p| all.iter().find(|x| x.id == p))
                .map(|p| p.name.clone()),
            website: o.website.clone(),
            active: o.active,
            language: o.language,
            url: format!("{base}/api/v1/organizations/{}", o.id),
        }
    }
}

/// Every organization, the council first, then by kind and name; deactivated ones last within
/// their kind.
pub fn organizations(
    lang: crate::domain::language::Lang,
    conn: &mut DbConnection,
    base: &str,
    with_emails: bool,
) -> AppResult<Vec<OrganizationView>> {
    let all = orgs::list(conn)?;
    let mut views: Vec<OrganizationView> = all
        .iter()
        .map(|o| OrganizationView::new(lang, base, o, &all, with_emails))
        .collect();
    views.sort_by_key(|v| (kind_order(v.kind), !v.active, v.name.to_lowercase()));
    Ok(views)
}

/// The order kinds are listed in: the council, its committees, parties, administrations,
/// outside organizations.
pub fn kind_order(kind: OrganizationKind) -> usize {
    OrganizationKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(usize::MAX)
}

pub fn organization(
    lang: crate::domain::language::Lang,
    conn: &mut DbConnection,
    base: &str,
    id: OrganizationId,
    with_emails: bool,
) -> AppResult<Option<OrganizationView>> {
    let all = orgs::list(conn)?;
    Ok(all
        .iter()
        .find(|o| o.id == id)
        .map(|o| OrganizationView::new(lang, base, o, &all, with_emails)))
}

/// A membership: who, where, in which role and for which party, from when to when.
#[derive(Debug, Clone, Serialize)]
pub struct MembershipView {
    pub id: MembershipId,
    pub person_id: PersonId,
    pub person_name: String,
    pub organization_id: OrganizationId,
    pub organization_name: String,
    pub role: MembershipRole,
    pub role_label: String,
    pub party_id: Option<OrganizationId>,
    pub party_name: Option<String>,
    pub party_short_name: Option<String>,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    /// A substitute's place in the party's order.
    pub position: Option<i32>,
    /// Whether it holds today.
    pub current: bool,
}

impl MembershipView {
    pub fn new(lang: crate::domain::language::Lang, m: &Membership, today: NaiveDate) -> Self {
        MembershipView {
            id: m.id,
            person_id: m.person_id,
            person_name: m.person_name.clone(),
            organization_id: m.organization_id,
            organization_name: m.organization_name.clone(),
            role: m.role,
            role_label: m.role.label(lang),
            party_id: m.party_id,
            party_name: m.party_name.clone(),
            party_short_name: m.party_short_name.clone(),
            start_date: m.start_date,
            end_date: m.end_date,
            position: m.position,
            current: m.holds_on(today),
        }
    }
}

pub fn membership(
    lang: crate::domain::language::Lang,
    conn: &mut DbConnection,
    id: MembershipId,
    today: NaiveDate,
) -> AppResult<Option<MembershipView>> {
    Ok(orgs::get_membership(conn, id)?.map(|m| MembershipView::new(lang, &m, today)))
}

/// The memberships of an organization: the current ones first (seats by role, then
/// substitutes in their party's order), then the past ones, newest first.
pub fn members_of(
    lang: crate::domain::language::Lang,
    conn: &mut DbConnection,
    id: OrganizationId,
    today: NaiveDate,
) -> AppResult<Vec<MembershipView>> {
    let mut list: Vec<MembershipView> = orgs::memberships_of_organization(conn, id)?
        .iter()
        .map(|m| MembershipView::new(lang, m, today))
        .collect();
    list.sort_by(|a, b| {
        let key = |m: &MembershipView| {
            (
                !m.current,
                role_order(m.role),
                m.party_name.clone(),
                m.position,
                std::cmp::Reverse(m.end_date),
                m.person_name.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    Ok(list)
}

fn role_order(role: MembershipRole) -> usize {
    [
        MembershipRole::Chair,
        MembershipRole::ViceChair,
        MembershipRole::Member,
        MembershipRole::Substitute,
        MembershipRole::Staff,
    ]
    .iter()
    .position(|r| *r == role)
    .unwrap_or(usize::MAX)
}

/// A person with their memberships, current and past.
#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    pub id: PersonId,
    pub name: String,
    pub title: Option<String>,
    /// The secretariat only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    pub memberships: Vec<MembershipView>,
    pub url: String,
}

impl PersonView {
    fn new(base: &str, p: &Person, memberships: Vec<MembershipView>, with_email: bool) -> Self {
        PersonView {
            id: p.id,
            name: p.name.clone(),
            title: p.title.clone(),
            email: if with_email { p.email.clone() } else { None },
            memberships,
            url: format!("{base}/api/v1/persons/{}", p.id),
        }
    }
}

fn memberships_of_person(
    lang: crate::domain::language::Lang,
    conn: &mut DbConnection,
    id: PersonId,
    today: NaiveDate,
) -> AppResult<Vec<MembershipView>> {
    let mut list: Vec<MembershipView> = orgs::memberships_of_person(conn, id)?
        .iter()
        .map(|m| MembershipView::new(lang, m, today))
        .collect();
    list.sort_by_key(|m| (!m.current, std::cmp::Reverse(m.start_date)));
    Ok(list)
}

pub fn person(
    lang: crate::domain::language::Lang,
    conn: &mut DbConnection,
    base: &str,
    id: PersonId,
    with_email: bool,
    today: NaiveDate,
) -> AppResult<Option<PersonView>> {
    let Some(p) = orgs::get_person(conn, id)? else {
        return Ok(None);
    };
    let memberships = memberships_of_person(lang, conn, id, today)?;
    Ok(Some(PersonView::new(base, &p, memberships, with_email)))
}

/// A page of persons by name, each with their memberships, and how many there are.
pub fn persons(
    lang: crate::domain::language::Lang,
    conn: &mut DbConnection,
    base: &str,
    offset: i64,
    limit: i64,
    with_email: bool,
    today: NaiveDate,
) -> AppResult<(Vec<PersonView>, i64)> {
    let (list, total) = orgs::persons_page(conn, offset, limit)?;
    let mut out = Vec::with_capacity(list.len());
    for p in &list {
        let memberships = memberships_of_person(lang, conn, p.id, today)?;
        out.push(PersonView::new(base, p, memberships, with_email));
    }
    Ok((out, total))
}
