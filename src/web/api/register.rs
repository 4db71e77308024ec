//! The register over the JSON API: organizations, persons and memberships. Reads are public
//! (addresses only for the secretariat); writes are the secretariat's and go through the same
//! `service::register` as the settings pages, with the same checks and audit.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Deserializer};

use crate::db::accounts::Account;
use crate::db::organizations as orgs;
use crate::domain::account::Role;
use crate::domain::organization::MembershipRole;
use crate::domain::proposal::FieldErrors;
use crate::domain::register::{MembershipInput, OrganizationInput, PersonInput};
use crate::domain::time::today;
use crate::domain::{MembershipId, OrganizationId, PersonId};
use crate::error::AppError;
use crate::read::register as read;
use crate::service::register as service;
use crate::web::AppState;
use crate::web::api::listing::Listing;
use crate::web::auth::ApiCaller;
use crate::web::errors::{ApiError, invalid_fields};
use crate::web::input::ApiJson;

type ApiResult<T> = Result<T, ApiError>;

fn is_secretariat(caller: &ApiCaller) -> bool {
    caller
        .0
        .as_ref()
        .is_some_and(|a| a.role == Role::Secretariat)
}

/// The secretariat's account, or 401/403.
fn secretariat(caller: ApiCaller) -> ApiResult<Account> {
    let account = caller.require()?;
    if account.role != Role::Secretariat {
        return Err(AppError::forbidden("error-only-the-secretariat-can-change-the").into());
    }
    Ok(account)
}

/// The service's field names are the forms'; the API's name ids as such.
fn api_field(field: &str) -> &str {
    match field {
        "parent" => "parent_id",
        "person" => "person_id",
        "organization" => "organization_id",
        "party" => "party_id",
        other => other,
    }
}

fn invalid(errors: &FieldErrors) -> HttpResponse {
    let renamed = FieldErrors(
        errors
            .0
            .iter()
            .map(|(f, m)| (api_field(f).to_owned(), m.clone()))
            .collect(),
    );
    invalid_fields(&renamed, "error-api-request-invalid")
}

/// The answer to a write: `done` with what was written, or 422 with what was wrong.
fn answer<T>(result: Result<T, FieldErrors>, done: impl FnOnce(T) -> HttpResponse) -> HttpResponse {
    match result {
        Ok(value) => done(value),
        Err(errors) => invalid(&errors),
    }
}

/// 201 with the new thing and where it is.
fn created(location: String, body: impl serde::Serialize) -> HttpResponse {
    HttpResponse::Created()
        .insert_header((header::LOCATION, location))
        .json(body)
}

/// `Some(None)` for an explicit `null`, so a PATCH can clear a field; absent stays `None`.
fn nullable<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

fn text(value: Option<Option<String>>, current: String) -> String {
    match value {
        None => current,
        Some(v) => v.unwrap_or_default(),
    }
}

fn id_text<T: ToString>(value: Option<Option<T>>, current: String) -> String {
    match value {
        None => current,
        Some(v) => v.map(|id| id.to_string()).unwrap_or_default(),
    }
}

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<i64>,
    per_page: Option<i64>,
    /// Only organizations of this kind.
    kind: Option<String>,
}

fn page_of(query: &PageQuery) -> ApiResult<(i64, i64)> {
    crate::web::api::listing::bounds(query.page, query.per_page)
}

fn next_url(base: &str, path: &str, page: i64, per_page: i64, total: i64) -> Option<String> {
    (page.saturating_mul(per_page) < total).then(|| {
        format!(
            "{base}/api/v1/{path}?page={}&per_page={per_page}",
            page.saturating_add(1)
        )
    })
}

// ---------------------------------------------------------------------------------------------
// Organizations

