//! The page of a member proposal for its authors and the secretariat: its text and status, the
//! deadline, its versions, the reviews and (for the secretariat) the audit log and the review
//! form. `/proposals/{id}` shows it to them (the public sees the public page), and the
//! secretariat's review shows it again with the form's errors; who sees it: `read::access`.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use chrono::Utc;
use serde::{Deserialize, Serialize};

use crate::db::accounts::Account;
use crate::db::organizations::{self as orgs};
use crate::db::proposals::{self, Proposal};
use crate::db::workflow::{self};
use crate::db::{audit, meetings};
use crate::domain::ProposalId;
use crate::domain::deadline::time_left_da;
use crate::domain::proposal::{CHECKLIST, FieldErrors, ProposalStatus, SubmitterRole};
use crate::error::{AppError, AppResult};
pub use crate::read::access::{Access, access};
use crate::web::AppState;
use crate::web::auth::CurrentUser;
use crate::web::forms::{error_lines, page};
use crate::web::markdown::to_safe_html;
use crate::web::templates::{context_for, render};
use crate::web::views::{AuditLine, CaseLink, When, clauses, meeting_url};

pub fn not_found() -> AppError {
    AppError::not_found("Forslaget findes ikke, eller det er ikke offentligt endnu.")
}

/// The proposal and how this account may use it; a proposal it may not see does not exist.
pub async fn load_for(
    state: &AppState,
    id: ProposalId,
    user: &CurrentUser,
) -> AppResult<(Proposal, Access)> {
    let proposal = state
        .db
        .run(move |conn| proposals::get(conn, id))
        .await?
        .ok_or_else(not_found)?;
    let access = access(&proposal, Some(&user.account));
    if access == Access::None {
        return Err(not_found());
    }
    Ok((proposal, access))
}

#[derive(Deserialize)]
pub struct ReviewForm {
    #[serde(default)]
    pub check: Vec<String>,
    #[serde(default)]
    pub comment: String,
    #[serde(default)]
    pub assign_new: Option<String>,
    #[serde(default)]
    pub cases: String,
    #[serde(default)]
    pub late_reason: String,
}

#[derive(Serialize)]
struct VersionLink {
    version: i32,
    saved: When,
    compare_url: Option<String>,
}

#[derive(Serialize)]
struct ReviewLine {
    outcome: &'static str,
    comment: Option<String>,
    when: When,
    version: i32,
}

#[derive(Serialize)]
struct CheckItem {
    key: &'static str,
    label: &'static str,
    checked: bool,
}

