//! `AGENDUM_SMTP_URL`: `smtp://user:pass@host:port` (STARTTLS required), `smtps://…` (implicit
//! TLS) or `smtp://host:port?tls=none` (a local relay without TLS).

use std::time::Duration;

use std::sync::Mutex;
use std::time::Instant;

use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{AsyncSmtpConnection, Certificate, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use tokio::net::TcpStream;

use crate::domain::mail::DeliveryOutcome;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TlsMode {
    /// Plain connection upgraded with STARTTLS; refused if the server does not offer it.
    StartTls,
    /// TLS from the first byte (port 465).
    Implicit,
    /// No TLS: only for a relay on the same machine or network.
    None,
}

#[derive(Clone, PartialEq, Eq)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub tls: TlsMode,
    pub credentials: Option<(String, String)>,
    /// Certificates (PEM) trusted besides the system's roots: a relay with a private CA.
    pub extra_roots: Option<Vec<u8>>,
}

impl std::fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the password.
        f.debug_struct("SmtpSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("tls", &self.tls)
            .field("user", &self.credentials.as_ref().map(|c| &c.0))
            .field("extra_roots", &self.extra_roots.is_some())
            .finish()
    }
}

fn invalid(message: &str) -> String {
    format!("AGENDUM_SMTP_URL: {message}")
}

impl SmtpSettings {
    pub fn parse(text: &str) -> Result<Self, String> {
        let url = url::Url::parse(text.trim()).map_err(|e| {
            invalid(&format!("not a URL ({e}); use smtp://user:password@host:587, smtps://…:465 or smtp://host:25?tls=none"))
        })?;
        let (default_port, mut tls) = match url.scheme() {
            "smtp" => (587, TlsMode::StartTls),
            "smtps" => (465, TlsMode::Implicit),
            other => {
                return Err(invalid(&format!(
                    "unknown scheme '{other}'; use smtp:// or smtps://"
                )));
            }
        };
        let host = url
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| invalid("the URL has no host"))?
            .trim_matches(|c| c == '[' || c == ']')
            .to_owned();
        for (key, value) in url.query_pairs() {
            match (key.as_ref(), value.as_ref()) {
                ("tls", "none") if tls == TlsMode::StartTls => tls = TlsMode::None,
                ("tls", "none") => return Err(invalid("tls=none goes with smtp://, not smtps://")),
                ("tls", "starttls" | "required") if tls == TlsMode::StartTls => {}
                _ => {
                    return Err(invalid(&format!(
                        "unknown parameter '{key}={value}'; only tls=none is known"
                    )));
                }
            }
        }
        if tls == TlsMode::None && url.port().is_none() {
            // A relay without TLS listens on 25.
            return Ok(Self::with(host, 25, tls, &url));
        }
        Ok(Self::with(
            host,
            url.port().unwrap_or(default_port),
            tls,
            &url,
        ))
    }

    fn with(host: String, port: u16, tls: TlsMode, url: &url::Url) -> Self {
        let credentials = (!url.username().is_empty()).then(|| {
            (
                percent_decode(url.username()),
                percent_decode(url.password().unwrap_or("")),
            )
        });
        Self {
            host,
            port,
            tls,
            credentials,
            extra_roots: None,
        }
    }

    /// Trusts the certificates in a PEM file as well (`AGENDUM_SMTP_CA_FILE`).
    pub fn trusting(mut self, path: &std::path::Path) -> Result<Self, String> {
        let pem =
            std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Certificate::from_pem(&pem)
            .map_err(|e| format!("{} holds no PEM certificate: {e}", path.display()))?;
        if !String::from_utf8_lossy(&pem).contains("-----BEGIN CERTIFICATE-----") {
            return Err(format!("{} holds no PEM certificate", path.display()));
        }
        self.extra_roots = Some(pem);
        Ok(self)
    }

    /// A client with its own connection pool (see [`SmtpClient`]).
    pub fn client(&self) -> SmtpClient {
        SmtpClient {
            settings: self.clone(),
            hello: ClientId::default(),
            idle: Mutex::new(Vec::new()),
        }
    }
}

const TIMEOUT: Duration = Duration::from_secs(30);
const MAX_IDLE: usize = 16;
const IDLE_FOR: Duration = Duration::from_secs(30);

/// Sends messages over pooled SMTP connections.
///
/// The connections are opened here with `TCP_NODELAY` and handed to lettre, which speaks SMTP
/// on them (EHLO, STARTTLS, AUTH, the transaction). lettre writes a message and its terminating
/// `.` separately; without `TCP_NODELAY`, Nagle's algorithm holds the terminator until the
/// server's delayed ACK, about 40 ms per message. (Implicit TLS, `smtps://`, still connects
/// through lettre and keeps that delay.)
pub struct SmtpClient {
    settings: SmtpSettings,
    hello: ClientId,
    idle: Mutex<Vec<(AsyncSmtpConnection, Instant)>>,
}

impl SmtpClient {
    fn take_idle(&self) -> Option<AsyncSmtpConnection> {
        let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
        while let Some((conn, since)) = idle.pop() {
            if since.elapsed() < IDLE_FOR && !conn.has_broken() {
                return Some(conn);
            }
        }
        None
    }

    fn put_idle(&self, conn: AsyncSmtpConnection) {
        let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
        if idle.len() < MAX_IDLE && !conn.has_broken() {
            idle.push((conn, Instant::now()));
        }
    }

