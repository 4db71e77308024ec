//! Agendas: the items of a meeting and the frozen form in which an agenda is released.
//!
//! A released agenda is a snapshot of everything the agenda shows, taken at release. Later edits
//! of a proposal or a case never change what was released; a change is a new version.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::language::Lang;
use super::meeting::MeetingKind;
use super::{AgendaItemId, CaseReference, MeetingId, OrganizationId, ProposalId};

text_enum!(
    AgendaItemKind {
        ApprovalOfAgenda = "approval_of_agenda",
        MemberProposal = "member_proposal",
        Recommendation = "recommendation",
        Orientation = "orientation",
        Letter = "letter",
        Question = "question",
        Other = "other",
    }
);

impl AgendaItemKind {
    /// The kind's label to show beside an item's title, or none when the title already says it
    /// ("Medlemsforslag om …", "Godkendelse af dagsordenen").
    pub fn label_beside(self, lang: super::language::Lang, title: &str) -> Option<String> {
        let label = self.label(lang);
        let says_it = title
            .trim_start()
            .to_lowercase()
            .starts_with(&label.to_lowercase());
        (!says_it).then_some(label)
    }
}

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
    /// The sections of an indstilling (Indstilling, Problemstilling, Løsning, …).
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Who puts the item forward: the administration behind an indstilling, a letter's sender.
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub attachments: Vec<SnapshotAttachment>,
}

/// A headed section of an item's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub heading: String,
    pub text: String,
}

/// A file on an item, as released. Its bytes are kept apart and never change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotAttachment {
    pub id: crate::domain::AttachmentId,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub public: bool,
}

/// The sections an administration's indstilling has, in order.
pub const RECOMMENDATION_SECTIONS: [&str; 5] = [
    "Indstilling",
    "Problemstilling",
    "Løsning",
    "Økonomi",
    "Videre proces",
];

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
            return self.clone().with_public_attachments_of(self);
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
            sections: Vec::new(),
            source: None,
            attachments: Vec::new(),
        }
        .with_public_attachments_of(self)
    }

    fn with_public_attachments_of(mut self, original: &SnapshotItem) -> SnapshotItem {
        // A closed item shows no files at all, not even public-marked ones.
        if original.public {
            self.attachments = original
                .attachments
                .iter()
                .filter(|a| a.public)
                .cloned()
                .collect();
        }
        self
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

/// How something (a proposal) stands on the released agendas. Only releases decide what the
/// public may read: the working agenda may change at any time before the next release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReleasedStanding {
    /// On no released agenda.
    #[default]
    NotReleased,
    /// Its latest release shows it on an open item.
    Open,
    /// Its latest release shows it on a closed item.
    Closed,
}

impl ReleasedStanding {
    /// The latest release that shows it decides: a closed item stays closed until a later
    /// release shows it open (a correction, or another meeting), and taking it off the working
    /// agenda opens nothing. `appearances` are (the release's order, whether the item is open);
    /// within one release a closed appearance wins.
    pub fn of(appearances: impl IntoIterator<Item = (i64, bool)>) -> Self {
        let latest = appearances
            .into_iter()
            .max_by_key(|&(order, public)| (order, !public));
        match latest {
            None => Self::NotReleased,
            Some((_, true)) => Self::Open,
            Some((_, false)) => Self::Closed,
        }
    }

