//! The search index: one document per searchable thing, written in the transaction of the change
//! that makes it searchable or changes who may find it (`refresh_*`), rebuilt whole by
//! `agendum reindex` (`rebuild`).
//!
//! Terms come from `domain::search` on both backends; this module only stores and matches them:
//! SQLite in a contentless FTS5 table keyed by the document's id, PostgreSQL in a `tsvector`
//! column under a GIN index, the title's positions weighted `A`. A query is all its groups, a
//! group of several terms a phrase, on both.
//!
//! Who finds a document follows from what was released or published, as on the pages: an
//! agenda item from the meeting's latest released version, a decision from the published
//! minutes, a proposal from `proposals::is_public`, a letter from `Letter::readable_by_all`.

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Nullable, Text, Timestamp};

use super::agenda;
use super::letters::{self, Letter};
use super::organizations::{self as orgs, SEAT_ROLES};
use super::proposals::{self, Proposal};
use super::schema::{
    agenda_attachments, agenda_version_items, cases, letters as letter_table, meetings,
    proposal_submitters, proposals as proposal_table, search_documents,
};
use super::{Backend, DbConnection, meetings as meeting_rows, minutes, now};
use crate::domain::agenda::SnapshotItem;
use crate::domain::proposal::ProposalStatus;
use crate::domain::search::{
    MAX_DOCUMENT_TERMS, Query, SearchKind, Visibility, document_key, key_range, terms, token,
};
use crate::domain::time::local;
use crate::domain::{
    AttachmentId, BodyId, CaseId, CaseReference, LetterId, MeetingId, OrganizationId, PersonId,
    ProposalId, UserId,
};
use crate::error::{AppError, AppResult};

type Multi = <DbConnection as diesel::Connection>::Backend;

/// One searchable thing as it is indexed.
#[derive(Debug, Clone)]
pub struct Doc {
    pub kind: SearchKind,
    pub source_id: i64,
    pub body_id: BodyId,
    /// The council or committee whose members find it while it is closed.
    pub organization_id: Option<OrganizationId>,
    pub meeting_id: Option<MeetingId>,
    pub case_id: Option<CaseId>,
    pub proposal_id: Option<ProposalId>,
    pub visibility: Visibility,
    pub status: Option<String>,
    pub day: NaiveDate,
    pub title: String,
    pub text: String,
}

/// PostgreSQL's text form of a tsvector: each term with its positions, the title's weighted A,
/// then the access-and-filter tokens without positions, each after a `_` that no word's term
/// has. Terms and tokens are letters and digits only (`domain::search`), so they need no
/// escaping.
fn tsvector(all: &[&str], in_title: usize, meta: &[String]) -> String {
    let mut positions: std::collections::BTreeMap<&str, Vec<String>> = Default::default();
    for (n, t) in all.iter().enumerate() {
        let weight = if n < in_title { "A" } else { "" };
        positions
            .entry(t)
            .or_default()
            .push(format!("{}{weight}", n + 1));
    }
    let mut out: Vec<String> = positions
        .into_iter()
        .map(|(t, at)| format!("'{t}':{}", at.join(",")))
        .collect();
    out.extend(meta.iter().map(|m| format!("'_{m}'")));
    out.join(" ")
}

/// Who finds every document the secretariat may read.
fn secretariat_token() -> String {
    token('v', Visibility::Secretariat)
}

fn public_token() -> String {
    token('v', Visibility::Public)
}

/// The access-and-filter tokens of a document (`domain::search::token`): its body, kind,
/// council or committee and status; who may find it: `vpublic` everyone, `vsecretariat` the
/// secretariat, `r<person>` each person with a seat on its council or committee on its day
/// (while it is closed), `a<person>` and `u<account>` a proposal's authors.
fn meta(conn: &mut DbConnection, doc: &Doc) -> AppResult<Vec<String>> {
    use super::schema::memberships;
    let mut out = vec![token('b', doc.body_id.0), token('k', doc.kind)];
    out.extend(doc.organization_id.map(|o| token('o', o.0)));
    out.extend(doc.status.as_deref().map(|s| token('s', s)));
    match doc.visibility {
        Visibility::Public => out.extend([public_token(), secretariat_token()]),
        Visibility::Secretariat => out.push(secretariat_token()),
        Visibility::Members => {
            out.push(secretariat_token());
            if let Some(org) = doc.organization_id {
                let seated: Vec<i64> = memberships::table
                    .filter(memberships::organization_id.eq(org.0))
                    .filter(memberships::role.eq_any(SEAT_ROLES.map(|r| r.as_str())))
                    .filter(memberships::start_date.le(doc.day))
                    .filter(
                        memberships::end_date
                            .is_null()
                            .or(memberships::end_date.ge(doc.day)),
                    )
                    .select(memberships::person_id)
                    .distinct()
                    .order(memberships::person_id)
                    .load(conn)?;
                out.extend(seated.into_iter().map(|p| token('r', p)));
            }
        }
        Visibility::Authors => {}
    }
    if let (SearchKind::Proposal, Some(p)) = (doc.kind, doc.proposal_id) {
        let submitters: Vec<i64> = proposal_submitters::table
            .filter(proposal_submitters::proposal_id.eq(p.0))
            .select(proposal_submitters::person_id)
            .order(proposal_submitters::person_id)
            .load(conn)?;
        out.extend(submitters.into_iter().map(|s| token('a', s)));
        let created_by: Option<i64> = proposal_table::table
            .find(p.0)
            .select(proposal_table::created_by)
            .first::<Option<i64>>(conn)
            .optional()?
            .flatten();
        out.extend(created_by.map(|u| token('u', u)));
    }
    out.dedup();
    Ok(out)
}

