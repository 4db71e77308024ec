//! A meeting in people's calendars (ICS), from the same meeting record as its page.

use crate::db::meetings::Meeting;
use crate::domain::ical::Event;
use crate::domain::meeting::MeetingStatus;

/// "Møde i Borgerrepræsentationen": a meeting's name in calendars.
pub fn meeting_name(lang: crate::domain::language::Lang, organization: &str) -> String {
    crate::i18n::t_with(
        lang,
        "ics-meeting",
        &[("organization", organization.into())],
    )
}

/// The meeting as a calendar event: one UID per meeting for its whole life, and a sequence that
/// grows with every released version, so calendars replace the event instead of adding one.
pub fn meeting_event(
    lang: crate::domain::language::Lang,
    meeting: &Meeting,
    base_url: &str,
    versions_released: u32,
    stamp: chrono::DateTime<chrono::Utc>,
) -> Event {
    let host = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest)
        .split(['/', ':'])
        .next()
        .unwrap_or("agendum");
    let url = format!("{base_url}/meetings/{}", meeting.id);
    Event {
        uid: format!("meeting-{}@{host}", meeting.id),
        sequence: versions_released.saturating_sub(1),
        summary: meeting_name(lang, &meeting.organization_name),
        location: meeting.location.clone(),
        description: crate::i18n::t_with(
            lang,
            if versions_released > 0 {
                "ics-agenda-at"
            } else {
                "ics-agenda-later"
            },
            &[("url", url.clone().into())],
        ),
        url: Some(url),
        starts_at: meeting.starts_at,
        ends_at: meeting.ends_at,
        stamp,
        cancelled: meeting.status == MeetingStatus::Cancelled,
    }
}
