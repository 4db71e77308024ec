//! The secretariat's follow-up: every task by administration and status with a chart of open,
//! overdue and answered tasks (`/secretariat/tasks`), and one task with its contributions,
//! answer and the secretariat's actions (`/secretariat/tasks/{id}`).

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use chrono::Utc;
use serde::{Deserialize, Serialize};

use crate::db::tasks::TaskFilter;
use crate::db::tasks::{self, TaskChange};
use crate::db::{DbConnection, decisions, meetings};
use crate::domain::task::{Standing, TaskStatus};
use crate::domain::time::{parse_date, today};
use crate::domain::{MeetingId, OrganizationId, TaskFileId, TaskId};
use crate::error::{AppError, AppResult};
use crate::service::followup;
use crate::urls::item_decision as item_decision_url;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, CurrentUser, Secretariat};
use crate::web::forms::{page as html, refused_or};
use crate::web::templates::render_page;
use crate::web::views::{TaskRow, task_rows_with_origin};

pub use crate::urls::task as task_url;

/// One administration's row of the dashboard.
#[derive(Debug, Default, Serialize)]
struct Tally {
    id: String,
    name: String,
    open: usize,
    overdue: usize,
    answered: usize,
    closed: usize,
}

/// A bar of the chart, with its three parts laid out in SVG units.
#[derive(Debug, Serialize)]
struct Bar {
    name: String,
    y: u32,
    text_y: u32,
    segments: Vec<Segment>,
    total: usize,
    total_x: u32,
}

#[derive(Debug, Serialize)]
struct Segment {
    class: &'static str,
    label: String,
    x: u32,
    width: u32,
    count: usize,
}

/// The chart's geometry: a label column, then bars scaled to the largest total.
const LABEL_WIDTH: u32 = 330;
const BAR_SPACE: u32 = 380;
const ROW_HEIGHT: u32 = 30;
const BAR_HEIGHT: u32 = 20;

fn bars(lang: crate::domain::language::Lang, tallies: &[Tally]) -> (Vec<Bar>, u32) {
    let max = tallies
        .iter()
        .map(|t| t.open + t.overdue + t.answered)
        .max()
        .unwrap_or(0)
        .max(1);
    let bars = tallies
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let y = i as u32 * ROW_HEIGHT + 6;
            let mut x = LABEL_WIDTH;
            let mut segments = Vec::new();
            for (class, key, count) in [
                ("open", "chart-tasks-open", t.open),
                ("overdue", "chart-tasks-overdue", t.overdue),
                ("answered", "chart-tasks-answered", t.answered),
            ] {
                let label = crate::i18n::t_with(lang, key, &[("count", count.into())]);
                let width = (count as u64 * BAR_SPACE as u64 / max as u64) as u32;
                if count > 0 {
                    segments.push(Segment {
                        class,
                        label,
                        x,
                        width: width.max(2),
                        count,
                    });
                }
                x += width.max(if count > 0 { 2 } else { 0 });
            }
            Bar {
                name: t.name.clone(),
                y,
                text_y: y + BAR_HEIGHT - 5,
                segments,
                total: t.open + t.overdue + t.answered,
                total_x: x + 6,
            }
        })
        .collect::<Vec<_>>();
    let height = tallies.len() as u32 * ROW_HEIGHT + 12;
    (bars, height)
}

#[derive(Debug, Default, Deserialize)]
pub struct Filter {
    #[serde(default)]
    forvaltning: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    side: Option<i64>,
}

/// Tasks per page of the dashboard's list.
const PAGE_SIZE: i64 = 50;

