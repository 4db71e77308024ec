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
    /// The date read is before the decision: a mention, or a slip the secretariat must correct.
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

/// One follow-up task as read from a clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskSuggestion {
    /// The clause's number (1 for "1. at …").
    pub clause: u32,
    pub assignment: Assignment,
    pub lead: Option<OrganizationId>,
    /// One contribution each; the lead is among them when every administration contributes,
    /// since it answers for itself as well.
    pub contributors: Vec<OrganizationId>,
    pub deadline: Option<NaiveDate>,
    pub deadline_phrase: Option<String>,
    pub deadline_reading: DeadlineReading,
    /// The council or committee the answer goes to.
    pub answer_to: Option<OrganizationId>,
    pub answer_phrase: Option<String>,
}

/// Where a name stands in the text, in bytes.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
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
        if text[end..].starts_with('s')
            && text[end + 1..]
                .chars()
                .next()
                .is_none_or(|c| !is_word_char(c))
        {
            end += 1;
        }
        let after_ok = text[end..].chars().next().is_none_or(|c| !is_word_char(c));
        if before_ok && after_ok {
            found.push(Span { start, end });
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
            found.push(Span { start, end });
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

/// Words that send an answer to a council or committee.
const PRESENTED: &[&str] = &[
    "forelægges",
    "forelægge",
    "forelægger",
    "fremlægges",
    "fremlægge",
    "fremlægger",
    "sendes",
    "oversendes",
    "fremsendes",
    "afrapporteres",
    "afrapportere",
    "rapporteres",
    "orienteres",
    "orientere",
    "præsenteres",
    "behandles",
    "behandling",
];

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

/// "alle forvaltninger", "samtlige forvaltninger", "hver forvaltning", "de øvrige
/// forvaltninger", "på tværs af forvaltningerne", "alle kommunens …", "alle Københavns
/// Kommunes …", "hele kommunen". Returns whether the lead is left out ("øvrige", "andre").
fn every_administration(lower: &str, body_name: &str) -> Option<bool> {
    let w = words(lower);
    for (i, (_, word)) in w.iter().enumerate() {
        let before = &w[i.saturating_sub(3)..i];
        let has = |set: &[&str]| before.iter().any(|(_, b)| set.contains(b));
        if matches!(*word, "forvaltninger" | "forvaltning" | "forvaltningerne") {
            if has(&["øvrige", "andre"]) {
                return Some(true);
            }
            if has(&["alle", "samtlige", "hver", "tværs"]) {
                return Some(false);
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
            if !whole.is_empty() && lower.contains(&format!("{prefix}{whole}")) {
                return Some(false);
            }
        }
    }
    None
}

/// The council or committee the answer goes to: named right after a word such as
/// "forelægges" ("forelægges Økonomiudvalget", "sendes til Økonomiudvalget", "til behandling i
/// Økonomiudvalget") or right before "orienteres" ("Økonomiudvalget orienteres").
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
    let w = words(lower);
    let mut best: Option<(OrganizationId, Span)> = None;
    for (at, word) in &w {
        if !PRESENTED.contains(word) {
            continue;
        }
        let verb_end = at + word.len();
        let candidate = named
            .iter()
            .filter(|(_, s)| {
                // After the word, with at most a few small words between ("for", "til", "et møde i").
                (s.start >= verb_end && words(&lower[verb_end..s.start]).len() <= 4)
                    // Before "orienteres", directly.
                    || (s.end <= *at && lower[s.end..*at].trim().is_empty())
            })
            .min_by_key(|(_, s)| s.start.abs_diff(verb_end));
        if let Some(&(id, span)) = candidate {
            let from = span.start.min(*at);
            let to = span.end.max(verb_end);
            if best.is_none() {
                best = Some((
                    id,
                    Span {
                        start: from,
                        end: to,
                    },
                ));
            }
        }
    }
    best
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

    let answer = answer_target(text_for_short, &lower, dir);
    let outside_answer = |s: &Span| {
        answer
            .as_ref()
            .is_none_or(|(_, a)| s.end <= a.start || s.start >= a.end)
    };

    // Administrations named, in the order they are named.
    let mut named: Vec<(usize, OrganizationId)> = dir
        .administrations
        .iter()
        .filter_map(|a| {
            mentions(text_for_short, &lower, &a.name, a.short_name.as_deref())
                .first()
                .map(|s| (s.start, a.id))
        })
        .collect();
    if named.is_empty() {
        // A committee given the task stands for its administration.
        named = dir
            .bodies
            .iter()
            .filter_map(|b| {
                let span = mentions(text_for_short, &lower, &b.name, b.short_name.as_deref())
                    .into_iter()
                    .find(|s| outside_answer(s))?;
                let admin = dir
                    .administrations
                    .iter()
                    .find(|a| a.committee == Some(b.id))?;
                Some((span.start, admin.id))
            })
            .collect();
    }
    named.sort_by_key(|(at, _)| *at);
    named.dedup_by_key(|(_, id)| *id);

    let everyone = every_administration(&lower, &dir.body_name);
    // Something to be presented is something to be done, too.
    let orders = words(&lower)
        .iter()
        .any(|(_, w)| ORDERS.contains(w) || PRESENTED.contains(w));

    let deadline = find_deadline(&text, decided_on);
    let (deadline_date, deadline_phrase, deadline_reading) = match &deadline {
        Some(DeadlinePhrase::Date { date, phrase }) if *date >= decided_on => {
            (Some(*date), Some(phrase.clone()), DeadlineReading::Read)
        }
        Some(DeadlinePhrase::Date { date, phrase }) => (
            Some(*date),
            Some(phrase.clone()),
            DeadlineReading::BeforeDecision,
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
        contributors: Vec::new(),
        deadline: deadline_date,
        deadline_phrase,
        deadline_reading,
        answer_to: answer.map(|(id, _)| id),
        answer_phrase: answer.map(|(_, s)| {
            let source = if aligned { &text } else { &lower };
            source[s.start..s.end].to_owned()
        }),
    };
    let all_ids = || dir.administrations.iter().map(|a| a.id);

    match (named.split_first(), everyone) {
        (Some((&(_, lead), rest)), everyone) => {
            let mut contributors: Vec<OrganizationId> = match everyone {
                Some(leave_out_lead) => all_ids()
                    .filter(|id| !leave_out_lead || *id != lead)
                    .collect(),
                None => rest.iter().map(|(_, id)| *id).collect(),
            };
            contributors.dedup();
            vec![TaskSuggestion {
                lead: Some(lead),
                contributors,
                ..base
            }]
        }
        (None, Some(_)) => all_ids()
            .map(|id| TaskSuggestion {
                assignment: Assignment::EachAdministration,
                lead: Some(id),
                ..base.clone()
            })
            .collect(),
        (None, None) if orders => vec![TaskSuggestion {
            assignment: Assignment::Unknown,
            ..base
        }],
        (None, None) => Vec::new(),
    }
}

#[cfg(test)]
mod tests;
