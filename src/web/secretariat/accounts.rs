//! Accounts under `/secretariat/settings/accounts`: the secretariat invites people (a
//! set-password link is mailed), changes roles, and deactivates accounts (their sessions and API
//! tokens are revoked at once). Every change goes through `service::accounts`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Serialize;

use crate::db::{DbConnection, accounts, organizations as orgs};
use crate::domain::UserId;
use crate::domain::account::{AccountInput, Role};
use crate::domain::organization::OrganizationKind;
use crate::domain::proposal::FieldErrors;
use crate::error::{AppError, AppResult};
use crate::service::accounts as service;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, CurrentUser, Secretariat};
use crate::web::forms::Choice;
use crate::web::forms::{ActiveForm, FormState, Posted, page, refused_or};
use crate::web::templates::render_page;

fn account_url(id: UserId) -> String {
    format!("/secretariat/settings/accounts/{id}")
}

/// The form's choices: roles, the register's persons, the active administrations.
#[derive(Serialize)]
struct Choices {
    roles: Vec<Choice>,
    persons: Vec<Choice>,
    organizations: Vec<Choice>,
}

fn choices(
    lang: crate::domain::language::Lang,
    conn: &mut DbConnection,
    input: &AccountInput,
) -> AppResult<Choices> {
    let body = crate::service::register::body(conn)?;
    let pick = |value: String, label: String, chosen: &str| Choice {
        selected: value == chosen.trim(),
        value,
        label,
    };
    Ok(Choices {
        roles: Role::ALL
            .iter()
            .map(|r| pick(r.as_str().to_owned(), r.label(lang).to_owned(), &input.role))
            .collect(),
        persons: orgs::persons_of_body(conn, body)?
            .into_iter()
            .map(|(id, name)| pick(id.to_string(), name, &input.person))
            .collect(),
        organizations: orgs::list(conn)?
            .into_iter()
            .filter(|o| o.active && o.kind == OrganizationKind::Administration)
            .map(|o| pick(o.id.to_string(), o.name, &input.organization))
            .collect(),
    })
}

#[derive(Serialize)]
struct AccountRow {
    url: String,
    email: String,
    name: String,
    role: String,
    organization: Option<String>,
    active: bool,
}

#[derive(Serialize)]
struct AccountsPage {
    rows: Vec<AccountRow>,
    choices: Choices,
    form: FormState<AccountInput>,
}

fn accounts_page(
    conn: &mut DbConnection,
    user: &CurrentUser,
    input: AccountInput,
    errors: &FieldErrors,
) -> AppResult<String> {
    let lang = user.lang;
    let rows = accounts::all(conn)?
        .into_iter()
        .map(|(a, active)| AccountRow {
            url: account_url(a.id),
            email: a.email,
            name: a.name,
            role: a.role.label(lang),
            organization: a.organization_name,
            active,
        })
        .collect();
    let view = AccountsPage {
        rows,
        choices: choices(lang, conn, &input)?,
        form: FormState::new(input, errors),
    };
    render_page("secretariat/settings_accounts.html", user, &view)
}

/// `GET /secretariat/settings/accounts`
pub async fn list(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
) -> AppResult<HttpResponse> {
    let body = state
        .db
        .run(move |conn| {
            let blank = AccountInput {
                role: Role::Politician.as_str().to_owned(),
                ..AccountInput::default()
            };
            accounts_page(conn, &user, blank, &FieldErrors::default())
        })
        .await?;
    Ok(page(StatusCode::OK, body))
}

/// `POST /secretariat/settings/accounts`: invites a person; the link goes by mail.
pub async fn invite(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    CsrfForm(input): CsrfForm<AccountInput>,
) -> AppResult<HttpResponse> {
    let settings = state.settings.clone();
    state
        .db
        .run(
            move |conn| match service::invite(conn, &settings, &user.account.actor(), &input)? {
                Ok(id) => Ok(Posted::Done((
                    account_url(id),
                    crate::i18n::Msg::key("notice-invitation-sent")
                        .arg("email", input.email.trim())
                        .num("hours", crate::service::accounts::INVITATION_HOURS as u32),
                ))),
                Err(errors) => Ok(Posted::Refused(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    accounts_page(conn, &user, input, &errors)?,
                )),
            },
        )
        .await
        .map(|posted| posted.respond(|done| done))
}

