//! The `agendum` command as an operator runs it: defaults, bad settings, exit codes.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::helpers::{Backend, fresh_database};

pub(crate) fn agendum(dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_agendum"));
    cmd.current_dir(dir);
    // Only what the test sets: no stray AGENDUM_* from the developer's shell.
    for (key, _) in std::env::vars() {
        if key.starts_with("AGENDUM_") {
            cmd.env_remove(key);
        }
    }
    cmd.env("AGENDUM_LOG", "warn");
    cmd
}

/// Runs to the end; asserts exit code 1 and a single clear line on standard error.
fn fails_with_one_line(cmd: &mut Command, expected: &str) {
    let out = cmd.output().expect("agendum runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line: {stderr}");
    assert!(lines[0].starts_with("agendum: error: "), "{stderr}");
    assert!(lines[0].contains(expected), "«{expected}» in {stderr}");
    assert!(!stderr.contains("panicked"));
}

#[test]
fn bad_database_settings_fail_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    fails_with_one_line(
        agendum(dir.path())
            .arg("migrate")
            .env("AGENDUM_DATABASE_URL", "mysql://root@localhost/agendum"),
        "unknown scheme 'mysql'",
    );
    fails_with_one_line(
        agendum(dir.path()).env(
            "AGENDUM_DATABASE_URL",
            "postgres://postgres@127.0.0.1:1/agendum",
        ),
        "cannot open the database postgres://postgres@127.0.0.1:1/agendum",
    );
    // /proc refuses new files even to root, so it stands in for a read-only data directory.
    fails_with_one_line(
        agendum(dir.path())
            .arg("serve")
            .env("AGENDUM_DATABASE_URL", "sqlite:///proc/agendum/agendum.db"),
        "cannot create the data directory /proc/agendum",
    );
    fails_with_one_line(
        agendum(dir.path()).env("AGENDUM_DATABASE_URL", "sqlite:///proc/agendum.db"),
        "cannot open the database /proc/agendum.db",
    );
    fails_with_one_line(
        agendum(dir.path()).env("AGENDUM_BIND", "not an address"),
        "AGENDUM_BIND",
    );
    fails_with_one_line(
        agendum(dir.path()).env("AGENDUM_DEMO", "perhaps"),
        "AGENDUM_DEMO",
    );
    std::fs::write(dir.path().join("agendum.toml"), "bind = [").unwrap();
    fails_with_one_line(&mut agendum(dir.path()), "agendum.toml");
}

#[test]
fn migrate_then_demo_on_a_fresh_directory() {
    let dir = tempfile::tempdir().unwrap();
    let out = agendum(dir.path()).arg("migrate").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let migrations = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/sqlite"))
        .unwrap()
        .count();
    assert!(
        stdout.contains(&format!(
            "Applied {migrations} migration(s): 20261124000001, 20261124000002"
        )),
        "{stdout}"
    );
    assert!(dir.path().join("data/agendum.db").exists());
    let out = agendum(dir.path()).arg("migrate").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("up to date"));
    let out = agendum(dir.path()).arg("demo").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    fails_with_one_line(
        agendum(dir.path()).arg("demo"),
        "only loaded into an empty database",
    );
}

