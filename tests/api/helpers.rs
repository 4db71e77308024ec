//! The test harness: builds Agendum from settings, bound to port 0, on a database of its own.

use std::path::PathBuf;
use std::sync::Once;
use std::sync::atomic::{AtomicU32, Ordering};

use agendum::app::Application;
use agendum::config::{DatabaseUrl, Settings};
use agendum::db::Db;
use diesel::{Connection, PgConnection, RunQueryDsl};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Generates one test per backend from an `async fn name(backend: Backend)`.
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::helpers::Backend::Sqlite).await
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::helpers::Backend::Postgres).await
                }
            )*
        }
    };
}
pub(crate) use on_both_backends;

pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// The PostgreSQL server to create test databases on. Locally a missing setting skips the
/// PostgreSQL half with a notice; in CI it fails the run.
pub fn postgres_admin_url() -> Option<String> {
    match std::env::var("AGENDUM_TEST_POSTGRES_URL") {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ if in_ci() => panic!(
            "CI=true but AGENDUM_TEST_POSTGRES_URL is not set: the PostgreSQL tests must run in CI"
        ),
        _ => {
            static NOTICE: Once = Once::new();
            NOTICE.call_once(|| {
                notice("AGENDUM_TEST_POSTGRES_URL is not set; PostgreSQL tests are skipped")
            });
            None
        }
    }
}

/// A database that exists for one test and is removed after it.
pub enum TestDatabase {
    // Held for its lifetime: the directory goes when the test ends.
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let TestDatabase::Postgres { admin_url, name } = self
            && let Ok(mut conn) = PgConnection::establish(admin_url)
        {
            // FORCE ends the app's pooled connections, which outlive the test's runtime.
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .execute(&mut conn);
        }
    }
}

fn unique_name() -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "agendum_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        nanos
    )
}

/// Replaces the database name (the path) of a PostgreSQL URL.
fn with_database(url: &str, name: &str) -> String {
    let (scheme, rest) = url.split_once("://").expect("a postgres:// URL");
    let (authority, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let query = tail.find('?').map(|i| &tail[i..]).unwrap_or("");
    format!("{scheme}://{authority}/{name}{query}")
}

/// A new, empty database of the backend, or `None` when PostgreSQL is not configured locally.
pub fn fresh_database(backend: Backend) -> Option<(DatabaseUrl, TestDatabase)> {
    match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().expect("a temporary directory");
            let path: PathBuf = dir.path().join("data").join("agendum.db");
            Some((DatabaseUrl::Sqlite(path), TestDatabase::Sqlite(dir)))
        }
        Backend::Postgres => {
            let admin_url = postgres_admin_url()?;
            let name = unique_name();
            let mut conn = PgConnection::establish(&admin_url)
                .unwrap_or_else(|e| panic!("cannot reach the test PostgreSQL server: {e}"));
            diesel::sql_query(format!("CREATE DATABASE {name}"))
                .execute(&mut conn)
                .expect("CREATE DATABASE");
            let url = with_database(&admin_url, &name);
            Some((
                DatabaseUrl::Postgres(url),
                TestDatabase::Postgres { admin_url, name },
            ))
        }
    }
}

pub fn settings(database_url: DatabaseUrl, demo: bool) -> Settings {
    Settings {
        database_url,
        bind: "127.0.0.1:0".parse().expect("an address"),
        base_url: "http://agendum.test".into(),
        demo,
        log: "warn".into(),
        ..Settings::default()
    }
}

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub db: Db,
    /// Where its database is, for a second node on the same one.
    pub database_url: DatabaseUrl,
    /// The development mailbox of this app.
    pub mail_dir: tempfile::TempDir,
    stop_worker: tokio::sync::watch::Sender<bool>,
    _database: TestDatabase,
}

impl Drop for TestApp {
    /// The worker stops before the test's database goes (then dropped with the fields).
    fn drop(&mut self) {
        let _ = self.stop_worker.send(true);
    }
}

impl TestApp {
    /// The demo organization of this name.
    pub fn organization_id(&self, name: &str) -> agendum::domain::OrganizationId {
        agendum::db::organizations::list(&mut self.conn())
            .unwrap()
            .into_iter()
            .find(|o| o.name == name)
            .unwrap_or_else(|| panic!("{name} is in the demo"))
            .id
    }

