//! Paste to structure: reads a member proposal written elsewhere (a Word document, an email, a
//! published agenda) into its parts, for the politician to correct and save.
//!
//! The shape it reads (brief §3 step 1, and the seed agenda):
//!
//! ```text
//! Medlemsforslag om … (2025-0124174)      title, wrapped; case references in parentheses
//! Medlemsforslag                          the item kind, skipped
//! Det foreslås,                           the opening ("Jeg foreslår," "Indstilling om," …)
//! 1. at …                                 numbered clauses, wrapped over several lines
//! 2. at …
//! (Stillet af Enhedslisten)               parties or names
//! Motivation                              or "Motivering", "Begrundelse"
//! …paragraphs…
//! ```
//!
//! It never fails: what it cannot place it reports in `warnings`, and text extracted from PDFs
//! (blank lines in the middle of a sentence, words split at the line end) is put back together.

use serde::Serialize;

use super::CaseReference;

/// What a pasted text says, part by part. Nothing is stored by parsing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ParsedProposal {
    pub title: Option<String>,
    pub case_references: Vec<CaseReference>,
    pub opening: Option<String>,
    /// Each "at …" clause as one line, numbering removed.
    pub clauses: Vec<String>,
    /// "Stillet af Enhedslisten og Alternativet" → `["Enhedslisten", "Alternativet"]`.
    pub submitters: Vec<String>,
    /// Paragraphs separated by a blank line.
    pub motivation: String,
    /// What was not understood, for the person correcting the form (written out in the
    /// reader's language by whoever shows them).
    #[serde(skip)]
    pub warnings: Vec<ParseWarning>,
}

/// Something the reader of a pasted proposal could not place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseWarning {
    /// Longer than `MAX_INPUT_BYTES`: only the beginning was read.
    Truncated,
    /// No "Motivation" heading: the text after the clauses was read as the motivation.
    NoMotivationHeading,
    /// Lines before the clauses that could not be placed (how many).
    LinesIgnored(usize),
    NoTitle,
    NoClauses,
}

impl From<ParseWarning> for crate::i18n::Msg {
    fn from(w: ParseWarning) -> Self {
        use crate::i18n::Msg;
        match w {
            ParseWarning::Truncated => {
                Msg::key("parse-warning-truncated").arg("kb", MAX_INPUT_BYTES / 1024)
            }
            ParseWarning::NoMotivationHeading => Msg::key("parse-warning-no-motivation-heading"),
            ParseWarning::LinesIgnored(n) => {
                Msg::key("parse-warning-lines-ignored").num("count", n as u32)
            }
            ParseWarning::NoTitle => Msg::key("parse-warning-no-title"),
            ParseWarning::NoClauses => Msg::key("parse-warning-no-clauses"),
        }
    }
}

/// Openings a proposal's clauses follow. Matched at the start of a line, ignoring case.
const OPENINGS: [&str; 8] = [
    "det foreslås",
    "jeg foreslår",
    "vi foreslår",
    "indstilling om",
    "det indstilles",
    "forslagsstillerne foreslår",
    "forslagsstilleren foreslår",
    "borgerrepræsentationen opfordres til",
];

/// Headings of the motivation.
const MOTIVATION_HEADINGS: [&str; 4] = ["motivation", "motivering", "begrundelse", "baggrund"];

/// Lines that name the kind of item and are not part of the proposal's text.
const KIND_LINES: [&str; 4] = [
    "medlemsforslag",
    "indstilling",
    "forslag",
    "beslutningsforslag",
];

/// Longest text read; beyond it the rest is ignored (with a warning), so parsing stays cheap.
pub const MAX_INPUT_BYTES: usize = 512 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Before anything was recognised after the title.
    Preamble,
    Clauses,
    Motivation,
}

