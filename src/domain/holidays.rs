//! Danish public holidays (helligdage) for any year, and which days a body's offices are closed.
//!
//! The holidays follow from Easter, computed with the Gregorian computus. Store bededag was a
//! holiday until 2023 (abolished from 2024). Grundlovsdag, juleaftensdag and nytårsaftensdag are
//! not public holidays, but most municipalities close on them: each body says so itself.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Easter Sunday of a Gregorian year (Anonymous Gregorian algorithm, valid for every year).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// A holiday's name as a message: the fixed names below are the catalogue's (English has them
/// too); a closed day the secretariat named keeps its name.
pub fn holiday_name(name: &str) -> crate::i18n::Msg {
    let key = match name {
        "Nytårsdag" => "holiday-new-years-day",
        "Juledag" => "holiday-christmas-day",
        "2. juledag" => "holiday-boxing-day",
        "Skærtorsdag" => "holiday-maundy-thursday",
        "Langfredag" => "holiday-good-friday",
        "Påskedag" => "holiday-easter-sunday",
        "2. påskedag" => "holiday-easter-monday",
        "Store bededag" => "holiday-general-prayer-day",
        "Kristi himmelfartsdag" => "holiday-ascension-day",
        "Pinsedag" => "holiday-whit-sunday",
        "2. pinsedag" => "holiday-whit-monday",
        "Grundlovsdag" => "holiday-constitution-day",
        "Juleaftensdag" => "holiday-christmas-eve",
        "Nytårsaftensdag" => "holiday-new-years-eve",
        "Lørdag" => "holiday-saturday",
        "Søndag" => "holiday-sunday",
        _ => return crate::i18n::Msg::text(name.to_owned()),
    };
    crate::i18n::Msg::key(key)
}

/// The last year store bededag was a public holiday.
pub const LAST_STORE_BEDEDAG: i32 = 2023;

/// The public holiday on `date`, if it is one: its Danish name.
pub fn public_holiday(date: NaiveDate) -> Option<&'static str> {
    let fixed = match (date.month(), date.day()) {
        (1, 1) => Some("Nytårsdag"),
        (12, 25) => Some("Juledag"),
        (12, 26) => Some("2. juledag"),
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    let easter = easter_sunday(date.year())?;
    let offset = (date - easter).num_days();
    match offset {
        -3 => Some("Skærtorsdag"),
        -2 => Some("Langfredag"),
        0 => Some("Påskedag"),
        1 => Some("2. påskedag"),
        26 if date.year() <= LAST_STORE_BEDEDAG => Some("Store bededag"),
        39 => Some("Kristi himmelfartsdag"),
        49 => Some("Pinsedag"),
        50 => Some("2. pinsedag"),
        _ => None,
    }
}

/// A day a body's offices are closed beyond the public holidays (a closing day between
/// Christmas and New Year, a local holiday), with its name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ExtraClosedDay {
    pub date: NaiveDate,
    pub name: String,
}

/// Which days a body counts as closed beyond weekends and public holidays.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ClosedDays {
    /// Grundlovsdag, 5 June.
    pub constitution_day: bool,
    /// Juleaftensdag, 24 December.
    pub christmas_eve: bool,
    /// Nytårsaftensdag, 31 December.
    pub new_years_eve: bool,
    /// Further closed days, sorted by date.
    #[serde(default)]
    pub extra: Vec<ExtraClosedDay>,
}

impl Default for ClosedDays {
    /// As most Danish municipalities: closed on all three.
    fn default() -> Self {
        Self {
            constitution_day: true,
            christmas_eve: true,
            new_years_eve: true,
            extra: Vec::new(),
        }
    }
}

impl ClosedDays {
    pub const NONE: ClosedDays = ClosedDays {
        constitution_day: false,
        christmas_eve: false,
        new_years_eve: false,
        extra: Vec::new(),
    };

    /// These closed days and the further `extra` ones (in any order).
    pub fn with_extra(mut self, mut extra: Vec<ExtraClosedDay>) -> Self {
        extra.sort_by_key(|d| d.date);
        extra.dedup_by_key(|d| d.date);
        self.extra = extra;
        self
    }

    /// Why `date` is not a working day, or `None` when it is one.
    pub fn closed_reason(&self, date: NaiveDate) -> Option<&str> {
        match date.weekday() {
            Weekday::Sat => Some("Lørdag"),
            Weekday::Sun => Some("Søndag"),
            _ => self.holiday(date),
        }
    }

    /// The public holiday or closed day `date` is, whatever the weekday.
    pub fn holiday(&self, date: NaiveDate) -> Option<&str> {
        if let Some(holiday) = public_holiday(date) {
            return Some(holiday);
        }
        match (date.month(), date.day()) {
            (6, 5) if self.constitution_day => return Some("Grundlovsdag"),
            (12, 24) if self.christmas_eve => return Some("Juleaftensdag"),
            (12, 31) if self.new_years_eve => return Some("Nytårsaftensdag"),
            _ => {}
        }
        self.extra
            .binary_search_by_key(&date, |d| d.date)
            .ok()
            .map(|i| self.extra[i].name.as_str())
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.closed_reason(date).is_none()
    }

