//! The JSON API for member proposals and cases (INTERFACES.md): the same rules as the pages
//! (`service::proposals`), so a proposal drafted over the API is checked, versioned, audited and
//! mailed exactly as one drafted in the browser.

use actix_web::{HttpResponse, web};
use chrono::Utc;
use serde::Deserialize;

use crate::db::accounts::Account;
use crate::db::proposals::{self, Proposal};
use crate::db::workflow;
use crate::domain::account::Role;
use crate::domain::language::Lang;
use crate::domain::proposal::{FieldErrors, ProposalStatus};
use crate::domain::{CaseReference, ProposalId};
use crate::error::AppError;
use crate::read::access::{Access, access};
use crate::read::case::{CaseDocument, case_view};
use crate::read::proposal::ProposalView;
use crate::service;
use crate::service::proposals::{FormValues, person_of_account};
use crate::web::AppState;
use crate::web::api::listing::Listing;
use crate::web::auth::ApiCaller;
use crate::web::errors::ApiError;
use crate::web::input::ApiJson;

type ApiResult<T> = Result<T, ApiError>;

/// `lang`: the request's, taken before the work moves to a database thread.
fn proposal_json(lang: Lang, base: &str, p: &Proposal) -> ProposalView {
    ProposalView::new(lang, base, p)
}

fn invalid(errors: &FieldErrors) -> HttpResponse {
    crate::web::errors::invalid_fields(errors, "error-api-proposal-invalid")
}

#[derive(Deserialize)]
pub struct ListQuery {
    page: Option<i64>,
    per_page: Option<i64>,
    /// `public`: the proposals everyone may read, whoever asks.
    scope: Option<String>,
}

/// `GET /api/v1/proposals`: for a politician their own proposals, for the secretariat every
/// submitted one, for everyone else (and with `scope=public`) the public ones.
pub async fn index(
    state: web::Data<AppState>,
    caller: ApiCaller,
    query: web::Query<ListQuery>,
) -> ApiResult<HttpResponse> {
    let (page, per_page) = crate::web::api::listing::bounds(query.page, query.per_page)?;
    let public_only = match query.scope.as_deref() {
        None => false,
        Some("public") => true,
        Some(_) => return Err(AppError::bad_request("error-scope-can-only-be-public").into()),
    };
    let offset = (page - 1).saturating_mul(per_page);
    let account = caller.0;
    let base = state.settings.base_url.clone();
    let lang = crate::web::language::answering_in();
    let (data, total) = state
        .db
        .run(move |conn| {
            let role = account.as_ref().map(|a| a.role);
            let (ids, total): (Vec<ProposalId>, i64) = match (role, public_only) {
                (Some(Role::Politician | Role::Chair), false) => {
                    let account = account.as_ref().expect("role implies an account");
                    let all = workflow::for_author(conn, account.id, account.person_id)?;
                    let total = all.len() as i64;
                    (
                        all.iter()
                            .skip(offset as usize)
                            .take(per_page as usize)
                            .map(|s| s.id)
                            .collect(),
                        total,
                    )
                }
                (Some(Role::Secretariat), false) => {
                    let statuses: Vec<ProposalStatus> = ProposalStatus::ALL
                        .iter()
                        .copied()
                        .filter(|s| *s != ProposalStatus::Draft)
                        .collect();
                    let (list, total) =
                        workflow::page_by_status(conn, &statuses, offset, per_page)?;
                    (list.iter().map(|s| s.id).collect(), total)
                }
                _ => {
                    let statuses: Vec<ProposalStatus> = ProposalStatus::ALL
                        .iter()
                        .copied()
                        .filter(|s| s.is_public())
                        .collect();
                    let (list, total) =
                        workflow::page_by_status(conn, &statuses, offset, per_page)?;
                    (list.iter().map(|s| s.id).collect(), total)
                }
            };
            let mut data = Vec::new();
            for id in ids {
                let Some(p) = proposals::get(conn, id)? else {
                    continue;
                };
                let visible =
                    access(&p, account.as_ref()) != Access::None || proposals::is_public(conn, &p)?;
                if visible {
                    data.push(proposal_json(lang, &base, &p));
                }
            }
            Ok((data, total))
        })
        .await?;
    let base = &state.settings.base_url;
    let next = (offset.saturating_add(per_page) < total).then(|| {
        let scope = if public_only { "&scope=public" } else { "" };
        format!(
            "{base}/api/v1/proposals?page={}&per_page={per_page}{scope}",
            page + 1
        )
    });
    Ok(HttpResponse::Ok().json(Listing::new(data, page, per_page, total, next)))
}

fn not_found() -> ApiError {
    ApiError(AppError::not_found("error-the-proposal-does-not-exist-or"))
}

