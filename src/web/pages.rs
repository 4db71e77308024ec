//! Public HTML pages. Handlers are thin: parse the request, ask the database, render.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use serde::Serialize;

use super::AppState;
use super::auth::{CurrentUser, MaybeUser, SESSION_COOKIE, current_user};
use super::cache::{CachedPage, accepts_gzip};
use super::templates::{context_for, render};
use super::views::{
    AgendaView, CaseLink, MeetingSummary, When, clauses, meeting_url, proposal_url,
};
use crate::db::agenda::{self, ReleaseState};
use crate::db::{cases, meetings, proposals};
use crate::domain::text::paragraphs;
use crate::domain::{CaseReference, MeetingId, ProposalId};
use crate::error::{AppError, AppResult};

const LIST_LENGTH: i64 = 5;

/// A page for whoever asks: shared by caches when nobody is logged in, private otherwise (its
/// header names the account).
fn html(user: Option<&CurrentUser>, body: String) -> HttpResponse {
    let mut response = HttpResponse::Ok();
    response.content_type("text/html; charset=utf-8");
    if user.is_some() {
        response.insert_header((header::CACHE_CONTROL, "no-store"));
    }
    response.body(body)
}

#[derive(Serialize)]
struct BodySection {
    id: i64,
    name: String,
    upcoming: Vec<MeetingSummary>,
    recent: Vec<MeetingSummary>,
}

/// `/`: upcoming and recent meetings, by council and committee.
pub async fn index(
    state: web::Data<AppState>,
    MaybeUser(user): MaybeUser,
) -> AppResult<HttpResponse> {
    let now = Utc::now();
    let sections = state
        .db
        .run(move |conn| {
            let mut sections = Vec::new();
            for (id, name) in meetings::meeting_organizations(conn)? {
                let upcoming = meetings::upcoming(conn, id, now, LIST_LENGTH)?;
                let recent = meetings::recent(conn, id, now, LIST_LENGTH)?;
                if upcoming.is_empty() && recent.is_empty() {
                    continue;
                }
                sections.push(BodySection {
                    id: id.0,
                    name,
                    upcoming: upcoming.iter().map(MeetingSummary::from).collect(),
                    recent: recent.iter().map(MeetingSummary::from).collect(),
                });
            }
            Ok(sections)
        })
        .await?;
    let mut ctx = context_for(user.as_ref());
    ctx.insert("sections", &sections);
    Ok(html(user.as_ref(), render("index.html", &ctx)?))
}

fn meeting_not_found() -> AppError {
    AppError::not_found("Mødet findes ikke. Måske er adressen forkert, eller mødet er slettet.")
}

/// `/meetings/{id}`: the latest released agenda, from memory when it has not changed. The
/// memory holds the public page; a logged-in reader gets a page of their own.
pub async fn meeting(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    query: web::Query<super::documents::VersionQuery>,
) -> AppResult<HttpResponse> {
    let id = MeetingId(path.into_inner());
    let user = if req.cookie(SESSION_COOKIE).is_some() {
        current_user(&req).await?
    } else {
        None
    };
    if let Some(version) = query.version {
        return meeting_version(&state, user.as_ref(), id, version).await;
    }
    if user.is_none()
        && let Some(page) = state.pages.fresh(id)
    {
        return Ok(cached(&req, &page));
    }
    let release_state = state
        .db
        .run(move |conn| agenda::release_state(conn, id))
        .await?;
    match release_state {
        ReleaseState::Missing => Err(meeting_not_found()),
        ReleaseState::Unreleased => {
            let meeting = state
                .db
                .run(move |conn| meetings::get(conn, id))
                .await?
                .ok_or_else(meeting_not_found)?;
            let mut ctx = context_for(user.as_ref());
            ctx.insert("meeting", &MeetingSummary::from(&meeting));
            ctx.insert("agenda", &Option::<AgendaView>::None);
            Ok(html(user.as_ref(), render("meeting.html", &ctx)?))
        }
        ReleaseState::Released { version, .. } => {
            if user.is_none()
                && let Some(page) = state.pages.validate(id, release_state)
            {
                return Ok(cached(&req, &page));
            }
            let body = released_page(&state, user.as_ref(), id, version).await?;
            if user.is_some() {
                return Ok(html(user.as_ref(), body));
            }
            let page = state.pages.insert(id, release_state, body);
            Ok(cached(&req, &page))
        }
    }
}

