//! The Tera engine over the templates compiled into the binary (`templates/`), shared by the
//! pages (`web::templates` adds what every page's layout needs) and the mails (`mail::templates`).

use std::sync::LazyLock;

use include_dir::{Dir, include_dir};
use tera::{Context, Tera};

use crate::error::{AppError, AppResult};

static TEMPLATE_FILES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");

/// `{{ d | date_da }}`: a stored date (`2026-01-01`) as Danish readers write it, `01.01.2026`;
/// anything else is left as it is.
fn date_da(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = value.as_str().unwrap_or_default();
    Ok(tera::Value::String(
        match chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(date) => crate::domain::time::day_da(date),
            Err(_) => text.to_owned(),
        },
    ))
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
    let number = |name: &str| args.get(name).and_then(tera::Value::as_u64);
    let month = number("month").map(|m| m as u32);
    let day = number("day").map(|d| d as u32);
    let days = number("days").unwrap_or(30);
    let date = crate::domain::time::example_date(crate::domain::time::today(), month, day, days);
    Ok(tera::Value::String(crate::domain::time::day_da(date)))
}

static TEMPLATES: LazyLock<Result<Tera, String>> = LazyLock::new(|| {
    use crate::domain::markdown;
    let mut tera = Tera::default();
    tera.register_filter("date_da", date_da);
    tera.register_function("example_date", example_date);
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
});

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

/// Parses every template; called at start so a broken template stops the server at once.
pub fn init() -> AppResult<()> {
    TEMPLATES.as_ref().map(|_| ()).map_err(|e| {
        AppError::internal(TemplateError(e.clone())).with_message("the templates do not parse")
    })
}

pub fn render(name: &str, ctx: &Context) -> AppResult<String> {
    let tera = TEMPLATES
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
