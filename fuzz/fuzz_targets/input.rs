//! What every text input passes: no control character survives, cleaning twice changes nothing,
//! a form body keeps its fields.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let once = agendum::domain::text::clean_input(text);
        assert!(
            once.chars()
                .all(|c| !c.is_control() || c == '\n' || c == '\t')
        );
        assert_eq!(agendum::domain::text::clean_input(&once), once);
    }
    let cleaned = agendum::web::input::clean_form_body(data);
    let before = url::form_urlencoded::parse(data).count();
    let after = url::form_urlencoded::parse(cleaned.as_bytes()).count();
    assert_eq!(before, after);
});
