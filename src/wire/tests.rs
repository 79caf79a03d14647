//! Tests of the wire shapes against Bandwidth's published examples (`tests/fixtures/wire/`)
//! and against hostile input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use quick_xml::Reader;
use quick_xml::events::Event;

use super::*;
use crate::model::{OrderDraft, OrderStatus, Tn};

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("../../tests/fixtures/wire/", $name))
    };
}

const POST_REQUEST: &str = fixture!("post-lsrorders-request-example.xml");
const POST_201: &str = fixture!("post-lsrorders-201-example.xml");
const POST_400: &str = fixture!("post-lsrorders-400-example.xml");
const GET_ORDER: &str = fixture!("get-lsrorders-id-200-example.xml");
const GET_LIST: &str = fixture!("get-lsrorders-200-example.xml");
const HISTORY_200: &str = fixture!("get-lsrorders-id-history-200-example.xml");
const HISTORY_404: &str = fixture!("get-lsrorders-id-history-404-example.xml");
const NOTES_200: &str = fixture!("get-lsrorders-id-notes-200-example.xml");
const NOTE_POST_400: &str = fixture!("post-lsrorders-id-notes-400-example.xml");
const NOTE_POST_REQUEST: &str = fixture!("post-lsrorders-id-notes-request-example.xml");
const NOTE_PUT_400: &str = fixture!("put-lsrorders-id-notes-noteid-400-example.xml");
const NOTE_PUT_REQUEST: &str = fixture!("put-lsrorders-id-notes-noteid-request-example.xml");
const PUT_200: &str = fixture!("put-lsrorders-id-200-example.xml");
const PUT_400: &str = fixture!("put-lsrorders-id-400-example.xml");
const PUT_404: &str = fixture!("put-lsrorders-id-404-example.xml");
const PUT_CANCEL: &str = fixture!("put-lsrorders-id-request-canceled-state-response.xml");
const PUT_SUPP: &str = fixture!("put-lsrorders-id-request-simple-response.xml");

/// The document as a sequence of `<Name`, `text`, `/Name` items: whitespace between elements,
/// comments and the declaration are dropped, so two documents compare by structure.
fn element_sequence(xml: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(true);
    let mut items = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => {
                items.push(format!("<{}", String::from_utf8_lossy(e.name().as_ref())))
            }
            Event::Empty(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).to_string();
                items.push(format!("<{name}"));
                items.push(format!("/{name}"));
            }
            Event::End(e) => items.push(format!("/{}", String::from_utf8_lossy(e.name().as_ref()))),
            Event::Text(t) => {
                let text = t.decode().unwrap();
                let text = text.trim();
                if !text.is_empty() {
                    items.push(text.to_string());
                }
            }
            Event::GeneralRef(r) => items.push(format!("&{};", String::from_utf8_lossy(&r))),
            Event::Eof => break,
            _ => {}
        }
    }
    items
}

fn assert_same_elements(written: &str, fixture: &str) {
    assert!(written.starts_with(writer::XML_DECLARATION), "{written}");
    assert_eq!(
        element_sequence(written),
        element_sequence(fixture),
        "\n{written}"
    );
}

fn round_trip<T: FromXml + ToXml + PartialEq + std::fmt::Debug>(xml: &str) -> T {
    let first: T = decode(xml.as_bytes()).unwrap();
    let written = to_xml(&first).unwrap();
    let second: T = decode(written.as_bytes()).unwrap();
    assert_eq!(first, second, "\n{written}");
    first
}

#[test]
fn wire_every_fixture_parses_and_round_trips() {
    round_trip::<LsrOrder>(POST_REQUEST);
    round_trip::<LsrOrder>(GET_ORDER);
    round_trip::<LsrOrder>(PUT_CANCEL);
    round_trip::<LsrOrder>(PUT_SUPP);
    round_trip::<LsrOrderResponse>(POST_201);
    round_trip::<LsrOrderResponse>(POST_400);
    round_trip::<LsrOrderResponse>(PUT_200);
    round_trip::<LsrOrderResponse>(PUT_400);
    round_trip::<LsrOrderResponse>(PUT_404);
    round_trip::<LsrOrders>(GET_LIST);
    round_trip::<OrderHistoryWrapper>(HISTORY_200);
    round_trip::<LsrOrderReportResponse>(HISTORY_404);
    round_trip::<Notes>(NOTES_200);
    round_trip::<NoteResponse>(NOTE_POST_400);
    round_trip::<NoteResponse>(NOTE_PUT_400);
    round_trip::<Note>(NOTE_POST_REQUEST);
    round_trip::<Note>(NOTE_PUT_REQUEST);
}

