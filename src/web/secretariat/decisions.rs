//! The secretariat records what a meeting decided (`/secretariat/meetings/{id}/decisions`):
//! attendance with substitutes, a decision per agenda item with votes, per-clause outcomes,
//! amendments, protocol notes and dissents, and then confirms the follow-up tasks Agendum reads
//! from the adopted clauses (`/secretariat/agenda-items/{item}/decision`). The same operations
//! as the JSON API (`crate::service::followup`).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::db::decisions::{self, AttendanceEntry, DecidedItem, RecordDecision, StoredDecision};
use crate::db::minutes;
use crate::db::organizations::{self as orgs, Organization};
use crate::db::tasks::{self, NewTask};
use crate::db::{DbConnection, agenda, meetings};
use crate::domain::decision::{
    Amendment, ClauseDecision, Decision, Outcome, Statement, StatementKind, Votes,
};
use crate::domain::followup::{Assignment, DeadlineReading, TaskSuggestion};
use crate::domain::meeting::{AttendanceStatus, MeetingStatus};
use crate::domain::minutes::SECRETARIAT;
use crate::domain::organization::OrganizationKind;
use crate::domain::time::parse_date;
use crate::domain::{AgendaItemId, MeetingId, OrganizationId, PersonId, TaskId, UserId};
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::service::followup;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, CurrentUser, Secretariat};
use crate::web::forms::{page as html, refused_or};
use crate::web::templates::render_page;
use crate::web::views::{When, meeting_url, proposal_url};

pub use crate::urls::{
    item_decision as item_decision_url, meeting_decisions as meeting_decisions_url,
};

fn not_released() -> AppError {
    AppError::not_found("error-the-meeting-has-no-released-agenda-2")
}

// ---------------------------------------------------------------------------------------------
// The meeting: attendance and the items' decisions

/// Members of the meeting's council or committee on the day, with what is recorded for each;
/// and the body's other persons, who may stand in as substitutes.
fn attendance_rows(
    lang: crate::domain::language::Lang,
    conn: &mut DbConnection,
    meeting: &meetings::Meeting,
) -> AppResult<(Vec<MemberRow>, Vec<PersonChoice>, Option<u32>)> {
    let day = crate::domain::time::local(meeting.starts_at).date_naive();
    let members = orgs::members(conn, meeting.organization_id, day)?;
    let recorded = decisions::attendance(conn, meeting.id)?;
    let body = orgs::body_of(conn, meeting.organization_id)?;
    let others: Vec<(PersonId, String)> = orgs::persons_of_body(conn, body)?
        .into_iter()
        .filter(|(id, _)| !members.iter().any(|m| m.person_id == *id))
        .collect();
    let rows = members
        .iter()
        .map(|m| {
            let own = recorded.iter().find(|a| a.person_id == m.person_id);
            let substitute = recorded
                .iter()
                .find(|a| a.substitute_for == Some(m.person_id))
                .map(|a| a.person_id);
            MemberRow {
                person_id: m.person_id,
                name: m.name.clone(),
                party: m.party_short_name.clone(),
                chair: m.role == crate::domain::organization::MembershipRole::Chair,
                absent: own.is_some_and(|a| a.status == AttendanceStatus::Absent),
                substitute,
            }
        })
        .collect();
    // The body's own substitutes first, party by party in their order; then anyone else.
    let called = orgs::substitutes(conn, meeting.organization_id, day)?;
    let mut substitutes: Vec<PersonChoice> = called
        .iter()
        .map(|s| PersonChoice {
            id: s.person_id,
            name: format!(
                "{} ({}{})",
                s.person_name,
                s.party_short_name
                    .as_deref()
                    .map(|p| format!("{p}, "))
                    .unwrap_or_default(),
                crate::i18n::t_with(
                    lang,
                    "substitute-position",
                    &[("position", s.position.unwrap_or(1).to_string().into())]
                )
            ),
        })
        .collect();
    substitutes.extend(
        others
            .into_iter()
            .filter(|(id, _)| !called.iter().any(|s| s.person_id == *id))
            .map(|(id, name)| PersonChoice { id, name }),
    );
    Ok((
        rows,
        substitutes,
        decisions::present_count(conn, meeting.id)?,
    ))
}

