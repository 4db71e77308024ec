//! Puts COUNT messages of about BYTES bytes into the outbox of a fresh database, then delivers
//! them with the mail worker (the same code as in `agendum serve`) to SMTP_URL, and prints the
//! time and rate of the delivery alone.
//!
//!     cargo run --release --example bench_mail -- DATABASE_URL SMTP_URL [COUNT] [BYTES]

use std::time::Instant;

use agendum::config::DatabaseUrl;
use agendum::db::outbox::{self, OutboxStatus};
use agendum::db::{Db, write_transaction};
use agendum::domain::mail::{Mailbox, OutgoingMessage, Subject};
use agendum::mail::smtp::SmtpSettings;
use agendum::mail::transport::Transport;
use agendum::mail::worker::{Worker, WorkerConfig};

fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: bench_mail DATABASE_URL SMTP_URL [COUNT] [BYTES]";
    let db_url = args.next().expect(usage);
    let smtp_url = args.next().expect(usage);
    let count: usize = args.next().map_or(10_000, |n| n.parse().expect("COUNT"));
    let bytes: usize = args.next().map_or(2048, |n| n.parse().expect("BYTES"));
    let db =
        Db::connect(&DatabaseUrl::parse(&db_url).expect("a database URL")).expect("the database");
    db.migrate().expect("migrations");
    let from = Mailbox::parse("Agendum <noreply@kk.example.org>").unwrap();
    let line = "Borgerrepræsentationen pålægger Økonomiforvaltningen at indhente svar fra alle forvaltninger. ";
    let body: String = line.chars().cycle().take(bytes).collect();
    let mut conn = db.conn().unwrap();
    for chunk in 0..count.div_ceil(500) {
        write_transaction(&mut conn, |conn| {
            for n in chunk * 500..((chunk + 1) * 500).min(count) {
                let to =
                    Mailbox::new(Some("Forvaltning"), &format!("modtager{n}@example.org")).unwrap();
                let message = OutgoingMessage::new(
                    vec![to],
                    Subject::new("Opgave fra Borgerrepræsentationen").unwrap(),
                    body.clone(),
                )
                .unwrap();
                agendum::mail::enqueue(conn, &from, &message)?;
            }
            Ok(())
        })
        .expect("enqueue");
    }
    drop(conn);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let elapsed = runtime.block_on(async {
        // The pooled SMTP transport lives in the runtime.
        let smtp = SmtpSettings::parse(&smtp_url).expect("an SMTP URL");
        let transport = Transport::Smtp(std::sync::Arc::new(smtp.client()));
        let worker = Worker::new(db.clone(), transport, WorkerConfig::default());
        let started = Instant::now();
        while worker.run_once().await.expect("a delivery round") > 0 {}
        started.elapsed().as_secs_f64()
    });
    let mut conn = db.conn().unwrap();
    let counts = outbox::counts(&mut conn).unwrap();
    let sent = counts
        .iter()
        .find(|(s, _)| *s == OutboxStatus::Sent)
        .map_or(0, |c| c.1);
    assert_eq!(sent as usize, count, "not all sent: {counts:?}");
    println!(
        "delivered {count} messages of {bytes} bytes in {elapsed:.2} s ({:.0} msg/s)",
        count as f64 / elapsed
    );
}
