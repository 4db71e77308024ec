//! Decisions on agenda items (brief §3 step 5): the outcome, per-clause outcomes when votes
//! split, votes, amendments voted before the main proposal, protocol notes and dissents, and the
//! standard Danish decision text written from them.

use serde::{Deserialize, Serialize};

use super::agenda::AgendaItemKind;
use super::text::danish_list;

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

    /// "blev tiltrådt", "blev henvist": the verb of the decision sentence.
    fn verb_da(self) -> &'static str {
        match self {
            Self::Adopted => "tiltrådt",
            Self::Rejected => "forkastet",
            Self::Referred => "henvist",
            Self::Postponed => "udsat",
            Self::Removed => "taget af dagsordenen",
            Self::Withdrawn => "trukket",
            Self::Noted => "taget til efterretning",
            Self::SecondReading => "oversendt til 2. behandling",
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

    /// " med 34 stemmer imod 15, idet 2 undlod at stemme. For stemte: A, B, F og Ø. Imod stemte:
    /// C, O og V. Undlod at stemme: I."
    fn sentence_da(&self) -> String {
        let stemmer = if self.in_favour == 1 {
            "stemme"
        } else {
            "stemmer"
        };
        let mut out = format!(" med {} {stemmer} imod {}", self.in_favour, self.against);
        if self.abstain > 0 {
            out.push_str(&format!(", idet {} undlod at stemme", self.abstain));
        }
        out.push('.');
        for (label, who) in [
            ("For stemte", &self.in_favour_by),
            ("Imod stemte", &self.against_by),
            ("Undlod at stemme", &self.abstain_by),
        ] {
            if !who.is_empty() {
                out.push_str(&format!(" {label}: {}.", danish_list(who)));
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
    pub message: String,
}

fn err(field: &'static str, message: impl Into<String>) -> DecisionError {
    DecisionError {
        field,
        message: message.into(),
    }
}

/// Checks one vote: the counts add up to those present, nobody is on two sides, and the
/// outcome is what the counts say.
fn check_votes(
    what: &str,
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
            format!(
                "{what}: stemmerne ({} for, {} imod, {} undlod) giver {}, men der er {present} til stede. Ret stemmetallet eller fremmødet.",
                votes.in_favour,
                votes.against,
                votes.abstain,
                votes.total()
            ),
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
                    format!("{what}: {both} står på to sider af afstemningen."),
                ));
            }
        }
    }
    match outcome {
        Outcome::Adopted if !votes.carried() => Err(err(
            field,
            format!(
                "{what}: med {} for og {} imod er der ikke flertal for at tiltræde.",
                votes.in_favour, votes.against
            ),
        )),
        Outcome::Rejected if votes.carried() => Err(err(
            field,
            format!(
                "{what}: med {} for og {} imod er der flertal; det er ikke forkastet.",
                votes.in_favour, votes.against
            ),
        )),
        _ => Ok(()),
    }
}

