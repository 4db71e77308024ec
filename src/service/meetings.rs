//! Meetings: planning one (checked field by field, so the form can show each error at its
//! field) and who approves a body's minutes.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde_json::json;

use crate::db::audit::{self, Change, SubjectKind};
use crate::db::{DbConnection, meetings, organizations as orgs, write_transaction};
use crate::domain::account::Actor;
use crate::domain::meeting::{MeetingKind, MeetingStatus};
use crate::domain::minutes::SignerRule;
use crate::domain::plan::{
    ClosedDaysInput, Plan, PlanInput as YearPlanInput, RulesInput, check_closed_days, check_plan,
    check_rules, plan_dates,
};
use crate::domain::proposal::FieldErrors;
use crate::domain::register::collapse;
use crate::domain::time::local_to_utc;
use crate::domain::{MeetingId, OrganizationId};
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;

pub const MEETING: SubjectKind = SubjectKind("meeting");

/// The longest location a meeting may have.
pub const LOCATION_MAX_CHARS: usize = 200;

/// A meeting as typed (the planning form, the edit form): every field a string, so a refused
/// form comes back as it was.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct PlanInput {
    pub organization: String,
    pub date: String,
    pub time: String,
    pub location: String,
    pub kind: String,
}

/// A meeting's fields once checked.
struct MeetingFields {
    organization: OrganizationId,
    starts_at: DateTime<Utc>,
    location: String,
    kind: MeetingKind,
}

fn check_location(errors: &mut FieldErrors, text: &str) -> String {
    let location = collapse(text);
    if location.is_empty() {
        errors.add("location", "field-write-where-the-meeting-is-held");
    } else if location.chars().count() > LOCATION_MAX_CHARS {
        errors.add(
            "location",
            crate::i18n::Msg::key("field-the-place-is-too-long-at-2")
                .arg("LOCATION_MAX_CHARS", LOCATION_MAX_CHARS),
        );
    }
    location
}

/// Checks a meeting as typed: a council or committee that may plan meetings, a date and time
/// that exist in Copenhagen and lie in the future, a place, a kind.
fn check_meeting(
    conn: &mut DbConnection,
    input: &PlanInput,
    now: DateTime<Utc>,
) -> AppResult<Result<MeetingFields, FieldErrors>> {
    let mut errors = FieldErrors::default();
    let bodies = meetings::planning_organizations(conn)?;
    let organization = input
        .organization
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|id| bodies.iter().find(|(o, _)| o.0 == id).map(|(o, _)| *o));
    if organization.is_none() {
        errors.add("organization", "field-choose-the-municipal-council-or-a");
    }
    let date = crate::domain::time::parse_date(&input.date);
    if date.is_none() {
        errors.add("date", "field-write-a-date-that-exists-as");
    }
    let time = NaiveTime::parse_from_str(input.time.trim(), "%H:%M").ok();
    if time.is_none() {
        errors.add("time", "field-write-the-time-as-hh-mm-2");
    }
    let location = check_location(&mut errors, &input.location);
    let kind = input.kind.parse::<MeetingKind>().ok();
    if kind.is_none() {
        errors.add("kind", "field-choose-ordinary-or-extraordinary-meeting");
    }
    let starts_at = match (date, time) {
        (Some(d), Some(t)) => match local_to_utc(d.and_time(t)) {
            Ok(at) if at <= now => {
                errors.add("date", "field-the-meeting-must-be-in-the");
                None
            }
            Ok(at) => Some(at),
            Err(e) => {
                errors.add("time", e);
                None
            }
        },
        _ => None,
    };
    Ok(match (organization, starts_at, kind) {
        (Some(organization), Some(starts_at), Some(kind)) if errors.is_empty() => {
            Ok(MeetingFields {
                organization,
                starts_at,
                location,
                kind,
            })
        }
        _ => Err(errors),
    })
}

fn insert_planned(
    conn: &mut DbConnection,
    actor: &Actor,
    fields: &MeetingFields,
    note: Option<&str>,
) -> AppResult<MeetingId> {
    let id = meetings::insert(
        conn,
        &meetings::NewMeeting {
            organization_id: fields.organization,
            kind: fields.kind,
            starts_at: fields.starts_at,
            ends_at: None,
            location: &fields.location,
        },
    )?;
    audit::record(
        conn,
        actor,
        Change {
            action: "meeting.planned",
            subject: MEETING.with(id.0),
            before: None,
            after: Some(meeting_json(fields)),
            note,
        },
    )?;
    Ok(id)
}

fn meeting_json(fields: &MeetingFields) -> serde_json::Value {
    json!({
        "organization_id": fields.organization,
        "starts_at": fields.starts_at.to_rfc3339(),
        "location": fields.location,
        "kind": fields.kind.as_str(),
    })
}

