//! The message catalogue: the words around the council's own content, in Danish and English,
//! as Fluent files side by side (`src/i18n/da.ftl`, `src/i18n/en.ftl`). Pages ask for them with
//! `{{ t(key="…") }}` (see `render`), code with `t` and `t_with`. Plurals and arguments are
//! Fluent's: `{ $count -> [one] … *[other] … }` with CLDR's rules for each language.

use std::borrow::Cow;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use crate::domain::language::Lang;

/// The catalogue's sources, in the binary.
pub const SOURCES: [(Lang, &str); 2] = [
    (Lang::Da, include_str!("i18n/da.ftl")),
    (Lang::En, include_str!("i18n/en.ftl")),
];

struct Catalogue {
    da: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

/// A catalogue file that does not parse is a bug in this build; the tests parse both.
fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let source = SOURCES
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, s)| *s)
        .unwrap_or_default();
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(_, errors)| {
        panic!("src/i18n/{}.ftl does not parse: {errors:?}", lang.as_str())
    });
    let id: unic_langid::LanguageIdentifier = lang
        .as_str()
        .parse()
        .expect("a language code is a language identifier");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // The text goes into HTML, mail and PDFs: no invisible isolation marks around arguments.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .unwrap_or_else(|e| panic!("src/i18n/{}.ftl has a key twice: {e:?}", lang.as_str()));
    bundle
}

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| Catalogue {
    da: bundle(Lang::Da),
    en: bundle(Lang::En),
});

fn bundle_for(lang: Lang) -> &'static FluentBundle<FluentResource> {
    match lang {
        Lang::Da => &CATALOGUE.da,
        Lang::En => &CATALOGUE.en,
    }
}

/// An argument of a message: text or a number (a number chooses the plural form).
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(f64),
    /// Another message of the catalogue, in the same language (a status's label, say).
    Key(&'static str),
    /// An instant, written as the language writes it (`30.04.2025, kl. 17:30`).
    DateTime(chrono::DateTime<chrono::Utc>),
    /// A day, written out as the language writes it (`30. april 2025` / `30 April 2025`).
    Day(chrono::NaiveDate),
    /// Another message with its own arguments, in the same language ("Ændringsforslag 2").
    Msg(Box<Msg>),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n as f64)
    }
}

impl From<i32> for Arg {
    fn from(n: i32) -> Self {
        Arg::Number(f64::from(n))
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(n as f64)
    }
}

/// A message for a person, not yet in a language: a catalogue key with its arguments, or (for
/// words that are no catalogue's, such as an operator's command-line message or a cause from a
/// library) a text as it is. Pages render it in the reader's language (`{{ m | tr }}`), the
/// JSON API in the request's, mail in the recipient's.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key {
        key: Cow<'static, str>,
        args: Vec<(&'static str, Arg)>,
    },
    Text(Cow<'static, str>),
}

