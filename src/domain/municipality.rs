//! The municipality's own settings: its name, web address, what its council is called and the
//! language of mail to people who have not chosen one. Checked here, field by field.

use super::case_reference::CaseShape;
use super::proposal::FieldErrors;
use super::register::{check_website, collapse};

/// The longest municipality name (`agendum setup`, the settings page).
pub const MUNICIPALITY_NAME_MAX_CHARS: usize = 200;

text_enum!(
    /// What the municipality's council is called: the law's word, Copenhagen's own, or a
    /// region's.
    CouncilTitle {
        Kommunalbestyrelse = "kommunalbestyrelse",
        Byraad = "byraad",
        Borgerrepraesentationen = "borgerrepraesentationen",
        Regionsraad = "regionsraad",
    }
);

impl CouncilTitle {
    /// The genitive as it stands inside a sentence ("kommunalbestyrelsens og udvalgenes
    /// møder"); Borgerrepræsentationen is a name and keeps its capital.
    pub fn genitive_key(self) -> &'static str {
        match self {
            CouncilTitle::Kommunalbestyrelse => "council-genitive-kommunalbestyrelse",
            CouncilTitle::Byraad => "council-genitive-byraad",
            CouncilTitle::Borgerrepraesentationen => "council-genitive-borgerrepraesentationen",
            CouncilTitle::Regionsraad => "council-genitive-regionsraad",
        }
    }
}

/// The language of mail to people who have not chosen one: one of the languages Agendum speaks.
pub use super::language::Lang as Language;

/// The settings as typed: every field a string, so a refused form comes back as it was.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct SettingsInput {
    pub name: String,
    pub website: String,
    pub council_title: String,
    pub default_language: String,
    /// The shape of the municipality's case references, e.g. `ÅÅÅÅ-NNNNNNN` or `ÅÅ/NNNNN`.
    pub case_reference_format: String,
}

/// The settings once checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsFields {
    pub name: String,
    pub website: Option<String>,
    pub council_title: CouncilTitle,
    pub default_language: Language,
    pub case_shape: CaseShape,
}

/// A municipality's name: collapsed whitespace, not empty, within the limit.
pub fn check_municipality_name(text: &str) -> Result<String, crate::i18n::Msg> {
    use crate::i18n::Msg;
    let name = collapse(text);
    if name.is_empty() {
        Err(Msg::key("field-municipality-name-missing"))
    } else if name.chars().count() > MUNICIPALITY_NAME_MAX_CHARS {
        Err(Msg::key("field-municipality-name-too-long").arg("max", MUNICIPALITY_NAME_MAX_CHARS))
    } else if name.chars().any(char::is_control) {
        Err(Msg::key("field-municipality-name-control"))
    } else {
        Ok(name)
    }
}

pub fn check_settings(input: &SettingsInput) -> Result<SettingsFields, FieldErrors> {
    let mut errors = FieldErrors::default();
    let name = check_municipality_name(&input.name).unwrap_or_else(|message| {
        errors.add("name", message);
        String::new()
    });
    let website = check_website(&input.website).unwrap_or_else(|message| {
        errors.add("website", message);
        None
    });
    let council_title = input.council_title.trim().parse().ok();
    if council_title.is_none() {
        errors.add(
            "council_title",
            "field-choose-what-the-municipal-council-is",
        );
    }
    let default_language = input.default_language.trim().parse().ok();
    if default_language.is_none() {
        errors.add("default_language", "field-choose-danish-or-english");
    }
    let case_shape = CaseShape::parse_pattern(&input.case_reference_format)
        .map_err(|e| errors.add("case_reference_format", e))
        .ok();
    match (council_title, default_language, case_shape) {
        (Some(council_title), Some(default_language), Some(case_shape)) if errors.is_empty() => {
            Ok(SettingsFields {
                name,
                website,
                council_title,
                default_language,
                case_shape,
            })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> SettingsInput {
        SettingsInput {
            name: "  Aarhus   Kommune ".into(),
            website: "www.aarhus.dk".into(),
            council_title: "byraad".into(),
            default_language: "da".into(),
            case_reference_format: "ÅÅ/NNNNN".into(),
        }
    }

    #[test]
    fn settings_are_checked_and_tidied() {
        let fields = check_settings(&input()).unwrap();
        assert_eq!(fields.name, "Aarhus Kommune");
        assert_eq!(fields.website.as_deref(), Some("https://www.aarhus.dk"));
        assert_eq!(fields.council_title, CouncilTitle::Byraad);
        assert_eq!(fields.default_language, Language::Da);
        assert_eq!(fields.case_shape.pattern(), "ÅÅ/NNNNN");
    }

    #[test]
    fn every_bad_field_is_named() {
        let bad = SettingsInput {
            name: " ".into(),
            website: "not a site".into(),
            council_title: "senate".into(),
            default_language: "fr".into(),
            case_reference_format: "ÅÅÅ-NN".into(),
        };
        let errors = check_settings(&bad).unwrap_err();
        for field in [
            "name",
            "website",
            "council_title",
            "default_language",
            "case_reference_format",
        ] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
        let long = SettingsInput {
            name: "x".repeat(MUNICIPALITY_NAME_MAX_CHARS + 1),
            ..input()
        };
        assert!(check_settings(&long).unwrap_err().get("name").is_some());
    }

    #[test]
    fn each_council_title_has_its_genitive() {
        for title in CouncilTitle::ALL {
            assert!(
                crate::i18n::t(Language::Da, title.genitive_key()).ends_with('s'),
                "{title}"
            );
            assert_eq!(title.as_str().parse::<CouncilTitle>(), Ok(*title));
        }
    }
}