    /// The seed meeting's member proposal on its released agenda: the item and the proposal.
    pub fn seed_item(&self) -> (agendum::domain::AgendaItemId, agendum::domain::ProposalId) {
        let agenda =
            agendum::db::agenda::released(&mut self.conn(), agendum::domain::MeetingId(1), None)
                .unwrap()
                .expect("the seed agenda is released");
        agenda
            .snapshot
            .items
            .iter()
            .find_map(|i| i.proposal.as_ref().map(|p| (i.id, p.id)))
            .expect("the seed proposal is on the agenda")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("the request is answered")
    }

    /// GET, expecting 200; returns the body's bytes (a PDF, a file).
    pub async fn get_bytes(&self, path: &str) -> Vec<u8> {
        bytes_of(self.get(path).await, path).await
    }

    /// GET, expecting `status`; returns the body.
    pub async fn get_text(&self, path: &str, status: u16) -> String {
        let response = self.get(path).await;
        let actual = response.status().as_u16();
        let body = response.text().await.expect("a body");
        assert_eq!(actual, status, "GET {path}: {body}");
        body
    }

    pub async fn get_json(&self, path: &str, status: u16) -> serde_json::Value {
        let body = self.get_text(path, status).await;
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("GET {path}: not JSON ({e}): {body}"))
    }

    pub fn conn(&self) -> agendum::db::PooledDbConnection {
        self.db.conn().expect("a database connection")
    }

    /// A client that keeps cookies like a browser (and does not follow redirects).
    pub fn browser(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("an HTTP client")
    }

    /// Logs in through the login form; panics unless it succeeds.
    pub async fn login(&self, email: &str, password: &str) -> Session {
        let client = self.browser();
        let response = submit_login(self, &client, email, password).await;
        assert_eq!(
            response.status().as_u16(),
            303,
            "login as {email}: {}",
            response.text().await.unwrap_or_default()
        );
        let mut session = Session {
            client,
            csrf: String::new(),
            base: self.address.clone(),
        };
        let page = session.get_text("/", 200).await;
        session.csrf = csrf_of(&page).expect("a logged-in page carries the session's CSRF token");
        session
    }
}

/// Posts the login form as a browser would (first fetching the form and its token).
pub async fn submit_login(
    app: &TestApp,
    client: &reqwest::Client,
    email: &str,
    password: &str,
) -> reqwest::Response {
    let csrf = form_token(app, client).await;
    client
        .post(app.url("/login"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", email),
            ("password", password),
        ])
        .send()
        .await
        .expect("the login is answered")
}

/// The CSRF token a browser gets with the login form (and its form cookie).
pub async fn form_token(app: &TestApp, client: &reqwest::Client) -> String {
    let form = client
        .get(app.url("/login"))
        .send()
        .await
        .expect("the login page answers")
        .text()
        .await
        .expect("a body");
    csrf_of(&form).expect("the login form has a CSRF token")
}

/// A second politician account ("anden@example.org", password "en anden adgangskode") for
/// person 2, a member of Borgerrepræsentationen: the "other politician" of permission tables.
pub fn add_other_politician(app: &TestApp) {
    agendum::service::accounts::add_user(
        &mut app.conn(),
        &agendum::service::accounts::UserRequest {
            email: "anden@example.org",
            name: "Anden Politiker",
            role: "politician",
            organization: None,
            person: Some("2"),
        },
        &agendum::domain::account::NewPassword::parse("en anden adgangskode").unwrap(),
    )
    .unwrap();
}

/// The value of the first `csrf` hidden field of a page.
pub fn csrf_of(html: &str) -> Option<String> {
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_owned())
}

/// A logged-in browser.
pub struct Session {
    pub client: reqwest::Client,
    /// The session's CSRF token, as its pages carry it.
    pub csrf: String,
    base: String,
}

impl Session {
    pub fn new(client: reqwest::Client, csrf: String, base: String) -> Self {
        Self { client, csrf, base }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("the request is answered")
    }

    /// GET, expecting 200; returns the body's bytes (a PDF, a file).
    pub async fn get_bytes(&self, path: &str) -> Vec<u8> {
        bytes_of(self.get(path).await, path).await
    }

    pub async fn get_text(&self, path: &str, status: u16) -> String {
        let response = self.get(path).await;
        let actual = response.status().as_u16();
        let body = response.text().await.expect("a body");
        assert_eq!(actual, status, "GET {path}: {body}");
        body
    }

