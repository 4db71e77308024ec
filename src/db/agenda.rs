//! The working agenda of a meeting and its released, frozen versions.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::schema::{
    agenda_attachments, agenda_documents, agenda_items, agenda_version_items, agenda_versions,
    meetings, organizations, proposals as proposals_table, users,
};
use super::{DbConnection, cases, meetings as meeting_repo, now, organizations as orgs, proposals};
use crate::domain::agenda::{
    AgendaItemKind, AgendaSnapshot, Placed, ReleasedAgenda, Section, SnapshotAttachment,
    SnapshotItem, SnapshotMeeting, SnapshotProposal, changes as agenda_changes, check_items,
    normalize,
};
use crate::domain::audience::Audience;
use crate::domain::language::Lang;
use crate::domain::meeting::MeetingEvent;
use crate::domain::meeting::MeetingStatus;
use crate::domain::proposal::ProposalStatus;
use crate::domain::proposal::Transition;
use crate::domain::{
    AgendaItemId, AttachmentId, CaseId, MeetingId, OrganizationId, ProposalId, UserId,
};
use crate::error::{AppError, AppResult};

pub struct NewAgendaItem<'a> {
    pub meeting_id: MeetingId,
    /// A number typed in by the secretariat ("3a"); `None` numbers the item by its place.
    pub number: Option<&'a str>,
    pub title: &'a str,
    pub kind: AgendaItemKind,
    pub public: bool,
    pub proposal_id: Option<ProposalId>,
    pub case_id: Option<CaseId>,
    pub body: Option<&'a str>,
    pub sections: &'a [Section],
    pub source_organization_id: Option<OrganizationId>,
}

impl<'a> NewAgendaItem<'a> {
    /// An item with a title only, numbered by its place; set the other fields as needed.
    pub fn plain(
        meeting_id: MeetingId,
        title: &'a str,
        kind: AgendaItemKind,
        public: bool,
    ) -> Self {
        Self {
            meeting_id,
            number: None,
            title,
            kind,
            public,
            proposal_id: None,
            case_id: None,
            body: None,
            sections: &[],
            source_organization_id: None,
        }
    }
}

/// Adds an item to the working agenda: at the end of its group (the approval of the agenda
/// first, open items, closed items last), numbered by its place unless a number is given.
pub fn append_item(conn: &mut DbConnection, new: &NewAgendaItem) -> AppResult<AgendaItemId> {
    let last: Option<i32> = agenda_items::table
        .filter(agenda_items::meeting_id.eq(new.meeting_id.0))
        .select(diesel::dsl::max(agenda_items::position))
        .first(conn)?;
    let at = now();
    let sections = sections_json(new.sections)?;
    let id = diesel::insert_into(agenda_items::table)
        .values((
            agenda_items::meeting_id.eq(new.meeting_id.0),
            agenda_items::position.eq(last.unwrap_or(0) + 1),
            agenda_items::number.eq(new.number.unwrap_or("")),
            agenda_items::custom_number.eq(new.number.is_some()),
            agenda_items::title.eq(new.title),
            agenda_items::kind.eq(new.kind.as_str()),
            agenda_items::public.eq(new.public),
            agenda_items::proposal_id.eq(new.proposal_id.map(|p| p.0)),
            agenda_items::case_id.eq(new.case_id.map(|c| c.0)),
            agenda_items::body.eq(new.body),
            agenda_items::sections.eq(sections),
            agenda_items::source_organization_id.eq(new.source_organization_id.map(|o| o.0)),
            agenda_items::created_at.eq(at),
            agenda_items::updated_at.eq(at),
        ))
        .returning(agenda_items::id)
        .get_result(conn)?;
    reorder(conn, new.meeting_id, |_| true)?;
    Ok(AgendaItemId(id))
}

fn sections_json(sections: &[Section]) -> AppResult<Option<String>> {
    if sections.is_empty() {
        return Ok(None);
    }
    serde_json::to_string(sections)
        .map(Some)
        .map_err(AppError::internal)
}

fn parse_sections(text: Option<&str>) -> AppResult<Vec<Section>> {
    match text {
        Some(t) => serde_json::from_str(t).map_err(AppError::internal),
        None => Ok(Vec::new()),
    }
}

/// An item of the working agenda, as the secretariat edits it.
#[derive(Debug, Clone)]
pub struct WorkingItem {
    pub id: AgendaItemId,
    pub number: String,
    pub custom_number: bool,
    pub title: String,
    pub kind: AgendaItemKind,
    pub public: bool,
    pub proposal_id: Option<ProposalId>,
    pub case_id: Option<CaseId>,
    pub body: Option<String>,
    pub sections: Vec<Section>,
    pub source: Option<(OrganizationId, String)>,
}

type WorkingRow = (
    i64,
    String,
    bool,
    String,
    String,
    bool,
    Option<i64>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<String>,
);

