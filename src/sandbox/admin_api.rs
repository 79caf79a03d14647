//! The `/sandbox/` admin API: the JSON views it answers with and the operations behind them,
//! shared by the server and by `lsr sandbox …` acting directly on the embedded store.

use serde::{Deserialize, Serialize};

use super::Faults;
use super::clock;
use super::engine::{Behaviour, LINE_TABLE, concurrence_due};
use super::store::{AdminError, InventoryEntry, Store, StoreError, StoredOrder};
use crate::model::Tn;
use crate::validate;

/// The clock as `GET /sandbox/clock` shows it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ClockView {
    pub now: String,
    pub today: String,
    pub offset_ms: i64,
}

/// An order as the NPAC admin endpoints show it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NpacView {
    pub order_id: String,
    pub pon: String,
    pub status: String,
    pub actual_foc_date: Option<String>,
    pub concurrence_due: Option<String>,
    pub concurred_at: Option<String>,
}

/// The inventory as `GET /sandbox/inventory` shows it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InventoryView {
    pub line_table: Vec<(String, String)>,
    pub entries: Vec<InventoryEntry>,
}

/// The clock view of a store (shared with the CLI's embedded mode).
pub fn clock_view(store: &mut Store) -> Result<ClockView, StoreError> {
    let now = store.now()?;
    Ok(ClockView {
        now: clock::format_timestamp(now),
        today: clock::date_of(now).to_string(),
        offset_ms: now - clock::real_now_ms(),
    })
}

/// The NPAC view of an order (shared with the CLI's embedded mode).
pub fn npac_view(order: &StoredOrder, calendar: &validate::BusinessCalendar) -> NpacView {
    NpacView {
        order_id: order.id.clone(),
        pon: order.pon.clone(),
        status: order.status.as_str().to_string(),
        actual_foc_date: order.actual_foc.map(|d| d.to_string()),
        concurrence_due: order.npac.map(|n| {
            clock::format_timestamp(concurrence_due(n.subscribed_at, n.medium_timers, calendar))
        }),
        concurred_at: order
            .npac
            .and_then(|n| n.concurred_at)
            .map(clock::format_timestamp),
    }
}

/// The inventory view of a store (shared with the CLI's embedded mode).
pub fn inventory_view(store: &Store) -> Result<InventoryView, StoreError> {
    Ok(InventoryView {
        line_table: LINE_TABLE
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
        entries: store.inventory()?,
    })
}

/// Adds an inventory entry from its text form (shared with the CLI's embedded mode).
pub fn add_inventory(
    store: &mut Store,
    tn: &str,
    behaviour: &str,
    pin: Option<&str>,
) -> Result<InventoryEntry, AdminError> {
    let tn = Tn::parse(tn).map_err(|e| AdminError::Invalid(e.to_string()))?;
    let behaviour = Behaviour::parse(behaviour, pin).map_err(AdminError::Invalid)?;
    store.add_inventory(tn, &behaviour)?;
    Ok(InventoryEntry {
        tn: tn.digits(),
        behaviour,
    })
}

/// Checks fault values: rates are shares between 0 and 1.
pub fn check_faults(faults: &Faults) -> Result<(), AdminError> {
    for (name, rate) in [
        ("error rate", faults.error_rate),
        ("drop-after-commit rate", faults.drop_after_commit),
    ] {
        if !(0.0..=1.0).contains(&rate) {
            return Err(AdminError::Invalid(format!(
                "{name} {rate} is not between 0.0 and 1.0"
            )));
        }
    }
    Ok(())
}
