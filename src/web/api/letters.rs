//! `GET /api/v1/letters`, `GET /api/v1/letters/{id}`: public letters for everyone, the others
//! for the secretariat (`read::letters`).

use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::db::letters;
use crate::domain::LetterId;
use crate::domain::account::Role;
use crate::read::letters::{readable, view};
use crate::web::AppState;
use crate::web::api::listing::Listing;
use crate::web::auth::ApiCaller;
use crate::web::errors::ApiError;

fn is_secretariat(caller: &ApiCaller) -> bool {
    caller
        .0
        .as_ref()
        .is_some_and(|a| a.role == Role::Secretariat)
}

#[derive(Debug, Deserialize)]
pub struct PageQuery {
    #[serde(default)]
    page: Option<i64>,
    #[serde(default)]
    per_page: Option<i64>,
}

/// `GET /api/v1/letters`: newest first, paginated.
pub async fn index(
    state: web::Data<AppState>,
    caller: ApiCaller,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (page, per_page) = crate::web::api::listing::bounds(query.page, query.per_page)?;
    let public_only = !is_secretariat(&caller);
    let base = state.settings.base_url.clone();
    let offset = (page - 1).saturating_mul(per_page);
    let (data, total) = state
        .db
        .run(move |conn| {
            let (list, total) = letters::page(conn, public_only, offset, per_page)?;
            let data = list
                .iter()
                .map(|l| view(conn, &base, l))
                .collect::<crate::error::AppResult<Vec<_>>>()?;
            Ok((data, total))
        })
        .await?;
    let base = &state.settings.base_url;
    let next = (offset.saturating_add(per_page) < total).then(|| {
        format!(
            "{base}/api/v1/letters?page={}&per_page={per_page}",
            page + 1
        )
    });
    Ok(HttpResponse::Ok().json(Listing::new(data, page, per_page, total, next)))
}

/// `GET /api/v1/letters/{id}`
pub async fn show(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<LetterId>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let secretariat = is_secretariat(&caller);
    let base = state.settings.base_url.clone();
    let json = state
        .db
        .run(move |conn| {
            let letter = readable(conn, id, secretariat)?;
            view(conn, &base, &letter)
        })
        .await?;
    Ok(HttpResponse::Ok().json(json))
}
