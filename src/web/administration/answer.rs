//! `/tasks/answer/{token}`: an administration answers its task, or gives its contribution,
//! through the link in its mail, without an account. The link is the authority, for one task
//! (and, for a contributor, one contribution) only.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;

use crate::db::DbConnection;
use crate::db::tasks::{self, Link, Task};
use crate::domain::account::Actor;
use crate::domain::{ContributionId, TaskFileId};
use crate::error::{AppError, AppResult};
use crate::service;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, MaybeUser};
use crate::web::forms::AnswerForm;
use crate::web::templates::link_page;

/// The task behind a link, or the clear reason it does not open.
fn open(conn: &mut DbConnection, token: &str) -> AppResult<(Task, Option<ContributionId>)> {
    match tasks::link(conn, token, Utc::now())? {
        Link::Valid { task, contribution } => {
            let task = tasks::get(conn, task)?
                .ok_or_else(|| AppError::not_found("error-the-task-no-longer-exists"))?;
            Ok((task, contribution))
        }
        Link::Expired => Err(AppError::gone("error-the-link-has-expired-contact-the")),
        Link::Revoked => Err(AppError::gone("error-the-link-has-been-withdrawn-by")),
        Link::Unknown => Err(AppError::not_found("error-the-link-does-not-exist-check")),
    }
}

/// `POST /tasks/answer/{token}/files`: a file with the answer or the contribution.
pub async fn upload(
    req: HttpRequest,
    state: web::Data<AppState>,
    MaybeUser(user, lang): MaybeUser,
    path: web::Path<String>,
    multipart: actix_multipart::Multipart,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    // The link is checked before the body is read: a stranger's upload is never received.
    let lookup = token.clone();
    state
        .db
        .run(move |conn| open(conn, &lookup).map(|_| ()))
        .await?;
    let crate::web::upload::Received { file, fields } = crate::web::upload::receive_checked_file(
        &req,
        user.as_ref(),
        multipart,
        state.settings.max_attachment_bytes,
    )
    .await?;
    let lookup = token.clone();
    let page_url = format!("/tasks/answer/{token}");
    let (data, done) = state
        .db
        .run(move |conn| {
            let (task, contribution) = open(conn, &lookup)?;
            let done = file.and_then(|(name, content_type, bytes)| {
                tasks::add_file(conn, &task, contribution, &name, content_type, &bytes)
                    .map(|_| name)
                    .map_err(|e| e.message)
            });
            let task = tasks::get(conn, task.id)?.unwrap_or(task);
            Ok((
                crate::read::task::page(lang, conn, &task, contribution, &page_url)?,
                done,
            ))
        })
        .await?;
    // What was typed beside the file stays in the form, attached or not.
    let mut data = data;
    data.draft = Some(crate::web::forms::AnswerForm::from_fields(&fields).draft());
    let attached = done.map(|name| crate::web::forms::attached_notice(&name));
    let (status, said) = match &attached {
        Ok(notice) => (StatusCode::OK, Said::Thanks(notice.clone())),
        Err(message) => (StatusCode::UNPROCESSABLE_ENTITY, Said::Refused(message)),
    };
    respond(&req, &state, user.as_ref(), status, &token, data, said)
}

/// `GET /tasks/answer/{token}/files/{file}`
pub async fn file(
    state: web::Data<AppState>,
    path: web::Path<(String, TaskFileId)>,
) -> AppResult<HttpResponse> {
    let (token, file) = path.into_inner();
    let (meta, content) = state
        .db
        .run(move |conn| {
            let (task, contribution) = open(conn, &token)?;
            crate::read::task::file(conn, &task, contribution, file)
        })
        .await?;
    Ok(crate::web::files::download(
        &meta.filename,
        &meta.content_type,
        content,
    ))
}

/// What the page says above the task after a submission.
enum Said<'a> {
    Nothing,
    Thanks(crate::i18n::Msg),
    Refused(&'a crate::i18n::Msg),
}

fn respond(
    req: &HttpRequest,
    state: &AppState,
    user: Option<&crate::web::auth::CurrentUser>,
    status: StatusCode,
    token: &str,
    data: crate::read::task::AnswerPage,
    said: Said,
) -> AppResult<HttpResponse> {
    let (flash, error) = match said {
        Said::Nothing => (None, None),
        Said::Thanks(text) => (Some(text), None),
        Said::Refused(text) => (None, Some(text)),
    };
    link_page(
        req,
        state,
        user,
        status,
        "administration/task_answer.html",
        &AnswerLinkPage {
            task: data,
            action: format!("/tasks/answer/{token}"),
            flash,
            error,
        },
    )
}

/// The answer link's page: the task as the link's holder sees it, and what came of a post.
#[derive(serde::Serialize)]
struct AnswerLinkPage<'a> {
    task: crate::read::task::AnswerPage,
    action: String,
    /// Said in the layout's notice box (the link's holder has no session to carry it).
    #[serde(skip_serializing_if = "Option::is_none")]
    flash: Option<crate::i18n::Msg>,
    error: Option<&'a crate::i18n::Msg>,
}

/// `GET /tasks/answer/{token}`: the task, its decision and clause, the deadline, and the form.
/// Opening it marks the task (or the contribution) as seen.
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    MaybeUser(user, lang): MaybeUser,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    let lookup = token.clone();
    let data = state
        .db
        .run(move |conn| {
            let (task, contribution) = open(conn, &lookup)?;
            let task = service::tasks::open(conn, &task, contribution)?;
            crate::read::task::page(
                lang,
                conn,
                &task,
                contribution,
                &format!("/tasks/answer/{lookup}"),
            )
        })
        .await?;
    respond(
        &req,
        &state,
        user.as_ref(),
        StatusCode::OK,
        &token,
        data,
        Said::Nothing,
    )
}

/// `POST /tasks/answer/{token}`: an answer, a contribution, or a request for more time.
pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    MaybeUser(user, lang): MaybeUser,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<AnswerForm>,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    let lookup = token.clone();
    let draft = form.draft();
    let settings = state.settings.clone();
    let outcome = state
        .db
        .run(move |conn| {
            let (task, contribution) = open(conn, &lookup)?;
            // No account: the audit log names the link and who said they answered.
            let actor = Actor {
                user_id: None,
                label: format!("svarlink ({})", form.answered_by.trim()),
            };
            let done = form.response().and_then(|response| {
                service::tasks::respond(conn, &settings, &task, contribution, &response, &actor)
            });
            // The page again: with the thanks, or with what was wrong and the form as it was.
            let task = tasks::get(conn, task.id)?.unwrap_or(task);
            let data = crate::read::task::page(
                lang,
                conn,
                &task,
                contribution,
                &format!("/tasks/answer/{lookup}"),
            )?;
            Ok((data, done))
        })
        .await?;
    match outcome {
        (data, Ok(notice)) => respond(
            &req,
            &state,
            user.as_ref(),
            StatusCode::OK,
            &token,
            data,
            Said::Thanks(notice.into()),
        ),
        (mut data, Err(err)) if err.kind.status() < 500 => {
            data.draft = Some(draft);
            let status = StatusCode::from_u16(err.kind.status()).unwrap_or(StatusCode::BAD_REQUEST);
            respond(
                &req,
                &state,
                user.as_ref(),
                status,
                &token,
                data,
                Said::Refused(&err.message),
            )
        }
        (_, Err(err)) => Err(err),
    }
}
