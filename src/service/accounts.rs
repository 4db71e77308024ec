//! Accounts: a new installation's first account (`agendum setup`), account administration from
//! the command line (`agendum user add`, `agendum token create`) with the checks a person typing
//! the command needs, and one-time links to set a password.

use serde_json::json;

use crate::auth::{hash_password, new_api_token, secret_hash};
use crate::db::audit::{self, Change, SubjectKind};
use crate::db::organizations::{self, Organization};
use crate::db::{DbConnection, accounts, write_transaction};
use crate::domain::account::{
    AccountFields, AccountInput, Actor, NewPassword, Role, check_account,
};
use crate::domain::organization::OrganizationKind;
use crate::domain::proposal::FieldErrors;
use crate::domain::{EmailAddress, OrganizationId, PersonId, UserId};
use crate::error::{AppError, AppResult};

pub const USER: SubjectKind = SubjectKind("user");

/// What `agendum user add` was given.
pub struct UserRequest<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: &'a str,
    pub organization: Option<&'a str>,
    pub person: Option<&'a str>,
}

fn organization(conn: &mut DbConnection, text: &str) -> AppResult<Organization> {
    let mut found = organizations::find(conn, text)?;
    match found.len() {
        0 => Err(AppError::bad_request(format!(
            "no organization '{text}'; give its id, name or short name (e.g. ØKF)"
        ))),
        1 => Ok(found.remove(0)),
        _ => Err(AppError::bad_request(format!(
            "'{text}' names several organizations ({}); give the id",
            found
                .iter()
                .map(|o| format!("{} = {}", o.id, o.name))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

fn person(conn: &mut DbConnection, text: &str) -> AppResult<(PersonId, String)> {
    let mut found = organizations::find_persons(conn, text)?;
    match found.len() {
        0 => Err(AppError::bad_request(format!(
            "no person '{text}'; give the person's id or full name"
        ))),
        1 => Ok(found.remove(0)),
        _ => Err(AppError::bad_request(format!(
            "'{text}' names several persons (ids {}); give the id",
            found
                .iter()
                .map(|(id, _)| id.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// Creates an account; everything is checked before anything is written.
pub fn add_user(
    conn: &mut DbConnection,
    request: &UserRequest<'_>,
    password: &NewPassword,
) -> AppResult<UserId> {
    let email = EmailAddress::parse(request.email.trim())
        .map_err(|e| AppError::bad_request(format!("--email: {e}")))?;
    let name = request.name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(AppError::bad_request(
            "--name must be given (at most 200 characters)",
        ));
    }
    let role = Role::parse_loose(request.role).ok_or_else(|| {
        AppError::bad_request(format!(
            "--role '{}' is not a role; use secretariat, politician, administration or chair",
            request.role
        ))
    })?;
    let organization = request
        .organization
        .map(|text| organization(conn, text))
        .transpose()?;
    let person = request.person.map(|text| person(conn, text)).transpose()?;
    if role.needs_person() && person.is_none() {
        return Err(AppError::bad_request(format!(
            "a {} account acts as a member: give --person (the person's id or name)",
            role.as_str()
        )));
    }
    if role.needs_organization() {
        match &organization {
            Some(o) if o.kind == OrganizationKind::Administration => {}
            Some(o) => {
                return Err(AppError::bad_request(format!(
                    "{} is not an administration; administration staff belong to one (e.g. --organization ØKF)",
                    o.name
                )));
            }
            None => {
                return Err(AppError::bad_request(
                    "an administration account needs --organization (e.g. ØKF or Økonomiforvaltningen)",
                ));
            }
        }
    }
    let hash = hash_password(password)?;
    let organization_id: Option<OrganizationId> = organization.as_ref().map(|o| o.id);
    write_transaction(conn, |conn| {
        let id = accounts::insert_user(
            conn,
            &accounts::NewUser {
                email: &email,
                name,
                role,
                person_id: person.as_ref().map(|p| p.0),
                organization_id,
                password_hash: &hash,
            },
        )?;
        audit::record(
            conn,
            &Actor::command_line(),
            Change {
                action: "user.created",
                subject: USER.with(id.0),
                before: None,
                after: Some(json!({
                    "email": accounts::normalize_email(email.as_str()),
                    "name": name,
                    "role": role.as_str(),
                    "person_id": person.as_ref().map(|p| p.0.0),
                    "organization_id": organization_id.map(|o| o.0),
                })),
                note: None,
            },
        )?;
        Ok(id)
    })
}

/// A new API token for the account with this address; only its hash is stored.
pub fn create_token(
    conn: &mut DbConnection,
    email: &str,
    label: Option<&str>,
) -> AppResult<String> {
    let (account, _) = accounts::by_email(conn, email)?.ok_or_else(|| {
        AppError::bad_request(format!(
            "no active account with the address '{}'",
            email.trim()
        ))
    })?;
    let token = new_api_token();
    write_transaction(conn, |conn| {
        let id = accounts::create_api_token(conn, account.id, &secret_hash(&token), label)?;
        audit::record(
            conn,
            &Actor::command_line(),
            Change {
                action: "token.created",
                subject: USER.with(account.id.0),
                before: None,
                after: Some(json!({ "token_id": id, "label": label })),
                note: None,
            },
        )
    })?;
    Ok(token)
}

/// How long a link to set a password works.
pub const PASSWORD_LINK_HOURS: i64 = 24;

/// What `agendum setup` made: the municipality, its first secretariat account, and the
/// one-time link (absolute) that account sets its password with.
pub struct Setup {
    pub body: crate::domain::BodyId,
    pub user: UserId,
    pub link: String,
}

/// Turns an empty database into a municipality's instance: the municipality, its first
/// secretariat account, and a link to set that account's password, also mailed to it. Refused
/// on a database that has a municipality or an account.
pub fn setup(
    conn: &mut DbConnection,
    settings: &crate::config::Settings,
    municipality: &str,
    secretariat: &str,
) -> AppResult<Setup> {
    use crate::domain::municipality::{MUNICIPALITY_NAME_MAX_CHARS, check_municipality_name};
    let name = &check_municipality_name(municipality).map_err(|_| {
        AppError::bad_request(format!(
            "--municipality must be the municipality's name (at most {MUNICIPALITY_NAME_MAX_CHARS} characters), e.g. \"Aarhus Kommune\""
        ))
    })?;
    let email = EmailAddress::parse(secretariat.trim())
        .map_err(|e| AppError::bad_request(format!("--secretariat: {e}")))?;
    // Nobody knows this password: the account gets one through the link.
    let unusable = hash_password(&NewPassword::unchecked(&crate::domain::secret::new_secret()))?;
    write_transaction(conn, |conn| {
        if !accounts::instance_is_empty(conn)? {
            return Err(AppError::conflict(
                "the database already holds a municipality or accounts; agendum setup only \
                 turns an empty database into a new instance",
            ));
        }
        let body = super::register::create_body(conn, &Actor::command_line(), name)?;
        let user = accounts::insert_user(
            conn,
            &accounts::NewUser {
                email: &email,
                name: email.as_str(),
                role: Role::Secretariat,
                person_id: None,
                organization_id: None,
                password_hash: &unusable,
            },
        )?;
        let link = password_link(
            conn,
            settings,
            user,
            &email,
            crate::domain::account::PasswordLinkPurpose::Set,
            name,
            PASSWORD_LINK_HOURS,
        )?;
        audit::record(
            conn,
            &Actor::command_line(),
            Change {
                action: "instance.setup",
                subject: SubjectKind("body").with(body),
                before: None,
                after: Some(json!({ "municipality": name, "secretariat": email.as_str() })),
                note: None,
            },
        )?;
        Ok(Setup { body, user, link })
    })
}

/// A new one-time link for `user` to set a password, mailed to `email` through the outbox;
/// returns the link. Call it inside the transaction that makes the account or the request.
fn password_link(
    conn: &mut DbConnection,
    settings: &crate::config::Settings,
    user: UserId,
    email: &EmailAddress,
    purpose: crate::domain::account::PasswordLinkPurpose,
    municipality: &str,
    hours: i64,
) -> AppResult<String> {
    use crate::domain::mail::{Mailbox, OutgoingMessage};
    use crate::mail::templates::{MailSite, render_mail};
    let expires = chrono::Utc::now() + chrono::Duration::hours(hours);
    let token = accounts::create_password_link(conn, user, purpose, expires.naive_utc())?;
    let link = crate::urls::absolute(&settings.base_url, &crate::urls::password_reset(&token));
    let mut ctx = tera::Context::new();
    ctx.insert("municipality", municipality);
    ctx.insert("link", &link);
    ctx.insert("hours", &hours);
    ctx.insert(
        "new_account",
        &(purpose == crate::domain::account::PasswordLinkPurpose::Set),
    );
    let site = MailSite::load(conn)?;
    let lang = site.lang_for(conn, email.as_str(), None)?;
    let mail = render_mail("password_link", lang, &site, &ctx)?;
    let to = Mailbox::new(None, email.as_str()).map_err(AppError::bad_request)?;
    let message = OutgoingMessage::new(vec![to], mail.subject, mail.text)
        .map_err(AppError::internal)?
        .html(mail.html)
        .concerning("user", user);
    crate::mail::enqueue(conn, &settings.mail_from, &message)?;
    Ok(link)
}

/// Why a password link does not open, in words for the person who followed it.
pub fn link_problem(link: &accounts::PasswordLink) -> Option<AppError> {
    match link {
        accounts::PasswordLink::Valid { .. } => None,
        accounts::PasswordLink::Expired => {
            Some(AppError::gone("error-the-link-has-expired-ask-for"))
        }
        accounts::PasswordLink::Used => {
            Some(AppError::gone("error-the-link-has-already-been-used"))
        }
        accounts::PasswordLink::Unknown => {
            Some(AppError::not_found("error-the-link-does-not-exist-check"))
        }
    }
}

/// Sets the password of the account a one-time link belongs to, and uses the link up; the
/// account's sessions end, so a password set anew is the only way in.
pub fn set_password_with_link(
    conn: &mut DbConnection,
    token: &str,
    password: &NewPassword,
) -> AppResult<UserId> {
    let hash = hash_password(password)?;
    write_transaction(conn, |conn| {
        let link = accounts::use_password_link(conn, token, crate::db::now())?;
        if let Some(problem) = link_problem(&link) {
            return Err(problem);
        }
        let accounts::PasswordLink::Valid { user, purpose } = link else {
            return Err(AppError::internal("a valid link without its account"));
        };
        let account = accounts::get(conn, user)?
            .ok_or_else(|| AppError::not_found("error-the-account-no-longer-exists"))?;
        accounts::set_password_hash(conn, user, &hash)?;
        accounts::revoke_sessions_of(conn, user)?;
        audit::record(
            conn,
            &account.actor(),
            Change {
                action: "user.password_set",
                subject: USER.with(user),
                before: None,
                after: Some(json!({ "by_link": purpose.as_str() })),
                note: None,
            },
        )?;
        Ok(user)
    })
}

/// How long an invitation's link works: a few days, as people do not always read their mail
/// the day it comes.
pub const INVITATION_HOURS: i64 = 72;

fn municipality(conn: &mut DbConnection) -> AppResult<String> {
    let body = super::register::body(conn)?;
    organizations::body_name(conn, body)
}

/// Checks an account's person and organization against the register.
fn check_ties(
    conn: &mut DbConnection,
    fields: &AccountFields,
    errors: &mut FieldErrors,
) -> AppResult<()> {
    if let Some(person) = fields.person
        && organizations::get_person(conn, PersonId(person))?.is_none()
    {
        errors.add("person", "field-the-person-is-not-in-the");
    }
    if let Some(org) = fields.organization {
        match organizations::get(conn, OrganizationId(org))? {
            None => errors.add("organization", "field-the-organisation-does-not-exist"),
            Some(o)
                if fields.role.needs_organization()
                    && o.kind != OrganizationKind::Administration =>
            {
                errors.add(
                    "organization",
                    crate::i18n::Msg::key("field-is-not-an-administration-choose-the")
                        .arg("name", &o.name),
                )
            }
            Some(o) if !o.active => errors.add(
                "organization",
                crate::i18n::Msg::key("field-is-deactivated").arg("name", &o.name),
            ),
            Some(_) => {}
        }
    }
    Ok(())
}

/// The name an account is shown by: as typed, else its person's name, else its address.
fn account_name(conn: &mut DbConnection, fields: &AccountFields, email: &str) -> AppResult<String> {
    if !fields.name.is_empty() {
        return Ok(fields.name.clone());
    }
    if let Some(person) = fields.person
        && let Some(p) = organizations::get_person(conn, PersonId(person))?
    {
        return Ok(p.name);
    }
    Ok(email.to_owned())
}

fn account_json(a: &accounts::Account, active: bool) -> serde_json::Value {
    json!({
        "email": a.email,
        "name": a.name,
        "role": a.role.as_str(),
        "person_id": a.person_id,
        "organization_id": a.organization_id,
        "active": active,
    })
}

/// The secretariat invites a person: the account is made without a password, and a link to
/// choose one (working [`INVITATION_HOURS`]) is mailed through the outbox.
pub fn invite(
    conn: &mut DbConnection,
    settings: &crate::config::Settings,
    actor: &Actor,
    input: &AccountInput,
) -> AppResult<Result<UserId, FieldErrors>> {
    let fields = match check_account(input, true) {
        Ok(f) => f,
        Err(errors) => return Ok(Err(errors)),
    };
    let email = fields
        .email
        .clone()
        .ok_or_else(|| AppError::internal("an invitation without its address"))?;
    // Nobody knows this password: the account gets one through the link.
    let unusable = hash_password(&NewPassword::unchecked(&crate::domain::secret::new_secret()))?;
    write_transaction(conn, |conn| {
        let mut errors = FieldErrors::default();
        if accounts::email_taken(conn, email.as_str())? {
            errors.add(
                "email",
                crate::i18n::Msg::key("field-an-account-with-the-address-already")
                    .arg("arg0", accounts::normalize_email(email.as_str())),
            );
        }
        check_ties(conn, &fields, &mut errors)?;
        if !errors.is_empty() {
            return Ok(Err(errors));
        }
        let name = account_name(conn, &fields, email.as_str())?;
        let id = accounts::insert_user(
            conn,
            &accounts::NewUser {
                email: &email,
                name: &name,
                role: fields.role,
                person_id: fields.person.map(PersonId),
                organization_id: fields.organization.map(OrganizationId),
                password_hash: &unusable,
            },
        )?;
        let municipality = municipality(conn)?;
        password_link(
            conn,
            settings,
            id,
            &email,
            crate::domain::account::PasswordLinkPurpose::Set,
            &municipality,
            INVITATION_HOURS,
        )?;
        let (created, _) = accounts::get_any(conn, id)?
            .ok_or_else(|| AppError::internal("an account just made"))?;
        audit::record(
            conn,
            actor,
            Change {
                action: "user.invited",
                subject: USER.with(id),
                before: None,
                after: Some(account_json(&created, true)),
                note: None,
            },
        )?;
        Ok(Ok(id))
    })
}

fn last_secretariat() -> FieldErrors {
    let mut errors = FieldErrors::default();
    errors.add("role", "field-it-is-the-last-active-secretariat");
    errors
}

/// Changes an account's name, role, person and organization. The last active secretariat
/// account keeps its role.
pub fn update_account(
    conn: &mut DbConnection,
    actor: &Actor,
    id: UserId,
    input: &AccountInput,
) -> AppResult<Result<(), FieldErrors>> {
    let fields = match check_account(input, false) {
        Ok(f) => f,
        Err(errors) => return Ok(Err(errors)),
    };
    write_transaction(conn, |conn| {
        let (before, active) = accounts::get_any(conn, id)?
            .ok_or_else(|| AppError::not_found("error-the-account-does-not-exist"))?;
        let mut errors = FieldErrors::default();
        check_ties(conn, &fields, &mut errors)?;
        if !errors.is_empty() {
            return Ok(Err(errors));
        }
        if before.role == Role::Secretariat
            && fields.role != Role::Secretariat
            && active
            && accounts::active_secretariats(conn)? <= 1
        {
            return Ok(Err(last_secretariat()));
        }
        let name = account_name(conn, &fields, &before.email)?;
        accounts::update_user(
            conn,
            id,
            &name,
            fields.role,
            fields.person.map(PersonId),
            fields.organization.map(OrganizationId),
        )?;
        let (after, _) = accounts::get_any(conn, id)?
            .ok_or_else(|| AppError::internal("an account just changed"))?;
        audit::record(
            conn,
            actor,
            Change {
                action: "user.updated",
                subject: USER.with(id),
                before: Some(account_json(&before, active)),
                after: Some(account_json(&after, active)),
                note: None,
            },
        )?;
        Ok(Ok(()))
    })
}

/// Deactivates an account (its sessions and API tokens are revoked at once, in the same
/// transaction) or activates it again. Nobody deactivates their own account, and the last
/// active secretariat account stays.
pub fn set_account_active(
    conn: &mut DbConnection,
    actor: &Actor,
    id: UserId,
    active: bool,
) -> AppResult<()> {
    write_transaction(conn, |conn| {
        let (account, was) = accounts::get_any(conn, id)?
            .ok_or_else(|| AppError::not_found("error-the-account-does-not-exist"))?;
        if was == active {
            return Ok(());
        }
        if !active {
            if actor.user_id == Some(id) {
                return Err(AppError::invalid(
                    "error-you-cannot-deactivate-your-own-account",
                ));
            }
            if account.role == Role::Secretariat && accounts::active_secretariats(conn)? <= 1 {
                return Err(AppError::invalid("error-it-is-the-last-active-secretariat"));
            }
        }
        accounts::set_user_active(conn, id, active)?;
        let (sessions, tokens) = if active {
            (0, 0)
        } else {
            (
                accounts::revoke_sessions_of(conn, id)?,
                accounts::revoke_tokens_of(conn, id)?,
            )
        };
        audit::record(
            conn,
            actor,
            Change {
                action: if active {
                    "user.reactivated"
                } else {
                    "user.deactivated"
                },
                subject: USER.with(id),
                before: Some(json!({ "active": was })),
                after: Some(json!({
                    "active": active,
                    "sessions_revoked": sessions,
                    "tokens_revoked": tokens,
                })),
                note: None,
            },
        )?;
        Ok(())
    })
}

/// Why a password change was refused, at its field.
pub type PasswordChange = Result<(), FieldErrors>;

/// A logged-in person changes their own password: the current one must be right; their other
/// sessions end, this one goes on.
pub fn change_password(
    conn: &mut DbConnection,
    account: &accounts::Account,
    session_id: i64,
    current: &str,
    new: &str,
    again: &str,
) -> AppResult<PasswordChange> {
    let mut errors = FieldErrors::default();
    let hash = accounts::password_hash(conn, account.id)?;
    if !crate::auth::verify_password(hash.as_deref(), current) {
        errors.add("current", "field-the-current-password-is-wrong");
    }
    let password = if new != again {
        errors.add("password_again", "field-the-two-new-passwords-are-not");
        None
    } else {
        match NewPassword::parse(new) {
            Ok(p) => Some(p),
            Err(e) => {
                errors.add("password", e);
                None
            }
        }
    };
    let (Some(password), true) = (password, errors.is_empty()) else {
        return Ok(Err(errors));
    };
    let hash = hash_password(&password)?;
    write_transaction(conn, |conn| {
        accounts::set_password_hash(conn, account.id, &hash)?;
        let ended = accounts::revoke_other_sessions(conn, account.id, session_id)?;
        audit::record(
            conn,
            &account.actor(),
            Change {
                action: "user.password_changed",
                subject: USER.with(account.id),
                before: None,
                after: Some(json!({ "other_sessions_ended": ended })),
                note: None,
            },
        )?;
        Ok(Ok(()))
    })
}

/// How a request for a reset link went, the same for known and unknown addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResetRequest {
    /// Recorded; a link was mailed if the address has an active account.
    Accepted,
    /// Too many requests for the address or from the client: nothing recorded or sent.
    TooMany,
}

/// `/password/forgot`: records the request (within [`ResetLimits`]) and, if the address has an
/// active account, mails it a reset link; what the person is told does not depend on that.
pub fn request_reset(
    conn: &mut DbConnection,
    settings: &crate::config::Settings,
    email: &str,
    ip: &str,
) -> AppResult<ResetRequest> {
    let limits = crate::domain::account::ResetLimits::default();
    accounts::prune(conn, crate::db::now() - chrono::Duration::days(1))?;
    if !accounts::begin_reset_request(conn, email, ip, &limits)? {
        return Ok(ResetRequest::TooMany);
    }
    let Ok(address) = EmailAddress::parse(email.trim()) else {
        return Ok(ResetRequest::Accepted);
    };
    write_transaction(conn, |conn| {
        let Some((account, _)) = accounts::by_email(conn, address.as_str())? else {
            return Ok(ResetRequest::Accepted);
        };
        let municipality = municipality(conn)?;
        password_link(
            conn,
            settings,
            account.id,
            &address,
            crate::domain::account::PasswordLinkPurpose::Reset,
            &municipality,
            PASSWORD_LINK_HOURS,
        )?;
        audit::record(
            conn,
            &Actor::system(),
            Change {
                action: "user.reset_requested",
                subject: USER.with(account.id),
                before: None,
                after: None,
                note: None,
            },
        )?;
        Ok(ResetRequest::Accepted)
    })
}
