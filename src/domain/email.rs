//! Email addresses, checked when they enter the system so that mail never fails later on a
//! malformed address and no header can be injected through one.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EmailAddress(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a valid e-mail address")]
pub struct EmailAddressError(String);

impl EmailAddress {
    /// Accepts the common `local@domain` form (RFC 5321 mailbox without quoting or comments).
    pub fn parse(input: &str) -> Result<Self, EmailAddressError> {
        let text = input.trim();
        let err = || EmailAddressError(text.chars().take(80).collect());
        if text.len() > 254 || text.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err(err());
        }
        let (local, domain) = text.rsplit_once('@').ok_or_else(err)?;
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .chars()
                .all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
        let domain_ok = !domain.is_empty()
            && domain.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        if local_ok && domain_ok {
            Ok(Self(text.to_owned()))
        } else {
            Err(err())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl serde::Serialize for EmailAddress {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl From<EmailAddressError> for crate::i18n::Msg {
    fn from(err: EmailAddressError) -> Self {
        crate::i18n::Msg::key("field-not-an-email-address").arg("text", err.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses() {
        for ok in [
            "min@im.dk",
            "okf@example.org",
            "a.b+c@sub.kk.dk",
            "postmaster@localhost",
            "søren@æøå.dk",
        ] {
            assert_eq!(EmailAddress::parse(ok).unwrap().as_str(), ok);
        }
    }

    #[test]
    fn rejects_malformed_and_injection() {
        for bad in [
            "",
            "plain",
            "@example.org",
            "a@",
            "a@@b.dk",
            "a b@c.dk",
            "a@b.dk\r\nBcc: x@y.dk",
            "a..b@c.dk",
            ".a@c.dk",
            "a@-b.dk",
            "a@b..dk",
            "<a@b.dk>",
        ] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad:?}");
        }
    }
}
