use super::*;
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The seed meeting's day.
fn seed_day() -> NaiveDate {
    d(2025, 4, 30)
}

fn read(text: &str) -> Option<(Option<NaiveDate>, String)> {
    find_deadline(text, seed_day()).map(|p| (p.date(), p.phrase().to_owned()))
}

#[test]
fn the_seed_clause_is_due_at_the_end_of_june() {
    let clause = "at Borgerrepræsentationen pålægger Økonomiforvaltningen, at indhente svar fra alle \
        forvaltninger på i hvilket omfang de bruger det sociale medie X, og om der er noget, der gør \
        det tvingende nødvendigt at beholde en profil derpå. Oversigten forelægges Økonomiudvalget \
        inden udgangen af juni måned,";
    assert_eq!(
        read(clause),
        Some((
            Some(d(2025, 6, 30)),
            "inden udgangen af juni måned".to_owned()
        ))
    );
}

#[test]
fn the_other_seed_clauses_state_no_deadline() {
    assert_eq!(
        read(
            "at alle Københavns Kommunes profiler på det sociale medie X skal nedlægges, medmindre er der er tvingende nødvendigt at beholde en profil,"
        ),
        None
    );
    assert_eq!(
        read(
            "at Økonomiforvaltningen indhenter svar fra alle forvaltninger på, hvilke sociale medier de har profiler på."
        ),
        None
    );
}

