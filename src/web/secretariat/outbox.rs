//! The secretariat's view of the outbox: what is waiting, what was sent, what was given up
//! (dead letters), each message as it was written, and sending a dead one again.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

use crate::db::audit::{self, SubjectKind};
use crate::db::outbox::{self, OutboxStatus, StoredMessage};
use crate::domain::MessageId;
use crate::error::{AppError, AppResult};
use crate::web::AppState;
use crate::web::auth::{CsrfForm, Secretariat};
use crate::web::files::{download, sandboxed_html};
use crate::web::templates::render_page;
use crate::web::views::AuditLine;
use crate::web::views::When;

const PAGE_SIZE: i64 = 50;

/// Audit events about a message are filed under this subject.
const SUBJECT_KIND: SubjectKind = SubjectKind("outbox_message");

fn not_found() -> AppError {
    AppError::not_found("error-the-message-is-not-in-the")
}

#[derive(Deserialize)]
pub struct ListQuery {
    status: Option<String>,
    page: Option<i64>,
}

#[derive(Serialize)]
struct Tab {
    label: String,
    url: String,
    count: i64,
    current: bool,
}

#[derive(Serialize)]
struct Row {
    url: String,
    subject: String,
    to: String,
    status: &'static str,
    status_label: String,
    attempts: i32,
    created: When,
    /// When it was sent, or when the next attempt is due.
    when: Option<When>,
    last_error: Option<String>,
}

fn recipients(message: &StoredMessage) -> String {
    message
        .to
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn row(lang: crate::domain::language::Lang, message: &StoredMessage) -> Row {
    Row {
        url: format!("/secretariat/outbox/{}", message.id),
        subject: message.subject.clone(),
        to: recipients(message),
        status: message.status.as_str(),
        status_label: message.status.label(lang),
        attempts: message.attempts,
        created: When::new(lang, message.created_at),
        when: match message.status {
            OutboxStatus::Sent => message.sent_at.map(|at| When::new(lang, at)),
            OutboxStatus::Pending => Some(When::new(lang, message.next_attempt_at)),
            OutboxStatus::Sending | OutboxStatus::Dead => None,
        },
        last_error: message.last_error.clone(),
    }
}

fn list_url(status: Option<OutboxStatus>, page: i64) -> String {
    let mut url = String::from("/secretariat/outbox");
    let mut sep = '?';
    if let Some(status) = status {
        url.push_str(&format!("{sep}status={}", status.as_str()));
        sep = '&';
    }
    if page > 1 {
        url.push_str(&format!("{sep}page={page}"));
    }
    url
}

/// `/secretariat/outbox`: newest first, by status, 50 to a page.
pub async fn list(
    Secretariat(user): Secretariat,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let status = match query.status.as_deref() {
        None | Some("") | Some("all") => None,
        Some(text) => Some(OutboxStatus::parse(text).ok_or_else(|| {
            AppError::bad_request("error-unknown-status-choose-waiting-sending-sent")
        })?),
    };
    let page = query.page.unwrap_or(1).max(1);
    let offset = (page - 1).saturating_mul(PAGE_SIZE);
    let (messages, total, counts) = state
        .db
        .run(move |conn| {
            let (messages, total) = outbox::list(conn, status, offset, PAGE_SIZE)?;
            Ok((messages, total, outbox::counts(conn)?))
        })
        .await?;
    let all: i64 = counts.iter().map(|(_, n)| n).sum();
    let mut tabs = vec![Tab {
        label: crate::i18n::t(lang, "outbox-all"),
        url: list_url(None, 1),
        count: all,
        current: status.is_none(),
    }];
    tabs.extend(counts.iter().map(|(s, n)| Tab {
        label: s.label(lang),
        url: list_url(Some(*s), 1),
        count: *n,
        current: status == Some(*s),
    }));
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    #[derive(Serialize)]
    struct ListPage {
        tabs: Vec<Tab>,
        rows: Vec<Row>,
        total: i64,
        page: i64,
        pages: i64,
        previous: Option<String>,
        next: Option<String>,
    }
    let view = ListPage {
        tabs,
        rows: messages.iter().map(|m| row(lang, m)).collect(),
        total,
        page,
        pages,
        previous: (page > 1).then(|| list_url(status, page - 1)),
        next: (page < pages).then(|| list_url(status, page + 1)),
    };
    Ok(private_html(render_page(
        "secretariat/outbox.html",
        &user,
        &view,
    )?))
}

/// A page with one person's view: never stored by a cache.
pub fn private_html(body: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body)
}

