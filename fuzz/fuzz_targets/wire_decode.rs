//! Fuzzes the XML wire decoder (`wire::decode`) for every body type the eight `lsrorders`
//! endpoints carry. Decoding never panics; whatever decodes writes back out (in every layout
//! the type has) as XML that decodes to the same value, unless the value holds a character XML
//! 1.0 cannot carry, which the writer must refuse by name.
#![no_main]

use std::fmt::Debug;

use libfuzzer_sys::fuzz_target;
use lsr::wire::{
    self, ErrorBody, FromXml, LsrOrder, LsrOrderReportResponse, LsrOrderResponse, LsrOrders, Note,
    NoteResponse, Notes, OrderHistoryWrapper, OrderLayout, ToXml, WireError,
};

const LAYOUTS: [OrderLayout; 3] = [
    OrderLayout::Request,
    OrderLayout::Created,
    OrderLayout::Stored,
];

fuzz_target!(|bytes: &[u8]| {
    if let Some(order) = round_trips::<LsrOrder>(bytes) {
        for layout in LAYOUTS {
            check_written(&order, wire::order_to_xml(&order, layout));
        }
        // The typed views and the draft mapping read whatever the server sent without panicking.
        let _ = (
            order.status(),
            order.tns(),
            order.btn(),
            order.subscriber_type(),
        );
        let _ = (
            order.requested_foc(),
            order.actual_foc(),
            order.created_at(),
            order.modified_at(),
        );
        let _ = (order.errors(), order.is_cancel_request(), order.to_draft());
    }
    if let Some(response) = round_trips::<LsrOrderResponse>(bytes) {
        for layout in LAYOUTS {
            check_written(&response, wire::response_to_xml(&response, layout));
        }
        let _ = response.errors();
    }
    if let Some(list) = round_trips::<LsrOrders>(bytes) {
        for summary in &list.summaries {
            let _ = (
                summary.status(),
                summary.error_pairs(),
                summary.requested_foc(),
            );
            let _ = (summary.actual_foc(), summary.ordered_at());
        }
    }
    if let Some(history) = round_trips::<OrderHistoryWrapper>(bytes) {
        for entry in &history.entries {
            let _ = (entry.status(), entry.at());
        }
    }
    if let Some(notes) = round_trips::<Notes>(bytes) {
        for note in &notes.notes {
            let _ = note.modified_at();
        }
    }
    round_trips::<Note>(bytes);
    round_trips::<NoteResponse>(bytes);
    round_trips::<LsrOrderReportResponse>(bytes);
    if let Ok(error) = wire::decode::<ErrorBody>(bytes) {
        let _ = error.pairs();
    }
});

/// Decodes `bytes` as `T`; when that works, checks the value's default writer.
fn round_trips<T: FromXml + ToXml + PartialEq + Debug>(bytes: &[u8]) -> Option<T> {
    let value = wire::decode::<T>(bytes).ok()?;
    check_written(&value, wire::to_xml(&value));
    Some(value)
}

/// A written body reads back as the value it was written from.
fn check_written<T: FromXml + PartialEq + Debug>(value: &T, written: Result<String, WireError>) {
    match written {
        Ok(xml) => match wire::decode::<T>(xml.as_bytes()) {
            Ok(again) => assert_eq!(&again, value, "written as\n{xml}"),
            Err(e) => panic!("{value:?} was written as\n{xml}\nwhich does not decode: {e}"),
        },
        Err(WireError::Unencodable { .. }) => {}
        Err(e) => panic!("{value:?} could not be written: {e}"),
    }
}
