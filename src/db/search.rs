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
use diesel::sql_types::{BigInt, Bool, Date, Nullable, Text, Timestamp};

use super::agenda;
use super::letters::{self, Letter};
use super::organizations::{self as orgs, SEAT_ROLES};
use super::proposals::{self, Proposal};
use super::schema::{
    agenda_attachments, agenda_version_items, cases, letters as letter_table, meetings,
    proposals as proposal_table, search_documents,
};
use super::{Backend, DbConnection, meetings as meeting_rows, minutes, now};
use crate::domain::agenda::SnapshotItem;
use crate::domain::proposal::ProposalStatus;
use crate::domain::search::{MAX_DOCUMENT_TERMS, Query, SearchKind, Visibility, terms};
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

/// PostgreSQL's text form of a tsvector: each term with its positions, the title's weighted A.
/// Terms are letters and digits only (`domain::search::term`), so they need no escaping.
fn tsvector(all: &[&str], in_title: usize) -> String {
    let mut positions: std::collections::BTreeMap<&str, Vec<String>> = Default::default();
    for (n, t) in all.iter().enumerate() {
        let weight = if n < in_title { "A" } else { "" };
        positions
            .entry(t)
            .or_default()
            .push(format!("{}{weight}", n + 1));
    }
    let mut out = String::new();
    for (t, at) in positions {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push('\'');
        out.push_str(t);
        out.push_str("':");
        out.push_str(&at.join(","));
    }
    out
}

