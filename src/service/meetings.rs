//! Meetings: planning one (checked field by field, so the form can show each error at its
//! field) and who approves a body's minutes.

use chrono::{DateTime, NaiveTime, Utc};
use serde_json::json;

use crate::db::audit::{self, Change, SubjectKind};
use crate::db::{DbConnection, meetings, write_transaction};
use crate::domain::MeetingId;
use crate::domain::account::Actor;
use crate::domain::meeting::MeetingKind;
use crate::domain::minutes::SignerRule;
use crate::domain::proposal::FieldErrors;
use crate::domain::time::local_to_utc;
use crate::error::{AppError, AppResult};

pub const MEETING: SubjectKind = SubjectKind("meeting");

/// The longest location a meeting may have.
pub const LOCATION_MAX_CHARS: usize = 200;

/// The planning form as typed.
#[derive(Debug, Clone, Default)]
pub struct PlanInput {
    pub organization: String,
    pub date: String,
    pub time: String,
    pub location: String,
    pub kind: String,
}

/// Plans a meeting of the council or a committee, in the future; the errors by field when the
/// input does not hold.
pub fn plan(
    conn: &mut DbConnection,
    actor: &Actor,
    input: &PlanInput,
    now: DateTime<Utc>,
) -> AppResult<Result<MeetingId, FieldErrors>> {
    let mut errors = FieldErrors::default();
    let bodies = meetings::planning_organizations(conn)?;
    let organization = input
        .organization
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|id| bodies.iter().find(|(o, _)| o.0 == id).map(|(o, _)| *o));
    if organization.is_none() {
        errors.add("organization", "Vælg kommunalbestyrelsen eller et udvalg.");
    }
    let date = crate::domain::time::parse_date(&input.date);
    if date.is_none() {
        errors.add(
            "date",
            "Skriv en dato, der findes, som DD.MM.ÅÅÅÅ (fx 10.12.2026).",
        );
    }
    let time = NaiveTime::parse_from_str(input.time.trim(), "%H:%M").ok();
    if time.is_none() {
        errors.add("time", "Skriv klokkeslættet som TT:MM (fx 17:30).");
    }
    let location = input
        .location
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if location.is_empty() {
        errors.add("location", "Skriv, hvor mødet holdes.");
    } else if location.chars().count() > LOCATION_MAX_CHARS {
        errors.add(
            "location",
            format!("Stedet er for langt (højst {LOCATION_MAX_CHARS} tegn)."),
        );
    }
    let kind = input.kind.parse::<MeetingKind>().ok();
    if kind.is_none() {
        errors.add("kind", "Vælg ordinært eller ekstraordinært møde.");
    }
    let starts_at = match (date, time) {
        (Some(d), Some(t)) => match local_to_utc(d.and_time(t)) {
            Ok(at) if at <= now => {
                errors.add("date", "Mødet skal ligge i fremtiden.");
                None
            }
            Ok(at) => Some(at),
            Err(e) => {
                errors.add("time", e.to_string());
                None
            }
        },
        _ => None,
    };
    let (Some(organization), Some(starts_at), Some(kind), true) =
        (organization, starts_at, kind, errors.is_empty())
    else {
        return Ok(Err(errors));
    };
    write_transaction(conn, |conn| {
        let id = meetings::insert(
            conn,
            &meetings::NewMeeting {
                organization_id: organization,
                kind,
                starts_at,
                ends_at: None,
                location: &location,
            },
        )?;
        audit::record(
            conn,
            actor,
            Change {
                action: "meeting.planned",
                subject: MEETING.with(id.0),
                before: None,
                after: Some(json!({
                    "organization_id": organization,
                    "starts_at": starts_at.to_rfc3339(),
                    "location": location,
                    "kind": kind.as_str(),
                })),
                note: None,
            },
        )?;
        Ok(Ok(id))
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
        .map_err(|_| AppError::invalid("Vælg, hvem der godkender protokollen."))?;
    let bodies = meetings::meeting_organizations(conn)?;
    let organization = organization
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|id| bodies.iter().find(|(o, _)| o.0 == id).map(|(o, _)| *o))
        .ok_or_else(|| AppError::invalid("Vælg kommunalbestyrelsen eller et udvalg."))?;
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