/// `GET /api/v1/organizations`: every organization (optionally of one `kind`), the council
/// first; deactivated ones are included with `active: false`.
pub async fn organizations(
    state: web::Data<AppState>,
    caller: ApiCaller,
    query: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let lang = crate::web::language::answering_in();
    let (page, per_page) = page_of(&query)?;
    let kind = match query.kind.as_deref() {
        None => None,
        Some(k) => Some(
            k.parse::<crate::domain::organization::OrganizationKind>()
                .map_err(|_| AppError::bad_request("error-kind-must-be-council-committee-party"))?,
        ),
    };
    let with_emails = is_secretariat(&caller);
    let base = state.settings.base_url.clone();
    let all = state
        .db
        .run(move |conn| read::organizations(lang, conn, &base, with_emails))
        .await?;
    let all: Vec<_> = all
        .into_iter()
        .filter(|o| kind.is_none_or(|k| o.kind == k))
        .collect();
    let total = all.len() as i64;
    let data: Vec<_> = all
        .into_iter()
        .skip(usize::try_from((page - 1).saturating_mul(per_page)).unwrap_or(usize::MAX))
        .take(per_page as usize)
        .collect();
    let mut next = next_url(
        &state.settings.base_url,
        "organizations",
        page,
        per_page,
        total,
    );
    if let (Some(url), Some(k)) = (&mut next, &query.kind) {
        url.push_str(&format!("&kind={k}"));
    }
    Ok(HttpResponse::Ok().json(Listing::new(data, page, per_page, total, next)))
}

/// `GET /api/v1/organizations/{id}`
pub async fn organization(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<OrganizationId>,
) -> ApiResult<HttpResponse> {
    let lang = crate::web::language::answering_in();
    let id = path.into_inner();
    let with_emails = is_secretariat(&caller);
    let base = state.settings.base_url.clone();
    let found = state
        .db
        .run(move |conn| read::organization(lang, conn, &base, id, with_emails))
        .await?
        .ok_or_else(|| AppError::not_found("error-the-organisation-does-not-exist"))?;
    Ok(HttpResponse::Ok().json(found))
}

/// The body of `POST` and `PATCH /api/v1/organizations…`; a PATCH gives only what changes.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganizationJson {
    #[serde(default, deserialize_with = "nullable")]
    kind: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    name: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    short_name: Option<Option<String>>,
    /// The main address first; the others get a copy of each task.
    #[serde(default, deserialize_with = "nullable")]
    emails: Option<Option<Vec<String>>>,
    #[serde(default, deserialize_with = "nullable")]
    parent_id: Option<Option<OrganizationId>>,
    #[serde(default, deserialize_with = "nullable")]
    website: Option<Option<String>>,
    /// The language of mail to it (`da`, `en`); null: the municipality's.
    #[serde(default, deserialize_with = "nullable")]
    language: Option<Option<String>>,
    /// `false` deactivates, `true` reactivates (PATCH only).
    active: Option<bool>,
}

impl OrganizationJson {
    fn over(self, current: OrganizationInput) -> OrganizationInput {
        OrganizationInput {
            kind: text(self.kind, current.kind),
            name: text(self.name, current.name),
            short_name: text(self.short_name, current.short_name),
            emails: match self.emails {
                None => current.emails,
                Some(list) => list.unwrap_or_default().join("\n"),
            },
            parent: id_text(self.parent_id, current.parent),
            website: text(self.website, current.website),
            language: text(self.language, current.language),
        }
    }
}

/// `POST /api/v1/organizations` (secretariat): 201 with the organization.
pub async fn create_organization(
    state: web::Data<AppState>,
    caller: ApiCaller,
    body: ApiJson<OrganizationJson>,
) -> ApiResult<HttpResponse> {
    let lang = crate::web::language::answering_in();
    let account = secretariat(caller)?;
    let json = body.read().await?;
    if json.active == Some(false) {
        let mut errors = FieldErrors::default();
        errors.add("active", "field-a-new-organisation-is-active-deactivate");
        return Ok(invalid(&errors));
    }
    let input = json.over(OrganizationInput::default());
    let base = state.settings.base_url.clone();
    let result = state
        .db
        .run(move |conn| {
            Ok(
                match service::create_organization(conn, &account.actor(), &input)? {
                    Ok(id) => Ok(read::organization(lang, conn, &base, id, true)?
                        .ok_or_else(|| AppError::internal("just created"))?),
                    Err(errors) => Err(errors),
                },
            )
        })
        .await?;
    Ok(answer(result, |view| created(view.url.clone(), view)))
}

