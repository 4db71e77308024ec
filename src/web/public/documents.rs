//! Documents for download: the agenda PDF of each released version and the meetings as
//! iCalendar, for one meeting and per council or committee.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{Duration, Utc};

use crate::db::{DbConnection, agenda, meetings, organizations as orgs};
use crate::domain::account::Role;
use crate::domain::audience::Audience;
use crate::domain::time::local;
use crate::domain::{AttachmentId, MeetingId, OrganizationId, ical};
use crate::error::{AppError, AppResult};
use crate::read::calendar::meeting_event;
use crate::web::AppState;
use crate::web::auth::{CurrentUser, MaybeUser};
use crate::web::forms::VersionQuery;

/// How far back a body's calendar reaches; later meetings are all in it.
const CALENDAR_HISTORY_DAYS: i64 = 400;
const CALENDAR_MAX_EVENTS: i64 = 1_000;

/// Members of the meeting's council or committee and the secretariat see closed items.
pub fn audience_for(
    conn: &mut DbConnection,
    user: Option<&CurrentUser>,
    meeting: &meetings::Meeting,
) -> AppResult<Audience> {
    let Some(user) = user else {
        return Ok(Audience::Public);
    };
    if user.role() == Role::Secretariat {
        return Ok(Audience::Members);
    }
    let Some(person) = user.account.person_id else {
        return Ok(Audience::Public);
    };
    let day = local(meeting.starts_at).date_naive();
    let member = orgs::seats(conn, person, day)?
        .iter()
        .any(|s| s.organization_id == meeting.organization_id);
    Ok(if member {
        Audience::Members
    } else {
        Audience::Public
    })
}

fn not_released() -> AppError {
    AppError::not_found("error-the-agenda-has-not-been-released")
}

/// `GET /meetings/{id}/agenda.pdf[?version=N]`: the PDF rendered at release, never again.
pub async fn agenda_pdf(
    req: HttpRequest,
    state: web::Data<AppState>,
    MaybeUser(user, _): MaybeUser,
    path: web::Path<MeetingId>,
    query: web::Query<VersionQuery>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let asked = query.version;
    let download = query.download.is_some();
    let (meeting, version, audience, pdf) = state
        .db
        .run(move |conn| {
            let meeting = meetings::get(conn, id)?
                .ok_or_else(|| AppError::not_found("error-the-meeting-does-not-exist"))?;
            let version = match asked {
                Some(v) => v,
                None => match agenda::release_state(conn, id)? {
                    agenda::ReleaseState::Released { version, .. } => version,
                    _ => return Err(not_released()),
                },
            };
            let audience = audience_for(conn, user.as_ref(), &meeting)?;
            let pdf = agenda::document(conn, id, version, audience)?.ok_or_else(not_released)?;
            Ok((meeting, version, audience, pdf))
        })
        .await?;
    let etag = format!("\"agenda-{id}-v{version}-{}\"", audience.as_str());
    let filename =
        crate::urls::agenda_pdf_filename(&meeting.organization_name, meeting.starts_at, version);
    Ok(version_pdf(
        &req,
        etag,
        audience,
        asked.is_some(),
        &filename,
        download,
        pdf,
    ))
}

/// A stored PDF of one version of a document (an agenda, minutes): a members' copy is never
/// cached, a numbered public version never changes, and the latest may be replaced. It opens
/// in the browser, or is saved as a file when `download` asks.
fn version_pdf(
    req: &HttpRequest,
    etag: String,
    audience: Audience,
    numbered: bool,
    filename: &str,
    download: bool,
    pdf: Vec<u8>,
) -> HttpResponse {
    let cache = match (audience, numbered) {
        (Audience::Members, _) => "private, no-store",
        (Audience::Public, true) => "public, max-age=31536000, immutable",
        (Audience::Public, false) => "public, max-age=60",
    };
    if crate::web::etag_matches(req, &etag) {
        return HttpResponse::NotModified()
            .insert_header((header::ETAG, etag))
            .insert_header((header::CACHE_CONTROL, cache))
            .finish();
    }
    HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, cache))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "{}; filename=\"{filename}\"",
                if download { "attachment" } else { "inline" }
            ),
        ))
        .body(pdf)
}

/// A file-name-safe form of a name: "borgerrepraesentationen".
fn calendar(body: String, filename: &str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{filename}\""),
        ))
        .body(body)
}

