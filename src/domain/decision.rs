//! Decisions on agenda items (brief §3 step 5): the outcome, per-clause outcomes when votes
//! split, votes, amendments voted before the main proposal, protocol notes and dissents, and the
//! standard decision text written from them, in the council's language.

use serde::{Deserialize, Serialize};

use super::agenda::AgendaItemKind;
use super::language::Lang;
use super::text::list;
use crate::i18n::{Msg, t, t_with};

text_enum!(
    /// What the body decided (OParl `AgendaItem.result`).
    Outcome {
        Adopted = "adopted",
        Rejected = "rejected",
        Referred = "referred",
        Postponed = "postponed",
        Removed = "removed",
        Withdrawn = "withdrawn",
        Noted = "noted",
        SecondReading = "second_reading",
    }
);

impl Outcome {
    /// What this outcome does to the proposal decided on; `tasked`: follow-up tasks are
    /// already confirmed for it.
    pub fn proposal_step(self, tasked: bool) -> crate::domain::proposal::DecisionStep {
        use crate::domain::proposal::DecisionStep;
        match self {
            Self::Referred | Self::Postponed => DecisionStep::Again,
            Self::Withdrawn => DecisionStep::Withdrawn,
            _ if tasked => DecisionStep::InFollowUp,
            _ => DecisionStep::Decided,
        }
    }

    /// "blev tiltrådt", "was adopted": the verb of the decision sentence.
    fn verb_key(self) -> &'static str {
        match self {
            Self::Adopted => "decision-verb-adopted",
            Self::Rejected => "decision-verb-rejected",
            Self::Referred => "decision-verb-referred",
            Self::Postponed => "decision-verb-postponed",
            Self::Removed => "decision-verb-removed",
            Self::Withdrawn => "decision-verb-withdrawn",
            Self::Noted => "decision-verb-noted",
            Self::SecondReading => "decision-verb-second-reading",
        }
    }

    /// Outcomes a vote decides; the others need no vote.
    pub fn is_voted(self) -> bool {
        matches!(self, Self::Adopted | Self::Rejected)
    }
}

/// A vote: counts, and who voted how (party letters such as "A" or members' names).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Votes {
    #[serde(rename = "for")]
    pub in_favour: u32,
    pub against: u32,
    #[serde(default)]
    pub abstain: u32,
    #[serde(default, rename = "for_by")]
    pub in_favour_by: Vec<String>,
    #[serde(default)]
    pub against_by: Vec<String>,
    #[serde(default)]
    pub abstain_by: Vec<String>,
}

impl Votes {
    pub fn total(&self) -> u32 {
        self.in_favour + self.against + self.abstain
    }

    /// A tie is not a majority: the proposal falls.
    pub fn carried(&self) -> bool {
        self.in_favour > self.against
    }

    /// Who voted with the losing side.
    fn minority(&self) -> &[String] {
        if self.carried() {
            &self.against_by
        } else {
            &self.in_favour_by
        }
    }

    /// "med 34 stemmer imod 15, idet 2 undlod at stemme. For stemte: A, B, F og Ø. Imod stemte:
    /// C, O og V. Undlod at stemme: I."
    fn sentence(&self, lang: Lang) -> String {
        let key = if self.abstain > 0 {
            "decision-votes-with-abstentions"
        } else {
            "decision-votes"
        };
        let mut out = t_with(
            lang,
            key,
            &[
                ("for", self.in_favour.to_string().into()),
                ("count", (self.in_favour as usize).into()),
                ("against", self.against.to_string().into()),
                ("abstain", self.abstain.to_string().into()),
            ],
        );
        for (key, who) in [
            ("decision-voted-for", &self.in_favour_by),
            ("decision-voted-against", &self.against_by),
            ("decision-voted-abstain", &self.abstain_by),
        ] {
            if !who.is_empty() {
                out.push(' ');
                out.push_str(&t_with(lang, key, &[("who", list(lang, who).into())]));
            }
        }
        out
    }
}

/// The outcome of one clause when the clauses were voted on one by one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClauseDecision {
    pub clause: u32,
    pub outcome: Outcome,
    #[serde(default)]
    pub votes: Option<Votes>,
}

