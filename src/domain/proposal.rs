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
    /// Whether a proposal in this status may be public at all: a draft, a submission or a
    /// returned proposal never is. Whether it is follows only from the released agendas (an
    /// open item on one), so a proposal postponed or referred (accepted again) or withdrawn
    /// after it was released stays public.
    pub fn is_public(self) -> bool {
        !matches!(self, Self::Draft | Self::Submitted | Self::Returned)
    }
}

/// A step in the life of a proposal (brief §3 steps 1–3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    /// The author submits a draft, or resubmits a returned proposal.
    Submit,
    /// The secretariat sends it back with a comment.
    Return,
    /// The secretariat accepts it for the agenda.
    Accept,
    /// The author takes it back before it is accepted.
    Withdraw,
    /// A released agenda shows it (the first version or a supplement).
    PutOnAgenda,
    /// A supplement took it off again: it waits for another meeting.
    TakeOffAgenda,
    /// The meeting decided on it (or corrected its decision); the outcome's consequence
    /// (`domain::decision::proposal_step`).
    Decide(DecisionStep),
    /// A follow-up task was confirmed for it.
    FollowUp,
    /// Every task of its follow-up is presented or closed.
    Close,
}

/// What a decision does to its proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionStep {
    /// Decided; tasks follow when some are confirmed.
    Decided,
    /// Decided, with follow-up tasks already confirmed.
    InFollowUp,
    /// Referred to a committee or postponed: accepted again, for another meeting.
    Again,
    /// Withdrawn at the meeting.
    Withdrawn,
}

impl Transition {
    fn verb_da(self) -> &'static str {
        match self {
            Transition::Submit => "indsendes",
            Transition::Return => "sendes retur",
            Transition::Accept => "godkendes",
            Transition::Withdraw => "trækkes tilbage",
            Transition::PutOnAgenda => "sættes på dagsordenen",
            Transition::TakeOffAgenda => "tages af dagsordenen",
            Transition::Decide(_) => "få en beslutning",
            Transition::FollowUp => "få opfølgningsopgaver",
            Transition::Close => "afsluttes",
        }
    }
}

/// A step the proposal's status does not allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("Et forslag med status »{}« kan ikke {}.", .from.label_da(), .transition.verb_da())]
pub struct TransitionError {
    pub from: ProposalStatus,
    pub transition: Transition,
}

impl ProposalStatus {
    /// The status after `transition`, or why it is not allowed.
    pub fn after(self, transition: Transition) -> Result<ProposalStatus, TransitionError> {
        use ProposalStatus::*;
        let next = match (self, transition) {
            (Draft | Returned, Transition::Submit) => Submitted,
            (Submitted, Transition::Return) => Returned,
            (Submitted, Transition::Accept) => Accepted,
            (Draft | Submitted | Returned, Transition::Withdraw) => Withdrawn,
            (Accepted | OnAgenda, Transition::PutOnAgenda) => OnAgenda,
            (OnAgenda | Accepted, Transition::TakeOffAgenda) => Accepted,
            // A decision is recorded on a released agenda, and may be corrected until the
            // minutes are published: from any status a released agenda can leave it in.
            (
                Accepted | OnAgenda | Decided | InFollowUp | Closed | Withdrawn,
                Transition::Decide(step),
            ) => match step {
                DecisionStep::Decided => Decided,
                DecisionStep::InFollowUp => InFollowUp,
                DecisionStep::Again => Accepted,
                DecisionStep::Withdrawn => Withdrawn,
            },
            (Decided | InFollowUp, Transition::FollowUp) => InFollowUp,
            (InFollowUp | Closed, Transition::Close) => Closed,
            _ => {
                return Err(TransitionError {
                    from: self,
                    transition,
                });
            }
        };
        Ok(next)
    }

    /// Whether its authors may still change the text.
    pub fn editable_by_author(self) -> bool {
        matches!(self, Self::Draft | Self::Returned)
    }

    /// What the proposal's meeting is to it now: the one it is meant for, the one whose agenda
    /// it is on, or the one that treated it. None once withdrawn.
    pub fn meeting_role_da(self) -> Option<&'static str> {
        match self {
            Self::Draft | Self::Submitted | Self::Returned | Self::Accepted => {
                Some("Skal behandles på")
            }
            Self::OnAgenda => Some("På dagsordenen for"),
            Self::Decided | Self::InFollowUp | Self::Closed => Some("Behandlet på"),
            Self::Withdrawn => None,
        }
    }

    /// The status as the public may be told it. A proposal bound for a meeting whose agenda
    /// has not been released with it (after a postponement, say) is, to the public, waiting
    /// for its next treatment: the draft agenda is the secretariat's working copy.
    pub fn public_label_da(self, bound_for_an_unreleased_agenda: bool) -> &'static str {
        match self {
            Self::OnAgenda | Self::Accepted if bound_for_an_unreleased_agenda => {
                "Afventer ny behandling"
            }
            other => other.label_da(),
        }
    }

    /// A draft no one but its authors has seen can be deleted outright; once submitted it
    /// stays on record and can only be withdrawn.
    pub fn deletable(self) -> bool {
        self == Self::Draft
    }

    /// Whether the submission deadline still matters to it.
    pub fn before_the_deadline_matters(self) -> bool {
        matches!(self, Self::Draft | Self::Returned | Self::Submitted)
    }
}

