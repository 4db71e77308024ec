//! Full-text search, the part that is the same on every backend: how text becomes terms
//! (Danish stemming and folding), how a query is read, and how an excerpt is marked.
//!
//! Both backends index and query the terms made here, so SQLite (FTS5) and PostgreSQL
//! (`tsvector`, GIN) find exactly the same things: neither database's own word splitting or
//! stemming is used. Terms are plain letters and digits, so no query can carry FTS syntax.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;

/// Longer words (hashes, runs of digits, garbage from a PDF) are not indexed.
pub const MAX_TERM_CHARS: usize = 48;
/// Terms indexed per document. PostgreSQL stores positions up to 16 383; a file's text beyond
/// this is not searchable (its name and the start of its text are).
pub const MAX_DOCUMENT_TERMS: usize = 16_000;
/// The longest query read; a longer one is refused with a message, not cut.
pub const MAX_QUERY_CHARS: usize = 300;
/// Words a query looks for (phrases counted by their words); later ones are left out, and the
/// page says so.
pub const MAX_QUERY_TERMS: usize = 12;
/// Words of context an excerpt shows around the first match.
const EXCERPT_WORDS: usize = 28;

text_enum! {
    /// What a search result is.
    SearchKind {
        Proposal = "proposal",
        AgendaItem = "agenda-item",
        Decision = "decision",
        File = "file",
        Letter = "letter",
        Case = "case",
    }
}

text_enum! {
    /// Who finds a document: everyone; the members of its council or committee (a closed item)
    /// and the secretariat; the secretariat; only a proposal's authors (a draft). A proposal's
    /// authors find it whatever its visibility.
    Visibility {
        Public = "public",
        Members = "members",
        Secretariat = "secretariat",
        Authors = "authors",
    }
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::Danish))
}

/// The byte ranges of the words of `text`: runs of letters and digits.
pub fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.by_ref().find(|(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

/// A word's term: lower case, Danish stem, the neuter adjective's `-t` dropped, then folded
/// (`æ`→`ae`, `ø`→`oe`, `å`→`aa`, accents off), so `Profilerne` and `profil`, `socialt` and
/// `sociale`, `æble` and `aeble` meet, while `sø` and `so` stay apart.
pub fn term(word: &str) -> Option<String> {
    if word.chars().count() > MAX_TERM_CHARS {
        return None;
    }
    let lower = word.to_lowercase();
    let stemmed = if lower.chars().any(char::is_alphabetic) {
        neuter_stem(&stemmer().stem(&lower)).to_owned()
    } else {
        lower
    };
    let folded = fold(&stemmed);
    (!folded.is_empty()).then_some(folded)
}

/// Snowball's Danish stemmer keeps the `-t` of a neuter adjective (`socialt`, `stort`, `godt`,
/// `vigtigt`, `åbent`); dropped where it is that ending and rarely a noun's own letter.
fn neuter_stem(stem: &str) -> &str {
    let Some(base) = stem.strip_suffix('t') else {
        return stem;
    };
    let len = base.chars().count();
    let last = base.chars().last();
    let adjective = (len >= 4 && matches!(last, Some('l' | 'r' | 'n')))
        || base.ends_with("ig")
        || (len >= 3 && last == Some('d'));
    if adjective { base } else { stem }
}

/// Danish letters written out as Danes do without them, other accents dropped.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 4);
    for c in word.chars() {
        match c {
            'æ' | 'ä' => out.push_str("ae"),
            'ø' | 'ö' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            'ß' => out.push_str("ss"),
            _ if c.is_ascii() => out.push(c),
            _ => out.extend(
                std::iter::once(c)
                    .nfd()
                    .filter(|d| !unicode_normalization::char::is_combining_mark(*d)),
            ),
        }
    }
    out.retain(char::is_alphanumeric);
    out
}

/// The terms of a text in order, as they are indexed (at most `MAX_DOCUMENT_TERMS`).
pub fn terms(text: &str) -> Vec<String> {
    words(text)
        .filter_map(|(a, b)| term(&text[a..b]))
        .take(MAX_DOCUMENT_TERMS)
        .collect()
}

/// Bits of a document's key that hold its source's id; the kind and the day sit above them.
const SOURCE_BITS: u32 = 29;
/// The largest source id a document can have (about 537 million rows of one kind).
pub const MAX_SOURCE_ID: i64 = (1 << SOURCE_BITS) - 1;
/// Bits of the kind, above the source.
const KIND_BITS: u32 = 3;
/// The last day a key can hold, counted from the common era (about the year 2870).
const MAX_DAYS: i64 = (1 << 20) - 1;

impl SearchKind {
    /// Its place in a document's key: fixed, so keys never change meaning.
    fn code(self) -> i64 {
        match self {
            SearchKind::Proposal => 0,
            SearchKind::AgendaItem => 1,
            SearchKind::Decision => 2,
            SearchKind::File => 3,
            SearchKind::Letter => 4,
            SearchKind::Case => 5,
        }
    }
}

/// A document's key in the index: the newest day first, then the kind and the source from the
/// highest down, so that ascending key order is "newest first". Both indexes read their lists
/// forwards, skipping ahead where another list says so, and stop at the page: a search reads
/// the page it shows, never every match. (SQLite's FTS5 reads a list backwards only by loading
/// it whole.) `None` for a source id beyond `MAX_SOURCE_ID` or a day outside the key's span.
pub fn document_key(day: NaiveDate, kind: SearchKind, source: i64) -> Option<i64> {
    let days = i64::from(day.num_days_from_ce());
    if !(0..=MAX_DAYS).contains(&days) || !(0..=MAX_SOURCE_ID).contains(&source) {
        return None;
    }
    let kind_part = ((1 << KIND_BITS) - 1 - kind.code()) << SOURCE_BITS;
    Some(((MAX_DAYS - days) << 32) | kind_part | (MAX_SOURCE_ID - source))
}

/// The keys of the documents dated `from` to `to` (both included; open ends reach all), lowest
/// first.
pub fn key_range(from: Option<NaiveDate>, to: Option<NaiveDate>) -> (i64, i64) {
    let clamp = |d: NaiveDate| i64::from(d.num_days_from_ce()).clamp(-1, MAX_DAYS + 1);
    let first = to.map_or(0, |d| (MAX_DAYS - clamp(d)).max(0) << 32);
    let last = from.map_or(i64::MAX, |d| ((MAX_DAYS - clamp(d) + 1) << 32) - 1);
    (first, last)
}

/// A token of the index's access-and-filter column: a letter for what it says, then a value
/// of letters and digits (`b3` a body, `kagendaitem` a kind, `vpublic` who may read it). Such
/// tokens sit in a column of their own, so they never meet the words of a text.
pub fn token(prefix: char, value: impl std::fmt::Display) -> String {
    let mut out = String::from(prefix);
    out.extend(
        value
            .to_string()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase()),
    );
    out
}

