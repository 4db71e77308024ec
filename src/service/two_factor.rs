//! Two-factor login for secretariat accounts: setting it up (a secret shown once, confirmed
//! with a code), turning it off (with the password), new recovery codes (with a code), and the
//! second step of a login (a code or a recovery code). Each change is audited.

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::db::accounts::{self, Account};
use crate::db::audit::{self, Change};
use crate::db::two_factor;
use crate::db::{DbConnection, write_transaction};
use crate::domain::account::Role;
use crate::domain::secret::secret_hash;
use crate::domain::totp::{TotpSecret, new_recovery_codes, normalize_recovery_code};
use crate::error::{AppError, AppResult};

use super::accounts::USER;

fn secretariat_only(account: &Account) -> AppResult<()> {
    if account.role == Role::Secretariat {
        Ok(())
    } else {
        Err(AppError::forbidden(
            "error-two-step-verification-is-for-the",
        ))
    }
}

/// Recovery codes as stored: the digests of their normalized forms.
fn digests(codes: &[String]) -> Vec<String> {
    codes
        .iter()
        .filter_map(|c| normalize_recovery_code(c))
        .map(|c| secret_hash(&c))
        .collect()
}

fn unix(now: DateTime<Utc>) -> u64 {
    u64::try_from(now.timestamp()).unwrap_or(0)
}

/// The secret being set up: the one already waiting, or a new one. Refused (409) when
/// two-factor login is on.
pub fn begin(conn: &mut DbConnection, account: &Account) -> AppResult<TotpSecret> {
    secretariat_only(account)?;
    write_transaction(conn, |conn| {
        let state = two_factor::state(conn, account.id)?;
        if state.enabled() {
            return Err(AppError::conflict(
                "error-two-step-verification-is-already-on",
            ));
        }
        if let Some(pending) = state
            .pending
            .as_deref()
            .and_then(|p| TotpSecret::parse(p).ok())
        {
            return Ok(pending);
        }
        let secret = TotpSecret::generate();
        two_factor::set_pending(conn, account.id, Some(secret.as_str()))?;
        Ok(secret)
    })
}

/// Turns two-factor login on when `code` is right for the secret being set up; returns the
/// recovery codes, shown once.
pub fn enable(
    conn: &mut DbConnection,
    account: &Account,
    code: &str,
    now: DateTime<Utc>,
) -> AppResult<Vec<String>> {
    secretariat_only(account)?;
    write_transaction(conn, |conn| {
        let state = two_factor::state(conn, account.id)?;
        if state.enabled() {
            return Err(AppError::conflict(
                "error-two-step-verification-is-already-on",
            ));
        }
        let secret = state
            .pending
            .as_deref()
            .and_then(|p| TotpSecret::parse(p).ok())
            .ok_or_else(|| AppError::conflict("error-start-again-choose-turn-on-two"))?;
        let step = secret
            .matching_step(code, unix(now))
            .ok_or_else(|| AppError::invalid("error-the-code-does-not-match-enter"))?;
        let codes = new_recovery_codes();
        let hashes = digests(&codes);
        two_factor::enable(
            conn,
            account.id,
            secret.as_str(),
            i64::try_from(step).unwrap_or(i64::MAX),
            &hashes,
        )?;
        audit::record(
            conn,
            &account.actor(),
            Change {
                action: "user.totp_enabled",
                subject: USER.with(account.id),
                before: None,
                after: Some(json!({ "recovery_codes": codes.len() })),
                note: None,
            },
        )?;
        Ok(codes)
    })
}

/// Turns two-factor login off once the password is confirmed.
pub fn disable(conn: &mut DbConnection, account: &Account, password: &str) -> AppResult<()> {
    let hash = accounts::password_hash(conn, account.id)?;
    if !crate::auth::verify_password(hash.as_deref(), password) {
        return Err(AppError::invalid("error-the-password-is-wrong"));
    }
    write_transaction(conn, |conn| {
        if !two_factor::state(conn, account.id)?.enabled() {
            return Err(AppError::conflict("error-two-step-verification-is-not-on"));
        }
        two_factor::disable(conn, account.id)?;
        audit::record(
            conn,
            &account.actor(),
            Change {
                action: "user.totp_disabled",
                subject: USER.with(account.id),
                before: None,
                after: None,
                note: None,
            },
        )
    })
}

/// New recovery codes (the old ones stop working) once a code from the app is given.
pub fn renew_recovery_codes(
    conn: &mut DbConnection,
    account: &Account,
    code: &str,
    now: DateTime<Utc>,
) -> AppResult<Vec<String>> {
    write_transaction(conn, |conn| {
        if !verify_totp(conn, account, code, now)? {
            return Err(AppError::invalid("error-the-code-does-not-match-or"));
        }
        let codes = new_recovery_codes();
        let hashes = digests(&codes);
        two_factor::replace_recovery_codes(conn, account.id, &hashes)?;
        audit::record(
            conn,
            &account.actor(),
            Change {
                action: "user.recovery_codes_renewed",
                subject: USER.with(account.id),
                before: None,
                after: Some(json!({ "recovery_codes": codes.len() })),
                note: None,
            },
        )?;
        Ok(codes)
    })
}

