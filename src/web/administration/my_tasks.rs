//! Administration staff, logged in, see every task of their administration (`/my/tasks`): those
//! it leads and those it contributes to, and answer them on the same page as the answer links
//! give (`/my/tasks/{id}`), without needing the mail.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Serialize;

use crate::db::DbConnection;
use crate::db::tasks::TaskFilter;
use crate::db::tasks::{self, Task};
use crate::domain::task::Standing;
use crate::domain::time::today;
use crate::domain::{ContributionId, OrganizationId, TaskFileId, TaskId};
use crate::error::{AppError, AppResult};
use crate::web::AppState;
use crate::web::auth::{AdministrationStaff, CsrfForm, CurrentUser};
use crate::web::forms::AnswerForm;
use crate::web::forms::page as html;
use crate::web::templates::render_page;

fn own_administration(user: &CurrentUser) -> AppResult<OrganizationId> {
    user.account
        .organization_id
        .ok_or_else(|| AppError::forbidden("error-your-account-is-not-linked-to-2"))
}

/// The administration's part in a task: `Some(None)` when it leads it, `Some(Some(c))` when it
/// gives contribution `c`, `None` when the task is not its.
fn part(task: &Task, own: OrganizationId) -> Option<Option<ContributionId>> {
    if task.lead.id == own {
        return Some(None);
    }
    task.contributors
        .iter()
        .find(|c| c.organization.id == own)
        .map(|c| Some(c.id))
}

/// A task in the administration's list: its part in it, and where it stands.
#[derive(Serialize)]
struct Row {
    role: &'static str,
    url: String,
    clause: u32,
    description: String,
    lead: String,
    deadline: Option<String>,
    deadline_iso: Option<String>,
    status_label: String,
    overdue: bool,
    answered: bool,
    origin: Option<crate::web::views::TaskOriginView>,
}

/// The list page: open tasks and answered ones, page by page.
#[derive(Serialize)]
struct ListPage<'a> {
    administration: Option<&'a str>,
    groups: [Group; 2],
    previous: Option<String>,
    next: Option<String>,
}

#[derive(Serialize)]
struct Group {
    id: &'static str,
    heading: String,
    tasks: Vec<Row>,
}

fn row(
    lang: crate::domain::language::Lang,
    task: &Task,
    contribution: Option<ContributionId>,
    origins: &Origins,
) -> Row {
    let today = today();
    let mine = contribution.and_then(|id| task.contributors.iter().find(|c| c.id == id));
    let answered = match mine {
        Some(c) => c.status == crate::domain::task::ContributionStatus::Answered,
        None => !task.status.is_open(),
    };
    Row {
        role: if contribution.is_some() {
            "Bidrager"
        } else {
            "Ansvarlig"
        },
        url: format!("/my/tasks/{}", task.id),
        clause: task.clause,
        description: task.description.clone(),
        lead: task.lead.name.clone(),
        deadline: task.deadline.map(|d| crate::domain::time::day(lang, d)),
        deadline_iso: task.deadline.map(|d| d.to_string()),
        status_label: match mine {
            // Asked for a contribution reads as the task's own "sent".
            Some(c) if c.status == crate::domain::task::ContributionStatus::Requested => {
                crate::domain::task::TaskStatus::Sent.label(lang)
            }
            Some(c) => c.status.label(lang),
            None => task.status.label(lang),
        },
        overdue: !answered && task.status.is_overdue(task.deadline, today),
        answered,
        origin: origins
            .get(&task.agenda_item_id)
            .map(|o| crate::web::views::TaskOriginView::new(lang, o)),
    }
}

type Origins = std::collections::HashMap<crate::domain::AgendaItemId, tasks::TaskOrigin>;

#[derive(Debug, Default, serde::Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    side: Option<i64>,
}

const PAGE_SIZE: i64 = 50;

