//! Subscriptions to a body's agendas by mail: asked for with an address, confirmed from the
//! mail (double opt-in), ended from the link in every mail.

use tera::Context;

use crate::config::Settings;
use crate::db::subscriptions::{self, Requested};
use crate::db::{DbConnection, write_transaction};
use crate::domain::mail::{Mailbox, OutgoingMessage};
use crate::domain::{EmailAddress, OrganizationId};
use crate::error::{AppError, AppResult};
use crate::mail::templates::{MailSite, render_mail};
use crate::urls;

/// How long a confirmation link works.
pub const CONFIRM_DAYS: i64 = 7;

/// A subscription asked for: the confirmation mail goes to `email` (nothing is sent for an
/// address already subscribed, so the page cannot tell who is).
pub fn request(
    conn: &mut DbConnection,
    settings: &Settings,
    id: OrganizationId,
    organization: &str,
    email: &EmailAddress,
    language: crate::domain::language::Lang,
) -> AppResult<()> {
    write_transaction(conn, |conn| {
        let Requested::Confirm { token } = subscriptions::request(conn, id, email, language)?
        else {
            return Ok(());
        };
        let mut ctx = Context::new();
        ctx.insert("organization", organization);
        ctx.insert(
            "confirm_url",
            &urls::absolute(&settings.base_url, &urls::subscription_confirm(&token)),
        );
        ctx.insert("days", &CONFIRM_DAYS);
        let mail = render_mail(
            "subscription_confirm",
            language,
            &MailSite::load(conn)?,
            &ctx,
        )?;
        let to = Mailbox::new(None, email.as_str()).map_err(AppError::bad_request)?;
        let message = OutgoingMessage::new(vec![to], mail.subject, mail.text)
            .map_err(AppError::internal)?
            .html(mail.html)
            .concerning("organization", id.0);
        crate::mail::enqueue(conn, &settings.mail_from, &message)?;
        Ok(())
    })
}

/// The subscription confirmed from its mail.
pub fn confirm(conn: &mut DbConnection, id: i64) -> AppResult<()> {
    subscriptions::confirm(conn, id)
}
