//! The secretariat's side of member proposals: the inbox, and the review that returns a
//! proposal to its author with a comment or accepts it with a case number.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

use crate::db::workflow;
use crate::domain::CaseReference;
use crate::domain::ProposalId;
use crate::domain::proposal::{CHECKLIST, FieldErrors, ProposalStatus};
use crate::error::{AppError, AppResult};
use crate::service;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, Secretariat};
use crate::web::flash;
use crate::web::forms::page;
use crate::web::proposal_page::{ReviewForm, load_for, show_page};
use crate::web::templates::render_page;
use crate::web::views::{ListRow, list_rows, proposal_url};

const COMMENT_MAX_CHARS: usize = 5_000;

/// `POST /proposals/{id}/return`: back to the author with a comment, which is emailed.
pub async fn return_to_author(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<ProposalId>,
    CsrfForm(form): CsrfForm<ReviewForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let (proposal, _) = load_for(&state, id, &user).await?;
    let comment = form.comment.trim().to_owned();
    let mut errors = FieldErrors::default();
    if comment.is_empty() {
        errors.add("comment", "field-write-a-comment-to-the-proposer");
    } else if comment.chars().count() > COMMENT_MAX_CHARS {
        errors.add(
            "comment",
            crate::i18n::Msg::key("field-the-comment-is-too-long-at")
                .arg("COMMENT_MAX_CHARS", COMMENT_MAX_CHARS),
        );
    }
    if !errors.is_empty() {
        return show_page(
            &state,
            &user,
            id,
            &errors,
            Some(&form),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let (who, settings) = (user.account.actor(), state.settings.clone());
    state
        .db
        .run(move |conn| {
            service::proposals::return_to_author(
                conn,
                &settings,
                &who,
                &proposal,
                &form.check,
                &comment,
            )
        })
        .await?;
    Ok(flash::done(proposal_url(id), "notice-proposal-returned"))
}

/// `POST /proposals/{id}/accept`: every checklist point met, a case number assigned or linked,
/// and for a late proposal the reason recorded.
pub async fn accept(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<ProposalId>,
    CsrfForm(form): CsrfForm<ReviewForm>,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let id = path.into_inner();
    let (proposal, _) = load_for(&state, id, &user).await?;
    let mut errors = FieldErrors::default();
    let missing: Vec<&str> = CHECKLIST
        .iter()
        .filter(|(key, _)| !form.check.iter().any(|c| c == key))
        .map(|(_, label)| *label)
        .collect();
    if !missing.is_empty() {
        errors.add(
            "checklist",
            crate::i18n::Msg::key("field-a-proposal-is-accepted-only-when")
                .arg("arg0", crate::domain::text::list(lang, &missing)),
        );
    }
    let existing = CaseReference::parse_list(&form.cases).unwrap_or_else(|e| {
        errors.add("cases", e);
        Vec::new()
    });
    let assign_new = form.assign_new.is_some();
    if !assign_new && existing.is_empty() && proposal.case_references().is_empty() {
        errors.add("cases", "field-assign-a-new-case-number-or");
    }
    let late_reason = form.late_reason.trim().to_owned();
    if proposal.late && late_reason.is_empty() {
        errors.add("late_reason", "field-the-proposal-came-after-the-deadline");
    }
    if late_reason.chars().count() > COMMENT_MAX_CHARS {
        errors.add("late_reason", "field-the-reason-is-too-long");
    }
    if !errors.is_empty() {
        return show_page(
            &state,
            &user,
            id,
            &errors,
            Some(&form),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let (who, settings) = (user.account.actor(), state.settings.clone());
    let late_reason = (!late_reason.is_empty()).then_some(late_reason);
    let cases = state
        .db
        .run(move |conn| {
            service::proposals::accept(
                conn,
                &settings,
                &who,
                &proposal,
                &form.check,
                assign_new,
                &existing,
                late_reason.as_deref(),
            )
        })
        .await?;
    Ok(flash::done(
        proposal_url(id),
        crate::i18n::Msg::key("notice-proposal-accepted")
            .arg("cases", crate::domain::text::list(lang, &cases)),
    ))
}

/// `GET /secretariat/proposals`: submitted proposals by target meeting, and those waiting on
/// their authors.
pub async fn inbox(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    query: web::Query<InboxQuery>,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let query = query.into_inner();
    let pages = [query.side, query.retur, query.godkendt].map(|p| p.unwrap_or(1).max(1));
    let sections = state
        .db
        .run(move |conn| {
            let mut out = Vec::new();
            for (statuses, page) in [
                ProposalStatus::Submitted,
                ProposalStatus::Returned,
                ProposalStatus::Accepted,
            ]
            .into_iter()
            .zip(pages)
            {
                let offset = (page - 1).saturating_mul(INBOX_PAGE_SIZE);
                let (rows, total) =
                    workflow::by_status(conn, &[statuses], offset, INBOX_PAGE_SIZE)?;
                out.push((rows, total));
            }
            Ok(out)
        })
        .await?;
    // Each section pages on its own; the links keep the other sections where they are.
    let shown: Vec<Section> = ["submitted", "returned", "accepted"]
        .into_iter()
        .zip(sections)
        .enumerate()
        .map(|(i, (name, (rows, total)))| {
            let page = pages[i];
            let link = |p: i64| {
                let mut all = pages;
                all[i] = p;
                format!(
                    "/secretariat/proposals?side={}&retur={}&godkendt={}#{name}",
                    all[0], all[1], all[2]
                )
            };
            Section {
                rows: list_rows(lang, &rows),
                total,
                previous: (page > 1).then(|| link(page - 1)),
                next: (page.saturating_mul(INBOX_PAGE_SIZE) < total).then(|| link(page + 1)),
            }
        })
        .collect();
    let [submitted, returned, accepted]: [Section; 3] = shown
        .try_into()
        .map_err(|_| AppError::internal("the inbox has three sections"))?;
    let view = Inbox {
        submitted_total: submitted.total,
        submitted_previous: submitted.previous,
        submitted_next: submitted.next,
        submitted: submitted.rows,
        returned_total: returned.total,
        returned_previous: returned.previous,
        returned_next: returned.next,
        returned: returned.rows,
        accepted_total: accepted.total,
        accepted_previous: accepted.previous,
        accepted_next: accepted.next,
        accepted: accepted.rows,
    };
    Ok(page(
        StatusCode::OK,
        render_page("secretariat/inbox.html", &user, &view)?,
    ))
}

/// One section of the inbox: a page of its proposals, how many there are, and the links on.
struct Section {
    rows: Vec<ListRow>,
    total: i64,
    previous: Option<String>,
    next: Option<String>,
}

/// The inbox: submitted proposals, those returned to their authors, and the accepted ones.
#[derive(Serialize)]
struct Inbox {
    submitted: Vec<ListRow>,
    submitted_total: i64,
    submitted_previous: Option<String>,
    submitted_next: Option<String>,
    returned: Vec<ListRow>,
    returned_total: i64,
    returned_previous: Option<String>,
    returned_next: Option<String>,
    accepted: Vec<ListRow>,
    accepted_total: i64,
    accepted_previous: Option<String>,
    accepted_next: Option<String>,
}

/// Proposals per page of each section of the inbox.
const INBOX_PAGE_SIZE: i64 = 100;

#[derive(Debug, Default, Deserialize)]
pub struct InboxQuery {
    #[serde(default)]
    side: Option<i64>,
    #[serde(default)]
    retur: Option<i64>,
    #[serde(default)]
    godkendt: Option<i64>,
}
