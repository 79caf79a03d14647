//! What the FAQ forbids, refused before anything is sent: changing a terminal order (R3) and
//! changing a placed order's PON or TNs (R9).

use crate::exit::{CliError, Exit};
use crate::model::Order;

/// Refuses to change a terminal order (R3), in the FAQ's words, before anything is sent.
/// `verb` is what was attempted (`supp`, `cancel`).
pub fn refuse_terminal(order: &Order, verb: &str) -> Result<(), CliError> {
    let Some(status) = order.status else {
        return Ok(());
    };
    let Some(explanation) = status.terminal_explanation() else {
        return Ok(());
    };
    let label = order.label();
    let err = CliError::new(
        Exit::Rejected,
        format!("cannot {verb} order {label}: {explanation}"),
    );
    Err(match status {
        crate::model::OrderStatus::Complete => err,
        _ => err.with_hint(format!(
            "`lsr resubmit {label}` places a new order from this one"
        )),
    })
}

/// R9: the PON (like the TN list) is fixed once the order is placed. Refused locally, before
/// anything is sent: exit 3, as every refusal of what the user asked.
pub fn pon_change_refused(label: &str, new_pon: &str) -> anyhow::Error {
    CliError::new(
        Exit::Invalid,
        format!(
            "a supp cannot change the PON of order {label} to `{new_pon}`: the PON and the TNs are fixed once an order is placed; a TN cannot be removed by a supp: cancel and resubmit (R9)"
        ),
    )
    .with_hint(format!(
        "`lsr resubmit {label} --pon {new_pon}` cancels it and places a new order (add `--remove-tn TN` to leave numbers out)"
    ))
    .into()
}

/// R9: a supp cannot change the TNs (`supp ORDER --tn …`). Refused locally, before anything is
/// looked up or sent: exit 3.
pub fn tn_change_refused(reference: &str) -> anyhow::Error {
    CliError::new(
        Exit::Invalid,
        format!(
            "a supp cannot change the TNs of order {reference}: the PON and the TNs are fixed once an order is placed; a TN cannot be removed by a supp: cancel and resubmit (R9)"
        ),
    )
    .with_hint(format!(
        "`lsr resubmit {reference} --remove-tn TN` cancels it and places a new order without TN; TNs to add go on a new order (`lsr submit`)"
    ))
    .into()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn order(status: &str) -> Order {
        let mut order = crate::wire::LsrOrder {
            order_id: Some("id-1".into()),
            pon: Some("ACME-1".into()),
            pon_version: Some(2),
            order_status: Some(status.into()),
            ..crate::wire::LsrOrder::default()
        }
        .to_order();
        // lsr's number for it (the second order placed with ACME-1), as the backend gives it.
        order.pon_version = Some(2);
        order
    }

    #[test]
    fn supp_refuses_terminal_orders_with_the_r3_text() {
        for status in ["PENDING", "FOC", "EXCEPTION"] {
            assert!(refuse_terminal(&order(status), "supp").is_ok(), "{status}");
        }
        let err = refuse_terminal(&order("FAILED"), "supp").unwrap_err();
        assert_eq!(err.exit, Exit::Rejected);
        assert!(
            err.message
                .starts_with("cannot supp order ACME-1@2: FAILED is a final status")
        );
        assert!(err.hint.unwrap().contains("lsr resubmit ACME-1@2"));
        let err = refuse_terminal(&order("COMPLETE"), "cancel").unwrap_err();
        assert!(err.message.contains("already ported"), "{}", err.message);
        assert!(err.hint.is_none());
    }
}
