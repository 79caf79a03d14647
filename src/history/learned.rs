//! What the history knows about TNs: pending FOCs on open orders (R4) and the rules learned from
//! errors 7517 / 7521 (R5, R6).

use std::collections::HashSet;

use chrono::Utc;
use rusqlite::{Connection, params};

use super::error::StoreError;
use super::open::HistoryStore;
use super::orders::{ensure_backend, find_backend};
use super::record::{BackendKey, Learned, LearnedRule};
use super::rows::{Stamped, date_column, tn_to_sql};
use crate::model::{OrderStatus, Tn};
use crate::validate::{OpenOrder, PendingFoc};

/// Statuses of an open order (R3); only these can hold a pending FOC (R4).
pub(super) const OPEN_STATUSES: [OrderStatus; 3] = [
    OrderStatus::Pending,
    OrderStatus::Foc,
    OrderStatus::Exception,
];

impl HistoryStore {
    /// TNs among `tns` that sit on an open order (PENDING, FOC, EXCEPTION) with a confirmed FOC
    /// date: submitting them again would meet 17008 (R4). Ordered by the TNs as given, then by
    /// FOC date.
    pub fn pending_focs(
        &self,
        backend: &BackendKey,
        tns: &[Tn],
    ) -> Result<Vec<PendingFoc>, StoreError> {
        Ok(self
            .open_orders_on(backend, tns)?
            .into_iter()
            .filter_map(|o| {
                Some(PendingFoc {
                    tn: o.tn,
                    foc_date: o.foc_date?,
                    pon: o.pon,
                    order_id: o.order_id,
                })
            })
            .collect())
    }

    /// Every open order (PENDING, FOC, EXCEPTION: not final, R3) that holds one of `tns`, once
    /// per TN and order, named `PON@N`. Ordered by the TNs as given, then by FOC date (orders
    /// without one last), then by creation.
    pub fn open_orders_on(
        &self,
        backend: &BackendKey,
        tns: &[Tn],
    ) -> Result<Vec<OpenOrder>, StoreError> {
        self.read(|conn| {
            let Some(backend_id) = find_backend(conn, backend)? else {
                return Ok(Vec::new());
            };
            // CROSS JOIN: start from the TN index, never from the orders (see `search_statement`).
            let mut statement = conn.prepare_cached(
                "SELECT o.pon, o.actual_foc_date, o.order_id, o.status, o.pon_count
                 FROM order_tns t
                 CROSS JOIN orders o ON o.id = t.order_row
                 WHERE t.tn = ?1 AND o.backend_id = ?2
                   AND o.status IN (?3, ?4, ?5)
                 GROUP BY o.id
                 ORDER BY o.actual_foc_date IS NULL, o.actual_foc_date, o.created_at",
            )?;
            let mut seen = HashSet::new();
            let mut found = Vec::new();
            for tn in tns.iter().filter(|tn| seen.insert(**tn)) {
                let rows = statement.query_map(
                    params![
                        tn_to_sql(*tn),
                        backend_id,
                        OPEN_STATUSES[0].as_str(),
                        OPEN_STATUSES[1].as_str(),
                        OPEN_STATUSES[2].as_str(),
                    ],
                    |row| {
                        let pon: String = row.get(0)?;
                        let count: i64 = row.get(4)?;
                        Ok(OpenOrder {
                            tn: *tn,
                            label: if count > 0 {
                                format!("{pon}@{count}")
                            } else {
                                pon.clone()
                            },
                            pon,
                            order_id: Some(row.get(2)?),
                            status: row.get(3)?,
                            foc_date: date_column(row, 1)?,
                        })
                    },
                )?;
                for open in rows {
                    found.push(open?);
                }
            }
            Ok(found)
        })
    }

    /// Remembers that `tns` met `rule` on order `order_id` (7517 / 7521). Recording an order
    /// whose errors carry those codes does this by itself.
    pub fn record_learned(
        &self,
        backend: &BackendKey,
        tns: &[Tn],
        rule: LearnedRule,
        order_id: &str,
    ) -> Result<(), StoreError> {
        let now = self.nanos(Utc::now())?;
        self.write(|conn| {
            let backend_id = ensure_backend(conn, backend)?;
            insert_learned(conn, backend_id, tns, rule, order_id, now)
        })
    }

    /// What the store has learned about `tns`, for `validate::ValidationContext`.
    pub fn learned(&self, backend: &BackendKey, tns: &[Tn]) -> Result<Learned, StoreError> {
        self.read(|conn| {
            let mut learned = Learned::default();
            let Some(backend_id) = find_backend(conn, backend)? else {
                return Ok(learned);
            };
            let mut statement = conn
                .prepare_cached("SELECT code FROM learned_tns WHERE backend_id = ?1 AND tn = ?2")?;
            for tn in tns {
                let codes = statement
                    .query_map(params![backend_id, tn_to_sql(*tn)], |row| {
                        row.get::<_, i64>(0)
                    })?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                for code in codes {
                    match u32::try_from(code).ok().and_then(LearnedRule::from_code) {
                        Some(LearnedRule::OneTnPerRequest) => {
                            learned.one_tn_required.insert(*tn);
                        }
                        Some(LearnedRule::ManualHandling) => {
                            learned.manual_handling.insert(*tn);
                        }
                        None => {}
                    }
                }
            }
            Ok(learned)
        })
    }
}

pub(super) fn insert_learned(
    conn: &Connection,
    backend_id: i64,
    tns: &[Tn],
    rule: LearnedRule,
    order_id: &str,
    at: i64,
) -> rusqlite::Result<()> {
    // The first order that taught a rule stays the one cited.
    let mut statement = conn.prepare_cached(
        "INSERT INTO learned_tns (backend_id, tn, code, order_id, learned_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (backend_id, tn, code) DO NOTHING",
    )?;
    for tn in tns {
        statement.execute(params![
            backend_id,
            tn_to_sql(*tn),
            i64::from(rule.code()),
            order_id,
            at
        ])?;
    }
    Ok(())
}

/// Learns 7517 / 7521 from a record's errors (R5, R6).
pub(super) fn learn_from_errors(
    conn: &Connection,
    backend_id: i64,
    item: &Stamped<'_>,
) -> rusqlite::Result<()> {
    let record = item.record;
    let rules: HashSet<LearnedRule> = record
        .errors
        .iter()
        .filter_map(|e| LearnedRule::from_code(e.code))
        .collect();
    for rule in rules {
        insert_learned(
            conn,
            backend_id,
            &record.tns,
            rule,
            &record.order_id,
            item.updated_at,
        )?;
    }
    Ok(())
}
