//! The `agendum` command as an operator runs it: defaults, bad settings, exit codes.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::helpers::{Backend, fresh_database};

fn agendum(dir: &std::path::Path) -> Command {
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
    assert!(
        stdout.contains("Applied 2 migration(s): 20261124000001, 20261124000002"),
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
