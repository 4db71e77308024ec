//! `GET /api/v1/meetings`, `GET /api/v1/meetings/{id}`: meetings and their released agendas.
//! Public reads never show closed content.

use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

use crate::db::{agenda, meetings};
use crate::domain::agenda::SnapshotItem;
use crate::domain::time;
use crate::domain::{MeetingId, OrganizationId};
use crate::error::AppError;
use crate::web::AppState;
use crate::web::api::listing::Listing;
use crate::web::errors::ApiError;
use crate::web::views::meeting_url;

type ApiResult<T> = Result<T, ApiError>;

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<i64>,
    per_page: Option<i64>,
}

#[derive(Serialize)]
struct OrganizationRef {
    id: OrganizationId,
    name: String,
}

#[derive(Serialize)]
struct MeetingLinks {
    #[serde(rename = "self")]
    this: String,
    html: String,
}

#[derive(Serialize)]
struct MeetingJson {
    id: MeetingId,
    organization: OrganizationRef,
    /// RFC 3339 in Europe/Copenhagen.
    start: String,
    end: Option<String>,
    location: String,
    status: &'static str,
    kind: &'static str,
    links: MeetingLinks,
}

fn meeting_json(base: &str, m: &meetings::Meeting) -> MeetingJson {
    MeetingJson {
        id: m.id,
        organization: OrganizationRef {
            id: m.organization_id,
            name: m.organization_name.clone(),
        },
        start: time::rfc3339(m.starts_at),
        end: m.ends_at.map(time::rfc3339),
        location: m.location.clone(),
        status: m.status.as_str(),
        kind: m.kind.as_str(),
        links: MeetingLinks {
            this: format!("{base}/api/v1/meetings/{}", m.id),
            html: format!("{base}{}", meeting_url(m.id)),
        },
    }
}

/// `GET /api/v1/meetings`: meetings with a released agenda, latest first, paginated.
pub async fn index(
    state: web::Data<AppState>,
    query: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let (page, per_page) = crate::web::api::listing::bounds(query.page, query.per_page)?;
    let offset = (page - 1).saturating_mul(per_page);
    let (list, total) = state
        .db
        .run(move |conn| meetings::list_released(conn, offset, per_page))
        .await?;
    let base = &state.settings.base_url;
    let next = (offset.saturating_add(per_page) < total).then(|| {
        format!(
            "{base}/api/v1/meetings?page={}&per_page={per_page}",
            page + 1
        )
    });
    let data = list.iter().map(|m| meeting_json(base, m)).collect();
    Ok(HttpResponse::Ok().json(Listing::new(data, page, per_page, total, next)))
}

#[derive(Serialize)]
struct ProposalJson {
    id: crate::domain::ProposalId,
    opening: String,
    clauses: Vec<String>,
    submitted_by: Option<String>,
    motivation: String,
    url: String,
}

/// `GET /api/v1/meetings/{id}`: the meeting, its released agenda and its published minutes.
#[derive(Serialize)]
struct MeetingDetail {
    #[serde(flatten)]
    meeting: MeetingJson,
    agenda: Option<AgendaJson>,
    minutes: Option<MinutesJson>,
}

/// The latest released version of the agenda, public view.
#[derive(Serialize)]
struct AgendaJson {
    version: u32,
    released_at: String,
    items: Vec<ItemJson>,
}

/// The published minutes, public view.
#[derive(Serialize)]
struct MinutesJson {
    version: i32,
    published_at: Option<String>,
    correction_reason: Option<String>,
    pdf: String,
    decisions: Vec<DecisionJson>,
}

#[derive(Serialize)]
struct DecisionJson {
    number: String,
    title: String,
    public: bool,
    outcome: Option<crate::domain::decision::Outcome>,
    outcome_label: Option<String>,
    text: Option<String>,
    statements: Vec<crate::domain::decision::Statement>,
}

#[derive(Serialize)]
struct ItemJson {
    id: crate::domain::AgendaItemId,
    number: String,
    title: String,
    display_title: String,
    kind: &'static str,
    public: bool,
    case_references: Vec<String>,
    proposal: Option<ProposalJson>,
    body: Option<String>,
}

fn item_json(base: &str, item: &SnapshotItem) -> ItemJson {
    ItemJson {
        id: item.id,
        number: item.number.clone(),
        title: item.title.clone(),
        display_title: item.display_title(),
        kind: item.kind.as_str(),
        public: item.public,
        case_references: item
            .case_references
            .iter()
            .map(ToString::to_string)
            .collect(),
        proposal: item.proposal.as_ref().map(|p| ProposalJson {
            id: p.id,
            opening: p.opening.clone(),
            clauses: p.clauses.clone(),
            submitted_by: p.submitted_by.clone(),
            motivation: p.motivation.clone(),
            url: format!("{base}{}", crate::urls::proposal(p.id)),
        }),
        body: item.body.clone(),
    }
}

/// `GET /api/v1/meetings/{id}`: the meeting and, once released, its agenda (public view).
pub async fn show(
    state: web::Data<AppState>,
    path: web::Path<MeetingId>,
) -> ApiResult<HttpResponse> {
    let lang = crate::web::language::answering_in();
    let id = path.into_inner();
    let (meeting, released, minutes) = state
        .db
        .run(move |conn| {
            let meeting = meetings::get(conn, id)?
                .ok_or_else(|| AppError::not_found("error-the-meeting-does-not-exist"))?;
            let released = agenda::released(conn, id, None)?;
            let minutes = crate::db::minutes::published(conn, id)?;
            Ok((meeting, released, minutes))
        })
        .await?;
    let base = &state.settings.base_url;
    let agenda = released.map(|r| {
        // What the public may read: closed items show their number and title only.
        let snapshot = r.snapshot.public_view();
        AgendaJson {
            version: r.version,
            released_at: time::rfc3339(r.released_at),
            items: snapshot.items.iter().map(|i| item_json(base, i)).collect(),
        }
    });
    // The decisions, once the minutes are published: what the public may read of them.
    let minutes = minutes.map(|m| {
        let content = m.content.public_view();
        MinutesJson {
            version: m.version,
            published_at: m.published_at.map(time::rfc3339),
            correction_reason: m.correction_reason,
            pdf: format!("{base}{}", crate::urls::meeting_minutes_pdf(id, m.version)),
            decisions: content
                .items
                .into_iter()
                .map(|i| DecisionJson {
                    outcome_label: i.outcome.map(|o| o.label(lang)),
                    number: i.number,
                    title: i.title,
                    public: i.public,
                    outcome: i.outcome,
                    text: i.text,
                    statements: i.statements,
                })
                .collect(),
        }
    });
    let body = MeetingDetail {
        meeting: meeting_json(base, &meeting),
        agenda,
        minutes,
    };
    Ok(HttpResponse::Ok().json(body))
}
