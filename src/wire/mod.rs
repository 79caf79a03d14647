//! Bandwidth's XML shapes and their mapping to the model (shared by client and sandbox).
//!
//! Every body the eight `lsrorders` endpoints send or receive has a type here. Reading is
//! lenient (both roots for one order, a lone element or a list, mixed-case names, padded text,
//! several date forms, comments and unknown elements) and always goes through [`decode`], which
//! screens the bytes first so hostile input gives a [`WireError`], never a panic. Writing is
//! exact: element names, casing and order as in Bandwidth's published examples (see
//! `tests/fixtures/wire/`), through [`to_xml`] or, for an order, [`order_to_xml`] with an
//! [`OrderLayout`].
//!
//! | endpoint | request body | success answer | error answer |
//! |---|---|---|---|
//! | `GET /lsrorders` | — | [`LsrOrders`] ([`to_xml`]) | — |
//! | `POST /lsrorders` | [`LsrOrder`] ([`to_xml`] = request layout; [`LsrOrder::from_draft`], `From<&model::LsrOrder>`) | [`LsrOrderResponse`] 201 ([`to_xml`] = `Created` layout) | [`LsrOrderResponse::rejected`] 400 |
//! | `GET /lsrorders/{id}` | — | bare [`LsrOrder`] ([`order_to_xml`] with `Stored`) | — |
//! | `PUT /lsrorders/{id}` | [`LsrOrder::supp_request`] / [`LsrOrder::cancel_request`] | [`LsrOrderResponse`] 200 ([`response_to_xml`] with `Stored`) | 400 as POST; [`LsrOrderResponse::not_found`] 404 |
//! | `GET …/history` | — | [`OrderHistoryWrapper`] | [`LsrOrderReportResponse::not_found`] 404 |
//! | `GET …/notes` | — | [`Notes`] (204 when none) | — |
//! | `POST`/`PUT …/notes` | [`Note::request`] | no body | [`NoteResponse::error`] 400 |
//! | `GET /subscriptions[/{id}]` | — | [`SubscriptionsResponse`] | [`SubscriptionsResponse::error`] 404 |
//! | `POST`/`PUT /subscriptions[/{id}]` | [`Subscription::lsr_callback`] | no body (201 with `Location`, 200) | [`SubscriptionsResponse::error`] 400/404/409 |
//! | callback `POST` to the subscriber | [`Notification`] | — | — |
//!
//! A client reading any non-2xx body can use [`ErrorBody`], which accepts every error root.
//!
//! Two JSON/query shapes live here too, because the client writes them and the sandbox reads
//! them: the list filters ([`SearchQuery`]) and the sandbox's admin API ([`admin`]).

pub mod admin;
mod envelope;
mod error;
mod error_body;
mod history;
pub mod hosts;
pub mod jwt;
mod list;
mod mapping;
mod notes;
mod order;
mod query;
mod screen;
mod subscription;
mod text;
mod tn_form;
mod writer;

pub use envelope::{ErrorBody, LsrOrderReportResponse, NoteResponse, ResponseStatus};
pub use error::WireError;
pub use error_body::error_details;
pub use history::{OrderHistory, OrderHistoryWrapper};
pub use list::{LsrOrderSummary, LsrOrders};
pub use mapping::VALIDATION_FAILED_DESCRIPTION;
pub use notes::{Note, Notes};
pub use order::{
    LsrOrder, LsrOrderError, LsrOrderResponse, OrderLayout, ServiceAddress, Subscriber,
};
pub use query::{QueryError, SearchQuery};
pub use screen::{MAX_BODY_BYTES, MAX_DEPTH};
pub use subscription::{
    BasicAuthentication, CallbackCredentials, CallbackPassword, CallbackSubscription,
    DEFAULT_EXPIRY_SECS, EmailSubscription, Notification, ORDER_TYPE_LSR, Subscription,
    SubscriptionsResponse,
};
pub use text::{
    format_wire_date, format_wire_timestamp, is_bidi_control, parse_wire_date,
    parse_wire_timestamp, printable_excerpt,
};
pub use tn_form::{TnForm, rewrite_tns, tns_not_in};
pub use writer::XmlWriter;

/// The media type of every `lsrorders` body, for `Content-Type` and `Accept`.
pub const CONTENT_TYPE: &str = "application/xml";

/// A body that can be read from XML. `ROOT` is the root element it expects.
pub trait FromXml: Sized {
    /// The root element name, e.g. `LsrOrder`.
    const ROOT: &'static str;

    /// Builds the value from a screened document whose root element is `root`. The default
    /// insists on [`Self::ROOT`]; single orders accept both of Bandwidth's roots.
    fn from_screened(root: &str, text: &str) -> Result<Self, WireError>;
}

/// A body that can be written as XML.
pub trait ToXml {
    /// Writes the root element and everything inside it.
    fn write_xml(&self, out: &mut XmlWriter) -> Result<(), WireError>;
}

/// Reads a body. The bytes are screened first (size, UTF-8, nesting depth, no DOCTYPE or
/// entity declarations, well-formedness) so that serde never sees hostile structure.
pub fn decode<T: FromXml>(bytes: &[u8]) -> Result<T, WireError> {
    let screened = screen::screen(bytes)?;
    T::from_screened(&screened.root, screened.text)
}

/// Writes a body with the XML declaration Bandwidth sends
/// (`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`).
pub fn to_xml<T: ToXml + ?Sized>(body: &T) -> Result<String, WireError> {
    let mut out = XmlWriter::new();
    body.write_xml(&mut out)?;
    Ok(out.finish())
}

/// Writes one order with the element order of a given [`OrderLayout`] (a bare `<LsrOrder>`
/// root, as requests and the GET answer use).
pub fn order_to_xml(order: &LsrOrder, layout: OrderLayout) -> Result<String, WireError> {
    let mut out = XmlWriter::new();
    order.write_with_layout(&mut out, layout)?;
    Ok(out.finish())
}

/// Writes an `<LsrOrderResponse>` whose order uses the given [`OrderLayout`]
/// (`Created` for POST answers, `Stored` for PUT answers).
pub fn response_to_xml(
    response: &LsrOrderResponse,
    layout: OrderLayout,
) -> Result<String, WireError> {
    let mut out = XmlWriter::new();
    response.write_with_layout(&mut out, layout)?;
    Ok(out.finish())
}

/// The common case of [`FromXml::from_screened`]: check the root, then let serde read it.
pub(crate) fn from_screened_with_root<T: serde::de::DeserializeOwned>(
    expected: &'static str,
    root: &str,
    text: &str,
) -> Result<T, WireError> {
    if root != expected {
        return Err(WireError::unexpected_root(expected, root));
    }
    quick_xml::de::from_str(text).map_err(|e| WireError::Shape {
        root: expected,
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests;
