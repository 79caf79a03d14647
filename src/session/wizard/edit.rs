//! Correcting an order at the summary: choose a field, edit it (checked by the validator like
//! any answer, the current value already typed), then the caller shows the summary again.

use super::prompter::PromptError;
use super::{FieldSlot, Wizard, refused};
use crate::model::{OrderDraft, SubscriberType};

/// One field the summary can edit.
enum Editable {
    /// A text field: its label, its path in the order file, where it lives in the draft.
    Text(&'static str, &'static str, FieldSlot),
    /// The subscriber type (a choice; it decides which name is required).
    SubscriberType,
    /// The PIN (asked hidden, never shown).
    Pin,
    /// The TN list, as one line.
    Tns,
}

/// Every field of an order the summary offers, in the order of the order file.
const EDITABLE: &[Editable] = &[
    Editable::Text("PON", "pon", |d| &mut d.pon),
    Editable::Text(
        "Requested FOC date (YYYY-MM-DD or +Nbd)",
        "requested_foc_date",
        |d| &mut d.requested_foc_date,
    ),
    Editable::Text("Authorizing person", "authorizing_person", |d| {
        &mut d.authorizing_person
    }),
    Editable::SubscriberType,
    Editable::Text("Business name", "subscriber.business_name", |d| {
        &mut d.subscriber.business_name
    }),
    Editable::Text("First name", "subscriber.first_name", |d| {
        &mut d.subscriber.first_name
    }),
    Editable::Text("Last name", "subscriber.last_name", |d| {
        &mut d.subscriber.last_name
    }),
    Editable::Text(
        "Service address: house number",
        "subscriber.address.house_number",
        |d| &mut d.subscriber.address.house_number,
    ),
    Editable::Text(
        "Service address: street",
        "subscriber.address.street",
        |d| &mut d.subscriber.address.street,
    ),
    Editable::Text("Service address: city", "subscriber.address.city", |d| {
        &mut d.subscriber.address.city
    }),
    Editable::Text(
        "Service address: state (2 letters)",
        "subscriber.address.state",
        |d| &mut d.subscriber.address.state,
    ),
    Editable::Text("Service address: ZIP code", "subscriber.address.zip", |d| {
        &mut d.subscriber.address.zip
    }),
    Editable::Text(
        "Service address: second line",
        "subscriber.address.address_line2",
        |d| &mut d.subscriber.address.address_line2,
    ),
    Editable::Text(
        "Account number at the losing carrier",
        "subscriber.account_number",
        |d| &mut d.subscriber.account_number,
    ),
    Editable::Pin,
    Editable::Text("Billing telephone number", "btn", |d| &mut d.btn),
    Editable::Tns,
];

impl Editable {
    fn label(&self) -> &'static str {
        match self {
            Editable::Text(label, _, _) => label,
            Editable::SubscriberType => "Subscriber type",
            Editable::Pin => "Port-out PIN",
            Editable::Tns => "Telephone numbers",
        }
    }
}

impl Wizard<'_, '_> {
    /// Asks which field to change and asks for its new value; returns when it is changed.
    pub(super) fn edit_one(&mut self, draft: &mut OrderDraft) -> Result<(), PromptError> {
        let labels: Vec<&str> = EDITABLE.iter().map(Editable::label).collect();
        let choice = self.prompter.select("Which field?", &labels, 0)?;
        match &EDITABLE[choice.min(EDITABLE.len() - 1)] {
            Editable::Text(label, field, slot) => {
                let current = slot(draft).clone();
                self.ask_field(draft, label, field, None, current.as_deref(), *slot)
            }
            Editable::SubscriberType => {
                let current = draft
                    .subscriber
                    .subscriber_type
                    .as_deref()
                    .and_then(SubscriberType::parse);
                let default = usize::from(current != Some(SubscriberType::Business));
                let choice = self.prompter.select(
                    "Subscriber type",
                    &["business", "residential"],
                    default,
                )?;
                let kind = if choice == 0 {
                    SubscriberType::Business
                } else {
                    SubscriberType::Residential
                };
                draft.subscriber.subscriber_type = Some(kind.as_str().to_string());
                Ok(())
            }
            Editable::Pin => self.ask_pin(draft),
            Editable::Tns => self.edit_tns(draft),
        }
    }

    /// The TN list as one line (commas or spaces between numbers), checked whole: every
    /// malformed, toll-free or repeated number is refused with the validator's reason.
    fn edit_tns(&mut self, draft: &mut OrderDraft) -> Result<(), PromptError> {
        let rules = self.rules;
        let base = draft.clone();
        let check = |answer: &str| {
            let mut candidate = base.clone();
            candidate.tns = split_tns(answer);
            let report = crate::validate::validate_order(&candidate, rules);
            let why = report
                .errors()
                .find(|f| f.field == "tns" || f.field.starts_with("tns["))
                .map(|f| f.message.clone());
            refused(why)
        };
        let current = draft.tns.join(", ");
        let answer = self.prompter.input(
            "Telephone numbers (separated by commas or spaces)",
            None,
            Some(&current),
            &check,
        )?;
        draft.tns = split_tns(&answer);
        Ok(())
    }
}

/// `919-555-0100, 9195550101 919.555.0102` → the three numbers as typed.
fn split_tns(text: &str) -> Vec<String> {
    text.split([',', ';'])
        .flat_map(|part| {
            // A TN may be typed with inner spaces (`919 555 0100`): split on spaces only when
            // every piece is a whole number.
            let pieces: Vec<&str> = part.split_whitespace().collect();
            let whole = pieces
                .iter()
                .all(|p| p.chars().filter(char::is_ascii_digit).count() >= 10);
            if whole {
                pieces.into_iter().map(str::to_string).collect::<Vec<_>>()
            } else {
                vec![part.trim().to_string()]
            }
        })
        .filter(|t| !t.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wizard_edit_splits_a_typed_tn_list() {
        assert_eq!(
            split_tns("919-555-0100, 9195550101 919.555.0102"),
            ["919-555-0100", "9195550101", "919.555.0102"]
        );
        assert_eq!(split_tns("919 555 0100"), ["919 555 0100"]);
        assert!(split_tns(" , ").is_empty());
    }
}
