//! Tests of the PON history store: shared fixtures here, the queries in `queries`, opening,
//! migrations and concurrent writers in `open`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

use super::*;
use crate::model::{BandwidthError, OrderStatus, Pon, Tn};

mod open;
mod queries;

fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).unwrap() + Duration::minutes(minutes)
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn tn(text: &str) -> Tn {
    Tn::parse(text).unwrap()
}

fn sandbox() -> BackendKey {
    BackendKey::new("http://127.0.0.1:4100/api/v1/", "9900001")
}

fn record(order_id: &str, pon: &str, version: u32, tns: &[&str], minutes: i64) -> OrderRecord {
    OrderRecord {
        order_id: order_id.to_string(),
        pon: Pon::parse(pon).unwrap(),
        pon_version: version,
        // What the store computes for the only order of its PON.
        pon_count: 1,
        customer_order_id: Some(format!("lsr-{order_id}")),
        status: OrderStatus::Pending,
        requested_foc_date: Some(day("2026-12-07")),
        actual_foc_date: None,
        tns: tns.iter().map(|t| tn(t)).collect(),
        errors: Vec::new(),
        created_at: at(minutes),
        updated_at: at(minutes),
    }
}

fn open_temp() -> (tempfile::TempDir, HistoryStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = HistoryStore::open_in(dir.path()).unwrap();
    (dir, store)
}

fn order_ref(text: &str) -> OrderRef {
    text.parse().unwrap()
}

fn ids(records: &[OrderRecord]) -> Vec<&str> {
    records.iter().map(|r| r.order_id.as_str()).collect()
}