/// `PATCH /api/v1/organizations/{id}` (secretariat): changes the fields given; `active`
/// deactivates or reactivates it.
pub async fn update_organization(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<OrganizationId>,
    body: ApiJson<OrganizationJson>,
) -> ApiResult<HttpResponse> {
    let lang = crate::web::language::answering_in();
    let account = secretariat(caller)?;
    let id = path.into_inner();
    let mut json = body.read().await?;
    let active = json.active.take();
    let base = state.settings.base_url.clone();
    let result = state
        .db
        .run(move |conn| {
            let stored = orgs::get(conn, id)?
                .ok_or_else(|| AppError::not_found("error-the-organisation-does-not-exist"))?;
            let input = json.over(service::organization_input(&stored));
            let changed =
                service::change_organization(conn, &account.actor(), id, &input, active, today())?;
            if let Err(errors) = changed {
                return Ok(Err(errors));
            }
            Ok(Ok(read::organization(lang, conn, &base, id, true)?
                .ok_or_else(|| AppError::internal("just updated"))?))
        })
        .await?;
    Ok(answer(result, |view| HttpResponse::Ok().json(view)))
}

// ---------------------------------------------------------------------------------------------
// Persons

/// `GET /api/v1/persons`: persons by name, each with their memberships (current and past).
pub async fn persons(
    state: web::Data<AppState>,
    caller: ApiCaller,
    query: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let lang = crate::web::language::answering_in();
    let (page, per_page) = page_of(&query)?;
    let with_email = is_secretariat(&caller);
    let base = state.settings.base_url.clone();
    let (data, total) = state
        .db
        .run(move |conn| {
            read::persons(
                lang,
                conn,
                &base,
                (page - 1).saturating_mul(per_page),
                per_page,
                with_email,
                today(),
            )
        })
        .await?;
    let next = next_url(&state.settings.base_url, "persons", page, per_page, total);
    Ok(HttpResponse::Ok().json(Listing::new(data, page, per_page, total, next)))
}

/// `GET /api/v1/persons/{id}`
pub async fn person(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<PersonId>,
) -> ApiResult<HttpResponse> {
    let lang = crate::web::language::answering_in();
    let id = path.into_inner();
    let with_email = is_secretariat(&caller);
    let base = state.settings.base_url.clone();
    let found = state
        .db
        .run(move |conn| read::person(lang, conn, &base, id, with_email, today()))
        .await?
        .ok_or_else(|| AppError::not_found("error-the-person-does-not-exist"))?;
    Ok(HttpResponse::Ok().json(found))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonJson {
    #[serde(default, deserialize_with = "nullable")]
    name: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    title: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    email: Option<Option<String>>,
}

impl PersonJson {
    fn over(self, current: PersonInput) -> PersonInput {
        PersonInput {
            name: text(self.name, current.name),
            title: text(self.title, current.title),
            email: text(self.email, current.email),
        }
    }
}

/// `POST /api/v1/persons` (secretariat): 201 with the person.
pub async fn create_person(
    state: web::Data<AppState>,
    caller: ApiCaller,
    body: ApiJson<PersonJson>,
) -> ApiResult<HttpResponse> {
    let lang = crate::web::language::answering_in();
    let account = secretariat(caller)?;
    let input = body.read().await?.over(PersonInput::default());
    let base = state.settings.base_url.clone();
    let result = state
        .db
        .run(move |conn| {
            Ok(
                match service::create_person(conn, &account.actor(), &input)? {
                    Ok(id) => Ok(read::person(lang, conn, &base, id, true, today())?
                        .ok_or_else(|| AppError::internal("just created"))?),
                    Err(errors) => Err(errors),
                },
            )
        })
        .await?;
    Ok(answer(result, |view| created(view.url.clone(), view)))
}

/// `PATCH /api/v1/persons/{id}` (secretariat)
pub async fn update_person(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<PersonId>,
    body: ApiJson<PersonJson>,
) -> ApiResult<HttpResponse> {
    let lang = crate::web::language::answering_in();
    let account = secretariat(caller)?;
    let id = path.into_inner();
    let json = body.read().await?;
    let base = state.settings.base_url.clone();
    let result = state
        .db
        .run(move |conn| {
            let stored = orgs::get_person(conn, id)?
                .ok_or_else(|| AppError::not_found("error-the-person-does-not-exist"))?;
            let input = json.over(service::person_input(&stored));
            if let Err(errors) = service::update_person(conn, &account.actor(), id, &input)? {
                return Ok(Err(errors));
            }
            Ok(Ok(read::person(lang, conn, &base, id, true, today())?
                .ok_or_else(|| AppError::internal("just updated"))?))
        })
        .await?;
    Ok(answer(result, |view| HttpResponse::Ok().json(view)))
}

// ---------------------------------------------------------------------------------------------
// Memberships

/// The body of `POST` and `PATCH /api/v1/memberships…`; dates as `YYYY-MM-DD`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MembershipJson {
    #[serde(default, deserialize_with = "nullable")]
    person_id: Option<Option<PersonId>>,
    #[serde(default, deserialize_with = "nullable")]
    organization_id: Option<Option<OrganizationId>>,
    #[serde(default, deserialize_with = "nullable")]
    role: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    party_id: Option<Option<OrganizationId>>,
    #[serde(default, deserialize_with = "nullable")]
    start_date: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    end_date: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    position: Option<Option<i32>>,
}

