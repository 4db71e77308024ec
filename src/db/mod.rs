//! Every database difference lives here: one diesel `MultiConnection` over SQLite and
//! PostgreSQL, the backend picked from the URL, embedded migrations per backend, an r2d2 pool,
//! and queries run on the blocking thread pool, off the async executor.

pub mod accounts;
pub mod agenda;
pub mod audit;
pub mod cases;
pub mod decisions;
pub mod letters;
pub mod meetings;
pub mod minutes;
pub mod municipality;
pub mod oparl;
pub mod organizations;
pub mod outbox;
pub mod proposals;
pub mod schema;
pub mod search;
pub mod subscriptions;
pub mod tasks;
pub mod two_factor;
pub mod url;
pub mod workflow;

use std::time::Duration;

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection, Pool, PooledConnection};
use diesel::{PgConnection, SqliteConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::error::{AppError, AppResult, one_line};
pub use url::DatabaseUrl;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// A connection to either backend. Queries written against it compile for both.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgresql(PgConnection),
    Sqlite(SqliteConnection),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl DbConnection {
    pub fn backend(&self) -> Backend {
        match self {
            Self::Postgresql(_) => Backend::Postgres,
            Self::Sqlite(_) => Backend::Sqlite,
        }
    }
}

/// How long a SQLite writer waits for another writer before giving up.
const SQLITE_BUSY_TIMEOUT_MS: u32 = 5_000;

/// Opens connections of the backend the URL names. (diesel's own manager would try every
/// backend in turn, and SQLite accepts any string as a file name.)
#[derive(Debug, Clone)]
pub struct Manager {
    url: DatabaseUrl,
}

impl Manager {
    fn establish(&self) -> Result<DbConnection, r2d2::Error> {
        match &self.url {
            DatabaseUrl::Sqlite(path) => {
                let path = path
                    .to_str()
                    .ok_or_else(|| connection_error("the SQLite path is not valid UTF-8"))?;
                let mut conn =
                    SqliteConnection::establish(path).map_err(r2d2::Error::ConnectionError)?;
                // WAL lets readers work while one writer writes; foreign keys are off in
                // SQLite unless asked for, per connection. Reads go through a memory map
                // rather than a read call per page (bench/secretariat_pages.sh).
                conn.batch_execute(&format!(
                    "PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS};
                     PRAGMA journal_mode = WAL;
                     PRAGMA synchronous = NORMAL;
                     PRAGMA foreign_keys = ON;
                     PRAGMA mmap_size = 268435456;"
                ))
                .map_err(r2d2::Error::QueryError)?;
                Ok(DbConnection::Sqlite(conn))
            }
            DatabaseUrl::Postgres(url) => PgConnection::establish(url)
                .map(DbConnection::Postgresql)
                .map_err(r2d2::Error::ConnectionError),
        }
    }
}

fn connection_error(message: &str) -> r2d2::Error {
    r2d2::Error::ConnectionError(ConnectionError::BadConnection(message.to_owned()))
}

impl ManageConnection for Manager {
    type Connection = DbConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConnection, r2d2::Error> {
        self.establish()
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), r2d2::Error> {
        conn.batch_execute("SELECT 1")
            .map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, _conn: &mut DbConnection) -> bool {
        // A connection handed back while its thread panics may be mid-transaction.
        std::thread::panicking()
    }
}

pub type DbPool = Pool<Manager>;
pub type PooledDbConnection = PooledConnection<Manager>;

/// The application's handle on its database.
#[derive(Clone)]
pub struct Db {
    pool: DbPool,
    backend: Backend,
    url: DatabaseUrl,
}

impl Db {
    /// The database this handle opens connections to.
    pub fn url(&self) -> &DatabaseUrl {
        &self.url
    }

    /// Opens the database the URL names, creating a SQLite file (and its directory) if needed.
    /// Fails with one clear line when that is not possible.
    pub fn connect(url: &DatabaseUrl) -> AppResult<Db> {
        let backend = match url {
            DatabaseUrl::Sqlite(path) => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(|e| {
                        AppError::unavailable(e).with_message(format!(
                            "cannot create the data directory {}",
                            dir.display()
                        ))
                    })?;
                }
                Backend::Sqlite
            }
            DatabaseUrl::Postgres(_) => Backend::Postgres,
        };
        let manager = Manager { url: url.clone() };
        // One connection first, so an unreachable server or an unwritable file is reported at
        // once with its real cause rather than after the pool's timeout.
        manager.establish().map_err(|e| {
            AppError::unavailable(StartError(one_line(&e.to_string())))
                .with_message(format!("cannot open the database {}", describe(url)))
        })?;
        let pool = Pool::builder()
            .max_size(match backend {
                Backend::Sqlite => 8,
                Backend::Postgres => 10,
            })
            .min_idle(Some(1))
            .connection_timeout(Duration::from_secs(10))
            .build(manager)
            .map_err(|e| {
                AppError::unavailable(e)
                    .with_message(format!("cannot open the database {}", describe(url)))
            })?;
        Ok(Db {
            pool,
            backend,
            url: url.clone(),
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A connection for synchronous callers (the command line, tests).
    pub fn conn(&self) -> AppResult<PooledDbConnection> {
        Ok(self.pool.get()?)
    }

    /// Runs database work on the blocking thread pool, so the async executor never waits on
    /// the database.
    pub async fn run<T, F>(&self, work: F) -> AppResult<T>
    where
        F: FnOnce(&mut DbConnection) -> AppResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get()?;
            work(&mut conn)
        })
        .await
        .map_err(AppError::internal)?
    }

    /// Applies pending migrations; returns the versions applied.
    pub fn migrate(&self) -> AppResult<Vec<String>> {
        let mut conn = self.conn()?;
        migrate(&mut conn)
    }
}

