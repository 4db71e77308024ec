//! What pages and the JSON API show, built from domain data: templates stay free of logic and
//! dates are formatted the Danish way in one place.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::db::meetings::Meeting;
use crate::domain::agenda::{ReleasedAgenda, SnapshotItem};
use crate::domain::text::paragraphs;
use crate::domain::time;
use crate::domain::{CaseReference, MeetingId};

pub use crate::urls::{case as case_url, meeting as meeting_url, proposal as proposal_url};

/// An instant for people (`30.04.2025, kl. 17:30`) and for machines (`datetime` attribute).
#[derive(Debug, Serialize)]
pub struct When {
    pub iso: String,
    pub date: String,
    pub time: String,
    /// `onsdag den 30. april 2025`
    pub long_date: String,
    /// `30.04.2025, kl. 17:30`
    pub text: String,
}

impl When {
    pub fn new(instant: DateTime<Utc>) -> Self {
        Self {
            iso: time::rfc3339(instant),
            date: time::date_da(instant),
            time: time::time_da(instant),
            long_date: time::weekday_long_date_da(instant),
            text: time::datetime_da(instant),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct MeetingSummary {
    pub id: MeetingId,
    pub url: String,
    pub organization_name: String,
    pub when: When,
    pub location: String,
    pub status: &'static str,
    pub status_label: &'static str,
    pub kind_label: &'static str,
    pub agenda_released: bool,
    /// The body's Atom feed, announced in the meeting page's head.
    pub feed_url: String,
}

impl From<&Meeting> for MeetingSummary {
    fn from(m: &Meeting) -> Self {
        Self {
            id: m.id,
            url: meeting_url(m.id),
            organization_name: m.organization_name.clone(),
            when: When::new(m.starts_at),
            location: m.location.clone(),
            status: m.status.as_str(),
            status_label: m.status.label_at_da(m.starts_at, chrono::Utc::now()),
            kind_label: m.kind.label_da(),
            agenda_released: m.status.agenda_is_released(),
            feed_url: format!("/organizations/{}/feed.atom", m.organization_id),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct CaseLink {
    pub reference: String,
    pub url: String,
}

impl From<&CaseReference> for CaseLink {
    fn from(r: &CaseReference) -> Self {
        Self {
            reference: r.to_string(),
            url: case_url(r),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Clause {
    pub number: usize,
    pub text: String,
}

pub fn clauses(texts: &[String]) -> Vec<Clause> {
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| Clause {
            number: i + 1,
            text: text.clone(),
        })
        .collect()
}

#[derive(Debug, Serialize)]
pub struct ItemProposal {
    pub url: String,
    pub opening: String,
    pub clauses: Vec<Clause>,
    pub submitted_by: Option<String>,
    /// As written (Markdown); the template renders it.
    pub motivation: String,
}

#[derive(Debug, Serialize)]
pub struct AgendaItemView {
    pub anchor: String,
    pub number: String,
    pub title: String,
    pub cases: Vec<CaseLink>,
    pub kind_label: &'static str,
    pub public: bool,
    pub proposal: Option<ItemProposal>,
    pub body: Vec<String>,
    /// "Indstilling fra Økonomiforvaltningen": who puts the item forward.
    pub source: Option<String>,
    pub sections: Vec<SectionView>,
    pub attachments: Vec<AttachmentView>,
    /// The decision, once the minutes are published.
    pub decision: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct SectionView {
    pub heading: String,
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct AttachmentView {
    pub filename: String,
    pub url: String,
    pub size: String,
}

impl AgendaItemView {
    pub fn new(meeting: MeetingId, item: &SnapshotItem) -> Self {
        Self {
            anchor: format!(
                "punkt-{}",
                item.number.trim().replace(char::is_whitespace, "-")
            ),
            number: item.number.clone(),
            title: item.title.clone(),
            cases: item.case_references.iter().map(CaseLink::from).collect(),
            kind_label: item.kind.label_da(),
            public: item.public,
            proposal: item.proposal.as_ref().map(|p| ItemProposal {
                url: proposal_url(p.id),
                opening: p.opening.clone(),
                clauses: clauses(&p.clauses),
                submitted_by: p.submitted_by.clone(),
                motivation: p.motivation.clone(),
            }),
            body: item.body.as_deref().map(paragraphs).unwrap_or_default(),
            source: item.source.clone(),
            sections: item
                .sections
                .iter()
                .map(|s| SectionView {
                    heading: s.heading.clone(),
                    paragraphs: paragraphs(&s.text),
                })
                .collect(),
            attachments: item
                .attachments
                .iter()
                .map(|a| AttachmentView {
                    filename: a.filename.clone(),
                    url: format!("/meetings/{meeting}/attachments/{}", a.id),
                    size: crate::domain::text::file_size_da(a.size),
                })
                .collect(),
            decision: None,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct AgendaView {
    pub version: u32,
    pub released: When,
    pub open_items: Vec<AgendaItemView>,
    pub closed_items: Vec<AgendaItemView>,
}

impl AgendaView {
    /// Puts each item's decision (from the published minutes, by item number) under it.
    pub fn with_decisions(mut self, view: &crate::documents::MinutesView) -> Self {
        for item in self
            .open_items
            .iter_mut()
            .chain(self.closed_items.iter_mut())
        {
            item.decision = view
                .items
                .iter()
                .find(|m| m.number == item.number)
                .map(|m| m.decision.clone());
        }
        self
    }

    /// The agenda as `agenda` shows it: pass the public view for the public.
    pub fn new(agenda: &ReleasedAgenda) -> Self {
        let (open, closed): (Vec<_>, Vec<_>) = agenda.snapshot.items.iter().partition(|i| i.public);
        Self {
            version: agenda.version,
            released: When::new(agenda.released_at),
            open_items: open
                .into_iter()
                .map(|i| AgendaItemView::new(agenda.snapshot.meeting.id, i))
                .collect(),
            closed_items: closed
                .into_iter()
                .map(|i| AgendaItemView::new(agenda.snapshot.meeting.id, i))
                .collect(),
        }
    }
}

/// One line of an audit log, for people: "12.05.2025, kl. 10:14: sendt igen af BR-sekretariatet".
#[derive(Debug, Serialize)]
pub struct AuditLine {
    pub when: When,
    pub text: String,
    pub note: Option<String>,
}

/// What each recorded action is called on the page.
fn action_label(action: &str) -> &str {
    match action {
        "outbox.requeued" => "sendt igen",
        "user.created" => "konto oprettet",
        "token.created" => "API-nøgle oprettet",
        "proposal.created" => "oprettet",
        "proposal.edited" => "rettet",
        "proposal.submitted" => "indsendt",
        "proposal.resubmitted" => "indsendt igen",
        "proposal.returned" => "sendt retur",
        "proposal.accepted" => "godkendt",
        "proposal.withdrawn" => "trukket tilbage",
        "meeting.planned" => "planlagt",
        "letter.drafted" => "skrevet som kladde",
        "letter.registered" => "registreret",
        "letter.edited" => "rettet",
        "letter.approved" => "godkendt",
        "letter.reopened" => "gjort til kladde igen",
        "letter.sent" => "sendt",
        "letter.published" => "gjort offentligt",
        "letter.unpublished" => "gjort ikke-offentligt",
        "letter.on_agenda" => "sat på dagsordenen",
        other => other,
    }
}

impl From<&crate::db::audit::AuditEvent> for AuditLine {
    fn from(event: &crate::db::audit::AuditEvent) -> Self {
        Self {
            when: When::new(event.at.and_utc()),
            text: format!("{} af {}", action_label(&event.action), event.actor),
            note: event.note.clone(),
        }
    }
}

/// A task in a list: lead, clause, deadline, status.
pub fn task_row(t: &crate::db::tasks::Task) -> TaskRow {
    let today = crate::domain::time::today();
    TaskRow {
        origin: None,
        id: t.id,
        url: crate::urls::task(t.id),
        clause: t.clause,
        description: t.description.clone(),
        lead: t.lead.name.clone(),
        contributors: t.contributors.len(),
        answered_contributions: t
            .contributors
            .iter()
            .filter(|c| c.status == crate::domain::task::ContributionStatus::Answered)
            .count(),
        deadline: t.deadline.map(crate::domain::time::day_da),
        deadline_iso: t.deadline.map(|d| d.to_string()),
        status: t.status.as_str(),
        status_label: t.status.label_da(),
        overdue: t.status.is_overdue(t.deadline, today),
        more_time: t.proposed_deadline.map(crate::domain::time::long_date_da),
    }
}

/// Where a listed task comes from: the proposal (or item), its cases, the meeting.
#[derive(Debug, Serialize)]
pub struct TaskOriginView {
    pub title: String,
    pub url: Option<String>,
    pub cases: Vec<CaseLink>,
    /// "Borgerrepræsentationen 30.04.2025, punkt 3"
    pub meeting: String,
    pub meeting_url: String,
}

impl From<&crate::db::tasks::TaskOrigin> for TaskOriginView {
    fn from(o: &crate::db::tasks::TaskOrigin) -> Self {
        Self {
            title: o.title.clone(),
            url: o.proposal_id.map(proposal_url),
            cases: o.cases.iter().map(CaseLink::from).collect(),
            meeting: format!(
                "{} {}, punkt {}",
                o.organization_name,
                crate::domain::time::date_da(o.starts_at),
                o.item_number
            ),
            meeting_url: format!("{}#punkt-{}", meeting_url(o.meeting_id), o.item_number),
        }
    }
}

/// Task rows with where each comes from, for lists that mix tasks of many proposals.
pub fn task_rows_with_origin(
    tasks: &[crate::db::tasks::Task],
    origins: &std::collections::HashMap<crate::domain::AgendaItemId, crate::db::tasks::TaskOrigin>,
) -> Vec<TaskRow> {
    tasks
        .iter()
        .map(|t| TaskRow {
            origin: origins.get(&t.agenda_item_id).map(TaskOriginView::from),
            ..task_row(t)
        })
        .collect()
}

/// A task in the secretariat's lists (the dashboard, an item's tasks).
#[derive(Debug, Serialize)]
pub struct TaskRow {
    /// Set in lists of many proposals' tasks; an item's own page knows it already.
    pub origin: Option<TaskOriginView>,
    pub id: crate::domain::TaskId,
    pub url: String,
    pub clause: u32,
    pub description: String,
    pub lead: String,
    pub contributors: usize,
    pub answered_contributions: usize,
    pub deadline: Option<String>,
    pub deadline_iso: Option<String>,
    pub status: &'static str,
    pub status_label: &'static str,
    pub overdue: bool,
    /// The later deadline asked for, while the secretariat has not decided.
    pub more_time: Option<String>,
}

/// A proposal in a list (the politician's own, the secretariat's inbox).
#[derive(Serialize)]
pub struct ListRow {
    url: String,
    title: String,
    status: &'static str,
    status_label: &'static str,
    organization_name: String,
    meeting: Option<String>,
    meeting_url: Option<String>,
    meeting_role: Option<&'static str>,
    submitted: Option<When>,
    late: bool,
    updated: When,
}

pub fn list_rows(list: &[crate::db::workflow::Summary]) -> Vec<ListRow> {
    list.iter()
        .map(|s| ListRow {
            url: proposal_url(s.id),
            title: s.title.clone(),
            status: s.status.as_str(),
            status_label: s.status.label_da(),
            organization_name: s.organization_name.clone(),
            meeting: s.target_meeting.map(|(_, at)| When::new(at).text),
            meeting_url: s.target_meeting.map(|(id, _)| meeting_url(id)),
            meeting_role: s.status.meeting_role_da(),
            submitted: s.submitted_at.map(When::new),
            late: s.late,
            updated: When::new(s.updated_at),
        })
        .collect()
}
