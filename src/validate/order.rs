//! The whole-order validator: every rule over an `OrderDraft`, all findings at once, with
//! Bandwidth's POST-validation codes (reference section 7) where one exists.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::{BusinessCalendar, Finding, Report, Severity, ValidationContext};
use crate::model::{
    LsrOrder, OrderDraft, Pon, ServiceAddress, Subscriber, SubscriberType, Tn, TnError,
};

/// At most this many TNs per LSR (R7, code 5095).
pub const MAX_TNS_PER_ORDER: usize = 999;

/// The furthest `+Nbd` reaches: about four years of business days. Keeps the calendar walk short
/// whatever a user types.
const MAX_BUSINESS_DAYS_AHEAD: u32 = 1000;

/// Why a requested FOC date could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("date `{0}` is not YYYY-MM-DD, MM/DD/YYYY or +Nbd")]
    Format(String),
    #[error(
        "date `{0}` is out of range; use a date between today and year 9999, or at most +1000bd"
    )]
    OutOfRange(String),
}

/// Parses `YYYY-MM-DD`, `MM/DD/YYYY`, or `+Nbd` (N business days after `today`).
pub fn parse_requested_date(
    text: &str,
    today: NaiveDate,
    calendar: &BusinessCalendar,
) -> Result<NaiveDate, DateError> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    if let Some(n) = lower.strip_prefix('+').and_then(|r| r.strip_suffix("bd")) {
        let n = n
            .trim()
            .parse::<u32>()
            .map_err(|_| DateError::Format(t.to_string()))?;
        if n > MAX_BUSINESS_DAYS_AHEAD {
            return Err(DateError::OutOfRange(t.to_string()));
        }
        return Ok(calendar.add_business_days(today, n));
    }
    let date = NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%m/%d/%Y"))
        .map_err(|_| DateError::Format(t.to_string()))?;
    // chrono reads years far beyond any port; the calendar walks days one by one from there and
    // would overflow near `NaiveDate::MAX`.
    if !(1900..=9999).contains(&date.year()) {
        return Err(DateError::OutOfRange(t.to_string()));
    }
    Ok(date)
}

/// Checks a whole order and returns every finding; `order` is set only when none is an error.
pub fn validate_order(draft: &OrderDraft, ctx: &ValidationContext<'_>) -> Report {
    let mut check = Checker::default();
    let pon = check_pon(&mut check, draft);
    let customer_order_id = check_customer_order_id(&mut check, draft);
    let requested_foc_date = check_requested_date(&mut check, draft, ctx);
    let spid = check_spid(&mut check, draft);
    let btn = check_btn(&mut check, draft);
    let authorizing_person = check_authorizing_person(&mut check, draft);
    let subscriber = check_subscriber(&mut check, draft);
    let tns = check_tns(&mut check, draft, ctx);

    let findings = check.findings;
    let has_error = findings.iter().any(|f| f.severity == Severity::Error);
    let order = match (has_error, pon, authorizing_person, subscriber) {
        (false, Some(pon), Some(authorizing_person), Some(subscriber)) => Some(LsrOrder {
            pon,
            customer_order_id,
            spid,
            btn,
            requested_foc_date,
            authorizing_person,
            subscriber,
            tns,
        }),
        _ => None,
    };
    Report { findings, order }
}

/// Collects findings in the order of the fields of the order file.
#[derive(Default)]
struct Checker {
    findings: Vec<Finding>,
}

impl Checker {
    fn error(&mut self, code: Option<u32>, field: &str, message: String, hint: Option<String>) {
        self.push(Severity::Error, code, field, message, hint);
    }

    fn warning(&mut self, code: Option<u32>, field: &str, message: String, hint: Option<String>) {
        self.push(Severity::Warning, code, field, message, hint);
    }

    fn push(
        &mut self,
        severity: Severity,
        code: Option<u32>,
        field: &str,
        message: String,
        hint: Option<String>,
    ) {
        self.findings.push(Finding {
            code,
            severity,
            field: field.to_string(),
            message,
            hint,
        });
    }
}

