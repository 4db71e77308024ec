//! What a search finds, as one person may see it: the page `/search` and
//! `GET /api/v1/search` both answer from this.

use chrono::NaiveDate;
use serde::Serialize;

use crate::db::accounts::Account;
use crate::db::search::{self, Filters, Hit, Order, Searcher};
use crate::db::{DbConnection, cases};
use crate::domain::account::Role;
use crate::domain::decision::Outcome;
use crate::domain::language::Lang;
use crate::domain::letter::LetterStatus;
use crate::domain::proposal::ProposalStatus;
use crate::domain::search::{Fragment, Query, QueryError, SearchKind, Visibility, excerpt, terms};
use crate::domain::{BodyId, CaseReference, MeetingId, OrganizationId, ProposalId};
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::urls;

/// Results on a page when the caller does not say.
pub const DEFAULT_PER_PAGE: i64 = 20;
/// The most results on one page.
pub const MAX_PER_PAGE: i64 = 100;
/// How deep pages go, and how far a search counts: a search is refined, not paged through
/// for ever. Beyond it the page says "more than" this many.
pub const MAX_RESULTS_REACHED: i64 = 1_000;

/// What was asked, as the page's form and the API's parameters carry it.
#[derive(Debug, Clone, Default, serde::Deserialize, Serialize)]
pub struct SearchParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<String>,
}

/// A search checked whole: every problem is a 400 with its message.
#[derive(Debug, Clone)]
pub struct Checked {
    pub query: Option<Query>,
    /// The case the query names, when it is a case reference.
    pub reference: Option<CaseReference>,
    pub filters: Filters,
    pub order: Order,
    pub page: i64,
    pub per_page: i64,
}

