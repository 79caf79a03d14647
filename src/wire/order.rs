//! The `<LsrOrder>` shape (request and response alike), its subscriber and address, the
//! `<LsrOrderResponse>` envelope, and the element orders Bandwidth writes them in.

use serde::Deserialize;

use crate::model::Pin;

use super::envelope::ResponseStatus;
use super::error::WireError;
use super::text;
use super::writer::XmlWriter;
use super::{FromXml, ToXml, from_screened_with_root};

/// One LSR order as it travels: every element optional, text as sent (trimmed; dates and
/// timestamps normalised when recognisable). Requests carry the client's fields; responses add
/// the server's (`OrderId`, `OrderStatus`, timestamps, `PonVersion`, `CountOfTNs` …).
/// Typed views (status, TNs, dates, errors) are methods; see `mapping.rs`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct LsrOrder {
    #[serde(rename = "OrderId", deserialize_with = "text::opt_text")]
    pub order_id: Option<String>,
    #[serde(rename = "CustomerOrderId", deserialize_with = "text::opt_text")]
    pub customer_order_id: Option<String>,
    #[serde(rename = "LastModifiedBy", deserialize_with = "text::opt_text")]
    pub last_modified_by: Option<String>,
    #[serde(rename = "OrderCreateDate", deserialize_with = "text::opt_timestamp")]
    pub order_create_date: Option<String>,
    #[serde(rename = "PeerId", deserialize_with = "text::opt_u64")]
    pub peer_id: Option<u64>,
    /// An opaque identifier (Bandwidth's are numeric; the sandbox's need not be).
    #[serde(
        rename = "AccountId",
        alias = "accountId",
        deserialize_with = "text::opt_text"
    )]
    pub account_id: Option<String>,
    #[serde(rename = "SPID", alias = "Spid", deserialize_with = "text::opt_text")]
    pub spid: Option<String>,
    #[serde(
        rename = "LastModifiedDate",
        alias = "lastModifiedDate",
        deserialize_with = "text::opt_timestamp"
    )]
    pub last_modified_date: Option<String>,
    #[serde(rename = "SiteId", deserialize_with = "text::opt_u64")]
    pub site_id: Option<u64>,
    #[serde(rename = "CreatedByUser", deserialize_with = "text::opt_text")]
    pub created_by_user: Option<String>,
    /// As sent (`PENDING`, `FOC` …); [`LsrOrder::status`] reads it leniently.
    #[serde(rename = "OrderStatus", deserialize_with = "text::opt_text")]
    pub order_status: Option<String>,
    #[serde(rename = "BillingTelephoneNumber", deserialize_with = "text::opt_text")]
    pub billing_telephone_number: Option<String>,
    #[serde(rename = "Pon", alias = "PON", deserialize_with = "text::opt_text")]
    pub pon: Option<String>,
    #[serde(rename = "PonVersion", deserialize_with = "text::opt_u32")]
    pub pon_version: Option<u32>,
    #[serde(rename = "RequestedFocDate", deserialize_with = "text::opt_date")]
    pub requested_foc_date: Option<String>,
    #[serde(rename = "ActualFocDate", deserialize_with = "text::opt_date")]
    pub actual_foc_date: Option<String>,
    #[serde(rename = "AuthorizingPerson", deserialize_with = "text::opt_text")]
    pub authorizing_person: Option<String>,
    #[serde(rename = "Subscriber")]
    pub subscriber: Option<Subscriber>,
    /// `None` when the element is absent, `Some(empty)` for `<ListOfTelephoneNumbers/>`
    /// (the cancel body sends it that way).
    #[serde(rename = "ListOfTelephoneNumbers", deserialize_with = "tn_list")]
    pub list_of_telephone_numbers: Option<Vec<String>>,
    /// `None` when absent, `Some(empty)` for `<LsrOrderErrors/>` (the PUT 200 answer).
    #[serde(rename = "LsrOrderErrors", deserialize_with = "error_list")]
    pub lsr_order_errors: Option<Vec<LsrOrderError>>,
    #[serde(
        rename = "CountOfTNs",
        alias = "CountOfTns",
        deserialize_with = "text::opt_u32"
    )]
    pub count_of_tns: Option<u32>,
}

