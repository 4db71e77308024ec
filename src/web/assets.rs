//! Static assets (stylesheet, icon), embedded in the binary. Their URLs carry a hash of the
//! content, so browsers may keep them for a year and still see every change.

use std::collections::HashMap;
use std::sync::LazyLock;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use include_dir::{Dir, include_dir};

use crate::error::{AppError, AppResult};

static ASSET_FILES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets");

struct Asset {
    bytes: &'static [u8],
    hash: String,
    content_type: &'static str,
}

static ASSETS: LazyLock<HashMap<String, Asset>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    fn walk(dir: &'static Dir<'static>, map: &mut HashMap<String, Asset>) {
        for file in dir.files() {
            let path = file.path().to_string_lossy().replace('\\', "/");
            map.insert(
                path.clone(),
                Asset {
                    bytes: file.contents(),
                    hash: format!("{:016x}", fnv1a(file.contents())),
                    content_type: content_type(&path),
                },
            );
        }
        for sub in dir.dirs() {
            walk(sub, map);
        }
    }
    walk(&ASSET_FILES, &mut map);
    map
});

/// FNV-1a: a stable content hash for cache busting (not for security).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("woff2") => "font/woff2",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The URL of an asset with its content hash.
pub fn url(path: &str) -> String {
    match ASSETS.get(path) {
        Some(asset) => format!("/assets/{path}?v={}", asset.hash),
        None => format!("/assets/{path}"),
    }
}

pub async fn serve(req: HttpRequest, path: web::Path<String>) -> AppResult<HttpResponse> {
    let path = path.into_inner();
    let asset = ASSETS
        .get(path.as_str())
        .ok_or_else(|| AppError::not_found("error-the-file-does-not-exist"))?;
    let etag = format!("\"{}\"", asset.hash);
    let versioned = req.query_string() == format!("v={}", asset.hash);
    let cache = if versioned {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=300"
    };
    let matches = super::etag_matches(&req, &etag);
    let mut response = if matches {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    response
        .insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, cache));
    if matches {
        return Ok(response.finish());
    }
    Ok(response.content_type(asset.content_type).body(asset.bytes))
}
