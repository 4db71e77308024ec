//! `AGENDUM_SMTP_URL`: `smtp://user:pass@host:port` (STARTTLS required), `smtps://…` (implicit
//! TLS) or `smtp://host:port?tls=none` (a local relay without TLS).

use std::time::Duration;

use lettre::transport::smtp::PoolConfig;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, Tokio1Executor};

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
}

impl std::fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the password.
        f.debug_struct("SmtpSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("tls", &self.tls)
            .field("user", &self.credentials.as_ref().map(|c| &c.0))
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
        }
    }

    /// A pooled transport with timeouts, so a hanging server cannot stall the worker.
    pub fn transport(&self) -> Result<AsyncSmtpTransport<Tokio1Executor>, String> {
        let params = || {
            TlsParameters::new(self.host.clone())
                .map_err(|e| invalid(&format!("TLS setup for {}: {e}", self.host)))
        };
        let tls = match self.tls {
            TlsMode::StartTls => Tls::Required(params()?),
            TlsMode::Implicit => Tls::Wrapper(params()?),
            TlsMode::None => Tls::None,
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&self.host)
            .port(self.port)
            .tls(tls)
            .timeout(Some(Duration::from_secs(30)))
            .pool_config(
                PoolConfig::new()
                    .max_size(8)
                    .idle_timeout(Duration::from_secs(60)),
            );
        if let Some((user, password)) = &self.credentials {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Ok(builder.build())
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