fn meeting_page(
    conn: &mut DbConnection,
    user: &CurrentUser,
    meeting_id: MeetingId,
    problem: Option<&crate::i18n::Msg>,
) -> AppResult<String> {
    let lang = user.lang;
    let meeting = meetings::get(conn, meeting_id)?
        .ok_or_else(|| AppError::not_found("error-the-meeting-does-not-exist"))?;
    let agenda = agenda::released(conn, meeting_id, None)?.ok_or_else(not_released)?;
    let (members, substitutes, present) = attendance_rows(lang, conn, &meeting)?;
    let mut items = Vec::new();
    for item in &agenda.snapshot.items {
        let decision = decisions::decision_of(conn, item.id)?;
        let tasks = tasks::of_item(conn, item.id)?;
        items.push(ItemLine {
            number: item.number.clone(),
            title: item.display_title(),
            public: item.public,
            kind: item.kind.label(lang),
            decision: decision.as_ref().map(|d| DecisionLine {
                outcome: d.decision.outcome.label(lang),
                text: d.text.clone(),
            }),
            tasks: tasks.len(),
            url: item_decision_url(item.id),
        });
    }
    let versions = minutes::versions(conn, meeting_id)?;
    let draft = versions
        .iter()
        .find(|m| m.published_at.is_none())
        .map(|m| DraftLine {
            version: m.version,
            reason: m.correction_reason.clone(),
            signers: m
                .signers
                .iter()
                .map(|s| {
                    let signed = m.signatures.iter().find(|g| g.key == s.key);
                    SignerLine {
                        key: s.key.clone(),
                        name: s.name.clone(),
                        role: s.role.clone(),
                        secretariat: s.key == SECRETARIAT,
                        signed: signed.map(|g| crate::domain::time::datetime(lang, g.signed_at)),
                        on_behalf: signed.is_some_and(|g| g.on_behalf),
                    }
                })
                .collect(),
        });
    let published = versions
        .iter()
        .filter_map(|m| {
            m.published_at.map(|at| PublishedLine {
                version: m.version,
                published: crate::domain::time::datetime(lang, at),
                reason: m.correction_reason.clone(),
                pdf_url: format!(
                    "{}/minutes.pdf?version={}",
                    meeting_url(meeting_id),
                    m.version
                ),
            })
        })
        .collect();
    let view = MeetingPage {
        undecided: items.iter().filter(|i| i.decision.is_none()).count(),
        draft_url: format!("{}/minutes/draft", meeting_url(meeting_id)),
        can_draft: draft.is_none()
            && matches!(
                meeting.status,
                MeetingStatus::Held | MeetingStatus::MinutesPublished
            ),
        draft,
        published,
        meeting_id,
        organization_name: &meeting.organization_name,
        when: When::new(lang, meeting.starts_at),
        location: &meeting.location,
        status_label: meeting
            .status
            .label_at(lang, meeting.starts_at, chrono::Utc::now()),
        public_url: meeting_url(meeting_id),
        agenda_url: crate::urls::agenda_editor(meeting_id),
        members,
        substitutes,
        present,
        items,
        problem,
    };
    render_page("secretariat/decisions.html", user, &view)
}

/// A meeting's decisions page: attendance, each item's decision and tasks, and the minutes'
/// draft and published versions.
#[derive(Serialize)]
struct MeetingPage<'a> {
    draft: Option<DraftLine>,
    published: Vec<PublishedLine>,
    undecided: usize,
    draft_url: String,
    can_draft: bool,
    meeting_id: MeetingId,
    organization_name: &'a str,
    when: When,
    location: &'a str,
    status_label: String,
    public_url: String,
    agenda_url: String,
    members: Vec<MemberRow>,
    substitutes: Vec<PersonChoice>,
    present: Option<u32>,
    items: Vec<ItemLine>,
    problem: Option<&'a crate::i18n::Msg>,
}

/// A member of the body on the day, with what is recorded for them.
#[derive(Serialize)]
struct MemberRow {
    person_id: PersonId,
    name: String,
    party: Option<String>,
    chair: bool,
    absent: bool,
    substitute: Option<PersonId>,
}

#[derive(Serialize)]
struct PersonChoice {
    id: PersonId,
    name: String,
}

#[derive(Serialize)]
struct ItemLine {
    number: String,
    title: String,
    public: bool,
    kind: String,
    decision: Option<DecisionLine>,
    tasks: usize,
    url: String,
}

#[derive(Serialize)]
struct DecisionLine {
    outcome: String,
    text: String,
}

#[derive(Serialize)]
struct DraftLine {
    version: i32,
    reason: Option<String>,
    signers: Vec<SignerLine>,
}

#[derive(Serialize)]
struct SignerLine {
    key: String,
    name: String,
    role: String,
    secretariat: bool,
    signed: Option<String>,
    on_behalf: bool,
}

#[derive(Serialize)]
struct PublishedLine {
    version: i32,
    published: String,
    reason: Option<String>,
    pdf_url: String,
}

/// `GET /secretariat/meetings/{id}/decisions`
pub async fn meeting(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<MeetingId>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let body = state
        .db
        .run(move |conn| meeting_page(conn, &user, id, None))
        .await?;
    Ok(html(StatusCode::OK, body))
}

#[derive(Debug, Default, Deserialize)]
pub struct AttendanceForm {
    #[serde(default)]
    person: Vec<String>,
    /// One per person, in the same order: present or absent.
    #[serde(default)]
    status: Vec<String>,
    /// One per person: who stands in for an absent member (empty for nobody).
    #[serde(default)]
    substitute: Vec<String>,
}