#[test]
fn phrasings_with_a_date() {
    let cases: &[(&str, NaiveDate, &str)] = &[
        (
            "Sagen forelægges senest den 1. september 2025.",
            d(2025, 9, 1),
            "senest den 1. september 2025",
        ),
        (
            "svar senest 1. september",
            d(2025, 9, 1),
            "senest 1. september",
        ),
        (
            "en plan inden for tre måneder",
            d(2025, 7, 30),
            "inden for tre måneder",
        ),
        (
            "en plan indenfor 14 dage",
            d(2025, 5, 14),
            "indenfor 14 dage",
        ),
        (
            "en plan inden for to uger",
            d(2025, 5, 14),
            "inden for to uger",
        ),
        (
            "en plan inden for et halvt år",
            d(2025, 10, 30),
            "inden for et halvt år",
        ),
        (
            "en plan inden for halvandet år",
            d(2026, 10, 30),
            "inden for halvandet år",
        ),
        (
            "gennemføres inden årets udgang",
            d(2025, 12, 31),
            "inden årets udgang",
        ),
        (
            "gennemføres inden udgangen af året",
            d(2025, 12, 31),
            "inden udgangen af året",
        ),
        (
            "gennemføres i løbet af 2026",
            d(2026, 12, 31),
            "i løbet af 2026",
        ),
        (
            "en analyse i løbet af efteråret",
            d(2025, 11, 30),
            "i løbet af efteråret",
        ),
        (
            "inden udgangen af 1. kvartal 2026",
            d(2026, 3, 31),
            "inden udgangen af 1. kvartal 2026",
        ),
        (
            "inden udgangen af første kvartal",
            d(2026, 3, 31),
            "inden udgangen af første kvartal",
        ),
        ("senest 01.09.2025", d(2025, 9, 1), "senest 01.09.2025"),
        (
            "senest den 1/10 2025",
            d(2025, 10, 1),
            "senest den 1/10 2025",
        ),
        (
            "forelægges til mødet den 15. juni",
            d(2025, 6, 15),
            "til mødet den 15. juni",
        ),
        ("ultimo august", d(2025, 8, 31), "ultimo august"),
        (
            "medio september 2025",
            d(2025, 9, 15),
            "medio september 2025",
        ),
        ("inden 2027", d(2026, 12, 31), "inden 2027"),
        ("i andet halvår", d(2025, 12, 31), "i andet halvår"),
        (
            "inden udgangen af næste år",
            d(2026, 12, 31),
            "inden udgangen af næste år",
        ),
        (
            "senest tre måneder efter beslutningen",
            d(2025, 7, 30),
            "senest tre måneder",
        ),
        (
            "INDEN UDGANGEN AF JUNI",
            d(2025, 6, 30),
            "INDEN UDGANGEN AF JUNI",
        ),
    ];
    let mut failures = Vec::new();
    for (text, date, phrase) in cases {
        let got = read(text);
        if got != Some((Some(*date), (*phrase).to_owned())) {
            failures.push(format!("{text:?}: {got:?}, expected {date} {phrase:?}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn phrasings_without_a_date() {
    // Urgent, but no date: the secretariat is asked.
    for text in [
        "Forvaltningen skal hurtigst muligt lukke profilen.",
        "snarest muligt",
        "Profilen lukkes straks.",
    ] {
        assert!(
            matches!(
                find_deadline(text, seed_day()),
                Some(DeadlinePhrase::AsSoonAsPossible { .. })
            ),
            "{text}"
        );
    }
    // No deadline at all, or nothing that can be read as one.
    for text in [
        "at Økonomiforvaltningen undersøger mulighederne",
        "inden budgetforhandlingerne",
        "i forbindelse med budget 2026 forhandlingerne", // a budget year is not a deadline
        "til orientering",
        "ved næste lejlighed",
        "med 2 mio. kr. til 3 medarbejdere",
        "sag 2025-0124174 om profiler",
        "mødet kl. 17.30",
        "inden juni", // before June or before it ends: the secretariat decides
        "inden jul",  // Christmas, not July
        "i jul",
    ] {
        assert_eq!(find_deadline(text, seed_day()), None, "{text}");
    }
}

#[test]
fn a_date_outranks_urgency_and_a_later_date_a_past_one() {
    assert_eq!(
        read("hurtigst muligt og senest den 1. juni 2025"),
        Some((Some(d(2025, 6, 1)), "senest den 1. juni 2025".to_owned()))
    );
    // "jf. beslutningen senest den 1. marts 2024" is a mention; the deadline comes later.
    assert_eq!(
        read("som besluttet senest den 1. marts 2024, og en status inden for to måneder")
            .unwrap()
            .0,
        Some(d(2025, 6, 30))
    );
    // Only a date before the decision: reported, so the secretariat must correct it.
    assert_eq!(
        read("senest den 1. marts 2025").unwrap().0,
        Some(d(2025, 3, 1))
    );
}

#[test]
fn a_month_or_day_without_year_is_the_next_one() {
    let in_july = d(2025, 7, 15);
    assert_eq!(
        find_deadline("inden udgangen af juni", in_july)
            .unwrap()
            .date(),
        Some(d(2026, 6, 30))
    );
    assert_eq!(
        find_deadline("senest 1. juli", in_july).unwrap().date(),
        Some(d(2026, 7, 1))
    );
    // The day itself counts as on time.
    assert_eq!(
        find_deadline("senest 15. juli", in_july).unwrap().date(),
        Some(in_july)
    );
    // Months end on their own last day, February too.
    assert_eq!(
        find_deadline("inden udgangen af februar", d(2027, 11, 1))
            .unwrap()
            .date(),
        Some(d(2028, 2, 29))
    );
    assert_eq!(
        find_deadline("inden for en måned", d(2025, 1, 31))
            .unwrap()
            .date(),
        Some(d(2025, 2, 28))
    );
}

#[test]
fn impossible_dates_are_not_read() {
    assert_eq!(read("senest den 31. juni 2025"), None);
    assert_eq!(read("senest 30.02.2026"), None);
    assert_eq!(read("inden udgangen af 5. kvartal"), None);
}

proptest! {
    // Any text: no panic, and a phrase that is a piece of the text.
    #[test]
    fn any_text_reads_without_panic(text in "\\PC{0,200}", days in 0i64..40_000) {
        let from = d(1950, 1, 1) + chrono::Duration::days(days);
        if let Some(found) = find_deadline(&text, from) {
            prop_assert!(text.contains(found.phrase()));
        }
    }

    // Deadline words in any order and with any numbers: no panic, and a date read from a phrase
    // without a past year is never before the decision.
    #[test]
    fn phrase_fragments_read_sanely(
        words in proptest::collection::vec(proptest::sample::select(vec![
            "inden", "for", "udgangen", "af", "senest", "den", "i", "løbet", "juni", "måned",
            "1.", "31.", "29.", "februar", "tre", "måneder", "et", "halvt", "år", "året", "årets",
            "udgang", "kvartal", "4.", "første", "halvår", "hurtigst", "muligt", "ultimo",
            "medio", "efteråret", "næste", "9/13", "31.12", "til", "mødet", "dage", "uger",
        ]), 0..12),
        days in 0i64..3000,
    ) {
        let from = d(2020, 1, 1) + chrono::Duration::days(days);
        let text = words.join(" ");
        if let Some(found) = find_deadline(&text, from) {
            prop_assert!(text.contains(found.phrase()));
            if let Some(date) = found.date() {
                prop_assert!(date >= from, "{text:?} read as {date} from {from}");
                prop_assert!(date <= from + chrono::Duration::days(3 * 366));
            }
        }
    }
}
