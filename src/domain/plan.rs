//! A body's rules and plans as the secretariat types them: the two deadline rules, the closed
//! days beyond the public holidays, and a year's meetings made in one step. Checked here field
//! by field; the dates a plan gives are computed here too, so the preview and the plan agree.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};

pub use super::deadline::weekday_key;
use super::deadline::{DeadlineRule, MAX_DAYS};
use super::holidays::{ClosedDays, ExtraClosedDay};
use super::proposal::FieldErrors;
use super::register::collapse;
use super::time::{day_da, parse_date};

/// The most further closed days a body may have.
pub const EXTRA_CLOSED_DAYS_MAX: usize = 100;
/// The longest name of a closed day.
pub const CLOSED_DAY_NAME_MAX_CHARS: usize = 100;
/// The most meetings one plan makes.
pub const PLAN_MAX_MEETINGS: usize = 60;
/// The longest span of one plan (a year, with a leap day).
pub const PLAN_MAX_DAYS: i64 = 366;
/// The most lines of dates to skip.
pub const SKIP_MAX_LINES: usize = 100;

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// Every weekday as (form value, name in `lang`), Monday first.
pub fn weekdays(lang: super::language::Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    WEEKDAYS
        .iter()
        .map(move |d| (weekday_key(*d), super::time::weekday(lang, *d)))
}

fn parse_weekday(text: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .copied()
        .find(|d| weekday_key(*d) == text.trim())
}

fn parse_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").ok()
}

// ---------------------------------------------------------------------------------------------
// Deadline rules

/// A body's two rules as typed: for each, its kind (`calendar_days`, `working_days`,
/// `weekday`), a number of days, a weekday and a time of day (empty: the meeting's own).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct RulesInput {
    pub proposal_kind: String,
    pub proposal_days: String,
    pub proposal_weekday: String,
    pub proposal_time: String,
    pub release_kind: String,
    pub release_days: String,
    pub release_weekday: String,
    pub release_time: String,
}

/// The kinds of rule, as (form value, the catalogue's label).
pub const RULE_KINDS: [(&str, &str); 3] = [
    ("calendar_days", "rule-kind-calendar-days"),
    ("working_days", "rule-kind-working-days"),
    ("weekday", "rule-kind-weekday"),
];

fn rule_fields(rule: &DeadlineRule) -> [String; 4] {
    let time = |t: Option<NaiveTime>| t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
    match *rule {
        DeadlineRule::CalendarDaysBefore { days, at } => [
            "calendar_days".into(),
            days.to_string(),
            String::new(),
            time(at),
        ],
        DeadlineRule::WorkingDaysBefore { days, at } => [
            "working_days".into(),
            days.to_string(),
            String::new(),
            time(at),
        ],
        DeadlineRule::WeekdayOfWeekBefore { weekday, at } => [
            "weekday".into(),
            String::new(),
            weekday_key(weekday).into(),
            time(Some(at)),
        ],
    }
}

/// The form's values for the rules as stored.
pub fn rules_input(proposal: &DeadlineRule, release: &DeadlineRule) -> RulesInput {
    let [
        proposal_kind,
        proposal_days,
        proposal_weekday,
        proposal_time,
    ] = rule_fields(proposal);
    let [release_kind, release_days, release_weekday, release_time] = rule_fields(release);
    RulesInput {
        proposal_kind,
        proposal_days,
        proposal_weekday,
        proposal_time,
        release_kind,
        release_days,
        release_weekday,
        release_time,
    }
}

