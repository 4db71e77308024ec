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
pub mod files;
pub mod followup_public;
pub mod forms;
pub mod input;
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
use actix_web::http::header;
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
pub const FORM_LIMIT_BYTES: usize = 4 * 1024 * 1024;

/// Browsers keep to HTTPS for a year once they have seen the site over it.
const HSTS: &str = "max-age=31536000";

/// No inline script or style anywhere, so the policy can forbid them.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; \
script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

/// Declares a list of routes once: the router is built from it, and `$list` names every route
/// it has (`all_routes`: tests walk it to check each route for each role, and every public
/// output).
macro_rules! route_table {
    ($register:ident, $list:ident, $prefix:literal; $($method:ident $path:literal => $handler:path;)*) => {
        const $list: &[(&str, &str)] = &[$((stringify!($method), concat!($prefix, $path))),*];

        fn $register<S: RouteTarget>(target: S) -> S {
            target$(.add(&numeric_ids($path), method_route(stringify!($method)).to($handler)))*
        }
    };
}

route_table!(api_routes, API_ROUTES, "/api/v1";
    get "/meetings" => api::meetings_index;
    get "/meetings/{id}" => api::meeting_show;
    get "/me" => api::me;
    post "/proposals/parse" => api::parse_proposal;
    get "/proposals" => api_proposals::index;
    post "/proposals" => api_proposals::create;
    get "/proposals/{id}" => api_proposals::show;
    patch "/proposals/{id}" => api_proposals::update;
    post "/proposals/{id}/submit" => api_proposals::submit;
    get "/cases/{reference}" => api_proposals::case;
    post "/agenda-items/{id}/decision" => api_followup::record_decision;
    get "/tasks" => api_followup::list_tasks;
    post "/tasks" => api_followup::create_task;
    get "/tasks/{id}" => api_followup::show_task;
    patch "/tasks/{id}" => api_followup::update_task;
    get "/agenda-items/{id}/task-suggestions" => api_followup::task_suggestions;
    get "/letters" => letters::api_index;
    get "/letters/{id}" => letters::api_show;
    get "/openapi.json" => api::openapi;
);

