//! Follow-up tasks read from an adopted clause: which administration leads, which contribute,
//! the deadline and where the answer goes. These are suggestions; the secretariat confirms or
//! corrects each before anything is sent.

use chrono::NaiveDate;
use serde::Serialize;

use super::OrganizationId;
use super::date_phrase::{DeadlinePhrase, find_deadline};

/// An administration of the body, and the committee it serves (so "pålægger
/// Teknik- og Miljøudvalget" can be read as a task for Teknik- og Miljøforvaltningen).
#[derive(Debug, Clone)]
pub struct Administration {
    pub id: OrganizationId,
    pub name: String,
    pub short_name: Option<String>,
    pub committee: Option<OrganizationId>,
}

/// A council or committee an answer can be presented to.
#[derive(Debug, Clone)]
pub struct MeetingBody {
    pub id: OrganizationId,
    pub name: String,
    pub short_name: Option<String>,
}

/// The names a clause is read against: the body's administrations and its meeting bodies.
#[derive(Debug, Clone)]
pub struct Directory {
    /// "Københavns Kommune": "alle Københavns Kommunes profiler" means every administration.
    pub body_name: String,
    pub administrations: Vec<Administration>,
    pub bodies: Vec<MeetingBody>,
}

/// How the deadline was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineReading {
    /// A date read from the clause.
    Read,
    /// "hurtigst muligt": no date; the secretariat sets one.
    AsSoonAsPossible,
    /// The clause names no deadline; the secretariat sets one.
    NotStated,
    /// The date read is before the decision (a mention, or a slip such as last year's year):
    /// it is not offered as the deadline; the secretariat writes one.
    BeforeDecision,
}

/// Who a suggestion is for, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Assignment {
    /// An administration is named (or its committee is).
    Named,
    /// "alle forvaltninger", "alle kommunens profiler" without a lead: each administration
    /// gets its own task.
    EachAdministration,
    /// The clause orders something done but names no one: the secretariat chooses.
    Unknown,
}

/// An administration asked to contribute, and the words of the clause that asked it ("i
/// samarbejde med Socialforvaltningen", "alle forvaltninger").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contributor {
    pub id: OrganizationId,
    pub phrase: String,
}

/// One follow-up task as read from a clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskSuggestion {
    /// The clause's number (1 for "1. at …").
    pub clause: u32,
    pub assignment: Assignment,
    pub lead: Option<OrganizationId>,
    /// The words that made it the lead ("Økonomiforvaltningen", "Teknik- og Miljøudvalget",
    /// "alle forvaltninger").
    pub lead_phrase: Option<String>,
    /// Only administrations the clause asks to take part; never the lead itself.
    pub contributors: Vec<Contributor>,
    /// The deadline to offer: only a date read from the clause that is not before the decision.
    pub deadline: Option<NaiveDate>,
    /// The date the phrase names, also when it cannot be the deadline.
    pub deadline_named: Option<NaiveDate>,
    pub deadline_phrase: Option<String>,
    pub deadline_reading: DeadlineReading,
    /// The council or committee the answer goes to.
    pub answer_to: Option<OrganizationId>,
    pub answer_phrase: Option<String>,
}

impl TaskSuggestion {
    pub fn contributor_ids(&self) -> Vec<OrganizationId> {
        self.contributors.iter().map(|c| c.id).collect()
    }
}

/// Where a name stands in the text, in bytes.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
    /// Named in the genitive ("Økonomiforvaltningens analyse"): its own, not an actor.
    genitive: bool,
}