impl AttendanceForm {
    fn entries(&self) -> AppResult<Vec<AttendanceEntry>> {
        if self.status.len() != self.person.len() || self.substitute.len() != self.person.len() {
            return Err(AppError::bad_request("error-the-form-is-not-filled-in-2"));
        }
        let mut entries = Vec::new();
        for ((person, status), substitute) in
            self.person.iter().zip(&self.status).zip(&self.substitute)
        {
            let person = PersonId(
                person
                    .trim()
                    .parse()
                    .map_err(|_| AppError::bad_request("error-the-form-is-not-filled-in-3"))?,
            );
            let status: AttendanceStatus = status
                .parse()
                .ok()
                .filter(|s| *s != AttendanceStatus::Substitute)
                .ok_or_else(|| AppError::invalid("error-choose-present-or-absent-for-each"))?;
            entries.push(AttendanceEntry {
                person_id: person,
                status,
                substitute_for: None,
            });
            let substitute = substitute.trim();
            if substitute.is_empty() {
                continue;
            }
            if status != AttendanceStatus::Absent {
                return Err(AppError::invalid("error-a-member-who-is-present-has"));
            }
            let substitute = PersonId(
                substitute
                    .parse()
                    .map_err(|_| AppError::bad_request("error-the-form-is-not-filled-in-4"))?,
            );
            entries.push(AttendanceEntry {
                person_id: substitute,
                status: AttendanceStatus::Substitute,
                substitute_for: Some(person),
            });
        }
        Ok(entries)
    }
}

/// `POST /secretariat/meetings/{id}/attendance`: replaces the meeting's attendance.
pub async fn attendance(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<MeetingId>,
    CsrfForm(form): CsrfForm<AttendanceForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let actor = user.account.actor();
    let outcome = state
        .db
        .run(move |conn| {
            let done = form.entries().and_then(|entries| {
                crate::service::followup::set_attendance(conn, &actor, id, &entries)
            });
            refused_or(done, |why| meeting_page(conn, &user, id, Some(why)))
        })
        .await?;
    Ok(outcome.respond(|()| {
        (
            format!("{}#fremmoede", meeting_decisions_url(id)),
            "notice-attendance-saved",
        )
    }))
}

#[derive(Debug, Default, Deserialize)]
pub struct MinutesForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    signer: String,
    #[serde(default)]
    reason: String,
}

/// `POST /secretariat/meetings/{id}/minutes`: drafts the minutes (or a correction), or records
/// an approval: the secretariat's own, or a signer's given at the meeting or on paper.
pub async fn minutes_action(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<MeetingId>,
    CsrfForm(form): CsrfForm<MinutesForm>,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let id = path.into_inner();
    let actor = user.account.actor();
    let account = user.account.id;
    let settings = state.settings.clone();
    let outcome = state
        .db
        .run(move |conn| {
            let drafted = |m: crate::db::minutes::Minutes| {
                let names: Vec<&str> = m.signers.iter().map(|s| s.name.as_str()).collect();
                crate::i18n::Msg::key("notice-minutes-drafted")
                    .arg("version", m.version)
                    .arg("signers", crate::domain::text::list(lang, &names))
            };
            let done = match form.action.as_str() {
                "draft" => {
                    followup::draft_minutes(conn, &settings, &actor, id, None, Some(account))
                        .map(drafted)
                }
                "correct" => followup::draft_minutes(
                    conn,
                    &settings,
                    &actor,
                    id,
                    Some(&form.reason),
                    Some(account),
                )
                .map(drafted),
                "sign" => {
                    let own = form.signer == SECRETARIAT;
                    followup::sign_minutes(conn, &actor, id, &form.signer, Some(account), !own).map(
                        |signed| match signed {
                            crate::db::minutes::Signed::Published { .. } => {
                                crate::i18n::Msg::key("notice-minutes-published")
                            }
                            crate::db::minutes::Signed::Waiting { missing } => {
                                crate::i18n::Msg::key("notice-approval-registered")
                                    .num("missing", missing as f64)
                            }
                        },
                    )
                }
                _ => Err(AppError::bad_request("error-unknown-action")),
            };
            refused_or(done, |why| meeting_page(conn, &user, id, Some(why)))
        })
        .await?;
    // Published minutes change the meeting's public page at once.
    state.pages.invalidate(id);
    Ok(outcome.respond(|notice| (format!("{}#protokol", meeting_decisions_url(id)), notice)))
}

// ---------------------------------------------------------------------------------------------
// One item: its decision and the tasks read from it

/// The decision form as typed: lists of rows are parallel fields.
#[derive(Debug, Default, Clone, Deserialize, serde::Serialize)]
pub struct DecisionForm {
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    votes_for: String,
    #[serde(default)]
    votes_against: String,
    #[serde(default)]
    votes_abstain: String,
    #[serde(default)]
    for_by: String,
    #[serde(default)]
    against_by: String,
    #[serde(default)]
    abstain_by: String,
    #[serde(default)]
    clause_outcome: Vec<String>,
    #[serde(default)]
    clause_for: Vec<String>,
    #[serde(default)]
    clause_against: Vec<String>,
    #[serde(default)]
    amendment_by: Vec<String>,
    #[serde(default)]
    amendment_text: Vec<String>,
    #[serde(default)]
    amendment_outcome: Vec<String>,
    #[serde(default)]
    amendment_for: Vec<String>,
    #[serde(default)]
    amendment_against: Vec<String>,
    #[serde(default)]
    statement_kind: Vec<String>,
    #[serde(default)]
    statement_by: Vec<String>,
    #[serde(default)]
    statement_text: Vec<String>,
    #[serde(default)]
    referred_to: String,
    #[serde(default)]
    consulted: Vec<String>,
    #[serde(default)]
    text: String,
}

fn count(text: &str, what: Msg) -> AppResult<Option<u32>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse().map(Some).map_err(|_| {
        AppError::invalid(Msg::key("error-write-a-whole-number-e-g").msg("what", what))
    })
}

