//! What happened, said on the page the browser lands on after a change (post, redirect, get):
//! the redirect carries the notice in a short-lived cookie, the layout shows it once in a
//! `role="status"` box, and the response that showed it forgets it. One mechanism for every
//! action of a logged-in person; a page answering a post directly (a refusal, a secret-link
//! page) puts its notice in the same place of the layout.

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};

/// The cookie that carries a notice across the redirect after a change.
pub const NOTICE_COOKIE: &str = "agendum_notice";
/// A notice longer than this is cut (hex of its UTF-8 must stay under the browsers' 4 kB).
pub const NOTICE_MAX_CHARS: usize = 400;
/// A notice not shown within this time is dropped (the redirect is followed at once).
const NOTICE_LIFETIME_SECONDS: i64 = 120;

/// The redirect after a change that succeeded, with what to tell the person on the next page.
pub fn done(location: impl Into<String>, notice: impl Into<crate::i18n::Msg>) -> HttpResponse {
    // Written in the language of the person asking; the next page is in the same one.
    let notice = notice.into().in_lang(super::language::answering_in());
    let notice: String = notice.chars().take(NOTICE_MAX_CHARS).collect();
    // Hex: cookie values are percent-decoded on the way in, so any escaping of our own would
    // be undone once too often; hex survives every reading.
    let value: String = notice.bytes().map(|b| format!("{b:02x}")).collect();
    let cookie = Cookie::build(NOTICE_COOKIE, value)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .max_age(CookieDuration::seconds(NOTICE_LIFETIME_SECONDS))
        .finish();
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location.into()))
        .cookie(cookie)
        .finish()
}

/// The notice a redirect left for this request, if any.
pub fn notice_of(req: &HttpRequest) -> Option<String> {
    let cookie = req.cookie(NOTICE_COOKIE)?;
    let hex = cookie.value().as_bytes();
    if hex.len() % 2 != 0 {
        return None;
    }
    let bytes: Option<Vec<u8>> = hex
        .chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok())
        .collect();
    let text = String::from_utf8(bytes?).ok()?;
    let text: String = text.trim().chars().take(NOTICE_MAX_CHARS).collect();
    (!text.is_empty()).then_some(text)
}

/// Forgets the notice once a page has been answered (not on a redirect, which passes it on).
pub async fn with_flash(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody>,
) -> Result<actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    let had_notice = req.cookie(NOTICE_COOKIE).is_some();
    let mut res = next.call(req).await?;
    let redirect = res.status().is_redirection() && res.status().as_u16() != 304;
    let sets_own = res.response().cookies().any(|c| c.name() == NOTICE_COOKIE);
    if had_notice && !redirect && !sets_own {
        // A header that cannot be built is no reason to fail the page; the notice then expires.
        let _ = res
            .response_mut()
            .add_cookie(&super::auth::removal_cookie(NOTICE_COOKIE));
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_survives_its_cookie() {
        let res = done("/x", "Forslaget er indsendt; kvittering nr. 17 & æøå.");
        let cookie = res.cookies().next().expect("a cookie");
        let req = actix_web::test::TestRequest::default()
            .cookie(Cookie::new(NOTICE_COOKIE, cookie.value().to_owned()))
            .to_http_request();
        assert_eq!(
            notice_of(&req).as_deref(),
            Some("Forslaget er indsendt; kvittering nr. 17 & æøå.")
        );
        assert_eq!(res.headers().get(header::LOCATION).unwrap(), "/x");
    }

    #[test]
    fn a_long_notice_is_cut_and_an_empty_one_is_none() {
        let res = done("/x", "å".repeat(NOTICE_MAX_CHARS * 2));
        let cookie = res.cookies().next().unwrap();
        let req = actix_web::test::TestRequest::default()
            .cookie(Cookie::new(NOTICE_COOKIE, cookie.value().to_owned()))
            .to_http_request();
        assert_eq!(notice_of(&req).unwrap().chars().count(), NOTICE_MAX_CHARS);
        let req = actix_web::test::TestRequest::default()
            .cookie(Cookie::new(NOTICE_COOKIE, "2020"))
            .to_http_request();
        assert_eq!(notice_of(&req), None);
    }
}
