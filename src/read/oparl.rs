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
use crate::domain::{BodyId, MeetingId, OrganizationId, ProposalId};
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
}

/// The list kinds of a Body, as the last part of their address.
pub const BODY_LISTS: [&str; 7] = [
    "organizations",
    "persons",
    "memberships",
    "meetings",
    "papers",
    "legislative-terms",
    "locations",
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

/// The items of the meeting's latest released agenda, as the public sees them.
/// The items of the meeting's latest released agenda, as the public sees them; once its minutes
/// are published, with the outcome (a closed item's too) and the decision's text (an open
/// item's only), as the published minutes show them.
fn agenda_items(
    urls: &Urls,
    lang: Lang,
    conn: &mut DbConnection,
    m: &MeetingRow,
) -> AppResult<Vec<Value>> {
    let Some(released) = crate::db::agenda::released(conn, m.id, None)? else {
        return Ok(Vec::new());
    };
    let first = crate::db::agenda::released(conn, m.id, Some(1))?
        .map_or(released.released_at, |r| r.released_at);
    let minutes = crate::db::minutes::published(conn, m.id)?;
    let decided = minutes.as_ref().map(|m| m.content.public_view());
    let modified = minutes
        .as_ref()
        .and_then(|m| m.published_at)
        .map_or(released.released_at, |at| at.max(released.released_at));
    let snapshot = released.snapshot.public_view();
    Ok(snapshot
        .items
        .iter()
        .enumerate()
        .map(|(order, item)| {
            let name = if item.public {
                item.display_title()
            } else {
                item.title.clone()
            };
            let decision = decided
                .as_ref()
                .and_then(|d| d.items.iter().find(|i| i.number == item.number));
            Object::new("AgendaItem", urls.agenda_item(m.id, item.id.0))
                .text("meeting", Some(urls.meeting(m.id)))
                .text("number", Some(item.number.as_str()))
                .value("order", json!(order + 1))
                .text("name", Some(name))
                .value("public", Value::Bool(item.public))
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
                .stamped(first.naive_utc(), modified.naive_utc())
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
    let items = agenda_items(urls, lang, conn, m)?;
    let modified = items
        .iter()
        .filter_map(|i| i.get("modified").and_then(Value::as_str))
        .filter_map(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .map(|t| t.naive_utc())
        .fold(m.updated_at, NaiveDateTime::max);
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
    let wanted = urls.agenda_item(meeting, item);
    Ok(agenda_items(urls, lang, conn, &m)?
        .into_iter()
        .find(|i| i.get("id").and_then(Value::as_str) == Some(wanted.as_str())))
}

/// A public member proposal as OParl's Paper.
fn paper_object(
    urls: &Urls,
    lang: Lang,
    p: &crate::db::proposals::Proposal,
    created: NaiveDateTime,
    modified: NaiveDateTime,
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
            if !crate::db::proposals::is_public(conn, &p)? {
                continue;
            }
            if data.len() as i64 == window.limit {
                more = true;
                break 'pages;
            }
            data.push(paper_object(urls, lang, &p, created, modified));
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
    if !crate::db::proposals::is_public(conn, &p)? {
        return Ok(None);
    }
    let (created, modified) = oparl::proposal_stamps(conn, id)?
        .ok_or_else(|| AppError::internal("a proposal just read is missing"))?;
    Ok(Some(paper_object(urls, lang, &p, created, modified)))
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
