//! Member proposals (medlemsforslag): a title, an opening ("Det foreslås,"), numbered clauses
//! ("at …"), a motivation and who submitted it.

use super::language::Lang;

text_enum!(
    /// The life of a proposal (brief §3). Transitions are added with the submission workflow.
    ProposalStatus {
        Draft = "draft",
        Submitted = "submitted",
        Returned = "returned",
        Accepted = "accepted",
        OnAgenda = "on_agenda",
        Decided = "decided",
        InFollowUp = "in_follow_up",
        Closed = "closed",
        Withdrawn = "withdrawn",
    }
);

text_enum!(
    SubmitterRole {
        Proposer = "proposer",
        Cosigner = "cosigner",
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
    /// The catalogue key of what the step does to a proposal ("indsendes").
    fn verb_key(self) -> &'static str {
        match self {
            Transition::Submit => "proposal-step-submit",
            Transition::Return => "proposal-step-return",
            Transition::Accept => "proposal-step-accept",
            Transition::Withdraw => "proposal-step-withdraw",
            Transition::PutOnAgenda => "proposal-step-put-on-agenda",
            Transition::TakeOffAgenda => "proposal-step-take-off-agenda",
            Transition::Decide(_) => "proposal-step-decide",
            Transition::FollowUp => "proposal-step-follow-up",
            Transition::Close => "proposal-step-close",
        }
    }
}

impl From<TransitionError> for crate::i18n::Msg {
    fn from(err: TransitionError) -> Self {
        crate::i18n::Msg::key("error-proposal-step")
            .label("status", err.from.label_key())
            .label("step", err.transition.verb_key())
    }
}