impl PartialEq for Arg {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Arg::Text(a), Arg::Text(b)) => a == b,
            (Arg::Number(a), Arg::Number(b)) => a == b,
            (Arg::Key(a), Arg::Key(b)) => a == b,
            (Arg::DateTime(a), Arg::DateTime(b)) => a == b,
            (Arg::Day(a), Arg::Day(b)) => a == b,
            (Arg::Msg(a), Arg::Msg(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Msg {}

impl Msg {
    /// The catalogue's message `key`.
    pub fn key(key: impl Into<Cow<'static, str>>) -> Self {
        Msg::Key {
            key: key.into(),
            args: Vec::new(),
        }
    }

    /// A text as it is, in no catalogue.
    pub fn text(text: impl Into<Cow<'static, str>>) -> Self {
        Msg::Text(text.into())
    }

    /// Adds the argument `name` (a key's `{ $name }`) as text.
    pub fn arg(self, name: &'static str, value: impl std::fmt::Display) -> Self {
        self.with(name, Arg::Text(value.to_string()))
    }

    /// Adds a number, which chooses the plural form.
    pub fn num(self, name: &'static str, value: impl Into<f64>) -> Self {
        self.with(name, Arg::Number(value.into()))
    }

    /// Adds another message of the catalogue, written in the same language.
    pub fn label(self, name: &'static str, key: &'static str) -> Self {
        self.with(name, Arg::Key(key))
    }

    /// Adds another message, written in the same language.
    pub fn msg(self, name: &'static str, message: impl Into<Msg>) -> Self {
        self.with(name, Arg::Msg(Box::new(message.into())))
    }

    /// Adds a day, written out as the language writes it.
    pub fn day(self, name: &'static str, day: chrono::NaiveDate) -> Self {
        self.with(name, Arg::Day(day))
    }

    /// Adds an instant, written as the language writes it.
    pub fn datetime(self, name: &'static str, at: chrono::DateTime<chrono::Utc>) -> Self {
        self.with(name, Arg::DateTime(at))
    }

    fn with(mut self, name: &'static str, value: Arg) -> Self {
        if let Msg::Key { args, .. } = &mut self {
            args.push((name, value));
        }
        self
    }

    /// The message in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            Msg::Key { key, args } => t_with(lang, key, args),
            Msg::Text(text) => text.to_string(),
        }
    }

    /// The catalogue key, if it is one.
    pub fn key_name(&self) -> Option<&str> {
        match self {
            Msg::Key { key, .. } => Some(key),
            Msg::Text(_) => None,
        }
    }
}

/// A key is a catalogue identifier (`meeting-not-found`); anything else is a text as it is.
fn looks_like_key(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

impl From<&'static str> for Msg {
    fn from(text: &'static str) -> Self {
        if looks_like_key(text) {
            Msg::key(text)
        } else {
            Msg::text(text)
        }
    }
}

impl From<String> for Msg {
    /// As `&str`: a key stays a key when it was made into a `String` on the way.
    fn from(text: String) -> Self {
        if looks_like_key(&text) {
            Msg::key(text)
        } else {
            Msg::Text(Cow::Owned(text))
        }
    }
}

impl std::fmt::Display for Msg {
    /// In Danish, the default language: for logs and the command line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::Da))
    }
}

/// For templates: `{"msg": key, "args": {…}}`, which the `tr` filter writes in the page's
/// language; a text is a plain string.
impl serde::Serialize for Msg {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Msg::Text(text) => s.serialize_str(text),
            Msg::Key { key, args } => {
                let mut map = s.serialize_map(Some(2))?;
                map.serialize_entry("msg", key)?;
                let args: std::collections::BTreeMap<&str, serde_json::Value> = args
                    .iter()
                    .map(|(name, value)| {
                        // A nested key and an instant keep their form; `tr` writes them in
                        // the page's language.
                        let value = match value {
                            Arg::Text(text) => serde_json::Value::from(text.clone()),
                            Arg::Number(n) => serde_json::Value::from(*n),
                            Arg::Key(key) => serde_json::json!({ "msg": key, "args": {} }),
                            Arg::DateTime(at) => {
                                serde_json::json!({ "datetime": crate::domain::time::rfc3339(*at) })
                            }
                            Arg::Day(day) => serde_json::json!({ "day": day.to_string() }),
                            Arg::Msg(message) => serde_json::to_value(message).unwrap_or_default(),
                        };
                        (*name, value)
                    })
                    .collect();
                map.serialize_entry("args", &args)?;
                map.end()
            }
        }
    }
}

/// The message `key` in `lang`, without arguments.
pub fn t(lang: Lang, key: &str) -> String {
    t_with(lang, key, &[])
}

