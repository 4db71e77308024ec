//! The council's open data as OParl 1.1 objects (https://schema.oparl.org/1.1/): the System,
//! the municipality as Body with its election periods, organizations, persons and memberships,
//! the public meetings with their places and agenda items, and the public member proposals as
//! papers. Every object has `created` and `modified`; a field without a value is left out, never
//! an empty string; dates are `yyyy-mm-dd` and instants carry their offset. What is public
//! follows from the released agendas only, and a closed item shows its number and title.

use chrono::NaiveDateTime;
use serde_json::{Map, Value, json};

use crate::db::DbConnection;
use crate::db::oparl::{
    self, BodyRow, MeetingRow, MembershipRow, OrganizationRow, Page, PersonRow, TermRow, Window,
};
use crate::domain::language::Lang;
use crate::domain::meeting::MeetingStatus;
use crate::domain::organization::{MembershipRole, OrganizationKind};
use crate::domain::{
    AgendaItemId, AttachmentId, BodyId, LetterId, MeetingId, OrganizationId, ProposalId,
};
use crate::error::{AppError, AppResult};

/// The most election periods a Body embeds (a council has one every four years).
const EMBEDDED_TERMS_MAX: i64 = 1000;

/// The OParl version served.
pub const OPARL_VERSION: &str = "https://schema.oparl.org/1.1/";

/// An object of `kind` (`Body`, `Meeting`, …) at `id`, built field by field; a field without a
/// value is left out.
struct Object(Map<String, Value>);

impl Object {
    fn new(kind: &str, id: String) -> Self {
        let mut map = Map::new();
        map.insert("id".into(), Value::String(id));
        map.insert(
            "type".into(),
            Value::String(format!("{OPARL_VERSION}{kind}")),
        );
        Object(map)
    }

    fn text(mut self, name: &str, value: Option<impl Into<String>>) -> Self {
        if let Some(value) = value.map(Into::into)
            && !value.trim().is_empty()
        {
            self.0.insert(name.into(), Value::String(value));
        }
        self
    }

    fn value(mut self, name: &str, value: Value) -> Self {
        let empty = match &value {
            Value::Null => true,
            Value::Array(items) => items.is_empty(),
            Value::String(text) => text.trim().is_empty(),
            _ => false,
        };
        if !empty {
            self.0.insert(name.into(), value);
        }
        self
    }

    fn date(self, name: &str, day: Option<chrono::NaiveDate>) -> Self {
        self.text(name, day.map(|d| d.format("%Y-%m-%d").to_string()))
    }

    fn instant(self, name: &str, at: Option<NaiveDateTime>) -> Self {
        self.text(name, at.map(instant))
    }

    fn stamped(self, created: NaiveDateTime, modified: NaiveDateTime) -> Self {
        self.instant("created", Some(created))
            .instant("modified", Some(modified.max(created)))
    }

    fn done(self) -> Value {
        Value::Object(self.0)
    }
}

/// An instant stored in UTC, with Copenhagen's offset.
fn instant(at: NaiveDateTime) -> String {
    crate::domain::time::rfc3339(at.and_utc())
}

/// The addresses of the OParl objects under `{base}/oparl/v1`.
#[derive(Debug, Clone)]
pub struct Urls {
    pub base: String,
}

impl Urls {
    pub fn new(base_url: &str) -> Self {
        Urls {
            base: format!("{}/oparl/v1", base_url.trim_end_matches('/')),
        }
    }

    fn site(&self) -> &str {
        self.base.trim_end_matches("/oparl/v1")
    }

    pub fn system(&self) -> String {
        format!("{}/system", self.base)
    }
    pub fn bodies(&self) -> String {
        format!("{}/bodies", self.base)
    }
    pub fn body(&self, id: BodyId) -> String {
        format!("{}/bodies/{}", self.base, id.0)
    }
    pub fn body_list(&self, id: BodyId, list: &str) -> String {
        format!("{}/bodies/{}/{list}", self.base, id.0)
    }
    pub fn organization(&self, id: i64) -> String {
        format!("{}/organizations/{id}", self.base)
    }
    pub fn person(&self, id: i64) -> String {
        format!("{}/persons/{id}", self.base)
    }
    pub fn membership(&self, id: i64) -> String {
        format!("{}/memberships/{id}", self.base)
    }
    pub fn term(&self, id: i64) -> String {
        format!("{}/legislative-terms/{id}", self.base)
    }
    pub fn meeting(&self, id: MeetingId) -> String {
        format!("{}/meetings/{}", self.base, id.0)
    }
    pub fn location(&self, meeting: MeetingId) -> String {
        format!("{}/locations/{}", self.base, meeting.0)
    }
    pub fn agenda_item(&self, meeting: MeetingId, item: i64) -> String {
        format!("{}/meetings/{}/agenda-items/{item}", self.base, meeting.0)
    }
    pub fn paper(&self, id: ProposalId) -> String {
        format!("{}/papers/{}", self.base, id.0)
    }
    pub fn consultation(&self, item: AgendaItemId) -> String {
        format!("{}/consultations/{}", self.base, item.0)
    }
    pub fn file(&self, file: FileRef) -> String {
        format!("{}/files/{file}", self.base)
    }
}

/// A public file's name in its address (`/oparl/v1/files/agenda-12`): the public PDF of a
/// released agenda version (by the version's row), of published minutes, a public attachment,
/// a public letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRef {
    Agenda(i64),
    Minutes(i64),
    Attachment(AttachmentId),
    Letter(LetterId),
}

impl std::fmt::Display for FileRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileRef::Agenda(id) => write!(f, "agenda-{id}"),
            FileRef::Minutes(id) => write!(f, "minutes-{id}"),
            FileRef::Attachment(id) => write!(f, "attachment-{}", id.0),
            FileRef::Letter(id) => write!(f, "letter-{}", id.0),
        }
    }
}

