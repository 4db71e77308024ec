//! Public HTML pages. Handlers are thin: parse the request, ask the database, render.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use serde::Serialize;

use crate::db::agenda::{self, ReleaseState};
use crate::db::{meetings, proposals};
use crate::domain::letter::LetterDirection;
use crate::domain::{CaseReference, MeetingId, ProposalId};
use crate::error::{AppError, AppResult};
use crate::read::case::{Event, EventKind, case_view};
use crate::web::AppState;
use crate::web::auth::{CurrentUser, MaybeUser, SESSION_COOKIE, current_user};
use crate::web::cache::{CachedPage, accepts_gzip};
use crate::web::templates::Viewer;
use crate::web::templates::render_page;
use crate::web::views::{
    AgendaView, CaseLink, MeetingSummary, When, clauses, meeting_url, proposal_url,
};

const LIST_LENGTH: i64 = 5;

/// A page for whoever asks: shared by caches when nobody is logged in, private otherwise (its
/// header names the account).
pub(super) fn html(user: Option<&CurrentUser>, body: String) -> HttpResponse {
    let mut response = HttpResponse::Ok();
    response.content_type("text/html; charset=utf-8");
    // Said either way: the server's default for what does not say is `no-store`. A cache keeps
    // the anonymous page apart from a logged-in reader's (`Vary: Cookie`).
    response.insert_header((
        header::CACHE_CONTROL,
        if user.is_some() {
            "no-store"
        } else {
            "public, max-age=60"
        },
    ));
    response.insert_header((header::VARY, "Cookie"));
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
    MaybeUser(user, lang): MaybeUser,
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
                    upcoming: upcoming
                        .iter()
                        .map(|m| MeetingSummary::new(lang, m))
                        .collect(),
                    recent: recent
                        .iter()
                        .map(|m| MeetingSummary::new(lang, m))
                        .collect(),
                });
            }
            Ok(sections)
        })
        .await?;
    #[derive(Serialize)]
    struct Front {
        sections: Vec<BodySection>,
    }
    let body = render_page(
        "public/index.html",
        Viewer::new(&state.site(), user.as_ref(), lang),
        &Front { sections },
    )?;
    Ok(html(user.as_ref(), body))
}

fn meeting_not_found() -> AppError {
    AppError::not_found("error-the-meeting-does-not-exist-perhaps")
}

/// `/meetings/{id}`: the latest released agenda, from memory when it has not changed. The
/// memory holds the public page; a logged-in reader gets a page of their own.
pub async fn meeting(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<MeetingId>,
    query: web::Query<crate::web::forms::VersionQuery>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let user = if req.cookie(SESSION_COOKIE).is_some() {
        current_user(&req).await?
    } else {
        None
    };
    let lang = crate::web::templates::lang_of(&req, user.as_ref());
    if let Some(version) = query.version {
        return meeting_version(&state, user.as_ref(), lang, id, version).await;
    }
    if user.is_none()
        && let Some(page) = state.pages.fresh(id, lang)
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
            let view = MeetingPage::unreleased(MeetingSummary::new(lang, &meeting));
            let body = render_page(
                "public/meeting.html",
                Viewer::new(&state.site(), user.as_ref(), lang),
                &view,
            )?;
            Ok(html(user.as_ref(), body))
        }
        ReleaseState::Released { version, .. } => {
            if user.is_none()
                && let Some(page) = state.pages.validate(id, lang, release_state)
            {
                return Ok(cached(&req, &page));
            }
            let body = released_page(&state, user.as_ref(), lang, id, version).await?;
            if user.is_some() {
                return Ok(html(user.as_ref(), body));
            }
            let page = state
                .pages
                .insert(id, lang, release_state, state.site().version, body);
            Ok(cached(&req, &page))
        }
    }
}

