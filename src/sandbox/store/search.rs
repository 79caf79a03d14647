//! The order list (`GET …/lsrorders`): every filter answered from an index.
//!
//! Left to itself, SQLite's planner reads an account's orders through `orders_account_created`
//! to spare the `ORDER BY created_at` sort, which walks the whole account for a PON or a TN:
//! every lookup cost grew with the store. So the list names the index that finds its
//! candidates (`INDEXED BY`), chosen from the filters given, most selective first (see
//! [`Driver`]), and applies the other filters to those candidates. The indexes themselves are
//! created by `Store::migrate_indexes` (`mod.rs`).

use chrono::NaiveDate;
use rusqlite::types::Value;

use super::super::clock::{Millis, start_of};
use super::super::engine;
use super::super::order::StoredOrder;
use super::orders::{LIST_CAP, ORDER_COLUMNS, order_from_row};
use super::{Store, StoreError};
use crate::wire::SearchQuery;

/// The index that finds the candidates of a list query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Driver {
    /// `order_tns_tn`, then the orders by id.
    Tn,
    /// `orders_pon_account`.
    Pon,
    /// `orders_account_customer`.
    CustomerOrderId,
    /// A range of the order id index (the fragment's literal prefix).
    IdPrefix,
    /// `orders_account_status_created`: the statuses, with a creation range when there is one.
    Status,
    /// `orders_account_created`: a creation range (or the two-year floor of a plain list).
    Created,
    /// `orders_account_modified`.
    Modified,
}

impl Driver {
    /// The most selective index the filter can use. Naming filters (TN, PON, customer order
    /// id, id prefix) find a handful of orders; of the rest, statuses with a creation range use
    /// one index for both, and a modification range is narrower than a status in a store used
    /// for a while (most of its orders sit in a few final statuses).
    fn of(filter: &SearchQuery, id_range: Option<&(String, String)>) -> Driver {
        let created = filter.created_from.is_some() || filter.created_to.is_some();
        let modified = filter.modified_from.is_some() || filter.modified_to.is_some();
        if filter.tn.is_some() {
            Driver::Tn
        } else if filter.pon.is_some() {
            Driver::Pon
        } else if filter.customer_order_id.is_some() {
            Driver::CustomerOrderId
        } else if id_range.is_some() {
            Driver::IdPrefix
        } else if !filter.statuses.is_empty() && (created || !modified) {
            Driver::Status
        } else if modified && !created {
            Driver::Modified
        } else {
            Driver::Created
        }
    }

    fn index(self) -> &'static str {
        match self {
            // The primary key's index (SQLite names it; `id TEXT PRIMARY KEY` makes it).
            Driver::Tn | Driver::IdPrefix => "sqlite_autoindex_orders_1",
            Driver::Pon => "orders_pon_account",
            Driver::CustomerOrderId => "orders_account_customer",
            Driver::Status => "orders_account_status_created",
            Driver::Created => "orders_account_created",
            Driver::Modified => "orders_account_modified",
        }
    }
}

/// The id range holding every id an `orderIdFragment` can match: its literal prefix (up to a
/// `LIKE` wildcard) in lower case, and that prefix's successor. Order ids are lower-case UUIDs
/// (`create_order`) and `LIKE` ignores ASCII case, so the range loses no match; the `LIKE`
/// itself still decides. A prefix with a character no id has gives an empty range. `None` when
/// there is no literal prefix (an empty fragment, or one that starts with a wildcard): such a
/// pattern can match anywhere in an id, and only reading the account's orders answers it.
fn id_prefix_range(fragment: &str) -> Option<(String, String)> {
    let prefix: String = fragment
        .chars()
        .take_while(|c| *c != '%' && *c != '_')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if prefix.is_empty() {
        return None;
    }
    if !prefix.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-') {
        return Some((prefix.clone(), prefix));
    }
    let mut upper = prefix.clone().into_bytes();
    // The last byte is `-`, a digit or a-f: one more is still ASCII.
    if let Some(last) = upper.last_mut() {
        *last += 1;
    }
    Some((prefix, String::from_utf8(upper).ok()?))
}

/// A list query's `WHERE` clause and its arguments.
struct Conditions {
    clauses: Vec<String>,
    args: Vec<Value>,
}

impl Conditions {
    fn add(&mut self, clause: impl Into<String>, value: impl Into<Value>) {
        self.clauses.push(clause.into());
        self.args.push(value.into());
    }
}

