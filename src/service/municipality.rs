//! The municipality's settings (`/secretariat/settings`): its name, web address, what its
//! council is called, the language of its mail, and its logo. Each change is one transaction
//! with its audit record, and raises the settings' version so every app node renders the new
//! name within a second.

use serde_json::json;

use crate::db::audit::{self, Change};
use crate::db::municipality::{self, Municipality};
use crate::db::{DbConnection, write_transaction};
use crate::domain::account::Actor;
use crate::domain::letter::check_logo;
use crate::domain::municipality::{SettingsInput, check_settings};
use crate::error::{AppError, AppResult};

use super::register::{BODY, Checked};

/// The municipality; an instance is set up before anyone can reach the settings.
pub fn get(conn: &mut DbConnection) -> AppResult<Municipality> {
    municipality::get(conn)?
        .ok_or_else(|| AppError::not_found("error-the-municipality-has-not-been-set"))
}

/// The settings as stored, as the form shows them.
pub fn input(m: &Municipality) -> SettingsInput {
    SettingsInput {
        name: m.name.clone(),
        website: m.website.clone().unwrap_or_default(),
        council_title: m.council_title.as_str().to_owned(),
        default_language: m.default_language.as_str().to_owned(),
        case_reference_format: m.case_reference_format.clone(),
    }
}

fn settings_json(m: &Municipality) -> serde_json::Value {
    json!({
        "name": m.name,
        "website": m.website,
        "council_title": m.council_title,
        "default_language": m.default_language,
        "case_reference_format": m.case_reference_format,
    })
}

/// Saves the settings, checked whole; nothing is written when a field is refused.
pub fn update(conn: &mut DbConnection, actor: &Actor, input: &SettingsInput) -> Checked<()> {
    let fields = match check_settings(input) {
        Ok(fields) => fields,
        Err(errors) => return Ok(Err(errors)),
    };
    write_transaction(conn, |conn| {
        let before = get(conn)?;
        municipality::update(conn, before.id, &fields)?;
        let after = get(conn)?;
        audit::record(
            conn,
            actor,
            Change {
                action: "body.settings",
                subject: BODY.with(before.id),
                before: Some(settings_json(&before)),
                after: Some(settings_json(&after)),
                note: None,
            },
        )?;
        Ok(Ok(()))
    })
}

/// Sets the logo shown in the header (PNG or JPEG within the logo limit), or removes it.
pub fn set_logo(conn: &mut DbConnection, actor: &Actor, logo: Option<&[u8]>) -> AppResult<()> {
    let kind = logo
        .map(|bytes| check_logo(bytes).map_err(AppError::invalid))
        .transpose()?;
    write_transaction(conn, |conn| {
        let body = get(conn)?.id;
        municipality::set_logo(conn, body, kind.zip(logo))?;
        audit::record(
            conn,
            actor,
            Change {
                action: if logo.is_some() {
                    "body.logo_set"
                } else {
                    "body.logo_removed"
                },
                subject: BODY.with(body),
                before: None,
                after: kind
                    .map(|k| json!({ "content_type": k, "bytes": logo.map_or(0, <[u8]>::len) })),
                note: None,
            },
        )
    })
}