/// The public page of one released version, with the list of all versions.
async fn released_page(
    state: &AppState,
    user: Option<&CurrentUser>,
    lang: crate::i18n::Lang,
    id: MeetingId,
    version: u32,
) -> AppResult<String> {
    let (meeting, released, versions, minutes) = state
        .db
        .run(move |conn| {
            let meeting = meetings::get(conn, id)?.ok_or_else(meeting_not_found)?;
            let released = agenda::released(conn, id, Some(version))?
                .ok_or_else(|| AppError::not_found("error-that-version-of-the-agenda-does"))?;
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
    // The decisions once the minutes are published: what the public may read of them.
    let minutes_view = minutes
        .as_ref()
        .map(|m| crate::read::minutes::view(lang, m, crate::domain::audience::Audience::Public));
    let agenda_view = match &minutes_view {
        Some(view) => AgendaView::new(lang, &public).with_decisions(view),
        None => AgendaView::new(lang, &public),
    };
    let view = MeetingPage {
        meeting: MeetingSummary::new(lang, &meeting),
        heading: Some(When::new(lang, public.snapshot.meeting.starts_at)),
        location: public.snapshot.meeting.location.clone(),
        agenda: Some(agenda_view),
        minutes: minutes_view,
        minutes_pdf_url: minutes
            .as_ref()
            .map(|_| format!("{}/minutes.pdf", meeting_url(id))),
        latest_version: latest,
        pdf_url: format!("{}/agenda.pdf?version={version}", meeting_url(id)),
        ics_url: format!("{}/meeting.ics", meeting_url(id)),
        versions: versions
            .iter()
            .rev()
            .map(|v| VersionLine {
                version: v.version,
                url: format!("{}?version={}", meeting_url(id), v.version),
                released: When::new(lang, v.released_at),
                changes: v.public_changes.clone(),
                current: v.version == version,
            })
            .collect(),
    };
    render_page(
        "public/meeting.html",
        Viewer::new(&state.site(), user, lang),
        &view,
    )
}

/// A meeting's public page: its released agenda (the version asked for), the decisions once
/// the minutes are published, and the versions released.
#[derive(Serialize)]
struct MeetingPage {
    meeting: MeetingSummary,
    heading: Option<When>,
    location: String,
    agenda: Option<AgendaView>,
    minutes: Option<crate::documents::MinutesView>,
    minutes_pdf_url: Option<String>,
    latest_version: u32,
    pdf_url: String,
    ics_url: String,
    versions: Vec<VersionLine>,
}

impl MeetingPage {
    /// A meeting whose agenda is not out yet: the meeting alone.
    fn unreleased(meeting: MeetingSummary) -> Self {
        Self {
            meeting,
            heading: None,
            location: String::new(),
            agenda: None,
            minutes: None,
            minutes_pdf_url: None,
            latest_version: 0,
            pdf_url: String::new(),
            ics_url: String::new(),
            versions: Vec::new(),
        }
    }
}

#[derive(Serialize)]
struct VersionLine {
    version: u32,
    url: String,
    released: When,
    changes: Vec<String>,
    current: bool,
}

/// `/meetings/{id}?version=N`: an earlier (or the latest) version as it was released. It never
/// changes, so it is not kept in the page memory but may be cached by anyone for long.
async fn meeting_version(
    state: &AppState,
    user: Option<&CurrentUser>,
    lang: crate::i18n::Lang,
    id: MeetingId,
    version: u32,
) -> AppResult<HttpResponse> {
    let body = released_page(state, user, lang, id, version).await?;
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
    let not_modified = crate::web::etag_matches(req, &etag);
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
    status_label: String,
    organization_name: String,
    cases: Vec<CaseLink>,
    submitted_by: Option<String>,
    submitted: Option<When>,
    opening: String,
    clauses: Vec<crate::web::views::Clause>,
    /// As written (Markdown); the template renders it.
    motivation: String,
    appearances: Vec<Appearance>,
}

/// "Borgerrepræsentationen – møde 30.04.2025, kl. 17:30 (punkt 1)"
fn appearance_text(lang: crate::domain::language::Lang, a: &proposals::AgendaAppearance) -> String {
    crate::i18n::t_with(
        lang,
        "timeline-appearance",
        &[
            ("organization", a.organization_name.clone().into()),
            ("when", When::new(lang, a.starts_at).text.into()),
            ("item", a.item_number.clone().into()),
        ],
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
    MaybeUser(user, lang): MaybeUser,
    path: web::Path<ProposalId>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    // Its authors and the secretariat see the proposal's own page, with status and history.
    if let Some(user) = &user
        && crate::web::proposal_page::private_access(&state, id, &user.account).await?
    {
        return crate::web::proposal_page::show_page(
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
            let proposal =
                proposals::get(conn, id)?.ok_or_else(crate::web::proposal_page::not_found)?;
            if !proposals::is_public(conn, &proposal)? {
                return Err(crate::web::proposal_page::not_found());
            }
            let appearances = public_appearances(proposals::appearances(conn, id)?);
            let followup = crate::read::followup::proposal_followup(lang, conn, id, false, false)?;
            Ok((
                followup,
                ProposalPage {
                    title: proposal.title.clone(),
                    status_label: proposal.status.public_label(
                        lang,
                        proposal
                            .target_meeting_id
                            .is_some_and(|m| !appearances.iter().any(|a| a.meeting_id == m)),
                    ),
                    organization_name: proposal.organization_name.clone(),
                    cases: proposal
                        .case_references()
                        .iter()
                        .map(CaseLink::from)
                        .collect(),
                    submitted_by: proposal.submitted_by(lang),
                    submitted: proposal.submitted_at.map(|at| When::new(lang, at)),
                    opening: proposal.opening.clone(),
                    clauses: clauses(&proposal.clauses),
                    motivation: proposal.motivation.clone(),
                    appearances: appearances
                        .iter()
                        .map(|a| Appearance {
                            url: format!("{}#punkt-{}", meeting_url(a.meeting_id), a.item_number),
                            text: appearance_text(lang, a),
                        })
                        .collect(),
                },
            ))
        })
        .await?;
    let (followup, page) = page;
    #[derive(Serialize)]
    struct Page {
        proposal: ProposalPage,
        followup: Option<crate::read::followup::ProposalFollowup>,
    }
    let body = render_page(
        "public/proposal.html",
        Viewer::new(&state.site(), user.as_ref(), lang),
        &Page {
            proposal: page,
            followup,
        },
    )?;
    Ok(html(user.as_ref(), body))
}

#[derive(Serialize)]
struct TimelineEvent {
    when: When,
    label: String,
    url: String,
    link_text: String,
}

/// `/cases/{reference}`: the case as the reader may see it (`read::case`), as a timeline.
pub async fn case(
    state: web::Data<AppState>,
    MaybeUser(user, lang): MaybeUser,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let reference = CaseReference::parse(&path.into_inner()).map_err(AppError::not_found)?;
    let account = user.as_ref().map(|u| u.account.clone());
    let secretariat = account
        .as_ref()
        .is_some_and(|a| a.role == crate::domain::account::Role::Secretariat);
    let view = state
        .db
        .run(move |conn| case_view(lang, conn, &reference, account.as_ref(), Utc::now()))
        .await?
        .ok_or_else(|| {
            AppError::not_found(
                crate::i18n::Msg::key("error-case-does-not-exist-or-it")
                    .arg("reference", reference),
            )
        })?;
    let events: Vec<TimelineEvent> = view
        .events
        .iter()
        .map(|e| timeline_event(lang, e, secretariat))
        .collect();
    let history: Vec<crate::web::views::AuditLine> = view
        .history
        .iter()
        .flatten()
        .map(|e| crate::web::views::AuditLine::new(lang, e))
        .collect();
    #[derive(Serialize)]
    struct CasePage {
        reference: String,
        title: String,
        events: Vec<TimelineEvent>,
        history: Vec<crate::web::views::AuditLine>,
        secretariat: bool,
    }
    let page = CasePage {
        reference: view.reference.to_string(),
        title: view.title,
        events,
        history,
        secretariat,
    };
    let body = render_page(
        "public/case.html",
        Viewer::new(&state.site(), user.as_ref(), lang),
        &page,
    )?;
    Ok(html(user.as_ref(), body))
}

/// A line of the case's timeline as the page words it.
fn timeline_event(
    lang: crate::domain::language::Lang,
    event: &Event,
    secretariat: bool,
) -> TimelineEvent {
    use crate::i18n::{t, t_with};
    let when = When::new(lang, event.at);
    let followup_url = |p: ProposalId| format!("{}#followup-heading", proposal_url(p));
    match &event.what {
        EventKind::ProposalSubmitted {
            proposal,
            title,
            submitted_by,
        } => TimelineEvent {
            when,
            label: match submitted_by {
                Some(by) => t_with(lang, "timeline-submitted-by", &[("by", by.clone().into())]),
                None => t(lang, "timeline-submitted"),
            },
            url: proposal_url(*proposal),
            link_text: title.clone(),
        },
        EventKind::OnAgenda { appearance, held } => TimelineEvent {
            when,
            label: if *held {
                t(lang, "timeline-treated-at")
            } else {
                t(lang, "timeline-on-agenda-for")
            },
            url: format!(
                "{}#punkt-{}",
                meeting_url(appearance.meeting_id),
                appearance.item_number
            ),
            link_text: appearance_text(lang, appearance),
        },
        EventKind::Decided {
            proposal,
            title,
            organization,
            outcome,
            ..
        } => TimelineEvent {
            // The meeting's time, though it sorts right after the meeting's own line.
            when: When::new(lang, event.at - chrono::Duration::seconds(1)),
            label: t_with(
                lang,
                "timeline-decided",
                &[
                    ("organization", organization.clone().into()),
                    ("outcome", outcome.label(lang).into()),
                ],
            ),
            url: followup_url(*proposal),
            link_text: title.clone(),
        },
        EventKind::TaskSent {
            proposal,
            lead,
            clause,
            deadline,
            status,
        } => TimelineEvent {
            when,
            label: match deadline {
                Some(d) => t_with(
                    lang,
                    "timeline-task-sent-deadline",
                    &[
                        ("lead", lead.clone().into()),
                        ("clause", i64::from(*clause).into()),
                        ("deadline", crate::domain::time::long_date(lang, *d).into()),
                    ],
                ),
                None => t_with(
                    lang,
                    "timeline-task-sent",
                    &[
                        ("lead", lead.clone().into()),
                        ("clause", i64::from(*clause).into()),
                    ],
                ),
            },
            url: followup_url(*proposal),
            link_text: status.label(lang),
        },
        EventKind::TaskAnswered {
            proposal,
            lead,
            clause,
        } => TimelineEvent {
            when,
            label: t_with(
                lang,
                "timeline-task-answered",
                &[
                    ("lead", lead.clone().into()),
                    ("clause", i64::from(*clause).into()),
                ],
            ),
            url: followup_url(*proposal),
            link_text: t(lang, "timeline-the-answer"),
        },
        EventKind::Letter(letter) => TimelineEvent {
            when,
            label: match letter.direction {
                LetterDirection::Incoming => t_with(
                    lang,
                    "timeline-letter-from",
                    &[
                        ("sender", letter.sender_name.clone().into()),
                        ("heading", letter.text.heading.clone().into()),
                    ],
                ),
                LetterDirection::Outgoing => t_with(
                    lang,
                    "timeline-letter-to",
                    &[
                        ("recipient", letter.text.recipient_name.clone().into()),
                        ("status", letter.status.label(lang).to_lowercase().into()),
                        ("heading", letter.text.heading.clone().into()),
                    ],
                ),
            },
            // The secretariat works on the letter; everyone else reads it.
            url: if secretariat {
                crate::urls::letter(letter.id)
            } else {
                format!("/letters/{}.pdf", letter.id)
            },
            link_text: if secretariat {
                t(lang, "timeline-the-letter")
            } else {
                t(lang, "timeline-the-letter-pdf")
            },
        },
    }
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
