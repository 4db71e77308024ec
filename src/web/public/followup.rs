//! The public overviews of follow-up: "Medlemsforslag i opfølgning" (`/proposals/follow-up`),
//! adopted proposals whose tasks are with the administrations, and "Afsluttede medlemsforslag"
//! (`/proposals/completed`), proposals whose treatment and follow-up are done.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::db::{DbConnection, proposals, tasks, workflow};
use crate::domain::proposal::ProposalStatus;
use crate::domain::time::today;
use crate::error::AppResult;
use crate::web::AppState;
use crate::web::auth::MaybeUser;
use crate::web::templates::Viewer;
use crate::web::templates::render_page;
use crate::web::views::{CaseLink, proposal_url};

const PAGE_SIZE: i64 = 50;

#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    #[serde(default)]
    side: Option<i64>,
}

/// One page of public proposals in `statuses`, each with its tasks counted as the public may
/// see them (the proposal's own page has the details).
fn rows(
    lang: crate::domain::language::Lang,
    conn: &mut DbConnection,
    statuses: &[ProposalStatus],
    page: i64,
) -> AppResult<(Vec<Value>, i64)> {
    let (list, total) =
        workflow::page_by_status(conn, statuses, (page - 1) * PAGE_SIZE, PAGE_SIZE)?;
    let ids: Vec<_> = list.iter().map(|s| s.id).collect();
    let counts = tasks::public_counts(conn, &ids, today())?;
    let mut listings = proposals::listings(conn, &ids)?;
    let mut out = Vec::new();
    for summary in list {
        let listing = listings.remove(&summary.id).unwrap_or_default();
        // As `proposals::is_public`: its latest release shows it on an open item.
        if !listing.is_public(summary.status) {
            continue;
        }
        let [open, overdue, answered, closed] =
            counts.get(&summary.id.0).copied().unwrap_or_default();
        out.push(json!({
            "url": proposal_url(summary.id),
            "title": summary.title,
            "organization": summary.organization_name,
            "submitted_by": listing.submitted_by(lang),
            "cases": listing.cases.iter().map(CaseLink::from).collect::<Vec<_>>(),
            "status_label": summary.status.label(lang),
            "tasks": open + overdue + answered + closed,
            "waiting": open + overdue,
            "overdue": overdue,
            "answered": answered + closed,
        }));
    }
    Ok((out, total))
}

/// One of the public overviews: which proposals, the catalogue keys of its words
/// (`KEY-heading`, `KEY-intro`), its address.
struct OverviewKind {
    statuses: &'static [ProposalStatus],
    key: &'static str,
    path: &'static str,
}

const IN_FOLLOW_UP: OverviewKind = OverviewKind {
    statuses: &[ProposalStatus::InFollowUp],
    key: "overview-follow-up",
    path: "/proposals/follow-up",
};

const COMPLETED: OverviewKind = OverviewKind {
    statuses: &[ProposalStatus::Closed, ProposalStatus::Decided],
    key: "overview-completed",
    path: "/proposals/completed",
};

async fn overview(
    state: &AppState,
    user: Option<&crate::web::auth::CurrentUser>,
    lang: crate::i18n::Lang,
    query: PageQuery,
    kind: &OverviewKind,
) -> AppResult<HttpResponse> {
    let OverviewKind {
        statuses,
        key,
        path,
    } = *kind;
    let heading = crate::i18n::t(lang, &format!("{key}-heading"));
    let intro = crate::i18n::t(lang, &format!("{key}-intro"));
    let page = query.side.unwrap_or(1).max(1);
    let (rows, total) = state
        .db
        .run(move |conn| rows(lang, conn, statuses, page))
        .await?;
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    #[derive(serde::Serialize)]
    struct Overview {
        heading: String,
        intro: String,
        rows: Vec<Value>,
        total: i64,
        previous: Option<String>,
        next: Option<String>,
        page: i64,
        pages: i64,
    }
    let view = Overview {
        heading,
        intro,
        rows,
        total,
        previous: (page > 1).then(|| format!("{path}?side={}", page - 1)),
        next: (page < pages).then(|| format!("{path}?side={}", page + 1)),
        page,
        pages,
    };
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((
            actix_web::http::header::CACHE_CONTROL,
            if user.is_some() {
                "no-store"
            } else {
                "public, max-age=60"
            },
        ))
        .body(render_page(
            "public/followup.html",
            Viewer::new(&state.site(), user, lang),
            &view,
        )?))
}

/// `GET /proposals/follow-up`
pub async fn in_follow_up(
    state: web::Data<AppState>,
    MaybeUser(user, lang): MaybeUser,
    query: web::Query<PageQuery>,
) -> AppResult<HttpResponse> {
    overview(
        &state,
        user.as_ref(),
        lang,
        query.into_inner(),
        &IN_FOLLOW_UP,
    )
    .await
}

/// `GET /proposals/completed`
pub async fn completed(
    state: web::Data<AppState>,
    MaybeUser(user, lang): MaybeUser,
    query: web::Query<PageQuery>,
) -> AppResult<HttpResponse> {
    overview(&state, user.as_ref(), lang, query.into_inner(), &COMPLETED).await
}
