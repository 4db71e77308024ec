//! The language of a request: a logged-in person's saved preference, then the reader's own
//! choice (the switch on every page, `?lang=en`, or an address under `/en/`, kept in a cookie),
//! then `Accept-Language`, then the instance's default (`AGENDUM_DEFAULT_LANGUAGE`). The answer
//! says which (`Content-Language`) and that it varies with the asking (`Vary`).

use actix_web::HttpMessage;
use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::header::{self, HeaderValue};

use crate::domain::language::{Lang, negotiate};

/// The reader's choice of language, kept for a year.
pub const LANGUAGE_COOKIE: &str = "agendum_lang";
const LANGUAGE_COOKIE_DAYS: i64 = 365;

/// The request's language, as the middleware negotiated it; a logged-in person's saved
/// preference replaces it when the session is looked up.
#[derive(Debug, Clone, Copy)]
pub struct RequestLang(pub Lang);

/// A language the reader chose on this very request (`?lang=` or `/en/`): for a logged-in
/// person it becomes their saved preference.
#[derive(Debug, Clone, Copy)]
pub struct ChosenNow(pub Lang);

/// Says that the request's pages are in `lang` (a logged-in person's own language).
pub fn answer_in(req: &HttpRequest, lang: Lang) {
    req.extensions_mut().insert(RequestLang(lang));
    let _ = ANSWERING_IN.try_with(|cell| cell.set(lang));
}

/// The language of the request (Danish before the middleware has run, as in unit tests).
pub fn of(req: &HttpRequest) -> Lang {
    req.extensions()
        .get::<RequestLang>()
        .map_or(Lang::Da, |l| l.0)
}

/// `/en/meetings/1` → (`en`, `/meetings/1`); `/en` → (`en`, `/`); other paths are left alone.
pub fn language_prefix(path: &str) -> Option<(Lang, String)> {
    for lang in Lang::ALL {
        let prefix = format!("/{}", lang.as_str());
        if let Some(rest) = path.strip_prefix(&prefix) {
            if rest.is_empty() {
                return Some((*lang, "/".to_owned()));
            }
            if rest.starts_with('/') {
                return Some((*lang, rest.to_owned()));
            }
        }
    }
    None
}

tokio::task_local! {
    /// The request's language while it is answered (the person's own once they are known), for
    /// what is written without the request at hand: the JSON API's error messages
    /// (`ResponseError::error_response`) and the notice after a change (`flash::done`).
    static ANSWERING_IN: std::cell::Cell<Lang>;
}

/// The language of the request being answered on this task; Danish outside a request.
pub fn answering_in() -> Lang {
    ANSWERING_IN
        .try_with(std::cell::Cell::get)
        .unwrap_or(Lang::Da)
}

/// `lang=…` in a query string.
fn asked_in_query(query: &str) -> Option<Lang> {
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(name, _)| name == "lang")
        .and_then(|(_, value)| value.parse().ok())
}

/// Negotiates the request's language before routing (an address under `/en/` is served as the
/// same address without it), and states it on the answer.
pub async fn with_language(
    mut req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody>,
) -> Result<actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    let default = req
        .app_data::<actix_web::web::Data<super::AppState>>()
        .map_or(Lang::Da, |state| state.settings.default_language);
    let prefixed = language_prefix(req.path());
    if let Some((_, rest)) = &prefixed {
        let query = req.query_string();
        let rewritten = if query.is_empty() {
            rest.clone()
        } else {
            format!("{rest}?{query}")
        };
        if let Ok(uri) = rewritten.parse::<actix_web::http::Uri>() {
            req.match_info_mut().get_mut().update(&uri);
            req.head_mut().uri = uri;
        }
    }
    let asked = asked_in_query(req.query_string());
    let kept = req
        .cookie(LANGUAGE_COOKIE)
        .and_then(|c| c.value().parse::<Lang>().ok());
    let chosen = prefixed.as_ref().map(|(lang, _)| *lang).or(asked).or(kept);
    let accept = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let lang = negotiate(None, chosen, accept.as_deref(), default);
    req.extensions_mut().insert(RequestLang(lang));
    if let Some(now) = prefixed.as_ref().map(|(lang, _)| *lang).or(asked) {
        req.extensions_mut().insert(ChosenNow(now));
    }
    let secure = req
        .app_data::<actix_web::web::Data<super::AppState>>()
        .is_some_and(|state| state.settings.base_url.starts_with("https://"));

    let mut res = ANSWERING_IN
        .scope(std::cell::Cell::new(lang), next.call(req))
        .await?;
    let answered = of(res.request());
    let headers = res.headers_mut();
    if let Ok(value) = HeaderValue::from_str(answered.as_str()) {
        headers.insert(header::CONTENT_LANGUAGE, value);
    }
    headers.append(header::VARY, HeaderValue::from_static("Accept-Language"));
    // A choice made on the page is kept, so the next page is in it too.
    if let Some(asked) = asked.filter(|a| Some(*a) != kept) {
        let cookie = Cookie::build(LANGUAGE_COOKIE, asked.as_str())
            .path("/")
            .http_only(true)
            .secure(secure)
            .same_site(SameSite::Lax)
            .max_age(actix_web::cookie::time::Duration::days(
                LANGUAGE_COOKIE_DAYS,
            ))
            .finish();
        let _ = res.response_mut().add_cookie(&cookie);
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_prefix_is_read_off_the_path() {
        assert_eq!(
            language_prefix("/en/meetings/1"),
            Some((Lang::En, "/meetings/1".to_owned()))
        );
        assert_eq!(language_prefix("/en"), Some((Lang::En, "/".to_owned())));
        assert_eq!(language_prefix("/da/"), Some((Lang::Da, "/".to_owned())));
        assert_eq!(language_prefix("/english"), None);
        assert_eq!(language_prefix("/meetings/1"), None);
    }

    #[test]
    fn lang_is_read_from_the_query() {
        assert_eq!(asked_in_query("lang=en"), Some(Lang::En));
        assert_eq!(asked_in_query("side=2&lang=da"), Some(Lang::Da));
        assert_eq!(asked_in_query("lang=de"), None);
        assert_eq!(asked_in_query(""), None);
    }
}
