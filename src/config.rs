//! Settings: environment variables over `agendum.toml` over defaults (INTERFACES.md).

use std::net::{SocketAddr, ToSocketAddrs};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::domain::mail::Mailbox;
use crate::mail::smtp::SmtpSettings;
use crate::mail::worker::WorkerConfig;

pub use crate::db::url::DatabaseUrl;

#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: DatabaseUrl,
    pub bind: SocketAddr,
    /// Without a trailing slash.
    pub base_url: String,
    /// `None`: mail goes to the development mailbox.
    pub smtp: Option<SmtpSettings>,
    pub mail_from: Mailbox,
    /// The development mailbox (`AGENDUM_MAIL_DIR`, default `data/mail`).
    pub mail_dir: PathBuf,
    pub mail: WorkerConfig,
    /// The largest file that may be attached to an agenda item (`AGENDUM_MAX_ATTACHMENT_MB`).
    pub max_attachment_bytes: u64,
    /// Days before a task's deadline that a reminder goes out (`AGENDUM_REMINDER_DAYS`, "7,1").
    pub reminder_days: Vec<u32>,
    pub demo: bool,
    pub log: String,
    /// How long a login lasts: idle time, absolute lifetime, and how recent it must be for the
    /// secretariat's most sensitive actions (`AGENDUM_SESSION_MAX_DAYS`,
    /// `AGENDUM_REAUTH_MINUTES`).
    pub sessions: crate::domain::account::SessionPolicy,
    /// The language of a reader who has not chosen one and whose browser asks for none we
    /// speak (`AGENDUM_DEFAULT_LANGUAGE`, `da` or `en`).
    pub default_language: crate::domain::language::Lang,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            database_url: DatabaseUrl::Sqlite(PathBuf::from("data/agendum.db")),
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            base_url: "http://127.0.0.1:8080".into(),
            smtp: None,
            mail_from: Mailbox::parse("Agendum <noreply@localhost>")
                .expect("a valid default sender"),
            mail_dir: PathBuf::from("data/mail"),
            mail: WorkerConfig::default(),
            max_attachment_bytes: 50 * 1024 * 1024,
            reminder_days: vec![7, 1],
            demo: true,
            log: "info".into(),
            sessions: crate::domain::account::SessionPolicy::default(),
            default_language: crate::domain::language::Lang::Da,
        }
    }
}

/// A bad setting; the message names the variable and says what is expected.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{name}: {message}")]
    Invalid { name: String, message: String },
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    File { path: String, message: String },
}

impl ConfigError {
    fn invalid(name: &str, message: &str) -> Self {
        Self::Invalid {
            name: name.to_owned(),
            message: message.to_owned(),
        }
    }
}

/// The keys of `agendum.toml`: the variable names without the `AGENDUM_` prefix, in lower case.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    database_url: Option<String>,
    bind: Option<String>,
    base_url: Option<String>,
    smtp_url: Option<String>,
    smtp_ca_file: Option<String>,
    mail_from: Option<String>,
    mail_dir: Option<String>,
    mail_claim_seconds: Option<u64>,
    mail_retry_seconds: Option<u64>,
    mail_max_attempts: Option<u32>,
    demo: Option<bool>,
    log: Option<String>,
    max_attachment_mb: Option<u64>,
    reminder_days: Option<String>,
    session_max_days: Option<u64>,
    reauth_minutes: Option<u64>,
    default_language: Option<String>,
}

impl Settings {
    /// Reads `agendum.toml` in the working directory (if present) and the process environment.
    pub fn load() -> Result<Self, ConfigError> {
        Self::load_from(Path::new("agendum.toml"), |name| std::env::var(name).ok())
    }