/// The message `key` in `lang` with its arguments. A key that is missing gives the key itself,
/// so a gap shows on the page; a test keeps every key in both languages.
pub fn t_with(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let bundle = bundle_for(lang);
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        tracing::warn!(
            key,
            lang = lang.as_str(),
            "a message is missing from the catalogue"
        );
        return key.to_owned();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.clone())),
            Arg::Key(key) => fluent_args.set(*name, FluentValue::from(t(lang, key))),
            Arg::Msg(message) => fluent_args.set(*name, FluentValue::from(message.in_lang(lang))),
            Arg::DateTime(at) => fluent_args.set(
                *name,
                FluentValue::from(crate::domain::time::datetime(lang, *at)),
            ),
            Arg::Day(day) => fluent_args.set(
                *name,
                FluentValue::from(crate::domain::time::long_date(lang, *day)),
            ),
            // A whole number is given as one, so "1" chooses the singular form.
            Arg::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => {
                fluent_args.set(*name, FluentValue::from(*n as i64))
            }
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    if !errors.is_empty() {
        tracing::warn!(
            key,
            lang = lang.as_str(),
            ?errors,
            "a message could not be formatted"
        );
    }
    text.into_owned()
}

/// Whether the catalogue of `lang` has `key`.
pub fn has(lang: Lang, key: &str) -> bool {
    bundle_for(lang).has_message(key)
}

