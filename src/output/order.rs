//! Orders as lsr shows them: [`OrderView`] (the stable JSON shape, the FOC window of R1 and the
//! FAQ's next steps), the `status` block for people, rows for tables and TSV.

use chrono::NaiveDate;
use serde::Serialize;

use super::Rows;
use crate::model::Order;
use crate::validate::advice::{PonOwner, next_steps_with, r1_window_standing};
use crate::validate::{BusinessCalendar, codes};

/// One order, ready to print. Field names are the stable JSON keys (schemas/order.schema.json).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct OrderView {
    pub order_id: String,
    pub pon: String,
    /// lsr's number for the order, the N of `PON@N` (R8): the N-th order placed with the PON.
    pub pon_version: Option<u32>,
    /// The number the server sends (`PonVersion`), which need not count from 1.
    pub server_pon_version: Option<u32>,
    pub customer_order_id: Option<String>,
    /// The backend's status word (`FOC`), kept as sent even when it is not one we know.
    pub status: String,
    /// The day the order was placed, when known.
    pub submitted: Option<NaiveDate>,
    pub requested_foc_date: Option<NaiveDate>,
    pub actual_foc_date: Option<NaiveDate>,
    pub foc_window_last_day: Option<NaiveDate>,
    pub business_days_left: Option<u32>,
    /// The order's TNs (ten digits each). A search fetches the orders the history does not
    /// know, so that the list is complete; `tn_count` says how many there are.
    pub tns: Vec<String>,
    /// How many TNs the order has: the backend's count when it sent one, else the length of
    /// `tns`.
    pub tn_count: u32,
    pub errors: Vec<ErrorView>,
    /// What to do next, in the FAQ's words.
    pub next_steps: Vec<String>,
}

/// An error on the order, with the catalog's plain-words title when the code is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ErrorView {
    pub code: u32,
    pub description: String,
    pub explanation: Option<String>,
}

impl OrderView {
    /// The order as of `today`: its FOC window (R1) and the FAQ's next steps.
    pub fn new(order: &Order, calendar: &BusinessCalendar, today: NaiveDate) -> OrderView {
        OrderView::knowing(order, calendar, today, &|_| PonOwner::Unknown)
    }

    /// [`OrderView::new`], knowing whose PONs a pending-FOC 17008 names.
    pub fn knowing(
        order: &Order,
        calendar: &BusinessCalendar,
        today: NaiveDate,
        owner: &dyn Fn(&str) -> PonOwner,
    ) -> OrderView {
        let window = r1_window_standing(order, calendar, today);
        OrderView {
            order_id: order.order_id.clone(),
            pon: order.pon.clone(),
            pon_version: order.pon_version,
            server_pon_version: order.server_pon_version,
            customer_order_id: order.customer_order_id.clone(),
            status: order.status_text.clone(),
            submitted: order.created_at.map(|t| t.date_naive()),
            requested_foc_date: order.requested_foc_date,
            actual_foc_date: order.actual_foc_date,
            foc_window_last_day: window.map(|w| w.last_day),
            business_days_left: window.and_then(|w| w.business_days_left),
            tns: order.tn_digits(),
            tn_count: u32::try_from(match order.tns.len() {
                0 => order.tn_count.unwrap_or(0),
                n => n,
            })
            .unwrap_or(u32::MAX),
            errors: order
                .errors
                .iter()
                .map(|e| ErrorView {
                    code: e.code,
                    description: e.description.clone(),
                    explanation: codes::meaning_of(e.code, &e.description)
                        .map(|m| m.title.to_string()),
                })
                .collect(),
            next_steps: next_steps_with(order, window, today, owner),
        }
    }
}

/// ANSI styles, used only when colour is on.
struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }
    fn status(&self, status: &str) -> String {
        let code = match status {
            "COMPLETE" => "1;32",
            "FOC" => "32",
            "PENDING" => "33",
            "EXCEPTION" => "1;33",
            "FAILED" | "CANCELLED" | "PARTIAL" => "1;31",
            _ => "1",
        };
        self.paint(code, status)
    }
}

/// The order's name as people use it: `PON@version`.
pub fn order_name(view: &OrderView) -> String {
    match view.pon_version {
        Some(v) => format!("{}@{v}", view.pon),
        None => view.pon.clone(),
    }
}

