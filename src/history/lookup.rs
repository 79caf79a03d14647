//! Reading orders back: resolving a user's order reference, local search, status timelines and
//! the next PON version hint.

use chrono::DateTime;
use rusqlite::types::Value;
use rusqlite::{Connection, params};

use super::error::StoreError;
use super::events::EventSource;
use super::open::HistoryStore;
use super::orders::find_backend;
use super::record::{BackendKey, LocalQuery, OrderRecord, OrderRef, StatusEvent};
use super::rows::{
    ORDER_COLUMNS, OrderRow, codes_column, complete_record, date_column, day_start_nanos,
    params_vec, query_order_rows, select_orders, status_column, tn_to_sql,
};
use crate::model::Pon;

impl HistoryStore {
    /// Finds the order a user named: an order id, a PON (its latest version) or `PON@N`.
    /// `Ok(None)` when the history does not know it (ask the backend next).
    pub fn resolve_ref(
        &self,
        backend: &BackendKey,
        reference: &OrderRef,
    ) -> Result<Option<OrderRecord>, StoreError> {
        self.read(|conn| {
            let Some(backend_id) = find_backend(conn, backend)? else {
                return Ok(None);
            };
            let row = match reference {
                OrderRef::IdOrPon(text) => {
                    let by_id = query_order_rows(
                        conn,
                        &select_orders("o.backend_id = ?1 AND o.order_id = ?2", "LIMIT 1"),
                        params_vec([Value::Integer(backend_id), Value::Text(text.clone())]),
                    )?;
                    match (by_id.into_iter().next(), Pon::parse(text)) {
                        (Some(row), _) => Some(row),
                        (None, Ok(pon)) => latest_version(conn, backend_id, &pon, None)?,
                        (None, Err(_)) => None,
                    }
                }
                OrderRef::PonVersion { pon, version } => {
                    latest_version(conn, backend_id, pon, Some(*version))?
                }
            };
            row.map(|row| complete_record(conn, row)).transpose()
        })
    }

    /// The orders matching every filter of `query`, newest first (all versions of a PON).
    pub fn search(
        &self,
        backend: &BackendKey,
        query: &LocalQuery,
    ) -> Result<Vec<OrderRecord>, StoreError> {
        self.read(|conn| {
            let Some(backend_id) = find_backend(conn, backend)? else {
                return Ok(Vec::new());
            };
            let (sql, values) = search_statement(backend_id, query);
            let rows = query_order_rows(conn, &sql, values)?;
            rows.into_iter()
                .map(|row| complete_record(conn, row))
                .collect()
        })
    }

    /// The status events of an order, oldest first (empty when the order is unknown).
    pub fn status_events(
        &self,
        backend: &BackendKey,
        order_id: &str,
    ) -> Result<Vec<StatusEvent>, StoreError> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT e.at, e.status, e.requested_foc_date, e.actual_foc_date, e.error_codes,
                        e.source, e.message
                 FROM status_events e
                 JOIN orders o ON o.id = e.order_row
                 JOIN backends b ON b.id = o.backend_id
                 WHERE b.base_url = ?1 AND b.account_id = ?2 AND o.order_id = ?3
                 ORDER BY e.at, e.id",
            )?;
            let events = statement
                .query_map(
                    params![backend.base_url(), backend.account_id(), order_id],
                    |row| {
                        Ok(StatusEvent {
                            at: DateTime::from_timestamp_nanos(row.get(0)?),
                            status: status_column(row, 1)?,
                            requested_foc_date: date_column(row, 2)?,
                            actual_foc_date: date_column(row, 3)?,
                            error_codes: codes_column(row, 4)?,
                            source: EventSource::from_stored(row.get::<_, Option<String>>(5)?),
                            message: row.get(6)?,
                        })
                    },
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(events)
        })
    }

    /// The number the next order with `pon` will probably get (R8): one more than the orders
    /// of it this history knows, or 1. Only a hint: orders placed elsewhere count too.
    pub fn next_pon_version_hint(
        &self,
        backend: &BackendKey,
        pon: &Pon,
    ) -> Result<u32, StoreError> {
        self.read(|conn| {
            let Some(backend_id) = find_backend(conn, backend)? else {
                return Ok(1);
            };
            let highest: Option<i64> = conn
                .prepare_cached(
                    "SELECT max(pon_count) FROM orders WHERE backend_id = ?1 AND pon = ?2",
                )?
                .query_row(params![backend_id, pon.as_str()], |row| row.get(0))?;
            let highest = u32::try_from(highest.unwrap_or(0)).unwrap_or(u32::MAX);
            Ok(highest.saturating_add(1))
        })
    }
}

