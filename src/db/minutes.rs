//! Minutes (beslutningsprotokol) in the database: versions drafted from a meeting's decisions,
//! the signatures they need, and, once every signer has approved, the published version with
//! its PDFs, frozen. A correction is a new version; until it is published the decisions can be
//! corrected and the published version stays what the public reads.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::decisions::{attendance, decision_of};
use super::schema::{meetings, minutes, minutes_documents, minutes_signatures, organizations};
use super::{DbConnection, agenda, meetings as meeting_repo, now, organizations as orgs};
use crate::domain::audience::Audience;
use crate::domain::meeting::MeetingEvent;
use crate::domain::meeting::{AttendanceStatus, MeetingStatus};
use crate::domain::minutes::{
    AttendanceLine, MinutesContent, MinutesItem, Signer, SignerRule, signers,
};
use crate::domain::organization::MembershipRole;
use crate::domain::time::local;
use crate::domain::{MeetingId, MinutesId, UserId};
use crate::error::{AppError, AppResult};

/// One version of a meeting's minutes.
#[derive(Debug, Clone)]
pub struct Minutes {
    pub id: MinutesId,
    pub meeting_id: MeetingId,
    pub version: i32,
    pub content: MinutesContent,
    pub signers: Vec<Signer>,
    pub signatures: Vec<Signature>,
    pub correction_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
}

impl Minutes {
    /// The signers who have not approved yet.
    pub fn missing(&self) -> Vec<&Signer> {
        self.signers
            .iter()
            .filter(|s| !self.signatures.iter().any(|g| g.key == s.key))
            .collect()
    }
}

#[derive(Debug, Clone)]
pub struct Signature {
    pub key: String,
    pub name: String,
    pub signed_at: DateTime<Utc>,
    /// Recorded by the secretariat for the signer (approval given at the meeting or on paper).
    pub on_behalf: bool,
}

type MinutesRow = (
    i64,
    i64,
    i32,
    String,
    String,
    Option<String>,
    NaiveDateTime,
    Option<NaiveDateTime>,
);

fn load(conn: &mut DbConnection, rows: Vec<MinutesRow>) -> AppResult<Vec<Minutes>> {
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let signatures: Vec<(i64, String, String, NaiveDateTime, bool)> = minutes_signatures::table
        .filter(minutes_signatures::minutes_id.eq_any(&ids))
        .select((
            minutes_signatures::minutes_id,
            minutes_signatures::signer_key,
            minutes_signatures::signer_name,
            minutes_signatures::signed_at,
            minutes_signatures::on_behalf,
        ))
        .order(minutes_signatures::signed_at)
        .load(conn)?;
    rows.into_iter()
        .map(
            |(id, meeting, version, content, signers, reason, created, published)| {
                Ok(Minutes {
                    id: MinutesId(id),
                    meeting_id: MeetingId(meeting),
                    version,
                    content: serde_json::from_str(&content).map_err(AppError::internal)?,
                    signers: serde_json::from_str(&signers).map_err(AppError::internal)?,
                    signatures: signatures
                        .iter()
                        .filter(|s| s.0 == id)
                        .map(|(_, key, name, at, on_behalf)| Signature {
                            key: key.clone(),
                            name: name.clone(),
                            signed_at: at.and_utc(),
                            on_behalf: *on_behalf,
                        })
                        .collect(),
                    correction_reason: reason,
                    created_at: created.and_utc(),
                    published_at: published.map(|p| p.and_utc()),
                })
            },
        )
        .collect()
}

/// Every version of a meeting's minutes, newest first.
pub fn versions(conn: &mut DbConnection, meeting: MeetingId) -> AppResult<Vec<Minutes>> {
    let rows: Vec<MinutesRow> = minutes::table
        .filter(minutes::meeting_id.eq(meeting.0))
        .select((
            minutes::id,
            minutes::meeting_id,
            minutes::version,
            minutes::content,
            minutes::signers,
            minutes::correction_reason,
            minutes::created_at,
            minutes::published_at,
        ))
        .order(minutes::version.desc())
        .load(conn)?;
    load(conn, rows)
}

/// The version being approved, if there is one.
pub fn open_draft(conn: &mut DbConnection, meeting: MeetingId) -> AppResult<Option<Minutes>> {
    Ok(versions(conn, meeting)?
        .into_iter()
        .find(|m| m.published_at.is_none()))
}

