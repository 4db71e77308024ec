//! A case (sag) as one person may read it: its timeline of proposals, agendas, decisions,
//! tasks and letters. The page `/cases/{reference}` and `GET /api/v1/cases/{reference}` are
//! both rendered from this, so they apply one rule: the public sees what was released or
//! published, a proposal's authors also their own proposals as they stand, the secretariat all.
//! A case with nothing the reader may see does not exist for them (its title included).

use chrono::{DateTime, NaiveDate, Utc};

use super::access::{Access, access};
use crate::db::accounts::Account;
use crate::db::audit::{self, AuditEvent};
use crate::db::letters::Letter;
use crate::db::proposals::{self, AgendaAppearance, Proposal};
use crate::db::workflow::{CASE, PROPOSAL};
use crate::db::{DbConnection, cases, decisions, meetings, minutes, tasks};
use crate::domain::account::Role;
use crate::domain::decision::Outcome;
use crate::domain::task::TaskStatus;
use crate::domain::{CaseReference, MeetingId, ProposalId};
use crate::error::AppResult;

/// One line of a case's timeline.
#[derive(Debug, Clone)]
pub struct Event {
    pub at: DateTime<Utc>,
    pub what: EventKind,
}

#[derive(Debug, Clone)]
pub enum EventKind {
    ProposalSubmitted {
        proposal: ProposalId,
        title: String,
        submitted_by: Option<String>,
    },
    /// On a released agenda (the meeting's latest version), on an open item.
    OnAgenda {
        appearance: AgendaAppearance,
        /// The meeting has begun.
        held: bool,
    },
    Decided {
        proposal: ProposalId,
        title: String,
        meeting: MeetingId,
        organization: String,
        outcome: Outcome,
    },
    TaskSent {
        proposal: ProposalId,
        lead: String,
        clause: u32,
        deadline: Option<NaiveDate>,
        status: TaskStatus,
    },
    TaskAnswered {
        proposal: ProposalId,
        lead: String,
        clause: u32,
    },
    Letter(Box<Letter>),
}

/// What the reader may see of a case.
#[derive(Debug, Clone)]
pub struct CaseView {
    pub reference: CaseReference,
    pub title: String,
    /// In time order.
    pub events: Vec<Event>,
    /// The proposals on the case the reader may read, oldest first.
    pub proposals: Vec<Proposal>,
    /// The secretariat's audit log of the case and its proposals.
    pub history: Option<Vec<AuditEvent>>,
}

/// The case as `reader` may see it at `now`; `None` when it does not exist or nothing of it is
/// theirs to see.
pub fn case_view(
    lang: crate::domain::language::Lang,
    conn: &mut DbConnection,
    reference: &CaseReference,
    reader: Option<&Account>,
    now: DateTime<Utc>,
) -> AppResult<Option<CaseView>> {
    let Some(case) = cases::by_reference(conn, reference)? else {
        return Ok(None);
    };
    let secretariat = reader.is_some_and(|a| a.role == Role::Secretariat);
    let mut events = Vec::new();
    let mut listed = Vec::new();
    for p in proposals::for_case(conn, case.id)? {
        let public = proposals::is_public(conn, &p)?;
        let own = access(&p, reader) != Access::None;
        if !public && !own {
            continue;
        }
        if let Some(at) = p.submitted_at {
            events.push(Event {
                at,
                what: EventKind::ProposalSubmitted {
                    proposal: p.id,
                    title: p.title.clone(),
                    submitted_by: p.submitted_by(lang),
                },
            });
        }
        followup_events(conn, &p, own, &mut events)?;
        listed.push(p);
    }
    for appearance in proposals::case_appearances(conn, case.id)? {
        if !appearance.public || !appearance.meeting_status.agenda_is_released() {
            continue;
        }
        events.push(Event {
            at: appearance.starts_at,
            what: EventKind::OnAgenda {
                held: appearance.starts_at < now,
                appearance,
            },
        });
    }
    for letter in crate::db::letters::of_case(conn, case.id)? {
        if !letter.readable_by_all() && !secretariat {
            continue;
        }
        let at = crate::domain::time::local_to_utc(
            letter.date.and_hms_opt(12, 0, 0).unwrap_or_default(),
        )
        .unwrap_or(now);
        events.push(Event {
            at,
            what: EventKind::Letter(Box::new(letter)),
        });
    }
    if events.is_empty() && listed.is_empty() && !secretariat {
        return Ok(None);
    }
    events.sort_by_key(|e| e.at);
    let history = if secretariat {
        let mut log = audit::for_subject(conn, CASE.with(case.id.0))?;
        for p in proposals::for_case(conn, case.id)? {
            log.extend(audit::for_subject(conn, PROPOSAL.with(p.id.0))?);
        }
        log.sort_by_key(|e| (e.at, e.id));
        Some(log)
    } else {
        None
    };
    Ok(Some(CaseView {
        reference: case.reference,
        title: case.title,
        events,
        proposals: listed,
        history,
    }))
}

