//! The languages Agendum speaks, and which one a reader gets: their own saved preference, then
//! the choice they made on the page (kept in a cookie), then what their browser asks for
//! (`Accept-Language`), then the instance's default.

text_enum!(
    /// A language Agendum writes in. Danish first: it is the default everywhere.
    Lang {
        Da = "da",
        En = "en",
    }
);

impl Lang {
    /// The language's own name for itself, for the switch ("Dansk", "English").
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Da => "Dansk",
            Lang::En => "English",
        }
    }

    /// The language to offer on the switch from a page in `self`.
    pub fn other(self) -> Lang {
        match self {
            Lang::Da => Lang::En,
            Lang::En => Lang::Da,
        }
    }
}

/// The most wanted supported language of an `Accept-Language` header (`en-GB,en;q=0.9,da;q=0.8`),
/// by quality, ties in the header's order; a range like `en-GB` counts as `en`, and `*` (or
/// nothing supported) gives none. `q=0` means "not this one".
pub fn from_accept_language(header: &str) -> Option<Lang> {
    let mut best: Option<(Lang, u16)> = None;
    for part in header.split(',') {
        let mut pieces = part.split(';');
        let range = pieces
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        let quality = pieces
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0)
            .clamp(0.0, 1.0);
        // Thousandths, as the header's grammar allows: comparable without floats.
        let quality = (quality * 1000.0).round() as u16;
        if quality == 0 {
            continue;
        }
        let primary = range.split('-').next().unwrap_or_default();
        let Ok(lang) = primary.parse::<Lang>() else {
            continue;
        };
        if best.is_none_or(|(_, q)| quality > q) {
            best = Some((lang, quality));
        }
    }
    best.map(|(lang, _)| lang)
}

/// Which language a reader gets, in the order the issue of languages set: a logged-in person's
/// saved preference, then the choice made on the page, then the browser's, then the default.
pub fn negotiate(
    preference: Option<Lang>,
    chosen: Option<Lang>,
    accept_language: Option<&str>,
    default: Lang,
) -> Lang {
    preference
        .or(chosen)
        .or_else(|| accept_language.and_then(from_accept_language))
        .unwrap_or(default)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_is_read_by_quality() {
        assert_eq!(
            from_accept_language("en-GB,en;q=0.9,da;q=0.8"),
            Some(Lang::En)
        );
        assert_eq!(from_accept_language("da, en;q=0.5"), Some(Lang::Da));
        assert_eq!(
            from_accept_language("de-DE,de;q=0.9,en;q=0.8"),
            Some(Lang::En)
        );
        assert_eq!(
            from_accept_language("fr;q=1, da;q=0.3, en;q=0.7"),
            Some(Lang::En)
        );
        assert_eq!(from_accept_language("EN-us"), Some(Lang::En));
        assert_eq!(from_accept_language("en;q=0, da;q=0.1"), Some(Lang::Da));
        assert_eq!(from_accept_language("*"), None);
        assert_eq!(from_accept_language(""), None);
        assert_eq!(from_accept_language("de, fr"), None);
        // Ties keep the header's order.
        assert_eq!(from_accept_language("en;q=0.5, da;q=0.5"), Some(Lang::En));
    }

    #[test]
    fn the_order_is_preference_choice_browser_default() {
        use Lang::*;
        assert_eq!(negotiate(Some(En), Some(Da), Some("da"), Da), En);
        assert_eq!(negotiate(None, Some(En), Some("da"), Da), En);
        assert_eq!(negotiate(None, None, Some("en"), Da), En);
        assert_eq!(negotiate(None, None, Some("de"), En), En);
        assert_eq!(negotiate(None, None, None, Da), Da);
    }
}
