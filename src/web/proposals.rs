//! Member proposals in the web UI: politicians draft (or paste), correct and submit; the
//! secretariat checks, returns with a comment or accepts with a case number.
//!
//! Who sees what: a draft only its authors (the account that made it, the proposer and the
//! co-signers); from submission on also the secretariat; the public once it is on a released
//! agenda (`pages::proposal`). Only the account that made it, or the proposer, edits.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tera::Context;

use super::AppState;
use super::auth::{CsrfForm, CurrentUser, ProposalAuthor, Secretariat, User};
use super::forms::error_lines;
use super::markdown::to_safe_html;
use super::templates::{context_for, render};
use super::views::{AuditLine, CaseLink, When, clauses, meeting_url, proposal_url};
use crate::db::accounts::Account;
use crate::db::organizations::{self as orgs};
use crate::db::proposals::{self, Proposal};
use crate::db::workflow::{self};
use crate::db::{audit, meetings};
use crate::domain::account::Actor;
use crate::domain::deadline::time_left_da;
use crate::domain::proposal::{
    CHECKLIST, CLAUSES_MAX, COSIGNERS_MAX, FieldErrors, ProposalStatus, ProposalText, SubmitterRole,
};
use crate::domain::proposal_text::parse_proposal;
use crate::domain::time::datetime_da;
use crate::domain::{CaseReference, PersonId, ProposalId};
use crate::error::{AppError, AppResult, ErrorKind};

pub use crate::read::access::{Access, access};
use crate::service;
use crate::service::proposals::{Choices, FormValues, blank_values, choices, person_of_account};

fn not_found() -> AppError {
    AppError::not_found("Forslaget findes ikke, eller det er ikke offentligt endnu.")
}

fn page(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body)
}

fn see_other(location: String) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

fn actor(user: &CurrentUser) -> Actor {
    Actor::user(user.account.id, &user.account.name)
}

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
        return Err(AppError::too_large(format!(
            "Et forslag har højst {CLAUSES_MAX} at-punkter og {COSIGNERS_MAX} \
             medunderskrivere."
        )));
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
    error: Option<String>,
    first: bool,
    last: bool,
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
fn form_context(
    ctx: &mut Context,
    values: &FormValues,
    choices: &Choices,
    errors: &FieldErrors,
    now: DateTime<Utc>,
) {
    let clause_count = values.clauses.len();
    let clauses: Vec<ClauseField> = values
        .clauses
        .iter()
        .enumerate()
        .map(|(i, text)| ClauseField {
            number: i + 1,
            text: text.clone(),
            error: errors.get(&format!("clause-{}", i + 1)).map(str::to_owned),
            first: i == 0,
            last: i + 1 == clause_count,
        })
        .collect();
    ctx.insert("clauses", &clauses);
    ctx.insert("can_add_clause", &(clause_count < CLAUSES_MAX));
    ctx.insert("title", &values.title);
    ctx.insert("opening", &values.opening);
    ctx.insert("motivation", &values.motivation);
    ctx.insert("cases", &values.cases);
    ctx.insert("lock", &values.lock);
    ctx.insert(
        "parties",
        &choices
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
            .collect::<Vec<_>>(),
    );
    ctx.insert(
        "meetings",
        &choices
            .meetings
            .iter()
            .map(|(m, deadline)| MeetingChoice {
                value: m.id.0,
                label: format!("{} {}", m.organization_name, When::new(m.starts_at).text),
                deadline: match time_left_da(now, *deadline) {
                    Some(left) => format!("{} ({left} tilbage)", datetime_da(*deadline)),
                    None => datetime_da(*deadline),
                },
                late: now > *deadline,
                selected: values.meeting == Some(m.id.0),
            })
            .collect::<Vec<_>>(),
    );
    ctx.insert(
        "members",
        &choices
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
            .collect::<Vec<_>>(),
    );
    ctx.insert("members_of", &choices.members_of);
    let error = |f: &str| errors.get(f).map(str::to_owned);
    ctx.insert("error_title", &error("title"));
    ctx.insert("error_opening", &error("opening"));
    ctx.insert("error_clauses", &error("clauses"));
    ctx.insert("error_motivation", &error("motivation"));
    ctx.insert("error_meeting", &error("meeting"));
    ctx.insert("error_cosigners", &error("cosigners"));
    ctx.insert("error_party", &error("party"));
    ctx.insert("error_cases", &error("cases"));
    ctx.insert("error_form", &error("form"));
    ctx.insert("errors", &error_lines(errors));
}

