//! Member proposals: a politician's draft (checked against the meetings, parties and members
//! the politician may choose), its submission against the meeting's deadline with the receipt
//! and the secretariat's notice, and the secretariat's review (return with a comment, accept
//! with a case number). Pages and the JSON API call these same functions.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use serde_json::json;
use tera::Context;

use crate::config::Settings;
use crate::db::accounts::{self, Account};
use crate::db::audit::{self, Change};
use crate::db::organizations::{self as orgs, DeadlineSettings};
use crate::db::proposals::Proposal;
use crate::db::workflow::{self, CaseChoice, DraftUpdate, NewDraft, PROPOSAL, Step};
use crate::db::{DbConnection, meetings, write_transaction};
use crate::domain::account::{Actor, Role};
use crate::domain::language::Lang;
use crate::domain::mail::{Mailbox, OutgoingMessage};
use crate::domain::proposal::{
    CHECKLIST, CLAUSES_MAX, FieldErrors, ProposalStatus, ProposalText, SubmitterRole, check_text,
};
use crate::domain::time::datetime;
use crate::domain::{
    BodyId, CaseReference, MeetingId, OrganizationId, PersonId, ProposalId, UserId,
};
use crate::error::{AppError, AppResult};
use crate::mail::templates::{MailSite, render_mail};
use crate::urls;

// ---------------------------------------------------------------------------------------------
// The draft form

/// What the form shows: the values (kept as typed when refused) and the choices.
#[derive(Debug, Clone, Default)]
pub struct FormValues {
    pub title: String,
    pub opening: String,
    pub clauses: Vec<String>,
    pub motivation: String,
    pub party: Option<i64>,
    pub cosigners: Vec<i64>,
    pub meeting: Option<i64>,
    pub cases: String,
    pub lock: Option<i32>,
}

impl FormValues {
    pub fn from_proposal(p: &Proposal) -> Self {
        Self {
            title: p.title.clone(),
            opening: p.opening.clone(),
            clauses: p.clauses.clone(),
            motivation: p.motivation.clone(),
            party: p.submitting_party.as_ref().map(|(id, _)| id.0),
            cosigners: p
                .submitters
                .iter()
                .filter(|s| s.role == SubmitterRole::Cosigner)
                .map(|s| s.person_id.0)
                .collect(),
            meeting: p.target_meeting_id.map(|m| m.0),
            cases: p
                .case_references()
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            lock: Some(p.lock_version),
        }
    }

    /// The add / remove / move buttons of the clause list (work without JavaScript).
    pub fn apply_clause_action(&mut self, action: &str) -> bool {
        let index = |prefix: &str| {
            action
                .strip_prefix(prefix)
                .and_then(|n| n.parse::<usize>().ok())
                .filter(|n| *n >= 1 && *n <= self.clauses.len())
                .map(|n| n - 1)
        };
        if action == "add-clause" {
            if self.clauses.len() < CLAUSES_MAX {
                self.clauses.push(String::new());
            }
        } else if let Some(i) = index("remove-") {
            self.clauses.remove(i);
        } else if let Some(i) = index("up-") {
            if i > 0 {
                self.clauses.swap(i, i - 1);
            }
        } else if let Some(i) = index("down-") {
            if i + 1 < self.clauses.len() {
                self.clauses.swap(i, i + 1);
            }
        } else {
            return false;
        }
        true
    }
}

/// The politician's bodies, meetings, parties and possible co-signers, for the form.
pub struct Choices {
    pub body_id: BodyId,
    pub seats: Vec<orgs::Seat>,
    pub meetings: Vec<(meetings::Meeting, DateTime<Utc>)>,
    pub parties: Vec<orgs::Organization>,
    /// Members of the chosen body (or the first seat's): (person, name, party letter).
    pub members: Vec<orgs::Member>,
    pub members_of: Option<String>,
    /// The council's language: a new proposal's first words are in it.
    pub language: Lang,
}

pub fn person_of_account(account: &Account) -> AppResult<PersonId> {
    account
        .person_id
        .ok_or_else(|| AppError::forbidden("error-your-account-is-not-linked-to"))
}

