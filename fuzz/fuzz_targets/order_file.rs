//! Fuzzes the order file parser (`OrderDraft::parse_file_text`) in TOML, JSON and by-content
//! detection: never panics, and a draft it accepts writes back out in both syntaxes and reads
//! back as the same draft.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use lsr::model::OrderDraft;

fuzz_target!(|text: &str| {
    for name in ["order.toml", "order.json", "order"] {
        let Ok(draft) = OrderDraft::parse_file_text(Path::new(name), text) else {
            continue;
        };
        let as_json = serde_json::to_string(&draft).expect("a draft always serialises to JSON");
        let back = OrderDraft::parse_file_text(Path::new("again.json"), &as_json);
        assert_eq!(back.as_ref().ok(), Some(&draft), "{as_json}");
        let as_toml = toml::to_string(&draft).expect("a draft always serialises to TOML");
        let back = OrderDraft::parse_file_text(Path::new("again.toml"), &as_toml);
        assert_eq!(back.as_ref().ok(), Some(&draft), "{as_toml}");
        // Laying a draft over nothing, or over itself, gives the draft.
        assert_eq!(OrderDraft::default().overlay(&draft), draft);
        assert_eq!(draft.clone().overlay(&draft), draft);
    }
});
