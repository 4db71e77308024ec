use super::*;
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Copenhagen as in the demo: the council, the seven committees and the administration that
/// serves each (ids 10… and 20… in the demo's order).
fn copenhagen() -> Directory {
    let mut bodies = vec![MeetingBody {
        id: OrganizationId(1),
        name: "Borgerrepræsentationen".into(),
        short_name: Some("BR".into()),
    }];
    let mut administrations = Vec::new();
    for (i, (committee, cs, admin, short)) in crate::demo::COMMITTEES.iter().enumerate() {
        let committee_id = OrganizationId(10 + i as i64);
        bodies.push(MeetingBody {
            id: committee_id,
            name: (*committee).into(),
            short_name: Some((*cs).into()),
        });
        administrations.push(Administration {
            id: OrganizationId(20 + i as i64),
            name: (*admin).into(),
            short_name: Some((*short).into()),
            committee: Some(committee_id),
        });
    }
    Directory {
        body_name: "Københavns Kommune".into(),
        administrations,
        bodies,
    }
}

const OKF: OrganizationId = OrganizationId(20);
const TMF: OrganizationId = OrganizationId(25);
const SOF: OrganizationId = OrganizationId(24);
const OU: OrganizationId = OrganizationId(10);
const TMU: OrganizationId = OrganizationId(15);
const BR: OrganizationId = OrganizationId(1);

fn all() -> Vec<OrganizationId> {
    (20..27).map(OrganizationId).collect()
}

fn read(clause: &str) -> Vec<TaskSuggestion> {
    suggest(1, clause, d(2025, 4, 30), &copenhagen())
}

fn one(clause: &str) -> TaskSuggestion {
    let mut found = read(clause);
    assert_eq!(found.len(), 1, "{clause}: {found:#?}");
    found.remove(0)
}

/// `seed-corrected.md` A, "What follows from it".
#[test]
fn the_seed_proposal_gives_what_the_seed_lists() {
    let first = one(
        "at Borgerrepræsentationen pålægger Økonomiforvaltningen, at indhente svar fra alle \
         forvaltninger på i hvilket omfang de bruger det sociale medie X, og om der er noget, der \
         gør det tvingende nødvendigt at beholde en profil derpå. Oversigten forelægges \
         Økonomiudvalget inden udgangen af juni måned,",
    );
    assert_eq!(first.lead, Some(OKF));
    assert_eq!(first.contributors, all());
    assert_eq!(first.deadline, Some(d(2025, 6, 30)));
    assert_eq!(first.deadline_reading, DeadlineReading::Read);
    assert_eq!(first.answer_to, Some(OU));
    assert_eq!(
        first.answer_phrase.as_deref(),
        Some("forelægges Økonomiudvalget")
    );

    let second = read(
        "at alle Københavns Kommunes profiler på det sociale medie X skal nedlægges, medmindre er \
         der er tvingende nødvendigt at beholde en profil,",
    );
    assert_eq!(second.len(), 7, "{second:#?}");
    assert!(
        second
            .iter()
            .all(|s| s.assignment == Assignment::EachAdministration
                && s.contributors.is_empty()
                && s.deadline.is_none()
                && s.answer_to.is_none())
    );
    assert_eq!(
        second.iter().map(|s| s.lead.unwrap()).collect::<Vec<_>>(),
        all()
    );

    let third = one(
        "at Økonomiforvaltningen indhenter svar fra alle forvaltninger på, hvilke sociale medier \
         de har profiler på.",
    );
    assert_eq!(third.lead, Some(OKF));
    assert_eq!(third.contributors, all());
    assert_eq!(third.deadline, None);
    assert_eq!(third.deadline_reading, DeadlineReading::NotStated);
    assert_eq!(third.answer_to, None);
}