    /// The same, with the file and the environment given: what the tests use.
    pub fn load_from(
        file: &Path,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, ConfigError> {
        let from_file = match std::fs::read_to_string(file) {
            Ok(text) => toml::from_str::<FileSettings>(&text).map_err(|e| ConfigError::File {
                path: file.display().to_string(),
                message: e.message().to_owned(),
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => FileSettings::default(),
            Err(source) => {
                return Err(ConfigError::Read {
                    path: file.display().to_string(),
                    source,
                });
            }
        };
        let pick =
            |name: &str, file_value: Option<String>| -> Option<String> { env(name).or(file_value) };
        let mut settings = Settings::default();
        if let Some(url) = pick("AGENDUM_DATABASE_URL", from_file.database_url) {
            settings.database_url = DatabaseUrl::parse(&url)
                .map_err(|m| ConfigError::invalid("AGENDUM_DATABASE_URL", &m))?;
        }
        if let Some(bind) = pick("AGENDUM_BIND", from_file.bind) {
            settings.bind = parse_bind(&bind)?;
        }
        if let Some(base) = pick("AGENDUM_BASE_URL", from_file.base_url) {
            settings.base_url = parse_base_url(&base)?;
        }
        if let Some(url) =
            pick("AGENDUM_SMTP_URL", from_file.smtp_url).filter(|s| !s.trim().is_empty())
        {
            settings.smtp =
                Some(
                    SmtpSettings::parse(&url).map_err(|message| ConfigError::Invalid {
                        name: "AGENDUM_SMTP_URL".into(),
                        message: message.trim_start_matches("AGENDUM_SMTP_URL: ").to_owned(),
                    })?,
                );
        }
        if let Some(path) =
            pick("AGENDUM_SMTP_CA_FILE", from_file.smtp_ca_file).filter(|s| !s.trim().is_empty())
        {
            let smtp = settings.smtp.take().ok_or_else(|| {
                ConfigError::invalid(
                    "AGENDUM_SMTP_CA_FILE",
                    "is set but AGENDUM_SMTP_URL is not; it names the certificates to trust for that server",
                )
            })?;
            settings.smtp = Some(
                smtp.trusting(Path::new(path.trim()))
                    .map_err(|message| ConfigError::invalid("AGENDUM_SMTP_CA_FILE", &message))?,
            );
        }
        if let Some(from) = pick("AGENDUM_MAIL_FROM", from_file.mail_from) {
            settings.mail_from = Mailbox::parse(&from).map_err(|e| {
                ConfigError::invalid(
                    "AGENDUM_MAIL_FROM",
                    &format!("{e} Use e.g. Agendum <dagsorden@kk.dk>"),
                )
            })?;
        }
        if let Some(dir) = pick("AGENDUM_MAIL_DIR", from_file.mail_dir) {
            settings.mail_dir = PathBuf::from(dir);
        }
        let number = |name: &str, file_value: Option<u64>| -> Result<Option<u64>, ConfigError> {
            match env(name) {
                Some(v) => v
                    .trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|n| *n > 0)
                    .map(Some)
                    .ok_or_else(|| ConfigError::invalid(name, "must be a whole number above 0")),
                None => Ok(file_value),
            }
        };
        if let Some(n) = number("AGENDUM_MAIL_CLAIM_SECONDS", from_file.mail_claim_seconds)? {
            settings.mail.claim_for = std::time::Duration::from_secs(n);
        }
        if let Some(n) = number("AGENDUM_MAIL_RETRY_SECONDS", from_file.mail_retry_seconds)? {
            settings.mail.policy.first_delay = std::time::Duration::from_secs(n);
        }
        if let Some(n) = number(
            "AGENDUM_MAIL_MAX_ATTEMPTS",
            from_file.mail_max_attempts.map(u64::from),
        )? {
            settings.mail.policy.max_attempts = u32::try_from(n).unwrap_or(u32::MAX);
        }
        if let Some(n) = number("AGENDUM_MAX_ATTACHMENT_MB", from_file.max_attachment_mb)? {
            settings.max_attachment_bytes = n.saturating_mul(1024 * 1024);
        }
        if let Some(n) = number("AGENDUM_SESSION_MAX_DAYS", from_file.session_max_days)? {
            settings.sessions.max_age = chrono::Duration::days(n.min(3650) as i64);
        }
        if let Some(n) = number("AGENDUM_REAUTH_MINUTES", from_file.reauth_minutes)? {
            settings.sessions.reauth_after = chrono::Duration::minutes(n.min(525_600) as i64);
        }
        if let Some(days) = pick("AGENDUM_REMINDER_DAYS", from_file.reminder_days) {
            settings.reminder_days = parse_reminder_days(&days)?;
        }
        match env("AGENDUM_DEMO") {
            Some(v) => settings.demo = parse_bool("AGENDUM_DEMO", &v)?,
            None => settings.demo = from_file.demo.unwrap_or(settings.demo),
        }
        if let Some(log) = pick("AGENDUM_LOG", from_file.log) {
            settings.log = log;
        }
        if let Some(lang) = pick("AGENDUM_DEFAULT_LANGUAGE", from_file.default_language) {
            settings.default_language = lang.trim().parse().map_err(|_| {
                ConfigError::invalid("AGENDUM_DEFAULT_LANGUAGE", "expected da or en")
            })?;
        }
        Ok(settings)
    }
}

/// "7,1": whole days before a deadline; "" or "none": no reminders before it (the escalation
/// after it still goes out).
fn parse_reminder_days(text: &str) -> Result<Vec<u32>, ConfigError> {
    let text = text.trim();
    if text.is_empty() || text.eq_ignore_ascii_case("none") {
        return Ok(Vec::new());
    }
    text.split(',')
        .map(|part| {
            part.trim().parse::<u32>().ok().filter(|d| (1..=365).contains(d)).ok_or_else(|| {
                ConfigError::invalid(
                    "AGENDUM_REMINDER_DAYS",
                    "must be days before the deadline, from 1 to 365, separated by commas (e.g. 7,1)",
                )
            })
        })
        .collect()
}

fn parse_bind(text: &str) -> Result<SocketAddr, ConfigError> {
    let text = text.trim();
    if let Ok(addr) = text.parse() {
        return Ok(addr);
    }
    // Host names such as localhost:8080 resolve once, at start.
    text.to_socket_addrs()
        .ok()
        .and_then(|mut addrs| addrs.next())
        .ok_or_else(|| {
            ConfigError::invalid(
                "AGENDUM_BIND",
                &format!(
                    "'{text}' is not an address to listen on; use HOST:PORT, e.g. 127.0.0.1:8080"
                ),
            )
        })
}

fn parse_base_url(text: &str) -> Result<String, ConfigError> {
    let text = text.trim().trim_end_matches('/');
    let rest = text
        .strip_prefix("http://")
        .or_else(|| text.strip_prefix("https://"));
    match rest {
        Some(host) if !host.is_empty() && !host.contains(char::is_whitespace) => {
            Ok(text.to_owned())
        }
        _ => Err(ConfigError::invalid(
            "AGENDUM_BASE_URL",
            "must be an absolute http:// or https:// address, e.g. https://dagsorden.kk.dk",
        )),
    }
}

fn parse_bool(name: &str, text: &str) -> Result<bool, ConfigError> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Ok(true),
        "false" | "0" | "no" | "off" => Ok(false),
        _ => Err(ConfigError::invalid(name, "must be true or false")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn load(file_text: Option<&str>, env: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("agendum.toml");
        if let Some(text) = file_text {
            std::fs::write(&path, text).unwrap();
        }
        let env: HashMap<String, String> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Settings::load_from(&path, |name| env.get(name).cloned())
    }

    #[test]
    fn defaults_without_file_or_environment() {
        let s = load(None, &[]).unwrap();
        assert_eq!(
            s.database_url,
            DatabaseUrl::Sqlite("data/agendum.db".into())
        );
        assert_eq!(s.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(s.base_url, "http://127.0.0.1:8080");
        assert!(s.demo && s.smtp.is_none());
        assert_eq!(s.mail_from.to_string(), "Agendum <noreply@localhost>");
        assert_eq!(s.mail_dir, PathBuf::from("data/mail"));
    }

    #[test]
    fn environment_wins_over_file_which_wins_over_defaults() {
        let file = "bind = \"127.0.0.1:9000\"\ndemo = false\nbase_url = \"https://a.example/\"\n";
        let s = load(Some(file), &[]).unwrap();
        assert_eq!(s.bind.port(), 9000);
        assert!(!s.demo);
        assert_eq!(s.base_url, "https://a.example");
        let s = load(
            Some(file),
            &[("AGENDUM_BIND", "127.0.0.1:0"), ("AGENDUM_DEMO", "true")],
        )
        .unwrap();
        assert_eq!(s.bind.port(), 0);
        assert!(s.demo);
    }

    #[test]
    fn reminder_days() {
        assert_eq!(load(None, &[]).unwrap().reminder_days, vec![7, 1]);
        let s = load(Some("reminder_days = \"14, 3\"\n"), &[]).unwrap();
        assert_eq!(s.reminder_days, vec![14, 3]);
        let s = load(None, &[("AGENDUM_REMINDER_DAYS", "none")]).unwrap();
        assert!(s.reminder_days.is_empty());
        for bad in ["7;1", "0", "x", "7,", "400"] {
            let err = load(None, &[("AGENDUM_REMINDER_DAYS", bad)]).unwrap_err();
            assert!(
                err.to_string().contains("AGENDUM_REMINDER_DAYS"),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn database_urls() {
        assert_eq!(
            DatabaseUrl::parse("sqlite:///var/lib/agendum.db").unwrap(),
            DatabaseUrl::Sqlite("/var/lib/agendum.db".into())
        );
        assert!(matches!(
            DatabaseUrl::parse("postgresql://u:p@h/db").unwrap(),
            DatabaseUrl::Postgres(_)
        ));
        let err = DatabaseUrl::parse("mysql://root@localhost/x")
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown scheme 'mysql'"), "{err}");
        assert!(DatabaseUrl::parse("sqlite://").is_err());
        assert_eq!(
            DatabaseUrl::Postgres("postgres://app:secret@db:5432/agendum".into()).redacted(),
            "postgres://app:***@db:5432/agendum"
        );
    }

    #[test]
    fn bad_values_name_the_variable() {
        let err = load(None, &[("AGENDUM_DEMO", "maybe")])
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("AGENDUM_DEMO"), "{err}");
        let err = load(None, &[("AGENDUM_BIND", "nowhere")])
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("AGENDUM_BIND"), "{err}");
        let err = load(None, &[("AGENDUM_BASE_URL", "ftp://x")])
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("AGENDUM_BASE_URL"), "{err}");
        let err = load(None, &[("AGENDUM_SMTP_CA_FILE", "/etc/ca.pem")])
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("AGENDUM_SMTP_CA_FILE") && err.contains("AGENDUM_SMTP_URL is not"),
            "{err}"
        );
        let err = load(
            None,
            &[
                ("AGENDUM_SMTP_URL", "smtp://mail.example.org"),
                ("AGENDUM_SMTP_CA_FILE", "/nonexistent/ca.pem"),
            ],
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("cannot read /nonexistent/ca.pem"), "{err}");
        let err = load(Some("databse_url = \"x\""), &[])
            .unwrap_err()
            .to_string();
        assert!(err.contains("databse_url"), "{err}");
    }
}
