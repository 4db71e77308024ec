//! The municipality's settings, kept in its row of `bodies`.

use diesel::prelude::*;

use super::DbConnection;
use super::schema::bodies;
use crate::domain::BodyId;
use crate::domain::municipality::{CouncilTitle, Language, SettingsFields};
use crate::error::{AppError, AppResult};

/// The municipality as every page, mail and document names it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Municipality {
    pub id: BodyId,
    pub name: String,
    pub website: Option<String>,
    pub council_title: CouncilTitle,
    pub default_language: Language,
    pub has_logo: bool,
    /// The shape of new case references, as its pattern (`ÅÅÅÅ-NNNNNNN`).
    pub case_reference_format: String,
    /// Raised by every change of the settings; app nodes compare it to know theirs is stale.
    pub version: i64,
}

type Row = (
    i64,
    String,
    Option<String>,
    String,
    String,
    bool,
    String,
    i64,
);

fn parse(row: Row) -> AppResult<Municipality> {
    let (id, name, website, council_title, language, has_logo, case_reference_format, version) =
        row;
    Ok(Municipality {
        id: BodyId(id),
        name,
        website,
        council_title: council_title.parse().map_err(AppError::internal)?,
        default_language: language.parse().map_err(AppError::internal)?,
        has_logo,
        case_reference_format,
        version,
    })
}

/// The installation's municipality (the first body), or `None` before `agendum setup`.
pub fn get(conn: &mut DbConnection) -> AppResult<Option<Municipality>> {
    bodies::table
        .order(bodies::id)
        .select((
            bodies::id,
            bodies::name,
            bodies::website,
            bodies::council_title,
            bodies::default_language,
            bodies::logo_type.is_not_null(),
            bodies::case_reference_format,
            bodies::settings_version,
        ))
        .first::<Row>(conn)
        .optional()?
        .map(parse)
        .transpose()
}

/// The settings' version alone: the cheap check each app node makes at most once a second.
pub fn version(conn: &mut DbConnection) -> AppResult<Option<i64>> {
    Ok(bodies::table
        .order(bodies::id)
        .select(bodies::settings_version)
        .first(conn)
        .optional()?)
}

/// Stores the settings and raises the version.
pub fn update(conn: &mut DbConnection, body: BodyId, fields: &SettingsFields) -> AppResult<()> {
    diesel::update(bodies::table.find(body.0))
        .set((
            bodies::name.eq(&fields.name),
            bodies::website.eq(&fields.website),
            bodies::council_title.eq(fields.council_title.as_str()),
            bodies::default_language.eq(fields.default_language.as_str()),
            bodies::case_reference_format.eq(fields.case_shape.pattern()),
            bodies::settings_version.eq(bodies::settings_version + 1),
            bodies::updated_at.eq(super::now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Replaces the logo (content type and bytes), or removes it with `None`; raises the version.
pub fn set_logo(
    conn: &mut DbConnection,
    body: BodyId,
    logo: Option<(&str, &[u8])>,
) -> AppResult<()> {
    diesel::update(bodies::table.find(body.0))
        .set((
            bodies::logo_type.eq(logo.map(|(kind, _)| kind)),
            bodies::logo.eq(logo.map(|(_, bytes)| bytes)),
            bodies::settings_version.eq(bodies::settings_version + 1),
        ))
        .execute(conn)?;
    Ok(())
}

/// The logo's content type and bytes.
pub fn logo(conn: &mut DbConnection) -> AppResult<Option<(String, Vec<u8>)>> {
    let row: Option<(Option<String>, Option<Vec<u8>>)> = bodies::table
        .order(bodies::id)
        .select((bodies::logo_type, bodies::logo))
        .first(conn)
        .optional()?;
    Ok(match row {
        Some((Some(kind), Some(bytes))) => Some((kind, bytes)),
        _ => None,
    })
}

/// The shape the municipality's new case references are made in.
pub fn case_shape(conn: &mut DbConnection) -> AppResult<crate::domain::case_reference::CaseShape> {
    let pattern: Option<String> = bodies::table
        .order(bodies::id)
        .select(bodies::case_reference_format)
        .first(conn)
        .optional()?;
    match pattern {
        Some(p) => {
            crate::domain::case_reference::CaseShape::parse_pattern(&p).map_err(AppError::internal)
        }
        None => Ok(Default::default()),
    }
}

/// The municipality's own language: of its documents (agenda, minutes, overviews, letters) and
/// of mail to people who have not chosen one. Danish before setup.
pub fn language(conn: &mut DbConnection) -> AppResult<crate::domain::language::Lang> {
    let stored: Option<String> = bodies::table
        .order(bodies::id)
        .select(bodies::default_language)
        .first(conn)
        .optional()?;
    Ok(stored
        .and_then(|l| l.parse().ok())
        .unwrap_or(crate::domain::language::Lang::Da))
}
