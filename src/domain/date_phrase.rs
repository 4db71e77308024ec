//! Deadlines read from the text of an adopted clause: "inden udgangen af juni måned", "senest
//! den 1. september 2025", "inden for tre måneder", "inden årets udgang", "i løbet af 2026",
//! "hurtigst muligt".
//!
//! Phrases are read relative to the day the decision was made: a month or a day without a year
//! is the first one on or after that day. What cannot be read gives no date, so the secretariat
//! is asked instead of Agendum guessing.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::time::MONTHS_DA;

/// What a clause says about its deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeadlinePhrase {
    /// A date, and the words it was read from.
    Date { date: NaiveDate, phrase: String },
    /// "hurtigst muligt", "snarest": urgent, but no date; the secretariat sets one.
    AsSoonAsPossible { phrase: String },
}

impl DeadlinePhrase {
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Self::Date { date, .. } => Some(*date),
            Self::AsSoonAsPossible { .. } => None,
        }
    }

    pub fn phrase(&self) -> &str {
        match self {
            Self::Date { phrase, .. } | Self::AsSoonAsPossible { phrase } => phrase,
        }
    }
}

/// One word of the text, lower-cased, with where it stands in the original.
#[derive(Debug, Clone)]
struct Token {
    word: String,
    /// "1." in "1. september": a number written as an ordinal.
    ordinal: bool,
    start: usize,
    end: usize,
}

/// Words, numbers and dates ("01.09.2025", "1/9") with their byte spans; punctuation between
/// them is dropped, a full stop right after a number is kept as `ordinal`.
fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if !c.is_alphanumeric() {
            chars.next();
            continue;
        }
        let mut end = start;
        while let Some(&(i, c)) = chars.peek() {
            if c.is_alphanumeric() || matches!(c, '.' | '/' | '-') {
                end = i + c.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let raw = &text[start..end];
        let trimmed = raw.trim_end_matches(['.', '/', '-']);
        let ordinal = raw.len() > trimmed.len()
            && raw[trimmed.len()..].starts_with('.')
            && trimmed.chars().all(|c| c.is_ascii_digit());
        // "Teknik-" in "Teknik- og Miljøforvaltningen" keeps its word; the full stop after "1."
        // is inside a phrase whenever it matters, so a phrase ending in "2025." ends before it.
        out.push(Token {
            word: trimmed.to_lowercase(),
            ordinal,
            start,
            end: start + trimmed.len(),
        });
    }
    out
}

/// Month abbreviations as written in Danish ("1. sept. 2025"). Not "jul": that is Christmas.
const ABBREVIATIONS: [(&str, u32); 11] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("okt", 10),
    ("nov", 11),
    ("dec", 12),
];

fn month(word: &str) -> Option<u32> {
    MONTHS_DA
        .iter()
        .position(|m| *m == word)
        .map(|i| i as u32 + 1)
        .or_else(|| {
            ABBREVIATIONS
                .iter()
                .find(|(a, _)| *a == word)
                .map(|(_, m)| *m)
        })
}

/// Small numbers as digits or Danish words ("tre", "et", "14").
fn number(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse::<u32>() {
        return (n > 0 && n < 1000).then_some(n);
    }
    let n = match word {
        "en" | "et" | "én" | "ét" | "een" | "eet" => 1,
        "to" => 2,
        "tre" => 3,
        "fire" => 4,
        "fem" => 5,
        "seks" => 6,
        "syv" => 7,
        "otte" => 8,
        "ni" => 9,
        "ti" => 10,
        "elleve" => 11,
        "tolv" => 12,
        "fjorten" => 14,
        "atten" => 18,
        "tyve" => 20,
        "fireogtyve" => 24,
        "tredive" => 30,
        _ => return None,
    };
    Some(n)
}

/// "første" … "fjerde", "1." … "4.": the number of a quarter or half-year.
fn ordinal(token: &Token) -> Option<u32> {
    match token.word.as_str() {
        "første" => Some(1),
        "andet" | "anden" => Some(2),
        "tredje" => Some(3),
        "fjerde" => Some(4),
        w if token.ordinal => w.parse().ok(),
        _ => None,
    }
}