/// The keys of a catalogue source, in their order: the messages' identifiers, which start a
/// line (`key = …`); terms (`-term`), comments and continuation lines do not.
pub fn keys(source: &str) -> Vec<String> {
    source
        .lines()
        .filter_map(|line| {
            let (id, _) = line.split_once('=')?;
            let id = id.trim_end();
            let starts = id.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
            let word = id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            (starts && word && !line.starts_with(' ')).then(|| id.to_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_catalogues_parse_and_have_the_same_keys() {
        let [(_, da), (_, en)] = SOURCES;
        let (da, en) = (keys(da), keys(en));
        assert!(!da.is_empty());
        let only_da: Vec<&String> = da.iter().filter(|k| !en.contains(k)).collect();
        let only_en: Vec<&String> = en.iter().filter(|k| !da.contains(k)).collect();
        assert!(only_da.is_empty(), "only in da.ftl: {only_da:?}");
        assert!(only_en.is_empty(), "only in en.ftl: {only_en:?}");
        // Building the bundles parses them whole and refuses a key twice.
        assert!(has(Lang::Da, "language-switch") && has(Lang::En, "language-switch"));
    }

    #[test]
    fn arguments_and_plurals() {
        let released = |version: u32, members: u32, subscribers: u32| {
            Msg::key("notice-agenda-released")
                .num("version", version)
                .num("members", members)
                .num("subscribers", subscribers)
        };
        assert_eq!(
            released(1, 55, 1).in_lang(Lang::Da),
            "Dagsordenen er udsendt til 55 medlemmer og 1 abonnent og er offentlig på mødets side."
        );
        assert_eq!(
            released(2, 1, 2).in_lang(Lang::En),
            "The agenda (version 2) has been sent to 1 member and 2 subscribers and is public on \
             the meeting's page."
        );
        // A message inside a message, each with its arguments, in the same language.
        let what = Msg::key("decision-amendment-number").arg("number", 2);
        assert_eq!(
            Msg::key("decision-error-clause-twice")
                .msg("what", what)
                .in_lang(Lang::En),
            "Amendment 2 is there twice."
        );
        assert_eq!(t(Lang::En, "no-such-key"), "no-such-key");
    }

    /// The string literals of Rust source, with the line each starts on; comments skipped.
    fn string_literals(code: &str) -> Vec<(usize, String)> {
        let chars: Vec<char> = code.chars().collect();
        let at = |i: usize, s: &str| {
            s.chars()
                .enumerate()
                .all(|(k, c)| chars.get(i + k) == Some(&c))
        };
        let (mut i, mut line, mut out) = (0, 1, Vec::new());
        while i < chars.len() {
            let c = chars[i];
            if at(i, "//") {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            // A quote as a character is no string.
            if at(i, "'\"'") || at(i, "'\\\"'") {
                i += if chars[i + 1] == '"' { 3 } else { 4 };
                continue;
            }
            let raw_hashes = if at(i, "r#\"") {
                Some(1)
            } else if at(i, "r\"") {
                Some(0)
            } else {
                None
            };
            if c == '"' || raw_hashes.is_some() {
                let start = line;
                let mut text = String::new();
                match raw_hashes {
                    Some(hashes) => {
                        i += 2 + hashes;
                        let end: String = std::iter::once('"')
                            .chain("#".repeat(hashes).chars())
                            .collect();
                        while i < chars.len() && !at(i, &end) {
                            text.push(chars[i]);
                            i += 1;
                        }
                        i += end.len();
                    }
                    None => {
                        i += 1;
                        while i < chars.len() && chars[i] != '"' {
                            if chars[i] == '\\' {
                                text.push(chars[i]);
                                i += 1;
                            }
                            if let Some(&c) = chars.get(i) {
                                text.push(c);
                            }
                            i += 1;
                        }
                        i += 1;
                    }
                }
                line += text.matches('\n').count();
                out.push((start, text));
                continue;
            }
            if c == '\n' {
                line += 1;
            }
            i += 1;
        }
        out
    }

    /// Words a person reads come from the catalogue: a string literal in the code that reads as
    /// Danish (a Danish letter or a Danish function word) is a fixed text that English would
    /// miss. Readers of Danish text and Danish-only formatters are exempt, and so are the
    /// council vocabulary and examples below; tests and comments are not looked at.
    #[test]
    fn no_danish_words_outside_the_catalogue() {
        const EXEMPT_FILES: &[&str] = &[
            "src/i18n.rs",
            "src/demo.rs",
            "src/domain/date_phrase.rs",
            "src/domain/followup.rs",
            "src/domain/proposal_text.rs",
            "src/domain/holidays.rs",
            "src/domain/time.rs",
            "src/domain/deadline.rs",
            "src/domain/case_reference.rs",
            "src/domain/text.rs",
        ];
        const EXEMPT_WORDS: &[&str] = &[
            // The council's own vocabulary: an indstilling's sections, the Danish opening.
            "Indstilling",
            "Problemstilling",
            "Løsning",
            "Økonomi",
            "Videre proces",
            "Det foreslås,",
            // Examples in the operator's command-line messages.
            "ØKF",
            "Økonomiforvaltningen",
            "Borgerrepræsentationen",
        ];
        const DANISH_WORDS: &[&str] = &[
            "og", "er", "af", "ikke", "den", "det", "med", "kan", "skal", "ingen", "eller", "som",
            "har", "blev", "fra", "hvis", "til", "mødet",
        ];
        fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    if path.file_name().is_some_and(|n| n != "tests") {
                        rust_files(&path, out);
                    }
                } else if path.extension().is_some_and(|e| e == "rs")
                    && path.file_name().is_some_and(|n| n != "tests.rs")
                {
                    out.push(path);
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        rust_files(&root.join("src"), &mut files);
        assert!(files.len() > 50, "the sources were not found");
        let mut found = Vec::new();
        for path in files {
            let name = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if EXEMPT_FILES.contains(&name.as_str()) {
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            let code = source.split("#[cfg(test)]").next().unwrap_or_default();
            for (line, literal) in string_literals(code) {
                let mut text = literal.clone();
                for word in EXEMPT_WORDS {
                    text = text.replace(word, "");
                }
                let danish_letter = text.contains(['æ', 'ø', 'å', 'Æ', 'Ø', 'Å']);
                let danish_word = text
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| DANISH_WORDS.contains(&w));
                if danish_letter || danish_word {
                    found.push(format!("{name}:{line}: {literal}"));
                }
            }
        }
        assert!(
            found.is_empty(),
            "Danish text outside the catalogue (move it to src/i18n/*.ftl):\n{}",
            found.join("\n")
        );
    }

    #[test]
    fn string_literals_are_found_whole() {
        let code = "let a = \"one\\\" two\"; // \"not this\"\nlet b = '\"'; let c = r#\"x \"y\" z\"#;\nf(\"multi\\\n line\");";
        let found = string_literals(code);
        assert_eq!(
            found,
            vec![
                (1, "one\\\" two".to_owned()),
                (2, "x \"y\" z".to_owned()),
                (3, "multi\\\n line".to_owned()),
            ]
        );
    }
}
