//! What an API client asks first: who its token is (`/me`) and the OpenAPI document.

use actix_web::{HttpResponse, web};

use crate::web::AppState;
use crate::web::errors::ApiError;

/// `GET /api/v1/me`: the account behind the token (or session), to check a token works.
pub async fn me(caller: crate::web::auth::ApiCaller) -> Result<HttpResponse, ApiError> {
    let account = caller.require()?;
    let organization = account.organization_id.map(|id| AccountOrganization {
        id,
        name: account.organization_name.clone(),
    });
    Ok(HttpResponse::Ok().json(AccountJson {
        id: account.id,
        email: account.email,
        name: account.name,
        role: account.role,
        person_id: account.person_id,
        organization,
    }))
}

/// The account behind a token (`Account` in the OpenAPI document).
#[derive(serde::Serialize)]
struct AccountJson {
    id: crate::domain::UserId,
    email: String,
    name: String,
    role: crate::domain::account::Role,
    person_id: Option<crate::domain::PersonId>,
    organization: Option<AccountOrganization>,
}

/// The administration whose staff the account is.
#[derive(serde::Serialize)]
struct AccountOrganization {
    id: crate::domain::OrganizationId,
    name: Option<String>,
}

/// The OpenAPI document, with this installation's address.
const OPENAPI: &str = include_str!("openapi.json");

/// `GET /api/v1/openapi.json`
pub async fn openapi(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .insert_header((actix_web::http::header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .body(OPENAPI.replace("{base_url}", state.settings.base_url.trim_end_matches('/')))
}
