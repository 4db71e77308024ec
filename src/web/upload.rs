//! Files uploaded with a form (`multipart/form-data`). Who is asking is checked before a byte of
//! the body is read, the form token before a byte of a file is kept, and everything is bounded:
//! the declared and the actual size of the request, the number of fields, each small field, and
//! the file, which is streamed to a temporary file on disk rather than held in memory.

use std::io::{Read, Seek, Write};

use actix_web::HttpRequest;
use actix_web::http::header;

use super::auth::{CurrentUser, verify_sender, verify_sent_token};
use crate::domain::attachment::AttachmentError;
use crate::domain::text::clean_input;
use crate::error::{AppError, AppResult};

/// Room for a registered letter's text (its characters, four bytes at most each).
pub const SMALL_FIELD_BYTES: usize = 4 * crate::domain::letter::BODY_MAX_CHARS;

/// All small fields of one form together: one long text and the rest of the form.
pub const SMALL_FIELDS_TOTAL_BYTES: usize = SMALL_FIELD_BYTES + 256 * 1024;

/// The most parts a multipart form may have (the letter form has about 30).
pub const MAX_FIELDS: usize = 100;

/// What a whole upload request may be: the file, the small fields, and the multipart framing.
pub fn request_limit(file_limit: u64) -> u64 {
    file_limit + SMALL_FIELDS_TOTAL_BYTES as u64 + 64 * 1024
}

/// The uploaded file, kept on disk until it is checked and stored.
#[derive(Debug)]
pub struct UploadedFile {
    pub filename: String,
    pub size: u64,
    file: std::fs::File,
}

impl UploadedFile {
    /// The file's bytes (at most the route's limit).
    pub fn into_bytes(mut self) -> AppResult<Vec<u8>> {
        let mut bytes = Vec::with_capacity(self.size as usize);
        self.file
            .rewind()
            .and_then(|()| self.file.read_to_end(&mut bytes))
            .map_err(AppError::internal)?;
        Ok(bytes)
    }
}

/// A multipart form: its small fields, and the one file (the field named `file`), or why the
/// file was refused (too large) with the fields still there to show again.
#[derive(Debug)]
pub struct Upload {
    pub fields: Vec<(String, String)>,
    pub file: Option<UploadedFile>,
    pub refused: Option<AttachmentError>,
}

impl Upload {
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The file's name and bytes, if one was sent.
    pub fn take_file(&mut self) -> AppResult<Option<(String, Vec<u8>)>> {
        match self.file.take() {
            Some(f) => {
                let name = f.filename.clone();
                Ok(Some((name, f.into_bytes()?)))
            }
            None => Ok(None),
        }
    }
}

fn too_large() -> AppError {
    AppError::too_large("error-the-request-is-too-large-to")
}

/// Reads the form of `user` (or of an anonymous browser with a form cookie) to `req`. A file
/// over `file_limit` bytes is the user's to read about (`Ok(Err(TooLarge))`): its bytes are
/// counted and dropped, so a browser gets the message instead of a broken connection. A request
/// over `request_limit(file_limit)`, by its `Content-Length` or by what arrives, is refused at
/// once (413), as is one from another site or without a valid form token (403, before any file
/// byte is kept: the token field comes first in our forms).
pub async fn read_upload(
    req: &HttpRequest,
    user: Option<&CurrentUser>,
    multipart: actix_multipart::Multipart,
    file_limit: u64,
) -> AppResult<Result<Upload, AttachmentError>> {
    let mut upload = read_upload_keeping_fields(req, user, multipart, file_limit).await?;
    Ok(match upload.refused.take() {
        Some(refused) => Err(refused),
        None => Ok(upload),
    })
}

/// As `read_upload`, with the refusal of a too-large file in `Upload::refused` beside the
/// fields read, so a form can be shown again as it was typed.
async fn read_upload_keeping_fields(
    req: &HttpRequest,
    user: Option<&CurrentUser>,
    multipart: actix_multipart::Multipart,
    file_limit: u64,
) -> AppResult<Upload> {
    verify_sender(req, user)?;
    let total_limit = request_limit(file_limit);
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > total_limit) {
        return Err(too_large());
    }
    read_form(multipart, file_limit, |sent| {
        verify_sent_token(req, user, sent)
    })
    .await
}