fn insert(conn: &mut DbConnection, doc: &Doc) -> AppResult<()> {
    let key = document_key(doc.day, doc.kind, doc.source_id).ok_or_else(|| {
        AppError::internal(format!(
            "search: {} {} dated {} has no key",
            doc.kind, doc.source_id, doc.day
        ))
    })?;
    let meta = meta(conn, doc)?;
    let title_terms = terms(&doc.title);
    let text_terms = terms(&doc.text);
    let all: Vec<&str> = title_terms
        .iter()
        .chain(&text_terms)
        .map(String::as_str)
        .take(MAX_DOCUMENT_TERMS)
        .collect();
    let in_title = title_terms.len().min(all.len());
    const COLUMNS: &str = "id, kind, source_id, body_id, organization_id, meeting_id, case_id, \
        proposal_id, visibility, status, day, title, text, indexed_at, meta";
    const VALUES: &str = "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15";
    let sql = match conn.backend() {
        Backend::Sqlite => format!("INSERT INTO search_documents ({COLUMNS}) VALUES ({VALUES})"),
        Backend::Postgres => format!(
            "INSERT INTO search_documents ({COLUMNS}, terms) VALUES ({VALUES}, $16::tsvector)"
        ),
    };
    let query = diesel::sql_query(sql)
        .into_boxed::<Multi>()
        .bind::<BigInt, _>(key)
        .bind::<Text, _>(doc.kind.as_str())
        .bind::<BigInt, _>(doc.source_id)
        .bind::<BigInt, _>(doc.body_id.0)
        .bind::<Nullable<BigInt>, _>(doc.organization_id.map(|o| o.0))
        .bind::<Nullable<BigInt>, _>(doc.meeting_id.map(|m| m.0))
        .bind::<Nullable<BigInt>, _>(doc.case_id.map(|c| c.0))
        .bind::<Nullable<BigInt>, _>(doc.proposal_id.map(|p| p.0))
        .bind::<Text, _>(doc.visibility.as_str())
        .bind::<Nullable<Text>, _>(doc.status.as_deref())
        .bind::<Date, _>(doc.day)
        .bind::<Text, _>(doc.title.as_str())
        .bind::<Text, _>(doc.text.as_str())
        .bind::<Timestamp, _>(now())
        .bind::<Text, _>(meta.join(" "));
    match conn.backend() {
        Backend::Sqlite => {
            query.execute(conn)?;
            diesel::sql_query(
                "INSERT INTO search_index (rowid, terms, title_terms, meta) VALUES ($1, $2, $3, $4)",
            )
            .bind::<BigInt, _>(key)
            .bind::<Text, _>(all.join(" "))
            .bind::<Text, _>(all[..in_title].join(" "))
            .bind::<Text, _>(meta.join(" "))
            .execute(conn)?;
        }
        Backend::Postgres => {
            query
                .bind::<Text, _>(tsvector(&all, in_title, &meta))
                .execute(conn)?;
        }
    }
    Ok(())
}

// The deletes below are written as SQL of their own, which diesel does not keep as prepared
// statements: PostgreSQL would otherwise settle on a plan made while a rebuild's table was
// still empty (a scan) and keep it while the rebuild fills the table, one scan per document.

fn remove(conn: &mut DbConnection, kind: SearchKind, source: i64) -> AppResult<()> {
    diesel::sql_query("DELETE FROM search_documents WHERE kind = $1 AND source_id = $2")
        .bind::<Text, _>(kind.as_str())
        .bind::<BigInt, _>(source)
        .execute(conn)?;
    Ok(())
}

/// Forgets a meeting's items, decisions and files.
fn remove_meeting(conn: &mut DbConnection, id: MeetingId) -> AppResult<()> {
    let kinds = MEETING_KINDS
        .map(|k| format!("'{}'", k.as_str()))
        .join(", ");
    diesel::sql_query(format!(
        "DELETE FROM search_documents WHERE meeting_id = $1 AND kind IN ({kinds})"
    ))
    .bind::<BigInt, _>(id.0)
    .execute(conn)?;
    Ok(())
}

fn day_of(at: chrono::DateTime<chrono::Utc>) -> NaiveDate {
    local(at).date_naive()
}

fn lines<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

// ---------------------------------------------------------------------------------------------
// Proposals

/// Indexes the proposal as it stands now (or forgets it, when it is gone), then its cases.
pub fn refresh_proposal(conn: &mut DbConnection, id: ProposalId) -> AppResult<()> {
    let cases = index_proposal(conn, id)?;
    for case in cases {
        index_case(conn, case)?;
    }
    Ok(())
}

