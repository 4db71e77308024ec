//! iCalendar (RFC 5545) for meetings: invitations to members and the public calendars.
//!
//! Times are written in Europe/Copenhagen with the zone's VTIMEZONE, so a calendar shows
//! "17:30" in Copenhagen whatever the reader's own zone is, across both DST changes.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::time::local;

/// A meeting without a planned end is shown as lasting this long.
pub const DEFAULT_DURATION: Duration = Duration::hours(3);

const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\n\
TZID:Europe/Copenhagen\r\n\
BEGIN:DAYLIGHT\r\n\
TZOFFSETFROM:+0100\r\n\
TZOFFSETTO:+0200\r\n\
TZNAME:CEST\r\n\
DTSTART:19700329T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
END:DAYLIGHT\r\n\
BEGIN:STANDARD\r\n\
TZOFFSETFROM:+0200\r\n\
TZOFFSETTO:+0100\r\n\
TZNAME:CET\r\n\
DTSTART:19701025T030000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n\
END:STANDARD\r\n\
END:VTIMEZONE\r\n";

/// A meeting as a calendar event.
#[derive(Debug, Clone)]
pub struct Event {
    /// Stable across versions, so a calendar replaces the event rather than adding another.
    pub uid: String,
    /// Raised with every new version of the invitation.
    pub sequence: u32,
    pub summary: String,
    pub location: String,
    pub description: String,
    pub url: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: Option<DateTime<Utc>>,
    pub stamp: DateTime<Utc>,
    pub cancelled: bool,
}

/// Who invites and who is invited, for `METHOD:REQUEST`.
#[derive(Debug, Clone)]
pub struct Invitation {
    pub organizer_name: String,
    pub organizer_email: String,
    pub attendee_name: String,
    pub attendee_email: String,
}

/// A published calendar (`METHOD:PUBLISH`): the feed of a body, or one meeting to download.
pub fn publish(name: &str, events: &[Event]) -> String {
    calendar("PUBLISH", Some(name), events, None)
}

/// An invitation to one member (`METHOD:REQUEST`), sent with the agenda.
pub fn invitation(event: &Event, to: &Invitation) -> String {
    calendar("REQUEST", None, std::slice::from_ref(event), Some(to))
}

