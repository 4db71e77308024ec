//! Time in Europe/Copenhagen, and dates as each language writes them: `30.04.2025, kl. 17:30` /
//! `30 April 2025, 17:30`.
//!
//! Instants are stored in UTC; they are shown and entered in the council's local time.

use chrono::{DateTime, Datelike, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

use super::language::Lang;

pub const TIME_ZONE: Tz = chrono_tz::Europe::Copenhagen;

pub fn local(instant: DateTime<Utc>) -> DateTime<Tz> {
    instant.with_timezone(&TIME_ZONE)
}

/// Today's date in Copenhagen, whatever the server's own time zone.
pub fn today() -> NaiveDate {
    local(Utc::now()).date_naive()
}

/// A wall-clock time in Copenhagen that does not exist (the hour skipped when summer time
/// starts) is refused rather than silently moved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Tidspunktet {0} findes ikke i dansk tid (sommertiden begynder).")]
pub struct NonexistentLocalTime(pub String);

impl From<NonexistentLocalTime> for crate::i18n::Msg {
    fn from(err: NonexistentLocalTime) -> Self {
        crate::i18n::Msg::key("time-does-not-exist").arg("time", err.0)
    }
}

/// Converts a Copenhagen wall-clock time to UTC. In the repeated hour when summer time ends,
/// the first (summer-time) occurrence is meant, as people read a meeting invitation.
pub fn local_to_utc(wall: NaiveDateTime) -> Result<DateTime<Utc>, NonexistentLocalTime> {
    match TIME_ZONE.from_local_datetime(&wall) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        LocalResult::None => Err(NonexistentLocalTime(format_datetime_naive(wall))),
    }
}

fn format_datetime_naive(wall: NaiveDateTime) -> String {
    format!("{}, kl. {}", wall.format("%d.%m.%Y"), wall.format("%H:%M"))
}

/// RFC 3339 in Copenhagen time, to the second (`2025-04-30T17:30:00+02:00`): the form of
/// HTML `datetime` attributes and the JSON API.
pub fn rfc3339(instant: DateTime<Utc>) -> String {
    local(instant).to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// A date as people type it, or as a form shows it in either language: `10.12.2026`,
/// `10/12/2026`, `2026-12-10`, `10. december 2026`, `10 December 2026`, `December 10, 2026`
/// (a month's name or its first three letters, in Danish or English, any case).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    for format in ["%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y"] {
        if let Ok(day) = NaiveDate::parse_from_str(text, format) {
            return Some(day);
        }
    }
    // Written out: a day, a month's name and a year, in either order of day and month.
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let month_of = |word: &str| {
        (1..=12u32).find(|m| {
            let (da, en) = (
                MONTHS_DA[*m as usize - 1],
                MONTHS_EN[*m as usize - 1].to_lowercase(),
            );
            word == da
                || word == en
                || (word.chars().count() == 3 && en.starts_with(word))
                || (word.chars().count() == 3 && da.starts_with(word))
        })
    };
    let (day, month, year) = match words.as_slice() {
        [d, m, y] if month_of(m).is_some() => (d, month_of(m)?, y),
        [m, d, y] if month_of(m).is_some() => (d, month_of(m)?, y),
        _ => return None,
    };
    let (day, year) = (day.parse().ok()?, year.parse().ok()?);
    if !(1000..=9999).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

/// `30.04.2025`
pub fn date_da(instant: DateTime<Utc>) -> String {
    local(instant).format("%d.%m.%Y").to_string()
}