fn proposal_visibility(conn: &mut DbConnection, p: &Proposal) -> AppResult<Visibility> {
    if proposals::is_public(conn, p)? {
        return Ok(Visibility::Public);
    }
    // As `read::access`: a draft, or one withdrawn before it was ever submitted, is its
    // authors' only; anything submitted the secretariat reads too.
    let never_submitted = p.submitted_at.is_none()
        && matches!(p.status, ProposalStatus::Draft | ProposalStatus::Withdrawn);
    Ok(if never_submitted {
        Visibility::Authors
    } else {
        Visibility::Secretariat
    })
}

/// Returns the cases the proposal is on.
fn index_proposal(conn: &mut DbConnection, id: ProposalId) -> AppResult<Vec<CaseId>> {
    remove(conn, SearchKind::Proposal, id.0)?;
    let Some(p) = proposals::get(conn, id)? else {
        return Ok(Vec::new());
    };
    let visibility = proposal_visibility(conn, &p)?;
    let references: Vec<String> = p.cases.iter().map(ToString::to_string).collect();
    let submitted_by = p.submitted_by(crate::domain::language::Lang::Da);
    let text = lines(
        std::iter::once(p.opening.as_str())
            .chain(p.clauses.iter().map(String::as_str))
            .chain([p.motivation.as_str()])
            .chain(submitted_by.as_deref())
            .chain(references.iter().map(String::as_str)),
    );
    let case_ids = case_ids(conn, &p.cases)?;
    let created: chrono::NaiveDateTime = proposal_table::table
        .find(id.0)
        .select(proposal_table::created_at)
        .first(conn)?;
    insert(
        conn,
        &Doc {
            kind: SearchKind::Proposal,
            source_id: id.0,
            body_id: p.body_id,
            organization_id: Some(p.organization_id),
            meeting_id: None,
            case_id: case_ids.first().copied(),
            proposal_id: Some(id),
            visibility,
            status: Some(p.status.as_str().to_owned()),
            day: p
                .submitted_at
                .map_or_else(|| day_of(created.and_utc()), day_of),
            title: p.title.clone(),
            text,
        },
    )?;
    Ok(case_ids)
}

fn case_ids(conn: &mut DbConnection, references: &[CaseReference]) -> AppResult<Vec<CaseId>> {
    let keys: Vec<String> = references.iter().map(CaseReference::key).collect();
    Ok(cases::table
        .filter(cases::reference_key.eq_any(&keys))
        .select(cases::id)
        .load::<i64>(conn)?
        .into_iter()
        .map(CaseId)
        .collect())
}

// ---------------------------------------------------------------------------------------------
// Cases

/// Indexes the case by its reference and title; everyone finds it once anything on it is
/// public (as the case page shows it), the secretariat always.
pub fn refresh_case(conn: &mut DbConnection, id: CaseId) -> AppResult<()> {
    index_case(conn, id)
}

fn index_case(conn: &mut DbConnection, id: CaseId) -> AppResult<()> {
    remove(conn, SearchKind::Case, id.0)?;
    let Some(case) = super::cases::get(conn, id)? else {
        return Ok(());
    };
    let mut public = false;
    for p in proposals::for_case(conn, id)? {
        if proposals::is_public(conn, &p)? {
            public = true;
            break;
        }
    }
    if !public {
        public = proposals::case_appearances(conn, id)?
            .iter()
            .any(|a| a.public && a.meeting_status.agenda_is_released());
    }
    if !public {
        public = letters::of_case(conn, id)?
            .iter()
            .any(Letter::readable_by_all);
    }
    insert(
        conn,
        &Doc {
            kind: SearchKind::Case,
            source_id: id.0,
            body_id: case.body_id,
            organization_id: None,
            meeting_id: None,
            case_id: Some(id),
            proposal_id: None,
            visibility: if public {
                Visibility::Public
            } else {
                Visibility::Secretariat
            },
            status: None,
            day: day_of(case.created_at),
            title: case.title,
            text: case.reference.to_string(),
        },
    )
}

// ---------------------------------------------------------------------------------------------
// Letters

/// Indexes the letter (everyone finds it once it may be read by all), then its case.
pub fn refresh_letter(conn: &mut DbConnection, id: LetterId) -> AppResult<()> {
    if let Some(case) = index_letter(conn, id)? {
        index_case(conn, case)?;
    }
    Ok(())
}

fn index_letter(conn: &mut DbConnection, id: LetterId) -> AppResult<Option<CaseId>> {
    remove(conn, SearchKind::Letter, id.0)?;
    let Some(letter) = letters::get(conn, id)? else {
        return Ok(None);
    };
    let body: i64 = cases::table
        .find(letter.case_id.0)
        .select(cases::body_id)
        .first(conn)?;
    let t = &letter.text;
    let text = lines([
        letter.sender_name.as_str(),
        t.recipient_name.as_str(),
        t.recipient_title.as_deref().unwrap_or(""),
        t.salutation.as_str(),
        t.body.as_str(),
        t.closing.as_str(),
    ]);
    insert(
        conn,
        &Doc {
            kind: SearchKind::Letter,
            source_id: id.0,
            body_id: BodyId(body),
            organization_id: letter.sender_organization_id,
            meeting_id: None,
            case_id: Some(letter.case_id),
            proposal_id: None,
            visibility: if letter.readable_by_all() {
                Visibility::Public
            } else {
                Visibility::Secretariat
            },
            status: Some(letter.status.as_str().to_owned()),
            day: letter.date,
            title: t.heading.clone(),
            text,
        },
    )?;
    Ok(Some(letter.case_id))
}

