//! The secretariat builds and releases a meeting's agenda
//! (`/secretariat/meetings/{id}/agenda`): accepted proposals offered for the meeting, other
//! items (indstilling, orientering, henvendelse, the approval of the agenda), reordering with
//! buttons (and drag and drop where JavaScript runs), closed items, release as a frozen version
//! and supplementary agendas (tillægsdagsordener).
//!
//! Every change carries the agenda's lock version: a second person's change from an older page
//! is refused with a message instead of overwriting the first person's.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use chrono::Utc;
use serde::{Deserialize, Serialize};

use crate::db::agenda::{self, ItemChange, NewAgendaItem, ReleaseRequest};
use crate::db::{DbConnection, meetings, organizations as orgs};
use crate::domain::account::Actor;
use crate::domain::agenda::{AgendaItemKind, Direction, RECOMMENDATION_SECTIONS, Section};
use crate::domain::attachment::{self, AttachmentError, clean_filename};
use crate::domain::organization::OrganizationKind;
use crate::domain::proposal::FieldErrors;
use crate::domain::{AgendaItemId, AttachmentId, MeetingId, OrganizationId, ProposalId};
use crate::error::{AppError, AppResult, ErrorKind};
use crate::service;
use crate::service::agenda::Placement;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, CurrentUser, Secretariat};
use crate::web::flash;
use crate::web::forms::Choice;
use crate::web::templates::render_page;
use crate::web::upload::read_upload;
use crate::web::views::{When, meeting_url, proposal_url};

const TITLE_MAX_CHARS: usize = 300;
const NUMBER_MAX_CHARS: usize = 10;
const TEXT_MAX_CHARS: usize = 50_000;
const REASON_MAX_CHARS: usize = 2_000;

/// The kinds the secretariat adds by hand; member proposals come from the proposals offered.
const ADDABLE: [AgendaItemKind; 5] = [
    AgendaItemKind::Recommendation,
    AgendaItemKind::Orientation,
    AgendaItemKind::Letter,
    AgendaItemKind::Question,
    AgendaItemKind::Other,
];

pub use crate::urls::agenda_editor as editor_url;

#[derive(Debug, Default, Deserialize)]
pub struct ItemForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    number: String,
    #[serde(default)]
    closed: Option<String>,
    #[serde(default)]
    source: String,
    #[serde(default)]
    body: String,
    /// The sections of an indstilling, in the order of `RECOMMENDATION_SECTIONS`.
    #[serde(default)]
    section: Vec<String>,
    #[serde(default)]
    lock: Option<i32>,
}

