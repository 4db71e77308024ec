//! Pure domain types and rules: no web framework, no database.
//!
//! Everything here is plain Rust so it can be unit-tested in isolation and reused by the web
//! handlers, the database layer and (later) the document renderers.

/// A closed set of values stored as text in the database and the JSON API. The label people
/// read is in the catalogue under `<Type>-<value>` (`MeetingStatus-held`), in each language.
macro_rules! text_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored and API form.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The catalogue key of the label shown to people.
            pub fn label_key(self) -> &'static str {
                match self { $($name::$variant => concat!(stringify!($name), "-", $text)),+ }
            }

            /// The label shown to people, in `lang`.
            pub fn label(self, lang: $crate::domain::language::Lang) -> String {
                $crate::i18n::t(lang, self.label_key())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::domain::UnknownValue;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::domain::UnknownValue { kind: stringify!($name), value: s.chars().take(40).collect() }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

/// A stored or submitted value outside a closed set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown value {value:?} for {kind}")]
pub struct UnknownValue {
    pub kind: &'static str,
    pub value: String,
}

pub mod account;
pub mod agenda;
pub mod atom;
pub mod attachment;
pub mod audience;
pub mod case_reference;
pub mod date_phrase;
pub mod deadline;
pub mod decision;
pub mod email;
pub mod followup;
pub mod holidays;
pub mod ical;
pub mod ids;
pub mod import;
pub mod language;
pub mod letter;
pub mod mail;
pub mod markdown;
pub mod meeting;
pub mod minutes;
pub mod municipality;
pub mod organization;
pub mod plan;
pub mod proposal;
pub mod proposal_text;
pub mod register;
pub mod search;
pub mod secret;
pub mod subscription;
pub mod task;
pub mod text;
pub mod time;
pub mod totp;

pub use case_reference::CaseReference;
pub use email::EmailAddress;
pub use ids::*;
