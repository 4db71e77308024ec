//! The municipality as every page shows it (name, logo, what its council is called), kept in
//! memory: each app node compares the settings' version in the database at most once per
//! `CHECK_AFTER`, so a change made on any node shows everywhere within that time, and a node's
//! own change at once (`SiteCache::refresh`).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use crate::db::Db;
use crate::db::municipality::{self, Municipality};
use crate::domain::municipality::CouncilTitle;
use crate::error::AppResult;

pub const CHECK_AFTER: Duration = Duration::from_secs(1);

/// Shown before `agendum setup` has named the municipality.
const UNNAMED: &str = "Agendum";

/// What the layout of every page needs of the municipality.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Site {
    pub name: String,
    pub website: Option<String>,
    pub council_title: CouncilTitle,
    /// The catalogue key of "kommunalbestyrelsens", "byrådets", …, inside a sentence.
    pub council_genitive_key: &'static str,
    /// The municipality's own language: of its documents, and of mail to people who have not
    /// chosen one.
    pub language: crate::domain::language::Lang,
    /// The logo's address, with the version so that a new logo is fetched at once.
    pub logo_url: Option<String>,
    pub version: i64,
}

impl Site {
    /// The site before the municipality is known (and of error pages made outside a request,
    /// which `with_site` renders again with the municipality).
    pub fn unnamed() -> Site {
        Site::of(None)
    }

    fn of(m: Option<&Municipality>) -> Site {
        let council_title = m.map_or(CouncilTitle::Kommunalbestyrelse, |m| m.council_title);
        Site {
            name: m.map_or(UNNAMED, |m| m.name.as_str()).to_owned(),
            website: m.and_then(|m| m.website.clone()),
            council_title,
            council_genitive_key: council_title.genitive_key(),
            language: m.map_or(crate::domain::language::Lang::Da, |m| m.default_language),
            logo_url: m
                .filter(|m| m.has_logo)
                .map(|m| format!("/logo?v={}", m.version)),
            // Before setup there is no row; -1 differs from every stored version.
            version: m.map_or(-1, |m| m.version),
        }
    }
}

pub struct SiteCache {
    current: RwLock<Arc<Site>>,
    checked_ms: AtomicU64,
    epoch: Instant,
}

impl Default for SiteCache {
    fn default() -> Self {
        Self {
            current: RwLock::new(Arc::new(Site::of(None))),
            checked_ms: AtomicU64::new(0),
            epoch: Instant::now(),
        }
    }
}

impl SiteCache {
    /// The site as last read; `ensure_fresh` keeps it within `CHECK_AFTER` of the database.
    pub fn current(&self) -> Arc<Site> {
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn now_ms(&self) -> u64 {
        // Offset by one period so the first request always reads the database.
        self.epoch.elapsed().as_millis() as u64 + CHECK_AFTER.as_millis() as u64
    }

    /// Reads the version when the last check is older than `CHECK_AFTER`, and the whole site
    /// when the version changed; returns whether it changed (cached pages then go).
    pub async fn ensure_fresh(&self, db: &Db) -> AppResult<bool> {
        let now = self.now_ms();
        let last = self.checked_ms.load(Ordering::Relaxed);
        if now.saturating_sub(last) < CHECK_AFTER.as_millis() as u64 {
            return Ok(false);
        }
        // One request per period does the check; the others go on with the current site.
        if self
            .checked_ms
            .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
            .is_err()
        {
            return Ok(false);
        }
        let known = self.current().version;
        let version = db.run(municipality::version).await?.unwrap_or(-1);
        if version == known {
            return Ok(false);
        }
        self.refresh(db).await?;
        Ok(true)
    }

    /// Reads the site now (after this node changed the settings).
    pub async fn refresh(&self, db: &Db) -> AppResult<()> {
        let m = db.run(municipality::get).await?;
        let site = Arc::new(Site::of(m.as_ref()));
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = site;
        self.checked_ms.store(self.now_ms(), Ordering::Relaxed);
        Ok(())
    }
}

/// Middleware: keeps the site fresh (dropping cached pages when the municipality changed), and
/// renders an error page again with the municipality, as `AppError::error_response` has no
/// request to find it in.
pub async fn with_site(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody>,
) -> Result<
    actix_web::dev::ServiceResponse<actix_web::body::EitherBody<impl actix_web::body::MessageBody>>,
    actix_web::Error,
> {
    let state = req
        .app_data::<actix_web::web::Data<super::AppState>>()
        .cloned();
    if let Some(state) = &state {
        match state.site.ensure_fresh(&state.db).await {
            Ok(true) => state.pages.clear(),
            Ok(false) => {}
            // The database will answer the request itself if it is down; the site stays.
            Err(err) => tracing::warn!(error = %err.chain(), "cannot check the site settings"),
        }
    }
    let res = next.call(req).await?;
    let again = match (&state, res.response().error()) {
        (Some(state), Some(error)) => match error.as_error::<crate::error::AppError>() {
            Some(err) => {
                // The session as the handler saw it (looked up once per request), or looked
                // up now for a request refused before its handler asked.
                let user = if res.request().cookie(super::auth::SESSION_COOKIE).is_some() {
                    super::auth::current_user(res.request())
                        .await
                        .ok()
                        .flatten()
                } else {
                    None
                };
                let site = state.site();
                Some(super::errors::page(
                    err,
                    super::templates::Viewer::new(
                        &site,
                        user.as_ref(),
                        super::templates::lang_of(res.request(), user.as_ref()),
                    ),
                ))
            }
            None => None,
        },
        _ => None,
    };
    Ok(match again {
        Some(mut page) => {
            // The handler's own headers (`Allow`, `Retry-After`, cookies) stay.
            for (name, value) in res.response().headers() {
                if !page.headers().contains_key(name) {
                    page.headers_mut().append(name.clone(), value.clone());
                }
            }
            res.into_response(page).map_into_right_body()
        }
        None => res.map_into_left_body(),
    })
}