/// An item as the secretariat typed it, checked.
struct ItemInput {
    kind: AgendaItemKind,
    title: String,
    number: Option<String>,
    public: bool,
    source: Option<OrganizationId>,
    body: Option<String>,
    sections: Vec<Section>,
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn check_item(
    form: &ItemForm,
    kind: Option<AgendaItemKind>,
    sources: &[Choice],
) -> Result<ItemInput, FieldErrors> {
    let mut errors = FieldErrors::default();
    let kind = kind.or_else(|| {
        form.kind
            .parse::<AgendaItemKind>()
            .ok()
            .filter(|k| ADDABLE.contains(k))
    });
    if kind.is_none() {
        errors.add("kind", "field-choose-what-kind-of-item-it");
    }
    let title = one_line(&form.title);
    if title.is_empty() {
        errors.add("title", "field-write-the-items-title");
    } else if title.chars().count() > TITLE_MAX_CHARS {
        errors.add(
            "title",
            crate::i18n::Msg::key("field-the-title-is-too-long-at")
                .arg("TITLE_MAX_CHARS", TITLE_MAX_CHARS),
        );
    }
    let number = form.number.trim();
    let number = if number.is_empty() {
        None
    } else if number.chars().count() > NUMBER_MAX_CHARS
        || !number
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
    {
        errors.add("number", "field-an-item-number-is-digits-and");
        None
    } else {
        Some(number.trim_end_matches('.').to_owned())
    };
    let source = form.source.trim();
    let source = if source.is_empty() {
        None
    } else {
        let found = sources.iter().find(|s| s.value == source);
        if found.is_none() {
            errors.add(
                "source",
                "field-choose-an-administration-or-organisation-from",
            );
        }
        found.and_then(|s| s.value.parse().ok()).map(OrganizationId)
    };
    let mut too_long = false;
    let body = form.body.trim();
    too_long |= body.chars().count() > TEXT_MAX_CHARS;
    let sections: Vec<Section> = if kind == Some(AgendaItemKind::Recommendation) {
        RECOMMENDATION_SECTIONS
            .iter()
            .zip(form.section.iter().chain(std::iter::repeat(&String::new())))
            .map(|(heading, text)| Section {
                heading: (*heading).to_owned(),
                text: text.trim().to_owned(),
            })
            .filter(|s| !s.text.is_empty())
            .collect()
    } else {
        Vec::new()
    };
    too_long |= sections
        .iter()
        .any(|s| s.text.chars().count() > TEXT_MAX_CHARS);
    if too_long {
        errors.add(
            "body",
            crate::i18n::Msg::key("field-the-text-is-too-long-at-2")
                .arg("TEXT_MAX_CHARS", TEXT_MAX_CHARS),
        );
    }
    if kind == Some(AgendaItemKind::Recommendation)
        && !sections
            .iter()
            .any(|s| s.heading == RECOMMENDATION_SECTIONS[0])
    {
        errors.add("section", "field-a-recommendation-must-have-the-section");
    }
    match kind {
        Some(kind) if errors.is_empty() => Ok(ItemInput {
            kind,
            title,
            number,
            public: form.closed.is_none(),
            source,
            body: (!body.is_empty()).then(|| body.to_owned()),
            sections,
        }),
        _ => Err(errors),
    }
}

/// Administrations and outside organizations of the meeting's body: who puts items forward.
fn sources(conn: &mut DbConnection, organization: OrganizationId) -> AppResult<Vec<Choice>> {
    let all = orgs::list(conn)?;
    let body = all.iter().find(|o| o.id == organization).map(|o| o.body_id);
    Ok(all
        .into_iter()
        .filter(|o| {
            Some(o.body_id) == body
                && matches!(
                    o.kind,
                    OrganizationKind::Administration | OrganizationKind::External
                )
        })
        .map(|o| Choice {
            value: o.id.to_string(),
            label: o.name,
            selected: false,
        })
        .collect())
}

#[derive(Serialize)]
struct ItemRow {
    id: i64,
    number: String,
    title: String,
    kind_label: Option<String>,
    public: bool,
    proposal_url: Option<String>,
    source: Option<String>,
    can_move_up: bool,
    can_move_down: bool,
    approval: bool,
}

#[derive(Serialize)]
struct OfferRow {
    id: i64,
    title: String,
    url: String,
    note: String,
}

#[derive(Serialize)]
struct VersionRow {
    version: u32,
    url: String,
    pdf_url: String,
    released: When,
    released_by: Option<String>,
    late_reason: Option<String>,
    changes: Vec<String>,
}

/// What the editor shows besides messages.
struct EditorData {
    meeting: meetings::Meeting,
    items: Vec<agenda::WorkingItem>,
    offers: Vec<agenda::Offer>,
    versions: Vec<agenda::VersionSummary>,
    sources: Vec<Choice>,
    release_deadline: chrono::DateTime<Utc>,
    release_rule: String,
    pending_changes: Option<Vec<String>>,
}

fn load(
    lang: crate::domain::language::Lang,
    conn: &mut DbConnection,
    id: MeetingId,
) -> AppResult<EditorData> {
    let meeting = meetings::get(conn, id)?
        .ok_or_else(|| AppError::not_found("error-the-meeting-does-not-exist"))?;
    let settings = orgs::deadline_settings(conn, meeting.organization_id)?;
    let versions = agenda::versions(conn, id)?;
    // For a released agenda: what a supplement would say now.
    let pending_changes = match agenda::released(conn, id, None)? {
        Some(last) => {
            let now = agenda::build_snapshot(conn, id)?;
            let lang = crate::db::municipality::language(conn)?;
            Some(crate::domain::agenda::changes(lang, &last.snapshot, &now))
        }
        None => None,
    };
    Ok(EditorData {
        release_deadline: settings
            .agenda_release
            .deadline(meeting.starts_at, &settings.closed),
        release_rule: settings.agenda_release.describe(lang),
        items: agenda::working_items(conn, id)?,
        offers: agenda::offered_proposals(conn, id)?,
        sources: sources(conn, meeting.organization_id)?,
        versions,
        pending_changes,
        meeting,
    })
}

/// What went wrong, shown above the editor.
#[derive(Default)]
struct Messages {
    problem: Option<crate::i18n::Msg>,
    form: Option<(ItemFormEcho, FieldErrors)>,
    reason: String,
}

/// The add form as it was sent, to show it again with its errors.
struct ItemFormEcho {
    kind: String,
    title: String,
    number: String,
    closed: bool,
    source: String,
    body: String,
    section: Vec<String>,
}

impl From<&ItemForm> for ItemFormEcho {
    fn from(f: &ItemForm) -> Self {
        Self {
            kind: f.kind.clone(),
            title: f.title.clone(),
            number: f.number.clone(),
            closed: f.closed.is_some(),
            source: f.source.clone(),
            body: f.body.clone(),
            section: f.section.clone(),
        }
    }
}

/// The agenda editor: the meeting, its working agenda with what may move where, the
/// proposals that can be put on, the released versions, and the add-an-item form as posted.
#[derive(Serialize)]
struct EditorPage<'a> {
    asset_agenda_editor: String,
    meeting_id: MeetingId,
    organization_name: &'a str,
    when: When,
    location: &'a str,
    status_label: String,
    lock: i32,
    editable: bool,
    public_url: String,
    decisions_url: Option<String>,
    release_deadline: When,
    release_rule: &'a str,
    late: bool,
    has_approval: bool,
    items: Vec<ItemRow>,
    offers: Vec<OfferRow>,
    versions: Vec<VersionRow>,
    next_version: usize,
    pending_changes: Option<&'a [String]>,
    problem: Option<&'a crate::i18n::Msg>,
    reason: &'a str,
    kinds: Vec<Choice>,
    sources: Vec<Choice>,
    title: &'a str,
    number: &'a str,
    closed: bool,
    body: &'a str,
    sections: Vec<SectionField>,
    error_kind: Option<crate::i18n::Msg>,
    error_title: Option<crate::i18n::Msg>,
    error_number: Option<crate::i18n::Msg>,
    error_source: Option<crate::i18n::Msg>,
    error_body: Option<crate::i18n::Msg>,
    error_section: Option<crate::i18n::Msg>,
    errors: Vec<crate::web::forms::ErrorLine>,
}