/// `GET /meetings/{id}/minutes.pdf`: the published minutes (the latest version, or
/// `?version=N`), with closed items' decisions for the members and the secretariat only.
pub async fn minutes_pdf(
    req: HttpRequest,
    state: web::Data<AppState>,
    MaybeUser(user, _): MaybeUser,
    path: web::Path<MeetingId>,
    query: web::Query<VersionQuery>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let asked = query.version;
    let download = query.download.is_some();
    let (meeting, version, audience, pdf) = state
        .db
        .run(move |conn| {
            let meeting = meetings::get(conn, id)?
                .ok_or_else(|| AppError::not_found("error-the-meeting-does-not-exist"))?;
            let unpublished = || AppError::not_found("error-the-meetings-minutes-have-not-been");
            let published: Vec<_> = crate::db::minutes::versions(conn, id)?
                .into_iter()
                .filter(|m| m.published_at.is_some())
                .collect();
            let minutes = match asked {
                Some(v) => published.into_iter().find(|m| m.version as u32 == v),
                None => published.into_iter().next(),
            }
            .ok_or_else(unpublished)?;
            let audience = audience_for(conn, user.as_ref(), &meeting)?;
            let pdf = crate::db::minutes::document(conn, minutes.id, audience)?
                .ok_or_else(unpublished)?;
            Ok((meeting, minutes.version, audience, pdf))
        })
        .await?;
    let etag = format!("\"minutes-{id}-v{version}-{}\"", audience.as_str());
    let filename =
        crate::urls::minutes_pdf_filename(&meeting.organization_name, meeting.starts_at, version);
    Ok(version_pdf(
        &req,
        etag,
        audience,
        asked.is_some(),
        &filename,
        download,
        pdf,
    ))
}

/// `GET /meetings/{id}/meeting.ics`: one meeting, to put in a calendar.
pub async fn meeting_ics(
    state: web::Data<AppState>,
    path: web::Path<MeetingId>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let (meeting, versions) = state
        .db
        .run(move |conn| {
            let meeting = meetings::get(conn, id)?
                .ok_or_else(|| AppError::not_found("error-the-meeting-does-not-exist"))?;
            let versions = agenda::latest_versions(conn, &[id])?;
            Ok((meeting, versions))
        })
        .await?;
    let lang = crate::web::language::answering_in();
    let event = meeting_event(
        lang,
        &meeting,
        &state.settings.base_url,
        versions.get(&id).copied().unwrap_or(0),
        meeting.updated_at,
    );
    let name = crate::read::calendar::meeting_name(lang, &meeting.organization_name);
    Ok(calendar(
        ical::publish(&name, std::slice::from_ref(&event)),
        &format!("moede-{id}.ics"),
    ))
}

/// `GET /organizations/{id}/meetings.ics`: a council's or committee's meetings, to subscribe to.
pub async fn organization_ics(
    state: web::Data<AppState>,
    path: web::Path<OrganizationId>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let (name, list, versions) = state
        .db
        .run(move |conn| {
            let name = meetings::body_name(conn, id)?;
            let from = Utc::now() - Duration::days(CALENDAR_HISTORY_DAYS);
            let list = meetings::upcoming(conn, id, from, CALENDAR_MAX_EVENTS)?;
            let ids: Vec<MeetingId> = list.iter().map(|m| m.id).collect();
            let versions = agenda::latest_versions(conn, &ids)?;
            Ok((name, list, versions))
        })
        .await?;
    let base = &state.settings.base_url;
    let lang = crate::web::language::answering_in();
    let events: Vec<ical::Event> = list
        .iter()
        .map(|m| {
            meeting_event(
                lang,
                m,
                base,
                versions.get(&m.id).copied().unwrap_or(0),
                m.updated_at,
            )
        })
        .collect();
    Ok(calendar(
        ical::publish(
            &crate::i18n::t_with(
                lang,
                "ics-meetings",
                &[("organization", name.clone().into())],
            ),
            &events,
        ),
        &format!("moeder-{}.ics", crate::urls::slug(&name)),
    ))
}