/// The proposal, if the caller may read it (its own access, or because it is public).
async fn readable(
    state: &AppState,
    id: ProposalId,
    account: Option<&Account>,
) -> ApiResult<(Proposal, Access)> {
    let account = account.cloned();
    let found = state
        .db
        .run(move |conn| {
            let Some(p) = proposals::get(conn, id)? else {
                return Ok(None);
            };
            let access = access(&p, account.as_ref());
            let public = proposals::is_public(conn, &p)?;
            Ok((access != Access::None || public).then_some((p, access)))
        })
        .await?;
    found.ok_or_else(not_found)
}

/// `GET /api/v1/proposals/{id}`
pub async fn show(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<ProposalId>,
) -> ApiResult<HttpResponse> {
    let (proposal, _) = readable(&state, path.into_inner(), caller.0.as_ref()).await?;
    let lang = crate::web::language::answering_in();
    Ok(HttpResponse::Ok().json(proposal_json(lang, &state.settings.base_url, &proposal)))
}

/// The body of `POST` and `PATCH`: every field optional on `PATCH` (the stored value stays).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProposalInput {
    title: Option<String>,
    opening: Option<String>,
    clauses: Option<Vec<String>>,
    motivation: Option<String>,
    #[serde(default, with = "double_option")]
    party_id: Option<Option<i64>>,
    cosigner_ids: Option<Vec<i64>>,
    #[serde(default, with = "double_option")]
    meeting_id: Option<Option<i64>>,
    case_references: Option<Vec<String>>,
    /// `PATCH` only: the `lock_version` the change is based on.
    lock_version: Option<i32>,
}

/// `null` and absent differ on `PATCH`: `null` clears, absent keeps.
mod double_option {
    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        Option::<T>::deserialize(d).map(Some)
    }
}

impl ProposalInput {
    fn apply(self, mut values: FormValues) -> (FormValues, String) {
        if let Some(v) = self.title {
            values.title = v;
        }
        if let Some(v) = self.opening {
            values.opening = v;
        }
        if let Some(v) = self.clauses {
            values.clauses = v;
        }
        if let Some(v) = self.motivation {
            values.motivation = v;
        }
        if let Some(v) = self.party_id {
            values.party = v;
        }
        if let Some(v) = self.cosigner_ids {
            values.cosigners = v;
        }
        if let Some(v) = self.meeting_id {
            values.meeting = v;
        }
        if let Some(v) = self.case_references {
            values.cases = v.join(", ");
        }
        let raw_meeting = values.meeting.map(|m| m.to_string()).unwrap_or_default();
        (values, raw_meeting)
    }

    /// The lists' limits as the OpenAPI document states them (counted as sent, repeats too).
    fn check_counts(&self) -> Result<(), ApiError> {
        use crate::domain::proposal::{CASES_MAX, CLAUSES_MAX, COSIGNERS_MAX};
        fn too_many<T>(list: &Option<Vec<T>>, max: usize) -> bool {
            list.as_ref().is_some_and(|l| l.len() > max)
        }
        if too_many(&self.clauses, CLAUSES_MAX)
            || too_many(&self.cosigner_ids, COSIGNERS_MAX)
            || too_many(&self.case_references, CASES_MAX)
        {
            return Err(ApiError(AppError::invalid(
                crate::i18n::Msg::key("error-a-proposal-has-at-most-clauses")
                    .arg("CLAUSES_MAX", CLAUSES_MAX)
                    .arg("COSIGNERS_MAX", COSIGNERS_MAX)
                    .arg("CASES_MAX", CASES_MAX),
            )));
        }
        Ok(())
    }
}

/// `POST /api/v1/proposals`: a new draft by the calling politician.
pub async fn create(
    state: web::Data<AppState>,
    caller: ApiCaller,
    body: ApiJson<ProposalInput>,
) -> ApiResult<HttpResponse> {
    let account = caller.require()?;
    let person = person_of_account(&account)?;
    let input = body.read().await?;
    input.check_counts()?;
    // An opening left out is the council's usual one, in its language (`check_text`).
    let blank = FormValues::default();
    let (values, raw_meeting) = input.apply(blank);
    let base = state.settings.base_url.clone();
    let lang = crate::web::language::answering_in();
    let result = state
        .db
        .run(move |conn| {
            let saved = service::proposals::create_draft(
                conn,
                &account.actor(),
                account.id,
                person,
                &values,
                &raw_meeting,
                Utc::now(),
            )?;
            let id = match saved {
                Ok(id) => id,
                Err(refused) => return Ok(Err(refused.errors)),
            };
            let stored = proposals::get(conn, id)?.ok_or_else(|| AppError::internal("lost"))?;
            Ok(Ok(proposal_json(lang, &base, &stored)))
        })
        .await?;
    match result {
        Ok(body) => Ok(HttpResponse::Created()
            .insert_header((actix_web::http::header::LOCATION, body.links.this.clone()))
            .json(body)),
        Err(errors) => Ok(invalid(&errors)),
    }
}

