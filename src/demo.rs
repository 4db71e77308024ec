//! The demo council: Københavns Kommune with Borgerrepræsentationen, its standing committees,
//! the seven administrations and the parties; the seed meeting of 30.04.2025 with its member
//! proposal word for word (`shared/product/seed-corrected.md`); upcoming meetings.
//!
//! The people are fictional, generated from name lists.

use crate::domain::letter::{LetterText, Letterhead, Signatory};
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};

use crate::db::agenda::{self, NewAgendaItem};
use crate::db::organizations as orgs;
use crate::db::{self, DbConnection, cases, meetings, proposals, write_transaction};
use crate::domain::account::Actor;
use crate::domain::account::{NewPassword, Role};
use crate::domain::agenda::AgendaItemKind;
use crate::domain::meeting::MeetingKind;
use crate::domain::organization::{MembershipRole, OrganizationKind};
use crate::domain::proposal::FieldErrors;
use crate::domain::proposal::{DEFAULT_OPENING, ProposalStatus, SubmitterRole};
use crate::domain::register::{MembershipInput, OrganizationInput, PeriodInput, PersonInput};
use crate::domain::time::local_to_utc;
use crate::domain::{CaseReference, MeetingId, OrganizationId, PersonId, ProposalId};
use crate::error::{AppError, AppResult};
use crate::service::register;

pub const BODY_NAME: &str = "Københavns Kommune";
pub const COUNCIL_NAME: &str = "Borgerrepræsentationen";
pub const COUNCIL_ROOM: &str = "Borgerrepræsentationens mødesal";

pub const SEED_CASE: &str = "2025-0124174";
/// The (fictional) case the seed letter is registered on.
pub const SEED_LETTER_CASE: &str = "2021-0041276";

pub const SEED_TITLE: &str = "Medlemsforslag om nedlæggelse af profiler på X og undersøgelse af kommunens brug af sociale medier";
pub const SEED_CLAUSES: [&str; 3] = [
    "at Borgerrepræsentationen pålægger Økonomiforvaltningen, at indhente svar fra alle forvaltninger på i hvilket omfang de bruger det sociale medie X, og om der er noget, der gør det tvingende nødvendigt at beholde en profil derpå. Oversigten forelægges Økonomiudvalget inden udgangen af juni måned,",
    "at alle Københavns Kommunes profiler på det sociale medie X skal nedlægges, medmindre er der er tvingende nødvendigt at beholde en profil,",
    "at Økonomiforvaltningen indhenter svar fra alle forvaltninger på, hvilke sociale medier de har profiler på.",
];
pub const SEED_MOTIVATION: &str = "\
Borgerrepræsentationen har vedtaget, at København skal forsøge at gøre sig uafhængig af \
techgiganternes tjenester. Samtidig er det afgørende, at Københavns Kommune kan sikre troværdig \
og pålidelig kommunikation til borgerne, og derfor ikke understøtter medier, der er kendetegnet \
ved udbredelse misinformation, falske nyheder, og propaganda for antidemokratiske tiltag.

En af de mest problematiske platforme for dette er X — tidligere kendt som Twitter — som er ejet \
af Elon Musk. Derfor har Hvidovre Kommune nu nedlagt deres kommunale profil på X og benytter sig \
ikke længere af platformen til kommunikation til omverdenen. Vi foreslår derfor, at København \
følger eksemplet fra Hvidovre og lukker kommunens profiler på X.

Vi vil dog gerne være sikre på, at der ikke er tvingende grunde til at beholde en kommunal profil \
i en kortere periode, til der er fundet et godt alternativ. Derfor skal alle forvaltninger spørges \
om de har en profil, som de mener ikke kan lukkes, uden at det vil give alvorlige problemer med \
afgørende kommunikation til borgerne.";