/// The draft form: a new proposal (`editing` = `None`) or the one being edited.
fn render_form(
    user: &CurrentUser,
    editing: Option<ProposalId>,
    values: &FormValues,
    choices: &Choices,
    errors: &FieldErrors,
    warnings: &[String],
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let now = Utc::now();
    let mut ctx = context_for(Some(user));
    let (action_url, heading) = match editing {
        None => ("/proposals/new".to_owned(), "Nyt medlemsforslag"),
        Some(id) => (format!("/proposals/{id}/edit"), "Ret medlemsforslag"),
    };
    ctx.insert("action_url", &action_url);
    ctx.insert("heading", heading);
    ctx.insert("warnings", warnings);
    ctx.insert("is_new", &values.lock.is_none());
    form_context(&mut ctx, values, choices, errors, now);
    Ok(page(status, render("proposal_form.html", &ctx)?))
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
    let mut warnings = parsed.warnings.clone();
    warnings.insert(
        0,
        "Teksten er læst ind i formularen. Tjek den, ret til, og gem.".to_owned(),
    );
    render_form(
        &user,
        None,
        &values,
        &choices,
        &FieldErrors::default(),
        &warnings,
        StatusCode::OK,
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
        );
    }
    let (account_id, who, raw_meeting) = (user.account.id, actor(&user), form.meeting.clone());
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
        (Ok(id), _) => Ok(see_other(proposal_url(id))),
        (Err(refused), values) => render_form(
            &user,
            None,
            &values,
            &refused.choices,
            &refused.errors,
            &[],
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}

