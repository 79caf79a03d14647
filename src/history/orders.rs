//! Recording orders: upserting snapshots with their TNs, errors and status events, and the
//! backend rows they hang off.

use std::collections::BTreeSet;

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};

use super::error::StoreError;
use super::events::Origin;
use super::learned::learn_from_errors;
use super::open::HistoryStore;
use super::record::{BackendKey, OrderRecord, RecordOutcome};
use super::rows::{
    Stamped, codes_to_sql, date_to_sql, load_errors, load_tns, params_vec, query_order_rows,
    select_orders, tn_to_sql,
};
use crate::model::BandwidthError;
use crate::model::Tn;

impl HistoryStore {
    /// Records one snapshot of an order; see [`HistoryStore::record_orders`].
    pub fn record_order(
        &self,
        backend: &BackendKey,
        record: &OrderRecord,
    ) -> Result<RecordOutcome, StoreError> {
        let mut outcomes = self.record_orders(backend, std::slice::from_ref(record))?;
        Ok(outcomes.pop().unwrap_or(RecordOutcome::Unchanged))
    }

    /// Records snapshots of orders in one short transaction, upserting by order id. A status
    /// event is appended when the status or a FOC date changed (so `status` can draw the
    /// timeline); a snapshot older than the stored one is ignored (`Stale`). Errors 7517 and
    /// 7521 on a record teach the store about its TNs (see [`HistoryStore::learned`]).
    pub fn record_orders(
        &self,
        backend: &BackendKey,
        records: &[OrderRecord],
    ) -> Result<Vec<RecordOutcome>, StoreError> {
        self.record_orders_from(backend, records, &Origin::default())
    }

    /// [`HistoryStore::record_orders`], with the status events marked as coming from `origin`
    /// (a notification, or a poll that found what notifications missed).
    pub fn record_orders_from(
        &self,
        backend: &BackendKey,
        records: &[OrderRecord],
        origin: &Origin,
    ) -> Result<Vec<RecordOutcome>, StoreError> {
        let stamped = records
            .iter()
            .map(|record| {
                Ok(Stamped {
                    record,
                    created_at: self.nanos(record.created_at)?,
                    updated_at: self.nanos(record.updated_at)?,
                    origin,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        self.write(|conn| {
            let backend_id = ensure_backend(conn, backend)?;
            let outcomes = stamped
                .iter()
                .map(|item| upsert_order(conn, backend_id, item))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let pons: BTreeSet<&str> = records.iter().map(|r| r.pon.as_str()).collect();
            for pon in pons {
                renumber_pon(conn, backend_id, pon)?;
            }
            Ok(outcomes)
        })
    }
}

/// Numbers the orders of one PON by creation time (ties by order id): `pon_count`, the N of
/// `PON@N` (R8). A PON has a handful of orders, so counting per row is cheap; unary `+` keeps
/// the planner on the PON index (the creation-time index would walk every older order).
fn renumber_pon(conn: &Connection, backend_id: i64, pon: &str) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE orders SET pon_count = (
             SELECT count(*) FROM orders p
              WHERE p.backend_id = ?1 AND p.pon = ?2
                AND (+p.created_at < orders.created_at
                     OR (+p.created_at = orders.created_at AND +p.order_id <= orders.order_id)))
          WHERE backend_id = ?1 AND pon = ?2",
    )?
    .execute(params![backend_id, pon])?;
    Ok(())
}

pub(super) fn find_backend(
    conn: &Connection,
    backend: &BackendKey,
) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached("SELECT id FROM backends WHERE base_url = ?1 AND account_id = ?2")?
        .query_row(params![backend.base_url(), backend.account_id()], |row| {
            row.get(0)
        })
        .optional()
}

pub(super) fn ensure_backend(conn: &Connection, backend: &BackendKey) -> rusqlite::Result<i64> {
    if let Some(id) = find_backend(conn, backend)? {
        return Ok(id);
    }
    conn.prepare_cached("INSERT INTO backends (base_url, account_id) VALUES (?1, ?2)")?
        .execute(params![backend.base_url(), backend.account_id()])?;
    Ok(conn.last_insert_rowid())
}

pub(super) fn insert_tns(conn: &Connection, row_id: i64, tns: &[Tn]) -> rusqlite::Result<()> {
    let mut statement =
        conn.prepare_cached("INSERT INTO order_tns (order_row, position, tn) VALUES (?1, ?2, ?3)")?;
    for (position, tn) in tns.iter().enumerate() {
        statement.execute(params![row_id, position as i64, tn_to_sql(*tn)])?;
    }
    Ok(())
}

pub(super) fn insert_errors(
    conn: &Connection,
    row_id: i64,
    errors: &[BandwidthError],
) -> rusqlite::Result<()> {
    let mut statement = conn.prepare_cached(
        "INSERT INTO order_errors (order_row, position, code, description)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (position, error) in errors.iter().enumerate() {
        statement.execute(params![
            row_id,
            position as i64,
            i64::from(error.code),
            error.description
        ])?;
    }
    Ok(())
}

pub(super) fn insert_event(
    conn: &Connection,
    row_id: i64,
    item: &Stamped<'_>,
) -> rusqlite::Result<()> {
    let record = item.record;
    conn.prepare_cached(
        "INSERT INTO status_events
            (order_row, at, status, requested_foc_date, actual_foc_date, error_codes, source,
             message)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        row_id,
        item.updated_at,
        record.status.as_str(),
        date_to_sql(record.requested_foc_date),
        date_to_sql(record.actual_foc_date),
        codes_to_sql(&record.errors),
        item.origin.source.stored(),
        item.origin.message,
    ])?;
    Ok(())
}