/// A step the proposal's status does not allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::i18n::Msg::from(*self))]
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
    pub fn meeting_role_key(self) -> Option<&'static str> {
        match self {
            Self::Draft | Self::Submitted | Self::Returned | Self::Accepted => {
                Some("proposal-meeting-bound-for")
            }
            Self::OnAgenda => Some("proposal-meeting-on-agenda"),
            Self::Decided | Self::InFollowUp | Self::Closed => Some("proposal-meeting-treated"),
            Self::Withdrawn => None,
        }
    }

    /// `meeting_role_key` in `lang`.
    pub fn meeting_role(self, lang: Lang) -> Option<String> {
        self.meeting_role_key().map(|key| crate::i18n::t(lang, key))
    }

    /// The status as the public may be told it. A proposal bound for a meeting whose agenda
    /// has not been released with it (after a postponement, say) is, to the public, waiting
    /// for its next treatment: the draft agenda is the secretariat's working copy.
    pub fn public_label(self, lang: Lang, bound_for_an_unreleased_agenda: bool) -> String {
        let key = match self {
            Self::OnAgenda | Self::Accepted if bound_for_an_unreleased_agenda => {
                "proposal-status-awaiting-new-treatment"
            }
            other => other.label_key(),
        };
        crate::i18n::t(lang, key)
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

/// What the secretariat checks before accepting (brief §3 step 3): (key, catalogue label).
pub const CHECKLIST: [(&str, &str); 5] = [
    ("lawful", "checklist-lawful"),
    ("municipal", "checklist-municipal"),
    ("clear", "checklist-clear"),
    ("not_handled", "checklist-not-handled"),
    ("consistent", "checklist-consistent"),
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

/// Messages per form field ("title", "clause-2", …), written in the reader's language where
/// they are shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<(String, crate::i18n::Msg)>);

impl FieldErrors {
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<crate::i18n::Msg>) {
        self.0.push((field.into(), message.into()));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: &str) -> Option<&crate::i18n::Msg> {
        self.0.iter().find(|(f, _)| f == field).map(|(_, m)| m)
    }
}

/// Trims the parts and checks them; every problem is reported at its field. An empty opening
/// is the council's usual one, in its language `lang`.
pub fn check_text(
    lang: Lang,
    title: &str,
    opening: &str,
    clauses: &[String],
    motivation: &str,
) -> Result<ProposalText, FieldErrors> {
    let mut errors = FieldErrors::default();
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.is_empty() {
        errors.add("title", "field-write-a-heading-e-g-member");
    } else if title.chars().count() > TITLE_MAX_CHARS {
        errors.add(
            "title",
            crate::i18n::Msg::key("field-the-heading-is-too-long-at-2")
                .arg("TITLE_MAX_CHARS", TITLE_MAX_CHARS),
        );
    }
    let opening = opening.trim();
    let opening = if opening.is_empty() {
        default_opening(lang)
    } else {
        opening.to_owned()
    };
    if opening.chars().count() > OPENING_MAX_CHARS || opening.contains('\n') {
        errors.add(
            "opening",
            crate::i18n::Msg::key("field-the-introduction-must-be-one-short")
                .arg("OPENING_MAX_CHARS", OPENING_MAX_CHARS),
        );
    }
    let clauses: Vec<String> = clauses
        .iter()
        .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    if clauses.is_empty() {
        errors.add("clauses", "field-the-proposal-must-have-at-least");
    } else if clauses.len() > CLAUSES_MAX {
        errors.add(
            "clauses",
            crate::i18n::Msg::key("field-the-proposal-can-have-at-most")
                .arg("CLAUSES_MAX", CLAUSES_MAX),
        );
    }
    for (index, clause) in clauses.iter().enumerate() {
        let field = format!("clause-{}", index + 1);
        if clause.is_empty() {
            errors.add(
                field,
                crate::i18n::Msg::key("field-clause-is-empty-write-the-text")
                    .arg("arg0", index + 1),
            );
        } else if clause.chars().count() > CLAUSE_MAX_CHARS {
            errors.add(
                field,
                crate::i18n::Msg::key("field-clause-is-too-long-at-most")
                    .arg("arg0", index + 1)
                    .arg("CLAUSE_MAX_CHARS", CLAUSE_MAX_CHARS),
            );
        }
    }
    let motivation = motivation.replace("\r\n", "\n").trim().to_owned();
    let motivation_chars = motivation.chars().count();
    if motivation_chars > MOTIVATION_MAX_CHARS {
        errors.add(
            "motivation",
            crate::i18n::Msg::key("field-the-motivation-is-too-long-characters")
                .arg("motivation_chars", motivation_chars)
                .arg("MOTIVATION_MAX_CHARS", MOTIVATION_MAX_CHARS),
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

/// The opening line used when a Danish proposal does not say otherwise.
pub const DEFAULT_OPENING: &str = "Det foreslås,";

/// The opening line used when a proposal does not say otherwise, in the council's language.
pub fn default_opening(lang: Lang) -> String {
    crate::i18n::t(lang, "proposal-default-opening")
}

/// "Stillet af Enhedslisten": the submitting party if there is one, otherwise the persons.
pub fn submitted_by_line(lang: Lang, party: Option<&str>, persons: &[String]) -> Option<String> {
    let who = match party {
        Some(party) => party.to_owned(),
        None if !persons.is_empty() => super::text::list(lang, persons),
        None => return None,
    };
    Some(crate::i18n::t_with(
        lang,
        "proposal-submitted-by",
        &[("who", who.into())],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn submitted_by_prefers_the_party() {
        assert_eq!(
            submitted_by_line(Lang::Da, Some("Enhedslisten"), &["Anna".into()]).as_deref(),
            Some("Stillet af Enhedslisten")
        );
        assert_eq!(
            submitted_by_line(Lang::Da, None, &["Anna Holm".into(), "Bo Ravn".into()]).as_deref(),
            Some("Stillet af Anna Holm og Bo Ravn")
        );
        assert_eq!(submitted_by_line(Lang::En, None, &[]), None);
        assert_eq!(
            submitted_by_line(Lang::En, None, &["Anna Holm".into(), "Bo Ravn".into()]).as_deref(),
            Some("Submitted by Anna Holm and Bo Ravn")
        );
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
            Lang::Da,
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

        let errors = check_text(Lang::Da, "", "", &[], "").unwrap_err();
        assert!(errors.get("title").is_some());
        assert!(
            errors
                .get("clauses")
                .unwrap()
                .to_string()
                .contains("mindst ét")
        );
        let errors = check_text(
            Lang::Da,
            "T",
            "",
            &["at a".into(), " ".into()],
            &"x".repeat(1_000_000),
        )
        .unwrap_err();
        assert_eq!(
            errors.get("clause-2").map(ToString::to_string).as_deref(),
            Some("Punkt 2 er tomt. Skriv teksten, eller fjern punktet.")
        );
        assert!(
            errors
                .get("motivation")
                .unwrap()
                .to_string()
                .contains("1000000 tegn")
        );
        assert!(errors.get("clause-1").is_none());
        let errors =
            check_text(Lang::Da, &"x".repeat(301), "a\nb", &["at a".into()], "").unwrap_err();
        assert!(errors.get("title").is_some() && errors.get("opening").is_some());
        // Script is text like any other: it is escaped where it is shown, not refused.
        assert!(
            check_text(
                Lang::Da,
                "<script>alert(1)</script>",
                "",
                &["at <b>".into()],
                ""
            )
            .is_ok()
        );
    }

    #[test]
    fn the_public_is_told_only_what_a_released_agenda_says() {
        use ProposalStatus::*;
        assert_eq!(OnAgenda.public_label(Lang::Da, false), "På dagsordenen");
        assert_eq!(
            OnAgenda.public_label(Lang::Da, true),
            "Afventer ny behandling"
        );
        assert_eq!(Decided.public_label(Lang::Da, true), "Behandlet");
        assert_eq!(InFollowUp.public_label(Lang::Da, false), "I opfølgning");
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