pub fn choices(
    conn: &mut DbConnection,
    person: PersonId,
    meeting: Option<i64>,
    now: DateTime<Utc>,
) -> AppResult<Choices> {
    let today = crate::domain::time::local(now).date_naive();
    let seats = orgs::seats(conn, person, today)?;
    let ids: Vec<OrganizationId> = seats.iter().map(|s| s.organization_id).collect();
    let mut list = Vec::new();
    for m in meetings::upcoming_of(conn, &ids, now, 50)? {
        let settings = orgs::deadline_settings(conn, m.organization_id)?;
        let deadline = settings.proposal.deadline(m.starts_at, &settings.closed);
        list.push((m, deadline));
    }
    let body_id = orgs::body_of_person(conn, person)?;
    let organization = meeting
        .and_then(|id| list.iter().find(|(m, _)| m.id.0 == id))
        .map(|(m, _)| (m.organization_id, m.organization_name.clone()))
        .or_else(|| {
            seats
                .first()
                .map(|s| (s.organization_id, s.organization_name.clone()))
        });
    let (members, members_of) = match organization {
        Some((id, name)) => (orgs::members(conn, id, today)?, Some(name)),
        None => (Vec::new(), None),
    };
    Ok(Choices {
        language: crate::db::municipality::language(conn)?,
        body_id,
        parties: orgs::parties(conn, body_id)?,
        seats,
        meetings: list,
        members,
        members_of,
    })
}

/// What the posted form means, checked against the politician's choices.
pub struct CheckedForm {
    pub text: ProposalText,
    pub organization_id: OrganizationId,
    pub party: Option<OrganizationId>,
    pub cosigners: Vec<PersonId>,
    pub meeting: Option<MeetingId>,
    pub cases: Vec<CaseReference>,
}

pub fn check_form(
    values: &FormValues,
    choices: &Choices,
    raw_meeting: &str,
    now: DateTime<Utc>,
) -> Result<CheckedForm, FieldErrors> {
    let mut errors = match check_text(
        choices.language,
        &values.title,
        &values.opening,
        &values.clauses,
        &values.motivation,
    ) {
        Ok(_) => FieldErrors::default(),
        Err(e) => e,
    };
    let meeting = match values.meeting {
        None if raw_meeting.trim().is_empty() => None,
        None => {
            errors.add("meeting", "field-choose-a-meeting-on-the-list");
            None
        }
        Some(id) => match choices.meetings.iter().find(|(m, _)| m.id.0 == id) {
            Some((m, _)) if m.starts_at > now => Some(m),
            _ => {
                errors.add("meeting", "field-the-meeting-is-not-an-upcoming");
                None
            }
        },
    };
    let organization_id = meeting
        .map(|m| m.organization_id)
        .or_else(|| choices.seats.first().map(|s| s.organization_id));
    let Some(organization_id) = organization_id else {
        errors.add("meeting", "field-you-are-not-a-member-of");
        return Err(errors);
    };
    let party = match values.party {
        None => None,
        Some(id) => match choices.parties.iter().find(|p| p.id.0 == id) {
            Some(p) => Some(p.id),
            None => {
                errors.add("party", "field-choose-a-party-on-the-list");
                None
            }
        },
    };
    let members: HashSet<i64> = choices.members.iter().map(|m| m.person_id.0).collect();
    let mut cosigners = Vec::new();
    for id in &values.cosigners {
        if members.contains(id) {
            if !cosigners.contains(&PersonId(*id)) {
                cosigners.push(PersonId(*id));
            }
        } else {
            errors.add(
                "cosigners",
                crate::i18n::Msg::key("field-co-signatories-must-be-members-of")
                    .arg("arg0", choices.members_of.as_deref().unwrap_or("udvalget")),
            );
            break;
        }
    }
    let cases = CaseReference::parse_list(&values.cases).unwrap_or_else(|e| {
        errors.add("cases", e);
        Vec::new()
    });
    if !errors.is_empty() {
        return Err(errors);
    }
    let text = check_text(
        choices.language,
        &values.title,
        &values.opening,
        &values.clauses,
        &values.motivation,
    )?;
    Ok(CheckedForm {
        text,
        organization_id,
        party,
        cosigners,
        meeting: meeting.map(|m| m.id),
        cases,
    })
}