fn year(word: &str) -> Option<i32> {
    word.parse::<i32>()
        .ok()
        .filter(|y| (1900..=2200).contains(y) && word.len() == 4)
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

/// The first date of the given month and day on or after `from`.
fn next_date(from: NaiveDate, day: impl Fn(i32) -> Option<NaiveDate>) -> Option<NaiveDate> {
    [from.year(), from.year() + 1]
        .into_iter()
        .filter_map(day)
        .find(|d| *d >= from)
}

/// An explicit date starting at token `i`: "1. september [2025]", "01.09.2025", "1/9 [2025]",
/// "2025-09-01". Returns the date and the index of its last token.
fn explicit_date(t: &[Token], i: usize, from: NaiveDate) -> Option<(NaiveDate, usize)> {
    let word = t[i].word.as_str();
    // 01.09.2025, 1.9.2025, 1/9/2025, 1-9-2025, 2025-09-01, and 1/9 or 1.9 without the year.
    let parts: Vec<&str> = word.split(['.', '/', '-']).collect();
    if parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    {
        let nums: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        let date = match nums.as_slice() {
            [y, m, d] if parts[0].len() == 4 => NaiveDate::from_ymd_opt(*y as i32, *m, *d),
            [d, m, y] if parts[2].len() == 4 => NaiveDate::from_ymd_opt(*y as i32, *m, *d),
            [d, m, y] if parts[2].len() == 2 => NaiveDate::from_ymd_opt(2000 + *y as i32, *m, *d),
            [d, m] => {
                // "1/9 2025" or "1/9": a year may follow as its own word.
                if let Some(y) = t.get(i + 1).and_then(|n| year(&n.word)) {
                    return NaiveDate::from_ymd_opt(y, *m, *d).map(|date| (date, i + 1));
                }
                next_date(from, |y| NaiveDate::from_ymd_opt(y, *m, *d))
            }
            _ => None,
        };
        return date.map(|d| (d, i));
    }
    // 1. september [2025]
    if t[i].ordinal || word.parse::<u32>().is_ok() {
        let day: u32 = word.parse().ok()?;
        let m = month(&t.get(i + 1)?.word)?;
        if let Some(y) = t.get(i + 2).and_then(|n| year(&n.word)) {
            return NaiveDate::from_ymd_opt(y, m, day).map(|d| (d, i + 2));
        }
        return next_date(from, |y| NaiveDate::from_ymd_opt(y, m, day)).map(|d| (d, i + 1));
    }
    None
}

/// A month, perhaps with "måned" and a year after it, starting at token `i`: the last day of
/// that month (the first such on or after `from`), and the index of the last token used.
fn month_end(t: &[Token], i: usize, from: NaiveDate) -> Option<(NaiveDate, usize)> {
    let m = month(&t.get(i)?.word)?;
    let mut last = i;
    if t.get(last + 1).is_some_and(|n| n.word == "måned") {
        last += 1;
    }
    if let Some(y) = t.get(last + 1).and_then(|n| year(&n.word)) {
        return last_day_of_month(y, m).map(|d| (d, last + 1));
    }
    next_date(from, |y| last_day_of_month(y, m)).map(|d| (d, last))
}

/// The year named at token `i` ("2026", "året", "indeværende år", "næste år"), and the index
/// of its last token.
fn named_year(t: &[Token], i: usize, from: NaiveDate) -> Option<(i32, usize)> {
    let word = t.get(i)?.word.as_str();
    if let Some(y) = year(word) {
        return Some((y, i));
    }
    match word {
        "året" | "år" => Some((from.year(), i)),
        "indeværende" | "dette" if t.get(i + 1).is_some_and(|n| n.word == "år") => {
            Some((from.year(), i + 1))
        }
        "næste" | "kommende" if t.get(i + 1).is_some_and(|n| n.word == "år") => {
            Some((from.year() + 1, i + 1))
        }
        _ => None,
    }
}

/// "1. kvartal [2026]", "første halvår", "andet halvår 2025": the end of that part of the year.
fn part_of_year(t: &[Token], i: usize, from: NaiveDate) -> Option<(NaiveDate, usize)> {
    let n = ordinal(t.get(i)?)?;
    let unit = t.get(i + 1)?.word.as_str();
    let end_month = match unit {
        "kvartal" if (1..=4).contains(&n) => n * 3,
        "halvår" if (1..=2).contains(&n) => n * 6,
        _ => return None,
    };
    let mut last = i + 1;
    let explicit = t.get(last + 1).and_then(|n| year(&n.word)).or_else(|| {
        // "1. kvartal af 2026" / "1. kvartal i 2026"
        let of = t
            .get(last + 1)
            .is_some_and(|n| matches!(n.word.as_str(), "af" | "i"));
        of.then(|| t.get(last + 2).and_then(|n| year(&n.word)))
            .flatten()
            .inspect(|_| last += 1)
    });
    match explicit {
        Some(y) => last_day_of_month(y, end_month).map(|d| (d, last + 1)),
        None => next_date(from, |y| last_day_of_month(y, end_month)).map(|d| (d, last)),
    }
}

/// A period after the decision: "tre måneder", "14 dage", "et halvt år", "halvandet år".
fn period(t: &[Token], i: usize, from: NaiveDate) -> Option<(NaiveDate, usize)> {
    let first = t.get(i)?.word.as_str();
    if first == "halvandet" && t.get(i + 1).is_some_and(|n| n.word == "år") {
        return from.checked_add_months(Months::new(18)).map(|d| (d, i + 1));
    }
    let n = number(first)?;
    let (unit_at, half) = match t.get(i + 1).map(|n| n.word.as_str()) {
        Some("halvt" | "halv") => (i + 2, true),
        _ => (i + 1, false),
    };
    let unit = t.get(unit_at)?.word.as_str();
    let date = match (unit, half) {
        ("år", true) if n == 1 => from.checked_add_months(Months::new(6)),
        (_, true) => None,
        ("dag" | "dage" | "dags" | "hverdage", _) => from.checked_add_days(Days::new(n.into())),
        ("uge" | "uger", _) => from.checked_add_days(Days::new(u64::from(n) * 7)),
        ("måned" | "måneder" | "mdr" | "md", _) => from.checked_add_months(Months::new(n)),
        ("kvartal" | "kvartaler", _) => from.checked_add_months(Months::new(n * 3)),
        ("år", _) => from.checked_add_months(Months::new(n * 12)),
        _ => None,
    };
    date.map(|d| (d, unit_at))
}

/// A season or a known break: "foråret", "efteråret 2025", "sommerferien".
fn season(t: &[Token], i: usize, from: NaiveDate) -> Option<(NaiveDate, usize)> {
    let (m, d) = match t.get(i)?.word.as_str() {
        "foråret" | "forår" => (5, 31),
        "sommeren" | "sommer" => (8, 31),
        "sommerferien" => (6, 30),
        "efteråret" | "efterår" => (11, 30),
        _ => return None,
    };
    if let Some(y) = t.get(i + 1).and_then(|n| year(&n.word)) {
        return NaiveDate::from_ymd_opt(y, m, d).map(|date| (date, i + 1));
    }
    next_date(from, |y| NaiveDate::from_ymd_opt(y, m, d)).map(|date| (date, i))
}

/// Words that make a date or month that follows a deadline rather than a mention.
fn deadline_cue(word: &str) -> bool {
    matches!(
        word,
        "senest" | "inden" | "før" | "forud" | "ved" | "til" | "pr" | "indtil"
    )
}

fn is(t: &[Token], i: usize, word: &str) -> bool {
    t.get(i).is_some_and(|n| n.word == word)
}

/// One reading that starts at token `i`: the date and the index of the phrase's last token.
fn reading_at(t: &[Token], i: usize, from: NaiveDate) -> Option<(NaiveDate, usize)> {
    let word = t[i].word.as_str();
    match word {
        // "udgangen af juni [måned] [2025]", "udgangen af året", "udgangen af 2025",
        // "udgangen af 1. kvartal", "udgangen af næste år"
        "udgangen" if is(t, i + 1, "af") => month_end(t, i + 2, from)
            .or_else(|| part_of_year(t, i + 2, from))
            .or_else(|| {
                named_year(t, i + 2, from)
                    .and_then(|(y, last)| NaiveDate::from_ymd_opt(y, 12, 31).map(|d| (d, last)))
            }),
        // "årets udgang", "inden årets afslutning"
        "årets"
            if t.get(i + 1)
                .is_some_and(|n| matches!(n.word.as_str(), "udgang" | "afslutning")) =>
        {
            NaiveDate::from_ymd_opt(from.year(), 12, 31).map(|d| (d, i + 1))
        }
        // "inden for tre måneder", "indenfor 14 dage", "senest tre måneder efter"
        "for" if i > 0 && is(t, i - 1, "inden") => period(t, i + 1, from),
        "indenfor" => period(t, i + 1, from),
        // "i løbet af 2026", "i løbet af juni", "i løbet af efteråret", "i løbet af et år"
        "løbet" if is(t, i + 1, "af") => named_year(t, i + 2, from)
            .and_then(|(y, last)| NaiveDate::from_ymd_opt(y, 12, 31).map(|d| (d, last)))
            .or_else(|| month_end(t, i + 2, from))
            .or_else(|| part_of_year(t, i + 2, from))
            .or_else(|| season(t, i + 2, from))
            .or_else(|| period(t, i + 2, from)),
        // "ultimo juni", "medio september 2025", "primo 2026"
        "ultimo" => month_end(t, i + 1, from).or_else(|| {
            named_year(t, i + 1, from)
                .and_then(|(y, last)| NaiveDate::from_ymd_opt(y, 12, 31).map(|d| (d, last)))
        }),
        "medio" | "primo" => {
            let day = if word == "medio" { 15 } else { 1 };
            let m = month(&t.get(i + 1)?.word)?;
            if let Some(y) = t.get(i + 2).and_then(|n| year(&n.word)) {
                return NaiveDate::from_ymd_opt(y, m, day).map(|d| (d, i + 2));
            }
            next_date(from, |y| NaiveDate::from_ymd_opt(y, m, day)).map(|d| (d, i + 1))
        }
        _ => {
            // A date, month, quarter or year after a cue: "senest den 1. september 2025",
            // "inden 1. kvartal 2026", "til juni", "inden sommerferien", "i 2026" (the end of it).
            if !deadline_cue(word) && word != "i" {
                return None;
            }
            let mut j = i + 1;
            // "senest den …", "til mødet den …", "forud for mødet den …"; at most three words.
            while j < t.len()
                && j <= i + 3
                && explicit_date(t, j, from).is_none()
                && month(&t[j].word).is_none()
            {
                if !matches!(
                    t[j].word.as_str(),
                    "den"
                        | "d"
                        | "for"
                        | "mødet"
                        | "udvalgets"
                        | "dagen"
                        | "fredag"
                        | "mandag"
                        | "tirsdag"
                        | "onsdag"
                        | "torsdag"
                ) {
                    break;
                }
                j += 1;
            }
            if j >= t.len() {
                return None;
            }
            if word == "i" {
                // "i 2026", "i juni", "i 1. kvartal 2026", "i efteråret": only whole periods.
                return named_year(t, j, from)
                    .and_then(|(y, last)| NaiveDate::from_ymd_opt(y, 12, 31).map(|d| (d, last)))
                    .or_else(|| month_end(t, j, from))
                    .or_else(|| part_of_year(t, j, from))
                    .or_else(|| season(t, j, from));
            }
            explicit_date(t, j, from)
                .or_else(|| part_of_year(t, j, from))
                .or_else(|| {
                    // "senest tre måneder efter"
                    period(t, j, from)
                        .filter(|&(_, last)| word == "senest" && is(t, last + 1, "efter"))
                })
                .or_else(|| season(t, j, from))
                .or_else(|| {
                    // "inden 2027": before that year begins.
                    year(&t[j].word)
                        .filter(|_| matches!(word, "inden" | "før"))
                        .and_then(|y| NaiveDate::from_ymd_opt(y - 1, 12, 31))
                        .map(|d| (d, j))
                })
                .or_else(|| {
                    year(&t[j].word)
                        .filter(|_| word == "senest")
                        .and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31))
                        .map(|d| (d, j))
                })
        }
    }
}