/// An amendment, voted before the main proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amendment {
    pub proposed_by: String,
    pub text: String,
    pub outcome: Outcome,
    #[serde(default)]
    pub votes: Option<Votes>,
}

text_enum!(
    StatementKind {
        ProtocolNote = "protocol_note",
        Dissent = "dissent",
    }
);

/// A protocol note or a dissent, by a party or a member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub kind: StatementKind,
    pub by: String,
    pub text: String,
}

/// A decision as the secretariat records it. Committees are given by name here; the database
/// keeps their ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub outcome: Outcome,
    #[serde(default)]
    pub votes: Option<Votes>,
    /// Empty when the item was decided as a whole.
    #[serde(default)]
    pub clauses: Vec<ClauseDecision>,
    #[serde(default)]
    pub amendments: Vec<Amendment>,
    #[serde(default)]
    pub statements: Vec<Statement>,
    /// The committee a referred item goes to.
    #[serde(default)]
    pub referred_to: Option<String>,
    /// Committees to be consulted on a referred item.
    #[serde(default)]
    pub consulted: Vec<String>,
}

/// Why a decision cannot be recorded, in words for the secretariat. Each names the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionError {
    pub field: &'static str,
    pub message: Msg,
}

fn err(field: &'static str, message: impl Into<Msg>) -> DecisionError {
    DecisionError {
        field,
        message: message.into(),
    }
}

/// Checks one vote: the counts add up to those present, nobody is on two sides, and the
/// outcome is what the counts say.
fn check_votes(
    what: &Msg,
    field: &'static str,
    votes: &Votes,
    outcome: Outcome,
    present: Option<u32>,
) -> Result<(), DecisionError> {
    if let Some(present) = present
        && votes.total() != present
    {
        return Err(err(
            field,
            Msg::key("decision-error-votes-do-not-add-up")
                .msg("what", what.clone())
                .arg("for", votes.in_favour)
                .arg("against", votes.against)
                .arg("abstain", votes.abstain)
                .arg("total", votes.total())
                .arg("present", present),
        ));
    }
    for (i, side) in [&votes.in_favour_by, &votes.against_by, &votes.abstain_by]
        .into_iter()
        .enumerate()
    {
        for other in [&votes.in_favour_by, &votes.against_by, &votes.abstain_by]
            .into_iter()
            .skip(i + 1)
        {
            if let Some(both) = side.iter().find(|who| other.contains(who)) {
                return Err(err(
                    field,
                    Msg::key("decision-error-on-two-sides")
                        .msg("what", what.clone())
                        .arg("who", both),
                ));
            }
        }
    }
    match outcome {
        Outcome::Adopted if !votes.carried() => Err(err(
            field,
            Msg::key("decision-error-no-majority-to-adopt")
                .msg("what", what.clone())
                .arg("for", votes.in_favour)
                .arg("against", votes.against),
        )),
        Outcome::Rejected if votes.carried() => Err(err(
            field,
            Msg::key("decision-error-majority-not-rejected")
                .msg("what", what.clone())
                .arg("for", votes.in_favour)
                .arg("against", votes.against),
        )),
        _ => Ok(()),
    }
}