/// A new form: the title started, one empty clause, the politician's party chosen.
pub fn blank_values(choices: &Choices) -> FormValues {
    FormValues {
        title: format!(
            "{} ",
            crate::i18n::t(choices.language, "proposal-title-start")
        ),
        opening: crate::domain::proposal::default_opening(choices.language),
        clauses: vec![String::new()],
        party: choices.seats.first().and_then(|s| s.party_id).map(|p| p.0),
        ..FormValues::default()
    }
}

/// A refused draft: what is wrong, and the choices to show the form again with.
pub struct Refused {
    pub errors: FieldErrors,
    pub choices: Choices,
}

/// Checks `values` against what `person` may choose and saves them as a new draft, made by
/// `account`.
pub fn create_draft(
    conn: &mut DbConnection,
    who: &Actor,
    account: UserId,
    person: PersonId,
    values: &FormValues,
    raw_meeting: &str,
    now: DateTime<Utc>,
) -> AppResult<Result<ProposalId, Refused>> {
    let choices = choices(conn, person, values.meeting, now)?;
    let checked = match check_form(values, &choices, raw_meeting, now) {
        Ok(c) => c,
        Err(errors) => return Ok(Err(Refused { errors, choices })),
    };
    let new = NewDraft {
        body_id: choices.body_id,
        organization_id: checked.organization_id,
        text: &checked.text,
        submitting_party_id: checked.party,
        proposer: Some(person),
        cosigners: &checked.cosigners,
        target_meeting_id: checked.meeting,
        cases: &checked.cases,
        created_by: account,
    };
    let id = write_transaction(conn, |conn| {
        let id = workflow::create_draft(conn, who, &new)?;
        audit::record(
            conn,
            who,
            Change {
                action: "proposal.created",
                subject: PROPOSAL.with(id),
                before: None,
                after: Some(text_json(&checked.text)),
                note: None,
            },
        )?;
        Ok(id)
    })?;
    Ok(Ok(id))
}

/// Checks `values` and saves them over the draft (or returned proposal) `id`, if nobody saved
/// since `lock`.
#[allow(clippy::too_many_arguments)]
pub fn update_draft(
    conn: &mut DbConnection,
    who: &Actor,
    id: ProposalId,
    lock: i32,
    person: PersonId,
    values: &FormValues,
    raw_meeting: &str,
    now: DateTime<Utc>,
) -> AppResult<Result<(), Refused>> {
    let choices = choices(conn, person, values.meeting, now)?;
    let checked = match check_form(values, &choices, raw_meeting, now) {
        Ok(c) => c,
        Err(errors) => return Ok(Err(Refused { errors, choices })),
    };
    let update = DraftUpdate {
        organization_id: checked.organization_id,
        text: &checked.text,
        submitting_party_id: checked.party,
        cosigners: &checked.cosigners,
        target_meeting_id: checked.meeting,
        cases: &checked.cases,
    };
    write_transaction(conn, |conn| {
        // A changed text is a new version, and the log says what it was.
        let Some(edited) = workflow::update_draft(conn, who, id, lock, &update)? else {
            return Ok(());
        };
        audit::record(
            conn,
            who,
            Change {
                action: "proposal.edited",
                subject: PROPOSAL.with(id),
                before: Some(text_json(&edited.before)),
                after: Some(text_json(&checked.text)),
                note: Some(&format!("version {}", edited.version)),
            },
        )
    })?;
    Ok(Ok(()))
}

// ---------------------------------------------------------------------------------------------
// Steps

