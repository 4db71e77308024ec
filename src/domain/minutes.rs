//! Minutes (beslutningsprotokol): the decisions of a meeting as one document, approved by the
//! signers the body is configured with, then published and frozen; a correction is a new
//! version. The public version leaves out what closed items decided beyond their outcome.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::PersonId;
use super::agenda::AgendaItemKind;
use super::decision::{Outcome, Statement};
use super::meeting::AttendanceStatus;

text_enum!(
    /// Who approves a body's minutes.
    SignerRule {
        ChairAndSecretariat = "chair_and_secretariat",
        AllParticipants = "all_participants",
    }
);

/// The key of the secretariat's signature.
pub const SECRETARIAT: &str = "secretariat";

/// One signature the minutes need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signer {
    /// `secretariat`, or `person:{id}`.
    pub key: String,
    pub name: String,
    /// "Formand", "Sekretariatet", "Deltager".
    pub role: String,
}

impl Signer {
    pub fn person(id: PersonId, name: &str, role: &str) -> Self {
        Self {
            key: format!("person:{id}"),
            name: name.to_owned(),
            role: role.to_owned(),
        }
    }

    /// The person who signs, when a person signs.
    pub fn person_id(&self) -> Option<PersonId> {
        self.key
            .strip_prefix("person:")
            .and_then(|id| id.parse().ok())
            .map(PersonId)
    }
}

/// Why the minutes cannot be drafted with the body's rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignerError {
    #[error("the body has no chair on the meeting day")]
    NoChair,
    #[error("the attendance is not recorded")]
    NoParticipants,
}

impl From<SignerError> for crate::i18n::Msg {
    fn from(e: SignerError) -> Self {
        crate::i18n::Msg::key(match e {
            SignerError::NoChair => "error-minutes-no-chair",
            SignerError::NoParticipants => "error-minutes-no-attendance",
        })
    }
}

/// The signatures minutes need under `rule`: the chair (on the meeting day) and the
/// secretariat, or everyone who took part (members present and substitutes).
pub fn signers(
    rule: SignerRule,
    chair: Option<(PersonId, &str)>,
    participants: &[(PersonId, &str)],
) -> Result<Vec<Signer>, SignerError> {
    match rule {
        SignerRule::ChairAndSecretariat => {
            let (id, name) = chair.ok_or(SignerError::NoChair)?;
            Ok(vec![
                Signer::person(id, name, "Formand"),
                Signer {
                    key: SECRETARIAT.to_owned(),
                    name: "Sekretariatet".to_owned(),
                    role: "Sekretariatet".to_owned(),
                },
            ])
        }
        SignerRule::AllParticipants => {
            if participants.is_empty() {
                return Err(SignerError::NoParticipants);
            }
            Ok(participants
                .iter()
                .map(|(id, name)| {
                    let role = if chair.is_some_and(|(c, _)| c == *id) {
                        "Formand"
                    } else {
                        "Deltager"
                    };
                    Signer::person(*id, name, role)
                })
                .collect())
        }
    }
}

/// Who took part, as the minutes list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceLine {
    pub name: String,
    pub party: Option<String>,
    pub status: AttendanceStatus,
    /// For a substitute: whom they stood in for.
    pub substitute_for: Option<String>,
}

/// One agenda item and what was decided on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesItem {
    pub number: String,
    pub title: String,
    pub kind: AgendaItemKind,
    pub public: bool,
    pub outcome: Option<Outcome>,
    /// The decision text; `None` when nothing was recorded, or in the public view of a closed
    /// item.
    pub text: Option<String>,
    #[serde(default)]
    pub statements: Vec<Statement>,
}

/// The minutes as drafted: frozen with the version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesContent {
    pub organization_name: String,
    pub starts_at: DateTime<Utc>,
    pub location: String,
    pub attendance: Vec<AttendanceLine>,
    pub items: Vec<MinutesItem>,
}

impl MinutesContent {
    /// What the public may read: a closed item keeps its number, title and outcome, not the
    /// decision's text or the statements on it.
    pub fn public_view(&self) -> Self {
        let mut out = self.clone();
        for item in out.items.iter_mut().filter(|i| !i.public) {
            // As a closed item on the agenda: its number and title, not its cases.
            item.title = super::agenda::without_case_references(&item.title).to_owned();
            item.text = None;
            item.statements.clear();
        }
        out
    }

    /// Items without a recorded decision: the minutes should not be drafted with them.
    pub fn undecided(&self) -> Vec<&MinutesItem> {
        self.items.iter().filter(|i| i.outcome.is_none()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::decision::StatementKind;

    #[test]
    fn chair_and_secretariat_need_a_chair() {
        let chair = Some((PersonId(1), "Anna Dahl"));
        let got = signers(SignerRule::ChairAndSecretariat, chair, &[]).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].key, "person:1");
        assert_eq!(got[0].role, "Formand");
        assert_eq!(got[0].person_id(), Some(PersonId(1)));
        assert_eq!(got[1].key, SECRETARIAT);
        assert_eq!(got[1].person_id(), None);
        assert_eq!(
            signers(SignerRule::ChairAndSecretariat, None, &[]),
            Err(SignerError::NoChair)
        );
    }

    #[test]
    fn all_participants_sign_each_and_need_the_attendance() {
        let people = [(PersonId(1), "Anna Dahl"), (PersonId(7), "Bo Holm")];
        let got = signers(
            SignerRule::AllParticipants,
            Some((PersonId(1), "Anna Dahl")),
            &people,
        )
        .unwrap();
        let keys: Vec<&str> = got.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["person:1", "person:7"]);
        assert_eq!(got[0].role, "Formand");
        assert_eq!(got[1].role, "Deltager");
        assert_eq!(
            signers(SignerRule::AllParticipants, None, &[]),
            Err(SignerError::NoParticipants)
        );
    }

    #[test]
    fn the_public_view_keeps_a_closed_items_outcome_only() {
        let item = |public: bool| MinutesItem {
            number: "1".into(),
            title: "Salg af grund".into(),
            kind: AgendaItemKind::Recommendation,
            public,
            outcome: Some(Outcome::Adopted),
            text: Some("Indstillingen blev tiltrådt; prisen er 12 mio. kr.".into()),
            statements: vec![Statement {
                kind: StatementKind::ProtocolNote,
                by: "V".into(),
                text: "Prisen er for lav.".into(),
            }],
        };
        let content = MinutesContent {
            organization_name: "Økonomiudvalget".into(),
            starts_at: Utc::now(),
            location: "Rådhuset".into(),
            attendance: Vec::new(),
            items: vec![item(true), item(false)],
        };
        let public = content.public_view();
        assert_eq!(public.items[0], content.items[0]);
        assert_eq!(public.items[1].title, "Salg af grund");
        assert_eq!(public.items[1].outcome, Some(Outcome::Adopted));
        assert_eq!(public.items[1].text, None);
        assert!(public.items[1].statements.is_empty());
        assert!(content.undecided().is_empty());
    }
}
