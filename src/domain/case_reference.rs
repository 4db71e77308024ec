//! Case references (sagsnumre) such as `2025-0124174`: a year, a separator and a serial number,
//! unique and never reused. Municipalities write them as their case system does: KMD Nova
//! `2025-0124174`, Acadre `25/12345`, others `2025.012345`. A reference keeps the shape it was
//! written in (and shows itself in it), but is one case whatever the shape: identity is the
//! year and the serial, and `key()` is its one stored, searchable and linkable form.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

/// How a reference is written: two or four digits of year, the separator, and the serial's
/// width (zero-padded). The municipality's shape is a setting (`ÅÅÅÅ-NNNNNNN` by default); new
/// references are made in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseShape {
    year_digits: u8,
    separator: char,
    serial_digits: u8,
}

/// The serial's shortest and longest width: five digits at least, so that "(2024-2025)" at the
/// end of a title stays part of the title.
pub const SERIAL_DIGITS: std::ops::RangeInclusive<u8> = 5..=8;
const SEPARATORS: [char; 3] = ['-', '/', '.'];

impl Default for CaseShape {
    fn default() -> Self {
        CaseShape {
            year_digits: 4,
            separator: '-',
            serial_digits: 7,
        }
    }
}

impl From<ShapeError> for crate::i18n::Msg {
    fn from(err: ShapeError) -> Self {
        crate::i18n::Msg::key("case-shape-invalid").arg("text", err.0)
    }
}

/// Why a shape pattern is not one; shown to the secretariat as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "»{0}« er ikke et mønster for sagsnumre. Skriv årstallet som ÅÅÅÅ eller ÅÅ, et skilletegn (- / eller .) og løbenummeret som 5 til 8 N'er, fx ÅÅÅÅ-NNNNNNN eller ÅÅ/NNNNN."
)]
pub struct ShapeError(pub String);

impl CaseShape {
    /// A pattern as the settings page shows it: `ÅÅÅÅ-NNNNNNN`, `ÅÅ/NNNNN` (`Y` or `A` for `Å`).
    pub fn parse_pattern(text: &str) -> Result<Self, ShapeError> {
        let error = || ShapeError(text.chars().take(40).collect());
        let chars: Vec<char> = text
            .trim()
            .chars()
            .map(|c| match c.to_ascii_uppercase() {
                'Y' | 'A' => 'Å',
                _ => c.to_uppercase().next().unwrap_or(c),
            })
            .collect();
        let year_digits = chars.iter().take_while(|c| **c == 'Å').count();
        let separator = *chars.get(year_digits).ok_or_else(error)?;
        let serial = &chars[year_digits + 1..];
        let serial_digits = u8::try_from(serial.len()).map_err(|_| error())?;
        if !matches!(year_digits, 2 | 4)
            || !SEPARATORS.contains(&separator)
            || !serial.iter().all(|c| *c == 'N')
            || !SERIAL_DIGITS.contains(&serial_digits)
        {
            return Err(error());
        }
        Ok(CaseShape {
            year_digits: year_digits as u8,
            separator,
            serial_digits,
        })
    }

    /// `ÅÅÅÅ-NNNNNNN`
    pub fn pattern(&self) -> String {
        format!(
            "{}{}{}",
            "Å".repeat(self.year_digits.into()),
            self.separator,
            "N".repeat(self.serial_digits.into())
        )
    }

    /// The highest serial this shape can write.
    pub fn max_serial(&self) -> u32 {
        10u32
            .saturating_pow(self.serial_digits.into())
            .saturating_sub(1)
    }

    /// An example in this shape, for hints.
    pub fn example(&self) -> String {
        CaseReference {
            year: 2025,
            serial: 124_174 % (self.max_serial() + 1).max(1),
            shape: *self,
        }
        .to_string()
    }
}

/// A parsed case reference and the shape it is written in.
#[derive(Debug, Clone, Copy)]
pub struct CaseReference {
    year: u16,
    serial: u32,
    shape: CaseShape,
}

impl PartialEq for CaseReference {
    fn eq(&self, other: &Self) -> bool {
        (self.year, self.serial) == (other.year, other.serial)
    }
}

impl Eq for CaseReference {}

impl Hash for CaseReference {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self.year, self.serial).hash(state);
    }
}

impl PartialOrd for CaseReference {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for CaseReference {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.year, self.serial).cmp(&(other.year, other.serial))
    }
}

impl From<CaseReferenceError> for crate::i18n::Msg {
    fn from(err: CaseReferenceError) -> Self {
        use crate::i18n::Msg;
        match err {
            CaseReferenceError::Empty => Msg::key("case-reference-empty"),
            CaseReferenceError::Shape(t) => Msg::key("case-reference-shape").arg("text", t),
            CaseReferenceError::Year(t) => Msg::key("case-reference-year").arg("text", t),
            CaseReferenceError::ZeroSerial(t) => Msg::key("case-reference-zero").arg("text", t),
            CaseReferenceError::TooMany(n) => Msg::key("case-reference-too-many").arg("max", n),
        }
    }
}

