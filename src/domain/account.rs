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

#[cfg(test)]
mod tests {
    use super::*;

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
