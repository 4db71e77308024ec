//! The web application: routes, shared state and the server's start.

// Infrastructure every audience shares.
pub mod assets;
pub mod auth;
pub mod cache;
pub mod errors;
pub mod files;
pub mod flash;
pub mod forms;
pub mod input;
pub mod language;
pub mod proposal_page;
pub mod site;
pub mod templates;
pub mod upload;
pub mod views;

/// Declares a feature folder's routes once: `routes` adds them to the router, and `ROUTES`
/// names each (`all_routes`: tests walk it to check each route for each role, and every public
/// output; a 405 reads its `Allow` from it).
macro_rules! route_table {
    ($prefix:literal; $($method:ident $path:literal => $handler:path;)*) => {
        pub(crate) const ROUTES: &[(&str, &str)] = &[$((stringify!($method), concat!($prefix, $path))),*];

        pub(crate) fn routes<S: $crate::web::RouteTarget>(target: S) -> S {
            target$(.add(
                &$crate::web::numeric_ids($path),
                $crate::web::method_route(stringify!($method)).to($handler),
            ))*
        }
    };
}

// The handlers, by audience; each folder has its own `routes()`.
pub mod administration;
pub mod api;
pub mod dev;
pub mod oparl;
pub mod politician;
pub mod public;
pub mod secretariat;

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
    pub site: site::SiteCache,
}

impl AppState {
    /// The municipality as pages show it now.
    pub fn site(&self) -> Arc<site::Site> {
        self.site.current()
    }
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

/// Every route: (method in lower case, path pattern), API routes first.
pub fn all_routes() -> impl Iterator<Item = (&'static str, &'static str)> {
    [
        api::ROUTES,
        oparl::ROUTES,
        public::ROUTES,
        politician::ROUTES,
        secretariat::ROUTES,
        administration::ROUTES,
        dev::ROUTES,
    ]
    .into_iter()
    .flatten()
    .copied()
}

/// The parameters that are numbers (ids, positions) match digits only: `/proposals/parse` is
/// not proposal "parse", and a method it does not answer gets 405, not the 404 of a bad id.
pub(crate) fn numeric_ids(pattern: &str) -> String {
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
pub(crate) trait RouteTarget {
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
pub(crate) fn method_route(method: &str) -> actix_web::Route {
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
    cfg.service(api::routes(
        web::scope("/api/v1")
            .app_data(web::PathConfig::default().error_handler(|_, _| {
                ApiError(AppError::not_found("error-the-address-does-not-exist-in")).into()
            }))
            .app_data(web::QueryConfig::default().error_handler(|err, _| {
                ApiError(AppError::bad_request(
                    crate::i18n::Msg::key("error-invalid-parameters").arg("err", err),
                ))
                .into()
            }))
            .app_data(
                web::JsonConfig::default()
                    .limit(FORM_LIMIT_BYTES)
                    .error_handler(|err, _| {
                        ApiError(AppError::bad_request(
                            crate::i18n::Msg::key("error-invalid-json-2").arg("err", err),
                        ))
                        .into()
                    }),
            ),
    ));
    cfg.service(
        oparl::routes(web::scope("/oparl/v1"))
            .app_data(web::PathConfig::default().error_handler(|_, _| {
                errors::OparlError(AppError::not_found("error-oparl-no-such-object")).into()
            }))
            .default_service(web::to(|| async {
                Err::<actix_web::HttpResponse, _>(errors::OparlError(AppError::not_found(
                    "error-oparl-no-such-object",
                )))
            })),
    );
    cfg.app_data(
        web::PathConfig::default().error_handler(|_, _| {
            AppError::not_found("error-the-page-does-not-exist-check").into()
        }),
    );
    let cfg = public::routes(cfg);
    let cfg = politician::routes(cfg);
    let cfg = secretariat::routes(cfg);
    let cfg = administration::routes(cfg);
    dev::routes(cfg);
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
            .wrap(middleware::from_fn(flash::with_flash))
            .wrap(middleware::from_fn(site::with_site))
            .wrap(middleware::from_fn(language::with_language))
            .wrap(headers)
            .configure(routes)
            .default_service(web::to(errors::not_found))
    })
    .listen(listener)
    .map_err(|e| AppError::internal(e).with_message("cannot serve on the bound address"))?
    .run();
    Ok(server)
}
