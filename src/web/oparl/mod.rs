//! OParl 1.1 under `/oparl/v1`: the council's public data for other programs, from
//! `GET /oparl/v1/system` and everything it links (`read::oparl`). Lists are paged by keyset
//! (`after`, `limit`) and filtered by `created_since`, `created_until`, `modified_since` and
//! `modified_until`, all carried into the `next` link; errors are OParl's error objects; every
//! answer may be read from other sites.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::NaiveDateTime;
use serde_json::{Value, json};

use crate::db::DbConnection;
use crate::db::oparl::Window;
use crate::domain::language::Lang;
use crate::domain::{
    AgendaItemId, BodyId, ElectionPeriodId, MeetingId, MembershipId, OrganizationId, PersonId,
    ProposalId,
};
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::read::oparl::{self, BODY_LISTS, ListPage, Urls};
use crate::web::AppState;
use crate::web::errors::OparlError;

route_table!("/oparl/v1";
    get "/system" => system;
    get "/bodies" => bodies;
    get "/bodies/{id}" => body;
    get "/bodies/{id}/{list}" => body_list;
    get "/organizations/{id}" => organization;
    get "/organizations/{id}/meetings" => organization_meetings;
    get "/persons/{id}" => person;
    get "/memberships/{id}" => membership;
    get "/legislative-terms/{id}" => term;
    get "/meetings/{id}" => meeting;
    get "/meetings/{id}/agenda-items/{item}" => agenda_item;
    get "/locations/{id}" => location;
    get "/papers/{id}" => paper;
    get "/consultations/{id}" => consultation;
    get "/files/{file}" => file;
);

type OparlResult = Result<HttpResponse, OparlError>;

/// Objects on a page of a list when the client does not say.
pub const DEFAULT_LIMIT: i64 = 100;
/// The most objects on a page of a list.
pub const MAX_LIMIT: i64 = 1000;
/// The query parameters a list understands.
const LIST_PARAMETERS: [&str; 6] = [
    "created_since",
    "created_until",
    "modified_since",
    "modified_until",
    "limit",
    "after",
];

fn answer(value: &Value) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .json(value)
}

fn not_found() -> OparlError {
    OparlError(AppError::not_found("error-oparl-no-such-object"))
}

fn bad_parameter(name: &str) -> OparlError {
    OparlError(AppError::bad_request(
        Msg::key("error-oparl-bad-parameter").arg("name", name),
    ))
}

/// An instant as OParl's filters give it (`2025-04-30T17:30:00+02:00`), or a day (its start,
/// in Copenhagen), in UTC as stored.
fn filter_instant(name: &str, text: &str) -> Result<NaiveDateTime, OparlError> {
    if let Ok(at) = chrono::DateTime::parse_from_rfc3339(text.trim()) {
        return Ok(at.naive_utc());
    }
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .ok()
        .and_then(|day| {
            crate::domain::time::local_to_utc(day.and_time(chrono::NaiveTime::MIN)).ok()
        })
        .map(|at| at.naive_utc())
        .ok_or_else(|| bad_parameter(name))
}

/// A list's query: its window, and the filters as given, to carry into the links.
struct ListQuery {
    window: Window,
    filters: Vec<(String, String)>,
}

fn list_query(req: &HttpRequest) -> Result<ListQuery, OparlError> {
    let pairs: Vec<(String, String)> =
        serde_html_form::from_str(req.query_string()).map_err(|_| bad_parameter("?"))?;
    let mut window = Window {
        limit: DEFAULT_LIMIT,
        ..Window::default()
    };
    let mut filters = Vec::new();
    for (name, value) in pairs {
        if !LIST_PARAMETERS.contains(&name.as_str()) {
            return Err(bad_parameter(&name));
        }
        match name.as_str() {
            "limit" => {
                window.limit = value
                    .trim()
                    .parse()
                    .ok()
                    .filter(|n| (1..=MAX_LIMIT).contains(n))
                    .ok_or_else(|| bad_parameter(&name))?;
            }
            "after" => {
                window.after = Some(
                    value
                        .trim()
                        .parse()
                        .ok()
                        .filter(|n: &i64| *n >= 0)
                        .ok_or_else(|| bad_parameter(&name))?,
                );
                continue;
            }
            "created_since" => window.created_since = Some(filter_instant(&name, &value)?),
            "created_until" => window.created_until = Some(filter_instant(&name, &value)?),
            "modified_since" => window.modified_since = Some(filter_instant(&name, &value)?),
            _ => window.modified_until = Some(filter_instant(&name, &value)?),
        }
        filters.push((name, value));
    }
    Ok(ListQuery { window, filters })
}

