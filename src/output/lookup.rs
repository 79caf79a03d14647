//! Rendering what the lookup commands print: search results, an order's history, its notes and
//! email drafts.

use serde::Serialize;

use super::Rows;
use super::order::OrderView;
use super::order::order_rows;

/// Search results as rows: the orders' (the TN column is each order's `tn_count`).
pub fn search_rows(views: &[OrderView]) -> Rows {
    order_rows(views)
}

/// One event of an order's history, as `lsr history` prints it (JSON keys are stable).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct HistoryEntryView {
    /// RFC 3339 when the backend's timestamp reads as one, else as sent.
    pub at: Option<String>,
    pub status: Option<String>,
    pub note: Option<String>,
    pub author: Option<String>,
    pub difference: Option<String>,
}

/// History events as rows: time, status, note, author, difference.
pub fn history_rows(entries: &[HistoryEntryView]) -> Rows {
    let mut rows = Rows::new(["TIME", "STATUS", "NOTE", "AUTHOR", "DIFFERENCE"]).keys([
        "at",
        "status",
        "note",
        "author",
        "difference",
    ]);
    let cell = |v: &Option<String>| v.clone().unwrap_or_default();
    for e in entries {
        rows.push([
            cell(&e.at),
            cell(&e.status),
            cell(&e.note),
            cell(&e.author),
            cell(&e.difference),
        ]);
    }
    rows
}

/// One note on an order, as `lsr notes` prints it (JSON keys are stable).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct NoteView {
    pub id: Option<String>,
    pub user_id: Option<String>,
    pub modified_at: Option<String>,
    pub text: String,
}

/// Notes as rows: id, time, user, text.
pub fn note_rows(notes: &[NoteView]) -> Rows {
    let mut rows =
        Rows::new(["ID", "TIME", "USER", "TEXT"]).keys(["id", "modified_at", "user_id", "text"]);
    let cell = |v: &Option<String>| v.clone().unwrap_or_default();
    for n in notes {
        rows.push([
            cell(&n.id),
            cell(&n.modified_at),
            cell(&n.user_id),
            n.text.clone(),
        ]);
    }
    rows
}

/// A ready-to-send email (JSON keys `to`, `subject`, `body` are stable).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct EmailDraft {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// The draft as a person pastes it into a mail client: headers, a blank line, the body.
pub fn render_email(draft: &EmailDraft) -> String {
    let mut text = format!(
        "To: {}\nSubject: {}\n\n{}",
        draft.to, draft.subject, draft.body
    );
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::{Order, OrderStatus, Tn};
    use crate::validate::BusinessCalendar;

    fn view(tns: &[&str]) -> OrderView {
        let order = Order {
            order_id: "id-1".into(),
            pon: "ACME".into(),
            pon_version: Some(1),
            status: Some(OrderStatus::Pending),
            status_text: "PENDING".into(),
            tns: tns.iter().map(|t| Tn::parse(t).unwrap()).collect(),
            ..Order::default()
        };
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        OrderView::new(&order, &BusinessCalendar::us_npac(), today)
    }

    #[test]
    fn search_rows_count_tns_and_end_with_the_customer_order_id_in_tsv() {
        let rows = search_rows(&[view(&[]), view(&["9195550100"])]);
        let tns = rows.keys.iter().position(|k| k == "tn_count").unwrap();
        assert_eq!(rows.headers[tns], "TNS");
        assert_eq!(rows.rows[1][tns], "1");
        assert_eq!(rows.keys.last().unwrap(), "customer_order_id");
        let table = crate::output::render_rows(&rows, crate::output::OutputMode::Table, None);
        assert!(!table.contains("customer_order_id"), "{table}");
    }

    #[test]
    fn email_renders_headers_then_body() {
        let text = render_email(&EmailDraft {
            to: "portouts@bandwidth.com".into(),
            subject: "Project Port Out".into(),
            body: "Hello".into(),
        });
        assert_eq!(
            text,
            "To: portouts@bandwidth.com\nSubject: Project Port Out\n\nHello\n"
        );
    }
}