/// A section of an indstilling in the form.
#[derive(Serialize)]
struct SectionField {
    heading: &'static str,
    id: String,
    text: String,
}

fn editor_view<'a>(
    lang: crate::domain::language::Lang,
    data: &'a EditorData,
    messages: &'a Messages,
) -> EditorPage<'a> {
    let m = &data.meeting;
    let now = Utc::now();
    let editable =
        m.starts_at > now && m.status != crate::domain::meeting::MeetingStatus::Cancelled;
    let groups: Vec<u8> = data
        .items
        .iter()
        .map(|i| match (i.kind, i.public) {
            (AgendaItemKind::ApprovalOfAgenda, true) => 0,
            (_, true) => 1,
            _ => 2,
        })
        .collect();
    let rows: Vec<ItemRow> = data
        .items
        .iter()
        .enumerate()
        .map(|(index, i)| ItemRow {
            id: i.id.0,
            number: i.number.clone(),
            title: i.title.clone(),
            kind_label: i.kind.label_beside(lang, &i.title),
            public: i.public,
            proposal_url: i.proposal_id.map(proposal_url),
            source: i.source.as_ref().map(|(_, name)| name.clone()),
            can_move_up: index > 0 && groups[index - 1] == groups[index],
            can_move_down: index + 1 < groups.len() && groups[index + 1] == groups[index],
            approval: i.kind == AgendaItemKind::ApprovalOfAgenda,
        })
        .collect();
    static EMPTY: std::sync::LazyLock<ItemFormEcho> =
        std::sync::LazyLock::new(|| ItemFormEcho::from(&ItemForm::default()));
    let (echo, errors) = match &messages.form {
        Some((echo, errors)) => (echo, Some(errors)),
        None => (&*EMPTY, None),
    };
    let kind = if echo.kind.is_empty() {
        AgendaItemKind::Recommendation.as_str()
    } else {
        echo.kind.as_str()
    };
    let error = |field: &str| errors.and_then(|e| e.get(field)).cloned();
    EditorPage {
        asset_agenda_editor: crate::web::assets::url("agenda-editor.js"),
        meeting_id: m.id,
        organization_name: &m.organization_name,
        when: When::new(lang, m.starts_at),
        location: &m.location,
        status_label: m.status.label_at(lang, m.starts_at, chrono::Utc::now()),
        lock: m.lock_version,
        editable,
        public_url: meeting_url(m.id),
        decisions_url: m
            .status
            .agenda_is_released()
            .then(|| crate::urls::meeting_decisions(m.id)),
        release_deadline: When::new(lang, data.release_deadline),
        release_rule: &data.release_rule,
        late: now > data.release_deadline,
        has_approval: rows.iter().any(|r| r.approval),
        items: rows,
        offers: data
            .offers
            .iter()
            .map(|o| OfferRow {
                id: o.proposal_id.0,
                title: o.title.clone(),
                url: proposal_url(o.proposal_id),
                note: if o.late {
                    crate::i18n::t(lang, "proposal-submitted-late")
                } else if o.target == Some(m.id) {
                    crate::i18n::t(lang, "proposal-submitted-on-time-here")
                } else if o.target.is_some() {
                    crate::i18n::t(lang, "proposal-submitted-elsewhere")
                } else {
                    crate::i18n::t(lang, "proposal-waiting-for-meeting")
                },
            })
            .collect(),
        versions: data
            .versions
            .iter()
            .rev()
            .map(|v| VersionRow {
                version: v.version,
                url: format!("{}?version={}", meeting_url(m.id), v.version),
                pdf_url: format!("{}/agenda.pdf?version={}", meeting_url(m.id), v.version),
                released: When::new(lang, v.released_at),
                released_by: v.released_by.clone(),
                late_reason: v.late_reason.clone(),
                changes: v.changes.clone(),
            })
            .collect(),
        next_version: data.versions.len() + 1,
        pending_changes: data.pending_changes.as_deref(),
        problem: messages.problem.as_ref(),
        reason: &messages.reason,
        kinds: ADDABLE
            .iter()
            .map(|k| Choice {
                value: k.as_str().to_owned(),
                label: k.label(lang).to_owned(),
                selected: k.as_str() == kind,
            })
            .collect(),
        sources: data
            .sources
            .iter()
            .map(|s| Choice {
                selected: s.value == echo.source,
                ..s.clone()
            })
            .collect(),
        title: &echo.title,
        number: &echo.number,
        closed: echo.closed,
        body: &echo.body,
        sections: RECOMMENDATION_SECTIONS
            .iter()
            .enumerate()
            .map(|(i, heading)| SectionField {
                heading,
                id: format!("section-{i}"),
                text: echo.section.get(i).cloned().unwrap_or_default(),
            })
            .collect(),
        error_kind: error("kind"),
        error_title: error("title"),
        error_number: error("number"),
        error_source: error("source"),
        error_body: error("body"),
        error_section: error("section"),
        errors: errors
            .map(crate::web::forms::error_lines)
            .unwrap_or_default(),
    }
}

