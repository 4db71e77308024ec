//! Follow-up tasks (opfølgningsopgaver): their states, when one is overdue, and which reminder
//! is due.

use chrono::{Days, NaiveDate};

/// Administrations contributing to one task, and committees consulted on one referral: every
/// organization of a large municipality, with room to spare.
pub const ORGANIZATIONS_MAX: usize = 100;

text_enum!(
    /// Where an administration's contribution to another's task stands.
    ContributionStatus {
        Requested = "requested",
        Seen = "seen",
        Answered = "answered",
    }
);

text_enum!(
    /// Where a task stands. Overdue is not a state: it is computed from the deadline.
    TaskStatus {
        Sent = "sent",
        Seen = "seen",
        InProgress = "in_progress",
        Answered = "answered",
        Presented = "presented",
        Closed = "closed",
    }
);

/// Something that happens to a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskEvent {
    /// The administration opened the task (its link or its page).
    Opened,
    /// The administration saved a draft answer or a contribution came in.
    Worked,
    /// The lead's answer was submitted.
    Answered,
    /// The secretariat sends the answer back for more work.
    Returned,
    /// The answer was put on the target meeting's agenda.
    Presented,
    /// The secretariat closes the task.
    Close,
}

/// A step the task's state does not allow: the catalogue key of what the user is told.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct TaskStateError(pub &'static str);

/// Where a task stands for the follow-up overviews: open, open past its deadline, answered
/// (or presented), or closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    Open,
    Overdue,
    Answered,
    Closed,
}

impl Standing {
    pub const ALL: [Standing; 4] = [Self::Open, Self::Overdue, Self::Answered, Self::Closed];

    pub fn of(status: TaskStatus, deadline: Option<NaiveDate>, today: NaiveDate) -> Self {
        if status == TaskStatus::Closed {
            Self::Closed
        } else if status.is_overdue(deadline, today) {
            Self::Overdue
        } else if status.is_open() {
            Self::Open
        } else {
            Self::Answered
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Overdue => "overdue",
            Self::Answered => "answered",
            Self::Closed => "closed",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// The statuses a task in this standing has (overdue and open differ by the deadline).
    pub fn statuses(self) -> &'static [TaskStatus] {
        match self {
            Self::Open | Self::Overdue => {
                &[TaskStatus::Sent, TaskStatus::Seen, TaskStatus::InProgress]
            }
            Self::Answered => &[TaskStatus::Answered, TaskStatus::Presented],
            Self::Closed => &[TaskStatus::Closed],
        }
    }
}

impl TaskStatus {
    /// Still waiting for the administration.
    pub fn is_open(self) -> bool {
        matches!(self, Self::Sent | Self::Seen | Self::InProgress)
    }

    /// An open task past its deadline. A task without a deadline is never overdue.
    pub fn is_overdue(self, deadline: Option<NaiveDate>, today: NaiveDate) -> bool {
        self.is_open() && deadline.is_some_and(|d| today > d)
    }

    /// The state after `event`. Seeing or working on a task never moves it backwards.
    pub fn after(self, event: TaskEvent) -> Result<TaskStatus, TaskStateError> {
        use TaskEvent as E;
        use TaskStatus as S;
        match (self, event) {
            (S::Sent, E::Opened) => Ok(S::Seen),
            (s, E::Opened) => Ok(s),
            (S::Sent | S::Seen | S::InProgress, E::Worked) => Ok(S::InProgress),
            (S::Sent | S::Seen | S::InProgress, E::Answered) => Ok(S::Answered),
            (S::Answered, E::Returned) => Ok(S::InProgress),
            (S::Answered, E::Presented) => Ok(S::Presented),
            (S::Closed, E::Close) => Err(TaskStateError("error-task-already-closed")),
            (_, E::Close) => Ok(S::Closed),
            (S::Answered | S::Presented, E::Worked | E::Answered) => {
                Err(TaskStateError("error-task-already-answered"))
            }
            (S::Closed, _) => Err(TaskStateError("error-task-closed-cannot-be-answered")),
            (_, E::Returned) => Err(TaskStateError("error-task-only-an-answer-goes-back")),
            (_, E::Presented) => Err(TaskStateError("error-task-must-be-answered-first")),
        }
    }
}

/// A reminder about one deadline: some days before it, or the escalation once it has passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reminder {
    Before { days: u32, deadline: NaiveDate },
    Overdue { deadline: NaiveDate },
}

impl Reminder {
    /// Stored with the task once sent; unique per task, so a reminder goes out once even when
    /// two servers or a restarted one look at the same task. A new deadline makes new keys.
    pub fn key(&self) -> String {
        match self {
            Self::Before { days, deadline } => format!("before-{days}-{deadline}"),
            Self::Overdue { deadline } => format!("overdue-{deadline}"),
        }
    }
}

/// The reminder due for an open task today, if any. `offsets` are days before the deadline
/// (7 and 1 by default); `sent_on` is the day the task was sent (a reminder that would fall
/// before it is not needed: the task mail itself came later); `already` are the keys sent.
///
/// When several are due at once (the server was down) only the closest goes out; the ones
/// further from the deadline are then no longer useful.
pub fn due_reminder(
    deadline: NaiveDate,
    sent_on: NaiveDate,
    today: NaiveDate,
    offsets: &[u32],
    already: &[String],
) -> Option<Reminder> {
    if today > deadline {
        let overdue = Reminder::Overdue { deadline };
        return (!already.contains(&overdue.key())).then_some(overdue);
    }
    let mut offsets: Vec<u32> = offsets.to_vec();
    offsets.sort_unstable();
    offsets.dedup();
    let reached = |days: u32| {
        deadline
            .checked_sub_days(Days::new(days.into()))
            .is_some_and(|at| at <= today && at > sent_on)
    };
    let closest = offsets.iter().copied().find(|&days| reached(days))?;
    // A closer reminder (fewer days) already sent covers this one too.
    let covered = offsets
        .iter()
        .filter(|&&days| days <= closest)
        .any(|&days| already.contains(&Reminder::Before { days, deadline }.key()));
    (!covered).then_some(Reminder::Before {
        days: closest,
        deadline,
    })
}