fn dashboard(conn: &mut DbConnection, user: &CurrentUser, filter: &Filter) -> AppResult<String> {
    let lang = user.lang;
    let today = today();
    let names: std::collections::HashMap<i64, String> = crate::db::organizations::list(conn)?
        .into_iter()
        .map(|o| (o.id.0, o.name))
        .collect();
    let mut tallies: Vec<Tally> = tasks::tally(conn, today)?
        .into_iter()
        .map(|(lead, [open, overdue, answered, closed])| Tally {
            id: lead.to_string(),
            name: names.get(&lead.0).cloned().unwrap_or_default(),
            open: open as usize,
            overdue: overdue as usize,
            answered: answered as usize,
            closed: closed as usize,
        })
        .collect();
    tallies.sort_by(|a, b| a.name.cmp(&b.name));
    let totals = Tally {
        id: String::new(),
        name: crate::i18n::t(lang, "total"),
        open: tallies.iter().map(|t| t.open).sum(),
        overdue: tallies.iter().map(|t| t.overdue).sum(),
        answered: tallies.iter().map(|t| t.answered).sum(),
        closed: tallies.iter().map(|t| t.closed).sum(),
    };
    let (bars, chart_height) = bars(lang, &tallies);
    let administration = filter.forvaltning.as_deref().unwrap_or("").trim();
    let standing = filter.status.as_deref().unwrap_or("").trim();
    let task_filter = TaskFilter {
        lead: administration.parse::<i64>().ok().map(OrganizationId),
        involving: None,
        standing: Standing::parse(standing),
    };
    let page = filter.side.unwrap_or(1).max(1);
    let (listed, total) =
        tasks::page(conn, &task_filter, today, (page - 1) * PAGE_SIZE, PAGE_SIZE)?;
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let link = |p: i64| {
        format!(
            "/secretariat/tasks?forvaltning={administration}&status={standing}&side={p}#opgaver"
        )
    };
    let asking = tasks::with_requests(conn, 50)?;
    let items: Vec<_> = listed
        .iter()
        .chain(&asking)
        .map(|t| t.agenda_item_id)
        .collect();
    let origins = tasks::origins(conn, &items)?;
    let requests: Vec<TaskRow> = task_rows_with_origin(lang, &asking, &origins);
    let view = Dashboard {
        tallies,
        totals,
        bars,
        chart_height,
        chart_width: LABEL_WIDTH + BAR_SPACE + 50,
        label_x: LABEL_WIDTH - 8,
        tasks: task_rows_with_origin(lang, &listed, &origins),
        total,
        previous: (page > 1).then(|| link(page - 1)),
        next: (page < pages).then(|| link(page + 1)),
        page,
        pages,
        requests,
        filter_administration: administration,
        filter_status: standing,
        today: crate::domain::time::long_date(lang, today),
    };
    render_page("secretariat/tasks.html", user, &view)
}

/// The task dashboard: a tally and chart per administration, the tasks by filter, page by
/// page, and the requests for more time.
#[derive(Serialize)]
struct Dashboard<'a> {
    tallies: Vec<Tally>,
    totals: Tally,
    bars: Vec<Bar>,
    chart_height: u32,
    chart_width: u32,
    label_x: u32,
    tasks: Vec<TaskRow>,
    total: i64,
    previous: Option<String>,
    next: Option<String>,
    page: i64,
    pages: i64,
    requests: Vec<TaskRow>,
    filter_administration: &'a str,
    filter_status: &'a str,
    today: String,
}

/// `GET /secretariat/tasks`
pub async fn list(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    query: web::Query<Filter>,
) -> AppResult<HttpResponse> {
    let filter = query.into_inner();
    let body = state
        .db
        .run(move |conn| dashboard(conn, &user, &filter))
        .await?;
    Ok(html(StatusCode::OK, body))
}