/// The public page of one released version, with the list of all versions.
async fn released_page(
    state: &AppState,
    user: Option<&CurrentUser>,
    id: MeetingId,
    version: u32,
) -> AppResult<String> {
    let (meeting, released, versions, minutes) = state
        .db
        .run(move |conn| {
            let meeting = meetings::get(conn, id)?.ok_or_else(meeting_not_found)?;
            let released = agenda::released(conn, id, Some(version))?
                .ok_or_else(|| AppError::not_found("Den version af dagsordenen findes ikke."))?;
            let versions = agenda::versions(conn, id)?;
            let minutes = crate::db::minutes::published(conn, id)?;
            Ok((meeting, released, versions, minutes))
        })
        .await?;
    let latest = versions.last().map_or(version, |v| v.version);
    let public = crate::domain::agenda::ReleasedAgenda {
        snapshot: released.snapshot.public_view(),
        ..released
    };
    let mut ctx = context_for(user);
    ctx.insert("meeting", &MeetingSummary::from(&meeting));
    ctx.insert("heading", &When::new(public.snapshot.meeting.starts_at));
    ctx.insert("location", &public.snapshot.meeting.location);
    // The decisions once the minutes are published: what the public may read of them.
    let minutes_view = minutes
        .as_ref()
        .map(|m| m.view(crate::documents::Audience::Public));
    let agenda_view = match &minutes_view {
        Some(view) => AgendaView::new(&public).with_decisions(view),
        None => AgendaView::new(&public),
    };
    ctx.insert("agenda", &Some(agenda_view));
    ctx.insert("minutes", &minutes_view);
    ctx.insert(
        "minutes_pdf_url",
        &minutes
            .as_ref()
            .map(|_| format!("{}/minutes.pdf", meeting_url(id))),
    );
    ctx.insert("latest_version", &latest);
    ctx.insert(
        "pdf_url",
        &format!("{}/agenda.pdf?version={version}", meeting_url(id)),
    );
    ctx.insert("ics_url", &format!("{}/meeting.ics", meeting_url(id)));
    ctx.insert(
        "versions",
        &versions
            .iter()
            .rev()
            .map(|v| {
                serde_json::json!({
                    "version": v.version,
                    "url": format!("{}?version={}", meeting_url(id), v.version),
                    "released": When::new(v.released_at),
                    "changes": v.changes,
                    "current": v.version == version,
                })
            })
            .collect::<Vec<_>>(),
    );
    render("meeting.html", &ctx)
}

/// `/meetings/{id}?version=N`: an earlier (or the latest) version as it was released. It never
/// changes, so it is not kept in the page memory but may be cached by anyone for long.
async fn meeting_version(
    state: &AppState,
    user: Option<&CurrentUser>,
    id: MeetingId,
    version: u32,
) -> AppResult<HttpResponse> {
    let body = released_page(state, user, id, version).await?;
    let mut response = HttpResponse::Ok();
    response.content_type("text/html; charset=utf-8");
    response.insert_header((
        header::CACHE_CONTROL,
        if user.is_some() {
            "no-store"
        } else {
            "public, max-age=86400"
        },
    ));
    Ok(response.body(body))
}