impl MembershipJson {
    fn over(self, current: MembershipInput) -> MembershipInput {
        // A membership that stops being a substitute's loses its place unless one is given.
        let position = match (&self.role, self.position) {
            (Some(Some(role)), None) if role != MembershipRole::Substitute.as_str() => Some(None),
            (_, position) => position,
        };
        MembershipInput {
            person: id_text(self.person_id, current.person),
            organization: id_text(self.organization_id, current.organization),
            role: text(self.role, current.role),
            party: id_text(self.party_id, current.party),
            start_date: text(self.start_date, current.start_date),
            end_date: text(self.end_date, current.end_date),
            position: id_text(position, current.position),
        }
    }
}

/// `POST /api/v1/memberships` (secretariat): 201 with the membership.
pub async fn create_membership(
    state: web::Data<AppState>,
    caller: ApiCaller,
    body: ApiJson<MembershipJson>,
) -> ApiResult<HttpResponse> {
    let lang = crate::web::language::answering_in();
    let account = secretariat(caller)?;
    let input = body.read().await?.over(MembershipInput::default());
    let base = state.settings.base_url.clone();
    let result = state
        .db
        .run(move |conn| {
            Ok(
                match service::add_membership(conn, &account.actor(), &input)? {
                    Ok(id) => Ok(read::membership(lang, conn, id, today())?
                        .ok_or_else(|| AppError::internal("just created"))?),
                    Err(errors) => Err(errors),
                },
            )
        })
        .await?;
    Ok(answer(result, |view| {
        created(format!("{base}/api/v1/persons/{}", view.person_id), view)
    }))
}

/// `PATCH /api/v1/memberships/{id}` (secretariat): a role, party, days or place; an
/// `end_date` ends it.
pub async fn update_membership(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<MembershipId>,
    body: ApiJson<MembershipJson>,
) -> ApiResult<HttpResponse> {
    let lang = crate::web::language::answering_in();
    let account = secretariat(caller)?;
    let id = path.into_inner();
    let json = body.read().await?;
    let result = state
        .db
        .run(move |conn| {
            let stored = orgs::get_membership(conn, id)?
                .ok_or_else(|| AppError::not_found("error-the-membership-does-not-exist"))?;
            let input = json.over(service::membership_input(&stored));
            if let Err(errors) = service::update_membership(conn, &account.actor(), id, &input)? {
                return Ok(Err(errors));
            }
            Ok(Ok(read::membership(lang, conn, id, today())?
                .ok_or_else(|| AppError::internal("just updated"))?))
        })
        .await?;
    Ok(answer(result, |view| HttpResponse::Ok().json(view)))
}