fn insert(conn: &mut DbConnection, doc: &Doc) -> AppResult<()> {
    let title_terms = terms(&doc.title);
    let text_terms = terms(&doc.text);
    let all: Vec<&str> = title_terms
        .iter()
        .chain(&text_terms)
        .map(String::as_str)
        .take(MAX_DOCUMENT_TERMS)
        .collect();
    let in_title = title_terms.len().min(all.len());
    const COLUMNS: &str = "kind, source_id, body_id, organization_id, meeting_id, case_id, \
        proposal_id, visibility, status, day, title, text, indexed_at";
    const VALUES: &str = "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13";
    let sql = match conn.backend() {
        Backend::Sqlite => {
            format!("INSERT INTO search_documents ({COLUMNS}) VALUES ({VALUES}) RETURNING id")
        }
        Backend::Postgres => format!(
            "INSERT INTO search_documents ({COLUMNS}, terms) VALUES ({VALUES}, $14::tsvector) RETURNING id"
        ),
    };
    let query = diesel::sql_query(sql)
        .into_boxed::<Multi>()
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
        .bind::<Timestamp, _>(now());
    match conn.backend() {
        Backend::Sqlite => {
            let id = query.get_result::<Id>(conn)?.id;
            diesel::sql_query(
                "INSERT INTO search_index (rowid, terms, title_terms) VALUES ($1, $2, $3)",
            )
            .bind::<BigInt, _>(id)
            .bind::<Text, _>(all.join(" "))
            .bind::<Text, _>(all[..in_title].join(" "))
            .execute(conn)?;
        }
        Backend::Postgres => {
            query
                .bind::<Text, _>(tsvector(&all, in_title))
                .get_result::<Id>(conn)?;
        }
    }
    Ok(())
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

fn remove(conn: &mut DbConnection, kind: SearchKind, source: i64) -> AppResult<()> {
    diesel::delete(
        search_documents::table
            .filter(search_documents::kind.eq(kind.as_str()))
            .filter(search_documents::source_id.eq(source)),
    )
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
    diesel::delete(
        search_documents::table
            .filter(search_documents::meeting_id.eq(id.0))
            .filter(search_documents::kind.eq_any(MEETING_KINDS.map(SearchKind::as_str))),
    )
    .execute(conn)?;
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
    Ok(out)
}

/// A document as `dump` gives it: kind, source, visibility, title and text.
pub type Dumped = (String, i64, String, String, String);

/// Every document, in order: for comparing an index kept change by change with a rebuilt one.
pub fn dump(conn: &mut DbConnection) -> AppResult<Vec<Dumped>> {
    Ok(search_documents::table
        .order((search_documents::kind, search_documents::source_id))
        .select((
            search_documents::kind,
            search_documents::source_id,
            search_documents::visibility,
            search_documents::title,
            search_documents::text,
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

/// FTS5's form of the query: every group, a group a phrase, in the given columns.
fn fts5(query: &Query, column: &str) -> String {
    let groups: Vec<String> = query
        .groups
        .iter()
        .map(|g| format!("\"{}\"", g.join(" ")))
        .collect();
    format!("{{{column}}} : ({})", groups.join(" AND "))
}

/// PostgreSQL's: every group, a group's terms adjacent; with `weight`, in the title only.
fn tsquery(query: &Query, weight: &str) -> String {
    let groups: Vec<String> = query
        .groups
        .iter()
        .map(|g| {
            let terms: Vec<String> = g.iter().map(|t| format!("'{t}'{weight}")).collect();
            format!("({})", terms.join(" <-> "))
        })
        .collect();
    groups.join(" & ")
}

/// What is searched, and where the match, filters and access rule go (`FROM … WHERE …`); `$1` is
/// the query, `$2..` follow.
fn conditions(conn: &DbConnection) -> String {
    // SQLite: the FTS5 table drives (its matches, then each document by its key), rather than
    // a scan of the documents testing each against the matches.
    let (from, matches) = match conn.backend() {
        Backend::Sqlite => (
            "search_index JOIN search_documents d ON d.id = search_index.rowid",
            "search_index MATCH $1",
        ),
        Backend::Postgres => ("search_documents d", "d.terms @@ $1::tsquery"),
    };
    let seats = SEAT_ROLES.map(|r| format!("'{}'", r.as_str())).join(", ");
    format!(
        "{from} WHERE {matches}
         AND ($2 IS NULL OR d.body_id = $2)
         AND ($3 IS NULL OR d.kind = $3)
         AND ($4 IS NULL OR d.day >= $4)
         AND ($5 IS NULL OR d.day <= $5)
         AND ($6 IS NULL OR d.status = $6)
         AND (d.visibility = 'public'
              OR ($7 AND d.visibility IN ('members', 'secretariat'))
              OR (d.visibility = 'members' AND EXISTS (
                    SELECT 1 FROM memberships m
                     WHERE m.person_id = $8 AND m.organization_id = d.organization_id
                       AND m.role IN ({seats}) AND m.start_date <= d.day
                       AND (m.end_date IS NULL OR m.end_date >= d.day)))
              OR (d.kind = 'proposal' AND (
                    EXISTS (SELECT 1 FROM proposal_submitters s
                             WHERE s.proposal_id = d.proposal_id AND s.person_id = $8)
                    OR EXISTS (SELECT 1 FROM proposals p
                                WHERE p.id = d.proposal_id AND p.created_by = $9))))
         AND ($10 IS NULL OR d.organization_id = $10)"
    )
}

fn bind_conditions<'a>(
    sql: String,
    matches: String,
    searcher: Searcher,
    filters: &'a Filters,
) -> diesel::query_builder::BoxedSqlQuery<'a, Multi, diesel::query_builder::SqlQuery> {
    let (secretariat, person, account) = match searcher {
        Searcher::Anonymous => (false, None, None),
        Searcher::Person { account, person } => (false, person.map(|p| p.0), Some(account.0)),
        Searcher::Secretariat => (true, None, None),
    };
    diesel::sql_query(sql)
        .into_boxed::<Multi>()
        .bind::<Text, _>(matches)
        .bind::<Nullable<BigInt>, _>(filters.body.map(|b| b.0))
        .bind::<Nullable<Text>, _>(filters.kind.map(SearchKind::as_str))
        .bind::<Nullable<Date>, _>(filters.from)
        .bind::<Nullable<Date>, _>(filters.to)
        .bind::<Nullable<Text>, _>(filters.status.as_deref())
        .bind::<Bool, _>(secretariat)
        .bind::<Nullable<BigInt>, _>(person)
        .bind::<Nullable<BigInt>, _>(account)
        .bind::<Nullable<BigInt>, _>(filters.organization.map(|o| o.0))
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// One page of what `searcher` finds, and how many they find in all. `first_case` (the case a
/// query names) comes first when found.
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
) -> AppResult<(Vec<Hit>, i64)> {
    let (all, title) = match conn.backend() {
        Backend::Sqlite => (fts5(query, "terms"), fts5(query, "title_terms")),
        Backend::Postgres => (tsquery(query, ""), tsquery(query, ":A")),
    };
    let conditions = conditions(conn);
    let count_sql = format!("SELECT COUNT(*) AS n FROM {conditions}");
    let total = bind_conditions(count_sql, all.clone(), searcher, filters)
        .get_result::<Count>(conn)
        .map_err(query_error)?
        .n;
    if total == 0 || offset >= total {
        return Ok((Vec::new(), total));
    }
    let in_title = match conn.backend() {
        Backend::Sqlite => "d.id IN (SELECT rowid FROM search_index WHERE search_index MATCH $12)",
        Backend::Postgres => "d.terms @@ $12::tsquery",
    };
    let order_by = match order {
        Order::Relevance => format!(
            "CASE WHEN d.kind = 'case' AND d.source_id = $11 THEN 1 ELSE 0 END DESC,
             CASE WHEN {in_title} THEN 1 ELSE 0 END DESC, d.day DESC, d.id DESC"
        ),
        Order::Date => "d.day DESC, d.id DESC".to_owned(),
    };
    let sql = format!(
        "SELECT d.id, d.kind, d.source_id, d.meeting_id, d.case_id, d.proposal_id, d.visibility,
                d.status, d.day, d.title, d.text
           FROM {conditions}
          ORDER BY {order_by}
          LIMIT {limit} OFFSET {offset}"
    );
    let mut q = bind_conditions(sql, all, searcher, filters);
    if order == Order::Relevance {
        // SQLite numbers parameters by first appearance: $11 comes before $12 in the SQL.
        q = q
            .bind::<BigInt, _>(first_case.map_or(-1, |c| c.0))
            .bind::<Text, _>(title);
    }
    let hits = q.load::<Hit>(conn).map_err(query_error)?;
    Ok((hits, total))
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
            tsvector(&["skol", "cykelsti", "skol"], 1),
            "'cykelsti':2 'skol':1A,3"
        );
    }

    #[test]
    fn both_query_forms_say_the_same() {
        let q = Query::parse(r#"skole "sociale medier""#).unwrap().unwrap();
        assert_eq!(fts5(&q, "terms"), r#"{terms} : ("skol" AND "social medi")"#);
        assert_eq!(tsquery(&q, ""), "('skol') & ('social' <-> 'medi')");
        assert_eq!(tsquery(&q, ":A"), "('skol':A) & ('social':A <-> 'medi':A)");
    }
}