/// The latest published version: what the public reads.
pub fn published(conn: &mut DbConnection, meeting: MeetingId) -> AppResult<Option<Minutes>> {
    Ok(versions(conn, meeting)?
        .into_iter()
        .find(|m| m.published_at.is_some()))
}

/// The minutes as the meeting's decisions and attendance stand now, and who must sign them.
fn build(
    conn: &mut DbConnection,
    meeting_id: MeetingId,
) -> AppResult<(MinutesContent, Vec<Signer>)> {
    let meeting = meeting_repo::get(conn, meeting_id)?
        .ok_or_else(|| AppError::not_found("error-the-meeting-does-not-exist"))?;
    let agenda = agenda::released(conn, meeting_id, None)?
        .ok_or_else(|| AppError::invalid("error-the-meeting-has-no-released-agenda"))?;
    let day = local(meeting.starts_at).date_naive();
    let members = orgs::members(conn, meeting.organization_id, day)?;
    let recorded = attendance(conn, meeting_id)?;
    let party_of = |person| {
        members
            .iter()
            .find(|m| m.person_id == person)
            .and_then(|m| m.party_short_name.clone())
    };
    let name_of = |person| {
        recorded
            .iter()
            .find(|a| a.person_id == person)
            .map(|a| a.name.clone())
            .or_else(|| {
                members
                    .iter()
                    .find(|m| m.person_id == person)
                    .map(|m| m.name.clone())
            })
    };
    let mut lines: Vec<AttendanceLine> = recorded
        .iter()
        .map(|a| AttendanceLine {
            name: a.name.clone(),
            party: party_of(a.person_id),
            status: a.status,
            substitute_for: a.substitute_for.and_then(name_of),
        })
        .collect();
    // Members without a recorded line are taken as present once any attendance is recorded.
    if !recorded.is_empty() {
        for m in &members {
            if !recorded.iter().any(|a| a.person_id == m.person_id) {
                lines.push(AttendanceLine {
                    name: m.name.clone(),
                    party: m.party_short_name.clone(),
                    status: AttendanceStatus::Present,
                    substitute_for: None,
                });
            }
        }
    }
    lines.sort_by(|a, b| (a.status.as_str(), &a.name).cmp(&(b.status.as_str(), &b.name)));
    let mut items = Vec::new();
    for item in &agenda.snapshot.items {
        let decision = decision_of(conn, item.id)?;
        items.push(MinutesItem {
            number: item.number.clone(),
            title: item.display_title(),
            kind: item.kind,
            public: item.public,
            outcome: decision.as_ref().map(|d| d.decision.outcome),
            text: decision.as_ref().map(|d| d.text.clone()),
            statements: decision.map(|d| d.decision.statements).unwrap_or_default(),
        });
    }
    let content = MinutesContent {
        organization_name: meeting.organization_name.clone(),
        starts_at: meeting.starts_at,
        location: meeting.location.clone(),
        attendance: lines,
        items,
    };
    let rule: String = organizations::table
        .find(meeting.organization_id.0)
        .select(organizations::minutes_signers)
        .first(conn)?;
    let rule: SignerRule = rule.parse().map_err(AppError::internal)?;
    let chair = members.iter().find(|m| m.role == MembershipRole::Chair);
    // Who took part: members not recorded absent, and substitutes.
    let participants: Vec<(crate::domain::PersonId, &str)> = if recorded.is_empty() {
        Vec::new()
    } else {
        let mut out: Vec<(crate::domain::PersonId, &str)> = members
            .iter()
            .filter(|m| {
                !recorded
                    .iter()
                    .any(|a| a.person_id == m.person_id && a.status == AttendanceStatus::Absent)
            })
            .map(|m| (m.person_id, m.name.as_str()))
            .collect();
        out.extend(
            recorded
                .iter()
                .filter(|a| a.status == AttendanceStatus::Substitute)
                .map(|a| (a.person_id, a.name.as_str())),
        );
        out
    };
    let signers = signers(
        rule,
        chair.map(|c| (c.person_id, c.name.as_str())),
        &participants,
    )
    .map_err(AppError::invalid)?;
    Ok((content, signers))
}