/// One input line, cleaned.
fn clean_line(line: &str) -> String {
    line.chars()
        .filter(|c| *c != '\u{00AD}' && *c != '\u{FEFF}' && *c != '\u{200B}')
        .map(|c| match c {
            '\u{00A0}' | '\t' | '\u{2007}' | '\u{202F}' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Whether `text` starts with the lower-case `prefix`, ignoring case.
fn starts_with_ci(text: &str, prefix: &str) -> bool {
    text.to_lowercase().starts_with(prefix)
}

/// The same word ignoring case and a trailing colon: "Motivation:" is the heading "motivation".
fn is_word(line: &str, words: &[&str]) -> bool {
    let bare = line.trim_end_matches(':').trim().to_lowercase();
    words.contains(&bare.as_str())
}

/// "Motivation: Vi foreslår …" → the text after the heading.
fn heading_with_text<'a>(line: &'a str, words: &[&str]) -> Option<&'a str> {
    let (head, rest) = line.split_once(':')?;
    is_word(head, words).then(|| rest.trim())
}

/// The opening at the start of the line, and what follows it on the same line.
fn opening(line: &str) -> Option<(String, String)> {
    let lower = line.to_lowercase();
    let found = OPENINGS.iter().find(|o| lower.starts_with(*o))?;
    // The opening runs to its comma or colon; what follows ("at …") is a clause.
    let opening_chars = found.chars().count();
    let rest: String = line.chars().skip(opening_chars).collect();
    let (tail, after) = match rest.find([',', ':']) {
        Some(i) if rest[..i].trim().is_empty() => (&rest[..=i], rest[i + 1..].trim()),
        _ if rest.trim().is_empty() => (rest.as_str(), ""),
        // "Det foreslås at …" without a comma.
        _ => ("", rest.trim()),
    };
    let head: String = line.chars().take(opening_chars).collect();
    let mut text = format!("{head}{}", tail.trim_end());
    if !text.ends_with([',', ':']) {
        text.push(',');
    }
    Some((text, after.to_owned()))
}

/// "1. at …", "2) at …", "- at …", "• at …": the clause's text.
fn clause_start(line: &str) -> Option<&str> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &line[digits..];
        let rest = rest.strip_prefix(['.', ')'])?;
        if rest.starts_with(char::is_whitespace) && !rest.trim().is_empty() {
            return Some(rest.trim());
        }
        return None;
    }
    for bullet in ['-', '–', '•', '*', '·'] {
        if let Some(rest) = line.strip_prefix(bullet) {
            let rest = rest.trim();
            if is_at_clause(rest) {
                return Some(rest);
            }
        }
    }
    None
}

/// Whether a text reads as a clause: "at …".
fn is_at_clause(text: &str) -> bool {
    let lower: String = text.chars().take(3).flat_map(char::to_lowercase).collect();
    lower == "at " || (lower == "at" && text.chars().count() == 2)
}

/// "(Stillet af Enhedslisten)" or "Stillet af: Anna Holm (Ø) og Bo Ravn (A)": the rest of the
/// line, and whether it is still open (a parenthesis that closes on a later line).
fn submitted_by_start(line: &str) -> Option<(String, bool)> {
    let (inner, parenthesised) = match line.strip_prefix('(') {
        Some(rest) => (rest.trim_start(), true),
        None => (line, false),
    };
    if !starts_with_ci(inner, "stillet af") {
        return None;
    }
    let rest: String = inner.chars().skip("stillet af".len()).collect();
    let rest = rest.trim_start_matches(':').trim().to_owned();
    if parenthesised {
        Some(close_parenthesis(&rest))
    } else {
        Some((rest, false))
    }
}

/// Text up to the parenthesis that closes the one opened before it; whether it is still open.
fn close_parenthesis(text: &str) -> (String, bool) {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return (text[..i].trim().to_owned(), false),
            ')' => depth -= 1,
            _ => {}
        }
    }
    (text.trim().to_owned(), true)
}

/// "Enhedslisten og Alternativet", "Anna Holm (Ø), Bo Ravn (A) og Carl Bech (F)" → the names.
fn split_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    for word in words {
        if depth == 0 && (word == "og" || word == "samt" || word == "&") {
            names.push(std::mem::take(&mut current));
            continue;
        }
        depth += word.matches('(').count();
        depth = depth.saturating_sub(word.matches(')').count());
        let (word, ends) = match word.strip_suffix(',') {
            Some(w) if depth == 0 => (w, true),
            _ => (word, false),
        };
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
        if ends {
            names.push(std::mem::take(&mut current));
        }
    }
    names.push(current);
    names
        .into_iter()
        .map(|n| n.trim().trim_end_matches(['.', ',']).trim().to_owned())
        .filter(|n| !n.is_empty())
        .collect()
}