fn task_page(
    conn: &mut DbConnection,
    user: &CurrentUser,
    id: TaskId,
    problem: Option<&crate::i18n::Msg>,
) -> AppResult<String> {
    let lang = user.lang;
    let task = tasks::get(conn, id)?
        .ok_or_else(|| AppError::not_found("error-the-task-does-not-exist"))?;
    let item = decisions::decided_item(conn, task.agenda_item_id)?
        .ok_or_else(|| AppError::internal("a task's agenda item is missing"))?;
    let decision = decisions::decision_of(conn, task.agenda_item_id)?
        .ok_or_else(|| AppError::internal("a task's decision is missing"))?;
    let today = today();
    let detail = TaskDetail {
        id: task.id,
        clause: task.clause,
        clause_text: task.clause_text.clone(),
        description: task.description.clone(),
        lead: task.lead.name.clone(),
        deadline: task
            .deadline
            .map(|d| crate::domain::time::long_date(lang, d)),
        deadline_input: task.deadline.map(|d| crate::domain::time::day(lang, d)),
        overdue: task.status.is_overdue(task.deadline, today),
        answer_to: task.answer_to.as_ref().map(|o| o.name.clone()),
        status: task.status.as_str(),
        status_label: task.status.label(lang),
        open: task.status.is_open(),
        closed: task.status == TaskStatus::Closed,
        answer: task.answer.clone(),
        answered_by: task.answered_by.clone(),
        answered_at: task
            .answered_at
            .map(|at| crate::domain::time::datetime(lang, at)),
        proposed_deadline: task
            .proposed_deadline
            .map(|d| crate::domain::time::long_date(lang, d)),
        extension_reason: task.extension_reason.clone(),
        sent_at: crate::domain::time::datetime(lang, task.sent_at),
        lock: task.lock_version,
        contributions: task
            .contributors
            .iter()
            .map(|c| ContributionLine {
                organization: c.organization.name.clone(),
                answered: c.status == crate::domain::task::ContributionStatus::Answered,
                status: c.status,
                answer: c.answer.clone(),
                answered_by: c.answered_by.clone(),
                answered_at: c
                    .answered_at
                    .map(|at| crate::domain::time::datetime(lang, at)),
            })
            .collect(),
    };
    // Where the answer can go: the coming meetings of the body it is for (or of every council
    // and committee when the decision named none) whose agenda can still change.
    let bodies: Vec<OrganizationId> = match &task.answer_to {
        Some(to) => vec![to.id],
        None => meetings::meeting_organizations(conn)?
            .into_iter()
            .map(|(id, _)| id)
            .collect(),
    };
    let upcoming = meetings::upcoming_of(conn, &bodies, Utc::now(), 12)?
        .iter()
        .map(|m| MeetingChoice {
            id: m.id,
            label: format!(
                "{}, {}",
                m.organization_name,
                crate::domain::time::datetime(lang, m.starts_at)
            ),
        })
        .collect();
    let files = tasks::files(conn, task.id)?
        .iter()
        .map(|f| crate::read::task::file_json(lang, &task, f, &task_url(task.id)))
        .collect();
    let presented_url = match task.presented_item_id {
        Some(item) => crate::read::followup::presented_url(conn, item)?,
        None => None,
    };
    let view = TaskPage {
        task: detail,
        upcoming,
        files,
        presented_url,
        organization_name: item.organization_name.clone(),
        meeting_date: crate::domain::time::date(lang, item.meeting_starts_at),
        item_title: item.item.display_title(),
        item_url: item_decision_url(task.agenda_item_id),
        decision_text: decision.text,
        problem,
    };
    render_page("secretariat/task.html", user, &view)
}

/// A task as the secretariat follows it: the clause it comes from, its answer and
/// contributions, where the answer can be presented, and the actions on it.
#[derive(Serialize)]
struct TaskPage<'a> {
    task: TaskDetail,
    upcoming: Vec<MeetingChoice>,
    files: Vec<crate::read::task::FileLink>,
    presented_url: Option<String>,
    organization_name: String,
    meeting_date: String,
    item_title: String,
    item_url: String,
    decision_text: String,
    problem: Option<&'a crate::i18n::Msg>,
}

#[derive(Serialize)]
struct TaskDetail {
    id: TaskId,
    clause: u32,
    clause_text: String,
    description: String,
    lead: String,
    deadline: Option<String>,
    deadline_input: Option<String>,
    overdue: bool,
    answer_to: Option<String>,
    status: &'static str,
    status_label: String,
    open: bool,
    closed: bool,
    answer: Option<String>,
    answered_by: Option<String>,
    answered_at: Option<String>,
    proposed_deadline: Option<String>,
    extension_reason: Option<String>,
    sent_at: String,
    lock: i32,
    contributions: Vec<ContributionLine>,
}

