//! The Tera engine over the templates compiled into the binary (`templates/`), shared by the
//! pages (`web::templates` adds what every page's layout needs) and the mails (`mail::templates`).

use std::sync::LazyLock;

use include_dir::{Dir, include_dir};
use tera::{Context, Tera};

use crate::error::{AppError, AppResult};
use crate::i18n::Lang;

static TEMPLATE_FILES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");

/// `{{ d | day }}`: a stored date (`2026-01-01`) as readers of the engine's language write it,
/// `01.01.2026` / `1 January 2026`; anything else is left as it is.
fn day_filter(
    lang: Lang,
) -> impl Fn(&tera::Value, &std::collections::HashMap<String, tera::Value>) -> tera::Result<tera::Value>
+ Send
+ Sync {
    move |value, _| {
        let text = value.as_str().unwrap_or_default();
        Ok(tera::Value::String(
            match chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                Ok(date) => crate::domain::time::day(lang, date),
                Err(_) => text.to_owned(),
            },
        ))
    }
}

/// A filter over text from users: `markdown` (blocks), `markdown_inline` (a clause),
/// `plain_text` (a mail's text part). The HTML ones are safe to print with `| safe`.
fn text_filter(
    render: fn(&str) -> String,
) -> impl Fn(&tera::Value, &std::collections::HashMap<String, tera::Value>) -> tera::Result<tera::Value>
+ Send
+ Sync {
    move |value, _| {
        Ok(tera::Value::String(render(
            value.as_str().unwrap_or_default(),
        )))
    }
}

/// `{{ example_date(days=30) }}`, `{{ example_date(month=1) }}`, `{{ example_date(month=7,
/// day=14) }}`: a date ahead of today for a hint's example, so no example is in the past.
fn example_date(
    args: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    // Hints show the form the field takes, which is the same in every language.
    let number = |name: &str| args.get(name).and_then(tera::Value::as_u64);
    let month = number("month").map(|m| m as u32);
    let day = number("day").map(|d| d as u32);
    let days = number("days").unwrap_or(30);
    let date = crate::domain::time::example_date(crate::domain::time::today(), month, day, days);
    Ok(tera::Value::String(crate::domain::time::day_da(date)))
}

/// `{{ t(key="nav-meetings") }}`, `{{ t(key="notice-agenda-released", version=1, members=55, subscribers=1) }}`:
/// a message of the catalogue in the engine's language, with its arguments.
fn translate(
    lang: Lang,
) -> impl Fn(&std::collections::HashMap<String, tera::Value>) -> tera::Result<tera::Value> + Send + Sync
{
    move |args| {
        let key = args
            .get("key")
            .and_then(tera::Value::as_str)
            .ok_or_else(|| tera::Error::msg("t() needs key=\"…\""))?;
        // The same arguments as `tr`'s: a nested message, a day or an instant in `lang` too.
        let rest: tera::Map<String, tera::Value> = args
            .iter()
            .filter(|(name, _)| name.as_str() != "key")
            .map(|(name, value)| (name.clone(), value.clone()))
            .collect();
        let rest = to_args(lang, &rest);
        let rest: Vec<(&str, crate::i18n::Arg)> =
            rest.iter().map(|(n, a)| (n.as_str(), a.clone())).collect();
        Ok(tera::Value::String(crate::i18n::t_with(lang, key, &rest)))
    }
}

/// `{{ message | tr }}`: a message of the code (`i18n::Msg`, serialized as `{"msg": key,
/// "args": {…}}`) in the engine's language; a plain string is printed as it is, unless it is a
/// catalogue key.
fn tr_filter(
    lang: Lang,
) -> impl Fn(&tera::Value, &std::collections::HashMap<String, tera::Value>) -> tera::Result<tera::Value>
+ Send
+ Sync {
    move |value, _| {
        Ok(tera::Value::String(match value {
            tera::Value::Object(map) => message_in(lang, map),
            // A key handed over as a plain string is still a key.
            tera::Value::String(text) if crate::i18n::has(lang, text) => crate::i18n::t(lang, text),
            tera::Value::String(text) => text.clone(),
            tera::Value::Null => String::new(),
            other => other.to_string(),
        }))
    }
}

/// A serialized `i18n::Msg` (`{"msg": key, "args": {…}}`) in `lang`, its nested messages too.
fn message_in(lang: Lang, map: &tera::Map<String, tera::Value>) -> String {
    let key = map
        .get("msg")
        .and_then(tera::Value::as_str)
        .unwrap_or_default();
    let args = map
        .get("args")
        .and_then(tera::Value::as_object)
        .map(|m| to_args(lang, m))
        .unwrap_or_default();
    let args: Vec<(&str, crate::i18n::Arg)> =
        args.iter().map(|(n, a)| (n.as_str(), a.clone())).collect();
    crate::i18n::t_with(lang, key, &args)
}