#[test]
fn wire_fixture_directory_is_fully_covered() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wire");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "xml") {
            count += 1;
            let bytes = std::fs::read(&path).unwrap();
            let screened = screen::screen(&bytes).unwrap();
            assert!(!screened.root.is_empty(), "{}", path.display());
        }
    }
    assert_eq!(count, 17, "a fixture was added or removed; cover it above");
}

#[test]
fn wire_request_serialises_in_documented_order() {
    let order: LsrOrder = decode(POST_REQUEST.as_bytes()).unwrap();
    assert_same_elements(&to_xml(&order).unwrap(), POST_REQUEST);
    let supp: LsrOrder = decode(PUT_SUPP.as_bytes()).unwrap();
    assert_same_elements(
        &order_to_xml(&supp, OrderLayout::Request).unwrap(),
        PUT_SUPP,
    );
}

#[test]
fn wire_responses_serialise_like_their_examples() {
    let created: LsrOrderResponse = decode(POST_201.as_bytes()).unwrap();
    // The one deliberate difference: dates are written as yyyy-MM-dd (the example's
    // `2015-02-25 00:00:00` is a rendering quirk the reference documents).
    let canonical_201 = POST_201.replace("2015-02-25 00:00:00", "2015-02-25");
    assert_same_elements(&to_xml(&created).unwrap(), &canonical_201);
    let rejected: LsrOrderResponse = decode(POST_400.as_bytes()).unwrap();
    assert_same_elements(
        &response_to_xml(&rejected, OrderLayout::Created).unwrap(),
        POST_400,
    );
    let stored: LsrOrder = decode(GET_ORDER.as_bytes()).unwrap();
    assert_same_elements(
        &order_to_xml(&stored, OrderLayout::Stored).unwrap(),
        GET_ORDER,
    );
    let updated: LsrOrderResponse = decode(PUT_200.as_bytes()).unwrap();
    assert_same_elements(
        &response_to_xml(&updated, OrderLayout::Stored).unwrap(),
        PUT_200,
    );
    let missing: LsrOrderResponse = decode(PUT_404.as_bytes()).unwrap();
    assert_same_elements(&to_xml(&missing).unwrap(), PUT_404);
}

#[test]
fn wire_other_bodies_serialise_like_their_examples() {
    for (written, fixture) in [
        (
            to_xml(&decode::<LsrOrders>(GET_LIST.as_bytes()).unwrap()).unwrap(),
            GET_LIST,
        ),
        (
            to_xml(&decode::<OrderHistoryWrapper>(HISTORY_200.as_bytes()).unwrap()).unwrap(),
            HISTORY_200,
        ),
        (
            to_xml(&decode::<LsrOrderReportResponse>(HISTORY_404.as_bytes()).unwrap()).unwrap(),
            HISTORY_404,
        ),
        (
            to_xml(&decode::<Notes>(NOTES_200.as_bytes()).unwrap()).unwrap(),
            NOTES_200,
        ),
        (
            to_xml(&decode::<NoteResponse>(NOTE_POST_400.as_bytes()).unwrap()).unwrap(),
            NOTE_POST_400,
        ),
        (
            to_xml(&Note::request("userId", "note text")).unwrap(),
            NOTE_PUT_REQUEST,
        ),
        (to_xml(&LsrOrder::cancel_request()).unwrap(), PUT_CANCEL),
    ] {
        assert_same_elements(&written, fixture);
    }
}