// ---------------------------------------------------------------------------------------------
// Meetings: agenda items, decisions, files

const MEETING_KINDS: [SearchKind; 3] = [
    SearchKind::AgendaItem,
    SearchKind::Decision,
    SearchKind::File,
];

/// Indexes what the meeting's latest released agenda and published minutes show, and the files
/// on its working agenda (the secretariat's until released); then the proposals and cases on
/// its released agendas, whose being public follows from them.
pub fn refresh_meeting(conn: &mut DbConnection, id: MeetingId) -> AppResult<()> {
    index_meeting(conn, id)?;
    let on_agenda: Vec<Option<i64>> = agenda_version_items::table
        .filter(agenda_version_items::meeting_id.eq(id.0))
        .filter(agenda_version_items::proposal_id.is_not_null())
        .select(agenda_version_items::proposal_id)
        .distinct()
        .load(conn)?;
    let mut cases: Vec<CaseId> = agenda_version_items::table
        .filter(agenda_version_items::meeting_id.eq(id.0))
        .filter(agenda_version_items::case_id.is_not_null())
        .select(agenda_version_items::case_id)
        .distinct()
        .load::<Option<i64>>(conn)?
        .into_iter()
        .flatten()
        .map(CaseId)
        .collect();
    for p in on_agenda.into_iter().flatten() {
        cases.extend(index_proposal(conn, ProposalId(p))?);
    }
    cases.sort_unstable_by_key(|c| c.0);
    cases.dedup();
    for case in cases {
        index_case(conn, case)?;
    }
    Ok(())
}

fn item_text(item: &SnapshotItem) -> String {
    let references: Vec<String> = item
        .case_references
        .iter()
        .map(ToString::to_string)
        .collect();
    let mut parts: Vec<&str> = Vec::new();
    if let Some(p) = &item.proposal {
        parts.push(&p.opening);
        parts.extend(p.clauses.iter().map(String::as_str));
        parts.push(&p.motivation);
        parts.extend(p.submitted_by.as_deref());
    }
    parts.extend(item.body.as_deref());
    for s in &item.sections {
        parts.push(&s.heading);
        parts.push(&s.text);
    }
    parts.extend(item.source.as_deref());
    parts.extend(references.iter().map(String::as_str));
    lines(parts)
}

fn index_meeting(conn: &mut DbConnection, id: MeetingId) -> AppResult<()> {
    remove_meeting(conn, id)?;
    let Some(meeting) = meeting_rows::get(conn, id)? else {
        return Ok(());
    };
    let body = orgs::body_of(conn, meeting.organization_id)?;
    let day = day_of(meeting.starts_at);
    let doc = |kind, source_id, public: bool, title: String, text: String| Doc {
        kind,
        source_id,
        body_id: body,
        organization_id: Some(meeting.organization_id),
        meeting_id: Some(id),
        case_id: None,
        proposal_id: None,
        visibility: if public {
            Visibility::Public
        } else {
            Visibility::Members
        },
        status: None,
        day,
        title,
        text,
    };
    let released = agenda::released(conn, id, None)?;
    let mut released_files: Vec<AttachmentId> = Vec::new();
    if let Some(released) = &released {
        let items = &released.snapshot.items;
        let references: Vec<CaseReference> = items
            .iter()
            .flat_map(|i| i.case_references.iter().cloned())
            .collect();
        let case_keys: std::collections::HashMap<String, CaseId> =
            case_ids_by_key(conn, &references)?;
        for item in items {
            let mut d = doc(
                SearchKind::AgendaItem,
                item.id.0,
                item.public,
                item.display_title(),
                item_text(item),
            );
            d.proposal_id = item.proposal.as_ref().map(|p| p.id);
            d.case_id = item
                .case_references
                .first()
                .and_then(|r| case_keys.get(&r.key()).copied());
            insert(conn, &d)?;
            for a in &item.attachments {
                released_files.push(a.id);
                let text = attachment_text(conn, a.id)?;
                let mut f = doc(
                    SearchKind::File,
                    a.id.0,
                    item.public && a.public,
                    a.filename.clone(),
                    text,
                );
                f.case_id = d.case_id;
                insert(conn, &f)?;
            }
        }
        if let Some(published) = minutes::published(conn, id)? {
            for decided in &published.content.items {
                let Some(item) = items.iter().find(|i| i.number == decided.number) else {
                    continue;
                };
                let notes = decided
                    .statements
                    .iter()
                    .map(|s| format!("{}: {}", s.by, s.text))
                    .collect::<Vec<_>>();
                let text = lines(
                    decided
                        .text
                        .as_deref()
                        .into_iter()
                        .chain(notes.iter().map(String::as_str)),
                );
                if text.is_empty() && decided.outcome.is_none() {
                    continue;
                }
                let mut d = doc(
                    SearchKind::Decision,
                    item.id.0,
                    decided.public,
                    decided.title.clone(),
                    text,
                );
                d.status = decided.outcome.map(|o| o.as_str().to_owned());
                d.proposal_id = item.proposal.as_ref().map(|p| p.id);
                insert(conn, &d)?;
            }
        }
    }
    // Files on the working agenda not yet released: the secretariat finds them at once.
    let working: Vec<(i64, String, Option<String>)> = agenda_attachments::table
        .filter(agenda_attachments::meeting_id.eq(id.0))
        .filter(agenda_attachments::agenda_item_id.is_not_null())
        .select((
            agenda_attachments::id,
            agenda_attachments::filename,
            agenda_attachments::text,
        ))
        .load(conn)?;
    for (file, filename, text) in working {
        if released_files.contains(&AttachmentId(file)) {
            continue;
        }
        let mut d = doc(
            SearchKind::File,
            file,
            false,
            filename,
            text.unwrap_or_default(),
        );
        d.visibility = Visibility::Secretariat;
        insert(conn, &d)?;
    }
    Ok(())
}