/// Tera's values as the catalogue's arguments: numbers choose plural forms; a nested message
/// (`{"msg": key}`) and an instant (`{"datetime": rfc3339}`) are written in `lang`.
fn to_args(lang: Lang, map: &tera::Map<String, tera::Value>) -> Vec<(String, crate::i18n::Arg)> {
    use crate::i18n::Arg;
    map.iter()
        .map(|(name, value)| {
            let arg = match value {
                tera::Value::Number(n) => Arg::Number(n.as_f64().unwrap_or(0.0)),
                tera::Value::String(text) => Arg::Text(text.clone()),
                tera::Value::Object(o) if o.get("day").is_some() => {
                    let text = o
                        .get("day")
                        .and_then(tera::Value::as_str)
                        .unwrap_or_default();
                    match chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                        Ok(day) => Arg::Day(day),
                        Err(_) => Arg::Text(text.to_owned()),
                    }
                }
                tera::Value::Object(o) => match (o.get("msg"), o.get("datetime")) {
                    (Some(tera::Value::String(_)), _) => Arg::Text(message_in(lang, o)),
                    (_, Some(tera::Value::String(at))) => {
                        match chrono::DateTime::parse_from_rfc3339(at) {
                            Ok(at) => Arg::DateTime(at.with_timezone(&chrono::Utc)),
                            Err(_) => Arg::Text(at.clone()),
                        }
                    }
                    _ => Arg::Text(value.to_string()),
                },
                other => Arg::Text(other.to_string()),
            };
            (name.clone(), arg)
        })
        .collect()
}

/// One engine per language: the same templates, with `t` speaking that language.
fn engine(lang: Lang) -> Result<Tera, String> {
    use crate::domain::markdown;
    let mut tera = Tera::default();
    tera.register_filter("day", day_filter(lang));
    tera.register_filter("tr", tr_filter(lang));
    tera.register_function("example_date", example_date);
    tera.register_function("t", translate(lang));
    tera.register_filter("markdown", text_filter(markdown::to_safe_html));
    tera.register_filter(
        "markdown_inline",
        text_filter(markdown::to_safe_inline_html),
    );
    tera.register_filter("plain_text", text_filter(markdown::to_plain_text));
    let mut files = Vec::new();
    collect(&TEMPLATE_FILES, &mut files);
    tera.add_raw_templates(files).map_err(|e| {
        let mut message = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(cause) = source {
            message.push_str(": ");
            message.push_str(&cause.to_string());
            source = cause.source();
        }
        message
    })?;
    Ok(tera)
}

static TEMPLATES_DA: LazyLock<Result<Tera, String>> = LazyLock::new(|| engine(Lang::Da));
static TEMPLATES_EN: LazyLock<Result<Tera, String>> = LazyLock::new(|| engine(Lang::En));

fn templates(lang: Lang) -> &'static Result<Tera, String> {
    match lang {
        Lang::Da => &TEMPLATES_DA,
        Lang::En => &TEMPLATES_EN,
    }
}

fn collect(dir: &'static Dir<'static>, out: &mut Vec<(String, &'static str)>) {
    for file in dir.files() {
        // Tera templates only: the Typst templates beside them are for `documents`.
        let tera = matches!(
            file.path().extension().and_then(|e| e.to_str()),
            Some("html" | "txt")
        );
        if !tera {
            continue;
        }
        if let Some(text) = file.contents_utf8() {
            out.push((file.path().to_string_lossy().replace('\\', "/"), text));
        }
    }
    for sub in dir.dirs() {
        collect(sub, out);
    }
}

#[derive(Debug)]
struct TemplateError(String);

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TemplateError {}

/// Parses every template (for each language); called at start so a broken template stops the
/// server at once.
pub fn init() -> AppResult<()> {
    for lang in Lang::ALL {
        templates(*lang).as_ref().map(|_| ()).map_err(|e| {
            AppError::internal(TemplateError(e.clone())).with_message("the templates do not parse")
        })?;
    }
    Ok(())
}

/// Renders in Danish, the default language.
pub fn render(name: &str, ctx: &Context) -> AppResult<String> {
    render_in(Lang::Da, name, ctx)
}

/// Renders the template with the catalogue of `lang`.
pub fn render_in(lang: Lang, name: &str, ctx: &Context) -> AppResult<String> {
    let tera = templates(lang)
        .as_ref()
        .map_err(|e| AppError::internal(TemplateError(e.clone())))?;
    tera.render(name, ctx).map_err(|e| {
        let mut message = format!("rendering {name}: {e}");
        let mut source = std::error::Error::source(&e);
        while let Some(cause) = source {
            message.push_str(": ");
            message.push_str(&cause.to_string());
            source = cause.source();
        }
        AppError::internal(TemplateError(message))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `t(key="…")` in a template names a message both catalogues have.
    #[test]
    fn every_key_a_template_asks_for_is_in_both_catalogues() {
        let mut files = Vec::new();
        collect(&TEMPLATE_FILES, &mut files);
        let mut asked = 0;
        let mut missing = Vec::new();
        for (name, text) in files {
            for part in text.split("t(key=\"").skip(1) {
                let key = part.split('"').next().unwrap_or_default();
                asked += 1;
                for lang in Lang::ALL {
                    if !crate::i18n::has(*lang, key) {
                        missing.push(format!("{name}: {key} ({lang})"));
                    }
                }
            }
        }
        assert!(asked > 0, "no template asks the catalogue");
        assert!(
            missing.is_empty(),
            "missing from the catalogue: {missing:#?}"
        );
    }

    #[test]
    fn t_speaks_the_engine_s_language() {
        let mut ctx = Context::new();
        ctx.insert("n", &3);
        for (lang, expected) in [(Lang::Da, "Side 3 af 3"), (Lang::En, "Page 3 of 3")] {
            let tera = templates(lang).as_ref().unwrap();
            let mut one = tera.clone();
            one.add_raw_template("probe", "{{ t(key=\"pager-page-of\", page=n, pages=n) }}")
                .unwrap();
            assert_eq!(one.render("probe", &ctx).unwrap(), expected);
        }
    }
}
