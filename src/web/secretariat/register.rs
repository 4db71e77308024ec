//! The register under `/secretariat/settings`: the municipality's organizations (create, edit,
//! deactivate), its persons and their memberships, and the election periods. Every change goes
//! through `service::register`; a refused form comes back with each problem at its field.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

use crate::db::DbConnection;
use crate::db::organizations as orgs;
use crate::domain::organization::{MembershipRole, OrganizationKind};
use crate::domain::proposal::FieldErrors;
use crate::domain::register::{MembershipInput, OrganizationInput, PeriodInput, PersonInput};
use crate::domain::time::today;
use crate::domain::{MembershipId, OrganizationId, PersonId};
use crate::error::{AppError, AppResult};
use crate::read::register::{self as read, MembershipView, OrganizationView, kind_order};
use crate::service::register as service;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, CurrentUser, Secretariat};
use crate::web::forms::Choice;
use crate::web::forms::{ActiveForm, FormState, Posted, page, refused_or};
use crate::web::templates::render_page;

/// Persons per page of the register's list.
pub const PERSONS_PER_PAGE: i64 = 100;

pub(super) fn choices<'a>(
    items: impl IntoIterator<Item = (String, String)> + 'a,
    selected: &str,
) -> Vec<Choice> {
    items
        .into_iter()
        .map(|(value, label)| Choice {
            selected: value == selected.trim(),
            value,
            label,
        })
        .collect()
}

fn kinds(lang: crate::domain::language::Lang, selected: &str) -> Vec<Choice> {
    choices(
        OrganizationKind::ALL
            .iter()
            .map(|k| (k.as_str().to_owned(), k.label(lang).to_owned())),
        selected,
    )
}

fn roles(lang: crate::domain::language::Lang, selected: &str) -> Vec<Choice> {
    choices(
        MembershipRole::ALL
            .iter()
            .map(|r| (r.as_str().to_owned(), r.label(lang).to_owned())),
        selected,
    )
}

/// Organizations that can be chosen as `filter` says, as choices by kind and name.
fn organization_choices(
    list: &[OrganizationView],
    selected: &str,
    filter: impl Fn(&OrganizationView) -> bool,
) -> Vec<Choice> {
    choices(
        list.iter().filter(|o| filter(o)).map(|o| {
            let label = match &o.short_name {
                Some(s) => format!("{} ({s}) – {}", o.name, o.kind_label.to_lowercase()),
                None => format!("{} – {}", o.name, o.kind_label.to_lowercase()),
            };
            (o.id.to_string(), label)
        }),
        selected,
    )
}

fn organization_url(id: OrganizationId) -> String {
    format!("/secretariat/settings/organizations/{id}")
}

fn person_url(id: PersonId) -> String {
    format!("/secretariat/settings/persons/{id}")
}

fn base(state: &AppState) -> String {
    state.settings.base_url.clone()
}

// ---------------------------------------------------------------------------------------------
// Organizations

#[derive(Serialize)]
struct KindGroup {
    kind: OrganizationKind,
    label: String,
    rows: Vec<OrganizationView>,
}

#[derive(Serialize)]
struct OrganizationsPage {
    groups: Vec<KindGroup>,
    kinds: Vec<Choice>,
    parents: Vec<Choice>,
    form: FormState<OrganizationInput>,
}

fn organizations_page(
    conn: &mut DbConnection,
    base: &str,
    user: &CurrentUser,
    input: OrganizationInput,
    errors: &FieldErrors,
) -> AppResult<String> {
    let lang = user.lang;
    let list = read::organizations(lang, conn, base, true)?;
    let mut groups: Vec<KindGroup> = Vec::new();
    for o in &list {
        match groups.last_mut() {
            Some(g) if g.kind == o.kind => g.rows.push(o.clone()),
            _ => groups.push(KindGroup {
                kind: o.kind,
                label: o.kind.label(lang),
                rows: vec![o.clone()],
            }),
        }
    }
    groups.sort_by_key(|g| kind_order(g.kind));
    let view = OrganizationsPage {
        groups,
        kinds: kinds(lang, &input.kind),
        // A committee sits under the council, an administration under its committee.
        parents: organization_choices(&list, &input.parent, |o| {
            o.active && o.kind.holds_meetings()
        }),
        form: FormState::new(input, errors),
    };
    render_page("secretariat/settings_organizations.html", user, &view)
}

