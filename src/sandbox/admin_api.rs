//! The `/sandbox/` admin operations (clock, NPAC, inventory, faults, reset) on a store, with the
//! views they answer with (`wire::admin`); shared by the server's admin endpoints and by
//! `lsr sandbox …` acting directly on the embedded store.

use super::clock;
use super::engine::{Behaviour, LINE_TABLE, concurrence_due};
use super::order::StoredOrder;
use super::store::{AdminError, Store, StoreError};
use crate::model::Tn;
use crate::validate;
use crate::wire::admin::{ClockView, Faults, InventoryEntry, InventoryView, NpacView, ResetView};

/// The clock view of a store.
pub fn clock_view(store: &mut Store) -> Result<ClockView, StoreError> {
    let now = store.now()?;
    Ok(ClockView {
        now: clock::format_timestamp(now),
        today: clock::date_of(now).to_string(),
        offset_ms: now - clock::real_now_ms(),
    })
}

/// Sets the clock from its text form (RFC 3339 or `YYYY-MM-DD`).
pub fn set_clock(store: &mut Store, time: &str) -> Result<ClockView, AdminError> {
    let at = clock::parse_time(time)
        .and_then(clock::checked_clock)
        .map_err(|e| AdminError::Invalid(e.to_string()))?;
    store.set_clock(at)?;
    Ok(clock_view(store)?)
}

/// Moves the clock forward by a duration in its text form (`6h`, `1d12h`, …).
pub fn advance_clock(store: &mut Store, duration: &str) -> Result<ClockView, AdminError> {
    let by = clock::parse_duration(duration).map_err(|e| AdminError::Invalid(e.to_string()))?;
    let at =
        clock::checked_advance(store.now()?, by).map_err(|e| AdminError::Invalid(e.to_string()))?;
    store.set_clock(at)?;
    Ok(clock_view(store)?)
}

/// The NPAC view of an order.
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

/// `npac subscribe`: the gaining carrier's subscriptions for an order (id or unique PON).
pub fn npac_subscribe(
    store: &mut Store,
    order: &str,
    medium_timers: bool,
) -> Result<NpacView, AdminError> {
    let order = store.npac_subscribe(order, medium_timers)?;
    Ok(npac_view(&order, store.calendar()))
}

/// `npac activate`: completes an order (id or unique PON).
pub fn npac_activate(store: &mut Store, order: &str) -> Result<NpacView, AdminError> {
    let order = store.npac_activate(order)?;
    Ok(npac_view(&order, store.calendar()))
}

/// The inventory view: the TN-line table and the given explicit entries.
pub fn inventory_view_of(entries: Vec<InventoryEntry>) -> InventoryView {
    InventoryView {
        line_table: LINE_TABLE
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
        entries,
    }
}

/// The inventory view of a store.
pub fn inventory_view(store: &Store) -> Result<InventoryView, StoreError> {
    Ok(inventory_view_of(store.inventory()?))
}

/// Adds an inventory entry from its text form.
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

/// Checks and stores faults; `faults clear` stores the default.
pub fn set_faults(store: &mut Store, faults: Faults) -> Result<Faults, AdminError> {
    check_faults(&faults)?;
    store.set_faults(&faults)?;
    Ok(faults)
}

/// Deletes every order and restores the demo accounts.
pub fn reset(store: &mut Store) -> Result<ResetView, AdminError> {
    store.reset()?;
    Ok(ResetView { reset: true })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn store() -> Store {
        Store::open_in_memory(validate::BusinessCalendar::us_npac(), 0).unwrap()
    }

    #[test]
    fn bad_values_are_invalid_and_good_ones_are_stored() {
        let mut store = store();
        assert!(matches!(
            set_clock(&mut store, "tomorrow"),
            Err(AdminError::Invalid(_))
        ));
        assert!(matches!(
            advance_clock(&mut store, "6x"),
            Err(AdminError::Invalid(_))
        ));
        let view = set_clock(&mut store, "2026-12-01").unwrap();
        assert_eq!(view.today, "2026-12-01");
        let too_much = Faults {
            error_rate: 1.5,
            ..Faults::default()
        };
        assert!(matches!(
            set_faults(&mut store, too_much),
            Err(AdminError::Invalid(m)) if m == "error rate 1.5 is not between 0.0 and 1.0"
        ));
        assert!(matches!(
            add_inventory(&mut store, "12", "foc", None),
            Err(AdminError::Invalid(_))
        ));
        let added = add_inventory(&mut store, "919-555-0100", "manual", None).unwrap();
        assert_eq!(added.tn, "9195550100");
        let view = inventory_view(&store).unwrap();
        assert_eq!(view.entries, vec![added]);
        assert_eq!(view.line_table.len(), LINE_TABLE.len());
    }
}