fn case_ids_by_key(
    conn: &mut DbConnection,
    references: &[CaseReference],
) -> AppResult<std::collections::HashMap<String, CaseId>> {
    let keys: Vec<String> = references.iter().map(CaseReference::key).collect();
    Ok(cases::table
        .filter(cases::reference_key.eq_any(&keys))
        .select((cases::reference_key, cases::id))
        .load::<(Option<String>, i64)>(conn)?
        .into_iter()
        .filter_map(|(k, id)| Some((k?, CaseId(id))))
        .collect())
}

fn attachment_text(conn: &mut DbConnection, id: AttachmentId) -> AppResult<String> {
    Ok(agenda_attachments::table
        .find(id.0)
        .select(agenda_attachments::text)
        .first::<Option<String>>(conn)
        .optional()?
        .flatten()
        .unwrap_or_default())
}

// ---------------------------------------------------------------------------------------------
// The whole index

/// How many documents of each kind a rebuild wrote.
#[derive(Debug, Default, Clone)]
pub struct Rebuilt {
    pub documents: i64,
    pub proposals: usize,
    pub meetings: usize,
    pub letters: usize,
    pub cases: usize,
}

/// Forgets the index and indexes everything again (`agendum reindex`), in the caller's
/// transaction: readers see the old index until it commits.
pub fn rebuild(conn: &mut DbConnection) -> AppResult<Rebuilt> {
    if conn.backend() == Backend::Sqlite {
        // Emptied at once, rather than entry by entry as each document's trigger would.
        diesel::sql_query("INSERT INTO search_index (search_index) VALUES ('delete-all')")
            .execute(conn)?;
    }
    diesel::delete(search_documents::table).execute(conn)?;
    let mut out = Rebuilt::default();
    let ids: Vec<i64> = proposal_table::table
        .select(proposal_table::id)
        .order(proposal_table::id)
        .load(conn)?;
    out.proposals = ids.len();
    for id in ids {
        index_proposal(conn, ProposalId(id))?;
    }
    let ids: Vec<i64> = meetings::table
        .select(meetings::id)
        .order(meetings::id)
        .load(conn)?;
    out.meetings = ids.len();
    for id in ids {
        index_meeting(conn, MeetingId(id))?;
    }
    let ids: Vec<i64> = letter_table::table
        .select(letter_table::id)
        .order(letter_table::id)
        .load(conn)?;
    out.letters = ids.len();
    for id in ids {
        index_letter(conn, LetterId(id))?;
    }
    let ids: Vec<i64> = cases::table.select(cases::id).order(cases::id).load(conn)?;
    out.cases = ids.len();
    for id in ids {
        index_case(conn, CaseId(id))?;
    }
    out.documents = search_documents::table.count().get_result(conn)?;
    if conn.backend() == Backend::Sqlite {
        // One segment: a search then reads each term's list once.
        diesel::sql_query("INSERT INTO search_index (search_index) VALUES ('optimize')")
            .execute(conn)?;
    }
    // Statistics taken when the table was small would have the planner scan it for a page of
    // results rather than look each up by its key.
    diesel::sql_query("ANALYZE search_documents").execute(conn)?;
    Ok(out)
}

/// Writes again the closed documents of a council or committee, whose readers follow its
/// seats: after a membership of it begins, ends or changes.
pub fn reseat(conn: &mut DbConnection, organization: OrganizationId) -> AppResult<()> {
    let rows: Vec<StoredDoc> = search_documents::table
        .filter(search_documents::organization_id.eq(organization.0))
        .filter(search_documents::visibility.eq(Visibility::Members.as_str()))
        .select(StoredDoc::as_select())
        .load(conn)?;
    for row in rows {
        let (Ok(kind), Ok(visibility)) = (row.kind.parse(), row.visibility.parse()) else {
            continue;
        };
        remove(conn, kind, row.source_id)?;
        insert(
            conn,
            &Doc {
                kind,
                source_id: row.source_id,
                body_id: BodyId(row.body_id),
                organization_id: row.organization_id.map(OrganizationId),
                meeting_id: row.meeting_id.map(MeetingId),
                case_id: row.case_id.map(CaseId),
                proposal_id: row.proposal_id.map(ProposalId),
                visibility,
                status: row.status,
                day: row.day,
                title: row.title,
                text: row.text,
            },
        )?;
    }
    Ok(())
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = search_documents)]
struct StoredDoc {
    kind: String,
    source_id: i64,
    body_id: i64,
    organization_id: Option<i64>,
    meeting_id: Option<i64>,
    case_id: Option<i64>,
    proposal_id: Option<i64>,
    visibility: String,
    status: Option<String>,
    day: NaiveDate,
    title: String,
    text: String,
}

