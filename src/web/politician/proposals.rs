//! Member proposals in the web UI: politicians draft (or paste), correct and submit; the
//! secretariat checks, returns with a comment or accepts with a case number.
//!
//! Who sees what: a draft only its authors (the account that made it, the proposer and the
//! co-signers); from submission on also the secretariat; the public once it is on a released
//! agenda (`pages::proposal`). Only the account that made it, or the proposer, edits.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::Utc;
use serde::{Deserialize, Serialize};

use crate::db::proposals::Proposal;
use crate::db::workflow::{self};
use crate::domain::deadline::time_left;
use crate::domain::proposal::{CLAUSES_MAX, COSIGNERS_MAX, FieldErrors, ProposalText};
use crate::domain::proposal_text::parse_proposal;
use crate::domain::{PersonId, ProposalId};
use crate::error::{AppError, AppResult, ErrorKind};
use crate::web::AppState;
use crate::web::auth::{CsrfForm, CurrentUser, ProposalAuthor, User};
use crate::web::flash;
use crate::web::forms::{error_lines, page};
use crate::web::proposal_page::{Access, load_for, show_page};
use crate::web::templates::render_page;
use crate::web::views::{When, list_rows, proposal_url};

use crate::service;
use crate::service::proposals::{Choices, FormValues, blank_values, choices, person_of_account};

// ---------------------------------------------------------------------------------------------
// The form

/// The draft form as posted. Repeated fields (`clause`, `cosigner`) arrive as lists.
#[derive(Debug, Default, Deserialize)]
pub struct ProposalForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    opening: String,
    #[serde(default)]
    clause: Vec<String>,
    #[serde(default)]
    motivation: String,
    #[serde(default)]
    party: String,
    #[serde(default)]
    cosigner: Vec<String>,
    #[serde(default)]
    meeting: String,
    #[serde(default)]
    cases: String,
    lock: Option<i32>,
    #[serde(default)]
    action: String,
}

fn person_of(user: &CurrentUser) -> AppResult<PersonId> {
    person_of_account(&user.account)
}

/// The values as posted; a post with more clauses or cosigners than a proposal may have is
/// not from our form, and is refused before anything is shown again.
fn values_of(form: &ProposalForm) -> AppResult<FormValues> {
    if form.clause.len() > CLAUSES_MAX || form.cosigner.len() > COSIGNERS_MAX {
        return Err(AppError::too_large(
            crate::i18n::Msg::key("error-a-proposal-has-at-most-clauses-2")
                .arg("CLAUSES_MAX", CLAUSES_MAX)
                .arg("COSIGNERS_MAX", COSIGNERS_MAX),
        ));
    }
    Ok(FormValues {
        title: form.title.clone(),
        opening: form.opening.clone(),
        clauses: form.clause.clone(),
        motivation: form.motivation.clone(),
        party: form.party.trim().parse().ok(),
        cosigners: form
            .cosigner
            .iter()
            .filter_map(|c| c.trim().parse().ok())
            .collect(),
        meeting: form.meeting.trim().parse().ok(),
        cases: form.cases.clone(),
        lock: form.lock,
    })
}

#[derive(Serialize)]
struct ClauseField {
    number: usize,
    text: String,
    error: Option<crate::i18n::Msg>,
    first: bool,
    last: bool,
    /// The field a clause button leaves the person at.
    focus: bool,
}

#[derive(Serialize)]
struct Choice {
    value: i64,
    label: String,
    selected: bool,
}

#[derive(Serialize)]
struct MeetingChoice {
    value: i64,
    label: String,
    deadline: String,
    late: bool,
    selected: bool,
}

