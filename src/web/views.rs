//! What pages and the JSON API show, built from domain data: templates stay free of logic and
//! dates and labels are written in the reader's language in one place.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::db::meetings::Meeting;
use crate::domain::agenda::{ReleasedAgenda, SnapshotItem};
use crate::domain::language::Lang;
use crate::domain::text::paragraphs;
use crate::domain::time;
use crate::domain::{CaseReference, MeetingId};

pub use crate::urls::{case as case_url, meeting as meeting_url, proposal as proposal_url};

/// An instant for people (`30.04.2025, kl. 17:30` / `30 April 2025, 17:30`) and for machines
/// (`datetime` attribute).
#[derive(Debug, Serialize)]
pub struct When {
    pub iso: String,
    pub date: String,
    pub time: String,
    /// `onsdag den 30. april 2025` / `Wednesday 30 April 2025`
    pub long_date: String,
    /// `30.04.2025, kl. 17:30` / `30 April 2025, 17:30`
    pub text: String,
}

impl When {
    pub fn new(lang: Lang, instant: DateTime<Utc>) -> Self {
        Self {
            iso: time::rfc3339(instant),
            date: time::date(lang, instant),
            time: time::clock(instant),
            long_date: time::weekday_long_date(lang, instant),
            text: time::datetime(lang, instant),
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
    pub status_label: String,
    pub kind_label: String,
    pub agenda_released: bool,
    /// The body's Atom feed, announced in the meeting page's head.
    pub feed_url: String,
}

impl MeetingSummary {
    pub fn new(lang: Lang, m: &Meeting) -> Self {
        Self {
            id: m.id,
            url: meeting_url(m.id),
            organization_name: m.organization_name.clone(),
            when: When::new(lang, m.starts_at),
            location: m.location.clone(),
            status: m.status.as_str(),
            status_label: m.status.label_at(lang, m.starts_at, chrono::Utc::now()),
            kind_label: m.kind.label(lang),
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
    pub kind_label: String,
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
    pub fn new(lang: Lang, meeting: MeetingId, item: &SnapshotItem) -> Self {
        Self {
            anchor: crate::urls::item_anchor(&item.number),
            number: item.number.clone(),
            title: item.title.clone(),
            cases: item.case_references.iter().map(CaseLink::from).collect(),
            kind_label: item.kind.label(lang),
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
                    size: crate::domain::text::file_size(lang, a.size),
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
    pub fn new(lang: Lang, agenda: &ReleasedAgenda) -> Self {
        let (open, closed): (Vec<_>, Vec<_>) = agenda.snapshot.items.iter().partition(|i| i.public);
        Self {
            version: agenda.version,
            released: When::new(lang, agenda.released_at),
            open_items: open
                .into_iter()
                .map(|i| AgendaItemView::new(lang, agenda.snapshot.meeting.id, i))
                .collect(),
            closed_items: closed
                .into_iter()
                .map(|i| AgendaItemView::new(lang, agenda.snapshot.meeting.id, i))
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

/// The actions the audit log names for people; others show as recorded.
const AUDIT_ACTIONS: &[&str] = &[
    "outbox.requeued",
    "user.created",
    "token.created",
    "proposal.created",
    "proposal.edited",
    "proposal.submitted",
    "proposal.resubmitted",
    "proposal.returned",
    "proposal.accepted",
    "proposal.withdrawn",
    "meeting.planned",
    "letter.drafted",
    "letter.registered",
    "letter.edited",
    "letter.approved",
    "letter.reopened",
    "letter.sent",
    "letter.published",
    "letter.unpublished",
    "letter.on_agenda",
];

/// What a recorded action is called on the page: `audit-<action>` in the catalogue.
fn action_label(lang: Lang, action: &str) -> String {
    if AUDIT_ACTIONS.contains(&action) {
        crate::i18n::t(lang, &format!("audit-{}", action.replace(['.', '_'], "-")))
    } else {
        action.to_owned()
    }
}

impl AuditLine {
    pub fn new(lang: Lang, event: &crate::db::audit::AuditEvent) -> Self {
        Self {
            when: When::new(lang, event.at.and_utc()),
            text: crate::i18n::t_with(
                lang,
                "audit-line",
                &[
                    ("action", action_label(lang, &event.action).into()),
                    ("actor", event.actor.clone().into()),
                ],
            ),
            // A note the system wrote is a catalogue key ("audit-note-year-plan"); a person's
            // note stays as written.
            note: event.note.as_deref().map(|note| {
                if note.starts_with("audit-note-") && crate::i18n::has(lang, note) {
                    crate::i18n::t(lang, note)
                } else {
                    note.to_owned()
                }
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    /// Every action the log names has its words in both languages.
    #[test]
    fn every_audit_action_has_a_label() {
        for action in super::AUDIT_ACTIONS {
            for lang in crate::domain::language::Lang::ALL {
                let label = super::action_label(*lang, action);
                assert!(!label.starts_with("audit-"), "{action} in {lang}");
            }
        }
    }
}

/// A task in a list: lead, clause, deadline, status.
pub fn task_row(lang: Lang, t: &crate::db::tasks::Task) -> TaskRow {
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
        deadline: t.deadline.map(|d| time::day(lang, d)),
        deadline_iso: t.deadline.map(|d| d.to_string()),
        status: t.status.as_str(),
        status_label: t.status.label(lang),
        overdue: t.status.is_overdue(t.deadline, today),
        more_time: t.proposed_deadline.map(|d| time::long_date(lang, d)),
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

impl TaskOriginView {
    pub fn new(lang: Lang, o: &crate::db::tasks::TaskOrigin) -> Self {
        Self {
            title: o.title.clone(),
            url: o.proposal_id.map(proposal_url),
            cases: o.cases.iter().map(CaseLink::from).collect(),
            meeting: crate::i18n::t_with(
                lang,
                "task-origin-meeting",
                &[
                    ("organization", o.organization_name.clone().into()),
                    ("date", time::date(lang, o.starts_at).into()),
                    ("item", o.item_number.clone().into()),
                ],
            ),
            meeting_url: format!("{}#punkt-{}", meeting_url(o.meeting_id), o.item_number),
        }
    }
}

/// Task rows with where each comes from, for lists that mix tasks of many proposals.
pub fn task_rows_with_origin(
    lang: Lang,
    tasks: &[crate::db::tasks::Task],
    origins: &std::collections::HashMap<crate::domain::AgendaItemId, crate::db::tasks::TaskOrigin>,
) -> Vec<TaskRow> {
    tasks
        .iter()
        .map(|t| TaskRow {
            origin: origins
                .get(&t.agenda_item_id)
                .map(|o| TaskOriginView::new(lang, o)),
            ..task_row(lang, t)
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
    pub status_label: String,
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
    status_label: String,
    organization_name: String,
    meeting: Option<String>,
    meeting_url: Option<String>,
    meeting_role: Option<String>,
    submitted: Option<When>,
    late: bool,
    updated: When,
}

pub fn list_rows(lang: Lang, list: &[crate::db::workflow::Summary]) -> Vec<ListRow> {
    list.iter()
        .map(|s| ListRow {
            url: proposal_url(s.id),
            title: s.title.clone(),
            status: s.status.as_str(),
            status_label: s.status.label(lang),
            organization_name: s.organization_name.clone(),
            meeting: s.target_meeting.map(|(_, at)| time::datetime(lang, at)),
            meeting_url: s.target_meeting.map(|(id, _)| meeting_url(id)),
            meeting_role: s.status.meeting_role(lang),
            submitted: s.submitted_at.map(|at| When::new(lang, at)),
            late: s.late,
            updated: When::new(lang, s.updated_at),
        })
        .collect()
}