/// Drafts the next version of a meeting's minutes from its decisions. A version after a
/// published one is a correction and needs its reason; while it is open the decisions can be
/// corrected again.
pub fn draft(
    conn: &mut DbConnection,
    meeting_id: MeetingId,
    reason: Option<&str>,
    by: Option<UserId>,
) -> AppResult<Minutes> {
    let meeting = meeting_repo::get(conn, meeting_id)?
        .ok_or_else(|| AppError::not_found("error-the-meeting-does-not-exist"))?;
    if !matches!(
        meeting.status,
        MeetingStatus::Held | MeetingStatus::MinutesPublished
    ) {
        return Err(AppError::invalid("error-the-minutes-are-written-when-the"));
    }
    let all = versions(conn, meeting_id)?;
    if all.iter().any(|m| m.published_at.is_none()) {
        return Err(AppError::conflict("error-there-is-already-a-draft-of"));
    }
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    let version = all.first().map_or(1, |m| m.version + 1);
    if version > 1 && reason.is_none() {
        return Err(AppError::invalid("error-write-what-is-being-corrected-it"));
    }
    let (content, signers) = build(conn, meeting_id)?;
    if let Some(item) = content.undecided().first() {
        return Err(AppError::invalid(
            crate::i18n::Msg::key("error-item-has-no-recorded-decision-yet")
                .arg("number", &item.number)
                .arg("title", &item.title),
        ));
    }
    diesel::insert_into(minutes::table)
        .values((
            minutes::meeting_id.eq(meeting_id.0),
            minutes::version.eq(version),
            minutes::content.eq(serde_json::to_string(&content).map_err(AppError::internal)?),
            minutes::signers.eq(serde_json::to_string(&signers).map_err(AppError::internal)?),
            minutes::correction_reason.eq(if version > 1 { reason } else { None }),
            minutes::created_by.eq(by.map(|u| u.0)),
            minutes::created_at.eq(now()),
        ))
        .execute(conn)?;
    // A correction reopens the decisions until it is published.
    if meeting.status == MeetingStatus::MinutesPublished {
        meeting_repo::apply(conn, meeting_id, MeetingEvent::CorrectMinutes)?;
    }
    open_draft(conn, meeting_id)?
        .ok_or_else(|| AppError::internal("the draft just made is missing"))
}

/// A decision changed while a draft waits: the draft is written again from the decisions, and
/// any approvals of the old text are withdrawn. Returns whether there was a draft.
pub fn refresh_open_draft(conn: &mut DbConnection, meeting_id: MeetingId) -> AppResult<bool> {
    let Some(open) = open_draft(conn, meeting_id)? else {
        return Ok(false);
    };
    let (content, signers) = build(conn, meeting_id)?;
    diesel::update(minutes::table.find(open.id.0))
        .set((
            minutes::content.eq(serde_json::to_string(&content).map_err(AppError::internal)?),
            minutes::signers.eq(serde_json::to_string(&signers).map_err(AppError::internal)?),
        ))
        .execute(conn)?;
    diesel::delete(minutes_signatures::table.filter(minutes_signatures::minutes_id.eq(open.id.0)))
        .execute(conn)?;
    Ok(true)
}

/// What a signature did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signed {
    /// More signatures are needed.
    Waiting { missing: usize },
    /// That was the last: the minutes (this version) are approved and published; their
    /// documents are stored next (`store_document`).
    Published { minutes_id: MinutesId },
}

