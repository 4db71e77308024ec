//! Organizations of a body: its council, committees, parties, administrations and outside
//! organizations that write to it (such as KL).

text_enum!(
    /// OParl `organizationType`.
    OrganizationKind {
        Council = "council",
        Committee = "committee",
        Party = "party",
        Administration = "administration",
        External = "external",
    }
);

impl OrganizationKind {
    /// Bodies that hold meetings with agendas.
    pub fn holds_meetings(self) -> bool {
        matches!(self, Self::Council | Self::Committee)
    }
}

text_enum!(
    /// A person's role in an organization.
    MembershipRole {
        Member = "member",
        Chair = "chair",
        ViceChair = "vice_chair",
        Substitute = "substitute",
        Staff = "staff",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_form_round_trips() {
        for kind in OrganizationKind::ALL {
            assert_eq!(kind.as_str().parse::<OrganizationKind>().unwrap(), *kind);
        }
        for role in MembershipRole::ALL {
            assert_eq!(role.as_str().parse::<MembershipRole>().unwrap(), *role);
        }
        let err = "senate".parse::<OrganizationKind>().unwrap_err();
        assert_eq!(err.kind, "OrganizationKind");
    }

    #[test]
    fn only_councils_and_committees_meet() {
        assert!(OrganizationKind::Council.holds_meetings());
        assert!(OrganizationKind::Committee.holds_meetings());
        assert!(!OrganizationKind::Administration.holds_meetings());
    }
}