/// The working agenda in its order.
pub fn working_items(
    conn: &mut DbConnection,
    meeting_id: MeetingId,
) -> AppResult<Vec<WorkingItem>> {
    let rows: Vec<WorkingRow> = agenda_items::table
        .left_join(
            organizations::table
                .on(agenda_items::source_organization_id.eq(organizations::id.nullable())),
        )
        .filter(agenda_items::meeting_id.eq(meeting_id.0))
        .order((agenda_items::position, agenda_items::id))
        .select((
            agenda_items::id,
            agenda_items::number,
            agenda_items::custom_number,
            agenda_items::title,
            agenda_items::kind,
            agenda_items::public,
            agenda_items::proposal_id,
            agenda_items::case_id,
            agenda_items::body,
            agenda_items::sections,
            agenda_items::source_organization_id,
            organizations::name.nullable(),
        ))
        .load(conn)?;
    rows.into_iter()
        .map(
            |(
                id,
                number,
                custom_number,
                title,
                kind,
                public,
                proposal,
                case,
                body,
                sections,
                source,
                source_name,
            )| {
                Ok(WorkingItem {
                    id: AgendaItemId(id),
                    number,
                    custom_number,
                    title,
                    kind: kind.parse().map_err(AppError::internal)?,
                    public,
                    proposal_id: proposal.map(ProposalId),
                    case_id: case.map(CaseId),
                    body,
                    sections: parse_sections(sections.as_deref())?,
                    source: source
                        .zip(source_name)
                        .map(|(id, name)| (OrganizationId(id), name)),
                })
            },
        )
        .collect()
}

/// Takes the agenda for one change: refused when someone else changed it since `expected` was
/// read. Every change of the working agenda goes through here, so two people editing the same
/// agenda cannot overwrite each other.
pub fn take_lock(conn: &mut DbConnection, meeting_id: MeetingId, expected: i32) -> AppResult<()> {
    let updated = diesel::update(
        meetings::table
            .filter(meetings::id.eq(meeting_id.0))
            .filter(meetings::lock_version.eq(expected)),
    )
    .set(meetings::lock_version.eq(meetings::lock_version + 1))
    .execute(conn)?;
    if updated == 1 {
        return Ok(());
    }
    let exists: i64 = meetings::table
        .filter(meetings::id.eq(meeting_id.0))
        .count()
        .get_result(conn)?;
    if exists == 0 {
        return Err(AppError::not_found("error-the-meeting-does-not-exist"));
    }
    Err(AppError::conflict("error-the-agenda-has-been-changed-by"))
}

/// Refuses changes to the agenda of a meeting that has begun or is cancelled.
pub fn check_editable(conn: &mut DbConnection, meeting_id: MeetingId) -> AppResult<()> {
    let meeting = meeting_repo::get(conn, meeting_id)?
        .ok_or_else(|| AppError::not_found("error-the-meeting-does-not-exist"))?;
    if meeting.status == MeetingStatus::Cancelled {
        return Err(AppError::invalid(
            "error-the-meeting-is-cancelled-the-agenda",
        ));
    }
    if meeting.starts_at <= Utc::now() {
        return Err(AppError::invalid("error-the-meeting-has-begun-or-been"));
    }
    Ok(())
}

/// Applies `change` to the order of the working agenda, then puts every item in its group and
/// numbers it (see `domain::agenda::normalize`). Returns what `change` returned.
pub fn reorder(
    conn: &mut DbConnection,
    meeting_id: MeetingId,
    change: impl FnOnce(&mut Vec<Placed>) -> bool,
) -> AppResult<bool> {
    let items = working_items(conn, meeting_id)?;
    let mut placed: Vec<Placed> = items
        .iter()
        .map(|i| Placed {
            id: i.id,
            kind: i.kind,
            public: i.public,
            number: i.number.clone(),
            custom_number: i.custom_number,
        })
        .collect();
    let changed = change(&mut placed);
    normalize(&mut placed);
    for (index, item) in placed.iter().enumerate() {
        let position = index as i32 + 1;
        let before = items.iter().position(|i| i.id == item.id);
        let same = before.is_some_and(|b| b == index && items[b].number == item.number);
        if !same {
            diesel::update(agenda_items::table.find(item.id.0))
                .set((
                    agenda_items::position.eq(position),
                    agenda_items::number.eq(&item.number),
                ))
                .execute(conn)?;
        }
    }
    Ok(changed)
}

/// What the secretariat may change on an item.
pub struct ItemChange<'a> {
    pub title: &'a str,
    pub public: bool,
    pub number: Option<&'a str>,
    pub body: Option<&'a str>,
    pub sections: &'a [Section],
    pub source_organization_id: Option<OrganizationId>,
}

fn item_of_meeting(
    conn: &mut DbConnection,
    meeting_id: MeetingId,
    item: AgendaItemId,
) -> AppResult<WorkingItem> {
    working_items(conn, meeting_id)?
        .into_iter()
        .find(|i| i.id == item)
        .ok_or_else(|| AppError::not_found("error-the-item-is-not-on-the"))
}

pub fn update_item(
    conn: &mut DbConnection,
    meeting_id: MeetingId,
    item: AgendaItemId,
    change: &ItemChange,
) -> AppResult<()> {
    item_of_meeting(conn, meeting_id, item)?;
    diesel::update(agenda_items::table.find(item.0))
        .set((
            agenda_items::title.eq(change.title),
            agenda_items::public.eq(change.public),
            agenda_items::number.eq(change.number.unwrap_or("")),
            agenda_items::custom_number.eq(change.number.is_some()),
            agenda_items::body.eq(change.body),
            agenda_items::sections.eq(sections_json(change.sections)?),
            agenda_items::source_organization_id.eq(change.source_organization_id.map(|o| o.0)),
            agenda_items::updated_at.eq(now()),
        ))
        .execute(conn)?;
    reorder(conn, meeting_id, |_| true)?;
    Ok(())
}

