//! Keeping the end user's port-out secrets (the PIN) out of `Debug` output.

/// What `Debug` shows for a secret field: `Some("<redacted>")` when it is set, `None` when it is
/// not, never the value. The one place the three subscriber shapes (draft, order, wire) redact.
pub fn redacted(secret: &Option<String>) -> Option<&'static str> {
    secret.as_ref().map(|_| "<redacted>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacted_hides_the_value_and_keeps_whether_it_is_set() {
        assert_eq!(redacted(&Some("4321".into())), Some("<redacted>"));
        assert_eq!(redacted(&None), None);
    }
}