/// The trimmed text of a field; blank counts as absent.
fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Length in characters (Bandwidth's limits count characters, not bytes).
fn char_len(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

/// The first character of a free-text field that has no place in it: a control character
/// (a name or address never holds one; some, like U+0000, XML 1.0 cannot even carry, so the
/// order could not be sent) or one of the noncharacters U+FFFE and U+FFFF, which XML refuses too.
fn unsendable_char(text: &str) -> Option<char> {
    text.chars()
        .find(|c| c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}'))
}

impl Checker {
    /// Reports a free-text field holding a character it cannot carry (found by fuzzing: such
    /// an order passed validation and then failed to encode). Returns whether it was clean.
    fn printable(&mut self, field: &str, label: &str, text: &str) -> bool {
        let Some(found) = unsendable_char(text) else {
            return true;
        };
        self.error(
            None,
            field,
            format!(
                "{label} contains the control character U+{:04X}, which cannot be sent",
                u32::from(found)
            ),
            Some(format!("retype the {label} without it")),
        );
        false
    }
}

fn is_alphanumeric_up_to(text: &str, max: usize) -> bool {
    text.len() <= max && text.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn check_pon(check: &mut Checker, draft: &OrderDraft) -> Option<Pon> {
    let Some(text) = present(&draft.pon) else {
        check.error(
            Some(7120),
            "pon",
            "PON is required".to_string(),
            Some(
                "set `pon` in the order file or pass --pon (1–25 letters, digits, #, - or _)"
                    .into(),
            ),
        );
        return None;
    };
    match Pon::parse(text) {
        Ok(pon) => Some(pon),
        Err(e) => {
            check.error(
                Some(17004),
                "pon",
                e.to_string(),
                Some("use 1–25 letters, digits, #, - or _".into()),
            );
            None
        }
    }
}

fn check_customer_order_id(check: &mut Checker, draft: &OrderDraft) -> Option<String> {
    let text = present(&draft.customer_order_id)?;
    let allowed = text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-');
    let len = char_len(text);
    if !allowed || len > 40 {
        let why = if allowed {
            format!("is {len} characters long; at most 40 are allowed")
        } else {
            "contains characters other than letters, digits, spaces and dashes".to_string()
        };
        check.error(
            Some(7318),
            "customer_order_id",
            format!("customer order id `{text}` {why}"),
            Some("use at most 40 letters, digits, spaces or dashes, or leave it out".into()),
        );
        return None;
    }
    Some(text.to_string())
}

fn check_requested_date(
    check: &mut Checker,
    draft: &OrderDraft,
    ctx: &ValidationContext<'_>,
) -> Option<NaiveDate> {
    // Absent is fine: Bandwidth defaults the FOC to the next day.
    let text = present(&draft.requested_foc_date)?;
    let field = "requested_foc_date";
    let calendar = ctx.calendar;
    let date = match parse_requested_date(text, ctx.today, calendar) {
        Ok(date) => date,
        Err(e) => {
            check.error(
                Some(17013),
                field,
                format!("requested FOC date: {e}"),
                Some("write the date as YYYY-MM-DD, MM/DD/YYYY, or +Nbd for N business days from today".into()),
            );
            return None;
        }
    };
    let next = calendar.next_business_day(ctx.today);
    if date < ctx.today {
        check.error(
            Some(7208),
            field,
            format!(
                "requested FOC date {date} is in the past (today is {})",
                ctx.today
            ),
            Some(format!(
                "ask for {} ({}) or later, e.g. `+1bd`",
                next,
                next.format("%A")
            )),
        );
        return None;
    }
    if let Some(what) = calendar.describe_non_business_day(date) {
        let instead = calendar.next_business_day(date);
        check.error(
            Some(17019),
            field,
            format!("requested FOC date {date} is not a business day: it is {what}"),
            Some(format!(
                "the next business day is {} ({})",
                instead,
                instead.format("%A")
            )),
        );
        return None;
    }
    if date == ctx.today {
        check.warning(
            None,
            field,
            format!("requested FOC date {date} is today; Bandwidth needs time to process the LSR, so the port may not be confirmed for today"),
            Some(format!(
                "ask for the next business day, {} ({}), or later: `+1bd`",
                next,
                next.format("%A")
            )),
        );
    }
    Some(date)
}

fn check_spid(check: &mut Checker, draft: &OrderDraft) -> Option<String> {
    // Absent is fine: Bandwidth fills in the account's SPID.
    let text = present(&draft.spid)?;
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_alphanumeric()) {
        check.error(
            Some(17021),
            "spid",
            format!("SPID `{text}` is not 4 letters or digits"),
            Some("use the winning carrier's 4-character NPAC SPID, or leave it out to use the account's".into()),
        );
        return None;
    }
    Some(text.to_ascii_uppercase())
}

fn check_btn(check: &mut Checker, draft: &OrderDraft) -> Option<Tn> {
    let text = present(&draft.btn)?;
    let hint = Some("give the 10-digit billing telephone number at the losing carrier".to_string());
    match Tn::parse(text) {
        Ok(tn) if tn.is_toll_free() => {
            check.error(
                Some(7203),
                "btn",
                format!(
                    "billing telephone number {} is toll-free; a BTN must be a geographic number",
                    tn.dashed()
                ),
                hint,
            );
            None
        }
        Ok(tn) => Some(tn),
        Err(e) => {
            check.error(
                Some(7203),
                "btn",
                format!("billing telephone number is invalid: {e}"),
                hint,
            );
            None
        }
    }
}

fn check_authorizing_person(check: &mut Checker, draft: &OrderDraft) -> Option<String> {
    let field = "authorizing_person";
    let Some(text) = present(&draft.authorizing_person) else {
        check.error(
            Some(17023),
            field,
            "authorizing person is required".to_string(),
            Some("set `authorizing_person` in the order file or pass --auth-person".into()),
        );
        return None;
    };
    let len = char_len(text);
    if len > 100 {
        check.error(
            Some(17024),
            field,
            format!("authorizing person is {len} characters long; at most 100 are allowed"),
            Some("shorten the name".into()),
        );
        return None;
    }
    if !check.printable(field, "authorizing person", text) {
        return None;
    }
    Some(text.to_string())
}

/// A name field with its limit: reports `code` when longer than `max`.
fn checked_name(
    check: &mut Checker,
    value: &Option<String>,
    field: &str,
    label: &str,
    max: usize,
    code: u32,
) -> Option<String> {
    let text = present(value)?;
    let len = char_len(text);
    if len > max {
        check.error(
            Some(code),
            field,
            format!("{label} `{text}` is {len} characters long; at most {max} are allowed"),
            Some(format!("shorten the {label} to {max} characters")),
        );
    }
    check.printable(field, label, text);
    Some(text.to_string())
}

fn check_subscriber(check: &mut Checker, draft: &OrderDraft) -> Option<Subscriber> {
    let s = &draft.subscriber;
    let subscriber_type = match present(&s.subscriber_type) {
        // Bandwidth's default when the type is not given.
        None => Some(SubscriberType::Residential),
        Some(text) => {
            let parsed = SubscriberType::parse(text);
            if parsed.is_none() {
                check.error(
                    None,
                    "subscriber.type",
                    format!("subscriber type `{text}` is neither business nor residential"),
                    Some("use `business` or `residential`".into()),
                );
            }
            parsed
        }
    };
    let business_name = checked_name(
        check,
        &s.business_name,
        "subscriber.business_name",
        "business name",
        25,
        7324,
    );
    let first_name = checked_name(
        check,
        &s.first_name,
        "subscriber.first_name",
        "first name",
        25,
        7355,
    );
    let middle_initial = checked_name(
        check,
        &s.middle_initial,
        "subscriber.middle_initial",
        "middle initial",
        1,
        7354,
    );
    let last_name = checked_name(
        check,
        &s.last_name,
        "subscriber.last_name",
        "last name",
        25,
        7356,
    );
    match subscriber_type {
        Some(SubscriberType::Business) => {
            if business_name.is_none() {
                check.error(
                    Some(17010),
                    "subscriber.business_name",
                    "a business subscriber needs a business name".to_string(),
                    Some("set `subscriber.business_name` or pass --business-name".into()),
                );
            }
            if last_name.is_some() {
                check.error(
                    Some(17011),
                    "subscriber.last_name",
                    "a business subscriber must not have a last name".to_string(),
                    Some("remove the last name, or make the subscriber residential".into()),
                );
            }
        }
        Some(SubscriberType::Residential) if last_name.is_none() => {
            check.error(
                Some(17012),
                "subscriber.last_name",
                "a residential subscriber needs a last name".to_string(),
                Some("set `subscriber.last_name` or pass --last-name; for a company use `type = \"business\"` and a business name".into()),
            );
        }
        _ => {}
    }
    // The account number and PIN are the end user's secrets at the losing carrier: never echoed.
    let account_number = present(&s.account_number).map(str::to_string);
    if let Some(text) = &account_number
        && !is_alphanumeric_up_to(text, 32)
    {
        check.error(
            Some(17006),
            "subscriber.account_number",
            "account number must be 1–32 letters or digits".to_string(),
            Some("remove spaces, dashes and other punctuation from the account number".into()),
        );
    }
    let pin = present(&s.pin).map(str::to_string);
    if let Some(text) = &pin
        && !is_alphanumeric_up_to(text, 10)
    {
        check.error(
            Some(17007),
            "subscriber.pin",
            "PIN must be 1–10 letters or digits".to_string(),
            Some("check the port-out PIN with the end user".into()),
        );
    }
    let service_address = check_address(check, draft)?;
    Some(Subscriber {
        subscriber_type: subscriber_type?,
        business_name,
        first_name,
        middle_initial,
        last_name,
        account_number,
        pin,
        service_address,
    })
}

/// US states, DC, and the territories NANP serves.
const STATE_CODES: [&str; 56] = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC", "PR", "VI", "GU", "AS", "MP",
];

/// `12345` or `12345-6789`.
fn is_zip(text: &str) -> bool {
    let b = text.as_bytes();
    let five = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    match b.len() {
        5 => five(b),
        10 => five(&b[..5]) && b[5] == b'-' && five(&b[6..]),
        _ => false,
    }
}

fn check_address(check: &mut Checker, draft: &OrderDraft) -> Option<ServiceAddress> {
    let a = &draft.subscriber.address;
    let all = [
        &a.house_prefix,
        &a.house_number,
        &a.house_suffix,
        &a.pre_directional,
        &a.street,
        &a.street_suffix,
        &a.post_directional,
        &a.address_line2,
        &a.city,
        &a.state,
        &a.zip,
        &a.county,
    ];
    if all.iter().all(|v| present(v).is_none()) {
        check.error(
            Some(7107),
            "subscriber.address",
            "service address is required".to_string(),
            Some("add a [subscriber.address] table with house_number, street, city, state and zip, or pass --house-number, --street, --city, --state and --zip".into()),
        );
        return None;
    }
    let mut complete = true;
    let mut text_field = |value: &Option<String>, name: &str, label: &str, max: usize| {
        let text = present(value)?;
        let len = char_len(text);
        if len > max {
            check.error(
                Some(17026),
                &format!("subscriber.address.{name}"),
                format!("address {label} is {len} characters long; at most {max} are allowed"),
                Some(format!("shorten the {label}")),
            );
        }
        check.printable(
            &format!("subscriber.address.{name}"),
            &format!("address {label}"),
            text,
        );
        Some(text.to_string())
    };
    let house_prefix = text_field(&a.house_prefix, "house_prefix", "house prefix", 6);
    let house_number = text_field(&a.house_number, "house_number", "house number", 45);
    let house_suffix = text_field(&a.house_suffix, "house_suffix", "house suffix", 45);
    let pre_directional = text_field(&a.pre_directional, "pre_directional", "pre-directional", 2);
    let street = text_field(&a.street, "street", "street name", 200);
    let street_suffix = text_field(&a.street_suffix, "street_suffix", "street suffix", 45);
    let post_directional = text_field(
        &a.post_directional,
        "post_directional",
        "post-directional",
        2,
    );
    let address_line2 = text_field(&a.address_line2, "address_line2", "address line 2", 200);
    let city = text_field(&a.city, "city", "city", 100);
    let county = text_field(&a.county, "county", "county", 45);

    let mut required = |value: Option<String>, code: u32, name: &str, flag: &str| {
        if value.is_none() {
            complete = false;
            check.error(
                Some(code),
                &format!("subscriber.address.{name}"),
                format!("service address {} is required", name.replace('_', " ")),
                Some(format!("set `subscriber.address.{name}` or pass --{flag}")),
            );
        }
        value
    };
    let house_number = required(house_number, 7108, "house_number", "house-number");
    let street = required(street, 7109, "street", "street");
    let city = required(city, 7110, "city", "city");
    let state = required(
        present(&a.state).map(str::to_string),
        7111,
        "state",
        "state",
    );
    let zip = required(present(&a.zip).map(str::to_string), 7112, "zip", "zip");

    let state = state.and_then(|text| {
        let upper = text.to_ascii_uppercase();
        if STATE_CODES.contains(&upper.as_str()) {
            Some(upper)
        } else {
            check.error(
                Some(7395),
                "subscriber.address.state",
                format!("state code `{text}` is not a US state, DC or territory"),
                Some("use the two-letter postal code, e.g. NC".into()),
            );
            None
        }
    });
    let zip = zip.and_then(|text| {
        if is_zip(&text) {
            Some(text)
        } else {
            check.error(
                Some(7214),
                "subscriber.address.zip",
                format!("ZIP code `{text}` is not 5 digits or ZIP+4 (12345-6789)"),
                Some("use the service address's 5-digit ZIP code".into()),
            );
            None
        }
    });
    if !complete {
        return None;
    }
    Some(ServiceAddress {
        house_prefix,
        house_number: house_number?,
        house_suffix,
        pre_directional,
        street_name: street?,
        street_suffix,
        post_directional,
        address_line2,
        city: city?,
        state_code: state?,
        zip: zip?,
        county,
    })
}

/// The per-TN rules, the list rules (17003, 5095, 17009) and the outside hooks (17008, 7517,
/// 7521). Linear in the number of TNs: one parse each, one hash map for duplicates.
fn check_tns(check: &mut Checker, draft: &OrderDraft, ctx: &ValidationContext<'_>) -> Vec<Tn> {
    let start = check.findings.len();
    let tns = check_tn_entries(check, draft, ctx);
    // Findings on the list come first, then by position, as a reader goes down the list.
    check.findings[start..].sort_by_key(|f| {
        f.field
            .strip_prefix("tns[")
            .and_then(|rest| rest.strip_suffix(']'))
            .and_then(|i| i.parse::<usize>().ok())
            .map_or(0, |i| i + 1)
    });
    tns
}

fn check_tn_entries(
    check: &mut Checker,
    draft: &OrderDraft,
    ctx: &ValidationContext<'_>,
) -> Vec<Tn> {
    let entries = &draft.tns;
    if entries.is_empty() {
        check.error(
            Some(17003),
            "tns",
            "the order has no telephone numbers".to_string(),
            Some("add `tns = [...]` to the order file, or pass --tn or --tn-file".into()),
        );
        return Vec::new();
    }
    if entries.len() > MAX_TNS_PER_ORDER {
        check.error(
            Some(5095),
            "tns",
            format!(
                "the order has {} telephone numbers; an LSR takes at most {MAX_TNS_PER_ORDER} (R7)",
                entries.len()
            ),
            Some("split it into orders of at most 999 TNs (`lsr submit --split 999`), or for a project port email Bandwidth with the subject \"Project Port Out\" (`lsr email project-port-out` drafts it)".into()),
        );
    }

    let mut tns = Vec::with_capacity(entries.len());
    // TN -> index in `tns` and the positions in the list where it appears.
    let mut first_seen: HashMap<Tn, usize> = HashMap::with_capacity(entries.len());
    let mut duplicates: Vec<(Tn, Vec<usize>)> = Vec::new();
    let mut duplicate_of: HashMap<Tn, usize> = HashMap::new();
    // The list position of each entry of `tns`, for findings on valid TNs.
    let mut positions = Vec::with_capacity(entries.len());

    for (i, text) in entries.iter().enumerate() {
        let tn = match Tn::parse(text) {
            Ok(tn) => tn,
            Err(e) => {
                check.error(
                    Some(17002),
                    &format!("tns[{i}]"),
                    e.to_string(),
                    Some(tn_error_hint(&e).to_string()),
                );
                continue;
            }
        };
        if let Some(&first) = first_seen.get(&tn) {
            match duplicate_of.get(&tn) {
                Some(&slot) => duplicates[slot].1.push(i),
                None => {
                    duplicate_of.insert(tn, duplicates.len());
                    duplicates.push((tn, vec![positions[first], i]));
                }
            }
            continue;
        }
        first_seen.insert(tn, tns.len());
        tns.push(tn);
        positions.push(i);
        let field = || format!("tns[{i}]");
        if tn.is_toll_free() {
            check.error(
                Some(17005),
                &field(),
                format!(
                    "telephone number {} is toll-free; toll-free numbers do not port by LSR",
                    tn.dashed()
                ),
                Some("remove it; toll-free numbers move through their RespOrg".into()),
            );
            continue;
        }
        if tn.is_non_geographic() {
            check.warning(
                None,
                &field(),
                format!(
                    "telephone number {} is in non-geographic area code {}; such numbers rarely port by LSR",
                    tn.dashed(),
                    tn.npa()
                ),
                Some("check that this number really belongs to the end user".into()),
            );
        }
        if tn.is_555() {
            check.warning(
                None,
                &field(),
                format!(
                    "telephone number {} is in the 555 exchange, which is mostly fictional or special service",
                    tn.dashed()
                ),
                Some("check the number with the end user".into()),
            );
        }
    }

    for (tn, at) in &duplicates {
        let list = at
            .iter()
            .map(|i| format!("tns[{i}]"))
            .collect::<Vec<_>>()
            .join(", ");
        check.error(
            Some(17009),
            &format!("tns[{}]", at[1]),
            format!(
                "telephone number {} appears {} times: {list}",
                tn.dashed(),
                at.len()
            ),
            Some("list each telephone number once".into()),
        );
    }

    // R4: a TN with a pending FOC on another order cannot go on a new one.
    for pending in ctx.pending_focs {
        if let Some(&slot) = first_seen.get(&pending.tn) {
            check.error(
                Some(17008),
                &format!("tns[{}]", positions[slot]),
                format!(
                    "TNs found with a pending FOC Date: TN: [{}], PON: [{}], FOC Date: [{}]",
                    pending.tn.digits(),
                    pending.pon,
                    pending.foc_date.format("%m/%d/%Y")
                ),
                Some(format!(
                    "change that port with a supp of PON {} (`lsr supp {}`), or have the other carrier's order cancelled first",
                    pending.pon, pending.pon
                )),
            );
        }
    }

    // R5: the reseller behind these TNs answered 7517 before; it wants one TN per request.
    if tns.len() > 1 && !ctx.one_tn_required.is_empty() {
        for (slot, tn) in tns.iter().enumerate() {
            if ctx.one_tn_required.contains(tn) {
                check.warning(
                    Some(7517),
                    &format!("tns[{}]", positions[slot]),
                    format!(
                        "the reseller of {} requires one TN per request; an order with several TNs is cancelled (7517)",
                        tn.dashed()
                    ),
                    Some("submit each TN on its own order: `--split per-tn`".into()),
                );
            }
        }
    }

    // R6: the agent is not alerted by the LSR itself.
    if !ctx.manual_handling.is_empty() {
        for (slot, tn) in tns.iter().enumerate() {
            if ctx.manual_handling.contains(tn) {
                check.warning(
                    Some(7521),
                    &format!("tns[{}]", positions[slot]),
                    format!(
                        "telephone number {} needs manual handling: a Bandwidth agent updates the LSR within 24 hours (7521)",
                        tn.dashed()
                    ),
                    Some("email Bandwidth as soon as the order is placed; `lsr email manual-handling` drafts it".into()),
                );
            }
        }
    }
    tns
}

fn tn_error_hint(error: &TnError) -> &'static str {
    match error {
        TnError::Empty => "remove the empty entry",
        TnError::BadCharacter { .. } => {
            "write the number with digits only, or with spaces, dots, dashes or parentheses"
        }
        TnError::WrongLength { .. } | TnError::NotNanp { .. } => {
            "give a 10-digit NANP number such as 919-720-6100 (a leading 1 or +1 is fine)"
        }
        TnError::BadNpa { .. }
        | TnError::BadNxx { .. }
        | TnError::N11Npa { .. }
        | TnError::N11Nxx { .. } => {
            "check the number: area code and exchange start with 2–9 and are not N11 codes"
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::collections::HashSet;

    use super::*;
    use crate::model::{AddressDraft, SubscriberDraft};
    use crate::validate::PendingFoc;

    type ClearField = fn(&mut AddressDraft);
    type SetField = fn(&mut AddressDraft, String);
    type SetDraftField = fn(&mut OrderDraft, String);

    /// Monday 2026-11-30 (the integration tests' LSR_TODAY).
    fn today() -> NaiveDate {
        d("2026-11-30")
    }

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn some(text: &str) -> Option<String> {
        Some(text.to_string())
    }

    /// A valid business order; each test mutates one thing.
    fn base() -> OrderDraft {
        OrderDraft {
            pon: some("ACME-0001"),
            customer_order_id: some("acme 42"),
            requested_foc_date: some("2026-12-07"),
            spid: some("1234"),
            btn: some("919-720-6100"),
            authorizing_person: some("Jane Doe"),
            subscriber: SubscriberDraft {
                subscriber_type: some("business"),
                business_name: some("Acme Widgets"),
                account_number: some("ACCT123"),
                pin: some("4321"),
                address: AddressDraft {
                    house_number: some("11"),
                    street: some("Park Ave"),
                    city: some("Raleigh"),
                    state: some("NC"),
                    zip: some("27601"),
                    ..AddressDraft::default()
                },
                ..SubscriberDraft::default()
            },
            tns: vec!["919-720-6100".into(), "(919) 720-6101".into()],
        }
    }

    fn run(draft: &OrderDraft) -> Report {
        let cal = BusinessCalendar::us_npac();
        validate_order(draft, &ValidationContext::offline(today(), &cal))
    }

    fn codes(report: &Report) -> Vec<Option<u32>> {
        report.findings.iter().map(|f| f.code).collect()
    }

    /// The only finding is an error with `code` on `field`.
    fn only_error(draft: &OrderDraft, code: u32, field: &str) -> Finding {
        let report = run(draft);
        assert_eq!(report.findings.len(), 1, "{:#?}", report.findings);
        let f = report.findings[0].clone();
        assert_eq!(
            (f.code, f.severity, f.field.as_str()),
            (Some(code), Severity::Error, field),
            "{f:#?}"
        );
        assert!(report.order.is_none());
        assert!(!report.ok());
        f
    }

    fn only_warning(draft: &OrderDraft, field: &str) -> Finding {
        let report = run(draft);
        assert_eq!(report.findings.len(), 1, "{:#?}", report.findings);
        let f = report.findings[0].clone();
        assert_eq!((f.severity, f.field.as_str()), (Severity::Warning, field));
        assert!(report.ok());
        assert!(report.order.is_some(), "warnings keep the order");
        f
    }

    proptest::proptest! {
        #[test]
        fn validate_never_panics_on_any_text(
            fields in proptest::collection::vec(proptest::option::of(".{0,30}"), 12),
            tns in proptest::collection::vec(".{0,20}", 0..5),
        ) {
            let f = |i: usize| fields[i].clone();
            let draft = OrderDraft {
                pon: f(0),
                customer_order_id: f(1),
                requested_foc_date: f(2),
                spid: f(3),
                btn: f(4),
                authorizing_person: f(5),
                subscriber: SubscriberDraft {
                    subscriber_type: f(6),
                    last_name: f(7),
                    pin: f(8),
                    address: AddressDraft {
                        state: f(9),
                        zip: f(10),
                        city: f(11),
                        ..AddressDraft::default()
                    },
                    ..SubscriberDraft::default()
                },
                tns,
            };
            let report = run(&draft);
            proptest::prop_assert_eq!(report.ok(), report.order.is_some());
        }
    }

    #[test]
    fn validate_accepts_the_base_order() {
        let report = run(&base());
        assert!(report.findings.is_empty(), "{:#?}", report.findings);
        let order = report.order.unwrap();
        assert_eq!(order.pon.as_str(), "ACME-0001");
        assert_eq!(order.tns.len(), 2);
        assert_eq!(order.tns[1].digits(), "9197206101");
        assert_eq!(order.requested_foc_date, Some(d("2026-12-07")));
        assert_eq!(order.subscriber.subscriber_type, SubscriberType::Business);
        assert_eq!(order.subscriber.service_address.state_code, "NC");
        assert_eq!(order.btn.unwrap().digits(), "9197206100");
    }

    #[test]
    fn validate_trims_and_treats_blank_as_absent() {
        let mut draft = base();
        draft.pon = some("  ACME-0001 ");
        draft.spid = some("  ");
        draft.customer_order_id = some("");
        draft.subscriber.address.state = some(" nc ");
        draft.subscriber.address.address_line2 = some("   ");
        let order = run(&draft).order.unwrap();
        assert_eq!(order.pon.as_str(), "ACME-0001");
        assert_eq!(order.spid, None);
        assert_eq!(order.customer_order_id, None);
        assert_eq!(order.subscriber.service_address.state_code, "NC");
        assert_eq!(order.subscriber.service_address.address_line2, None);
    }

    #[test]
    fn validate_reports_everything_at_once() {
        let mut draft = base();
        draft.pon = None;
        draft.authorizing_person = None;
        draft.subscriber.address.zip = some("2760");
        draft.tns.push("123".into());
        let report = run(&draft);
        assert_eq!(
            codes(&report),
            vec![Some(7120), Some(17023), Some(7214), Some(17002)]
        );
    }

    #[test]
    fn validate_pon_rules() {
        let mut draft = base();
        draft.pon = None;
        only_error(&draft, 7120, "pon");
        draft.pon = some("   ");
        only_error(&draft, 7120, "pon");
        draft.pon = some("ABC 123");
        let f = only_error(&draft, 17004, "pon");
        assert!(f.message.contains("` `"), "{}", f.message);
        draft.pon = some(&"A".repeat(26));
        only_error(&draft, 17004, "pon");
    }

    #[test]
    fn validate_customer_order_id_rules() {
        let mut draft = base();
        draft.customer_order_id = some(&"a".repeat(40));
        assert!(run(&draft).findings.is_empty());
        draft.customer_order_id = some(&"a".repeat(41));
        only_error(&draft, 7318, "customer_order_id");
        draft.customer_order_id = some("acme_42");
        only_error(&draft, 7318, "customer_order_id");
    }

    #[test]
    fn validate_spid_rules() {
        let mut draft = base();
        draft.spid = None;
        assert!(run(&draft).findings.is_empty());
        draft.spid = some("ab1c");
        assert_eq!(run(&draft).order.unwrap().spid.as_deref(), Some("AB1C"));
        for bad in ["123", "12345", "12-4"] {
            draft.spid = some(bad);
            only_error(&draft, 17021, "spid");
        }
    }

    #[test]
    fn validate_btn_rules() {
        let mut draft = base();
        draft.btn = None;
        assert!(run(&draft).findings.is_empty());
        draft.btn = some("91972061");
        only_error(&draft, 7203, "btn");
        draft.btn = some("800-720-6100");
        let f = only_error(&draft, 7203, "btn");
        assert!(f.message.contains("toll-free"));
    }

    #[test]
    fn validate_authorizing_person_rules() {
        let mut draft = base();
        draft.authorizing_person = None;
        only_error(&draft, 17023, "authorizing_person");
        draft.authorizing_person = some(&"x".repeat(100));
        assert!(run(&draft).findings.is_empty());
        draft.authorizing_person = some(&"x".repeat(101));
        only_error(&draft, 17024, "authorizing_person");
    }

    #[test]
    fn validate_subscriber_type_rules() {
        let mut draft = base();
        draft.subscriber.subscriber_type = some("corporate");
        let report = run(&draft);
        assert_eq!(codes(&report), vec![None]);
        assert_eq!(report.findings[0].field, "subscriber.type");
        assert!(!report.ok());

        // Absent means RESIDENTIAL, which needs a last name.
        draft.subscriber.subscriber_type = None;
        only_error(&draft, 17012, "subscriber.last_name");
        draft.subscriber.last_name = some("Doe");
        let order = run(&draft).order.unwrap();
        assert_eq!(
            order.subscriber.subscriber_type,
            SubscriberType::Residential
        );
    }

    #[test]
    fn validate_business_name_rules() {
        let mut draft = base();
        draft.subscriber.business_name = None;
        only_error(&draft, 17010, "subscriber.business_name");
        draft.subscriber.business_name = some(&"B".repeat(25));
        assert!(run(&draft).findings.is_empty());
        draft.subscriber.business_name = some(&"B".repeat(26));
        only_error(&draft, 7324, "subscriber.business_name");
        draft.subscriber.business_name = some("Acme");
        draft.subscriber.last_name = some("Doe");
        only_error(&draft, 17011, "subscriber.last_name");
    }

    #[test]
    fn validate_person_name_lengths() {
        let mut draft = base();
        draft.subscriber.subscriber_type = some("RESIDENTIAL");
        draft.subscriber.last_name = some("Doe");
        draft.subscriber.first_name = some("Jane");
        draft.subscriber.middle_initial = some("Q");
        assert!(run(&draft).findings.is_empty());
        let mut m = draft.clone();
        m.subscriber.middle_initial = some("QR");
        only_error(&m, 7354, "subscriber.middle_initial");
        let mut f = draft.clone();
        f.subscriber.first_name = some(&"é".repeat(26));
        only_error(&f, 7355, "subscriber.first_name");
        f.subscriber.first_name = some(&"é".repeat(25));
        assert!(run(&f).findings.is_empty(), "limits count characters");
        let mut l = draft.clone();
        l.subscriber.last_name = some(&"L".repeat(26));
        only_error(&l, 7356, "subscriber.last_name");
    }

    #[test]
    fn validate_account_number_and_pin_rules_never_echo_secrets() {
        let mut draft = base();
        draft.subscriber.account_number = some(&"1".repeat(32));
        draft.subscriber.pin = some(&"9".repeat(10));
        assert!(run(&draft).findings.is_empty());
        draft.subscriber.account_number = some("ACCT-SECRET");
        let f = only_error(&draft, 17006, "subscriber.account_number");
        assert!(!f.message.contains("SECRET"));
        draft.subscriber.account_number = some(&"1".repeat(33));
        only_error(&draft, 17006, "subscriber.account_number");
        draft.subscriber.account_number = None;
        draft.subscriber.pin = some("12 34XYZW");
        let f = only_error(&draft, 17007, "subscriber.pin");
        assert!(!f.message.contains("34XYZW"));
        draft.subscriber.pin = some(&"9".repeat(11));
        only_error(&draft, 17007, "subscriber.pin");
    }

    #[test]
    fn validate_address_missing_entirely_is_one_finding() {
        let mut draft = base();
        draft.subscriber.address = AddressDraft::default();
        only_error(&draft, 7107, "subscriber.address");
        draft.subscriber.address.city = some("  ");
        only_error(&draft, 7107, "subscriber.address");
    }

    #[test]
    fn validate_address_required_fields() {
        let cases: [(ClearField, u32, &str); 5] = [
            (
                |a| a.house_number = None,
                7108,
                "subscriber.address.house_number",
            ),
            (|a| a.street = None, 7109, "subscriber.address.street"),
            (|a| a.city = None, 7110, "subscriber.address.city"),
            (|a| a.state = None, 7111, "subscriber.address.state"),
            (|a| a.zip = None, 7112, "subscriber.address.zip"),
        ];
        for (mutate, code, field) in cases {
            let mut draft = base();
            mutate(&mut draft.subscriber.address);
            only_error(&draft, code, field);
        }
    }

    #[test]
    fn validate_address_field_lengths() {
        let cases: [(SetField, &str, usize); 10] = [
            (|a, v| a.house_number = Some(v), "house_number", 45),
            (|a, v| a.street = Some(v), "street", 200),
            (|a, v| a.city = Some(v), "city", 100),
            (|a, v| a.address_line2 = Some(v), "address_line2", 200),
            (|a, v| a.house_prefix = Some(v), "house_prefix", 6),
            (|a, v| a.house_suffix = Some(v), "house_suffix", 45),
            (|a, v| a.pre_directional = Some(v), "pre_directional", 2),
            (|a, v| a.street_suffix = Some(v), "street_suffix", 45),
            (|a, v| a.post_directional = Some(v), "post_directional", 2),
            (|a, v| a.county = Some(v), "county", 45),
        ];
        for (set, name, max) in cases {
            let mut ok = base();
            set(&mut ok.subscriber.address, "N".repeat(max));
            assert!(run(&ok).findings.is_empty(), "{name} at {max}");
            let mut long = base();
            set(&mut long.subscriber.address, "N".repeat(max + 1));
            only_error(&long, 17026, &format!("subscriber.address.{name}"));
        }
    }

    /// Found by `fuzz/fuzz_targets/validate_order.rs` (crash-29a9565f…): a pre-directional of
    /// two U+0000 characters passed validation, and the order then failed to encode as XML.
    #[test]
    fn validate_refuses_control_characters_xml_cannot_send() {
        let mut crashing = base();
        crashing.subscriber.address.pre_directional = some("\0\0");
        let report = run(&crashing);
        assert!(report.order.is_none());
        let f = &report.findings[..];
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            (f[0].severity, f[0].field.as_str()),
            (Severity::Error, "subscriber.address.pre_directional")
        );
        assert!(f[0].message.contains("U+0000"), "{}", f[0].message);

        let cases: [(SetDraftField, &str); 5] = [
            (|d, v| d.authorizing_person = Some(v), "authorizing_person"),
            (
                |d, v| d.subscriber.business_name = Some(v),
                "subscriber.business_name",
            ),
            (
                |d, v| d.subscriber.address.street = Some(v),
                "subscriber.address.street",
            ),
            (
                |d, v| d.subscriber.address.city = Some(v),
                "subscriber.address.city",
            ),
            (
                |d, v| d.subscriber.address.county = Some(v),
                "subscriber.address.county",
            ),
        ];
        for (set, field) in cases {
            for bad in ["A\u{1b}[31mB", "A\u{7}", "A\u{FFFF}", "A\tB"] {
                let mut draft = base();
                set(&mut draft, bad.to_string());
                let report = run(&draft);
                let fields: Vec<&str> = report.errors().map(|f| f.field.as_str()).collect();
                assert_eq!(fields, [field], "{bad:?}");
            }
        }
        // What passes can be sent.
        let mut accented = base();
        accented.subscriber.address.city = some("Señora Café \u{2028}ok");
        let order = run(&accented).order.unwrap();
        assert!(crate::wire::to_xml(&crate::wire::LsrOrder::from(&order)).is_ok());
    }

    #[test]
    fn validate_state_and_zip_rules() {
        let mut draft = base();
        for good in ["PR", "dc", "GU"] {
            draft.subscriber.address.state = some(good);
            assert!(run(&draft).findings.is_empty(), "{good}");
        }
        for bad in ["XX", "N", "North Carolina"] {
            draft.subscriber.address.state = some(bad);
            only_error(&draft, 7395, "subscriber.address.state");
        }
        draft.subscriber.address.state = some("NC");
        draft.subscriber.address.zip = some("27601-1234");
        assert!(run(&draft).findings.is_empty());
        for bad in ["2760", "276011234", "27601-123", "2760a", "27601 1234"] {
            draft.subscriber.address.zip = some(bad);
            only_error(&draft, 7214, "subscriber.address.zip");
        }
    }

    #[test]
    fn validate_requested_date_formats() {
        let cal = BusinessCalendar::us_npac();
        let parse = |t: &str| parse_requested_date(t, today(), &cal);
        assert_eq!(parse("2026-12-07"), Ok(d("2026-12-07")));
        assert_eq!(parse("12/07/2026"), Ok(d("2026-12-07")));
        assert_eq!(parse("+5bd"), Ok(d("2026-12-07")));
        assert_eq!(parse(" +1BD "), Ok(d("2026-12-01")));
        assert_eq!(parse("+0bd"), Ok(today()));
        assert!(matches!(parse("next week"), Err(DateError::Format(_))));
        assert!(matches!(parse("+bd"), Err(DateError::Format(_))));
        assert!(matches!(parse("+-1bd"), Err(DateError::Format(_))));
        assert!(matches!(parse("2026-13-01"), Err(DateError::Format(_))));
        assert!(matches!(parse("+1001bd"), Err(DateError::OutOfRange(_))));
        assert!(matches!(
            parse("+4294967295bd"),
            Err(DateError::OutOfRange(_))
        ));
        assert!(matches!(parse("1066-10-14"), Err(DateError::OutOfRange(_))));
        assert!(parse("262142-12-31").is_err());
    }

    #[test]
    fn validate_requested_date_rules() {
        let mut draft = base();
        draft.requested_foc_date = None;
        let report = run(&draft);
        assert!(report.findings.is_empty());
        assert_eq!(report.order.unwrap().requested_foc_date, None);

        draft.requested_foc_date = some("tomorrow");
        only_error(&draft, 17013, "requested_foc_date");

        draft.requested_foc_date = some("2026-11-27");
        let f = only_error(&draft, 7208, "requested_foc_date");
        assert!(f.hint.unwrap().contains("2026-12-01"));

        draft.requested_foc_date = some("2026-12-05");
        let f = only_error(&draft, 17019, "requested_foc_date");
        assert!(f.message.contains("Saturday"), "{}", f.message);
        assert!(f.hint.unwrap().contains("2026-12-07 (Monday)"));

        draft.requested_foc_date = some("12/25/2026");
        let f = only_error(&draft, 17019, "requested_foc_date");
        assert!(f.message.contains("Christmas Day"), "{}", f.message);
        assert!(f.hint.unwrap().contains("2026-12-28"));

        draft.requested_foc_date = some("2026-11-30");
        let f = only_warning(&draft, "requested_foc_date");
        assert_eq!(f.code, None);
        assert!(f.hint.unwrap().contains("2026-12-01"));

        draft.requested_foc_date = some("+1bd");
        assert!(run(&draft).findings.is_empty());
    }

    #[test]
    fn validate_tn_list_rules() {
        let mut draft = base();
        draft.tns.clear();
        only_error(&draft, 17003, "tns");

        draft.tns = vec!["9197206100".into(), "919720610".into()];
        let f = only_error(&draft, 17002, "tns[1]");
        assert!(f.message.contains("9 digits"), "{}", f.message);

        draft.tns = vec!["9197206100".into(), "".into()];
        only_error(&draft, 17002, "tns[1]");

        draft.tns = vec!["9197206100".into(), "888-720-6100".into()];
        only_error(&draft, 17005, "tns[1]");
    }

    #[test]
    fn validate_duplicates_compare_normalised_numbers() {
        let mut draft = base();
        draft.tns = vec![
            "919-720-6100".into(),
            "9197206101".into(),
            "+1 919 720 6100".into(),
            "9197206100".into(),
        ];
        let f = only_error(&draft, 17009, "tns[2]");
        assert!(f.message.contains("919-720-6100"), "{}", f.message);
        assert!(f.message.contains("3 times"), "{}", f.message);
        assert!(
            f.message.contains("tns[0], tns[2], tns[3]"),
            "{}",
            f.message
        );
    }

    #[test]
    fn validate_tn_findings_follow_list_order() {
        let mut draft = base();
        draft.tns = vec!["9197206100".into(), "9197206100".into(), "bad".into()];
        let report = run(&draft);
        let fields: Vec<&str> = report.findings.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, vec!["tns[1]", "tns[2]"]);
        assert_eq!(codes(&report), vec![Some(17009), Some(17002)]);
    }

    #[test]
    fn validate_more_than_999_tns_is_5095() {
        let mut draft = base();
        draft.tns = (0..999).map(|i| format!("919720{:04}", 6000 + i)).collect();
        let report = run(&draft);
        assert!(report.findings.is_empty());
        assert_eq!(report.order.unwrap().tns.len(), 999);
        draft.tns.push("9197211000".into());
        let f = only_error(&draft, 5095, "tns");
        assert!(f.hint.unwrap().contains("Project Port Out"));
    }

    #[test]
    fn validate_warns_on_555_and_non_geographic() {
        let mut draft = base();
        draft.tns = vec!["919-555-0100".into()];
        let f = only_warning(&draft, "tns[0]");
        assert!(f.message.contains("555"));
        draft.tns = vec!["900-720-6100".into()];
        let f = only_warning(&draft, "tns[0]");
        assert!(f.message.contains("non-geographic"));
    }

    #[test]
    fn validate_pending_foc_is_17008_with_the_faq_text() {
        let cal = BusinessCalendar::us_npac();
        let tn = Tn::parse("9197206101").unwrap();
        let other = Tn::parse("9197206999").unwrap();
        let pending = [
            PendingFoc {
                tn,
                pon: "ABC123".into(),
                foc_date: d("2030-01-13"),
                order_id: None,
            },
            PendingFoc {
                tn: other,
                pon: "XYZ".into(),
                foc_date: d("2030-01-13"),
                order_id: None,
            },
        ];
        let ctx = ValidationContext {
            pending_focs: &pending,
            ..ValidationContext::offline(today(), &cal)
        };
        let report = validate_order(&base(), &ctx);
        assert_eq!(report.findings.len(), 1, "{:#?}", report.findings);
        let f = &report.findings[0];
        assert_eq!((f.code, f.field.as_str()), (Some(17008), "tns[1]"));
        assert_eq!(
            f.message,
            "TNs found with a pending FOC Date: TN: [9197206101], PON: [ABC123], FOC Date: [01/13/2030]"
        );
        assert!(f.hint.as_ref().unwrap().contains("supp"));
        assert!(report.order.is_none());
    }

    #[test]
    fn validate_learned_rules_warn_7517_and_7521() {
        let cal = BusinessCalendar::us_npac();
        let tn = Tn::parse("9197206100").unwrap();
        let set: HashSet<Tn> = [tn].into_iter().collect();
        let ctx = ValidationContext {
            one_tn_required: &set,
            manual_handling: &set,
            ..ValidationContext::offline(today(), &cal)
        };
        let report = validate_order(&base(), &ctx);
        assert_eq!(codes(&report), vec![Some(7517), Some(7521)]);
        assert!(report.ok());
        assert!(
            report.findings[0]
                .hint
                .as_ref()
                .unwrap()
                .contains("--split per-tn")
        );
        assert!(
            report.findings[1]
                .hint
                .as_ref()
                .unwrap()
                .contains("lsr email manual-handling")
        );

        // One TN alone satisfies the reseller: no 7517.
        let mut single = base();
        single.tns.truncate(1);
        let report = validate_order(&single, &ctx);
        assert_eq!(codes(&report), vec![Some(7521)]);
    }
}