/// The end user whose numbers port.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Subscriber {
    /// `BUSINESS` or `RESIDENTIAL` as sent.
    #[serde(rename = "SubscriberType", deserialize_with = "text::opt_text")]
    pub subscriber_type: Option<String>,
    #[serde(rename = "BusinessName", deserialize_with = "text::opt_text")]
    pub business_name: Option<String>,
    #[serde(rename = "FirstName", deserialize_with = "text::opt_text")]
    pub first_name: Option<String>,
    #[serde(rename = "MiddleInitial", deserialize_with = "text::opt_text")]
    pub middle_initial: Option<String>,
    #[serde(rename = "LastName", deserialize_with = "text::opt_text")]
    pub last_name: Option<String>,
    /// Listed in Bandwidth's schema only; kept so nothing read is lost.
    #[serde(rename = "Name", deserialize_with = "text::opt_text")]
    pub name: Option<String>,
    #[serde(rename = "ServiceAddress")]
    pub service_address: Option<ServiceAddress>,
    #[serde(rename = "AccountNumber", deserialize_with = "text::opt_text")]
    pub account_number: Option<String>,
    /// The end user's port-out passcode; redacted in `Debug`.
    #[serde(rename = "PinNumber", deserialize_with = "text::opt_pin")]
    pub pin_number: Option<Pin>,
}

/// The service address at the losing carrier. `Country` and `AddressType` are output-only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ServiceAddress {
    #[serde(rename = "HousePrefix", deserialize_with = "text::opt_text")]
    pub house_prefix: Option<String>,
    #[serde(rename = "HouseNumber", deserialize_with = "text::opt_text")]
    pub house_number: Option<String>,
    #[serde(rename = "HouseSuffix", deserialize_with = "text::opt_text")]
    pub house_suffix: Option<String>,
    #[serde(rename = "PreDirectional", deserialize_with = "text::opt_text")]
    pub pre_directional: Option<String>,
    #[serde(rename = "StreetName", deserialize_with = "text::opt_text")]
    pub street_name: Option<String>,
    #[serde(rename = "StreetSuffix", deserialize_with = "text::opt_text")]
    pub street_suffix: Option<String>,
    #[serde(rename = "PostDirectional", deserialize_with = "text::opt_text")]
    pub post_directional: Option<String>,
    #[serde(rename = "AddressLine2", deserialize_with = "text::opt_text")]
    pub address_line2: Option<String>,
    #[serde(rename = "City", deserialize_with = "text::opt_text")]
    pub city: Option<String>,
    #[serde(rename = "StateCode", deserialize_with = "text::opt_text")]
    pub state_code: Option<String>,
    #[serde(rename = "Zip", deserialize_with = "text::opt_text")]
    pub zip: Option<String>,
    #[serde(rename = "PlusFour", deserialize_with = "text::opt_text")]
    pub plus_four: Option<String>,
    #[serde(rename = "County", deserialize_with = "text::opt_text")]
    pub county: Option<String>,
    #[serde(rename = "Country", deserialize_with = "text::opt_text")]
    pub country: Option<String>,
    #[serde(rename = "AddressType", deserialize_with = "text::opt_text")]
    pub address_type: Option<String>,
}

/// One `{Code, Description}` error: `LsrOrderError` on orders, `Error` in list summaries.
/// Codes are opaque integers (the 400 example uses 16005 where the error table says 17005).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct LsrOrderError {
    #[serde(rename = "Code", deserialize_with = "text::code")]
    pub code: u32,
    /// Trimmed: Bandwidth pretty-prints some descriptions across lines.
    #[serde(rename = "Description", deserialize_with = "text::text")]
    pub description: String,
}

impl LsrOrderError {
    pub fn new(code: u32, description: impl Into<String>) -> LsrOrderError {
        LsrOrderError {
            code,
            description: description.into(),
        }
    }
}

/// The answer to POST and PUT (and the 400/404 error bodies): a request-level status, the
/// order's validation errors, and the order as stored or echoed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct LsrOrderResponse {
    #[serde(rename = "ResponseStatus")]
    pub response_status: Option<ResponseStatus>,
    #[serde(rename = "LsrOrderErrors", deserialize_with = "error_list")]
    pub lsr_order_errors: Option<Vec<LsrOrderError>>,
    #[serde(rename = "LsrOrder")]
    pub lsr_order: Option<LsrOrder>,
}

