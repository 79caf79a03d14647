//! What the store keeps besides orders: the clock offset and the faults (the `settings` table,
//! reloaded when another connection changed them) and the TN inventory.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::super::Faults;
use super::super::clock::{Millis, date_of, real_now_ms};
use super::super::engine::Behaviour;
use super::{InventoryEntry, Store, StoreError, corrupt};
use crate::model::Tn;

const CLOCK_OFFSET: &str = "clock_offset_ms";
const FAULTS: &str = "faults";

impl Store {
    /// Reloads the clock offset and faults when another connection (a CLI acting on the same
    /// data directory) changed them.
    pub(super) fn refresh(&mut self) -> Result<(), StoreError> {
        let version: i64 = self
            .conn
            .prepare_cached("PRAGMA data_version")?
            .query_row([], |r| r.get(0))?;
        if version == self.data_version {
            return Ok(());
        }
        self.data_version = version;
        self.clock_offset_ms = self
            .setting(CLOCK_OFFSET)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        self.faults = match self.setting(FAULTS)? {
            Some(text) => serde_json::from_str(&text).map_err(corrupt)?,
            None => Faults::default(),
        };
        Ok(())
    }

    pub(super) fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }

    pub(super) fn put_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn
            .prepare_cached("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)")?
            .execute([key, value])?;
        Ok(())
    }

    /// Writes a setting unless one is there already (a concurrent writer's value wins).
    pub(super) fn put_setting_if_absent(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn
            .prepare_cached("INSERT OR IGNORE INTO settings (key, value) VALUES (?1, ?2)")?
            .execute([key, value])?;
        Ok(())
    }

    /// The sandbox time now.
    pub fn now(&mut self) -> Result<Millis, StoreError> {
        self.refresh()?;
        Ok(real_now_ms() + self.clock_offset_ms)
    }

    /// The sandbox date today.
    pub fn today(&mut self) -> Result<NaiveDate, StoreError> {
        Ok(date_of(self.now()?))
    }

    /// Sets the sandbox clock to `at` and applies every event that became due.
    pub fn set_clock(&mut self, at: Millis) -> Result<Millis, StoreError> {
        self.refresh()?;
        self.clock_offset_ms = at - real_now_ms();
        self.put_setting(CLOCK_OFFSET, &self.clock_offset_ms.to_string())?;
        self.advance_due()?;
        self.now()
    }

    /// Sets the sandbox clock to `at` unless it was ever set in this store (a fresh store
    /// starts on a pinned date; later runs continue from where it was).
    pub fn set_clock_if_unset(&mut self, at: Millis) -> Result<bool, StoreError> {
        self.refresh()?;
        if self.setting(CLOCK_OFFSET)?.is_some() {
            return Ok(false);
        }
        self.set_clock(at)?;
        Ok(true)
    }

    /// Moves the sandbox clock forward by `by` and applies every event that became due.
    pub fn advance_clock(&mut self, by: Millis) -> Result<Millis, StoreError> {
        let now = self.now()?;
        self.set_clock(now.saturating_add(by))
    }

    pub fn faults(&mut self) -> Result<Faults, StoreError> {
        self.refresh()?;
        Ok(self.faults.clone())
    }

    pub fn set_faults(&mut self, faults: &Faults) -> Result<(), StoreError> {
        let text = serde_json::to_string(faults).map_err(corrupt)?;
        self.put_setting(FAULTS, &text)?;
        self.faults = faults.clone();
        Ok(())
    }

    /// The TNs with an explicit behaviour, by TN.
    pub fn inventory(&self) -> Result<Vec<InventoryEntry>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT tn, behaviour FROM inventory ORDER BY tn")?;
        let rows: Vec<(String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        rows.into_iter()
            .map(|(tn, json)| {
                Ok(InventoryEntry {
                    tn,
                    behaviour: serde_json::from_str(&json).map_err(corrupt)?,
                })
            })
            .collect()
    }

    /// Gives a TN an explicit behaviour (replacing an earlier one).
    pub fn add_inventory(&mut self, tn: Tn, behaviour: &Behaviour) -> Result<(), StoreError> {
        let json = serde_json::to_string(behaviour).map_err(corrupt)?;
        self.conn
            .prepare_cached("INSERT OR REPLACE INTO inventory (tn, behaviour) VALUES (?1, ?2)")?
            .execute(params![tn.digits(), json])?;
        Ok(())
    }

    /// The explicit behaviour of a TN, if the inventory has one.
    pub(super) fn inventory_behaviour(&self, tn: Tn) -> Result<Option<Behaviour>, StoreError> {
        let explicit: Option<String> = self
            .conn
            .prepare_cached(super::orders::lookup::INVENTORY_OF_TN)?
            .query_row([tn.digits()], |r| r.get(0))
            .optional()?;
        explicit
            .map(|json| serde_json::from_str(&json).map_err(corrupt))
            .transpose()
    }
}
