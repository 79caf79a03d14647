//! Strict screening of request bodies: the sandbox refuses elements Bandwidth's schema does not
//! have, so a misspelt element (`<Ponn>`) is a 400 instead of a silently dropped field.

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

fn allowed_children(parent: &str) -> Option<&'static [&'static str]> {
    let lower = parent.to_ascii_lowercase();
    Some(match lower.as_str() {
        "lsrorder" => ORDER_CHILDREN,
        "lsrorderresponse" => &["LsrOrder", "ResponseStatus", "LsrOrderErrors"],
        "subscriber" => SUBSCRIBER_CHILDREN,
        "serviceaddress" => ADDRESS_CHILDREN,
        "listoftelephonenumbers" => &["TelephoneNumber"],
        "lsrordererrors" => &["LsrOrderError"],
        "lsrordererror" | "error" => &["Code", "Description"],
        "responsestatus" => &["ErrorCode", "Description"],
        "note" => NOTE_CHILDREN,
        // Leaf elements: any child element is unknown.
        _ => &[],
    })
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
                if let Some(parent) = stack.last() {
                    let known = allowed_children(parent)
                        .is_some_and(|kids| kids.iter().any(|k| k.eq_ignore_ascii_case(&name)));
                    if !known {
                        return Some(format!("{parent}/{name}"));
                    }
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
    }
}
