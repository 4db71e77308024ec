//! Accounts: who may do what. The roles of `product/BRIEF.md` §1; the public needs no account.

use std::fmt;

text_enum!(
    /// What an account is for.
    Role {
        Secretariat = "secretariat" / "Sekretariat",
        Politician = "politician" / "Politiker",
        Administration = "administration" / "Forvaltning",
        Chair = "chair" / "Formand",
    }
);

text_enum!(
    /// What a one-time password link is for: a new account's first password, or a new one for
    /// a forgotten password.
    PasswordLinkPurpose {
        Set = "set" / "Vælg adgangskode",
        Reset = "reset" / "Ny adgangskode",
    }
);

impl Role {
    /// Also the Danish words, as people type them on the command line.
    pub fn parse_loose(text: &str) -> Option<Role> {
        let text = text.trim().to_lowercase();
        Self::ALL.iter().copied().find(|r| {
            r.as_str() == text
                || r.label_da().to_lowercase() == text
                || matches!(
                    (r, text.as_str()),
                    (Role::Politician, "medlem") | (Role::Administration, "staff")
                )
        })
    }

    /// A politician or chair acts as a person of the body.
    pub fn needs_person(self) -> bool {
        matches!(self, Role::Politician | Role::Chair)
    }

    /// Administration staff act for one administration.
    pub fn needs_organization(self) -> bool {
        matches!(self, Role::Administration)
    }
}

/// Who did something, for the audit log: an account, or the command line / the system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: Option<crate::domain::UserId>,
    pub label: String,
}

impl Actor {
    pub fn user(id: crate::domain::UserId, name: &str) -> Self {
        Self {
            user_id: Some(id),
            label: name.to_owned(),
        }
    }

    /// The `agendum` command, run by whoever operates the server.
    pub fn command_line() -> Self {
        Self {
            user_id: None,
            label: "agendum (kommandolinje)".to_owned(),
        }
    }

    pub fn system() -> Self {
        Self {
            user_id: None,
            label: "Agendum".to_owned(),
        }
    }
}

/// The shortest password accepted for a new account.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Long enough for any passphrase, short enough that hashing cannot be used to tie up the server.
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// A password that meets the rules for new accounts. Not printable by accident.
#[derive(Clone)]
pub struct NewPassword(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("adgangskoden skal have mindst {MIN_PASSWORD_CHARS} tegn")]
    TooShort,
    #[error("adgangskoden er for lang (højst {MAX_PASSWORD_BYTES} bytes)")]
    TooLong,
}

impl NewPassword {
    pub fn parse(text: &str) -> Result<Self, PasswordError> {
        if text.chars().count() < MIN_PASSWORD_CHARS {
            return Err(PasswordError::TooShort);
        }
        if text.len() > MAX_PASSWORD_BYTES {
            return Err(PasswordError::TooLong);
        }
        Ok(Self(text.to_owned()))
    }

    /// A password the rules do not apply to (the demo accounts' `demo`).
    pub fn unchecked(text: &str) -> Self {
        Self(text.to_owned())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(…)")
    }
}

/// What the login form is told when it fails, the same whether or not the account exists.
pub const LOGIN_FAILED: &str = "E-mailadressen eller adgangskoden er forkert.";

/// Login rate limits: at most this many failed attempts per address, and per client, in the
/// window; then the login waits until the oldest failure leaves the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoginLimits {
    pub per_email: i64,
    pub per_ip: i64,
    pub window: chrono::Duration,
}

impl Default for LoginLimits {
    fn default() -> Self {
        Self {
            per_email: 5,
            per_ip: 30,
            window: chrono::Duration::minutes(15),
        }
    }
}

/// How long a login lasts. A session ends after `idle` without use and, however much it is
/// used, `max_age` after the login; the secretariat's most sensitive actions (releasing an
/// agenda, sending a letter, re-sending mail) want a login no older than `reauth_after`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPolicy {
    pub idle: chrono::Duration,
    pub max_age: chrono::Duration,
    pub reauth_after: chrono::Duration,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        Self {
            idle: chrono::Duration::hours(12),
            max_age: chrono::Duration::days(30),
            reauth_after: chrono::Duration::hours(2),
        }
    }
}

impl SessionPolicy {
    /// When a session used at `now`, logged in at `created`, expires: idle time slides, the
    /// absolute lifetime does not.
    pub fn expires_at(
        &self,
        created: chrono::NaiveDateTime,
        now: chrono::NaiveDateTime,
    ) -> chrono::NaiveDateTime {
        (now + self.idle).min(created + self.max_age)
    }

    /// Whether a login made at `created` is too old at `now` for a sensitive action.
    pub fn needs_reauth(&self, created: chrono::NaiveDateTime, now: chrono::NaiveDateTime) -> bool {
        now - created >= self.reauth_after
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_slide_with_use_but_end_at_their_absolute_lifetime() {
        let policy = SessionPolicy::default();
        let login: chrono::NaiveDateTime = "2026-01-01T08:00:00".parse().unwrap();
        // Used every 11 hours: the idle expiry slides …
        let used = login + chrono::Duration::hours(11);
        assert_eq!(policy.expires_at(login, used), used + policy.idle);
        // … but never past 30 days after the login.
        let late = login + chrono::Duration::days(29) + chrono::Duration::hours(23);
        assert_eq!(
            policy.expires_at(login, late),
            login + chrono::Duration::days(30)
        );
        assert!(!policy.needs_reauth(login, login + chrono::Duration::minutes(119)));
        assert!(policy.needs_reauth(login, login + chrono::Duration::minutes(120)));
    }

    #[test]
    fn roles_parse_in_english_and_danish() {
        assert_eq!(Role::parse_loose("secretariat"), Some(Role::Secretariat));
        assert_eq!(Role::parse_loose("Sekretariat"), Some(Role::Secretariat));
        assert_eq!(Role::parse_loose("politiker"), Some(Role::Politician));
        assert_eq!(Role::parse_loose("forvaltning"), Some(Role::Administration));
        assert_eq!(Role::parse_loose("formand"), Some(Role::Chair));
        assert_eq!(Role::parse_loose("admin"), None);
        assert!(Role::Politician.needs_person() && Role::Chair.needs_person());
        assert!(Role::Administration.needs_organization());
        assert!(!Role::Secretariat.needs_person());
    }

    #[test]
    fn password_rules() {
        assert_eq!(
            NewPassword::parse("kort").unwrap_err(),
            PasswordError::TooShort
        );
        assert!(NewPassword::parse("rødgrød med fløde").is_ok());
        assert_eq!(
            NewPassword::parse(&"x".repeat(2000)).unwrap_err(),
            PasswordError::TooLong
        );
        assert_eq!(
            format!("{:?}", NewPassword::unchecked("demo")),
            "NewPassword(…)"
        );
    }
}