#[test]
fn who_leads_and_who_contributes() {
    let s = one(
        "at Teknik- og Miljøforvaltningen skal, i samarbejde med Socialforvaltningen, lave en plan",
    );
    assert_eq!((s.lead, s.contributors), (Some(TMF), vec![SOF]));

    // The genitive and the short name count; the order of naming decides the lead.
    let s = one("at TMF på baggrund af Økonomiforvaltningens analyse udarbejder en plan");
    assert_eq!((s.lead, s.contributors), (Some(TMF), vec![OKF]));

    // A committee given the task stands for its administration; the answer target does not.
    let s = one(
        "at Borgerrepræsentationen anmoder Teknik- og Miljøudvalget om at udarbejde en plan, der forelægges Økonomiudvalget",
    );
    assert_eq!((s.lead, s.answer_to), (Some(TMF), Some(OU)));

    // "de øvrige forvaltninger" leaves the lead out.
    let s = one(
        "at Økonomiforvaltningen med bidrag fra de øvrige forvaltninger udarbejder en oversigt",
    );
    assert_eq!(
        s.contributors,
        all()
            .into_iter()
            .filter(|id| *id != OKF)
            .collect::<Vec<_>>()
    );

    // Each administration for itself.
    assert_eq!(
        read("at samtlige forvaltninger skal gennemgå deres abonnementer").len(),
        7
    );
    assert_eq!(
        read("at hver forvaltning udpeger en kontaktperson").len(),
        7
    );

    // An order without anyone named: the secretariat chooses.
    let s = one("at der skal etableres en cykelsti på Nørrebrogade");
    assert_eq!((s.assignment, s.lead), (Assignment::Unknown, None));

    // A statement orders nothing.
    assert!(read("at Borgerrepræsentationen opfordrer regeringen til at ændre loven").is_empty());
    assert!(read("at Borgerrepræsentationen udtrykker sin støtte til initiativet").is_empty());
}

#[test]
fn where_the_answer_goes() {
    for (clause, target, phrase) in [
        (
            "at ØKF laver en oversigt, der forelægges for Økonomiudvalget",
            OU,
            "forelægges for Økonomiudvalget",
        ),
        (
            "at ØKF laver en oversigt, der sendes til Teknik- og Miljøudvalget",
            TMU,
            "sendes til Teknik- og Miljøudvalget",
        ),
        (
            "at ØKF laver en oversigt til behandling i Borgerrepræsentationen",
            BR,
            "behandling i Borgerrepræsentationen",
        ),
        (
            "at ØKF laver en oversigt, og Økonomiudvalget orienteres",
            OU,
            "Økonomiudvalget orienteres",
        ),
        (
            "at resultatet afrapporteres til BR inden årets udgang",
            BR,
            "afrapporteres til BR",
        ),
    ] {
        let found = read(clause);
        let s = found.first().unwrap_or_else(|| panic!("{clause}"));
        assert_eq!(s.answer_to, Some(target), "{clause}");
        assert_eq!(s.answer_phrase.as_deref(), Some(phrase), "{clause}");
    }
    // A committee named far from any such word is not where the answer goes.
    let s = one("at ØKF, som Økonomiudvalget har bedt om, laver en oversigt");
    assert_eq!(s.answer_to, None);
}

#[test]
fn deadlines_are_read_and_checked_against_the_decision() {
    let s = one("at ØKF hurtigst muligt laver en oversigt");
    assert_eq!(
        (s.deadline, s.deadline_reading),
        (None, DeadlineReading::AsSoonAsPossible)
    );
    let s = one("at ØKF laver en oversigt senest den 1. marts 2025");
    assert_eq!(s.deadline_reading, DeadlineReading::BeforeDecision);
    let s = one("at ØKF laver en oversigt inden for tre måneder");
    assert_eq!(
        (s.deadline, s.deadline_reading),
        (Some(d(2025, 7, 30)), DeadlineReading::Read)
    );
}

proptest! {
    #[test]
    fn any_clause_reads_without_panic(text in "\\PC{0,300}") {
        let found = suggest(1, &text, d(2025, 4, 30), &copenhagen());
        for s in found {
            if let Some(phrase) = &s.answer_phrase {
                prop_assert!(text.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
                    .contains(&phrase.to_lowercase()));
            }
        }
    }
}
