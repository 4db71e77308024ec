//! The page of a member proposal for its authors and the secretariat: its text and status, the
//! deadline, its versions, the reviews and (for the secretariat) the audit log and the review
//! form. `/proposals/{id}` shows it to them (the public sees the public page), and the
//! secretariat's review shows it again with the form's errors; who sees it: `read::access`.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use chrono::Utc;
use serde::{Deserialize, Serialize};

use crate::db::accounts::Account;
use crate::db::proposals::{self, Proposal};
use crate::domain::ProposalId;
use crate::domain::deadline::time_left;
use crate::domain::markdown::to_safe_html;
use crate::domain::proposal::{CHECKLIST, FieldErrors, ProposalStatus, SubmitterRole};
use crate::error::{AppError, AppResult};
pub use crate::read::access::{Access, access};
use crate::web::AppState;
use crate::web::auth::CurrentUser;
use crate::web::forms::{error_lines, page};
use crate::web::templates::render_page;
use crate::web::views::{AuditLine, CaseLink, When, clauses, meeting_url};

pub fn not_found() -> AppError {
    AppError::not_found("error-the-proposal-does-not-exist-or-2")
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

/// The page's data, as `proposal_private.html` reads it.
#[derive(Serialize)]
struct PrivatePage {
    id: ProposalId,
    title: String,
    status: &'static str,
    status_label: String,
    organization_name: String,
    cases: Vec<CaseLink>,
    /// Case numbers the register does not know, as written.
    unknown_cases: Vec<String>,
    submitted_by: Option<String>,
    cosigners: Vec<String>,
    opening: String,
    followup: Option<crate::read::followup::ProposalFollowup>,
    clauses: Vec<crate::web::views::Clause>,
    motivation_html: String,
    submitted: Option<When>,
    late: bool,
    late_reason: Option<String>,
    lock: i32,
    meeting: Option<String>,
    meeting_url: Option<String>,
    /// "Skal behandles på", "Behandlet på": what the meeting is to the proposal now.
    meeting_role: Option<String>,
    deadline: Option<Deadline>,
    can_edit: bool,
    can_submit: bool,
    /// Why a draft cannot be submitted yet, said where the button would be.
    submit_blocked: Option<&'static str>,
    can_withdraw: bool,
    can_delete: bool,
    can_review: bool,
    versions: Vec<VersionLink>,
    version_count: usize,
    reviews: Vec<ReviewLine>,
    history: Vec<AuditLine>,
    checklist: Vec<CheckItem>,
    comment: String,
    review_cases: String,
    review_late_reason: String,
    assign_new: bool,
    error_comment: Option<crate::i18n::Msg>,
    error_checklist: Option<crate::i18n::Msg>,
    error_cases: Option<crate::i18n::Msg>,
    error_late_reason: Option<crate::i18n::Msg>,
    errors: Vec<crate::web::forms::ErrorLine>,
}

/// The submission deadline of the target meeting: when, by which rule, and how long is left.
#[derive(Serialize)]
struct Deadline {
    when: When,
    rule: String,
    left: Option<String>,
}

#[derive(Serialize)]
struct VersionLink {
    version: i32,
    saved: When,
    compare_url: Option<String>,
}

#[derive(Serialize)]
struct ReviewLine {
    outcome: String,
    comment: Option<String>,
    when: When,
    version: i32,
}

#[derive(Serialize)]
struct CheckItem {
    key: &'static str,
    label: String,
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
    let lang = user.lang;
    let (proposal, access) = load_for(state, id, user).await?;
    let secretariat = access == Access::Secretariat;
    let shown = proposal.clone();
    let data = state
        .db
        .run(move |conn| crate::read::proposal::own_page(lang, conn, &shown, secretariat))
        .await?;
    let view = PrivatePage::new(lang, &proposal, access, data, errors, review);
    Ok(page(
        status,
        render_page("proposal_private.html", user, &view)?,
    ))
}

impl PrivatePage {
    fn new(
        lang: crate::domain::language::Lang,
        proposal: &Proposal,
        access: Access,
        data: crate::read::proposal::OwnPage,
        errors: &FieldErrors,
        review: Option<&ReviewForm>,
    ) -> Self {
        let crate::read::proposal::OwnPage {
            meeting,
            deadline,
            versions,
            reviews,
            history,
            followup,
            unknown_cases,
        } = data;
        let id = proposal.id;
        let secretariat = access == Access::Secretariat;
        let now = Utc::now();
        let editable = access == Access::Author && proposal.status.editable_by_author();
        let checked: Vec<String> = review.map(|r| r.check.clone()).unwrap_or_default();
        let submit_blocked = match &meeting {
            None => Some("proposal-submit-needs-meeting"),
            Some(m) if m.starts_at <= now => Some("proposal-submit-meeting-held"),
            Some(_) => None,
        };
        let error = |f: &str| errors.get(f).cloned();
        PrivatePage {
            id: proposal.id,
            title: proposal.title.clone(),
            status: proposal.status.as_str(),
            status_label: proposal.status.label(lang),
            organization_name: proposal.organization_name.clone(),
            cases: proposal
                .case_references()
                .iter()
                .filter(|r| !unknown_cases.contains(r))
                .map(CaseLink::from)
                .collect(),
            unknown_cases: unknown_cases.iter().map(ToString::to_string).collect(),
            submitted_by: proposal.submitted_by(lang),
            cosigners: proposal
                .submitters
                .iter()
                .filter(|s| s.role == SubmitterRole::Cosigner)
                .map(|s| s.name.clone())
                .collect(),
            opening: proposal.opening.clone(),
            followup,
            clauses: clauses(&proposal.clauses),
            motivation_html: to_safe_html(&proposal.motivation),
            submitted: proposal.submitted_at.map(|at| When::new(lang, at)),
            late: proposal.late,
            late_reason: proposal.late_reason.clone(),
            lock: proposal.lock_version,
            meeting: meeting.as_ref().map(|m| {
                format!(
                    "{} {}",
                    m.organization_name,
                    When::new(lang, m.starts_at).text
                )
            }),
            meeting_url: meeting.as_ref().map(|m| meeting_url(m.id)),
            meeting_role: proposal.status.meeting_role(lang),
            deadline: deadline
                .filter(|_| proposal.status.before_the_deadline_matters())
                .map(|(d, rule)| Deadline {
                    when: When::new(lang, d),
                    rule: rule.describe(lang),
                    left: time_left(lang, now, d),
                }),
            can_edit: editable,
            can_submit: editable && submit_blocked.is_none(),
            submit_blocked: submit_blocked.filter(|_| editable),
            // A draft never submitted is deleted, not withdrawn.
            can_delete: access == Access::Author && proposal.status.deletable(),
            can_withdraw: access == Access::Author
                && !proposal.status.deletable()
                && proposal
                    .status
                    .after(crate::domain::proposal::Transition::Withdraw)
                    .is_ok(),
            can_review: secretariat && proposal.status == ProposalStatus::Submitted,
            version_count: versions.len(),
            versions: versions
                .iter()
                .map(|v| VersionLink {
                    version: v.version,
                    saved: When::new(lang, v.saved_at),
                    compare_url: (v.version > 1).then(|| {
                        format!(
                            "/proposals/{}/versions?from={}&to={}",
                            id,
                            v.version - 1,
                            v.version
                        )
                    }),
                })
                .collect(),
            reviews: reviews
                .iter()
                .map(|r| ReviewLine {
                    outcome: crate::i18n::t(
                        lang,
                        if r.outcome == "accepted" {
                            "review-accepted"
                        } else {
                            "review-returned"
                        },
                    ),
                    comment: r.comment.clone(),
                    when: When::new(lang, r.reviewed_at),
                    version: r.version,
                })
                .collect(),
            history: history.iter().map(|e| AuditLine::new(lang, e)).collect(),
            checklist: CHECKLIST
                .iter()
                .map(|(key, label)| CheckItem {
                    key,
                    label: crate::i18n::t(lang, label),
                    checked: checked.iter().any(|c| c == key),
                })
                .collect(),
            comment: review.map(|r| r.comment.clone()).unwrap_or_default(),
            review_cases: review.map(|r| r.cases.clone()).unwrap_or_default(),
            review_late_reason: review.map(|r| r.late_reason.clone()).unwrap_or_default(),
            assign_new: review.is_none_or(|r| r.assign_new.is_some()),
            error_comment: error("comment"),
            error_checklist: error("checklist"),
            error_cases: error("cases"),
            error_late_reason: error("late_reason"),
            errors: error_lines(errors),
        }
    }
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