/// `30.04.2025`, of a calendar day.
pub fn day_da(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// A date for an example in a hint, always ahead of `today` so it reads as one to use: `days`
/// ahead, or `day`.`month` (the first without a day) of the next year in which the whole month
/// is ahead, so that several examples of one month ("01.07–31.07") share a year.
pub fn example_date(
    today: NaiveDate,
    month: Option<u32>,
    day: Option<u32>,
    days: u64,
) -> NaiveDate {
    match month {
        Some(month) => {
            let year = (today.year()..=today.year() + 1)
                .find(|y| NaiveDate::from_ymd_opt(*y, month, 1).is_some_and(|d| d > today))
                .unwrap_or(today.year() + 1);
            NaiveDate::from_ymd_opt(year, month, day.unwrap_or(1))
                .or_else(|| NaiveDate::from_ymd_opt(year, month, 1))
                .unwrap_or(today)
        }
        None => today + chrono::Days::new(days),
    }
}

/// `17:30`, the clock time in Copenhagen (the same in both languages)
pub fn clock(instant: DateTime<Utc>) -> String {
    local(instant).format("%H:%M").to_string()
}

/// `30.04.2025, kl. 17:30`
pub fn datetime_da(instant: DateTime<Utc>) -> String {
    format_datetime_naive(local(instant).naive_local())
}

pub fn weekday_da(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "mandag",
        Weekday::Tue => "tirsdag",
        Weekday::Wed => "onsdag",
        Weekday::Thu => "torsdag",
        Weekday::Fri => "fredag",
        Weekday::Sat => "lørdag",
        Weekday::Sun => "søndag",
    }
}

/// The months in Danish, January first.
pub const MONTHS_DA: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

pub fn month_da(month: u32) -> &'static str {
    MONTHS_DA[(month.clamp(1, 12) - 1) as usize]
}

/// The months in English, January first.
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A month's name in `lang` (Danish in lower case, as Danish writes it).
pub fn month(lang: Lang, month: u32) -> &'static str {
    let index = (month.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Da => MONTHS_DA[index],
        Lang::En => MONTHS_EN[index],
    }
}

/// A weekday's name in `lang`.
pub fn weekday(lang: Lang, day: Weekday) -> &'static str {
    match lang {
        Lang::Da => weekday_da(day),
        Lang::En => match day {
            Weekday::Mon => "Monday",
            Weekday::Tue => "Tuesday",
            Weekday::Wed => "Wednesday",
            Weekday::Thu => "Thursday",
            Weekday::Fri => "Friday",
            Weekday::Sat => "Saturday",
            Weekday::Sun => "Sunday",
        },
    }
}

/// A calendar day as readers of `lang` write it: `30.04.2025` / `30 April 2025`.
pub fn day(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Da => day_da(date),
        Lang::En => format!(
            "{} {} {}",
            date.day(),
            month(lang, date.month()),
            date.year()
        ),
    }
}

/// The day of an instant, in Copenhagen: `30.04.2025` / `30 April 2025`.
pub fn date(lang: Lang, instant: DateTime<Utc>) -> String {
    day(lang, local(instant).date_naive())
}

/// `30.04.2025, kl. 17:30` / `30 April 2025, 17:30`, in Copenhagen.
pub fn datetime(lang: Lang, instant: DateTime<Utc>) -> String {
    match lang {
        Lang::Da => datetime_da(instant),
        Lang::En => format!("{}, {}", date(lang, instant), clock(instant)),
    }
}

/// `12. april 2021` / `12 April 2021`, as dated letters are.
pub fn long_date(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Da => long_date_da(date),
        Lang::En => day(lang, date),
    }
}

/// `onsdag den 30. april 2025` / `Wednesday 30 April 2025`.
pub fn weekday_long_date(lang: Lang, instant: DateTime<Utc>) -> String {
    let local = local(instant);
    match lang {
        Lang::Da => weekday_long_date_da(instant),
        Lang::En => format!(
            "{} {}",
            weekday(lang, local.weekday()),
            long_date(lang, local.date_naive())
        ),
    }
}

/// `12. april 2021`, as dated letters are.
pub fn long_date_da(date: NaiveDate) -> String {
    format!("{}. {} {}", date.day(), month_da(date.month()), date.year())
}