    /// What the page at `location` (where a change sent the browser) says was done: the text of
    /// the layout's notice box. The notice is said once: the next page has none.
    pub async fn notice_at(&self, location: &str) -> String {
        let page = self.get_text(location, 200).await;
        let notice = page
            .split_once("<p class=\"notice\" role=\"status\">")
            .and_then(|(_, rest)| rest.split_once("</p>"))
            .map(|(text, _)| text_of(text))
            .unwrap_or_else(|| panic!("no notice on {location}: {page}"));
        let again = self.get_text(location, 200).await;
        assert!(
            !again.contains("<p class=\"notice\" role=\"status\">"),
            "the notice is said once: {again}"
        );
        notice
    }

    /// A form posted with the session's token, its answer read: status, redirect, body.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Posted {
        Posted::read(self.post_form(path, fields).await).await
    }

    /// Posts a form with the session's CSRF token added.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let mut all: Vec<(&str, &str)> = vec![("csrf", self.csrf.as_str())];
        all.extend_from_slice(fields);
        self.client
            .post(self.url(path))
            .form(&all)
            .send()
            .await
            .expect("the request is answered")
    }
}

/// What a form post was answered with.
pub struct Posted {
    pub status: u16,
    /// Where it redirects; empty when it does not.
    pub location: String,
    pub body: String,
}

impl Posted {
    /// A response to a post, read whole.
    pub async fn read(r: reqwest::Response) -> Self {
        let status = r.status().as_u16();
        let location = r
            .headers()
            .get("location")
            .map(|l| l.to_str().unwrap().to_owned())
            .unwrap_or_default();
        Posted {
            status,
            location,
            body: r.text().await.unwrap(),
        }
    }

    pub fn parts(self) -> (u16, String, String) {
        (self.status, self.location, self.body)
    }

    /// The status and what the answer says: where it redirects, else its body.
    pub fn said(self) -> (u16, String) {
        let said = if self.location.is_empty() {
            self.body
        } else {
            self.location
        };
        (self.status, said)
    }

    /// The status and the body.
    pub fn page(self) -> (u16, String) {
        (self.status, self.body)
    }
}

/// Agendum with the demo data, serving on a free port.
pub async fn spawn_app(backend: Backend) -> Option<TestApp> {
    spawn_app_with(backend, true).await
}

pub async fn spawn_app_with(backend: Backend, demo: bool) -> Option<TestApp> {
    spawn_app_configured(backend, demo, |_| {}).await
}

/// An app with some settings changed from the tests' defaults.
pub async fn spawn_app_configured(
    backend: Backend,
    demo: bool,
    configure: impl FnOnce(&mut Settings),
) -> Option<TestApp> {
    let (url, database) = fresh_database(backend)?;
    let mail_dir = tempfile::tempdir().expect("a temporary directory");
    let mut settings = settings(url.clone(), demo);
    configure(&mut settings);
    settings.mail_dir = mail_dir.path().to_owned();
    settings.mail.idle_poll = std::time::Duration::from_millis(100);
    let app = Application::build(settings).expect("the application starts");
    let address = app.address().to_owned();
    let db = app.db().clone();
    let stop_worker = app.worker_stopper();
    tokio::spawn(app.run_until_stopped());
    Some(TestApp {
        address,
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("an HTTP client"),
        db,
        database_url: url,
        mail_dir,
        stop_worker,
        _database: database,
    })
}

/// A second app node on `app`'s database (no demo of its own, no mail worker); its address.
pub async fn second_node(app: &TestApp) -> String {
    let node = Application::build(settings(app.database_url.clone(), false))
        .expect("the second node starts");
    let address = node.address().to_owned();
    // Its worker is stopped at once: the first node sends the mail.
    let _ = node.worker_stopper().send(true);
    tokio::spawn(node.run_until_stopped());
    address
}

/// A database of its own with migrations applied and (optionally) the demo, without a server.
pub fn database(backend: Backend, demo: bool) -> Option<(Db, TestDatabase)> {
    let (url, database) = fresh_database(backend)?;
    let db = agendum::app::prepare_database(&settings(url, demo)).expect("the database opens");
    Some((db, database))
}

