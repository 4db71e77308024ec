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
    CaseId,
    ProposalId,
    MeetingId,
    AgendaItemId,
    AgendaVersionId,
    UserId,
);
