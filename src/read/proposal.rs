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
    pub fn new(lang: crate::domain::language::Lang, base: &str, p: &Proposal) -> Self {
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
            submitted_by: p.submitted_by(lang),
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

/// What a proposal's own page (for its authors and the secretariat) shows beside its text:
/// the target meeting and its deadline, the saved versions, the reviews, what came of it, and
/// for the secretariat the audit log.
pub struct OwnPage {
    pub meeting: Option<crate::db::meetings::Meeting>,
    pub deadline: Option<(
        chrono::DateTime<chrono::Utc>,
        crate::domain::deadline::DeadlineRule,
    )>,
    pub versions: Vec<crate::db::workflow::TextVersion>,
    pub reviews: Vec<crate::db::workflow::Review>,
    pub history: Vec<crate::db::audit::AuditEvent>,
    pub followup: Option<super::followup::ProposalFollowup>,
    /// Case numbers the proposal names that the register does not know (yet): told to the
    /// author, who may have mistyped one, and shown without a link to a page that is not there.
    pub unknown_cases: Vec<crate::domain::CaseReference>,
}

pub fn own_page(
    lang: crate::domain::language::Lang,
    conn: &mut crate::db::DbConnection,
    proposal: &Proposal,
    secretariat: bool,
) -> crate::error::AppResult<OwnPage> {
    use crate::db::{audit, meetings, organizations, workflow};
    let id = proposal.id;
    // The secretariat and the proposal's authors follow it as it stands.
    let followup = super::followup::proposal_followup(lang, conn, id, true, secretariat)?;
    let meeting = match proposal.target_meeting_id {
        Some(m) => meetings::get(conn, m)?,
        None => None,
    };
    let deadline = match &meeting {
        Some(m) => {
            let s = organizations::deadline_settings(conn, m.organization_id)?;
            Some((s.proposal.deadline(m.starts_at, &s.closed), s.proposal))
        }
        None => None,
    };
    let history = if secretariat {
        audit::for_subject(conn, workflow::PROPOSAL.with(id))?
    } else {
        Vec::new()
    };
    let mut unknown_cases = Vec::new();
    for reference in proposal.case_references() {
        if crate::db::cases::by_reference(conn, &reference)?.is_none() {
            unknown_cases.push(reference);
        }
    }
    Ok(OwnPage {
        unknown_cases,
        meeting,
        deadline,
        versions: workflow::versions(conn, id)?,
        reviews: workflow::reviews(conn, id)?,
        history,
        followup,
    })
}
