//! `/tasks/answer/{token}`: an administration answers its task, or gives its contribution,
//! through the link in its mail, without an account. The link is the authority, for one task
//! (and, for a contributor, one contribution) only.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use serde::Deserialize;
use serde_json::json;

use super::AppState;
use super::auth::{CsrfForm, MaybeUser};
use super::templates::link_page;
use crate::db::DbConnection;
use crate::db::decisions::{decided_item, decision_of};
use crate::db::tasks::{self, Link, Task};
use crate::domain::account::Actor;
use crate::domain::time::{date_da, datetime_da, long_date_da, today};
use crate::error::{AppError, AppResult};
use crate::service;
use crate::service::tasks::Response;

/// The task behind a link, or the clear reason it does not open.
fn open(conn: &mut DbConnection, token: &str) -> AppResult<(Task, Option<i64>)> {
    match tasks::link(conn, token, Utc::now())? {
        Link::Valid { task, contribution } => {
            let task = tasks::get(conn, task)?
                .ok_or_else(|| AppError::not_found("Opgaven findes ikke længere."))?;
            Ok((task, contribution))
        }
        Link::Expired => Err(AppError::gone(
            "Linket er udløbet. Kontakt sekretariatet, hvis opgaven stadig skal besvares.",
        )),
        Link::Revoked => Err(AppError::gone(
            "Linket er trukket tilbage af sekretariatet. Brug det nyeste link, du har fået, eller kontakt sekretariatet.",
        )),
        Link::Unknown => Err(AppError::not_found(
            "Linket findes ikke. Tjek, at hele adressen fra mailen er med.",
        )),
    }
}

/// Everything the page shows about the task, as the template reads it.
pub(super) fn page_data(
    conn: &mut DbConnection,
    task: &Task,
    contribution: Option<i64>,
    page_url: &str,
) -> AppResult<serde_json::Value> {
    let item = decided_item(conn, task.agenda_item_id)?
        .ok_or_else(|| AppError::internal("a task's agenda item is missing"))?;
    let decision = decision_of(conn, task.agenda_item_id)?
        .ok_or_else(|| AppError::internal("a task's decision is missing"))?;
    let mine = contribution.and_then(|id| task.contributors.iter().find(|c| c.id == id));
    let today = today();
    let files = visible_files(conn, task, contribution)?
        .into_iter()
        .map(|f| file_json(task, &f, page_url))
        .collect::<Vec<_>>();
    Ok(json!({
        "files": files,
        "is_lead": mine.is_none(),
        "administration": mine.map_or(&task.lead.name, |c| &c.organization.name),
        "lead": task.lead.name,
        "organization": item.organization_name,
        "meeting_date": date_da(item.meeting_starts_at),
        "meeting_url": format!("/meetings/{}", item.meeting_id),
        "item_title": item.item.display_title(),
        "decision_text": decision.text,
        "clause": task.clause,
        "clause_text": task.clause_text,
        "description": task.description,
        "deadline": task.deadline.map(long_date_da),
        "overdue": task.status.is_overdue(task.deadline, today),
        "answer_to": task.answer_to.as_ref().map(|o| o.name.clone()),
        "status": task.status.label_da(),
        "open": task.status.is_open(),
        "answer": task.answer,
        "answered_by": task.answered_by,
        "answered_at": task.answered_at.map(datetime_da),
        "proposed_deadline": task.proposed_deadline.map(long_date_da),
        "extension_reason": task.extension_reason,
        "my_answer": mine.and_then(|c| c.answer.clone()),
        "my_answered_by": mine.and_then(|c| c.answered_by.clone()),
        "my_answered_at": mine.and_then(|c| c.answered_at.map(datetime_da)),
        "contributions": task.contributors.iter().map(|c| json!({
            "organization": c.organization.name,
            "answered": c.status == crate::domain::task::ContributionStatus::Answered,
            "answer": c.answer,
            "answered_by": c.answered_by,
            "answered_at": c.answered_at.map(datetime_da),
        })).collect::<Vec<_>>(),
    }))
}

/// The files a link (or an administration's page) shows: the lead sees every file of the task,
/// a contributor the files of its own contribution.
pub(super) fn visible_files(
    conn: &mut DbConnection,
    task: &Task,
    contribution: Option<i64>,
) -> AppResult<Vec<tasks::TaskFile>> {
    Ok(tasks::files(conn, task.id)?
        .into_iter()
        .filter(|f| contribution.is_none() || f.contribution_id == contribution)
        .collect())
}

/// A file as the pages list it: name, size, whose, and where to fetch it under `page_url`.
pub fn file_json(task: &Task, f: &tasks::TaskFile, page_url: &str) -> serde_json::Value {
    let owner = match f.contribution_id {
        None => task.lead.name.clone(),
        Some(c) => task
            .contributors
            .iter()
            .find(|x| x.id == c)
            .map(|x| x.organization.name.clone())
            .unwrap_or_default(),
    };
    json!({
        "filename": f.filename,
        "size": crate::domain::text::file_size_da(f.size),
        "owner": owner,
        "url": format!("{page_url}/files/{}", f.id),
    })
}

/// A task's file and its bytes, if the link or page may see it.
pub(super) fn download(
    conn: &mut DbConnection,
    task: &Task,
    contribution: Option<i64>,
    file: i64,
) -> AppResult<(tasks::TaskFile, Vec<u8>)> {
    let missing = || AppError::not_found("Filen findes ikke.");
    if !visible_files(conn, task, contribution)?
        .iter()
        .any(|f| f.id == file)
    {
        return Err(missing());
    }
    tasks::file(conn, task.id, file)?.ok_or_else(missing)
}

