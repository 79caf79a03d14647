//! Rendering orders: the `status` block for people, rows for tables and TSV.

use super::Rows;
use crate::commands::order_view::OrderView;

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
    out.push_str(&format!(
        "{marker}{}  {}\n",
        style.bold(&order_name(view)),
        style.status(&view.status)
    ));
    let mut field = |label: &str, value: String| {
        out.push_str(&format!("  {:<20}{value}\n", format!("{label}:")));
    };
    field("order id", view.order_id.clone());
    if let Some(c) = &view.customer_order_id {
        field("customer order id", c.clone());
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
            out.push_str(&format!("  {}  {}\n", e.code, e.description));
            if let Some(x) = &e.explanation {
                out.push_str(&format!("         {x} (`lsr explain {}`)\n", e.code));
            }
        }
    }
    if !view.next_steps.is_empty() {
        out.push_str(&format!("{}\n", style.bold("Next steps")));
        for step in &view.next_steps {
            out.push_str(&super::wrap(step, width, "  - ", 4));
        }
    }
    out
}

/// One row per order for tables and TSV.
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
    ]);
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
            v.tns.len().to_string(),
            v.errors
                .iter()
                .map(|e| e.code.to_string())
                .collect::<Vec<_>>()
                .join(","),
        ]);
    }
    rows
}
