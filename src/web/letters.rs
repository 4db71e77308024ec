//! Letters for readers: `/letters/{id}.pdf`, a letter as PDF in the shape of the seed letter,
//! and `GET /api/v1/letters`, `GET /api/v1/letters/{id}`. Public letters for everyone; the others
//! for the secretariat only (anyone else is told they do not exist).

use actix_web::http::header;
use actix_web::{HttpResponse, web};

use serde::Deserialize;
use serde_json::{Value, json};

use super::AppState;
use super::auth::{ApiCaller, MaybeUser};
use super::errors::ApiError;
use super::views::case_url;
use crate::db::letters;
use crate::db::{DbConnection, cases};
use crate::domain::account::Role;
use crate::error::{AppError, AppResult};

/// `GET /letters/{id}.pdf`
pub async fn pdf(
    state: web::Data<AppState>,
    MaybeUser(user): MaybeUser,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id: i64 = path
        .strip_suffix(".pdf")
        .and_then(|id| id.parse().ok())
        .ok_or_else(missing)?;
    let secretariat = user.as_ref().is_some_and(|u| u.role() == Role::Secretariat);
    let (letter, stored, view) = state
        .db
        .run(move |conn| {
            let letter = readable(conn, id, secretariat)?;
            // A sent letter is what was sent; a letter registered only as its original PDF is
            // that file; any other is rendered as it stands.
            let mut stored = letters::sent_pdf(conn, id)?;
            if stored.is_none()
                && letter.text.body.trim().is_empty()
                && let Some((_, kind, bytes)) = letters::original(conn, id)?
                && kind == "application/pdf"
            {
                stored = Some(bytes);
            }
            let view = match stored {
                Some(_) => None,
                None => Some(crate::service::letters::view(conn, &letter)?),
            };
            Ok((letter, stored, view))
        })
        .await?;
    let pdf = match (stored, view) {
        (Some(pdf), _) => pdf,
        (None, Some(view)) => web::block(move || crate::service::letters::render(&view))
            .await
            .map_err(AppError::internal)??,
        (None, None) => return Err(AppError::internal("a letter with neither PDF nor view")),
    };
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            header::CACHE_CONTROL,
            if letter.readable_by_all() {
                "public, max-age=60"
            } else {
                "private, no-store"
            },
        ))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"brev-{id}-{}.pdf\"", letter.date),
        ))
        .body(pdf))
}

fn missing() -> AppError {
    AppError::not_found("Brevet findes ikke, eller det er ikke offentligt.")
}

/// The letter, when this reader may read it: public letters for everyone, the others for the
/// secretariat; to anyone else a letter that is not public does not exist.
fn readable(conn: &mut DbConnection, id: i64, secretariat: bool) -> AppResult<letters::Letter> {
    letters::get(conn, id)?
        .filter(|l| l.readable_by_all() || secretariat)
        .ok_or_else(missing)
}

/// `GET /letters/{id}/original`: an incoming letter's original file, as the letter is readable.
pub async fn original(
    state: web::Data<AppState>,
    MaybeUser(user): MaybeUser,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let secretariat = user.as_ref().is_some_and(|u| u.role() == Role::Secretariat);
    let (name, kind, bytes) = state
        .db
        .run(move |conn| {
            readable(conn, id, secretariat)?;
            letters::original(conn, id)?
                .ok_or_else(|| AppError::not_found("Brevet har ingen original fil."))
        })
        .await?;
    Ok(super::files::download(&name, &kind, bytes))
}

/// A letter in the API: its parts, its case and its PDF.
fn letter_json(
    conn: &mut DbConnection,
    base: &str,
    l: &letters::Letter,
) -> crate::error::AppResult<Value> {
    let reference = cases::reference_of(conn, l.case_id)?;
    let mut links = json!({
        "self": format!("{base}/api/v1/letters/{}", l.id),
        "pdf": format!("{base}/letters/{}.pdf", l.id),
    });
    if l.has_original {
        links["original"] = json!(format!("{base}/letters/{}/original", l.id));
    }
    Ok(json!({
        "id": l.id,
        "case": { "reference": reference.to_string(), "url": format!("{base}{}", case_url(&reference)) },
        "direction": l.direction,
        "status": l.status,
        "sender": { "name": l.sender_name, "organization_id": l.sender_organization_id },
        "date": l.date.to_string(),
        "recipient": {
            "name": l.text.recipient_name,
            "title": l.text.recipient_title,
            "email": l.text.recipient_email,
        },
        "heading": l.text.heading,
        "salutation": l.text.salutation,
        "body": l.text.body,
        "closing": l.text.closing,
        "signatories": l.text.signatories,
        "public": l.public,
        "sent_at": l.sent_at.map(crate::domain::time::rfc3339),
        "in_reply_to": l.in_reply_to,
        "links": links,
    }))
}

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

const MAX_PER_PAGE: i64 = 200;

/// `GET /api/v1/letters`: newest first, paginated.
pub async fn api_index(
    state: web::Data<AppState>,
    caller: ApiCaller,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = query.page.unwrap_or(1);
    let per_page = query.per_page.unwrap_or(50);
    if page < 1 || !(1..=MAX_PER_PAGE).contains(&per_page) {
        return Err(AppError::bad_request(format!(
            "page skal være 1 eller mere, og per_page mellem 1 og {MAX_PER_PAGE}."
        ))
        .into());
    }
    let public_only = !is_secretariat(&caller);
    let base = state.settings.base_url.clone();
    let offset = (page - 1).saturating_mul(per_page);
    let (data, total) = state
        .db
        .run(move |conn| {
            let (list, total) = letters::page(conn, public_only, offset, per_page)?;
            let data = list
                .iter()
                .map(|l| letter_json(conn, &base, l))
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
    Ok(HttpResponse::Ok().json(json!({
        "data": data,
        "pagination": { "page": page, "per_page": per_page, "total": total, "next": next },
    })))
}

/// `GET /api/v1/letters/{id}`
pub async fn api_show(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let secretariat = is_secretariat(&caller);
    let base = state.settings.base_url.clone();
    let json = state
        .db
        .run(move |conn| {
            let letter = readable(conn, id, secretariat)?;
            letter_json(conn, &base, &letter)
        })
        .await?;
    Ok(HttpResponse::Ok().json(json))
}