fn check_rule(
    errors: &mut FieldErrors,
    prefix: &str,
    [kind, days, weekday, time]: [&str; 4],
) -> Option<DeadlineRule> {
    let at = if time.trim().is_empty() {
        None
    } else {
        let parsed = parse_time(time);
        if parsed.is_none() {
            errors.add(format!("{prefix}_time"), "field-write-the-time-as-hh-mm");
        }
        Some(parsed?)
    };
    let mut days = || {
        let parsed = days.trim().parse::<u32>().ok().filter(|d| *d <= MAX_DAYS);
        if parsed.is_none() {
            errors.add(
                format!("{prefix}_days"),
                crate::i18n::Msg::key("field-write-a-number-of-days-from")
                    .arg("MAX_DAYS", MAX_DAYS),
            );
        }
        parsed
    };
    match kind.trim() {
        "calendar_days" => Some(DeadlineRule::CalendarDaysBefore { days: days()?, at }),
        "working_days" => Some(DeadlineRule::WorkingDaysBefore { days: days()?, at }),
        "weekday" => {
            let weekday = parse_weekday(weekday);
            if weekday.is_none() {
                errors.add(format!("{prefix}_weekday"), "field-choose-the-weekday");
            }
            if at.is_none() && time.trim().is_empty() {
                errors.add(
                    format!("{prefix}_time"),
                    "field-write-the-time-on-the-weekday",
                );
            }
            Some(DeadlineRule::WeekdayOfWeekBefore {
                weekday: weekday?,
                at: at?,
            })
        }
        _ => {
            errors.add(
                format!("{prefix}_kind"),
                "field-choose-how-the-deadline-is-counted",
            );
            None
        }
    }
}

/// The proposal deadline and the release rule, checked.
pub fn check_rules(input: &RulesInput) -> Result<(DeadlineRule, DeadlineRule), FieldErrors> {
    let mut errors = FieldErrors::default();
    let proposal = check_rule(
        &mut errors,
        "proposal",
        [
            &input.proposal_kind,
            &input.proposal_days,
            &input.proposal_weekday,
            &input.proposal_time,
        ],
    );
    let release = check_rule(
        &mut errors,
        "release",
        [
            &input.release_kind,
            &input.release_days,
            &input.release_weekday,
            &input.release_time,
        ],
    );
    match (proposal, release) {
        (Some(p), Some(r)) if errors.is_empty() => Ok((p, r)),
        _ => Err(errors),
    }
}

// ---------------------------------------------------------------------------------------------
// Closed days

/// The closed days as typed: three checkboxes and one further day per line,
/// `DD.MM.ÅÅÅÅ Name` (the name may be left out).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ClosedDaysInput {
    pub constitution_day: Option<String>,
    pub christmas_eve: Option<String>,
    pub new_years_eve: Option<String>,
    pub extra: String,
}