/// `onsdag den 30. april 2025`
pub fn weekday_long_date_da(instant: DateTime<Utc>) -> String {
    let local = local(instant);
    format!(
        "{} den {}",
        weekday_da(local.weekday()),
        long_date_da(local.date_naive())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_typed_or_shown_in_either_language() {
        let expected = NaiveDate::from_ymd_opt(2026, 12, 10);
        for text in [
            "10.12.2026",
            " 2026-12-10 ",
            "10/12/2026",
            "10. december 2026",
            "10 December 2026",
            "December 10, 2026",
            "10 dec 2026",
            "10 Dec. 2026",
        ] {
            assert_eq!(parse_date(text), expected, "{text}");
        }
        // What a form shows in each language reads back as the same day.
        let d = NaiveDate::from_ymd_opt(2025, 5, 29).unwrap();
        for lang in [Lang::Da, Lang::En] {
            assert_eq!(parse_date(&day(lang, d)), Some(d));
            assert_eq!(parse_date(&long_date(lang, d)), Some(d));
        }
        for text in [
            "",
            "10 smarch 2026",
            "32.12.2026",
            "10 December",
            "10 December 26",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }

    #[test]
    fn dates_in_each_language() {
        let at = Utc.with_ymd_and_hms(2025, 4, 30, 15, 30, 0).unwrap();
        assert_eq!(datetime(Lang::Da, at), "30.04.2025, kl. 17:30");
        assert_eq!(datetime(Lang::En, at), "30 April 2025, 17:30");
        assert_eq!(weekday_long_date(Lang::Da, at), "onsdag den 30. april 2025");
        assert_eq!(weekday_long_date(Lang::En, at), "Wednesday 30 April 2025");
        let d = NaiveDate::from_ymd_opt(2021, 4, 12).unwrap();
        assert_eq!(long_date(Lang::Da, d), "12. april 2021");
        assert_eq!(long_date(Lang::En, d), "12 April 2021");
        assert_eq!(day(Lang::En, d), "12 April 2021");
    }

    #[test]
    fn examples_are_ahead_of_today() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let today = d(2026, 12, 7);
        assert_eq!(example_date(today, None, None, 30), d(2027, 1, 6));
        assert_eq!(example_date(today, Some(1), None, 0), d(2027, 1, 1));
        assert_eq!(example_date(today, Some(12), Some(28), 0), d(2027, 12, 28));
        assert_eq!(example_date(today, Some(7), Some(14), 0), d(2027, 7, 14));
        // One month's examples share a year, also in that month.
        let july = d(2027, 7, 20);
        assert_eq!(example_date(july, Some(7), Some(1), 0), d(2028, 7, 1));
        assert_eq!(example_date(july, Some(7), Some(31), 0), d(2028, 7, 31));
    }

    fn wall(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn seed_meeting_time_round_trips_in_summer_time() {
        let utc = local_to_utc(wall("2025-04-30 17:30")).unwrap();
        assert_eq!(utc.to_rfc3339(), "2025-04-30T15:30:00+00:00");
        assert_eq!(datetime_da(utc), "30.04.2025, kl. 17:30");
        assert_eq!(date_da(utc), "30.04.2025");
        assert_eq!(clock(utc), "17:30");
        assert_eq!(weekday_long_date_da(utc), "onsdag den 30. april 2025");
        assert_eq!(rfc3339(utc), "2025-04-30T17:30:00+02:00");
        let fractional = utc + chrono::Duration::nanoseconds(402_526_228);
        assert_eq!(rfc3339(fractional), "2025-04-30T17:30:00+02:00");
    }

    #[test]
    fn winter_time_is_one_hour_ahead_of_utc() {
        let utc = local_to_utc(wall("2025-12-04 17:30")).unwrap();
        assert_eq!(utc.to_rfc3339(), "2025-12-04T16:30:00+00:00");
    }

    #[test]
    fn dst_gap_is_refused_and_overlap_takes_summer_time() {
        // 30 March 2025: 02:00 → 03:00.
        let err = local_to_utc(wall("2025-03-30 02:30")).unwrap_err();
        assert!(err.to_string().contains("30.03.2025, kl. 02:30"));
        // 26 October 2025: 03:00 → 02:00; 02:30 happens twice.
        let utc = local_to_utc(wall("2025-10-26 02:30")).unwrap();
        assert_eq!(utc.to_rfc3339(), "2025-10-26T00:30:00+00:00");
    }

    #[test]
    fn letter_dates() {
        let d = NaiveDate::from_ymd_opt(2021, 4, 12).unwrap();
        assert_eq!(long_date_da(d), "12. april 2021");
    }
}
