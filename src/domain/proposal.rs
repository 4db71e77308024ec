//! Member proposals (medlemsforslag): a title, an opening ("Det foreslås,"), numbered clauses
//! ("at …"), a motivation and who submitted it.

use super::text::danish_list;

text_enum!(
    /// The life of a proposal (brief §3). Transitions are added with the submission workflow.
    ProposalStatus {
        Draft = "draft" / "Kladde",
        Submitted = "submitted" / "Indsendt",
        Returned = "returned" / "Sendt retur",
        Accepted = "accepted" / "Godkendt til dagsorden",
        OnAgenda = "on_agenda" / "På dagsordenen",
        Decided = "decided" / "Behandlet",
        InFollowUp = "in_follow_up" / "I opfølgning",
        Closed = "closed" / "Afsluttet",
        Withdrawn = "withdrawn" / "Trukket",
    }
);

text_enum!(
    SubmitterRole {
        Proposer = "proposer" / "Forslagsstiller",
        Cosigner = "cosigner" / "Medunderskriver",
    }
);

impl ProposalStatus {
    /// Before it is on a released agenda, a proposal is the business of its authors and the
    /// secretariat only.
    pub fn is_public(self) -> bool {
        matches!(
            self,
            Self::OnAgenda | Self::Decided | Self::InFollowUp | Self::Closed
        )
    }
}

/// The opening line used when a proposal does not say otherwise.
pub const DEFAULT_OPENING: &str = "Det foreslås,";

/// "Stillet af Enhedslisten": the submitting party if there is one, otherwise the persons.
pub fn submitted_by_line(party: Option<&str>, persons: &[String]) -> Option<String> {
    match party {
        Some(party) => Some(format!("Stillet af {party}")),
        None if !persons.is_empty() => Some(format!("Stillet af {}", danish_list(persons))),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn submitted_by_prefers_the_party() {
        assert_eq!(
            submitted_by_line(Some("Enhedslisten"), &["Anna".into()]).as_deref(),
            Some("Stillet af Enhedslisten")
        );
        assert_eq!(
            submitted_by_line(None, &["Anna Holm".into(), "Bo Ravn".into()]).as_deref(),
            Some("Stillet af Anna Holm og Bo Ravn")
        );
        assert_eq!(submitted_by_line(None, &[]), None);
    }

    #[test]
    fn drafts_and_submissions_are_private() {
        assert!(!ProposalStatus::Draft.is_public());
        assert!(!ProposalStatus::Submitted.is_public());
        assert!(!ProposalStatus::Returned.is_public());
        assert!(!ProposalStatus::Accepted.is_public());
        assert!(ProposalStatus::OnAgenda.is_public());
        assert!(ProposalStatus::Closed.is_public());
    }
}