/// The form's values for the closed days as stored.
pub fn closed_days_input(closed: &ClosedDays) -> ClosedDaysInput {
    let flag = |on: bool| on.then(|| "1".to_owned());
    ClosedDaysInput {
        constitution_day: flag(closed.constitution_day),
        christmas_eve: flag(closed.christmas_eve),
        new_years_eve: flag(closed.new_years_eve),
        extra: closed
            .extra
            .iter()
            .map(|d| format!("{} {}", day_da(d.date), d.name))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// The closed days, checked: every line a date that exists, with a name within the limit.
pub fn check_closed_days(input: &ClosedDaysInput) -> Result<ClosedDays, FieldErrors> {
    let mut errors = FieldErrors::default();
    let mut extra = Vec::new();
    for (number, line) in input.extra.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (date_text, name) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let Some(date) = parse_date(date_text) else {
            errors.add(
                "extra",
                crate::i18n::Msg::key("field-line-is-not-a-date-write")
                    .arg("arg0", number + 1)
                    .arg("arg1", date_text.chars().take(40).collect::<String>()),
            );
            continue;
        };
        let name = collapse(name);
        if name.chars().count() > CLOSED_DAY_NAME_MAX_CHARS {
            errors.add(
                "extra",
                crate::i18n::Msg::key("field-line-the-name-may-be-at")
                    .arg("arg0", number + 1)
                    .arg("CLOSED_DAY_NAME_MAX_CHARS", CLOSED_DAY_NAME_MAX_CHARS),
            );
            continue;
        }
        if !super::register::YEARS.contains(&date.year()) {
            errors.add(
                "extra",
                crate::i18n::Msg::key("field-line-the-year-is-outside-what")
                    .arg("arg0", number + 1),
            );
            continue;
        }
        extra.push(ExtraClosedDay {
            date,
            name: if name.is_empty() {
                "Lukkedag".to_owned()
            } else {
                name
            },
        });
    }
    if extra.len() > EXTRA_CLOSED_DAYS_MAX {
        errors.add(
            "extra",
            crate::i18n::Msg::key("field-write-at-most-closing-days")
                .arg("EXTRA_CLOSED_DAYS_MAX", EXTRA_CLOSED_DAYS_MAX),
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ClosedDays {
        constitution_day: input.constitution_day.is_some(),
        christmas_eve: input.christmas_eve.is_some(),
        new_years_eve: input.new_years_eve.is_some(),
        extra: Vec::new(),
    }
    .with_extra(extra))
}

// ---------------------------------------------------------------------------------------------
// A year's meeting plan

/// How often the planned meetings fall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interval {
    /// Every `n` weeks from the first such weekday of the period.
    Weeks(u8),
    /// The `n`th such weekday of each month (1 to 4).
    NthOfMonth(u8),
    /// The last such weekday of each month.
    LastOfMonth,
}

/// The intervals, as (form value, the catalogue's label).
pub const INTERVALS: [(&str, &str); 8] = [
    ("weeks:1", "interval-every-week"),
    ("weeks:2", "interval-every-second-week"),
    ("weeks:4", "interval-every-fourth-week"),
    ("month:1", "interval-first-of-the-month"),
    ("month:2", "interval-second-of-the-month"),
    ("month:3", "interval-third-of-the-month"),
    ("month:4", "interval-fourth-of-the-month"),
    ("month:last", "interval-last-of-the-month"),
];

fn parse_interval(text: &str) -> Option<Interval> {
    match text.trim().split_once(':')? {
        ("weeks", n) => n
            .parse()
            .ok()
            .filter(|n| (1..=4).contains(n))
            .map(Interval::Weeks),
        ("month", "last") => Some(Interval::LastOfMonth),
        ("month", n) => n
            .parse()
            .ok()
            .filter(|n| (1..=4).contains(n))
            .map(Interval::NthOfMonth),
        _ => None,
    }
}

/// A plan as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct PlanInput {
    pub organization: String,
    pub from: String,
    pub to: String,
    pub weekday: String,
    pub interval: String,
    pub time: String,
    pub location: String,
    /// Dates or ranges (`01.07.2027-31.07.2027`) to leave out, one per line or separated by
    /// commas.
    pub skip: String,
}

/// A plan once checked (the organization is checked against the register by the caller).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub organization: i64,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub weekday: Weekday,
    pub interval: Interval,
    pub time: NaiveTime,
    pub location: String,
    pub skip: Vec<(NaiveDate, NaiveDate)>,
}

/// One date a plan gives: a meeting, or why there is none that day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedDay {
    pub date: NaiveDate,
    pub skipped: Option<crate::i18n::Msg>,
}