/// `GET /my/tasks`: what the administration still has to answer, by deadline, then the rest,
/// newest first, a page at a time each.
pub async fn list(
    state: web::Data<AppState>,
    AdministrationStaff(user): AdministrationStaff,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let own = own_administration(&user)?;
    let page = query.side.unwrap_or(1).max(1);
    let ((open, open_total), (done, done_total), origins) = state
        .db
        .run(move |conn| {
            let today = today();
            // One page of each standing in `group`, and the largest count among them.
            let mut group = |standings: [Standing; 2]| -> AppResult<(Vec<Task>, i64)> {
                let mut out = Vec::new();
                let mut most = 0;
                for standing in standings {
                    let filter = TaskFilter {
                        involving: Some(own),
                        standing: Some(standing),
                        ..TaskFilter::default()
                    };
                    let offset = (page - 1) * PAGE_SIZE;
                    let (list, total) = tasks::page(conn, &filter, today, offset, PAGE_SIZE)?;
                    out.extend(list);
                    most = most.max(total);
                }
                Ok((out, most))
            };
            let open = group([Standing::Overdue, Standing::Open])?;
            let done = group([Standing::Answered, Standing::Closed])?;
            let items: Vec<_> = open
                .0
                .iter()
                .chain(&done.0)
                .map(|t| t.agenda_item_id)
                .collect();
            let origins = tasks::origins(conn, &items)?;
            Ok((open, done, origins))
        })
        .await?;
    let rows = |list: &[Task]| -> Vec<Row> {
        list.iter()
            .filter_map(|t| part(t, own).map(|p| row(lang, t, p, &origins)))
            .collect()
    };
    let more = open_total.max(done_total) > page * PAGE_SIZE;
    let view = ListPage {
        administration: user.account.organization_name.as_deref(),
        groups: [
            Group {
                id: "aabne",
                heading: crate::i18n::t(lang, "my-tasks-waiting"),
                tasks: rows(&open),
            },
            Group {
                id: "besvarede",
                heading: crate::i18n::t(lang, "my-tasks-done"),
                tasks: rows(&done),
            },
        ],
        previous: (page > 1).then(|| format!("/my/tasks?side={}", page - 1)),
        next: more.then(|| format!("/my/tasks?side={}", page + 1)),
    };
    Ok(html(
        StatusCode::OK,
        render_page("administration/my_tasks.html", &user, &view)?,
    ))
}

/// The task if it is the administration's, with its part in it; the same 404 otherwise.
fn own_task(
    conn: &mut DbConnection,
    id: TaskId,
    own: OrganizationId,
) -> AppResult<(Task, Option<ContributionId>)> {
    tasks::get(conn, id)?
        .and_then(|t| part(&t, own).map(|p| (t, p)))
        .ok_or_else(|| AppError::not_found("error-the-task-does-not-exist-or"))
}

fn page(
    user: &CurrentUser,
    status: StatusCode,
    id: TaskId,
    data: crate::read::task::AnswerPage,
    flash: Option<crate::i18n::Msg>,
    error: Option<&crate::i18n::Msg>,
) -> AppResult<HttpResponse> {
    // The answer link's page, for the administration's own account.
    #[derive(Serialize)]
    struct OwnTaskPage<'a> {
        task: crate::read::task::AnswerPage,
        action: String,
        form_csrf: &'a str,
        answered_by_default: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        flash: Option<crate::i18n::Msg>,
        error: Option<&'a crate::i18n::Msg>,
        back_url: &'static str,
    }
    let view = OwnTaskPage {
        task: data,
        action: format!("/my/tasks/{id}"),
        form_csrf: &user.csrf_token,
        answered_by_default: &user.account.name,
        flash,
        error,
        back_url: "/my/tasks",
    };
    Ok(html(
        status,
        render_page("administration/task_answer.html", user, &view)?,
    ))
}

/// `GET /my/tasks/{id}`: the task as its link shows it; opening it marks it seen.
pub async fn show(
    state: web::Data<AppState>,
    AdministrationStaff(user): AdministrationStaff,
    path: web::Path<TaskId>,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let own = own_administration(&user)?;
    let id = path.into_inner();
    let data = state
        .db
        .run(move |conn| {
            let (task, contribution) = own_task(conn, id, own)?;
            let task = crate::service::tasks::open(conn, &task, contribution)?;
            crate::read::task::page(lang, conn, &task, contribution, &format!("/my/tasks/{id}"))
        })
        .await?;
    page(&user, StatusCode::OK, id, data, None, None)
}