/// A query: every group must match; a group of several terms is a phrase (in order, adjacent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub groups: Vec<Vec<String>>,
    /// Words beyond `MAX_QUERY_TERMS` were left out.
    pub cut: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("the query is longer than {MAX_QUERY_CHARS} characters")]
    TooLong,
}

impl Query {
    /// Reads what a person typed: words, and phrases in double quotes (an unclosed quote runs
    /// to the end). Everything else (operators, `*`, brackets) is ordinary punctuation. A query
    /// with no words is `None`: nothing to search for.
    pub fn parse(input: &str) -> Result<Option<Query>, QueryError> {
        if input.chars().count() > MAX_QUERY_CHARS {
            return Err(QueryError::TooLong);
        }
        let mut groups: Vec<Vec<String>> = Vec::new();
        for (n, part) in input.split(['"', '“', '”', '„']).enumerate() {
            let found = terms(part);
            if n % 2 == 1 {
                if !found.is_empty() {
                    groups.push(found);
                }
            } else {
                groups.extend(found.into_iter().map(|t| vec![t]));
            }
        }
        let mut unique: Vec<Vec<String>> = Vec::new();
        let mut counted = 0;
        let mut cut = false;
        for mut g in groups {
            if unique.contains(&g) {
                continue;
            }
            if counted + g.len() > MAX_QUERY_TERMS {
                cut = true;
                g.truncate(MAX_QUERY_TERMS - counted);
                if g.is_empty() {
                    break;
                }
            }
            counted += g.len();
            unique.push(g);
        }
        Ok((!unique.is_empty()).then_some(Query {
            groups: unique,
            cut,
        }))
    }

    /// Every term the query looks for, for marking excerpts.
    pub fn all_terms(&self) -> impl Iterator<Item = &str> {
        self.groups.iter().flatten().map(String::as_str)
    }
}

/// A piece of an excerpt: text, and whether it is a match to mark.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Fragment {
    pub text: String,
    #[serde(rename = "match")]
    pub hit: bool,
}

