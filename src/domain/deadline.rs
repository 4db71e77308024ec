//! Deadline rules of a body (brief §3 step 2): when a member proposal must be in, and when the
//! agenda must be released, relative to the meeting's start in Europe/Copenhagen.
//!
//! - `8 calendar days before`: the meeting's wall-clock time, eight days earlier.
//! - `4 working days before`: back over weekends, public holidays and the body's closed days.
//! - `monday 12:00 of the week before`: that weekday of the (ISO) week before the meeting's.
//!
//! A time of day may be given for the first two ("8 days before at 12:00"); without it the
//! meeting's own time of day is used. Wall-clock times are kept across the change to and from
//! summer time: a deadline "at 17:30" is 17:30 in Copenhagen whatever the season.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};

use super::holidays::ClosedDays;
use super::language::Lang;
use super::time::{TIME_ZONE, local};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineRule {
    CalendarDaysBefore { days: u32, at: Option<NaiveTime> },
    WorkingDaysBefore { days: u32, at: Option<NaiveTime> },
    WeekdayOfWeekBefore { weekday: Weekday, at: NaiveTime },
}

/// A body without its own rule: proposals in 8 days before the meeting, at noon.
pub const DEFAULT_PROPOSAL_DEADLINE: DeadlineRule = DeadlineRule::CalendarDaysBefore {
    days: 8,
    at: NaiveTime::from_hms_opt(12, 0, 0),
};

/// The agenda goes out 4 working days before the meeting (brief §3 step 4).
pub const DEFAULT_AGENDA_RELEASE: DeadlineRule =
    DeadlineRule::WorkingDaysBefore { days: 4, at: None };

/// The longest reach back a rule may have (a quarter of a year).
pub const MAX_DAYS: u32 = 90;

fn wall_to_utc(date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let wall = date.and_time(time);
    match TIME_ZONE.from_local_datetime(&wall) {
        chrono::LocalResult::Single(t) => t.with_timezone(&Utc),
        // The repeated hour in October: the first occurrence, as people read it.
        chrono::LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        // The skipped hour in March (02:00–03:00): the deadline is the first instant after it.
        chrono::LocalResult::None => {
            let later = wall + Duration::hours(1);
            TIME_ZONE
                .from_local_datetime(&later)
                .earliest()
                .map_or_else(|| later.and_utc(), |t| t.with_timezone(&Utc))
        }
    }
}

impl DeadlineRule {
    /// The deadline for a meeting starting at `meeting_start`.
    pub fn deadline(&self, meeting_start: DateTime<Utc>, closed: &ClosedDays) -> DateTime<Utc> {
        let start = local(meeting_start);
        let (date, time) = (start.date_naive(), start.time());
        match *self {
            DeadlineRule::CalendarDaysBefore { days, at } => {
                wall_to_utc(date - Duration::days(i64::from(days)), at.unwrap_or(time))
            }
            DeadlineRule::WorkingDaysBefore { days, at } => {
                wall_to_utc(closed.working_days_before(date, days), at.unwrap_or(time))
            }
            DeadlineRule::WeekdayOfWeekBefore { weekday, at } => {
                let monday_this_week =
                    date - Duration::days(i64::from(date.weekday().num_days_from_monday()));
                let day = monday_this_week - Duration::days(7)
                    + Duration::days(i64::from(weekday.num_days_from_monday()));
                wall_to_utc(day, at)
            }
        }
    }

    /// For the forms: "8 dage før mødet", "4 arbejdsdage før mødet kl. 12:00", "mandag kl. 12:00
    /// i ugen før mødet" (English: "8 days before the meeting" …).
    pub fn describe(&self, lang: Lang) -> String {
        use crate::i18n::{Arg, t_with};
        let at = |t: Option<NaiveTime>| {
            t.map(|t| {
                format!(
                    " {}",
                    t_with(
                        lang,
                        "deadline-rule-at",
                        &[("time", t.format("%H:%M").to_string().into())]
                    )
                )
            })
            .unwrap_or_default()
        };
        match *self {
            DeadlineRule::CalendarDaysBefore { days, at: time } => {
                t_with(
                    lang,
                    "deadline-rule-days",
                    &[("days", Arg::from(days as i64))],
                ) + &at(time)
            }
            DeadlineRule::WorkingDaysBefore { days, at: time } => {
                t_with(
                    lang,
                    "deadline-rule-working-days",
                    &[("days", Arg::from(days as i64))],
                ) + &at(time)
            }
            DeadlineRule::WeekdayOfWeekBefore { weekday, at: time } => t_with(
                lang,
                "deadline-rule-weekday",
                &[
                    ("weekday", super::time::weekday(lang, weekday).into()),
                    ("time", time.format("%H:%M").to_string().into()),
                ],
            ),
        }
    }
}

