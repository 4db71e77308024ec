//! Letters on cases in the database: incoming ones registered, outgoing ones drafted, approved
//! and sent; the letterheads (address, web address, logo) of the organizations that send them.
//! Every change to a letter checks its `lock_version`, so two people never overwrite each other
//! and a letter is sent once.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::schema::{letters, organizations};
use super::{DbConnection, now};
use crate::domain::letter::{LetterDirection, LetterStatus, LetterText, Letterhead, Signatory};
use crate::domain::{AgendaItemId, CaseId, LetterId, OrganizationId, UserId};
use crate::error::{AppError, AppResult};

/// A letter as stored.
#[derive(Debug, Clone)]
pub struct Letter {
    pub id: LetterId,
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
    pub in_reply_to: Option<LetterId>,
    pub agenda_item_id: Option<AgendaItemId>,
    pub approved_by: Option<UserId>,
    pub approved_at: Option<DateTime<Utc>>,
    pub original_filename: Option<String>,
}

impl Letter {
    /// Whether everyone may read it: marked public, and, for an outgoing letter, sent; a draft
    /// marked public is not published before it goes out.
    pub fn readable_by_all(&self) -> bool {
        self.public
            && (self.direction == LetterDirection::Incoming || self.status == LetterStatus::Sent)
    }
}

/// A new letter's parts as they are stored.
pub struct NewLetter<'a> {
    pub case_id: CaseId,
    pub sender_organization_id: Option<OrganizationId>,
    pub sender_name: &'a str,
    pub date: NaiveDate,
    pub text: &'a LetterText,
    pub public: bool,
    pub original: Option<(&'a str, &'a str, &'a [u8])>,
    pub by: Option<UserId>,
}

/// An incoming letter as it was received.
pub type IncomingLetter<'a> = NewLetter<'a>;

/// Registers an incoming letter on its case.
pub fn register_incoming(conn: &mut DbConnection, new: &IncomingLetter) -> AppResult<LetterId> {
    insert(
        conn,
        new,
        LetterDirection::Incoming,
        LetterStatus::Registered,
    )
}

fn insert(
    conn: &mut DbConnection,
    new: &NewLetter,
    direction: LetterDirection,
    status: LetterStatus,
) -> AppResult<LetterId> {
    let signatories = serde_json::to_string(&new.text.signatories).map_err(AppError::internal)?;
    let id = diesel::insert_into(letters::table)
        .values((
            letters::case_id.eq(new.case_id.0),
            letters::direction.eq(direction.as_str()),
            letters::status.eq(status.as_str()),
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
    super::search::refresh_letter(conn, LetterId(id))?;
    Ok(LetterId(id))
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
    (Option<i64>, Option<i64>, Option<i64>, Option<NaiveDateTime>),
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
            (
                letters::in_reply_to,
                letters::agenda_item_id,
                letters::approved_by,
                letters::approved_at,
            ),
        )
    };
}

fn from_row(row: LetterRow) -> AppResult<Letter> {
    let ((id, case_id, direction, status, sender_org, sender_name, date), text, rest, links) = row;
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
    let (in_reply_to, agenda_item_id, approved_by, approved_at) = links;
    let signatories: Vec<Signatory> =
        serde_json::from_str(&signatories).map_err(AppError::internal)?;
    Ok(Letter {
        id: LetterId(id),
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
        in_reply_to: in_reply_to.map(LetterId),
        agenda_item_id: agenda_item_id.map(AgendaItemId),
        approved_by: approved_by.map(UserId),
        approved_at: approved_at.map(|t| t.and_utc()),
        original_filename: original,
    })
}

pub fn get(conn: &mut DbConnection, id: LetterId) -> AppResult<Option<Letter>> {
    let row: Option<LetterRow> = letters::table
        .find(id.0)
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
        // As `Letter::readable_by_all`: marked public, and an outgoing letter once sent.
        let readable = || {
            letters::public.eq(true).and(
                letters::direction
                    .eq(LetterDirection::Incoming.as_str())
                    .or(letters::status.eq(LetterStatus::Sent.as_str())),
            )
        };
        count = count.filter(readable());
        query = query.filter(readable());
    }
    let total: i64 = count.count().get_result(conn)?;
    let rows: Vec<LetterRow> = query.load(conn)?;
    Ok((
        rows.into_iter().map(from_row).collect::<AppResult<_>>()?,
        total,
    ))
}

