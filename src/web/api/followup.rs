//! The JSON API for decisions and follow-up (INTERFACES.md): recording a decision on an agenda
//! item, and the follow-up tasks Agendum reads from its adopted clauses.

use actix_web::{HttpResponse, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::db::DbConnection;
use crate::db::accounts::Account;
use crate::db::decisions::{self, RecordDecision, StoredDecision};
use crate::db::organizations::{self as orgs, Organization};
use crate::db::tasks::{self, NewTask, Task, TaskChange, TaskFilter};
use crate::domain::account::Role;
use crate::domain::decision::{Amendment, ClauseDecision, Decision, Outcome, Statement, Votes};
use crate::domain::task::{ORGANIZATIONS_MAX, Standing, TaskStatus};
use crate::domain::time::{rfc3339, today};
use crate::domain::{AgendaItemId, OrganizationId, TaskId};
use crate::error::{AppError, AppResult};
use crate::read::task::{OrganizationRef, TaskView};
use crate::service::followup;
use crate::web::AppState;
use crate::web::api::listing::Listing;
use crate::web::auth::ApiCaller;
use crate::web::errors::ApiError;
use crate::web::input::ApiJson;

type ApiResult<T> = Result<T, ApiError>;

/// Decisions and follow-up are the secretariat's.
fn secretariat(caller: ApiCaller) -> ApiResult<Account> {
    let account = caller.require()?;
    if account.role != Role::Secretariat {
        return Err(AppError::forbidden("error-only-the-secretariat-can-record-decisions").into());
    }
    Ok(account)
}

/// The decision as posted: the domain's fields, committees by id, and an optional own text.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionInput {
    outcome: Outcome,
    #[serde(default)]
    votes: Option<Votes>,
    #[serde(default)]
    clauses: Vec<ClauseDecision>,
    #[serde(default)]
    amendments: Vec<Amendment>,
    #[serde(default)]
    statements: Vec<Statement>,
    #[serde(default)]
    referred_to: Option<OrganizationId>,
    #[serde(default)]
    consulted: Vec<OrganizationId>,
    #[serde(default)]
    text: Option<String>,
}

impl DecisionInput {
    pub fn into_request(self, item: AgendaItemId, account: &Account) -> RecordDecision {
        RecordDecision {
            item,
            decision: Decision {
                outcome: self.outcome,
                votes: self.votes,
                clauses: self.clauses,
                amendments: self.amendments,
                statements: self.statements,
                referred_to: None,
                consulted: Vec::new(),
            },
            referred_to: self.referred_to,
            consulted: self.consulted,
            text: self.text,
            by: Some(account.id),
        }
    }
}

/// `{"id", "name"}` of an organization, named from `all` (loaded once per request).
fn organization_ref(all: &[Organization], id: OrganizationId) -> OrganizationRef {
    let name = all.iter().find(|o| o.id == id).map(|o| o.name.as_str());
    OrganizationRef {
        id,
        name: name.unwrap_or_default().to_owned(),
    }
}

/// A recorded decision as the API shows it (`Decision` in the OpenAPI document).
#[derive(Debug, Serialize)]
pub struct DecisionJson {
    id: crate::domain::DecisionId,
    agenda_item_id: AgendaItemId,
    meeting_id: crate::domain::MeetingId,
    outcome: Outcome,
    outcome_label: String,
    text: String,
    text_edited: bool,
    votes: Option<Votes>,
    clauses: Vec<ClauseDecision>,
    amendments: Vec<Amendment>,
    statements: Vec<Statement>,
    referred_to: Option<OrganizationRef>,
    consulted: Vec<String>,
    recorded_at: String,
    links: DecisionLinks,
}

#[derive(Debug, Serialize)]
struct DecisionLinks {
    task_suggestions: String,
    /// The meeting's page.
    meeting: String,
}