/// Records `signer`'s approval of the open draft; the last one publishes it: the meeting's
/// minutes are then frozen (the caller stores their PDFs in the same transaction).
pub fn sign(
    conn: &mut DbConnection,
    meeting_id: MeetingId,
    signer_key: &str,
    recorded_by: Option<UserId>,
    on_behalf: bool,
) -> AppResult<Signed> {
    let open = open_draft(conn, meeting_id)?
        .ok_or_else(|| AppError::conflict("error-there-are-no-minutes-waiting-for"))?;
    let signer = open
        .signers
        .iter()
        .find(|s| s.key == signer_key)
        .ok_or_else(|| AppError::forbidden("error-you-are-not-among-those-who"))?;
    if open.signatures.iter().any(|s| s.key == signer_key) {
        return Err(AppError::conflict(
            crate::i18n::Msg::key("error-has-already-approved-the-minutes")
                .arg("name", &signer.name),
        ));
    }
    diesel::insert_into(minutes_signatures::table)
        .values((
            minutes_signatures::minutes_id.eq(open.id.0),
            minutes_signatures::signer_key.eq(signer_key),
            minutes_signatures::signer_name.eq(&signer.name),
            minutes_signatures::signed_at.eq(now()),
            minutes_signatures::recorded_by.eq(recorded_by.map(|u| u.0)),
            minutes_signatures::on_behalf.eq(on_behalf),
        ))
        .execute(conn)?;
    let missing = open.missing().len() - 1;
    if missing > 0 {
        return Ok(Signed::Waiting { missing });
    }
    let published = now();
    diesel::update(minutes::table.find(open.id.0))
        .set(minutes::published_at.eq(published))
        .execute(conn)?;
    meeting_repo::apply(conn, meeting_id, MeetingEvent::PublishMinutes)?;
    super::search::refresh_meeting(conn, meeting_id)?;
    Ok(Signed::Published {
        minutes_id: open.id,
    })
}

/// One version of a meeting's minutes, by its id.
pub fn version_by_id(conn: &mut DbConnection, id: MinutesId) -> AppResult<Minutes> {
    let meeting: i64 = minutes::table
        .find(id.0)
        .select(minutes::meeting_id)
        .first(conn)?;
    versions(conn, MeetingId(meeting))?
        .into_iter()
        .find(|m| m.id == id)
        .ok_or_else(|| AppError::internal("minutes just signed are missing"))
}

/// Stores a published version's PDF for `audience`.
pub fn store_document(
    conn: &mut DbConnection,
    minutes_id: MinutesId,
    audience: Audience,
    pdf: &[u8],
) -> AppResult<()> {
    diesel::insert_into(minutes_documents::table)
        .values((
            minutes_documents::minutes_id.eq(minutes_id.0),
            minutes_documents::audience.eq(audience.as_str()),
            minutes_documents::content.eq(pdf),
        ))
        .execute(conn)?;
    Ok(())
}

/// A published version's PDF for `audience`.
pub fn document(
    conn: &mut DbConnection,
    minutes_id: MinutesId,
    audience: Audience,
) -> AppResult<Option<Vec<u8>>> {
    Ok(minutes_documents::table
        .filter(minutes_documents::minutes_id.eq(minutes_id.0))
        .filter(minutes_documents::audience.eq(audience.as_str()))
        .select(minutes_documents::content)
        .first(conn)
        .optional()?)
}

/// Published minutes of an organization's meetings, newest first, for its Atom feed:
/// (meeting, version, published at).
pub fn published_of_organization(
    conn: &mut DbConnection,
    organization: crate::domain::OrganizationId,
    limit: i64,
) -> AppResult<Vec<(MeetingId, i32, DateTime<Utc>)>> {
    let rows: Vec<(i64, i32, Option<NaiveDateTime>)> = minutes::table
        .inner_join(meetings::table)
        .filter(meetings::organization_id.eq(organization.0))
        .filter(minutes::published_at.is_not_null())
        .select((minutes::meeting_id, minutes::version, minutes::published_at))
        .order(minutes::published_at.desc())
        .limit(limit)
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(m, v, at)| at.map(|at| (MeetingId(m), v, at.and_utc())))
        .collect())
}

/// Each council's and committee's rule for who approves its minutes.
pub fn signer_rules(
    conn: &mut DbConnection,
) -> AppResult<Vec<(crate::domain::OrganizationId, SignerRule)>> {
    let rows: Vec<(i64, String)> = organizations::table
        .select((organizations::id, organizations::minutes_signers))
        .load(conn)?;
    rows.into_iter()
        .map(|(id, rule)| {
            Ok((
                crate::domain::OrganizationId(id),
                rule.parse().map_err(AppError::internal)?,
            ))
        })
        .collect()
}

/// The body's rule for who approves minutes.
pub fn set_signer_rule(
    conn: &mut DbConnection,
    organization: crate::domain::OrganizationId,
    rule: SignerRule,
) -> AppResult<()> {
    diesel::update(organizations::table.find(organization.0))
        .set(organizations::minutes_signers.eq(rule.as_str()))
        .execute(conn)?;
    Ok(())
}