impl std::str::FromStr for FileRef {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        let (kind, id) = s.split_once('-').ok_or(())?;
        let id: i64 = id.parse().map_err(|_| ())?;
        if id < 1 {
            return Err(());
        }
        Ok(match kind {
            "agenda" => FileRef::Agenda(id),
            "minutes" => FileRef::Minutes(id),
            "attachment" => FileRef::Attachment(AttachmentId(id)),
            "letter" => FileRef::Letter(LetterId(id)),
            _ => return Err(()),
        })
    }
}

/// The list kinds of a Body, as the last part of their address.
pub const BODY_LISTS: [&str; 10] = [
    "organizations",
    "persons",
    "memberships",
    "meetings",
    "papers",
    "legislative-terms",
    "locations",
    "agenda-items",
    "consultations",
    "files",
];

/// A list answer: `data`, `pagination` and `links` (`next` on every page but the last, with the
/// same filters). `next_after`: the id the next page starts after.
pub struct ListPage {
    pub data: Vec<Value>,
    pub total: Option<i64>,
    pub next_after: Option<i64>,
}

impl ListPage {
    fn of<T>(page: Page<T>, id: impl Fn(&T) -> i64, object: impl Fn(&T) -> Value) -> Self {
        let next_after = page.rows.last().filter(|_| page.more).map(&id);
        ListPage {
            data: page.rows.iter().map(object).collect(),
            total: Some(page.total),
            next_after,
        }
    }
}

pub fn system(urls: &Urls, conn: &mut DbConnection) -> AppResult<Value> {
    let first = oparl::bodies(
        conn,
        &Window {
            limit: 1,
            ..Window::default()
        },
    )?;
    let (created, modified) = first
        .rows
        .first()
        .map_or((None, None), |b| (Some(b.created_at), Some(b.updated_at)));
    let name = first.rows.first().map(|b| format!("Agendum – {}", b.name));
    Ok(Object::new("System", urls.system())
        .text("oparlVersion", Some(OPARL_VERSION))
        .text("body", Some(urls.bodies()))
        .text("name", name)
        .text("website", Some(format!("{}/", urls.site())))
        .instant("created", created)
        .instant("modified", modified.max(created))
        .text("web", Some(format!("{}/", urls.site())))
        .done())
}

fn term_object(urls: &Urls, t: &TermRow) -> Value {
    Object::new("LegislativeTerm", urls.term(t.id))
        .text("body", Some(urls.body(t.body_id)))
        .text("name", Some(t.name.as_str()))
        .date("startDate", Some(t.start_date))
        .date("endDate", t.end_date)
        .stamped(t.created_at, t.updated_at)
        .done()
}

fn body_object(urls: &Urls, conn: &mut DbConnection, b: &BodyRow) -> AppResult<Value> {
    let all = Window {
        limit: EMBEDDED_TERMS_MAX,
        ..Window::default()
    };
    let terms = oparl::terms(conn, b.id, &all)?;
    let main = oparl::main_organization(conn, b.id)?;
    let mut object = Object::new("Body", urls.body(b.id))
        .text("system", Some(urls.system()))
        .text("name", Some(b.name.as_str()))
        .text("shortName", b.short_name.as_deref())
        .text("website", b.website.as_deref())
        .text("mainOrganization", main.map(|m| urls.organization(m)))
        .text("organization", Some(urls.body_list(b.id, "organizations")))
        .text("person", Some(urls.body_list(b.id, "persons")))
        .text("membership", Some(urls.body_list(b.id, "memberships")))
        .text("meeting", Some(urls.body_list(b.id, "meetings")))
        .text("paper", Some(urls.body_list(b.id, "papers")))
        .text(
            "legislativeTermList",
            Some(urls.body_list(b.id, "legislative-terms")),
        )
        .text("locationList", Some(urls.body_list(b.id, "locations")))
        .text("agendaItem", Some(urls.body_list(b.id, "agenda-items")))
        .text("consultation", Some(urls.body_list(b.id, "consultations")))
        .text("file", Some(urls.body_list(b.id, "files")))
        .text("web", Some(format!("{}/", urls.site())))
        .stamped(b.created_at, b.updated_at);
    // OParl asks for the legislative terms even when there are none yet.
    object.0.insert(
        "legislativeTerm".into(),
        Value::Array(terms.rows.iter().map(|t| term_object(urls, t)).collect()),
    );
    Ok(object.done())
}

pub fn bodies(urls: &Urls, conn: &mut DbConnection, window: &Window) -> AppResult<ListPage> {
    let page = oparl::bodies(conn, window)?;
    let mut data = Vec::new();
    for b in &page.rows {
        data.push(body_object(urls, conn, b)?);
    }
    Ok(ListPage {
        data,
        total: Some(page.total),
        next_after: page.rows.last().filter(|_| page.more).map(|b| b.id.0),
    })
}

pub fn body(urls: &Urls, conn: &mut DbConnection, id: BodyId) -> AppResult<Option<Value>> {
    oparl::body(conn, id)?
        .map(|b| body_object(urls, conn, &b))
        .transpose()
}

/// OParl's suggested kinds of organization, as clients know them.
fn organization_type(kind: OrganizationKind) -> &'static str {
    match kind {
        OrganizationKind::Council | OrganizationKind::Committee => "Gremium",
        OrganizationKind::Party => "Partei",
        OrganizationKind::Administration => "Verwaltungsbereich",
        OrganizationKind::External => "externes Gremium",
    }
}

fn organization_object(urls: &Urls, lang: Lang, o: &OrganizationRow) -> Value {
    let kind: Option<OrganizationKind> = o.kind.parse().ok();
    let mut object = Object::new("Organization", urls.organization(o.id.0))
        .text("body", Some(urls.body(o.body_id)))
        .text("name", Some(o.name.as_str()))
        .text("shortName", o.short_name.as_deref())
        .value(
            "membership",
            Value::Array(
                o.memberships
                    .iter()
                    .map(|m| Value::String(urls.membership(*m)))
                    .collect(),
            ),
        )
        .text(
            "subOrganizationOf",
            o.parent_id.map(|p| urls.organization(p.0)),
        )
        .text("organizationType", kind.map(organization_type))
        .text("classification", kind.map(|k| k.label(lang)))
        .date("startDate", o.start_date)
        .date("endDate", o.end_date)
        .text("website", o.website.as_deref());
    if kind.is_some_and(OrganizationKind::holds_meetings) {
        object = object.text(
            "meeting",
            Some(format!("{}/meetings", urls.organization(o.id.0))),
        );
    }
    object.stamped(o.created_at, o.updated_at).done()
}