route_table!(page_routes, PAGE_ROUTES, "";
    get "/" => pages::index;
    get "/meetings/{id}" => pages::meeting;
    get "/meetings/{id}/agenda.pdf" => documents::agenda_pdf;
    get "/meetings/{id}/minutes/draft" => minutes::draft;
    post "/meetings/{id}/minutes/draft" => minutes::approve;
    get "/meetings/{id}/minutes.pdf" => documents::minutes_pdf;
    get "/meetings/{id}/attachments/{attachment}" => documents::attachment;
    get "/meetings/{id}/meeting.ics" => documents::meeting_ics;
    get "/organizations/{id}/meetings.ics" => documents::organization_ics;
    get "/organizations/{id}/feed.atom" => documents::organization_feed;
    get "/organizations/{id}/subscribe" => subscriptions::form;
    post "/organizations/{id}/subscribe" => subscriptions::subscribe;
    get "/tasks/answer/{token}" => task_answer::show;
    post "/tasks/answer/{token}" => task_answer::submit;
    post "/tasks/answer/{token}/files" => task_answer::upload;
    get "/tasks/answer/{token}/files/{file}" => task_answer::file;
    get "/subscriptions/confirm/{token}" => subscriptions::confirm_form;
    post "/subscriptions/confirm/{token}" => subscriptions::confirm;
    get "/subscriptions/unsubscribe/{token}" => subscriptions::unsubscribe_form;
    post "/subscriptions/unsubscribe/{token}" => subscriptions::unsubscribe;
    get "/proposals/new" => proposals::new_form;
    post "/proposals/new" => proposals::create;
    post "/proposals/new/paste" => proposals::paste;
    get "/proposals/follow-up" => followup_public::in_follow_up;
    get "/proposals/completed" => followup_public::completed;
    get "/proposals/{id}" => pages::proposal;
    get "/proposals/{id}/edit" => proposals::edit_form;
    post "/proposals/{id}/edit" => proposals::update;
    post "/proposals/{id}/submit" => proposals::submit;
    post "/proposals/{id}/withdraw" => proposals::withdraw;
    post "/proposals/{id}/return" => proposals::return_to_author;
    post "/proposals/{id}/accept" => proposals::accept;
    get "/proposals/{id}/versions" => proposals::compare;
    get "/my/proposals" => proposals::mine;
    get "/my/tasks" => my_tasks::list;
    get "/my/tasks/{id}" => my_tasks::show;
    post "/my/tasks/{id}" => my_tasks::submit;
    post "/my/tasks/{id}/files" => my_tasks::upload;
    get "/my/tasks/{id}/files/{file}" => my_tasks::file;
    get "/secretariat/proposals" => proposals::inbox;
    get "/secretariat/meetings" => meetings_admin::list;
    get "/secretariat/meetings/{id}/agenda" => agenda_admin::show;
    post "/secretariat/meetings/{id}/agenda/items" => agenda_admin::add_item;
    post "/secretariat/meetings/{id}/agenda/approval" => agenda_admin::add_approval;
    post "/secretariat/meetings/{id}/agenda/proposals" => agenda_admin::add_proposal;
    get "/secretariat/meetings/{id}/agenda/items/{item}" => agenda_admin::edit_form;
    post "/secretariat/meetings/{id}/agenda/items/{item}" => agenda_admin::item_action;
    post "/secretariat/meetings/{id}/agenda/items/{item}/edit" => agenda_admin::update_item;
    post "/secretariat/meetings/{id}/agenda/items/{item}/attachments" => agenda_admin::upload;
    post "/secretariat/meetings/{id}/agenda/attachments/{attachment}/detach" => agenda_admin::detach;
    post "/secretariat/meetings/{id}/agenda/release" => agenda_admin::release;
    post "/secretariat/meetings" => meetings_admin::create;
    post "/secretariat/meetings/signers" => meetings_admin::set_signers;
    get "/secretariat/meetings/{id}/decisions" => decisions_admin::meeting;
    post "/secretariat/meetings/{id}/minutes" => decisions_admin::minutes_action;
    post "/secretariat/meetings/{id}/attendance" => decisions_admin::attendance;
    get "/secretariat/agenda-items/{item}/decision" => decisions_admin::item;
    post "/secretariat/agenda-items/{item}/decision" => decisions_admin::record;
    post "/secretariat/agenda-items/{item}/tasks" => decisions_admin::confirm;
    get "/secretariat/tasks" => tasks_admin::list;
    get "/secretariat/tasks/{id}" => tasks_admin::show;
    post "/secretariat/tasks/{id}" => tasks_admin::act;
    get "/secretariat/tasks/{id}/overview" => tasks_admin::overview;
    get "/secretariat/tasks/{id}/overview.pdf" => tasks_admin::overview_pdf;
    get "/secretariat/tasks/{id}/files/{file}" => tasks_admin::file;
    post "/secretariat/tasks/{id}/present" => tasks_admin::present;
    get "/letters/{file}" => letters::pdf;
    get "/letters/{id}/original" => letters::original;
    get "/organizations/{id}/logo" => letters_admin::logo;
    get "/secretariat/letters" => letters_admin::list;
    post "/secretariat/letters" => letters_admin::create;
    get "/secretariat/letters/new" => letters_admin::new_form;
    post "/secretariat/letters/incoming" => letters_admin::register;
    get "/secretariat/letters/{id}" => letters_admin::show;
    post "/secretariat/letters/{id}" => letters_admin::act;
    get "/secretariat/letters/{id}/edit" => letters_admin::edit_form;
    post "/secretariat/letters/{id}/edit" => letters_admin::update;
    post "/secretariat/letters/{id}/agenda" => letters_admin::put_on_agenda;
    get "/secretariat/letterheads" => letters_admin::letterheads;
    post "/secretariat/letterheads/{id}" => letters_admin::save_letterhead;
    get "/cases/{reference}" => pages::case;
    get "/healthz" => pages::healthz;
    get "/login" => account::login_form;
    post "/login" => account::login;
    get "/logout" => account::logout_form;
    post "/logout" => account::logout;
    get "/secretariat/outbox" => outbox::list;
    get "/secretariat/outbox/{id}" => outbox::show;
    get "/secretariat/outbox/{id}/html" => outbox::html;
    get "/secretariat/outbox/{id}/attachments/{index}" => outbox::attachment;
    post "/secretariat/outbox/{id}/requeue" => outbox::requeue;
    get "/dev/mailbox" => mailbox::list;
    get "/dev/mailbox/{file}" => mailbox::show;
    get "/dev/mailbox/{file}/html" => mailbox::html;
    get "/dev/mailbox/{file}/raw" => mailbox::raw;
    get "/dev/mailbox/{file}/attachments/{index}" => mailbox::attachment;
    get "/assets/{path:.*}" => assets::serve;
);