/// Opens or closes an item; a closed item moves behind the open ones.
pub fn set_public(
    conn: &mut DbConnection,
    meeting_id: MeetingId,
    item: AgendaItemId,
    public: bool,
) -> AppResult<()> {
    let current = item_of_meeting(conn, meeting_id, item)?;
    if current.kind == AgendaItemKind::ApprovalOfAgenda && !public {
        return Err(AppError::invalid("error-the-approval-of-the-agenda-is"));
    }
    diesel::update(agenda_items::table.find(item.0))
        .set((
            agenda_items::public.eq(public),
            agenda_items::updated_at.eq(now()),
        ))
        .execute(conn)?;
    reorder(conn, meeting_id, |_| true)?;
    Ok(())
}

/// Takes an item off the working agenda. Its files stay for the versions released with them.
pub fn delete_item(
    conn: &mut DbConnection,
    meeting_id: MeetingId,
    item: AgendaItemId,
) -> AppResult<WorkingItem> {
    let current = item_of_meeting(conn, meeting_id, item)?;
    diesel::update(agenda_attachments::table.filter(agenda_attachments::agenda_item_id.eq(item.0)))
        .set(agenda_attachments::agenda_item_id.eq(None::<i64>))
        .execute(conn)?;
    diesel::delete(agenda_items::table.find(item.0)).execute(conn)?;
    reorder(conn, meeting_id, |_| true)?;
    Ok(current)
}

/// Puts an accepted proposal of the meeting's council or committee on its working agenda.
pub fn add_proposal(
    conn: &mut DbConnection,
    meeting_id: MeetingId,
    proposal_id: ProposalId,
) -> AppResult<AgendaItemId> {
    let meeting = meeting_repo::get(conn, meeting_id)?
        .ok_or_else(|| AppError::not_found("error-the-meeting-does-not-exist"))?;
    let proposal = proposals::get(conn, proposal_id)?
        .ok_or_else(|| AppError::not_found("error-the-proposal-does-not-exist"))?;
    if proposal.organization_id != meeting.organization_id {
        return Err(AppError::invalid(
            crate::i18n::Msg::key("error-the-proposal-is-for-not-for")
                .arg("organization_name", &proposal.organization_name)
                .arg("organization_name1", &meeting.organization_name),
        ));
    }
    if proposal.status != ProposalStatus::Accepted {
        return Err(AppError::invalid(
            crate::i18n::Msg::key("error-only-accepted-proposals-can-be-put")
                .label("arg0", proposal.status.label_key()),
        ));
    }
    if let Some(other) = working_agenda_of(conn, proposal_id)? {
        return Err(AppError::invalid(if other == meeting_id {
            "error-the-proposal-is-already-on-the-agenda"
        } else {
            "error-the-proposal-is-on-another-agenda"
        }));
    }
    append_item(
        conn,
        &NewAgendaItem {
            proposal_id: Some(proposal_id),
            ..NewAgendaItem::plain(
                meeting_id,
                &proposal.title,
                AgendaItemKind::MemberProposal,
                true,
            )
        },
    )
}

const OPEN_MEETINGS: [&str; 2] = ["planned", "agenda_released"];

/// The meeting on whose working agenda (not yet held) a proposal stands.
fn working_agenda_of(
    conn: &mut DbConnection,
    proposal_id: ProposalId,
) -> AppResult<Option<MeetingId>> {
    Ok(agenda_items::table
        .inner_join(meetings::table)
        .filter(agenda_items::proposal_id.eq(proposal_id.0))
        .filter(meetings::status.eq_any(OPEN_MEETINGS))
        .select(meetings::id)
        .first::<i64>(conn)
        .optional()?
        .map(MeetingId))
}

/// An accepted proposal waiting for an agenda.
#[derive(Debug, Clone)]
pub struct Offer {
    pub proposal_id: ProposalId,
    pub title: String,
    pub late: bool,
    /// The meeting the proposal was submitted for, if any.
    pub target: Option<MeetingId>,
    pub submitted_at: Option<DateTime<Utc>>,
}

/// The accepted proposals of the meeting's council or committee that are on no agenda yet: those
/// submitted in time for this meeting first, then the rest by submission.
pub fn offered_proposals(conn: &mut DbConnection, meeting_id: MeetingId) -> AppResult<Vec<Offer>> {
    let meeting = meeting_repo::get(conn, meeting_id)?
        .ok_or_else(|| AppError::not_found("error-the-meeting-does-not-exist"))?;
    let placed = agenda_items::table
        .inner_join(meetings::table)
        .filter(meetings::status.eq_any(OPEN_MEETINGS))
        .filter(agenda_items::proposal_id.is_not_null())
        .select(agenda_items::proposal_id.assume_not_null());
    type OfferRow = (i64, String, bool, Option<i64>, Option<NaiveDateTime>);
    let rows: Vec<OfferRow> = proposals_table::table
        .filter(proposals_table::organization_id.eq(meeting.organization_id.0))
        .filter(proposals_table::status.eq(ProposalStatus::Accepted.as_str()))
        .filter(proposals_table::id.ne_all(placed))
        .order((proposals_table::submitted_at, proposals_table::id))
        .select((
            proposals_table::id,
            proposals_table::title,
            proposals_table::late,
            proposals_table::target_meeting_id,
            proposals_table::submitted_at,
        ))
        .load(conn)?;
    let mut offers: Vec<Offer> = rows
        .into_iter()
        .map(|(id, title, late, target, submitted_at)| Offer {
            proposal_id: ProposalId(id),
            title,
            late,
            target: target.map(MeetingId),
            submitted_at: submitted_at.map(|t| t.and_utc()),
        })
        .collect();
    // Timely for this meeting first (false sorts first).
    offers.sort_by_key(|o| o.target != Some(meeting_id) || o.late);
    Ok(offers)
}

