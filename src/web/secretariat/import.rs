//! The members file on the settings page (`/secretariat/settings/import`): upload, a preview of
//! what each row changes, then apply. The preview page carries the file's text in its apply
//! form, so what is applied is exactly what was previewed.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};

use crate::db::DbConnection;
use crate::domain::import::{COLUMNS, IMPORT_MAX_BYTES};
use crate::error::{AppError, AppResult};
use crate::service::import::{self as service, ImportReport};
use crate::web::AppState;
use crate::web::auth::{CsrfForm, CurrentUser, Secretariat};
use crate::web::forms::{Posted, page, refused_or};
use crate::web::templates::render_page;
use crate::web::upload::read_upload;

#[derive(Serialize)]
struct ImportPage<'a> {
    columns: String,
    max_mb: usize,
    report: Option<&'a ImportReport>,
    /// The previewed file's text, for the apply form (only when it can be applied).
    csv: Option<&'a str>,
    problem: Option<&'a crate::i18n::Msg>,
}

fn import_page(
    user: &CurrentUser,
    report: Option<&ImportReport>,
    csv: Option<&str>,
    problem: Option<&crate::i18n::Msg>,
) -> AppResult<String> {
    render_page(
        "secretariat/settings_import.html",
        user,
        &ImportPage {
            columns: COLUMNS.join(","),
            max_mb: IMPORT_MAX_BYTES / 1024 / 1024,
            report,
            csv: csv.filter(|_| {
                report.is_some_and(|r| r.refused == 0 && r.new + r.changed > 0 && !r.applied)
            }),
            problem,
        },
    )
}

/// What is read of an upload: past the file's own limit, so the parser says why it is refused.
const UPLOAD_LIMIT: u64 = IMPORT_MAX_BYTES as u64 + 1024;

fn run(
    conn: &mut DbConnection,
    user: &CurrentUser,
    bytes: &[u8],
    apply: bool,
) -> AppResult<Posted<ImportReport>> {
    let done = service::members(conn, &user.account.actor(), bytes, apply);
    let text = String::from_utf8_lossy(bytes);
    match refused_or(done, |why| import_page(user, None, None, Some(why)))? {
        Posted::Done(report) if report.applied => Ok(Posted::Done(report)),
        Posted::Done(report) => {
            let status = if report.refused > 0 {
                StatusCode::UNPROCESSABLE_ENTITY
            } else {
                StatusCode::OK
            };
            Ok(Posted::Refused(
                status,
                import_page(user, Some(&report), Some(&text), None)?,
            ))
        }
        Posted::Refused(status, body) => Ok(Posted::Refused(status, body)),
    }
}

/// `POST /secretariat/settings/import` (multipart: `file`): the preview.
pub async fn preview(
    req: HttpRequest,
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    multipart: actix_multipart::Multipart,
) -> AppResult<HttpResponse> {
    let read = read_upload(&req, Some(&user), multipart, UPLOAD_LIMIT).await?;
    state
        .db
        .run(move |conn| {
            let bytes = read.map_err(AppError::invalid).and_then(|mut upload| {
                upload
                    .take_file()?
                    .map(|(_, bytes)| bytes)
                    .ok_or_else(|| AppError::invalid("error-choose-a-csv-file-with-the"))
            });
            match bytes {
                Ok(bytes) => run(conn, &user, &bytes, false),
                Err(err) => refused_or(Err(err), |why| import_page(&user, None, None, Some(why))),
            }
        })
        .await
        // A preview is always shown as the post's own page (`run` never finishes it).
        .map(|posted| {
            posted.respond(|_| ("/secretariat/settings/import".to_owned(), String::new()))
        })
}

#[derive(Deserialize)]
pub struct ApplyForm {
    csv: String,
}

/// `POST /secretariat/settings/import/apply`: the previewed file, applied.
pub async fn apply(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    CsrfForm(form): CsrfForm<ApplyForm>,
) -> AppResult<HttpResponse> {
    state
        .db
        .run(move |conn| run(conn, &user, form.csv.as_bytes(), true))
        .await
        .map(|posted| {
            posted.respond(|r| {
                (
                    "/secretariat/settings/import".to_owned(),
                    crate::i18n::Msg::key("notice-import-done")
                        .arg("new", r.new)
                        .arg("changed", r.changed)
                        .arg("unchanged", r.unchanged),
                )
            })
        })
}

/// `GET /secretariat/settings/import`: the upload form and the file's format, and after an
/// import what it did.
pub async fn form(Secretariat(user): Secretariat) -> AppResult<HttpResponse> {
    Ok(page(StatusCode::OK, import_page(&user, None, None, None)?))
}
