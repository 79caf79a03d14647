//! Mapping between SQLite rows and history values: the order column list, column conversions,
//! and assembling an `OrderRecord` from its `orders`, `order_tns` and `order_errors` rows.

use std::str::FromStr;

use chrono::{DateTime, NaiveDate};
use rusqlite::types::{Type, Value};
use rusqlite::{Connection, Row, params_from_iter};

use super::events::Origin;
use super::record::OrderRecord;
use crate::model::BandwidthError;
use crate::model::{OrderStatus, Pon, Tn};

pub(super) const ORDER_COLUMNS: &str = "o.id, o.order_id, o.pon, o.pon_version, o.customer_order_id, \
     o.status, o.requested_foc_date, o.actual_foc_date, o.created_at, o.updated_at, o.pon_count";

/// An order record with its timestamps already converted for storage, and where it came from.
pub(super) struct Stamped<'a> {
    pub(super) record: &'a OrderRecord,
    pub(super) created_at: i64,
    pub(super) updated_at: i64,
    pub(super) origin: &'a Origin,
}

/// An `orders` row before its TNs and errors are loaded.
pub(super) struct OrderRow {
    pub(super) row_id: i64,
    pub(super) order_id: String,
    pub(super) pon: Pon,
    pub(super) pon_version: u32,
    pub(super) pon_count: u32,
    pub(super) customer_order_id: Option<String>,
    pub(super) status: OrderStatus,
    pub(super) requested_foc_date: Option<NaiveDate>,
    pub(super) actual_foc_date: Option<NaiveDate>,
    pub(super) created_at: i64,
    pub(super) updated_at: i64,
}

pub(super) fn params_vec<const N: usize>(values: [Value; N]) -> Vec<Value> {
    values.into_iter().collect()
}

pub(super) fn tn_to_sql(tn: Tn) -> i64 {
    // Invariant: a Tn has ten digits, far below i64::MAX.
    tn.as_u64() as i64
}

pub(super) fn day_start_nanos(day: NaiveDate) -> Option<i64> {
    day.and_hms_opt(0, 0, 0)?.and_utc().timestamp_nanos_opt()
}

fn conversion_error(column: usize, detail: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(column, Type::Text, detail.into())
}

pub(super) fn date_to_sql(date: Option<NaiveDate>) -> Option<String> {
    date.map(|d| d.format("%Y-%m-%d").to_string())
}

pub(super) fn date_column(row: &Row<'_>, column: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let text: Option<String> = row.get(column)?;
    text.map(|text| {
        NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .map_err(|e| conversion_error(column, format!("date `{text}`: {e}")))
    })
    .transpose()
}

pub(super) fn status_column(row: &Row<'_>, column: usize) -> rusqlite::Result<OrderStatus> {
    let text: String = row.get(column)?;
    OrderStatus::from_str(&text).map_err(|e| conversion_error(column, e.to_string()))
}

pub(super) fn codes_column(row: &Row<'_>, column: usize) -> rusqlite::Result<Vec<u32>> {
    let text: String = row.get(column)?;
    text.split(',')
        .filter(|part| !part.is_empty())
        .map(|part| {
            part.parse::<u32>()
                .map_err(|e| conversion_error(column, format!("error code `{part}`: {e}")))
        })
        .collect()
}

pub(super) fn codes_to_sql(errors: &[BandwidthError]) -> String {
    errors
        .iter()
        .map(|e| e.code.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

fn tn_from_sql(value: i64) -> rusqlite::Result<Tn> {
    Tn::parse(&format!("{value:010}")).map_err(|e| conversion_error(0, e.to_string()))
}

fn order_row(row: &Row<'_>) -> rusqlite::Result<OrderRow> {
    let pon_text: String = row.get(2)?;
    let pon = Pon::parse(&pon_text).map_err(|e| conversion_error(2, e.to_string()))?;
    let version: i64 = row.get(3)?;
    Ok(OrderRow {
        row_id: row.get(0)?,
        order_id: row.get(1)?,
        pon,
        pon_version: u32::try_from(version)
            .map_err(|_| conversion_error(3, format!("PON version {version}")))?,
        customer_order_id: row.get(4)?,
        status: status_column(row, 5)?,
        requested_foc_date: date_column(row, 6)?,
        actual_foc_date: date_column(row, 7)?,
        created_at: row.get(8)?,
        updated_at: row.get(9)?,
        pon_count: u32::try_from(row.get::<_, i64>(10)?)
            .map_err(|_| conversion_error(10, "PON count".into()))?,
    })
}

pub(super) fn query_order_rows(
    conn: &Connection,
    sql: &str,
    values: Vec<Value>,
) -> rusqlite::Result<Vec<OrderRow>> {
    conn.prepare_cached(sql)?
        .query_map(params_from_iter(values), order_row)?
        .collect()
}

/// `SELECT` of the order columns from `orders o` with a filter and a tail (ORDER BY, LIMIT).
pub(super) fn select_orders(filter: &str, tail: &str) -> String {
    format!("SELECT {ORDER_COLUMNS} FROM orders o WHERE {filter} {tail}")
}

pub(super) fn load_tns(conn: &Connection, row_id: i64) -> rusqlite::Result<Vec<i64>> {
    conn.prepare_cached("SELECT tn FROM order_tns WHERE order_row = ?1 ORDER BY position")?
        .query_map([row_id], |row| row.get(0))?
        .collect()
}

pub(super) fn load_errors(conn: &Connection, row_id: i64) -> rusqlite::Result<Vec<BandwidthError>> {
    conn.prepare_cached(
        "SELECT code, description FROM order_errors WHERE order_row = ?1 ORDER BY position",
    )?
    .query_map([row_id], |row| {
        let code: i64 = row.get(0)?;
        Ok(BandwidthError {
            code: u32::try_from(code)
                .map_err(|_| conversion_error(0, format!("error code {code}")))?,
            description: row.get(1)?,
        })
    })?
    .collect()
}

pub(super) fn complete_record(conn: &Connection, row: OrderRow) -> rusqlite::Result<OrderRecord> {
    let tns = load_tns(conn, row.row_id)?
        .into_iter()
        .map(tn_from_sql)
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(OrderRecord {
        order_id: row.order_id,
        pon: row.pon,
        pon_version: row.pon_version,
        pon_count: row.pon_count,
        customer_order_id: row.customer_order_id,
        status: row.status,
        requested_foc_date: row.requested_foc_date,
        actual_foc_date: row.actual_foc_date,
        tns,
        errors: load_errors(conn, row.row_id)?,
        created_at: DateTime::from_timestamp_nanos(row.created_at),
        updated_at: DateTime::from_timestamp_nanos(row.updated_at),
    })
}