pub fn organizations(
    urls: &Urls,
    lang: Lang,
    conn: &mut DbConnection,
    body: BodyId,
    window: &Window,
) -> AppResult<ListPage> {
    let page = oparl::organizations(conn, body, window)?;
    Ok(ListPage::of(
        page,
        |o| o.id.0,
        |o| organization_object(urls, lang, o),
    ))
}

pub fn organization(
    urls: &Urls,
    lang: Lang,
    conn: &mut DbConnection,
    id: OrganizationId,
) -> AppResult<Option<Value>> {
    Ok(oparl::organization(conn, id)?.map(|o| organization_object(urls, lang, &o)))
}

fn membership_object(urls: &Urls, lang: Lang, m: &MembershipRow) -> Value {
    let role: Option<MembershipRole> = m.role.parse().ok();
    Object::new("Membership", urls.membership(m.id))
        .text("person", Some(urls.person(m.person_id)))
        .text("organization", Some(urls.organization(m.organization_id)))
        .text("role", role.map(|r| r.label(lang)))
        .value(
            "votingRight",
            Value::Bool(!matches!(
                role,
                Some(MembershipRole::Substitute | MembershipRole::Staff)
            )),
        )
        .date("startDate", Some(m.start_date))
        .date("endDate", m.end_date)
        .text("onBehalfOf", m.party_id.map(|p| urls.organization(p)))
        .stamped(m.created_at, m.updated_at)
        .done()
}

pub fn memberships(
    urls: &Urls,
    lang: Lang,
    conn: &mut DbConnection,
    body: BodyId,
    window: &Window,
) -> AppResult<ListPage> {
    let page = oparl::memberships(conn, body, window)?;
    Ok(ListPage::of(
        page,
        |m| m.id,
        |m| membership_object(urls, lang, m),
    ))
}

pub fn membership(
    urls: &Urls,
    lang: Lang,
    conn: &mut DbConnection,
    id: i64,
) -> AppResult<Option<Value>> {
    Ok(oparl::membership(conn, id)?.map(|m| membership_object(urls, lang, &m)))
}

fn person_object(
    urls: &Urls,
    lang: Lang,
    conn: &mut DbConnection,
    p: &PersonRow,
) -> AppResult<Value> {
    let memberships = oparl::memberships_of_person(conn, p.id)?;
    Ok(Object::new("Person", urls.person(p.id))
        .text("body", Some(urls.body(p.body_id)))
        .text("name", Some(p.name.as_str()))
        .value(
            "status",
            Value::Array(
                p.title
                    .iter()
                    .filter(|t| !t.trim().is_empty())
                    .map(|t| Value::String(t.clone()))
                    .collect(),
            ),
        )
        .value(
            "membership",
            Value::Array(
                memberships
                    .iter()
                    .map(|m| membership_object(urls, lang, m))
                    .collect(),
            ),
        )
        .stamped(p.created_at, p.updated_at)
        .done())
}

pub fn persons(
    urls: &Urls,
    lang: Lang,
    conn: &mut DbConnection,
    body: BodyId,
    window: &Window,
) -> AppResult<ListPage> {
    let page = oparl::persons(conn, body, window)?;
    let mut data = Vec::new();
    for p in &page.rows {
        data.push(person_object(urls, lang, conn, p)?);
    }
    Ok(ListPage {
        data,
        total: Some(page.total),
        next_after: page.rows.last().filter(|_| page.more).map(|p| p.id),
    })
}

pub fn person(
    urls: &Urls,
    lang: Lang,
    conn: &mut DbConnection,
    id: i64,
) -> AppResult<Option<Value>> {
    oparl::person(conn, id)?
        .map(|p| person_object(urls, lang, conn, &p))
        .transpose()
}

pub fn terms(
    urls: &Urls,
    conn: &mut DbConnection,
    body: BodyId,
    window: &Window,
) -> AppResult<ListPage> {
    let page = oparl::terms(conn, body, window)?;
    Ok(ListPage::of(page, |t| t.id, |t| term_object(urls, t)))
}

pub fn term(urls: &Urls, conn: &mut DbConnection, id: i64) -> AppResult<Option<Value>> {
    Ok(oparl::term(conn, id)?.map(|t| term_object(urls, &t)))
}

/// A meeting's place: Agendum keeps it as the text the secretariat wrote.
fn location_object(urls: &Urls, m: &MeetingRow) -> Value {
    Object::new("Location", urls.location(m.id))
        .text("description", Some(m.location.as_str()))
        .value("meetings", json!([urls.meeting(m.id)]))
        .stamped(m.created_at, m.updated_at)
        .done()
}

/// What the public sees of a meeting: its latest released agenda (public view), when it was
/// first released and last changed, its published minutes (public view of the latest), its
/// released versions and published minutes versions (for the files), and the items earlier
/// versions had that the latest has not (OParl's deleted objects).
struct PublicMeeting {
    snapshot: crate::domain::agenda::AgendaSnapshot,
    first: NaiveDateTime,
    modified: NaiveDateTime,
    decided: Option<crate::domain::minutes::MinutesContent>,
    versions: Vec<(i64, i32, NaiveDateTime)>,
    minutes: Vec<crate::db::minutes::Minutes>,
    /// Items of earlier versions gone from the latest, or whose consultation is gone (the item
    /// closed): (item, whether its consultation is gone, its last place on the agenda).
    removed: Vec<(i64, bool, usize)>,
}