/// What the author is told a submission was: its receipt number (the proposal's), when it came
/// in, the deadline it was measured against and whether it was late, and the meeting.
#[derive(Debug, Clone)]
pub struct Receipt {
    pub number: ProposalId,
    pub submitted_at: chrono::DateTime<Utc>,
    pub deadline: chrono::DateTime<Utc>,
    pub late: bool,
    pub meeting: Option<crate::db::meetings::Meeting>,
}

impl Receipt {
    /// "Kvittering for forslag nr. 12: indsendt 07.12.2026, kl. 10:15, inden fristen …"
    pub fn text(&self, lang: Lang) -> String {
        let args = [
            ("number", crate::i18n::Arg::from(self.number.0)),
            (
                "meeting",
                self.meeting
                    .as_ref()
                    .map(|m| meeting_text(lang, m))
                    .unwrap_or_default()
                    .into(),
            ),
            ("submitted", datetime(lang, self.submitted_at).into()),
            ("deadline", datetime(lang, self.deadline).into()),
        ];
        let key = match (self.late, self.meeting.is_some()) {
            (false, true) => "receipt-on-time-for-meeting",
            (false, false) => "receipt-on-time",
            (true, true) => "receipt-late-for-meeting",
            (true, false) => "receipt-late",
        };
        crate::i18n::t_with(lang, key, &args)
    }
}

/// Submits against the target meeting's deadline and, in the same transaction, puts the
/// author's receipt and the secretariat's notice in the outbox.
pub fn submit(
    conn: &mut DbConnection,
    settings: &Settings,
    who: &Actor,
    account: &Account,
    proposal: &Proposal,
    lock: i32,
) -> AppResult<Receipt> {
    let Some(meeting_id) = proposal.target_meeting_id else {
        return Err(AppError::invalid("error-choose-the-meeting-that-is-to"));
    };
    let id = proposal.id;
    crate::db::write_transaction(conn, |conn| {
        let meeting = meetings::get(conn, meeting_id)?
            .ok_or_else(|| AppError::invalid("error-the-meeting-no-longer-exists"))?;
        let now = Utc::now();
        if meeting.starts_at <= now {
            return Err(AppError::invalid("error-the-meeting-has-already-been-held"));
        }
        let rules: DeadlineSettings = orgs::deadline_settings(conn, meeting.organization_id)?;
        let deadline = rules.proposal.deadline(meeting.starts_at, &rules.closed);
        let submitted = workflow::submit(conn, id, lock, Some(deadline), now)?;
        let late = submitted.late;
        audit::record(
            conn,
            who,
            Change {
                action: if submitted.step.before == ProposalStatus::Returned {
                    "proposal.resubmitted"
                } else {
                    "proposal.submitted"
                },
                subject: PROPOSAL.with(id),
                before: Some(json!({ "status": submitted.step.before.as_str() })),
                after: Some(json!({
                    "status": submitted.step.after.as_str(),
                    "late": late,
                    "deadline": deadline.to_rfc3339(),
                    "target_meeting_id": submitted.target_meeting_id,
                })),
                note: None,
            },
        )?;
        let mut ctx = Context::new();
        let meeting = meetings::get(conn, meeting_id)?;
        ctx.insert("receipt", &id.0);
        ctx.insert("title", &proposal.title);
        ctx.insert("name", &account.name);
        ctx.insert("late", &late);
        ctx.insert(
            "url",
            &urls::absolute(&settings.base_url, &urls::proposal(id)),
        );
        let localized = |lang: Lang, ctx: &mut Context| {
            ctx.insert("meeting", &meeting.as_ref().map(|m| meeting_text(lang, m)));
            ctx.insert("submitted", &datetime(lang, now));
            ctx.insert("deadline", &datetime(lang, deadline));
        };
        let author: Vec<Recipient> = author_address(conn, proposal)?.into_iter().collect();
        enqueue_mail(
            conn,
            settings,
            "proposal_receipt",
            author,
            &ctx,
            &localized,
            id,
        )?;
        let secretariat: Vec<Recipient> = accounts::with_role(conn, Role::Secretariat)?
            .iter()
            .filter_map(|a| Some((Mailbox::new(Some(&a.name), &a.email).ok()?, a.language)))
            .collect();
        enqueue_mail(
            conn,
            settings,
            "proposal_notice",
            secretariat,
            &ctx,
            &localized,
            id,
        )?;
        Ok(Receipt {
            number: id,
            submitted_at: now,
            deadline,
            late,
            meeting,
        })
    })
}