/// Appends a wrapped line to text: a word split at the line end ("kommu-" + "nens") is put back
/// together, but "Teknik-" + "og Miljø…" keeps its hyphen and space.
fn append_wrapped(text: &mut String, line: &str) {
    if text.is_empty() {
        text.push_str(line);
        return;
    }
    let first_word: String = line.chars().take_while(|c| c.is_alphabetic()).collect();
    if text.ends_with('-') {
        let suspended = matches!(first_word.as_str(), "og" | "eller" | "samt" | "til");
        let split_word = text.chars().rev().nth(1).is_some_and(|c| c.is_lowercase())
            && line.chars().next().is_some_and(char::is_lowercase);
        let before_hyphen = text
            .chars()
            .rev()
            .nth(1)
            .is_some_and(|c| !c.is_whitespace());
        if suspended || !before_hyphen {
            // "Teknik- og Miljø…", or a dash on its own.
            text.push(' ');
        } else if split_word {
            // "kommu-" + "nens"
            text.pop();
        }
        // Otherwise a compound's own hyphen: "X-" + "profiler".
    } else {
        text.push(' ');
    }
    text.push_str(line);
}

/// Whether a paragraph stops mid-sentence, so that a blank line after it is a page break of a
/// PDF extraction rather than the end of the paragraph.
fn ends_mid_sentence(text: &str) -> bool {
    !text
        .trim_end()
        .ends_with(['.', '!', '?', ':', ';', '"', '»', '”', ')'])
}

fn starts_lowercase(line: &str) -> bool {
    line.chars().next().is_some_and(char::is_lowercase)
}

/// The title's trailing "(2025-0124174)" or "(sagsnr. 2025-0124174, 2024-0001234)": removed
/// from the title, the references kept.
fn split_case_references(title: &str) -> (String, Vec<CaseReference>) {
    let trimmed = title.trim_end();
    if !trimmed.ends_with(')') {
        return (title.to_owned(), Vec::new());
    }
    let Some(open) = trimmed.rfind('(') else {
        return (title.to_owned(), Vec::new());
    };
    let inner = &trimmed[open + 1..trimmed.len() - 1];
    let mut references = Vec::new();
    for token in inner.split(|c: char| c == ',' || c == ';' || c.is_whitespace()) {
        let token = token.trim().trim_end_matches('.');
        if token.is_empty() {
            continue;
        }
        match CaseReference::parse(token) {
            Ok(reference) => references.push(reference),
            Err(_) => {
                let word = token.to_lowercase();
                let filler = ["sag", "sagsnr", "sagsnummer", "sager", "j.nr", "og", "nr"];
                if !filler.contains(&word.as_str()) {
                    // Parentheses that are part of the title, not references.
                    return (title.to_owned(), Vec::new());
                }
            }
        }
    }
    if references.is_empty() {
        return (title.to_owned(), Vec::new());
    }
    (trimmed[..open].trim_end().to_owned(), references)
}

/// An agenda item number before the title ("1. Medlemsforslag om …", "Punkt 3:").
fn strip_item_number(line: &str) -> &str {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &line[digits..];
        if let Some(rest) = rest.strip_prefix(['.', ')', ':']) {
            let rest = rest.trim_start();
            if rest.starts_with(char::is_uppercase) && !is_at_clause(rest) {
                return rest;
            }
        }
    }
    line
}