/// `POST /my/tasks/{id}`: an answer, a contribution or a request for more time, in the name of
/// the account.
pub async fn submit(
    state: web::Data<AppState>,
    AdministrationStaff(user): AdministrationStaff,
    path: web::Path<TaskId>,
    CsrfForm(form): CsrfForm<AnswerForm>,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let own = own_administration(&user)?;
    let id = path.into_inner();
    let actor = user.account.actor();
    let draft = form.draft();
    let settings = state.settings.clone();
    let (data, done) = state
        .db
        .run(move |conn| {
            let (task, contribution) = own_task(conn, id, own)?;
            let done = form.response().and_then(|response| {
                crate::service::tasks::respond(
                    conn,
                    &settings,
                    &task,
                    contribution,
                    &response,
                    &actor,
                )
            });
            let task = tasks::get(conn, task.id)?.unwrap_or(task);
            Ok((
                crate::read::task::page(
                    lang,
                    conn,
                    &task,
                    contribution,
                    &format!("/my/tasks/{id}"),
                )?,
                done,
            ))
        })
        .await?;
    match done {
        Ok(notice) => Ok(crate::web::flash::done(format!("/my/tasks/{id}"), notice)),
        Err(err) if err.kind.status() < 500 => {
            let mut data = data;
            data.draft = Some(draft);
            let status = StatusCode::from_u16(err.kind.status()).unwrap_or(StatusCode::BAD_REQUEST);
            page(&user, status, id, data, None, Some(&err.message))
        }
        Err(err) => Err(err),
    }
}

/// `POST /my/tasks/{id}/files`: a file with the answer or the contribution.
pub async fn upload(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    AdministrationStaff(user): AdministrationStaff,
    path: web::Path<TaskId>,
    multipart: actix_multipart::Multipart,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let own = own_administration(&user)?;
    let id = path.into_inner();
    // Whose task it is is checked before the body is read.
    state
        .db
        .run(move |conn| own_task(conn, id, own).map(|_| ()))
        .await?;
    let crate::web::upload::Received { file, fields } = crate::web::upload::receive_checked_file(
        &req,
        Some(&user),
        multipart,
        state.settings.max_attachment_bytes,
    )
    .await?;
    let (data, done) = state
        .db
        .run(move |conn| {
            let (task, contribution) = own_task(conn, id, own)?;
            let done = file.and_then(|(name, content_type, bytes)| {
                tasks::add_file(conn, &task, contribution, &name, content_type, &bytes)
                    .map(|_| name)
                    .map_err(|e| e.message)
            });
            let task = tasks::get(conn, task.id)?.unwrap_or(task);
            Ok((
                crate::read::task::page(
                    lang,
                    conn,
                    &task,
                    contribution,
                    &format!("/my/tasks/{id}"),
                )?,
                done,
            ))
        })
        .await?;
    // What was typed beside the file stays in the form, attached or not.
    let mut data = data;
    data.draft = Some(crate::web::forms::AnswerForm::from_fields(&fields).draft());
    match done {
        Ok(name) => page(
            &user,
            StatusCode::OK,
            id,
            data,
            Some(crate::web::forms::attached_notice(&name)),
            None,
        ),
        Err(message) => page(
            &user,
            StatusCode::UNPROCESSABLE_ENTITY,
            id,
            data,
            None,
            Some(&message),
        ),
    }
}

/// `GET /my/tasks/{id}/files/{file}`
pub async fn file(
    state: web::Data<AppState>,
    AdministrationStaff(user): AdministrationStaff,
    path: web::Path<(TaskId, TaskFileId)>,
) -> AppResult<HttpResponse> {
    let own = own_administration(&user)?;
    let (id, file) = path.into_inner();
    let (meta, content) = state
        .db
        .run(move |conn| {
            let (task, contribution) = own_task(conn, id, own)?;
            crate::read::task::file(conn, &task, contribution, file)
        })
        .await?;
    Ok(crate::web::files::download(
        &meta.filename,
        &meta.content_type,
        content,
    ))
}