/// `data`, `pagination` and `links`: `first`, and `next` on every page but the last, with the
/// client's filters and limit.
fn list_answer(list_url: &str, query: &ListQuery, page: ListPage) -> HttpResponse {
    let link = |after: Option<i64>| {
        let mut pairs: Vec<(String, String)> = query.filters.clone();
        if !pairs.iter().any(|(n, _)| n == "limit") {
            pairs.push(("limit".into(), query.window.limit.to_string()));
        }
        if let Some(after) = after {
            pairs.push(("after".into(), after.to_string()));
        }
        let encoded = serde_html_form::to_string(&pairs).unwrap_or_default();
        format!("{list_url}?{encoded}")
    };
    let mut pagination = json!({ "elementsPerPage": query.window.limit });
    if let Some(total) = page.total {
        pagination["totalElements"] = json!(total);
        pagination["totalPages"] = json!((total + query.window.limit - 1) / query.window.limit);
    }
    let mut links = json!({ "first": link(None) });
    if let Some(after) = page.next_after {
        links["next"] = json!(link(Some(after)));
    }
    answer(&json!({
        "data": page.data,
        "pagination": pagination,
        "links": links,
    }))
}

fn urls(state: &AppState) -> Urls {
    Urls::new(&state.settings.base_url)
}

/// `GET /oparl/v1/system`
pub async fn system(state: web::Data<AppState>) -> OparlResult {
    let urls = urls(&state);
    let value = state.db.run(move |conn| oparl::system(&urls, conn)).await?;
    Ok(answer(&value))
}

/// `GET /oparl/v1/bodies`
pub async fn bodies(state: web::Data<AppState>, req: HttpRequest) -> OparlResult {
    let urls = urls(&state);
    let query = list_query(&req)?;
    let window = query.window.clone();
    let list_url = urls.bodies();
    let page = state
        .db
        .run(move |conn| oparl::bodies(&urls, conn, &window))
        .await?;
    Ok(list_answer(&list_url, &query, page))
}

/// `GET /oparl/v1/bodies/{id}`
pub async fn body(state: web::Data<AppState>, path: web::Path<BodyId>) -> OparlResult {
    let urls = urls(&state);
    let id = path.into_inner();
    let value = state
        .db
        .run(move |conn| oparl::body(&urls, conn, id))
        .await?
        .ok_or_else(not_found)?;
    Ok(answer(&value))
}

/// `GET /oparl/v1/bodies/{id}/{list}`: one of the Body's external lists.
pub async fn body_list(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(BodyId, String)>,
) -> OparlResult {
    let (body, list) = path.into_inner();
    if !BODY_LISTS.contains(&list.as_str()) {
        return Err(not_found());
    }
    let urls = urls(&state);
    let query = list_query(&req)?;
    let window = query.window.clone();
    let list_url = urls.body_list(body, &list);
    let page = state
        .db
        .run(move |conn| oparl::body_list(&urls, conn, body, &list, &window))
        .await?
        .ok_or_else(not_found)?;
    Ok(list_answer(&list_url, &query, page))
}

/// `GET /oparl/v1/organizations/{id}/meetings`: the public meetings of a council or committee.
pub async fn organization_meetings(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<OrganizationId>,
) -> OparlResult {
    let urls = urls(&state);
    let query = list_query(&req)?;
    let window = query.window.clone();
    let id = path.into_inner();
    let list_url = format!("{}/meetings", urls.organization(id.0));
    let page = state
        .db
        .run(move |conn| oparl::organization_meetings(&urls, conn, id, &window))
        .await?
        .ok_or_else(not_found)?;
    Ok(list_answer(&list_url, &query, page))
}