/// "A, B, F og Ø" (or "… and Ø") → ["A", "B", "F", "Ø"].
fn names(text: &str) -> Vec<String> {
    let [and_da, and_en] = crate::domain::text::LIST_AND;
    text.split(',')
        .flat_map(|part| part.split(and_da))
        .flat_map(|part| part.split(and_en))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn joined(names: &[String]) -> String {
    names.join(", ")
}

fn at(list: &[String], i: usize) -> &str {
    list.get(i).map_or("", |s| s.trim())
}

fn votes_of(
    what: &Msg,
    for_: &str,
    against: &str,
    abstain: &str,
    by: [&str; 3],
) -> AppResult<Option<Votes>> {
    let counts = [
        count(for_, Msg::key("votes-field-for").msg("what", what.clone()))?,
        count(
            against,
            Msg::key("votes-field-against").msg("what", what.clone()),
        )?,
        count(
            abstain,
            Msg::key("votes-field-abstain").msg("what", what.clone()),
        )?,
    ];
    let named = by.iter().any(|b| !b.trim().is_empty());
    if counts.iter().all(Option::is_none) && !named {
        return Ok(None);
    }
    if counts[0].is_none() || counts[1].is_none() {
        return Err(AppError::invalid(
            Msg::key("error-write-both-votes-for-and-against").msg("what", what.clone()),
        ));
    }
    Ok(Some(Votes {
        in_favour: counts[0].unwrap_or(0),
        against: counts[1].unwrap_or(0),
        abstain: counts[2].unwrap_or(0),
        in_favour_by: names(by[0]),
        against_by: names(by[1]),
        abstain_by: names(by[2]),
    }))
}

/// A vote given as counts for and against only (a clause's, an amendment's).
fn counts_of(what: &Msg, for_: &str, against: &str) -> AppResult<Option<Votes>> {
    votes_of(what, for_, against, "", ["", "", ""])
}

fn outcome_of(text: &str, what: &Msg) -> AppResult<Outcome> {
    text.trim().parse().map_err(|_| {
        AppError::invalid(Msg::key("error-choose-an-outcome").msg("what", what.clone()))
    })
}

fn organization_of(text: &str, choices: &[Organization]) -> AppResult<Option<OrganizationId>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<i64>()
        .ok()
        .and_then(|id| choices.iter().find(|o| o.id.0 == id))
        .map(|o| Some(o.id))
        .ok_or_else(|| AppError::invalid("error-choose-a-committee-from-the-list"))
}

impl DecisionForm {
    /// The decision the form describes; what is wrong is said in the words of the form.
    fn decision(
        &self,
        item: AgendaItemId,
        clause_count: usize,
        committees: &[Organization],
        by: UserId,
    ) -> AppResult<RecordDecision> {
        let outcome = outcome_of(&self.outcome, &Msg::key("decision-the-decision"))?;
        let votes = votes_of(
            &Msg::key("decision-the-vote"),
            &self.votes_for,
            &self.votes_against,
            &self.votes_abstain,
            [&self.for_by, &self.against_by, &self.abstain_by],
        )?;
        let mut clauses = Vec::new();
        for n in 0..clause_count {
            let chosen = at(&self.clause_outcome, n);
            if chosen.is_empty() {
                continue;
            }
            let what = Msg::key("decision-clause-number").arg("number", n + 1);
            clauses.push(ClauseDecision {
                clause: n as u32 + 1,
                outcome: outcome_of(chosen, &what)?,
                votes: counts_of(&what, at(&self.clause_for, n), at(&self.clause_against, n))?,
            });
        }
        let mut amendments = Vec::new();
        for i in 0..self.amendment_text.len() {
            let (by, text) = (at(&self.amendment_by, i), at(&self.amendment_text, i));
            if by.is_empty() && text.is_empty() {
                continue;
            }
            let what = Msg::key("decision-amendment-number").arg("number", amendments.len() + 1);
            amendments.push(Amendment {
                proposed_by: by.to_owned(),
                text: text.to_owned(),
                outcome: outcome_of(at(&self.amendment_outcome, i), &what)?,
                votes: counts_of(
                    &what,
                    at(&self.amendment_for, i),
                    at(&self.amendment_against, i),
                )?,
            });
        }
        let mut statements = Vec::new();
        for i in 0..self.statement_text.len() {
            let (by, text) = (at(&self.statement_by, i), at(&self.statement_text, i));
            if by.is_empty() && text.is_empty() {
                continue;
            }
            if by.is_empty() || text.is_empty() {
                return Err(AppError::invalid("error-a-note-in-the-minutes-or"));
            }
            statements.push(Statement {
                kind: at(&self.statement_kind, i)
                    .parse::<StatementKind>()
                    .map_err(|_| AppError::invalid("error-choose-note-in-the-minutes-or"))?,
                by: by.to_owned(),
                text: text.to_owned(),
            });
        }
        let referred_to = organization_of(&self.referred_to, committees)?;
        let consulted = self
            .consulted
            .iter()
            .map(|c| organization_of(c, committees))
            .collect::<AppResult<Vec<_>>>()?
            .into_iter()
            .flatten()
            .collect();
        let text = self.text.trim();
        Ok(RecordDecision {
            item,
            decision: Decision {
                outcome,
                votes,
                clauses,
                amendments,
                statements,
                referred_to: None,
                consulted: Vec::new(),
            },
            referred_to,
            consulted,
            text: (!text.is_empty()).then(|| text.to_owned()),
            by: Some(by),
        })
    }