#[test]
fn wire_cancel_body_is_exactly_bandwidths() {
    let written = to_xml(&LsrOrder::cancel_request()).unwrap();
    assert_eq!(
        written,
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<LsrOrder>\n    \
         <OrderStatus>CANCELLED</OrderStatus>\n    <ListOfTelephoneNumbers/>\n</LsrOrder>\n"
    );
    let back: LsrOrder = decode(written.as_bytes()).unwrap();
    assert_eq!(back.status(), Some(OrderStatus::Cancelled));
    assert_eq!(back.list_of_telephone_numbers, Some(vec![]));
}

#[test]
fn wire_get_order_reads_both_roots() {
    let bare: LsrOrder = decode(GET_ORDER.as_bytes()).unwrap();
    assert_eq!(
        bare.order_id.as_deref(),
        Some("00cf7e08-cab0-4515-9a77-2d0a7da09415")
    );
    assert_eq!(bare.account_id.as_deref(), Some("9999999"));
    assert_eq!(bare.status(), Some(OrderStatus::Failed));
    assert_eq!(bare.count_of_tns, Some(2));
    assert_eq!(
        bare.errors(),
        vec![(17008, "FOC date cannot fall on a holiday".to_string())]
    );
    let wrapped = response_to_xml(
        &LsrOrderResponse {
            lsr_order: Some(bare.clone()),
            ..LsrOrderResponse::default()
        },
        OrderLayout::Stored,
    )
    .unwrap();
    let unwrapped: LsrOrder = decode(wrapped.as_bytes()).unwrap();
    assert_eq!(unwrapped, bare);
    let as_response: LsrOrderResponse = decode(GET_ORDER.as_bytes()).unwrap();
    assert_eq!(as_response.lsr_order, Some(bare));
    assert_eq!(
        decode::<LsrOrder>(PUT_404.as_bytes()).unwrap_err(),
        WireError::MissingOrder
    );
}

#[test]
fn wire_typed_views_of_the_201_answer() {
    let created: LsrOrderResponse = decode(POST_201.as_bytes()).unwrap();
    let order = created.lsr_order.unwrap();
    // `2015-02-25 00:00:00` is read as the date it names and written back as yyyy-MM-dd.
    assert_eq!(order.requested_foc_date.as_deref(), Some("2015-02-25"));
    assert_eq!(
        order.requested_foc(),
        chrono::NaiveDate::from_ymd_opt(2015, 2, 25)
    );
    assert_eq!(
        order.order_create_date.as_deref(),
        Some("2015-02-06T12:57:45.607Z")
    );
    assert_eq!(
        order.created_at().map(format_wire_timestamp).as_deref(),
        Some("2015-02-06T12:57:45.607Z")
    );
    let tns = order.tns().unwrap();
    assert_eq!(tns.len(), 3);
    assert_eq!(tns[0], Tn::parse("9192381468").unwrap());
    assert_eq!(order.btn(), Some(Tn::parse("9192381468").unwrap()));
    assert_eq!(
        order.subscriber_type(),
        Some(crate::model::SubscriberType::Business)
    );
    assert_eq!(order.pon_version, Some(8));
    assert_eq!((order.peer_id, order.site_id), (Some(0), Some(0)));
    let address = order.subscriber.unwrap().service_address.unwrap();
    assert_eq!(address.country.as_deref(), Some("United States"));
}

#[test]
fn wire_400_errors_keep_codes_opaque() {
    let rejected: LsrOrderResponse = decode(POST_400.as_bytes()).unwrap();
    let status = rejected.response_status.clone().unwrap();
    assert_eq!(status.error_code, Some(400));
    let codes: Vec<u32> = rejected.errors().into_iter().map(|(c, _)| c).collect();
    assert_eq!(codes, vec![7324, 7318, 7203, 16005, 16009, 16002]);
    let echoed = rejected.lsr_order.unwrap();
    assert_eq!(echoed.order_id, None);
    assert_eq!(echoed.status(), Some(OrderStatus::Failed));
    assert!(echoed.tns().is_ok());
    // The echoed PON is invalid on purpose; the wire type keeps it as sent.
    assert_eq!(echoed.pon.as_deref(), Some("ATT-011515-324234%$"));
}