#[cfg(test)]
mod standing_tests {
    use super::*;

    #[test]
    fn standing_follows_status_and_deadline() {
        let today = NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
        let past = NaiveDate::from_ymd_opt(2025, 6, 30);
        let due_today = Some(today);
        for status in TaskStatus::ALL {
            let standing = Standing::of(*status, past, today);
            assert!(
                standing.statuses().contains(status),
                "{status:?} {standing:?}"
            );
        }
        assert_eq!(
            Standing::of(TaskStatus::Seen, past, today),
            Standing::Overdue
        );
        assert_eq!(
            Standing::of(TaskStatus::Seen, due_today, today),
            Standing::Open
        );
        assert_eq!(Standing::of(TaskStatus::Sent, None, today), Standing::Open);
        assert_eq!(
            Standing::of(TaskStatus::Presented, past, today),
            Standing::Answered
        );
        assert_eq!(
            Standing::of(TaskStatus::Closed, past, today),
            Standing::Closed
        );
        for s in Standing::ALL {
            assert_eq!(Standing::parse(s.as_str()), Some(s));
        }
        assert_eq!(Standing::parse("late"), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn states_move_forward_only() {
        use TaskEvent as E;
        use TaskStatus as S;
        assert_eq!(S::Sent.after(E::Opened), Ok(S::Seen));
        assert_eq!(S::InProgress.after(E::Opened), Ok(S::InProgress));
        assert_eq!(S::Seen.after(E::Worked), Ok(S::InProgress));
        assert_eq!(S::Sent.after(E::Answered), Ok(S::Answered));
        assert_eq!(S::Answered.after(E::Returned), Ok(S::InProgress));
        assert_eq!(S::Answered.after(E::Presented), Ok(S::Presented));
        assert_eq!(S::Presented.after(E::Close), Ok(S::Closed));
        assert_eq!(
            S::Closed.after(E::Answered).unwrap_err().0,
            "error-task-closed-cannot-be-answered"
        );
        assert_eq!(
            S::Answered.after(E::Answered).unwrap_err().0,
            "error-task-already-answered"
        );
        assert!(S::Sent.after(E::Presented).is_err());
        assert!(S::Closed.after(E::Close).is_err());
    }

    #[test]
    fn overdue_is_computed() {
        let deadline = Some(d(2025, 6, 30));
        assert!(!TaskStatus::Sent.is_overdue(deadline, d(2025, 6, 30)));
        assert!(TaskStatus::Sent.is_overdue(deadline, d(2025, 7, 1)));
        assert!(TaskStatus::InProgress.is_overdue(deadline, d(2025, 7, 1)));
        assert!(!TaskStatus::Answered.is_overdue(deadline, d(2025, 7, 1)));
        assert!(!TaskStatus::Sent.is_overdue(None, d(2030, 1, 1)));
    }

    #[test]
    fn reminders_at_their_offsets_once_each() {
        let deadline = d(2025, 6, 30);
        let sent = d(2025, 5, 2);
        let offsets = [7, 1];
        let mut already = Vec::new();
        let mut log = Vec::new();
        let mut day = sent;
        while day <= d(2025, 7, 5) {
            if let Some(r) = due_reminder(deadline, sent, day, &offsets, &already) {
                already.push(r.key());
                log.push((day, r));
            }
            day = day.succ_opt().unwrap();
        }
        assert_eq!(
            log,
            vec![
                (d(2025, 6, 23), Reminder::Before { days: 7, deadline }),
                (d(2025, 6, 29), Reminder::Before { days: 1, deadline }),
                (d(2025, 7, 1), Reminder::Overdue { deadline }),
            ]
        );
    }

    #[test]
    fn a_late_look_sends_only_the_closest_and_a_short_task_skips_the_early_one() {
        let deadline = d(2025, 6, 30);
        // Down from 20 to 29 June: on the 29th only the one-day reminder goes out.
        let r = due_reminder(deadline, d(2025, 5, 2), d(2025, 6, 29), &[7, 1], &[]);
        assert_eq!(r, Some(Reminder::Before { days: 1, deadline }));
        // And the seven-day one is not sent after it.
        let after = due_reminder(
            deadline,
            d(2025, 5, 2),
            d(2025, 6, 29),
            &[7, 1],
            &[r.unwrap().key()],
        );
        assert_eq!(after, None);
        // A task sent five days before its deadline gets no seven-day reminder.
        let sent = d(2025, 6, 25);
        assert_eq!(
            due_reminder(deadline, sent, d(2025, 6, 26), &[7, 1], &[]),
            None
        );
        assert_eq!(
            due_reminder(deadline, sent, d(2025, 6, 29), &[7, 1], &[]),
            Some(Reminder::Before { days: 1, deadline })
        );
        // A new deadline (more time granted) has its own reminders.
        let later = d(2025, 8, 31);
        let old = vec![Reminder::Before { days: 1, deadline }.key()];
        assert_eq!(
            due_reminder(later, d(2025, 5, 2), d(2025, 8, 30), &[7, 1], &old),
            Some(Reminder::Before {
                days: 1,
                deadline: later
            })
        );
    }
}