/// `GET /secretariat/settings/organizations`
pub async fn organizations(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
) -> AppResult<HttpResponse> {
    let base = base(&state);
    let body = state
        .db
        .run(move |conn| {
            organizations_page(
                conn,
                &base,
                &user,
                OrganizationInput::default(),
                &FieldErrors::default(),
            )
        })
        .await?;
    Ok(page(StatusCode::OK, body))
}

/// `POST /secretariat/settings/organizations`: creates one, then shows it.
pub async fn create_organization(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    CsrfForm(input): CsrfForm<OrganizationInput>,
) -> AppResult<HttpResponse> {
    let base = base(&state);
    state
        .db
        .run(
            move |conn| match service::create_organization(conn, &user.account.actor(), &input)? {
                Ok(id) => Ok(Posted::Done((
                    organization_url(id),
                    "notice-organization-created",
                ))),
                Err(errors) => Ok(Posted::Refused(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    organizations_page(conn, &base, &user, input, &errors)?,
                )),
            },
        )
        .await
        .map(|posted| posted.respond(|done| done))
}

#[derive(Serialize)]
struct OrganizationPage {
    o: OrganizationView,
    parents: Vec<Choice>,
    members: Vec<MembershipView>,
    form: FormState<OrganizationInput>,
    problem: Option<crate::i18n::Msg>,
}

fn organization_page(
    conn: &mut DbConnection,
    base: &str,
    user: &CurrentUser,
    id: OrganizationId,
    input: Option<OrganizationInput>,
    errors: &FieldErrors,
    problem: Option<crate::i18n::Msg>,
) -> AppResult<String> {
    let lang = user.lang;
    let stored = orgs::get(conn, id)?
        .ok_or_else(|| AppError::not_found("error-the-organisation-does-not-exist"))?;
    let input = input.unwrap_or_else(|| service::organization_input(&stored));
    let list = read::organizations(lang, conn, base, true)?;
    let o = list
        .iter()
        .find(|o| o.id == id)
        .cloned()
        .ok_or_else(|| AppError::not_found("error-the-organisation-does-not-exist"))?;
    let view = OrganizationPage {
        parents: organization_choices(&list, &input.parent, |p| {
            p.id != id && p.kind.holds_meetings()
        }),
        members: read::members_of(lang, conn, id, today())?,
        o,
        form: FormState::new(input, errors),
        problem,
    };
    render_page("secretariat/settings_organization.html", user, &view)
}

/// `GET /secretariat/settings/organizations/{id}`
pub async fn organization(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<OrganizationId>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let base = base(&state);
    let body = state
        .db
        .run(move |conn| {
            organization_page(conn, &base, &user, id, None, &FieldErrors::default(), None)
        })
        .await?;
    Ok(page(StatusCode::OK, body))
}

/// `POST /secretariat/settings/organizations/{id}`: saves its fields.
pub async fn update_organization(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<OrganizationId>,
    CsrfForm(input): CsrfForm<OrganizationInput>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let base = base(&state);
    state
        .db
        .run(move |conn| {
            match service::update_organization(conn, &user.account.actor(), id, &input)? {
                Ok(()) => Ok(Posted::Done((
                    organization_url(id),
                    "notice-organization-saved",
                ))),
                Err(errors) => Ok(Posted::Refused(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    organization_page(conn, &base, &user, id, Some(input), &errors, None)?,
                )),
            }
        })
        .await
        .map(|posted| posted.respond(|done| done))
}