/// Reads a pasted proposal. Never fails and never panics; see the module documentation.
pub fn parse_proposal(input: &str) -> ParsedProposal {
    let mut out = ParsedProposal::default();
    let mut text = input;
    if text.len() > MAX_INPUT_BYTES {
        let mut end = MAX_INPUT_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text = &text[..end];
        out.warnings.push(ParseWarning::Truncated);
    }
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<String> = text.split('\n').map(clean_line).collect();

    let mut i = 0;
    let skip_blank = |i: &mut usize| {
        while *i < lines.len() && lines[*i].is_empty() {
            *i += 1;
        }
    };
    skip_blank(&mut i);
    while i < lines.len() && is_word(&lines[i], &KIND_LINES) {
        i += 1;
        skip_blank(&mut i);
    }

    // The title: the first paragraph, unless the text starts with something else.
    let is_marker = |line: &str| {
        opening(line).is_some()
            || clause_start(line).is_some()
            || submitted_by_start(line).is_some()
            || is_word(line, &MOTIVATION_HEADINGS)
            || heading_with_text(line, &MOTIVATION_HEADINGS).is_some()
    };
    if i < lines.len() && !is_marker(strip_item_number(&lines[i])) {
        let mut title = String::new();
        let mut first = true;
        while i < lines.len() && !lines[i].is_empty() {
            let line = if first {
                strip_item_number(&lines[i])
            } else {
                lines[i].as_str()
            };
            if !first && is_marker(line) {
                break;
            }
            append_wrapped(&mut title, line);
            first = false;
            i += 1;
        }
        let (title, references) = split_case_references(&title);
        out.title = Some(title).filter(|t| !t.is_empty());
        out.case_references = references;
    }

    let mut part = Part::Preamble;
    // Clauses written as "at …" lines without numbers: a new line starting "at" after a
    // finished clause is the next one (with numbers, such a line is a wrapped clause).
    let mut unnumbered = false;
    let mut paragraphs: Vec<String> = Vec::new();
    let mut after_blank = false;
    let mut submitters_open: Option<String> = None;
    let mut ignored = 0usize;

    while i < lines.len() {
        let line = lines[i].as_str();
        i += 1;
        if line.is_empty() {
            after_blank = true;
            continue;
        }
        let blank_before = std::mem::replace(&mut after_blank, false);

        // A "(Stillet af …" that wraps onto the next lines.
        if let Some(mut open) = submitters_open.take() {
            let (more, still_open) = close_parenthesis(line);
            append_wrapped(&mut open, &more);
            if still_open {
                submitters_open = Some(open);
            } else {
                out.submitters.extend(split_names(&open));
            }
            continue;
        }
        if let Some((names, still_open)) = submitted_by_start(line) {
            if still_open {
                submitters_open = Some(names);
            } else {
                out.submitters.extend(split_names(&names));
            }
            continue;
        }
        if part != Part::Motivation {
            if is_word(line, &MOTIVATION_HEADINGS) {
                part = Part::Motivation;
                continue;
            }
            if let Some(rest) = heading_with_text(line, &MOTIVATION_HEADINGS) {
                part = Part::Motivation;
                if !rest.is_empty() {
                    paragraphs.push(rest.to_owned());
                }
                continue;
            }
            if let Some(text) = clause_start(line) {
                part = Part::Clauses;
                unnumbered = false;
                out.clauses.push(text.to_owned());
                continue;
            }
            if out.clauses.is_empty()
                && out.opening.is_none()
                && let Some((opening, rest)) = opening(line)
            {
                out.opening = Some(opening);
                if !rest.is_empty() {
                    part = Part::Clauses;
                    unnumbered = true;
                    out.clauses.push(rest);
                }
                continue;
            }
            if is_word(line, &KIND_LINES) && out.clauses.is_empty() {
                continue;
            }
        }
        match part {
            Part::Clauses => {
                let next_unnumbered = unnumbered
                    && is_at_clause(line)
                    && out
                        .clauses
                        .last()
                        .is_some_and(|c| c.ends_with([',', ';', '.']));
                let last = out
                    .clauses
                    .last_mut()
                    .filter(|c| !c.is_empty() && !next_unnumbered);
                match last {
                    // A wrapped line, or the rest of a sentence after a page break.
                    Some(last) if !blank_before || starts_lowercase(line) => {
                        append_wrapped(last, line)
                    }
                    // Unnumbered clauses after the opening: each "at …" line is one.
                    _ if is_at_clause(line) => out.clauses.push(line.to_owned()),
                    // Text after the clauses without a heading reads as the motivation.
                    _ => {
                        part = Part::Motivation;
                        paragraphs.push(line.to_owned());
                        if !out.warnings.contains(&ParseWarning::NoMotivationHeading) {
                            out.warnings.push(ParseWarning::NoMotivationHeading);
                        }
                    }
                }
            }
            Part::Motivation => match paragraphs.last_mut() {
                Some(last)
                    if !blank_before || (ends_mid_sentence(last) && starts_lowercase(line)) =>
                {
                    append_wrapped(last, line)
                }
                _ => paragraphs.push(line.to_owned()),
            },
            Part::Preamble => {
                if out.opening.is_some() && is_at_clause(line) {
                    part = Part::Clauses;
                    unnumbered = true;
                    out.clauses.push(line.to_owned());
                } else {
                    ignored += 1;
                }
            }
        }
    }
    if let Some(open) = submitters_open {
        out.submitters.extend(split_names(&open));
    }
    out.motivation = paragraphs.join("\n\n");
    if ignored > 0 {
        out.warnings.push(ParseWarning::LinesIgnored(ignored));
    }
    if out.title.is_none() {
        out.warnings.push(ParseWarning::NoTitle);
    }
    if out.clauses.is_empty() {
        out.warnings.push(ParseWarning::NoClauses);
    }
    out
}

#[cfg(test)]
mod tests;