fn public_meeting(conn: &mut DbConnection, id: MeetingId) -> AppResult<Option<PublicMeeting>> {
    let Some(released) = crate::db::agenda::released(conn, id, None)? else {
        return Ok(None);
    };
    let versions = oparl::agenda_versions(conn, id)?;
    let first = versions
        .first()
        .map_or(released.released_at.naive_utc(), |v| v.2);
    let minutes: Vec<_> = crate::db::minutes::versions(conn, id)?
        .into_iter()
        .filter(|m| m.published_at.is_some())
        .collect();
    let published = minutes.iter().filter_map(|m| m.published_at).max();
    let modified = published.map_or(released.released_at, |at| at.max(released.released_at));
    let decided = minutes
        .iter()
        .max_by_key(|m| m.version)
        .map(|m| m.content.public_view());
    let latest: Vec<i64> = released.snapshot.items.iter().map(|i| i.id.0).collect();
    let consulted =
        |item: &crate::domain::agenda::SnapshotItem| item.public && item.proposal.is_some();
    let still_consulted: Vec<i64> = released
        .snapshot
        .items
        .iter()
        .filter(|i| consulted(i))
        .map(|i| i.id.0)
        .collect();
    let mut removed: Vec<(i64, bool, usize)> = Vec::new();
    for (_, version, _) in versions.iter().filter(|v| v.1 as u32 != released.version) {
        if let Some(earlier) = crate::db::agenda::released(conn, id, Some(*version as u32))? {
            for (order, item) in earlier.snapshot.items.iter().enumerate() {
                let gone_item = !latest.contains(&item.id.0);
                let gone_consultation = consulted(item) && !still_consulted.contains(&item.id.0);
                if !gone_item && !gone_consultation {
                    continue;
                }
                let gone = (item.id.0, gone_consultation, order + 1);
                match removed.iter_mut().find(|(r, _, _)| *r == item.id.0) {
                    // The later version's place counts; a consultation once is one gone.
                    Some(known) => *known = (gone.0, known.1 || gone.1, gone.2),
                    None => removed.push(gone),
                }
            }
        }
    }
    Ok(Some(PublicMeeting {
        snapshot: released.snapshot.public_view(),
        first,
        modified: modified.naive_utc(),
        decided,
        versions,
        minutes,
        removed,
    }))
}

/// An object no longer public that once was: its id, type and stamps, `deleted: true`.
fn deleted(kind: &str, id: String, created: NaiveDateTime, modified: NaiveDateTime) -> Value {
    Object::new(kind, id)
        .stamped(created, modified)
        .value("deleted", Value::Bool(true))
        .done()
}

/// An agenda item gone from the latest version (OParl's schema asks its `order` even then).
fn deleted_item(id: String, order: usize, pm: &PublicMeeting) -> Value {
    let mut object = deleted("AgendaItem", id, pm.first, pm.modified);
    object["order"] = json!(order);
    object
}

/// A public PDF of a meeting (a version of its agenda or of its minutes), made at `at`, that
/// `path` serves.
fn meeting_pdf(
    urls: &Urls,
    id: FileRef,
    (name, file_name): (String, String),
    path: String,
    meeting: MeetingId,
    at: NaiveDateTime,
) -> Value {
    let access = format!("{}{path}", urls.site());
    Object::new("File", urls.file(id))
        .text("name", Some(name))
        .text("fileName", Some(file_name))
        .text("mimeType", Some("application/pdf"))
        .date("date", Some(local_day(at)))
        .text("downloadUrl", Some(format!("{access}&download")))
        .text("accessUrl", Some(access))
        .value("meeting", json!([urls.meeting(meeting)]))
        .stamped(at, at)
        .done()
}

/// The public PDF of a released version of the agenda.
fn agenda_file(
    urls: &Urls,
    lang: Lang,
    m: &MeetingRow,
    (row, version, released_at): (i64, i32, NaiveDateTime),
) -> Value {
    let names = (
        crate::i18n::Msg::key("oparl-file-agenda")
            .arg("version", version)
            .in_lang(lang),
        crate::urls::agenda_pdf_filename(&m.organization_name, m.starts_at.and_utc(), version),
    );
    let path = crate::urls::meeting_agenda_pdf(m.id, version.max(1) as u32);
    meeting_pdf(urls, FileRef::Agenda(row), names, path, m.id, released_at)
}

/// The public PDF of a published version of the minutes.
fn minutes_file(
    urls: &Urls,
    lang: Lang,
    meeting: &MeetingRow,
    m: &crate::db::minutes::Minutes,
) -> Value {
    let published = m.published_at.map_or(m.created_at, |at| at).naive_utc();
    let names = (
        crate::i18n::Msg::key("oparl-file-minutes")
            .arg("version", m.version)
            .in_lang(lang),
        crate::urls::minutes_pdf_filename(
            &meeting.organization_name,
            meeting.starts_at.and_utc(),
            m.version,
        ),
    );
    let path = crate::urls::meeting_minutes_pdf(m.meeting_id, m.version);
    meeting_pdf(
        urls,
        FileRef::Minutes(m.id.0),
        names,
        path,
        m.meeting_id,
        published,
    )
}

/// A public file on an open item, stamped as the item is.
fn attachment_file(
    urls: &Urls,
    meeting: MeetingId,
    item: i64,
    a: &crate::domain::agenda::SnapshotAttachment,
    pm: &PublicMeeting,
) -> Value {
    let access = format!(
        "{}{}",
        urls.site(),
        crate::urls::meeting_attachment(meeting, a.id)
    );
    Object::new("File", urls.file(FileRef::Attachment(a.id)))
        .text("name", Some(a.filename.as_str()))
        .text("fileName", Some(a.filename.as_str()))
        .text("mimeType", Some(a.content_type.as_str()))
        .value("size", json!(a.size))
        .date("date", Some(local_day(pm.first)))
        .text("downloadUrl", Some(format!("{access}?download")))
        .text("accessUrl", Some(access))
        .value("meeting", json!([urls.meeting(meeting)]))
        .value("agendaItem", json!([urls.agenda_item(meeting, item)]))
        .stamped(pm.first, pm.modified)
        .done()
}

fn local_day(at: NaiveDateTime) -> chrono::NaiveDate {
    crate::domain::time::local(at.and_utc()).date_naive()
}

