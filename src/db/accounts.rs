//! Accounts, sessions, API tokens and login attempts. Secrets arrive here already hashed
//! (`crate::domain::secret::secret_hash`); nothing in these tables logs anyone in by itself.

use chrono::NaiveDateTime;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;

use super::schema::{
    api_tokens, login_attempts, organizations, password_links, password_requests, sessions, users,
};
use super::{DbConnection, now};
use crate::domain::account::{LoginLimits, PasswordLinkPurpose, ResetLimits, Role};
use crate::domain::{EmailAddress, OrganizationId, PersonId, UserId};
use crate::error::{AppError, AppResult};

/// An account as the application sees it (never with its password hash).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Account {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub person_id: Option<PersonId>,
    pub organization_id: Option<OrganizationId>,
    pub organization_name: Option<String>,
    /// The language the person chose for their pages and mail, if they have.
    pub language: Option<crate::domain::language::Lang>,
}

impl Account {
    /// The account as the author of what it changes (the audit log's "who").
    pub fn actor(&self) -> crate::domain::account::Actor {
        crate::domain::account::Actor::user(self.id, &self.name)
    }
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = users)]
struct UserRow {
    id: i64,
    email: String,
    name: String,
    role: String,
    person_id: Option<i64>,
    organization_id: Option<i64>,
    language: Option<String>,
}

fn account(row: UserRow, organization_name: Option<String>) -> AppResult<Account> {
    Ok(Account {
        id: UserId(row.id),
        email: row.email,
        name: row.name,
        role: row.role.parse().map_err(AppError::internal)?,
        person_id: row.person_id.map(PersonId),
        organization_id: row.organization_id.map(OrganizationId),
        organization_name,
        // A value this build does not know (written by a later one) counts as no choice.
        language: row.language.and_then(|l| l.parse().ok()),
    })
}

/// Saves the language the person chose (the switch on a page, while logged in).
pub fn set_language(
    conn: &mut DbConnection,
    user: UserId,
    language: crate::domain::language::Lang,
) -> AppResult<()> {
    diesel::update(users::table.find(user.0))
        .set(users::language.eq(Some(language.as_str())))
        .execute(conn)?;
    Ok(())
}

/// The language an active account chose, for mail to it: the account acting as `person` if
/// there is one, else the account with the address `email`. None when neither chose one.
pub fn language_of(
    conn: &mut DbConnection,
    email: &str,
    person: Option<PersonId>,
) -> AppResult<Option<crate::domain::language::Lang>> {
    let by_person: Option<Option<String>> = match person {
        Some(person) => users::table
            .filter(users::person_id.eq(person.0))
            .filter(users::active.eq(true))
            .select(users::language)
            .first(conn)
            .optional()?,
        None => None,
    };
    let stored = match by_person {
        Some(language) => language,
        None => users::table
            .filter(users::email.eq(normalize_email(email)))
            .filter(users::active.eq(true))
            .select(users::language)
            .first::<Option<String>>(conn)
            .optional()?
            .flatten(),
    };
    Ok(stored.and_then(|l| l.parse().ok()))
}

pub struct NewUser<'a> {
    pub email: &'a EmailAddress,
    pub name: &'a str,
    pub role: Role,
    pub person_id: Option<PersonId>,
    pub organization_id: Option<OrganizationId>,
    pub password_hash: &'a str,
}

/// The login name: addresses are compared without regard to case.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

pub fn insert_user(conn: &mut DbConnection, user: &NewUser<'_>) -> AppResult<UserId> {
    let email = normalize_email(user.email.as_str());
    let taken: i64 = users::table
        .filter(users::email.eq(&email))
        .count()
        .get_result(conn)?;
    if taken > 0 {
        return Err(AppError::conflict(
            crate::i18n::Msg::key("error-an-account-with-the-email-address").arg("email", email),
        ));
    }
    let at = now();
    let id = diesel::insert_into(users::table)
        .values((
            users::email.eq(&email),
            users::name.eq(user.name),
            users::role.eq(user.role.as_str()),
            users::person_id.eq(user.person_id.map(|p| p.0)),
            users::organization_id.eq(user.organization_id.map(|o| o.0)),
            users::password_hash.eq(user.password_hash),
            users::active.eq(true),
            users::created_at.eq(at),
            users::updated_at.eq(at),
        ))
        .returning(users::id)
        .get_result(conn)?;
    Ok(UserId(id))
}

