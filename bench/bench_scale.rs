//! Fills a database holding the demo with a council's history, for the benchmarks of the
//! secretariat's pages: MEETINGS meetings over the past years, PROPOSALS member proposals on them
//! (a few hundred waiting in the inbox, the rest decided or closed), and TASKS follow-up tasks
//! on decided items, spread over the seven administrations and every status.
//!
//!     cargo run --release --example bench_scale -- DATABASE_URL [PROPOSALS] [MEETINGS] [TASKS]
//!
//! Defaults: 100 000 proposals, 10 000 meetings, 20 000 tasks (QUALITY.md's data set). Rows are
//! written with multi-row INSERTs in one transaction; the SQL is the same on both backends.

use agendum::config::DatabaseUrl;
use agendum::db::Db;
use agendum::domain::organization::OrganizationKind;
use chrono::{Duration, NaiveDateTime, Utc};
use diesel::RunQueryDsl;

const BATCH: usize = 500;

/// What the generated proposals are about: the search benchmark's words are spread as a real
/// archive's are, some in many proposals, most in few (bench/search.sh).
const TOPICS: [(&str, &str); 24] = [
    (
        "bedre cykelstier",
        "at der anlægges flere og bredere cykelstier",
    ),
    (
        "flere skolepladser",
        "at der bygges en ny skole med plads til flere elever",
    ),
    ("grønne tage", "at kommunens bygninger får grønne tage"),
    (
        "billige boliger",
        "at der opføres almene boliger med lav husleje",
    ),
    (
        "renere havnebade",
        "at vandkvaliteten i havnebadene måles dagligt",
    ),
    (
        "længere åbningstider på biblioteker",
        "at bibliotekerne holder åbent om aftenen",
    ),
    (
        "trafiksikre skoleveje",
        "at skolevejene gøres sikre med lavere hastighed",
    ),
    (
        "flere træer i gaderne",
        "at der plantes træer langs boliggaderne",
    ),
    (
        "støjværn ved motorvejen",
        "at der opføres støjværn langs motorvejen",
    ),
    (
        "gratis svømning for børn",
        "at børn svømmer gratis i kommunens svømmehaller",
    ),
    (
        "bedre rengøring på plejehjem",
        "at plejehjemmene får flere rengøringstimer",
    ),
    (
        "sociale medier",
        "at kommunens profiler på sociale medier gennemgås",
    ),
    (
        "affaldssortering i etageboliger",
        "at der opstilles sorteringsstationer i gårdene",
    ),
    (
        "legepladser i parkerne",
        "at legepladserne i parkerne renoveres",
    ),
    (
        "elbusser på alle linjer",
        "at busserne på kommunens linjer skiftes til elbusser",
    ),
    (
        "hjemløse og natvarmestuer",
        "at natvarmestuerne holder åbent hele året",
    ),
    (
        "klimatilpasning og skybrud",
        "at der anlægges skybrudsveje mod havnen",
    ),
    (
        "ungdomsklubber",
        "at ungdomsklubberne får længere åbningstid",
    ),
    (
        "parkering for handicappede",
        "at der afmærkes flere handicappladser",
    ),
    (
        "madspild i kantiner",
        "at kantinerne måler og halverer madspild",
    ),
    (
        "kunst i byrummet",
        "at en procent af byggeriets budget går til kunst",
    ),
    (
        "lokaludvalgenes budgetter",
        "at lokaludvalgene får større budgetter",
    ),
    (
        "vinterbadning",
        "at der bygges saunaer ved vinterbadestederne",
    ),
    (
        "kollegieboliger til studerende",
        "at der opføres kollegieboliger nær uddannelserne",
    ),
];

/// The districts (bydele) the proposals are about.
const DISTRICTS: [&str; 10] = [
    "Valby",
    "Vanløse",
    "Brønshøj-Husum",
    "Bispebjerg",
    "Nørrebro",
    "Østerbro",
    "Indre By",
    "Vesterbro",
    "Amager Øst",
    "Amager Vest",
];

fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

fn stamp(at: NaiveDateTime) -> String {
    quote(&at.format("%Y-%m-%d %H:%M:%S").to_string())
}

/// Inserts `rows` (each a parenthesised list of values) into `table (columns)`, in batches.
fn insert(conn: &mut agendum::db::DbConnection, table: &str, columns: &str, rows: &[String]) {
    for chunk in rows.chunks(BATCH) {
        let sql = format!("INSERT INTO {table} ({columns}) VALUES {}", chunk.join(","));
        diesel::sql_query(sql)
            .execute(conn)
            .unwrap_or_else(|e| panic!("{table}: {e}"));
    }
}