    /// The form filled in from a recorded decision.
    fn of(stored: &StoredDecision, clause_count: usize, committees: &[Organization]) -> Self {
        let d = &stored.decision;
        let v = d.votes.clone().unwrap_or_default();
        let has_votes = d.votes.is_some();
        let n = |x: u32| {
            if has_votes {
                x.to_string()
            } else {
                String::new()
            }
        };
        let mut form = DecisionForm {
            outcome: d.outcome.as_str().to_owned(),
            votes_for: n(v.in_favour),
            votes_against: n(v.against),
            votes_abstain: if v.abstain > 0 {
                v.abstain.to_string()
            } else {
                String::new()
            },
            for_by: joined(&v.in_favour_by),
            against_by: joined(&v.against_by),
            abstain_by: joined(&v.abstain_by),
            referred_to: stored
                .referred_to
                .map(|o| o.to_string())
                .unwrap_or_default(),
            // Stored by name, as the decision text says it; the form chooses by id.
            consulted: d
                .consulted
                .iter()
                .filter_map(|name| committees.iter().find(|c| &c.name == name))
                .map(|c| c.id.to_string())
                .collect(),
            text: if stored.text_edited {
                stored.text.clone()
            } else {
                String::new()
            },
            ..Self::default()
        };
        for c in 1..=clause_count as u32 {
            let found = d.clauses.iter().find(|x| x.clause == c);
            form.clause_outcome.push(
                found
                    .map(|x| x.outcome.as_str().to_owned())
                    .unwrap_or_default(),
            );
            let votes = found.and_then(|x| x.votes.as_ref());
            form.clause_for
                .push(votes.map(|v| v.in_favour.to_string()).unwrap_or_default());
            form.clause_against
                .push(votes.map(|v| v.against.to_string()).unwrap_or_default());
        }
        for a in &d.amendments {
            form.amendment_by.push(a.proposed_by.clone());
            form.amendment_text.push(a.text.clone());
            form.amendment_outcome.push(a.outcome.as_str().to_owned());
            let votes = a.votes.as_ref();
            form.amendment_for
                .push(votes.map(|v| v.in_favour.to_string()).unwrap_or_default());
            form.amendment_against
                .push(votes.map(|v| v.against.to_string()).unwrap_or_default());
        }
        for s in &d.statements {
            form.statement_kind.push(s.kind.as_str().to_owned());
            form.statement_by.push(s.by.clone());
            form.statement_text.push(s.text.clone());
        }
        form
    }

    /// Rows for the template: every clause, the amendments and statements typed so far and one
    /// empty row of each to add another.
    fn view(&self, clauses: &[String]) -> Value {
        let clause_rows: Vec<Value> = clauses
            .iter()
            .enumerate()
            .map(|(i, text)| {
                json!({
                    "number": i + 1,
                    "text": text,
                    "outcome": at(&self.clause_outcome, i),
                    "for": at(&self.clause_for, i),
                    "against": at(&self.clause_against, i),
                })
            })
            .collect();
        let mut amendments: Vec<Value> = (0..self.amendment_text.len())
            .filter(|&i| {
                !(at(&self.amendment_by, i).is_empty() && at(&self.amendment_text, i).is_empty())
            })
            .map(|i| {
                json!({
                    "by": at(&self.amendment_by, i),
                    "text": at(&self.amendment_text, i),
                    "outcome": at(&self.amendment_outcome, i),
                    "for": at(&self.amendment_for, i),
                    "against": at(&self.amendment_against, i),
                })
            })
            .collect();
        amendments.push(json!({ "by": "", "text": "", "outcome": "", "for": "", "against": "" }));
        let mut statements: Vec<Value> = (0..self.statement_text.len())
            .filter(|&i| {
                !(at(&self.statement_by, i).is_empty() && at(&self.statement_text, i).is_empty())
            })
            .map(|i| {
                json!({
                    "kind": at(&self.statement_kind, i),
                    "by": at(&self.statement_by, i),
                    "text": at(&self.statement_text, i),
                })
            })
            .collect();
        statements.push(json!({ "kind": "protocol_note", "by": "", "text": "" }));
        json!({
            "outcome": self.outcome,
            "votes_for": self.votes_for,
            "votes_against": self.votes_against,
            "votes_abstain": self.votes_abstain,
            "for_by": self.for_by,
            "against_by": self.against_by,
            "abstain_by": self.abstain_by,
            "clauses": clause_rows,
            "amendments": amendments,
            "statements": statements,
            "referred_to": self.referred_to,
            "consulted": self.consulted,
            "text": self.text,
        })
    }
}

/// The body's committees (and council), for referral and consultation.
fn committees(conn: &mut DbConnection, item: &DecidedItem) -> AppResult<Vec<Organization>> {
    Ok(orgs::list(conn)?
        .into_iter()
        .filter(|o| o.body_id == item.body_id && o.kind == OrganizationKind::Committee)
        .collect())
}