/// Freezes what the working agenda shows now: the items in order with the text of their
/// proposals, their case references, sections, source and files.
pub fn build_snapshot(conn: &mut DbConnection, meeting_id: MeetingId) -> AppResult<AgendaSnapshot> {
    let meeting = meeting_repo::get(conn, meeting_id)?
        .ok_or_else(|| AppError::not_found("error-the-meeting-does-not-exist"))?;
    let mut files = attachments_of_meeting(conn, meeting_id)?;
    // The agenda is the council's document, in its language.
    let lang = super::municipality::language(conn)?;
    let mut items = Vec::new();
    for item in working_items(conn, meeting_id)? {
        let mut case_references = Vec::new();
        let proposal = match item.proposal_id {
            Some(pid) => {
                let p = proposals::get(conn, pid)?
                    .ok_or_else(|| AppError::internal(MissingRow("proposal", pid.0)))?;
                case_references.extend(p.cases.iter().copied());
                Some(SnapshotProposal {
                    id: p.id,
                    opening: p.opening.clone(),
                    clauses: p.clauses.clone(),
                    submitted_by: p.submitted_by(lang),
                    motivation: p.motivation.clone(),
                })
            }
            None => None,
        };
        if let Some(cid) = item.case_id {
            let reference = cases::reference_of(conn, cid)?;
            if !case_references.contains(&reference) {
                case_references.push(reference);
            }
        }
        items.push(SnapshotItem {
            id: item.id,
            number: item.number,
            title: item.title,
            kind: item.kind,
            public: item.public,
            case_references,
            proposal,
            body: item.body.filter(|b| !b.trim().is_empty()),
            sections: item.sections,
            source: item.source.map(|(_, name)| name),
            attachments: files.remove(&item.id.0).unwrap_or_default(),
        });
    }
    Ok(AgendaSnapshot {
        meeting: SnapshotMeeting {
            id: meeting.id,
            organization_id: meeting.organization_id,
            organization_name: meeting.organization_name,
            kind: meeting.kind,
            starts_at: meeting.starts_at,
            location: meeting.location,
        },
        items,
    })
}

/// The files on the items of a meeting's working agenda, by item, oldest first.
fn attachments_of_meeting(
    conn: &mut DbConnection,
    meeting_id: MeetingId,
) -> AppResult<HashMap<i64, Vec<SnapshotAttachment>>> {
    let rows: Vec<(i64, Option<i64>, String, String, i64, bool)> = agenda_attachments::table
        .filter(agenda_attachments::meeting_id.eq(meeting_id.0))
        .filter(agenda_attachments::agenda_item_id.is_not_null())
        .order(agenda_attachments::id)
        .select((
            agenda_attachments::id,
            agenda_attachments::agenda_item_id,
            agenda_attachments::filename,
            agenda_attachments::content_type,
            agenda_attachments::size,
            agenda_attachments::public,
        ))
        .load(conn)?;
    let mut out: HashMap<i64, Vec<SnapshotAttachment>> = HashMap::new();
    for (id, item, filename, content_type, size, public) in rows {
        if let Some(item) = item {
            out.entry(item).or_default().push(SnapshotAttachment {
                id: AttachmentId(id),
                filename,
                content_type,
                size,
                public,
            });
        }
    }
    Ok(out)
}

#[derive(Debug)]
struct MissingRow(&'static str, i64);

impl std::fmt::Display for MissingRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} referred to but missing", self.0, self.1)
    }
}

impl std::error::Error for MissingRow {}

/// What a release needs besides the working agenda.
pub struct ReleaseRequest<'a> {
    pub meeting_id: MeetingId,
    pub released_at: DateTime<Utc>,
    pub released_by: Option<UserId>,
    /// Required when the release is after the body's release deadline.
    pub late_reason: Option<&'a str>,
    /// The agenda as the secretariat saw it (`meetings.lock_version`); `None` skips the check.
    pub expected_lock: Option<i32>,
}

/// A version just released, for what follows in the same transaction (mail, audit).
#[derive(Debug, Clone)]
pub struct Released {
    pub version_id: i64,
    pub version: u32,
    pub snapshot: AgendaSnapshot,
    /// What changed, for members and the secretariat.
    pub changes: Vec<String>,
    /// What changed as the public sees it: from the public views of both versions.
    pub public_changes: Vec<String>,
    pub late: bool,
}

/// A release checked and computed, not yet written: the snapshot of the working agenda, its
/// version number and the lists of changes. The caller renders the documents from it and
/// passes them to `record_release` in the same transaction.
#[derive(Debug, Clone)]
pub struct PreparedRelease {
    pub meeting_id: MeetingId,
    pub version: u32,
    pub snapshot: AgendaSnapshot,
    pub changes: Vec<String>,
    pub public_changes: Vec<String>,
    pub late: bool,
    late_reason: Option<String>,
    released_at: DateTime<Utc>,
    released_by: Option<UserId>,
    previous: Option<AgendaSnapshot>,
}