/// What the secretariat checks before accepting (brief §3 step 3): (key, Danish label).
pub const CHECKLIST: [(&str, &str); 5] = [
    ("lawful", "Forslaget er lovligt"),
    ("municipal", "Det er en kommunal opgave"),
    ("clear", "Forslaget er klart formuleret"),
    (
        "not_handled",
        "Samme spørgsmål er ikke behandlet tidligere i valgperioden",
    ),
    (
        "consistent",
        "Overskrift, at-punkter og motivation hænger sammen",
    ),
];

pub const TITLE_MAX_CHARS: usize = 300;
pub const OPENING_MAX_CHARS: usize = 100;
pub const CLAUSE_MAX_CHARS: usize = 3_000;
pub const CLAUSES_MAX: usize = 30;
pub const MOTIVATION_MAX_CHARS: usize = 30_000;
/// Cosigners of one proposal: every member of the largest council (Borgerrepræsentationen has
/// 55), with room to spare.
pub const COSIGNERS_MAX: usize = 100;
/// Case numbers one proposal refers to.
pub const CASES_MAX: usize = super::case_reference::CaseReference::LIST_MAX;

/// The text of a proposal as its author writes it, checked.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ProposalText {
    pub title: String,
    pub opening: String,
    pub clauses: Vec<String>,
    /// Markdown.
    pub motivation: String,
}

/// Messages per form field ("title", "clause-2", …), in Danish.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<(String, String)>);

impl FieldErrors {
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push((field.into(), message.into()));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }
}

