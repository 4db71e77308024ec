//! A page of a list, as every list of the API answers: the items and where the next page is.

use serde::Serialize;

use crate::error::AppError;
use crate::web::errors::ApiError;

/// A page's length when the caller does not say.
pub const DEFAULT_PER_PAGE: i64 = 50;
/// The longest page any list of the API gives.
pub const MAX_PER_PAGE: i64 = 200;

/// The page asked for and its length (`?page=…&per_page=…`), or a 400 saying what is allowed.
pub fn bounds(page: Option<i64>, per_page: Option<i64>) -> Result<(i64, i64), ApiError> {
    let page = page.unwrap_or(1);
    let per_page = per_page.unwrap_or(DEFAULT_PER_PAGE);
    if page < 1 || !(1..=MAX_PER_PAGE).contains(&per_page) {
        return Err(AppError::bad_request(
            crate::i18n::Msg::key("error-page-must-be-1-or-more").arg("MAX_PER_PAGE", MAX_PER_PAGE),
        )
        .into());
    }
    Ok((page, per_page))
}

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