/// Which element order to write an order in. Bandwidth's examples disagree with each other,
/// so each body is written the way its own example is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderLayout {
    /// POST and PUT request bodies (documented order: Pon, CustomerOrderId, SPID, …;
    /// `ServiceAddress` before `AccountNumber`); `OrderStatus` leads, as in the cancel body.
    Request,
    /// The POST 201/400 answer (`OrderId` first; `AccountNumber`, `PinNumber` before
    /// `ServiceAddress`).
    Created,
    /// The GET answer and the PUT 200 answer (`CustomerOrderId` first, `OrderId` after
    /// `AccountId`).
    Stored,
}

#[derive(Debug, Clone, Copy)]
enum Field {
    OrderId,
    CustomerOrderId,
    LastModifiedBy,
    OrderCreateDate,
    PeerId,
    AccountId,
    Spid,
    LastModifiedDate,
    SiteId,
    CreatedByUser,
    OrderStatus,
    Btn,
    Pon,
    PonVersion,
    RequestedFocDate,
    ActualFocDate,
    AuthorizingPerson,
    Subscriber,
    Tns,
    Errors,
    CountOfTns,
}

const REQUEST_FIELDS: [Field; 21] = {
    use Field::*;
    [
        OrderStatus,
        Pon,
        CustomerOrderId,
        Spid,
        Btn,
        RequestedFocDate,
        AuthorizingPerson,
        Subscriber,
        Tns,
        // Server fields never appear in a real request; written last so nothing is lost.
        OrderId,
        LastModifiedBy,
        OrderCreateDate,
        PeerId,
        AccountId,
        LastModifiedDate,
        SiteId,
        CreatedByUser,
        PonVersion,
        ActualFocDate,
        Errors,
        CountOfTns,
    ]
};

const CREATED_FIELDS: [Field; 21] = {
    use Field::*;
    [
        OrderId,
        CustomerOrderId,
        LastModifiedBy,
        OrderCreateDate,
        PeerId,
        AccountId,
        Spid,
        LastModifiedDate,
        SiteId,
        CreatedByUser,
        OrderStatus,
        Btn,
        Pon,
        PonVersion,
        RequestedFocDate,
        ActualFocDate,
        AuthorizingPerson,
        Subscriber,
        Tns,
        Errors,
        CountOfTns,
    ]
};

const STORED_FIELDS: [Field; 21] = {
    use Field::*;
    [
        CustomerOrderId,
        LastModifiedBy,
        OrderCreateDate,
        PeerId,
        AccountId,
        SiteId,
        OrderId,
        LastModifiedDate,
        CreatedByUser,
        OrderStatus,
        Spid,
        Btn,
        Pon,
        PonVersion,
        RequestedFocDate,
        ActualFocDate,
        AuthorizingPerson,
        Subscriber,
        Tns,
        Errors,
        CountOfTns,
    ]
};

impl OrderLayout {
    fn fields(self) -> &'static [Field; 21] {
        match self {
            OrderLayout::Request => &REQUEST_FIELDS,
            OrderLayout::Created => &CREATED_FIELDS,
            OrderLayout::Stored => &STORED_FIELDS,
        }
    }
}

impl LsrOrder {
    /// Writes `<LsrOrder>…</LsrOrder>` in the given layout.
    pub fn write_with_layout(
        &self,
        out: &mut XmlWriter,
        layout: OrderLayout,
    ) -> Result<(), WireError> {
        out.open("LsrOrder");
        for field in layout.fields() {
            self.write_field(out, *field, layout)?;
        }
        out.close("LsrOrder");
        Ok(())
    }