async fn render_editor(
    state: &AppState,
    user: &CurrentUser,
    id: MeetingId,
    messages: Messages,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let data = state.db.run(move |conn| load(lang, conn, id)).await?;
    let view = editor_view(lang, &data, &messages);
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(render_page("secretariat/agenda.html", user, &view)?))
}

/// `GET /secretariat/meetings/{id}/agenda`
pub async fn show(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<MeetingId>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    render_editor(&state, &user, id, Messages::default(), StatusCode::OK).await
}

/// A refused change is shown on the editor as it is now, with the reason; faults stay errors.
async fn refused(
    state: &AppState,
    user: &CurrentUser,
    id: MeetingId,
    error: AppError,
) -> AppResult<HttpResponse> {
    match error.kind {
        ErrorKind::Conflict | ErrorKind::Invalid | ErrorKind::BadRequest => {
            let status = StatusCode::from_u16(error.kind.status())
                .unwrap_or(StatusCode::UNPROCESSABLE_ENTITY);
            render_editor(
                state,
                user,
                id,
                Messages {
                    problem: Some(error.message),
                    ..Messages::default()
                },
                status,
            )
            .await
        }
        _ => Err(error),
    }
}

fn required_lock(lock: Option<i32>) -> AppResult<i32> {
    lock.ok_or_else(|| AppError::bad_request("error-the-form-is-missing-the-agendas"))
}

