//! Letters on cases in the database: registering an incoming letter, reading letters and the
//! letterheads of their senders. Drafting, approving and sending outgoing letters build on this.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::schema::{letters, organizations};
use super::{DbConnection, now};
use crate::domain::letter::{LetterDirection, LetterStatus, LetterText, Letterhead, Signatory};
use crate::domain::{CaseId, OrganizationId, UserId};
use crate::error::{AppError, AppResult};

/// A letter as stored.
#[derive(Debug, Clone)]
pub struct Letter {
    pub id: i64,
    pub case_id: CaseId,
    pub direction: LetterDirection,
    pub status: LetterStatus,
    pub sender_organization_id: Option<OrganizationId>,
    pub sender_name: String,
    pub date: NaiveDate,
    pub text: LetterText,
    pub public: bool,
    pub has_original: bool,
    pub sent_at: Option<DateTime<Utc>>,
    pub lock_version: i32,
}

/// An incoming letter as it was received.
pub struct IncomingLetter<'a> {
    pub case_id: CaseId,
    pub sender_organization_id: Option<OrganizationId>,
    pub sender_name: &'a str,
    pub date: NaiveDate,
    pub text: &'a LetterText,
    pub public: bool,
    pub original: Option<(&'a str, &'a str, &'a [u8])>,
    pub by: Option<UserId>,
}

/// Registers an incoming letter on its case.
pub fn register_incoming(conn: &mut DbConnection, new: &IncomingLetter) -> AppResult<i64> {
    let signatories = serde_json::to_string(&new.text.signatories).map_err(AppError::internal)?;
    let id = diesel::insert_into(letters::table)
        .values((
            letters::case_id.eq(new.case_id.0),
            letters::direction.eq(LetterDirection::Incoming.as_str()),
            letters::status.eq(LetterStatus::Registered.as_str()),
            letters::sender_organization_id.eq(new.sender_organization_id.map(|o| o.0)),
            letters::sender_name.eq(new.sender_name),
            letters::letter_date.eq(new.date),
            letters::recipient_name.eq(&new.text.recipient_name),
            letters::recipient_title.eq(&new.text.recipient_title),
            letters::recipient_email.eq(&new.text.recipient_email),
            letters::heading.eq(&new.text.heading),
            letters::salutation.eq(&new.text.salutation),
            letters::body.eq(&new.text.body),
            letters::closing.eq(&new.text.closing),
            letters::signatories.eq(signatories),
            letters::public.eq(new.public),
            letters::original_filename.eq(new.original.map(|o| o.0)),
            letters::original_content_type.eq(new.original.map(|o| o.1)),
            letters::original.eq(new.original.map(|o| o.2)),
            letters::created_by.eq(new.by.map(|u| u.0)),
            letters::created_at.eq(now()),
        ))
        .returning(letters::id)
        .get_result(conn)?;
    Ok(id)
}

type LetterRow = (
    (i64, i64, String, String, Option<i64>, String, NaiveDate),
    (
        String,
        Option<String>,
        Option<String>,
        String,
        String,
        String,
        String,
        String,
    ),
    (bool, Option<String>, Option<NaiveDateTime>, i32),
);

macro_rules! letter_columns {
    () => {
        (
            (
                letters::id,
                letters::case_id,
                letters::direction,
                letters::status,
                letters::sender_organization_id,
                letters::sender_name,
                letters::letter_date,
            ),
            (
                letters::recipient_name,
                letters::recipient_title,
                letters::recipient_email,
                letters::heading,
                letters::salutation,
                letters::body,
                letters::closing,
                letters::signatories,
            ),
            (
                letters::public,
                letters::original_filename,
                letters::sent_at,
                letters::lock_version,
            ),
        )
    };
}