/// `GET /meetings/{id}/attachments/{attachment}`: a file on an agenda item. The public gets a
/// public file on an open item of a released version; members of the body any file of a
/// released version; the secretariat every file of the meeting.
pub async fn attachment(
    state: web::Data<AppState>,
    MaybeUser(user, _): MaybeUser,
    path: web::Path<(MeetingId, AttachmentId)>,
    query: web::Query<crate::web::forms::VersionQuery>,
) -> AppResult<HttpResponse> {
    let (id, attachment) = path.into_inner();
    let not_found = || AppError::not_found("error-the-attachment-does-not-exist-or");
    let (file, audience) = state
        .db
        .run(move |conn| {
            let meeting = meetings::get(conn, id)?.ok_or_else(not_found)?;
            let file = agenda::attachment(conn, id, attachment)?.ok_or_else(not_found)?;
            let audience = audience_for(conn, user.as_ref(), &meeting)?;
            let secretariat = user.as_ref().is_some_and(|u| u.role() == Role::Secretariat);
            if !secretariat && !agenda::attachment_released(conn, id, attachment, audience)? {
                return Err(not_found());
            }
            Ok((file, audience))
        })
        .await?;
    // PDFs and pictures open in the browser unless a download is asked; everything else is a
    // download.
    let inline = query.download.is_none()
        && (file.content_type == "application/pdf" || file.content_type.starts_with("image/"));
    let encoded: String = url::form_urlencoded::byte_serialize(file.filename.as_bytes()).collect();
    let ascii: String = file
        .filename
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    Ok(HttpResponse::Ok()
        .content_type(file.content_type.clone())
        .insert_header((
            header::CACHE_CONTROL,
            match audience {
                Audience::Public => "public, max-age=3600",
                Audience::Members => "private, no-store",
            },
        ))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "{}; filename=\"{ascii}\"; filename*=UTF-8''{}",
                if inline { "inline" } else { "attachment" },
                encoded.replace('+', "%20")
            ),
        ))
        .body(file.content))
}

/// `GET /organizations/{id}/feed.atom`: every agenda a council or committee releases (and each
/// supplement), newest first. Closed items appear by title only, as on the public page.
pub async fn organization_feed(
    state: web::Data<AppState>,
    path: web::Path<OrganizationId>,
) -> AppResult<HttpResponse> {
    let lang = crate::web::language::answering_in();
    let feed = feed_of(lang, &state, path.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .content_type("application/atom+xml; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .body(feed.to_xml()))
}

/// The body's feed, for the Atom document and its page alike.
async fn feed_of(
    lang: crate::domain::language::Lang,
    state: &AppState,
    id: OrganizationId,
) -> AppResult<crate::domain::atom::Feed> {
    let base = state.settings.base_url.clone();
    state
        .db
        .run(move |conn| crate::read::feed::organization(lang, conn, &base, id))
        .await
}

/// `GET /organizations/{id}/feed`: the feed for a person, who followed the link and is no feed
/// reader: what a feed is, its address to copy into one, and the same entries as the Atom.
pub async fn organization_feed_page(
    state: web::Data<AppState>,
    crate::web::auth::MaybeUser(user, lang): crate::web::auth::MaybeUser,
    path: web::Path<OrganizationId>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let feed = feed_of(lang, &state, id).await?;
    #[derive(serde::Serialize)]
    struct Entry {
        title: String,
        url: String,
        updated: crate::web::views::When,
        summary: Vec<String>,
    }
    #[derive(serde::Serialize)]
    struct FeedPage {
        organization_id: OrganizationId,
        title: String,
        feed_url: String,
        entries: Vec<Entry>,
    }
    let view = FeedPage {
        organization_id: id,
        title: feed.title.clone(),
        feed_url: feed.self_url.clone(),
        entries: feed
            .entries
            .iter()
            .map(|e| Entry {
                title: e.title.clone(),
                url: e.url.clone(),
                updated: crate::web::views::When::new(lang, e.updated),
                summary: e.summary.lines().map(str::to_owned).collect(),
            })
            .collect(),
    };
    let body = crate::web::templates::render_page(
        "public/feed.html",
        crate::web::templates::Viewer::new(&state.site(), user.as_ref(), lang),
        &view,
    )?;
    Ok(super::pages::html(user.as_ref(), body))
}

#[cfg(test)]
mod tests {

    #[test]
    fn slugs_are_ascii() {
        use crate::urls::slug;
        assert_eq!(slug("Borgerrepræsentationen"), "borgerrepraesentationen");
        assert_eq!(slug("Teknik- og Miljøudvalget"), "teknik-og-miljoeudvalget");
        assert_eq!(slug("  Å "), "aa");
    }
}