/// Checks that the working agenda can be released now (lock, meeting not cancelled or begun,
/// items complete, a reason when late, something changed since the last version) and computes
/// the version to release. Runs inside the caller's write transaction.
pub fn prepare_release(
    conn: &mut DbConnection,
    request: &ReleaseRequest,
) -> AppResult<PreparedRelease> {
    {
        let meeting_id = request.meeting_id;
        let meeting = meeting_repo::get(conn, meeting_id)?
            .ok_or_else(|| AppError::not_found("error-the-meeting-does-not-exist"))?;
        if let Some(expected) = request.expected_lock {
            take_lock(conn, meeting_id, expected)?;
        }
        if meeting.status == MeetingStatus::Cancelled {
            return Err(AppError::invalid(
                "error-the-meeting-is-cancelled-its-agenda",
            ));
        }
        if meeting.starts_at <= request.released_at {
            return Err(AppError::invalid("error-the-meeting-has-begun-or-been-2"));
        }
        let snapshot = build_snapshot(conn, meeting_id)?;
        check_items(&snapshot.items).map_err(AppError::invalid)?;
        let settings = orgs::deadline_settings(conn, meeting.organization_id)?;
        let deadline = settings
            .agenda_release
            .deadline(meeting.starts_at, &settings.closed);
        let late = request.released_at > deadline;
        let late_reason = request.late_reason.map(str::trim).filter(|r| !r.is_empty());
        if late && late_reason.is_none() {
            return Err(AppError::invalid(
                crate::i18n::Msg::key("error-the-deadline-for-releasing-the-agenda")
                    .datetime("arg0", deadline),
            ));
        }
        let previous = released(conn, meeting_id, None)?;
        let version = previous.as_ref().map_or(1, |p| p.version + 1);
        let (changes, public_changes) = match &previous {
            Some(p) => {
                let lang = super::municipality::language(conn)?;
                let changes = agenda_changes(lang, &p.snapshot, &snapshot);
                if changes.is_empty() {
                    return Err(AppError::invalid(
                        crate::i18n::Msg::key("error-nothing-has-changed-since-version-there")
                            .arg("version", p.version),
                    ));
                }
                (changes, public_changes(lang, &p.snapshot, &snapshot))
            }
            None => (Vec::new(), Vec::new()),
        };
        Ok(PreparedRelease {
            meeting_id,
            version,
            snapshot,
            changes,
            public_changes,
            late,
            late_reason: late_reason.map(str::to_owned),
            released_at: request.released_at,
            released_by: request.released_by,
            previous: previous.map(|p| p.snapshot),
        })
    }
}

/// Writes a prepared release with its rendered documents (one per audience): the version, its
/// items, the meeting's status and its proposals' statuses. Runs inside the caller's write
/// transaction, the one `prepare_release` ran in.
pub fn record_release(
    conn: &mut DbConnection,
    prepared: PreparedRelease,
    documents: Vec<(Audience, Vec<u8>)>,
) -> AppResult<Released> {
    let PreparedRelease {
        meeting_id,
        version,
        snapshot,
        changes,
        public_changes,
        late,
        late_reason,
        released_at,
        released_by,
        previous,
    } = prepared;
    {
        let json = serde_json::to_string(&snapshot).map_err(AppError::internal)?;
        let changes_json = serde_json::to_string(&changes).map_err(AppError::internal)?;
        let public_changes_json =
            serde_json::to_string(&public_changes).map_err(AppError::internal)?;
        let version_id: i64 = diesel::insert_into(agenda_versions::table)
            .values((
                agenda_versions::meeting_id.eq(meeting_id.0),
                agenda_versions::version.eq(version as i32),
                agenda_versions::released_at.eq(released_at.naive_utc()),
                agenda_versions::late_reason.eq(late_reason),
                agenda_versions::snapshot.eq(json),
                agenda_versions::changes.eq(changes_json),
                agenda_versions::public_changes.eq(public_changes_json),
                agenda_versions::released_by.eq(released_by.map(|u| u.0)),
            ))
            .returning(agenda_versions::id)
            .get_result(conn)?;
        // Each version changes the public meeting (OParl's `modified` among others).
        diesel::update(meetings::table.find(meeting_id.0))
            .set(meetings::updated_at.eq(released_at.naive_utc()))
            .execute(conn)?;
        for (audience, pdf) in documents {
            diesel::insert_into(agenda_documents::table)
                .values((
                    agenda_documents::agenda_version_id.eq(version_id),
                    agenda_documents::audience.eq(audience.as_str()),
                    agenda_documents::content_type.eq("application/pdf"),
                    agenda_documents::content.eq(pdf),
                ))
                .execute(conn)?;
        }
        let case_of_item: HashMap<i64, Option<i64>> = agenda_items::table
            .filter(agenda_items::meeting_id.eq(meeting_id.0))
            .select((agenda_items::id, agenda_items::case_id))
            .load(conn)?
            .into_iter()
            .collect();
        for (position, item) in snapshot.items.iter().enumerate() {
            diesel::insert_into(agenda_version_items::table)
                .values((
                    agenda_version_items::agenda_version_id.eq(version_id),
                    agenda_version_items::meeting_id.eq(meeting_id.0),
                    agenda_version_items::version.eq(version as i32),
                    agenda_version_items::position.eq(position as i32 + 1),
                    agenda_version_items::number.eq(&item.number),
                    agenda_version_items::public.eq(item.public),
                    agenda_version_items::proposal_id.eq(item.proposal.as_ref().map(|p| p.id.0)),
                    agenda_version_items::case_id
                        .eq(case_of_item.get(&item.id.0).copied().flatten()),
                ))
                .execute(conn)?;
        }
        meeting_repo::apply(conn, meeting_id, MeetingEvent::ReleaseAgenda)?;
        for item in &snapshot.items {
            if let Some(p) = &item.proposal {
                proposals::step(conn, p.id, Transition::PutOnAgenda)?;
            }
        }
        // A proposal taken off the agenda by a supplement waits for another meeting.
        if let Some(p) = &previous {
            for old in p.items.iter().filter_map(|i| i.proposal.as_ref()) {
                let still_on = snapshot
                    .items
                    .iter()
                    .any(|i| i.proposal.as_ref().is_some_and(|n| n.id == old.id));
                if !still_on {
                    proposals::step(conn, old.id, Transition::TakeOffAgenda)?;
                }
            }
        }
        // Each proposal on this or the previous version changed in public (OParl's `modified`
        // of a paper, or the moment it stopped being public).
        let touched: Vec<i64> = snapshot
            .items
            .iter()
            .chain(previous.iter().flat_map(|p| p.items.iter()))
            .filter_map(|i| i.proposal.as_ref().map(|p| p.id.0))
            .collect();
        {
            use super::schema::proposals as p;
            diesel::update(p::table.filter(p::id.eq_any(&touched)))
                .set(p::updated_at.eq(released_at.naive_utc()))
                .execute(conn)?;
        }
        super::search::refresh_meeting(conn, meeting_id)?;
        Ok(Released {
            version_id,
            version,
            snapshot,
            changes,
            public_changes,
            late,
        })
    }
}

