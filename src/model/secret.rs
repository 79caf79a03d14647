//! `Pin`: the end user's port-out passcode, which never shows in `Debug` output. The draft, the
//! validated order and the wire shape all hold it as a `Pin`, so each can derive `Debug`.

use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Serialize};

/// A port-out PIN (passcode). Reads as the text it holds (`Deref<Target = str>`); `Debug`
/// shows `"<redacted>"`, never the value.
#[derive(Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(transparent)]
pub struct Pin(String);

impl Pin {
    pub fn new(text: impl Into<String>) -> Pin {
        Pin(text.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Pin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Shown as the quoted text a `String` field showed before, without the value.
        f.write_str("\"<redacted>\"")
    }
}

impl Deref for Pin {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<String> for Pin {
    fn from(text: String) -> Pin {
        Pin(text)
    }
}

impl From<&str> for Pin {
    fn from(text: &str) -> Pin {
        Pin(text.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pin_debug_hides_the_value_and_keeps_whether_it_is_set() {
        let pin = Some(Pin::from("4321"));
        let shown = format!("{pin:?}");
        assert!(shown.contains("<redacted>"), "{shown}");
        assert!(!shown.contains("4321"), "{shown}");
        assert_eq!(format!("{:?}", None::<Pin>), "None");
        assert_eq!(pin.as_deref(), Some("4321"));
    }
}