#[derive(Serialize)]
struct AccountPage {
    id: UserId,
    email: String,
    active: bool,
    own: bool,
    /// Whether the account logs in with a second factor (the secretariat may turn it off).
    two_factor: bool,
    problem: Option<crate::i18n::Msg>,
    choices: Choices,
    form: FormState<AccountInput>,
}

fn account_page(
    conn: &mut DbConnection,
    user: &CurrentUser,
    id: UserId,
    input: Option<(AccountInput, &FieldErrors)>,
    problem: Option<crate::i18n::Msg>,
) -> AppResult<String> {
    let lang = user.lang;
    let (account, active) = accounts::get_any(conn, id)?
        .ok_or_else(|| AppError::not_found("error-the-account-does-not-exist"))?;
    let none = FieldErrors::default();
    let form = match input {
        Some((input, errors)) => FormState::new(input, errors),
        None => FormState::new(
            AccountInput {
                email: account.email.clone(),
                name: account.name.clone(),
                role: account.role.as_str().to_owned(),
                person: account.person_id.map(|p| p.to_string()).unwrap_or_default(),
                organization: account
                    .organization_id
                    .map(|o| o.to_string())
                    .unwrap_or_default(),
            },
            &none,
        ),
    };
    let view = AccountPage {
        id,
        email: account.email,
        active,
        own: user.account.id == id,
        two_factor: crate::db::two_factor::state(conn, id)?.enabled(),
        problem,
        choices: choices(lang, conn, &form.f)?,
        form,
    };
    render_page("secretariat/settings_account.html", user, &view)
}

/// `GET /secretariat/settings/accounts/{id}`
pub async fn show(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<UserId>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let body = state
        .db
        .run(move |conn| account_page(conn, &user, id, None, None))
        .await?;
    Ok(page(StatusCode::OK, body))
}

/// `POST /secretariat/settings/accounts/{id}`: changes the name, role, person, organization.
pub async fn update(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<UserId>,
    CsrfForm(input): CsrfForm<AccountInput>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    state
        .db
        .run(
            move |conn| match service::update_account(conn, &user.account.actor(), id, &input)? {
                Ok(()) => Ok(Posted::Done((account_url(id), "notice-account-saved"))),
                Err(errors) => Ok(Posted::Refused(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    account_page(conn, &user, id, Some((input, &errors)), None)?,
                )),
            },
        )
        .await
        .map(|posted| posted.respond(|done| done))
}

/// `POST /secretariat/settings/accounts/{id}/active`: deactivates (`active=false`: sessions and
/// tokens revoked) or reactivates the account.
pub async fn set_active(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<UserId>,
    CsrfForm(form): CsrfForm<ActiveForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let active = form.value()?;
    state
        .db
        .run(move |conn| {
            let done = service::set_account_active(conn, &user.account.actor(), id, active);
            let notice = if active {
                "notice-account-active"
            } else {
                "notice-account-deactivated"
            };
            refused_or(done.map(|()| (account_url(id), notice)), |problem| {
                account_page(conn, &user, id, None, Some(problem.clone()))
            })
        })
        .await
        .map(|posted| posted.respond(|done| done))
}

/// `POST /secretariat/settings/accounts/{id}/two-factor`: turns off another account's
/// two-factor login (its owner lost the phone and the recovery codes).
pub async fn reset_two_factor(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<UserId>,
    CsrfForm(_): CsrfForm<std::collections::HashMap<String, String>>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    state
        .db
        .run(move |conn| {
            let done = crate::service::two_factor::reset_for(conn, &user.account, id);
            refused_or(done, |why| {
                account_page(conn, &user, id, None, Some(why.clone()))
            })
        })
        .await
        .map(|posted| {
            posted.respond(|()| {
                (
                    format!("{}#to-trin", account_url(id)),
                    "notice-account-two-factor-off",
                )
            })
        })
}