/// Why a text is not a case reference; the message is shown to users as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaseReferenceError {
    #[error("Sagsnummeret er tomt. Et sagsnummer har formen ÅÅÅÅ-NNNNNNN, fx 2025-0124174.")]
    Empty,
    #[error(
        "»{0}« er ikke et sagsnummer. Et sagsnummer har formen ÅÅÅÅ-NNNNNNN (årstal, bindestreg og løbenummer), fx 2025-0124174; også ÅÅ/NNNNN og punktum som skilletegn kan bruges."
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
    pub const MAX_SERIAL: u32 = 99_999_999;
    /// The most references one list may hold (a proposal's, a letter's).
    pub const LIST_MAX: usize = 10;

    /// A reference in the default shape.
    pub fn new(year: u16, serial: u32) -> Option<Self> {
        ((1900..=2999).contains(&year) && (1..=9_999_999).contains(&serial)).then_some(Self {
            year,
            serial,
            shape: CaseShape::default(),
        })
    }

    /// A reference in `shape`, if the serial fits it.
    pub fn in_shape(year: u16, serial: u32, shape: CaseShape) -> Option<Self> {
        ((1900..=2999).contains(&year) && (1..=shape.max_serial()).contains(&serial)).then_some(
            Self {
                year,
                serial,
                shape,
            },
        )
    }

    pub fn year(&self) -> u16 {
        self.year
    }

    pub fn serial(&self) -> u32 {
        self.serial
    }

    pub fn shape(&self) -> CaseShape {
        self.shape
    }

    /// The one form under which the case is stored, found and linked, whatever its shape:
    /// `2025-0124174` (a serial past seven digits keeps them all).
    pub fn key(&self) -> String {
        format!("{:04}-{:07}", self.year, self.serial)
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
        let Some(at) = bytes.iter().position(|b| !b.is_ascii_digit()) else {
            return Err(CaseReferenceError::Shape(shown()));
        };
        let separator = bytes[at] as char;
        let serial_text = &bytes[at + 1..];
        let serial_digits = serial_text.len();
        if !matches!(at, 2 | 4)
            || !SEPARATORS.contains(&separator)
            || !serial_text.iter().all(u8::is_ascii_digit)
            || !SERIAL_DIGITS.contains(&u8::try_from(serial_digits).unwrap_or(0))
        {
            return Err(CaseReferenceError::Shape(shown()));
        }
        let year: u16 = text[..at]
            .parse()
            .map_err(|_| CaseReferenceError::Shape(shown()))?;
        // Two-digit years are this century's: the systems that write them began after 2000.
        let year = if at == 2 { 2000 + year } else { year };
        let serial: u32 = text[at + 1..]
            .parse()
            .map_err(|_| CaseReferenceError::Shape(shown()))?;
        if !(1900..=2999).contains(&year) {
            return Err(CaseReferenceError::Year(shown()));
        }
        if serial == 0 {
            return Err(CaseReferenceError::ZeroSerial(shown()));
        }
        Ok(Self {
            year,
            serial,
            shape: CaseShape {
                year_digits: at as u8,
                separator,
                serial_digits: serial_digits as u8,
            },
        })
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
        let year = if self.shape.year_digits == 2 {
            u32::from(self.year % 100)
        } else {
            u32::from(self.year)
        };
        write!(
            f,
            "{year:0yw$}{}{:0sw$}",
            self.shape.separator,
            self.serial,
            yw = usize::from(self.shape.year_digits),
            sw = usize::from(self.shape.serial_digits)
        )
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
            "2025-1241",
            "2025-012417456",
            "2025-012417a",
            "abcd-0124174",
            "2025 0124174",
            "2025-０124174",
            "+025-0124174",
            "2025--124174",
            "202-0124174",
            "2025_0124174",
            "(2024-2025)",
            "2024-2025",
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
    fn other_systems_shapes_are_the_same_case_and_keep_their_shape() {
        let nova = CaseReference::parse("2025-0124174").unwrap();
        for (typed, shown) in [
            ("25/124174", "25/124174"),
            ("2025.00124174", "2025.00124174"),
            ("2025-124174", "2025-124174"),
        ] {
            let r = CaseReference::parse(typed).unwrap();
            assert_eq!(r, nova, "{typed} is the same case");
            assert_eq!(r.to_string(), shown);
            assert_eq!(r.key(), "2025-0124174");
        }
        let acadre = CaseReference::parse("26/00042").unwrap();
        assert_eq!((acadre.year(), acadre.serial()), (2026, 42));
        assert_eq!(acadre.key(), "2026-0000042");
    }

    #[test]
    fn shape_patterns_round_trip_and_make_references() {
        for pattern in ["ÅÅÅÅ-NNNNNNN", "ÅÅ/NNNNN", "ÅÅÅÅ.NNNNNNNN", "YY-NNNNNN"] {
            let shape = CaseShape::parse_pattern(pattern).unwrap();
            let again = CaseShape::parse_pattern(&shape.pattern()).unwrap();
            assert_eq!(shape, again, "{pattern}");
            let example = CaseReference::parse(&shape.example()).unwrap();
            assert_eq!(example.shape(), shape, "{pattern}: {}", shape.example());
        }
        let acadre = CaseShape::parse_pattern("ÅÅ/NNNNN").unwrap();
        assert_eq!(
            CaseReference::in_shape(2026, 7, acadre)
                .unwrap()
                .to_string(),
            "26/00007"
        );
        assert_eq!(
            CaseReference::in_shape(2026, 100_000, acadre),
            None,
            "too wide"
        );
        assert_eq!(CaseShape::default().pattern(), "ÅÅÅÅ-NNNNNNN");
        for bad in [
            "ÅÅÅ-NNNNN",
            "ÅÅÅÅ NNNNNNN",
            "ÅÅÅÅ-NNN",
            "ÅÅÅÅ-NNNNNNNNN",
            "",
            "ÅÅÅÅ-NNNXNNN",
        ] {
            assert!(CaseShape::parse_pattern(bad).is_err(), "{bad}");
        }
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
