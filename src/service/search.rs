//! The search index as a whole: `agendum reindex`. (Each change keeps it itself, in its own
//! transaction: `db::search::refresh_*`.)

use crate::db::search::{self, Rebuilt};
use crate::db::{DbConnection, write_transaction};
use crate::error::AppResult;

/// Indexes everything again in one transaction: searches see the old index until it is done.
pub fn reindex(conn: &mut DbConnection) -> AppResult<Rebuilt> {
    write_transaction(conn, search::rebuild)
}
