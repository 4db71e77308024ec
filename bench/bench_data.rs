//! Adds a released 40-item agenda to an Agendum database, for the benchmarks, and prints the
//! meeting's id.
//!
//!     cargo run --release --example bench_data -- sqlite://PATH [ITEMS] [MOTIVATION_REPEATS]
//!
//! MOTIVATION_REPEATS (default 1) repeats each motivation: 5 gives about two PDF pages per item,
//! the ~80-page agenda of the PDF benchmark.

use agendum::config::DatabaseUrl;
use agendum::db::agenda::{self, NewAgendaItem};
use agendum::db::{Db, cases, meetings, proposals};
use agendum::domain::agenda::AgendaItemKind;
use agendum::domain::meeting::MeetingKind;
use agendum::domain::organization::OrganizationKind;
use agendum::domain::proposal::ProposalStatus;
use agendum::domain::{BodyId, CaseReference};

const MOTIVATION: &str = "Københavns Kommune skal sikre troværdig og pålidelig kommunikation til \
borgerne. Forslaget skal give Borgerrepræsentationen et samlet overblik over, hvordan \
forvaltningerne arbejder med området i dag, og hvilke økonomiske konsekvenser en ændring vil få.

Forvaltningerne har i de seneste år arbejdet med en række initiativer, men der mangler en fælles \
retning. Derfor foreslås det, at Økonomiforvaltningen indhenter svar fra alle forvaltninger og \
forelægger en samlet oversigt for Økonomiudvalget, så der kan træffes en beslutning på et oplyst \
grundlag.

Vi ønsker samtidig, at borgerne inddrages tidligt, og at erfaringer fra andre kommuner bruges, \
hvor det giver mening.";

fn main() {
    let mut args = std::env::args().skip(1);
    let url = args
        .next()
        .expect("usage: bench_data DATABASE_URL [ITEMS] [MOTIVATION_REPEATS]");
    let items: usize = args
        .next()
        .map_or(40, |n| n.parse().expect("ITEMS is a number"));
    let repeats: usize = args
        .next()
        .map_or(1, |n| n.parse().expect("MOTIVATION_REPEATS is a number"));
    let motivation = vec![MOTIVATION; repeats.max(1)].join("\n\n");
    let db = Db::connect(&DatabaseUrl::parse(&url).expect("a database URL"))
        .expect("the database opens");
    db.migrate().expect("migrations");
    let mut conn = db.conn().expect("a connection");
    let organizations = agendum::db::organizations::list(&mut conn).expect("organizations");
    let find = |kind| organizations.iter().find(|o| o.kind == kind).map(|o| o.id);
    let council = find(OrganizationKind::Council).expect("a council: load the demo first");
    let party = find(OrganizationKind::Party);
    let meeting = meetings::insert(
        &mut conn,
        &meetings::NewMeeting {
            organization_id: council,
            kind: MeetingKind::Regular,
            starts_at: chrono::Utc::now() + chrono::Duration::days(60),
            ends_at: None,
            location: "Borgerrepræsentationens mødesal",
        },
    )
    .expect("a meeting");
    for n in 1..=items {
        let title = format!("Medlemsforslag om en plan for område nr. {n} i Københavns Kommune");
        let reference = CaseReference::new(2026, 500_000 + n as u32).expect("a reference");
        let case = cases::insert(&mut conn, BodyId(1), &reference, &title).expect("a case");
        let clauses = vec![
            format!("at Borgerrepræsentationen pålægger Økonomiforvaltningen at udarbejde en plan for område nr. {n}, som forelægges Økonomiudvalget inden udgangen af juni måned,"),
            "at alle forvaltninger bidrager med en beskrivelse af deres nuværende indsats og de økonomiske konsekvenser,".to_owned(),
            "at planen indeholder en tidsplan for inddragelse af borgere, foreninger og lokaludvalg.".to_owned(),
        ];
        let proposal = proposals::insert(
            &mut conn,
            &proposals::NewProposal {
                body_id: BodyId(1),
                organization_id: council,
                title: &title,
                opening: "Det foreslås,",
                clauses: &clauses,
                motivation: &motivation,
                status: ProposalStatus::Accepted,
                submitting_party_id: party,
                submitters: &[],
                cases: &[case],
                target_meeting_id: Some(meeting),
                submitted_at: None,
            },
        )
        .expect("a proposal");
        agenda::append_item(
            &mut conn,
            &NewAgendaItem {
                proposal_id: Some(proposal),
                ..NewAgendaItem::plain(meeting, &title, AgendaItemKind::MemberProposal, true)
            },
        )
        .expect("an item");
    }
    agendum::service::agenda::release_version(
        &mut conn,
        &agenda::ReleaseRequest {
            meeting_id: meeting,
            released_at: chrono::Utc::now(),
            released_by: None,
            late_reason: None,
            expected_lock: None,
        },
    )
    .expect("the release");
    println!("{meeting}");
}
