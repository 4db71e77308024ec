//! Who may read or change a proposal: one rule for pages, the API and the read models.

use crate::db::accounts::Account;
use crate::db::proposals::Proposal;
use crate::domain::account::Role;
use crate::domain::proposal::{ProposalStatus, SubmitterRole};

/// What a person may do with a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    None,
    /// A co-signer: reads it.
    Read,
    /// Made it or proposes it: reads, edits while editable, submits, withdraws.
    Author,
    /// Checks it (never a draft).
    Secretariat,
}

pub fn access(proposal: &Proposal, account: Option<&Account>) -> Access {
    let Some(account) = account else {
        return Access::None;
    };
    if account.role == Role::Secretariat {
        // A draft, or one withdrawn before it was ever submitted, is its authors' only.
        let never_submitted = proposal.submitted_at.is_none()
            && matches!(
                proposal.status,
                ProposalStatus::Draft | ProposalStatus::Withdrawn
            );
        return if never_submitted {
            Access::None
        } else {
            Access::Secretariat
        };
    }
    let person = account.person_id;
    let proposer = proposal
        .submitters
        .iter()
        .any(|s| Some(s.person_id) == person && s.role == SubmitterRole::Proposer);
    if proposal.created_by == Some(account.id) || proposer {
        return Access::Author;
    }
    if proposal
        .submitters
        .iter()
        .any(|s| Some(s.person_id) == person)
    {
        return Access::Read;
    }
    Access::None
}
