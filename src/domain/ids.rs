//! Typed ids, so a meeting id can never be passed where a proposal id is expected.

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl From<$name> for i64 {
            fn from(id: $name) -> i64 {
                id.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map($name)
            }
        }
    )*};
}

id_type!(
    /// The municipality (OParl Body).
    BodyId,
    /// Council, committee, party, administration or an outside organization.
    OrganizationId,
    PersonId,
    MembershipId,
    /// An election period (valgperiode) of a body.
    ElectionPeriodId,
    CaseId,
    ProposalId,
    MeetingId,
    AgendaItemId,
    AgendaVersionId,
    UserId,
    /// A follow-up task: what an adopted clause orders an administration to do.
    TaskId,
    /// An administration's share of a task that several answer.
    ContributionId,
    /// A file attached to a task's answer.
    TaskFileId,
    /// A file attached to an agenda item.
    AttachmentId,
    DecisionId,
    LetterId,
    MinutesId,
    /// A message in the outbox.
    MessageId,
);