/// `POST /secretariat/settings/organizations/{id}/active`: deactivates (`active=false`) or
/// reactivates it.
pub async fn set_active(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<OrganizationId>,
    CsrfForm(form): CsrfForm<ActiveForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let active = form.value()?;
    let base = base(&state);
    state
        .db
        .run(move |conn| {
            let done =
                service::set_organization_active(conn, &user.account.actor(), id, active, today());
            let notice = if active {
                "notice-organization-active"
            } else {
                "notice-organization-deactivated"
            };
            let done = done.map(|()| (organization_url(id), notice));
            refused_or(done, |problem| {
                organization_page(
                    conn,
                    &base,
                    &user,
                    id,
                    None,
                    &FieldErrors::default(),
                    Some(problem.clone()),
                )
            })
        })
        .await
        .map(|posted| posted.respond(|done| done))
}

// ---------------------------------------------------------------------------------------------
// Persons and memberships

#[derive(Serialize)]
struct PersonRow {
    url: String,
    name: String,
    title: Option<String>,
    email: Option<String>,
    seats: String,
}

#[derive(Serialize)]
struct PersonsPage {
    rows: Vec<PersonRow>,
    total: i64,
    page: i64,
    previous_url: Option<String>,
    next_url: Option<String>,
    form: FormState<PersonInput>,
}

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<i64>,
}