/// An organization to choose in a form (the value is its id).
#[derive(Serialize)]
struct OrgChoice {
    id: String,
    name: String,
}

fn choices(orgs: &[Organization]) -> Vec<OrgChoice> {
    orgs.iter()
        .map(|o| OrgChoice {
            id: o.id.to_string(),
            name: o.name.clone(),
        })
        .collect()
}

/// A suggestion or a refused task form, as the template shows it.
#[derive(Debug, Default, Clone, Deserialize, serde::Serialize)]
pub struct TaskForm {
    #[serde(default)]
    index: String,
    #[serde(default)]
    clause: String,
    #[serde(default)]
    lead: String,
    #[serde(default)]
    contributors: Vec<String>,
    #[serde(default)]
    deadline: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    answer_to: String,
}

/// Where the deadline field's value came from, and what to do when the text gave none.
fn reading_hint(
    lang: crate::domain::language::Lang,
    s: &TaskSuggestion,
    decided_on: NaiveDate,
    written: &str,
) -> Msg {
    let suggested = s.deadline.map(|d| crate::domain::time::day(lang, d));
    if !written.is_empty() && suggested.as_deref() != Some(written) {
        return Msg::key("hint-written-by-the-secretariat");
    }
    match (s.deadline_reading, &s.deadline_phrase, s.deadline_named) {
        (DeadlineReading::Read, Some(p), _) => Msg::key("hint-read-from").arg("phrase", p),
        (DeadlineReading::AsSoonAsPossible, Some(p), _) => {
            Msg::key("hint-deadline-without-a-date").arg("phrase", p)
        }
        (DeadlineReading::BeforeDecision, Some(p), Some(named)) => {
            let hint = Msg::key("hint-deadline-before-the-meeting")
                .arg("phrase", p)
                .arg("named", crate::domain::time::day(lang, named))
                .arg("meeting", crate::domain::time::day(lang, decided_on));
            // Most often last year's year written by habit: say which date it could be.
            match named
                .checked_add_months(chrono::Months::new(12))
                .filter(|d| *d >= decided_on)
            {
                Some(d) => Msg::key("hint-deadline-did-the-text-mean")
                    .msg("hint", hint)
                    .arg("day", crate::domain::time::day(lang, d)),
                None => hint,
            }
        }
        _ => Msg::key("hint-the-text-names-no-deadline"),
    }
}

/// Why the lead field holds what it holds: the words that named it, the secretariat's choice,
/// or that the text names no one.
fn lead_hint(s: &TaskSuggestion, chosen: &str) -> Msg {
    let suggested = s.lead.map(|l| l.to_string());
    match (&s.lead_phrase, chosen) {
        (_, "") => Msg::key("hint-the-text-names-no-administration"),
        (Some(p), chosen) if suggested.as_deref() == Some(chosen) => match s.assignment {
            Assignment::EachAdministration => Msg::key("hint-each-administration").arg("phrase", p),
            Assignment::Named | Assignment::Unknown => Msg::key("hint-read-from").arg("phrase", p),
        },
        _ => Msg::key("hint-chosen-by-the-secretariat"),
    }
}

/// The answer target's hint, the same way.
fn answer_hint(s: &TaskSuggestion, chosen: &str) -> Option<Msg> {
    let suggested = s.answer_to.map(|a| a.to_string());
    match (&s.answer_phrase, chosen) {
        (Some(p), chosen) if suggested.as_deref() == Some(chosen) => {
            Some(Msg::key("hint-read-from").arg("phrase", p))
        }
        (_, "") => None,
        _ => Some(Msg::key("hint-chosen-by-the-secretariat")),
    }
}

/// An administration to tick as a contributor, and why it is ticked.
#[derive(Serialize)]
struct ContributorChoice {
    id: String,
    name: String,
    checked: bool,
    why: Option<Msg>,
}

fn contributor_choices(
    s: &TaskSuggestion,
    administrations: &[OrgChoice],
    chosen: &[String],
) -> Vec<ContributorChoice> {
    administrations
        .iter()
        .map(|a| {
            let checked = chosen.contains(&a.id);
            let read = s.contributors.iter().find(|c| c.id.to_string() == a.id);
            ContributorChoice {
                id: a.id.clone(),
                name: a.name.clone(),
                checked,
                why: match (checked, read) {
                    (false, _) => None,
                    (true, Some(c)) => Some(Msg::key("why-read-from").arg("phrase", &c.phrase)),
                    (true, None) => Some(Msg::key("why-chosen-by-the-secretariat")),
                },
            }
        })
        .collect()
}

struct ItemPage<'a> {
    form: Option<&'a DecisionForm>,
    problem: Option<&'a crate::i18n::Msg>,
    /// A refused task form (by index) and why.
    task_form: Option<(&'a TaskForm, &'a crate::i18n::Msg)>,
}