/// Plans a meeting of the council or a committee, in the future; the errors by field when the
/// input does not hold.
pub fn plan(
    conn: &mut DbConnection,
    actor: &Actor,
    input: &PlanInput,
    now: DateTime<Utc>,
) -> AppResult<Result<MeetingId, FieldErrors>> {
    let fields = match check_meeting(conn, input, now)? {
        Ok(fields) => fields,
        Err(errors) => return Ok(Err(errors)),
    };
    write_transaction(conn, |conn| {
        insert_planned(conn, actor, &fields, None).map(Ok)
    })
}

/// A meeting's form values as stored, to edit it.
pub fn edit_input(m: &meetings::Meeting) -> PlanInput {
    let at = crate::domain::time::local(m.starts_at);
    PlanInput {
        organization: m.organization_id.to_string(),
        date: crate::domain::time::day_da(at.date_naive()),
        time: at.format("%H:%M").to_string(),
        location: m.location.clone(),
        kind: m.kind.as_str().to_owned(),
    }
}

/// Whether a meeting may still be moved: not held, minutes not published, not cancelled, and
/// not begun.
pub fn editable(m: &meetings::Meeting, now: DateTime<Utc>) -> bool {
    matches!(
        m.status,
        MeetingStatus::Planned | MeetingStatus::AgendaReleased
    ) && m.starts_at > now
}

/// Moves a meeting, or changes its place or kind (its body stays). Refused (409) once the
/// meeting has begun or been held; a released agenda's members are told by the next supplement.
pub fn update(
    conn: &mut DbConnection,
    actor: &Actor,
    id: MeetingId,
    input: &PlanInput,
    now: DateTime<Utc>,
) -> AppResult<Result<(), FieldErrors>> {
    let meeting = meetings::get(conn, id)?
        .ok_or_else(|| AppError::not_found("error-the-meeting-does-not-exist"))?;
    if !editable(&meeting, now) {
        return Err(AppError::conflict("error-the-meeting-has-begun-been-held"));
    }
    let input = PlanInput {
        organization: meeting.organization_id.to_string(),
        ..input.clone()
    };
    let fields = match check_meeting(conn, &input, now)? {
        Ok(fields) => fields,
        Err(errors) => return Ok(Err(errors)),
    };
    write_transaction(conn, |conn| {
        meetings::update_details(conn, id, fields.kind, fields.starts_at, &fields.location)?;
        audit::record(
            conn,
            actor,
            Change {
                action: "meeting.changed",
                subject: MEETING.with(id.0),
                before: Some(json!({
                    "starts_at": meeting.starts_at.to_rfc3339(),
                    "location": meeting.location,
                    "kind": meeting.kind.as_str(),
                })),
                after: Some(meeting_json(&fields)),
                note: None,
            },
        )?;
        Ok(Ok(()))
    })
}

/// One date of a year's plan as the preview shows it: a new meeting, or why there is none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanDay {
    pub date: NaiveDate,
    pub starts_at: Option<DateTime<Utc>>,
    pub skipped: Option<Msg>,
}

/// A year's plan checked against the register, with its dates.
pub struct YearPlan {
    pub organization: OrganizationId,
    pub organization_name: String,
    pub plan: Plan,
    pub days: Vec<PlanDay>,
}

impl YearPlan {
    pub fn meetings(&self) -> usize {
        self.days.iter().filter(|d| d.skipped.is_none()).count()
    }
}

/// The dates a plan gives for a body, as they would be planned now: holidays, the body's
/// closed days, the dates asked to be skipped, past dates and the days the body already meets
/// are left out, each with why. Running the same plan twice therefore plans nothing new.
pub fn preview_year(
    conn: &mut DbConnection,
    input: &YearPlanInput,
    now: DateTime<Utc>,
) -> AppResult<Result<YearPlan, FieldErrors>> {
    let mut plan = match check_plan(input, LOCATION_MAX_CHARS) {
        Ok(plan) => plan,
        Err(errors) => return Ok(Err(errors)),
    };
    plan.location = collapse(&plan.location);
    let bodies = meetings::planning_organizations(conn)?;
    let Some((organization, organization_name)) =
        bodies.into_iter().find(|(o, _)| o.0 == plan.organization)
    else {
        let mut errors = FieldErrors::default();
        errors.add("organization", "field-choose-the-municipal-council-or-a");
        return Ok(Err(errors));
    };
    let closed = orgs::deadline_settings(conn, organization)?.closed;
    let from = local_to_utc(plan.from.and_time(NaiveTime::MIN)).unwrap_or(now);
    let existing: Vec<NaiveDate> =
        meetings::upcoming(conn, organization, from, i64::from(u16::MAX))?
            .into_iter()
            .filter(|m| m.status != MeetingStatus::Cancelled)
            .map(|m| crate::domain::time::local(m.starts_at).date_naive())
            .collect();
    let days = plan_dates(&plan, &closed)
        .into_iter()
        .map(|day| {
            let starts_at = local_to_utc(day.date.and_time(plan.time));
            let skipped = day.skipped.or_else(|| match &starts_at {
                _ if existing.contains(&day.date) => {
                    Some(Msg::key("plan-skipped-already-a-meeting"))
                }
                Ok(at) if *at <= now => Some(Msg::key("plan-skipped-in-the-past")),
                Ok(_) => None,
                Err(e) => Some(Msg::from(e.clone())),
            });
            PlanDay {
                date: day.date,
                starts_at: starts_at.ok().filter(|_| skipped.is_none()),
                skipped,
            }
        })
        .collect();
    Ok(Ok(YearPlan {
        organization,
        organization_name,
        plan,
        days,
    }))
}