/// Every route: (method in lower case, path pattern), API routes first.
pub fn all_routes() -> impl Iterator<Item = (&'static str, &'static str)> {
    API_ROUTES.iter().chain(PAGE_ROUTES).copied()
}

/// The parameters that are numbers (ids, positions) match digits only: `/proposals/parse` is
/// not proposal "parse", and a method it does not answer gets 405, not the 404 of a bad id.
fn numeric_ids(pattern: &str) -> String {
    ["id", "item", "attachment", "index"]
        .iter()
        .fold(pattern.to_owned(), |p, name| {
            p.replace(&format!("{{{name}}}"), &format!("{{{name}:\\d+}}"))
        })
}

/// The methods the routes matching `path` answer (`HEAD` with `GET`), for a 405's `Allow`.
pub fn allowed_methods(path: &str) -> Vec<&'static str> {
    use std::sync::OnceLock;
    static PATTERNS: OnceLock<Vec<(&'static str, actix_web::dev::ResourceDef)>> = OnceLock::new();
    let patterns = PATTERNS.get_or_init(|| {
        all_routes()
            .map(|(method, path)| (method, actix_web::dev::ResourceDef::new(numeric_ids(path))))
            .collect()
    });
    let mut allowed = Vec::new();
    for (method, pattern) in patterns {
        if pattern.is_match(path) {
            let names: &[&'static str] = match *method {
                "get" => &["GET", "HEAD"],
                "post" => &["POST"],
                "patch" => &["PATCH"],
                "put" => &["PUT"],
                _ => &["DELETE"],
            };
            for name in names {
                if !allowed.contains(name) {
                    allowed.push(*name);
                }
            }
        }
    }
    allowed
}

/// What routes are added to: the API's scope, or the app's configuration.
trait RouteTarget {
    fn add(self, path: &str, route: actix_web::Route) -> Self;
}

impl RouteTarget for actix_web::Scope {
    fn add(self, path: &str, route: actix_web::Route) -> Self {
        self.route(path, route)
    }
}

impl RouteTarget for &mut web::ServiceConfig {
    fn add(self, path: &str, route: actix_web::Route) -> Self {
        self.route(path, route)
    }
}

/// A route for `method`; a GET route answers HEAD as well.
fn method_route(method: &str) -> actix_web::Route {
    use actix_web::guard;
    match method {
        "get" => web::route().guard(guard::Any(guard::Get()).or(guard::Head())),
        "post" => web::post(),
        "patch" => web::patch(),
        "put" => web::put(),
        "delete" => web::delete(),
        other => unreachable!("a route table names only known methods, not {other}"),
    }
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(api_routes(
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
            ),
    ));
    cfg.app_data(web::PathConfig::default().error_handler(|_, _| {
        AppError::not_found("Siden findes ikke. Tjek adressen, eller gå til forsiden.").into()
    }));
    page_routes(cfg);
}

/// Builds the HTTP server on an already bound listener.
pub fn server(listener: TcpListener, state: web::Data<AppState>) -> AppResult<Server> {
    templates::init()?;
    let https = state.settings.base_url.starts_with("https://");
    let server = HttpServer::new(move || {
        let mut headers = middleware::DefaultHeaders::new()
            .add(("Content-Security-Policy", CONTENT_SECURITY_POLICY))
            .add(("X-Content-Type-Options", "nosniff"))
            .add(("Referrer-Policy", "same-origin"))
            // Private unless a handler says otherwise: what may be cached (public pages,
            // assets, released PDFs) says so itself; everything else may depend on who asks.
            .add((header::CACHE_CONTROL, "no-store"));
        if https {
            headers = headers.add((header::STRICT_TRANSPORT_SECURITY, HSTS));
        }
        App::new()
            .app_data(state.clone())
            // Forms may carry long texts; the handlers refuse what is too long, field by field.
            .app_data(web::PayloadConfig::new(FORM_LIMIT_BYTES))
            .app_data(web::FormConfig::default().limit(FORM_LIMIT_BYTES))
            .wrap(headers)
            .configure(routes)
            .default_service(web::to(errors::not_found))
    })
    .listen(listener)
    .map_err(|e| AppError::internal(e).with_message("cannot serve on the bound address"))?
    .run();
    Ok(server)
}