fn parse_skip(text: &str, errors: &mut FieldErrors) -> Vec<(NaiveDate, NaiveDate)> {
    let mut out = Vec::new();
    let parts: Vec<&str> = text
        .split(['\n', ',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() > SKIP_MAX_LINES {
        errors.add(
            "skip",
            crate::i18n::Msg::key("field-write-at-most-dates-to-skip")
                .arg("SKIP_MAX_LINES", SKIP_MAX_LINES),
        );
        return out;
    }
    for part in parts {
        // A range is two dates joined by a dash (with or without spaces); a date itself has
        // no dash in the DD.MM.ÅÅÅÅ form.
        let range = part
            .split_once('–')
            .or_else(|| part.split_once(" - "))
            .or_else(|| {
                (!part.contains(' ') && part.matches('-').count() == 1)
                    .then(|| part.split_once('-'))
                    .flatten()
            });
        let dates = match range {
            Some((a, b)) => parse_date(a).zip(parse_date(b)),
            None => parse_date(part).map(|d| (d, d)),
        };
        match dates {
            Some((a, b)) if a <= b => out.push((a, b)),
            _ => errors.add(
                "skip",
                crate::i18n::Msg::key("field-is-not-a-date-or-a")
                    .arg("arg0", part.chars().take(40).collect::<String>()),
            ),
        }
    }
    out
}

pub fn check_plan(input: &PlanInput, location_max: usize) -> Result<Plan, FieldErrors> {
    let mut errors = FieldErrors::default();
    let organization = input.organization.trim().parse::<i64>().ok();
    if organization.is_none() {
        errors.add("organization", "field-choose-the-municipal-council-or-a");
    }
    let from = parse_date(&input.from).filter(|d| super::register::YEARS.contains(&d.year()));
    if from.is_none() {
        errors.add(
            "from",
            crate::i18n::Msg::key("field-write-the-first-day-the-plan"),
        );
    }
    let to = parse_date(&input.to).filter(|d| super::register::YEARS.contains(&d.year()));
    if to.is_none() {
        errors.add(
            "to",
            crate::i18n::Msg::key("field-write-the-last-day-the-plan"),
        );
    }
    if let (Some(from), Some(to)) = (from, to) {
        if to < from {
            errors.add("to", "field-the-last-day-is-before-the");
        } else if (to - from).num_days() >= PLAN_MAX_DAYS {
            errors.add("to", "field-a-plan-covers-at-most-one");
        }
    }
    let weekday = parse_weekday(&input.weekday);
    if weekday.is_none() {
        errors.add("weekday", "field-choose-the-weekday-the-meetings-are");
    }
    let interval = parse_interval(&input.interval);
    if interval.is_none() {
        errors.add("interval", "field-choose-how-often-the-meetings-are");
    }
    let time = parse_time(&input.time);
    if time.is_none() {
        errors.add("time", "field-write-the-time-as-hh-mm-2");
    }
    let location = collapse(&input.location);
    if location.is_empty() {
        errors.add("location", "field-write-where-the-meetings-are-held");
    } else if location.chars().count() > location_max {
        errors.add(
            "location",
            crate::i18n::Msg::key("field-the-place-is-too-long-at")
                .arg("location_max", location_max),
        );
    }
    let skip = parse_skip(&input.skip, &mut errors);
    match (organization, from, to, weekday, interval, time) {
        (Some(organization), Some(from), Some(to), Some(weekday), Some(interval), Some(time))
            if errors.is_empty() =>
        {
            Ok(Plan {
                organization,
                from,
                to,
                weekday,
                interval,
                time,
                location,
                skip,
            })
        }
        _ => Err(errors),
    }
}

fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
}

fn last_weekday(year: i32, month: u32, weekday: Weekday) -> Option<NaiveDate> {
    let first_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }?;
    let last = first_next - Duration::days(1);
    let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    Some(last - Duration::days(i64::from(back)))
}