/// Trims the parts and checks them; every problem is reported at its field.
pub fn check_text(
    title: &str,
    opening: &str,
    clauses: &[String],
    motivation: &str,
) -> Result<ProposalText, FieldErrors> {
    let mut errors = FieldErrors::default();
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.is_empty() {
        errors.add("title", "Skriv en overskrift, fx »Medlemsforslag om …«.");
    } else if title.chars().count() > TITLE_MAX_CHARS {
        errors.add(
            "title",
            format!("Overskriften er for lang (højst {TITLE_MAX_CHARS} tegn)."),
        );
    }
    let opening = opening.trim();
    let opening = if opening.is_empty() {
        DEFAULT_OPENING.to_owned()
    } else {
        opening.to_owned()
    };
    if opening.chars().count() > OPENING_MAX_CHARS || opening.contains('\n') {
        errors.add(
            "opening",
            format!("Indledningen skal være én kort linje (højst {OPENING_MAX_CHARS} tegn)."),
        );
    }
    let clauses: Vec<String> = clauses
        .iter()
        .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    if clauses.is_empty() {
        errors.add(
            "clauses",
            "Forslaget skal have mindst ét at-punkt (»at …«).",
        );
    } else if clauses.len() > CLAUSES_MAX {
        errors.add(
            "clauses",
            format!("Forslaget kan højst have {CLAUSES_MAX} at-punkter."),
        );
    }
    for (index, clause) in clauses.iter().enumerate() {
        let field = format!("clause-{}", index + 1);
        if clause.is_empty() {
            errors.add(
                field,
                format!(
                    "Punkt {} er tomt. Skriv teksten, eller fjern punktet.",
                    index + 1
                ),
            );
        } else if clause.chars().count() > CLAUSE_MAX_CHARS {
            errors.add(
                field,
                format!(
                    "Punkt {} er for langt (højst {CLAUSE_MAX_CHARS} tegn).",
                    index + 1
                ),
            );
        }
    }
    let motivation = motivation.replace("\r\n", "\n").trim().to_owned();
    let motivation_chars = motivation.chars().count();
    if motivation_chars > MOTIVATION_MAX_CHARS {
        errors.add(
            "motivation",
            format!(
                "Motivationen er for lang: {motivation_chars} tegn, højst {MOTIVATION_MAX_CHARS}. Gør den kortere, eller vedlæg et bilag."
            ),
        );
    }
    if errors.is_empty() {
        Ok(ProposalText {
            title,
            opening,
            clauses,
            motivation,
        })
    } else {
        Err(errors)
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
    fn the_later_life_goes_through_the_same_function() {
        use ProposalStatus::*;
        let decide = |step| Transition::Decide(step);
        let allowed = [
            (Accepted, Transition::PutOnAgenda, OnAgenda),
            (OnAgenda, Transition::PutOnAgenda, OnAgenda),
            (OnAgenda, Transition::TakeOffAgenda, Accepted),
            (OnAgenda, decide(DecisionStep::Decided), Decided),
            (OnAgenda, decide(DecisionStep::Again), Accepted),
            (OnAgenda, decide(DecisionStep::Withdrawn), Withdrawn),
            (InFollowUp, decide(DecisionStep::InFollowUp), InFollowUp),
            (Decided, Transition::FollowUp, InFollowUp),
            (InFollowUp, Transition::Close, Closed),
        ];
        for (from, transition, to) in allowed {
            assert_eq!(from.after(transition), Ok(to), "{from:?} {transition:?}");
        }
        let refused = [
            (Draft, Transition::PutOnAgenda),
            (Submitted, Transition::PutOnAgenda),
            (Decided, Transition::PutOnAgenda),
            (Draft, decide(DecisionStep::Decided)),
            (Submitted, decide(DecisionStep::Decided)),
            (Returned, decide(DecisionStep::Decided)),
            (OnAgenda, Transition::FollowUp),
            (Accepted, Transition::FollowUp),
            (Decided, Transition::Close),
            (Withdrawn, Transition::Close),
        ];
        for (from, transition) in refused {
            assert!(from.after(transition).is_err(), "{from:?} {transition:?}");
        }
    }

    #[test]
    fn the_workflow_allows_only_its_steps() {
        use ProposalStatus::*;
        let table = [
            (Draft, Transition::Submit, Ok(Submitted)),
            (Returned, Transition::Submit, Ok(Submitted)),
            (Submitted, Transition::Return, Ok(Returned)),
            (Submitted, Transition::Accept, Ok(Accepted)),
            (Draft, Transition::Withdraw, Ok(Withdrawn)),
            (Returned, Transition::Withdraw, Ok(Withdrawn)),
            (Submitted, Transition::Withdraw, Ok(Withdrawn)),
        ];
        for (from, transition, expected) in table {
            assert_eq!(
                from.after(transition).map_err(|_| ()),
                expected.map_err(|_: ()| ()),
                "{from:?} {transition:?}"
            );
        }
        // Everything else is refused, with a message that says why.
        for from in ProposalStatus::ALL {
            for transition in [
                Transition::Submit,
                Transition::Return,
                Transition::Accept,
                Transition::Withdraw,
            ] {
                let allowed = table.iter().any(|(f, t, _)| f == from && *t == transition);
                assert_eq!(
                    from.after(transition).is_ok(),
                    allowed,
                    "{from:?} {transition:?}"
                );
            }
        }
        let err = Accepted.after(Transition::Submit).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Et forslag med status »Godkendt til dagsorden« kan ikke indsendes."
        );
        assert!(Draft.editable_by_author() && Returned.editable_by_author());
        assert!(!Submitted.editable_by_author() && !Accepted.editable_by_author());
    }

    #[test]
    fn proposal_text_is_checked_field_by_field() {
        let ok = check_text(
            "  Medlemsforslag   om  X ",
            "",
            &["at  X\n sker.".into()],
            "Fordi.\r\n\r\nDerfor.",
        )
        .unwrap();
        assert_eq!(ok.title, "Medlemsforslag om X");
        assert_eq!(ok.opening, DEFAULT_OPENING);
        assert_eq!(ok.clauses, vec!["at X sker."]);
        assert_eq!(ok.motivation, "Fordi.\n\nDerfor.");

        let errors = check_text("", "", &[], "").unwrap_err();
        assert!(errors.get("title").is_some());
        assert!(errors.get("clauses").unwrap().contains("mindst ét"));
        let errors = check_text(
            "T",
            "",
            &["at a".into(), " ".into()],
            &"x".repeat(1_000_000),
        )
        .unwrap_err();
        assert_eq!(
            errors.get("clause-2"),
            Some("Punkt 2 er tomt. Skriv teksten, eller fjern punktet.")
        );
        assert!(errors.get("motivation").unwrap().contains("1000000 tegn"));
        assert!(errors.get("clause-1").is_none());
        let errors = check_text(&"x".repeat(301), "a\nb", &["at a".into()], "").unwrap_err();
        assert!(errors.get("title").is_some() && errors.get("opening").is_some());
        // Script is text like any other: it is escaped where it is shown, not refused.
        assert!(check_text("<script>alert(1)</script>", "", &["at <b>".into()], "").is_ok());
    }

    #[test]
    fn the_public_is_told_only_what_a_released_agenda_says() {
        use ProposalStatus::*;
        assert_eq!(OnAgenda.public_label_da(false), "På dagsordenen");
        assert_eq!(OnAgenda.public_label_da(true), "Afventer ny behandling");
        assert_eq!(Decided.public_label_da(true), "Behandlet");
        assert_eq!(InFollowUp.public_label_da(false), "I opfølgning");
    }

    #[test]
    fn drafts_and_submissions_are_private() {
        assert!(!ProposalStatus::Draft.is_public());
        assert!(!ProposalStatus::Submitted.is_public());
        assert!(!ProposalStatus::Returned.is_public());
        // Accepted again after a referral: public if a released agenda had it.
        assert!(ProposalStatus::Accepted.is_public());
        assert!(ProposalStatus::OnAgenda.is_public());
        assert!(ProposalStatus::Closed.is_public());
    }
}
