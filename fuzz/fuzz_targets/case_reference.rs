//! Case references: a parsed reference prints back to itself; lists stay within their limit.
#![no_main]

use agendum::domain::CaseReference;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(r) = CaseReference::parse(text) {
        assert_eq!(CaseReference::parse(&r.to_string()), Ok(r));
    }
    if let Ok(list) = CaseReference::parse_list(text) {
        assert!(list.len() <= CaseReference::LIST_MAX);
    }
});
