//! The end user's PIN is never stored: an order's draft is kept without it, and only how it
//! compared with its TNs' port-out PINs when it arrived (`PinCheck`) is kept, in `order_pins`,
//! for processing to decide 7512/7513 later. Stores written before that have their drafts
//! scrubbed once, when opened.

use rusqlite::{OptionalExtension, params};

use super::super::engine::PinCheck;
use super::super::order::StoredOrder;
use super::{Store, StoreError, corrupt};
use crate::model::{OrderDraft, Pin, Tn};

/// The `settings` key that says the stored drafts hold no PIN.
const PINS_SCRUBBED: &str = "pins_scrubbed";

impl Store {
    /// How `pin` compares with the port-out PINs of `tns` now.
    pub(super) fn pin_check_for(
        &self,
        tns: &[Tn],
        pin: Option<&Pin>,
    ) -> Result<PinCheck, StoreError> {
        let lines = tns
            .iter()
            .map(|tn| Ok((*tn, self.inventory_behaviour(*tn)?)))
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(PinCheck::of(pin.map(Pin::as_str), &lines))
    }

    /// Takes the PIN out of a draft about to be stored, and says how it compared with `tns`.
    pub(super) fn take_pin(
        &self,
        draft: &mut OrderDraft,
        tns: &[Tn],
    ) -> Result<Option<PinCheck>, StoreError> {
        match draft.subscriber.pin.take() {
            Some(pin) => Ok(Some(self.pin_check_for(tns, Some(&pin))?)),
            None => Ok(None),
        }
    }

    pub(super) fn put_pin_check(&self, order_id: &str, check: &PinCheck) -> Result<(), StoreError> {
        let json = serde_json::to_string(check).map_err(corrupt)?;
        self.conn
            .prepare_cached(
                "INSERT OR REPLACE INTO order_pins (order_id, pin_check) VALUES (?1, ?2)",
            )?
            .execute(params![order_id, json])?;
        Ok(())
    }

    /// An order's PIN check (no PIN sent when none is kept).
    pub(super) fn pin_check(&self, order_id: &str) -> Result<PinCheck, StoreError> {
        let json: Option<String> = self
            .conn
            .prepare_cached(super::orders::lookup::PIN_OF_ORDER)?
            .query_row([order_id], |r| r.get(0))
            .optional()?;
        json.map(|j| serde_json::from_str(&j).map_err(corrupt))
            .transpose()
            .map(Option::unwrap_or_default)
    }

    /// Once per store: replaces the PIN in every stored draft by its check (a store written by
    /// an lsr that kept it).
    pub(super) fn scrub_stored_pins(&mut self) -> Result<(), StoreError> {
        if self.setting(PINS_SCRUBBED)?.is_some() {
            return Ok(());
        }
        self.in_transaction(|store| {
            let ids: Vec<String> = store
                .conn
                .prepare("SELECT id FROM orders")?
                .query_map([], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            for id in ids {
                let Some(mut order) = store.load_order("id = ?1", &[&id])? else {
                    continue;
                };
                if let Some(check) = store.take_pin(&mut order.draft, &order.tns)? {
                    store.write_order(&order, false)?;
                    store.put_pin_check(&order.id, &check)?;
                }
            }
            store.put_setting(PINS_SCRUBBED, "1")
        })
    }

    /// Stores a changed order without its PIN, with the check of a PIN it was just sent.
    pub(super) fn strip_pin(
        &self,
        order: &mut StoredOrder,
    ) -> Result<Option<PinCheck>, StoreError> {
        let tns = order.tns.clone();
        self.take_pin(&mut order.draft, &tns)
    }
}