/// The PDF a sent letter went out with.
pub fn sent_pdf(conn: &mut DbConnection, id: LetterId) -> AppResult<Option<Vec<u8>>> {
    Ok(letters::table
        .find(id.0)
        .select(letters::pdf)
        .first::<Option<Vec<u8>>>(conn)
        .optional()?
        .flatten())
}

/// The letterhead of a letter: its organization's letterhead, or, for a sender Agendum does not
/// know, the name as printed.
pub fn letterhead(conn: &mut DbConnection, letter: &Letter) -> AppResult<Letterhead> {
    match letter.sender_organization_id {
        Some(org) => letterhead_of(conn, org),
        None => Ok(Letterhead {
            name: letter.sender_name.clone(),
            address_lines: Vec::new(),
            website: None,
        }),
    }
}

/// An organization's letterhead: name, address lines and web address as people write it.
pub fn letterhead_of(conn: &mut DbConnection, org: OrganizationId) -> AppResult<Letterhead> {
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
        address_lines: address_lines(lines.as_deref()),
        // Printed as people write it: www.kl.dk.
        website: website.map(|w| {
            w.trim_start_matches("https://")
                .trim_start_matches("http://")
                .trim_end_matches('/')
                .to_owned()
        }),
    })
}

fn address_lines(text: Option<&str>) -> Vec<String> {
    text.unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// An organization's logo: its content type and bytes.
pub fn logo(conn: &mut DbConnection, org: OrganizationId) -> AppResult<Option<(String, Vec<u8>)>> {
    let row: Option<(Option<String>, Option<Vec<u8>>)> = organizations::table
        .find(org.0)
        .select((organizations::logo_content_type, organizations::logo))
        .first(conn)
        .optional()?;
    Ok(match row {
        Some((Some(kind), Some(bytes))) => Some((kind, bytes)),
        _ => None,
    })
}

/// An organization as the letterhead page lists it.
#[derive(Debug, Clone)]
pub struct LetterheadEntry {
    pub id: OrganizationId,
    pub name: String,
    pub kind: String,
    pub email: Option<String>,
    pub website: Option<String>,
    pub address_lines: Vec<String>,
    pub has_logo: bool,
}

impl LetterheadEntry {
    /// The municipality's own organizations with an address send letters; an outside one
    /// (KL) only writes to the municipality.
    pub fn can_send(&self) -> bool {
        !self.address_lines.is_empty()
            && self.kind != crate::domain::organization::OrganizationKind::External.as_str()
    }
}

/// Every organization that could write a letter (not the parties), by name, with its
/// letterhead as far as it is filled in.
pub fn letterheads(conn: &mut DbConnection) -> AppResult<Vec<LetterheadEntry>> {
    use crate::domain::organization::OrganizationKind;
    type Row = (
        i64,
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<Row> = organizations::table
        .filter(organizations::kind.ne(OrganizationKind::Party.as_str()))
        .select((
            organizations::id,
            organizations::name,
            organizations::kind,
            organizations::email,
            organizations::website,
            organizations::address_lines,
            organizations::logo_content_type,
        ))
        .order((organizations::name, organizations::id))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, name, kind, email, website, lines, logo)| LetterheadEntry {
                id: OrganizationId(id),
                name,
                kind,
                email,
                website,
                address_lines: address_lines(lines.as_deref()),
                has_logo: logo.is_some(),
            },
        )
        .collect())
}

/// What happens to a letterhead's logo when it is saved.
pub enum LogoChange<'a> {
    Keep,
    Remove,
    Set(&'a str, &'a [u8]),
}

