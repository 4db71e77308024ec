//! The application built from settings: database opened and migrated, demo data loaded into an
//! empty database, listener bound (port 0 = any free port), server ready to run. The binary and
//! the test harness start Agendum the same way.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::web;

use crate::config::Settings;
use crate::db::{self, Db};
use crate::demo;
use crate::error::{AppError, AppResult};
use crate::mail::transport::Transport;
use crate::mail::worker::Worker;
use crate::web::cache::{DEFAULT_CAPACITY_BYTES, PageCache};
use crate::web::{AppState, server};

pub struct Application {
    address: String,
    db: Db,
    server: Server,
    stop_worker: tokio::sync::watch::Sender<bool>,
}

/// Opens and migrates the database; loads the demo into an empty one when asked to.
pub fn prepare_database(settings: &Settings) -> AppResult<Db> {
    let db = Db::connect(&settings.database_url)?;
    let applied = db.migrate()?;
    if !applied.is_empty() {
        tracing::info!(migrations = ?applied, "database migrated");
    }
    if settings.demo {
        let mut conn = db.conn()?;
        if db::is_empty(&mut conn)? {
            demo::load(&mut conn, crate::domain::time::today())?;
            tracing::info!("demo data loaded");
        }
    }
    Ok(db)
}

/// SMTP when configured, otherwise the development mailbox.
pub fn mail_transport(settings: &Settings) -> AppResult<Transport> {
    match &settings.smtp {
        Some(smtp) => Ok(Transport::Smtp(std::sync::Arc::new(smtp.client()))),
        None => Ok(Transport::Mailbox(settings.mail_dir.clone())),
    }
}

/// Where mail goes, for the start message.
pub fn mail_destination(settings: &Settings) -> String {
    match &settings.smtp {
        Some(smtp) => format!("SMTP {}:{}", smtp.host, smtp.port),
        None => format!(
            "the development mailbox {} (/dev/mailbox)",
            settings.mail_dir.display()
        ),
    }
}

/// How often the server looks for task reminders that are due. Reminders are by the day, so
/// this only bounds how late in the day one goes out.
const REMINDER_ROUND: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Sends due task reminders at start and then every round, until stopped. Several servers may
/// do this at once: each reminder is claimed in the database before it is queued.
async fn remind_periodically(
    db: crate::db::Db,
    settings: Arc<Settings>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    loop {
        let settings_now = settings.clone();
        let sent = db
            .run(move |conn| {
                crate::mail::tasks::send_due_reminders(
                    conn,
                    &settings_now,
                    crate::domain::time::today(),
                )
            })
            .await;
        match sent {
            Ok(0) => {}
            Ok(n) => tracing::info!(mails = n, "task reminders queued"),
            Err(err) => tracing::warn!(error = %err.chain(), "task reminders could not be checked"),
        }
        tokio::select! {
            _ = stop.changed() => return,
            () = tokio::time::sleep(REMINDER_ROUND) => {}
        }
    }
}

impl Application {
    /// Must be called inside an actix/tokio runtime.
    pub fn build(settings: Settings) -> AppResult<Application> {
        // The PDF engine (fonts, template) loads in the background: the first release is quick,
        // and serving does not wait for it.
        std::thread::spawn(crate::documents::warm_up);
        let db = prepare_database(&settings)?;
        let listener = TcpListener::bind(settings.bind).map_err(|e| {
            AppError::internal(e).with_message(format!("cannot listen on {}", settings.bind))
        })?;
        let local = listener.local_addr().map_err(AppError::internal)?;
        let worker = Worker::new(db.clone(), mail_transport(&settings)?, settings.mail);
        let (stop_worker, stop) = tokio::sync::watch::channel(false);
        tokio::spawn(worker.run(stop.clone()));
        let settings = Arc::new(settings);
        tokio::spawn(remind_periodically(db.clone(), settings.clone(), stop));
        let state = web::Data::new(AppState {
            db: db.clone(),
            settings,
            pages: PageCache::new(DEFAULT_CAPACITY_BYTES),
            site: Default::default(),
        });
        let server = server(listener, state)?;
        Ok(Application {
            address: format!("http://{local}"),
            db,
            server,
            stop_worker,
        })
    }

    /// `http://127.0.0.1:PORT`
    pub fn address(&self) -> &str {
        &self.address
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    /// A handle that stops the mail worker (the server stops on SIGINT/SIGTERM by itself).
    pub fn worker_stopper(&self) -> tokio::sync::watch::Sender<bool> {
        self.stop_worker.clone()
    }

    /// Serves until the server stops (SIGINT or SIGTERM), then stops the mail worker.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let result = self.server.await;
        let _ = self.stop_worker.send(true);
        result
    }
}