/// The visible text of an HTML fragment: tags dropped (block elements separate words, inline
/// ones do not), entities decoded, whitespace collapsed.
pub fn text_of(html: &str) -> String {
    const BLOCKS: [&str; 24] = [
        "p", "li", "ol", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "div", "article", "section",
        "header", "footer", "nav", "main", "dt", "dd", "dl", "br", "tr", "td", "title",
    ];
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[start + 1..start + end];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if BLOCKS.contains(&name.as_str()) {
            out.push(' ');
        }
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    let decoded = decode_entities(&out);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let Some(end) = after.find(';').filter(|e| *e <= 10) else {
            out.push('&');
            rest = &after[1..];
            continue;
        };
        let entity = &after[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            _ if entity.starts_with("#x") => u32::from_str_radix(&entity[2..], 16)
                .ok()
                .and_then(char::from_u32),
            _ if entity.starts_with('#') => entity[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The part of `html` from the element that opens with `start` to its matching `</tag>`, for
/// elements that do not nest in themselves (articles, sections).
pub fn element<'a>(html: &'a str, start: &str, tag: &str) -> &'a str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in the page"));
    let close = format!("</{tag}>");
    let to = html[from..]
        .find(&close)
        .unwrap_or_else(|| panic!("{start} is not closed"))
        + from
        + close.len();
    &html[from..to]
}

/// The corrected seed agenda the demo reproduces word for word, kept in the repository
/// (`tests/fixtures/seed-corrected.md`) so that a clone on any machine runs every check. When
/// the product folder is beside the checkout, its copy must not have moved on from ours.
pub fn seed_corrected() -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let fixture = root.join("tests/fixtures/seed-corrected.md");
    let text =
        std::fs::read_to_string(&fixture).unwrap_or_else(|e| panic!("{}: {e}", fixture.display()));
    if let Ok(shared) = std::fs::read_to_string(root.join("../shared/product/seed-corrected.md")) {
        assert_eq!(
            shared, text,
            "../shared/product/seed-corrected.md changed: update tests/fixtures/seed-corrected.md"
        );
    }
    text
}

/// The indented block of `seed-corrected.md` that follows the line starting with `heading`.
pub fn seed_block(seed: &str, heading: &str) -> String {
    let mut lines = seed.lines().skip_while(|l| !l.starts_with(heading)).skip(1);
    let mut block = Vec::new();
    for line in lines.by_ref() {
        if line.starts_with("    ") || line.trim().is_empty() {
            block.push(line.trim());
        } else {
            break;
        }
    }
    block
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn text_of_decodes_what_tera_escapes() {
    assert_eq!(
        text_of("<p>a &amp; b</p><p>(<a href=\"&#x2F;x\">K&#x27;s</a>)</p>"),
        "a & b (K's)"
    );
    assert_eq!(
        with_database("postgres://u@h:5432/test?sslmode=disable", "x"),
        "postgres://u@h:5432/x?sslmode=disable"
    );
    assert_eq!(with_database("postgres://u@h", "x"), "postgres://u@h/x");
}

/// A skip notice the test runner does not capture (it captures only the print macros), so a
/// developer sees what did not run.
pub fn notice(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "notice: {text}");
}

/// Releases a meeting's agenda as the secretariat would have, before the meeting (so a past
/// meeting such as the seed's can get a new version in a test), with a reason in case it is late.
pub fn release_before_meeting(
    conn: &mut agendum::db::DbConnection,
    meeting: agendum::domain::MeetingId,
) -> agendum::AppResult<agendum::db::agenda::Released> {
    let starts_at = agendum::db::meetings::get(conn, meeting)?
        .map(|m| m.starts_at)
        .unwrap_or_else(chrono::Utc::now);
    agendum::service::agenda::release_version(
        conn,
        &agendum::db::agenda::ReleaseRequest {
            meeting_id: meeting,
            released_at: (starts_at - chrono::Duration::hours(1)).min(chrono::Utc::now()),
            released_by: None,
            late_reason: Some("Test"),
            expected_lock: None,
        },
    )
}

async fn bytes_of(response: reqwest::Response, path: &str) -> Vec<u8> {
    assert_eq!(response.status().as_u16(), 200, "{path}");
    response.bytes().await.expect("a body").to_vec()
}

/// A new API token for the account `email`.
pub fn api_token(app: &TestApp, email: &str) -> String {
    agendum::service::accounts::create_token(&mut app.conn(), email, None).unwrap()
}

/// One JSON API request: the status and the body (as JSON, or as a string when it is not).
pub async fn api_call(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    token: Option<&str>,
    body: Option<serde_json::Value>,
) -> (u16, serde_json::Value) {
    let mut request = app.client.request(method, app.url(path));
    if let Some(t) = token {
        request = request.bearer_auth(t);
    }
    if let Some(b) = body {
        request = request.json(&b);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)),
    )
}

/// The audit log's actions for one subject, oldest first.
pub fn audit_actions(app: &TestApp, kind: &'static str, id: i64) -> Vec<String> {
    agendum::db::audit::for_subject(
        &mut app.conn(),
        agendum::db::audit::SubjectKind(kind).with(id),
    )
    .unwrap()
    .into_iter()
    .map(|e| e.action)
    .collect()
}