#[test]
fn wire_list_reads_lower_case_quirk_and_errors() {
    let list: LsrOrders = decode(GET_LIST.as_bytes()).unwrap();
    assert_eq!(list.total_count, Some(5));
    assert_eq!(list.summaries.len(), 2);
    let first = &list.summaries[0];
    assert_eq!(first.account_id.as_deref(), Some("9999999"));
    assert_eq!(first.user_id.as_deref(), Some("team_ua"));
    assert_eq!(
        first.last_modified_date.as_deref(),
        Some("2015-03-02T09:10:16.193Z")
    );
    assert_eq!(first.status(), Some(OrderStatus::Pending));
    assert!(first.errors.is_empty());
    let second = &list.summaries[1];
    assert_eq!(second.user_id, None);
    assert_eq!(
        second.error_pairs(),
        vec![(17008, "FOC date cannot fall on a holiday".to_string())]
    );
    let upper = GET_LIST
        .replace("accountId>", "AccountId>")
        .replace("userId>", "UserId>")
        .replace("lastModifiedDate>", "LastModifiedDate>");
    let relisted: LsrOrders = decode(upper.as_bytes()).unwrap();
    assert_eq!(relisted, list);
    let written = to_xml(&list).unwrap();
    assert!(
        written.contains("<accountId>9999999</accountId>"),
        "{written}"
    );
}

#[test]
fn wire_single_element_reads_as_a_list() {
    let one = r#"<OrderHistoryWrapper><OrderHistory><OrderDate>2015-03-02T15:36:31.835Z</OrderDate>
        <Note>received</Note><Status>PENDING</Status></OrderHistory></OrderHistoryWrapper>"#;
    let history: OrderHistoryWrapper = decode(one.as_bytes()).unwrap();
    assert_eq!(history.entries.len(), 1);
    assert_eq!(history.entries[0].status(), Some(OrderStatus::Pending));
    let one_tn = "<LsrOrder><ListOfTelephoneNumbers><TelephoneNumber> 9192381468 </TelephoneNumber></ListOfTelephoneNumbers></LsrOrder>";
    let order: LsrOrder = decode(one_tn.as_bytes()).unwrap();
    assert_eq!(
        order.list_of_telephone_numbers,
        Some(vec!["9192381468".to_string()])
    );
    let notes: Notes = decode(b"<Notes><Note><Id>1</Id></Note></Notes>").unwrap();
    assert_eq!(notes.notes.len(), 1);
}

#[test]
fn wire_history_keeps_difference_text() {
    let history: OrderHistoryWrapper = decode(HISTORY_200.as_bytes()).unwrap();
    assert_eq!(history.entries.len(), 2);
    assert_eq!(history.entries[0].author.as_deref(), Some("lsrOnly"));
    assert_eq!(history.entries[1].author, None);
    assert_eq!(
        history.entries[1].difference.as_deref(),
        Some("ActualFocDate : \"\" --> 2015-06-27")
    );
    assert_eq!(history.entries[1].status(), Some(OrderStatus::Foc));
}

#[test]
fn wire_lenient_reading_of_odd_but_valid_bodies() {
    let odd = r#"<?xml version="1.0"?>
<!-- a comment before the root -->
<LsrOrder>
  <Unknown><Nested>ignored</Nested></Unknown>
  <Pon>
      ATT-1
  </Pon>
  <OrderStatus>canceled</OrderStatus>
  <PonVersion> 3 </PonVersion>
  <CustomerOrderId/>
  <RequestedFocDate>2026-12-15T00:00:00.000Z</RequestedFocDate>
  <LsrOrderErrors/>
  <ListOfTelephoneNumbers/>
  <Subscriber><SubscriberType>business</SubscriberType><!-- c --><BusinessName>A &amp; B</BusinessName></Subscriber>
</LsrOrder>"#;
    let order: LsrOrder = decode(odd.as_bytes()).unwrap();
    assert_eq!(order.pon.as_deref(), Some("ATT-1"));
    assert_eq!(order.status(), Some(OrderStatus::Cancelled));
    assert_eq!(order.pon_version, Some(3));
    assert_eq!(order.customer_order_id, None);
    assert_eq!(order.requested_foc_date.as_deref(), Some("2026-12-15"));
    assert_eq!(order.lsr_order_errors, Some(vec![]));
    assert_eq!(order.list_of_telephone_numbers, Some(vec![]));
    let subscriber = order.subscriber.clone().unwrap();
    assert_eq!(subscriber.business_name.as_deref(), Some("A & B"));
    assert!(
        to_xml(&order)
            .unwrap()
            .contains("<BusinessName>A &amp; B</BusinessName>")
    );
    // An unrecognised date is kept as sent, for the validator to report (17013).
    let bad_date: LsrOrder =
        decode(b"<LsrOrder><RequestedFocDate>next tuesday</RequestedFocDate></LsrOrder>").unwrap();
    assert_eq!(bad_date.requested_foc_date.as_deref(), Some("next tuesday"));
    assert_eq!(bad_date.requested_foc(), None);
    let cdata: LsrOrder = decode(b"<LsrOrder><Pon><![CDATA[A&B]]></Pon></LsrOrder>").unwrap();
    assert_eq!(cdata.pon.as_deref(), Some("A&B"));
}

