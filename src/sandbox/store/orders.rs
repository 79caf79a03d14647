//! Orders in SQLite: reading and writing them with their TNs and history, and applying the
//! events the engine says are due (the list query is `search.rs`).

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};

use super::super::clock::Millis;
use super::super::engine::{self, Due, LineFacts, PendingFocHit, PinCheck, Timer};
use super::super::order::{HistoryEntry, NewOrder, NpacState, OrderUpdate, Stage, StoredOrder};
use super::{AdminError, Principal, Store, StoreError, UpdateError, corrupt};
use crate::model::{OrderDraft, OrderStatus, Tn};

/// At most this many orders in one list answer (Bandwidth's cap).
pub const LIST_CAP: usize = 1000;

pub(super) const ORDER_COLUMNS: &str = "id, account_id, pon, pon_version, status, draft, requested_foc, \
     actual_foc, errors, created_at, modified_at, created_by, modified_by, stage, stage_since, \
     npac_subscribed_at, npac_medium, concurred_at";

/// The lookups made per order and per TN (creating, processing, reading, resolving an admin
/// command's order): each is answered from an index (`search_tests.rs` checks their plans).
pub(super) mod lookup {
    /// An order's TNs.
    pub const TNS_OF_ORDER: &str = "SELECT tn FROM order_tns WHERE order_id = ?1";
    /// The orders with a PON, across accounts (an admin command's order reference).
    pub const ORDERS_WITH_PON: &str = "SELECT id FROM orders WHERE pon = ?1 ORDER BY created_at";
    /// The account's orders with a PON so far (R8 versions).
    pub const PON_VERSIONS: &str = "SELECT COUNT(*) FROM orders WHERE account_id = ?1 AND pon = ?2";
    /// The orders with an event due.
    pub const DUE: &str = "SELECT id FROM orders WHERE due_at <= ?1 ORDER BY due_at";
    /// An order's history.
    pub const HISTORY: &str = "SELECT at, note, author, status, difference FROM history \
        WHERE order_id = ?1 ORDER BY at, rowid";
    /// Another order in FOC with a TN (17008).
    pub const PENDING_FOC: &str = "SELECT o.pon, o.actual_foc FROM order_tns t \
        JOIN orders o ON o.id = t.order_id WHERE t.tn = ?1 AND o.id <> ?2 AND o.status = 'FOC' \
        AND o.actual_foc IS NOT NULL LIMIT 1";
    /// A TN's explicit behaviour (processing, per TN).
    pub const INVENTORY_OF_TN: &str = "SELECT behaviour FROM inventory WHERE tn = ?1";
    /// How an order's PIN compared (processing, per order).
    pub const PIN_OF_ORDER: &str = "SELECT pin_check FROM order_pins WHERE order_id = ?1";
    /// An order by id, of an account.
    pub const ORDER_OF_ACCOUNT: &str = "id = ?1 AND account_id = ?2";
    /// An order by id.
    pub const ORDER: &str = "id = ?1";
    #[cfg(test)]
    pub const ALL: [&str; 8] = [
        TNS_OF_ORDER,
        ORDERS_WITH_PON,
        PON_VERSIONS,
        DUE,
        HISTORY,
        PENDING_FOC,
        INVENTORY_OF_TN,
        PIN_OF_ORDER,
    ];
    /// The conditions `load_order` is called with.
    #[cfg(test)]
    pub const ORDER_CONDITIONS: [&str; 2] = [ORDER_OF_ACCOUNT, ORDER];
}

/// An order row before its status, draft and errors are parsed (see `complete_order`).
pub(super) type RawOrder = (StoredOrder, String, String, String);

fn parse_date(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok())
}