/// A proposal's decisions, tasks and answers: for the public once the minutes are published,
/// for its authors and the secretariat (`full`) as they stand.
fn followup_events(
    conn: &mut DbConnection,
    p: &Proposal,
    full: bool,
    events: &mut Vec<Event>,
) -> AppResult<()> {
    let mut published = Vec::new();
    for d in decisions::of_proposal(conn, p.id)? {
        let is_published = minutes::published(conn, d.meeting_id)?.is_some();
        if is_published {
            published.push(d.agenda_item_id);
        }
        if !full && !is_published {
            continue;
        }
        let Some(meeting) = meetings::get(conn, d.meeting_id)? else {
            continue;
        };
        events.push(Event {
            // Right after the meeting's own line.
            at: meeting.starts_at + chrono::Duration::seconds(1),
            what: EventKind::Decided {
                proposal: p.id,
                title: p.title.clone(),
                meeting: d.meeting_id,
                organization: meeting.organization_name.clone(),
                outcome: d.decision.outcome,
            },
        });
    }
    for t in tasks::of_proposal(conn, p.id)? {
        if !full && !published.contains(&t.agenda_item_id) {
            continue;
        }
        events.push(Event {
            at: t.sent_at,
            what: EventKind::TaskSent {
                proposal: p.id,
                lead: t.lead.name.clone(),
                clause: t.clause,
                deadline: t.deadline,
                status: t.status,
            },
        });
        if let (Some(at), false) = (t.answered_at, t.status.is_open()) {
            events.push(Event {
                at,
                what: EventKind::TaskAnswered {
                    proposal: p.id,
                    lead: t.lead.name.clone(),
                    clause: t.clause,
                },
            });
        }
    }
    Ok(())
}

/// The case as the API shows it (`Case` in the OpenAPI document): the same lines as the page.
#[derive(Debug, serde::Serialize)]
pub struct CaseDocument {
    pub reference: String,
    pub title: String,
    pub proposals: Vec<super::proposal::ProposalView>,
    pub timeline: Vec<TimelineEvent>,
    pub audit_log: Option<Vec<AuditLine>>,
    pub links: CaseLinks,
}

#[derive(Debug, serde::Serialize)]
pub struct CaseLinks {
    /// The case's page.
    pub html: String,
}

/// One line of the timeline; `event` says which, and which fields it has.
#[derive(Debug, serde::Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum TimelineEvent {
    ProposalSubmitted {
        at: String,
        proposal_id: ProposalId,
        title: String,
    },
    OnAgenda {
        at: String,
        meeting_id: MeetingId,
        organization: String,
        item_number: String,
        held: bool,
    },
    Decided {
        at: String,
        proposal_id: ProposalId,
        meeting_id: MeetingId,
        organization: String,
        outcome: Outcome,
    },
    TaskSent {
        at: String,
        proposal_id: ProposalId,
        lead: String,
        clause: u32,
        deadline: Option<String>,
        status: TaskStatus,
    },
    TaskAnswered {
        at: String,
        proposal_id: ProposalId,
        lead: String,
        clause: u32,
    },
    Letter {
        at: String,
        letter_id: crate::domain::LetterId,
        direction: crate::domain::letter::LetterDirection,
        heading: String,
        links: LetterLink,
    },
}