impl Decision {
    /// Checks the decision against the item (how many clauses it has) and the attendance (how
    /// many are present, when it is recorded).
    pub fn check(&self, clause_count: u32, present: Option<u32>) -> Result<(), DecisionError> {
        for (i, amendment) in self.amendments.iter().enumerate() {
            let what = Msg::key("decision-amendment-number").arg("number", i + 1);
            if amendment.text.trim().is_empty() || amendment.proposed_by.trim().is_empty() {
                return Err(err(
                    "amendments",
                    Msg::key("decision-error-amendment-incomplete").msg("what", what),
                ));
            }
            if !amendment.outcome.is_voted() {
                return Err(err(
                    "amendments",
                    Msg::key("decision-error-amendment-not-voted").msg("what", what),
                ));
            }
            if let Some(votes) = &amendment.votes {
                check_votes(&what, "amendments", votes, amendment.outcome, present)?;
            }
        }
        if let Some(votes) = &self.votes {
            check_votes(
                &Msg::key("decision-the-vote"),
                "votes",
                votes,
                self.outcome,
                present,
            )?;
        }
        if !self.clauses.is_empty() {
            if !self.outcome.is_voted() {
                return Err(err("clauses", "decision-error-clauses-only-when-voted"));
            }
            let mut seen = Vec::new();
            for clause in &self.clauses {
                let what = Msg::key("decision-clause-number").arg("number", clause.clause);
                if clause.clause == 0 || clause.clause > clause_count {
                    return Err(err(
                        "clauses",
                        Msg::key("decision-error-no-such-clause")
                            .arg("number", clause.clause)
                            .num("count", clause_count),
                    ));
                }
                if seen.contains(&clause.clause) {
                    return Err(err(
                        "clauses",
                        Msg::key("decision-error-clause-twice").msg("what", what),
                    ));
                }
                seen.push(clause.clause);
                if !clause.outcome.is_voted() {
                    return Err(err(
                        "clauses",
                        Msg::key("decision-error-clause-not-voted").msg("what", what),
                    ));
                }
                if let Some(votes) = &clause.votes {
                    check_votes(&what, "clauses", votes, clause.outcome, present)?;
                }
            }
            if seen.len() as u32 != clause_count {
                return Err(err(
                    "clauses",
                    Msg::key("decision-error-every-clause-needs-an-outcome")
                        .num("count", clause_count),
                ));
            }
            let any_adopted = self.clauses.iter().any(|c| c.outcome == Outcome::Adopted);
            if any_adopted != (self.outcome == Outcome::Adopted) {
                return Err(err("outcome", "decision-error-outcome-follows-the-clauses"));
            }
        }
        match (self.outcome, &self.referred_to) {
            (Outcome::Referred, None) => {
                return Err(err("referred_to", "decision-error-choose-the-committee"));
            }
            (Outcome::Referred, Some(_)) => {}
            (_, Some(_)) => {
                return Err(err(
                    "referred_to",
                    "decision-error-only-referred-goes-to-a-committee",
                ));
            }
            (_, None) if !self.consulted.is_empty() => {
                return Err(err(
                    "consulted",
                    "decision-error-only-referred-is-consulted",
                ));
            }
            _ => {}
        }
        for statement in &self.statements {
            if statement.by.trim().is_empty() || statement.text.trim().is_empty() {
                return Err(err(
                    "statements",
                    Msg::key("decision-error-statement-incomplete")
                        .label("kind", statement.kind.label_key()),
                ));
            }
            if statement.kind == StatementKind::Dissent {
                self.check_dissent(statement)?;
            }
        }
        Ok(())
    }

    /// Only a member (or party) that voted with the minority may have a dissent recorded, on
    /// the main vote or on one of the clauses.
    fn check_dissent(&self, statement: &Statement) -> Result<(), DecisionError> {
        let votes: Vec<&Votes> = self
            .votes
            .iter()
            .chain(self.clauses.iter().filter_map(|c| c.votes.as_ref()))
            .collect();
        if votes.is_empty() {
            return Err(err("statements", "decision-error-dissent-needs-a-vote"));
        }
        let by = statement.by.trim();
        if votes.iter().any(|v| v.minority().iter().any(|m| m == by)) {
            return Ok(());
        }
        Err(err(
            "statements",
            Msg::key("decision-error-dissent-not-in-minority").arg("who", by),
        ))
    }

    /// The clauses this decision adopts (1-based), out of `clause_count`.
    pub fn adopted_clauses(&self, clause_count: u32) -> Vec<u32> {
        if self.clauses.is_empty() {
            if self.outcome == Outcome::Adopted {
                (1..=clause_count).collect()
            } else {
                Vec::new()
            }
        } else {
            self.clauses
                .iter()
                .filter(|c| c.outcome == Outcome::Adopted)
                .map(|c| c.clause)
                .collect()
        }
    }