/// The largest id of a table, so new rows continue after the demo's.
fn max_id(conn: &mut agendum::db::DbConnection, table: &str) -> i64 {
    #[derive(diesel::QueryableByName)]
    struct Max {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        id: i64,
    }
    diesel::sql_query(format!("SELECT COALESCE(MAX(id), 0) AS id FROM {table}"))
        .get_result::<Max>(conn)
        .expect("max id")
        .id
}

fn main() {
    let mut args = std::env::args().skip(1);
    let url = args
        .next()
        .expect("usage: bench_scale DATABASE_URL [PROPOSALS] [MEETINGS] [TASKS]");
    let number =
        |arg: Option<String>, default: usize| arg.map_or(default, |n| n.parse().expect("a number"));
    let proposals = number(args.next(), 100_000);
    let meetings = number(args.next(), 10_000);
    let tasks = number(args.next(), 20_000);
    let db = Db::connect(&DatabaseUrl::parse(&url).expect("a database URL"))
        .expect("the database opens");
    db.migrate().expect("migrations");
    let mut conn = db.conn().expect("a connection");
    let organizations = agendum::db::organizations::list(&mut conn).expect("organizations");
    let of_kind = |kind| -> Vec<i64> {
        organizations
            .iter()
            .filter(|o| o.kind == kind)
            .map(|o| o.id.0)
            .collect()
    };
    let council = *of_kind(OrganizationKind::Council)
        .first()
        .expect("a council: load the demo first");
    let bodies: Vec<i64> = [vec![council], of_kind(OrganizationKind::Committee)].concat();
    let administrations = of_kind(OrganizationKind::Administration);
    let body_id = organizations[0].body_id.0;
    let started = std::time::Instant::now();
    let now = Utc::now().naive_utc();

    agendum::db::write_transaction(&mut conn, |conn| {
        // Meetings, one every ~8 hours back from last week, held, with their minutes published.
        let first_meeting = max_id(conn, "meetings") + 1;
        let rows: Vec<String> = (0..meetings)
            .map(|i| {
                let at = now - Duration::days(7) - Duration::hours(8 * i as i64);
                format!(
                    "({}, {}, 'regular', {}, NULL, 'Rådhuset', 'minutes_published', 0, {}, {})",
                    first_meeting + i as i64,
                    bodies[i % bodies.len()],
                    stamp(at),
                    stamp(at),
                    stamp(at)
                )
            })
            .collect();
        insert(
            conn,
            "meetings",
            "id, organization_id, kind, starts_at, ends_at, location, status, lock_version, created_at, updated_at",
            &rows,
        );

        // Proposals: the newest few hundred wait for the secretariat, the rest are history.
        let first_proposal = max_id(conn, "proposals") + 1;
        let status = |i: usize| match i {
            0..300 => "submitted",
            300..350 => "returned",
            350..400 => "accepted",
            _ if i.is_multiple_of(10) => "in_follow_up",
            _ if i.is_multiple_of(3) => "closed",
            _ => "decided",
        };
        let rows: Vec<String> = (0..proposals)
            .map(|i| {
                let meeting = first_meeting + (i % meetings) as i64;
                let at = now - Duration::days(10) - Duration::minutes(30 * i as i64);
                format!(
                    "({}, {body_id}, {council}, {}, 'Det foreslås,', {}, {}, NULL, {meeting}, {}, FALSE, 0, {}, {}, NULL, NULL, NULL)",
                    first_proposal + i as i64,
                    quote(&format!("Medlemsforslag nr. {i} om {} i {}", TOPICS[i % TOPICS.len()].0, DISTRICTS[i / TOPICS.len() % DISTRICTS.len()])),
                    quote(&format!(
                        "Borgerne i {} har længe efterspurgt {}. Forslaget skal give et samlet overblik over området og en plan for de næste år.",
                        DISTRICTS[i / TOPICS.len() % DISTRICTS.len()],
                        TOPICS[(i * 7 + 3) % TOPICS.len()].0
                    )),
                    quote(status(i)),
                    stamp(at),
                    stamp(at),
                    stamp(at),
                )
            })
            .collect();
        insert(
            conn,
            "proposals",
            "id, body_id, organization_id, title, opening, motivation, status, submitting_party_id, target_meeting_id, submitted_at, late, lock_version, created_at, updated_at, created_by, late_reason, deadline_at",
            &rows,
        );
        let rows: Vec<String> = (0..proposals)
            .map(|i| {
                format!(
                    "({}, 1, {})",
                    first_proposal + i as i64,
                    quote(&format!("{} i {}.", TOPICS[i % TOPICS.len()].1, DISTRICTS[i / TOPICS.len() % DISTRICTS.len()]))
                )
            })
            .collect();
        insert(conn, "proposal_clauses", "proposal_id, position, text", &rows);

        // Tasks on decided items: one agenda item and decision per ten tasks.
        let decided = tasks.div_ceil(10);
        let first_item = max_id(conn, "agenda_items") + 1;
        let first_decision = max_id(conn, "decisions") + 1;
        let item_rows: Vec<String> = (0..decided)
            .map(|i| {
                let at = stamp(now - Duration::days(30 + i as i64));
                format!(
                    "({}, {}, 1, '1', 'Medlemsforslag nr. {i}', 'member_proposal', TRUE, {}, NULL, NULL, {at}, {at}, NULL, NULL, FALSE)",
                    first_item + i as i64,
                    first_meeting + (i % meetings) as i64,
                    first_proposal + 400 + i as i64,
                )
            })
            .collect();
        insert(
            conn,
            "agenda_items",
            "id, meeting_id, position, number, title, kind, public, proposal_id, case_id, body, created_at, updated_at, sections, source_organization_id, custom_number",
            &item_rows,
        );
        let decision_rows: Vec<String> = (0..decided)
            .map(|i| {
                let at = stamp(now - Duration::days(30 + i as i64));
                format!(
                    "({}, {}, {}, 'adopted', '{{\"outcome\":\"adopted\"}}', NULL, 'Medlemsforslaget blev tiltrådt.', FALSE, NULL, {at}, {at})",
                    first_decision + i as i64,
                    first_item + i as i64,
                    first_meeting + (i % meetings) as i64,
                )
            })
            .collect();
        insert(
            conn,
            "decisions",
            "id, agenda_item_id, meeting_id, outcome, data, referred_to_id, text, text_edited, recorded_by, recorded_at, updated_at",
            &decision_rows,
        );
        let task_status = |i: usize| match i % 10 {
            0..=3 => "closed",
            4 | 5 => "presented",
            6 => "answered",
            7 => "in_progress",
            8 => "seen",
            _ => "sent",
        };
        let first_task = max_id(conn, "tasks") + 1;
        let rows: Vec<String> = (0..tasks)
            .map(|i| {
                let d = i / 10;
                let deadline = (now + Duration::days(i as i64 % 120 - 60)).date();
                let at = stamp(now - Duration::days(30 + d as i64));
                format!(
                    "({}, {body_id}, {}, {}, {}, {}, 'at der anlægges flere cykelstier.', 'Svar på cykelstier', {}, '{deadline}', NULL, '{}', NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, {at}, {at}, {at})",
                    first_task + i as i64,
                    first_decision + d as i64,
                    first_item + d as i64,
                    first_proposal + 400 + d as i64,
                    i % 10 + 1,
                    administrations[i % administrations.len()],
                    task_status(i),
                )
            })
            .collect();
        insert(
            conn,
            "tasks",
            "id, body_id, decision_id, agenda_item_id, proposal_id, clause, clause_text, description, lead_id, deadline, answer_to_id, status, answer, answered_at, answered_by, proposed_deadline, extension_reason, presented_item_id, lock_version, created_by, sent_at, created_at, updated_at",
            &rows,
        );
        // Every reminder counts as sent: the synthetic tasks have no released agenda to write
        // a reminder from, and the benchmark measures pages, not the reminder round.
        let rows: Vec<String> = (0..tasks)
            .flat_map(|i| {
                let deadline = (now + Duration::days(i as i64 % 120 - 60)).date();
                let id = first_task + i as i64;
                ["overdue".to_owned(), "before-7".to_owned(), "before-1".to_owned()]
                    .map(|key| format!("({id}, '{key}-{deadline}', {})", stamp(now)))
            })
            .collect();
        insert(conn, "task_reminders", "task_id, reminder_key, sent_at", &rows);
        Ok(())
    })
    .expect("the data is written");
    // PostgreSQL's identity columns continue after the ids written here.
    if url.starts_with("postgres") {
        for table in [
            "meetings",
            "proposals",
            "agenda_items",
            "decisions",
            "tasks",
        ] {
            diesel::sql_query(format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
            ))
            .execute(&mut conn)
            .expect("sequence");
        }
    }
    if url.starts_with("sqlite") {
        diesel::sql_query("ANALYZE")
            .execute(&mut conn)
            .expect("analyze");
    }
    eprintln!(
        "{proposals} proposals, {meetings} meetings, {tasks} tasks in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}
