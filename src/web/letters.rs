//! `/letters/{id}.pdf`: a letter as PDF, in the shape of the seed letter. Public letters for
//! everyone; the others for the secretariat only (anyone else is told it does not exist).

use actix_web::http::header;
use actix_web::{HttpResponse, web};

use super::AppState;
use super::auth::MaybeUser;
use crate::db::letters;
use crate::documents::{LetterView, letter_pdf};
use crate::domain::account::Role;
use crate::error::{AppError, AppResult};

/// `GET /letters/{id}.pdf`
pub async fn pdf(
    state: web::Data<AppState>,
    MaybeUser(user): MaybeUser,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let missing = || AppError::not_found("Brevet findes ikke, eller det er ikke offentligt.");
    let id: i64 = path
        .strip_suffix(".pdf")
        .and_then(|id| id.parse().ok())
        .ok_or_else(missing)?;
    let secretariat = user.as_ref().is_some_and(|u| u.role() == Role::Secretariat);
    let (letter, stored, view) = state
        .db
        .run(move |conn| {
            let letter = letters::get(conn, id)?.ok_or_else(missing)?;
            if !letter.public && !secretariat {
                return Err(missing());
            }
            // A sent letter is what was sent; any other is rendered as it stands.
            let stored = letters::sent_pdf(conn, id)?;
            let view = LetterView::new(
                &letters::letterhead(conn, &letter)?,
                letter.date,
                &letter.text,
            );
            Ok((letter, stored, view))
        })
        .await?;
    let pdf = match stored {
        Some(pdf) => pdf,
        None => web::block(move || letter_pdf(&view))
            .await
            .map_err(AppError::internal)?
            .map_err(|e| AppError::internal(e).with_message("the letter could not be rendered"))?,
    };
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            header::CACHE_CONTROL,
            if letter.public {
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
