//! `lsr agenda --ics`: an iCalendar file (RFC 5545) with an all-day event for each FOC date and
//! for the last day of each FOC window (R1), so the desk's calendar warns them the day before.
//!
//! Each event's UID is stable per order and kind (`<order id>-foc@lsr`,
//! `<order id>-window-last-day@lsr`), so importing a newer export updates the events (a supp's
//! new FOC date moves its event) instead of duplicating them.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike};

use crate::model::{Order, OrderStatus};
use crate::validate::BusinessCalendar;
use crate::validate::advice::r1_window_standing;

/// The calendar's product identifier.
pub const PRODID: &str = "-//lsr//agenda//EN";

fn day_event(
    uid: String,
    date: NaiveDate,
    summary: &str,
    description: &str,
    stamp: DateTime<Utc>,
) -> Event {
    Event::new()
        .uid(&uid)
        .timestamp(stamp)
        .summary(summary)
        .description(description)
        .starts(date)
        .ends(date.succ_opt().unwrap_or(date))
        // A reminder the day before (RFC 5545 does not define DTSTAMP inside VALARM).
        .alarm(
            Alarm::display(summary, -Duration::days(1))
                .remove_timestamp()
                .done(),
        )
        .done()
}

/// The events of the open FOC orders among `orders`, stamped `stamp`.
pub fn agenda_calendar(
    orders: &[Order],
    calendar: &BusinessCalendar,
    today: NaiveDate,
    stamp: DateTime<Utc>,
) -> String {
    let mut ics = Calendar::empty();
    ics.append_property(("VERSION", "2.0"))
        .append_property(("PRODID", PRODID))
        .append_property(("CALSCALE", "GREGORIAN"))
        .name("lsr: FOC dates and windows");
    for order in orders.iter().filter(|o| o.status == Some(OrderStatus::Foc)) {
        let Some(foc) = order.actual_foc_date else {
            continue;
        };
        let reference = order.label();
        let tns = order.tn_count.unwrap_or(order.tns.len());
        ics.push(day_event(
            format!("{}-foc@lsr", order.order_id),
            foc,
            &format!("FOC {reference} ({tns} TN{})", if tns == 1 { "" } else { "s" }),
            &format!(
                "Port-out date of {reference}: build the NPAC subscriptions before it, then activate (R2). lsr status {reference}"
            ),
            stamp,
        ));
        if let Some(window) = r1_window_standing(order, calendar, today) {
            ics.push(day_event(
                format!("{}-window-last-day@lsr", order.order_id),
                window.last_day,
                &format!("Last FOC window day {reference}"),
                &format!(
                    "Activate {reference} by the end of this day or the LSR fails (R1). lsr foc-window {reference}"
                ),
                stamp,
            ));
        }
    }
    ics.done().to_string()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use chrono::TimeZone;
    use icalendar::DatePerhapsTime;

    use super::*;

    fn d(t: &str) -> NaiveDate {
        NaiveDate::parse_from_str(t, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn ics_has_all_day_events_with_stable_uids_that_a_strict_parser_reads_back() {
        let order = Order {
            order_id: "id-1".into(),
            pon: "ACME".into(),
            pon_version: Some(2),
            status: Some(OrderStatus::Foc),
            status_text: "FOC".into(),
            actual_foc_date: Some(d("2026-12-14")),
            tn_count: Some(3),
            ..Order::default()
        };
        let stamp = Utc.with_ymd_and_hms(2026, 12, 9, 8, 0, 0).unwrap();
        let text = agenda_calendar(
            &[
                order.clone(),
                Order {
                    status: Some(OrderStatus::Complete),
                    ..order
                },
            ],
            &BusinessCalendar::us_npac(),
            d("2026-12-09"),
            stamp,
        );
        assert!(text.contains("DTSTART;VALUE=DATE:20261214"), "{text}");
        assert!(text.contains("\r\n"), "RFC 5545 lines end with CRLF");
        let parsed: Calendar = text.parse().unwrap();
        let events: Vec<&Event> = parsed.events().collect();
        assert_eq!(events.len(), 2, "the COMPLETE order has none: {text}");
        let found: Vec<(Option<&str>, Option<DatePerhapsTime>)> = events
            .iter()
            .map(|e| (e.get_uid(), e.get_start()))
            .collect();
        assert_eq!(
            found,
            vec![
                (
                    Some("id-1-foc@lsr"),
                    Some(DatePerhapsTime::Date(d("2026-12-14")))
                ),
                (
                    Some("id-1-window-last-day@lsr"),
                    Some(DatePerhapsTime::Date(d("2026-12-28")))
                ),
            ]
        );
        assert_eq!(
            events[0].get_end(),
            Some(DatePerhapsTime::Date(d("2026-12-15")))
        );
        assert_eq!(events[0].get_summary(), Some("FOC ACME@2 (3 TNs)"));
        assert_eq!(parsed.property_value("PRODID"), Some(PRODID));
    }
}
