//! Account administration from the command line (`agendum user add`, `agendum token create`):
//! the checks a person typing the command needs, with messages that say what to type instead.

use serde_json::json;

use crate::auth::{hash_password, new_api_token, secret_hash};
use crate::db::audit::{self, Change, SubjectKind};
use crate::db::organizations::{self, Organization};
use crate::db::{DbConnection, accounts, write_transaction};
use crate::domain::account::{Actor, NewPassword, Role};
use crate::domain::organization::OrganizationKind;
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