/// The bytes of a file, to save (never shown inline: it is whatever someone sent us).
pub fn file_response(filename: &str, content_type: &str, content: Vec<u8>) -> HttpResponse {
    let ascii: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' {
                c
            } else {
                '_'
            }
        })
        .collect();
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((actix_web::http::header::CACHE_CONTROL, "private, no-store"))
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
                url::form_urlencoded::byte_serialize(filename.as_bytes()).collect::<String>()
            ),
        ))
        .body(content)
}

/// Reads an uploaded file for a task and adds it (refusals are the user's to read).
pub(super) async fn receive_file(
    req: &HttpRequest,
    user: Option<&super::auth::CurrentUser>,
    multipart: actix_multipart::Multipart,
    limit: u64,
) -> AppResult<Result<(String, &'static str, Vec<u8>), String>> {
    let read = super::upload::read_upload(req, user, multipart, limit).await?;
    let mut upload = match read {
        Ok(u) => u,
        Err(e) => return Ok(Err(e.to_string())),
    };
    Ok(upload
        .take_file()?
        .ok_or(crate::domain::attachment::AttachmentError::Empty)
        .and_then(|(name, bytes)| {
            let filename = crate::domain::attachment::clean_filename(&name)?;
            let content_type = crate::domain::attachment::check(&filename, &bytes)?;
            Ok((filename, content_type, bytes))
        })
        .map_err(|e| e.to_string()))
}

/// `POST /tasks/answer/{token}/files`: a file with the answer or the contribution.
pub async fn upload(
    req: HttpRequest,
    state: web::Data<AppState>,
    MaybeUser(user): MaybeUser,
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
    let received = receive_file(
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
            let done = received.and_then(|(name, content_type, bytes)| {
                tasks::add_file(conn, &task, contribution, &name, content_type, &bytes)
                    .map_err(|e| e.message.into_owned())
            });
            let task = tasks::get(conn, task.id)?.unwrap_or(task);
            Ok((page_data(conn, &task, contribution, &page_url)?, done))
        })
        .await?;
    let (status, said) = match &done {
        Ok(_) => (StatusCode::OK, Said::Thanks("Filen er vedhæftet.")),
        Err(message) => (StatusCode::UNPROCESSABLE_ENTITY, Said::Refused(message)),
    };
    respond(&req, &state, user.as_ref(), status, &token, data, said)
}

/// `GET /tasks/answer/{token}/files/{file}`
pub async fn file(
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
) -> AppResult<HttpResponse> {
    let (token, file) = path.into_inner();
    let (meta, content) = state
        .db
        .run(move |conn| {
            let (task, contribution) = open(conn, &token)?;
            download(conn, &task, contribution, file)
        })
        .await?;
    Ok(file_response(&meta.filename, &meta.content_type, content))
}

/// What the page says above the task after a submission.
enum Said<'a> {
    Nothing,
    Thanks(&'a str),
    Refused(&'a str),
}

fn respond(
    req: &HttpRequest,
    state: &AppState,
    user: Option<&super::auth::CurrentUser>,
    status: StatusCode,
    token: &str,
    data: serde_json::Value,
    said: Said,
) -> AppResult<HttpResponse> {
    let (notice, error) = match said {
        Said::Nothing => (None, None),
        Said::Thanks(text) => (Some(text), None),
        Said::Refused(text) => (None, Some(text)),
    };
    link_page(req, state, user, status, "task_answer.html", |ctx| {
        ctx.insert("task", &data);
        ctx.insert("action", &format!("/tasks/answer/{token}"));
        ctx.insert("notice", &notice);
        ctx.insert("error", &error);
    })
}

/// `GET /tasks/answer/{token}`: the task, its decision and clause, the deadline, and the form.
/// Opening it marks the task (or the contribution) as seen.
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    MaybeUser(user): MaybeUser,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    let lookup = token.clone();
    let data = state
        .db
        .run(move |conn| {
            let (task, contribution) = open(conn, &lookup)?;
            let task = service::tasks::open(conn, &task, contribution)?;
            page_data(
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

#[derive(Debug, Deserialize)]
pub struct AnswerForm {
    /// Missing is an unknown action, refused by the handler once it knows who is asking.
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub answer: String,
    #[serde(default)]
    pub answered_by: String,
    #[serde(default)]
    pub proposed_deadline: String,
    #[serde(default)]
    pub reason: String,
}

impl AnswerForm {
    /// What the form asks for.
    pub(super) fn response(&self) -> Response<'_> {
        Response {
            action: &self.action,
            answer: &self.answer,
            answered_by: &self.answered_by,
            proposed_deadline: &self.proposed_deadline,
            reason: &self.reason,
        }
    }

    /// What was typed, to show again if it is refused.
    pub(super) fn draft(&self) -> serde_json::Value {
        json!({
            "answer": self.answer,
            "answered_by": self.answered_by,
            "proposed_deadline": self.proposed_deadline,
            "reason": self.reason,
        })
    }
}

/// `POST /tasks/answer/{token}`: an answer, a contribution, or a request for more time.
pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    MaybeUser(user): MaybeUser,
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
            let done = service::tasks::respond(
                conn,
                &settings,
                &task,
                contribution,
                &form.response(),
                &actor,
            );
            // The page again: with the thanks, or with what was wrong and the form as it was.
            let task = tasks::get(conn, task.id)?.unwrap_or(task);
            let data = page_data(
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
            Said::Thanks(notice),
        ),
        (mut data, Err(err)) if err.kind.status() < 500 => {
            data["draft"] = draft;
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