/// The meeting an agenda item is on.
pub fn meeting_of_item(
    conn: &mut DbConnection,
    item: AgendaItemId,
) -> AppResult<Option<MeetingId>> {
    Ok(agenda_items::table
        .find(item.0)
        .select(agenda_items::meeting_id)
        .first::<i64>(conn)
        .optional()?
        .map(MeetingId))
}

/// A stored PDF of a released version, for the public or for members.
pub fn document(
    conn: &mut DbConnection,
    meeting_id: MeetingId,
    version: u32,
    audience: Audience,
) -> AppResult<Option<Vec<u8>>> {
    Ok(agenda_documents::table
        .inner_join(
            agenda_versions::table.on(agenda_versions::id.eq(agenda_documents::agenda_version_id)),
        )
        .filter(agenda_versions::meeting_id.eq(meeting_id.0))
        .filter(agenda_versions::version.eq(version as i32))
        .filter(agenda_documents::audience.eq(audience.as_str()))
        .select(agenda_documents::content)
        .first(conn)
        .optional()?)
}

/// One line of a meeting's version history.
#[derive(Debug, Clone)]
pub struct VersionSummary {
    pub version: u32,
    pub released_at: DateTime<Utc>,
    pub released_by: Option<String>,
    pub late_reason: Option<String>,
    /// For members and the secretariat.
    pub changes: Vec<String>,
    /// For everyone else.
    pub public_changes: Vec<String>,
}

/// Every released version of a meeting's agenda, first to last.
pub fn versions(conn: &mut DbConnection, meeting_id: MeetingId) -> AppResult<Vec<VersionSummary>> {
    type VersionRow = (
        i32,
        NaiveDateTime,
        Option<String>,
        Option<String>,
        String,
        Option<String>,
    );
    let rows: Vec<VersionRow> = agenda_versions::table
        .left_join(users::table.on(agenda_versions::released_by.eq(users::id.nullable())))
        .filter(agenda_versions::meeting_id.eq(meeting_id.0))
        .order(agenda_versions::version)
        .select((
            agenda_versions::version,
            agenda_versions::released_at,
            users::name.nullable(),
            agenda_versions::late_reason,
            agenda_versions::changes,
            agenda_versions::public_changes,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(version, at, by, late_reason, changes, public)| {
            Ok(VersionSummary {
                version: version as u32,
                released_at: at.and_utc(),
                released_by: by,
                late_reason,
                changes: serde_json::from_str(&changes).map_err(AppError::internal)?,
                public_changes: stored_public_changes(public)?,
            })
        })
        .collect()
}

/// What a supplement changed as the public sees it: computed from the public views, so a
/// closed item's case numbers, text and files never appear in the public list.
pub fn public_changes(lang: Lang, before: &AgendaSnapshot, after: &AgendaSnapshot) -> Vec<String> {
    agenda_changes(lang, &before.public_view(), &after.public_view())
}

/// A stored public list of changes. Every version has one once `fill_public_changes` has run
/// after the migration; a missing one is an error, never a fallback to the members' list.
fn stored_public_changes(stored: Option<String>) -> AppResult<Vec<String>> {
    let stored = stored
        .ok_or_else(|| AppError::internal(MissingRow("agenda_versions.public_changes", 0)))?;
    serde_json::from_str(&stored).map_err(AppError::internal)
}

/// Computes the public list of changes of the versions released before it was stored (once,
/// after the migration that added it; a no-op afterwards).
pub fn fill_public_changes(conn: &mut DbConnection) -> AppResult<usize> {
    let missing: Vec<(i64, i64, i32)> = agenda_versions::table
        .filter(agenda_versions::public_changes.is_null())
        .select((
            agenda_versions::id,
            agenda_versions::meeting_id,
            agenda_versions::version,
        ))
        .load(conn)?;
    let lang = super::municipality::language(conn)?;
    let mut filled = 0;
    for (id, meeting, version) in missing {
        let public = if version > 1 {
            let before = released(conn, MeetingId(meeting), Some(version as u32 - 1))?;
            let after = released(conn, MeetingId(meeting), Some(version as u32))?;
            match (before, after) {
                (Some(b), Some(a)) => public_changes(lang, &b.snapshot, &a.snapshot),
                _ => Vec::new(),
            }
        } else {
            Vec::new()
        };
        diesel::update(agenda_versions::table.find(id))
            .set(
                agenda_versions::public_changes
                    .eq(serde_json::to_string(&public).map_err(AppError::internal)?),
            )
            .execute(conn)?;
        filled += 1;
    }
    Ok(filled)
}

/// What the public page of a meeting depends on. Cheap to read, so a cached page can be checked
/// against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReleaseState {
    Missing,
    Unreleased,
    Released {
        version: u32,
        meeting_updated_at: NaiveDateTime,
    },
}

