//! `/search`: one box over proposals, agenda items, decisions, letters, cases and files, with
//! the same access rules as the pages (`read::search`).

use actix_web::{HttpResponse, http::StatusCode, web};
use serde::Serialize;

use crate::domain::decision::Outcome;
use crate::domain::letter::LetterStatus;
use crate::domain::proposal::ProposalStatus;
use crate::domain::search::SearchKind;
use crate::error::AppResult;
use crate::read::search::{self as read, SearchParams, SearchResults};
use crate::web::AppState;
use crate::web::auth::MaybeUser;
use crate::web::forms::Choice;
use crate::web::templates::{Viewer, render_page};

#[derive(Serialize)]
struct SearchPage {
    q: String,
    from: String,
    to: String,
    year: String,
    date_order: bool,
    /// A filter is set: the filters show.
    filters_open: bool,
    kinds: Vec<Choice>,
    statuses: Vec<Choice>,
    bodies: Vec<Choice>,
    organizations: Vec<Choice>,
    searched: bool,
    error: Option<String>,
    found: Option<SearchResults>,
    previous: Option<String>,
    next: Option<String>,
    pages: i64,
    max_words: usize,
}

fn choices<T: Copy>(
    all: impl IntoIterator<Item = T>,
    value: impl Fn(T) -> String,
    label: impl Fn(T) -> String,
    chosen: Option<&str>,
) -> Vec<Choice> {
    all.into_iter()
        .map(|v| Choice {
            selected: chosen == Some(value(v).as_str()),
            value: value(v),
            label: label(v),
        })
        .collect()
}

type Named = Vec<(i64, String)>;

/// The last page a search reaches at `per_page` results a page.
fn pages_reached(per_page: i64) -> i64 {
    (read::MAX_RESULTS_REACHED + per_page - 1) / per_page.max(1)
}

/// The municipalities and the councils and committees to filter by.
fn filter_choices(conn: &mut crate::db::DbConnection) -> AppResult<(Named, Named)> {
    Ok((
        crate::db::search::bodies(conn)?,
        crate::db::search::meeting_bodies(conn)?,
    ))
}

/// This search's address on page `page`.
fn page_url(params: &SearchParams, page: i64) -> String {
    let mut p = params.clone();
    p.page = Some(page.to_string());
    format!(
        "/search?{}",
        serde_html_form::to_string(&p).unwrap_or_default()
    )
}

/// `GET /search`
pub async fn page(
    state: web::Data<AppState>,
    MaybeUser(user, lang): MaybeUser,
    query: web::Query<SearchParams>,
) -> AppResult<HttpResponse> {
    let params = query.into_inner();
    let account = user.as_ref().map(|u| u.account.clone());
    let secretariat = account
        .as_ref()
        .is_some_and(|a| a.role == crate::domain::account::Role::Secretariat);
    let checked = params.check();
    let searched = params.q.as_deref().is_some_and(|q| !q.trim().is_empty());
    let ((bodies, organizations), found, error) = match checked {
        Ok(checked) => {
            let (choices, found) = state
                .db
                .run(move |conn| {
                    let choices = filter_choices(conn)?;
                    let found = read::search(lang, conn, account.as_ref(), &checked)?;
                    Ok((choices, found))
                })
                .await?;
            (choices, Some(found), None)
        }
        Err(e) => (
            state.db.run(filter_choices).await?,
            None,
            Some(e.message.in_lang(lang)),
        ),
    };
    let chosen = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let kind = chosen(&params.kind);
    let status = chosen(&params.status);
    let body = chosen(&params.body);
    let organization = chosen(&params.organization);
    let mut statuses = choices(
        ProposalStatus::ALL
            .iter()
            .copied()
            .filter(|s| secretariat || s.is_public()),
        |s| s.as_str().to_owned(),
        |s| s.label(lang),
        status.as_deref(),
    );
    statuses.extend(choices(
        Outcome::ALL.iter().copied(),
        |s| s.as_str().to_owned(),
        |s| s.label(lang),
        status.as_deref(),
    ));
    if secretariat {
        statuses.extend(choices(
            LetterStatus::ALL.iter().copied(),
            |s| s.as_str().to_owned(),
            |s| s.label(lang),
            status.as_deref(),
        ));
    }
    let pages = found
        .as_ref()
        .map_or(1, |f| ((f.total + f.per_page - 1) / f.per_page).max(1))
        .min(pages_reached(found.as_ref().map_or(1, |f| f.per_page)));
    let current = found.as_ref().map_or(1, |f| f.page);
    let view = SearchPage {
        q: params.q.clone().unwrap_or_default(),
        from: params.from.clone().unwrap_or_default(),
        to: params.to.clone().unwrap_or_default(),
        year: params.year.clone().unwrap_or_default(),
        date_order: params.sort.as_deref() == Some("date"),
        filters_open: [
            &params.kind,
            &params.status,
            &params.body,
            &params.year,
            &params.from,
            &params.to,
        ]
        .iter()
        .any(|v| chosen(v).is_some())
            || params.sort.as_deref() == Some("date"),
        kinds: choices(
            SearchKind::ALL.iter().copied(),
            |k| k.as_str().to_owned(),
            |k| k.label(lang),
            kind.as_deref(),
        ),
        statuses,
        bodies: if bodies.len() > 1 {
            bodies
                .into_iter()
                .map(|(id, name)| Choice {
                    selected: body.as_deref() == Some(id.to_string().as_str()),
                    value: id.to_string(),
                    label: name,
                })
                .collect()
        } else {
            Vec::new()
        },
        organizations: organizations
            .into_iter()
            .map(|(id, name)| Choice {
                selected: organization.as_deref() == Some(id.to_string().as_str()),
                value: id.to_string(),
                label: name,
            })
            .collect(),
        searched,
        previous: (searched && current > 1).then(|| page_url(&params, current - 1)),
        next: (searched && current < pages).then(|| page_url(&params, current + 1)),
        pages,
        max_words: crate::domain::search::MAX_QUERY_TERMS,
        error,
        found: found.filter(|_| searched),
    };
    let status = if view.error.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((
            actix_web::http::header::CACHE_CONTROL,
            if user.is_some() {
                "private, no-store"
            } else {
                "public, max-age=60"
            },
        ))
        .body(render_page(
            "public/search.html",
            Viewer::new(&state.site(), user.as_ref(), lang),
            &view,
        )?))
}
