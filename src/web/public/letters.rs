//! Letters for readers: `/letters/{id}.pdf`, a letter as PDF in the shape of the seed letter, its
//! original file, and the logo on its letterhead. Who may read which: `read::letters`.

use actix_web::http::header;
use actix_web::{HttpResponse, web};

use crate::db::letters;
use crate::domain::account::Role;
use crate::domain::{LetterId, OrganizationId};
use crate::error::{AppError, AppResult};
use crate::web::AppState;
use crate::web::auth::MaybeUser;

/// `GET /letters/{id}.pdf`
pub async fn pdf(
    state: web::Data<AppState>,
    MaybeUser(user, _): MaybeUser,
    path: web::Path<String>,
    query: web::Query<crate::web::forms::DownloadQuery>,
) -> AppResult<HttpResponse> {
    let download = query.download.is_some();
    let id: LetterId = path
        .strip_suffix(".pdf")
        .and_then(|id| id.parse().ok())
        .ok_or_else(crate::read::letters::missing)?;
    let secretariat = user.as_ref().is_some_and(|u| u.role() == Role::Secretariat);
    let (letter, stored, view) = state
        .db
        .run(move |conn| {
            let letter = crate::read::letters::readable(conn, id, secretariat)?;
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
            format!(
                "{}; filename=\"brev-{id}-{}.pdf\"",
                if download { "attachment" } else { "inline" },
                letter.date
            ),
        ))
        .body(pdf))
}

/// `GET /letters/{id}/original`: an incoming letter's original file, as the letter is readable.
pub async fn original(
    state: web::Data<AppState>,
    MaybeUser(user, _): MaybeUser,
    path: web::Path<LetterId>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let secretariat = user.as_ref().is_some_and(|u| u.role() == Role::Secretariat);
    let (name, kind, bytes) = state
        .db
        .run(move |conn| {
            crate::read::letters::readable(conn, id, secretariat)?;
            letters::original(conn, id)?
                .ok_or_else(|| AppError::not_found("error-the-letter-has-no-original-file"))
        })
        .await?;
    Ok(crate::web::files::download(&name, &kind, bytes))
}

/// `GET /organizations/{id}/logo`: a letterhead's logo, public like the letters it is on.
pub async fn logo(
    state: web::Data<AppState>,
    path: web::Path<OrganizationId>,
) -> AppResult<HttpResponse> {
    let org = path.into_inner();
    let logo = state.db.run(move |conn| letters::logo(conn, org)).await?;
    let (kind, bytes) =
        logo.ok_or_else(|| AppError::not_found("error-the-organisation-has-no-logo"))?;
    Ok(HttpResponse::Ok()
        .content_type(kind)
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .body(bytes))
}

/// `GET /logo`: the municipality's logo in the header. Its address carries the settings'
/// version (`?v=`), so a new logo has a new address and the old one may be kept a day.
pub async fn site_logo(state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let logo = state
        .db
        .run(crate::db::municipality::logo)
        .await?
        .ok_or_else(|| AppError::not_found("error-the-municipality-has-no-logo"))?;
    let (kind, bytes) = logo;
    Ok(HttpResponse::Ok()
        .content_type(kind)
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(bytes))
}