pub(super) fn upsert_order(
    conn: &Connection,
    backend_id: i64,
    item: &Stamped<'_>,
) -> rusqlite::Result<RecordOutcome> {
    let record = item.record;
    let existing = query_order_rows(
        conn,
        &select_orders("o.backend_id = ?1 AND o.order_id = ?2", "LIMIT 1"),
        params_vec([
            Value::Integer(backend_id),
            Value::Text(record.order_id.clone()),
        ]),
    )?
    .into_iter()
    .next();

    let Some(existing) = existing else {
        conn.prepare_cached(
            "INSERT INTO orders (backend_id, order_id, pon, pon_version, customer_order_id,
                 status, requested_foc_date, actual_foc_date, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?
        .execute(params_from_iter(
            [
                Value::Integer(backend_id),
                Value::Text(record.order_id.clone()),
            ]
            .into_iter()
            .chain(order_fields(record, item.created_at, item.updated_at)),
        ))?;
        let row_id = conn.last_insert_rowid();
        insert_tns(conn, row_id, &record.tns)?;
        insert_errors(conn, row_id, &record.errors)?;
        insert_event(conn, row_id, item)?;
        learn_from_errors(conn, backend_id, item)?;
        return Ok(RecordOutcome::Inserted);
    };

    if item.updated_at < existing.updated_at {
        return Ok(RecordOutcome::Stale);
    }
    let status_event = existing.status != record.status
        || existing.requested_foc_date != record.requested_foc_date
        || existing.actual_foc_date != record.actual_foc_date;
    let new_tns: Vec<i64> = record.tns.iter().map(|tn| tn_to_sql(*tn)).collect();
    let tns_changed = load_tns(conn, existing.row_id)? != new_tns;
    let errors_changed = load_errors(conn, existing.row_id)? != record.errors;
    // Keep the earliest creation time seen: a first snapshot taken before the backend answered
    // may carry a later local time than the backend's own creation date.
    let created_at = existing.created_at.min(item.created_at);
    let fields_changed = status_event
        || existing.pon != record.pon
        || existing.pon_version != record.pon_version
        || existing.customer_order_id != record.customer_order_id
        || existing.created_at != created_at;

    conn.prepare_cached(
        "UPDATE orders SET pon = ?2, pon_version = ?3, customer_order_id = ?4, status = ?5,
             requested_foc_date = ?6, actual_foc_date = ?7, created_at = ?8, updated_at = ?9
         WHERE id = ?1",
    )?
    .execute(params_from_iter(
        std::iter::once(Value::Integer(existing.row_id)).chain(order_fields(
            record,
            created_at,
            item.updated_at,
        )),
    ))?;
    if tns_changed {
        conn.prepare_cached("DELETE FROM order_tns WHERE order_row = ?1")?
            .execute([existing.row_id])?;
        insert_tns(conn, existing.row_id, &record.tns)?;
    }
    if errors_changed {
        conn.prepare_cached("DELETE FROM order_errors WHERE order_row = ?1")?
            .execute([existing.row_id])?;
        insert_errors(conn, existing.row_id, &record.errors)?;
        learn_from_errors(conn, backend_id, item)?;
    }
    if status_event {
        insert_event(conn, existing.row_id, item)?;
    }
    if fields_changed || tns_changed || errors_changed {
        Ok(RecordOutcome::Updated { status_event })
    } else {
        Ok(RecordOutcome::Unchanged)
    }
}

/// The values of an `orders` row after its key, in column order: pon, pon_version,
/// customer_order_id, status, requested_foc_date, actual_foc_date, created_at, updated_at.
fn order_fields(record: &OrderRecord, created_at: i64, updated_at: i64) -> [Value; 8] {
    [
        Value::Text(record.pon.as_str().to_string()),
        Value::Integer(i64::from(record.pon_version)),
        record.customer_order_id.clone().into(),
        Value::Text(record.status.as_str().to_string()),
        date_to_sql(record.requested_foc_date).into(),
        date_to_sql(record.actual_foc_date).into(),
        Value::Integer(created_at),
        Value::Integer(updated_at),
    ]
}