    pub fn is_open(self) -> bool {
        self == Self::Open
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

/// A title without the case references `display_title` put after it: what a closed item's
/// title is for the public, also in documents stored with the full title (minutes).
pub fn without_case_references(title: &str) -> &str {
    let Some(inner) = title.strip_suffix(')') else {
        return title;
    };
    let Some(open) = inner.rfind(" (") else {
        return title;
    };
    match CaseReference::parse_list(&inner[open + 2..]) {
        Ok(list) if !list.is_empty() => &title[..open],
        _ => title,
    }
}

impl From<AgendaError> for crate::i18n::Msg {
    fn from(err: AgendaError) -> Self {
        use crate::i18n::Msg;
        match err {
            AgendaError::Empty => Msg::key("agenda-empty"),
            AgendaError::DuplicateNumber(n) => Msg::key("agenda-duplicate-number").arg("number", n),
            AgendaError::OpenAfterClosed(n) => {
                Msg::key("agenda-open-after-closed").arg("number", n)
            }
            AgendaError::MissingTitle => Msg::key("agenda-missing-title"),
        }
    }
}

/// Why an agenda cannot be released as it stands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AgendaError {
    #[error("the agenda has no items")]
    Empty,
    #[error("the item number {0} is there more than once")]
    DuplicateNumber(String),
    #[error("item {0} is open and comes after a closed item")]
    OpenAfterClosed(String),
    #[error("an item has no title")]
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

/// An item of the working agenda, as far as its place and number go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub id: AgendaItemId,
    pub kind: AgendaItemKind,
    pub public: bool,
    pub number: String,
    /// A number typed in by the secretariat ("3a") is kept; the others follow the order.
    pub custom_number: bool,
}

impl Placed {
    /// Approval of the agenda first, then the open items, then the closed ones.
    fn group(&self) -> u8 {
        match (self.kind, self.public) {
            (AgendaItemKind::ApprovalOfAgenda, true) => 0,
            (_, true) => 1,
            (_, false) => 2,
        }
    }
}

/// Puts the items in their groups, keeping the order within each, and numbers them 1, 2, 3, …
/// (a custom number stays, and still counts as a place).
pub fn normalize(items: &mut [Placed]) {
    items.sort_by_key(Placed::group);
    for (i, item) in items.iter_mut().enumerate() {
        if !item.custom_number {
            item.number = (i + 1).to_string();
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// Moves an item one place within its group (an open item never passes a closed one, and
/// nothing passes "Godkendelse af dagsordenen"). Returns whether anything moved.
pub fn move_item(items: &mut [Placed], id: AgendaItemId, direction: Direction) -> bool {
    let Some(at) = items.iter().position(|i| i.id == id) else {
        return false;
    };
    let other = match direction {
        Direction::Up if at > 0 => at - 1,
        Direction::Down if at + 1 < items.len() => at + 1,
        _ => return false,
    };
    if items[at].group() != items[other].group() {
        return false;
    }
    items.swap(at, other);
    normalize(items);
    true
}

/// Puts an item at a given place (drag and drop), within its group.
pub fn move_to(items: &mut Vec<Placed>, id: AgendaItemId, index: usize) -> bool {
    let Some(at) = items.iter().position(|i| i.id == id) else {
        return false;
    };
    let item = items.remove(at);
    let index = index.min(items.len());
    items.insert(index, item);
    let moved_within_group = {
        let mut sorted = items.clone();
        sorted.sort_by_key(Placed::group);
        sorted.iter().map(|i| i.id).eq(items.iter().map(|i| i.id))
    };
    normalize(items);
    moved_within_group && at != index
}

/// Numbers that appear more than once (a typed-in number may collide with another).
pub fn duplicate_numbers(items: &[Placed]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut duplicates = Vec::new();
    for item in items {
        let number = item.number.trim();
        if !seen.insert(number) && !duplicates.iter().any(|d: &String| d == number) {
            duplicates.push(number.to_owned());
        }
    }
    duplicates
}

/// What changed from one released version to the next, in words for the supplementary agenda
/// (tillægsdagsorden), in the agenda's language. Items are matched by identity, so a renamed
/// item is "changed", not "removed and added".
pub fn changes(lang: Lang, before: &AgendaSnapshot, after: &AgendaSnapshot) -> Vec<String> {
    use crate::i18n::{t, t_with};
    let mut lines = Vec::new();
    if before.meeting.starts_at != after.meeting.starts_at {
        lines.push(t_with(
            lang,
            "agenda-change-moved",
            &[(
                "when",
                super::time::datetime(lang, after.meeting.starts_at).into(),
            )],
        ));
    }
    if before.meeting.location != after.meeting.location {
        lines.push(t_with(
            lang,
            "agenda-change-location",
            &[("location", after.meeting.location.as_str().into())],
        ));
    }
    for item in &after.items {
        let Some(old) = before.items.iter().find(|o| o.id == item.id) else {
            lines.push(t_with(
                lang,
                "agenda-change-new-item",
                &[
                    ("number", item.number.as_str().into()),
                    ("title", item.display_title().into()),
                ],
            ));
            continue;
        };
        let mut what = Vec::new();
        if old.public != item.public {
            what.push(if item.public {
                "agenda-change-now-open"
            } else {
                "agenda-change-now-closed"
            });
        }
        if old.title != item.title || old.case_references != item.case_references {
            what.push("agenda-change-new-title");
        }
        if old.proposal != item.proposal
            || old.body != item.body
            || old.sections != item.sections
            || old.source != item.source
        {
            what.push("agenda-change-new-text");
        }
        if old.attachments != item.attachments {
            what.push("agenda-change-new-attachments");
        }
        if old.number != item.number {
            lines.push(t_with(
                lang,
                "agenda-change-renumbered",
                &[
                    ("old", old.number.as_str().into()),
                    ("title", item.title.as_str().into()),
                    ("number", item.number.as_str().into()),
                ],
            ));
        }
        if !what.is_empty() {
            let what: Vec<String> = what.iter().map(|key| t(lang, key)).collect();
            lines.push(t_with(
                lang,
                "agenda-change-item",
                &[
                    ("number", item.number.as_str().into()),
                    ("title", item.title.as_str().into()),
                    ("what", super::text::list(lang, &what).into()),
                ],
            ));
        }
    }
    for old in &before.items {
        if !after.items.iter().any(|i| i.id == old.id) {
            lines.push(t_with(
                lang,
                "agenda-change-removed",
                &[
                    ("number", old.number.as_str().into()),
                    ("title", old.title.as_str().into()),
                ],
            ));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_is_not_repeated_beside_a_title_that_says_it() {
        use AgendaItemKind::*;
        assert_eq!(
            MemberProposal
                .label_beside(crate::domain::language::Lang::Da, "Medlemsforslag om bænke"),
            None
        );
        assert_eq!(
            ApprovalOfAgenda.label_beside(
                crate::domain::language::Lang::Da,
                "Godkendelse af dagsordenen"
            ),
            None
        );
        assert_eq!(
            Recommendation.label_beside(crate::domain::language::Lang::Da, "Budget 2027"),
            Some("Indstilling".to_owned())
        );
        assert_eq!(
            Orientation.label_beside(
                crate::domain::language::Lang::Da,
                "orientering om vejarbejde"
            ),
            None
        );
    }

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
            sections: Vec::new(),
            source: None,
            attachments: vec![
                SnapshotAttachment {
                    id: crate::domain::AttachmentId(1),
                    filename: "bilag.pdf".into(),
                    content_type: "application/pdf".into(),
                    size: 10,
                    public: true,
                },
                SnapshotAttachment {
                    id: crate::domain::AttachmentId(2),
                    filename: "fortroligt.pdf".into(),
                    content_type: "application/pdf".into(),
                    size: 10,
                    public: false,
                },
            ],
        }
    }

    fn placed(id: i64, kind: AgendaItemKind, public: bool) -> Placed {
        Placed {
            id: AgendaItemId(id),
            kind,
            public,
            number: String::new(),
            custom_number: false,
        }
    }

    fn order(items: &[Placed]) -> Vec<(i64, &str)> {
        items.iter().map(|i| (i.id.0, i.number.as_str())).collect()
    }

    #[test]
    fn normalize_puts_approval_first_and_closed_last() {
        use AgendaItemKind::*;
        let mut items = vec![
            placed(1, MemberProposal, false),
            placed(2, Orientation, true),
            placed(3, ApprovalOfAgenda, true),
            placed(4, Letter, true),
        ];
        normalize(&mut items);
        assert_eq!(order(&items), [(3, "1"), (2, "2"), (4, "3"), (1, "4")]);
        items[2].custom_number = true;
        items[2].number = "2a".into();
        normalize(&mut items);
        assert_eq!(order(&items), [(3, "1"), (2, "2"), (4, "2a"), (1, "4")]);
    }

    #[test]
    fn moves_stay_within_their_group() {
        use AgendaItemKind::*;
        let mut items = vec![
            placed(1, ApprovalOfAgenda, true),
            placed(2, MemberProposal, true),
            placed(3, Orientation, true),
            placed(4, Letter, false),
            placed(5, Other, false),
        ];
        normalize(&mut items);
        assert!(
            !move_item(&mut items, AgendaItemId(2), Direction::Up),
            "past approval"
        );
        assert!(
            !move_item(&mut items, AgendaItemId(3), Direction::Down),
            "into closed"
        );
        assert!(
            !move_item(&mut items, AgendaItemId(4), Direction::Up),
            "into open"
        );
        assert!(
            !move_item(&mut items, AgendaItemId(5), Direction::Down),
            "off the end"
        );
        assert!(
            !move_item(&mut items, AgendaItemId(9), Direction::Down),
            "unknown"
        );
        assert!(move_item(&mut items, AgendaItemId(3), Direction::Up));
        assert!(move_item(&mut items, AgendaItemId(5), Direction::Up));
        assert_eq!(
            order(&items),
            [(1, "1"), (3, "2"), (2, "3"), (5, "4"), (4, "5")]
        );
        assert!(move_to(&mut items, AgendaItemId(2), 1));
        assert_eq!(order(&items)[1], (2, "2"));
        assert!(
            !move_to(&mut items, AgendaItemId(4), 0),
            "a closed item cannot lead"
        );
        assert_eq!(order(&items)[0].0, 1);
    }

    #[test]
    fn typed_numbers_may_collide() {
        use AgendaItemKind::*;
        let mut items = vec![placed(1, Other, true), placed(2, Other, true)];
        normalize(&mut items);
        assert!(duplicate_numbers(&items).is_empty());
        items[1].number = "1".into();
        items[1].custom_number = true;
        assert_eq!(duplicate_numbers(&items), ["1"]);
    }

    fn snapshot(items: Vec<SnapshotItem>) -> AgendaSnapshot {
        AgendaSnapshot {
            meeting: SnapshotMeeting {
                id: MeetingId(1),
                organization_id: OrganizationId(2),
                organization_name: "Borgerrepræsentationen".into(),
                kind: MeetingKind::Regular,
                starts_at: "2025-04-30T15:30:00Z".parse().unwrap(),
                location: "Mødesalen".into(),
            },
            items,
        }
    }

    #[test]
    fn changes_name_what_a_supplement_changed() {
        let mut a = item("1", true);
        a.id = AgendaItemId(1);
        let mut b = item("2", true);
        b.id = AgendaItemId(2);
        let mut c = item("3", true);
        c.id = AgendaItemId(3);
        let before = snapshot(vec![a.clone(), b.clone(), c.clone()]);
        assert!(changes(Lang::Da, &before, &before).is_empty());

        let mut b2 = b.clone();
        b2.public = false;
        b2.body = Some("Ny tekst".into());
        b2.number = "3".into();
        let mut new = item("2", true);
        new.id = AgendaItemId(7);
        new.title = "Ekstra punkt".into();
        let mut after = snapshot(vec![a, new, b2]);
        after.meeting.location = "Rådhuset".into();
        assert_eq!(
            changes(Lang::Da, &before, &after),
            [
                "Mødet holdes nu i Rådhuset.",
                "Nyt punkt 2: Ekstra punkt (2025-0124174).",
                "Punkt 2 »Punkt 2« er nu punkt 3.",
                "Punkt 3 »Punkt 2« er nu et lukket punkt og har fået ændret tekst.",
                "Punkt 3 »Punkt 3« er taget af dagsordenen.",
            ]
        );
    }

    #[test]
    fn the_public_never_sees_closed_or_non_public_files() {
        let open = item("1", true).public_view();
        assert_eq!(open.attachments.len(), 1);
        assert!(open.attachments.iter().all(|a| a.public));
        assert!(item("2", false).public_view().attachments.is_empty());
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
        for title in ["Medlemsforslag om X", "Salg (del 2)", "Forslag"] {
            assert_eq!(without_case_references(&display_title(title, &refs)), title);
            assert_eq!(without_case_references(title), title);
        }
        assert_eq!(
            without_case_references("Punkt (ikke et sagsnummer)"),
            "Punkt (ikke et sagsnummer)"
        );
    }

    #[test]
    fn public_view_strips_closed_content_only() {
        let mut open = item("1", true);
        open.attachments.retain(|a| a.public);
        assert_eq!(open.public_view(), open);
        let closed = item("2", false).public_view();
        assert_eq!(closed.title, "Punkt 2");
        assert!(closed.proposal.is_none() && closed.body.is_none());
        assert!(closed.case_references.is_empty());
    }

    #[test]
    fn the_latest_release_decides_whether_it_is_open() {
        use ReleasedStanding::*;
        assert_eq!(ReleasedStanding::of([]), NotReleased);
        assert_eq!(ReleasedStanding::of([(1, true)]), Open);
        assert_eq!(ReleasedStanding::of([(1, false)]), Closed);
        // Closed, then opened by a later release (a supplement or another meeting).
        assert_eq!(ReleasedStanding::of([(1, false), (2, true)]), Open);
        // Open, then closed by a later release: closed, whatever the order of the rows.
        assert_eq!(ReleasedStanding::of([(3, false), (1, true)]), Closed);
        // Open and closed in the same release: closed.
        assert_eq!(ReleasedStanding::of([(2, true), (2, false)]), Closed);
        assert_eq!(ReleasedStanding::of([(2, false), (2, true)]), Closed);
        assert!(Open.is_open() && !Closed.is_open() && !NotReleased.is_open());
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