    async fn connect(&self) -> Result<AsyncSmtpConnection, DeliveryOutcome> {
        let s = &self.settings;
        let lettre_error = |e: lettre::transport::smtp::Error| classify(&e);
        let params = || {
            let mut builder = TlsParameters::builder(s.host.clone());
            if let Some(pem) = &s.extra_roots {
                let roots = Certificate::from_pem(pem)
                    .map_err(|e| DeliveryOutcome::Temporary(format!("TLS setup: {e}")))?;
                builder = builder.add_root_certificate(roots);
            }
            builder
                .build()
                .map_err(|e| DeliveryOutcome::Temporary(format!("TLS setup: {e}")))
        };
        let mut conn = match s.tls {
            TlsMode::Implicit => AsyncSmtpConnection::connect_tokio1(
                (s.host.as_str(), s.port),
                Some(TIMEOUT),
                &self.hello,
                Some(params()?),
                None,
            )
            .await
            .map_err(lettre_error)?,
            TlsMode::StartTls | TlsMode::None => {
                let stream =
                    tokio::time::timeout(TIMEOUT, TcpStream::connect((s.host.as_str(), s.port)))
                        .await
                        .map_err(|_| {
                            DeliveryOutcome::Temporary(format!(
                                "connecting to {}:{} timed out",
                                s.host, s.port
                            ))
                        })?
                        .map_err(|e| {
                            DeliveryOutcome::Temporary(format!(
                                "cannot connect to {}:{}: {e}",
                                s.host, s.port
                            ))
                        })?;
                stream
                    .set_nodelay(true)
                    .map_err(|e| DeliveryOutcome::Temporary(e.to_string()))?;
                let mut conn = tokio::time::timeout(
                    TIMEOUT,
                    AsyncSmtpConnection::connect_with_transport(Box::new(stream), &self.hello),
                )
                .await
                .map_err(|_| DeliveryOutcome::Temporary("the SMTP greeting timed out".into()))?
                .map_err(lettre_error)?;
                if s.tls == TlsMode::StartTls {
                    // Required: a server that does not offer STARTTLS is refused, not used in clear.
                    conn.starttls(params()?, &self.hello)
                        .await
                        .map_err(lettre_error)?;
                }
                conn
            }
        };
        if let Some((user, password)) = &s.credentials {
            let credentials = Credentials::new(user.clone(), password.clone());
            conn.auth(&[Mechanism::Plain, Mechanism::Login], &credentials)
                .await
                .map_err(lettre_error)?;
        }
        Ok(conn)
    }

    /// Sends one message; a pooled connection that turns out to be closed is replaced once.
    pub async fn send(&self, envelope: &Envelope, bytes: &[u8]) -> DeliveryOutcome {
        let mut reused = self.take_idle();
        loop {
            let was_reused = reused.is_some();
            let mut conn = match reused.take() {
                Some(conn) => conn,
                None => match self.connect().await {
                    Ok(conn) => conn,
                    Err(outcome) => return outcome,
                },
            };
            match tokio::time::timeout(TIMEOUT, conn.send(envelope, bytes)).await {
                Ok(Ok(_)) => {
                    self.put_idle(conn);
                    return DeliveryOutcome::Delivered;
                }
                // The server closed an idle connection: try once more on a new one.
                Ok(Err(e)) if was_reused && !e.is_response() => continue,
                Ok(Err(e)) => {
                    if !conn.has_broken() {
                        self.put_idle(conn);
                    }
                    return classify(&e);
                }
                Err(_) => {
                    return DeliveryOutcome::Temporary("the SMTP transaction timed out".into());
                }
            }
        }
    }
}

/// 5xx replies are permanent; everything else (no connection, timeouts, 4xx) is worth a retry.
fn classify(e: &lettre::transport::smtp::Error) -> DeliveryOutcome {
    if e.is_permanent() {
        DeliveryOutcome::Permanent(e.to_string())
    } else {
        DeliveryOutcome::Temporary(e.to_string())
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Some(hex) = text.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_shapes() {
        let s = SmtpSettings::parse("smtp://agendum:hemmelig%40kode@mail.kk.dk").unwrap();
        assert_eq!(
            (s.host.as_str(), s.port, s.tls),
            ("mail.kk.dk", 587, TlsMode::StartTls)
        );
        assert_eq!(
            s.credentials,
            Some(("agendum".into(), "hemmelig@kode".into()))
        );
        let s = SmtpSettings::parse("smtps://u:p@mail.kk.dk").unwrap();
        assert_eq!((s.port, s.tls), (465, TlsMode::Implicit));
        let s = SmtpSettings::parse("smtp://127.0.0.1:2525?tls=none").unwrap();
        assert_eq!(
            (s.host.as_str(), s.port, s.tls, s.credentials),
            ("127.0.0.1", 2525, TlsMode::None, None)
        );
        assert_eq!(
            SmtpSettings::parse("smtp://relay?tls=none").unwrap().port,
            25
        );
    }

    #[test]
    fn malformed_urls_say_what_is_wrong() {
        for (bad, expected) in [
            ("mail.kk.dk:25", "AGENDUM_SMTP_URL"),
            ("http://mail.kk.dk", "unknown scheme 'http'"),
            ("smtp://", "no host"),
            ("smtps://h?tls=none", "tls=none goes with smtp://"),
            ("smtp://h?ssl=yes", "unknown parameter 'ssl=yes'"),
            ("smtp://h:99999", "AGENDUM_SMTP_URL"),
        ] {
            let err = SmtpSettings::parse(bad).unwrap_err();
            assert!(err.contains(expected), "{bad}: {err}");
        }
    }

    #[test]
    fn debug_output_hides_the_password() {
        let s = SmtpSettings::parse("smtp://u:topsecret@h").unwrap();
        assert!(!format!("{s:?}").contains("topsecret"));
    }
}
