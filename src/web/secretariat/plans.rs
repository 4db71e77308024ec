//! A body's rules and plans: the deadline rules of each council and committee with the next
//! deadlines they give, the municipality's closed days (`/secretariat/settings/rules`), a
//! year's meetings made in one step with a preview (`/secretariat/meetings/plan`), and one
//! meeting moved or changed (`/secretariat/meetings/{id}/edit`).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::{Datelike, Utc};
use serde::{Deserialize, Serialize};

use super::register::choices;
use crate::db::{DbConnection, meetings, organizations as orgs};
use crate::domain::holidays::public_holiday;
use crate::domain::language::Lang;
use crate::domain::meeting::MeetingKind;
use crate::domain::plan::{
    ClosedDaysInput, INTERVALS, PlanInput, RULE_KINDS, RulesInput, closed_days_input, rules_input,
    weekdays,
};
use crate::domain::proposal::FieldErrors;
use crate::domain::time::today;
use crate::domain::{MeetingId, OrganizationId};
use crate::error::{AppError, AppResult};
use crate::service;
use crate::service::meetings::PlanInput as MeetingInput;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, CurrentUser, Secretariat};
use crate::web::forms::Choice;
use crate::web::forms::{FormState, Posted, page};
use crate::web::templates::render_page;
use crate::web::views::When;

/// How many coming meetings of each body show their deadlines on the rules page.
const NEXT_DEADLINES: i64 = 3;

#[derive(Serialize)]
struct NextDeadline {
    meeting: When,
    proposal: When,
    release: When,
}

#[derive(Serialize)]
struct BodyRules {
    id: i64,
    name: String,
    proposal_rule: String,
    release_rule: String,
    next: Vec<NextDeadline>,
    form: FormState<RulesInput>,
    proposal_kinds: Vec<Choice>,
    release_kinds: Vec<Choice>,
    proposal_weekdays: Vec<Choice>,
    release_weekdays: Vec<Choice>,
}

#[derive(Serialize)]
struct Holiday {
    date: String,
    name: String,
}

#[derive(Serialize)]
struct RulesPage {
    bodies: Vec<BodyRules>,
    closed: FormState<ClosedDaysInput>,
    holidays: Vec<Holiday>,
}

fn kind_choices(lang: Lang, selected: &str) -> Vec<Choice> {
    choices(
        RULE_KINDS
            .iter()
            .map(|(v, key)| ((*v).to_owned(), crate::i18n::t(lang, key))),
        selected,
    )
}

fn weekday_choices(lang: Lang, selected: &str) -> Vec<Choice> {
    choices(
        weekdays(lang).map(|(v, l)| (v.to_owned(), l.to_owned())),
        selected,
    )
}

