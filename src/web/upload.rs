//! Files uploaded with a form (`multipart/form-data`), read into memory within a size limit.

use crate::domain::attachment::AttachmentError;
use crate::error::{AppError, AppResult};

/// A multipart form read into memory: its small fields, and the one file within the limit.
pub struct Upload {
    pub fields: Vec<(String, String)>,
    pub file: Option<(String, Vec<u8>)>,
}

impl Upload {
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Room for a registered letter's text (its characters, four bytes at most each).
const SMALL_FIELD_BYTES: usize = 4 * crate::domain::letter::BODY_MAX_CHARS;

/// Reads the form; a file over `limit` bytes is refused without reading the rest of it.
pub async fn read_upload(
    mut multipart: actix_multipart::Multipart,
    limit: u64,
) -> AppResult<Result<Upload, AttachmentError>> {
    use futures_util::TryStreamExt;
    let bad = |e: actix_multipart::MultipartError| {
        AppError::bad_request(format!("Formularen kunne ikke læses: {e}"))
    };
    let mut upload = Upload {
        fields: Vec::new(),
        file: None,
    };
    let mut too_large = false;
    while let Some(mut field) = multipart.try_next().await.map_err(bad)? {
        let name = field.name().unwrap_or_default().to_owned();
        let filename = field
            .content_disposition()
            .and_then(|d| d.get_filename())
            .map(str::to_owned);
        let cap = if filename.is_some() {
            limit
        } else {
            SMALL_FIELD_BYTES as u64
        };
        let mut bytes = Vec::new();
        let mut over = false;
        while let Some(chunk) = field.try_next().await.map_err(bad)? {
            // Past the limit the rest is read and dropped, so the browser gets the message
            // instead of a broken connection.
            if !over {
                bytes.extend_from_slice(&chunk);
                over = bytes.len() as u64 > cap;
                if over {
                    bytes = Vec::new();
                }
            }
        }
        if over && filename.is_none() {
            return Err(AppError::bad_request("Et felt i formularen er for langt."));
        }
        if over {
            too_large = true;
            continue;
        }
        match filename {
            Some(filename) if name == "file" => upload.file = Some((filename, bytes)),
            Some(_) => {}
            None => upload
                .fields
                .push((name, String::from_utf8_lossy(&bytes).into_owned())),
        }
    }
    if too_large {
        return Ok(Err(AttachmentError::TooLarge(limit / (1024 * 1024))));
    }
    Ok(Ok(upload))
}