/// Accounts with their organization's name and their password hash.
fn with_organizations(
    conn: &mut DbConnection,
    rows: Vec<(UserRow, String)>,
) -> AppResult<Vec<(Account, String)>> {
    let mut out = Vec::with_capacity(rows.len());
    for (row, hash) in rows {
        let organization_name = match row.organization_id {
            Some(id) => organizations::table
                .find(id)
                .select(organizations::name)
                .first::<String>(conn)
                .optional()?,
            None => None,
        };
        out.push((account(row, organization_name)?, hash));
    }
    Ok(out)
}

/// An active account by its login name, with its password hash.
pub fn by_email(conn: &mut DbConnection, email: &str) -> AppResult<Option<(Account, String)>> {
    let rows = users::table
        .filter(users::email.eq(normalize_email(email)))
        .filter(users::active.eq(true))
        .select((UserRow::as_select(), users::password_hash))
        .load(conn)?;
    Ok(with_organizations(conn, rows)?.into_iter().next())
}

pub fn get(conn: &mut DbConnection, id: UserId) -> AppResult<Option<Account>> {
    let rows = users::table
        .filter(users::id.eq(id.0))
        .filter(users::active.eq(true))
        .select((UserRow::as_select(), users::password_hash))
        .load(conn)?;
    Ok(with_organizations(conn, rows)?
        .into_iter()
        .next()
        .map(|(a, _)| a))
}

/// Accounts of a role, by name (for notices to the secretariat).
pub fn with_role(conn: &mut DbConnection, role: Role) -> AppResult<Vec<Account>> {
    let rows = users::table
        .filter(users::role.eq(role.as_str()))
        .filter(users::active.eq(true))
        .order(users::name)
        .select((UserRow::as_select(), users::password_hash))
        .load(conn)?;
    Ok(with_organizations(conn, rows)?
        .into_iter()
        .map(|(a, _)| a)
        .collect())
}

/// A logged-in session as a request sees it.
#[derive(Debug, Clone)]
pub struct SessionInfo {
    pub session_id: i64,
    pub csrf_token: String,
    /// When its account logged in.
    pub created_at: NaiveDateTime,
    pub last_seen_at: NaiveDateTime,
    pub account: Account,
}