/// A paper's treatment at a meeting: the open item that shows the proposal.
fn consultation_object(
    urls: &Urls,
    lang: Lang,
    m: &MeetingRow,
    item: &crate::domain::agenda::SnapshotItem,
    paper: ProposalId,
    pm: &PublicMeeting,
) -> Value {
    let decided = pm
        .decided
        .as_ref()
        .and_then(|d| d.items.iter().find(|i| i.number == item.number))
        .is_some_and(|d| d.outcome.is_some());
    Object::new("Consultation", urls.consultation(item.id))
        .text("paper", Some(urls.paper(paper)))
        .text("agendaItem", Some(urls.agenda_item(m.id, item.id.0)))
        .text("meeting", Some(urls.meeting(m.id)))
        .value(
            "organization",
            json!([urls.organization(m.organization_id)]),
        )
        .value("authoritative", Value::Bool(decided))
        .text(
            "role",
            Some(crate::i18n::t(lang, "oparl-consultation-role")),
        )
        .stamped(pm.first, pm.modified)
        .done()
}

/// The public papers among the items' proposals (a consultation links only to a paper that
/// resolves).
fn public_papers(
    conn: &mut DbConnection,
    pm: &PublicMeeting,
) -> AppResult<std::collections::HashSet<i64>> {
    let mut out = std::collections::HashSet::new();
    for p in pm.snapshot.items.iter().filter_map(|i| i.proposal.as_ref()) {
        if let Some(proposal) = crate::db::proposals::get(conn, p.id)?
            && crate::db::proposals::is_public(conn, &proposal)?
        {
            out.insert(p.id.0);
        }
    }
    Ok(out)
}

/// The items of the meeting's latest released agenda, as the public sees them, with their
/// public files and the consultation of their paper; once its minutes are published, with the
/// outcome (a closed item's too) and the decision's text (an open item's only), as the
/// published minutes show them.
fn agenda_items(
    urls: &Urls,
    lang: Lang,
    conn: &mut DbConnection,
    m: &MeetingRow,
    pm: &PublicMeeting,
) -> AppResult<Vec<Value>> {
    let papers = public_papers(conn, pm)?;
    Ok(pm
        .snapshot
        .items
        .iter()
        .enumerate()
        .map(|(order, item)| {
            let name = if item.public {
                item.display_title()
            } else {
                item.title.clone()
            };
            let decision = pm
                .decided
                .as_ref()
                .and_then(|d| d.items.iter().find(|i| i.number == item.number));
            let paper = item
                .proposal
                .as_ref()
                .map(|p| p.id)
                .filter(|p| papers.contains(&p.0));
            let files: Vec<Value> = item
                .attachments
                .iter()
                .filter(|a| a.public && item.public)
                .map(|a| attachment_file(urls, m.id, item.id.0, a, pm))
                .collect();
            Object::new("AgendaItem", urls.agenda_item(m.id, item.id.0))
                .text("meeting", Some(urls.meeting(m.id)))
                .text("number", Some(item.number.as_str()))
                .value("order", json!(order + 1))
                .text("name", Some(name))
                .value("public", Value::Bool(item.public))
                .text("consultation", paper.map(|_| urls.consultation(item.id)))
                .text(
                    "result",
                    decision.and_then(|d| d.outcome).map(|o| o.label(lang)),
                )
                .text(
                    "resolutionText",
                    decision
                        .filter(|_| item.public)
                        .and_then(|d| d.text.clone()),
                )
                .value("auxiliaryFile", Value::Array(files))
                .stamped(pm.first, pm.modified)
                .done()
        })
        .collect())
}

fn meeting_object(
    urls: &Urls,
    lang: Lang,
    conn: &mut DbConnection,
    m: &MeetingRow,
) -> AppResult<Value> {
    let status: Option<MeetingStatus> = m.status.parse().ok();
    let pm = public_meeting(conn, m.id)?;
    let (items, invitation, protocol, auxiliary, modified) = match &pm {
        Some(pm) => {
            let items = agenda_items(urls, lang, conn, m, pm)?;
            let mut versions = pm.versions.clone();
            let invitation = versions.pop().map(|v| agenda_file(urls, lang, m, v));
            let mut auxiliary: Vec<Value> = versions
                .into_iter()
                .map(|v| agenda_file(urls, lang, m, v))
                .collect();
            let mut minutes: Vec<&crate::db::minutes::Minutes> = pm.minutes.iter().collect();
            minutes.sort_by_key(|x| x.version);
            let protocol = minutes.pop().map(|x| minutes_file(urls, lang, m, x));
            auxiliary.extend(minutes.into_iter().map(|x| minutes_file(urls, lang, m, x)));
            (
                items,
                invitation,
                protocol,
                auxiliary,
                m.updated_at.max(pm.modified),
            )
        }
        None => (Vec::new(), None, None, Vec::new(), m.updated_at),
    };
    Ok(Object::new("Meeting", urls.meeting(m.id))
        .text("name", Some(m.organization_name.as_str()))
        .text("meetingState", status.map(|s| s.label(lang)))
        .value(
            "cancelled",
            Value::Bool(status == Some(MeetingStatus::Cancelled)),
        )
        .instant("start", Some(m.starts_at))
        .instant("end", m.ends_at)
        .value("location", location_object(urls, m))
        .value(
            "organization",
            json!([urls.organization(m.organization_id)]),
        )
        .value("invitation", invitation.unwrap_or(Value::Null))
        .value("resultsProtocol", protocol.unwrap_or(Value::Null))
        .value("auxiliaryFile", Value::Array(auxiliary))
        .value("agendaItem", Value::Array(items))
        .text(
            "web",
            Some(format!("{}{}", urls.site(), crate::urls::meeting(m.id))),
        )
        .stamped(m.created_at, modified)
        .done())
}

pub fn meetings(
    urls: &Urls,
    lang: Lang,
    conn: &mut DbConnection,
    body: BodyId,
    organization: Option<OrganizationId>,
    window: &Window,
) -> AppResult<ListPage> {
    let page = oparl::meetings(conn, body, organization, window)?;
    let mut data = Vec::new();
    for m in &page.rows {
        data.push(meeting_object(urls, lang, conn, m)?);
    }
    Ok(ListPage {
        data,
        total: Some(page.total),
        next_after: page.rows.last().filter(|_| page.more).map(|m| m.id.0),
    })
}