/// A document as `dump` gives it: key, kind, source, visibility, title, text and tokens.
pub type Dumped = (i64, String, i64, String, String, String, String);

/// Every document, in order: for comparing an index kept change by change with a rebuilt one.
pub fn dump(conn: &mut DbConnection) -> AppResult<Vec<Dumped>> {
    Ok(search_documents::table
        .order((search_documents::kind, search_documents::source_id))
        .select((
            search_documents::id,
            search_documents::kind,
            search_documents::source_id,
            search_documents::visibility,
            search_documents::title,
            search_documents::text,
            search_documents::meta,
        ))
        .load(conn)?)
}

// ---------------------------------------------------------------------------------------------
// Searching

/// Who is searching.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Searcher {
    Anonymous,
    /// A signed-in person other than the secretariat: the public's documents, closed items of
    /// the councils and committees they sit on, and their own proposals.
    Person {
        account: UserId,
        person: Option<PersonId>,
    },
    Secretariat,
}

#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub body: Option<BodyId>,
    /// A council or committee: what its meetings treated and the proposals put to it.
    pub organization: Option<OrganizationId>,
    pub kind: Option<SearchKind>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub status: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// The case a query names first, then matches in the title, then the newest.
    #[default]
    Relevance,
    Date,
}

#[derive(Debug, Clone, QueryableByName)]
pub struct Hit {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Text)]
    pub kind: String,
    #[diesel(sql_type = BigInt)]
    pub source_id: i64,
    #[diesel(sql_type = Nullable<BigInt>)]
    pub meeting_id: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    pub case_id: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    pub proposal_id: Option<i64>,
    #[diesel(sql_type = Text)]
    pub visibility: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub status: Option<String>,
    #[diesel(sql_type = Date)]
    pub day: NaiveDate,
    #[diesel(sql_type = Text)]
    pub title: String,
    #[diesel(sql_type = Text)]
    pub text: String,
}

/// What a search matches, in each backend's query language: the words (`Query`), who may
/// find a document and what the filters ask (tokens of the `meta` column, all of `meta`'s
/// groups, any of each group's tokens).
struct Matcher {
    backend: Backend,
    query: Query,
    meta: Vec<Vec<String>>,
}

/// Which documents of the matches.
#[derive(Clone, Copy)]
enum Part {
    All,
    /// The words all in the title.
    Title,
    /// The others.
    Rest,
}

impl Matcher {
    fn new(backend: Backend, query: &Query, searcher: Searcher, filters: &Filters) -> Self {
        let access = match searcher {
            Searcher::Anonymous => vec![public_token()],
            Searcher::Secretariat => vec![secretariat_token()],
            Searcher::Person { account, person } => {
                let mut any = vec![public_token(), token('u', account.0)];
                if let Some(p) = person {
                    any.extend([token('r', p.0), token('a', p.0)]);
                }
                any
            }
        };
        let mut meta = vec![access];
        meta.extend(filters.body.map(|b| vec![token('b', b.0)]));
        meta.extend(filters.kind.map(|k| vec![token('k', k)]));
        meta.extend(filters.organization.map(|o| vec![token('o', o.0)]));
        meta.extend(filters.status.as_deref().map(|s| vec![token('s', s)]));
        Matcher {
            backend,
            query: query.clone(),
            meta,
        }
    }

    fn expression(&self, part: Part) -> String {
        match self.backend {
            Backend::Sqlite => {
                let words = |column: &str| {
                    let groups: Vec<String> = self
                        .query
                        .groups
                        .iter()
                        .map(|g| format!("\"{}\"", g.join(" ")))
                        .collect();
                    format!("{{{column}}} : ({})", groups.join(" AND "))
                };
                let meta: Vec<String> = self
                    .meta
                    .iter()
                    .map(|any| format!("({})", any.join(" OR ")))
                    .collect();
                let meta = format!("{{meta}} : ({})", meta.join(" AND "));
                match part {
                    Part::All => format!("({}) AND ({meta})", words("terms")),
                    Part::Title => format!("({}) AND ({meta})", words("title_terms")),
                    Part::Rest => format!(
                        "(({}) AND ({meta})) NOT ({})",
                        words("terms"),
                        words("title_terms")
                    ),
                }
            }
            Backend::Postgres => {
                let words = |weight: &str| {
                    let groups: Vec<String> = self
                        .query
                        .groups
                        .iter()
                        .map(|g| {
                            let terms: Vec<String> =
                                g.iter().map(|t| format!("'{t}'{weight}")).collect();
                            format!("({})", terms.join(" <-> "))
                        })
                        .collect();
                    groups.join(" & ")
                };
                let meta: Vec<String> = self
                    .meta
                    .iter()
                    .map(|any| {
                        let any: Vec<String> = any.iter().map(|t| format!("'_{t}'")).collect();
                        format!("({})", any.join(" | "))
                    })
                    .collect();
                let meta = meta.join(" & ");
                match part {
                    Part::All => format!("{} & {meta}", words("")),
                    Part::Title => format!("{} & {meta}", words(":A")),
                    Part::Rest => format!("{} & {meta} & !({})", words(""), words(":A")),
                }
            }
        }
    }