fn describe(url: &DatabaseUrl) -> String {
    match url {
        DatabaseUrl::Sqlite(path) => format!("{} (SQLite)", path.display()),
        DatabaseUrl::Postgres(_) => format!("{} (PostgreSQL)", url.redacted()),
    }
}

#[derive(Debug)]
struct StartError(String);

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StartError {}

/// The migrations after which the search index is rebuilt (their numbers): the one that adds
/// it and the one that changes its keys.
const SEARCH_MIGRATIONS: [&str; 2] = ["000025", "000026"];

/// Applies the pending migrations of the connection's backend.
pub fn migrate(conn: &mut DbConnection) -> AppResult<Vec<String>> {
    let fail = |e: Box<dyn std::error::Error + Send + Sync>| {
        AppError::internal(StartError(one_line(&e.to_string())))
            .with_message("the database migration failed")
    };
    let names = |versions: Vec<diesel::migration::MigrationVersion>| {
        versions.iter().map(ToString::to_string).collect::<Vec<_>>()
    };
    let applied = match conn {
        DbConnection::Sqlite(c) => c
            .run_pending_migrations(SQLITE_MIGRATIONS)
            .map(names)
            .map_err(fail),
        DbConnection::Postgresql(c) => {
            // Several app nodes may start at once: one migrates, the others wait for it.
            c.batch_execute("SELECT pg_advisory_lock(4242001)")?;
            let result = c
                .run_pending_migrations(POSTGRES_MIGRATIONS)
                .map(names)
                .map_err(fail);
            c.batch_execute("SELECT pg_advisory_unlock(4242001)")?;
            result
        }
    }?;
    // Data that a migration added a column for but SQL cannot compute.
    agenda::fill_public_changes(conn)?;
    // The search index begins with what an instance already holds (its migration only
    // makes the empty tables).
    if applied
        .iter()
        .any(|v| SEARCH_MIGRATIONS.iter().any(|m| v.ends_with(m)))
    {
        write_transaction(conn, |conn| search::rebuild(conn).map(|_| ()))?;
    }
    Ok(applied)
}

/// Runs `work` in a write transaction. On SQLite it begins with `BEGIN IMMEDIATE`, taking the
/// write lock up front: two writers then queue on the busy timeout instead of one failing when
/// its read lock cannot be upgraded.
pub fn write_transaction<T>(
    conn: &mut DbConnection,
    work: impl FnOnce(&mut DbConnection) -> AppResult<T>,
) -> AppResult<T> {
    type Manager = <DbConnection as Connection>::TransactionManager;
    let depth = Manager::transaction_manager_status_mut(conn).transaction_depth()?;
    if depth.is_some() {
        // Already inside a transaction: a savepoint, so a failure undoes only this part.
        return conn.transaction(work);
    }
    match conn {
        DbConnection::Sqlite(inner) => {
            AnsiTransactionManager::begin_transaction_sql(inner, "BEGIN IMMEDIATE")?
        }
        DbConnection::Postgresql(_) => Manager::begin_transaction(conn)?,
    }
    match work(conn) {
        Ok(value) => {
            Manager::commit_transaction(conn)?;
            Ok(value)
        }
        Err(err) => {
            Manager::rollback_transaction(conn)?;
            Err(err)
        }
    }
}

/// Whether the database holds no body yet (the demo data goes only into an empty database).
pub fn is_empty(conn: &mut DbConnection) -> AppResult<bool> {
    use schema::bodies::dsl::*;
    let count: i64 = bodies.count().get_result(conn)?;
    Ok(count == 0)
}

/// `SELECT 1`, for the health check.
pub fn ping(conn: &mut DbConnection) -> AppResult<()> {
    conn.batch_execute("SELECT 1")?;
    Ok(())
}

/// Today's instant as stored: UTC without zone.
pub fn now() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

/// A fact about this installation (`app_meta`), e.g. `demo` = `loaded`.
pub fn meta(conn: &mut DbConnection, key: &str) -> AppResult<Option<String>> {
    use schema::app_meta;
    Ok(app_meta::table
        .find(key)
        .select(app_meta::value)
        .first(conn)
        .optional()?)
}

pub fn set_meta(conn: &mut DbConnection, key: &str, value: &str) -> AppResult<()> {
    use schema::app_meta;
    let updated = diesel::update(app_meta::table.find(key))
        .set(app_meta::value.eq(value))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(app_meta::table)
            .values((app_meta::key.eq(key), app_meta::value.eq(value)))
            .execute(conn)?;
    }
    Ok(())
}
