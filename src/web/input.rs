//! Where text enters: every form field, multipart field and JSON string passes
//! `domain::text::clean_input` here, before any handler sees it, so a control character can
//! neither reach the database (PostgreSQL refuses NUL) nor a page, PDF, feed or mail header.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::errors::ApiError;
use crate::domain::text::clean_input;
use crate::error::AppError;

/// How deeply a JSON body may nest (our documents nest three levels; serde_json alone stops at
/// 128).
pub const MAX_JSON_DEPTH: usize = 16;

/// A URL-encoded form body with every name and value cleaned, encoded again.
pub fn clean_form_body(bytes: &[u8]) -> String {
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in url::form_urlencoded::parse(bytes) {
        out.append_pair(&clean_input(&name), &clean_input(&value));
    }
    out.finish()
}

/// Cleans every string (and object key) of a JSON value; `Err` when its arrays and objects nest
/// deeper than `MAX_JSON_DEPTH` (`depth`: how many enclose it).
pub fn clean_json(value: &mut Value, depth: usize) -> Result<(), String> {
    if matches!(value, Value::Array(_) | Value::Object(_)) && depth >= MAX_JSON_DEPTH {
        return Err(format!(
            "arrays and objects nest deeper than {MAX_JSON_DEPTH} levels"
        ));
    }
    // JSON Schema's integers include 3.0: a whole number written as a float is one.
    if let Value::Number(n) = value
        && let Some(f) = n.as_f64().filter(|_| n.is_f64())
        && f.fract() == 0.0
        && f.abs() <= 9_007_199_254_740_992.0
    {
        *value = Value::from(f as i64);
        return Ok(());
    }
    match value {
        Value::String(s) => {
            if let std::borrow::Cow::Owned(clean) = clean_input(s) {
                *s = clean;
            }
        }
        Value::Array(items) => {
            for item in items {
                clean_json(item, depth + 1)?;
            }
        }
        Value::Object(map) => {
            let dirty = map
                .keys()
                .any(|k| !matches!(clean_input(k), std::borrow::Cow::Borrowed(_)));
            if dirty {
                *map = std::mem::take(map)
                    .into_iter()
                    .map(|(k, v)| (clean_input(&k).into_owned(), v))
                    .collect();
            }
            for item in map.values_mut() {
                clean_json(item, depth + 1)?;
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
    Ok(())
}

/// The most a JSON body may be (as every other request body).
pub const MAX_JSON_BYTES: usize = super::FORM_LIMIT_BYTES;

/// A JSON request body of the API, read only when the handler asks for it (`read`), after it has
/// checked who is asking: an anonymous caller gets its 401 and a politician its 403 whatever
/// the body holds, and no body of theirs is read. When read, it is bounded (`MAX_JSON_BYTES`,
/// `MAX_JSON_DEPTH`), its strings cleaned, then taken as `T`.
pub struct ApiJson<T> {
    req: HttpRequest,
    payload: Payload,
    into: std::marker::PhantomData<T>,
}

fn json_error(message: String) -> ApiError {
    ApiError(AppError::bad_request(
        crate::i18n::Msg::key("error-invalid-json").arg("message", message),
    ))
}

impl<T: DeserializeOwned> ApiJson<T> {
    /// The body as `T`.
    pub async fn read(self) -> Result<T, ApiError> {
        match self.read_optional().await? {
            Some(value) => Ok(value),
            None => Err(json_error("the request has no JSON body".to_owned())),
        }
    }

    /// The body as `T`, or `None` when there is none.
    pub async fn read_optional(self) -> Result<Option<T>, ApiError> {
        use futures_util::StreamExt;
        let too_large = || ApiError(AppError::too_large("error-invalid-json-the-request-is-too"));
        let declared = self
            .req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        if declared.is_some_and(|n| n > MAX_JSON_BYTES) {
            return Err(too_large());
        }
        let mut payload = self.payload;
        let mut bytes = web::BytesMut::new();
        while let Some(chunk) = payload.next().await {
            let chunk = chunk.map_err(|e| json_error(e.to_string()))?;
            if bytes.len() + chunk.len() > MAX_JSON_BYTES {
                return Err(too_large());
            }
            bytes.extend_from_slice(&chunk);
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        if !is_json(&self.req) {
            return Err(json_error(
                "send Content-Type: application/json.".to_owned(),
            ));
        }
        let mut value: Value =
            serde_json::from_slice(&bytes).map_err(|e| json_error(e.to_string()))?;
        clean_json(&mut value, 0).map_err(json_error)?;
        T::deserialize(value)
            .map(Some)
            .map_err(|e| json_error(e.to_string()))
    }
}

fn is_json(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .is_some_and(|v| v == "application/json" || v.ends_with("+json"))
}

impl<T: 'static> FromRequest for ApiJson<T> {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    /// Takes the body's stream without reading from it.
    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        std::future::ready(Ok(ApiJson {
            req: req.clone(),
            payload: payload.take(),
            into: std::marker::PhantomData,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_bodies_are_cleaned_and_keep_their_lists() {
        let body = clean_form_body(b"title=A%07B&clause=x%0D%0Ay&clause=z%00");
        let pairs: Vec<(String, String)> = url::form_urlencoded::parse(body.as_bytes())
            .into_owned()
            .collect();
        assert_eq!(
            pairs,
            [
                ("title".into(), "AB".into()),
                ("clause".into(), "x\ny".into()),
                ("clause".into(), "z".into()),
            ]
        );
    }

    #[test]
    fn json_strings_and_keys_are_cleaned_and_depth_is_bounded() {
        let mut v: Value = serde_json::from_str(
            r#"{"t\u0007":"a\u0000b","l":["c\u001bd",{"e":"f\r\ng"}],"n":3.0,"x":2.5}"#,
        )
        .unwrap();
        clean_json(&mut v, 0).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"t": "ab", "l": ["cd", {"e": "f\ng"}], "n": 3, "x": 2.5})
        );
        let deep = format!(
            "{}{}",
            "[".repeat(MAX_JSON_DEPTH + 1),
            "]".repeat(MAX_JSON_DEPTH + 1)
        );
        let mut v: Value = serde_json::from_str(&deep).unwrap();
        assert!(clean_json(&mut v, 0).is_err());
        let ok = format!(
            "{}{}",
            "[".repeat(MAX_JSON_DEPTH),
            "]".repeat(MAX_JSON_DEPTH)
        );
        let mut v: Value = serde_json::from_str(&ok).unwrap();
        assert!(clean_json(&mut v, 0).is_ok());
    }
}