    /// `FROM … WHERE …` of the matches of the expression `$1` with keys within `range`, but
    /// `except`. The keys are written in (numbers we made); a condition that holds for every key
    /// is left out, so that PostgreSQL can count from its index alone.
    fn condition(&self, range: (i64, i64), except: i64) -> String {
        let key = self.key();
        let mut sql = match self.backend {
            Backend::Sqlite => "search_index WHERE search_index MATCH $1".to_owned(),
            Backend::Postgres => "search_documents WHERE terms @@ $1::tsquery".to_owned(),
        };
        if range.0 > 0 {
            sql.push_str(&format!(" AND {key} >= {}", range.0));
        }
        if range.1 < i64::MAX {
            sql.push_str(&format!(" AND {key} <= {}", range.1));
        }
        if except != NO_KEY {
            sql.push_str(&format!(" AND {key} <> {except}"));
        }
        sql
    }

    fn key(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite => "rowid",
            Backend::Postgres => "id",
        }
    }

    fn bind(
        &self,
        sql: String,
        part: Part,
    ) -> diesel::query_builder::BoxedSqlQuery<'static, Multi, diesel::query_builder::SqlQuery> {
        diesel::sql_query(sql)
            .into_boxed::<Multi>()
            .bind::<Text, _>(self.expression(part))
    }

    /// How many match, counted up to `at_most` and one more (which says "more than that").
    fn count(
        &self,
        conn: &mut DbConnection,
        part: Part,
        range: (i64, i64),
        except: i64,
        at_most: i64,
    ) -> AppResult<i64> {
        let sql = format!(
            "SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM {} LIMIT {}) counted",
            self.condition(range, except),
            at_most.saturating_add(1)
        );
        Ok(self
            .bind(sql, part)
            .get_result::<Count>(conn)
            .map_err(query_error)?
            .n)
    }

    /// The keys of a page of the matches of `part`, newest first (lowest key first).
    fn page(
        &self,
        conn: &mut DbConnection,
        part: Part,
        range: (i64, i64),
        except: i64,
        limit: i64,
        offset: i64,
    ) -> AppResult<Vec<i64>> {
        if limit <= 0 {
            return Ok(Vec::new());
        }
        let key = self.key();
        let sql = format!(
            "SELECT {key} AS n FROM {} ORDER BY {key} LIMIT {limit} OFFSET {offset}",
            self.condition(range, except)
        );
        Ok(self
            .bind(sql, part)
            .load::<Count>(conn)
            .map_err(query_error)?
            .into_iter()
            .map(|c| c.n)
            .collect())
    }
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// No document has this key.
const NO_KEY: i64 = -1;

/// A page of what a search found.
#[derive(Debug, Clone)]
pub struct Found {
    pub hits: Vec<Hit>,
    /// How many were found, up to the count's limit.
    pub total: i64,
    /// More were found than `total` says.
    pub more: bool,
}

/// One page of what `searcher` finds, and how many they find in all, counted up to
/// `count_at_most` (counting is the one part of a search that grows with the matches).
/// `first_case` (the case a query names) comes first when found.
#[allow(clippy::too_many_arguments)]
pub fn search(
    conn: &mut DbConnection,
    query: &Query,
    searcher: Searcher,
    filters: &Filters,
    order: Order,
    first_case: Option<CaseId>,
    limit: i64,
    offset: i64,
    count_at_most: i64,
) -> AppResult<Found> {
    let matcher = Matcher::new(conn.backend(), query, searcher, filters);
    let range = key_range(filters.from, filters.to);
    let counted = matcher.count(conn, Part::All, range, NO_KEY, count_at_most)?;
    let (total, more) = (counted.min(count_at_most), counted > count_at_most);
    let found = |hits| Found { hits, total, more };
    if total == 0 || offset >= total {
        return Ok(found(Vec::new()));
    }
    let keys = match order {
        Order::Date => matcher.page(conn, Part::All, range, NO_KEY, limit, offset)?,
        Order::Relevance => {
            // The named case, then matches in the title, then the others, each newest first:
            // every part is read in the index's own order, a page at a time.
            let mut keys = Vec::new();
            let (mut limit, mut offset) = (limit, offset);
            let mut case = NO_KEY;
            let named = first_case.map(|c| case_key(conn, c)).transpose()?.flatten();
            if let Some(key) = named.filter(|k| (range.0..=range.1).contains(k))
                && matcher.count(conn, Part::All, (key, key), NO_KEY, 1)? == 1
            {
                case = key;
                if offset == 0 {
                    keys.push(key);
                    limit -= 1;
                } else {
                    offset -= 1;
                }
            }
            let titled = matcher.page(conn, Part::Title, range, case, limit, offset)?;
            let found = i64::try_from(titled.len()).unwrap_or(i64::MAX);
            keys.extend(titled);
            if found < limit {
                // How many title matches came before this page: known from this one, unless it
                // was past their end.
                let before = if found > 0 || offset == 0 {
                    offset
                } else {
                    // Within the pages reached, so within the count's limit.
                    matcher.count(conn, Part::Title, range, case, count_at_most)?
                };
                let rest_offset = offset - before;
                keys.extend(matcher.page(
                    conn,
                    Part::Rest,
                    range,
                    case,
                    limit - found,
                    rest_offset,
                )?);
            }
            keys
        }
    };
    Ok(found(hits(conn, &keys)?))
}