/// Plans the meetings of a year's plan in one transaction, each audited as planned; returns
/// how many were made.
pub fn plan_year(
    conn: &mut DbConnection,
    actor: &Actor,
    input: &YearPlanInput,
    now: DateTime<Utc>,
) -> AppResult<Result<usize, FieldErrors>> {
    write_transaction(conn, |conn| {
        let year = match preview_year(conn, input, now)? {
            Ok(year) => year,
            Err(errors) => return Ok(Err(errors)),
        };
        let mut made = 0;
        for day in &year.days {
            if let Some(starts_at) = day.starts_at {
                insert_planned(
                    conn,
                    actor,
                    &MeetingFields {
                        organization: year.organization,
                        starts_at,
                        location: year.plan.location.clone(),
                        kind: MeetingKind::Regular,
                    },
                    Some("audit-note-year-plan"),
                )?;
                made += 1;
            }
        }
        Ok(Ok(made))
    })
}

/// Sets a council's or committee's deadline rules, checked whole.
pub fn set_rules(
    conn: &mut DbConnection,
    actor: &Actor,
    organization: OrganizationId,
    input: &RulesInput,
) -> AppResult<Result<(), FieldErrors>> {
    let (proposal, release) = match check_rules(input) {
        Ok(rules) => rules,
        Err(errors) => return Ok(Err(errors)),
    };
    if !meetings::meeting_organizations(conn)?
        .iter()
        .any(|(o, _)| *o == organization)
    {
        return Err(AppError::not_found("error-the-committee-does-not-exist"));
    }
    write_transaction(conn, |conn| {
        let before = orgs::deadline_settings(conn, organization)?;
        orgs::set_deadline_rules(conn, organization, Some(&proposal), Some(&release))?;
        audit::record(
            conn,
            actor,
            Change {
                action: "organization.deadline_rules",
                subject: SubjectKind("organization").with(organization.0),
                before: Some(json!({
                    "proposal_deadline": before.proposal.to_string(),
                    "agenda_release": before.agenda_release.to_string(),
                })),
                after: Some(json!({
                    "proposal_deadline": proposal.to_string(),
                    "agenda_release": release.to_string(),
                })),
                note: None,
            },
        )?;
        Ok(Ok(()))
    })
}

/// Sets the municipality's closed days beyond the public holidays, checked whole.
pub fn set_closed_days(
    conn: &mut DbConnection,
    actor: &Actor,
    input: &ClosedDaysInput,
) -> AppResult<Result<(), FieldErrors>> {
    let closed = match check_closed_days(input) {
        Ok(closed) => closed,
        Err(errors) => return Ok(Err(errors)),
    };
    write_transaction(conn, |conn| {
        let body = super::register::body(conn)?;
        let before = orgs::closed_days(conn, body)?;
        orgs::set_closed_days(conn, body, &closed)?;
        audit::record(
            conn,
            actor,
            Change {
                action: "body.closed_days",
                subject: super::register::BODY.with(body),
                before: Some(json!(before)),
                after: Some(json!(closed)),
                note: None,
            },
        )?;
        Ok(Ok(()))
    })
}

/// Who approves a council's or committee's minutes from now on (`rule`: a `SignerRule`);
/// minutes already drafted keep their signers.
pub fn set_signers(
    conn: &mut DbConnection,
    actor: &Actor,
    organization: &str,
    rule: &str,
) -> AppResult<()> {
    let rule: SignerRule = rule
        .parse()
        .map_err(|_| AppError::invalid("error-choose-who-approves-the-minutes"))?;
    let bodies = meetings::meeting_organizations(conn)?;
    let organization = organization
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|id| bodies.iter().find(|(o, _)| o.0 == id).map(|(o, _)| *o))
        .ok_or_else(|| AppError::invalid("error-choose-the-municipal-council-or-a"))?;
    write_transaction(conn, |conn| {
        crate::db::minutes::set_signer_rule(conn, organization, rule)?;
        audit::record(
            conn,
            actor,
            Change {
                action: "organization.minutes_signers",
                subject: SubjectKind("organization").with(organization.0),
                before: None,
                after: Some(json!({ "minutes_signers": rule.as_str() })),
                note: None,
            },
        )
    })
}
