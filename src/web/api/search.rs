//! `GET /api/v1/search`: the search of `/search` as JSON, with the caller's access (an API key
//! finds what its account may read, no key what the public may).

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;

use crate::domain::search::Fragment;
use crate::error::AppError;
use crate::i18n::Msg;
use crate::read::search::{self as read, SearchParams};
use crate::web::AppState;
use crate::web::api::listing::Listing;
use crate::web::auth::ApiCaller;
use crate::web::errors::ApiError;

#[derive(Serialize)]
struct Found {
    kind: crate::domain::search::SearchKind,
    title: String,
    url: String,
    excerpt: Vec<Fragment>,
    date: chrono::NaiveDate,
    context: Option<String>,
    context_url: Option<String>,
    status: Option<String>,
    public: bool,
}

/// `GET /api/v1/search?q=…`
pub async fn search(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: ApiCaller,
) -> Result<HttpResponse, ApiError> {
    let lang = crate::web::language::answering_in();
    let pairs: Vec<(String, String)> = serde_html_form::from_str(req.query_string())
        .map_err(|_| AppError::bad_request("error-search-bad-query-string"))?;
    if let Some((name, _)) = pairs
        .iter()
        .find(|(name, _)| !SearchParams::NAMES.contains(&name.as_str()))
    {
        let name: String = name.chars().take(40).collect();
        return Err(AppError::bad_request(
            Msg::key("error-search-unknown-parameter").arg("name", name),
        )
        .into());
    }
    // The API is exact where a form is lenient: a parameter given is given a value, and a day
    // is written yyyy-mm-dd (as the OpenAPI document says).
    for (name, value) in &pairs {
        let value = value.trim();
        let day = matches!(name.as_str(), "from" | "to");
        if (name != "q" && value.is_empty())
            || (day && chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_err())
        {
            return Err(AppError::bad_request(
                Msg::key("error-search-bad-value").arg("name", name.clone()),
            )
            .into());
        }
    }
    let params: SearchParams = serde_html_form::from_str(req.query_string())
        .map_err(|_| AppError::bad_request("error-search-bad-query-string"))?;
    let checked = params.check()?;
    let account = caller.0;
    let found = state
        .db
        .run(move |conn| read::search(lang, conn, account.as_ref(), &checked))
        .await?;
    let base = &state.settings.base_url;
    let absolute = |path: &str| crate::urls::absolute(base, path);
    let next = (found.page.saturating_mul(found.per_page) < found.total
        && found.page.saturating_mul(found.per_page) < read::MAX_RESULTS_REACHED)
        .then(|| {
            let mut p = params.clone();
            p.page = Some((found.page + 1).to_string());
            absolute(&format!(
                "/api/v1/search?{}",
                serde_html_form::to_string(&p).unwrap_or_default()
            ))
        });
    let data: Vec<Found> = found
        .results
        .into_iter()
        .map(|r| Found {
            kind: r.kind,
            url: absolute(&r.url),
            title: r.title,
            excerpt: r.excerpt,
            date: r.date,
            context: r.context,
            context_url: r.context_url.as_deref().map(absolute),
            status: r.status,
            public: !r.restricted,
        })
        .collect();
    Ok(HttpResponse::Ok().json(SearchListing {
        listing: Listing::new(data, found.page, found.per_page, found.total, next),
        more: found.more,
    }))
}

/// A page of results; `more` says that more were found than `pagination.total` counts (the
/// count stops at `read::MAX_RESULTS_REACHED`).
#[derive(Serialize)]
struct SearchListing {
    #[serde(flatten)]
    listing: Listing<Found>,
    more: bool,
}