#[derive(Serialize)]
struct ContributionLine {
    organization: String,
    answered: bool,
    status: crate::domain::task::ContributionStatus,
    answer: Option<String>,
    answered_by: Option<String>,
    answered_at: Option<String>,
}

/// A coming meeting the answer can be put before.
#[derive(Serialize)]
struct MeetingChoice {
    id: crate::domain::MeetingId,
    label: String,
}

/// `GET /secretariat/tasks/{id}/overview`: the compiled answer, as the PDF has it.
pub async fn overview(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<TaskId>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let lang = user.lang;
    let overview = state
        .db
        .run(move |conn| followup::overview(conn, id, lang))
        .await?;
    #[derive(Serialize)]
    struct OverviewPage {
        overview: crate::documents::Overview,
        task_url: String,
        pdf_url: String,
    }
    let view = OverviewPage {
        overview,
        task_url: task_url(id),
        pdf_url: format!("{}/overview.pdf", task_url(id)),
    };
    Ok(html(
        StatusCode::OK,
        render_page("secretariat/task_overview.html", &user, &view)?,
    ))
}

/// `GET /secretariat/tasks/{id}/overview.pdf`
pub async fn overview_pdf(
    state: web::Data<AppState>,
    Secretariat(_): Secretariat,
    path: web::Path<TaskId>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let overview = state
        .db
        .run(move |conn| {
            let lang = crate::db::municipality::language(conn)?;
            Ok((lang, followup::overview(conn, id, lang)?))
        })
        .await?;
    let (lang, overview) = overview;
    let pdf = web::block(move || crate::documents::overview_pdf(lang, &overview))
        .await
        .map_err(AppError::internal)?
        .map_err(|e| AppError::internal(e).with_message("the overview could not be rendered"))?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"besvarelse-{id}.pdf\""),
        ))
        .body(pdf))
}

/// `GET /secretariat/tasks/{id}/files/{file}`
pub async fn file(
    state: web::Data<AppState>,
    Secretariat(_): Secretariat,
    path: web::Path<(TaskId, TaskFileId)>,
) -> AppResult<HttpResponse> {
    let (id, file) = path.into_inner();
    let (meta, content) = state
        .db
        .run(move |conn| tasks::file(conn, id, file))
        .await?
        .ok_or_else(|| AppError::not_found("error-the-file-does-not-exist"))?;
    Ok(crate::web::files::download(
        &meta.filename,
        &meta.content_type,
        content,
    ))
}

#[derive(Debug, Deserialize)]
pub struct PresentForm {
    #[serde(default)]
    meeting: String,
}

/// `POST /secretariat/tasks/{id}/present`: puts the answer on the chosen meeting's agenda.
pub async fn present(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<TaskId>,
    CsrfForm(form): CsrfForm<PresentForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let actor = user.account.actor();
    let by = user.account.id;
    let outcome = state
        .db
        .run(move |conn| {
            let done = form
                .meeting
                .trim()
                .parse::<i64>()
                .map_err(|_| AppError::invalid("error-choose-the-meeting-the-answer-goes"))
                .and_then(|m| followup::present(conn, &actor, id, MeetingId(m), Some(by)));
            let done = match done {
                Ok(item) => Ok((
                    crate::read::followup::presented_url(conn, item)?
                        .unwrap_or_else(|| task_url(id)),
                    "notice-overview-on-agenda",
                )),
                Err(err) => Err(err),
            };
            refused_or(done, |why| task_page(conn, &user, id, Some(why)))
        })
        .await?;
    Ok(outcome.respond(|done| done))
}

/// What an action on a task did, said on its page afterwards.
fn done_text(action: &str) -> &'static str {
    match action {
        "deadline" => "notice-deadline-moved",
        "accept" => "notice-deadline-approved",
        "refuse" => "notice-deadline-refused",
        "reissue" => "notice-links-sent",
        "revoke" => "notice-links-withdrawn",
        "close" => "notice-task-closed",
        _ => "notice-task-changed",
    }
}