/// Fills the form's context.
/// The draft form's page: what was typed, the choices, and what is wrong where.
#[derive(Serialize)]
struct FormPage<'a> {
    action_url: String,
    heading: String,
    warnings: &'a [String],
    is_new: bool,
    clauses: Vec<ClauseField>,
    can_add_clause: bool,
    title: &'a str,
    opening: &'a str,
    motivation: &'a str,
    cases: &'a str,
    lock: Option<i32>,
    parties: Vec<Choice>,
    meetings: Vec<MeetingChoice>,
    members: Vec<Choice>,
    members_of: Option<&'a str>,
    error_title: Option<crate::i18n::Msg>,
    error_opening: Option<crate::i18n::Msg>,
    error_clauses: Option<crate::i18n::Msg>,
    error_motivation: Option<crate::i18n::Msg>,
    error_meeting: Option<crate::i18n::Msg>,
    error_cosigners: Option<crate::i18n::Msg>,
    error_party: Option<crate::i18n::Msg>,
    error_cases: Option<crate::i18n::Msg>,
    error_form: Option<crate::i18n::Msg>,
    errors: Vec<crate::web::forms::ErrorLine>,
}

/// The clause a clause button leaves the person at: the new one, or the one just moved, or the
/// one now in the removed one's place (its field gets the focus; the button's address carries
/// its fragment, so the page keeps its place without JavaScript too).
fn focus_after(action: &str, count: usize) -> Option<usize> {
    let number = |prefix: &str| action.strip_prefix(prefix)?.parse::<usize>().ok();
    let target = if action == "add-clause" {
        Some(count)
    } else if let Some(n) = number("up-") {
        Some(n.saturating_sub(1).max(1))
    } else if let Some(n) = number("down-") {
        Some(n + 1)
    } else {
        number("remove-").map(|n| n.min(count))
    };
    target.filter(|n| (1..=count).contains(n))
}

// The form's parts as the handlers hold them; a struct for them would only be filled here.
#[allow(clippy::too_many_arguments)]
fn render_form(
    user: &CurrentUser,
    editing: Option<ProposalId>,
    values: &FormValues,
    choices: &Choices,
    errors: &FieldErrors,
    warnings: &[String],
    status: StatusCode,
    focus: Option<usize>,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let now = Utc::now();
    let (action_url, heading) = match editing {
        None => ("/proposals/new".to_owned(), "heading-new-proposal"),
        Some(id) => (format!("/proposals/{id}/edit"), "heading-edit-proposal"),
    };
    let heading = crate::i18n::t(lang, heading);
    let clause_count = values.clauses.len();
    let error = |f: &str| errors.get(f).cloned();
    let view = FormPage {
        action_url,
        heading,
        warnings,
        is_new: values.lock.is_none(),
        clauses: values
            .clauses
            .iter()
            .enumerate()
            .map(|(i, text)| ClauseField {
                number: i + 1,
                text: text.clone(),
                error: errors.get(&format!("clause-{}", i + 1)).cloned(),
                first: i == 0,
                last: i + 1 == clause_count,
                focus: focus == Some(i + 1),
            })
            .collect(),
        can_add_clause: clause_count < CLAUSES_MAX,
        title: &values.title,
        opening: &values.opening,
        motivation: &values.motivation,
        cases: &values.cases,
        lock: values.lock,
        parties: choices
            .parties
            .iter()
            .map(|p| Choice {
                value: p.id.0,
                label: match &p.short_name {
                    Some(letter) => format!("{} ({letter})", p.name),
                    None => p.name.clone(),
                },
                selected: values.party == Some(p.id.0),
            })
            .collect(),
        meetings: choices
            .meetings
            .iter()
            .map(|(m, deadline)| MeetingChoice {
                value: m.id.0,
                label: format!(
                    "{} {}",
                    m.organization_name,
                    When::new(lang, m.starts_at).text
                ),
                deadline: match time_left(lang, now, *deadline) {
                    Some(left) => crate::i18n::t_with(
                        lang,
                        "deadline-with-time-left",
                        &[
                            (
                                "deadline",
                                crate::domain::time::datetime(lang, *deadline).into(),
                            ),
                            ("left", left.into()),
                        ],
                    ),
                    None => crate::domain::time::datetime(lang, *deadline),
                },
                late: now > *deadline,
                selected: values.meeting == Some(m.id.0),
            })
            .collect(),
        members: choices
            .members
            .iter()
            .map(|m| Choice {
                value: m.person_id.0,
                label: match &m.party_short_name {
                    Some(letter) => format!("{} ({letter})", m.name),
                    None => m.name.clone(),
                },
                selected: values.cosigners.contains(&m.person_id.0),
            })
            .collect(),
        members_of: choices.members_of.as_deref(),
        error_title: error("title"),
        error_opening: error("opening"),
        error_clauses: error("clauses"),
        error_motivation: error("motivation"),
        error_meeting: error("meeting"),
        error_cosigners: error("cosigners"),
        error_party: error("party"),
        error_cases: error("cases"),
        error_form: error("form"),
        errors: error_lines(errors),
    };
    Ok(page(
        status,
        render_page("politician/proposal_form.html", user, &view)?,
    ))
}

