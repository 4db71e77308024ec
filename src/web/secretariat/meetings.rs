//! The secretariat plans meetings (`/secretariat/meetings`): per council or committee, date,
//! time, place and kind, with each body's deadlines shown for every upcoming meeting.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use chrono::Utc;
use serde::{Deserialize, Serialize};

use crate::db::{DbConnection, meetings, organizations as orgs};
use crate::domain::OrganizationId;
use crate::domain::meeting::MeetingKind;
use crate::domain::minutes::SignerRule;
use crate::domain::proposal::FieldErrors;
use crate::error::AppResult;
use crate::service;
use crate::service::meetings::PlanInput;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, CurrentUser, Secretariat};
use crate::web::forms::Choice;
use crate::web::templates::render_page;
use crate::web::views::{When, meeting_url};

const LIST_LIMIT: i64 = 200;

#[derive(Serialize)]
struct Row {
    id: crate::domain::MeetingId,
    url: String,
    agenda_url: String,
    edit_url: String,
    organization_name: String,
    when: When,
    location: String,
    kind_label: String,
    status_label: String,
    proposal_deadline: When,
    proposal_rule: String,
    release_deadline: When,
    release_rule: String,
}

/// Councils and committees, as (id, name).
type Bodies = Vec<(OrganizationId, String)>;

/// A meeting held (or under way) with a released agenda: where its decisions are recorded.
#[derive(Serialize)]
struct HeldRow {
    organization_name: String,
    when: When,
    status_label: String,
    decisions_url: String,
}

/// How many past meetings the list offers for recording decisions.
const HELD_LIMIT: i64 = 20;

fn held(lang: crate::domain::language::Lang, conn: &mut DbConnection) -> AppResult<Vec<HeldRow>> {
    let now = Utc::now();
    // Released meetings come latest first; the future ones are skipped.
    let (released, _) = meetings::list_released(conn, 0, HELD_LIMIT + LIST_LIMIT)?;
    Ok(released
        .into_iter()
        .filter(|m| m.starts_at <= now)
        .take(HELD_LIMIT as usize)
        .map(|m| HeldRow {
            organization_name: m.organization_name.clone(),
            when: When::new(lang, m.starts_at),
            status_label: m.status.label_at(lang, m.starts_at, chrono::Utc::now()),
            decisions_url: crate::urls::meeting_decisions(m.id),
        })
        .collect())
}

fn rows(
    lang: crate::domain::language::Lang,
    conn: &mut DbConnection,
) -> AppResult<(Vec<Row>, Bodies)> {
    let ids: Vec<OrganizationId> = meetings::meeting_organizations(conn)?
        .iter()
        .map(|(id, _)| *id)
        .collect();
    // New meetings only for the active ones.
    let bodies = meetings::planning_organizations(conn)?;
    let mut out = Vec::new();
    for m in meetings::upcoming_of(conn, &ids, Utc::now(), LIST_LIMIT)? {
        let s = orgs::deadline_settings(conn, m.organization_id)?;
        out.push(Row {
            id: m.id,
            url: meeting_url(m.id),
            agenda_url: crate::urls::agenda_editor(m.id),
            edit_url: crate::urls::meeting_edit(m.id),
            organization_name: m.organization_name.clone(),
            when: When::new(lang, m.starts_at),
            location: m.location.clone(),
            kind_label: m.kind.label(lang),
            status_label: m.status.label_at(lang, m.starts_at, chrono::Utc::now()),
            proposal_deadline: When::new(lang, s.proposal.deadline(m.starts_at, &s.closed)),
            proposal_rule: s.proposal.describe(lang),
            release_deadline: When::new(lang, s.agenda_release.deadline(m.starts_at, &s.closed)),
            release_rule: s.agenda_release.describe(lang),
        });
    }
    Ok((out, bodies))
}

