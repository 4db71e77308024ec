//! Markdown from users (a motivation, a letter's body): the page's HTML never carries a script
//! element, a `javascript:` link or an event handler, and the letter's blocks are read without
//! a panic. (The words themselves may stand in text: "javascript:" in a paragraph is harmless.)
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let html = agendum::web::markdown::to_safe_html(text).to_ascii_lowercase();
    assert!(!html.contains("<script"), "{html}");
    let squeezed: String = html.chars().filter(|c| !c.is_whitespace()).collect();
    for attribute in [
        "href=\"javascript:",
        "src=\"javascript:",
        "href='javascript:",
    ] {
        assert!(!squeezed.contains(attribute), "{html}");
    }
    // An attribute that runs script, in any tag (text outside tags may say "onerror=").
    for tag in html.split('<').skip(1) {
        let inside = tag.split('>').next().unwrap_or_default();
        assert!(!inside.contains(" on"), "{html}");
    }
    let _ = agendum::documents::markdown_blocks(text);
});
