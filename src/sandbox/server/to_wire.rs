//! Stored orders, errors, history and notes as Bandwidth's wire shapes.

use super::super::clock;
use super::super::order::{HistoryEntry, OrderError, StoredOrder};
use super::super::store::StoredNote;
use crate::model::OrderDraft;
use crate::wire::{self, LsrOrderError};

/// The client's fields of a draft as wire elements, with the output-only `Country` Bandwidth
/// adds to the service address.
pub(super) fn wire_from_draft(draft: &OrderDraft) -> wire::LsrOrder {
    let mut out = wire::LsrOrder::from_draft(draft);
    if let Some(address) = out
        .subscriber
        .as_mut()
        .and_then(|s| s.service_address.as_mut())
    {
        address.country = Some("United States".to_string());
    }
    out
}

/// A stored order as Bandwidth returns it.
pub(super) fn wire_from_stored(order: &StoredOrder, spid: Option<&str>) -> wire::LsrOrder {
    let mut out = wire_from_draft(&order.draft);
    out.order_id = Some(order.id.clone());
    out.account_id = Some(order.account_id.clone());
    out.pon = Some(order.pon.clone());
    out.pon_version = Some(order.pon_version);
    out.spid = out.spid.or_else(|| spid.map(str::to_string));
    out.order_status = Some(order.status.as_str().to_string());
    out.requested_foc_date = order.requested_foc.map(wire::format_wire_date);
    out.actual_foc_date = order.actual_foc.map(wire::format_wire_date);
    out.order_create_date = Some(clock::format_timestamp(order.created_at));
    out.last_modified_date = Some(clock::format_timestamp(order.modified_at));
    out.created_by_user = Some(order.created_by.clone());
    out.last_modified_by = Some(order.modified_by.clone());
    out.peer_id = Some(0);
    out.site_id = Some(0);
    out.list_of_telephone_numbers = Some(order.tns.iter().map(|t| t.digits()).collect());
    out.count_of_tns = Some(u32::try_from(order.tns.len()).unwrap_or(u32::MAX));
    out.lsr_order_errors = Some(wire_errors(&order.errors));
    out
}

pub(super) fn wire_errors(errors: &[OrderError]) -> Vec<LsrOrderError> {
    errors
        .iter()
        .map(|e| LsrOrderError::new(e.code, e.description.clone()))
        .collect()
}

pub(super) fn wire_history(entries: &[HistoryEntry]) -> wire::OrderHistoryWrapper {
    wire::OrderHistoryWrapper {
        entries: entries
            .iter()
            .map(|e| wire::OrderHistory {
                order_date: Some(clock::format_timestamp(e.at)),
                note: Some(e.note.clone()),
                author: e.author.clone(),
                status: Some(e.status.as_str().to_string()),
                difference: e.difference.clone(),
            })
            .collect(),
    }
}

pub(super) fn wire_note(note: &StoredNote) -> wire::Note {
    wire::Note {
        id: Some(note.id.to_string()),
        user_id: Some(note.user_id.clone()),
        description: Some(note.description.clone()),
        last_date_modifier: Some(clock::format_timestamp(note.modified_at)),
    }
}