async fn meetings_page(
    state: &AppState,
    user: &CurrentUser,
    form: &PlanInput,
    errors: &FieldErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let (rows, bodies, held) = state
        .db
        .run(move |conn| {
            let (rows, bodies) = rows(lang, conn)?;
            Ok((rows, bodies, held(lang, conn)?))
        })
        .await?;
    let rules = state.db.run(crate::db::minutes::signer_rules).await?;
    let view = MeetingsPage {
        rows,
        held,
        signer_rules: bodies
            .iter()
            .map(|(id, name)| {
                let rule = rules
                    .iter()
                    .find(|(o, _)| o == id)
                    .map_or(SignerRule::ChairAndSecretariat, |(_, r)| *r);
                SignerRules {
                    id: id.to_string(),
                    name: name.clone(),
                    choices: SignerRule::ALL
                        .iter()
                        .map(|r| Choice {
                            value: r.as_str().to_owned(),
                            label: r.label(lang).to_owned(),
                            selected: *r == rule,
                        })
                        .collect(),
                }
            })
            .collect(),
        bodies: bodies
            .iter()
            .map(|(id, name)| Choice {
                value: id.to_string(),
                label: name.clone(),
                selected: form.organization == id.to_string(),
            })
            .collect(),
        kinds: MeetingKind::ALL
            .iter()
            .map(|k| Choice {
                value: k.as_str().to_owned(),
                label: k.label(lang).to_owned(),
                selected: form.kind == k.as_str(),
            })
            .collect(),
        date: &form.date,
        time: &form.time,
        location: &form.location,
        error_organization: errors.get("organization"),
        error_date: errors.get("date"),
        error_time: errors.get("time"),
        error_location: errors.get("location"),
        error_kind: errors.get("kind"),
        errors: crate::web::forms::error_lines(errors),
    };
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(render_page("secretariat/meetings.html", user, &view)?))
}

/// The meetings page: the coming meetings with their deadlines, the held ones, who signs each
/// body's minutes, and the form to plan a meeting (with what was wrong in it).
#[derive(Serialize)]
struct MeetingsPage<'a> {
    rows: Vec<Row>,
    held: Vec<HeldRow>,
    signer_rules: Vec<SignerRules>,
    bodies: Vec<Choice>,
    kinds: Vec<Choice>,
    date: &'a str,
    time: &'a str,
    location: &'a str,
    error_organization: Option<&'a crate::i18n::Msg>,
    error_date: Option<&'a crate::i18n::Msg>,
    error_time: Option<&'a crate::i18n::Msg>,
    error_location: Option<&'a crate::i18n::Msg>,
    error_kind: Option<&'a crate::i18n::Msg>,
    errors: Vec<crate::web::forms::ErrorLine>,
}

/// Who signs a body's minutes, as a choice.
#[derive(Serialize)]
struct SignerRules {
    id: String,
    name: String,
    choices: Vec<Choice>,
}

/// `GET /secretariat/meetings`
pub async fn list(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
) -> AppResult<HttpResponse> {
    let form = PlanInput {
        time: "17:30".to_owned(),
        kind: MeetingKind::Regular.as_str().to_owned(),
        ..PlanInput::default()
    };
    meetings_page(
        &state,
        &user,
        &form,
        &FieldErrors::default(),
        StatusCode::OK,
    )
    .await
}

/// `POST /secretariat/meetings`: plans a meeting; everything is checked first, at its field.
pub async fn create(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    CsrfForm(form): CsrfForm<PlanInput>,
) -> AppResult<HttpResponse> {
    let actor = user.account.actor();
    let input = form.clone();
    let planned = state
        .db
        .run(move |conn| service::meetings::plan(conn, &actor, &input, Utc::now()))
        .await?;
    let id = match planned {
        Ok(id) => id,
        Err(errors) => {
            return meetings_page(
                &state,
                &user,
                &form,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    tracing::info!(meeting = id.0, "meeting planned");
    Ok(crate::web::flash::done(
        format!("/secretariat/meetings#moede-{id}"),
        "notice-meeting-created",
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct SignerForm {
    #[serde(default)]
    organization: String,
    #[serde(default)]
    rule: String,
}

/// `POST /secretariat/meetings/signers`: who approves a council's or committee's minutes from
/// now on (minutes already drafted keep their signers).
pub async fn set_signers(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    CsrfForm(form): CsrfForm<SignerForm>,
) -> AppResult<HttpResponse> {
    let actor = user.account.actor();
    state
        .db
        .run(move |conn| {
            service::meetings::set_signers(conn, &actor, &form.organization, &form.rule)
        })
        .await?;
    Ok(crate::web::flash::done(
        "/secretariat/meetings#protokolgodkendelse",
        "notice-signer-rule-saved",
    ))
}