/// `GET /proposals/new`
pub async fn new_form(
    state: web::Data<AppState>,
    ProposalAuthor(user): ProposalAuthor,
) -> AppResult<HttpResponse> {
    let person = person_of(&user)?;
    let choices = state
        .db
        .run(move |conn| choices(conn, person, None, Utc::now()))
        .await?;
    let values = blank_values(&choices);
    render_form(
        &user,
        None,
        &values,
        &choices,
        &FieldErrors::default(),
        &[],
        StatusCode::OK,
        None,
    )
}

#[derive(Deserialize)]
pub struct PasteForm {
    #[serde(default)]
    text: String,
}

/// `POST /proposals/new/paste`: the form filled in from pasted text, nothing saved.
pub async fn paste(
    state: web::Data<AppState>,
    ProposalAuthor(user): ProposalAuthor,
    CsrfForm(form): CsrfForm<PasteForm>,
) -> AppResult<HttpResponse> {
    let person = person_of(&user)?;
    let parsed = web::block(move || parse_proposal(&form.text))
        .await
        .map_err(AppError::internal)?;
    let choices = state
        .db
        .run(move |conn| {
            let choices = choices(conn, person, None, Utc::now())?;
            Ok(choices)
        })
        .await?;
    let mut values = blank_values(&choices);
    if let Some(title) = &parsed.title {
        values.title = title.clone();
    }
    if let Some(opening) = &parsed.opening {
        values.opening = opening.clone();
    }
    if !parsed.clauses.is_empty() {
        values.clauses = parsed.clauses.clone();
    }
    values.motivation = parsed.motivation.clone();
    values.cases = parsed
        .case_references
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    // "Stillet af Enhedslisten": a party named (or lettered) among the submitters is chosen.
    for name in &parsed.submitters {
        if let Some(p) = choices.parties.iter().find(|p| {
            p.name.eq_ignore_ascii_case(name)
                || p.short_name.as_deref().is_some_and(|s| s == name.as_str())
        }) {
            values.party = Some(p.id.0);
        }
    }
    let mut warnings = vec![crate::i18n::t(user.lang, "notice-text-read-into-form")];
    warnings.extend(
        parsed
            .warnings
            .iter()
            .map(|w| crate::i18n::Msg::from(*w).in_lang(user.lang)),
    );
    render_form(
        &user,
        None,
        &values,
        &choices,
        &FieldErrors::default(),
        &warnings,
        StatusCode::OK,
        None,
    )
}

