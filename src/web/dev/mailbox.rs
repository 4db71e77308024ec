//! The development mailbox, `/dev/mailbox`: with no SMTP configured, every message Agendum sends
//! lands in `data/mail/*.eml`; these pages read the files back (list, message, HTML and text
//! parts, attachments), so `cargo run` shows every mail the product would send.
//!
//! Mail carries links that act for its recipient, so the pages are for the secretariat only,
//! and they exist only while no SMTP server is configured.

use std::path::{Path, PathBuf};

use actix_web::{HttpResponse, web};
use mail_parser::{MessageParser, MimeHeaders};
use serde::Serialize;

use crate::error::{AppError, AppResult};
use crate::web::AppState;
use crate::web::auth::Secretariat;
use crate::web::files::{download, sandboxed_html};
use crate::web::templates::render_page;

const LIST_LIMIT: usize = 200;

fn not_found() -> AppError {
    AppError::not_found("error-the-message-is-not-in-the-2")
}

/// The mailbox directory, while there is one (no SMTP configured).
fn mailbox_dir(state: &AppState) -> AppResult<PathBuf> {
    if state.settings.smtp.is_some() {
        return Err(AppError::not_found("error-the-page-does-not-exist-check"));
    }
    Ok(state.settings.mail_dir.clone())
}

/// `0000000042.eml`: the only names the worker writes, so no path can be smuggled in.
fn file_in(dir: &Path, name: &str) -> AppResult<PathBuf> {
    let valid = name.len() == 14
        && name.ends_with(".eml")
        && name[..10].bytes().all(|b| b.is_ascii_digit());
    if !valid {
        return Err(not_found());
    }
    Ok(dir.join(name))
}

/// The bytes of the message file `name`.
async fn message_bytes(state: &AppState, name: &str) -> AppResult<Vec<u8>> {
    let path = file_in(&mailbox_dir(state)?, name)?;
    tokio::task::spawn_blocking(move || std::fs::read(path))
        .await
        .map_err(AppError::internal)?
        .map_err(|_| not_found())
}

fn parse(bytes: &[u8]) -> AppResult<mail_parser::Message<'_>> {
    MessageParser::default().parse(bytes).ok_or_else(not_found)
}

#[derive(Serialize)]
struct Summary {
    file: String,
    subject: String,
    from: String,
    to: String,
    date: String,
}

fn addresses(list: Option<&mail_parser::Address>) -> String {
    list.map(|a| {
        a.iter()
            .map(|addr| match (addr.name(), addr.address()) {
                (Some(name), Some(email)) => format!("{name} <{email}>"),
                (None, Some(email)) => email.to_owned(),
                (Some(name), None) => name.to_owned(),
                (None, None) => String::new(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    })
    .unwrap_or_default()
}

fn date_text(lang: crate::domain::language::Lang, message: &mail_parser::Message) -> String {
    message
        .date()
        .and_then(|d| chrono::DateTime::from_timestamp(d.to_timestamp(), 0))
        .map(|d| crate::domain::time::datetime(lang, d))
        .unwrap_or_default()
}

/// The message's own `text/html` part (mail-parser would otherwise make HTML out of the text).
fn html_part(message: &mail_parser::Message) -> Option<String> {
    message
        .parts
        .iter()
        .find(|part| {
            part.content_type().is_some_and(|ct| {
                ct.ctype().eq_ignore_ascii_case("text")
                    && ct.subtype().is_some_and(|s| s.eq_ignore_ascii_case("html"))
            }) && !part.is_message()
                && part.attachment_name().is_none()
        })
        .and_then(|part| part.text_contents().map(str::to_owned))
}

/// `/dev/mailbox`: the newest messages first.
pub async fn list(
    Secretariat(user): Secretariat,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let dir = mailbox_dir(&state)?;
    let shown_dir = dir.display().to_string();
    let summaries = tokio::task::spawn_blocking(move || -> Vec<Summary> {
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok()?.file_name().into_string().ok())
                    .filter(|n| file_in(&dir, n).is_ok())
                    .collect()
            })
            .unwrap_or_default();
        names.sort_unstable_by(|a, b| b.cmp(a));
        names
            .into_iter()
            .take(LIST_LIMIT)
            .filter_map(|name| {
                let bytes = std::fs::read(dir.join(&name)).ok()?;
                let message = MessageParser::default().parse(&bytes)?;
                Some(Summary {
                    subject: message
                        .subject()
                        .map_or_else(|| crate::i18n::t(lang, "mailbox-no-subject"), str::to_owned),
                    from: addresses(message.from()),
                    to: addresses(message.to()),
                    date: date_text(lang, &message),
                    file: name,
                })
            })
            .collect()
    })
    .await
    .map_err(AppError::internal)?;
    #[derive(Serialize)]
    struct ListPage {
        messages: Vec<Summary>,
        dir: String,
        limit: usize,
    }
    let view = ListPage {
        messages: summaries,
        dir: shown_dir,
        limit: LIST_LIMIT,
    };
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(render_page("dev/mailbox.html", &user, &view)?))
}

