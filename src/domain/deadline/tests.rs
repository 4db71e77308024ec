use chrono::{NaiveDate, NaiveTime};
use proptest::prelude::*;

use super::*;
use crate::domain::time::local_to_utc;

fn wall(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    local_to_utc(
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap(),
    )
    .unwrap()
}

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(h, min, 0)
        .unwrap()
        .and_utc()
}

fn rule(text: &str) -> DeadlineRule {
    text.parse().unwrap()
}

/// A meeting start, a rule, the closed days, the expected deadline and why.
type Case = (
    DateTime<Utc>,
    &'static str,
    ClosedDays,
    DateTime<Utc>,
    &'static str,
);

#[test]
fn deadlines_across_easter_christmas_and_summer_time() {
    let office = ClosedDays::default();
    let none = ClosedDays::NONE;
    let table: Vec<Case> = vec![
        (
            wall(2025, 4, 30, 17, 30),
            "calendar_days:8",
            office.clone(),
            wall(2025, 4, 22, 17, 30),
            "the seed meeting, 8 days",
        ),
        (
            wall(2025, 4, 30, 17, 30),
            "working_days:4",
            office.clone(),
            wall(2025, 4, 24, 17, 30),
            "the seed meeting, 4 working days",
        ),
        (
            wall(2025, 4, 30, 17, 30),
            "weekday:monday@12:00",
            office.clone(),
            wall(2025, 4, 21, 12, 0),
            "Monday of the week before (2. påskedag: the rule says Monday)",
        ),
        (
            wall(2025, 4, 24, 17, 30),
            "working_days:4",
            office.clone(),
            wall(2025, 4, 15, 17, 30),
            "over Easter: 2. påskedag, langfredag, skærtorsdag skipped",
        ),
        (
            wall(2025, 4, 24, 17, 30),
            "calendar_days:8@12:00",
            office.clone(),
            wall(2025, 4, 16, 12, 0),
            "calendar days ignore holidays",
        ),
        (
            wall(2026, 1, 5, 17, 0),
            "working_days:3@12:00",
            office.clone(),
            wall(2025, 12, 29, 12, 0),
            "over New Year with 31 December closed",
        ),
        (
            wall(2026, 1, 5, 17, 0),
            "working_days:3@12:00",
            none.clone(),
            wall(2025, 12, 30, 12, 0),
            "over New Year with 31 December open",
        ),
        (
            wall(2025, 12, 30, 10, 0),
            "working_days:2",
            office.clone(),
            wall(2025, 12, 23, 10, 0),
            "over Christmas: 24, 25, 26 December",
        ),
        (
            wall(2025, 12, 30, 10, 0),
            "working_days:2",
            none.clone(),
            wall(2025, 12, 24, 10, 0),
            "24 December open",
        ),
        (
            wall(2026, 4, 2, 17, 30),
            "calendar_days:8",
            office.clone(),
            utc(2026, 3, 25, 16, 30),
            "summer time starts between: 17:30 CET",
        ),
        (
            wall(2026, 4, 2, 17, 30),
            "calendar_days:8",
            office.clone(),
            wall(2026, 3, 25, 17, 30),
            "the same as a wall-clock time",
        ),
        (
            wall(2025, 10, 28, 17, 0),
            "calendar_days:7",
            office.clone(),
            utc(2025, 10, 21, 15, 0),
            "summer time ends between: 17:00 CEST",
        ),
        (
            wall(2026, 4, 5, 2, 30),
            "calendar_days:7",
            office.clone(),
            utc(2026, 3, 29, 1, 30),
            "02:30 does not exist on 29.03.2026: 03:30 CEST",
        ),
        (
            wall(2025, 11, 2, 2, 30),
            "calendar_days:7",
            office.clone(),
            utc(2025, 10, 26, 0, 30),
            "02:30 happens twice on 26.10.2025: the first",
        ),
        (
            wall(2026, 1, 12, 15, 0),
            "weekday:friday@12:00",
            office.clone(),
            wall(2026, 1, 9, 12, 0),
            "Friday of the week before",
        ),
        (
            wall(2026, 1, 18, 15, 0),
            "weekday:monday@09:00",
            office.clone(),
            wall(2026, 1, 5, 9, 0),
            "a Sunday meeting: its ISO week began on Monday the 12th",
        ),
        (
            wall(2023, 5, 9, 17, 0),
            "working_days:3",
            office.clone(),
            wall(2023, 5, 3, 17, 0),
            "store bededag 2023 is skipped",
        ),
        (
            wall(2024, 4, 30, 17, 0),
            "working_days:3",
            office.clone(),
            wall(2024, 4, 25, 17, 0),
            "no store bededag from 2024",
        ),
        (
            wall(2025, 6, 9, 17, 30),
            "working_days:2",
            office.clone(),
            wall(2025, 6, 4, 17, 30),
            "grundlovsdag closed",
        ),
        (
            wall(2025, 6, 9, 17, 30),
            "working_days:2",
            none.clone(),
            wall(2025, 6, 5, 17, 30),
            "grundlovsdag open",
        ),
        (
            wall(2025, 4, 30, 17, 30),
            "working_days:0@12:00",
            office.clone(),
            wall(2025, 4, 30, 12, 0),
            "the same day at noon",
        ),
    ];
    for (start, text, closed, expected, why) in table {
        let got = rule(text).deadline(start, &closed);
        assert_eq!(got, expected, "{text}: {why}");
    }
}

