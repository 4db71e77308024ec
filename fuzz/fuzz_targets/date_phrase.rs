//! Deadline phrases ("inden udgangen af 2. kvartal 2026", "senest 1. juni") in any clause: no
//! panic, and a deadline found is a real date.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, u16)| {
    let (text, day) = input;
    let decided = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()
        + chrono::Duration::days(i64::from(day % 4000));
    let _ = agendum::domain::date_phrase::find_deadline(text, decided);
});
