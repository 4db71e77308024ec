//! Meetings of councils and committees.

text_enum!(
    /// Where a meeting stands. The agenda's own versions are kept apart (see `agenda`).
    MeetingStatus {
        Planned = "planned" / "Planlagt",
        AgendaReleased = "agenda_released" / "Dagsorden udsendt",
        Held = "held" / "Afholdt",
        MinutesPublished = "minutes_published" / "Beslutningsprotokol offentliggjort",
        Cancelled = "cancelled" / "Aflyst",
    }
);

text_enum!(
    MeetingKind {
        Regular = "regular" / "Ordinært møde",
        Extraordinary = "extraordinary" / "Ekstraordinært møde",
    }
);

text_enum!(
    /// A person's part in a meeting.
    AttendanceStatus {
        Present = "present" / "Til stede",
        Absent = "absent" / "Fraværende",
        Substitute = "substitute" / "Stedfortræder",
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
