//! Between the wire `LsrOrder` and the model: drafts (what the validator checks), validated
//! orders, typed views (status, TNs, dates, errors) and the cancel and supp request bodies.

use chrono::{DateTime, NaiveDate, Utc};

use crate::model::{
    self, AddressDraft, OrderDraft, OrderStatus, SubscriberDraft, SubscriberType, Tn, TnError,
};

use super::envelope::ResponseStatus;
use super::order::{LsrOrder, LsrOrderError, LsrOrderResponse, ServiceAddress, Subscriber};
use super::text::{format_wire_date, format_wire_timestamp, parse_wire_date, parse_wire_timestamp};

/// Copies a draft string, dropping blank ones (a blank element means "not given").
fn given(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

/// A TN as Bandwidth v1 wants it (10 digits) when it is one; as typed otherwise, so that the
/// server (or the sandbox's validator) reports it.
fn wire_tn(text: &str) -> String {
    Tn::parse(text).map_or_else(|_| text.trim().to_string(), Tn::digits)
}

/// A FOC date as `yyyy-MM-dd` when it is a recognisable date (including the order file's
/// `MM/DD/YYYY`); as typed otherwise. Relative dates (`+3bd`) must be resolved by the caller.
fn wire_foc_date(text: &str) -> String {
    let text = text.trim();
    parse_wire_date(text)
        .or_else(|| NaiveDate::parse_from_str(text, "%m/%d/%Y").ok())
        .map_or_else(|| text.to_string(), format_wire_date)
}

fn address_from_draft(a: &AddressDraft) -> Option<ServiceAddress> {
    let address = ServiceAddress {
        house_prefix: given(&a.house_prefix),
        house_number: given(&a.house_number),
        house_suffix: given(&a.house_suffix),
        pre_directional: given(&a.pre_directional),
        street_name: given(&a.street),
        street_suffix: given(&a.street_suffix),
        post_directional: given(&a.post_directional),
        address_line2: given(&a.address_line2),
        city: given(&a.city),
        state_code: given(&a.state),
        zip: given(&a.zip),
        county: given(&a.county),
        ..ServiceAddress::default()
    };
    (!address.is_empty()).then_some(address)
}

fn subscriber_from_draft(s: &SubscriberDraft) -> Option<Subscriber> {
    let subscriber = Subscriber {
        subscriber_type: given(&s.subscriber_type)
            .map(|t| SubscriberType::parse(&t).map_or(t, |known| known.as_str().to_string())),
        business_name: given(&s.business_name),
        first_name: given(&s.first_name),
        middle_initial: given(&s.middle_initial),
        last_name: given(&s.last_name),
        name: None,
        service_address: address_from_draft(&s.address),
        account_number: given(&s.account_number),
        pin_number: s
            .pin
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(model::Pin::from),
    };
    (!subscriber.is_empty()).then_some(subscriber)
}

impl LsrOrder {
    /// The request body for an order as typed (POST). Blank fields are left out; TNs, the BTN
    /// and the FOC date are put in Bandwidth's form when they are recognisable and sent as
    /// typed otherwise. Resolve relative FOC dates (`+3bd`) before calling.
    pub fn from_draft(draft: &OrderDraft) -> LsrOrder {
        let tns: Vec<String> = draft
            .tns
            .iter()
            .filter(|t| !t.trim().is_empty())
            .map(|t| wire_tn(t))
            .collect();
        LsrOrder {
            pon: given(&draft.pon),
            customer_order_id: given(&draft.customer_order_id),
            spid: given(&draft.spid),
            billing_telephone_number: given(&draft.btn).map(|b| wire_tn(&b)),
            requested_foc_date: given(&draft.requested_foc_date).map(|d| wire_foc_date(&d)),
            authorizing_person: given(&draft.authorizing_person),
            subscriber: subscriber_from_draft(&draft.subscriber),
            list_of_telephone_numbers: (!tns.is_empty()).then_some(tns),
            ..LsrOrder::default()
        }
    }

    /// The supp body (PUT) from a draft of the fields to change. `Pon` and the TN list cannot
    /// be changed (17025, R9), so they are never sent; the caller refuses such changes first.
    pub fn supp_request(changes: &OrderDraft) -> LsrOrder {
        LsrOrder {
            pon: None,
            list_of_telephone_numbers: None,
            ..LsrOrder::from_draft(changes)
        }
    }

    /// The cancel body (PUT), as Bandwidth's example writes it: `OrderStatus=CANCELLED` and an
    /// empty `<ListOfTelephoneNumbers/>`. There is no DELETE.
    pub fn cancel_request() -> LsrOrder {
        LsrOrder {
            order_status: Some(OrderStatus::Cancelled.as_str().to_string()),
            list_of_telephone_numbers: Some(Vec::new()),
            ..LsrOrder::default()
        }
    }

    /// Whether this PUT body asks for cancellation (`OrderStatus=CANCELLED`, any case or
    /// spelling). Bandwidth ignores any other change sent with a cancel (17018); the empty
    /// `<ListOfTelephoneNumbers/>` of the cancel body is not a TN change.
    pub fn is_cancel_request(&self) -> bool {
        self.status() == Some(OrderStatus::Cancelled)
    }

    /// The untyped order the validator checks (the sandbox validates incoming bodies this
    /// way). Output-only elements (`Name`, `PlusFour`, `Country`, `AddressType`) have no draft
    /// field; `PlusFour` is joined to the ZIP as `ZIP-PLUS4`.
    pub fn to_draft(&self) -> OrderDraft {
        let s = self.subscriber.clone().unwrap_or_default();
        let a = s.service_address.unwrap_or_default();
        let zip = match (a.zip, a.plus_four) {
            (Some(zip), Some(plus)) => Some(format!("{zip}-{plus}")),
            (zip, _) => zip,
        };
        OrderDraft {
            pon: self.pon.clone(),
            customer_order_id: self.customer_order_id.clone(),
            requested_foc_date: self.requested_foc_date.clone(),
            spid: self.spid.clone(),
            btn: self.billing_telephone_number.clone(),
            authorizing_person: self.authorizing_person.clone(),
            subscriber: SubscriberDraft {
                subscriber_type: s.subscriber_type,
                business_name: s.business_name,
                first_name: s.first_name,
                middle_initial: s.middle_initial,
                last_name: s.last_name,
                account_number: s.account_number,
                pin: s.pin_number,
                address: AddressDraft {
                    house_prefix: a.house_prefix,
                    house_number: a.house_number,
                    house_suffix: a.house_suffix,
                    pre_directional: a.pre_directional,
                    street: a.street_name,
                    street_suffix: a.street_suffix,
                    post_directional: a.post_directional,
                    address_line2: a.address_line2,
                    city: a.city,
                    state: a.state_code,
                    zip,
                    county: a.county,
                },
            },
            tns: self.list_of_telephone_numbers.clone().unwrap_or_default(),
        }
    }

    /// The status, read leniently (any case, `CANCELED`); `None` when absent or not a known
    /// word (the SDK fixtures use `NEW`). The text as sent stays in `order_status`.
    pub fn status(&self) -> Option<OrderStatus> {
        self.order_status.as_deref().and_then(|s| s.parse().ok())
    }

    pub fn set_status(&mut self, status: OrderStatus) {
        self.order_status = Some(status.as_str().to_string());
    }

    /// The TNs as typed numbers; the first unparseable one is the error.
    pub fn tns(&self) -> Result<Vec<Tn>, TnError> {
        self.list_of_telephone_numbers
            .iter()
            .flatten()
            .map(|t| Tn::parse(t))
            .collect()
    }

    /// The BTN, when present and valid.
    pub fn btn(&self) -> Option<Tn> {
        self.billing_telephone_number
            .as_deref()
            .and_then(|t| Tn::parse(t).ok())
    }

    pub fn subscriber_type(&self) -> Option<SubscriberType> {
        self.subscriber
            .as_ref()
            .and_then(|s| s.subscriber_type.as_deref())
            .and_then(SubscriberType::parse)
    }

    pub fn requested_foc(&self) -> Option<NaiveDate> {
        self.requested_foc_date.as_deref().and_then(parse_wire_date)
    }

    pub fn set_requested_foc(&mut self, date: NaiveDate) {
        self.requested_foc_date = Some(format_wire_date(date));
    }

    pub fn actual_foc(&self) -> Option<NaiveDate> {
        self.actual_foc_date.as_deref().and_then(parse_wire_date)
    }

    pub fn set_actual_foc(&mut self, date: NaiveDate) {
        self.actual_foc_date = Some(format_wire_date(date));
    }

    pub fn created_at(&self) -> Option<DateTime<Utc>> {
        self.order_create_date
            .as_deref()
            .and_then(parse_wire_timestamp)
    }

    pub fn set_created_at(&mut self, at: DateTime<Utc>) {
        self.order_create_date = Some(format_wire_timestamp(at));
    }

    pub fn modified_at(&self) -> Option<DateTime<Utc>> {
        self.last_modified_date
            .as_deref()
            .and_then(parse_wire_timestamp)
    }

    pub fn set_modified_at(&mut self, at: DateTime<Utc>) {
        self.last_modified_date = Some(format_wire_timestamp(at));
    }

    /// The order's errors as `(code, description)` pairs.
    pub fn errors(&self) -> Vec<(u32, String)> {
        error_pairs(self.lsr_order_errors.as_deref())
    }
    /// The order in domain terms: read once here, on the way in. Unknown status words keep
    /// their text; TNs that are not numbers are left out (the count stays in `tn_count`).
    pub fn to_order(&self) -> model::Order {
        model::Order {
            order_id: self.order_id.clone().unwrap_or_default(),
            pon: self.pon.clone().unwrap_or_default(),
            // lsr counts versions itself (the history does, `Backend` fills it in).
            pon_version: None,
            server_pon_version: self.pon_version,
            customer_order_id: self.customer_order_id.clone(),
            status: self.status(),
            status_text: self.order_status.clone().unwrap_or_default(),
            requested_foc_date: self.requested_foc(),
            actual_foc_date: self.actual_foc(),
            tns: self
                .list_of_telephone_numbers
                .iter()
                .flatten()
                .filter_map(|t| Tn::parse(t).ok())
                .collect(),
            tn_count: self
                .count_of_tns
                .map(|n| n as usize)
                .or_else(|| self.list_of_telephone_numbers.as_ref().map(Vec::len)),
            errors: bandwidth_errors(self.lsr_order_errors.as_deref()),
            created_at: self.created_at(),
            modified_at: self.modified_at(),
            details: Some(self.to_draft()),
        }
    }
}

/// The errors of an order in domain terms.
pub(super) fn bandwidth_errors(errors: Option<&[LsrOrderError]>) -> Vec<model::BandwidthError> {
    errors
        .unwrap_or_default()
        .iter()
        .map(|e| model::BandwidthError::new(e.code, e.description.clone()))
        .collect()
}

fn error_pairs(errors: Option<&[LsrOrderError]>) -> Vec<(u32, String)> {
    errors
        .unwrap_or_default()
        .iter()
        .map(|e| (e.code, e.description.clone()))
        .collect()
}

/// Bandwidth's `ResponseStatus` text for a create or update that fails validation.
pub const VALIDATION_FAILED_DESCRIPTION: &str =
    "Lsr order doesn't pass validation. Please check your input parameters.";

impl LsrOrderResponse {
    /// The 201 (POST) or 200 (PUT) answer carrying the stored order.
    pub fn with_order(order: LsrOrder) -> LsrOrderResponse {
        LsrOrderResponse {
            lsr_order: Some(order),
            ..LsrOrderResponse::default()
        }
    }

    /// The 400 answer: `ResponseStatus` 400, the errors, and the order echoed back with
    /// `OrderStatus=FAILED` and no `OrderId` (nothing was created), as in the POST example.
    pub fn rejected(errors: Vec<LsrOrderError>, mut echoed: LsrOrder) -> LsrOrderResponse {
        echoed.set_status(OrderStatus::Failed);
        LsrOrderResponse {
            response_status: Some(ResponseStatus::new(
                Some(400),
                VALIDATION_FAILED_DESCRIPTION,
            )),
            lsr_order_errors: Some(errors),
            lsr_order: Some(echoed),
        }
    }

    /// The 404 answer of PUT for an unknown order: code 5035, `lsr order {id} not found.`
    pub fn not_found(order_id: &str) -> LsrOrderResponse {
        LsrOrderResponse {
            response_status: Some(ResponseStatus::new(
                Some(5035),
                format!("lsr order {order_id} not found."),
            )),
            ..LsrOrderResponse::default()
        }
    }

    /// The validation errors: the envelope's, else the echoed order's.
    pub fn errors(&self) -> Vec<(u32, String)> {
        match (&self.lsr_order_errors, &self.lsr_order) {
            (Some(errors), _) if !errors.is_empty() => error_pairs(Some(errors)),
            (_, Some(order)) => order.errors(),
            _ => Vec::new(),
        }
    }
}

/// The request body of a validated order (POST).
impl From<&model::LsrOrder> for LsrOrder {
    fn from(order: &model::LsrOrder) -> LsrOrder {
        let s = &order.subscriber;
        let a = &s.service_address;
        LsrOrder {
            pon: Some(order.pon.as_str().to_string()),
            customer_order_id: order.customer_order_id.clone(),
            spid: order.spid.clone(),
            billing_telephone_number: order.btn.map(Tn::digits),
            requested_foc_date: order.requested_foc_date.map(format_wire_date),
            authorizing_person: Some(order.authorizing_person.clone()),
            subscriber: Some(Subscriber {
                subscriber_type: Some(s.subscriber_type.as_str().to_string()),
                business_name: s.business_name.clone(),
                first_name: s.first_name.clone(),
                middle_initial: s.middle_initial.clone(),
                last_name: s.last_name.clone(),
                name: None,
                service_address: Some(ServiceAddress {
                    house_prefix: a.house_prefix.clone(),
                    house_number: Some(a.house_number.clone()),
                    house_suffix: a.house_suffix.clone(),
                    pre_directional: a.pre_directional.clone(),
                    street_name: Some(a.street_name.clone()),
                    street_suffix: a.street_suffix.clone(),
                    post_directional: a.post_directional.clone(),
                    address_line2: a.address_line2.clone(),
                    city: Some(a.city.clone()),
                    state_code: Some(a.state_code.clone()),
                    zip: Some(a.zip.clone()),
                    county: a.county.clone(),
                    ..ServiceAddress::default()
                }),
                account_number: s.account_number.clone(),
                pin_number: s.pin.clone(),
            }),
            list_of_telephone_numbers: Some(order.tns.iter().map(|t| t.digits()).collect()),
            ..LsrOrder::default()
        }
    }
}