fn persons_page(
    conn: &mut DbConnection,
    base: &str,
    user: &CurrentUser,
    page_number: i64,
    input: PersonInput,
    errors: &FieldErrors,
) -> AppResult<String> {
    let lang = user.lang;
    let page_number = page_number.max(1);
    let offset = (page_number - 1).saturating_mul(PERSONS_PER_PAGE);
    let (list, total) = read::persons(lang, conn, base, offset, PERSONS_PER_PAGE, true, today())?;
    let url = |n: i64| format!("/secretariat/settings/persons?page={n}");
    let view = PersonsPage {
        rows: list
            .into_iter()
            .map(|p| PersonRow {
                url: person_url(p.id),
                seats: p
                    .memberships
                    .iter()
                    .filter(|m| m.current)
                    .map(|m| match &m.party_short_name {
                        Some(party) => {
                            format!("{} i {} ({party})", m.role_label, m.organization_name)
                        }
                        None => format!("{} i {}", m.role_label, m.organization_name),
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                name: p.name,
                title: p.title,
                email: p.email,
            })
            .collect(),
        total,
        page: page_number,
        previous_url: (page_number > 1).then(|| url(page_number - 1)),
        next_url: (offset + PERSONS_PER_PAGE < total).then(|| url(page_number + 1)),
        form: FormState::new(input, errors),
    };
    render_page("secretariat/settings_persons.html", user, &view)
}

/// `GET /secretariat/settings/persons`
pub async fn persons(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    query: web::Query<PageQuery>,
) -> AppResult<HttpResponse> {
    let base = base(&state);
    let n = query.page.unwrap_or(1);
    let body = state
        .db
        .run(move |conn| {
            persons_page(
                conn,
                &base,
                &user,
                n,
                PersonInput::default(),
                &FieldErrors::default(),
            )
        })
        .await?;
    Ok(page(StatusCode::OK, body))
}

/// `POST /secretariat/settings/persons`: creates a person, then shows them (to add seats).
pub async fn create_person(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    CsrfForm(input): CsrfForm<PersonInput>,
) -> AppResult<HttpResponse> {
    let base = base(&state);
    state
        .db
        .run(
            move |conn| match service::create_person(conn, &user.account.actor(), &input)? {
                Ok(id) => Ok(Posted::Done((person_url(id), "notice-person-created"))),
                Err(errors) => Ok(Posted::Refused(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    persons_page(conn, &base, &user, 1, input, &errors)?,
                )),
            },
        )
        .await
        .map(|posted| posted.respond(|done| done))
}

#[derive(Serialize)]
struct PersonPage {
    p: read::PersonView,
    form: FormState<PersonInput>,
    membership: FormState<MembershipInput>,
    organizations: Vec<Choice>,
    parties: Vec<Choice>,
    roles: Vec<Choice>,
}

fn person_page(
    conn: &mut DbConnection,
    base: &str,
    user: &CurrentUser,
    id: PersonId,
    person_form: Option<(PersonInput, &FieldErrors)>,
    membership_form: Option<(MembershipInput, &FieldErrors)>,
) -> AppResult<String> {
    let lang = user.lang;
    let p = read::person(lang, conn, base, id, true, today())?
        .ok_or_else(|| AppError::not_found("error-the-person-does-not-exist"))?;
    let none = FieldErrors::default();
    let form = match person_form {
        Some((input, errors)) => FormState::new(input, errors),
        None => {
            let stored = orgs::get_person(conn, id)?
                .ok_or_else(|| AppError::not_found("error-the-person-does-not-exist"))?;
            FormState::new(service::person_input(&stored), &none)
        }
    };
    let membership = match membership_form {
        Some((input, errors)) => FormState::new(input, errors),
        None => FormState::blank(MembershipInput {
            person: id.to_string(),
            role: MembershipRole::Member.as_str().to_owned(),
            start_date: crate::domain::time::day(lang, today()),
            ..MembershipInput::default()
        }),
    };
    let list = read::organizations(lang, conn, base, false)?;
    let view = PersonPage {
        organizations: organization_choices(&list, &membership.f.organization, |o| o.active),
        parties: organization_choices(&list, &membership.f.party, |o| {
            o.active && o.kind == OrganizationKind::Party
        }),
        roles: roles(lang, &membership.f.role),
        p,
        form,
        membership,
    };
    render_page("secretariat/settings_person.html", user, &view)
}

/// `GET /secretariat/settings/persons/{id}`
pub async fn person(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<PersonId>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let base = base(&state);
    let body = state
        .db
        .run(move |conn| person_page(conn, &base, &user, id, None, None))
        .await?;
    Ok(page(StatusCode::OK, body))
}

/// `POST /secretariat/settings/persons/{id}`: saves the name, title and address.
pub async fn update_person(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<PersonId>,
    CsrfForm(input): CsrfForm<PersonInput>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let base = base(&state);
    state
        .db
        .run(
            move |conn| match service::update_person(conn, &user.account.actor(), id, &input)? {
                Ok(()) => Ok(Posted::Done((person_url(id), "notice-person-saved"))),
                Err(errors) => Ok(Posted::Refused(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    person_page(conn, &base, &user, id, Some((input, &errors)), None)?,
                )),
            },
        )
        .await
        .map(|posted| posted.respond(|done| done))
}

/// `POST /secretariat/settings/memberships`: adds a membership to the person in the form.
pub async fn add_membership(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    CsrfForm(input): CsrfForm<MembershipInput>,
) -> AppResult<HttpResponse> {
    let person: PersonId = input
        .person
        .trim()
        .parse()
        .map_err(|_| AppError::bad_request("error-the-form-is-missing-the-person"))?;
    let base = base(&state);
    state
        .db
        .run(
            move |conn| match service::add_membership(conn, &user.account.actor(), &input)? {
                Ok(_) => Ok(Posted::Done((
                    format!("{}#medlemskaber", person_url(person)),
                    "notice-membership-added",
                ))),
                Err(errors) => Ok(Posted::Refused(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    person_page(conn, &base, &user, person, None, Some((input, &errors)))?,
                )),
            },
        )
        .await
        .map(|posted| posted.respond(|done| done))
}

#[derive(Serialize)]
struct MembershipPage {
    held: MembershipView,
    person_url: String,
    organization_url: String,
    membership: FormState<MembershipInput>,
    parties: Vec<Choice>,
    roles: Vec<Choice>,
}

fn membership_page(
    conn: &mut DbConnection,
    base: &str,
    user: &CurrentUser,
    id: MembershipId,
    input: Option<(MembershipInput, &FieldErrors)>,
) -> AppResult<String> {
    let lang = user.lang;
    let stored = orgs::get_membership(conn, id)?
        .ok_or_else(|| AppError::not_found("error-the-membership-does-not-exist"))?;
    let none = FieldErrors::default();
    let form = match input {
        Some((input, errors)) => FormState::new(input, errors),
        None => FormState::new(service::membership_input(&stored), &none),
    };
    let list = read::organizations(lang, conn, base, false)?;
    let view = MembershipPage {
        held: MembershipView::new(lang, &stored, today()),
        person_url: person_url(stored.person_id),
        organization_url: organization_url(stored.organization_id),
        parties: organization_choices(&list, &form.f.party, |o| o.kind == OrganizationKind::Party),
        roles: roles(lang, &form.f.role),
        membership: form,
    };
    render_page("secretariat/settings_membership.html", user, &view)
}

/// `GET /secretariat/settings/memberships/{id}`
pub async fn membership(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<MembershipId>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let base = base(&state);
    let body = state
        .db
        .run(move |conn| membership_page(conn, &base, &user, id, None))
        .await?;
    Ok(page(StatusCode::OK, body))
}

/// `POST /secretariat/settings/memberships/{id}`: changes the role, party, days or place (a
/// last day ends it).
pub async fn update_membership(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<MembershipId>,
    CsrfForm(input): CsrfForm<MembershipInput>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let base = base(&state);
    state
        .db
        .run(move |conn| {
            match service::update_membership(conn, &user.account.actor(), id, &input)? {
                Ok(()) => {
                    let person = orgs::get_membership(conn, id)?
                        .map(|m| m.person_id)
                        .ok_or_else(|| {
                            AppError::not_found("error-the-membership-does-not-exist")
                        })?;
                    Ok(Posted::Done((
                        format!("{}#medlemskaber", person_url(person)),
                        "notice-membership-saved",
                    )))
                }
                Err(errors) => Ok(Posted::Refused(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    membership_page(conn, &base, &user, id, Some((input, &errors)))?,
                )),
            }
        })
        .await
        .map(|posted| posted.respond(|done| done))
}

// ---------------------------------------------------------------------------------------------
// Election periods

#[derive(Serialize)]
struct PeriodRow {
    name: String,
    start_date: String,
    end_date: Option<String>,
}

#[derive(Serialize)]
struct PeriodsPage {
    periods: Vec<PeriodRow>,
    form: FormState<PeriodInput>,
}

fn periods_page(
    conn: &mut DbConnection,
    user: &CurrentUser,
    input: PeriodInput,
    errors: &FieldErrors,
) -> AppResult<String> {
    let lang = user.lang;
    let body = service::body(conn)?;
    let view = PeriodsPage {
        periods: orgs::election_periods(conn, body)?
            .into_iter()
            .map(|p| PeriodRow {
                name: p.name,
                start_date: crate::domain::time::day(lang, p.start_date),
                end_date: p.end_date.map(|d| crate::domain::time::day(lang, d)),
            })
            .collect(),
        form: FormState::new(input, errors),
    };
    render_page("secretariat/settings_periods.html", user, &view)
}

/// `GET /secretariat/settings/periods`
pub async fn periods(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
) -> AppResult<HttpResponse> {
    let body = state
        .db
        .run(move |conn| periods_page(conn, &user, PeriodInput::default(), &FieldErrors::default()))
        .await?;
    Ok(page(StatusCode::OK, body))
}

/// `POST /secretariat/settings/periods`: starts an election period.
pub async fn start_period(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    CsrfForm(input): CsrfForm<PeriodInput>,
) -> AppResult<HttpResponse> {
    state
        .db
        .run(move |conn| {
            match service::start_election_period(conn, &user.account.actor(), &input)? {
                Ok(started) => Ok(Posted::Done((
                    "/secretariat/settings/periods".to_owned(),
                    crate::i18n::Msg::key("notice-election-period-started")
                        .num("count", started.seats_ended as u32),
                ))),
                Err(errors) => Ok(Posted::Refused(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    periods_page(conn, &user, input, &errors)?,
                )),
            }
        })
        .await
        .map(|posted| posted.respond(|done| done))
}