/// About `EXCERPT_WORDS` words of `text` around its first match, the matching words marked.
/// Without a match, the text's beginning.
pub fn excerpt(text: &str, query: &Query) -> Vec<Fragment> {
    let wanted: Vec<&str> = query.all_terms().collect();
    let spans: Vec<(usize, usize, bool)> = words(text)
        .map(|(a, b)| {
            let hit = term(&text[a..b]).is_some_and(|t| wanted.contains(&t.as_str()));
            (a, b, hit)
        })
        .collect();
    if spans.is_empty() {
        return Vec::new();
    }
    let first = spans.iter().position(|s| s.2).unwrap_or(0);
    let from = first.saturating_sub(EXCERPT_WORDS / 4);
    let to = (from + EXCERPT_WORDS).min(spans.len());
    let mut out = Vec::new();
    let mut push = |text: &str, hit: bool| {
        if text.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(Fragment { text: last, hit: h }) if *h == hit => last.push_str(text),
            _ => out.push(Fragment {
                text: text.to_owned(),
                hit,
            }),
        }
    };
    if from > 0 {
        push("… ", false);
    }
    let mut at = spans[from].0;
    for &(a, b, hit) in &spans[from..to] {
        push(&collapse(&text[at..a]), false);
        push(&text[a..b], hit);
        at = b;
    }
    if to < spans.len() {
        push(" …", false);
    } else {
        push(&collapse(&text[at..]), false);
    }
    out
}

