//! A member proposal as the API shows it, and as the case (`read::case`) lists it: one typed
//! struct, so the answers and the OpenAPI document's `Proposal` describe the same fields.

use serde::Serialize;

use crate::db::proposals::Proposal;
use crate::domain::proposal::{ProposalStatus, SubmitterRole};
use crate::domain::time::rfc3339;
use crate::domain::{MeetingId, OrganizationId, PersonId, ProposalId};

#[derive(Debug, Clone, Serialize)]
pub struct ProposalView {
    pub id: ProposalId,
    pub title: String,
    pub opening: String,
    pub clauses: Vec<String>,
    pub motivation: String,
    pub status: ProposalStatus,
    pub organization: Named<OrganizationId>,
    pub submitting_party: Option<Named<OrganizationId>>,
    pub submitters: Vec<SubmitterView>,
    pub submitted_by: Option<String>,
    pub case_references: Vec<String>,
    pub target_meeting_id: Option<MeetingId>,
    pub submitted_at: Option<String>,
    pub deadline: Option<String>,
    pub late: bool,
    pub lock_version: i32,
    pub links: Links,
}

/// Something with an id and a name (an organization, a party).
#[derive(Debug, Clone, Serialize)]
pub struct Named<Id> {
    pub id: Id,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SubmitterView {
    pub person_id: PersonId,
    pub name: String,
    pub role: SubmitterRole,
}

#[derive(Debug, Clone, Serialize)]
pub struct Links {
    /// The proposal in the API.
    #[serde(rename = "self")]
    pub this: String,
    /// Its page.
    pub html: String,
}

impl ProposalView {
    /// The proposal with absolute links under `base`.
    pub fn new(base: &str, p: &Proposal) -> Self {
        Self {
            id: p.id,
            title: p.title.clone(),
            opening: p.opening.clone(),
            clauses: p.clauses.clone(),
            motivation: p.motivation.clone(),
            status: p.status,
            organization: Named {
                id: p.organization_id,
                name: p.organization_name.clone(),
            },
            submitting_party: p.submitting_party.as_ref().map(|(id, name)| Named {
                id: *id,
                name: name.clone(),
            }),
            submitters: p
                .submitters
                .iter()
                .map(|s| SubmitterView {
                    person_id: s.person_id,
                    name: s.name.clone(),
                    role: s.role,
                })
                .collect(),
            submitted_by: p.submitted_by(),
            case_references: p
                .case_references()
                .iter()
                .map(ToString::to_string)
                .collect(),
            target_meeting_id: p.target_meeting_id,
            submitted_at: p.submitted_at.map(rfc3339),
            deadline: p.deadline_at.map(rfc3339),
            late: p.late,
            lock_version: p.lock_version,
            links: Links {
                this: format!("{base}{}", crate::urls::api_proposal(p.id)),
                html: format!("{base}{}", crate::urls::proposal(p.id)),
            },
        }
    }
}