/// The author takes the proposal back.
pub fn withdraw(conn: &mut DbConnection, who: &Actor, id: ProposalId) -> AppResult<()> {
    write_transaction(conn, |conn| {
        let step = workflow::withdraw(conn, id)?;
        record_step(conn, who, id, "proposal.withdrawn", step, json!({}), None)
    })
}

/// Deletes a draft its author never submitted.
pub fn delete_draft(conn: &mut DbConnection, who: &Actor, id: ProposalId) -> AppResult<()> {
    write_transaction(conn, |conn| {
        let title = workflow::delete_draft(conn, id)?;
        audit::record(
            conn,
            who,
            Change {
                action: "proposal.deleted",
                subject: PROPOSAL.with(id),
                before: Some(json!({ "status": ProposalStatus::Draft.as_str(), "title": title })),
                after: None,
                note: None,
            },
        )
    })
}

/// A status change in the audit log, with what else the step recorded in `after`.
fn record_step(
    conn: &mut DbConnection,
    who: &Actor,
    id: ProposalId,
    action: &str,
    step: Step,
    mut after: serde_json::Value,
    note: Option<&str>,
) -> AppResult<()> {
    after["status"] = json!(step.after.as_str());
    audit::record(
        conn,
        who,
        Change {
            action,
            subject: PROPOSAL.with(id),
            before: Some(json!({ "status": step.before.as_str() })),
            after: Some(after),
            note,
        },
    )
}

fn text_json(text: &ProposalText) -> serde_json::Value {
    json!({
        "title": text.title,
        "opening": text.opening,
        "clauses": text.clauses,
        "motivation": text.motivation,
    })
}

pub fn checklist_json(checked: &[String]) -> serde_json::Value {
    let map: serde_json::Map<String, serde_json::Value> = CHECKLIST
        .iter()
        .map(|(key, _)| {
            (
                (*key).to_owned(),
                serde_json::Value::Bool(checked.iter().any(|c| c == key)),
            )
        })
        .collect();
    serde_json::Value::Object(map)
}

/// Back to the author with the secretariat's comment, which is mailed to the author.
pub fn return_to_author(
    conn: &mut DbConnection,
    settings: &Settings,
    who: &Actor,
    proposal: &Proposal,
    checked: &[String],
    comment: &str,
) -> AppResult<()> {
    write_transaction(conn, |conn| {
        let checklist = checklist_json(checked);
        let step = workflow::return_to_author(conn, who, proposal.id, &checklist, comment)?;
        record_step(
            conn,
            who,
            proposal.id,
            "proposal.returned",
            step,
            json!({ "checklist": checklist }),
            Some(comment),
        )?;
        let mut ctx = Context::new();
        ctx.insert("comment", comment);
        ctx.insert("reviewer", &who.label);
        mail_author(
            conn,
            settings,
            proposal,
            "proposal_returned",
            ctx,
            &|_, _| {},
        )
    })
}

