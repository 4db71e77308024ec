//! `/meetings/{id}/minutes/draft`: the minutes waiting for approval, for the secretariat and for
//! the signers, who approve them here themselves when logged in.

use actix_web::http::header;
use actix_web::{HttpResponse, web};

use crate::db::DbConnection;
use crate::db::minutes::{self, Minutes, Signed};
use crate::domain::MeetingId;
use crate::domain::account::Role;
use crate::domain::audience::Audience;
use crate::domain::minutes::Signer;
use crate::error::{AppError, AppResult};
use crate::service::followup;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, CurrentUser, User};
use crate::web::templates::render_page;

/// The signature the account's person gives, if it is among the draft's signers.
fn own_signer(draft: &Minutes, user: &CurrentUser) -> Option<Signer> {
    let person = user.account.person_id?;
    draft
        .signers
        .iter()
        .find(|s| s.person_id() == Some(person))
        .cloned()
}

/// The open draft, if the account may read it: the secretariat, or one of its signers.
fn readable(
    conn: &mut DbConnection,
    user: &CurrentUser,
    meeting: MeetingId,
) -> AppResult<(Minutes, Option<Signer>)> {
    let hidden = || AppError::not_found("error-there-are-no-minutes-waiting-for-2");
    let draft = minutes::open_draft(conn, meeting)?.ok_or_else(hidden)?;
    let own = own_signer(&draft, user);
    if own.is_none() && user.role() != Role::Secretariat {
        return Err(hidden());
    }
    Ok((draft, own))
}

fn page(
    user: &CurrentUser,
    meeting: MeetingId,
    draft: &Minutes,
    own: Option<&Signer>,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let signed = own.is_some_and(|s| draft.signatures.iter().any(|g| g.key == s.key));
    #[derive(serde::Serialize)]
    struct DraftPage {
        minutes: crate::documents::MinutesView,
        meeting_id: MeetingId,
        may_sign: bool,
        signed: bool,
        secretariat: bool,
    }
    let view = DraftPage {
        minutes: crate::read::minutes::view(lang, draft, Audience::Members),
        meeting_id: meeting,
        may_sign: own.is_some() && !signed,
        signed,
        secretariat: user.role() == Role::Secretariat,
    };
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(render_page("politician/minutes_draft.html", user, &view)?))
}

/// `GET /meetings/{id}/minutes/draft`
pub async fn draft(
    state: web::Data<AppState>,
    User(user): User,
    path: web::Path<MeetingId>,
) -> AppResult<HttpResponse> {
    let meeting = path.into_inner();
    let reader = user.clone();
    let (draft, own) = state
        .db
        .run(move |conn| readable(conn, &reader, meeting))
        .await?;
    page(&user, meeting, &draft, own.as_ref())
}

/// A form with nothing but its CSRF token.
#[derive(Debug, serde::Deserialize)]
pub struct NoFields {}

/// `POST /meetings/{id}/minutes/draft`: a signer approves the draft in their own name.
pub async fn approve(
    state: web::Data<AppState>,
    User(user): User,
    path: web::Path<MeetingId>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let meeting = path.into_inner();
    let signer = user.clone();
    let signed = state
        .db
        .run(move |conn| {
            let (_, own) = readable(conn, &signer, meeting)?;
            let own =
                own.ok_or_else(|| AppError::forbidden("error-you-are-not-among-those-who"))?;
            let actor = signer.account.actor();
            let signed = followup::sign_minutes(
                conn,
                &actor,
                meeting,
                &own.key,
                Some(signer.account.id),
                false,
            )?;
            Ok(signed)
        })
        .await?;
    state.pages.invalidate(meeting);
    Ok(match signed {
        Signed::Waiting { .. } => crate::web::flash::done(
            format!("/meetings/{meeting}/minutes/draft"),
            "notice-minutes-approval-registered",
        ),
        // The last approval: the minutes are published on the meeting's page.
        Signed::Published { .. } => crate::web::flash::done(
            format!("/meetings/{meeting}#minutes-heading"),
            "notice-minutes-published-by-all",
        ),
    })
}