#[test]
fn wire_draft_mapping_round_trips() {
    let order: LsrOrder = decode(POST_REQUEST.as_bytes()).unwrap();
    let draft = order.to_draft();
    assert_eq!(draft.pon.as_deref(), Some("ATT-011515-324234"));
    assert_eq!(draft.subscriber.address.street.as_deref(), Some("Park"));
    assert_eq!(draft.subscriber.pin.as_deref(), Some("1231"));
    assert_eq!(draft.tns, vec!["9192381468", "9192381467"]);
    assert_eq!(LsrOrder::from_draft(&draft), order);
}

#[test]
fn wire_from_draft_normalises_what_it_recognises() {
    let mut draft = OrderDraft {
        pon: Some("ACME-1".into()),
        customer_order_id: Some("  ".into()),
        requested_foc_date: Some("12/15/2026".into()),
        btn: Some("(919) 555-0100".into()),
        tns: vec!["+1 919 555 0101".into(), "not a tn".into()],
        ..OrderDraft::default()
    };
    draft.subscriber.subscriber_type = Some("residential".into());
    draft.subscriber.last_name = Some("Doe".into());
    let order = LsrOrder::from_draft(&draft);
    assert_eq!(order.customer_order_id, None);
    assert_eq!(order.requested_foc_date.as_deref(), Some("2026-12-15"));
    assert_eq!(
        order.billing_telephone_number.as_deref(),
        Some("9195550100")
    );
    assert_eq!(
        order.list_of_telephone_numbers,
        Some(vec!["9195550101".to_string(), "not a tn".to_string()])
    );
    let subscriber = order.subscriber.clone().unwrap();
    assert_eq!(subscriber.subscriber_type.as_deref(), Some("RESIDENTIAL"));
    assert_eq!(subscriber.service_address, None);
    assert!(order.tns().is_err());
    let written = to_xml(&order).unwrap();
    assert!(!written.contains("ServiceAddress"), "{written}");
}

#[test]
fn wire_supp_body_never_carries_pon_or_tns() {
    let order: LsrOrder = decode(POST_REQUEST.as_bytes()).unwrap();
    let supp = LsrOrder::supp_request(&order.to_draft());
    assert_eq!(supp.pon, None);
    assert_eq!(supp.list_of_telephone_numbers, None);
    let supp_fixture: LsrOrder = decode(PUT_SUPP.as_bytes()).unwrap();
    assert_eq!(supp, supp_fixture);
    let only_foc = OrderDraft {
        requested_foc_date: Some("2015-11-16".into()),
        ..OrderDraft::default()
    };
    let written = to_xml(&LsrOrder::supp_request(&only_foc)).unwrap();
    assert_eq!(
        element_sequence(&written),
        element_sequence("<LsrOrder><RequestedFocDate>2015-11-16</RequestedFocDate></LsrOrder>")
    );
}