fn from_row(row: LetterRow) -> AppResult<Letter> {
    let ((id, case_id, direction, status, sender_org, sender_name, date), text, rest) = row;
    let (
        recipient_name,
        recipient_title,
        recipient_email,
        heading,
        salutation,
        body,
        closing,
        signatories,
    ) = text;
    let (public, original, sent_at, lock_version) = rest;
    let signatories: Vec<Signatory> =
        serde_json::from_str(&signatories).map_err(AppError::internal)?;
    Ok(Letter {
        id,
        case_id: CaseId(case_id),
        direction: direction.parse().map_err(AppError::internal)?,
        status: status.parse().map_err(AppError::internal)?,
        sender_organization_id: sender_org.map(OrganizationId),
        sender_name,
        date,
        text: LetterText {
            recipient_name,
            recipient_title,
            recipient_email,
            heading,
            salutation,
            body,
            closing,
            signatories,
        },
        public,
        has_original: original.is_some(),
        sent_at: sent_at.map(|t| t.and_utc()),
        lock_version,
    })
}

pub fn get(conn: &mut DbConnection, id: i64) -> AppResult<Option<Letter>> {
    let row: Option<LetterRow> = letters::table
        .find(id)
        .select(letter_columns!())
        .first(conn)
        .optional()?;
    row.map(from_row).transpose()
}

/// A case's letters, by date.
pub fn of_case(conn: &mut DbConnection, case: CaseId) -> AppResult<Vec<Letter>> {
    let rows: Vec<LetterRow> = letters::table
        .filter(letters::case_id.eq(case.0))
        .select(letter_columns!())
        .order((letters::letter_date, letters::id))
        .load(conn)?;
    rows.into_iter().map(from_row).collect()
}

/// One page of letters, newest first, and how many there are; only public ones when
/// `public_only`.
pub fn page(
    conn: &mut DbConnection,
    public_only: bool,
    offset: i64,
    limit: i64,
) -> AppResult<(Vec<Letter>, i64)> {
    let mut count = letters::table.into_boxed();
    let mut query = letters::table
        .select(letter_columns!())
        .order((letters::letter_date.desc(), letters::id.desc()))
        .offset(offset)
        .limit(limit)
        .into_boxed();
    if public_only {
        count = count.filter(letters::public.eq(true));
        query = query.filter(letters::public.eq(true));
    }
    let total: i64 = count.count().get_result(conn)?;
    let rows: Vec<LetterRow> = query.load(conn)?;
    Ok((
        rows.into_iter().map(from_row).collect::<AppResult<_>>()?,
        total,
    ))
}

/// The PDF a sent letter went out with.
pub fn sent_pdf(conn: &mut DbConnection, id: i64) -> AppResult<Option<Vec<u8>>> {
    Ok(letters::table
        .find(id)
        .select(letters::pdf)
        .first::<Option<Vec<u8>>>(conn)
        .optional()?
        .flatten())
}

/// The letterhead of a letter: its organization's name, address and web address, or, for a
/// sender Agendum does not know, the name as printed.
pub fn letterhead(conn: &mut DbConnection, letter: &Letter) -> AppResult<Letterhead> {
    let Some(org) = letter.sender_organization_id else {
        return Ok(Letterhead {
            name: letter.sender_name.clone(),
            address_lines: Vec::new(),
            website: None,
        });
    };
    let (name, lines, website): (String, Option<String>, Option<String>) = organizations::table
        .find(org.0)
        .select((
            organizations::name,
            organizations::address_lines,
            organizations::website,
        ))
        .first(conn)?;
    Ok(Letterhead {
        name,
        address_lines: lines
            .unwrap_or_default()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        // Printed as people write it: www.kl.dk.
        website: website.map(|w| {
            w.trim_start_matches("https://")
                .trim_start_matches("http://")
                .trim_end_matches('/')
                .to_owned()
        }),
    })
}

/// Sets an organization's letterhead address, one line per line.
pub fn set_address(
    conn: &mut DbConnection,
    organization: OrganizationId,
    lines: &[&str],
) -> AppResult<()> {
    diesel::update(organizations::table.find(organization.0))
        .set(organizations::address_lines.eq(lines.join("\n")))
        .execute(conn)?;
    Ok(())
}
