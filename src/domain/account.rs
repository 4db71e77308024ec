//! Accounts: who may do what. The roles of `product/BRIEF.md` §1; the public needs no account.

use std::fmt;

text_enum!(
    /// What an account is for.
    Role {
        Secretariat = "secretariat",
        Politician = "politician",
        Administration = "administration",
        Chair = "chair",
    }
);

text_enum!(
    /// What a one-time password link is for: a new account's first password, or a new one for
    /// a forgotten password.
    PasswordLinkPurpose {
        Set = "set",
        Reset = "reset",
    }
);

impl Role {
    /// Also the Danish words, as people type them on the command line.
    pub fn parse_loose(text: &str) -> Option<Role> {
        let text = text.trim().to_lowercase();
        Self::ALL.iter().copied().find(|r| {
            r.as_str() == text
                || super::language::Lang::ALL
                    .iter()
                    .any(|lang| r.label(*lang).to_lowercase() == text)
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
    #[error("the password is shorter than {MIN_PASSWORD_CHARS} characters")]
    TooShort,
    #[error("the password is longer than {MAX_PASSWORD_BYTES} bytes")]
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
pub const LOGIN_FAILED: &str = "login-wrong";

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

/// Limits on asking for a password reset link (`/password/forgot`): per address and per
/// client in the window, counted whether or not the address has an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResetLimits {
    pub per_email: i64,
    pub per_ip: i64,
    pub window: chrono::Duration,
}

impl Default for ResetLimits {
    fn default() -> Self {
        Self {
            per_email: 3,
            per_ip: 20,
            window: chrono::Duration::hours(1),
        }
    }
}

/// The longest name of an account.
pub const ACCOUNT_NAME_MAX_CHARS: usize = 200;

/// An account as the secretariat types it (an invitation, or a change of role): every field a
/// string, so a refused form comes back as it was.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct AccountInput {
    pub email: String,
    pub name: String,
    pub role: String,
    /// The person a politician or chair acts as (an id).
    pub person: String,
    /// The administration its staff act for (an id); the secretariat may name its own.
    pub organization: String,
}

/// An account's fields once checked; whether the person and organization exist, and the
/// address is free, is for the caller with the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountFields {
    pub email: Option<crate::domain::EmailAddress>,
    pub name: String,
    pub role: Role,
    pub person: Option<i64>,
    pub organization: Option<i64>,
}

/// Checks an account as typed; `with_email` for an invitation (a change keeps the address).
pub fn check_account(
    input: &AccountInput,
    with_email: bool,
) -> Result<AccountFields, crate::domain::proposal::FieldErrors> {
    let mut errors = crate::domain::proposal::FieldErrors::default();
    let email = if with_email {
        match crate::domain::EmailAddress::parse(input.email.trim()) {
            Ok(e) => Some(e),
            Err(e) => {
                errors.add("email", e);
                None
            }
        }
    } else {
        None
    };
    let name = input.name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.chars().count() > ACCOUNT_NAME_MAX_CHARS {
        errors.add(
            "name",
            crate::i18n::Msg::key("field-the-name-is-too-long-at")
                .arg("ACCOUNT_NAME_MAX_CHARS", ACCOUNT_NAME_MAX_CHARS),
        );
    }
    let role = Role::parse_loose(&input.role);
    if role.is_none() {
        errors.add("role", "field-choose-the-role-secretariat-politician-chair");
    }
    let id = |text: &str| text.trim().parse::<i64>().ok().filter(|i| *i > 0);
    let person = id(&input.person);
    let organization = id(&input.organization);
    if let Some(role) = role {
        if role.needs_person() && person.is_none() {
            errors.add("person", "field-a-politician-or-chair-acts-as");
        }
        if role.needs_organization() && organization.is_none() {
            errors.add(
                "organization",
                "field-an-administration-staff-member-belongs-to",
            );
        }
    }
    match role {
        Some(role) if errors.is_empty() => Ok(AccountFields {
            email,
            name,
            role,
            // A person or organization the role does not use is not kept.
            person: person.filter(|_| role.needs_person()),
            organization: organization
                .filter(|_| role.needs_organization() || role == Role::Secretariat),
        }),
        _ => Err(errors),
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

impl From<PasswordError> for crate::i18n::Msg {
    fn from(err: PasswordError) -> Self {
        match err {
            PasswordError::TooShort => {
                crate::i18n::Msg::key("password-too-short").arg("min", MIN_PASSWORD_CHARS)
            }
            PasswordError::TooLong => {
                crate::i18n::Msg::key("password-too-long").arg("max", MAX_PASSWORD_BYTES)
            }
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn an_invitation_is_checked_by_role() {
        let mut input = AccountInput {
            email: "ny@kk.dk".into(),
            name: " Ny  Politiker ".into(),
            role: "politician".into(),
            ..AccountInput::default()
        };
        let errors = check_account(&input, true).unwrap_err();
        assert!(errors.get("person").is_some());
        input.person = "7".into();
        input.organization = "3".into();
        let ok = check_account(&input, true).unwrap();
        assert_eq!(
            (ok.name.as_str(), ok.person, ok.organization),
            ("Ny Politiker", Some(7), None)
        );
        input.role = "administration".into();
        input.organization = String::new();
        assert!(
            check_account(&input, true)
                .unwrap_err()
                .get("organization")
                .is_some()
        );
        input.email = "not an address".into();
        input.role = "secretariat".into();
        assert!(
            check_account(&input, true)
                .unwrap_err()
                .get("email")
                .is_some()
        );
        assert!(
            check_account(&input, false).is_ok(),
            "a change keeps the address"
        );
    }

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