#[test]
fn wire_from_model_order_builds_the_request_body() {
    let request: LsrOrder = decode(POST_REQUEST.as_bytes()).unwrap();
    let mut model_order = crate::model::LsrOrder {
        pon: crate::model::Pon::parse("ATT-011515-324234").unwrap(),
        customer_order_id: Some("FineCustomerid".into()),
        spid: Some("123C".into()),
        btn: Some(Tn::parse("9192381468").unwrap()),
        requested_foc_date: chrono::NaiveDate::from_ymd_opt(2015, 11, 15),
        authorizing_person: "Jim Hopkins".into(),
        subscriber: crate::model::Subscriber::default(),
        tns: vec![
            Tn::parse("9192381468").unwrap(),
            Tn::parse("9192381467").unwrap(),
        ],
    };
    let s = &mut model_order.subscriber;
    s.subscriber_type = crate::model::SubscriberType::Business;
    s.business_name = Some("BusinessName".into());
    s.account_number = Some("123463".into());
    s.pin = Some("1231".into());
    let a = &mut s.service_address;
    a.house_number = "11".into();
    a.street_name = "Park".into();
    a.street_suffix = Some("Ave".into());
    a.city = "New York".into();
    a.state_code = "NY".into();
    a.zip = "90025".into();
    let built = LsrOrder::from(&model_order);
    assert_eq!(built, request);
    assert_same_elements(&to_xml(&built).unwrap(), POST_REQUEST);
}

#[test]
fn wire_summary_from_stored_order() {
    let stored: LsrOrder = decode(GET_ORDER.as_bytes()).unwrap();
    let summary = LsrOrderSummary::from(&stored);
    assert_eq!(summary.order_type.as_deref(), Some("lsr"));
    assert_eq!(summary.count_of_tns, Some(2));
    assert_eq!(summary.order_id, stored.order_id);
    assert_eq!(summary.error_pairs(), stored.errors());
}

#[test]
fn wire_debug_redacts_pin() {
    let order: LsrOrder = decode(POST_REQUEST.as_bytes()).unwrap();
    let shown = format!("{order:?}");
    assert!(!shown.contains("1231"), "{shown}");
    assert!(shown.contains("<redacted>"));
}

#[test]
fn wire_refuses_text_xml_cannot_carry() {
    let order = LsrOrder {
        pon: Some("ACME\u{1}".into()),
        ..LsrOrder::default()
    };
    assert_eq!(
        to_xml(&order).unwrap_err(),
        WireError::Unencodable {
            element: "Pon",
            codepoint: 1
        }
    );
    let note = Note::request("jbm", "line one\r\nline <two> & \"three\"\tend");
    let back: Note = decode(to_xml(&note).unwrap().as_bytes()).unwrap();
    assert_eq!(back, note);
}