#[derive(Debug, serde::Serialize)]
pub struct LetterLink {
    #[serde(rename = "self")]
    pub this: String,
}

/// One state change in the secretariat's audit log.
#[derive(Debug, serde::Serialize)]
pub struct AuditLine {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub subject: AuditSubject,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub note: Option<String>,
}

#[derive(Debug, serde::Serialize)]
pub struct AuditSubject {
    pub kind: String,
    pub id: i64,
}

impl CaseDocument {
    /// The case with absolute links under `base`.
    pub fn new(lang: crate::domain::language::Lang, base: &str, view: &CaseView) -> Self {
        use crate::domain::time::rfc3339;
        let state = |s: &Option<String>| {
            s.as_deref()
                .and_then(|s| serde_json::from_str::<serde_json::Value>(s).ok())
        };
        Self {
            reference: view.reference.to_string(),
            title: view.title.clone(),
            proposals: view
                .proposals
                .iter()
                .map(|p| super::proposal::ProposalView::new(lang, base, p))
                .collect(),
            timeline: view
                .events
                .iter()
                .map(|e| timeline_event(base, e))
                .collect(),
            audit_log: view.history.as_ref().map(|log| {
                log.iter()
                    .map(|e| AuditLine {
                        at: rfc3339(e.at.and_utc()),
                        actor: e.actor.clone(),
                        action: e.action.clone(),
                        subject: AuditSubject {
                            kind: e.subject_kind.clone(),
                            id: e.subject_id,
                        },
                        before: state(&e.before_state),
                        after: state(&e.after_state),
                        note: e.note.clone(),
                    })
                    .collect()
            }),
            links: CaseLinks {
                html: format!("{base}{}", crate::urls::case(&view.reference)),
            },
        }
    }
}

fn timeline_event(base: &str, event: &Event) -> TimelineEvent {
    use crate::domain::time::rfc3339;
    let at = rfc3339(event.at);
    match &event.what {
        EventKind::ProposalSubmitted {
            proposal, title, ..
        } => TimelineEvent::ProposalSubmitted {
            at,
            proposal_id: *proposal,
            title: title.clone(),
        },
        EventKind::OnAgenda { appearance, held } => TimelineEvent::OnAgenda {
            at,
            meeting_id: appearance.meeting_id,
            organization: appearance.organization_name.clone(),
            item_number: appearance.item_number.clone(),
            held: *held,
        },
        EventKind::Decided {
            proposal,
            meeting,
            organization,
            outcome,
            ..
        } => TimelineEvent::Decided {
            // The meeting's time; the event is stored a second later to sort after its line.
            at: rfc3339(event.at - chrono::Duration::seconds(1)),
            proposal_id: *proposal,
            meeting_id: *meeting,
            organization: organization.clone(),
            outcome: *outcome,
        },
        EventKind::TaskSent {
            proposal,
            lead,
            clause,
            deadline,
            status,
        } => TimelineEvent::TaskSent {
            at,
            proposal_id: *proposal,
            lead: lead.clone(),
            clause: *clause,
            deadline: deadline.map(|d| d.to_string()),
            status: *status,
        },
        EventKind::TaskAnswered {
            proposal,
            lead,
            clause,
        } => TimelineEvent::TaskAnswered {
            at,
            proposal_id: *proposal,
            lead: lead.clone(),
            clause: *clause,
        },
        EventKind::Letter(letter) => TimelineEvent::Letter {
            at,
            letter_id: letter.id,
            direction: letter.direction,
            heading: letter.text.heading.clone(),
            links: LetterLink {
                this: format!("{base}{}", crate::urls::api_letter(letter.id)),
            },
        },
    }
}
