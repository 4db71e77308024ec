//! What an API client asks first: who its token is (`/me`) and the OpenAPI document.

use actix_web::{HttpResponse, web};

use crate::web::AppState;
use crate::web::errors::ApiError;

/// `GET /api/v1/me`: the account behind the token (or session), to check a token works.
pub async fn me(caller: crate::web::auth::ApiCaller) -> Result<HttpResponse, ApiError> {
    let account = caller.require()?;
    Ok(HttpResponse::Ok().json(serde_json::json!({
        "id": account.id,
        "email": account.email,
        "name": account.name,
        "role": account.role,
        "person_id": account.person_id,
        "organization": account.organization_id.map(|id| serde_json::json!({
            "id": id,
            "name": account.organization_name,
        })),
    })))
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
