//! Mail delivery against a real SMTP server (mailin-embedded, in-process), on both backends.

use std::collections::HashMap;
use std::net::{IpAddr, TcpListener};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use agendum::config::DatabaseUrl;
use agendum::db::outbox::{self, OutboxStatus};
use agendum::db::{Db, write_transaction};
use agendum::domain::mail::{Attachment, Mailbox, OutgoingMessage, RetryPolicy, Subject};
use agendum::error::{AppError, ErrorKind};
use agendum::mail::smtp::SmtpSettings;
use agendum::mail::transport::Transport;
use agendum::mail::worker::{Worker, WorkerConfig};
use mailin_embedded::response::{self, Response};

use crate::helpers::{Backend, database, on_both_backends};

/// How the test server answers.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Accept,
    /// 451 to the first N recipients, then accept.
    TemporaryFailures(usize),
    /// 550 to every recipient.
    Reject,
}

#[derive(Debug, Clone)]
pub struct Received {
    pub to: Vec<String>,
    pub data: Vec<u8>,
}

impl Received {
    pub fn parsed(&self) -> mail_parser::Message<'_> {
        mail_parser::MessageParser::default()
            .parse(&self.data)
            .expect("a parsable message")
    }

    pub fn message_id(&self) -> String {
        self.parsed().message_id().expect("a Message-ID").to_owned()
    }
}

#[derive(Clone)]
struct Handler {
    mode: Mode,
    refused: Arc<AtomicUsize>,
    received: Arc<Mutex<Vec<Received>>>,
    to: Vec<String>,
    data: Vec<u8>,
    delay: Duration,
}

impl mailin_embedded::Handler for Handler {
    fn mail(&mut self, _ip: IpAddr, _domain: &str, _from: &str) -> Response {
        self.to.clear();
        self.data.clear();
        response::OK
    }

    fn rcpt(&mut self, to: &str) -> Response {
        match self.mode {
            Mode::Reject => Response::custom(550, "5.1.1 Mailbox unavailable".into()),
            Mode::TemporaryFailures(n) if self.refused.fetch_add(1, Ordering::SeqCst) < n => {
                Response::custom(451, "4.3.0 Try again later".into())
            }
            _ => {
                self.to.push(to.to_owned());
                response::OK
            }
        }
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        if !self.delay.is_zero() {
            std::thread::sleep(self.delay);
        }
        self.received.lock().unwrap().push(Received {
            to: std::mem::take(&mut self.to),
            data: std::mem::take(&mut self.data),
        });
        response::OK
    }
}

/// A real SMTP server on a free loopback port, running on its own threads.
pub struct SmtpServer {
    pub port: u16,
    received: Arc<Mutex<Vec<Received>>>,
}

