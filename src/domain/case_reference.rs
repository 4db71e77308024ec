//! Case references (sagsnumre) such as `2025-0124174`: a four-digit year, a hyphen and a
//! seven-digit serial number, unique and never reused.

use std::fmt;
use std::str::FromStr;

/// A parsed case reference in the default `YYYY-NNNNNNN` shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CaseReference {
    year: u16,
    serial: u32,
}

/// Why a text is not a case reference; the message is shown to users as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaseReferenceError {
    #[error("Sagsnummeret er tomt. Et sagsnummer har formen ÅÅÅÅ-NNNNNNN, fx 2025-0124174.")]
    Empty,
    #[error(
        "»{0}« er ikke et sagsnummer. Et sagsnummer har formen ÅÅÅÅ-NNNNNNN (årstal, bindestreg og syv cifre), fx 2025-0124174."
    )]
    Shape(String),
    #[error("Årstallet i sagsnummeret »{0}« skal ligge mellem 1900 og 2999.")]
    Year(String),
    #[error("Løbenummeret i sagsnummeret »{0}« må ikke være 0000000.")]
    ZeroSerial(String),
    #[error("Skriv højst {0} sagsnumre.")]
    TooMany(usize),
}

impl CaseReference {
    pub const MAX_SERIAL: u32 = 9_999_999;
    /// The most references one list may hold (a proposal's, a letter's).
    pub const LIST_MAX: usize = 10;

    pub fn new(year: u16, serial: u32) -> Option<Self> {
        ((1900..=2999).contains(&year) && (1..=Self::MAX_SERIAL).contains(&serial))
            .then_some(Self { year, serial })
    }

    pub fn year(&self) -> u16 {
        self.year
    }

    pub fn serial(&self) -> u32 {
        self.serial
    }

    /// Several references as people type them: separated by commas, semicolons or spaces;
    /// repeats are dropped, the order kept.
    pub fn parse_list(input: &str) -> Result<Vec<Self>, CaseReferenceError> {
        let mut out = Vec::new();
        for token in input
            .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .filter(|t| !t.is_empty())
        {
            let reference = Self::parse(token)?;
            if !out.contains(&reference) {
                if out.len() == Self::LIST_MAX {
                    return Err(CaseReferenceError::TooMany(Self::LIST_MAX));
                }
                out.push(reference);
            }
        }
        Ok(out)
    }

    pub fn parse(input: &str) -> Result<Self, CaseReferenceError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(CaseReferenceError::Empty);
        }
        // Quote at most a short prefix of the input back to the user.
        let shown = || text.chars().take(40).collect::<String>();
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 12
            && bytes[4] == b'-'
            && bytes[..4].iter().chain(&bytes[5..]).all(u8::is_ascii_digit);
        if !shape_ok {
            return Err(CaseReferenceError::Shape(shown()));
        }
        let year: u16 = text[..4]
            .parse()
            .map_err(|_| CaseReferenceError::Shape(shown()))?;
        let serial: u32 = text[5..]
            .parse()
            .map_err(|_| CaseReferenceError::Shape(shown()))?;
        if !(1900..=2999).contains(&year) {
            return Err(CaseReferenceError::Year(shown()));
        }
        if serial == 0 {
            return Err(CaseReferenceError::ZeroSerial(shown()));
        }
        Ok(Self { year, serial })
    }
}

impl FromStr for CaseReference {
    type Err = CaseReferenceError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Display for CaseReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:07}", self.year, self.serial)
    }
}

impl serde::Serialize for CaseReference {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for CaseReference {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_the_seed_reference() {
        let r = CaseReference::parse("2025-0124174").unwrap();
        assert_eq!((r.year(), r.serial()), (2025, 124174));
        assert_eq!(r.to_string(), "2025-0124174");
        assert_eq!(CaseReference::parse("  2021-0000001 ").unwrap().serial(), 1);
    }

    #[test]
    fn lists_hold_at_most_their_limit() {
        let list = |n: u32| {
            (1..=n)
                .map(|i| format!("2026-{i:07}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let max = CaseReference::LIST_MAX as u32;
        assert_eq!(
            CaseReference::parse_list(&list(max)).unwrap().len(),
            max as usize
        );
        assert_eq!(
            CaseReference::parse_list(&list(max + 1)),
            Err(CaseReferenceError::TooMany(CaseReference::LIST_MAX))
        );
        // Repeats do not count.
        let repeated = format!("{}, 2026-0000001", list(max));
        assert_eq!(
            CaseReference::parse_list(&repeated).unwrap().len(),
            max as usize
        );
    }

    #[test]
    fn rejects_other_shapes_with_a_message() {
        for bad in [
            "2025-124174",
            "25-0124174",
            "2025/0124174",
            "2025-01241745",
            "2025-012417a",
            "abcd-0124174",
            "2025 0124174",
            "2025-０124174",
            "+025-0124174",
            "2025--124174",
        ] {
            let err = CaseReference::parse(bad).unwrap_err();
            assert!(
                matches!(err, CaseReferenceError::Shape(_)),
                "{bad}: {err:?}"
            );
            assert!(err.to_string().contains("ÅÅÅÅ-NNNNNNN"));
        }
        assert_eq!(CaseReference::parse(" "), Err(CaseReferenceError::Empty));
        assert!(matches!(
            CaseReference::parse("0999-0000001"),
            Err(CaseReferenceError::Year(_))
        ));
        assert!(matches!(
            CaseReference::parse("2025-0000000"),
            Err(CaseReferenceError::ZeroSerial(_))
        ));
    }

    #[test]
    fn long_input_is_quoted_short() {
        let long = "x".repeat(10_000);
        let msg = CaseReference::parse(&long).unwrap_err().to_string();
        assert!(msg.len() < 300);
    }

    #[test]
    fn serde_round_trip_validates() {
        let r: CaseReference = serde_json::from_str("\"2025-0124174\"").unwrap();
        assert_eq!(serde_json::to_string(&r).unwrap(), "\"2025-0124174\"");
        assert!(serde_json::from_str::<CaseReference>("\"2025-1\"").is_err());
    }

    #[test]
    fn never_panics_on_arbitrary_text() {
        // Multi-byte characters around the hyphen position must not split a char boundary.
        for s in [
            "ææææ-0124174",
            "2025ø124174",
            "2025-01241ø",
            "€€€€",
            "2025-0124174\u{0}",
        ] {
            assert!(CaseReference::parse(s).is_err(), "{s}");
        }
    }

    #[test]
    fn lists_of_references() {
        let list = CaseReference::parse_list(" 2025-0124174, 2024-0000001;2025-0124174 ").unwrap();
        let shown: Vec<String> = list.iter().map(ToString::to_string).collect();
        assert_eq!(shown, vec!["2025-0124174", "2024-0000001"]);
        assert!(CaseReference::parse_list("").unwrap().is_empty());
        assert!(CaseReference::parse_list("2025-0124174 2025-12").is_err());
    }
}