    fn write_field(
        &self,
        out: &mut XmlWriter,
        field: Field,
        layout: OrderLayout,
    ) -> Result<(), WireError> {
        match field {
            Field::OrderId => out.leaf_opt("OrderId", self.order_id.as_deref()),
            Field::CustomerOrderId => {
                out.leaf_opt("CustomerOrderId", self.customer_order_id.as_deref())
            }
            Field::LastModifiedBy => {
                out.leaf_opt("LastModifiedBy", self.last_modified_by.as_deref())
            }
            Field::OrderCreateDate => {
                out.leaf_opt("OrderCreateDate", self.order_create_date.as_deref())
            }
            Field::PeerId => {
                out.number_opt("PeerId", self.peer_id);
                Ok(())
            }
            Field::AccountId => out.leaf_opt("AccountId", self.account_id.as_deref()),
            Field::Spid => out.leaf_opt("SPID", self.spid.as_deref()),
            Field::LastModifiedDate => {
                out.leaf_opt("LastModifiedDate", self.last_modified_date.as_deref())
            }
            Field::SiteId => {
                out.number_opt("SiteId", self.site_id);
                Ok(())
            }
            Field::CreatedByUser => out.leaf_opt("CreatedByUser", self.created_by_user.as_deref()),
            Field::OrderStatus => out.leaf_opt("OrderStatus", self.order_status.as_deref()),
            Field::Btn => out.leaf_opt(
                "BillingTelephoneNumber",
                self.billing_telephone_number.as_deref(),
            ),
            Field::Pon => out.leaf_opt("Pon", self.pon.as_deref()),
            Field::PonVersion => {
                out.number_opt("PonVersion", self.pon_version.map(u64::from));
                Ok(())
            }
            Field::RequestedFocDate => {
                out.leaf_opt("RequestedFocDate", self.requested_foc_date.as_deref())
            }
            Field::ActualFocDate => out.leaf_opt("ActualFocDate", self.actual_foc_date.as_deref()),
            Field::AuthorizingPerson => {
                out.leaf_opt("AuthorizingPerson", self.authorizing_person.as_deref())
            }
            Field::Subscriber => match &self.subscriber {
                Some(subscriber) => subscriber.write(out, layout),
                None => Ok(()),
            },
            Field::Tns => match &self.list_of_telephone_numbers {
                Some(tns) if tns.is_empty() => {
                    out.empty("ListOfTelephoneNumbers");
                    Ok(())
                }
                Some(tns) => {
                    out.open("ListOfTelephoneNumbers");
                    for tn in tns {
                        out.leaf("TelephoneNumber", tn)?;
                    }
                    out.close("ListOfTelephoneNumbers");
                    Ok(())
                }
                None => Ok(()),
            },
            Field::Errors => write_error_list(
                out,
                "LsrOrderErrors",
                "LsrOrderError",
                self.lsr_order_errors.as_deref(),
            ),
            Field::CountOfTns => {
                out.number_opt("CountOfTNs", self.count_of_tns.map(u64::from));
                Ok(())
            }
        }
    }
}

impl Subscriber {
    pub fn is_empty(&self) -> bool {
        *self == Subscriber::default()
    }

    fn write(&self, out: &mut XmlWriter, layout: OrderLayout) -> Result<(), WireError> {
        if self.is_empty() {
            out.empty("Subscriber");
            return Ok(());
        }
        out.open("Subscriber");
        out.leaf_opt("SubscriberType", self.subscriber_type.as_deref())?;
        out.leaf_opt("BusinessName", self.business_name.as_deref())?;
        out.leaf_opt("FirstName", self.first_name.as_deref())?;
        out.leaf_opt("MiddleInitial", self.middle_initial.as_deref())?;
        out.leaf_opt("LastName", self.last_name.as_deref())?;
        out.leaf_opt("Name", self.name.as_deref())?;
        if layout == OrderLayout::Request {
            self.write_address(out)?;
        }
        out.leaf_opt("AccountNumber", self.account_number.as_deref())?;
        out.leaf_opt("PinNumber", self.pin_number.as_deref())?;
        if layout != OrderLayout::Request {
            self.write_address(out)?;
        }
        out.close("Subscriber");
        Ok(())
    }

    fn write_address(&self, out: &mut XmlWriter) -> Result<(), WireError> {
        match &self.service_address {
            Some(address) => address.write(out),
            None => Ok(()),
        }
    }
}

impl ServiceAddress {
    pub fn is_empty(&self) -> bool {
        *self == ServiceAddress::default()
    }

    fn write(&self, out: &mut XmlWriter) -> Result<(), WireError> {
        if self.is_empty() {
            out.empty("ServiceAddress");
            return Ok(());
        }
        out.open("ServiceAddress");
        out.leaf_opt("HousePrefix", self.house_prefix.as_deref())?;
        out.leaf_opt("HouseNumber", self.house_number.as_deref())?;
        out.leaf_opt("HouseSuffix", self.house_suffix.as_deref())?;
        out.leaf_opt("PreDirectional", self.pre_directional.as_deref())?;
        out.leaf_opt("StreetName", self.street_name.as_deref())?;
        out.leaf_opt("StreetSuffix", self.street_suffix.as_deref())?;
        out.leaf_opt("PostDirectional", self.post_directional.as_deref())?;
        out.leaf_opt("AddressLine2", self.address_line2.as_deref())?;
        out.leaf_opt("City", self.city.as_deref())?;
        out.leaf_opt("StateCode", self.state_code.as_deref())?;
        out.leaf_opt("Zip", self.zip.as_deref())?;
        out.leaf_opt("PlusFour", self.plus_four.as_deref())?;
        out.leaf_opt("County", self.county.as_deref())?;
        out.leaf_opt("Country", self.country.as_deref())?;
        out.leaf_opt("AddressType", self.address_type.as_deref())?;
        out.close("ServiceAddress");
        Ok(())
    }
}