/// The multipart reader itself, for any form token check (`check_token`, called with the
/// `csrf` field read so far before the first file byte is kept, or at the end when there is no
/// file). `read_upload` checks the sender first; the fuzz target calls this directly.
pub async fn read_form(
    mut multipart: actix_multipart::Multipart,
    file_limit: u64,
    mut check_token: impl FnMut(&str) -> AppResult<()>,
) -> AppResult<Upload> {
    use futures_util::TryStreamExt;
    let total_limit = request_limit(file_limit);
    let bad = |e: actix_multipart::MultipartError| {
        AppError::bad_request(crate::i18n::Msg::key("error-the-form-could-not-be-read").arg("e", e))
    };
    let mut upload = Upload {
        fields: Vec::new(),
        file: None,
        refused: None,
    };
    let mut token_checked = false;
    let mut file_too_large = false;
    let mut parts = 0usize;
    let mut total: u64 = 0;
    let mut small_total: usize = 0;
    while let Some(mut field) = multipart.try_next().await.map_err(bad)? {
        parts += 1;
        if parts > MAX_FIELDS {
            return Err(AppError::too_large("error-the-form-has-too-many-fields-2"));
        }
        let name = field.name().unwrap_or_default().to_owned();
        let filename = field
            .content_disposition()
            .and_then(|d| d.get_filename())
            .map(str::to_owned);
        let Some(filename) = filename else {
            let mut bytes = Vec::new();
            while let Some(chunk) = field.try_next().await.map_err(bad)? {
                total += chunk.len() as u64;
                small_total += chunk.len();
                if total > total_limit || small_total > SMALL_FIELDS_TOTAL_BYTES {
                    return Err(too_large());
                }
                if bytes.len() + chunk.len() > SMALL_FIELD_BYTES {
                    return Err(AppError::too_large("error-a-field-in-the-form-is"));
                }
                bytes.extend_from_slice(&chunk);
            }
            let value = String::from_utf8_lossy(&bytes);
            upload.fields.push((
                clean_input(&name).into_owned(),
                clean_input(&value).into_owned(),
            ));
            continue;
        };
        if !token_checked {
            check_token(upload.field("csrf").unwrap_or(""))?;
            token_checked = true;
        }
        // Only the field named `file`, once, is kept; any other file part is read and dropped.
        let keep = name == "file" && upload.file.is_none();
        let mut file = if keep {
            Some(tempfile::tempfile().map_err(AppError::internal)?)
        } else {
            None
        };
        let mut size: u64 = 0;
        while let Some(chunk) = field.try_next().await.map_err(bad)? {
            total += chunk.len() as u64;
            if total > total_limit {
                return Err(too_large());
            }
            size += chunk.len() as u64;
            if size > file_limit {
                file = None;
                if keep {
                    file_too_large = true;
                }
            }
            if let Some(f) = file.as_mut() {
                f.write_all(&chunk).map_err(AppError::internal)?;
            }
        }
        if let Some(file) = file {
            upload.file = Some(UploadedFile {
                filename,
                size,
                file,
            });
        }
    }
    if !token_checked {
        check_token(upload.field("csrf").unwrap_or(""))?;
    }
    if file_too_large {
        upload.refused = Some(AttachmentError::TooLarge(file_limit / (1024 * 1024)));
    }
    Ok(upload)
}

/// A checked file (or why it was refused) and the other fields of its form: what was typed
/// beside it, to show again.
pub struct Received {
    pub file: Result<(String, &'static str, Vec<u8>), crate::i18n::Msg>,
    pub fields: Vec<(String, String)>,
}

/// Reads one uploaded file and checks its name and content against its type (refusals are
/// the user's to read, with the form's other fields kept).
pub async fn receive_checked_file(
    req: &HttpRequest,
    user: Option<&crate::web::auth::CurrentUser>,
    multipart: actix_multipart::Multipart,
    limit: u64,
) -> AppResult<Received> {
    let mut upload = read_upload_keeping_fields(req, user, multipart, limit).await?;
    if let Some(refused) = upload.refused.take() {
        // What was typed beside the file is kept: the form is shown again with it.
        return Ok(Received {
            file: Err(refused.into()),
            fields: upload.fields,
        });
    }
    let file = upload
        .take_file()?
        .ok_or(crate::domain::attachment::AttachmentError::Empty)
        .and_then(|(name, bytes)| {
            let filename = crate::domain::attachment::clean_filename(&name)?;
            let content_type = crate::domain::attachment::check(&filename, &bytes)?;
            Ok((filename, content_type, bytes))
        })
        .map_err(crate::i18n::Msg::from);
    Ok(Received {
        file,
        fields: upload.fields,
    })
}

#[cfg(test)]
mod tests {
    use actix_web::http::header::{self, HeaderMap, HeaderValue};
    use actix_web::web::Bytes;

    use super::*;

    fn read(body: &'static [u8], chunk: usize) -> AppResult<Upload> {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("multipart/form-data; boundary=XyZ"),
        );
        let chunks: Vec<Result<Bytes, actix_web::error::PayloadError>> = body
            .chunks(chunk)
            .map(|c| Ok(Bytes::from_static(c)))
            .collect();
        let multipart =
            actix_multipart::Multipart::new(&headers, futures_util::stream::iter(chunks));
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(read_form(multipart, 1024, |_| Ok(())))
    }

    #[test]
    fn a_line_as_long_as_the_boundary_is_refused_not_a_panic() {
        // Found by the multipart fuzz target: actix-multipart 0.7 sliced out of bounds here.
        let body: &[u8] = b"--\n---\n-\n-\0-\0-\0\n\x01\0\0\n\0\0\n";
        for chunk in [1, 2, 7, 221] {
            assert!(read(body, chunk).is_err());
        }
    }

    #[test]
    fn a_file_too_large_is_refused_with_the_fields_kept() {
        let body: &[u8] = b"--XyZ\r\nContent-Disposition: form-data; name=\"answer\"\r\n\r\nVores svar\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n0123456789\r\n--XyZ--\r\n";
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("multipart/form-data; boundary=XyZ"),
        );
        let multipart = actix_multipart::Multipart::new(
            &headers,
            futures_util::stream::iter(vec![Ok::<_, actix_web::error::PayloadError>(
                Bytes::from_static(body),
            )]),
        );
        let upload = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(read_form(multipart, 4, |_| Ok(())))
            .unwrap();
        assert!(matches!(upload.refused, Some(AttachmentError::TooLarge(_))));
        assert!(upload.file.is_none());
        assert_eq!(upload.field("answer"), Some("Vores svar"));
    }

    #[test]
    fn fields_and_the_file_are_read_within_their_limits() {
        let body: &[u8] = b"--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello\r\n--XyZ--\r\n";
        for chunk in [1, 3, 1000] {
            let mut upload = read(body, chunk).unwrap();
            assert_eq!(upload.field("csrf"), Some("abc"));
            assert_eq!(
                upload.take_file().unwrap(),
                Some(("a.txt".to_owned(), b"hello".to_vec()))
            );
        }
    }
}