/// `POST /proposals/new`: the clause buttons re-show the form; "Gem" creates the draft.
pub async fn create(
    state: web::Data<AppState>,
    ProposalAuthor(user): ProposalAuthor,
    CsrfForm(form): CsrfForm<ProposalForm>,
) -> AppResult<HttpResponse> {
    let person = person_of(&user)?;
    let mut values = values_of(&form)?;
    values.lock = None;
    let meeting = values.meeting;
    let choices = state
        .db
        .run(move |conn| choices(conn, person, meeting, Utc::now()))
        .await?;
    if values.apply_clause_action(&form.action) {
        return render_form(
            &user,
            None,
            &values,
            &choices,
            &FieldErrors::default(),
            &[],
            StatusCode::OK,
            focus_after(&form.action, values.clauses.len()),
        );
    }
    let (account_id, who, raw_meeting) =
        (user.account.id, user.account.actor(), form.meeting.clone());
    let saved = state
        .db
        .run(move |conn| {
            let saved = service::proposals::create_draft(
                conn,
                &who,
                account_id,
                person,
                &values,
                &raw_meeting,
                Utc::now(),
            )?;
            Ok((saved, values))
        })
        .await?;
    match saved {
        (Ok(id), _) => Ok(flash::done(proposal_url(id), "notice-draft-saved")),
        (Err(refused), values) => render_form(
            &user,
            None,
            &values,
            &refused.choices,
            &refused.errors,
            &[],
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
        ),
    }
}

fn not_editable(proposal: &Proposal) -> AppError {
    AppError::conflict(
        crate::i18n::Msg::key("error-the-proposal-has-the-status-and")
            .label("arg0", proposal.status.label_key()),
    )
}

/// `GET /proposals/{id}/edit`
pub async fn edit_form(
    state: web::Data<AppState>,
    ProposalAuthor(user): ProposalAuthor,
    path: web::Path<ProposalId>,
) -> AppResult<HttpResponse> {
    let (proposal, access) = load_for(&state, path.into_inner(), &user).await?;
    if access != Access::Author {
        return Err(AppError::forbidden("error-only-the-proposer-can-edit-the"));
    }
    if !proposal.status.editable_by_author() {
        return Err(not_editable(&proposal));
    }
    let person = person_of(&user)?;
    let values = FormValues::from_proposal(&proposal);
    let meeting = values.meeting;
    let choices = state
        .db
        .run(move |conn| choices(conn, person, meeting, Utc::now()))
        .await?;
    render_form(
        &user,
        Some(proposal.id),
        &values,
        &choices,
        &FieldErrors::default(),
        &[],
        StatusCode::OK,
        None,
    )
}

/// `POST /proposals/{id}/edit`: saved only if nobody saved since the form was opened.
pub async fn update(
    state: web::Data<AppState>,
    ProposalAuthor(user): ProposalAuthor,
    path: web::Path<ProposalId>,
    CsrfForm(form): CsrfForm<ProposalForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let (proposal, access) = load_for(&state, id, &user).await?;
    if access != Access::Author {
        return Err(AppError::forbidden("error-only-the-proposer-can-edit-the"));
    }
    if !proposal.status.editable_by_author() {
        return Err(not_editable(&proposal));
    }
    let person = person_of(&user)?;
    let mut values = values_of(&form)?;
    let meeting = values.meeting;
    let choices = state
        .db
        .run(move |conn| choices(conn, person, meeting, Utc::now()))
        .await?;
    if values.apply_clause_action(&form.action) {
        return render_form(
            &user,
            Some(id),
            &values,
            &choices,
            &FieldErrors::default(),
            &[],
            StatusCode::OK,
            focus_after(&form.action, values.clauses.len()),
        );
    }
    let Some(lock) = values.lock else {
        return Err(AppError::bad_request(
            "error-the-form-is-missing-its-version",
        ));
    };
    let (who, raw_meeting, posted) = (user.account.actor(), form.meeting.clone(), values.clone());
    let saved = state
        .db
        .run(move |conn| {
            service::proposals::update_draft(
                conn,
                &who,
                id,
                lock,
                person,
                &posted,
                &raw_meeting,
                Utc::now(),
            )
        })
        .await;
    match saved {
        Ok(Ok(())) => Ok(flash::done(proposal_url(id), "notice-changes-saved")),
        Ok(Err(refused)) => render_form(
            &user,
            Some(id),
            &values,
            &refused.choices,
            &refused.errors,
            &[],
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
        ),
        Err(err) if err.kind == ErrorKind::Conflict => {
            let mut errors = FieldErrors::default();
            errors.add("form", err.message);
            render_form(
                &user,
                Some(id),
                &values,
                &choices,
                &errors,
                &[],
                StatusCode::CONFLICT,
                None,
            )
        }
        Err(err) => Err(err),
    }
}