pub fn meeting(
    urls: &Urls,
    lang: Lang,
    conn: &mut DbConnection,
    id: MeetingId,
) -> AppResult<Option<Value>> {
    oparl::meeting(conn, id)?
        .map(|(m, _)| meeting_object(urls, lang, conn, &m))
        .transpose()
}

/// The places of the body's public meetings: one for each meeting, as the meeting names it.
pub fn locations(
    urls: &Urls,
    conn: &mut DbConnection,
    body: BodyId,
    window: &Window,
) -> AppResult<ListPage> {
    let page = oparl::meetings(conn, body, None, window)?;
    Ok(ListPage::of(page, |m| m.id.0, |m| location_object(urls, m)))
}

pub fn location(urls: &Urls, conn: &mut DbConnection, id: MeetingId) -> AppResult<Option<Value>> {
    Ok(oparl::meeting(conn, id)?.map(|(m, _)| location_object(urls, &m)))
}

pub fn agenda_item(
    urls: &Urls,
    lang: Lang,
    conn: &mut DbConnection,
    meeting: MeetingId,
    item: i64,
) -> AppResult<Option<Value>> {
    let Some((m, _)) = oparl::meeting(conn, meeting)? else {
        return Ok(None);
    };
    let Some(pm) = public_meeting(conn, meeting)? else {
        return Ok(None);
    };
    let wanted = urls.agenda_item(meeting, item);
    let present = pm.snapshot.items.iter().any(|i| i.id.0 == item);
    if !present && let Some((_, _, order)) = pm.removed.iter().find(|(r, _, _)| *r == item) {
        return Ok(Some(deleted_item(wanted, *order, &pm)));
    }
    Ok(agenda_items(urls, lang, conn, &m, &pm)?
        .into_iter()
        .find(|i| i.get("id").and_then(Value::as_str) == Some(wanted.as_str())))
}

/// A public member proposal as OParl's Paper.
fn paper_object(
    urls: &Urls,
    lang: Lang,
    p: &crate::db::proposals::Proposal,
    (created, modified): (NaiveDateTime, NaiveDateTime),
    consultations: Vec<Value>,
) -> Value {
    Object::new("Paper", urls.paper(p.id))
        .text("body", Some(urls.body(p.body_id)))
        .text("name", Some(p.title.as_str()))
        .text("reference", p.cases.first().map(ToString::to_string))
        .date(
            "date",
            p.submitted_at
                .map(|at| crate::domain::time::local(at).date_naive()),
        )
        .text(
            "paperType",
            Some(crate::i18n::t(lang, "AgendaItemKind-member_proposal")),
        )
        .value(
            "originatorPerson",
            Value::Array(
                p.submitters
                    .iter()
                    .map(|s| Value::String(urls.person(s.person_id.0)))
                    .collect(),
            ),
        )
        .value(
            "originatorOrganization",
            Value::Array(
                p.submitting_party
                    .iter()
                    .map(|(id, _)| Value::String(urls.organization(id.0)))
                    .collect(),
            ),
        )
        .value("consultation", Value::Array(consultations))
        .text(
            "web",
            Some(format!("{}{}", urls.site(), crate::urls::proposal(p.id))),
        )
        .stamped(created, modified)
        .done()
}

/// The body's public proposals: those the released agendas show (as open items).
pub fn papers(
    urls: &Urls,
    lang: Lang,
    conn: &mut DbConnection,
    body: BodyId,
    window: &Window,
) -> AppResult<ListPage> {
    let mut data = Vec::new();
    let mut after = window.after;
    let mut last_kept = None;
    let mut more = false;
    'pages: loop {
        let batch = oparl::proposal_candidates(conn, body, window, after, window.limit + 1)?;
        let exhausted = (batch.len() as i64) <= window.limit;
        for (id, created, modified) in batch {
            after = Some(id.0);
            let Some(p) = crate::db::proposals::get(conn, id)? else {
                continue;
            };
            let object = if crate::db::proposals::is_public(conn, &p)? {
                let consultations = paper_consultations(urls, lang, conn, id)?;
                paper_object(urls, lang, &p, (created, modified), consultations)
            } else if window.modified_since.is_some() && oparl::ever_public(conn, id)? {
                // Public once, no longer: a client that keeps a copy learns to drop it.
                deleted("Paper", urls.paper(id), created, modified)
            } else {
                continue;
            };
            if data.len() as i64 == window.limit {
                more = true;
                break 'pages;
            }
            data.push(object);
            last_kept = Some(id.0);
        }
        if exhausted {
            break;
        }
    }
    Ok(ListPage {
        data,
        total: None,
        next_after: last_kept.filter(|_| more),
    })
}

pub fn paper(
    urls: &Urls,
    lang: Lang,
    conn: &mut DbConnection,
    id: ProposalId,
) -> AppResult<Option<Value>> {
    let Some(p) = crate::db::proposals::get(conn, id)? else {
        return Ok(None);
    };
    let stamps = oparl::proposal_stamps(conn, id)?
        .ok_or_else(|| AppError::internal("a proposal just read is missing"))?;
    if !crate::db::proposals::is_public(conn, &p)? {
        return Ok(oparl::ever_public(conn, id)?
            .then(|| deleted("Paper", urls.paper(id), stamps.0, stamps.1)));
    }
    let consultations = paper_consultations(urls, lang, conn, id)?;
    Ok(Some(paper_object(urls, lang, &p, stamps, consultations)))
}

/// The language of the council's own words in the data (roles, kinds, states).
pub fn language(conn: &mut DbConnection) -> AppResult<Lang> {
    crate::db::municipality::language(conn)
}

