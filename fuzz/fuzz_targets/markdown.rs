//! Markdown from users (a motivation, a letter's body): the page's HTML never carries a script
//! element, a `javascript:` link or an event handler, and the letter's blocks are read without
//! a panic. (The words themselves may stand in text: "javascript:" in a paragraph is harmless.)
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let html = agendum::domain::markdown::to_safe_html(text).to_ascii_lowercase();
    // Inside every tag (text between tags is only text, whatever it says): no script element,
    // no address that runs script, no event handler attribute.
    for tag in html.split('<').skip(1) {
        let inside = tag.split('>').next().unwrap_or_default();
        assert!(!inside.starts_with("script"), "{html}");
        // The tag without its quoted values: what is left are names.
        let mut quoted = false;
        let names: String = inside
            .chars()
            .filter(|c| {
                if *c == '"' {
                    quoted = !quoted;
                }
                !quoted && *c != '"'
            })
            .collect();
        assert!(!names.contains(" on"), "{html}");
        for attribute in ["href=\"", "src=\""] {
            for value in inside.split(attribute).skip(1) {
                let value: String = value.chars().filter(|c| !c.is_whitespace()).collect();
                assert!(!value.starts_with("javascript:"), "{html}");
            }
        }
    }
    let _ = agendum::domain::markdown::blocks(text);
});