fn cached(req: &HttpRequest, page: &CachedPage) -> HttpResponse {
    let gzip = req
        .headers()
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(accepts_gzip);
    // Each representation has its own strong validator.
    let etag = if gzip {
        format!("{}-gz\"", page.etag.trim_end_matches('"'))
    } else {
        page.etag.clone()
    };
    let not_modified = super::etag_matches(req, &etag);
    let mut response = if not_modified {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    response
        .insert_header((header::ETAG, etag))
        .insert_header((header::VARY, "Accept-Encoding"))
        .insert_header((header::CACHE_CONTROL, "public, no-cache"));
    if not_modified {
        return response.finish();
    }
    response.content_type("text/html; charset=utf-8");
    if gzip {
        response
            .insert_header((header::CONTENT_ENCODING, "gzip"))
            .body(page.gzip.clone())
    } else {
        response.body(page.html.clone())
    }
}

#[derive(Serialize)]
struct Appearance {
    url: String,
    text: String,
}

#[derive(Serialize)]
struct ProposalPage {
    title: String,
    status_label: &'static str,
    organization_name: String,
    cases: Vec<CaseLink>,
    submitted_by: Option<String>,
    submitted: Option<When>,
    opening: String,
    clauses: Vec<super::views::Clause>,
    motivation: Vec<String>,
    appearances: Vec<Appearance>,
}

fn proposal_not_found() -> AppError {
    AppError::not_found("Forslaget findes ikke, eller det er ikke offentligt endnu.")
}

/// "På dagsordenen for Borgerrepræsentationens møde 30.04.2025, kl. 17:30 (punkt 1)"
fn appearance_text(a: &proposals::AgendaAppearance) -> String {
    format!(
        "{} – møde {} (punkt {})",
        a.organization_name,
        When::new(a.starts_at).text,
        a.item_number
    )
}

fn public_appearances(list: Vec<proposals::AgendaAppearance>) -> Vec<proposals::AgendaAppearance> {
    list.into_iter()
        .filter(|a| a.public && a.meeting_status.agenda_is_released())
        .collect()
}

/// `/proposals/{id}`: a member proposal once it is public, with where it has been treated.
pub async fn proposal(
    state: web::Data<AppState>,
    MaybeUser(user): MaybeUser,
    path: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = ProposalId(path.into_inner());
    // Its authors and the secretariat see the proposal's own page, with status and history.
    if let Some(user) = &user
        && super::proposals::private_access(&state, id, &user.account).await?
    {
        return super::proposals::show_page(
            &state,
            user,
            id,
            &crate::domain::proposal::FieldErrors::default(),
            None,
            actix_web::http::StatusCode::OK,
        )
        .await;
    }
    let page = state
        .db
        .run(move |conn| {
            let proposal = proposals::get(conn, id)?.ok_or_else(proposal_not_found)?;
            if !proposals::is_public(conn, &proposal)? {
                return Err(proposal_not_found());
            }
            let appearances = public_appearances(proposals::appearances(conn, id)?);
            let followup = super::followup_view::proposal_followup(conn, id, false, false)?;
            Ok((
                followup,
                ProposalPage {
                    title: proposal.title.clone(),
                    status_label: proposal.status.label_da(),
                    organization_name: proposal.organization_name.clone(),
                    cases: proposal.cases.iter().map(CaseLink::from).collect(),
                    submitted_by: proposal.submitted_by(),
                    submitted: proposal.submitted_at.map(When::new),
                    opening: proposal.opening.clone(),
                    clauses: clauses(&proposal.clauses),
                    motivation: paragraphs(&proposal.motivation),
                    appearances: appearances
                        .iter()
                        .map(|a| Appearance {
                            url: format!("{}#punkt-{}", meeting_url(a.meeting_id), a.item_number),
                            text: appearance_text(a),
                        })
                        .collect(),
                },
            ))
        })
        .await?;
    let (followup, page) = page;
    let mut ctx = context_for(user.as_ref());
    ctx.insert("proposal", &page);
    ctx.insert("followup", &followup);
    Ok(html(user.as_ref(), render("proposal.html", &ctx)?))
}

#[derive(Serialize)]
struct TimelineEvent {
    when: When,
    label: String,
    url: String,
    link_text: String,
}

/// `/cases/{reference}`: what is public of a case, as a timeline.
pub async fn case(
    state: web::Data<AppState>,
    MaybeUser(user): MaybeUser,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let reference =
        CaseReference::parse(&path.into_inner()).map_err(|e| AppError::not_found(e.to_string()))?;
    let now = Utc::now();
    let account = user.as_ref().map(|u| u.account.clone());
    let secretariat = account
        .as_ref()
        .is_some_and(|a| a.role == crate::domain::account::Role::Secretariat);
    let (title, events, history) = state
        .db
        .run(move |conn| {
            let not_found = || {
                AppError::not_found(format!(
                    "Sag {reference} findes ikke, eller den er ikke offentlig."
                ))
            };
            let case = cases::by_reference(conn, &reference)?.ok_or_else(not_found)?;
            let mut events = Vec::new();
            // The public sees public proposals; authors and the secretariat also their own
            // proposals in progress.
            for p in proposals::for_case(conn, case.id)? {
                let public = proposals::is_public(conn, &p)?;
                let own = super::proposals::access(&p, account.as_ref())
                    != super::proposals::Access::None;
                if !public && !own {
                    continue;
                }
                if let Some(at) = p.submitted_at {
                    events.push((
                        at,
                        TimelineEvent {
                            when: When::new(at),
                            label: format!(
                                "Medlemsforslag indsendt{}",
                                p.submitted_by()
                                    .map(|s| format!(" ({s})"))
                                    .unwrap_or_default()
                            ),
                            url: proposal_url(p.id),
                            link_text: p.title.clone(),
                        },
                    ));
                }
                followup_events(conn, &p, own, &mut events)?;
            }
            for a in public_appearances(proposals::case_appearances(conn, case.id)?) {
                let label = if a.starts_at < now {
                    "Behandlet på møde"
                } else {
                    "På dagsordenen til møde"
                };
                events.push((
                    a.starts_at,
                    TimelineEvent {
                        when: When::new(a.starts_at),
                        label: label.to_owned(),
                        url: format!("{}#punkt-{}", meeting_url(a.meeting_id), a.item_number),
                        link_text: appearance_text(&a),
                    },
                ));
            }
            // The case's letters: public ones for everyone, all for the secretariat.
            for letter in crate::db::letters::of_case(conn, case.id)? {
                if !letter.readable_by_all() && !secretariat {
                    continue;
                }
                let at = crate::domain::time::local_to_utc(
                    letter.date.and_hms_opt(12, 0, 0).unwrap_or_default(),
                )
                .unwrap_or_else(|_| Utc::now());
                let label = match letter.direction {
                    crate::domain::letter::LetterDirection::Incoming => {
                        format!("Brev fra {}: {}", letter.sender_name, letter.text.heading)
                    }
                    crate::domain::letter::LetterDirection::Outgoing => format!(
                        "Brev til {} ({}): {}",
                        letter.text.recipient_name,
                        letter.status.label_da().to_lowercase(),
                        letter.text.heading
                    ),
                };
                events.push((
                    at,
                    TimelineEvent {
                        when: When::new(at),
                        label,
                        // The secretariat works on the letter; everyone else reads it.
                        url: if secretariat {
                            super::letters_admin::letter_url(letter.id)
                        } else {
                            format!("/letters/{}.pdf", letter.id)
                        },
                        link_text: if secretariat {
                            "Brevet".to_owned()
                        } else {
                            "Brevet som PDF".to_owned()
                        },
                    },
                ));
            }
            if events.is_empty() && !secretariat {
                return Err(not_found());
            }
            events.sort_by_key(|(at, _)| *at);
            // The secretariat's audit log: the case and every proposal on it.
            let mut history = Vec::new();
            if secretariat {
                use crate::db::workflow::{CASE, PROPOSAL};
                history = crate::db::audit::for_subject(conn, CASE.with(case.id.0))?;
                for p in proposals::for_case(conn, case.id)? {
                    history.extend(crate::db::audit::for_subject(conn, PROPOSAL.with(p.id.0))?);
                }
                history.sort_by_key(|e| (e.at, e.id));
            }
            Ok((
                case.title,
                events.into_iter().map(|(_, e)| e).collect::<Vec<_>>(),
                history
                    .iter()
                    .map(super::views::AuditLine::from)
                    .collect::<Vec<_>>(),
            ))
        })
        .await?;
    let mut ctx = context_for(user.as_ref());
    ctx.insert("reference", &reference.to_string());
    ctx.insert("title", &title);
    ctx.insert("events", &events);
    ctx.insert("history", &history);
    ctx.insert("secretariat", &secretariat);
    Ok(html(user.as_ref(), render("case.html", &ctx)?))
}

/// A proposal's decisions, tasks and answers on its case's timeline: for the public once the
/// minutes are published, for its authors and the secretariat as they stand.
fn followup_events(
    conn: &mut crate::db::DbConnection,
    p: &proposals::Proposal,
    full: bool,
    events: &mut Vec<(chrono::DateTime<Utc>, TimelineEvent)>,
) -> AppResult<()> {
    use crate::db::{decisions, minutes, tasks};
    let followup_url = format!("{}#followup-heading", proposal_url(p.id));
    let mut published = Vec::new();
    for d in decisions::of_proposal(conn, p.id)? {
        let is_published = minutes::published(conn, d.meeting_id)?.is_some();
        if is_published {
            published.push(d.agenda_item_id);
        }
        if !full && !is_published {
            continue;
        }
        let Some(meeting) = meetings::get(conn, d.meeting_id)? else {
            continue;
        };
        events.push((
            // Right after the meeting's own line.
            meeting.starts_at + chrono::Duration::seconds(1),
            TimelineEvent {
                when: When::new(meeting.starts_at),
                label: format!(
                    "Beslutning i {}: {}",
                    meeting.organization_name,
                    d.decision.outcome.label_da()
                ),
                url: followup_url.clone(),
                link_text: p.title.clone(),
            },
        ));
    }
    for t in tasks::of_proposal(conn, p.id)? {
        if !full && !published.contains(&t.agenda_item_id) {
            continue;
        }
        let deadline = t
            .deadline
            .map(|d| format!(", frist {}", crate::domain::time::long_date_da(d)))
            .unwrap_or_default();
        events.push((
            t.sent_at,
            TimelineEvent {
                when: When::new(t.sent_at),
                label: format!(
                    "Opgave sendt til {} ({}. at-punkt{deadline})",
                    t.lead.name, t.clause
                ),
                url: followup_url.clone(),
                link_text: t.status.label_da().to_owned(),
            },
        ));
        if let (Some(at), false) = (t.answered_at, t.status.is_open()) {
            events.push((
                at,
                TimelineEvent {
                    when: When::new(at),
                    label: format!("{} har besvaret {}. at-punkt", t.lead.name, t.clause),
                    url: followup_url.clone(),
                    link_text: "Svaret".to_owned(),
                },
            ));
        }
    }
    Ok(())
}

/// `/healthz`: 200 when the database answers.
pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    match state.db.run(crate::db::ping).await {
        Ok(()) => HttpResponse::Ok()
            .content_type("text/plain; charset=utf-8")
            .body("ok"),
        Err(err) => {
            tracing::warn!(error = %err.chain(), "health check failed");
            HttpResponse::ServiceUnavailable()
                .content_type("text/plain; charset=utf-8")
                .body("database unavailable")
        }
    }
}