#[test]
fn rules_read_and_write_their_stored_form() {
    for text in [
        "calendar_days:8",
        "calendar_days:8@12:00",
        "working_days:4",
        "working_days:4@09:30",
        "weekday:monday@12:00",
        "weekday:sunday@23:59",
    ] {
        assert_eq!(rule(text).to_string(), text);
    }
    assert_eq!(rule("weekday:Mandag@12:00"), rule("weekday:monday@12:00"));
    assert_eq!(rule(" working_days:4 "), rule("working_days:4"));
    for bad in [
        "",
        "8 dage",
        "calendar_days:",
        "calendar_days:-1",
        "calendar_days:91",
        "working_days:4@25:00",
        "weekday:monday",
        "weekday:someday@12:00",
        "hours:4",
    ] {
        let err = bad.parse::<DeadlineRule>().unwrap_err();
        assert!(err.to_string().contains("is not a deadline rule"), "{bad}");
    }
}

#[test]
fn rules_in_danish() {
    assert_eq!(
        rule("calendar_days:8").describe(Lang::Da),
        "8 dage før mødet"
    );
    assert_eq!(
        rule("calendar_days:1").describe(Lang::Da),
        "1 dag før mødet"
    );
    assert_eq!(
        rule("working_days:4@12:00").describe(Lang::Da),
        "4 arbejdsdage før mødet kl. 12:00"
    );
    assert_eq!(
        rule("weekday:monday@12:00").describe(Lang::Da),
        "mandag kl. 12:00 i ugen før mødet"
    );
}

#[test]
fn on_time_up_to_the_deadline_itself() {
    let deadline = wall(2025, 4, 22, 17, 30);
    assert!(on_time(deadline - Duration::seconds(1), deadline));
    assert!(on_time(deadline, deadline));
    assert!(!on_time(deadline + Duration::seconds(1), deadline));
}

#[test]
fn time_left_in_danish() {
    let deadline = wall(2025, 4, 22, 17, 30);
    let before = |d: i64, h: i64, m: i64| {
        time_left(
            Lang::Da,
            deadline - Duration::days(d) - Duration::hours(h) - Duration::minutes(m),
            deadline,
        )
    };
    assert_eq!(before(3, 4, 0).as_deref(), Some("3 dage og 4 timer"));
    assert_eq!(before(1, 0, 30).as_deref(), Some("1 dag"));
    assert_eq!(before(0, 2, 5).as_deref(), Some("2 timer og 5 minutter"));
    assert_eq!(before(0, 1, 0).as_deref(), Some("1 time"));
    assert_eq!(before(0, 0, 1).as_deref(), Some("1 minut"));
    assert_eq!(
        time_left(Lang::Da, deadline, deadline).as_deref(),
        Some("under et minut")
    );
    assert_eq!(
        time_left(Lang::Da, deadline + Duration::seconds(1), deadline),
        None
    );
}

proptest! {
    /// Any rule and any meeting: the deadline is never after the meeting, a working-day
    /// deadline is on a working day, and nothing panics.
    #[test]
    fn deadlines_are_before_the_meeting(
        minutes in 0i64..(200 * 365 * 24 * 60),
        days in 0u32..=MAX_DAYS,
        weekday in 0u32..7,
        hour in 0u32..24,
        minute in 0u32..60,
        closed_mask in 0u8..8,
    ) {
        let start = utc(1950, 1, 1, 0, 0) + Duration::minutes(minutes);
        let at = NaiveTime::from_hms_opt(hour, minute, 0).unwrap();
        let closed = ClosedDays {
            constitution_day: closed_mask & 1 != 0,
            christmas_eve: closed_mask & 2 != 0,
            new_years_eve: closed_mask & 4 != 0,
            extra: Vec::new(),
        };
        let weekday = Weekday::try_from(weekday as u8).unwrap();
        for rule in [
            DeadlineRule::CalendarDaysBefore { days, at: None },
            DeadlineRule::WorkingDaysBefore { days, at: None },
            DeadlineRule::WeekdayOfWeekBefore { weekday, at },
        ] {
            let deadline = rule.deadline(start, &closed);
            // Within the skipped hour the wall clock moves forward by at most an hour.
            prop_assert!(deadline <= start + Duration::hours(1), "{rule}: {deadline} after {start}");
            prop_assert_eq!(rule.to_string().parse::<DeadlineRule>().unwrap(), rule);
        }
        if days > 0 {
            let deadline = DeadlineRule::WorkingDaysBefore { days, at: Some(at) }.deadline(start, &closed);
            prop_assert!(closed.is_working_day(local(deadline).date_naive()) || local(deadline).time() != at);
        }
    }
}