/// The page of a proposal for its authors and the secretariat: its text and status, the
/// deadline, its versions, the reviews and (for the secretariat) the audit log and the review
/// form.
pub async fn show_page(
    state: &AppState,
    user: &CurrentUser,
    id: ProposalId,
    errors: &FieldErrors,
    review: Option<&ReviewForm>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let (proposal, access) = load_for(state, id, user).await?;
    let secretariat = access == Access::Secretariat;
    let target = proposal.target_meeting_id;
    let (deadline, versions, reviews, history, meeting, followup) = state
        .db
        .run(move |conn| {
            // The secretariat and the proposal's authors follow it as it stands.
            let followup = crate::read::followup::proposal_followup(conn, id, true, secretariat)?;
            let meeting = match target {
                Some(m) => meetings::get(conn, m)?,
                None => None,
            };
            let deadline = match &meeting {
                Some(m) => {
                    let s = orgs::deadline_settings(conn, m.organization_id)?;
                    Some((s.proposal.deadline(m.starts_at, &s.closed), s.proposal))
                }
                None => None,
            };
            let history = if secretariat {
                audit::for_subject(conn, workflow::PROPOSAL.with(id.0))?
            } else {
                Vec::new()
            };
            Ok((
                deadline,
                workflow::versions(conn, id)?,
                workflow::reviews(conn, id)?,
                history,
                meeting,
                followup,
            ))
        })
        .await?;
    let now = Utc::now();
    let mut ctx = context_for(Some(user));
    ctx.insert("id", &proposal.id.0);
    ctx.insert("title", &proposal.title);
    ctx.insert("status", proposal.status.as_str());
    ctx.insert("status_label", proposal.status.label_da());
    ctx.insert("organization_name", &proposal.organization_name);
    ctx.insert(
        "cases",
        &proposal
            .case_references()
            .iter()
            .map(CaseLink::from)
            .collect::<Vec<_>>(),
    );
    ctx.insert("submitted_by", &proposal.submitted_by());
    ctx.insert(
        "cosigners",
        &proposal
            .submitters
            .iter()
            .filter(|s| s.role == SubmitterRole::Cosigner)
            .map(|s| s.name.clone())
            .collect::<Vec<_>>(),
    );
    ctx.insert("opening", &proposal.opening);
    ctx.insert("followup", &followup);
    ctx.insert("clauses", &clauses(&proposal.clauses));
    ctx.insert("motivation_html", &to_safe_html(&proposal.motivation));
    ctx.insert("submitted", &proposal.submitted_at.map(When::new));
    ctx.insert("late", &proposal.late);
    ctx.insert("late_reason", &proposal.late_reason);
    ctx.insert("lock", &proposal.lock_version);
    ctx.insert(
        "meeting",
        &meeting
            .as_ref()
            .map(|m| format!("{} {}", m.organization_name, When::new(m.starts_at).text)),
    );
    ctx.insert("meeting_url", &meeting.as_ref().map(|m| meeting_url(m.id)));
    ctx.insert(
        "deadline",
        &deadline.map(|(d, rule)| {
            serde_json::json!({
                "when": When::new(d),
                "rule": rule.describe_da(),
                "left": time_left_da(now, d),
            })
        }),
    );
    let editable = access == Access::Author && proposal.status.editable_by_author();
    ctx.insert("can_edit", &editable);
    ctx.insert("can_submit", &editable);
    ctx.insert(
        "can_withdraw",
        &(access == Access::Author
            && proposal
                .status
                .after(crate::domain::proposal::Transition::Withdraw)
                .is_ok()),
    );
    ctx.insert(
        "can_review",
        &(secretariat && proposal.status == ProposalStatus::Submitted),
    );
    let version_count = versions.len();
    ctx.insert(
        "versions",
        &versions
            .iter()
            .map(|v| VersionLink {
                version: v.version,
                saved: When::new(v.saved_at),
                compare_url: (v.version > 1).then(|| {
                    format!(
                        "/proposals/{}/versions?from={}&to={}",
                        id,
                        v.version - 1,
                        v.version
                    )
                }),
            })
            .collect::<Vec<_>>(),
    );
    ctx.insert("version_count", &version_count);
    ctx.insert(
        "reviews",
        &reviews
            .iter()
            .map(|r| ReviewLine {
                outcome: if r.outcome == "accepted" {
                    "Godkendt"
                } else {
                    "Sendt retur"
                },
                comment: r.comment.clone(),
                when: When::new(r.reviewed_at),
                version: r.version,
            })
            .collect::<Vec<_>>(),
    );
    ctx.insert(
        "history",
        &history.iter().map(AuditLine::from).collect::<Vec<_>>(),
    );
    let checked: Vec<String> = review.map(|r| r.check.clone()).unwrap_or_default();
    ctx.insert(
        "checklist",
        &CHECKLIST
            .iter()
            .map(|(key, label)| CheckItem {
                key,
                label,
                checked: checked.iter().any(|c| c == key),
            })
            .collect::<Vec<_>>(),
    );
    ctx.insert(
        "comment",
        &review.map(|r| r.comment.clone()).unwrap_or_default(),
    );
    ctx.insert(
        "review_cases",
        &review.map(|r| r.cases.clone()).unwrap_or_default(),
    );
    ctx.insert(
        "review_late_reason",
        &review.map(|r| r.late_reason.clone()).unwrap_or_default(),
    );
    ctx.insert("assign_new", &review.is_none_or(|r| r.assign_new.is_some()));
    let error = |f: &str| errors.get(f).map(str::to_owned);
    ctx.insert("error_comment", &error("comment"));
    ctx.insert("error_checklist", &error("checklist"));
    ctx.insert("error_cases", &error("cases"));
    ctx.insert("error_late_reason", &error("late_reason"));
    ctx.insert("errors", &error_lines(errors));
    Ok(page(status, render("proposal_private.html", &ctx)?))
}

/// Whether this account sees the proposal's private page rather than the public one.
pub async fn private_access(
    state: &AppState,
    id: ProposalId,
    account: &Account,
) -> AppResult<bool> {
    let account = account.clone();
    state
        .db
        .run(move |conn| {
            Ok(proposals::get(conn, id)?
                .is_some_and(|p| access(&p, Some(&account)) != Access::None))
        })
        .await
}