impl Span {
    fn new(start: usize, end: usize) -> Self {
        Self {
            start,
            end,
            genitive: false,
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Every place `name` stands in `text` as whole words, case-insensitive, also in the genitive
/// ("Økonomiforvaltningens"). Both are already lower-cased with single spaces.
fn find_name(text: &str, name: &str) -> Vec<Span> {
    let mut found = Vec::new();
    if name.is_empty() {
        return found;
    }
    let mut from = 0;
    while let Some(at) = text[from..].find(name) {
        let start = from + at;
        let mut end = start + name.len();
        let before_ok = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
        let genitive = text[end..].starts_with('s')
            && text[end + 1..]
                .chars()
                .next()
                .is_none_or(|c| !is_word_char(c));
        if genitive {
            end += 1;
        }
        let after_ok = text[end..].chars().next().is_none_or(|c| !is_word_char(c));
        if before_ok && after_ok {
            found.push(Span {
                start,
                end,
                genitive,
            });
        }
        from = start + name.chars().next().map_or(1, char::len_utf8);
    }
    found
}

/// Short names ("ØKF", "ØU") only as written, in capitals, so "sof" in a word is not Socialforvaltningen.
fn find_short_name(original: &str, short: &str) -> Vec<Span> {
    if short.chars().count() < 2 {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = original[from..].find(short) {
        let start = from + at;
        let end = start + short.len();
        let before_ok = original[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
        let after_ok = original[end..]
            .chars()
            .next()
            .is_none_or(|c| !is_word_char(c));
        if before_ok && after_ok {
            found.push(Span::new(start, end));
        }
        from = end;
    }
    found
}

/// The text with runs of white space made one space; lower-casing is done per comparison so
/// byte positions stay those of this text.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn mentions(text: &str, lower: &str, name: &str, short: Option<&str>) -> Vec<Span> {
    let mut spans = find_name(lower, &squeeze(name).to_lowercase());
    if let Some(short) = short {
        spans.extend(find_short_name(text, short));
    }
    spans.sort_by_key(|s| s.start);
    spans
}

/// The beginnings of words that send an answer to a council or committee: "forelægges",
/// "afrapporterer", "orienteres", "sendes til", "til behandling i", "til godkendelse i".
const PRESENTED_STEMS: &[&str] = &[
    "forelæg",
    "fremlæg",
    "afrapporter",
    "rapporter",
    "orienter",
    "præsenter",
    "behandl",
    "oversend",
    "fremsend",
    "send",
    "godkend",
];

fn presents(word: &str) -> bool {
    PRESENTED_STEMS.iter().any(|stem| word.starts_with(stem))
}

/// Words that order something done.
const ORDERS: &[&str] = &[
    "skal",
    "pålægger",
    "pålægges",
    "bedes",
    "anmoder",
    "igangsætter",
    "igangsættes",
    "iværksætter",
    "iværksættes",
    "udarbejder",
    "udarbejdes",
    "undersøger",
    "undersøges",
    "indhenter",
    "indhentes",
    "etablerer",
    "etableres",
    "gennemfører",
    "gennemføres",
    "nedlægger",
    "nedlægges",
    "sikrer",
    "sikres",
];

/// The lower-cased words of a text and where they stand.
fn words(lower: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in lower.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &lower[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &lower[s..]));
    }
    out
}

/// A clause's words for every administration ("alle forvaltninger", "de øvrige
/// forvaltninger": the lead is never its own contributor either way).
#[derive(Debug, Clone, Copy)]
struct Everyone {
    span: Span,
}

/// "alle forvaltninger", "samtlige forvaltninger", "hver forvaltning", "de øvrige
/// forvaltninger", "på tværs af forvaltningerne", "alle kommunens …", "alle Københavns
/// Kommunes …", "hele kommunen".
fn every_administration(lower: &str, body_name: &str) -> Option<Everyone> {
    let w = words(lower);
    for (i, (at, word)) in w.iter().enumerate() {
        let before = &w[i.saturating_sub(3)..i];
        let first = |set: &[&str]| before.iter().find(|(_, b)| set.contains(b));
        if matches!(*word, "forvaltninger" | "forvaltning" | "forvaltningerne") {
            let end = at + word.len();
            let cue = first(&["øvrige", "andre"])
                .or_else(|| first(&["alle", "samtlige", "hver", "tværs"]));
            if let Some((from, _)) = cue {
                return Some(Everyone {
                    span: Span::new(*from, end),
                });
            }
        }
    }
    let body = squeeze(body_name).to_lowercase();
    let body_genitive = format!("{body}s");
    for prefix in ["alle ", "hele ", "samtlige "] {
        for whole in [
            "kommunens",
            "kommunen",
            body.as_str(),
            body_genitive.as_str(),
        ] {
            let phrase = format!("{prefix}{whole}");
            if whole.is_empty() {
                continue;
            }
            if let Some(start) = lower.find(&phrase) {
                let mut end = start + phrase.len();
                if lower[end..].starts_with(|c: char| is_word_char(c)) {
                    continue;
                }
                // "alle kommunens profiler": the thing owned belongs to the phrase.
                if whole.ends_with('s')
                    && let Some((at, next)) = words(&lower[end..]).first()
                {
                    end += at + next.len();
                }
                return Some(Everyone {
                    span: Span::new(start, end),
                });
            }
        }
    }
    None
}

/// The council or committee the answer goes to: named right after a word such as
/// "forelægges" ("forelægges Økonomiudvalget", "afrapporterer til Økonomiudvalget", "til
/// behandling i Økonomiudvalget") or right before "orienteres" ("Økonomiudvalget orienteres",
/// "Økonomiudvalget skal orienteres").
fn answer_target(text: &str, lower: &str, dir: &Directory) -> Option<(OrganizationId, Span)> {
    let named: Vec<(OrganizationId, Span)> = dir
        .bodies
        .iter()
        .flat_map(|b| {
            mentions(text, lower, &b.name, b.short_name.as_deref())
                .into_iter()
                .map(move |s| (b.id, s))
        })
        .collect();
    for (at, word) in words(lower) {
        if !presents(word) {
            continue;
        }
        let verb_end = at + word.len();
        let candidate = named
            .iter()
            .filter(|(_, s)| {
                // After the word, with at most a few small words between ("for", "til", "et møde i").
                (s.start >= verb_end && words(&lower[verb_end..s.start]).len() <= 4)
                    // Before it, directly or with an auxiliary ("skal", "bliver").
                    || (s.end <= at && {
                        let between = words(&lower[s.end..at]);
                        between.len() <= AUXILIARIES_BEFORE
                            && between.iter().all(|(_, w)| AUXILIARIES.contains(w))
                    })
            })
            .min_by_key(|(_, s)| s.start.abs_diff(verb_end));
        if let Some(&(id, span)) = candidate {
            return Some((id, Span::new(span.start.min(at), span.end.max(verb_end))));
        }
    }
    None
}

/// Words that may stand between a committee and "orienteres" ("Økonomiudvalget skal
/// orienteres"), and how many of them.
const AUXILIARIES: &[&str] = &["skal", "bliver", "vil", "kan", "får"];
const AUXILIARIES_BEFORE: usize = 1;

/// Words that ask an administration named after them to take part: "i samarbejde med
/// Socialforvaltningen", "med bidrag fra", "svar fra".
const CONTRIBUTION_CUES: &[&[&str]] = &[
    &["samarbejde", "med"],
    &["sammen", "med"],
    &["samråd", "med"],
    &["dialog", "med"],
    &["koordination", "med"],
    &["koordinering", "med"],
    &["inddragelse", "af"],
    &["involvering", "af"],
    &["medvirken", "af"],
    &["medvirken", "fra"],
    &["bidrag", "fra"],
    &["bidrag", "af"],
    &["bistand", "fra"],
    &["hjælp", "fra"],
    &["input", "fra"],
    &["svar", "fra"],
    &["oplysninger", "fra"],
    &["inddrager"],
    &["inddrage"],
    &["involverer"],
    &["involvere"],
];

/// Words right after an administration's name that make it take part: "hvor
/// Socialforvaltningen inddrages".
const CONTRIBUTES_AFTER: &[&str] = &["bidrager", "inddrages", "involveres", "medvirker", "bistår"];

/// Small words allowed between a cue and the name: "i samarbejde med den relevante …".
const BETWEEN_CUE_AND_NAME: usize = 2;

/// Where a contribution cue ends right before `at` starts, and where the cue's phrase begins
/// ("i samarbejde med" begins at "i").
fn cue_before(lower: &str, at: usize) -> Option<usize> {
    let w = words(&lower[..at]);
    for skipped in 0..=BETWEEN_CUE_AND_NAME.min(w.len()) {
        let end = w.len() - skipped;
        for cue in CONTRIBUTION_CUES {
            if end < cue.len() {
                continue;
            }
            let first = end - cue.len();
            if w[first..end]
                .iter()
                .map(|(_, x)| *x)
                .eq(cue.iter().copied())
            {
                let with_preposition = first
                    .checked_sub(1)
                    .filter(|&p| matches!(w[p].1, "i" | "med"))
                    .unwrap_or(first);
                return Some(w[with_preposition].0);
            }
        }
    }
    None
}

/// A name of an administration (or of the committee standing for it) in the clause.
#[derive(Debug, Clone, Copy)]
struct Mention {
    id: OrganizationId,
    span: Span,
}

/// What a mention makes of its administration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Lead,
    /// Asked to take part; the phrase begins at this byte.
    Contributes {
        from: usize,
    },
    /// Named, but not as an actor ("på baggrund af Økonomiforvaltningens analyse").
    Mentioned,
}

/// "Økonomiforvaltningen og Socialforvaltningen", "ØKF, TMF og SOF": names that act together.
fn joined(between: &str) -> bool {
    matches!(between.trim(), "og" | "," | ", og" | "samt" | ", samt")
}

/// The role of each mention, in the order they stand: the first name that acts leads; a
/// name after a cue, or joined to the lead or a contributor, contributes.
fn roles(text_lower: &str, mentioned: &[Mention]) -> Vec<Role> {
    let mut out: Vec<Role> = Vec::with_capacity(mentioned.len());
    let mut has_lead = false;
    for (i, m) in mentioned.iter().enumerate() {
        let after = words(&text_lower[m.span.end..]);
        let role = if let Some(from) = cue_before(text_lower, m.span.start) {
            Role::Contributes { from }
        } else if after
            .first()
            .is_some_and(|(_, w)| CONTRIBUTES_AFTER.contains(w))
        {
            Role::Contributes { from: m.span.start }
        } else {
            let previous = i.checked_sub(1).map(|p| (&mentioned[p], out[p]));
            match previous {
                Some((p, role))
                    if !m.span.genitive
                        && !p.span.genitive
                        && p.span.end <= m.span.start
                        && joined(&text_lower[p.span.end..m.span.start]) =>
                {
                    match role {
                        Role::Lead => Role::Contributes { from: p.span.start },
                        Role::Contributes { from } => Role::Contributes { from },
                        Role::Mentioned => Role::Mentioned,
                    }
                }
                _ if !has_lead && !m.span.genitive => Role::Lead,
                _ => Role::Mentioned,
            }
        };
        has_lead |= role == Role::Lead;
        out.push(role);
    }
    out
}

/// Reads the follow-up tasks of one adopted clause. `position` is the clause's number,
/// `decided_on` the day of the decision (deadlines are read relative to it).
pub fn suggest(
    position: u32,
    clause: &str,
    decided_on: NaiveDate,
    dir: &Directory,
) -> Vec<TaskSuggestion> {
    let text = squeeze(clause);
    let lower = text.to_lowercase();
    // Lower-casing can change byte lengths (rarely, e.g. 'İ'); positions then do not line up.
    let aligned = lower.len() == text.len();
    let text_for_short = if aligned { text.as_str() } else { "" };
    let source = if aligned { &text } else { &lower };
    let phrase = |from: usize, to: usize| source[from..to].to_owned();

    let answer = answer_target(text_for_short, &lower, dir);
    let outside_answer = |s: &Span| {
        answer
            .as_ref()
            .is_none_or(|(_, a)| s.end <= a.start || s.start >= a.end)
    };

    // Administrations named, in the order they stand; when none is, a committee given the
    // task stands for its administration.
    let mut mentioned: Vec<Mention> = dir
        .administrations
        .iter()
        .flat_map(|a| {
            mentions(text_for_short, &lower, &a.name, a.short_name.as_deref())
                .into_iter()
                .filter(|s| outside_answer(s))
                .map(|span| Mention { id: a.id, span })
        })
        .collect();
    if mentioned.is_empty() {
        mentioned = dir
            .bodies
            .iter()
            .filter_map(|b| {
                let admin = dir
                    .administrations
                    .iter()
                    .find(|a| a.committee == Some(b.id))?;
                Some((b, admin.id))
            })
            .flat_map(|(b, id)| {
                mentions(text_for_short, &lower, &b.name, b.short_name.as_deref())
                    .into_iter()
                    .filter(|s| outside_answer(s))
                    .map(move |span| Mention { id, span })
            })
            .collect();
    }
    mentioned.sort_by_key(|m| m.span.start);
    let roles = roles(&lower, &mentioned);
    let lead = mentioned
        .iter()
        .zip(&roles)
        .find(|(_, r)| **r == Role::Lead)
        .map(|(m, _)| *m)
        // Only named in the genitive: still the one the clause is about.
        .or_else(|| {
            mentioned
                .iter()
                .zip(&roles)
                .find(|(m, r)| **r == Role::Mentioned && m.span.genitive)
                .map(|(m, _)| *m)
        });
    let mut named_contributors: Vec<Contributor> = Vec::new();
    for (m, role) in mentioned.iter().zip(&roles) {
        if let Role::Contributes { from } = role
            && Some(m.id) != lead.map(|l| l.id)
            && !named_contributors.iter().any(|c| c.id == m.id)
        {
            let to = if *from == m.span.start {
                // "Socialforvaltningen inddrages": the name and the word after it.
                words(&lower[m.span.end..])
                    .first()
                    .map_or(m.span.end, |(at, w)| m.span.end + at + w.len())
            } else {
                m.span.end
            };
            named_contributors.push(Contributor {
                id: m.id,
                phrase: phrase(*from, to),
            });
        }
    }

    let everyone = every_administration(&lower, &dir.body_name);
    // Something to be presented is something to be done, too.
    let orders = words(&lower)
        .iter()
        .any(|(_, w)| ORDERS.contains(w) || presents(w));

    let deadline = find_deadline(&text, decided_on);
    let (deadline_named, deadline_phrase, deadline_reading) = match &deadline {
        Some(DeadlinePhrase::Date { date, phrase }) => (
            Some(*date),
            Some(phrase.clone()),
            if *date >= decided_on {
                DeadlineReading::Read
            } else {
                DeadlineReading::BeforeDecision
            },
        ),
        Some(DeadlinePhrase::AsSoonAsPossible { phrase }) => (
            None,
            Some(phrase.clone()),
            DeadlineReading::AsSoonAsPossible,
        ),
        None => (None, None, DeadlineReading::NotStated),
    };
    let base = TaskSuggestion {
        clause: position,
        assignment: Assignment::Named,
        lead: None,
        lead_phrase: None,
        contributors: Vec::new(),
        deadline: deadline_named.filter(|_| deadline_reading == DeadlineReading::Read),
        deadline_named,
        deadline_phrase,
        deadline_reading,
        answer_to: answer.map(|(id, _)| id),
        answer_phrase: answer.map(|(_, s)| phrase(s.start, s.end)),
    };

    match (lead, everyone) {
        (Some(lead), everyone) => {
            let mut contributors = named_contributors;
            if let Some(every) = everyone {
                let every_phrase = phrase(every.span.start, every.span.end);
                for a in &dir.administrations {
                    if a.id != lead.id && !contributors.iter().any(|c| c.id == a.id) {
                        contributors.push(Contributor {
                            id: a.id,
                            phrase: every_phrase.clone(),
                        });
                    }
                }
                // In the directory's order, as the page lists them.
                contributors.sort_by_key(|c| {
                    dir.administrations
                        .iter()
                        .position(|a| a.id == c.id)
                        .unwrap_or(usize::MAX)
                });
            }
            vec![TaskSuggestion {
                lead: Some(lead.id),
                lead_phrase: Some(phrase(lead.span.start, lead.span.end)),
                contributors,
                ..base
            }]
        }
        (None, Some(every)) => dir
            .administrations
            .iter()
            .map(|a| TaskSuggestion {
                assignment: Assignment::EachAdministration,
                lead: Some(a.id),
                lead_phrase: Some(phrase(every.span.start, every.span.end)),
                ..base.clone()
            })
            .collect(),
        (None, None) if orders || !named_contributors.is_empty() => vec![TaskSuggestion {
            assignment: Assignment::Unknown,
            contributors: named_contributors,
            ..base
        }],
        (None, None) => Vec::new(),
    }
}

#[cfg(test)]
mod tests;
