//! Agendas: the items of a meeting and the frozen form in which an agenda is released.
//!
//! A released agenda is a snapshot of everything the agenda shows, taken at release. Later edits
//! of a proposal or a case never change what was released; a change is a new version.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::meeting::MeetingKind;
use super::{AgendaItemId, CaseReference, MeetingId, OrganizationId, ProposalId};

text_enum!(
    AgendaItemKind {
        ApprovalOfAgenda = "approval_of_agenda" / "Godkendelse af dagsordenen",
        MemberProposal = "member_proposal" / "Medlemsforslag",
        Recommendation = "recommendation" / "Indstilling",
        Orientation = "orientation" / "Orientering",
        Letter = "letter" / "Henvendelse",
        Question = "question" / "Forespørgsel",
        Other = "other" / "Punkt",
    }
);

/// What an agenda shows, frozen at release.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgendaSnapshot {
    pub meeting: SnapshotMeeting,
    pub items: Vec<SnapshotItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SnapshotMeeting {
    pub id: MeetingId,
    pub organization_id: OrganizationId,
    pub organization_name: String,
    pub kind: MeetingKind,
    pub starts_at: DateTime<Utc>,
    pub location: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SnapshotItem {
    pub id: AgendaItemId,
    pub number: String,
    pub title: String,
    pub kind: AgendaItemKind,
    /// Closed items (lukkede punkter) are for the body's members and the secretariat only.
    pub public: bool,
    pub case_references: Vec<CaseReference>,
    pub proposal: Option<SnapshotProposal>,
    /// Text of items that are not member proposals.
    pub body: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SnapshotProposal {
    pub id: ProposalId,
    pub opening: String,
    pub clauses: Vec<String>,
    pub submitted_by: Option<String>,
    pub motivation: String,
}

/// A released, immutable version of an agenda.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReleasedAgenda {
    pub version: u32,
    pub released_at: DateTime<Utc>,
    pub snapshot: AgendaSnapshot,
}

impl SnapshotItem {
    /// The title as printed: "Medlemsforslag om … (2025-0124174)".
    pub fn display_title(&self) -> String {
        display_title(&self.title, &self.case_references)
    }

    /// What the public may see of this item: a closed item keeps its number and title only.
    pub fn public_view(&self) -> SnapshotItem {
        if self.public {
            return self.clone();
        }
        SnapshotItem {
            id: self.id,
            number: self.number.clone(),
            title: self.title.clone(),
            kind: self.kind,
            public: false,
            case_references: Vec::new(),
            proposal: None,
            body: None,
        }
    }
}

impl AgendaSnapshot {
    pub fn public_view(&self) -> AgendaSnapshot {
        AgendaSnapshot {
            meeting: self.meeting.clone(),
            items: self.items.iter().map(SnapshotItem::public_view).collect(),
        }
    }
}

/// A title followed by its case references in parentheses, as in the seed agenda.
pub fn display_title(title: &str, references: &[CaseReference]) -> String {
    if references.is_empty() {
        return title.to_owned();
    }
    let refs: Vec<String> = references.iter().map(ToString::to_string).collect();
    format!("{title} ({})", refs.join(", "))
}

/// Why an agenda cannot be released as it stands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AgendaError {
    #[error("Dagsordenen har ingen punkter.")]
    Empty,
    #[error("Punktnummeret »{0}« står mere end én gang på dagsordenen.")]
    DuplicateNumber(String),
    #[error("Punkt {0} er et åbent punkt efter et lukket punkt; lukkede punkter står sidst.")]
    OpenAfterClosed(String),
    #[error("Et punkt mangler en titel.")]
    MissingTitle,
}

/// The rules every released agenda keeps: items exist, have titles and unique numbers, and
/// closed items come after the open ones.
pub fn check_items(items: &[SnapshotItem]) -> Result<(), AgendaError> {
    if items.is_empty() {
        return Err(AgendaError::Empty);
    }
    let mut seen = std::collections::HashSet::new();
    let mut closed_seen = false;
    for item in items {
        if item.title.trim().is_empty() {
            return Err(AgendaError::MissingTitle);
        }
        if !seen.insert(item.number.trim()) {
            return Err(AgendaError::DuplicateNumber(item.number.clone()));
        }
        if item.public && closed_seen {
            return Err(AgendaError::OpenAfterClosed(item.number.clone()));
        }
        closed_seen |= !item.public;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(number: &str, public: bool) -> SnapshotItem {
        SnapshotItem {
            id: AgendaItemId(number.len() as i64),
            number: number.into(),
            title: format!("Punkt {number}"),
            kind: AgendaItemKind::MemberProposal,
            public,
            case_references: vec![CaseReference::parse("2025-0124174").unwrap()],
            proposal: Some(SnapshotProposal {
                id: ProposalId(1),
                opening: "Det foreslås,".into(),
                clauses: vec!["at noget sker".into()],
                submitted_by: Some("Stillet af Enhedslisten".into()),
                motivation: "Fortroligt".into(),
            }),
            body: Some("Fortroligt".into()),
        }
    }

    #[test]
    fn title_carries_case_references() {
        let refs = [
            CaseReference::parse("2025-0124174").unwrap(),
            CaseReference::parse("2024-0000012").unwrap(),
        ];
        assert_eq!(
            display_title("Medlemsforslag om X", &refs[..1]),
            "Medlemsforslag om X (2025-0124174)"
        );
        assert_eq!(
            display_title("Forslag", &refs),
            "Forslag (2025-0124174, 2024-0000012)"
        );
        assert_eq!(display_title("Forslag", &[]), "Forslag");
    }

    #[test]
    fn public_view_strips_closed_content_only() {
        let open = item("1", true);
        assert_eq!(open.public_view(), open);
        let closed = item("2", false).public_view();
        assert_eq!(closed.title, "Punkt 2");
        assert!(closed.proposal.is_none() && closed.body.is_none());
        assert!(closed.case_references.is_empty());
    }

    #[test]
    fn release_rules() {
        assert_eq!(check_items(&[]), Err(AgendaError::Empty));
        assert_eq!(check_items(&[item("1", true), item("2", false)]), Ok(()));
        assert_eq!(
            check_items(&[item("1", false), item("2", true)]),
            Err(AgendaError::OpenAfterClosed("2".into()))
        );
        assert_eq!(
            check_items(&[item("1", true), item("1", true)]),
            Err(AgendaError::DuplicateNumber("1".into()))
        );
        let mut untitled = item("1", true);
        untitled.title = "  ".into();
        assert_eq!(check_items(&[untitled]), Err(AgendaError::MissingTitle));
    }

    #[test]
    fn snapshot_survives_json() {
        let snap = AgendaSnapshot {
            meeting: SnapshotMeeting {
                id: MeetingId(1),
                organization_id: OrganizationId(2),
                organization_name: "Borgerrepræsentationen".into(),
                kind: MeetingKind::Regular,
                starts_at: "2025-04-30T15:30:00Z".parse().unwrap(),
                location: "Borgerrepræsentationens mødesal".into(),
            },
            items: vec![item("1", true)],
        };
        let json = serde_json::to_string(&snap).unwrap();
        assert_eq!(serde_json::from_str::<AgendaSnapshot>(&json).unwrap(), snap);
    }
}
