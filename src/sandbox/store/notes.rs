//! Notes on orders (`…/notes`): listed, added and changed; the server checks who may write them.

use rusqlite::params;
use serde::Serialize;

use super::super::clock::Millis;
use super::{Store, StoreError};

/// One note on an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredNote {
    pub id: i64,
    pub user_id: String,
    pub description: String,
    pub modified_at: Millis,
}

impl Store {
    /// The notes of an order, oldest first.
    pub fn notes(&self, order_id: &str) -> Result<Vec<StoredNote>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, user_id, description, modified_at FROM notes WHERE order_id = ?1 ORDER BY id",
        )?;
        let notes = stmt
            .query_map([order_id], |r| {
                Ok(StoredNote {
                    id: r.get(0)?,
                    user_id: r.get(1)?,
                    description: r.get(2)?,
                    modified_at: r.get(3)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(notes)
    }

    /// Adds a note at the sandbox time; returns its id.
    pub fn add_note(
        &mut self,
        order_id: &str,
        user_id: &str,
        description: &str,
    ) -> Result<i64, StoreError> {
        let now = self.now()?;
        self.conn
            .prepare_cached(
                "INSERT INTO notes (order_id, user_id, description, modified_at) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![order_id, user_id, description, now])?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Updates a note; false when the order has no such note.
    pub fn update_note(
        &mut self,
        order_id: &str,
        note_id: i64,
        user_id: &str,
        description: &str,
    ) -> Result<bool, StoreError> {
        let now = self.now()?;
        let changed = self
            .conn
            .prepare_cached(
                "UPDATE notes SET user_id = ?3, description = ?4, modified_at = ?5 \
                 WHERE id = ?1 AND order_id = ?2",
            )?
            .execute(params![note_id, order_id, user_id, description, now])?;
        Ok(changed > 0)
    }
}