/// Runs one change of the working agenda (a `service::agenda` function, given the actor and
/// the lock the page was built on), then on to `done`, or back to the editor with the reason
/// the change was refused.
async fn change_agenda(
    state: &AppState,
    user: &CurrentUser,
    id: MeetingId,
    lock: Option<i32>,
    (location, notice): (String, &'static str),
    work: impl FnOnce(&mut DbConnection, &Actor, i32) -> AppResult<()> + Send + 'static,
) -> AppResult<HttpResponse> {
    let lock = required_lock(lock)?;
    let actor = user.account.actor();
    let result = state.db.run(move |conn| work(conn, &actor, lock)).await;
    match result {
        Ok(()) => Ok(flash::done(location, notice)),
        Err(e) => refused(state, user, id, e).await,
    }
}

/// `POST /secretariat/meetings/{id}/agenda/items`: adds an item the secretariat writes.
pub async fn add_item(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<MeetingId>,
    CsrfForm(form): CsrfForm<ItemForm>,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let id = path.into_inner();
    let data = state.db.run(move |conn| load(lang, conn, id)).await?;
    let input = match check_item(&form, None, &data.sources) {
        Ok(input) => input,
        Err(errors) => {
            let messages = Messages {
                form: Some((ItemFormEcho::from(&form), errors)),
                ..Messages::default()
            };
            let view = editor_view(lang, &data, &messages);
            return Ok(HttpResponse::UnprocessableEntity()
                .content_type("text/html; charset=utf-8")
                .insert_header((header::CACHE_CONTROL, "no-store"))
                .body(render_page("secretariat/agenda.html", &user, &view)?));
        }
    };
    change_agenda(
        &state,
        &user,
        id,
        form.lock,
        (format!("{}#punkter", editor_url(id)), "notice-item-added"),
        move |conn, actor, lock| {
            service::agenda::add_item(
                conn,
                actor,
                lock,
                &NewAgendaItem {
                    meeting_id: id,
                    number: input.number.as_deref(),
                    title: &input.title,
                    kind: input.kind,
                    public: input.public,
                    proposal_id: None,
                    case_id: None,
                    body: input.body.as_deref(),
                    sections: &input.sections,
                    source_organization_id: input.source,
                },
            )
        },
    )
    .await
}

#[derive(Debug, Deserialize)]
pub struct LockForm {
    #[serde(default)]
    lock: Option<i32>,
}

/// `POST /secretariat/meetings/{id}/agenda/approval`: "Godkendelse af dagsordenen" as item 1.
pub async fn add_approval(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<MeetingId>,
    CsrfForm(form): CsrfForm<LockForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    change_agenda(
        &state,
        &user,
        id,
        form.lock,
        (
            format!("{}#punkter", editor_url(id)),
            "notice-approval-item-added",
        ),
        move |conn, actor, lock| service::agenda::add_approval(conn, actor, id, lock),
    )
    .await
}

#[derive(Debug, Deserialize)]
pub struct ProposalForm {
    #[serde(default)]
    proposal: Option<i64>,
    #[serde(default)]
    lock: Option<i32>,
}

/// `POST /secretariat/meetings/{id}/agenda/proposals`: puts an accepted proposal on the agenda.
pub async fn add_proposal(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<MeetingId>,
    CsrfForm(form): CsrfForm<ProposalForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let proposal = ProposalId(
        form.proposal
            .ok_or_else(|| AppError::bad_request("error-choose-a-proposal"))?,
    );
    change_agenda(
        &state,
        &user,
        id,
        form.lock,
        (
            format!("{}#punkter", editor_url(id)),
            "notice-proposal-on-agenda",
        ),
        move |conn, actor, lock| service::agenda::add_proposal(conn, actor, id, lock, proposal),
    )
    .await
}

#[derive(Debug, Deserialize)]
pub struct ItemActionForm {
    #[serde(default)]
    action: String,
    /// For `move`: the place (from 0) the item is dropped at.
    #[serde(default)]
    to: Option<usize>,
    #[serde(default)]
    lock: Option<i32>,
}

/// `POST /secretariat/meetings/{id}/agenda/items/{item}`: up, down, move (drag and drop),
/// close, open or delete.
pub async fn item_action(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<(MeetingId, AgendaItemId)>,
    CsrfForm(form): CsrfForm<ItemActionForm>,
) -> AppResult<HttpResponse> {
    let (id, item) = path.into_inner();
    let placement = match form.action.as_str() {
        "up" => Some(Placement::Step(Direction::Up)),
        "down" => Some(Placement::Step(Direction::Down)),
        "move" => Some(Placement::To(form.to.ok_or_else(|| {
            AppError::bad_request("error-where-is-the-item-to-go")
        })?)),
        "close" | "open" | "delete" => None,
        _ => return Err(AppError::bad_request("error-unknown-action")),
    };
    let action = form.action.clone();
    let done = match form.action.as_str() {
        "up" | "down" | "move" => "notice-item-moved",
        "close" => "notice-item-closed",
        "open" => "notice-item-opened",
        _ => "notice-item-removed",
    };
    let anchor = if form.action == "delete" {
        "#punkter".to_owned()
    } else {
        format!("#punkt-{}", item.0)
    };
    change_agenda(
        &state,
        &user,
        id,
        form.lock,
        (format!("{}{anchor}", editor_url(id)), done),
        move |conn, actor, lock| match (placement, action.as_str()) {
            (Some(placement), _) => {
                service::agenda::move_item(conn, actor, id, lock, item, placement)
            }
            (None, "delete") => service::agenda::delete_item(conn, actor, id, lock, item),
            (None, action) => {
                service::agenda::set_public(conn, actor, id, lock, item, action == "open")
            }
        },
    )
    .await
}

/// The editor's data and one of its items, with the item's files.
async fn load_item(
    lang: crate::domain::language::Lang,
    state: &AppState,
    id: MeetingId,
    item: AgendaItemId,
) -> AppResult<(EditorData, ItemWithFiles)> {
    state
        .db
        .run(move |conn| {
            let data = load(lang, conn, id)?;
            let current = data
                .items
                .iter()
                .find(|i| i.id == item)
                .cloned()
                .ok_or_else(|| AppError::not_found("error-the-item-is-not-on-the"))?;
            let files = agenda::item_attachments(conn, id, item)?;
            Ok((
                data,
                ItemWithFiles {
                    item: current,
                    files,
                },
            ))
        })
        .await
}

struct ItemWithFiles {
    item: agenda::WorkingItem,
    files: Vec<crate::domain::agenda::SnapshotAttachment>,
}

/// The item's own form, filled in from the item.
fn item_form_of(current: &ItemWithFiles) -> ItemForm {
    let current = &current.item;
    ItemForm {
        kind: current.kind.as_str().to_owned(),
        title: current.title.clone(),
        number: if current.custom_number {
            current.number.clone()
        } else {
            String::new()
        },
        closed: (!current.public).then(String::new),
        source: current
            .source
            .as_ref()
            .map(|(o, _)| o.to_string())
            .unwrap_or_default(),
        body: current.body.clone().unwrap_or_default(),
        section: RECOMMENDATION_SECTIONS
            .iter()
            .map(|h| {
                current
                    .sections
                    .iter()
                    .find(|s| s.heading == *h)
                    .map(|s| s.text.clone())
                    .unwrap_or_default()
            })
            .collect(),
        lock: None,
    }
}

/// `GET /secretariat/meetings/{id}/agenda/items/{item}`: the item's own form and its files.
pub async fn edit_form(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<(MeetingId, AgendaItemId)>,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let (meeting, item) = path.into_inner();
    let (data, current) = load_item(lang, &state, meeting, item).await?;
    let form = item_form_of(&current);
    edit_page(
        &state,
        &user,
        &data,
        &current,
        &form,
        &FieldErrors::default(),
        StatusCode::OK,
    )
}

fn edit_page(
    state: &AppState,
    user: &CurrentUser,
    data: &EditorData,
    current: &ItemWithFiles,
    form: &ItemForm,
    errors: &FieldErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let item = &current.item;
    let messages = Messages {
        form: Some((ItemFormEcho::from(form), errors.clone())),
        ..Messages::default()
    };
    let view = ItemEditPage {
        editor: editor_view(lang, data, &messages),
        item_id: item.id,
        item_kind: item.kind.as_str(),
        item_kind_label: item.kind.label(lang),
        item_number: &item.number,
        is_proposal: item.proposal_id.is_some(),
        proposal_url: item.proposal_id.map(proposal_url),
        error_file: errors.get("file"),
        max_attachment_mb: state.settings.max_attachment_bytes / (1024 * 1024),
        files: current
            .files
            .iter()
            .map(|f| FileLine {
                id: f.id,
                filename: f.filename.clone(),
                size: crate::domain::text::file_size(lang, f.size),
                public: f.public,
                url: attachment_url(data.meeting.id, f.id),
            })
            .collect(),
    };
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(render_page(
            "secretariat/agenda_item_edit.html",
            user,
            &view,
        )?))
}