/// Whether `code` is the account's current app code, not used before (it is used now).
fn verify_totp(
    conn: &mut DbConnection,
    account: &Account,
    code: &str,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let Some(secret) = two_factor::state(conn, account.id)?
        .secret
        .and_then(|s| TotpSecret::parse(&s).ok())
    else {
        return Ok(false);
    };
    match secret.matching_step(code, unix(now)) {
        Some(step) => {
            two_factor::use_step(conn, account.id, i64::try_from(step).unwrap_or(i64::MAX))
        }
        None => Ok(false),
    }
}

/// The second step of a login: the app's code, or one of the recovery codes (then used up and
/// audited). False for anything else, or a code used before.
pub fn second_factor(
    conn: &mut DbConnection,
    account: &Account,
    typed: &str,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    write_transaction(conn, |conn| {
        if verify_totp(conn, account, typed, now)? {
            return Ok(true);
        }
        let Some(code) = normalize_recovery_code(typed) else {
            return Ok(false);
        };
        if !two_factor::use_recovery_code(conn, account.id, &secret_hash(&code))? {
            return Ok(false);
        }
        let left = two_factor::recovery_codes_left(conn, account.id)?;
        audit::record(
            conn,
            &account.actor(),
            Change {
                action: "user.recovery_code_used",
                subject: USER.with(account.id),
                before: None,
                after: Some(json!({ "recovery_codes_left": left })),
                note: None,
            },
        )?;
        Ok(true)
    })
}

/// Starts the second step of a login whose password was right: a waiting login under
/// `token_hash` (the browser keeps the token), valid for `CHALLENGE_MINUTES`.
pub fn begin_login(
    conn: &mut DbConnection,
    user: crate::domain::UserId,
    token_hash: &str,
    attempt: i64,
) -> AppResult<()> {
    let expires =
        crate::db::now() + chrono::Duration::minutes(crate::domain::totp::CHALLENGE_MINUTES);
    two_factor::create_challenge(conn, user, token_hash, attempt, expires)
}

/// What a code typed at `/login/code` did.
pub enum CodeOutcome {
    /// Right: the login is done and its session made.
    LoggedIn(Account),
    /// Wrong: how many wrong codes the login has had (at the limit it is gone).
    Wrong(i32),
}

/// The second step of a waiting login: a right code ends it with a new session (its token's
/// digest and CSRF token given), in one transaction with the login attempt counted as
/// succeeded; a wrong one is counted, and the login is dropped at `CODE_ATTEMPTS`.
pub fn complete_login(
    conn: &mut DbConnection,
    challenge: &two_factor::Challenge,
    typed: &str,
    now: DateTime<Utc>,
    session_token_hash: &str,
    session_expires_at: chrono::NaiveDateTime,
) -> AppResult<CodeOutcome> {
    let account = accounts::get_any(conn, challenge.user)?
        .filter(|(_, active)| *active)
        .map(|(account, _)| account)
        .ok_or_else(|| AppError::gone("error-the-account-is-no-longer-active"))?;
    write_transaction(conn, |conn| {
        if second_factor(conn, &account, typed, now)? {
            two_factor::delete_challenge(conn, challenge.id)?;
            if let Some(attempt) = challenge.attempt_id {
                accounts::attempt_succeeded(conn, attempt)?;
            }
            accounts::create_session(
                conn,
                account.id,
                session_token_hash,
                &crate::domain::secret::new_secret(),
                session_expires_at,
            )?;
            return Ok(CodeOutcome::LoggedIn(account.clone()));
        }
        let attempts = two_factor::challenge_failed(conn, challenge.id)?;
        if attempts >= crate::domain::totp::CODE_ATTEMPTS {
            two_factor::delete_challenge(conn, challenge.id)?;
        }
        Ok(CodeOutcome::Wrong(attempts))
    })
}

/// The secretariat turns off another account's two-factor login (a lost phone and lost
/// recovery codes); the account logs in with its password until it sets it up again. Not one's
/// own (that takes the password, on one's own page).
pub fn reset_for(
    conn: &mut DbConnection,
    by: &Account,
    user: crate::domain::UserId,
) -> AppResult<()> {
    if by.role != Role::Secretariat {
        return Err(AppError::forbidden(
            "error-only-the-secretariat-can-turn-off",
        ));
    }
    if by.id == user {
        return Err(AppError::invalid("error-you-turn-off-your-own-two"));
    }
    write_transaction(conn, |conn| {
        if !two_factor::state(conn, user)?.enabled() {
            return Err(AppError::conflict("error-the-account-does-not-have-two"));
        }
        two_factor::disable(conn, user)?;
        audit::record(
            conn,
            &by.actor(),
            Change {
                action: "user.totp_reset",
                subject: USER.with(user),
                before: None,
                after: None,
                note: None,
            },
        )
    })
}