pub fn release_state(conn: &mut DbConnection, meeting_id: MeetingId) -> AppResult<ReleaseState> {
    let meeting: Option<NaiveDateTime> = meetings::table
        .find(meeting_id.0)
        .select(meetings::updated_at)
        .first(conn)
        .optional()?;
    let Some(meeting_updated_at) = meeting else {
        return Ok(ReleaseState::Missing);
    };
    let version: Option<i32> = agenda_versions::table
        .filter(agenda_versions::meeting_id.eq(meeting_id.0))
        .select(diesel::dsl::max(agenda_versions::version))
        .first(conn)?;
    Ok(match version {
        Some(v) => ReleaseState::Released {
            version: v as u32,
            meeting_updated_at,
        },
        None => ReleaseState::Unreleased,
    })
}

/// A released version of a meeting's agenda: the given one, or the latest.
pub fn released(
    conn: &mut DbConnection,
    meeting_id: MeetingId,
    version: Option<u32>,
) -> AppResult<Option<ReleasedAgenda>> {
    let mut query = agenda_versions::table
        .filter(agenda_versions::meeting_id.eq(meeting_id.0))
        .select((
            agenda_versions::version,
            agenda_versions::released_at,
            agenda_versions::snapshot,
        ))
        .order(agenda_versions::version.desc())
        .into_boxed();
    if let Some(v) = version {
        query = query.filter(agenda_versions::version.eq(v as i32));
    }
    let row: Option<(i32, NaiveDateTime, String)> = query.first(conn).optional()?;
    row.map(|(version, released_at, snapshot)| {
        Ok(ReleasedAgenda {
            version: version as u32,
            released_at: released_at.and_utc(),
            snapshot: serde_json::from_str(&snapshot).map_err(AppError::internal)?,
        })
    })
    .transpose()
}

/// Whether the meeting's latest released version lists the item (for the public: as an open
/// item). A draft agenda says nothing to anyone outside the secretariat.
pub fn item_released(
    conn: &mut DbConnection,
    meeting_id: MeetingId,
    item: AgendaItemId,
    audience: Audience,
) -> AppResult<bool> {
    Ok(released(conn, meeting_id, None)?.is_some_and(|r| {
        r.snapshot
            .items
            .iter()
            .any(|i| i.id == item && (audience == Audience::Members || i.public))
    }))
}

/// The latest released version of each of these meetings (meetings without one are left out).
pub fn latest_versions(
    conn: &mut DbConnection,
    ids: &[MeetingId],
) -> AppResult<HashMap<MeetingId, u32>> {
    let ids: Vec<i64> = ids.iter().map(|m| m.0).collect();
    let rows: Vec<(i64, Option<i32>)> = agenda_versions::table
        .filter(agenda_versions::meeting_id.eq_any(ids))
        .group_by(agenda_versions::meeting_id)
        .select((
            agenda_versions::meeting_id,
            diesel::dsl::max(agenda_versions::version),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(m, v)| v.map(|v| (MeetingId(m), v as u32)))
        .collect())
}

/// A released version as a body's feed shows it.
#[derive(Debug, Clone)]
pub struct FeedEntry {
    pub agenda: ReleasedAgenda,
    /// The public list of changes: a feed is public.
    pub public_changes: Vec<String>,
}

