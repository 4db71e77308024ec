//! The multipart reader on any body, split into chunks anywhere: no panic, and what it keeps is
//! within its limits.
#![no_main]

use actix_web::http::header::{self, HeaderMap, HeaderValue};
use actix_web::web::Bytes;
use libfuzzer_sys::fuzz_target;

const FILE_LIMIT: u64 = 4096;

fuzz_target!(|data: &[u8]| {
    let Some((&split, body)) = data.split_first() else {
        return;
    };
    let chunk = usize::from(split).max(1);
    let chunks: Vec<Result<Bytes, actix_web::error::PayloadError>> = body
        .chunks(chunk)
        .map(|c| Ok(Bytes::copy_from_slice(c)))
        .collect();
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("multipart/form-data; boundary=XyZ"),
    );
    let multipart = actix_multipart::Multipart::new(&headers, futures_util::stream::iter(chunks));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let read = runtime.block_on(agendum::web::upload::read_form(
        multipart,
        FILE_LIMIT,
        |_| Ok(()),
    ));
    if let Ok(mut upload) = read {
        assert!(upload.fields.len() <= agendum::web::upload::MAX_FIELDS);
        for (_, value) in &upload.fields {
            assert!(value.len() <= agendum::web::upload::SMALL_FIELD_BYTES * 3);
        }
        if let Ok(Some((_, bytes))) = upload.take_file() {
            assert!(bytes.len() as u64 <= FILE_LIMIT);
        }
    }
});