/// The `FROM … WHERE …` of a list query (its driving index named) and its arguments.
pub(super) fn list_query(
    account_id: &str,
    filter: &SearchQuery,
    now: Millis,
) -> (String, Vec<Value>) {
    let id_range = filter
        .order_id_fragment
        .as_deref()
        .and_then(id_prefix_range);
    let driver = Driver::of(filter, id_range.as_ref());
    let mut w = Conditions {
        clauses: vec!["account_id = ?".to_string()],
        args: vec![account_id.to_string().into()],
    };
    if let Some(tn) = filter.tn {
        w.add(
            "id IN (SELECT order_id FROM order_tns WHERE tn = ?)",
            tn.digits(),
        );
    }
    if let Some(pon) = &filter.pon {
        w.add("pon = ?", pon.clone());
    }
    if let Some(customer) = &filter.customer_order_id {
        w.add("customer_order_id = ?", customer.clone());
    }
    if let Some(fragment) = &filter.order_id_fragment {
        w.add("id LIKE ? || '%'", fragment.clone());
        if let Some((low, high)) = id_range {
            w.add("id >= ?", low);
            w.add("id < ?", high);
        }
    }
    if !filter.statuses.is_empty() {
        let marks = vec!["?"; filter.statuses.len()].join(", ");
        w.clauses.push(format!("status IN ({marks})"));
        w.args.extend(
            filter
                .statuses
                .iter()
                .map(|s| Value::from(s.as_str().to_string())),
        );
    }
    let mut range = |column: &str, from: Option<NaiveDate>, to: Option<NaiveDate>| {
        if let Some(from) = from {
            w.add(format!("{column} >= ?"), start_of(from));
        }
        if let Some(to) = to.and_then(|d| d.succ_opt()) {
            w.add(format!("{column} < ?"), start_of(to));
        }
    };
    range("created_at", filter.created_from, filter.created_to);
    range("modified_at", filter.modified_from, filter.modified_to);
    if let Some(floor) = engine::list_created_floor(filter, now) {
        w.add("created_at >= ?", floor);
    }
    let from = format!(
        "FROM orders INDEXED BY {} WHERE {}",
        driver.index(),
        w.clauses.join(" AND ")
    );
    (from, w.args)
}

/// The count and the page of a list query.
pub(super) fn list_statements(from: &str) -> [String; 2] {
    [
        format!("SELECT COUNT(*) {from}"),
        format!("SELECT {ORDER_COLUMNS} {from} ORDER BY created_at, rowid LIMIT {LIST_CAP}"),
    ]
}

impl Store {
    /// The orders of an account matching `filter` (at most [`LIST_CAP`], oldest first) and how
    /// many matched.
    pub fn list_orders(
        &mut self,
        account_id: &str,
        filter: &SearchQuery,
    ) -> Result<(Vec<StoredOrder>, usize), StoreError> {
        let now = self.now()?;
        let (from, args) = list_query(account_id, filter, now);
        let [count, page] = list_statements(&from);
        let total: usize = self
            .conn
            .prepare_cached(&count)?
            .query_row(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?;
        let mut stmt = self.conn.prepare_cached(&page)?;
        let raws: Vec<_> = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), order_from_row)?
            .collect::<Result<_, _>>()?;
        drop(stmt);
        let orders = raws
            .into_iter()
            .map(|raw| self.complete_order(raw))
            .collect::<Result<_, _>>()?;
        Ok((orders, total))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::Tn;

    #[test]
    fn id_fragments_narrow_to_their_literal_prefix_in_lower_case() {
        assert_eq!(
            id_prefix_range("AB1"),
            Some(("ab1".to_string(), "ab2".to_string()))
        );
        assert_eq!(
            id_prefix_range("5f-"),
            Some(("5f-".to_string(), "5f.".to_string()))
        );
        assert_eq!(
            id_prefix_range("ab_d"),
            Some(("ab".to_string(), "ac".to_string()))
        );
        assert_eq!(id_prefix_range("%ab"), None);
        assert_eq!(id_prefix_range(""), None);
        // No id starts with x: nothing to read.
        assert_eq!(
            id_prefix_range("xY"),
            Some(("xy".to_string(), "xy".to_string()))
        );
    }

    #[test]
    fn the_driver_is_the_most_selective_filter_given() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 30);
        let status = vec![crate::model::OrderStatus::Foc];
        let range = ("a".to_string(), "b".to_string());
        let of = |f: SearchQuery| Driver::of(&f, None);
        assert_eq!(
            of(SearchQuery {
                tn: Some(Tn::parse("9195550100").unwrap()),
                pon: Some("P".into()),
                ..SearchQuery::default()
            }),
            Driver::Tn
        );
        assert_eq!(
            Driver::of(&SearchQuery::default(), Some(&range)),
            Driver::IdPrefix
        );
        assert_eq!(of(SearchQuery::default()), Driver::Created);
        assert_eq!(
            of(SearchQuery {
                statuses: status.clone(),
                ..SearchQuery::default()
            }),
            Driver::Status
        );
        assert_eq!(
            of(SearchQuery {
                statuses: status.clone(),
                modified_from: day,
                ..SearchQuery::default()
            }),
            Driver::Modified
        );
        assert_eq!(
            of(SearchQuery {
                statuses: status,
                modified_from: day,
                created_to: day,
                ..SearchQuery::default()
            }),
            Driver::Status
        );
    }
}