pub(super) fn order_from_row(row: &Row<'_>) -> rusqlite::Result<RawOrder> {
    let npac_subscribed_at: Option<Millis> = row.get(15)?;
    let npac_medium: bool = row.get(16)?;
    let concurred_at: Option<Millis> = row.get(17)?;
    let order = StoredOrder {
        id: row.get(0)?,
        account_id: row.get(1)?,
        pon: row.get(2)?,
        pon_version: row.get(3)?,
        status: OrderStatus::Pending,
        draft: OrderDraft::default(),
        tns: Vec::new(),
        requested_foc: parse_date(row.get(6)?),
        actual_foc: parse_date(row.get(7)?),
        errors: Vec::new(),
        created_at: row.get(9)?,
        modified_at: row.get(10)?,
        created_by: row.get(11)?,
        modified_by: row.get(12)?,
        stage: Stage::parse(&row.get::<_, String>(13)?),
        stage_since: row.get(14)?,
        npac: npac_subscribed_at.map(|subscribed_at| NpacState {
            subscribed_at,
            medium_timers: npac_medium,
            concurred_at,
        }),
    };
    // Status, draft and errors are parsed by `complete_order`, which can report corruption.
    Ok((order, row.get(4)?, row.get(5)?, row.get(8)?))
}

impl Store {
    pub(super) fn load_order(
        &self,
        where_sql: &str,
        args: &[&str],
    ) -> Result<Option<StoredOrder>, StoreError> {
        let sql = format!("SELECT {ORDER_COLUMNS} FROM orders WHERE {where_sql}");
        let found = self
            .conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::params_from_iter(args), order_from_row)
            .optional()?;
        found.map(|raw| self.complete_order(raw)).transpose()
    }

    pub(super) fn complete_order(
        &self,
        (mut order, status, draft, errors): RawOrder,
    ) -> Result<StoredOrder, StoreError> {
        order.status = status.parse().map_err(corrupt)?;
        order.draft = serde_json::from_str(&draft).map_err(corrupt)?;
        order.errors = serde_json::from_str(&errors).map_err(corrupt)?;
        let mut stmt = self.conn.prepare_cached(lookup::TNS_OF_ORDER)?;
        let digits: Vec<String> = stmt
            .query_map([&order.id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        // Keep the submitted order of the TNs: the draft has them as sent.
        let mut tns: Vec<Tn> = order
            .draft
            .tns
            .iter()
            .filter_map(|t| Tn::parse(t).ok())
            .collect();
        if tns.len() != digits.len() {
            tns = digits.iter().filter_map(|d| Tn::parse(d).ok()).collect();
        }
        order.tns = tns;
        Ok(order)
    }

    /// One order of an account.
    pub fn order(
        &self,
        account_id: &str,
        order_id: &str,
    ) -> Result<Option<StoredOrder>, StoreError> {
        self.load_order(lookup::ORDER_OF_ACCOUNT, &[order_id, account_id])
    }

    /// An order by id or by a PON unique in the sandbox (admin commands work across accounts).
    pub fn resolve_order(&self, reference: &str) -> Result<StoredOrder, AdminError> {
        if let Some(order) = self.load_order(lookup::ORDER, &[reference])? {
            return Ok(order);
        }
        let ids: Vec<String> = self
            .conn
            .prepare_cached(lookup::ORDERS_WITH_PON)
            .and_then(|mut stmt| {
                stmt.query_map([reference], |r| r.get(0))?
                    .collect::<Result<_, _>>()
            })
            .map_err(StoreError::from)?;
        match ids.as_slice() {
            [] => Err(AdminError::NotFound(format!(
                "order `{reference}` not found in the sandbox"
            ))),
            [id] => self
                .load_order(lookup::ORDER, &[id])?
                .ok_or_else(|| AdminError::NotFound(format!("order `{reference}` not found"))),
            many => Err(AdminError::Invalid(format!(
                "PON `{reference}` names {} orders ({}); give an order id",
                many.len(),
                many.join(", ")
            ))),
        }
    }

    /// Inserts or updates an order row, with the instant of its next due event.
    pub(super) fn write_order(&self, order: &StoredOrder, insert: bool) -> Result<(), StoreError> {
        let draft = serde_json::to_string(&order.draft).map_err(corrupt)?;
        let errors = serde_json::to_string(&order.errors).map_err(corrupt)?;
        let due_at = engine::next_due(order, self.processing_delay_ms, &self.calendar).map(|d| d.0);
        let date = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        let (requested_foc, actual_foc) = (date(order.requested_foc), date(order.actual_foc));
        let npac_subscribed_at = order.npac.map(|n| n.subscribed_at);
        let npac_medium = order.npac.is_some_and(|n| n.medium_timers);
        let concurred_at = order.npac.and_then(|n| n.concurred_at);
        // ?1 to ?14: what a change can change (and the id).
        let changing: [&dyn rusqlite::ToSql; 14] = [
            &order.id,
            &order.status.as_str(),
            &draft,
            &requested_foc,
            &actual_foc,
            &errors,
            &order.modified_at,
            &order.modified_by,
            &order.stage.as_str(),
            &order.stage_since,
            &due_at,
            &npac_subscribed_at,
            &npac_medium,
            &concurred_at,
        ];
        if insert {
            let created: [&dyn rusqlite::ToSql; 6] = [
                &order.account_id,
                &order.pon,
                &order.pon_version,
                &order.draft.customer_order_id,
                &order.created_at,
                &order.created_by,
            ];
            self.conn
                .prepare_cached(
                    "INSERT INTO orders (id, status, draft, requested_foc, actual_foc, errors, \
                     modified_at, modified_by, stage, stage_since, due_at, npac_subscribed_at, \
                     npac_medium, concurred_at, account_id, pon, pon_version, customer_order_id, \
                     created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, \
                     ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
                )?
                .execute(rusqlite::params_from_iter(changing.iter().chain(&created)))?;
            return Ok(());
        }
        // Only what a change can change: the account, PON, version and creation stay as created
        // (R9). SQLite rewrites the index entries of every column an UPDATE sets, even to the
        // same value, so setting those too would dirty three more index pages per change; the
        // customer order id (indexed, rarely changed by a supp) is set only when it differs.
        self.conn
            .prepare_cached(
                "UPDATE orders SET status = ?2, draft = ?3, requested_foc = ?4, actual_foc = ?5, \
                 errors = ?6, modified_at = ?7, modified_by = ?8, stage = ?9, stage_since = ?10, \
                 due_at = ?11, npac_subscribed_at = ?12, npac_medium = ?13, concurred_at = ?14 \
                 WHERE id = ?1",
            )?
            .execute(changing.as_slice())?;
        self.conn
            .prepare_cached(
                "UPDATE orders SET customer_order_id = ?2 WHERE id = ?1 \
                 AND customer_order_id IS NOT ?2",
            )?
            .execute(params![order.id, order.draft.customer_order_id])?;
        Ok(())
    }

    /// Stores a validated order as PENDING; its PON version counts this account's orders with
    /// the same PON, this one included (R8).
    pub fn create_order(
        &mut self,
        principal: &Principal,
        new: NewOrder,
    ) -> Result<StoredOrder, StoreError> {
        let now = self.now()?;
        let mut new = new;
        // The PIN is checked against the TNs now and never stored.
        let pin_check = self.take_pin(&mut new.draft, &new.tns)?.unwrap_or_default();
        self.in_transaction(|store| {
            let earlier: u32 = store
                .conn
                .prepare_cached(lookup::PON_VERSIONS)?
                .query_row(params![principal.account_id, new.pon], |r| r.get(0))?;
            // Time-ordered (UUID v7): each new id sorts after the last, so the id's indexes
            // (the orders' key, an order's TNs, its history) take new entries on their last
            // page, which the creations of one commit share, instead of on a random page each
            // (docs/sandbox.md, "Where the time goes").
            let created = engine::create(
                uuid::Uuid::now_v7().to_string(),
                &principal.account_id,
                &principal.name,
                new,
                earlier,
                now,
            );
            store.write_order(&created.order, true)?;
            let mut insert_tn = store
                .conn
                .prepare_cached("INSERT OR IGNORE INTO order_tns (order_id, tn) VALUES (?1, ?2)")?;
            for tn in &created.order.tns {
                insert_tn.execute(params![created.order.id, tn.digits()])?;
            }
            store.add_history(&created.order.id, &created.history)?;
            // No row is the same as no PIN (`pin_check`): one random page less per order.
            if pin_check != PinCheck::default() {
                store.put_pin_check(&created.order.id, &pin_check)?;
            }
            Ok(created.order)
        })
    }

    /// An order's history, oldest first.
    pub fn history(&self, order_id: &str) -> Result<Vec<HistoryEntry>, StoreError> {
        let mut stmt = self.conn.prepare_cached(lookup::HISTORY)?;
        type HistoryRow = (Millis, String, Option<String>, String, Option<String>);
        let rows: Vec<HistoryRow> = stmt
            .query_map([order_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<Result<_, _>>()?;
        rows.into_iter()
            .map(|(at, note, author, status, difference)| {
                Ok(HistoryEntry {
                    at,
                    note,
                    author,
                    status: status.parse().map_err(corrupt)?,
                    difference,
                })
            })
            .collect()
    }

    /// Applies a supp or a cancel as the engine decides it (R3, R9, …) and returns the updated
    /// order, or the engine's refusal.
    pub fn update_order(
        &mut self,
        principal: &Principal,
        order: StoredOrder,
        update: &OrderUpdate,
    ) -> Result<StoredOrder, UpdateError> {
        let now = self.now()?;
        let mut transition = engine::update(order, update, &principal.name, now, &self.calendar)
            .map_err(UpdateError::Rejected)?;
        // A supp's PIN is checked now and never stored; without one, the earlier check stands.
        let pin_check = self.strip_pin(&mut transition.order)?;
        self.in_transaction(|store| {
            store.write_order(&transition.order, false)?;
            store.add_history(&transition.order.id, &transition.history)?;
            match &pin_check {
                Some(check) => store.put_pin_check(&transition.order.id, check),
                None => Ok(()),
            }
        })?;
        Ok(transition.order)
    }

    /// Applies every event that is due on the sandbox clock; returns how many orders moved.
    pub fn advance_due(&mut self) -> Result<usize, StoreError> {
        let now = self.now()?;
        let ids: Vec<String> = self
            .conn
            .prepare_cached(lookup::DUE)?
            .query_map([now], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if ids.is_empty() {
            return Ok(0);
        }
        // One transaction for the batch: one commit however many orders moved. Orders are
        // applied in due order and see each other's changes (a FOC set earlier in the batch
        // makes a later order with the same TN fail with 17008).
        self.in_transaction(|store| {
            for id in &ids {
                let Some(mut order) = store.load_order(lookup::ORDER, &[id])? else {
                    continue;
                };
                while let Some((at, due)) =
                    engine::next_due(&order, store.processing_delay_ms, &store.calendar)
                        .filter(|(at, _)| *at <= now)
                {
                    let entry = match due {
                        Due::Processing => {
                            let facts = store.line_facts(&order)?;
                            engine::process(&mut order, &facts, at, &store.calendar)
                        }
                        Due::Timer(Timer::ManualFoc) => {
                            // R4: the agent's FOC too is refused while another order holds one.
                            let pending = store.pending_foc_on(&order)?;
                            engine::manual_foc(&mut order, &pending, at, &store.calendar)
                        }
                        Due::Timer(timer) => {
                            engine::apply_timer(&mut order, timer, at, &store.calendar)
                        }
                    };
                    store.add_history(&order.id, &[entry])?;
                }
                store.write_order(&order, false)?;
            }
            Ok(ids.len())
        })
    }

    /// What processing needs to know about an order's TNs: their inventory entries and every
    /// one with a pending FOC on another order.
    fn line_facts(&self, order: &StoredOrder) -> Result<LineFacts, StoreError> {
        let tns = order
            .tns
            .iter()
            .map(|tn| Ok((*tn, self.inventory_behaviour(*tn)?)))
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(LineFacts {
            tns,
            pending: self.pending_foc_on(order)?,
            pin: self.pin_check(&order.id)?,
        })
    }

    /// Every TN of the order with a pending FOC on another open order (R4), each with that
    /// order's PON and FOC date.
    fn pending_foc_on(&self, order: &StoredOrder) -> Result<Vec<PendingFocHit>, StoreError> {
        let mut hits = Vec::new();
        let mut stmt = self.conn.prepare_cached(lookup::PENDING_FOC)?;
        for tn in &order.tns {
            let found: Option<(String, String)> = stmt
                .query_row(params![tn.digits(), order.id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            if let Some((pon, date)) = found {
                let foc_date = parse_date(Some(date)).ok_or_else(|| corrupt("actual_foc"))?;
                hits.push(PendingFocHit {
                    tn: *tn,
                    pon,
                    foc_date,
                });
            }
        }
        Ok(hits)
    }
}