/// One item's page: the editor's data, the item, its files, and the form as posted.
#[derive(Serialize)]
struct ItemEditPage<'a> {
    #[serde(flatten)]
    editor: EditorPage<'a>,
    item_id: AgendaItemId,
    item_kind: &'static str,
    item_kind_label: String,
    item_number: &'a str,
    is_proposal: bool,
    proposal_url: Option<String>,
    error_file: Option<&'a crate::i18n::Msg>,
    max_attachment_mb: u64,
    files: Vec<FileLine>,
}

/// A file on the item.
#[derive(Serialize)]
struct FileLine {
    id: AttachmentId,
    filename: String,
    size: String,
    public: bool,
    url: String,
}

pub use crate::urls::meeting_attachment as attachment_url;

/// `POST /secretariat/meetings/{id}/agenda/items/{item}/edit`: saves the item's own form.
pub async fn update_item(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<(MeetingId, AgendaItemId)>,
    CsrfForm(form): CsrfForm<ItemForm>,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let (id, item) = path.into_inner();
    let (data, current) = load_item(lang, &state, id, item).await?;
    let input = match check_item(&form, Some(current.item.kind), &data.sources) {
        Ok(input) => input,
        Err(errors) => {
            return edit_page(
                &state,
                &user,
                &data,
                &current,
                &form,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    if current.item.kind == AgendaItemKind::ApprovalOfAgenda && !input.public {
        let mut errors = FieldErrors::default();
        errors.add("title", "field-the-approval-of-the-agenda-is");
        return edit_page(
            &state,
            &user,
            &data,
            &current,
            &form,
            &errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    change_agenda(
        &state,
        &user,
        id,
        form.lock,
        (
            format!("{}#punkt-{}", editor_url(id), item.0),
            "notice-item-saved",
        ),
        move |conn, actor, lock| {
            service::agenda::update_item(
                conn,
                actor,
                id,
                lock,
                item,
                &ItemChange {
                    title: &input.title,
                    public: input.public,
                    number: input.number.as_deref(),
                    body: input.body.as_deref(),
                    sections: &input.sections,
                    source_organization_id: input.source,
                },
            )
        },
    )
    .await
}

#[derive(Debug, Deserialize)]
pub struct ReleaseForm {
    #[serde(default)]
    late_reason: String,
    #[serde(default)]
    lock: Option<i32>,
}

/// `POST /secretariat/meetings/{id}/agenda/release`: releases the agenda as the next version
/// and mails every member of the body, all in one transaction.
pub async fn release(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<MeetingId>,
    CsrfForm(form): CsrfForm<ReleaseForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    if let Some(again) = crate::web::auth::reauth_redirect(&state, &user, &editor_url(id)) {
        return Ok(again);
    }
    let lock = required_lock(form.lock)?;
    let reason = form.late_reason.trim().to_owned();
    if reason.chars().count() > REASON_MAX_CHARS {
        return render_editor(
            &state,
            &user,
            id,
            Messages {
                problem: Some(
                    crate::i18n::Msg::key("error-reason-too-long").arg("max", REASON_MAX_CHARS),
                ),
                reason,
                ..Messages::default()
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let actor = user.account.actor();
    let user_id = user.account.id;
    let settings = state.settings.clone();
    let reason_for_release = reason.clone();
    let result = state
        .db
        .run(move |conn| {
            service::agenda::release(
                conn,
                &settings,
                &actor,
                &ReleaseRequest {
                    meeting_id: id,
                    released_at: Utc::now(),
                    released_by: Some(user_id),
                    late_reason: Some(&reason_for_release),
                    expected_lock: Some(lock),
                },
            )
        })
        .await;
    match result {
        Ok(sent) => {
            // This node's copy of the public page goes at once; other nodes revalidate theirs.
            state.pages.invalidate(id);
            tracing::info!(
                meeting = id.0,
                version = sent.released.version,
                "agenda released"
            );
            Ok(flash::done(
                format!("{}#versioner", editor_url(id)),
                sent.notice(),
            ))
        }
        Err(e) if matches!(e.kind, ErrorKind::Conflict | ErrorKind::Invalid) => {
            render_editor(
                &state,
                &user,
                id,
                Messages {
                    problem: Some(e.message),
                    reason,
                    ..Messages::default()
                },
                StatusCode::from_u16(e.kind.status()).unwrap_or(StatusCode::CONFLICT),
            )
            .await
        }
        Err(e) => Err(e),
    }
}

/// `POST /secretariat/meetings/{id}/agenda/items/{item}/attachments`: attaches a file, public
/// or not; its bytes must be what its name says, within the configured size.
pub async fn upload(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<(MeetingId, AgendaItemId)>,
    multipart: actix_multipart::Multipart,
) -> AppResult<HttpResponse> {
    let (id, item) = path.into_inner();
    let read = read_upload(
        &req,
        Some(&user),
        multipart,
        state.settings.max_attachment_bytes,
    )
    .await?;
    let mut upload = match read {
        Ok(upload) => upload,
        Err(e) => return upload_refused(&state, &user, id, item, e.into()).await,
    };
    let checked = upload
        .take_file()?
        .ok_or(AttachmentError::Empty)
        .and_then(|(name, bytes)| {
            let filename = clean_filename(&name)?;
            let content_type = attachment::check(&filename, &bytes)?;
            Ok((filename, content_type, bytes))
        });
    let (filename, content_type, bytes) = match checked {
        Ok(c) => c,
        Err(e) => return upload_refused(&state, &user, id, item, e.into()).await,
    };
    let lock = upload.field("lock").and_then(|l| l.trim().parse().ok());
    let public = upload.field("public").is_some();
    let user_id = user.account.id;
    // Read before the agenda is locked: a long PDF takes a moment.
    let text = {
        let kind = content_type.to_owned();
        let bytes = bytes.clone();
        web::block(move || crate::documents::file_text(&kind, &bytes))
            .await
            .map_err(AppError::internal)?
    };
    change_agenda(
        &state,
        &user,
        id,
        lock,
        (
            format!("{}/items/{}#bilag", editor_url(id), item.0),
            "notice-attachment-added",
        ),
        move |conn, actor, lock| {
            service::agenda::attach(
                conn,
                actor,
                lock,
                &agenda::NewAttachment {
                    meeting_id: id,
                    item,
                    filename: &filename,
                    content_type,
                    public,
                    content: &bytes,
                    text: text.as_deref(),
                    created_by: Some(user_id),
                },
            )
        },
    )
    .await
}

async fn upload_refused(
    state: &AppState,
    user: &CurrentUser,
    id: MeetingId,
    item: AgendaItemId,
    message: crate::i18n::Msg,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let (data, current) = load_item(lang, state, id, item).await?;
    let mut errors = FieldErrors::default();
    errors.add("file", message);
    let form = item_form_of(&current);
    edit_page(
        state,
        user,
        &data,
        &current,
        &form,
        &errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
}

/// `POST /secretariat/meetings/{id}/agenda/attachments/{attachment}/detach`
pub async fn detach(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<(MeetingId, AttachmentId)>,
    CsrfForm(form): CsrfForm<LockForm>,
) -> AppResult<HttpResponse> {
    let (id, attachment) = path.into_inner();
    change_agenda(
        &state,
        &user,
        id,
        form.lock,
        (
            format!("{}#punkter", editor_url(id)),
            "notice-attachment-removed",
        ),
        move |conn, actor, lock| service::agenda::detach(conn, actor, id, lock, attachment),
    )
    .await
}
