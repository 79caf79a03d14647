//! What shell completion offers for an ORDER argument: the orders this history knows (every
//! backend), newest first, as PONs, `PON@N` and order ids.

use rusqlite::params;

use super::error::StoreError;
use super::open::HistoryStore;

/// One known order, as completion names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownReference {
    pub pon: String,
    /// lsr's number for it, the N of `PON@N` (R8).
    pub pon_version: u32,
    pub order_id: String,
    pub status: String,
}

impl HistoryStore {
    /// The most recently updated orders whose PON or order id starts with `prefix` (ASCII
    /// case-insensitive for the PON), at most `limit`, newest first.
    pub fn known_references(
        &self,
        prefix: &str,
        limit: usize,
    ) -> Result<Vec<KnownReference>, StoreError> {
        // LIKE treats `%` and `_` as wildcards; PONs may contain `_`, so match it literally.
        let escaped: String = prefix
            .chars()
            .flat_map(|c| match c {
                '%' | '_' | '\\' => vec!['\\', c],
                c => vec![c],
            })
            .collect();
        let pattern = format!("{escaped}%");
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.read(|conn| {
            conn.prepare_cached(
                "SELECT pon, pon_count, order_id, status FROM orders
                 WHERE pon LIKE ?1 ESCAPE '\\' OR order_id LIKE ?1 ESCAPE '\\'
                 ORDER BY updated_at DESC LIMIT ?2",
            )?
            .query_map(params![pattern, limit], |row| {
                let version: i64 = row.get(1)?;
                Ok(KnownReference {
                    pon: row.get(0)?,
                    pon_version: u32::try_from(version).unwrap_or(0),
                    order_id: row.get(2)?,
                    status: row.get(3)?,
                })
            })?
            .collect()
        })
    }
}