/// Saves an organization's letterhead: address lines, web address and logo.
pub fn set_letterhead(
    conn: &mut DbConnection,
    organization: OrganizationId,
    lines: &[String],
    website: Option<&str>,
    logo: LogoChange,
) -> AppResult<()> {
    let address = (!lines.is_empty()).then(|| lines.join("\n"));
    let target = organizations::table.find(organization.0);
    let changed = diesel::update(target)
        .set((
            organizations::address_lines.eq(address),
            organizations::website.eq(website),
        ))
        .execute(conn)?;
    if changed == 0 {
        return Err(AppError::not_found("error-the-organisation-does-not-exist"));
    }
    match logo {
        LogoChange::Keep => {}
        LogoChange::Remove => {
            diesel::update(target)
                .set((
                    organizations::logo.eq(None::<Vec<u8>>),
                    organizations::logo_content_type.eq(None::<String>),
                ))
                .execute(conn)?;
        }
        LogoChange::Set(kind, bytes) => {
            diesel::update(target)
                .set((
                    organizations::logo.eq(Some(bytes)),
                    organizations::logo_content_type.eq(Some(kind)),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
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

/// An outgoing letter's first draft.
pub struct NewOutgoing<'a> {
    pub case_id: CaseId,
    pub sender_organization_id: OrganizationId,
    pub sender_name: &'a str,
    pub date: NaiveDate,
    pub text: &'a LetterText,
    pub public: bool,
    pub in_reply_to: Option<LetterId>,
    pub by: Option<UserId>,
}

/// Writes an outgoing letter as a draft.
pub fn create_outgoing(conn: &mut DbConnection, new: &NewOutgoing) -> AppResult<LetterId> {
    let id = insert(
        conn,
        &NewLetter {
            case_id: new.case_id,
            sender_organization_id: Some(new.sender_organization_id),
            sender_name: new.sender_name,
            date: new.date,
            text: new.text,
            public: new.public,
            original: None,
            by: new.by,
        },
        LetterDirection::Outgoing,
        LetterStatus::Draft,
    )?;
    if let Some(answered) = new.in_reply_to {
        diesel::update(letters::table.find(id.0))
            .set(letters::in_reply_to.eq(Some(answered.0)))
            .execute(conn)?;
    }
    Ok(id)
}

/// A letter changed since the page that acts on it was read.
pub fn stale() -> AppError {
    AppError::conflict("error-the-letter-was-changed-by-someone")
}

/// One row changed, or the letter was not as the caller read it.
fn changed_once(changed: usize) -> AppResult<()> {
    if changed == 0 {
        return Err(stale());
    }
    Ok(())
}

/// A letter's text, sender and date, as they are edited.
pub struct LetterEdit<'a> {
    pub sender_organization_id: Option<OrganizationId>,
    pub sender_name: &'a str,
    pub date: NaiveDate,
    pub text: &'a LetterText,
    pub public: bool,
}

/// Saves an edit of a letter as it stood at `lock_version`; refused when it has changed since.
pub fn update(
    conn: &mut DbConnection,
    id: LetterId,
    lock_version: i32,
    edit: &LetterEdit,
) -> AppResult<()> {
    let signatories = serde_json::to_string(&edit.text.signatories).map_err(AppError::internal)?;
    changed_once(
        diesel::update(
            letters::table
                .find(id.0)
                .filter(letters::lock_version.eq(lock_version)),
        )
        .set((
            letters::sender_organization_id.eq(edit.sender_organization_id.map(|o| o.0)),
            letters::sender_name.eq(edit.sender_name),
            letters::letter_date.eq(edit.date),
            letters::recipient_name.eq(&edit.text.recipient_name),
            letters::recipient_title.eq(&edit.text.recipient_title),
            letters::recipient_email.eq(&edit.text.recipient_email),
            letters::heading.eq(&edit.text.heading),
            letters::salutation.eq(&edit.text.salutation),
            letters::body.eq(&edit.text.body),
            letters::closing.eq(&edit.text.closing),
            letters::signatories.eq(signatories),
            letters::public.eq(edit.public),
            letters::lock_version.eq(lock_version + 1),
        ))
        .execute(conn)?,
    )?;
    super::search::refresh_letter(conn, id)
}

/// Moves a letter from the status it had at `lock_version` to `to`: approving records who,
/// reopening clears it.
pub fn set_status(
    conn: &mut DbConnection,
    letter: &Letter,
    to: LetterStatus,
    by: Option<UserId>,
) -> AppResult<()> {
    let approved = to == LetterStatus::Approved;
    changed_once(
        diesel::update(
            letters::table
                .find(letter.id.0)
                .filter(letters::lock_version.eq(letter.lock_version))
                .filter(letters::status.eq(letter.status.as_str())),
        )
        .set((
            letters::status.eq(to.as_str()),
            letters::approved_by.eq(if approved { by.map(|u| u.0) } else { None }),
            letters::approved_at.eq(if approved { Some(now()) } else { None }),
            letters::lock_version.eq(letter.lock_version + 1),
        ))
        .execute(conn)?,
    )?;
    super::search::refresh_letter(conn, letter.id)
}

/// Freezes an approved letter as sent: the PDF it went out with and its outbox message. Only
/// one of two simultaneous sends gets here; the other finds the letter changed.
pub fn mark_sent(
    conn: &mut DbConnection,
    letter: &Letter,
    pdf: &[u8],
    outbox_id: crate::domain::MessageId,
) -> AppResult<()> {
    changed_once(
        diesel::update(
            letters::table
                .find(letter.id.0)
                .filter(letters::lock_version.eq(letter.lock_version))
                .filter(letters::status.eq(LetterStatus::Approved.as_str())),
        )
        .set((
            letters::status.eq(LetterStatus::Sent.as_str()),
            letters::pdf.eq(Some(pdf)),
            letters::outbox_id.eq(Some(outbox_id.0)),
            letters::sent_at.eq(Some(now())),
            letters::lock_version.eq(letter.lock_version + 1),
        ))
        .execute(conn)?,
    )?;
    super::search::refresh_letter(conn, letter.id)
}

/// Makes a letter public or not; a sent letter too, since publishing does not change it.
pub fn set_public(conn: &mut DbConnection, letter: &Letter, public: bool) -> AppResult<()> {
    changed_once(
        diesel::update(
            letters::table
                .find(letter.id.0)
                .filter(letters::lock_version.eq(letter.lock_version)),
        )
        .set((
            letters::public.eq(public),
            letters::lock_version.eq(letter.lock_version + 1),
        ))
        .execute(conn)?,
    )?;
    super::search::refresh_letter(conn, letter.id)
}

/// Records the agenda item an incoming letter was put on.
pub fn set_agenda_item(
    conn: &mut DbConnection,
    letter: &Letter,
    item: AgendaItemId,
) -> AppResult<()> {
    changed_once(
        diesel::update(
            letters::table
                .find(letter.id.0)
                .filter(letters::lock_version.eq(letter.lock_version))
                .filter(letters::agenda_item_id.is_null()),
        )
        .set((
            letters::agenda_item_id.eq(Some(item.0)),
            letters::lock_version.eq(letter.lock_version + 1),
        ))
        .execute(conn)?,
    )
}

/// An incoming letter's original file: its name, content type and bytes.
pub fn original(
    conn: &mut DbConnection,
    id: LetterId,
) -> AppResult<Option<(String, String, Vec<u8>)>> {
    type Row = (Option<String>, Option<String>, Option<Vec<u8>>);
    let row: Option<Row> = letters::table
        .find(id.0)
        .select((
            letters::original_filename,
            letters::original_content_type,
            letters::original,
        ))
        .first(conn)
        .optional()?;
    Ok(match row {
        Some((Some(name), Some(kind), Some(bytes))) => Some((name, kind, bytes)),
        _ => None,
    })
}

/// The first body of the installation: where a new case goes when nothing else says.
pub fn default_body(conn: &mut DbConnection) -> AppResult<crate::domain::BodyId> {
    use super::schema::bodies;
    let id: i64 = bodies::table
        .select(bodies::id)
        .order(bodies::id)
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::internal("no body is configured"))?;
    Ok(crate::domain::BodyId(id))
}