/// The standing committees and the administration that serves each: (committee, short name,
/// administration, short name).
pub const COMMITTEES: [(&str, &str, &str, &str); 7] = [
    ("Økonomiudvalget", "ØU", "Økonomiforvaltningen", "ØKF"),
    (
        "Børne- og Ungdomsudvalget",
        "BUU",
        "Børne- og Ungdomsforvaltningen",
        "BUF",
    ),
    (
        "Kultur- og Fritidsudvalget",
        "KFU",
        "Kultur- og Fritidsforvaltningen",
        "KFF",
    ),
    (
        "Sundheds- og Omsorgsudvalget",
        "SOU",
        "Sundheds- og Omsorgsforvaltningen",
        "SUF",
    ),
    ("Socialudvalget", "SUD", "Socialforvaltningen", "SOF"),
    (
        "Teknik- og Miljøudvalget",
        "TMU",
        "Teknik- og Miljøforvaltningen",
        "TMF",
    ),
    (
        "Beskæftigelses- og Integrationsudvalget",
        "BIU",
        "Beskæftigelses- og Integrationsforvaltningen",
        "BIF",
    ),
];

/// Parties with their letters and (fictional) seats in Borgerrepræsentationen; 55 in all.
pub const PARTIES: [(&str, &str, usize); 10] = [
    ("Socialdemokratiet", "A", 12),
    ("Enhedslisten", "Ø", 11),
    ("Det Konservative Folkeparti", "C", 8),
    ("SF – Socialistisk Folkeparti", "F", 7),
    ("Radikale Venstre", "B", 5),
    ("Venstre", "V", 4),
    ("Liberal Alliance", "I", 3),
    ("Alternativet", "Å", 2),
    ("Dansk Folkeparti", "O", 2),
    ("Moderaterne", "M", 1),
];

/// The member of Borgerrepræsentationen for Enhedslisten behind the demo politician account.
pub const DEMO_POLITICIAN: &str = "Maja Lund Holm";

/// The demo accounts (INTERFACES.md), all with the password `demo`: (address, name, role, what
/// the login page says about it).
pub const DEMO_PASSWORD: &str = "demo";
pub const DEMO_SECRETARIAT: &str = "sekretariat@example.org";
pub const DEMO_POLITICIAN_EMAIL: &str = "politiker@example.org";
pub const DEMO_ADMINISTRATION: &str = "okf@example.org";
/// An English-speaking member of the council: their pages and mail are in English.
pub const DEMO_MEMBER_EMAIL: &str = "member@example.org";
pub const DEMO_MEMBER: &str = "Sarah Whitfield";
/// The demo accounts as the login page lists them: (address, catalogue key of who it is).
pub const DEMO_ACCOUNTS: [(&str, &str); 4] = [
    (DEMO_SECRETARIAT, "demo-account-secretariat"),
    (DEMO_POLITICIAN_EMAIL, "demo-account-politician"),
    (DEMO_MEMBER_EMAIL, "demo-account-member"),
    (DEMO_ADMINISTRATION, "demo-account-administration"),
];

const FIRST_NAMES: [&str; 30] = [
    "Anna", "Mads", "Sofie", "Jonas", "Ida", "Mikkel", "Laura", "Rasmus", "Emma", "Frederik",
    "Clara", "Oliver", "Freja", "Magnus", "Ella", "Lukas", "Karla", "Emil", "Alma", "Noah",
    "Ellen", "Viktor", "Agnes", "Oscar", "Marie", "Carl", "Josefine", "Anton", "Nanna", "Kasper",
];
const LAST_NAMES: [&str; 20] = [
    "Dahl",
    "Krogh",
    "Bech",
    "Juhl",
    "Skov",
    "Vestergaard",
    "Friis",
    "Brandt",
    "Lindberg",
    "Kjær",
    "Møller",
    "Bruun",
    "Winther",
    "Hald",
    "Thygesen",
    "Munk",
    "Overgaard",
    "Storm",
    "Bach",
    "Ravn",
];

/// Fictional member names: distinct for the first 60.
pub fn member_name(index: usize) -> String {
    format!(
        "{} {}",
        FIRST_NAMES[index % FIRST_NAMES.len()],
        LAST_NAMES[(index * 7) % LAST_NAMES.len()]
    )
}

/// What the demo created, for the tests and the later demo parts.
#[derive(Debug, Clone)]
pub struct Demo {
    pub council: OrganizationId,
    pub seed_meeting: MeetingId,
    pub seed_proposal: ProposalId,
    pub upcoming_council_meeting: MeetingId,
    pub upcoming_committee_meeting: MeetingId,
}