async fn load_for(
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

fn not_editable(proposal: &Proposal) -> AppError {
    AppError::conflict(format!(
        "Forslaget har status »{}« og kan ikke rettes nu.",
        proposal.status.label_da()
    ))
}

/// `GET /proposals/{id}/edit`
pub async fn edit_form(
    state: web::Data<AppState>,
    ProposalAuthor(user): ProposalAuthor,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let (proposal, access) = load_for(&state, ProposalId(path.into_inner()), &user).await?;
    if access != Access::Author {
        return Err(AppError::forbidden(
            "Kun forslagsstilleren kan rette forslaget.",
        ));
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
    )
}

/// `POST /proposals/{id}/edit`: saved only if nobody saved since the form was opened.
pub async fn update(
    state: web::Data<AppState>,
    ProposalAuthor(user): ProposalAuthor,
    path: web::Path<i64>,
    CsrfForm(form): CsrfForm<ProposalForm>,
) -> AppResult<HttpResponse> {
    let id = ProposalId(path.into_inner());
    let (proposal, access) = load_for(&state, id, &user).await?;
    if access != Access::Author {
        return Err(AppError::forbidden(
            "Kun forslagsstilleren kan rette forslaget.",
        ));
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
        );
    }
    let Some(lock) = values.lock else {
        return Err(AppError::bad_request("Formularen mangler sin version."));
    };
    let (who, raw_meeting, posted) = (actor(&user), form.meeting.clone(), values.clone());
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
        Ok(Ok(())) => Ok(see_other(proposal_url(id))),
        Ok(Err(refused)) => render_form(
            &user,
            Some(id),
            &values,
            &refused.choices,
            &refused.errors,
            &[],
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(err) if err.kind == ErrorKind::Conflict => {
            let mut errors = FieldErrors::default();
            errors.add("form", err.message.to_string());
            render_form(
                &user,
                Some(id),
                &values,
                &choices,
                &errors,
                &[],
                StatusCode::CONFLICT,
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
    path: web::Path<i64>,
    CsrfForm(form): CsrfForm<LockForm>,
) -> AppResult<HttpResponse> {
    let id = ProposalId(path.into_inner());
    let (proposal, access) = load_for(&state, id, &user).await?;
    if access != Access::Author {
        return Err(AppError::forbidden(
            "Kun forslagsstilleren kan indsende forslaget.",
        ));
    }
    let lock = form.lock.unwrap_or(proposal.lock_version);
    let (who, account) = (actor(&user), user.account.clone());
    let settings = state.settings.clone();
    state
        .db
        .run(move |conn| {
            service::proposals::submit(conn, &settings, &who, &account, &proposal, lock)
        })
        .await?;
    Ok(see_other(proposal_url(id)))
}

/// `POST /proposals/{id}/withdraw`
pub async fn withdraw(
    state: web::Data<AppState>,
    ProposalAuthor(user): ProposalAuthor,
    path: web::Path<i64>,
    _: CsrfForm<LockForm>,
) -> AppResult<HttpResponse> {
    let id = ProposalId(path.into_inner());
    let (_, access) = load_for(&state, id, &user).await?;
    if access != Access::Author {
        return Err(AppError::forbidden(
            "Kun forslagsstilleren kan trække forslaget tilbage.",
        ));
    }
    let who = actor(&user);
    state
        .db
        .run(move |conn| service::proposals::withdraw(conn, &who, id))
        .await?;
    Ok(see_other(proposal_url(id)))
}

#[derive(Deserialize)]
pub struct ReviewForm {
    #[serde(default)]
    check: Vec<String>,
    #[serde(default)]
    comment: String,
    #[serde(default)]
    assign_new: Option<String>,
    #[serde(default)]
    cases: String,
    #[serde(default)]
    late_reason: String,
}

const COMMENT_MAX_CHARS: usize = 5_000;

/// `POST /proposals/{id}/return`: back to the author with a comment, which is emailed.
pub async fn return_to_author(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<i64>,
    CsrfForm(form): CsrfForm<ReviewForm>,
) -> AppResult<HttpResponse> {
    let id = ProposalId(path.into_inner());
    let (proposal, _) = load_for(&state, id, &user).await?;
    let comment = form.comment.trim().to_owned();
    let mut errors = FieldErrors::default();
    if comment.is_empty() {
        errors.add(
            "comment",
            "Skriv en kommentar til forslagsstilleren: hvad skal rettes?",
        );
    } else if comment.chars().count() > COMMENT_MAX_CHARS {
        errors.add(
            "comment",
            format!("Kommentaren er for lang (højst {COMMENT_MAX_CHARS} tegn)."),
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
    let (who, settings) = (actor(&user), state.settings.clone());
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
    Ok(see_other(proposal_url(id)))
}

/// `POST /proposals/{id}/accept`: every checklist point met, a case number assigned or linked,
/// and for a late proposal the reason recorded.
pub async fn accept(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<i64>,
    CsrfForm(form): CsrfForm<ReviewForm>,
) -> AppResult<HttpResponse> {
    let id = ProposalId(path.into_inner());
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
            format!(
                "Et forslag godkendes kun, når alle punkter er opfyldt. Mangler: {}. Send det ellers retur med en kommentar.",
                crate::domain::text::danish_list(&missing)
            ),
        );
    }
    let existing = CaseReference::parse_list(&form.cases).unwrap_or_else(|e| {
        errors.add("cases", e.to_string());
        Vec::new()
    });
    let assign_new = form.assign_new.is_some();
    if !assign_new && existing.is_empty() && proposal.case_references().is_empty() {
        errors.add(
            "cases",
            "Tildel et nyt sagsnummer, eller skriv det eksisterende sagsnummer.",
        );
    }
    let late_reason = form.late_reason.trim().to_owned();
    if proposal.late && late_reason.is_empty() {
        errors.add(
            "late_reason",
            "Forslaget kom efter fristen: skriv begrundelsen for at sætte det på dagsordenen.",
        );
    }
    if late_reason.chars().count() > COMMENT_MAX_CHARS {
        errors.add("late_reason", "Begrundelsen er for lang.");
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
    let (who, settings) = (actor(&user), state.settings.clone());
    let late_reason = (!late_reason.is_empty()).then_some(late_reason);
    state
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
    Ok(see_other(proposal_url(id)))
}

// ---------------------------------------------------------------------------------------------
// Pages

#[derive(Serialize)]
struct ListRow {
    url: String,
    title: String,
    status: &'static str,
    status_label: &'static str,
    organization_name: String,
    meeting: Option<String>,
    meeting_url: Option<String>,
    submitted: Option<When>,
    late: bool,
    updated: When,
}

fn list_rows(list: &[workflow::Summary]) -> Vec<ListRow> {
    list.iter()
        .map(|s| ListRow {
            url: proposal_url(s.id),
            title: s.title.clone(),
            status: s.status.as_str(),
            status_label: s.status.label_da(),
            organization_name: s.organization_name.clone(),
            meeting: s.target_meeting.map(|(_, at)| When::new(at).text),
            meeting_url: s.target_meeting.map(|(id, _)| meeting_url(id)),
            submitted: s.submitted_at.map(When::new),
            late: s.late,
            updated: When::new(s.updated_at),
        })
        .collect()
}

/// `GET /my/proposals`: every proposal the politician made or stands behind, with its status.
pub async fn mine(
    state: web::Data<AppState>,
    ProposalAuthor(user): ProposalAuthor,
) -> AppResult<HttpResponse> {
    let (id, person) = (user.account.id, user.account.person_id);
    let list = state
        .db
        .run(move |conn| workflow::for_author(conn, id, person))
        .await?;
    let mut ctx = context_for(Some(&user));
    ctx.insert("rows", &list_rows(&list));
    ctx.insert("can_draft", &person.is_some());
    Ok(page(StatusCode::OK, render("my_proposals.html", &ctx)?))
}

/// `GET /secretariat/proposals`: submitted proposals by target meeting, and those waiting on
/// their authors.
pub async fn inbox(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    query: web::Query<InboxQuery>,
) -> AppResult<HttpResponse> {
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
    let mut ctx = context_for(Some(&user));
    // Each section pages on its own; the links keep the other sections where they are.
    for (i, (name, (rows, total))) in ["submitted", "returned", "accepted"]
        .into_iter()
        .zip(sections)
        .enumerate()
    {
        let page = pages[i];
        let link = |p: i64| {
            let mut all = pages;
            all[i] = p;
            format!(
                "/secretariat/proposals?side={}&retur={}&godkendt={}#{name}",
                all[0], all[1], all[2]
            )
        };
        ctx.insert(name, &list_rows(&rows));
        ctx.insert(format!("{name}_total"), &total);
        ctx.insert(
            format!("{name}_previous"),
            &(page > 1).then(|| link(page - 1)),
        );
        ctx.insert(
            format!("{name}_next"),
            &(page.saturating_mul(INBOX_PAGE_SIZE) < total).then(|| link(page + 1)),
        );
    }
    Ok(page(StatusCode::OK, render("inbox.html", &ctx)?))
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
    path: web::Path<i64>,
    query: web::Query<CompareQuery>,
) -> AppResult<HttpResponse> {
    let id = ProposalId(path.into_inner());
    let _ = load_for(&state, id, &user).await?;
    let versions = state
        .db
        .run(move |conn| workflow::versions(conn, id))
        .await?;
    let last = versions.last().map_or(1, |v| v.version);
    let to = query.to.unwrap_or(last);
    let from = query.from.unwrap_or((to - 1).max(1));
    let find = |n: i32| {
        versions
            .iter()
            .find(|v| v.version == n)
            .ok_or_else(|| AppError::not_found(format!("Forslaget har ingen version {n}.")))
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
    let mut ctx = context_for(Some(&user));
    ctx.insert("id", &id.0);
    ctx.insert("title", &b.text.title);
    ctx.insert("from", &from);
    ctx.insert("to", &to);
    ctx.insert("from_saved", &When::new(a.saved_at));
    ctx.insert("to_saved", &When::new(b.saved_at));
    ctx.insert("parts", &parts);
    ctx.insert(
        "all_versions",
        &versions.iter().map(|v| v.version).collect::<Vec<_>>(),
    );
    Ok(page(StatusCode::OK, render("proposal_compare.html", &ctx)?))
}
