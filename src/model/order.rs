//! The validated LSR order: what `validate` produces from an [`OrderDraft`] when it has no errors.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::draft::{AddressDraft, OrderDraft, SubscriberDraft};
use super::{Pin, Pon, Tn};

/// Business or residential end user; decides which name fields are required (17010–17012).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, schemars::JsonSchema,
)]
#[serde(rename_all = "UPPERCASE")]
pub enum SubscriberType {
    Business,
    /// Bandwidth's default when the type is not given.
    #[default]
    Residential,
}

impl SubscriberType {
    pub fn as_str(self) -> &'static str {
        match self {
            SubscriberType::Business => "BUSINESS",
            SubscriberType::Residential => "RESIDENTIAL",
        }
    }

    /// Case-insensitive; accepts Bandwidth's old misspelling `RESEDENTIAL`.
    pub fn parse(text: &str) -> Option<SubscriberType> {
        match text.trim().to_ascii_uppercase().as_str() {
            "BUSINESS" | "B" => Some(SubscriberType::Business),
            "RESIDENTIAL" | "RESEDENTIAL" | "R" => Some(SubscriberType::Residential),
            _ => None,
        }
    }
}

/// The end user's service address at the losing carrier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default, schemars::JsonSchema)]
pub struct ServiceAddress {
    pub house_prefix: Option<String>,
    pub house_number: String,
    pub house_suffix: Option<String>,
    pub pre_directional: Option<String>,
    pub street_name: String,
    pub street_suffix: Option<String>,
    pub post_directional: Option<String>,
    pub address_line2: Option<String>,
    pub city: String,
    pub state_code: String,
    pub zip: String,
    pub county: Option<String>,
}

/// The end user whose numbers port.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default, schemars::JsonSchema)]
pub struct Subscriber {
    pub subscriber_type: SubscriberType,
    pub business_name: Option<String>,
    pub first_name: Option<String>,
    pub middle_initial: Option<String>,
    pub last_name: Option<String>,
    pub account_number: Option<String>,
    /// The end user's port-out passcode; redacted in `Debug`.
    pub pin: Option<Pin>,
    pub service_address: ServiceAddress,
}

impl Subscriber {
    /// The name to show a person: the business name, or "First M. Last".
    pub fn display_name(&self) -> String {
        if let Some(name) = &self.business_name {
            return name.clone();
        }
        [
            self.first_name.as_deref(),
            self.middle_initial.as_deref(),
            self.last_name.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
    }
}

/// A complete, valid LSR: every field has passed the offline rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LsrOrder {
    pub pon: Pon,
    pub customer_order_id: Option<String>,
    pub spid: Option<String>,
    pub btn: Option<Tn>,
    pub requested_foc_date: Option<NaiveDate>,
    pub authorizing_person: String,
    pub subscriber: Subscriber,
    pub tns: Vec<Tn>,
}

impl LsrOrder {
    /// Back to the untyped form (for writing an order file, or as the base of a resubmit).
    pub fn to_draft(&self) -> OrderDraft {
        let s = &self.subscriber;
        let a = &s.service_address;
        OrderDraft {
            pon: Some(self.pon.to_string()),
            customer_order_id: self.customer_order_id.clone(),
            requested_foc_date: self
                .requested_foc_date
                .map(|d| d.format("%Y-%m-%d").to_string()),
            spid: self.spid.clone(),
            btn: self.btn.map(|t| t.digits()),
            authorizing_person: Some(self.authorizing_person.clone()),
            subscriber: SubscriberDraft {
                subscriber_type: Some(s.subscriber_type.as_str().to_string()),
                business_name: s.business_name.clone(),
                first_name: s.first_name.clone(),
                middle_initial: s.middle_initial.clone(),
                last_name: s.last_name.clone(),
                account_number: s.account_number.clone(),
                pin: s.pin.clone(),
                address: AddressDraft {
                    house_prefix: a.house_prefix.clone(),
                    house_number: Some(a.house_number.clone()),
                    house_suffix: a.house_suffix.clone(),
                    pre_directional: a.pre_directional.clone(),
                    street: Some(a.street_name.clone()),
                    street_suffix: a.street_suffix.clone(),
                    post_directional: a.post_directional.clone(),
                    address_line2: a.address_line2.clone(),
                    city: Some(a.city.clone()),
                    state: Some(a.state_code.clone()),
                    zip: Some(a.zip.clone()),
                    county: a.county.clone(),
                },
            },
            tns: self.tns.iter().map(|t| t.digits()).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subscriber_debug_redacts_pin() {
        let subscriber = Subscriber {
            last_name: Some("Doe".into()),
            pin: Some("98765".into()),
            ..Subscriber::default()
        };
        let shown = format!("{subscriber:?}");
        assert!(!shown.contains("98765"), "{shown}");
        assert!(shown.contains("pin: Some(\"<redacted>\")"), "{shown}");
        assert!(shown.contains("Doe"), "other fields still show: {shown}");
    }
}