/// Accepted: the checklist met, the case numbers assigned or linked (a new one when
/// `assign_new`), the late reason recorded; the author is told by mail.
#[allow(clippy::too_many_arguments)]
pub fn accept(
    conn: &mut DbConnection,
    settings: &Settings,
    who: &Actor,
    proposal: &Proposal,
    checked: &[String],
    assign_new: bool,
    existing: &[CaseReference],
    late_reason: Option<&str>,
) -> AppResult<Vec<String>> {
    write_transaction(conn, |conn| {
        let year = workflow::year_of(Utc::now());
        let choice = CaseChoice {
            assign_new,
            existing,
        };
        let checklist = checklist_json(checked);
        let (step, references) = workflow::accept(
            conn,
            who,
            proposal.id,
            &checklist,
            &choice,
            late_reason,
            year,
        )?;
        let shown: Vec<String> = references.iter().map(ToString::to_string).collect();
        record_step(
            conn,
            who,
            proposal.id,
            "proposal.accepted",
            step,
            json!({ "cases": shown, "checklist": checklist, "late_reason": late_reason }),
            late_reason,
        )?;
        let mut ctx = Context::new();
        ctx.insert(
            "cases",
            &references
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        );
        let meeting = match proposal.target_meeting_id {
            Some(id) => meetings::get(conn, id)?,
            None => None,
        };
        ctx.insert("reviewer", &who.label);
        mail_author(
            conn,
            settings,
            proposal,
            "proposal_accepted",
            ctx,
            &|lang, ctx| {
                ctx.insert("meeting", &meeting.as_ref().map(|m| meeting_text(lang, m)));
            },
        )?;
        Ok(shown)
    })
}

// ---------------------------------------------------------------------------------------------
// Mail

/// A recipient of mail and the language they chose, if they did.
type Recipient = (Mailbox, Option<Lang>);

/// Where a proposal's author gets mail: the account that made it.
fn author_address(conn: &mut DbConnection, proposal: &Proposal) -> AppResult<Option<Recipient>> {
    let account = match proposal.created_by {
        Some(id) => accounts::get(conn, id)?,
        None => None,
    };
    Ok(account.and_then(|a| Some((Mailbox::new(Some(&a.name), &a.email).ok()?, a.language))))
}

/// "Borgerrepræsentationens møde 30.04.2025, kl. 17:30"
fn meeting_text(lang: Lang, meeting: &crate::db::meetings::Meeting) -> String {
    crate::i18n::t_with(
        lang,
        "mail-meeting-line",
        &[
            ("organization", meeting.organization_name.clone().into()),
            ("when", datetime(lang, meeting.starts_at).into()),
        ],
    )
}

/// Queues `template` to `to`, one mail per language among them; `localized` adds the words of
/// the context that depend on the language.
fn enqueue_mail(
    conn: &mut DbConnection,
    settings: &Settings,
    template: &str,
    to: Vec<Recipient>,
    ctx: &Context,
    localized: &dyn Fn(Lang, &mut Context),
    proposal: ProposalId,
) -> AppResult<()> {
    if to.is_empty() {
        return Ok(());
    }
    let site = MailSite::load(conn)?;
    for lang in Lang::ALL {
        let group: Vec<Mailbox> = to
            .iter()
            .filter(|(_, l)| l.unwrap_or(site.lang) == *lang)
            .map(|(m, _)| m.clone())
            .collect();
        if group.is_empty() {
            continue;
        }
        let mut ctx = ctx.clone();
        localized(*lang, &mut ctx);
        let mail = render_mail(template, *lang, &site, &ctx)?;
        let message = OutgoingMessage::new(group, mail.subject, mail.text)
            .map_err(AppError::bad_request)?
            .html(mail.html)
            .concerning("proposal", proposal.0);
        crate::mail::enqueue(conn, &settings.mail_from, &message)?;
    }
    Ok(())
}

/// A mail to the proposal's author from template `template`: `ctx` with the proposal's title,
/// the author's name and the proposal's address added.
fn mail_author(
    conn: &mut DbConnection,
    settings: &Settings,
    proposal: &Proposal,
    template: &str,
    mut ctx: Context,
    localized: &dyn Fn(Lang, &mut Context),
) -> AppResult<()> {
    let author = author_address(conn, proposal)?;
    ctx.insert("title", &proposal.title);
    ctx.insert(
        "name",
        author
            .as_ref()
            .and_then(|(a, _)| a.name.as_deref())
            .unwrap_or(""),
    );
    ctx.insert(
        "url",
        &urls::absolute(&settings.base_url, &urls::proposal(proposal.id)),
    );
    enqueue_mail(
        conn,
        settings,
        template,
        author.into_iter().collect(),
        &ctx,
        localized,
        proposal.id,
    )
}
