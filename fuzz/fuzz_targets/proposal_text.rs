//! A pasted proposal, whatever it holds, is read without a panic into parts that are each
//! within what the form takes back.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let text = &text[..text
        .len()
        .min(agendum::domain::proposal_text::MAX_INPUT_BYTES)];
    let parsed = agendum::domain::proposal_text::parse_proposal(text);
    for clause in &parsed.clauses {
        assert!(text.len() >= clause.trim().len() || clause.is_empty());
    }
});