#[test]
fn wire_hostile_bodies_give_errors() {
    let deep = format!(
        "<LsrOrder>{}{}</LsrOrder>",
        "<a>".repeat(10_000),
        "</a>".repeat(10_000)
    );
    assert_eq!(
        decode::<LsrOrder>(deep.as_bytes()).unwrap_err(),
        WireError::TooDeep { limit: MAX_DEPTH }
    );
    let deep_empty = format!(
        "{}<a/>{}",
        "<a>".repeat(MAX_DEPTH),
        "</a>".repeat(MAX_DEPTH)
    );
    assert!(matches!(
        decode::<LsrOrder>(deep_empty.as_bytes()),
        Err(WireError::TooDeep { .. })
    ));
    assert_eq!(decode::<LsrOrder>(b"").unwrap_err(), WireError::Empty);
    assert_eq!(decode::<LsrOrder>(b"  \n ").unwrap_err(), WireError::Empty);
    assert_eq!(
        decode::<LsrOrder>(b"<?xml version=\"1.0\"?>\n<!-- nothing -->").unwrap_err(),
        WireError::NoRoot
    );
    let truncated = &POST_REQUEST[..POST_REQUEST.len() / 2];
    assert!(decode::<LsrOrder>(truncated.as_bytes()).is_err());
    let cut_at_tag = "<LsrOrder><Pon>A</Pon>";
    assert_eq!(
        decode::<LsrOrder>(cut_at_tag.as_bytes()).unwrap_err(),
        WireError::Truncated {
            root: "LsrOrder".into()
        }
    );
    let html = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>";
    assert_eq!(
        decode::<LsrOrder>(html.as_bytes()).unwrap_err(),
        WireError::Doctype
    );
    let bare_html = "<html><body><p>Service unavailable</p></body></html>";
    let err = decode::<LsrOrder>(bare_html.as_bytes()).unwrap_err();
    assert_eq!(err, WireError::unexpected_root("LsrOrder", "html"));
    assert_eq!(
        err.to_string(),
        "expected an xml `<LsrOrder>` body, got `<html>`"
    );
    let sloppy_html = "<html><body><br><p>unclosed</body></html>";
    assert!(matches!(
        decode::<LsrOrder>(sloppy_html.as_bytes()),
        Err(WireError::Malformed { .. })
    ));
    let billion_laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><LsrOrder><Pon>&lol2;</Pon></LsrOrder>"#;
    assert_eq!(
        decode::<LsrOrder>(billion_laughs.as_bytes()).unwrap_err(),
        WireError::Doctype
    );
    assert_eq!(
        decode::<LsrOrder>(b"<LsrOrder><Pon>&lol;</Pon></LsrOrder>").unwrap_err(),
        WireError::UnknownEntity { name: "lol".into() }
    );
    assert!(matches!(
        decode::<LsrOrder>(b"<LsrOrder><Pon>\xff\xfe</Pon></LsrOrder>"),
        Err(WireError::NotUtf8 { offset: 15 })
    ));
    assert!(matches!(
        decode::<LsrOrder>(b"<LsrOrder/><LsrOrder/>"),
        Err(WireError::TrailingContent { .. })
    ));
    assert!(matches!(
        decode::<LsrOrder>(b"{\"json\": true}"),
        Err(WireError::Malformed { .. })
    ));
    assert!(matches!(
        decode::<LsrOrder>(b"<LsrOrder><PonVersion>many</PonVersion></LsrOrder>"),
        Err(WireError::Shape {
            root: "LsrOrder",
            ..
        })
    ));
    let huge = vec![b' '; MAX_BODY_BYTES + 1];
    assert!(matches!(
        decode::<LsrOrder>(&huge),
        Err(WireError::TooLarge { .. })
    ));
}

#[test]
fn wire_error_messages_are_lowercase_and_short() {
    let long_root = format!("<{0}></{0}>", "X".repeat(500));
    let err = decode::<Notes>(long_root.as_bytes()).unwrap_err();
    let message = err.to_string();
    assert!(message.len() < 120, "{message}");
    assert!(message.starts_with(char::is_lowercase), "{message}");
}

proptest! {
    #[test]
    fn wire_decode_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = decode::<LsrOrder>(&bytes);
        let _ = decode::<LsrOrders>(&bytes);
    }

    #[test]
    fn wire_decode_never_panics_on_xmlish_text(text in "[<>/a-zA-Z &;!?\\-\\[\\]\"'=#0-9\n]{0,300}") {
        let _ = decode::<LsrOrder>(text.as_bytes());
        let _ = decode::<LsrOrderResponse>(text.as_bytes());
        let _ = decode::<Notes>(text.as_bytes());
    }

    #[test]
    fn wire_decode_never_panics_on_mutated_fixtures(cut in 0usize..2000, insert in "[<>/&;a-zA-Z ]{0,8}") {
        let base = POST_201;
        let at = cut.min(base.len());
        let at = (0..=at).rev().find(|i| base.is_char_boundary(*i)).unwrap_or(0);
        let mutated = format!("{}{}{}", &base[..at], insert, &base[at..]);
        let _ = decode::<LsrOrderResponse>(mutated.as_bytes());
        let _ = decode::<LsrOrder>(&mutated.as_bytes()[..at]);
    }

    #[test]
    fn wire_text_round_trips(text in "\\PC{0,40}") {
        let note = Note::request("u", text.clone());
        match to_xml(&note) {
            Ok(xml) => {
                let back: Note = decode(xml.as_bytes()).unwrap();
                let trimmed = text.trim();
                prop_assert_eq!(back.description.as_deref(), (!trimmed.is_empty()).then_some(trimmed));
            }
            Err(e) => prop_assert!(matches!(e, WireError::Unencodable { .. }), "{}", e),
        }
    }
}