fn blank(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn bad(key: &'static str) -> AppError {
    AppError::bad_request(key)
}

/// Every status a result can have, for checking the `status` filter.
fn known_status(s: &str) -> bool {
    s.parse::<ProposalStatus>().is_ok()
        || s.parse::<Outcome>().is_ok()
        || s.parse::<LetterStatus>().is_ok()
}

impl SearchParams {
    /// The parameters there are, for refusing others in the API.
    pub const NAMES: [&'static str; 11] = [
        "q",
        "body",
        "organization",
        "kind",
        "year",
        "from",
        "to",
        "status",
        "sort",
        "page",
        "per_page",
    ];

    pub fn check(&self) -> AppResult<Checked> {
        let text = self.q.as_deref().unwrap_or("");
        let reference = CaseReference::parse(text.trim()).ok();
        let query = match &reference {
            // A case reference is its words in order, wherever it is written.
            Some(r) => Some(Query {
                groups: vec![terms(&r.to_string())],
                cut: false,
            })
            .filter(|q| !q.groups[0].is_empty()),
            None => Query::parse(text).map_err(|e| match e {
                QueryError::TooLong => AppError::bad_request(
                    Msg::key("error-search-query-too-long")
                        .arg("max", crate::domain::search::MAX_QUERY_CHARS),
                ),
            })?,
        };
        let number = |v: &Option<String>, key| -> AppResult<Option<i64>> {
            blank(v)
                .map(|s| s.parse::<i64>().map_err(|_| bad(key)))
                .transpose()
        };
        let day = |v: &Option<String>| -> AppResult<Option<NaiveDate>> {
            blank(v)
                .map(|s| {
                    crate::domain::time::parse_date(s).ok_or_else(|| bad("error-search-bad-date"))
                })
                .transpose()
        };
        let body = number(&self.body, "error-search-bad-body")?
            .map(|b| {
                if b > 0 {
                    Ok(BodyId(b))
                } else {
                    Err(bad("error-search-bad-body"))
                }
            })
            .transpose()?;
        let organization = number(&self.organization, "error-search-bad-organization")?
            .map(|o| {
                if o > 0 {
                    Ok(OrganizationId(o))
                } else {
                    Err(bad("error-search-bad-organization"))
                }
            })
            .transpose()?;
        let kind = blank(&self.kind)
            .map(|k| {
                k.parse::<SearchKind>()
                    .map_err(|_| bad("error-search-bad-kind"))
            })
            .transpose()?;
        let status = blank(&self.status)
            .map(|s| {
                if known_status(s) {
                    Ok(s.to_owned())
                } else {
                    Err(bad("error-search-bad-status"))
                }
            })
            .transpose()?;
        let mut from = day(&self.from)?;
        let mut to = day(&self.to)?;
        if let Some(year) = number(&self.year, "error-search-bad-year")? {
            let year = i32::try_from(year)
                .ok()
                .filter(|y| (1000..=9999).contains(y))
                .ok_or_else(|| bad("error-search-bad-year"))?;
            let (Some(first), Some(last)) = (
                NaiveDate::from_ymd_opt(year, 1, 1),
                NaiveDate::from_ymd_opt(year, 12, 31),
            ) else {
                return Err(bad("error-search-bad-year"));
            };
            from = Some(from.map_or(first, |f| f.max(first)));
            to = Some(to.map_or(last, |t| t.min(last)));
        }
        let order = match blank(&self.sort) {
            None | Some("relevance") => Order::Relevance,
            Some("date") => Order::Date,
            Some(_) => return Err(bad("error-search-bad-sort")),
        };
        let page = number(&self.page, "error-page-must-be-1-or-more-search")?.unwrap_or(1);
        let per_page = number(&self.per_page, "error-page-must-be-1-or-more-search")?
            .unwrap_or(DEFAULT_PER_PAGE);
        if page < 1 || !(1..=MAX_PER_PAGE).contains(&per_page) {
            return Err(AppError::bad_request(
                Msg::key("error-page-must-be-1-or-more-search").arg("max", MAX_PER_PAGE),
            ));
        }
        Ok(Checked {
            query,
            reference,
            filters: Filters {
                body,
                organization,
                kind,
                from,
                to,
                status,
            },
            order,
            page,
            per_page,
        })
    }
}

/// Who is searching, from their account.
pub fn searcher(account: Option<&Account>) -> Searcher {
    match account {
        None => Searcher::Anonymous,
        Some(a) if a.role == Role::Secretariat => Searcher::Secretariat,
        Some(a) => Searcher::Person {
            account: a.id,
            person: a.person_id,
        },
    }
}

/// One thing found.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResult {
    pub kind: SearchKind,
    pub kind_label: String,
    pub title: String,
    /// The page or file of the thing itself.
    pub url: String,
    pub excerpt: Vec<Fragment>,
    pub date: NaiveDate,
    pub date_label: String,
    /// The meeting ("Borgerrepræsentationen, 12.06.2025") or case it belongs to.
    pub context: Option<String>,
    pub context_url: Option<String>,
    pub status: Option<String>,
    pub status_label: Option<String>,
    /// Found only because the searcher may read closed or unpublished things.
    pub restricted: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    /// Words beyond the most a search looks for were left out.
    pub cut: bool,
    pub results: Vec<SearchResult>,
    /// How many were found, counted up to `MAX_RESULTS_REACHED`.
    pub total: i64,
    /// More were found than `total`.
    pub more: bool,
    pub page: i64,
    pub per_page: i64,
}

fn status_label(lang: Lang, kind: &str, status: &str) -> Option<String> {
    match kind {
        "proposal" => status.parse::<ProposalStatus>().ok().map(|s| s.label(lang)),
        "decision" => status.parse::<Outcome>().ok().map(|s| s.label(lang)),
        "letter" => status.parse::<LetterStatus>().ok().map(|s| s.label(lang)),
        _ => None,
    }
}