/// The key of a case's document.
fn case_key(conn: &mut DbConnection, case: CaseId) -> AppResult<Option<i64>> {
    Ok(search_documents::table
        .filter(search_documents::kind.eq(SearchKind::Case.as_str()))
        .filter(search_documents::source_id.eq(case.0))
        .select(search_documents::id)
        .first(conn)
        .optional()?)
}

/// The documents of `keys`, in that order.
fn hits(conn: &mut DbConnection, keys: &[i64]) -> AppResult<Vec<Hit>> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let list = keys
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT id, kind, source_id, meeting_id, case_id, proposal_id, visibility, status, day,
                title, text
           FROM search_documents WHERE id IN ({list})"
    );
    let mut found: std::collections::HashMap<i64, Hit> = diesel::sql_query(sql)
        .load::<Hit>(conn)
        .map_err(query_error)?
        .into_iter()
        .map(|h| (h.id, h))
        .collect();
    Ok(keys.iter().filter_map(|k| found.remove(k)).collect())
}

fn query_error(e: diesel::result::Error) -> AppError {
    AppError::internal(format!("search: {e}"))
}

/// The reference and title of cases, for showing results.
pub fn case_labels(
    conn: &mut DbConnection,
    ids: &[i64],
) -> AppResult<std::collections::HashMap<i64, (String, String)>> {
    Ok(cases::table
        .filter(cases::id.eq_any(ids))
        .select((cases::id, cases::reference, cases::title))
        .load::<(i64, String, String)>(conn)?
        .into_iter()
        .map(|(id, r, t)| (id, (r, t)))
        .collect())
}

/// The municipalities of the instance, for the search's filter.
pub fn bodies(conn: &mut DbConnection) -> AppResult<Vec<(i64, String)>> {
    use super::schema::bodies;
    Ok(bodies::table
        .order(bodies::id)
        .select((bodies::id, bodies::name))
        .load(conn)?)
}

/// The councils and committees, for the search's filter.
pub fn meeting_bodies(conn: &mut DbConnection) -> AppResult<Vec<(i64, String)>> {
    use super::schema::organizations;
    Ok(organizations::table
        .filter(organizations::kind.eq_any(["council", "committee"]))
        .order((organizations::kind.desc(), organizations::name))
        .select((organizations::id, organizations::name))
        .load(conn)?)
}

/// The numbers of agenda items, for linking to them on their meeting's page.
pub fn item_numbers(
    conn: &mut DbConnection,
    ids: &[i64],
) -> AppResult<std::collections::HashMap<i64, String>> {
    use super::schema::agenda_items;
    Ok(agenda_items::table
        .filter(agenda_items::id.eq_any(ids))
        .select((agenda_items::id, agenda_items::number))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect())
}

/// The name of the council or committee and the day of meetings, for showing results.
pub fn meeting_labels(
    conn: &mut DbConnection,
    ids: &[i64],
) -> AppResult<std::collections::HashMap<i64, (String, chrono::DateTime<chrono::Utc>)>> {
    Ok(meetings::table
        .inner_join(super::schema::organizations::table)
        .filter(meetings::id.eq_any(ids))
        .select((
            meetings::id,
            super::schema::organizations::name,
            meetings::starts_at,
        ))
        .load::<(i64, String, chrono::NaiveDateTime)>(conn)?
        .into_iter()
        .map(|(id, name, at)| (id, (name, at.and_utc())))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsvector_weights_the_title_and_keeps_positions() {
        assert_eq!(
            tsvector(
                &["skol", "cykelsti", "skol"],
                1,
                &["vpublic".into(), "b3".into()]
            ),
            "'cykelsti':2 'skol':1A,3 '_vpublic' '_b3'"
        );
    }

    #[test]
    fn both_query_forms_say_the_same() {
        let q = Query::parse(r#"skole "sociale medier""#).unwrap().unwrap();
        let filters = Filters {
            body: Some(BodyId(3)),
            ..Filters::default()
        };
        let person = Searcher::Person {
            account: UserId(5),
            person: Some(PersonId(7)),
        };
        let sqlite = Matcher::new(Backend::Sqlite, &q, person, &filters);
        assert_eq!(
            sqlite.expression(Part::All),
            r#"({terms} : ("skol" AND "social medi")) AND ({meta} : ((vpublic OR u5 OR r7 OR a7) AND (b3)))"#
        );
        assert_eq!(
            sqlite.expression(Part::Rest),
            r#"(({terms} : ("skol" AND "social medi")) AND ({meta} : ((vpublic OR u5 OR r7 OR a7) AND (b3)))) NOT ({title_terms} : ("skol" AND "social medi"))"#
        );
        let postgres = Matcher::new(Backend::Postgres, &q, Searcher::Anonymous, &filters);
        assert_eq!(
            postgres.expression(Part::All),
            "('skol') & ('social' <-> 'medi') & ('_vpublic') & ('_b3')"
        );
        assert_eq!(
            postgres.expression(Part::Title),
            "('skol':A) & ('social':A <-> 'medi':A) & ('_vpublic') & ('_b3')"
        );
        assert_eq!(
            postgres.expression(Part::Rest),
            "('skol') & ('social' <-> 'medi') & ('_vpublic') & ('_b3') & !(('skol':A) & ('social':A <-> 'medi':A))"
        );
    }
}
