//! Follow a council or committee by email (`/organizations/{id}/subscribe`): double opt-in
//! (the address confirms by a link before anything is sent) and a way out in every mail,
//! including the one-click `List-Unsubscribe-Post` of RFC 8058.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{Duration, Utc};
use serde::Deserialize;

use crate::db::subscriptions::{self};
use crate::domain::subscription::SubscriptionStatus;
use crate::domain::{EmailAddress, OrganizationId};
use crate::error::{AppError, AppResult};
use crate::web::AppState;
use crate::web::auth::{CsrfForm, MaybeUser};
use crate::web::templates::link_page;

/// How long a confirmation link works.
use crate::service::subscriptions::CONFIRM_DAYS;

fn invalid_link() -> AppError {
    AppError::not_found("error-the-link-is-invalid-or-has")
}

async fn body_name(state: &AppState, id: OrganizationId) -> AppResult<String> {
    state
        .db
        .run(move |conn| crate::db::meetings::body_name(conn, id))
        .await
}

/// The page in one of its states (`step`): the form, "check your mail", confirm, done,
/// unsubscribe.
#[derive(Default, serde::Serialize)]
struct SubscriptionPage<'a> {
    step: &'static str,
    organization_id: Option<OrganizationId>,
    organization: &'a str,
    email: &'a str,
    error: Option<&'static str>,
    action: Option<String>,
}

fn page(
    req: &HttpRequest,
    state: &AppState,
    user: Option<&crate::web::auth::CurrentUser>,
    status: StatusCode,
    view: SubscriptionPage,
) -> AppResult<HttpResponse> {
    link_page(req, state, user, status, "public/subscription.html", &view)
}

/// `GET /organizations/{id}/subscribe`
pub async fn form(
    req: HttpRequest,
    state: web::Data<AppState>,
    MaybeUser(user, _): MaybeUser,
    path: web::Path<OrganizationId>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let name = body_name(&state, id).await?;
    let view = SubscriptionPage {
        step: "form",
        organization_id: Some(id),
        organization: &name,
        ..Default::default()
    };
    page(&req, &state, user.as_ref(), StatusCode::OK, view)
}

#[derive(Debug, Deserialize)]
pub struct SubscribeForm {
    #[serde(default)]
    email: String,
    /// The language of the mails; the page's when not given.
    #[serde(default)]
    language: Option<String>,
}

/// `POST /organizations/{id}/subscribe`: mails a confirmation link. The answer is the same
/// whether or not the address already follows the body, so the form tells no one who does.
pub async fn subscribe(
    req: HttpRequest,
    state: web::Data<AppState>,
    MaybeUser(user, lang): MaybeUser,
    path: web::Path<OrganizationId>,
    CsrfForm(form): CsrfForm<SubscribeForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let name = body_name(&state, id).await?;
    let Ok(email) = EmailAddress::parse(&form.email) else {
        return page(
            &req,
            &state,
            user.as_ref(),
            StatusCode::UNPROCESSABLE_ENTITY,
            SubscriptionPage {
                step: "form",
                organization_id: Some(id),
                organization: &name,
                email: &form.email,
                error: Some("subscription-invalid-email"),
                action: None,
            },
        );
    };
    let settings = state.settings.clone();
    let organization = name.clone();
    let language = form
        .language
        .as_deref()
        .and_then(|l| l.parse().ok())
        .unwrap_or(lang);
    state
        .db
        .run(move |conn| {
            crate::service::subscriptions::request(
                conn,
                &settings,
                id,
                &organization,
                &email,
                language,
            )
        })
        .await?;
    let view = SubscriptionPage {
        step: "check_mail",
        organization: &name,
        ..Default::default()
    };
    page(&req, &state, user.as_ref(), StatusCode::OK, view)
}

async fn subscription_of(
    state: &AppState,
    token: String,
    confirm: bool,
) -> AppResult<(subscriptions::Subscription, String)> {
    state
        .db
        .run(move |conn| {
            let found = if confirm {
                subscriptions::by_confirm_token(conn, &token)?
            } else {
                subscriptions::by_unsubscribe_token(conn, &token)?
            };
            let subscription = found.ok_or_else(invalid_link)?;
            if confirm
                && (subscription.status != SubscriptionStatus::Pending
                    || subscription.created_at.and_utc() + Duration::days(CONFIRM_DAYS)
                        < Utc::now())
            {
                return Err(invalid_link());
            }
            let name = crate::db::meetings::body_name(conn, subscription.organization_id)?;
            Ok((subscription, name))
        })
        .await
}

/// `GET /subscriptions/confirm/{token}`: a button, so that a mail scanner following the link
/// does not confirm on the reader's behalf.
pub async fn confirm_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    MaybeUser(user, _): MaybeUser,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    let (subscription, name) = subscription_of(&state, token.clone(), true).await?;
    let view = SubscriptionPage {
        step: "confirm",
        organization: &name,
        email: &subscription.email,
        action: Some(format!("/subscriptions/confirm/{token}")),
        ..Default::default()
    };
    page(&req, &state, user.as_ref(), StatusCode::OK, view)
}

#[derive(Debug, Deserialize)]
pub struct Empty {}

/// `POST /subscriptions/confirm/{token}`
pub async fn confirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    MaybeUser(user, _): MaybeUser,
    path: web::Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<HttpResponse> {
    let (subscription, name) = subscription_of(&state, path.into_inner(), true).await?;
    let id = subscription.id;
    state
        .db
        .run(move |conn| crate::service::subscriptions::confirm(conn, id))
        .await?;
    let view = SubscriptionPage {
        step: "confirmed",
        organization: &name,
        email: &subscription.email,
        ..Default::default()
    };
    page(&req, &state, user.as_ref(), StatusCode::OK, view)
}

/// `GET /subscriptions/unsubscribe/{token}`: the link in every mail.
pub async fn unsubscribe_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    MaybeUser(user, _): MaybeUser,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    let (subscription, name) = subscription_of(&state, token.clone(), false).await?;
    let view = SubscriptionPage {
        step: if subscription.status == SubscriptionStatus::Unsubscribed {
            "unsubscribed"
        } else {
            "unsubscribe"
        },
        organization: &name,
        email: &subscription.email,
        action: Some(format!("/subscriptions/unsubscribe/{token}")),
        ..Default::default()
    };
    page(&req, &state, user.as_ref(), StatusCode::OK, view)
}

/// `POST /subscriptions/unsubscribe/{token}`: from the page, or one click from the mail
/// program (RFC 8058, body `List-Unsubscribe=One-Click`, no cookie). The unguessable token is
/// the authority; leaving a list needs no more.
pub async fn unsubscribe(
    req: HttpRequest,
    state: web::Data<AppState>,
    MaybeUser(user, _): MaybeUser,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let (subscription, name) = subscription_of(&state, path.into_inner(), false).await?;
    let id = subscription.id;
    state
        .db
        .run(move |conn| subscriptions::unsubscribe(conn, id))
        .await?;
    let view = SubscriptionPage {
        step: "unsubscribed",
        organization: &name,
        email: &subscription.email,
        ..Default::default()
    };
    page(&req, &state, user.as_ref(), StatusCode::OK, view)
}
