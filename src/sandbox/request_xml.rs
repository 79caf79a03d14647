//! Strict screening of request bodies: the sandbox refuses elements Bandwidth's schema does not
//! have, and elements whose name differs only in case (`<pon>`, the Ruby SDK's `<sPID>`): XML
//! names are case-sensitive, so such an element is a 400 naming it, never a dropped field.

use quick_xml::Reader;
use quick_xml::events::Event;

const ORDER_CHILDREN: &[&str] = &[
    "OrderId",
    "CustomerOrderId",
    "LastModifiedBy",
    "OrderCreateDate",
    "PeerId",
    "AccountId",
    "SPID",
    "LastModifiedDate",
    "SiteId",
    "CreatedByUser",
    "OrderStatus",
    "BillingTelephoneNumber",
    "Pon",
    "PonVersion",
    "RequestedFocDate",
    "ActualFocDate",
    "AuthorizingPerson",
    "Subscriber",
    "ListOfTelephoneNumbers",
    "LsrOrderErrors",
    "CountOfTNs",
    "PartialPort",
];
const SUBSCRIBER_CHILDREN: &[&str] = &[
    "SubscriberType",
    "BusinessName",
    "FirstName",
    "MiddleInitial",
    "LastName",
    "Name",
    "ServiceAddress",
    "AccountNumber",
    "PinNumber",
];
const ADDRESS_CHILDREN: &[&str] = &[
    "HousePrefix",
    "HouseNumber",
    "HouseSuffix",
    "PreDirectional",
    "StreetName",
    "StreetSuffix",
    "PostDirectional",
    "AddressLine2",
    "City",
    "StateCode",
    "Zip",
    "PlusFour",
    "County",
    "Country",
    "AddressType",
    "RegionId",
];
const NOTE_CHILDREN: &[&str] = &["Id", "UserId", "Description", "LastDateModifier"];

/// The request roots Bandwidth's schema has.
const ROOTS: &[&str] = &["LsrOrder", "Note"];

fn allowed_children(parent: &str) -> &'static [&'static str] {
    match parent {
        "LsrOrder" => ORDER_CHILDREN,
        "LsrOrderResponse" => &["LsrOrder", "ResponseStatus", "LsrOrderErrors"],
        "Subscriber" => SUBSCRIBER_CHILDREN,
        "ServiceAddress" => ADDRESS_CHILDREN,
        "ListOfTelephoneNumbers" => &["TelephoneNumber"],
        "LsrOrderErrors" => &["LsrOrderError"],
        "LsrOrderError" | "Error" => &["Code", "Description"],
        "ResponseStatus" => &["ErrorCode", "Description"],
        "Note" => NOTE_CHILDREN,
        // Leaf elements: any child element is unknown.
        _ => &[],
    }
}

/// The first element (as `Parent/Child`) that the schema does not know, if any. Malformed XML
/// is left to the wire decoder, which explains it better.
pub fn first_unknown_element(body: &[u8]) -> Option<String> {
    let mut reader = Reader::from_reader(body);
    let mut stack: Vec<String> = Vec::new();
    let mut buf = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf).ok()?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                match stack.last() {
                    Some(parent) if !allowed_children(parent).contains(&name.as_str()) => {
                        return Some(format!("{parent}/{name}"));
                    }
                    None if !ROOTS.contains(&name.as_str()) => return Some(name),
                    _ => {}
                }
                if matches!(event, Event::Start(_)) {
                    stack.push(name);
                }
            }
            Event::End(_) => {
                stack.pop();
            }
            Event::Eof => return None,
            _ => {}
        }
        buf.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_elements_are_named() {
        let ok = b"<LsrOrder><Pon>A</Pon><Subscriber><ServiceAddress><Zip>1</Zip></ServiceAddress></Subscriber><ListOfTelephoneNumbers/></LsrOrder>";
        assert_eq!(first_unknown_element(ok), None);
        let bad = b"<LsrOrder><Pon>A</Pon><Ponn>B</Ponn></LsrOrder>";
        assert_eq!(first_unknown_element(bad).as_deref(), Some("LsrOrder/Ponn"));
        let nested = b"<LsrOrder><Pon><Inner/></Pon></LsrOrder>";
        assert_eq!(first_unknown_element(nested).as_deref(), Some("Pon/Inner"));
        // Names are case-sensitive: another case is another element (the Ruby SDK's `sPID`).
        let cased = b"<LsrOrder><pon>A</pon></LsrOrder>";
        assert_eq!(
            first_unknown_element(cased).as_deref(),
            Some("LsrOrder/pon")
        );
        let ruby = b"<LsrOrder><sPID>123C</sPID></LsrOrder>";
        assert_eq!(
            first_unknown_element(ruby).as_deref(),
            Some("LsrOrder/sPID")
        );
        assert_eq!(
            first_unknown_element(b"<lsrOrder/>").as_deref(),
            Some("lsrOrder")
        );
    }
}