/// `PATCH /api/v1/proposals/{id}`: the author changes a draft or returned proposal; the body
/// must carry the `lock_version` it is based on (a stale one is a 409).
pub async fn update(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<ProposalId>,
    body: ApiJson<ProposalInput>,
) -> ApiResult<HttpResponse> {
    let account = caller.require()?;
    let id = path.into_inner();
    let (proposal, access) = readable(&state, id, Some(&account)).await?;
    if access != Access::Author {
        return Err(AppError::forbidden("error-only-the-proposer-can-edit-the").into());
    }
    let input = body.read().await?;
    input.check_counts()?;
    if !proposal.status.editable_by_author() {
        return Err(AppError::conflict(
            crate::i18n::Msg::key("error-the-proposal-has-the-status-and")
                .label("arg0", proposal.status.label_key()),
        )
        .into());
    }
    let Some(lock) = input.lock_version else {
        return Err(AppError::bad_request("error-send-the-lock-version-of-the").into());
    };
    let person = person_of_account(&account)?;
    let (values, raw_meeting) = input.apply(FormValues::from_proposal(&proposal));
    let base = state.settings.base_url.clone();
    let lang = crate::web::language::answering_in();
    let result = state
        .db
        .run(move |conn| {
            let saved = service::proposals::update_draft(
                conn,
                &account.actor(),
                id,
                lock,
                person,
                &values,
                &raw_meeting,
                Utc::now(),
            )?;
            if let Err(refused) = saved {
                return Ok(Err(refused.errors));
            }
            let stored = proposals::get(conn, id)?.ok_or_else(|| AppError::internal("lost"))?;
            Ok(Ok(proposal_json(lang, &base, &stored)))
        })
        .await?;
    match result {
        Ok(body) => Ok(HttpResponse::Ok().json(body)),
        Err(errors) => Ok(invalid(&errors)),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct SubmitInput {
    lock_version: Option<i32>,
}

/// `POST /api/v1/proposals/{id}/submit`: submits the draft for its target meeting; late when
/// after the body's deadline. Receipt and notice go out by mail as from the page.
pub async fn submit(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<ProposalId>,
    body: ApiJson<SubmitInput>,
) -> ApiResult<HttpResponse> {
    let account = caller.require()?;
    let id = path.into_inner();
    let (proposal, access) = readable(&state, id, Some(&account)).await?;
    if access != Access::Author {
        return Err(AppError::forbidden("error-only-the-proposer-can-submit-the").into());
    }
    let lock = body
        .read_optional()
        .await?
        .and_then(|b| b.lock_version)
        .unwrap_or(proposal.lock_version);
    let who = account.actor();
    let settings = state.settings.clone();
    let base = state.settings.base_url.clone();
    let lang = crate::web::language::answering_in();
    let stored = state
        .db
        .run(move |conn| {
            service::proposals::submit(conn, &settings, &who, &account, &proposal, lock)?;
            proposals::get(conn, id)?.ok_or_else(|| AppError::internal("lost"))
        })
        .await?;
    Ok(HttpResponse::Ok().json(proposal_json(lang, &base, &stored)))
}

/// `GET /api/v1/cases/{reference}`: the case as the caller may see it (`read::case`, the same
/// rule and timeline as the page).
pub async fn case(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    // A reference of the right shape that cannot exist (year 0000) is a case not found.
    let reference = CaseReference::parse(&path.into_inner()).map_err(|e| {
        use crate::domain::case_reference::CaseReferenceError;
        ApiError(match e {
            CaseReferenceError::Year(_) | CaseReferenceError::ZeroSerial(_) => {
                AppError::not_found(e)
            }
            _ => AppError::bad_request(e),
        })
    })?;
    let account = caller.0;
    let base = state.settings.base_url.clone();
    let lang = crate::web::language::answering_in();
    let view = state
        .db
        .run(move |conn| case_view(lang, conn, &reference, account.as_ref(), Utc::now()))
        .await?
        .ok_or_else(|| {
            ApiError(AppError::not_found(
                crate::i18n::Msg::key("error-case-does-not-exist-or-it")
                    .arg("reference", reference),
            ))
        })?;
    Ok(HttpResponse::Ok().json(CaseDocument::new(lang, &base, &view)))
}

/// A line of a case's timeline as the API writes it (`TimelineEvent` in the OpenAPI document).

#[derive(Deserialize)]
pub struct ParseRequest {
    text: String,
}

/// `POST /api/v1/proposals/parse`: `{"text": "…"}` → the structured proposal it reads.
/// Nothing is stored, so anyone may call it.
pub async fn parse(body: ApiJson<ParseRequest>) -> Result<HttpResponse, ApiError> {
    let text = body.read().await?.text;
    let lang = crate::web::language::answering_in();
    let parsed = web::block(move || crate::domain::proposal_text::parse_proposal(&text))
        .await
        .map_err(AppError::internal)?;
    let mut json = serde_json::to_value(&parsed).map_err(AppError::internal)?;
    json["warnings"] = parsed
        .warnings
        .iter()
        .map(|w| crate::i18n::Msg::from(*w).in_lang(lang))
        .collect();
    Ok(HttpResponse::Ok().json(json))
}