impl SmtpServer {
    pub fn start(mode: Mode) -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        Self::start_on(listener, mode, Duration::ZERO)
    }

    /// A server that offers STARTTLS with this certificate and key (PEM files).
    pub fn start_tls(mode: Mode, cert_path: &str, key_path: &str) -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        Self::start_with(
            listener,
            mode,
            Duration::ZERO,
            mailin_embedded::SslConfig::SelfSigned {
                cert_path: cert_path.to_owned(),
                key_path: key_path.to_owned(),
            },
        )
    }

    pub fn start_on(listener: TcpListener, mode: Mode, delay: Duration) -> SmtpServer {
        Self::start_with(listener, mode, delay, mailin_embedded::SslConfig::None)
    }

    fn start_with(
        listener: TcpListener,
        mode: Mode,
        delay: Duration,
        ssl: mailin_embedded::SslConfig,
    ) -> SmtpServer {
        let port = listener.local_addr().unwrap().port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let handler = Handler {
            mode,
            refused: Arc::new(AtomicUsize::new(0)),
            received: received.clone(),
            to: Vec::new(),
            data: Vec::new(),
            delay,
        };
        let mut server = mailin_embedded::Server::new(handler);
        server
            .with_name("smtp.test")
            .with_num_threads(16)
            .with_tcp_listener(listener);
        server.with_ssl(ssl).expect("the TLS settings load");
        std::thread::spawn(move || {
            let _ = server.serve();
        });
        SmtpServer { port, received }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}?tls=none", self.port)
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    /// Waits until at least `count` messages have arrived.
    pub async fn wait_for(&self, count: usize, within: Duration) -> Vec<Received> {
        let deadline = Instant::now() + within;
        loop {
            let received = self.received();
            if received.len() >= count {
                return received;
            }
            assert!(
                Instant::now() < deadline,
                "{} of {count} messages arrived",
                received.len()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// A test SMTP server answering as `mode`, and a worker with quick retries sending to it.
pub fn server_and_worker(db: &Db, mode: Mode) -> (SmtpServer, Worker) {
    let server = SmtpServer::start(mode);
    let worker = Worker::new(db.clone(), smtp_transport(server.port), fast());
    (server, worker)
}

pub fn smtp_transport(port: u16) -> Transport {
    let settings = SmtpSettings::parse(&format!("smtp://127.0.0.1:{port}?tls=none")).unwrap();
    Transport::Smtp(std::sync::Arc::new(settings.client()))
}

/// Quick retries for the tests.
pub fn fast() -> WorkerConfig {
    WorkerConfig {
        policy: RetryPolicy {
            first_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(1),
            max_attempts: 4,
        },
        idle_poll: Duration::from_millis(50),
        ..WorkerConfig::default()
    }
}

fn sender() -> Mailbox {
    Mailbox::parse("BR-sekretariatet <br-sekretariatet@kk.example.org>").unwrap()
}

pub fn message(to: &str, subject: &str) -> OutgoingMessage {
    OutgoingMessage::new(
        vec![Mailbox::new(Some("Søren Ærø Ågesen"), to).unwrap()],
        Subject::new(subject).unwrap(),
        "Tekst.".into(),
    )
    .unwrap()
}

pub fn enqueue(db: &Db, message: &OutgoingMessage) -> agendum::domain::MessageId {
    let mut conn = db.conn().unwrap();
    write_transaction(&mut conn, |conn| {
        agendum::mail::enqueue(conn, &sender(), message)
    })
    .unwrap()
}

async fn status_of(db: &Db, id: agendum::domain::MessageId) -> outbox::StoredMessage {
    db.run(move |conn| outbox::get(conn, id))
        .await
        .unwrap()
        .unwrap()
}

/// Runs the worker until the message has reached `status` (or fails after `within`).
pub async fn run_until(
    worker: &Worker,
    db: &Db,
    id: agendum::domain::MessageId,
    status: OutboxStatus,
    within: Duration,
) -> outbox::StoredMessage {
    let deadline = Instant::now() + within;
    loop {
        let stored = status_of(db, id).await;
        if stored.status == status {
            return stored;
        }
        assert!(
            Instant::now() < deadline,
            "message {id} is {:?}, not {status:?}: {:?}",
            stored.status,
            stored.last_error
        );
        if worker.run_once().await.unwrap() == 0 {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

on_both_backends!(
    delivers_a_well_formed_danish_message,
    a_rolled_back_change_sends_nothing,
    connection_refused_then_accepted_is_retried,
    temporary_replies_are_retried,
    permanent_failure_is_a_dead_letter_that_can_be_requeued,
    invalid_recipients_are_refused_when_the_message_is_created,
    the_server_worker_delivers_what_is_enqueued,
    sigkill_during_delivery_loses_nothing,
    development_mailbox_shows_what_would_be_sent,
);

async fn delivers_a_well_formed_danish_message(backend: Backend) {
    let Some((db, _guard)) = database(backend, false) else {
        return;
    };
    let (server, worker) = server_and_worker(&db, Mode::Accept);
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Agendum//DA\r\nEND:VCALENDAR\r\n";
    let mut m = message(
        "okf@example.org",
        "Dagsorden – mødet 30.04.2025 i Borgerrepræsentationen",
    )
    .html("<p>Dagsorden for mødet i Borgerrepræsentationen – æ, ø, å.</p>".into())
    .attach(
        Attachment::new(
            "møde-30.04.2025.ics",
            "text/calendar; method=REQUEST",
            ics.as_bytes().to_vec(),
        )
        .unwrap(),
    )
    .concerning("meeting", 1);
    m.text = "Dagsordenen er udsendt. Æ, ø og å står rigtigt.".into();
    m.reply_to = Some(sender());
    let id = enqueue(&db, &m);
    let stored = run_until(
        &worker,
        &db,
        id,
        OutboxStatus::Sent,
        Duration::from_secs(10),
    )
    .await;
    assert_eq!(stored.attempts, 1);
    let received = server.wait_for(1, Duration::from_secs(5)).await;
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].to, vec!["okf@example.org".to_owned()]);
    let raw = String::from_utf8_lossy(&received[0].data).to_string();
    // Headers are 7-bit: Danish letters travel encoded (RFC 2047), never raw.
    let head = &raw[..raw.find("\r\n\r\n").unwrap()];
    assert!(head.is_ascii(), "{head}");
    let parsed = received[0].parsed();
    assert_eq!(
        parsed.subject(),
        Some("Dagsorden – mødet 30.04.2025 i Borgerrepræsentationen")
    );
    assert_eq!(
        format!("<{}>", parsed.message_id().unwrap()),
        stored.message_id
    );
    let to = parsed.to().unwrap().first().unwrap();
    assert_eq!(to.name(), Some("Søren Ærø Ågesen"));
    assert_eq!(
        parsed.from().unwrap().first().unwrap().address(),
        Some("br-sekretariatet@kk.example.org")
    );
    assert!(parsed.reply_to().is_some());
    assert!(parsed.date().is_some());
    assert_eq!(
        parsed.body_text(0).unwrap().trim(),
        "Dagsordenen er udsendt. Æ, ø og å står rigtigt."
    );
    assert!(parsed.body_html(0).unwrap().contains("æ, ø, å"));
    assert!(head.contains("multipart/mixed"), "{head}");
    assert!(raw.contains("multipart/alternative"));
    let attachment = parsed.attachment(0).expect("the iCalendar attachment");
    use mail_parser::MimeHeaders;
    assert_eq!(attachment.attachment_name(), Some("møde-30.04.2025.ics"));
    let ct = attachment.content_type().unwrap();
    assert_eq!((ct.ctype(), ct.subtype()), ("text", Some("calendar")));
    assert_eq!(attachment.contents(), ics.as_bytes());
}

async fn a_rolled_back_change_sends_nothing(backend: Backend) {
    let Some((db, _guard)) = database(backend, false) else {
        return;
    };
    let mut conn = db.conn().unwrap();
    let result: Result<(), AppError> = write_transaction(&mut conn, |conn| {
        agendum::mail::enqueue(conn, &sender(), &message("a@example.org", "Kvittering"))?;
        Err(AppError::conflict(
            "the change failed after the message was written",
        ))
    });
    assert!(result.is_err());
    let (messages, total) = outbox::list(&mut conn, None, 0, 10).unwrap();
    assert_eq!((messages.len(), total), (0, 0));
}

async fn connection_refused_then_accepted_is_retried(backend: Backend) {
    let Some((db, _guard)) = database(backend, false) else {
        return;
    };
    // A port nobody listens on yet: connections are refused.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let worker = Worker::new(db.clone(), smtp_transport(port), fast());
    let id = enqueue(&db, &message("a@example.org", "Påmindelse"));
    worker.run_once().await.unwrap();
    let stored = status_of(&db, id).await;
    assert_eq!(stored.status, OutboxStatus::Pending);
    assert_eq!(stored.attempts, 1);
    assert!(stored.last_error.is_some());
    assert!(stored.next_attempt_at > stored.created_at, "backed off");
    // The server comes up on that port; the retry delivers.
    let server = SmtpServer::start_on(
        TcpListener::bind(("127.0.0.1", port)).unwrap(),
        Mode::Accept,
        Duration::ZERO,
    );
    let stored = run_until(
        &worker,
        &db,
        id,
        OutboxStatus::Sent,
        Duration::from_secs(10),
    )
    .await;
    assert!(stored.attempts >= 2);
    assert_eq!(
        server.wait_for(1, Duration::from_secs(5)).await[0].message_id(),
        stored.message_id.trim_matches(['<', '>'])
    );
}

async fn temporary_replies_are_retried(backend: Backend) {
    let Some((db, _guard)) = database(backend, false) else {
        return;
    };
    let (server, worker) = server_and_worker(&db, Mode::TemporaryFailures(2));
    let id = enqueue(&db, &message("a@example.org", "Påmindelse"));
    let stored = run_until(
        &worker,
        &db,
        id,
        OutboxStatus::Sent,
        Duration::from_secs(15),
    )
    .await;
    assert_eq!(stored.attempts, 3, "two 451 replies, then delivered");
    assert_eq!(server.received().len(), 1);
}

async fn permanent_failure_is_a_dead_letter_that_can_be_requeued(backend: Backend) {
    let Some((db, _guard)) = database(backend, false) else {
        return;
    };
    let (server, worker) = server_and_worker(&db, Mode::Reject);
    let id = enqueue(&db, &message("nobody@example.org", "Opgave"));
    let stored = run_until(
        &worker,
        &db,
        id,
        OutboxStatus::Dead,
        Duration::from_secs(10),
    )
    .await;
    assert_eq!(stored.attempts, 1, "a 5xx is not retried");
    assert!(
        stored.last_error.as_deref().unwrap_or("").contains("550"),
        "{:?}",
        stored.last_error
    );
    assert!(server.received().is_empty());
    let mut conn = db.conn().unwrap();
    outbox::requeue(&mut conn, id, chrono::Utc::now()).unwrap();
    let again = outbox::get(&mut conn, id).unwrap().unwrap();
    assert_eq!((again.status, again.attempts), (OutboxStatus::Pending, 0));
    let err = outbox::requeue(&mut conn, id, chrono::Utc::now()).unwrap_err();
    assert_eq!(
        err.kind,
        ErrorKind::Conflict,
        "only dead messages are requeued"
    );
    let counts: HashMap<_, _> = outbox::counts(&mut conn).unwrap().into_iter().collect();
    assert_eq!(counts[&OutboxStatus::Pending], 1);
}

async fn invalid_recipients_are_refused_when_the_message_is_created(backend: Backend) {
    let Some((db, _guard)) = database(backend, false) else {
        return;
    };
    assert!(Mailbox::new(None, "not-an-address").is_err());
    assert!(Mailbox::new(Some("Eve\r\nBcc: all@example.org"), "eve@example.org").is_err());
    assert!(Subject::new("Hej\r\nBcc: all@example.org").is_err());
    // An address our own check lets through but lettre would not send to is refused at once.
    let odd = OutgoingMessage::new(
        vec![Mailbox {
            name: None,
            email: "a@-bad-.example".into(),
        }],
        Subject::new("Test").unwrap(),
        String::new(),
    )
    .unwrap();
    let mut conn = db.conn().unwrap();
    let err = write_transaction(&mut conn, |conn| {
        agendum::mail::enqueue(conn, &sender(), &odd)
    })
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::BadRequest);
    assert_eq!(outbox::list(&mut conn, None, 0, 10).unwrap().1, 0);
}

/// The worker inside the application: what is enqueued arrives without anyone asking.
async fn the_server_worker_delivers_what_is_enqueued(backend: Backend) {
    let Some((url, database)) = crate::helpers::fresh_database(backend) else {
        return;
    };
    let server = SmtpServer::start(Mode::Accept);
    let mut settings = crate::helpers::settings(url, false);
    settings.smtp = Some(SmtpSettings::parse(&server.url()).unwrap());
    settings.mail = fast();
    let app = agendum::app::Application::build(settings).unwrap();
    let db = app.db().clone();
    tokio::spawn(app.run_until_stopped());
    for n in 0..5 {
        enqueue(
            &db,
            &message(&format!("modtager{n}@example.org"), "Dagsorden udsendt"),
        );
    }
    let received = server.wait_for(5, Duration::from_secs(10)).await;
    assert_eq!(received.len(), 5);
    drop(database);
}

fn postgres_url(url: &DatabaseUrl) -> String {
    match url {
        DatabaseUrl::Postgres(u) => u.clone(),
        DatabaseUrl::Sqlite(_) => panic!("a PostgreSQL database"),
    }
}

/// Two workers with their own pools on one PostgreSQL database deliver 500 messages once
/// between them.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_workers_on_postgres_deliver_each_message_once() {
    let Some((url, _guard)) = crate::helpers::fresh_database(Backend::Postgres) else {
        return;
    };
    let server = SmtpServer::start(Mode::Accept);
    let db_a =
        agendum::app::prepare_database(&crate::helpers::settings(url.clone(), false)).unwrap();
    let db_b = Db::connect(&DatabaseUrl::Postgres(postgres_url(&url))).unwrap();
    for n in 0..500 {
        enqueue(&db_a, &message(&format!("m{n}@example.org"), "Opgave"));
    }
    let config = WorkerConfig {
        batch: 20,
        ..fast()
    };
    let a = Worker::new(db_a.clone(), smtp_transport(server.port), config);
    let b = Worker::new(db_b.clone(), smtp_transport(server.port), config);
    let drain = |w: Worker| async move {
        let mut claimed = 0;
        loop {
            let n = w.run_once().await.unwrap();
            if n == 0 {
                return claimed;
            }
            claimed += n;
        }
    };
    let (claimed_a, claimed_b) = tokio::join!(drain(a), drain(b));
    assert_eq!(claimed_a + claimed_b, 500);
    assert!(
        claimed_a > 0 && claimed_b > 0,
        "both took part: {claimed_a} and {claimed_b}"
    );
    let received = server.wait_for(500, Duration::from_secs(10)).await;
    let mut ids: Vec<String> = received.iter().map(Received::message_id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!((received.len(), ids.len()), (500, 500), "each message once");
    let mut conn = db_a.conn().unwrap();
    let counts: HashMap<_, _> = outbox::counts(&mut conn).unwrap().into_iter().collect();
    assert_eq!(counts[&OutboxStatus::Sent], 500);
}

fn url_text(url: &DatabaseUrl) -> String {
    match url {
        DatabaseUrl::Sqlite(path) => format!("sqlite://{}", path.display()),
        DatabaseUrl::Postgres(u) => u.clone(),
    }
}

fn serve_child(url: &DatabaseUrl, smtp: &SmtpServer) -> std::process::Child {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_agendum"));
    for (key, _) in std::env::vars() {
        if key.starts_with("AGENDUM_") {
            cmd.env_remove(key);
        }
    }
    cmd.current_dir(std::env::temp_dir())
        .env("AGENDUM_DATABASE_URL", url_text(url))
        .env("AGENDUM_SMTP_URL", smtp.url())
        .env("AGENDUM_BIND", "127.0.0.1:0")
        .env("AGENDUM_DEMO", "false")
        .env("AGENDUM_MAIL_CLAIM_SECONDS", "1")
        .env("AGENDUM_LOG", "error")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("agendum serve starts")
}

/// `agendum serve` is killed with SIGKILL while it delivers; after a restart every message
/// arrives, and only the few in flight at the kill arrive twice, with the same Message-ID.
async fn sigkill_during_delivery_loses_nothing(backend: Backend) {
    const COUNT: usize = 300;
    let Some((url, _guard)) = crate::helpers::fresh_database(backend) else {
        return;
    };
    let db = agendum::app::prepare_database(&crate::helpers::settings(url.clone(), false)).unwrap();
    for n in 0..COUNT {
        enqueue(
            &db,
            &message(
                &format!("m{n}@example.org"),
                "Opgave fra Borgerrepræsentationen",
            ),
        );
    }
    // A slow server, so the kill lands in the middle of the work.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let server = SmtpServer::start_on(listener, Mode::Accept, Duration::from_millis(10));
    let mut first = serve_child(&url, &server);
    server.wait_for(COUNT / 5, Duration::from_secs(30)).await;
    first.kill().unwrap(); // SIGKILL
    first.wait().unwrap();
    let at_kill = server.received().len();
    assert!(
        at_kill < COUNT,
        "the kill came too late to test anything ({at_kill})"
    );
    // What the outbox had recorded as sent when the process died.
    let recorded: std::collections::HashSet<String> = db
        .run(|conn| outbox::list(conn, Some(OutboxStatus::Sent), 0, COUNT as i64))
        .await
        .unwrap()
        .0
        .into_iter()
        .map(|m| m.message_id.trim_matches(['<', '>']).to_owned())
        .collect();

    let mut second = serve_child(&url, &server);
    let deadline = Instant::now() + Duration::from_secs(60);
    let sent = loop {
        let counts: HashMap<_, _> = db.run(outbox::counts).await.unwrap().into_iter().collect();
        if counts[&OutboxStatus::Sent] as usize == COUNT {
            break counts;
        }
        assert!(
            Instant::now() < deadline,
            "not all sent after the restart: {counts:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    second.kill().unwrap();
    second.wait().unwrap();
    assert_eq!(sent[&OutboxStatus::Dead], 0);
    let received = server.received();
    let mut times: HashMap<String, usize> = HashMap::new();
    for r in &received {
        *times.entry(r.message_id()).or_default() += 1;
    }
    assert_eq!(times.len(), COUNT, "every message arrived");
    let repeated: Vec<&String> = times
        .iter()
        .filter(|(_, n)| **n > 1)
        .map(|(id, _)| id)
        .collect();
    eprintln!(
        "kill test ({backend:?}): {at_kill} delivered before the kill, {} recorded as sent, {} delivered twice",
        recorded.len(),
        repeated.len()
    );
    // Only messages in flight at the kill (delivered, not yet recorded) may arrive twice; they
    // carry the same Message-ID (they are counted by it above).
    for id in &repeated {
        assert!(
            !recorded.contains(*id),
            "{id} was recorded as sent and still sent again"
        );
    }
    let in_flight = WorkerConfig::default().concurrency + agendum::mail::worker::RECORD_BATCH;
    assert!(
        repeated.len() <= in_flight && times.values().all(|n| *n <= 2),
        "{times:?}"
    );
}

/// Waits for the worker to write the outbox message `id` into the development mailbox.
pub async fn mailbox_file(dir: &std::path::Path, id: agendum::domain::MessageId) -> String {
    let id = id.0;
    let name = format!("{id:010}.eml");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !dir.join(&name).exists() {
        assert!(
            Instant::now() < deadline,
            "{name} did not arrive in the development mailbox"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    name
}

pub fn rich_message() -> OutgoingMessage {
    message(
        "okf@example.org",
        "Opgave: svar på medlemsforslag om X – frist 30.06.2025",
    )
    .html("<p>Hej Økonomiforvaltningen</p><script>alert(1)</script>".into())
    .attach(
        Attachment::new(
            "frist.ics",
            "text/calendar",
            b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".to_vec(),
        )
        .unwrap(),
    )
}

async fn development_mailbox_shows_what_would_be_sent(backend: Backend) {
    let Some(test_app) = crate::helpers::spawn_app(backend).await else {
        return;
    };
    let app = &test_app;
    let id = enqueue(&app.db, &rich_message());
    let file = mailbox_file(app.mail_dir.path(), id).await;
    // Mail carries links that act for its recipients: the mailbox is the secretariat's.
    assert_eq!(app.get("/dev/mailbox").await.status().as_u16(), 303);
    let app = app.login("sekretariat@example.org", "demo").await;
    let list = app.get_text("/dev/mailbox", 200).await;
    assert!(
        list.contains("Opgave: svar på medlemsforslag om X – frist 30.06.2025"),
        "{list}"
    );
    assert!(list.contains(&format!("/dev/mailbox/{file}")));
    let page = app.get_text(&format!("/dev/mailbox/{file}"), 200).await;
    assert!(
        page.contains("Søren Ærø Ågesen &lt;okf@example.org&gt;"),
        "{page}"
    );
    assert!(page.contains("Tekst."), "the text part");
    let text = crate::helpers::text_of(&page);
    assert!(
        text.contains("frist.ics (text/calendar, 32 bytes)"),
        "{text}"
    );
    let html = app.get(&format!("/dev/mailbox/{file}/html")).await;
    let csp = html.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.starts_with("sandbox") && csp.contains("default-src 'none'"),
        "{csp}"
    );
    assert!(
        html.text()
            .await
            .unwrap()
            .contains("Hej Økonomiforvaltningen")
    );
    let ics = app.get(&format!("/dev/mailbox/{file}/attachments/0")).await;
    assert_eq!(
        ics.bytes().await.unwrap().as_ref(),
        b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    );
    let raw = app.get_text(&format!("/dev/mailbox/{file}/raw"), 200).await;
    let db = test_app.db.clone();
    let stored = db.run(move |c| outbox::get(c, id)).await.unwrap().unwrap();
    assert!(
        raw.contains(&format!("Message-ID: {}", stored.message_id)),
        "{raw}"
    );
    assert_eq!(stored.status, OutboxStatus::Sent);
    for bad in [
        "/dev/mailbox/..%2F..%2Fetc%2Fpasswd",
        "/dev/mailbox/abc.eml",
        "/dev/mailbox/9999999999.eml",
        "/dev/mailbox/0000000001.eml/attachments/9",
    ] {
        app.get_text(bad, 404).await;
    }
}