/// One of the Body's external lists (`BODY_LISTS`), or `None` when there is no such body.
pub fn body_list(
    urls: &Urls,
    conn: &mut DbConnection,
    body: BodyId,
    list: &str,
    window: &Window,
) -> AppResult<Option<ListPage>> {
    if oparl::body(conn, body)?.is_none() {
        return Ok(None);
    }
    let lang = language(conn)?;
    let page = match list {
        "organizations" => organizations(urls, lang, conn, body, window)?,
        "persons" => persons(urls, lang, conn, body, window)?,
        "memberships" => memberships(urls, lang, conn, body, window)?,
        "meetings" => meetings(urls, lang, conn, body, None, window)?,
        "papers" => papers(urls, lang, conn, body, window)?,
        "legislative-terms" => terms(urls, conn, body, window)?,
        "locations" => locations(urls, conn, body, window)?,
        "agenda-items" => by_meeting(urls, lang, conn, body, window, MeetingPart::AgendaItems)?,
        "consultations" => by_meeting(urls, lang, conn, body, window, MeetingPart::Consultations)?,
        "files" => files(urls, lang, conn, body, window)?,
        _ => return Ok(None),
    };
    Ok(Some(page))
}

/// The public meetings of one organization, or `None` when there is no such organization.
pub fn organization_meetings(
    urls: &Urls,
    conn: &mut DbConnection,
    id: OrganizationId,
    window: &Window,
) -> AppResult<Option<ListPage>> {
    let Some(body) = oparl::organization(conn, id)?.map(|o| o.body_id) else {
        return Ok(None);
    };
    let lang = language(conn)?;
    meetings(urls, lang, conn, body, Some(id), window).map(Some)
}

/// Which of a meeting's parts a list gathers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MeetingPart {
    AgendaItems,
    Consultations,
    Files,
}

/// Whether an object stamped `created`/`modified` is in the window's filters.
fn in_window(window: &Window, created: NaiveDateTime, modified: NaiveDateTime) -> bool {
    let modified = modified.max(created);
    window.created_since.is_none_or(|at| created >= at)
        && window.created_until.is_none_or(|at| created <= at)
        && window.modified_since.is_none_or(|at| modified >= at)
        && window.modified_until.is_none_or(|at| modified <= at)
}

/// The parts of one public meeting a list shows, within the window: with `modified_since`,
/// those no longer public as deleted objects.
fn parts_of(
    urls: &Urls,
    lang: Lang,
    conn: &mut DbConnection,
    m: &MeetingRow,
    window: &Window,
    part: MeetingPart,
) -> AppResult<Vec<Value>> {
    let Some(pm) = public_meeting(conn, m.id)? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    let objects: Vec<Value> = match part {
        MeetingPart::AgendaItems => agenda_items(urls, lang, conn, m, &pm)?,
        MeetingPart::Consultations => {
            let papers = public_papers(conn, &pm)?;
            pm.snapshot
                .items
                .iter()
                .filter_map(|item| {
                    let paper = item.proposal.as_ref()?.id;
                    papers
                        .contains(&paper.0)
                        .then(|| consultation_object(urls, lang, m, item, paper, &pm))
                })
                .collect()
        }
        MeetingPart::Files => {
            let mut files: Vec<Value> = pm
                .versions
                .iter()
                .map(|v| agenda_file(urls, lang, m, *v))
                .collect();
            files.extend(pm.minutes.iter().map(|x| minutes_file(urls, lang, m, x)));
            for item in pm.snapshot.items.iter().filter(|i| i.public) {
                files.extend(
                    item.attachments
                        .iter()
                        .filter(|a| a.public)
                        .map(|a| attachment_file(urls, m.id, item.id.0, a, &pm)),
                );
            }
            files
        }
    };
    out.extend(objects.into_iter().filter(|o| in_window_of(window, o)));
    // What an earlier version had and the latest has not, for clients that keep a copy.
    if window.modified_since.is_some() && in_window(window, pm.first, pm.modified) {
        for (item, consultation_gone, order) in &pm.removed {
            let present = pm.snapshot.items.iter().any(|i| i.id.0 == *item);
            match part {
                MeetingPart::AgendaItems if !present => {
                    out.push(deleted_item(urls.agenda_item(m.id, *item), *order, &pm));
                }
                MeetingPart::Consultations if *consultation_gone => out.push(deleted(
                    "Consultation",
                    urls.consultation(AgendaItemId(*item)),
                    pm.first,
                    pm.modified,
                )),
                MeetingPart::AgendaItems | MeetingPart::Consultations | MeetingPart::Files => {}
            }
        }
    }
    Ok(out)
}

/// How many public meetings one page of a list by meeting reads at most: a page holds the parts
/// of whole meetings, up to the page's limit (at least one meeting's).
const MEETINGS_PER_PAGE_MAX: i64 = 200;

/// A list of the parts of the body's public meetings (agenda items, consultations), paged by
/// meeting: `after` is the last meeting of the page before.
fn by_meeting(
    urls: &Urls,
    lang: Lang,
    conn: &mut DbConnection,
    body: BodyId,
    window: &Window,
    part: MeetingPart,
) -> AppResult<ListPage> {
    let (data, next_after) = meeting_parts(urls, lang, conn, body, window, window.after, part)?;
    Ok(ListPage {
        data,
        total: None,
        next_after,
    })
}

/// The parts of whole meetings after `after`, up to the window's limit; and the meeting to go
/// on after, if there are more.
fn meeting_parts(
    urls: &Urls,
    lang: Lang,
    conn: &mut DbConnection,
    body: BodyId,
    window: &Window,
    after: Option<i64>,
    part: MeetingPart,
) -> AppResult<(Vec<Value>, Option<i64>)> {
    let mut data = Vec::new();
    let mut after = after;
    // Meetings without such parts are passed over: a page is empty only when it is the last.
    loop {
        let scan = Window {
            after,
            limit: window.limit.min(MEETINGS_PER_PAGE_MAX),
            ..Window::default()
        };
        let page = oparl::meetings(conn, body, None, &scan)?;
        for m in &page.rows {
            let parts = parts_of(urls, lang, conn, m, window, part)?;
            if !data.is_empty() && (data.len() + parts.len()) as i64 > window.limit {
                return Ok((data, after));
            }
            data.extend(parts);
            after = Some(m.id.0);
        }
        if !page.more {
            return Ok((data, None));
        }
        if !data.is_empty() {
            return Ok((data, after));
        }
    }
}