// ---------------------------------------------------------------------------------------------
// Steps

#[derive(Deserialize)]
pub struct LockForm {
    lock: Option<i32>,
}

/// `POST /proposals/{id}/submit`: on time or late against the target meeting's deadline; the
/// author gets a receipt, the secretariat a notice, in the same transaction.
pub async fn submit(
    state: web::Data<AppState>,
    ProposalAuthor(user): ProposalAuthor,
    path: web::Path<ProposalId>,
    CsrfForm(form): CsrfForm<LockForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let (proposal, access) = load_for(&state, id, &user).await?;
    if access != Access::Author {
        return Err(AppError::forbidden(
            "error-only-the-proposer-can-submit-the",
        ));
    }
    let lock = form.lock.unwrap_or(proposal.lock_version);
    let (who, account) = (user.account.actor(), user.account.clone());
    let settings = state.settings.clone();
    let submitted = state
        .db
        .run(move |conn| {
            service::proposals::submit(conn, &settings, &who, &account, &proposal, lock)
        })
        .await;
    match submitted {
        Ok(receipt) => Ok(flash::done(proposal_url(id), receipt.text(user.lang))),
        // Why it cannot be submitted (no meeting, the meeting held, changed meanwhile) is said
        // on the proposal's own page, where the way on is.
        Err(err) if (400..500).contains(&err.kind.status()) && err.kind.status() != 404 => {
            let status =
                StatusCode::from_u16(err.kind.status()).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY);
            let mut errors = FieldErrors::default();
            errors.add("indsend", err.message);
            show_page(&state, &user, id, &errors, None, status).await
        }
        Err(err) => Err(err),
    }
}

/// `POST /proposals/{id}/withdraw`
pub async fn withdraw(
    state: web::Data<AppState>,
    ProposalAuthor(user): ProposalAuthor,
    path: web::Path<ProposalId>,
    _: CsrfForm<LockForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    by_author(
        &state,
        &user,
        id,
        "error-only-proposer-withdraws",
        service::proposals::withdraw,
    )
    .await?;
    Ok(flash::done(proposal_url(id), "notice-proposal-withdrawn"))
}

/// `POST /proposals/{id}/delete`: the author deletes a draft never submitted.
pub async fn delete(
    state: web::Data<AppState>,
    ProposalAuthor(user): ProposalAuthor,
    path: web::Path<ProposalId>,
    _: CsrfForm<LockForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    by_author(
        &state,
        &user,
        id,
        "error-only-proposer-deletes-draft",
        service::proposals::delete_draft,
    )
    .await?;
    Ok(flash::done("/my/proposals", "notice-draft-deleted"))
}

/// Runs `step` for the proposal's author; anyone else who may see it is told `refusal`.
async fn by_author(
    state: &AppState,
    user: &CurrentUser,
    id: ProposalId,
    refusal: &'static str,
    step: fn(
        &mut crate::db::DbConnection,
        &crate::domain::account::Actor,
        ProposalId,
    ) -> AppResult<()>,
) -> AppResult<()> {
    let (_, access) = load_for(state, id, user).await?;
    if access != Access::Author {
        return Err(AppError::forbidden(refusal));
    }
    let who = user.account.actor();
    state.db.run(move |conn| step(conn, &who, id)).await
}