/// Why a stored or typed rule is not one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "'{0}' is not a deadline rule; e.g. 'calendar_days:8', 'working_days:4@12:00' or 'weekday:monday@12:00'"
)]
pub struct DeadlineRuleError(pub String);

fn parse_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").ok()
}

fn parse_weekday(text: &str) -> Option<Weekday> {
    let lower = text.trim().to_lowercase();
    let english: Result<Weekday, _> = lower.parse();
    english.ok().or(match lower.as_str() {
        "mandag" => Some(Weekday::Mon),
        "tirsdag" => Some(Weekday::Tue),
        "onsdag" => Some(Weekday::Wed),
        "torsdag" => Some(Weekday::Thu),
        "fredag" => Some(Weekday::Fri),
        "lørdag" => Some(Weekday::Sat),
        "søndag" => Some(Weekday::Sun),
        _ => None,
    })
}

/// The stored form: `calendar_days:8`, `working_days:4@12:00`, `weekday:monday@12:00`.
impl FromStr for DeadlineRule {
    type Err = DeadlineRuleError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || DeadlineRuleError(text.chars().take(60).collect());
        let (kind, rest) = text.trim().split_once(':').ok_or_else(error)?;
        let (value, at) = match rest.split_once('@') {
            Some((value, at)) => (value, Some(parse_time(at).ok_or_else(error)?)),
            None => (rest, None),
        };
        let days = || {
            value
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|d| *d <= MAX_DAYS)
                .ok_or_else(error)
        };
        match kind.trim() {
            "calendar_days" => Ok(Self::CalendarDaysBefore { days: days()?, at }),
            "working_days" => Ok(Self::WorkingDaysBefore { days: days()?, at }),
            "weekday" => Ok(Self::WeekdayOfWeekBefore {
                weekday: parse_weekday(value).ok_or_else(error)?,
                at: at.ok_or_else(error)?,
            }),
            _ => Err(error()),
        }
    }
}

impl fmt::Display for DeadlineRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = |t: Option<NaiveTime>| {
            t.map(|t| format!("@{}", t.format("%H:%M")))
                .unwrap_or_default()
        };
        match *self {
            Self::CalendarDaysBefore { days, at: t } => write!(f, "calendar_days:{days}{}", at(t)),
            Self::WorkingDaysBefore { days, at: t } => write!(f, "working_days:{days}{}", at(t)),
            Self::WeekdayOfWeekBefore { weekday, at: t } => {
                write!(f, "weekday:{}@{}", weekday_key(weekday), t.format("%H:%M"))
            }
        }
    }
}

/// The stored and form name of a weekday ("monday").
pub fn weekday_key(day: Weekday) -> &'static str {
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ][day.num_days_from_monday() as usize]
}

/// Whether a submission at `at` is in time for `deadline` (the deadline minute itself counts).
pub fn on_time(at: DateTime<Utc>, deadline: DateTime<Utc>) -> bool {
    at <= deadline
}

/// "3 dage og 4 timer", "2 timer og 5 minutter", "under et minut": what is left, for the form.
pub fn time_left(lang: Lang, now: DateTime<Utc>, deadline: DateTime<Utc>) -> Option<String> {
    use crate::i18n::{Arg, t, t_with};
    let left = deadline - now;
    if left < Duration::zero() {
        return None;
    }
    let days = left.num_days();
    let hours = left.num_hours() % 24;
    let minutes = left.num_minutes() % 60;
    let unit = |n: i64, key: &str| t_with(lang, key, &[("count", Arg::from(n))]);
    let both = |a: String, b: String| super::text::list(lang, &[a, b]);
    Some(if days > 0 {
        if hours > 0 {
            both(unit(days, "unit-days"), unit(hours, "unit-hours"))
        } else {
            unit(days, "unit-days")
        }
    } else if hours > 0 {
        if minutes > 0 {
            both(unit(hours, "unit-hours"), unit(minutes, "unit-minutes"))
        } else {
            unit(hours, "unit-hours")
        }
    } else if minutes > 0 {
        unit(minutes, "unit-minutes")
    } else {
        t(lang, "unit-under-a-minute")
    })
}

#[cfg(test)]
mod tests;