/// The human `status` block: identity, dates and window, errors explained, next steps.
pub fn render_status_block(
    view: &OrderView,
    color: bool,
    sandbox: bool,
    width: Option<u16>,
) -> String {
    let width = usize::from(width.unwrap_or(100)).max(40);
    let style = Style { on: color };
    let mut out = String::new();
    let marker = if sandbox { "[sandbox] " } else { "" };
    // Server text is shown as it is made printable everywhere: no control or bidi characters.
    let clean = super::printable;
    out.push_str(&format!(
        "{marker}{}  {}\n",
        style.bold(&clean(&order_name(view))),
        style.status(&clean(&view.status))
    ));
    let mut field = |label: &str, value: String| {
        out.push_str(&format!("  {:<20}{value}\n", format!("{label}:")));
    };
    field("order id", clean(&view.order_id));
    if let Some(c) = &view.customer_order_id {
        field("customer order id", clean(c));
    }
    let tn_list = match view.tns.len() {
        0 => "-".to_string(),
        n if n <= 5 => view.tns.join(", "),
        n => format!("{n} ({}, … {})", view.tns[..3].join(", "), view.tns[n - 1]),
    };
    field("TNs", tn_list);
    field(
        "requested FOC date",
        view.requested_foc_date
            .map_or("-".to_string(), |d| d.format("%a %Y-%m-%d").to_string()),
    );
    if let Some(foc) = view.actual_foc_date {
        let mut text = foc.format("%a %Y-%m-%d").to_string();
        if let Some(last) = view.foc_window_last_day {
            text.push_str(&format!("  (window ends {}", last.format("%a %Y-%m-%d")));
            if let Some(left) = view.business_days_left {
                text.push_str(&format!(
                    ", {left} business day{} left",
                    if left == 1 { "" } else { "s" }
                ));
            }
            text.push(')');
        }
        field("FOC date", text);
    }
    if !view.errors.is_empty() {
        out.push_str(&format!("{}\n", style.bold("Errors")));
        for e in &view.errors {
            out.push_str(&format!("  {}  {}\n", e.code, clean(&e.description)));
            if let Some(x) = &e.explanation {
                out.push_str(&format!("         {x} (`lsr explain {}`)\n", e.code));
            }
        }
    }
    if !view.next_steps.is_empty() {
        out.push_str(&format!("{}\n", style.bold("Next steps")));
        for step in &view.next_steps {
            out.push_str(&super::wrap(&clean(step), width, "  - ", 4));
        }
    }
    out
}

/// The TSV columns of an order (`status`, `search`, `supp`, `cancel`, `submit` …): the JSON
/// keys of the same values. Columns are only ever added at the end.
pub const ORDER_COLUMNS: [&str; 11] = [
    "order_id",
    "pon",
    "pon_version",
    "status",
    "requested_foc_date",
    "actual_foc_date",
    "foc_window_last_day",
    "business_days_left",
    "tn_count",
    "error_codes",
    "customer_order_id",
];

/// One row per order for tables and TSV (TSV adds the customer order id).
pub fn order_rows(views: &[OrderView]) -> Rows {
    let mut rows = Rows::new([
        "ORDER ID",
        "PON",
        "VER",
        "STATUS",
        "REQUESTED",
        "FOC",
        "LAST DAY",
        "DAYS LEFT",
        "TNS",
        "ERRORS",
    ])
    .tsv_only_column("customer_order_id")
    .keys(ORDER_COLUMNS);
    let date = |d: Option<chrono::NaiveDate>| d.map_or(String::new(), |d| d.to_string());
    for v in views {
        rows.push([
            v.order_id.clone(),
            v.pon.clone(),
            v.pon_version.map_or(String::new(), |n| n.to_string()),
            v.status.clone(),
            date(v.requested_foc_date),
            date(v.actual_foc_date),
            date(v.foc_window_last_day),
            v.business_days_left
                .map_or(String::new(), |n| n.to_string()),
            v.tn_count.to_string(),
            v.errors
                .iter()
                .map(|e| e.code.to_string())
                .collect::<Vec<_>>()
                .join(","),
            v.customer_order_id.clone().unwrap_or_default(),
        ]);
    }
    rows
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(t: &str) -> NaiveDate {
        NaiveDate::parse_from_str(t, "%Y-%m-%d").unwrap()
    }

    fn facts(status: &str) -> Order {
        Order {
            order_id: "id-1".into(),
            pon: "ACME".into(),
            pon_version: Some(2),
            status: status.parse().ok(),
            status_text: status.into(),
            ..Order::default()
        }
    }

    fn order_view(order: &Order, calendar: &BusinessCalendar, today: NaiveDate) -> OrderView {
        OrderView::new(order, calendar, today)
    }

    #[test]
    fn status_foc_gives_window_and_r2_steps() {
        let mut f = facts("FOC");
        f.actual_foc_date = Some(d("2026-12-21"));
        let v = order_view(&f, &BusinessCalendar::us_npac(), d("2026-12-25"));
        assert_eq!(v.foc_window_last_day, Some(d("2027-01-05")));
        assert_eq!(v.business_days_left, Some(6));
        let all = v.next_steps.join("\n");
        assert!(all.contains("auto-concurs 6 hours"), "{all}");
        assert!(all.contains("lsr supp ACME@2 --foc"), "{all}");
        assert!(
            all.contains("activate by 2027-01-05 (6 business days left)"),
            "{all}"
        );
    }

    #[test]
    fn status_terminal_orders_point_to_resubmit() {
        let mut f = facts("CANCELLED");
        f.errors.push(crate::model::BandwidthError::new(
            7517,
            "Too many Telephone numbers in this request",
        ));
        let v = order_view(&f, &BusinessCalendar::us_npac(), d("2026-12-01"));
        assert!(
            v.next_steps[0].contains("--split per-tn"),
            "{:?}",
            v.next_steps
        );
        let v = order_view(
            &facts("FAILED"),
            &BusinessCalendar::us_npac(),
            d("2026-12-01"),
        );
        assert!(v.next_steps[0].contains("FAILED is final"));
        assert_eq!(v.business_days_left, None);
    }

    #[test]
    fn status_manual_handling_says_email_now() {
        let mut f = facts("PENDING");
        f.errors
            .push(crate::model::BandwidthError::new(7521, "manual"));
        let v = order_view(&f, &BusinessCalendar::us_npac(), d("2026-12-01"));
        assert!(v.next_steps[0].contains("lsr email manual-handling ACME@2"));
        assert_eq!(v.errors[0].code, 7521);
    }
}
