//! A page of a list, as every list of the API answers: the items and where the next page is.

use serde::Serialize;

/// `{"data": [...], "pagination": {...}}` (`Pagination` in the OpenAPI document).
#[derive(Debug, Serialize)]
pub struct Listing<T> {
    pub data: Vec<T>,
    pub pagination: Pagination,
}

#[derive(Debug, Serialize)]
pub struct Pagination {
    pub page: i64,
    pub per_page: i64,
    pub total: i64,
    /// The next page's address, absent on the last page.
    pub next: Option<String>,
}

impl<T> Listing<T> {
    pub fn new(data: Vec<T>, page: i64, per_page: i64, total: i64, next: Option<String>) -> Self {
        Self {
            data,
            pagination: Pagination {
                page,
                per_page,
                total,
                next,
            },
        }
    }
}