/// The dates of a plan, in order: each a meeting, or skipped with the reason (a date asked to
/// be skipped, a public holiday or a closed day of the body). At most `PLAN_MAX_MEETINGS`
/// meetings; the period is at most a year, so the list is short.
pub fn plan_dates(plan: &Plan, closed: &ClosedDays) -> Vec<PlannedDay> {
    let mut dates = Vec::new();
    match plan.interval {
        Interval::Weeks(n) => {
            let ahead = (7 + plan.weekday.num_days_from_monday()
                - plan.from.weekday().num_days_from_monday())
                % 7;
            let mut day = plan.from + Duration::days(i64::from(ahead));
            while day <= plan.to {
                dates.push(day);
                day += Duration::weeks(i64::from(n));
            }
        }
        Interval::NthOfMonth(_) | Interval::LastOfMonth => {
            let (mut year, mut month) = (plan.from.year(), plan.from.month());
            while NaiveDate::from_ymd_opt(year, month, 1).is_some_and(|first| first <= plan.to) {
                let day = match plan.interval {
                    Interval::NthOfMonth(n) => nth_weekday(year, month, plan.weekday, n),
                    _ => last_weekday(year, month, plan.weekday),
                };
                if let Some(day) = day.filter(|d| *d >= plan.from && *d <= plan.to) {
                    dates.push(day);
                }
                (year, month) = if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, month + 1)
                };
            }
        }
    }
    let mut meetings = 0;
    dates
        .into_iter()
        .map(|date| {
            let skipped = if plan.skip.iter().any(|(a, b)| (*a..=*b).contains(&date)) {
                Some(crate::i18n::Msg::key("plan-skipped-on-request"))
            } else {
                closed.holiday(date).map(|h| {
                    crate::i18n::Msg::key("plan-skipped-offices-closed")
                        .msg("holiday", super::holidays::holiday_name(h))
                })
            };
            PlannedDay { date, skipped }
        })
        .filter(|d| {
            // Past the limit, further dates are not offered at all.
            if d.skipped.is_none() {
                meetings += 1;
            }
            meetings <= PLAN_MAX_MEETINGS || d.skipped.is_some()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::language::Lang;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn plan(interval: &str, weekday: &str, skip: &str) -> Plan {
        check_plan(
            &PlanInput {
                organization: "3".into(),
                from: "01.01.2027".into(),
                to: "31.12.2027".into(),
                weekday: weekday.into(),
                interval: interval.into(),
                time: "17:30".into(),
                location: " Rådhuset,  mødesal 1 ".into(),
                skip: skip.into(),
            },
            200,
        )
        .unwrap()
    }

    #[test]
    fn every_other_week_from_the_first_such_weekday() {
        let p = plan("weeks:2", "tuesday", "");
        assert_eq!(p.location, "Rådhuset, mødesal 1");
        let days = plan_dates(&p, &ClosedDays::default());
        assert_eq!(days[0].date, d(2027, 1, 5));
        assert_eq!(days[1].date, d(2027, 1, 19));
        assert_eq!(days.len(), 26);
        assert!(days.iter().all(|day| day.date.weekday() == Weekday::Tue));
    }

    #[test]
    fn holidays_closed_days_and_asked_dates_are_skipped_with_why() {
        // Thursdays of 2027: Skærtorsdag (25 March) and Kristi himmelfartsdag (6 May) fall on
        // one; July is skipped by the secretariat; 30 December is the body's own closing day.
        let closed = ClosedDays::default().with_extra(vec![ExtraClosedDay {
            date: d(2027, 12, 30),
            name: "Lukkedag".into(),
        }]);
        let p = plan("weeks:1", "thursday", "01.07.2027-31.07.2027\n 12.08.2027");
        let days = plan_dates(&p, &closed);
        let why = |date| {
            days.iter()
                .find(|x| x.date == date)
                .and_then(|x| x.skipped.as_ref())
                .map(|m| m.in_lang(Lang::Da))
        };
        assert_eq!(
            why(d(2027, 3, 25)).as_deref(),
            Some("Skærtorsdag: kontorerne er lukkede")
        );
        assert!(
            why(d(2027, 5, 6))
                .unwrap()
                .starts_with("Kristi himmelfartsdag")
        );
        assert_eq!(
            why(d(2027, 7, 15)).as_deref(),
            Some("Sprunget over efter ønske")
        );
        assert_eq!(
            why(d(2027, 8, 12)).as_deref(),
            Some("Sprunget over efter ønske")
        );
        assert!(why(d(2027, 12, 30)).unwrap().starts_with("Lukkedag"));
        let skipped = days.iter().find(|x| x.date == d(2027, 3, 25)).unwrap();
        assert_eq!(
            skipped.skipped.as_ref().unwrap().in_lang(Lang::En),
            "Maundy Thursday: the offices are closed"
        );
        assert_eq!(why(d(2027, 8, 19)), None);
        let meetings = days.iter().filter(|x| x.skipped.is_none()).count();
        assert_eq!(meetings, 52 - 2 - 5 - 1 - 1);
    }

    #[test]
    fn monthly_plans_take_the_nth_or_last_weekday() {
        let first = plan_dates(&plan("month:1", "monday", ""), &ClosedDays::NONE);
        assert_eq!(first.len(), 12);
        assert_eq!(first[0].date, d(2027, 1, 4));
        assert_eq!(first[11].date, d(2027, 12, 6));
        let last = plan_dates(&plan("month:last", "wednesday", ""), &ClosedDays::NONE);
        assert_eq!(last.len(), 12);
        assert_eq!(last[0].date, d(2027, 1, 27));
        assert_eq!(last[11].date, d(2027, 12, 29));
    }

    #[test]
    fn a_plan_is_checked_at_its_fields() {
        let errors = check_plan(
            &PlanInput {
                organization: "x".into(),
                from: "31.12.2027".into(),
                to: "01.01.2027".into(),
                weekday: "someday".into(),
                interval: "weeks:9".into(),
                time: "25:00".into(),
                location: " ".into(),
                skip: "tomorrow".into(),
            },
            200,
        )
        .unwrap_err();
        for field in [
            "organization",
            "to",
            "weekday",
            "interval",
            "time",
            "location",
            "skip",
        ] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
        let long = check_plan(
            &PlanInput {
                to: "01.02.2028".into(),
                ..PlanInput {
                    organization: "1".into(),
                    from: "01.01.2027".into(),
                    weekday: "monday".into(),
                    interval: "weeks:1".into(),
                    time: "17:00".into(),
                    location: "Rådhuset".into(),
                    ..Default::default()
                }
            },
            200,
        )
        .unwrap_err();
        assert_eq!(
            long.get("to")
                .map(|m| m.in_lang(crate::domain::language::Lang::Da)),
            Some("En plan gælder højst et år ad gangen.".to_owned())
        );
    }

    #[test]
    fn rules_round_trip_through_the_form() {
        for (p, r) in [
            ("calendar_days:8@12:00", "working_days:4"),
            ("weekday:monday@12:00", "calendar_days:0@08:00"),
        ] {
            let proposal: DeadlineRule = p.parse().unwrap();
            let release: DeadlineRule = r.parse().unwrap();
            let input = rules_input(&proposal, &release);
            assert_eq!(check_rules(&input), Ok((proposal, release)));
        }
        let bad = RulesInput {
            proposal_kind: "weekday".into(),
            release_kind: "working_days".into(),
            release_days: "400".into(),
            ..Default::default()
        };
        let errors = check_rules(&bad).unwrap_err();
        for field in ["proposal_weekday", "proposal_time", "release_days"] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
    }

    #[test]
    fn closed_days_round_trip_and_bad_lines_are_named() {
        let input = ClosedDaysInput {
            constitution_day: Some("1".into()),
            christmas_eve: None,
            new_years_eve: Some("1".into()),
            extra: "28.12.2026 Lukkedag mellem jul og nytår\n\n02.01.2026".into(),
        };
        let closed = check_closed_days(&input).unwrap();
        assert!(closed.constitution_day && !closed.christmas_eve && closed.new_years_eve);
        assert_eq!(closed.extra.len(), 2);
        assert_eq!(closed.extra[0].date, d(2026, 1, 2));
        assert_eq!(closed.extra[0].name, "Lukkedag");
        assert_eq!(check_closed_days(&closed_days_input(&closed)), Ok(closed));
        let bad = ClosedDaysInput {
            extra: "2026-13-40 Fejl".into(),
            ..Default::default()
        };
        assert!(
            check_closed_days(&bad)
                .unwrap_err()
                .get("extra")
                .unwrap()
                .in_lang(crate::domain::language::Lang::Da)
                .starts_with("Linje 1")
        );
    }
}