/// The latest released versions of a body's agendas, newest first.
pub fn releases_of_organization(
    conn: &mut DbConnection,
    organization: OrganizationId,
    limit: i64,
) -> AppResult<Vec<FeedEntry>> {
    let rows: Vec<(i32, NaiveDateTime, String, Option<String>)> = agenda_versions::table
        .inner_join(meetings::table)
        .filter(meetings::organization_id.eq(organization.0))
        .order((
            agenda_versions::released_at.desc(),
            agenda_versions::id.desc(),
        ))
        .limit(limit)
        .select((
            agenda_versions::version,
            agenda_versions::released_at,
            agenda_versions::snapshot,
            agenda_versions::public_changes,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(version, released_at, snapshot, public)| {
            Ok(FeedEntry {
                agenda: ReleasedAgenda {
                    version: version as u32,
                    released_at: released_at.and_utc(),
                    snapshot: serde_json::from_str(&snapshot).map_err(AppError::internal)?,
                },
                public_changes: stored_public_changes(public)?,
            })
        })
        .collect()
}

/// A file on an agenda item, with its bytes.
#[derive(Debug, Clone)]
pub struct StoredAttachment {
    pub id: AttachmentId,
    pub meeting_id: MeetingId,
    pub filename: String,
    pub content_type: String,
    pub public: bool,
    pub content: Vec<u8>,
}

pub struct NewAttachment<'a> {
    pub meeting_id: MeetingId,
    pub item: AgendaItemId,
    pub filename: &'a str,
    pub content_type: &'a str,
    pub public: bool,
    pub content: &'a [u8],
    /// The file's text, as far as it could be read, for search.
    pub text: Option<&'a str>,
    pub created_by: Option<UserId>,
}

/// Attaches a file to an item of the working agenda.
pub fn add_attachment(conn: &mut DbConnection, new: &NewAttachment) -> AppResult<AttachmentId> {
    item_of_meeting(conn, new.meeting_id, new.item)?;
    use sha2::Digest;
    let digest = sha2::Sha256::digest(new.content);
    let sha256: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    let id = diesel::insert_into(agenda_attachments::table)
        .values((
            agenda_attachments::meeting_id.eq(new.meeting_id.0),
            agenda_attachments::agenda_item_id.eq(Some(new.item.0)),
            agenda_attachments::filename.eq(new.filename),
            agenda_attachments::content_type.eq(new.content_type),
            agenda_attachments::size.eq(new.content.len() as i64),
            agenda_attachments::sha256.eq(sha256),
            agenda_attachments::public.eq(new.public),
            agenda_attachments::content.eq(new.content),
            agenda_attachments::created_by.eq(new.created_by.map(|u| u.0)),
            agenda_attachments::created_at.eq(now()),
            agenda_attachments::text.eq(new.text),
        ))
        .returning(agenda_attachments::id)
        .get_result(conn)
        .map(AttachmentId)?;
    super::search::refresh_meeting(conn, new.meeting_id)?;
    Ok(id)
}

/// Takes a file off its item. The bytes stay: a released version that lists the file keeps it.
pub fn detach_attachment(
    conn: &mut DbConnection,
    meeting_id: MeetingId,
    attachment: AttachmentId,
) -> AppResult<()> {
    let updated = diesel::update(
        agenda_attachments::table
            .filter(agenda_attachments::id.eq(attachment.0))
            .filter(agenda_attachments::meeting_id.eq(meeting_id.0))
            .filter(agenda_attachments::agenda_item_id.is_not_null()),
    )
    .set(agenda_attachments::agenda_item_id.eq(None::<i64>))
    .execute(conn)?;
    if updated == 0 {
        return Err(AppError::not_found("error-the-attachment-is-not-on-the"));
    }
    super::search::refresh_meeting(conn, meeting_id)?;
    Ok(())
}

/// The files on one item of the working agenda.
pub fn item_attachments(
    conn: &mut DbConnection,
    meeting_id: MeetingId,
    item: AgendaItemId,
) -> AppResult<Vec<SnapshotAttachment>> {
    Ok(attachments_of_meeting(conn, meeting_id)?
        .remove(&item.0)
        .unwrap_or_default())
}

pub fn attachment(
    conn: &mut DbConnection,
    meeting_id: MeetingId,
    id: AttachmentId,
) -> AppResult<Option<StoredAttachment>> {
    let row: Option<(i64, i64, String, String, bool, Vec<u8>)> = agenda_attachments::table
        .filter(agenda_attachments::id.eq(id.0))
        .filter(agenda_attachments::meeting_id.eq(meeting_id.0))
        .select((
            agenda_attachments::id,
            agenda_attachments::meeting_id,
            agenda_attachments::filename,
            agenda_attachments::content_type,
            agenda_attachments::public,
            agenda_attachments::content,
        ))
        .first(conn)
        .optional()?;
    Ok(row.map(
        |(id, meeting, filename, content_type, public, content)| StoredAttachment {
            id: AttachmentId(id),
            meeting_id: MeetingId(meeting),
            filename,
            content_type,
            public,
            content,
        },
    ))
}

/// Whether a released version of the meeting lists the file: for the public (in its public
/// view: a public file on an open item), or for members (on any item).
pub fn attachment_released(
    conn: &mut DbConnection,
    meeting_id: MeetingId,
    id: AttachmentId,
    audience: Audience,
) -> AppResult<bool> {
    let snapshots: Vec<String> = agenda_versions::table
        .filter(agenda_versions::meeting_id.eq(meeting_id.0))
        .select(agenda_versions::snapshot)
        .load(conn)?;
    for json in snapshots {
        let snapshot: AgendaSnapshot = serde_json::from_str(&json).map_err(AppError::internal)?;
        let snapshot = match audience {
            Audience::Public => snapshot.public_view(),
            Audience::Members => snapshot,
        };
        if snapshot
            .items
            .iter()
            .any(|i| i.attachments.iter().any(|a| a.id == id))
        {
            return Ok(true);
        }
    }
    Ok(false)
}
