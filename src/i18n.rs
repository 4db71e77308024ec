//! The message catalogue: the words around the council's own content, in Danish and English,
//! as Fluent files side by side (`src/i18n/da.ftl`, `src/i18n/en.ftl`). Pages ask for them with
//! `{{ t(key="…") }}` (see `render`), code with `t` and `t_with`. Plurals and arguments are
//! Fluent's: `{ $count -> [one] … *[other] … }` with CLDR's rules for each language.

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
        assert_eq!(
            t_with(
                Lang::Da,
                "release-sent",
                &[("members", 55.into()), ("subscribers", 1.into())]
            ),
            "Dagsordenen er udsendt til 55 medlemmer og 1 abonnent."
        );
        assert_eq!(
            t_with(
                Lang::En,
                "release-sent",
                &[("members", 1.into()), ("subscribers", 2.into())]
            ),
            "The agenda has been sent to 1 member and 2 subscribers."
        );
        assert_eq!(t(Lang::En, "no-such-key"), "no-such-key");
    }
}