/// One object: `read` finds it in the council's language, or `None` for a 404.
async fn object(
    state: web::Data<AppState>,
    read: impl FnOnce(&Urls, Lang, &mut DbConnection) -> AppResult<Option<Value>> + Send + 'static,
) -> OparlResult {
    let urls = urls(&state);
    let value = state
        .db
        .run(move |conn| {
            let lang = oparl::language(conn)?;
            read(&urls, lang, conn)
        })
        .await?
        .ok_or_else(not_found)?;
    Ok(answer(&value))
}

/// `GET /oparl/v1/organizations/{id}`
pub async fn organization(
    state: web::Data<AppState>,
    path: web::Path<OrganizationId>,
) -> OparlResult {
    let id = path.into_inner();
    object(state, move |urls, lang, conn| {
        oparl::organization(urls, lang, conn, id)
    })
    .await
}

/// `GET /oparl/v1/persons/{id}`
pub async fn person(state: web::Data<AppState>, path: web::Path<PersonId>) -> OparlResult {
    let id = path.into_inner().0;
    object(state, move |urls, lang, conn| {
        oparl::person(urls, lang, conn, id)
    })
    .await
}

/// `GET /oparl/v1/memberships/{id}`
pub async fn membership(state: web::Data<AppState>, path: web::Path<MembershipId>) -> OparlResult {
    let id = path.into_inner().0;
    object(state, move |urls, lang, conn| {
        oparl::membership(urls, lang, conn, id)
    })
    .await
}

/// `GET /oparl/v1/legislative-terms/{id}`
pub async fn term(state: web::Data<AppState>, path: web::Path<ElectionPeriodId>) -> OparlResult {
    let id = path.into_inner().0;
    object(state, move |urls, _, conn| oparl::term(urls, conn, id)).await
}

/// `GET /oparl/v1/meetings/{id}`
pub async fn meeting(state: web::Data<AppState>, path: web::Path<MeetingId>) -> OparlResult {
    let id = path.into_inner();
    object(state, move |urls, lang, conn| {
        oparl::meeting(urls, lang, conn, id)
    })
    .await
}

/// `GET /oparl/v1/meetings/{id}/agenda-items/{item}`
pub async fn agenda_item(
    state: web::Data<AppState>,
    path: web::Path<(MeetingId, AgendaItemId)>,
) -> OparlResult {
    let (meeting, item) = path.into_inner();
    object(state, move |urls, lang, conn| {
        oparl::agenda_item(urls, lang, conn, meeting, item.0)
    })
    .await
}

/// `GET /oparl/v1/locations/{id}`
pub async fn location(state: web::Data<AppState>, path: web::Path<MeetingId>) -> OparlResult {
    let id = path.into_inner();
    object(state, move |urls, _, conn| oparl::location(urls, conn, id)).await
}

/// `GET /oparl/v1/consultations/{id}`: the paper on the open agenda item `id`.
pub async fn consultation(
    state: web::Data<AppState>,
    path: web::Path<AgendaItemId>,
) -> OparlResult {
    let item = path.into_inner();
    object(state, move |urls, lang, conn| {
        oparl::consultation(urls, lang, conn, item)
    })
    .await
}

/// `GET /oparl/v1/files/{file}` (`agenda-12`, `minutes-3`, `attachment-17`, `letter-5`)
pub async fn file(state: web::Data<AppState>, path: web::Path<String>) -> OparlResult {
    let file: oparl::FileRef = path.parse().map_err(|()| not_found())?;
    object(state, move |urls, lang, conn| {
        oparl::file(urls, lang, conn, file)
    })
    .await
}

/// `GET /oparl/v1/papers/{id}`
pub async fn paper(state: web::Data<AppState>, path: web::Path<ProposalId>) -> OparlResult {
    let id = path.into_inner();
    object(state, move |urls, lang, conn| {
        oparl::paper(urls, lang, conn, id)
    })
    .await
}