    /// The working day `n` working days before `date` (`n` = 0: `date` itself).
    pub fn working_days_before(&self, date: NaiveDate, n: u32) -> NaiveDate {
        let mut day = date;
        let mut left = n;
        while left > 0 {
            day -= Duration::days(1);
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn extra_closed_days_count_as_closed() {
        let closed = ClosedDays::default().with_extra(vec![
            ExtraClosedDay {
                date: d(2026, 12, 28),
                name: "Lukkedag".into(),
            },
            ExtraClosedDay {
                date: d(2026, 1, 2),
                name: "Lukket efter nytår".into(),
            },
        ]);
        assert_eq!(closed.closed_reason(d(2026, 12, 28)), Some("Lukkedag"));
        assert_eq!(
            closed.closed_reason(d(2026, 1, 2)),
            Some("Lukket efter nytår")
        );
        assert!(closed.is_working_day(d(2026, 12, 29)));
        // Back from Tuesday 29 December: past the closed 28th, the weekend and Christmas.
        assert_eq!(
            closed.working_days_before(d(2026, 12, 30), 1),
            d(2026, 12, 29)
        );
        assert_eq!(
            closed.working_days_before(d(2026, 12, 29), 1),
            d(2026, 12, 23)
        );
    }

    #[test]
    fn easter_for_known_years() {
        for (year, month, day) in [
            (1961, 4, 2),
            (2000, 4, 23),
            (2008, 3, 23),
            (2011, 4, 24),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2038, 4, 25),
            (2285, 3, 22),
        ] {
            assert_eq!(easter_sunday(year), Some(d(year, month, day)), "{year}");
        }
    }

    #[test]
    fn the_holidays_of_2025() {
        let holidays: Vec<(NaiveDate, &str)> = (0..365)
            .map(|n| d(2025, 1, 1) + Duration::days(n))
            .filter_map(|day| public_holiday(day).map(|h| (day, h)))
            .collect();
        assert_eq!(
            holidays,
            vec![
                (d(2025, 1, 1), "Nytårsdag"),
                (d(2025, 4, 17), "Skærtorsdag"),
                (d(2025, 4, 18), "Langfredag"),
                (d(2025, 4, 20), "Påskedag"),
                (d(2025, 4, 21), "2. påskedag"),
                (d(2025, 5, 29), "Kristi himmelfartsdag"),
                (d(2025, 6, 8), "Pinsedag"),
                (d(2025, 6, 9), "2. pinsedag"),
                (d(2025, 12, 25), "Juledag"),
                (d(2025, 12, 26), "2. juledag"),
            ]
        );
    }

    #[test]
    fn store_bededag_until_2023_only() {
        assert_eq!(public_holiday(d(2023, 5, 5)), Some("Store bededag"));
        assert_eq!(public_holiday(d(2022, 5, 13)), Some("Store bededag"));
        assert_eq!(public_holiday(d(2024, 4, 26)), None);
        assert!(ClosedDays::default().is_working_day(d(2024, 4, 26)));
    }

    #[test]
    fn closed_days_are_configurable() {
        let all = ClosedDays::default();
        let none = ClosedDays::NONE;
        for day in [d(2025, 6, 5), d(2025, 12, 24), d(2025, 12, 31)] {
            assert!(!all.is_working_day(day), "{day}");
            assert!(none.is_working_day(day), "{day}");
        }
        assert_eq!(all.closed_reason(d(2025, 6, 5)), Some("Grundlovsdag"));
        assert_eq!(all.closed_reason(d(2025, 6, 7)), Some("Lørdag"));
        assert_eq!(all.closed_reason(d(2025, 4, 18)), Some("Langfredag"));
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        let office = ClosedDays::default();
        // Tuesday after Easter 2025: back over 2. påskedag, påske weekend, langfredag and
        // skærtorsdag to Wednesday 16 April.
        assert_eq!(
            office.working_days_before(d(2025, 4, 22), 1),
            d(2025, 4, 16)
        );
        assert_eq!(
            office.working_days_before(d(2025, 4, 30), 4),
            d(2025, 4, 24)
        );
        assert_eq!(
            office.working_days_before(d(2025, 4, 30), 0),
            d(2025, 4, 30)
        );
        // Around Christmas and New Year, with 24 and 31 December closed.
        assert_eq!(
            office.working_days_before(d(2026, 1, 5), 3),
            d(2025, 12, 29)
        );
        assert_eq!(
            ClosedDays::NONE.working_days_before(d(2026, 1, 5), 3),
            d(2025, 12, 30)
        );
    }
}