/// What a refused post brings back to the page.
enum Refused<'a> {
    Nothing,
    Rules(OrganizationId, RulesInput, &'a FieldErrors),
    Closed(ClosedDaysInput, &'a FieldErrors),
}

fn rules_page(conn: &mut DbConnection, user: &CurrentUser, refused: Refused) -> AppResult<String> {
    let lang = user.lang;
    let now = Utc::now();
    let mut bodies = Vec::new();
    for (id, name) in meetings::planning_organizations(conn)? {
        let s = orgs::deadline_settings(conn, id)?;
        let next = meetings::upcoming(conn, id, now, NEXT_DEADLINES)?
            .into_iter()
            .map(|m| NextDeadline {
                meeting: When::new(lang, m.starts_at),
                proposal: When::new(lang, s.proposal.deadline(m.starts_at, &s.closed)),
                release: When::new(lang, s.agenda_release.deadline(m.starts_at, &s.closed)),
            })
            .collect();
        let form = match &refused {
            Refused::Rules(org, input, errors) if *org == id => {
                FormState::new(input.clone(), errors)
            }
            _ => FormState::blank(rules_input(&s.proposal, &s.agenda_release)),
        };
        bodies.push(BodyRules {
            id: id.0,
            name,
            proposal_rule: s.proposal.describe(lang),
            release_rule: s.agenda_release.describe(lang),
            next,
            proposal_kinds: kind_choices(lang, &form.f.proposal_kind),
            release_kinds: kind_choices(lang, &form.f.release_kind),
            proposal_weekdays: weekday_choices(lang, &form.f.proposal_weekday),
            release_weekdays: weekday_choices(lang, &form.f.release_weekday),
            form,
        });
    }
    let closed = match refused {
        Refused::Closed(input, errors) => FormState::new(input, errors),
        _ => {
            let body = service::register::body(conn)?;
            FormState::blank(closed_days_input(&orgs::closed_days(conn, body)?))
        }
    };
    let year = today().year();
    let holidays = (year..=year + 1)
        .flat_map(|y| {
            chrono::NaiveDate::from_ymd_opt(y, 1, 1)
                .into_iter()
                .flat_map(move |d| d.iter_days().take_while(move |d| d.year() == y))
        })
        .filter_map(|d| {
            public_holiday(d).map(|name| Holiday {
                date: crate::domain::time::day(lang, d),
                name: crate::domain::holidays::holiday_name(name).in_lang(lang),
            })
        })
        .collect();
    let view = RulesPage {
        bodies,
        closed,
        holidays,
    };
    render_page("secretariat/settings_rules.html", user, &view)
}

/// `GET /secretariat/settings/rules`
pub async fn rules(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
) -> AppResult<HttpResponse> {
    let body = state
        .db
        .run(move |conn| rules_page(conn, &user, Refused::Nothing))
        .await?;
    Ok(page(StatusCode::OK, body))
}

/// `POST /secretariat/settings/rules/{id}`: a council's or committee's deadline rules.
pub async fn save_rules(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<OrganizationId>,
    CsrfForm(input): CsrfForm<RulesInput>,
) -> AppResult<HttpResponse> {
    let org = path.into_inner();
    state
        .db
        .run(move |conn| {
            match service::meetings::set_rules(conn, &user.account.actor(), org, &input)? {
                Ok(()) => Ok(Posted::Done((
                    format!("/secretariat/settings/rules#regler-{org}"),
                    "notice-rules-saved",
                ))),
                Err(errors) => Ok(Posted::Refused(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    rules_page(conn, &user, Refused::Rules(org, input, &errors))?,
                )),
            }
        })
        .await
        .map(|posted| posted.respond(|done| done))
}

/// `POST /secretariat/settings/closed-days`
pub async fn save_closed_days(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    CsrfForm(input): CsrfForm<ClosedDaysInput>,
) -> AppResult<HttpResponse> {
    state
        .db
        .run(move |conn| {
            match service::meetings::set_closed_days(conn, &user.account.actor(), &input)? {
                Ok(()) => Ok(Posted::Done((
                    "/secretariat/settings/rules#lukkedage".to_owned(),
                    "notice-closed-days-saved",
                ))),
                Err(errors) => Ok(Posted::Refused(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    rules_page(conn, &user, Refused::Closed(input, &errors))?,
                )),
            }
        })
        .await
        .map(|posted| posted.respond(|done| done))
}

// ---------------------------------------------------------------------------------------------
// A year's plan

#[derive(Serialize)]
struct PreviewDay {
    date: String,
    weekday: &'static str,
    when: Option<When>,
    skipped: Option<crate::i18n::Msg>,
}

#[derive(Serialize)]
struct Preview {
    organization_name: String,
    meetings: usize,
    days: Vec<PreviewDay>,
}

#[derive(Serialize)]
struct PlanPage {
    form: FormState<PlanInput>,
    bodies: Vec<Choice>,
    weekdays: Vec<Choice>,
    intervals: Vec<Choice>,
    preview: Option<Preview>,
}

fn plan_page(
    conn: &mut DbConnection,
    user: &CurrentUser,
    input: PlanInput,
    errors: &FieldErrors,
    preview: Option<Preview>,
) -> AppResult<String> {
    let lang = user.lang;
    let view = PlanPage {
        bodies: choices(
            meetings::planning_organizations(conn)?
                .into_iter()
                .map(|(id, name)| (id.to_string(), name)),
            &input.organization,
        ),
        weekdays: weekday_choices(lang, &input.weekday),
        intervals: choices(
            INTERVALS
                .iter()
                .map(|(v, key)| ((*v).to_owned(), crate::i18n::t(lang, key))),
            &input.interval,
        ),
        form: FormState::new(input, errors),
        preview,
    };
    render_page("secretariat/meeting_plan.html", user, &view)
}

/// `GET /secretariat/meetings/plan`: the form, filled with next year.
pub async fn plan_form(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
) -> AppResult<HttpResponse> {
    let next = today().year() + 1;
    let input = PlanInput {
        from: format!("01.01.{next}"),
        to: format!("31.12.{next}"),
        interval: "weeks:2".to_owned(),
        time: "17:30".to_owned(),
        ..PlanInput::default()
    };
    let body = state
        .db
        .run(move |conn| plan_page(conn, &user, input, &FieldErrors::default(), None))
        .await?;
    Ok(page(StatusCode::OK, body))
}

#[derive(Deserialize)]
pub struct PlanForm {
    #[serde(flatten)]
    input: PlanInput,
    /// `preview` shows the dates; `create` plans them.
    #[serde(default)]
    action: String,
}

/// `POST /secretariat/meetings/plan`: the preview of the dates, or the meetings planned.
pub async fn plan(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    CsrfForm(form): CsrfForm<PlanForm>,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let PlanForm { input, action } = form;
    state
        .db
        .run(move |conn| {
            let actor = user.account.actor();
            let now = Utc::now();
            if action == "create" {
                return match service::meetings::plan_year(conn, &actor, &input, now)? {
                    Ok(made) => Ok(Posted::Done((
                        "/secretariat/meetings".to_owned(),
                        crate::i18n::Msg::key("notice-meetings-planned").num("count", made as u32),
                    ))),
                    Err(errors) => Ok(Posted::Refused(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        plan_page(conn, &user, input, &errors, None)?,
                    )),
                };
            }
            match service::meetings::preview_year(conn, &input, now)? {
                Ok(year) => {
                    let preview = Preview {
                        organization_name: year.organization_name.clone(),
                        meetings: year.meetings(),
                        days: year
                            .days
                            .iter()
                            .map(|d| PreviewDay {
                                date: crate::domain::time::day(lang, d.date),
                                weekday: crate::domain::time::weekday(lang, d.date.weekday()),
                                when: d.starts_at.map(|at| When::new(lang, at)),
                                skipped: d.skipped.clone(),
                            })
                            .collect(),
                    };
                    Ok(Posted::Refused(
                        StatusCode::OK,
                        plan_page(conn, &user, input, &FieldErrors::default(), Some(preview))?,
                    ))
                }
                Err(errors) => Ok(Posted::Refused(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    plan_page(conn, &user, input, &errors, None)?,
                )),
            }
        })
        .await
        .map(|posted| posted.respond(|done| done))
}

// ---------------------------------------------------------------------------------------------
// One meeting changed

#[derive(Serialize)]
struct EditPage {
    id: i64,
    organization_name: String,
    when: When,
    status_label: String,
    released: bool,
    editable: bool,
    form: FormState<MeetingInput>,
    kinds: Vec<Choice>,
}

fn edit_page(
    conn: &mut DbConnection,
    user: &CurrentUser,
    id: MeetingId,
    refused: Option<(MeetingInput, &FieldErrors)>,
) -> AppResult<String> {
    let lang = user.lang;
    let m = meetings::get(conn, id)?
        .ok_or_else(|| AppError::not_found("error-the-meeting-does-not-exist"))?;
    let form = match refused {
        Some((input, errors)) => FormState::new(input, errors),
        None => FormState::blank(service::meetings::edit_input(&m)),
    };
    let view = EditPage {
        id: id.0,
        organization_name: m.organization_name.clone(),
        when: When::new(lang, m.starts_at),
        status_label: m.status.label_at(lang, m.starts_at, chrono::Utc::now()),
        released: m.status.agenda_is_released(),
        editable: service::meetings::editable(&m, Utc::now()),
        kinds: choices(
            MeetingKind::ALL
                .iter()
                .map(|k| (k.as_str().to_owned(), k.label(lang).to_owned())),
            &form.f.kind,
        ),
        form,
    };
    render_page("secretariat/meeting_edit.html", user, &view)
}

/// `GET /secretariat/meetings/{id}/edit`
pub async fn edit_form(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<MeetingId>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let body = state
        .db
        .run(move |conn| edit_page(conn, &user, id, None))
        .await?;
    Ok(page(StatusCode::OK, body))
}

/// `POST /secretariat/meetings/{id}/edit`
pub async fn edit(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<MeetingId>,
    CsrfForm(input): CsrfForm<MeetingInput>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let posted = state
        .db
        .run(move |conn| {
            // The body stays the meeting's own whatever the form says (`update` sees to it).
            let done =
                service::meetings::update(conn, &user.account.actor(), id, &input, Utc::now());
            match done {
                Ok(Ok(())) => Ok(Posted::Done(())),
                Ok(Err(errors)) => Ok(Posted::Refused(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    edit_page(conn, &user, id, Some((input, &errors)))?,
                )),
                Err(err) if err.kind.status() == 409 => {
                    let mut errors = FieldErrors::default();
                    errors.add("date", err.message.clone());
                    Ok(Posted::Refused(
                        StatusCode::CONFLICT,
                        edit_page(conn, &user, id, Some((input, &errors)))?,
                    ))
                }
                Err(err) => Err(err),
            }
        })
        .await?;
    // The public page of a released agenda shows the new time at once.
    state.pages.invalidate(id);
    Ok(posted.respond(|()| (crate::urls::meeting_edit(id), "notice-meeting-changed")))
}
