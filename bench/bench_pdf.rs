//! Renders the agenda PDF of a released meeting the way a release does, warm, and prints the
//! time of each render: the figure `bench/agenda_pdf.sh` compares with LibreOffice.
//!
//!     cargo run --release --example bench_pdf -- DATABASE_URL MEETING_ID [RUNS] > agenda.pdf

use std::io::Write;
use std::time::Instant;

use agendum::config::DatabaseUrl;
use agendum::db::{Db, agenda};
use agendum::documents::{Audience, agenda_pdf, warm_up};
use agendum::domain::MeetingId;

fn main() {
    let mut args = std::env::args().skip(1);
    let url = args
        .next()
        .expect("usage: bench_pdf DATABASE_URL MEETING_ID [RUNS]");
    let meeting: i64 = args
        .next()
        .and_then(|m| m.parse().ok())
        .expect("MEETING_ID is a number");
    let runs: usize = args
        .next()
        .map_or(10, |n| n.parse().expect("RUNS is a number"));
    let db = Db::connect(&DatabaseUrl::parse(&url).expect("a database URL")).expect("the database");
    let mut conn = db.conn().expect("a connection");
    let released = agenda::released(&mut conn, MeetingId(meeting), None)
        .expect("the database answers")
        .expect("a released agenda");
    // A warm server: fonts loaded and the template parsed before the first request.
    warm_up();
    let mut pdf = Vec::new();
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        pdf = agenda_pdf(
            agendum::domain::language::Lang::Da,
            "Benchmark Kommune",
            &released.snapshot,
            released.version,
            &[],
            Audience::Public,
        )
        .expect("the PDF renders");
        times.push(start.elapsed().as_secs_f64());
    }
    let line: Vec<String> = times.iter().map(|t| format!("{t:.4}")).collect();
    eprintln!("{}", line.join(" "));
    std::io::stdout()
        .write_all(&pdf)
        .expect("the PDF is written");
}