/// Urgency without a date: "hurtigst muligt", "snarest [muligt]", "straks", "omgående".
fn urgency_at(t: &[Token], i: usize) -> Option<usize> {
    match t[i].word.as_str() {
        "hurtigst" | "snarest" | "hurtigt" if is(t, i + 1, "muligt") => Some(i + 1),
        "snarest" | "straks" | "omgående" | "omgåend" => Some(i),
        _ => None,
    }
}

/// The deadline a clause states, read relative to `decided_on`. The first date on or after that
/// day wins; urgency without a date comes next; a date before it (which the secretariat must
/// correct) is reported only when there is nothing else, since it is more often a mention of an
/// earlier decision than a deadline.
pub fn find_deadline(text: &str, decided_on: NaiveDate) -> Option<DeadlinePhrase> {
    let t = tokens(text);
    let mut urgent = None;
    let mut past = None;
    for i in 0..t.len() {
        if let Some((date, last)) = reading_at(&t, i, decided_on) {
            // Take the cue words before the phrase with it: "inden udgangen af juni måned".
            let mut first = i;
            while first > 0
                && matches!(
                    t[first - 1].word.as_str(),
                    "inden" | "senest" | "ved" | "før" | "i"
                )
            {
                first -= 1;
                if t[first].word == "i" {
                    break;
                }
            }
            let reading = DeadlinePhrase::Date {
                date,
                phrase: text[t[first].start..t[last].end].to_owned(),
            };
            if date >= decided_on {
                return Some(reading);
            }
            past.get_or_insert(reading);
        }
        if urgent.is_none() {
            urgent = urgency_at(&t, i).map(|last| text[t[i].start..t[last].end].to_owned());
        }
    }
    urgent
        .map(|phrase| DeadlinePhrase::AsSoonAsPossible { phrase })
        .or(past)
}

#[cfg(test)]
mod tests;
