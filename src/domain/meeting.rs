//! Meetings of councils and committees.

use super::language::Lang;
use chrono::{DateTime, Utc};

text_enum!(
    /// Where a meeting stands. The agenda's own versions are kept apart (see `agenda`).
    MeetingStatus {
        Planned = "planned",
        AgendaReleased = "agenda_released",
        Held = "held",
        MinutesPublished = "minutes_published",
        Cancelled = "cancelled",
    }
);

text_enum!(
    MeetingKind {
        Regular = "regular",
        Extraordinary = "extraordinary",
    }
);

text_enum!(
    /// A person's part in a meeting.
    AttendanceStatus {
        Present = "present",
        Absent = "absent",
        Substitute = "substitute",
    }
);

impl MeetingStatus {
    /// A released agenda is public; before release only the date, time and place are.
    pub fn agenda_is_released(self) -> bool {
        matches!(
            self,
            Self::AgendaReleased | Self::Held | Self::MinutesPublished
        )
    }
}

/// What happens to a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingEvent {
    /// Its agenda is released (the first version or a supplement).
    ReleaseAgenda,
    /// A decision is recorded: the meeting has been held.
    RecordDecision,
    /// Its minutes are approved and published.
    PublishMinutes,
    /// A correction of published minutes is drafted: decisions may change again.
    CorrectMinutes,
}

impl MeetingEvent {
    /// The catalogue key of what the step does to a meeting.
    fn verb_key(self) -> &'static str {
        match self {
            Self::ReleaseAgenda => "meeting-step-release",
            Self::RecordDecision => "meeting-step-decide",
            Self::PublishMinutes => "meeting-step-publish-minutes",
            Self::CorrectMinutes => "meeting-step-correct-minutes",
        }
    }
}

impl From<MeetingTransitionError> for crate::i18n::Msg {
    fn from(err: MeetingTransitionError) -> Self {
        crate::i18n::Msg::key("error-meeting-step")
            .label("status", err.from.label_key())
            .label("step", err.event.verb_key())
    }
}

/// A step the meeting's status does not allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::i18n::Msg::from(*self))]
pub struct MeetingTransitionError {
    pub from: MeetingStatus,
    pub event: MeetingEvent,
}

impl MeetingStatus {
    /// The status after `event`, or why it is not allowed.
    pub fn after(self, event: MeetingEvent) -> Result<MeetingStatus, MeetingTransitionError> {
        use MeetingStatus::*;
        let next = match (self, event) {
            (Planned | AgendaReleased, MeetingEvent::ReleaseAgenda) => AgendaReleased,
            (AgendaReleased | Held, MeetingEvent::RecordDecision) => Held,
            (Held, MeetingEvent::PublishMinutes) => MinutesPublished,
            (MinutesPublished, MeetingEvent::CorrectMinutes) => Held,
            // A first draft of the minutes changes nothing.
            (Held | AgendaReleased, MeetingEvent::CorrectMinutes) => self,
            _ => return Err(MeetingTransitionError { from: self, event }),
        };
        Ok(next)
    }
}

impl MeetingStatus {
    /// The status as a reader should be told it at `now`: a released agenda of a meeting that
    /// has begun is a meeting held (its minutes are the next step), and a planned meeting whose
    /// time has passed without an agenda was not held as planned. The stored status changes
    /// only by `after()`; this is its true wording on the day.
    pub fn label_at_key(self, starts_at: DateTime<Utc>, now: DateTime<Utc>) -> &'static str {
        let begun = starts_at <= now;
        let same_day =
            super::time::local(starts_at).date_naive() == super::time::local(now).date_naive();
        match self {
            Self::Planned if begun => "meeting-status-not-released",
            Self::AgendaReleased | Self::Held if begun && same_day => "meeting-status-today",
            Self::AgendaReleased | Self::Held if begun => "meeting-status-minutes-follow",
            Self::Held => "meeting-status-minutes-follow",
            other => other.label_key(),
        }
    }

    /// `label_at_key` in `lang`.
    pub fn label_at(self, lang: Lang, starts_at: DateTime<Utc>, now: DateTime<Utc>) -> String {
        crate::i18n::t(lang, self.label_at_key(starts_at, now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_a_reader_sees_follows_the_clock() {
        use MeetingStatus::*;
        let at = |text: &str| {
            chrono::DateTime::parse_from_rfc3339(text)
                .unwrap()
                .with_timezone(&Utc)
        };
        let meeting = at("2025-04-30T15:30:00Z");
        let before = at("2025-04-29T10:00:00Z");
        let evening = at("2025-04-30T19:00:00Z");
        let years_later = at("2026-12-07T10:00:00Z");
        let held = "Afholdt – beslutningsprotokollen følger";
        for (status, now, expected) in [
            (AgendaReleased, before, "Dagsorden udsendt"),
            (AgendaReleased, evening, "Holdes i dag"),
            (AgendaReleased, years_later, held),
            (Held, years_later, held),
            (
                MinutesPublished,
                years_later,
                "Beslutningsprotokol offentliggjort",
            ),
            (Planned, before, "Planlagt"),
            (Planned, years_later, "Dagsorden ikke udsendt"),
            (Cancelled, years_later, "Aflyst"),
        ] {
            assert_eq!(
                status.label_at(Lang::Da, meeting, now),
                expected,
                "{status:?} at {now}"
            );
        }
    }

    #[test]
    fn a_meeting_goes_from_planned_to_published_minutes_and_back_for_a_correction() {
        use MeetingEvent::*;
        use MeetingStatus::*;
        let mut status = Planned;
        for (event, expected) in [
            (ReleaseAgenda, AgendaReleased),
            (ReleaseAgenda, AgendaReleased),
            (RecordDecision, Held),
            (RecordDecision, Held),
            (PublishMinutes, MinutesPublished),
            (CorrectMinutes, Held),
            (PublishMinutes, MinutesPublished),
        ] {
            status = status.after(event).unwrap();
            assert_eq!(status, expected, "{event:?}");
        }
    }

    #[test]
    fn refused_steps() {
        use MeetingEvent::*;
        use MeetingStatus::*;
        for (from, event) in [
            (Cancelled, ReleaseAgenda),
            (Held, ReleaseAgenda),
            (MinutesPublished, ReleaseAgenda),
            (Planned, RecordDecision),
            (MinutesPublished, RecordDecision),
            (Cancelled, RecordDecision),
            (AgendaReleased, PublishMinutes),
            (Planned, PublishMinutes),
            (MinutesPublished, PublishMinutes),
            (Planned, CorrectMinutes),
        ] {
            let err = from.after(event).unwrap_err();
            assert_eq!(err, MeetingTransitionError { from, event });
            assert!(err.to_string().starts_with("Et møde med status »"), "{err}");
        }
    }
}