pub fn create_session(
    conn: &mut DbConnection,
    user: UserId,
    token_hash: &str,
    csrf_token: &str,
    expires_at: NaiveDateTime,
) -> AppResult<()> {
    let at = now();
    diesel::insert_into(sessions::table)
        .values((
            sessions::token_hash.eq(token_hash),
            sessions::user_id.eq(user.0),
            sessions::csrf_token.eq(csrf_token),
            sessions::created_at.eq(at),
            sessions::last_seen_at.eq(at),
            sessions::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// The live session with this cookie hash: not revoked, not expired, its account active.
pub fn session(
    conn: &mut DbConnection,
    token_hash: &str,
    at: NaiveDateTime,
) -> AppResult<Option<SessionInfo>> {
    let found: Option<(i64, String, NaiveDateTime, NaiveDateTime, i64)> = sessions::table
        .filter(sessions::token_hash.eq(token_hash))
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::expires_at.gt(at))
        .select((
            sessions::id,
            sessions::csrf_token,
            sessions::created_at,
            sessions::last_seen_at,
            sessions::user_id,
        ))
        .first(conn)
        .optional()?;
    let Some((session_id, csrf_token, created_at, last_seen_at, user_id)) = found else {
        return Ok(None);
    };
    Ok(get(conn, UserId(user_id))?.map(|account| SessionInfo {
        session_id,
        csrf_token,
        created_at,
        last_seen_at,
        account,
    }))
}

/// Slides a session's expiry forward on use.
pub fn touch_session(
    conn: &mut DbConnection,
    session_id: i64,
    expires_at: NaiveDateTime,
) -> AppResult<()> {
    diesel::update(sessions::table.find(session_id))
        .set((
            sessions::last_seen_at.eq(now()),
            sessions::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn revoke_session(conn: &mut DbConnection, token_hash: &str) -> AppResult<()> {
    diesel::update(sessions::table.filter(sessions::token_hash.eq(token_hash)))
        .set(sessions::revoked_at.eq(now()))
        .execute(conn)?;
    Ok(())
}

/// Logs an account out everywhere; returns how many sessions ended.
pub fn revoke_sessions_of(conn: &mut DbConnection, user: UserId) -> AppResult<usize> {
    Ok(diesel::update(
        sessions::table
            .filter(sessions::user_id.eq(user.0))
            .filter(sessions::revoked_at.is_null()),
    )
    .set(sessions::revoked_at.eq(now()))
    .execute(conn)?)
}

/// Removes sessions and login attempts nobody needs any more (both tables would grow forever).
pub fn prune(conn: &mut DbConnection, older_than: NaiveDateTime) -> AppResult<()> {
    diesel::delete(sessions::table.filter(sessions::expires_at.lt(older_than))).execute(conn)?;
    diesel::delete(login_attempts::table.filter(login_attempts::attempted_at.lt(older_than)))
        .execute(conn)?;
    diesel::delete(password_requests::table.filter(password_requests::requested_at.lt(older_than)))
        .execute(conn)?;
    super::two_factor::prune_challenges(conn, older_than)?;
    Ok(())
}

pub fn create_api_token(
    conn: &mut DbConnection,
    user: UserId,
    token_hash: &str,
    label: Option<&str>,
) -> AppResult<i64> {
    Ok(diesel::insert_into(api_tokens::table)
        .values((
            api_tokens::token_hash.eq(token_hash),
            api_tokens::user_id.eq(user.0),
            api_tokens::label.eq(label),
            api_tokens::created_at.eq(now()),
        ))
        .returning(api_tokens::id)
        .get_result(conn)?)
}

/// The account an API token belongs to, if the token is live.
pub fn token_account(conn: &mut DbConnection, token_hash: &str) -> AppResult<Option<Account>> {
    let found: Option<(i64, i64, Option<NaiveDateTime>)> = api_tokens::table
        .filter(api_tokens::token_hash.eq(token_hash))
        .filter(api_tokens::revoked_at.is_null())
        .select((
            api_tokens::id,
            api_tokens::user_id,
            api_tokens::last_used_at,
        ))
        .first(conn)
        .optional()?;
    let Some((token_id, user_id, last_used)) = found else {
        return Ok(None);
    };
    let at = now();
    // Recorded at most once a minute: a busy client should not write on every call.
    if last_used.is_none_or(|t| at - t > chrono::Duration::minutes(1)) {
        diesel::update(api_tokens::table.find(token_id))
            .set(api_tokens::last_used_at.eq(at))
            .execute(conn)?;
    }
    get(conn, UserId(user_id))
}

/// Records a login attempt before its password is checked, if the limits allow one more: the
/// count and the record are one step, so parallel attempts each see the others (SQLite's write
/// lock; on PostgreSQL a transaction-scoped advisory lock serializes them). The attempt counts
/// as failed until `attempt_succeeded` says otherwise. `None`: too many recent failures, nothing
/// recorded, and the password must not be checked.
pub fn begin_attempt(
    conn: &mut DbConnection,
    email: &str,
    ip: &str,
    limits: &LoginLimits,
) -> AppResult<Option<i64>> {
    super::write_transaction(conn, |conn| {
        if let DbConnection::Postgresql(pg) = conn {
            pg.batch_execute("SELECT pg_advisory_xact_lock(4242002)")?;
        }
        let at = now();
        let (by_email, by_ip) = recent_failures(conn, email, ip, at - limits.window)?;
        if by_email >= limits.per_email || by_ip >= limits.per_ip {
            return Ok(None);
        }
        let id = diesel::insert_into(login_attempts::table)
            .values((
                login_attempts::email.eq(normalize_email(email)),
                login_attempts::ip.eq(ip),
                login_attempts::succeeded.eq(false),
                login_attempts::attempted_at.eq(at),
            ))
            .returning(login_attempts::id)
            .get_result(conn)?;
        Ok(Some(id))
    })
}

/// The password of attempt `id` was right.
pub fn attempt_succeeded(conn: &mut DbConnection, id: i64) -> AppResult<()> {
    diesel::update(login_attempts::table.find(id))
        .set(login_attempts::succeeded.eq(true))
        .execute(conn)?;
    Ok(())
}

/// Failed logins since `since`: for this address (after its last successful login) and from
/// this client.
fn recent_failures(
    conn: &mut DbConnection,
    email: &str,
    ip: &str,
    since: NaiveDateTime,
) -> AppResult<(i64, i64)> {
    let email = normalize_email(email);
    let last_success: Option<NaiveDateTime> = login_attempts::table
        .filter(login_attempts::email.eq(&email))
        .filter(login_attempts::succeeded.eq(true))
        .filter(login_attempts::attempted_at.ge(since))
        .select(diesel::dsl::max(login_attempts::attempted_at))
        .first(conn)?;
    let from = last_success.map_or(since, |t| t.max(since));
    let by_email: i64 = login_attempts::table
        .filter(login_attempts::email.eq(&email))
        .filter(login_attempts::succeeded.eq(false))
        .filter(login_attempts::attempted_at.ge(from))
        .count()
        .get_result(conn)?;
    let by_ip: i64 = login_attempts::table
        .filter(login_attempts::ip.eq(ip))
        .filter(login_attempts::succeeded.eq(false))
        .filter(login_attempts::attempted_at.ge(since))
        .count()
        .get_result(conn)?;
    Ok((by_email, by_ip))
}

/// A one-time password link as it stands when someone opens it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasswordLink {
    Valid {
        user: UserId,
        purpose: PasswordLinkPurpose,
    },
    Expired,
    Used,
    Unknown,
}

/// A new one-time link for `user` to set a password, working until `expires_at`; returns the
/// token (only its digest is stored).
pub fn create_password_link(
    conn: &mut DbConnection,
    user: UserId,
    purpose: PasswordLinkPurpose,
    expires_at: NaiveDateTime,
) -> AppResult<String> {
    let token = crate::domain::secret::new_secret();
    diesel::insert_into(password_links::table)
        .values((
            password_links::user_id.eq(user.0),
            password_links::token_hash.eq(crate::domain::secret::secret_hash(&token)),
            password_links::purpose.eq(purpose.as_str()),
            password_links::expires_at.eq(expires_at),
            password_links::created_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(token)
}

/// What the link `token` is at `at`, without using it.
pub fn password_link(
    conn: &mut DbConnection,
    token: &str,
    at: NaiveDateTime,
) -> AppResult<PasswordLink> {
    let row: Option<(i64, String, NaiveDateTime, Option<NaiveDateTime>)> = password_links::table
        .filter(password_links::token_hash.eq(crate::domain::secret::secret_hash(token)))
        .select((
            password_links::user_id,
            password_links::purpose,
            password_links::expires_at,
            password_links::used_at,
        ))
        .first(conn)
        .optional()?;
    Ok(match row {
        None => PasswordLink::Unknown,
        Some((.., Some(_))) => PasswordLink::Used,
        Some((_, _, expires, None)) if expires <= at => PasswordLink::Expired,
        Some((user, purpose, _, None)) => PasswordLink::Valid {
            user: UserId(user),
            purpose: purpose.parse().map_err(AppError::internal)?,
        },
    })
}

/// Uses the link `token` once: of two requests with the same link, only one gets `Valid`.
pub fn use_password_link(
    conn: &mut DbConnection,
    token: &str,
    at: NaiveDateTime,
) -> AppResult<PasswordLink> {
    let link = password_link(conn, token, at)?;
    if matches!(link, PasswordLink::Valid { .. }) {
        let taken = diesel::update(
            password_links::table
                .filter(password_links::token_hash.eq(crate::domain::secret::secret_hash(token)))
                .filter(password_links::used_at.is_null()),
        )
        .set(password_links::used_at.eq(at))
        .execute(conn)?;
        if taken == 0 {
            return Ok(PasswordLink::Used);
        }
    }
    Ok(link)
}

/// Replaces an account's password hash.
pub fn set_password_hash(conn: &mut DbConnection, user: UserId, hash: &str) -> AppResult<()> {
    diesel::update(users::table.find(user.0))
        .set((users::password_hash.eq(hash), users::updated_at.eq(now())))
        .execute(conn)?;
    Ok(())
}

/// Whether the database holds no municipality and no account yet (a new installation).
pub fn instance_is_empty(conn: &mut DbConnection) -> AppResult<bool> {
    let accounts: i64 = users::table.count().get_result(conn)?;
    Ok(accounts == 0 && super::is_empty(conn)?)
}

/// Every account, active or not, by role and name, with whether it is active.
pub fn all(conn: &mut DbConnection) -> AppResult<Vec<(Account, bool)>> {
    let rows: Vec<(UserRow, String, bool)> = users::table
        .order((users::role, users::name, users::id))
        .select((UserRow::as_select(), users::password_hash, users::active))
        .load(conn)?;
    let mut out = Vec::with_capacity(rows.len());
    for (row, hash, active) in rows {
        let (account, _) = with_organizations(conn, vec![(row, hash)])?
            .pop()
            .ok_or_else(|| AppError::internal("an account row without its account"))?;
        out.push((account, active));
    }
    Ok(out)
}

/// An account, active or not, with whether it is active.
pub fn get_any(conn: &mut DbConnection, id: UserId) -> AppResult<Option<(Account, bool)>> {
    let row: Option<(UserRow, String, bool)> = users::table
        .filter(users::id.eq(id.0))
        .select((UserRow::as_select(), users::password_hash, users::active))
        .first(conn)
        .optional()?;
    let Some((row, hash, active)) = row else {
        return Ok(None);
    };
    Ok(with_organizations(conn, vec![(row, hash)])?
        .pop()
        .map(|(account, _)| (account, active)))
}

/// Whether an account (active or not) has this login name.
pub fn email_taken(conn: &mut DbConnection, email: &str) -> AppResult<bool> {
    let n: i64 = users::table
        .filter(users::email.eq(normalize_email(email)))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Changes an account's name, role, person and organization.
pub fn update_user(
    conn: &mut DbConnection,
    id: UserId,
    name: &str,
    role: Role,
    person_id: Option<PersonId>,
    organization_id: Option<OrganizationId>,
) -> AppResult<()> {
    diesel::update(users::table.find(id.0))
        .set((
            users::name.eq(name),
            users::role.eq(role.as_str()),
            users::person_id.eq(person_id.map(|p| p.0)),
            users::organization_id.eq(organization_id.map(|o| o.0)),
            users::updated_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn set_user_active(conn: &mut DbConnection, id: UserId, active: bool) -> AppResult<()> {
    diesel::update(users::table.find(id.0))
        .set((users::active.eq(active), users::updated_at.eq(now())))
        .execute(conn)?;
    Ok(())
}

/// Revokes every live API token of an account; returns how many.
pub fn revoke_tokens_of(conn: &mut DbConnection, user: UserId) -> AppResult<usize> {
    Ok(diesel::update(
        api_tokens::table
            .filter(api_tokens::user_id.eq(user.0))
            .filter(api_tokens::revoked_at.is_null()),
    )
    .set(api_tokens::revoked_at.eq(now()))
    .execute(conn)?)
}

/// Ends an account's other sessions, keeping `keep` (the one that changed the password).
pub fn revoke_other_sessions(conn: &mut DbConnection, user: UserId, keep: i64) -> AppResult<usize> {
    Ok(diesel::update(
        sessions::table
            .filter(sessions::user_id.eq(user.0))
            .filter(sessions::id.ne(keep))
            .filter(sessions::revoked_at.is_null()),
    )
    .set(sessions::revoked_at.eq(now()))
    .execute(conn)?)
}

/// How many active secretariat accounts there are.
pub fn active_secretariats(conn: &mut DbConnection) -> AppResult<i64> {
    Ok(users::table
        .filter(users::role.eq(Role::Secretariat.as_str()))
        .filter(users::active.eq(true))
        .count()
        .get_result(conn)?)
}

/// An active account's password hash.
pub fn password_hash(conn: &mut DbConnection, id: UserId) -> AppResult<Option<String>> {
    Ok(users::table
        .filter(users::id.eq(id.0))
        .filter(users::active.eq(true))
        .select(users::password_hash)
        .first(conn)
        .optional()?)
}

/// Records a request for a reset link if the limits allow one more (the count and the record
/// are one step, as with login attempts); `false`: too many, nothing recorded.
pub fn begin_reset_request(
    conn: &mut DbConnection,
    email: &str,
    ip: &str,
    limits: &ResetLimits,
) -> AppResult<bool> {
    super::write_transaction(conn, |conn| {
        if let DbConnection::Postgresql(pg) = conn {
            pg.batch_execute("SELECT pg_advisory_xact_lock(4242003)")?;
        }
        let at = now();
        let since = at - limits.window;
        let email = normalize_email(email);
        let by_email: i64 = password_requests::table
            .filter(password_requests::email.eq(&email))
            .filter(password_requests::requested_at.ge(since))
            .count()
            .get_result(conn)?;
        let by_ip: i64 = password_requests::table
            .filter(password_requests::ip.eq(ip))
            .filter(password_requests::requested_at.ge(since))
            .count()
            .get_result(conn)?;
        if by_email >= limits.per_email || by_ip >= limits.per_ip {
            return Ok(false);
        }
        diesel::insert_into(password_requests::table)
            .values((
                password_requests::email.eq(&email),
                password_requests::ip.eq(ip),
                password_requests::requested_at.eq(at),
            ))
            .execute(conn)?;
        Ok(true)
    })
}