#[test]
fn wire_canned_answers_match_bandwidths_examples() {
    assert_same_elements(
        &to_xml(&LsrOrderReportResponse::not_found()).unwrap(),
        HISTORY_404,
    );
    assert_same_elements(
        &to_xml(&NoteResponse::error(12501, "Username is required")).unwrap(),
        NOTE_POST_400,
    );
    assert_same_elements(
        &to_xml(&LsrOrderResponse::not_found(
            "63fb728d-421b-46ce-8c32-da30b909934s",
        ))
        .unwrap(),
        PUT_404,
    );
    let example: LsrOrderResponse = decode(POST_400.as_bytes()).unwrap();
    let mut echoed = example.lsr_order.clone().unwrap();
    echoed.order_status = None;
    let rebuilt = LsrOrderResponse::rejected(example.lsr_order_errors.clone().unwrap(), echoed);
    assert_eq!(rebuilt, example);
    let created = LsrOrderResponse::with_order(decode(GET_ORDER.as_bytes()).unwrap());
    assert!(created.errors().iter().any(|(code, _)| *code == 17008));
}

#[test]
fn wire_cancel_detection_ignores_the_empty_tn_list() {
    let cancel: LsrOrder = decode(PUT_CANCEL.as_bytes()).unwrap();
    assert!(cancel.is_cancel_request());
    assert_eq!(cancel.tns().unwrap(), vec![]);
    let supp: LsrOrder = decode(PUT_SUPP.as_bytes()).unwrap();
    assert!(!supp.is_cancel_request());
}

/// Throughput figure for the sandbox (2,000+ orders/second): run with
/// `cargo test --release --lib wire::tests::wire_throughput -- --ignored --nocapture`.
#[test]
#[ignore = "measurement, not a check"]
fn wire_throughput() {
    let created: LsrOrderResponse = decode(POST_201.as_bytes()).unwrap();
    let rounds = 20_000u32;
    let start = std::time::Instant::now();
    let mut bytes = 0usize;
    for _ in 0..rounds {
        bytes += response_to_xml(&created, OrderLayout::Created)
            .unwrap()
            .len();
    }
    let write = start.elapsed();
    let start = std::time::Instant::now();
    for _ in 0..rounds {
        let order: LsrOrder = decode(POST_REQUEST.as_bytes()).unwrap();
        assert!(order.pon.is_some());
    }
    let read = start.elapsed();
    println!(
        "write 201 body: {:.0}/s ({} bytes each); decode request: {:.0}/s",
        f64::from(rounds) / write.as_secs_f64(),
        bytes / rounds as usize,
        f64::from(rounds) / read.as_secs_f64(),
    );
}

#[test]
fn wire_error_body_reads_every_error_root() {
    let rejected: ErrorBody = decode(POST_400.as_bytes()).unwrap();
    assert_eq!(
        rejected.response_status.as_ref().unwrap().error_code,
        Some(400)
    );
    assert_eq!(rejected.errors.len(), 6);
    assert_eq!(rejected.pairs().len(), 7);
    let missing: ErrorBody = decode(PUT_404.as_bytes()).unwrap();
    assert_eq!(missing.pairs()[0].0, Some(5035));
    let note: ErrorBody = decode(NOTE_PUT_400.as_bytes()).unwrap();
    assert_eq!(
        note.pairs(),
        vec![(Some(12501), "Username is required".to_string())]
    );
    let history: ErrorBody = decode(HISTORY_404.as_bytes()).unwrap();
    assert_eq!(
        history.pairs(),
        vec![(None, "The resource does not exist".to_string())]
    );
    let failed_order: ErrorBody = decode(GET_ORDER.as_bytes()).unwrap();
    assert_eq!(failed_order.errors[0].code, 17008);
    assert!(matches!(
        decode::<ErrorBody>(b"<html><body>oops</body></html>"),
        Err(WireError::UnexpectedRoot { .. })
    ));
}

#[test]
fn wire_line_separators_survive_a_round_trip() {
    // Found by wire_text_round_trips: U+2028 came back as "\n".
    for text in ["a\u{2028}!", "a\u{85}b", "x\ry"] {
        let xml = to_xml(&Note::request("u", text)).unwrap();
        let back: Note = decode(xml.as_bytes()).unwrap();
        assert_eq!(back.description.as_deref(), Some(text), "{xml}");
    }
}