/// When the demo's coming council meeting is.
#[derive(Debug, Clone, Copy)]
pub enum Schedule {
    /// On a Thursday at least two weeks after `today`, with the council's usual deadlines.
    Usual { today: NaiveDate },
    /// Within the hour after `now`, with deadlines at the meeting's start, so that the whole
    /// chain (proposal, agenda, decision, tasks) can be shown on the day without anything late
    /// (`agendum demo --today`).
    SameDay { now: chrono::DateTime<chrono::Utc> },
}

/// How soon the same-day meeting starts: after this many minutes, on the next quarter hour.
const SAME_DAY_LEAD_MINUTES: i64 = 45;

impl Schedule {
    fn today(self) -> NaiveDate {
        match self {
            Self::Usual { today } => today,
            Self::SameDay { now } => crate::domain::time::local(now).date_naive(),
        }
    }
}

/// The same-day meeting's start: 45 to 60 minutes after `now`, on a quarter hour.
fn same_day_start(now: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono::Utc> {
    let earliest = now + Duration::minutes(SAME_DAY_LEAD_MINUTES);
    let quarter = 15 * 60;
    let seconds = earliest.timestamp();
    let rounded = (seconds + quarter - 1) / quarter * quarter;
    chrono::DateTime::from_timestamp(rounded, 0).unwrap_or(earliest)
}

/// Loads the demo into an empty database, in one transaction. `today` places the upcoming
/// meetings.
pub fn load(conn: &mut DbConnection, today: NaiveDate) -> AppResult<Demo> {
    load_scheduled(conn, Schedule::Usual { today })
}

/// Loads the demo into an empty database with the council's coming meeting as `schedule` says.
pub fn load_scheduled(conn: &mut DbConnection, schedule: Schedule) -> AppResult<Demo> {
    write_transaction(conn, |conn| {
        if !db::is_empty(conn)? {
            return Err(AppError::conflict(
                "the database already holds data; demo data is only loaded into an empty database",
            ));
        }
        load_into(conn, schedule)
    })
}

fn wall(date: NaiveDate, hour: u32, minute: u32) -> AppResult<chrono::DateTime<chrono::Utc>> {
    let time = NaiveTime::from_hms_opt(hour, minute, 0).expect("valid constant time");
    local_to_utc(date.and_time(time)).map_err(AppError::internal)
}

fn next_weekday(from: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    from + Duration::days(i64::from(ahead))
}

/// What the register's service refused, as an internal error: the demo's data is fixed, so a
/// refusal is a bug.
fn accepted<T>(result: Result<T, FieldErrors>) -> AppResult<T> {
    result
        .map_err(|errors| AppError::internal(format!("the demo data was refused: {:?}", errors.0)))
}

/// An organization through the register's service, as the settings page would create it.
fn organization(
    conn: &mut DbConnection,
    kind: OrganizationKind,
    name: &str,
    short_name: &str,
    emails: &str,
    parent: Option<OrganizationId>,
    website: &str,
) -> AppResult<OrganizationId> {
    accepted(register::create_organization(
        conn,
        &Actor::system(),
        &OrganizationInput {
            kind: kind.as_str().to_owned(),
            name: name.to_owned(),
            short_name: short_name.to_owned(),
            emails: emails.to_owned(),
            parent: parent.map(|p| p.to_string()).unwrap_or_default(),
            website: website.to_owned(),
            language: String::new(),
        },
    )?)
}

fn person(
    conn: &mut DbConnection,
    name: &str,
    title: &str,
    email: Option<&str>,
) -> AppResult<PersonId> {
    accepted(register::create_person(
        conn,
        &Actor::system(),
        &PersonInput {
            name: name.to_owned(),
            title: title.to_owned(),
            email: email.unwrap_or_default().to_owned(),
        },
    )?)
}

fn membership(
    conn: &mut DbConnection,
    person: PersonId,
    organization: OrganizationId,
    role: MembershipRole,
    party: Option<OrganizationId>,
    start: NaiveDate,
) -> AppResult<()> {
    accepted(register::add_membership(
        conn,
        &Actor::system(),
        &MembershipInput {
            person: person.to_string(),
            organization: organization.to_string(),
            role: role.as_str().to_owned(),
            party: party.map(|p| p.to_string()).unwrap_or_default(),
            start_date: start.to_string(),
            end_date: String::new(),
            position: String::new(),
        },
    )?)?;
    Ok(())
}

fn load_into(conn: &mut DbConnection, schedule: Schedule) -> AppResult<Demo> {
    let today = schedule.today();
    let actor = Actor::system();
    let term_start = NaiveDate::from_ymd_opt(2022, 1, 1).expect("valid date");
    let body = register::create_body(conn, &actor, BODY_NAME)?;
    orgs::set_body_details(conn, body, Some("KK"), None)?;
    accepted(crate::service::municipality::update(
        conn,
        &actor,
        &crate::domain::municipality::SettingsInput {
            name: BODY_NAME.to_owned(),
            website: "https://www.kk.dk".to_owned(),
            council_title: "borgerrepraesentationen".to_owned(),
            default_language: "da".to_owned(),
            case_reference_format: "ÅÅÅÅ-NNNNNNN".to_owned(),
        },
    )?)?;
    accepted(register::start_election_period(
        conn,
        &actor,
        &PeriodInput {
            name: String::new(),
            start_date: term_start.to_string(),
        },
    )?)?;
    let council = organization(
        conn,
        OrganizationKind::Council,
        COUNCIL_NAME,
        "BR",
        "",
        None,
        "",
    )?;
    let mut committees = Vec::new();
    let mut administrations = Vec::new();
    for (committee, committee_short, administration, administration_short) in COMMITTEES {
        let committee_id = organization(
            conn,
            OrganizationKind::Committee,
            committee,
            committee_short,
            "",
            Some(council),
            "",
        )?;
        let address = format!(
            "{}@forvaltning.example.org",
            administration_short.to_lowercase().replace('ø', "o")
        );
        let administration_id = organization(
            conn,
            OrganizationKind::Administration,
            administration,
            administration_short,
            &address,
            Some(committee_id),
            "",
        )?;
        committees.push(committee_id);
        administrations.push(administration_id);
    }
    let kl = organization(
        conn,
        OrganizationKind::External,
        "KL",
        "KL",
        "",
        None,
        "https://www.kl.dk",
    )?;

    // Members of Borgerrepræsentationen, party by party.
    let mut members: Vec<(PersonId, OrganizationId)> = Vec::new();
    let mut parties = Vec::new();
    let mut politician = None;
    let mut english_member = None;
    for (party_name, letter, seats) in PARTIES {
        let party = organization(
            conn,
            OrganizationKind::Party,
            party_name,
            letter,
            "",
            None,
            "",
        )?;
        parties.push(party);
        for seat in 0..seats {
            let name = if letter == "Ø" && seat == 0 {
                DEMO_POLITICIAN.to_owned()
            } else if letter == "A" && seat == 1 {
                DEMO_MEMBER.to_owned()
            } else {
                member_name(members.len())
            };
            // Every member has an address, so a released agenda reaches the whole council.
            let address = if name == DEMO_POLITICIAN {
                DEMO_POLITICIAN_EMAIL.to_owned()
            } else if name == DEMO_MEMBER {
                DEMO_MEMBER_EMAIL.to_owned()
            } else {
                format!("medlem{}@example.org", members.len() + 1)
            };
            let person = person(
                conn,
                &name,
                "Medlem af Borgerrepræsentationen",
                Some(&address),
            )?;
            if name == DEMO_POLITICIAN {
                politician = Some((person, party));
            }
            if name == DEMO_MEMBER {
                english_member = Some(person);
            }
            let role = if members.is_empty() {
                MembershipRole::Chair
            } else {
                MembershipRole::Member
            };
            membership(conn, person, council, role, Some(party), term_start)?;
            membership(
                conn,
                person,
                party,
                MembershipRole::Member,
                None,
                term_start,
            )?;
            members.push((person, party));
        }
    }
    // Committee seats: Økonomiudvalget has 11 members, the others 9; taken in turn from the
    // council so that every party sits somewhere. The first member of each chairs it.
    let mut next = 0;
    for (index, committee) in committees.iter().enumerate() {
        let size = if index == 0 { 11 } else { 9 };
        for seat in 0..size {
            let (person, party) = members[next % members.len()];
            next += 1;
            let role = if seat == 0 {
                MembershipRole::Chair
            } else {
                MembershipRole::Member
            };
            membership(conn, person, *committee, role, Some(party), term_start)?;
        }
    }
    // Substitutes (stedfortrædere) in their party's order: they stand in for an absent member
    // and are recorded in the attendance.
    for (index, party) in [(55, parties[1]), (56, parties[1]), (57, parties[0])] {
        let substitute = person(
            conn,
            &member_name(index),
            "Stedfortræder i Borgerrepræsentationen",
            None,
        )?;
        membership(
            conn,
            substitute,
            council,
            MembershipRole::Substitute,
            Some(party),
            term_start,
        )?;
    }
    let (politician, enhedslisten) = politician.expect("the demo politician is created above");
    let english_member = english_member.expect("the English-speaking member is created above");

    // The seed meeting and its member proposal.
    let seed_day = NaiveDate::from_ymd_opt(2025, 4, 30).expect("valid date");
    let seed_meeting = meetings::insert(
        conn,
        &meetings::NewMeeting {
            organization_id: council,
            kind: MeetingKind::Regular,
            starts_at: wall(seed_day, 17, 30)?,
            ends_at: None,
            location: COUNCIL_ROOM,
        },
    )?;
    let reference = CaseReference::parse(SEED_CASE).map_err(AppError::internal)?;
    let case = cases::insert(conn, body, &reference, SEED_TITLE)?;
    let clauses: Vec<String> = SEED_CLAUSES.iter().map(|c| (*c).to_owned()).collect();
    let seed_proposal = proposals::insert(
        conn,
        &proposals::NewProposal {
            body_id: body,
            organization_id: council,
            title: SEED_TITLE,
            opening: DEFAULT_OPENING,
            clauses: &clauses,
            motivation: SEED_MOTIVATION,
            status: ProposalStatus::Accepted,
            submitting_party_id: Some(enhedslisten),
            submitters: &[(politician, SubmitterRole::Proposer)],
            cases: &[case],
            target_meeting_id: Some(seed_meeting),
            submitted_at: Some(wall(
                NaiveDate::from_ymd_opt(2025, 4, 14).expect("valid date"),
                10,
                12,
            )?),
        },
    )?;
    agenda::append_item(
        conn,
        &NewAgendaItem {
            proposal_id: Some(seed_proposal),
            ..NewAgendaItem::plain(
                seed_meeting,
                SEED_TITLE,
                AgendaItemKind::MemberProposal,
                true,
            )
        },
    )?;
    let released_at = wall(
        NaiveDate::from_ymd_opt(2025, 4, 24).expect("valid date"),
        12,
        0,
    )?;
    crate::service::agenda::release_version(
        conn,
        &agenda::ReleaseRequest {
            meeting_id: seed_meeting,
            released_at,
            released_by: None,
            late_reason: None,
            expected_lock: None,
        },
    )?;

    // Upcoming: the council's Thursday meeting at least two weeks ahead (so a proposal written
    // today is in time for its deadline) and Økonomiudvalget's Tuesday at least a week ahead.
    let council_starts_at = match schedule {
        Schedule::Usual { today } => wall(
            next_weekday(today + Duration::days(14), Weekday::Thu),
            17,
            30,
        )?,
        Schedule::SameDay { now } => {
            // Proposals and the agenda are due at the meeting's start: nothing is late today.
            accepted(crate::service::meetings::set_rules(
                conn,
                &actor,
                council,
                &crate::domain::plan::RulesInput {
                    proposal_kind: "calendar_days".to_owned(),
                    proposal_days: "0".to_owned(),
                    release_kind: "calendar_days".to_owned(),
                    release_days: "0".to_owned(),
                    ..Default::default()
                },
            )?)?;
            same_day_start(now)
        }
    };
    let upcoming_council_meeting = meetings::insert(
        conn,
        &meetings::NewMeeting {
            organization_id: council,
            kind: MeetingKind::Regular,
            starts_at: council_starts_at,
            ends_at: None,
            location: COUNCIL_ROOM,
        },
    )?;
    agenda::append_item(
        conn,
        &NewAgendaItem::plain(
            upcoming_council_meeting,
            &AgendaItemKind::ApprovalOfAgenda.label(crate::domain::language::Lang::Da),
            AgendaItemKind::ApprovalOfAgenda,
            true,
        ),
    )?;
    let committee_day = next_weekday(today + Duration::days(7), Weekday::Tue);
    let upcoming_committee_meeting = meetings::insert(
        conn,
        &meetings::NewMeeting {
            organization_id: committees[0],
            kind: MeetingKind::Regular,
            starts_at: wall(committee_day, 15, 0)?,
            ends_at: None,
            location: "Udvalgsværelse 1, Københavns Rådhus",
        },
    )?;
    // Each body its own deadline rules (the council keeps the defaults: proposals 8 days before
    // at noon, the agenda 4 working days before).
    accepted(crate::service::meetings::set_rules(
        conn,
        &actor,
        committees[0],
        &crate::domain::plan::RulesInput {
            proposal_kind: "working_days".to_owned(),
            proposal_days: "5".to_owned(),
            proposal_time: "12:00".to_owned(),
            release_kind: "working_days".to_owned(),
            release_days: "4".to_owned(),
            ..Default::default()
        },
    )?)?;
    // The demo accounts, through the same checks as `agendum user add`.
    let okf = administrations[0].to_string();
    let politician_id = politician.to_string();
    let member_id = english_member.to_string();
    let accounts = [
        (
            DEMO_SECRETARIAT,
            "BR-sekretariatet",
            Role::Secretariat,
            None,
            Some(okf.as_str()),
        ),
        (
            DEMO_POLITICIAN_EMAIL,
            DEMO_POLITICIAN,
            Role::Politician,
            Some(politician_id.as_str()),
            None,
        ),
        (
            DEMO_MEMBER_EMAIL,
            DEMO_MEMBER,
            Role::Politician,
            Some(member_id.as_str()),
            None,
        ),
        (
            DEMO_ADMINISTRATION,
            "Lene Friis",
            Role::Administration,
            None,
            Some(okf.as_str()),
        ),
    ];
    for (address, name, role, person, organization) in accounts {
        let id = crate::service::accounts::add_user(
            conn,
            &crate::service::accounts::UserRequest {
                email: address,
                name,
                role: role.as_str(),
                organization,
                person,
            },
            &NewPassword::unchecked(DEMO_PASSWORD),
        )?;
        if address == DEMO_MEMBER_EMAIL {
            crate::db::accounts::set_language(conn, id, crate::domain::language::Lang::En)?;
        }
    }
    // The seed letter: KL's letter to the minister, registered on a case of its own.
    let (letterhead, letter_date, letter_text) = seed_letter();
    let lines: Vec<&str> = letterhead
        .address_lines
        .iter()
        .map(String::as_str)
        .collect();
    db::letters::set_address(conn, kl, &lines)?;
    // The municipality writes under Borgerrepræsentationen's and Økonomiforvaltningen's
    // letterheads; replies go to Økonomiforvaltningen's address.
    let town_hall = [
        "Københavns Rådhus".to_owned(),
        "1599 København V".to_owned(),
    ];
    for sender in [council, administrations[0]] {
        crate::service::letters::set_letterhead(
            conn,
            &actor,
            sender,
            &crate::service::letters::LetterheadInput {
                address: &town_hall.join("\n"),
                website: Some("https://www.kk.dk"),
                remove_logo: false,
                logo: None,
            },
        )?;
    }
    let letter_case = cases::insert(
        conn,
        body,
        &CaseReference::parse(SEED_LETTER_CASE).expect("a valid case reference"),
        "Kommunalbestyrelsesmedlemmers brug af IT-udstyr stillet til rådighed af kommunen",
    )?;
    db::letters::register_incoming(
        conn,
        &db::letters::IncomingLetter {
            case_id: letter_case,
            sender_organization_id: Some(kl),
            sender_name: &letterhead.name,
            date: letter_date,
            text: &letter_text,
            public: true,
            original: None,
            by: None,
        },
    )?;
    db::set_meta(conn, "demo", "loaded")?;
    Ok(Demo {
        council,
        seed_meeting,
        seed_proposal,
        upcoming_council_meeting,
        upcoming_committee_meeting,
    })
}

/// The seed letter (seed-corrected.md B): KL to the Minister for the Interior and Housing,
/// 12 April 2021, word for word: the sender's letterhead, the date and the letter's text.
pub fn seed_letter() -> (Letterhead, NaiveDate, LetterText) {
    let paragraphs = [
        "Den 18. februar 2021 publicerede Indenrigs- og Boligministeriet en udtalelse om kommunalbestyrelsesmedlemmers brug af IT-udstyr m.v. stillet til rådighed af kommunen. Konklusionen i udtalelsen er, at sådant udstyr ikke må anvendes til valgkampsaktiviteter.",
        "Det fremgår af udtalelsen, at ministeriet har lagt afgørende vægt på, at embedsværket skal være partipolitisk neutralt, samt et særligt demokratisk hensyn til ligebehandling af kandidater og partier, der stiller op til et valg for så vidt angår deres muligheder for at føre valgkamp.",
        "KL er fuldstændig enig i, at det er helt fundamentalt, at embedsværket skal være partipolitisk neutralt, men vi har svært ved at se, at det princip kan føre til, at it-udstyr udleveret til brug for det kommunale hverv ikke kan anvendes til for eksempel et møde eller et telefonopkald, der har relation til det forestående kommunalvalg. Det indebærer vel i givet fald, at det tilsvarende er gældende for ministres brug af it-udstyr udleveret som led i arbejdet som minister, henset til at der er tale om et generelt princip?",
        "Det fremgår af udtalelsen, at ministeriet er opmærksom på, at det kan være vanskeligt at skelne mellem brugen af it-udstyret i forskellige sammenhænge.",
        "KL skal hertil bemærke, at landets kommunalpolitikere alle arbejder digitalt i meget betydeligt omfang, ligesom en stor del af det politiske arbejde foregår på de sociale medier.",
        "Ministeriets konklusion er yderst vanskelig at administrere for politikerne og de kommunale administrationer, som skal vejlede politikerne om brugen af udstyret. Én ting er, at det er vanskeligt at anvende reglen ved brug af telefon, som ministeriet selv nævner, men det er også vanskeligt administrerbart på en række andre områder. Skal medlemmerne eksempelvis installere to internetforbindelser i hjemmet, og have to telefoner? Hvornår går et politisk møde med borgerne fra et normalt politisk møde til et møde, som må betragtes som valgkamp, og skal medlemmet i den forbindelse så skifte udstyr?",
        "Udtalelsen er således meget vanskelig at forvalte, håndhæve og ikke mindst at forklare medlemmer af landets kommunalbestyrelser, da ministeriets konklusion ikke er i trit med den digitale virkelighed.",
        "KL håber således, at du og ministeriet vil genoverveje udtalelsen.",
    ];
    (
        Letterhead {
            name: "KL".to_owned(),
            address_lines: vec![
                "Weidekampsgade 10".to_owned(),
                "Postboks 3370".to_owned(),
                "2300 København S".to_owned(),
            ],
            website: Some("www.kl.dk".to_owned()),
        },
        NaiveDate::from_ymd_opt(2021, 4, 12).expect("valid date"),
        LetterText {
            recipient_name: "Indenrigs- og boligministeren".to_owned(),
            recipient_title: None,
            recipient_email: Some("min@im.dk".to_owned()),
            heading: "Henvendelse til indenrigs- og boligministeren vedrørende udtalelse om \
                      kommunalbestyrelsesmedlemmers brug af IT-udstyr"
                .to_owned(),
            salutation: "Kære Kaare Dybvad Bek".to_owned(),
            body: paragraphs.join("\n\n"),
            closing: "Med venlig hilsen".to_owned(),
            signatories: vec![
                Signatory {
                    name: "Jacob Bundsgaard".to_owned(),
                    title: None,
                },
                Signatory {
                    name: "Kristian Wendelboe".to_owned(),
                    title: None,
                },
            ],
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_names_are_distinct() {
        let names: std::collections::HashSet<String> = (0..60).map(member_name).collect();
        assert_eq!(names.len(), 60);
        assert!(!names.contains(DEMO_POLITICIAN));
    }

    #[test]
    fn seats_add_up_to_the_council() {
        assert_eq!(PARTIES.iter().map(|p| p.2).sum::<usize>(), 55);
    }

    #[test]
    fn next_weekday_counts_forward() {
        let wed = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        assert_eq!(
            next_weekday(wed, Weekday::Thu),
            NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
        );
        assert_eq!(next_weekday(wed, Weekday::Wed), wed);
        assert_eq!(
            next_weekday(wed, Weekday::Tue),
            NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
        );
    }
}