fn item_page(
    conn: &mut DbConnection,
    user: &CurrentUser,
    item_id: AgendaItemId,
    page: ItemPage,
) -> AppResult<String> {
    let lang = user.lang;
    let item = decisions::decided_item(conn, item_id)?.ok_or_else(not_released)?;
    let decision = decisions::decision_of(conn, item_id)?;
    let clauses = item.clauses().to_vec();
    let committees = committees(conn, &item)?;
    let stored_form = decision
        .as_ref()
        .map(|d| DecisionForm::of(d, clauses.len(), &committees));
    let form = page.form.cloned().or(stored_form).unwrap_or_default();
    let tasks = tasks::of_item(conn, item_id)?;
    let directory = decisions::directory(conn, item.body_id)?;
    let named = |id: OrganizationId, name: &str| OrgChoice {
        id: id.to_string(),
        name: name.to_owned(),
    };
    let administrations: Vec<OrgChoice> = directory
        .administrations
        .iter()
        .map(|a| named(a.id, &a.name))
        .collect();
    let answer_bodies: Vec<OrgChoice> = directory
        .bodies
        .iter()
        .map(|b| named(b.id, &b.name))
        .collect();
    let suggestions = match &decision {
        Some(d) if d.decision.outcome != Outcome::Rejected => {
            crate::read::followup::suggestions(conn, &item, d)?
        }
        _ => Vec::new(),
    };
    let suggestion_rows: Vec<SuggestionRow> = suggestions
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let sent = tasks
                .iter()
                .find(|t| t.clause == s.clause && Some(t.lead.id) == s.lead);
            let refused = page.task_form.filter(|(f, _)| f.index == i.to_string());
            let values = match refused {
                Some((f, _)) => f.clone(),
                None => TaskForm {
                    index: i.to_string(),
                    clause: s.clause.to_string(),
                    lead: s.lead.map(|l| l.to_string()).unwrap_or_default(),
                    contributors: s.contributors.iter().map(|c| c.id.to_string()).collect(),
                    deadline: s
                        .deadline
                        .map(|d| crate::domain::time::day(lang, d))
                        .unwrap_or_default(),
                    description: clauses[s.clause as usize - 1].clone(),
                    answer_to: s.answer_to.map(|a| a.to_string()).unwrap_or_default(),
                },
            };
            SuggestionRow {
                index: i,
                clause: s.clause,
                clause_text: clauses[s.clause as usize - 1].clone(),
                lead_hint: lead_hint(s, &values.lead),
                deadline_hint: reading_hint(lang, s, item.meeting_day(), &values.deadline),
                answer_hint: answer_hint(s, &values.answer_to),
                contributors: contributor_choices(s, &administrations, &values.contributors),
                sent: sent.map(|t| SentTask {
                    id: t.id,
                    lead: t.lead.name.clone(),
                    url: crate::urls::task(t.id),
                }),
                values,
                error: refused.map(|(_, e)| e),
            }
        })
        .collect();
    let task_rows: Vec<crate::web::views::TaskRow> = tasks
        .iter()
        .map(|t| crate::web::views::task_row(lang, t))
        .collect();
    let options = |list: &mut dyn Iterator<Item = &Outcome>| {
        list.map(|o| Labelled {
            value: o.as_str(),
            label: o.label(lang),
        })
        .collect::<Vec<_>>()
    };
    let view = DecisionPage {
        item_id,
        meeting_id: item.meeting_id,
        meeting_url: meeting_decisions_url(item.meeting_id),
        organization_name: &item.organization_name,
        when: When::new(lang, item.meeting_starts_at),
        number: &item.item.number,
        title: item.item.display_title(),
        kind_label: item.item.kind.label(lang),
        public: item.item.public,
        opening: item.item.proposal.as_ref().map(|p| p.opening.clone()),
        proposal_url: item.item.proposal.as_ref().map(|p| proposal_url(p.id)),
        decision: decision.as_ref().map(|d| RecordedDecision {
            outcome: d.decision.outcome.label(lang),
            text: d.text.clone(),
            edited: d.text_edited,
        }),
        form: form.view(&clauses),
        outcomes: options(&mut Outcome::ALL.iter()),
        voted_outcomes: options(&mut Outcome::ALL.iter().filter(|o| o.is_voted())),
        statement_kinds: StatementKind::ALL
            .iter()
            .map(|k| Labelled {
                value: k.as_str(),
                label: k.label(lang),
            })
            .collect(),
        committees: choices(&committees),
        administrations,
        answer_bodies,
        suggestions: suggestion_rows,
        tasks: task_rows,
        problem: page.problem,
    };
    render_page("secretariat/decision.html", user, &view)
}

/// An item's decision page: the item, its recorded decision, the form to record or correct it,
/// and the follow-up tasks its adopted clauses suggest and those confirmed.
#[derive(Serialize)]
struct DecisionPage<'a> {
    item_id: AgendaItemId,
    meeting_id: MeetingId,
    meeting_url: String,
    organization_name: &'a str,
    when: When,
    number: &'a str,
    title: String,
    kind_label: String,
    public: bool,
    opening: Option<String>,
    proposal_url: Option<String>,
    decision: Option<RecordedDecision>,
    form: Value,
    outcomes: Vec<Labelled>,
    voted_outcomes: Vec<Labelled>,
    statement_kinds: Vec<Labelled>,
    committees: Vec<OrgChoice>,
    administrations: Vec<OrgChoice>,
    answer_bodies: Vec<OrgChoice>,
    suggestions: Vec<SuggestionRow<'a>>,
    tasks: Vec<crate::web::views::TaskRow>,
    problem: Option<&'a crate::i18n::Msg>,
}