    /// The standard decision text in `lang`, e.g. "Medlemsforslaget blev tiltrådt med 34 stemmer
    /// imod 15. For stemte: A, B, F og Ø. Imod stemte: C, O og V."
    pub fn text(&self, lang: Lang, kind: AgendaItemKind) -> String {
        let (subject, of) = subject_keys(kind);
        let mut sentences = Vec::new();
        for amendment in &self.amendments {
            let sentence = t_with(
                lang,
                "decision-amendment-sentence",
                &[
                    ("by", amendment.proposed_by.trim().into()),
                    ("text", amendment.text.trim().into()),
                    ("verb", t(lang, amendment.outcome.verb_key()).into()),
                ],
            );
            sentences.push(sentence + &votes_tail(lang, amendment.votes.as_ref()));
        }
        if self.clauses.is_empty() {
            let mut verb = match (kind, self.outcome) {
                (AgendaItemKind::ApprovalOfAgenda, Outcome::Adopted) => {
                    t(lang, "decision-verb-approved")
                }
                _ => t(lang, self.outcome.verb_key()),
            };
            if let Some(committee) = &self.referred_to {
                verb.push(' ');
                verb.push_str(&t_with(
                    lang,
                    "decision-referred-to",
                    &[("committee", committee.as_str().into())],
                ));
                if !self.consulted.is_empty() {
                    verb.push(' ');
                    verb.push_str(&t_with(
                        lang,
                        "decision-consulting",
                        &[("committees", list(lang, &self.consulted).into())],
                    ));
                }
            }
            let tail = if self.outcome.is_voted() || self.votes.is_some() {
                votes_tail(lang, self.votes.as_ref())
            } else {
                ".".to_owned()
            };
            let sentence = t_with(
                lang,
                "decision-sentence",
                &[("subject", t(lang, subject).into()), ("verb", verb.into())],
            );
            sentences.push(sentence + &tail);
        } else {
            let mut clauses = self.clauses.clone();
            clauses.sort_by_key(|c| c.clause);
            for clause in clauses {
                let sentence = t_with(
                    lang,
                    "decision-clause-sentence",
                    &[
                        ("of", t(lang, of).into()),
                        ("clause", clause.clause.to_string().into()),
                        ("verb", t(lang, clause.outcome.verb_key()).into()),
                    ],
                );
                sentences.push(sentence + &votes_tail(lang, clause.votes.as_ref()));
            }
        }
        for statement in &self.statements {
            sentences.push(t_with(
                lang,
                "decision-statement-sentence",
                &[
                    ("kind", statement.kind.label(lang).into()),
                    ("by", statement.by.trim().into()),
                    ("text", statement.text.trim().into()),
                ],
            ));
        }
        sentences.join(" ")
    }
}

/// What follows the verb: " med 34 stemmer imod 15. For stemte: …" or " uden afstemning."
fn votes_tail(lang: Lang, votes: Option<&Votes>) -> String {
    let words = match votes {
        Some(votes) => votes.sentence(lang),
        None => t(lang, "decision-without-a-vote"),
    };
    format!(" {words}")
}

/// "Medlemsforslaget" / "Medlemsforslagets": what the decision sentence is about, as its
/// subject and as what a clause belongs to.
fn subject_keys(kind: AgendaItemKind) -> (&'static str, &'static str) {
    match kind {
        AgendaItemKind::MemberProposal => (
            "decision-subject-member-proposal",
            "decision-of-member-proposal",
        ),
        AgendaItemKind::Recommendation => (
            "decision-subject-recommendation",
            "decision-of-recommendation",
        ),
        AgendaItemKind::Orientation => ("decision-subject-orientation", "decision-of-orientation"),
        AgendaItemKind::Letter => ("decision-subject-letter", "decision-of-letter"),
        AgendaItemKind::Question => ("decision-subject-question", "decision-of-question"),
        AgendaItemKind::ApprovalOfAgenda => ("decision-subject-agenda", "decision-of-agenda"),
        AgendaItemKind::Other => ("decision-subject-other", "decision-of-other"),
    }
}

#[cfg(test)]
mod tests;
