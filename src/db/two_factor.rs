//! Two-factor login's storage: an account's TOTP secret and last accepted step, its recovery
//! codes (SHA-256 digests), and logins waiting for their code. Using a code is one conditional
//! UPDATE, so two servers (or two tabs) cannot both accept the same code.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{login_challenges, recovery_codes, users};
use super::{DbConnection, now};
use crate::domain::UserId;
use crate::error::AppResult;

/// An account's two-factor state.
#[derive(Debug, Clone, Default)]
pub struct TotpState {
    pub secret: Option<String>,
    pub pending: Option<String>,
    pub enabled_at: Option<NaiveDateTime>,
}

impl TotpState {
    pub fn enabled(&self) -> bool {
        self.secret.is_some()
    }
}

pub fn state(conn: &mut DbConnection, user: UserId) -> AppResult<TotpState> {
    let (secret, pending, enabled_at) = users::table
        .find(user.0)
        .select((
            users::totp_secret,
            users::totp_pending,
            users::totp_enabled_at,
        ))
        .first(conn)?;
    Ok(TotpState {
        secret,
        pending,
        enabled_at,
    })
}

/// A secret being set up (not yet confirmed with a code), or none.
pub fn set_pending(conn: &mut DbConnection, user: UserId, secret: Option<&str>) -> AppResult<()> {
    diesel::update(users::table.find(user.0))
        .set(users::totp_pending.eq(secret))
        .execute(conn)?;
    Ok(())
}

/// Turns two-factor login on with `secret`, the step its confirming code was for, and new
/// recovery codes (digests) replacing any old.
pub fn enable(
    conn: &mut DbConnection,
    user: UserId,
    secret: &str,
    step: i64,
    code_hashes: &[String],
) -> AppResult<()> {
    diesel::update(users::table.find(user.0))
        .set((
            users::totp_secret.eq(secret),
            users::totp_pending.eq(None::<String>),
            users::totp_enabled_at.eq(now()),
            users::totp_last_step.eq(step),
        ))
        .execute(conn)?;
    replace_recovery_codes(conn, user, code_hashes)
}

/// Turns two-factor login off; the recovery codes go.
pub fn disable(conn: &mut DbConnection, user: UserId) -> AppResult<()> {
    diesel::update(users::table.find(user.0))
        .set((
            users::totp_secret.eq(None::<String>),
            users::totp_pending.eq(None::<String>),
            users::totp_enabled_at.eq(None::<NaiveDateTime>),
            users::totp_last_step.eq(None::<i64>),
        ))
        .execute(conn)?;
    diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user.0)))
        .execute(conn)?;
    Ok(())
}

/// Accepts a code's step if it is later than every step accepted before; false for a replay.
pub fn use_step(conn: &mut DbConnection, user: UserId, step: i64) -> AppResult<bool> {
    let updated = diesel::update(
        users::table
            .find(user.0)
            .filter(users::totp_secret.is_not_null())
            .filter(
                users::totp_last_step
                    .is_null()
                    .or(users::totp_last_step.lt(step)),
            ),
    )
    .set(users::totp_last_step.eq(step))
    .execute(conn)?;
    Ok(updated == 1)
}

pub fn replace_recovery_codes(
    conn: &mut DbConnection,
    user: UserId,
    code_hashes: &[String],
) -> AppResult<()> {
    diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user.0)))
        .execute(conn)?;
    let at = now();
    for hash in code_hashes {
        diesel::insert_into(recovery_codes::table)
            .values((
                recovery_codes::user_id.eq(user.0),
                recovery_codes::code_hash.eq(hash),
                recovery_codes::created_at.eq(at),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Uses a recovery code (by its digest) if it is the account's and unused.
pub fn use_recovery_code(conn: &mut DbConnection, user: UserId, hash: &str) -> AppResult<bool> {
    let updated = diesel::update(
        recovery_codes::table
            .filter(recovery_codes::user_id.eq(user.0))
            .filter(recovery_codes::code_hash.eq(hash))
            .filter(recovery_codes::used_at.is_null()),
    )
    .set(recovery_codes::used_at.eq(now()))
    .execute(conn)?;
    Ok(updated == 1)
}

pub fn recovery_codes_left(conn: &mut DbConnection, user: UserId) -> AppResult<i64> {
    Ok(recovery_codes::table
        .filter(recovery_codes::user_id.eq(user.0))
        .filter(recovery_codes::used_at.is_null())
        .count()
        .get_result(conn)?)
}

/// A login waiting for its code.
#[derive(Debug, Clone)]
pub struct Challenge {
    pub id: i64,
    pub user: UserId,
    pub attempt_id: Option<i64>,
    pub attempts: i32,
}

pub fn create_challenge(
    conn: &mut DbConnection,
    user: UserId,
    token_hash: &str,
    attempt_id: i64,
    expires_at: NaiveDateTime,
) -> AppResult<()> {
    diesel::insert_into(login_challenges::table)
        .values((
            login_challenges::token_hash.eq(token_hash),
            login_challenges::user_id.eq(user.0),
            login_challenges::attempt_id.eq(attempt_id),
            login_challenges::created_at.eq(now()),
            login_challenges::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// The live login of a token, if it has not expired.
pub fn challenge(
    conn: &mut DbConnection,
    token_hash: &str,
    at: NaiveDateTime,
) -> AppResult<Option<Challenge>> {
    let row: Option<(i64, i64, Option<i64>, i32)> = login_challenges::table
        .filter(login_challenges::token_hash.eq(token_hash))
        .filter(login_challenges::expires_at.gt(at))
        .select((
            login_challenges::id,
            login_challenges::user_id,
            login_challenges::attempt_id,
            login_challenges::attempts,
        ))
        .first(conn)
        .optional()?;
    Ok(row.map(|(id, user, attempt_id, attempts)| Challenge {
        id,
        user: UserId(user),
        attempt_id,
        attempts,
    }))
}

/// Counts a wrong code; returns how many the login has had.
pub fn challenge_failed(conn: &mut DbConnection, id: i64) -> AppResult<i32> {
    diesel::update(login_challenges::table.find(id))
        .set(login_challenges::attempts.eq(login_challenges::attempts + 1))
        .execute(conn)?;
    Ok(login_challenges::table
        .find(id)
        .select(login_challenges::attempts)
        .first(conn)?)
}

pub fn delete_challenge(conn: &mut DbConnection, id: i64) -> AppResult<()> {
    diesel::delete(login_challenges::table.find(id)).execute(conn)?;
    Ok(())
}

/// Drops logins that expired before `before`.
pub fn prune_challenges(conn: &mut DbConnection, before: NaiveDateTime) -> AppResult<()> {
    diesel::delete(login_challenges::table.filter(login_challenges::expires_at.lt(before)))
        .execute(conn)?;
    Ok(())
}