/// Runs a checked search for `account`. Without words there is nothing to find.
pub fn search(
    lang: Lang,
    conn: &mut DbConnection,
    account: Option<&Account>,
    checked: &Checked,
) -> AppResult<SearchResults> {
    let empty = SearchResults {
        cut: false,
        results: Vec::new(),
        total: 0,
        more: false,
        page: checked.page,
        per_page: checked.per_page,
    };
    let Some(query) = &checked.query else {
        return Ok(empty);
    };
    let first_case = match &checked.reference {
        Some(r) => cases::by_reference(conn, r)?.map(|c| c.id),
        None => None,
    };
    let secretariat = account.is_some_and(|a| a.role == Role::Secretariat);
    // Pages end at MAX_RESULTS_REACHED: a page beyond it is empty, with the count.
    let offset = (checked.page - 1).saturating_mul(checked.per_page);
    let limit = (MAX_RESULTS_REACHED - offset).clamp(0, checked.per_page);
    let search::Found { hits, total, more } = search::search(
        conn,
        query,
        searcher(account),
        &checked.filters,
        checked.order,
        first_case,
        limit,
        offset,
        MAX_RESULTS_REACHED,
    )?;
    let meeting_ids: Vec<i64> = hits.iter().filter_map(|h| h.meeting_id).collect();
    let meetings = search::meeting_labels(conn, &meeting_ids)?;
    let mut case_ids: Vec<i64> = hits.iter().filter_map(|h| h.case_id).collect();
    case_ids.extend(
        hits.iter()
            .filter(|h| h.kind == "case")
            .map(|h| h.source_id),
    );
    let case_labels = search::case_labels(conn, &case_ids)?;
    let item_ids: Vec<i64> = hits
        .iter()
        .filter(|h| h.kind == "agenda-item" || h.kind == "decision")
        .map(|h| h.source_id)
        .collect();
    let numbers = search::item_numbers(conn, &item_ids)?;
    let case_url = |id: i64| -> Option<(String, String)> {
        let (reference, _) = case_labels.get(&id)?;
        let parsed = CaseReference::parse(reference).ok()?;
        Some((reference.clone(), urls::case(&parsed)))
    };
    let mut results = Vec::with_capacity(hits.len());
    for hit in hits {
        let Hit {
            kind,
            source_id,
            meeting_id,
            case_id,
            visibility,
            status,
            day,
            title,
            text,
            ..
        } = hit;
        let Ok(kind_value) = kind.parse::<SearchKind>() else {
            continue;
        };
        let meeting_url = |m: i64| urls::meeting(MeetingId(m));
        let item_url = |m: i64| match numbers.get(&source_id) {
            Some(n) => format!("{}#{}", meeting_url(m), urls::item_anchor(n)),
            None => meeting_url(m),
        };
        let url = match kind_value {
            SearchKind::Proposal => urls::proposal(ProposalId(source_id)),
            SearchKind::AgendaItem | SearchKind::Decision => {
                meeting_id.map_or_else(String::new, item_url)
            }
            // A file not yet released is on the secretariat's working agenda only.
            SearchKind::File if visibility == Visibility::Secretariat.as_str() => {
                meeting_id.map_or_else(String::new, |m| urls::agenda_editor(MeetingId(m)))
            }
            SearchKind::File => meeting_id.map_or_else(String::new, |m| {
                urls::meeting_attachment(MeetingId(m), source_id)
            }),
            SearchKind::Letter if secretariat => urls::letter(source_id),
            SearchKind::Letter => urls::letter_pdf(source_id),
            SearchKind::Case => case_url(source_id).map(|c| c.1).unwrap_or_default(),
        };
        let (context, context_url) = match meeting_id.and_then(|m| Some((m, meetings.get(&m)?))) {
            Some((m, (name, at))) => (
                Some(format!("{name}, {}", crate::domain::time::date(lang, *at))),
                Some(meeting_url(m)),
            ),
            None => match case_id
                .filter(|_| kind_value != SearchKind::Case)
                .and_then(case_url)
            {
                Some((reference, url)) => (Some(reference), Some(url)),
                None => (None, None),
            },
        };
        let shown = if kind_value == SearchKind::Case {
            // A case's text is its reference; the title leads.
            format!("{title} ({text})")
        } else {
            text
        };
        results.push(SearchResult {
            kind: kind_value,
            kind_label: kind_value.label(lang),
            excerpt: excerpt(&shown, query),
            title,
            url,
            date: day,
            date_label: crate::domain::time::day(lang, day),
            context,
            context_url,
            status_label: status.as_deref().and_then(|s| status_label(lang, &kind, s)),
            status,
            restricted: visibility != Visibility::Public.as_str(),
        });
    }
    Ok(SearchResults {
        cut: query.cut,
        results,
        total,
        more,
        page: checked.page,
        per_page: checked.per_page,
    })
}