/// `GET /secretariat/tasks/{id}`
pub async fn show(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<TaskId>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let body = state
        .db
        .run(move |conn| task_page(conn, &user, id, None))
        .await?;
    Ok(html(StatusCode::OK, body))
}

#[derive(Debug, Deserialize)]
pub struct ActionForm {
    action: String,
    #[serde(default)]
    lock: Option<i32>,
    #[serde(default)]
    deadline: String,
}

impl ActionForm {
    fn change(&self) -> AppResult<TaskChange> {
        let mut change = TaskChange::default();
        match self.action.as_str() {
            "deadline" => {
                change.deadline = Some(
                    parse_date(&self.deadline)
                        .ok_or_else(|| AppError::invalid("error-write-the-new-deadline-as-a"))?,
                )
            }
            "accept" => change.accept_proposed_deadline = true,
            "refuse" => change.refuse_proposed_deadline = true,
            "reissue" => change.reissue_links = true,
            "revoke" => change.revoke_links = true,
            "close" => change.close = true,
            _ => return Err(AppError::bad_request("error-unknown-action")),
        }
        Ok(change)
    }
}

/// `POST /secretariat/tasks/{id}`: one of the secretariat's actions on the task.
pub async fn act(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<TaskId>,
    CsrfForm(form): CsrfForm<ActionForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let actor = user.account.actor();
    let settings = state.settings.clone();
    let outcome = state
        .db
        .run(move |conn| {
            let done = form.change().and_then(|change| {
                followup::change_task(conn, &settings, &actor, id, form.lock, &change)
            });
            refused_or(done.map(|_| form.action), |why| {
                task_page(conn, &user, id, Some(why))
            })
        })
        .await?;
    Ok(outcome.respond(|action| (task_url(id), done_text(&action))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::language::Lang;

    fn tally(name: &str, open: usize, overdue: usize, answered: usize) -> Tally {
        Tally {
            id: name.to_owned(),
            name: name.to_owned(),
            open,
            overdue,
            answered,
            closed: 0,
        }
    }

    #[test]
    fn the_chart_labels_speak_the_reader_language() {
        let (english, _) = bars(Lang::En, &[tally("A", 1, 2, 0)]);
        assert_eq!(english[0].segments[0].label, "1 open");
        assert_eq!(english[0].segments[1].label, "2 overdue");
        let (danish, _) = bars(Lang::Da, &[tally("A", 1, 2, 0)]);
        assert_eq!(danish[0].segments[0].label, "1 åben");
        assert_eq!(danish[0].segments[1].label, "2 overskredne");
    }

    #[test]
    fn bars_scale_to_the_largest_total_and_skip_empty_parts() {
        let (bars, height) = bars(Lang::Da, &[tally("A", 2, 1, 1), tally("B", 0, 0, 2)]);
        assert_eq!(height, 2 * ROW_HEIGHT + 12);
        let a = &bars[0];
        assert_eq!(a.total, 4);
        let widths: Vec<u32> = a.segments.iter().map(|s| s.width).collect();
        assert_eq!(widths, vec![BAR_SPACE / 2, BAR_SPACE / 4, BAR_SPACE / 4]);
        assert_eq!(a.segments[0].x, LABEL_WIDTH);
        assert_eq!(a.segments[1].x, LABEL_WIDTH + BAR_SPACE / 2);
        let b = &bars[1];
        assert_eq!(b.segments.len(), 1);
        assert_eq!(b.segments[0].class, "answered");
        assert_eq!(b.segments[0].width, BAR_SPACE / 2);
        assert!(b.y > a.y);
    }

    #[test]
    fn a_tiny_part_stays_visible_and_no_tasks_draws_nothing() {
        let (bars_, _) = bars(Lang::Da, &[tally("A", 1000, 1, 0)]);
        assert_eq!(bars_[0].segments[1].width, 2);
        let (empty, height) = bars(Lang::Da, &[]);
        assert!(empty.is_empty());
        assert_eq!(height, 12);
    }
}