pub fn decision_json(
    lang: crate::domain::language::Lang,
    conn: &mut DbConnection,
    base: &str,
    d: &StoredDecision,
) -> AppResult<DecisionJson> {
    let all = orgs::list(conn)?;
    Ok(DecisionJson {
        id: d.id,
        agenda_item_id: d.agenda_item_id,
        meeting_id: d.meeting_id,
        outcome: d.decision.outcome,
        outcome_label: d.decision.outcome.label(lang),
        text: d.text.clone(),
        text_edited: d.text_edited,
        votes: d.decision.votes.clone(),
        clauses: d.decision.clauses.clone(),
        amendments: d.decision.amendments.clone(),
        statements: d.decision.statements.clone(),
        referred_to: d.referred_to.map(|id| organization_ref(&all, id)),
        consulted: d.decision.consulted.clone(),
        recorded_at: rfc3339(d.recorded_at),
        links: DecisionLinks {
            task_suggestions: format!(
                "{base}/api/v1/agenda-items/{}/task-suggestions",
                d.agenda_item_id
            ),
            meeting: format!("{base}{}", crate::urls::meeting(d.meeting_id)),
        },
    })
}

/// The tasks Agendum reads from an item's adopted clauses (`TaskSuggestions`).
#[derive(Debug, Serialize)]
struct SuggestionsJson {
    agenda_item_id: AgendaItemId,
    meeting_id: crate::domain::MeetingId,
    decided_on: String,
    outcome: Outcome,
    adopted_clauses: Vec<u32>,
    suggestions: Vec<SuggestionJson>,
}

#[derive(Debug, Serialize)]
struct SuggestionJson {
    clause: u32,
    clause_text: String,
    assignment: crate::domain::followup::Assignment,
    lead: Option<OrganizationRef>,
    lead_phrase: Option<String>,
    contributors: Vec<SuggestedContributor>,
    deadline: Option<String>,
    deadline_named: Option<String>,
    deadline_phrase: Option<String>,
    deadline_reading: crate::domain::followup::DeadlineReading,
    answer_to: Option<OrganizationRef>,
    answer_phrase: Option<String>,
}

#[derive(Debug, Serialize)]
struct SuggestedContributor {
    #[serde(flatten)]
    organization: OrganizationRef,
    phrase: String,
}

/// `POST /api/v1/agenda-items/{id}/decision`: records the decision (or corrects it until the
/// minutes are published). 422 with the reason when it does not add up.
pub async fn record_decision(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<AgendaItemId>,
    body: ApiJson<DecisionInput>,
) -> ApiResult<HttpResponse> {
    let lang = crate::web::language::answering_in();
    let account = secretariat(caller)?;
    let item = path.into_inner();
    let input = body.read().await?;
    if input.consulted.len() > ORGANIZATIONS_MAX {
        return Err(too_many_organizations());
    }
    let request = input.into_request(item, &account);
    let settings = state.settings.clone();
    let actor = account.actor();
    let (created, json) = state
        .db
        .run(move |conn| {
            let base = &settings.base_url;
            let (created, stored) = followup::record_decision(conn, &settings, &actor, &request)?;
            Ok((created, decision_json(lang, conn, base, &stored)?))
        })
        .await?;
    Ok(if created {
        HttpResponse::Created().json(json)
    } else {
        HttpResponse::Ok().json(json)
    })
}