#[derive(Serialize)]
struct AttachmentView {
    url: String,
    name: String,
    content_type: String,
    size: usize,
}

async fn message(state: &AppState, id: MessageId) -> AppResult<StoredMessage> {
    state
        .db
        .run(move |conn| outbox::get(conn, id))
        .await?
        .ok_or_else(not_found)
}

/// `/secretariat/outbox/{id}`: the message, its delivery and, when dead, a button to send again.
pub async fn show(
    Secretariat(user): Secretariat,
    state: web::Data<AppState>,
    path: web::Path<MessageId>,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let id = path.into_inner();
    let (message, history) = state
        .db
        .run(move |conn| {
            let message = outbox::get(conn, id)?.ok_or_else(not_found)?;
            let history = audit::for_subject(conn, SUBJECT_KIND.with(id))?;
            Ok((message, history))
        })
        .await?;
    #[derive(Serialize)]
    struct MessagePage<'a> {
        history: Vec<AuditLine>,
        m: Row,
        id: MessageId,
        message_id: &'a str,
        from: &'a str,
        reply_to: Option<&'a str>,
        text: &'a str,
        has_html: bool,
        dead: bool,
        concerns: Option<String>,
        attachments: Vec<AttachmentView>,
    }
    let view = MessagePage {
        history: history.iter().map(|e| AuditLine::new(lang, e)).collect(),
        m: row(lang, &message),
        id: message.id,
        message_id: &message.message_id,
        from: &message.from,
        reply_to: message.reply_to.as_deref(),
        text: &message.text,
        has_html: message.html.is_some(),
        dead: message.status == OutboxStatus::Dead,
        concerns: message
            .concerns
            .as_ref()
            .map(|(kind, id)| format!("{kind} {id}")),
        attachments: message
            .attachments
            .iter()
            .enumerate()
            .map(|(i, a)| AttachmentView {
                url: format!("/secretariat/outbox/{}/attachments/{i}", message.id),
                name: a.filename.clone(),
                content_type: a.content_type.clone(),
                size: a.content.len(),
            })
            .collect(),
    };
    Ok(private_html(render_page(
        "secretariat/outbox_message.html",
        &user,
        &view,
    )?))
}

/// `/secretariat/outbox/{id}/html`: the HTML part, sandboxed.
pub async fn html(
    _: Secretariat,
    state: web::Data<AppState>,
    path: web::Path<MessageId>,
) -> AppResult<HttpResponse> {
    let message = message(&state, path.into_inner()).await?;
    Ok(sandboxed_html(message.html.ok_or_else(not_found)?))
}

/// `/secretariat/outbox/{id}/attachments/{index}`
pub async fn attachment(
    _: Secretariat,
    state: web::Data<AppState>,
    path: web::Path<(MessageId, usize)>,
) -> AppResult<HttpResponse> {
    let (id, index) = path.into_inner();
    let mut message = message(&state, id).await?;
    if index >= message.attachments.len() {
        return Err(not_found());
    }
    let attachment = message.attachments.swap_remove(index);
    Ok(download(
        &attachment.filename,
        "application/octet-stream",
        attachment.content,
    ))
}

#[derive(Deserialize)]
pub struct RequeueForm {}

/// `POST /secretariat/outbox/{id}/requeue`: a dead letter goes back in the queue, recorded in
/// the audit log.
pub async fn requeue(
    Secretariat(user): Secretariat,
    state: web::Data<AppState>,
    path: web::Path<MessageId>,
    _: CsrfForm<RequeueForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    if let Some(again) =
        crate::web::auth::reauth_redirect(&state, &user, &format!("/secretariat/outbox/{id}"))
    {
        return Ok(again);
    }
    let actor = user.account.actor();
    state
        .db
        .run(move |conn| crate::service::outbox::requeue(conn, &actor, id))
        .await?;
    Ok(crate::web::flash::done(
        format!("/secretariat/outbox/{id}"),
        "notice-message-requeued",
    ))
}