/// A value of a closed set (an outcome, a kind of statement) for a select.
#[derive(Serialize)]
struct Labelled {
    value: &'static str,
    label: String,
}

#[derive(Serialize)]
struct RecordedDecision {
    outcome: String,
    text: String,
    edited: bool,
}

/// A suggested task for an adopted clause, as confirmed, refused, or still to confirm.
#[derive(Serialize)]
struct SuggestionRow<'a> {
    index: usize,
    clause: u32,
    clause_text: String,
    lead_hint: Msg,
    deadline_hint: Msg,
    answer_hint: Option<Msg>,
    contributors: Vec<ContributorChoice>,
    sent: Option<SentTask>,
    values: TaskForm,
    error: Option<&'a crate::i18n::Msg>,
}

#[derive(Serialize)]
struct SentTask {
    id: TaskId,
    lead: String,
    url: String,
}

/// `GET /secretariat/agenda-items/{item}/decision`
pub async fn item(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<AgendaItemId>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let body = state
        .db
        .run(move |conn| {
            item_page(
                conn,
                &user,
                id,
                ItemPage {
                    form: None,
                    problem: None,
                    task_form: None,
                },
            )
        })
        .await?;
    Ok(html(StatusCode::OK, body))
}

/// `POST /secretariat/agenda-items/{item}/decision`: records or corrects the decision.
pub async fn record(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<AgendaItemId>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let actor = user.account.actor();
    let account = user.account.id;
    let settings = state.settings.clone();
    let outcome = state
        .db
        .run(move |conn| {
            let item = decisions::decided_item(conn, id)?.ok_or_else(not_released)?;
            let committees = committees(conn, &item)?;
            let done = form
                .decision(id, item.clauses().len(), &committees, account)
                .and_then(|request| followup::record_decision(conn, &settings, &actor, &request));
            let done = done.map(|(first, stored)| {
                Msg::key(if first {
                    "notice-decision-saved"
                } else {
                    "notice-decision-corrected"
                })
                .label("outcome", stored.decision.outcome.label_key())
            });
            refused_or(done, |why| {
                let page = ItemPage {
                    form: Some(&form),
                    problem: Some(why),
                    task_form: None,
                };
                item_page(conn, &user, id, page)
            })
        })
        .await?;
    Ok(outcome.respond(|notice| (format!("{}#opfoelgning", item_decision_url(id)), notice)))
}

/// A confirmed task as typed: clause, lead, contributors, deadline, where the answer goes.
type TaskFields = (
    u32,
    OrganizationId,
    Vec<OrganizationId>,
    Option<NaiveDate>,
    Option<OrganizationId>,
);

fn parse_task(form: &TaskForm) -> AppResult<TaskFields> {
    let clause: u32 = form
        .clause
        .trim()
        .parse()
        .map_err(|_| AppError::bad_request("error-the-form-is-not-filled-in-5"))?;
    let lead = form
        .lead
        .trim()
        .parse::<i64>()
        .map(OrganizationId)
        .map_err(|_| AppError::invalid("error-choose-the-responsible-administration"))?;
    let contributors = form
        .contributors
        .iter()
        .filter_map(|c| c.trim().parse::<i64>().ok())
        .map(OrganizationId)
        .collect();
    let deadline = match form.deadline.trim() {
        "" => None,
        text => Some(parse_date(text).ok_or_else(|| {
            AppError::invalid(
                crate::i18n::Msg::key("error-write-the-deadline-as-a-date").arg("text", text),
            )
        })?),
    };
    let answer_to = match form.answer_to.trim() {
        "" => None,
        text => Some(OrganizationId(text.parse().map_err(|_| {
            AppError::invalid("error-choose-where-the-answer-goes")
        })?)),
    };
    Ok((clause, lead, contributors, deadline, answer_to))
}

/// `POST /secretariat/agenda-items/{item}/tasks`: confirms one suggestion, as corrected, and
/// sends it.
pub async fn confirm(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<AgendaItemId>,
    CsrfForm(form): CsrfForm<TaskForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let actor = user.account.actor();
    let account = user.account.id;
    let settings = state.settings.clone();
    let outcome = state
        .db
        .run(move |conn| {
            let done =
                parse_task(&form).and_then(|(clause, lead, contributors, deadline, answer_to)| {
                    let description = form.description.trim();
                    followup::confirm_task(
                        conn,
                        &settings,
                        &actor,
                        &NewTask {
                            item: id,
                            clause,
                            lead,
                            contributors: &contributors,
                            description: (!description.is_empty()).then_some(description),
                            deadline,
                            answer_to,
                            by: Some(account),
                        },
                    )
                });
            let done = done.map(|task| {
                Msg::key("notice-task-sent")
                    .arg("clause", task.clause)
                    .arg("lead", &task.lead.name)
                    .num("mails", (1 + task.contributors.len()) as u32)
            });
            let not_sent = crate::i18n::Msg::key("error-task-not-sent");
            refused_or(done, |why| {
                let page = ItemPage {
                    form: None,
                    problem: Some(&not_sent),
                    task_form: Some((&form, why)),
                };
                item_page(conn, &user, id, page)
            })
        })
        .await?;
    Ok(outcome.respond(|notice| (format!("{}#opfoelgning", item_decision_url(id)), notice)))
}