/// `GET /api/v1/agenda-items/{id}/task-suggestions`: the follow-up tasks Agendum reads from the
/// adopted clauses. Nothing is stored or sent; the secretariat confirms each task.
pub async fn task_suggestions(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<AgendaItemId>,
) -> ApiResult<HttpResponse> {
    secretariat(caller)?;
    let item_id = path.into_inner();
    let body = state
        .db
        .run(move |conn| {
            let item = decisions::decided_item(conn, item_id)?
                .ok_or_else(|| AppError::not_found("error-the-item-is-not-on-a"))?;
            let decision = decisions::decision_of(conn, item_id)?
                .ok_or_else(|| AppError::conflict("error-no-decision-has-been-recorded-on"))?;
            let clauses = item.clauses();
            let all = orgs::list(conn)?;
            let out = crate::read::followup::suggestions(conn, &item, &decision)?
                .into_iter()
                .map(|s| SuggestionJson {
                    clause: s.clause,
                    clause_text: clauses[s.clause as usize - 1].clone(),
                    assignment: s.assignment,
                    lead: s.lead.map(|id| organization_ref(&all, id)),
                    lead_phrase: s.lead_phrase,
                    contributors: s
                        .contributors
                        .into_iter()
                        .map(|c| SuggestedContributor {
                            organization: organization_ref(&all, c.id),
                            phrase: c.phrase,
                        })
                        .collect(),
                    deadline: s.deadline.map(|d| d.to_string()),
                    deadline_named: s.deadline_named.map(|d| d.to_string()),
                    deadline_phrase: s.deadline_phrase,
                    deadline_reading: s.deadline_reading,
                    answer_to: s.answer_to.map(|id| organization_ref(&all, id)),
                    answer_phrase: s.answer_phrase,
                })
                .collect();
            Ok(SuggestionsJson {
                agenda_item_id: item_id,
                meeting_id: item.meeting_id,
                decided_on: item.meeting_day().to_string(),
                outcome: decision.decision.outcome,
                adopted_clauses: decision.decision.adopted_clauses(clauses.len() as u32),
                suggestions: out,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(body))
}

/// A task as the API shows it.
pub fn task_json(
    lang: crate::domain::language::Lang,
    base: &str,
    task: &Task,
    today: NaiveDate,
) -> TaskView {
    TaskView::new(lang, base, task, today)
}

/// A task to confirm: one suggestion as the secretariat accepts or corrects it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskInput {
    agenda_item_id: AgendaItemId,
    clause: u32,
    lead: OrganizationId,
    #[serde(default)]
    contributors: Vec<OrganizationId>,
    #[serde(default)]
    description: Option<String>,
    deadline: Option<NaiveDate>,
    #[serde(default)]
    answer_to: Option<OrganizationId>,
}

/// `POST /api/v1/tasks`: confirms a task and emails it (through the outbox) to the lead and
/// to every contributing administration, each with its own answer link.
pub async fn create_task(
    state: web::Data<AppState>,
    caller: ApiCaller,
    body: ApiJson<TaskInput>,
) -> ApiResult<HttpResponse> {
    let lang = crate::web::language::answering_in();
    let account = secretariat(caller)?;
    let input = body.read().await?;
    if input.contributors.len() > ORGANIZATIONS_MAX {
        return Err(too_many_organizations());
    }
    let settings = state.settings.clone();
    let actor = account.actor();
    let json = state
        .db
        .run(move |conn| {
            let task = followup::confirm_task(
                conn,
                &settings,
                &actor,
                &NewTask {
                    item: input.agenda_item_id,
                    clause: input.clause,
                    lead: input.lead,
                    contributors: &input.contributors,
                    description: input.description.as_deref(),
                    deadline: input.deadline,
                    answer_to: input.answer_to,
                    by: Some(account.id),
                },
            )?;
            Ok(task_json(lang, &settings.base_url, &task, today()))
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((actix_web::http::header::LOCATION, json.links.this.clone()))
        .json(json))
}

/// Who may read a task: the secretariat, and staff of its lead or contributing administrations.
fn may_read(account: &Account, task: &Task) -> bool {
    match account.role {
        Role::Secretariat => true,
        Role::Administration => account.organization_id.is_some_and(|own| {
            task.lead.id == own || task.contributors.iter().any(|c| c.organization.id == own)
        }),
        _ => false,
    }
}

/// `GET /api/v1/tasks/{id}`
pub async fn show_task(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<TaskId>,
) -> ApiResult<HttpResponse> {
    let lang = crate::web::language::answering_in();
    let account = caller.require()?;
    let id = path.into_inner();
    let task = state.db.run(move |conn| tasks::get(conn, id)).await?;
    match task {
        Some(task) if may_read(&account, &task) => {
            Ok(HttpResponse::Ok().json(task_json(lang, &state.settings.base_url, &task, today())))
        }
        // The same answer whether it does not exist or is someone else's.
        _ => Err(AppError::not_found("error-the-task-does-not-exist-or-2").into()),
    }
}

#[derive(Debug, Deserialize)]
pub struct TaskListQuery {
    #[serde(default)]
    page: Option<i64>,
    #[serde(default)]
    per_page: Option<i64>,
    /// `open`, `overdue`, `answered` or `closed`.
    #[serde(default)]
    standing: Option<String>,
    /// Led by this administration.
    #[serde(default)]
    lead: Option<OrganizationId>,
}

/// `GET /api/v1/tasks`: the secretariat sees every task, administration staff their own
/// administration's (as lead or contributor); paginated, newest first (open and overdue ones
/// by deadline), filtered by `standing` and `lead`.
pub async fn list_tasks(
    state: web::Data<AppState>,
    caller: ApiCaller,
    query: web::Query<TaskListQuery>,
) -> ApiResult<HttpResponse> {
    let lang = crate::web::language::answering_in();
    let account = caller.require()?;
    let involving = match account.role {
        Role::Secretariat => None,
        Role::Administration => Some(
            account
                .organization_id
                .ok_or_else(|| AppError::forbidden("error-the-account-is-not-linked-to"))?,
        ),
        _ => {
            return Err(AppError::forbidden("error-tasks-can-be-seen-by-the").into());
        }
    };
    let query = query.into_inner();
    let (page, per_page) = crate::web::api::listing::bounds(query.page, query.per_page)?;
    if query.lead.is_some_and(|l| l.0 < 1) {
        return Err(AppError::bad_request("error-lead-is-an-organisations-id-1").into());
    }
    let standing =
        match query.standing.as_deref() {
            None => None,
            Some(text) => Some(Standing::parse(text).ok_or_else(|| {
                AppError::bad_request("error-standing-is-open-overdue-answered-or")
            })?),
        };
    let filter = TaskFilter {
        lead: query.lead,
        involving,
        standing,
    };
    let base = state.settings.base_url.clone();
    let offset = (page - 1).saturating_mul(per_page);
    let (list, total) = state
        .db
        .run(move |conn| tasks::page(conn, &filter, today(), offset, per_page))
        .await?;
    let today = today();
    let next = (offset.saturating_add(per_page) < total).then(|| {
        let mut url = format!("{base}/api/v1/tasks?page={}&per_page={per_page}", page + 1);
        if let Some(s) = standing {
            url.push_str(&format!("&standing={}", s.as_str()));
        }
        if let Some(l) = filter.lead {
            url.push_str(&format!("&lead={l}"));
        }
        url
    });
    let data = list
        .iter()
        .map(|t| task_json(lang, &base, t, today))
        .collect();
    Ok(HttpResponse::Ok().json(Listing::new(data, page, per_page, total, next)))
}

/// A change to a task: a new deadline (or the one the lead asked for, or refusing it), closing
/// it, revoking its answer links or sending new ones.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskPatch {
    #[serde(default)]
    lock_version: Option<i32>,
    /// A date; `null` is refused (a task keeps a deadline once it has one).
    #[serde(default, deserialize_with = "present_date")]
    deadline: Option<NaiveDate>,
    #[serde(default)]
    accept_proposed_deadline: bool,
    #[serde(default)]
    refuse_proposed_deadline: bool,
    #[serde(default)]
    status: Option<TaskStatus>,
    #[serde(default)]
    revoke_links: bool,
    #[serde(default)]
    reissue_links: bool,
}

fn too_many_organizations() -> ApiError {
    ApiError(AppError::invalid(
        crate::i18n::Msg::key("error-at-most-organisations-in-a-list")
            .arg("ORGANIZATIONS_MAX", ORGANIZATIONS_MAX),
    ))
}

/// A field that, when present, must be a date: `null` is not "no change" but a mistake.
fn present_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    NaiveDate::deserialize(d).map(Some)
}

/// `PATCH /api/v1/tasks/{id}` (secretariat). A moved deadline is mailed to the lead and to the
/// contributors still to answer, with the calendar entry replaced; the links follow it.
pub async fn update_task(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<TaskId>,
    body: ApiJson<TaskPatch>,
) -> ApiResult<HttpResponse> {
    let lang = crate::web::language::answering_in();
    let account = secretariat(caller)?;
    let id = path.into_inner();
    let patch = body.read().await?;
    let close = match patch.status {
        None => false,
        Some(TaskStatus::Closed) => true,
        Some(_) => {
            return Err(AppError::invalid("error-the-secretariat-can-only-set-the").into());
        }
    };
    let settings = state.settings.clone();
    let actor = account.actor();
    let json = state
        .db
        .run(move |conn| {
            let task = followup::change_task(
                conn,
                &settings,
                &actor,
                id,
                patch.lock_version,
                &TaskChange {
                    deadline: patch.deadline,
                    accept_proposed_deadline: patch.accept_proposed_deadline,
                    refuse_proposed_deadline: patch.refuse_proposed_deadline,
                    close,
                    revoke_links: patch.revoke_links,
                    reissue_links: patch.reissue_links,
                },
            )?;
            Ok(task_json(lang, &settings.base_url, &task, today()))
        })
        .await?;
    Ok(HttpResponse::Ok().json(json))
}
