//! The sandbox's order record and what changes it: the stored order, its stage and NPAC state,
//! its history entries, and the requests (a new order, a supp or cancel) the engine decides on.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::clock::Millis;
use crate::model::{OrderDraft, OrderStatus, Tn};

/// A code and text attached to an order (`LsrOrderErrors/LsrOrderError`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderError {
    pub code: u32,
    pub description: String,
}

/// Where an order is inside its status (what the next due event is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Received (or supped from EXCEPTION): the TN-line table runs after the processing delay.
    Received,
    /// 7521: an agent sets the FOC 24 hours later (R6).
    ManualHandling,
    /// Nothing scheduled by processing (FOC timers are derived from the NPAC fields).
    Settled,
}

impl Stage {
    /// The stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Received => "received",
            Stage::ManualHandling => "manual",
            Stage::Settled => "settled",
        }
    }

    /// Reads the stored form; anything unknown is `Settled` (nothing scheduled).
    pub fn parse(text: &str) -> Stage {
        match text {
            "received" => Stage::Received,
            "manual" => Stage::ManualHandling,
            _ => Stage::Settled,
        }
    }
}

/// The gaining carrier's NPAC subscriptions for an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NpacState {
    pub subscribed_at: Millis,
    pub medium_timers: bool,
    pub concurred_at: Option<Millis>,
}

/// An order as the sandbox keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredOrder {
    pub id: String,
    pub account_id: String,
    pub pon: String,
    pub pon_version: u32,
    pub status: OrderStatus,
    /// The order's fields as submitted (and supped), in the untyped form the wire maps to.
    pub draft: OrderDraft,
    pub tns: Vec<Tn>,
    pub requested_foc: Option<NaiveDate>,
    pub actual_foc: Option<NaiveDate>,
    pub errors: Vec<OrderError>,
    pub created_at: Millis,
    pub modified_at: Millis,
    pub created_by: String,
    pub modified_by: String,
    pub stage: Stage,
    pub stage_since: Millis,
    pub npac: Option<NpacState>,
}

/// One `OrderHistory` entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryEntry {
    pub at: Millis,
    pub note: String,
    pub author: Option<String>,
    pub status: OrderStatus,
    pub difference: Option<String>,
}

/// A new order that passed validation.
#[derive(Debug, Clone)]
pub struct NewOrder {
    pub draft: OrderDraft,
    pub pon: String,
    pub tns: Vec<Tn>,
    pub requested_foc: Option<NaiveDate>,
}

/// A supp or cancel as sent by the client.
#[derive(Debug, Clone, Default)]
pub struct OrderUpdate {
    /// The fields present in the body.
    pub draft: OrderDraft,
    /// `OrderStatus` when present (only `CANCELLED` is allowed).
    pub order_status: Option<String>,
}

/// An order after a change the engine decided, with the history entries to write (in order).
#[derive(Debug, Clone, PartialEq)]
pub struct Transition {
    pub order: StoredOrder,
    pub history: Vec<HistoryEntry>,
}