impl Decision {
    /// Checks the decision against the item (how many clauses it has) and the attendance (how
    /// many are present, when it is recorded).
    pub fn check(&self, clause_count: u32, present: Option<u32>) -> Result<(), DecisionError> {
        for (i, amendment) in self.amendments.iter().enumerate() {
            let what = format!("Ændringsforslag {}", i + 1);
            if amendment.text.trim().is_empty() || amendment.proposed_by.trim().is_empty() {
                return Err(err(
                    "amendments",
                    format!("{what}: skriv hvem der stillede det og teksten."),
                ));
            }
            if !amendment.outcome.is_voted() {
                return Err(err(
                    "amendments",
                    format!("{what}: et ændringsforslag bliver tiltrådt eller forkastet."),
                ));
            }
            if let Some(votes) = &amendment.votes {
                check_votes(&what, "amendments", votes, amendment.outcome, present)?;
            }
        }
        if let Some(votes) = &self.votes {
            check_votes("Afstemningen", "votes", votes, self.outcome, present)?;
        }
        if !self.clauses.is_empty() {
            if !self.outcome.is_voted() {
                return Err(err(
                    "clauses",
                    "At-punkter stemmes om enkeltvis kun når forslaget tiltrædes eller forkastes.",
                ));
            }
            let mut seen = Vec::new();
            for clause in &self.clauses {
                let what = format!("{}. at-punkt", clause.clause);
                if clause.clause == 0 || clause.clause > clause_count {
                    return Err(err(
                        "clauses",
                        format!("Forslaget har ikke et {what}; det har {clause_count}."),
                    ));
                }
                if seen.contains(&clause.clause) {
                    return Err(err("clauses", format!("{what} står to gange.")));
                }
                seen.push(clause.clause);
                if !clause.outcome.is_voted() {
                    return Err(err(
                        "clauses",
                        format!("{what}: et at-punkt bliver tiltrådt eller forkastet."),
                    ));
                }
                if let Some(votes) = &clause.votes {
                    check_votes(&what, "clauses", votes, clause.outcome, present)?;
                }
            }
            if seen.len() as u32 != clause_count {
                return Err(err(
                    "clauses",
                    format!(
                        "Når der stemmes om at-punkterne enkeltvis, skal alle {clause_count} have et udfald."
                    ),
                ));
            }
            let any_adopted = self.clauses.iter().any(|c| c.outcome == Outcome::Adopted);
            if any_adopted != (self.outcome == Outcome::Adopted) {
                return Err(err(
                    "outcome",
                    "Forslaget er tiltrådt, når mindst ét at-punkt er tiltrådt, og ellers forkastet.",
                ));
            }
        }
        match (self.outcome, &self.referred_to) {
            (Outcome::Referred, None) => {
                return Err(err("referred_to", "Vælg det udvalg, punktet henvises til."));
            }
            (Outcome::Referred, Some(_)) => {}
            (_, Some(_)) => {
                return Err(err(
                    "referred_to",
                    "Kun et henvist punkt sendes til et udvalg.",
                ));
            }
            (_, None) if !self.consulted.is_empty() => {
                return Err(err(
                    "consulted",
                    "Kun et henvist punkt sendes i høring hos andre udvalg.",
                ));
            }
            _ => {}
        }
        for statement in &self.statements {
            if statement.by.trim().is_empty() || statement.text.trim().is_empty() {
                return Err(err(
                    "statements",
                    format!(
                        "{}: skriv hvem den er fra og teksten.",
                        statement.kind.label(super::language::Lang::Da)
                    ),
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
            return Err(err(
                "statements",
                "En afvigende mening kræver en afstemning, hvor det fremgår hvem der stemte imod flertallet.",
            ));
        }
        let by = statement.by.trim();
        if votes.iter().any(|v| v.minority().iter().any(|m| m == by)) {
            return Ok(());
        }
        Err(err(
            "statements",
            format!(
                "{by} stemte ikke i mindretal, og kan derfor ikke få en afvigende mening tilført protokollen."
            ),
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

    /// The standard Danish decision text, e.g. "Medlemsforslaget blev tiltrådt med 34 stemmer
    /// imod 15. For stemte: A, B, F og Ø. Imod stemte: C, O og V."
    pub fn text_da(&self, kind: AgendaItemKind) -> String {
        let (subject, genitive) = subject_da(kind);
        let mut sentences = Vec::new();
        for amendment in &self.amendments {
            sentences.push(format!(
                "Ændringsforslag fra {} (»{}«) blev {}{}",
                amendment.proposed_by.trim(),
                amendment.text.trim(),
                amendment.outcome.verb_da(),
                votes_da(amendment.votes.as_ref())
            ));
        }
        if self.clauses.is_empty() {
            let mut verb = match (kind, self.outcome) {
                (AgendaItemKind::ApprovalOfAgenda, Outcome::Adopted) => "godkendt".to_owned(),
                _ => self.outcome.verb_da().to_owned(),
            };
            if let Some(committee) = &self.referred_to {
                verb.push_str(&format!(" til {committee}"));
                if !self.consulted.is_empty() {
                    verb.push_str(&format!(" med høring af {}", danish_list(&self.consulted)));
                }
            }
            let votes = if self.outcome.is_voted() || self.votes.is_some() {
                votes_da(self.votes.as_ref())
            } else {
                ".".to_owned()
            };
            sentences.push(format!("{subject} blev {verb}{votes}"));
        } else {
            let mut clauses = self.clauses.clone();
            clauses.sort_by_key(|c| c.clause);
            for clause in clauses {
                sentences.push(format!(
                    "{genitive} {}. at-punkt blev {}{}",
                    clause.clause,
                    clause.outcome.verb_da(),
                    votes_da(clause.votes.as_ref())
                ));
            }
        }
        for statement in &self.statements {
            sentences.push(format!(
                "{} fra {}: »{}«",
                statement.kind.label(super::language::Lang::Da),
                statement.by.trim(),
                statement.text.trim()
            ));
        }
        sentences.join(" ")
    }
}

/// " med 34 stemmer imod 15. For stemte: …" or " uden afstemning."
fn votes_da(votes: Option<&Votes>) -> String {
    votes.map_or_else(|| " uden afstemning.".to_owned(), Votes::sentence_da)
}

/// "Medlemsforslaget" / "Medlemsforslagets": what the decision sentence is about.
fn subject_da(kind: AgendaItemKind) -> (&'static str, &'static str) {
    match kind {
        AgendaItemKind::MemberProposal => ("Medlemsforslaget", "Medlemsforslagets"),
        AgendaItemKind::Recommendation => ("Indstillingen", "Indstillingens"),
        AgendaItemKind::Orientation => ("Orienteringen", "Orienteringens"),
        AgendaItemKind::Letter => ("Henvendelsen", "Henvendelsens"),
        AgendaItemKind::Question => ("Forespørgslen", "Forespørgslens"),
        AgendaItemKind::ApprovalOfAgenda => ("Dagsordenen", "Dagsordenens"),
        AgendaItemKind::Other => ("Punktet", "Punktets"),
    }
}

#[cfg(test)]
mod tests;