/// Runs of white space (line breaks of a long text) as one space.
fn collapse(gap: &str) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in gap.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        terms(a) == terms(b)
    }

    #[test]
    fn danish_inflections_meet() {
        assert!(same("profil", "profiler"));
        assert!(same("profil", "profilerne"));
        assert!(same("forvaltning", "forvaltningerne"));
        assert!(same("sociale medier", "socialt medie"));
        assert!(same("stort", "store"));
        assert!(same("godt", "gode"));
        assert!(same("vigtigt", "vigtige"));
        assert!(same("åbent", "åbne") || same("åbent", "åben"));
        assert!(same("Cykelstierne", "cykelsti"));
    }

    #[test]
    fn case_and_accents_fold_but_danish_letters_stay_apart() {
        assert!(same("ÆBLE", "æble"));
        assert!(same("aeble", "æble"));
        assert!(same("Aarhus", "Århus"));
        assert!(same("idé", "ide"));
        assert!(!same("sø", "so"));
        assert!(!same("kørsel", "korsel"));
        assert!(!same("sag", "sagt"));
        assert!(!same("salt", "sal"));
    }

    #[test]
    fn words_are_letters_and_digits() {
        assert_eq!(terms("2025-0124174"), ["2025", "0124174"]);
        assert_eq!(
            terms("Børne- og Ungdomsforvaltningen"),
            ["boern", "og", "ungdomsforvaltning"]
        );
        assert_eq!(terms("a@b.dk"), ["a", "b", "dk"]);
        assert!(terms(&"x".repeat(MAX_TERM_CHARS + 1)).is_empty());
        assert!(terms("—  … «» ").is_empty());
    }

    #[test]
    fn queries_read_words_and_phrases() {
        let q = Query::parse(r#"cykelstier "sociale medier" profil"#)
            .unwrap()
            .unwrap();
        assert_eq!(
            q.groups,
            vec![
                vec!["cykelsti".to_owned()],
                vec!["social".to_owned(), "medi".to_owned()],
                vec!["profil".to_owned()],
            ]
        );
        // An unclosed quote runs to the end.
        let q = Query::parse(r#"skole "nye cykelstier"#).unwrap().unwrap();
        assert_eq!(q.groups.len(), 2);
        // The same word twice counts once.
        assert_eq!(
            Query::parse("skole skoler").unwrap().unwrap().groups.len(),
            1
        );
    }

    #[test]
    fn fts_syntax_is_punctuation() {
        for q in [
            "\"", "*", "NEAR(", "AND OR", "()", "\"\"", "-", "'", "{x}:y", "^a",
        ] {
            let parsed = Query::parse(q).unwrap();
            if let Some(p) = parsed {
                for t in p.all_terms() {
                    assert!(t.chars().all(char::is_alphanumeric), "{q}: {t}");
                }
            }
        }
        assert_eq!(Query::parse("  ").unwrap(), None);
        assert_eq!(Query::parse("*").unwrap(), None);
    }

    #[test]
    fn too_long_is_refused_and_too_many_words_are_cut() {
        assert_eq!(
            Query::parse(&"a".repeat(MAX_QUERY_CHARS + 1)),
            Err(QueryError::TooLong)
        );
        let many: Vec<String> = (0..=MAX_QUERY_TERMS).map(|n| format!("w{n}")).collect();
        let q = Query::parse(&many.join(" ")).unwrap().unwrap();
        assert!(q.cut);
        assert_eq!(q.all_terms().count(), MAX_QUERY_TERMS);
        let phrase = format!("\"{}\"", many.join(" "));
        let q = Query::parse(&phrase).unwrap().unwrap();
        assert_eq!(q.groups.len(), 1);
        assert_eq!(q.groups[0].len(), MAX_QUERY_TERMS);
        let q = Query::parse("en to tre").unwrap().unwrap();
        assert!(!q.cut);
    }

    #[test]
    fn excerpts_mark_the_matching_words() {
        let q = Query::parse("profil").unwrap().unwrap();
        let text = "Kommunen skal have profiler på sociale medier.\n\nProfilerne skal være åbne.";
        let got = excerpt(text, &q);
        let marked: Vec<&str> = got
            .iter()
            .filter(|f| f.hit)
            .map(|f| f.text.as_str())
            .collect();
        assert_eq!(marked, ["profiler", "Profilerne"]);
        let joined: String = got.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(
            joined,
            "Kommunen skal have profiler på sociale medier. Profilerne skal være åbne."
        );
        let long = format!("{} profil {}", "ord ".repeat(100), "ord ".repeat(100));
        let got = excerpt(&long, &q);
        let joined: String = got.iter().map(|f| f.text.as_str()).collect();
        assert!(
            joined.starts_with("… ") && joined.ends_with(" …"),
            "{joined}"
        );
        assert!(joined.split_whitespace().count() <= EXCERPT_WORDS + 2);
    }

    #[test]
    fn no_match_shows_the_beginning() {
        let q = Query::parse("budget").unwrap().unwrap();
        let got = excerpt("Forslag om cykelstier", &q);
        assert_eq!(got.len(), 1);
        assert!(!got[0].hit);
    }

    #[test]
    fn keys_order_newest_first() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let key = |d, k, s| document_key(d, k, s).unwrap();
        let older = key(day(2025, 6, 12), SearchKind::Proposal, 0);
        let a = key(day(2025, 6, 13), SearchKind::Case, 2);
        let b = key(day(2025, 6, 13), SearchKind::Case, 1);
        let c = key(day(2025, 6, 13), SearchKind::Proposal, MAX_SOURCE_ID);
        assert!(a < b && b < c && c < older);
        assert!(a > 0);
        assert_eq!(
            document_key(day(2025, 6, 13), SearchKind::File, MAX_SOURCE_ID + 1),
            None
        );
        assert_eq!(document_key(day(2025, 6, 13), SearchKind::File, -1), None);
        // Every kind has its own code, so no two documents share a key.
        let mut codes: Vec<i64> = SearchKind::ALL.iter().map(|k| k.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), SearchKind::ALL.len());
        assert!(codes.iter().all(|c| *c < 1 << KIND_BITS));
    }

    #[test]
    fn key_ranges_hold_whole_days() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let (lo, hi) = key_range(Some(day(2025, 6, 13)), Some(day(2025, 6, 13)));
        for kind in SearchKind::ALL {
            for source in [0, 1, MAX_SOURCE_ID] {
                let k = document_key(day(2025, 6, 13), *kind, source).unwrap();
                assert!((lo..=hi).contains(&k));
            }
        }
        let newer = document_key(day(2025, 6, 14), SearchKind::Proposal, 0).unwrap();
        let older = document_key(day(2025, 6, 12), SearchKind::Case, MAX_SOURCE_ID).unwrap();
        assert!(newer < lo && older > hi);
        assert_eq!(key_range(None, None), (0, i64::MAX));
        let (lo, hi) = key_range(Some(day(2025, 1, 1)), None);
        assert_eq!(lo, 0);
        assert!(
            (lo..=hi).contains(&newer)
                && !(lo..=hi)
                    .contains(&document_key(day(2024, 12, 31), SearchKind::Case, 0).unwrap())
        );
    }

    #[test]
    fn tokens_are_letters_and_digits() {
        assert_eq!(token('k', SearchKind::AgendaItem), "kagendaitem");
        assert_eq!(token('s', "not_adopted"), "snotadopted");
        assert_eq!(token('b', 3), "b3");
        assert_eq!(token('v', "Public \" OR *"), "vpublicor");
    }
}
