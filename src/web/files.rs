//! Stored files and mail parts as responses: a download under a name that cannot break out of
//! its header, and a mail's HTML as a sandboxed document.

use actix_web::HttpResponse;
use actix_web::http::header;

/// A file to save (never shown inline: it is whatever someone sent us), under an ASCII
/// fallback name and the real name (`møde-30.04.2025.ics`) encoded as RFC 6266 allows.
pub fn download(filename: &str, content_type: &str, content: Vec<u8>) -> HttpResponse {
    let fallback: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = filename
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}"),
        ))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(content)
}

/// A mail's HTML part as its own document, sandboxed: no script, no requests of its own, and
/// only framed by our own pages.
pub fn sandboxed_html(html: String) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "sandbox; default-src 'none'; img-src data:",
        ))
        .insert_header(("X-Frame-Options", "SAMEORIGIN"))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .content_type("text/html; charset=utf-8")
        .body(html)
}

#[cfg(test)]
mod tests {
    use super::download;

    #[test]
    fn a_download_name_cannot_break_out_of_its_header() {
        let r = download("a\"b\r\nc ø.pdf", "application/pdf", Vec::new());
        let value = r
            .headers()
            .get(actix_web::http::header::CONTENT_DISPOSITION)
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(
            value,
            "attachment; filename=\"a_b__c__.pdf\"; filename*=UTF-8''a%22b%0D%0Ac%20%C3%B8.pdf"
        );
    }
}