/// Where the letters begin in the file list's `after`: below it, meetings' ids; above, letters'.
const LETTERS_AFTER: i64 = 1 << 40;

/// A public letter as a File: its PDF.
fn letter_file(urls: &Urls, conn: &mut DbConnection, id: LetterId) -> AppResult<Option<Value>> {
    let Some(letter) = crate::db::letters::get(conn, id)? else {
        return Ok(None);
    };
    if !letter.readable_by_all() {
        return Ok(None);
    }
    let Some((created, sent)) = oparl::letter_stamps(conn, id)? else {
        return Ok(None);
    };
    let modified = sent.unwrap_or(created);
    let access = format!("{}{}", urls.site(), crate::urls::letter_pdf(id));
    Ok(Some(
        Object::new("File", urls.file(FileRef::Letter(id)))
            .text("name", Some(letter.text.heading.as_str()))
            .text(
                "fileName",
                Some(format!("brev-{}-{}.pdf", id.0, letter.date)),
            )
            .text("mimeType", Some("application/pdf"))
            .date("date", Some(letter.date))
            .text("downloadUrl", Some(format!("{access}?download")))
            .text("accessUrl", Some(access))
            .stamped(created, modified)
            .done(),
    ))
}

/// The body's public files: its meetings' agenda and minutes PDFs and public attachments,
/// meeting by meeting, then its public letters.
fn files(
    urls: &Urls,
    lang: Lang,
    conn: &mut DbConnection,
    body: BodyId,
    window: &Window,
) -> AppResult<ListPage> {
    let mut data = Vec::new();
    let letters_after = match window.after {
        Some(after) if after >= LETTERS_AFTER => Some(after - LETTERS_AFTER),
        after => {
            let (parts, next) =
                meeting_parts(urls, lang, conn, body, window, after, MeetingPart::Files)?;
            if let Some(next) = next {
                return Ok(ListPage {
                    data: parts,
                    total: None,
                    next_after: Some(next),
                });
            }
            data = parts;
            None
        }
    };
    let room = window.limit - data.len() as i64;
    if room <= 0 {
        // The meetings filled the page: the letters begin on the next.
        return Ok(ListPage {
            data,
            total: None,
            next_after: Some(LETTERS_AFTER),
        });
    }
    let ids = oparl::public_letters(conn, body, letters_after, room + 1)?;
    let more = ids.len() as i64 > room;
    let mut last = None;
    for id in ids.into_iter().take(room as usize) {
        last = Some(id.0);
        if let Some(file) = letter_file(urls, conn, id)?
            && in_window_of(window, &file)
        {
            data.push(file);
        }
    }
    Ok(ListPage {
        data,
        total: None,
        next_after: last.filter(|_| more).map(|l| l + LETTERS_AFTER),
    })
}

/// `in_window` for a built object, by its `created` and `modified`.
fn in_window_of(window: &Window, object: &Value) -> bool {
    let at = |name: &str| {
        object
            .get(name)
            .and_then(Value::as_str)
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.naive_utc())
    };
    match (at("created"), at("modified")) {
        (Some(c), Some(m)) => in_window(window, c, m),
        _ => false,
    }
}

/// One public file, or `None` when it is not (or no longer) public.
pub fn file(
    urls: &Urls,
    lang: Lang,
    conn: &mut DbConnection,
    file: FileRef,
) -> AppResult<Option<Value>> {
    let meeting = match file {
        FileRef::Letter(id) => return letter_file(urls, conn, id),
        FileRef::Agenda(row) => oparl::agenda_version_meeting(conn, row)?,
        FileRef::Minutes(id) => oparl::minutes_meeting(conn, crate::domain::MinutesId(id))?,
        FileRef::Attachment(id) => oparl::attachment_meeting(conn, id)?,
    };
    let Some(meeting) = meeting else {
        return Ok(None);
    };
    let Some((m, _)) = oparl::meeting(conn, meeting)? else {
        return Ok(None);
    };
    let wanted = urls.file(file);
    Ok(
        parts_of(urls, lang, conn, &m, &Window::default(), MeetingPart::Files)?
            .into_iter()
            .find(|f| f.get("id").and_then(Value::as_str) == Some(wanted.as_str())),
    )
}

/// One consultation: the paper on the open item `item` of a public meeting.
pub fn consultation(
    urls: &Urls,
    lang: Lang,
    conn: &mut DbConnection,
    item: AgendaItemId,
) -> AppResult<Option<Value>> {
    let Some(meeting) = crate::db::agenda::meeting_of_item(conn, item)? else {
        return Ok(None);
    };
    let Some((m, _)) = oparl::meeting(conn, meeting)? else {
        return Ok(None);
    };
    let wanted = urls.consultation(item);
    let all = Window {
        modified_since: Some(NaiveDateTime::MIN),
        ..Window::default()
    };
    Ok(
        parts_of(urls, lang, conn, &m, &all, MeetingPart::Consultations)?
            .into_iter()
            .find(|c| c.get("id").and_then(Value::as_str) == Some(wanted.as_str())),
    )
}

/// The consultations of a paper: each public meeting whose latest agenda shows it openly.
fn paper_consultations(
    urls: &Urls,
    lang: Lang,
    conn: &mut DbConnection,
    paper: ProposalId,
) -> AppResult<Vec<Value>> {
    let mut out = Vec::new();
    let mut seen = Vec::new();
    for appearance in crate::db::proposals::appearances(conn, paper)? {
        if !appearance.public || seen.contains(&appearance.meeting_id) {
            continue;
        }
        seen.push(appearance.meeting_id);
        let Some((m, _)) = oparl::meeting(conn, appearance.meeting_id)? else {
            continue;
        };
        let Some(pm) = public_meeting(conn, m.id)? else {
            continue;
        };
        for item in &pm.snapshot.items {
            if item.proposal.as_ref().is_some_and(|p| p.id == paper) {
                out.push(consultation_object(urls, lang, &m, item, paper, &pm));
            }
        }
    }
    Ok(out)
}
