//! Email subscriptions to a council's or committee's agendas (double opt-in).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::subscriptions;
use super::{DbConnection, now};
use crate::domain::secret::{new_secret, secret_hash};
use crate::domain::subscription::SubscriptionStatus;
use crate::domain::{EmailAddress, OrganizationId};
use crate::error::AppResult;

/// What a subscription request leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Requested {
    /// A new or still pending subscription: mail this confirmation token.
    Confirm { token: String },
    /// Already confirmed: nothing to send (the reply does not tell a stranger so).
    AlreadyConfirmed,
    /// A confirmation went out moments ago: no second one, so the form cannot be used to flood
    /// someone's mailbox.
    RecentlySent,
}

/// How long a pending request holds off another confirmation mail to the same address.
const RESEND_AFTER_MINUTES: i64 = 10;

/// Records a request to follow `organization`; an address that left the list may come back, and
/// a pending one gets a fresh token (the old link stops working).
pub fn request(
    conn: &mut DbConnection,
    organization: OrganizationId,
    email: &EmailAddress,
    language: crate::domain::language::Lang,
) -> AppResult<Requested> {
    let address = email.as_str().to_lowercase();
    let existing: Option<(i64, String, NaiveDateTime)> = subscriptions::table
        .filter(subscriptions::organization_id.eq(organization.0))
        .filter(subscriptions::email.eq(&address))
        .select((
            subscriptions::id,
            subscriptions::status,
            subscriptions::created_at,
        ))
        .first(conn)
        .optional()?;
    let token = new_secret();
    let recent = now() - chrono::Duration::minutes(RESEND_AFTER_MINUTES);
    match existing {
        Some((_, status, _)) if status == SubscriptionStatus::Confirmed.as_str() => {
            return Ok(Requested::AlreadyConfirmed);
        }
        Some((_, status, at)) if status == SubscriptionStatus::Pending.as_str() && at > recent => {
            return Ok(Requested::RecentlySent);
        }
        Some((id, _, _)) => {
            diesel::update(subscriptions::table.find(id))
                .set((
                    subscriptions::status.eq(SubscriptionStatus::Pending.as_str()),
                    subscriptions::confirm_token_hash.eq(secret_hash(&token)),
                    subscriptions::created_at.eq(now()),
                    subscriptions::unsubscribed_at.eq(None::<NaiveDateTime>),
                    subscriptions::language.eq(Some(language.as_str())),
                ))
                .execute(conn)?;
        }
        None => {
            diesel::insert_into(subscriptions::table)
                .values((
                    subscriptions::organization_id.eq(organization.0),
                    subscriptions::email.eq(&address),
                    subscriptions::status.eq(SubscriptionStatus::Pending.as_str()),
                    subscriptions::confirm_token_hash.eq(secret_hash(&token)),
                    subscriptions::unsubscribe_token.eq(new_secret()),
                    subscriptions::created_at.eq(now()),
                    subscriptions::language.eq(Some(language.as_str())),
                ))
                .execute(conn)?;
        }
    }
    Ok(Requested::Confirm { token })
}

/// A subscription as its links name it.
#[derive(Debug, Clone)]
pub struct Subscription {
    pub id: i64,
    pub organization_id: OrganizationId,
    pub email: String,
    pub status: SubscriptionStatus,
    pub unsubscribe_token: String,
    pub created_at: NaiveDateTime,
}

type Row = (i64, i64, String, String, String, NaiveDateTime);

fn from_row((id, organization, email, status, unsubscribe_token, created_at): Row) -> Subscription {
    // The column's CHECK constraint allows these three only.
    let status = status.parse().unwrap_or(SubscriptionStatus::Unsubscribed);
    Subscription {
        id,
        organization_id: OrganizationId(organization),
        email,
        status,
        unsubscribe_token,
        created_at,
    }
}

macro_rules! columns {
    () => {
        (
            subscriptions::id,
            subscriptions::organization_id,
            subscriptions::email,
            subscriptions::status,
            subscriptions::unsubscribe_token,
            subscriptions::created_at,
        )
    };
}

/// The pending subscription a confirmation token belongs to.
pub fn by_confirm_token(conn: &mut DbConnection, token: &str) -> AppResult<Option<Subscription>> {
    Ok(subscriptions::table
        .filter(subscriptions::confirm_token_hash.eq(secret_hash(token)))
        .select(columns!())
        .first::<Row>(conn)
        .optional()?
        .map(from_row))
}

pub fn by_unsubscribe_token(
    conn: &mut DbConnection,
    token: &str,
) -> AppResult<Option<Subscription>> {
    Ok(subscriptions::table
        .filter(subscriptions::unsubscribe_token.eq(token))
        .select(columns!())
        .first::<Row>(conn)
        .optional()?
        .map(from_row))
}

/// Confirms; the token is used up.
pub fn confirm(conn: &mut DbConnection, id: i64) -> AppResult<()> {
    diesel::update(subscriptions::table.find(id))
        .set((
            subscriptions::status.eq(SubscriptionStatus::Confirmed.as_str()),
            subscriptions::confirm_token_hash.eq(None::<String>),
            subscriptions::confirmed_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn unsubscribe(conn: &mut DbConnection, id: i64) -> AppResult<()> {
    diesel::update(subscriptions::table.find(id))
        .set((
            subscriptions::status.eq(SubscriptionStatus::Unsubscribed.as_str()),
            subscriptions::confirm_token_hash.eq(None::<String>),
            subscriptions::unsubscribed_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Confirmed subscribers of a body, as (address, unsubscribe token).
pub fn confirmed(
    conn: &mut DbConnection,
    organization: OrganizationId,
) -> AppResult<Vec<(String, String, Option<crate::domain::language::Lang>)>> {
    let rows: Vec<(String, String, Option<String>)> = subscriptions::table
        .filter(subscriptions::organization_id.eq(organization.0))
        .filter(subscriptions::status.eq(SubscriptionStatus::Confirmed.as_str()))
        .order(subscriptions::id)
        .select((
            subscriptions::email,
            subscriptions::unsubscribe_token,
            subscriptions::language,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(email, token, language)| (email, token, language.and_then(|l| l.parse().ok())))
        .collect())
}