#[derive(Serialize)]
struct AttachmentView {
    index: usize,
    name: String,
    content_type: String,
    size: usize,
}

/// `/dev/mailbox/{file}`: one message with its parts.
pub async fn show(
    Secretariat(user): Secretariat,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let name = path.into_inner();
    let bytes = message_bytes(&state, &name).await?;
    let message = parse(&bytes)?;
    let attachments: Vec<AttachmentView> = message
        .attachments()
        .enumerate()
        .map(|(index, part)| AttachmentView {
            index,
            name: part
                .attachment_name()
                .map_or_else(|| crate::i18n::t(lang, "mailbox-no-name"), str::to_owned),
            content_type: part
                .content_type()
                .map(|ct| format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or("")))
                .unwrap_or_default(),
            size: part.contents().len(),
        })
        .collect();
    #[derive(Serialize)]
    struct MessagePage<'a> {
        file: String,
        subject: String,
        from: String,
        to: String,
        reply_to: String,
        date: String,
        message_id: &'a str,
        text: Option<String>,
        has_html: bool,
        attachments: Vec<AttachmentView>,
    }
    let view = MessagePage {
        file: name,
        subject: message
            .subject()
            .map_or_else(|| crate::i18n::t(lang, "mailbox-no-subject"), str::to_owned),
        from: addresses(message.from()),
        to: addresses(message.to()),
        reply_to: addresses(message.reply_to()),
        date: date_text(lang, &message),
        message_id: message.message_id().unwrap_or(""),
        text: message.body_text(0).map(|t| t.into_owned()),
        has_html: html_part(&message).is_some(),
        attachments,
    };
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(render_page("dev/mailbox_message.html", &user, &view)?))
}

/// `/dev/mailbox/{file}/html`: the HTML part, sandboxed: no script, no requests of its own.
pub async fn html(
    _: Secretariat,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let bytes = message_bytes(&state, &path.into_inner()).await?;
    let message = parse(&bytes)?;
    let html = html_part(&message).ok_or_else(not_found)?;
    Ok(sandboxed_html(html))
}

/// `/dev/mailbox/{file}/attachments/{index}`: an attachment, as a download.
pub async fn attachment(
    _: Secretariat,
    state: web::Data<AppState>,
    path: web::Path<(String, usize)>,
) -> AppResult<HttpResponse> {
    let (name, index) = path.into_inner();
    let bytes = message_bytes(&state, &name).await?;
    let message = parse(&bytes)?;
    let part = message.attachments().nth(index).ok_or_else(not_found)?;
    Ok(download(
        part.attachment_name().unwrap_or("vedhaeftning"),
        "application/octet-stream",
        part.contents().to_vec(),
    ))
}

/// `/dev/mailbox/{file}/raw`: the message as it was written.
pub async fn raw(
    _: Secretariat,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let bytes = message_bytes(&state, &path.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body(bytes))
}