/// `agendum demo --today`: the council meets within the hour and nothing is due before then,
/// so the whole chain can be shown on the day.
#[test]
fn demo_today_places_the_council_meeting_within_the_hour() {
    let dir = tempfile::tempdir().unwrap();
    let before = chrono::Utc::now();
    let out = agendum(dir.path())
        .args(["demo", "--today"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("Borgerrepræsentationen meets at"),
        "{stdout}"
    );
    let db = agendum::db::Db::connect(&agendum::config::DatabaseUrl::Sqlite(
        dir.path().join("data/agendum.db"),
    ))
    .unwrap();
    let mut conn = db.conn().unwrap();
    let (council_id, _) = agendum::db::meetings::meeting_organizations(&mut conn)
        .unwrap()
        .into_iter()
        .find(|(_, name)| name == "Borgerrepræsentationen")
        .expect("the council");
    let council = agendum::db::meetings::upcoming(&mut conn, council_id, before, 1)
        .unwrap()
        .remove(0);
    let minutes = (council.starts_at - before).num_minutes();
    assert!((44..=61).contains(&minutes), "starts in {minutes} minutes");
    let rules =
        agendum::db::organizations::deadline_settings(&mut conn, council.organization_id).unwrap();
    for rule in [rules.proposal, rules.agenda_release] {
        assert_eq!(
            rule.deadline(council.starts_at, &rules.closed),
            council.starts_at
        );
    }
}

/// `agendum` with no configuration at all, as `cargo run` starts it (but on a free port):
/// creates data/agendum.db, loads the demo, prints the address and serves the seed agenda.
#[tokio::test]
async fn serve_with_defaults_prints_the_address_and_serves_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = agendum(dir.path())
        .env("AGENDUM_BIND", "127.0.0.1:0")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let address = line
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no address in «{line}»"))
        .to_owned();
    assert!(line.contains("sqlite://data/agendum.db"), "{line}");
    assert!(started.elapsed() < Duration::from_secs(20));
    let body = reqwest::get(format!("{address}/meetings/1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(body.contains("DAGSORDEN"));
    assert!(dir.path().join("data/agendum.db").exists());
}

/// Several nodes starting at once on one PostgreSQL database migrate it once between them.
#[test]
fn concurrent_starts_migrate_postgres_once() {
    let Some((url, _guard)) = fresh_database(Backend::Postgres) else {
        return;
    };
    let agendum::config::DatabaseUrl::Postgres(url) = url else {
        panic!("fresh_database(Postgres) gives a PostgreSQL URL")
    };
    let dir = tempfile::tempdir().unwrap();
    let children: Vec<_> = (0..3)
        .map(|_| {
            agendum(dir.path())
                .arg("migrate")
                .env("AGENDUM_DATABASE_URL", &url)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let outputs: Vec<_> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    for out in &outputs {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let applied = outputs
        .iter()
        .filter(|o| String::from_utf8_lossy(&o.stdout).contains("Applied"))
        .count();
    assert_eq!(applied, 1);
}

/// `agendum mail test ADDRESS --send-now` delivers over SMTP from the command itself.
#[test]
fn mail_test_sends_now_over_smtp() {
    let server = crate::mail::SmtpServer::start(crate::mail::Mode::Accept);
    let dir = tempfile::tempdir().unwrap();
    let out = agendum(dir.path())
        .args(["mail", "test", "sekretariat@example.org", "--send-now"])
        .env("AGENDUM_SMTP_URL", server.url())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("Sent: <"), "{stdout}");
    let received = server.received();
    assert_eq!(received.len(), 1);
    let parsed = received[0].parsed();
    assert_eq!(parsed.subject(), Some("Testbesked fra Agendum"));
    assert!(
        parsed
            .body_text(0)
            .unwrap()
            .contains("Æ, ø og å skal stå rigtigt her")
    );
}

/// A refusal is reported by `--send-now`, with exit code 1 and the server's reply.
#[test]
fn mail_test_reports_a_refusal() {
    let server = crate::mail::SmtpServer::start(crate::mail::Mode::Reject);
    let dir = tempfile::tempdir().unwrap();
    fails_with_one_line(
        agendum(dir.path())
            .args([
                "mail",
                "test",
                "nobody@example.org",
                "--send-now",
                "--lang",
                "en",
            ])
            .env("AGENDUM_SMTP_URL", server.url())
            // The worker logs the dead letter too; the command's own report is the line here.
            .env("AGENDUM_LOG", "off"),
        "550",
    );
    // Without --send-now the message waits in the outbox for the server's worker.
    let out = agendum(dir.path())
        .args(["mail", "test", "later@example.org"])
        .env("AGENDUM_SMTP_URL", server.url())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("is in the outbox"));
    fails_with_one_line(
        agendum(dir.path()).args(["mail", "test", "not-an-address"]),
        "not-an-address",
    );
}

/// Runs `agendum` with `input` on standard input.
fn run_with_input(cmd: &mut Command, input: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// `agendum user add` and `agendum token create` as an operator uses them; the accounts then
/// log in and call the API.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn user_add_and_token_create() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        agendum(dir.path())
            .arg("demo")
            .output()
            .unwrap()
            .status
            .success()
    );
    let user_add = |args: &[&str]| {
        let mut cmd = agendum(dir.path());
        cmd.args(["user", "add"]).args(args);
        cmd
    };
    // The password from standard input.
    let out = run_with_input(
        &mut user_add(&[
            "--email",
            "Jens@Example.org",
            "--name",
            "Jens Hald",
            "--role",
            "administration",
            "--organization",
            "TMF",
        ]),
        "lang nok adgangskode\n",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("Created account #5 for jens@example.org"),
        "{stdout}"
    );
    assert!(!stdout.contains("Password"), "{stdout}");
    // No password given: one is generated and shown once.
    let out = run_with_input(
        &mut user_add(&[
            "--email",
            "formand@example.org",
            "--name",
            "Formanden",
            "--role",
            "formand",
            "--person",
            "Maja Lund Holm",
        ]),
        "",
    );
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let generated = stdout
        .lines()
        .find_map(|l| l.strip_prefix("Password (shown once): "))
        .expect("the generated password is printed")
        .to_owned();
    assert_eq!(generated.len(), 23);

    // Mistakes: one line each, nothing created.
    for (args, input, expected) in [
        (
            vec!["--email", "x@example.org", "--name", "X", "--role", "admin"],
            "lang nok adgangskode\n",
            "'admin' is not a role",
        ),
        (
            vec![
                "--email",
                "x@example.org",
                "--name",
                "X",
                "--role",
                "politician",
            ],
            "lang nok adgangskode\n",
            "give --person",
        ),
        (
            vec![
                "--email",
                "x@example.org",
                "--name",
                "X",
                "--role",
                "administration",
                "--organization",
                "Enhedslisten",
            ],
            "lang nok adgangskode\n",
            "Enhedslisten is not an administration",
        ),
        (
            vec![
                "--email",
                "x@example.org",
                "--name",
                "X",
                "--role",
                "administration",
                "--organization",
                "Ingen",
            ],
            "lang nok adgangskode\n",
            "no organization 'Ingen'",
        ),
        (
            vec![
                "--email",
                "ikke-en-adresse",
                "--name",
                "X",
                "--role",
                "secretariat",
            ],
            "lang nok adgangskode\n",
            "--email",
        ),
        (
            vec![
                "--email",
                "x@example.org",
                "--name",
                "X",
                "--role",
                "secretariat",
            ],
            "kort\n",
            "mindst 10 tegn",
        ),
        (
            vec![
                "--email",
                "jens@example.org",
                "--name",
                "X",
                "--role",
                "secretariat",
            ],
            "lang nok adgangskode\n",
            "Der findes allerede en konto",
        ),
    ] {
        let out = run_with_input(&mut user_add(&args), input);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.starts_with("agendum: error: "), "{stderr}");
        assert!(stderr.contains(expected), "«{expected}» in {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }

    // A token for the new account.
    let out = agendum(dir.path())
        .args([
            "token",
            "create",
            "--email",
            "jens@example.org",
            "--label",
            "test",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert!(
        token.starts_with("agendum_") && !token.contains(' '),
        "{token}"
    );
    fails_with_one_line(
        agendum(dir.path()).args(["token", "create", "--email", "x@example.org"]),
        "no active account",
    );

    // The server knows both: the password logs in, the token calls the API.
    let mut child = agendum(dir.path())
        .env("AGENDUM_BIND", "127.0.0.1:0")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let address = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("the address is printed")
        .to_owned();
    let client = reqwest::Client::new();
    let me: serde_json::Value = client
        .get(format!("{address}/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["email"], "jens@example.org");
    assert_eq!(me["role"], "administration");
    assert_eq!(me["organization"]["name"], "Teknik- og Miljøforvaltningen");
    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for (email, password) in [
        ("jens@example.org", "lang nok adgangskode"),
        ("formand@example.org", generated.as_str()),
    ] {
        let form = browser
            .get(format!("{address}/login"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let csrf = crate::helpers::csrf_of(&form).unwrap();
        let r = browser
            .post(format!("{address}/login"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("email", email),
                ("password", password),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 303, "{email}");
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// `agendum setup` on an empty database prints a one-time link first; on a database with data
/// it refuses in one line and changes nothing.
#[test]
fn setup_prints_a_link_once_and_refuses_a_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let out = agendum(dir.path())
        .args([
            "setup",
            "--municipality",
            "Aarhus Kommune",
            "--secretariat",
            "sekretariat@aarhus.dk",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let link = stdout.lines().next().unwrap_or_default();
    assert!(link.contains("/password/reset/"), "{stdout}");
    assert!(stdout.contains("Aarhus Kommune"), "{stdout}");
    fails_with_one_line(
        agendum(dir.path()).args([
            "setup",
            "--municipality",
            "Odense Kommune",
            "--secretariat",
            "x@odense.dk",
        ]),
        "empty database",
    );
}