/// The SQL and parameters of a local search. Without statistics SQLite's planner likes to walk
/// `orders_by_created_at` just to avoid a sort, which turns a TN or PON lookup into a scan of
/// every order of the backend; so when a selective filter is given, the TN lookup drives the
/// join (CROSS JOIN fixes the loop order) and unary `+` keeps `created_at` from being used as
/// an index.
pub(crate) fn search_statement(backend_id: i64, query: &LocalQuery) -> (String, Vec<Value>) {
    let selective = query.tn.is_some() || query.pon.is_some() || query.customer_order_id.is_some();
    let created = if selective {
        "+o.created_at"
    } else {
        "o.created_at"
    };
    let mut from = "orders o".to_string();
    let mut clauses = Vec::new();
    let mut values = Vec::new();
    if let Some(tn) = query.tn {
        from = "order_tns t CROSS JOIN orders o ON o.id = t.order_row".to_string();
        clauses.push("t.tn = ?".to_string());
        values.push(Value::Integer(tn_to_sql(tn)));
    }
    clauses.push("o.backend_id = ?".to_string());
    values.push(Value::Integer(backend_id));
    if let Some(pon) = &query.pon {
        clauses.push("o.pon = ?".to_string());
        values.push(Value::Text(pon.as_str().to_string()));
    }
    if !query.statuses.is_empty() {
        let marks = vec!["?"; query.statuses.len()].join(", ");
        clauses.push(format!("o.status IN ({marks})"));
        values.extend(
            query
                .statuses
                .iter()
                .map(|s| Value::Text(s.as_str().to_string())),
        );
    }
    if let Some(id) = &query.customer_order_id {
        clauses.push("o.customer_order_id = ?".to_string());
        values.push(Value::Text(id.clone()));
    }
    if let Some(from_day) = query.created_from {
        clauses.push(format!("{created} >= ?"));
        values.push(Value::Integer(
            day_start_nanos(from_day).unwrap_or(i64::MIN),
        ));
    }
    if let Some(end) = query
        .created_to
        .and_then(|to| to.succ_opt())
        .and_then(day_start_nanos)
    {
        clauses.push(format!("{created} < ?"));
        values.push(Value::Integer(end));
    }
    // A TN listed twice on one order must not list the order twice.
    let group = if query.tn.is_some() {
        "GROUP BY o.id"
    } else {
        ""
    };
    let order = if selective {
        "ORDER BY +o.created_at DESC, +o.pon_count DESC, +o.id DESC"
    } else {
        "ORDER BY o.created_at DESC, o.pon_count DESC, o.id DESC"
    };
    let limit = query
        .limit
        .map(|limit| format!("LIMIT {limit}"))
        .unwrap_or_default();
    let sql = format!(
        "SELECT {ORDER_COLUMNS} FROM {from} WHERE {} {group} {order} {limit}",
        clauses.join(" AND ")
    );
    (sql, values)
}

/// The order with `pon` numbered `version` (lsr's count, R8) when given, else the last one.
pub(super) fn latest_version(
    conn: &Connection,
    backend_id: i64,
    pon: &Pon,
    version: Option<u32>,
) -> rusqlite::Result<Option<OrderRow>> {
    let mut values = params_vec([
        Value::Integer(backend_id),
        Value::Text(pon.as_str().to_string()),
    ]);
    let filter = match version {
        Some(version) => {
            values.push(Value::Integer(i64::from(version)));
            "o.backend_id = ?1 AND o.pon = ?2 AND o.pon_count = ?3"
        }
        None => "o.backend_id = ?1 AND o.pon = ?2",
    };
    // `+` keeps the planner on `orders_by_pon` (see `search_statement`).
    let sql = select_orders(
        filter,
        "ORDER BY o.pon_count DESC, +o.created_at DESC, +o.id DESC LIMIT 1",
    );
    let rows = query_order_rows(conn, &sql, values)?;
    Ok(rows.into_iter().next())
}