/// Writes `<list><item><Code/><Description/></item>…</list>`, `<list/>` when empty.
pub(crate) fn write_error_list(
    out: &mut XmlWriter,
    list: &'static str,
    item: &'static str,
    errors: Option<&[LsrOrderError]>,
) -> Result<(), WireError> {
    match errors {
        None => Ok(()),
        Some([]) => {
            out.empty(list);
            Ok(())
        }
        Some(errors) => {
            out.open(list);
            for error in errors {
                out.open(item);
                out.number_opt("Code", Some(u64::from(error.code)));
                out.leaf("Description", &error.description)?;
                out.close(item);
            }
            out.close(list);
            Ok(())
        }
    }
}

impl LsrOrderResponse {
    /// Writes `<LsrOrderResponse>` with its order in the given layout.
    pub fn write_with_layout(
        &self,
        out: &mut XmlWriter,
        layout: OrderLayout,
    ) -> Result<(), WireError> {
        out.open("LsrOrderResponse");
        if let Some(status) = &self.response_status {
            status.write(out)?;
        }
        write_error_list(
            out,
            "LsrOrderErrors",
            "LsrOrderError",
            self.lsr_order_errors.as_deref(),
        )?;
        if let Some(order) = &self.lsr_order {
            order.write_with_layout(out, layout)?;
        }
        out.close("LsrOrderResponse");
        Ok(())
    }
}

/// A request body: the client writes orders in the documented request order.
impl ToXml for LsrOrder {
    fn write_xml(&self, out: &mut XmlWriter) -> Result<(), WireError> {
        self.write_with_layout(out, OrderLayout::Request)
    }
}

/// The POST answer layout; use [`super::response_to_xml`] for a PUT answer.
impl ToXml for LsrOrderResponse {
    fn write_xml(&self, out: &mut XmlWriter) -> Result<(), WireError> {
        self.write_with_layout(out, OrderLayout::Created)
    }
}

/// GET answers a bare `<LsrOrder>` while its schema says `<LsrOrderResponse>`; both are read.
impl FromXml for LsrOrder {
    const ROOT: &'static str = "LsrOrder";

    fn from_screened(root: &str, text: &str) -> Result<Self, WireError> {
        if root == LsrOrderResponse::ROOT {
            let response: LsrOrderResponse =
                from_screened_with_root(LsrOrderResponse::ROOT, root, text)?;
            return response.lsr_order.ok_or(WireError::MissingOrder);
        }
        from_screened_with_root(Self::ROOT, root, text)
    }
}

impl FromXml for LsrOrderResponse {
    const ROOT: &'static str = "LsrOrderResponse";

    fn from_screened(root: &str, text: &str) -> Result<Self, WireError> {
        if root == LsrOrder::ROOT {
            let order: LsrOrder = from_screened_with_root(LsrOrder::ROOT, root, text)?;
            return Ok(LsrOrderResponse {
                lsr_order: Some(order),
                ..LsrOrderResponse::default()
            });
        }
        from_screened_with_root(Self::ROOT, root, text)
    }
}

#[derive(Deserialize)]
struct TnListShape {
    #[serde(rename = "TelephoneNumber", default)]
    numbers: Vec<String>,
}

fn tn_list<'de, D: serde::Deserializer<'de>>(de: D) -> Result<Option<Vec<String>>, D::Error> {
    Ok(Option::<TnListShape>::deserialize(de)?.map(|list| {
        list.numbers
            .into_iter()
            .map(|tn| {
                let trimmed = tn.trim();
                if trimmed.len() == tn.len() {
                    tn
                } else {
                    trimmed.to_string()
                }
            })
            .collect()
    }))
}

#[derive(Deserialize)]
struct OrderErrorListShape {
    #[serde(rename = "LsrOrderError", alias = "Error", default)]
    errors: Vec<LsrOrderError>,
}

pub(crate) fn error_list<'de, D: serde::Deserializer<'de>>(
    de: D,
) -> Result<Option<Vec<LsrOrderError>>, D::Error> {
    Ok(Option::<OrderErrorListShape>::deserialize(de)?.map(|list| list.errors))
}