fn calendar(method: &str, name: Option<&str>, events: &[Event], to: Option<&Invitation>) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Agendum//Agendum//DA");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, &format!("METHOD:{method}"));
    if let Some(name) = name {
        line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
        line(&mut out, "X-WR-TIMEZONE:Europe/Copenhagen");
    }
    out.push_str(VTIMEZONE);
    for event in events {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", escape(&event.uid)));
        line(&mut out, &format!("SEQUENCE:{}", event.sequence));
        line(&mut out, &format!("DTSTAMP:{}", utc(event.stamp)));
        line(
            &mut out,
            &format!("DTSTART;TZID=Europe/Copenhagen:{}", wall(event.starts_at)),
        );
        let ends_at = event.ends_at.unwrap_or(event.starts_at + DEFAULT_DURATION);
        line(
            &mut out,
            &format!("DTEND;TZID=Europe/Copenhagen:{}", wall(ends_at)),
        );
        line(&mut out, &format!("SUMMARY:{}", escape(&event.summary)));
        line(&mut out, &format!("LOCATION:{}", escape(&event.location)));
        if !event.description.is_empty() {
            line(
                &mut out,
                &format!("DESCRIPTION:{}", escape(&event.description)),
            );
        }
        if let Some(url) = &event.url {
            line(&mut out, &format!("URL:{url}"));
        }
        line(
            &mut out,
            if event.cancelled {
                "STATUS:CANCELLED"
            } else {
                "STATUS:CONFIRMED"
            },
        );
        if let Some(to) = to {
            line(
                &mut out,
                &format!(
                    "ORGANIZER;CN={}:mailto:{}",
                    param(&to.organizer_name),
                    to.organizer_email
                ),
            );
            line(
                &mut out,
                &format!(
                    "ATTENDEE;CN={};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:{}",
                    param(&to.attendee_name),
                    to.attendee_email
                ),
            );
        }
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// A follow-up task's deadline: an all-day event on the day (which every calendar shows) and
/// a to-do due that day (for those that keep task lists), under one UID per task.
#[derive(Debug, Clone)]
pub struct Deadline {
    /// Stable for the task; `sequence` grows when the deadline moves.
    pub uid: String,
    pub sequence: u32,
    pub summary: String,
    pub description: String,
    pub url: Option<String>,
    pub due: NaiveDate,
    pub stamp: DateTime<Utc>,
}

/// The deadline as a published calendar (`METHOD:PUBLISH`): nothing to answer, only to keep.
pub fn deadline(d: &Deadline) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Agendum//Agendum//DA");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    let day = d.due.format("%Y%m%d").to_string();
    let next = d
        .due
        .succ_opt()
        .unwrap_or(d.due)
        .format("%Y%m%d")
        .to_string();
    for (component, uid) in [
        ("VEVENT", format!("event-{}", d.uid)),
        ("VTODO", format!("todo-{}", d.uid)),
    ] {
        line(&mut out, &format!("BEGIN:{component}"));
        line(&mut out, &format!("UID:{}", escape(&uid)));
        line(&mut out, &format!("SEQUENCE:{}", d.sequence));
        line(&mut out, &format!("DTSTAMP:{}", utc(d.stamp)));
        if component == "VEVENT" {
            line(&mut out, &format!("DTSTART;VALUE=DATE:{day}"));
            line(&mut out, &format!("DTEND;VALUE=DATE:{next}"));
            line(&mut out, "TRANSP:TRANSPARENT");
        } else {
            line(&mut out, &format!("DUE;VALUE=DATE:{day}"));
            line(&mut out, "STATUS:NEEDS-ACTION");
        }
        line(&mut out, &format!("SUMMARY:{}", escape(&d.summary)));
        if !d.description.is_empty() {
            line(&mut out, &format!("DESCRIPTION:{}", escape(&d.description)));
        }
        if let Some(url) = &d.url {
            line(&mut out, &format!("URL:{url}"));
        }
        line(&mut out, &format!("END:{component}"));
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn utc(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

fn wall(at: DateTime<Utc>) -> String {
    local(at).format("%Y%m%dT%H%M%S").to_string()
}

/// TEXT values: backslash, semicolon, comma and newlines are escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value (a name in `CN=`): quoted, without the characters a quoted value cannot hold.
fn param(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter(|c| !matches!(c, '"' | '\r' | '\n'))
        .collect();
    format!("\"{clean}\"")
}

/// Writes one content line, folded at 75 octets without splitting a character.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// Undoes folding: the content lines of a calendar (for reading one back).
pub fn unfold(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for raw in text.split("\r\n") {
        if let Some(rest) = raw.strip_prefix(' ') {
            if let Some(last) = lines.last_mut() {
                last.push_str(rest);
            }
        } else if !raw.is_empty() {
            lines.push(raw.to_owned());
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_deadline_is_an_all_day_event_and_a_to_do() {
        let due = chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
        let text = super::deadline(&super::Deadline {
            uid: "task-7@agendum.test".into(),
            sequence: 1,
            summary: "Frist: Oversigt over brugen af X, Økonomiforvaltningen".into(),
            description: "1. at-punkt; svar til Økonomiudvalget".into(),
            url: Some("https://agendum.test/tasks/7".into()),
            due,
            stamp: chrono::DateTime::parse_from_rfc3339("2025-05-01T10:00:00Z")
                .unwrap()
                .to_utc(),
        });
        assert!(text.split("\r\n").all(|l| l.len() <= 75));
        let lines = super::unfold(&text);
        let has = |l: &str| lines.iter().any(|x| x == l);
        assert!(has("METHOD:PUBLISH"));
        assert!(has("BEGIN:VEVENT") && has("BEGIN:VTODO"));
        assert!(has("DTSTART;VALUE=DATE:20250630") && has("DTEND;VALUE=DATE:20250701"));
        assert!(has("DUE;VALUE=DATE:20250630"));
        assert!(has("UID:event-task-7@agendum.test") && has("UID:todo-task-7@agendum.test"));
        assert!(has("SEQUENCE:1"));
        assert!(has(
            "SUMMARY:Frist: Oversigt over brugen af X\\, Økonomiforvaltningen"
        ));
        assert!(has("DESCRIPTION:1. at-punkt\\; svar til Økonomiudvalget"));
    }

    use super::*;

    fn event() -> Event {
        Event {
            uid: "meeting-1@agendum.example".into(),
            sequence: 0,
            summary: "Borgerrepræsentationen, ordinært møde".into(),
            location: "Borgerrepræsentationens mødesal, Rådhuset; 1. sal".into(),
            description: "Dagsorden: https://example.org/meetings/1\nPunkt 1, 2".into(),
            url: Some("https://example.org/meetings/1".into()),
            starts_at: "2025-04-30T15:30:00Z".parse().unwrap(),
            ends_at: None,
            stamp: "2025-04-24T10:00:00Z".parse().unwrap(),
            cancelled: false,
        }
    }

    #[test]
    fn times_are_copenhagen_wall_clock_with_the_zone() {
        let text = publish("Borgerrepræsentationen", &[event()]);
        let lines = unfold(&text);
        assert!(lines.contains(&"DTSTART;TZID=Europe/Copenhagen:20250430T173000".into()));
        assert!(lines.contains(&"DTEND;TZID=Europe/Copenhagen:20250430T203000".into()));
        assert!(lines.contains(&"DTSTAMP:20250424T100000Z".into()));
        assert!(lines.contains(&"TZID:Europe/Copenhagen".into()));
        // Winter time: 18:00 UTC in January is 19:00 in Copenhagen.
        let mut winter = event();
        winter.starts_at = "2026-01-15T18:00:00Z".parse().unwrap();
        let lines = unfold(&publish("x", &[winter]));
        assert!(lines.contains(&"DTSTART;TZID=Europe/Copenhagen:20260115T190000".into()));
    }

    #[test]
    fn text_is_escaped_and_lines_folded_on_character_boundaries() {
        let text = publish("Borgerrepræsentationen", &[event()]);
        for raw in text.split("\r\n") {
            assert!(raw.len() <= 75, "{raw:?} is {} octets", raw.len());
        }
        assert!(!text.contains("\n\n") && text.ends_with("END:VCALENDAR\r\n"));
        let lines = unfold(&text);
        assert!(
            lines
                .contains(&"LOCATION:Borgerrepræsentationens mødesal\\, Rådhuset\\; 1. sal".into())
        );
        assert!(lines.contains(
            &"DESCRIPTION:Dagsorden: https://example.org/meetings/1\\nPunkt 1\\, 2".into()
        ));
        let long = "æ".repeat(100);
        let mut folded = String::new();
        line(&mut folded, &long);
        assert_eq!(unfold(&folded), [long]);
    }

    #[test]
    fn an_invitation_names_organizer_and_attendee() {
        let text = invitation(
            &event(),
            &Invitation {
                organizer_name: "Agendum".into(),
                organizer_email: "noreply@example.org".into(),
                attendee_name: "Maja \"M\" Holm".into(),
                attendee_email: "maja@example.org".into(),
            },
        );
        let lines = unfold(&text);
        assert!(lines.contains(&"METHOD:REQUEST".into()));
        assert!(lines.contains(&"ORGANIZER;CN=\"Agendum\":mailto:noreply@example.org".into()));
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("ATTENDEE;CN=\"Maja M Holm\";")
                    && l.ends_with(":mailto:maja@example.org"))
        );
    }
}
