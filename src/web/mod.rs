//! The web application: routes, shared state and the server's start.

pub mod account;
pub mod agenda_admin;
pub mod api;
pub mod api_followup;
pub mod api_proposals;
pub mod assets;
pub mod auth;
pub mod cache;
pub mod decisions_admin;
pub mod documents;
pub mod errors;
pub mod followup_public;
pub mod followup_view;
pub mod forms;
pub mod letters;
pub mod letters_admin;
pub mod mailbox;
pub mod markdown;
pub mod meetings_admin;
pub mod minutes;
pub mod my_tasks;
pub mod outbox;
pub mod pages;
pub mod proposals;
pub mod subscriptions;
pub mod task_answer;
pub mod tasks_admin;
pub mod templates;
pub mod upload;
pub mod views;

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::{App, HttpServer, middleware, web};

use crate::config::Settings;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use cache::PageCache;
use errors::ApiError;

/// What every handler can reach.
pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    pub pages: PageCache,
}

/// Whether the request's `If-None-Match` names `etag` (then a `304` answers it).
pub fn etag_matches(req: &actix_web::HttpRequest, etag: &str) -> bool {
    req.headers()
        .get(actix_web::http::header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"))
}

/// The largest request body accepted (a proposal with a long motivation fits many times over).
const FORM_LIMIT_BYTES: usize = 4 * 1024 * 1024;

/// No inline script or style anywhere, so the policy can forbid them.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; \
script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/api/v1")
            .app_data(web::PathConfig::default().error_handler(|_, _| {
                ApiError(AppError::not_found("Adressen findes ikke i API'et.")).into()
            }))
            .app_data(web::QueryConfig::default().error_handler(|err, _| {
                ApiError(AppError::bad_request(format!("Ugyldige parametre: {err}"))).into()
            }))
            .app_data(
                web::JsonConfig::default()
                    .limit(FORM_LIMIT_BYTES)
                    .error_handler(|err, _| {
                        ApiError(AppError::bad_request(format!("Ugyldig JSON: {err}"))).into()
                    }),
            )
            .route("/meetings", web::get().to(api::meetings_index))
            .route("/meetings/{id}", web::get().to(api::meeting_show))
            .route("/me", web::get().to(api::me))
            .route("/proposals/parse", web::post().to(api::parse_proposal))
            .route("/proposals", web::get().to(api_proposals::index))
            .route("/proposals", web::post().to(api_proposals::create))
            .route("/proposals/{id}", web::get().to(api_proposals::show))
            .route("/proposals/{id}", web::patch().to(api_proposals::update))
            .route(
                "/proposals/{id}/submit",
                web::post().to(api_proposals::submit),
            )
            .route("/cases/{reference}", web::get().to(api_proposals::case))
            .route(
                "/agenda-items/{id}/decision",
                web::post().to(api_followup::record_decision),
            )
            .route("/tasks", web::get().to(api_followup::list_tasks))
            .route("/tasks", web::post().to(api_followup::create_task))
            .route("/tasks/{id}", web::get().to(api_followup::show_task))
            .route("/tasks/{id}", web::patch().to(api_followup::update_task))
            .route(
                "/agenda-items/{id}/task-suggestions",
                web::get().to(api_followup::task_suggestions),
            )
            .route("/letters", web::get().to(letters::api_index))
            .route("/letters/{id}", web::get().to(letters::api_show))
            .route("/openapi.json", web::get().to(api::openapi)),
    )
    .app_data(web::PathConfig::default().error_handler(|_, _| {
        AppError::not_found("Siden findes ikke. Tjek adressen, eller gå til forsiden.").into()
    }))
    .route("/", web::get().to(pages::index))
    .route("/meetings/{id}", web::get().to(pages::meeting))
    .route(
        "/meetings/{id}/agenda.pdf",
        web::get().to(documents::agenda_pdf),
    )
    .route(
        "/meetings/{id}/minutes/draft",
        web::get().to(minutes::draft),
    )
    .route(
        "/meetings/{id}/minutes/draft",
        web::post().to(minutes::approve),
    )
    .route(
        "/meetings/{id}/minutes.pdf",
        web::get().to(documents::minutes_pdf),
    )
    .route(
        "/meetings/{id}/attachments/{attachment}",
        web::get().to(documents::attachment),
    )
    .route(
        "/meetings/{id}/meeting.ics",
        web::get().to(documents::meeting_ics),
    )
    .route(
        "/organizations/{id}/meetings.ics",
        web::get().to(documents::organization_ics),
    )
    .route(
        "/organizations/{id}/feed.atom",
        web::get().to(documents::organization_feed),
    )
    .route(
        "/organizations/{id}/subscribe",
        web::get().to(subscriptions::form),
    )
    .route(
        "/organizations/{id}/subscribe",
        web::post().to(subscriptions::subscribe),
    )
    .route("/tasks/answer/{token}", web::get().to(task_answer::show))
    .route("/tasks/answer/{token}", web::post().to(task_answer::submit))
    .route(
        "/tasks/answer/{token}/files",
        web::post().to(task_answer::upload),
    )
    .route(
        "/tasks/answer/{token}/files/{file}",
        web::get().to(task_answer::file),
    )
    .route(
        "/subscriptions/confirm/{token}",
        web::get().to(subscriptions::confirm_form),
    )
    .route(
        "/subscriptions/confirm/{token}",
        web::post().to(subscriptions::confirm),
    )
    .route(
        "/subscriptions/unsubscribe/{token}",
        web::get().to(subscriptions::unsubscribe_form),
    )
    .route(
        "/subscriptions/unsubscribe/{token}",
        web::post().to(subscriptions::unsubscribe),
    )
    .route("/proposals/new", web::get().to(proposals::new_form))
    .route("/proposals/new", web::post().to(proposals::create))
    .route("/proposals/new/paste", web::post().to(proposals::paste))
    .route(
        "/proposals/follow-up",
        web::get().to(followup_public::in_follow_up),
    )
    .route(
        "/proposals/completed",
        web::get().to(followup_public::completed),
    )
    .route("/proposals/{id}", web::get().to(pages::proposal))
    .route("/proposals/{id}/edit", web::get().to(proposals::edit_form))
    .route("/proposals/{id}/edit", web::post().to(proposals::update))
    .route("/proposals/{id}/submit", web::post().to(proposals::submit))
    .route(
        "/proposals/{id}/withdraw",
        web::post().to(proposals::withdraw),
    )
    .route(
        "/proposals/{id}/return",
        web::post().to(proposals::return_to_author),
    )
    .route("/proposals/{id}/accept", web::post().to(proposals::accept))
    .route(
        "/proposals/{id}/versions",
        web::get().to(proposals::compare),
    )
    .route("/my/proposals", web::get().to(proposals::mine))
    .route("/my/tasks", web::get().to(my_tasks::list))
    .route("/my/tasks/{id}", web::get().to(my_tasks::show))
    .route("/my/tasks/{id}", web::post().to(my_tasks::submit))
    .route("/my/tasks/{id}/files", web::post().to(my_tasks::upload))
    .route("/my/tasks/{id}/files/{file}", web::get().to(my_tasks::file))
    .route("/secretariat/proposals", web::get().to(proposals::inbox))
    .route("/secretariat/meetings", web::get().to(meetings_admin::list))
    .route(
        "/secretariat/meetings/{id}/agenda",
        web::get().to(agenda_admin::show),
    )
    .route(
        "/secretariat/meetings/{id}/agenda/items",
        web::post().to(agenda_admin::add_item),
    )
    .route(
        "/secretariat/meetings/{id}/agenda/approval",
        web::post().to(agenda_admin::add_approval),
    )
    .route(
        "/secretariat/meetings/{id}/agenda/proposals",
        web::post().to(agenda_admin::add_proposal),
    )
    .route(
        "/secretariat/meetings/{id}/agenda/items/{item}",
        web::get().to(agenda_admin::edit_form),
    )
    .route(
        "/secretariat/meetings/{id}/agenda/items/{item}",
        web::post().to(agenda_admin::item_action),
    )
    .route(
        "/secretariat/meetings/{id}/agenda/items/{item}/edit",
        web::post().to(agenda_admin::update_item),
    )
    .route(
        "/secretariat/meetings/{id}/agenda/items/{item}/attachments",
        web::post().to(agenda_admin::upload),
    )
    .route(
        "/secretariat/meetings/{id}/agenda/attachments/{attachment}/detach",
        web::post().to(agenda_admin::detach),
    )
    .route(
        "/secretariat/meetings/{id}/agenda/release",
        web::post().to(agenda_admin::release),
    )
    .route(
        "/secretariat/meetings",
        web::post().to(meetings_admin::create),
    )
    .route(
        "/secretariat/meetings/signers",
        web::post().to(meetings_admin::set_signers),
    )
    .route(
        "/secretariat/meetings/{id}/decisions",
        web::get().to(decisions_admin::meeting),
    )
    .route(
        "/secretariat/meetings/{id}/minutes",
        web::post().to(decisions_admin::minutes_action),
    )
    .route(
        "/secretariat/meetings/{id}/attendance",
        web::post().to(decisions_admin::attendance),
    )
    .route(
        "/secretariat/agenda-items/{item}/decision",
        web::get().to(decisions_admin::item),
    )
    .route(
        "/secretariat/agenda-items/{item}/decision",
        web::post().to(decisions_admin::record),
    )
    .route(
        "/secretariat/agenda-items/{item}/tasks",
        web::post().to(decisions_admin::confirm),
    )
    .route("/secretariat/tasks", web::get().to(tasks_admin::list))
    .route("/secretariat/tasks/{id}", web::get().to(tasks_admin::show))
    .route("/secretariat/tasks/{id}", web::post().to(tasks_admin::act))
    .route(
        "/secretariat/tasks/{id}/overview",
        web::get().to(tasks_admin::overview),
    )
    .route(
        "/secretariat/tasks/{id}/overview.pdf",
        web::get().to(tasks_admin::overview_pdf),
    )
    .route(
        "/secretariat/tasks/{id}/files/{file}",
        web::get().to(tasks_admin::file),
    )
    .route(
        "/secretariat/tasks/{id}/present",
        web::post().to(tasks_admin::present),
    )
    .route("/letters/{file}", web::get().to(letters::pdf))
    .route("/letters/{id}/original", web::get().to(letters::original))
    .route(
        "/organizations/{id}/logo",
        web::get().to(letters_admin::logo),
    )
    .route("/secretariat/letters", web::get().to(letters_admin::list))
    .route(
        "/secretariat/letters",
        web::post().to(letters_admin::create),
    )
    .route(
        "/secretariat/letters/new",
        web::get().to(letters_admin::new_form),
    )
    .route(
        "/secretariat/letters/incoming",
        web::post().to(letters_admin::register),
    )
    .route(
        "/secretariat/letters/{id}",
        web::get().to(letters_admin::show),
    )
    .route(
        "/secretariat/letters/{id}",
        web::post().to(letters_admin::act),
    )
    .route(
        "/secretariat/letters/{id}/edit",
        web::get().to(letters_admin::edit_form),
    )
    .route(
        "/secretariat/letters/{id}/edit",
        web::post().to(letters_admin::update),
    )
    .route(
        "/secretariat/letters/{id}/agenda",
        web::post().to(letters_admin::put_on_agenda),
    )
    .route(
        "/secretariat/letterheads",
        web::get().to(letters_admin::letterheads),
    )
    .route(
        "/secretariat/letterheads/{id}",
        web::post().to(letters_admin::save_letterhead),
    )
    .route("/cases/{reference}", web::get().to(pages::case))
    .route("/healthz", web::get().to(pages::healthz))
    .route("/login", web::get().to(account::login_form))
    .route("/login", web::post().to(account::login))
    .route("/logout", web::get().to(account::logout_form))
    .route("/logout", web::post().to(account::logout))
    .route("/secretariat/outbox", web::get().to(outbox::list))
    .route("/secretariat/outbox/{id}", web::get().to(outbox::show))
    .route("/secretariat/outbox/{id}/html", web::get().to(outbox::html))
    .route(
        "/secretariat/outbox/{id}/attachments/{index}",
        web::get().to(outbox::attachment),
    )
    .route(
        "/secretariat/outbox/{id}/requeue",
        web::post().to(outbox::requeue),
    )
    .route("/dev/mailbox", web::get().to(mailbox::list))
    .route("/dev/mailbox/{file}", web::get().to(mailbox::show))
    .route("/dev/mailbox/{file}/html", web::get().to(mailbox::html))
    .route("/dev/mailbox/{file}/raw", web::get().to(mailbox::raw))
    .route(
        "/dev/mailbox/{file}/attachments/{index}",
        web::get().to(mailbox::attachment),
    )
    .route("/assets/{path:.*}", web::get().to(assets::serve));
}

/// Builds the HTTP server on an already bound listener.
pub fn server(listener: TcpListener, state: web::Data<AppState>) -> AppResult<Server> {
    templates::init()?;
    let server = HttpServer::new(move || {
        App::new()
            .app_data(state.clone())
            // Forms may carry long texts; the handlers refuse what is too long, field by field.
            .app_data(web::PayloadConfig::new(FORM_LIMIT_BYTES))
            .wrap(
                middleware::DefaultHeaders::new()
                    .add(("Content-Security-Policy", CONTENT_SECURITY_POLICY))
                    .add(("X-Content-Type-Options", "nosniff"))
                    .add(("Referrer-Policy", "same-origin")),
            )
            .configure(routes)
            .default_service(web::to(errors::not_found))
    })
    .listen(listener)
    .map_err(|e| AppError::internal(e).with_message("cannot serve on the bound address"))?
    .run();
    Ok(server)
}