// ---------------------------------------------------------------------------------------------
// Pages

/// `GET /my/proposals`: every proposal the politician made or stands behind, with its status.
pub async fn mine(
    state: web::Data<AppState>,
    ProposalAuthor(user): ProposalAuthor,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let (id, person) = (user.account.id, user.account.person_id);
    let list = state
        .db
        .run(move |conn| workflow::for_author(conn, id, person))
        .await?;
    #[derive(Serialize)]
    struct Mine {
        rows: Vec<crate::web::views::ListRow>,
        can_draft: bool,
    }
    let view = Mine {
        rows: list_rows(lang, &list),
        can_draft: person.is_some(),
    };
    Ok(page(
        StatusCode::OK,
        render_page("politician/my_proposals.html", &user, &view)?,
    ))
}

#[derive(Deserialize)]
pub struct CompareQuery {
    from: Option<i32>,
    to: Option<i32>,
}

#[derive(Serialize)]
struct DiffPart {
    kind: &'static str,
    text: String,
}

/// `GET /proposals/{id}/versions?from=1&to=2`: two versions of the text, word by word.
pub async fn compare(
    state: web::Data<AppState>,
    User(user): User,
    path: web::Path<ProposalId>,
    query: web::Query<CompareQuery>,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let id = path.into_inner();
    let _ = load_for(&state, id, &user).await?;
    let versions = state
        .db
        .run(move |conn| workflow::versions(conn, id))
        .await?;
    let last = versions.last().map_or(1, |v| v.version);
    let to = query.to.unwrap_or(last);
    let from = query.from.unwrap_or((to - 1).max(1));
    let find = |n: i32| {
        versions.iter().find(|v| v.version == n).ok_or_else(|| {
            AppError::not_found(
                crate::i18n::Msg::key("error-the-proposal-has-no-version").arg("n", n),
            )
        })
    };
    let (a, b) = (find(from)?, find(to)?);
    let flatten = |t: &ProposalText| {
        let mut s = format!("{}\n{}\n", t.title, t.opening);
        for (i, c) in t.clauses.iter().enumerate() {
            s.push_str(&format!("{}. {c}\n", i + 1));
        }
        s.push_str(&t.motivation);
        s
    };
    let parts: Vec<DiffPart> = crate::domain::text::word_diff(&flatten(&a.text), &flatten(&b.text))
        .into_iter()
        .map(|(kind, text)| DiffPart {
            kind: match kind {
                crate::domain::text::DiffKind::Same => "same",
                crate::domain::text::DiffKind::Removed => "removed",
                crate::domain::text::DiffKind::Added => "added",
            },
            text,
        })
        .collect();
    #[derive(Serialize)]
    struct Compare<'a> {
        id: ProposalId,
        title: &'a str,
        from: i32,
        to: i32,
        from_saved: When,
        to_saved: When,
        parts: Vec<DiffPart>,
        all_versions: Vec<i32>,
    }
    let view = Compare {
        id,
        title: &b.text.title,
        from,
        to,
        from_saved: When::new(lang, a.saved_at),
        to_saved: When::new(lang, b.saved_at),
        parts,
        all_versions: versions.iter().map(|v| v.version).collect(),
    };
    Ok(page(
        StatusCode::OK,
        render_page("politician/proposal_compare.html", &user, &view)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::focus_after;

    #[test]
    fn a_clause_button_leaves_the_focus_on_the_clause_it_touched() {
        assert_eq!(focus_after("add-clause", 4), Some(4));
        assert_eq!(focus_after("up-3", 4), Some(2));
        assert_eq!(focus_after("up-1", 4), Some(1));
        assert_eq!(focus_after("down-2", 4), Some(3));
        assert_eq!(focus_after("remove-4", 3), Some(3));
        assert_eq!(focus_after("remove-1", 0), None);
        assert_eq!(focus_after("save", 3), None);
    }
}
