//! What the sandbox decides when a client sends an order: POST-time validation, the new order
//! (R8 PON versions), and supps and cancels (R3 terminal orders, R9 fixed PON and TNs, 17015,
//! 17025, a supp's new requested FOC date).

use chrono::NaiveDate;

use super::super::clock::{Millis, date_of};
use super::super::order::{
    HistoryEntry, NewOrder, OrderError, OrderUpdate, Stage, StoredOrder, Transition,
};
use super::{
    SYSTEM_USER, code_text, code_text_with, confirmed_foc_date, history, settle, transition,
};
use crate::model::{self, OrderDraft, OrderStatus, Tn};
use crate::validate::{self, BusinessCalendar, Severity, ValidationContext};

/// The validation errors of a draft, as Bandwidth codes and texts, and the typed order when the
/// draft has one.
pub fn validation_errors(
    draft: &OrderDraft,
    today: NaiveDate,
    calendar: &BusinessCalendar,
) -> (Vec<OrderError>, Option<model::LsrOrder>) {
    let report = validate::validate_order(draft, &ValidationContext::offline(today, calendar));
    let findings: Vec<&validate::Finding> = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    (super::bandwidth_errors(&findings, draft), report.order)
}

/// Decides whether a POSTed draft is accepted (validation with *today* = the sandbox date): the
/// order to store, or the errors to answer with (17000 when there is no order at all).
pub fn accept_new_order(
    draft: &OrderDraft,
    today: NaiveDate,
    calendar: &BusinessCalendar,
) -> Result<NewOrder, Vec<OrderError>> {
    if *draft == OrderDraft::default() {
        return Err(refused(17000, code_text(17000).to_string()));
    }
    let (errors, typed) = validation_errors(draft, today, calendar);
    match typed {
        Some(typed) if errors.is_empty() => Ok(NewOrder {
            pon: typed.pon.to_string(),
            tns: typed.tns,
            requested_foc: typed.requested_foc_date,
            draft: draft.clone(),
        }),
        _ if errors.is_empty() => Err(refused(17000, code_text(17000).to_string())),
        _ => Err(errors),
    }
}

/// A new order as the sandbox stores it: PENDING, waiting for processing, its PON version one
/// more than the account's `earlier_versions` orders with the same PON (R8).
pub fn create(
    id: String,
    account_id: &str,
    by: &str,
    new: NewOrder,
    earlier_versions: u32,
    now: Millis,
) -> Transition {
    let mut tns = new.tns;
    tns.dedup();
    let order = StoredOrder {
        id,
        account_id: account_id.to_string(),
        pon: new.pon,
        pon_version: earlier_versions + 1,
        status: OrderStatus::Pending,
        draft: new.draft,
        tns,
        requested_foc: new.requested_foc,
        actual_foc: None,
        errors: Vec::new(),
        created_at: now,
        modified_at: now,
        created_by: by.to_string(),
        modified_by: by.to_string(),
        stage: Stage::Received,
        stage_since: now,
        npac: None,
    };
    transition(
        order,
        now,
        "LSR has been received by the system and is being processed",
        by,
    )
}

/// The fields a supp may change: what it sent, without the PON and the TN list (R9 refuses a
/// change to those; the same values are simply kept).
pub fn supp_changes(sent: &OrderDraft) -> OrderDraft {
    let mut changes = sent.clone();
    changes.pon = None;
    changes.tns.clear();
    changes
}

/// Moves an order to FOC on `foc`, with the history entry Bandwidth writes.
pub fn set_foc(order: &mut StoredOrder, foc: NaiveDate, at: Millis) -> HistoryEntry {
    let before = order.actual_foc.map(|d| d.to_string()).unwrap_or_default();
    settle(order, OrderStatus::Foc, at, SYSTEM_USER);
    order.actual_foc = Some(foc);
    order.errors.clear();
    history(
        order,
        at,
        "Port-out date has been set",
        SYSTEM_USER,
        Some(format!("ActualFocDate : \"{before}\" --> {foc}")),
    )
}

fn refused(code: u32, description: String) -> Vec<OrderError> {
    vec![OrderError { code, description }]
}

/// Decides a supp or a cancel `by` a user at `now`: the changed order and its history, or
/// Bandwidth's errors. In order: an `OrderStatus` other than CANCELLED is 17025; a terminal
/// order is 17015 with R3's explanation; a cancel ends the order (other fields are ignored);
/// a changed PON or TN list is 17025 (R9); then the order as supped must validate. A supp of an
/// EXCEPTION order sends it back through processing; a new requested FOC date on an order in
/// FOC re-confirms the FOC.
pub fn update(
    mut order: StoredOrder,
    update: &OrderUpdate,
    by: &str,
    now: Millis,
    calendar: &BusinessCalendar,
) -> Result<Transition, Vec<OrderError>> {
    let today = date_of(now);
    let cancel = match update.order_status.as_deref().map(str::trim) {
        None | Some("") => false,
        Some(s) if s.parse::<OrderStatus>() == Ok(OrderStatus::Cancelled) => true,
        Some(other) => {
            return Err(refused(
                17025,
                format!("OrderStatus cannot be changed to {other}. Only cancelled value allowed."),
            ));
        }
    };
    if order.status.terminal_explanation().is_some() {
        return Err(refused(17015, code_text(17015).to_string()));
    }
    if cancel {
        settle(&mut order, OrderStatus::Cancelled, now, by);
        return Ok(transition(
            order,
            now,
            "LSR has been cancelled by the customer",
            by,
        ));
    }
    let fixed = fixed_fields_changed(&order, &update.draft);
    if !fixed.is_empty() {
        let plural = if fixed.len() > 1 { "s" } else { "" };
        return Err(refused(
            17025,
            code_text_with(17025, &[&fixed.join(", "), plural]),
        ));
    }
    let changes = supp_changes(&update.draft);
    let merged = order.draft.clone().overlay(&changes);
    // The date rules (not in the past, a business day) apply to a date the supp sends: an
    // address change after the original requested date has passed is still fine.
    let mut checked = merged.clone();
    checked.requested_foc_date = changes.requested_foc_date.clone();
    let (errors, _) = validation_errors(&checked, today, calendar);
    if !errors.is_empty() {
        return Err(errors);
    }
    let new_requested = changes
        .requested_foc_date
        .as_deref()
        .and_then(|d| validate::parse_requested_date(d, today, calendar).ok());
    order.draft = merged;
    order.modified_at = now;
    order.modified_by = by.to_string();
    let mut difference = None;
    if let Some(date) = new_requested {
        if order.requested_foc != Some(date) {
            difference = Some(format!(
                "RequestedFocDate : \"{}\" --> {date}",
                order
                    .requested_foc
                    .map(|d| d.to_string())
                    .unwrap_or_default()
            ));
        }
        order.requested_foc = Some(date);
    }
    let mut note = "LSR has been supplemented";
    match order.status {
        OrderStatus::Exception => {
            // A supp answers the exception: the losing side checks the order again.
            order.status = OrderStatus::Pending;
            order.stage = Stage::Received;
            order.stage_since = now;
            order.errors.clear();
            note = "LSR has been supplemented and is being processed again";
        }
        OrderStatus::Foc if new_requested.is_some() => {
            let supped = history(&order, now, note, by, difference);
            let foc = confirmed_foc_date(order.requested_foc, today, calendar);
            let confirmed = set_foc(&mut order, foc, now);
            return Ok(Transition {
                order,
                history: vec![supped, confirmed],
            });
        }
        _ => {}
    }
    let supped = history(&order, now, note, by, difference);
    Ok(Transition {
        order,
        history: vec![supped],
    })
}

/// R9: the element names of the fixed fields a supp tries to change (`Pon`,
/// `ListOfTelephoneNumbers`); sending the same values again is fine.
fn fixed_fields_changed(order: &StoredOrder, sent: &OrderDraft) -> Vec<&'static str> {
    let mut fixed = Vec::new();
    if let Some(pon) = sent.pon.as_deref().map(str::trim)
        && pon != order.pon
    {
        fixed.push("Pon");
    }
    if !sent.tns.is_empty() {
        let mut sent: Vec<String> = sent
            .tns
            .iter()
            .map(|t| {
                Tn::parse(t)
                    .map(|t| t.digits())
                    .unwrap_or_else(|_| t.clone())
            })
            .collect();
        let mut held: Vec<String> = order.tns.iter().map(|t| t.digits()).collect();
        sent.sort();
        sent.dedup();
        held.sort();
        if sent != held {
            fixed.push("ListOfTelephoneNumbers");
        }
    }
    fixed
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::super::tests::{NOON, day, in_foc, received, valid_draft};
    use super::*;

    fn cal() -> BusinessCalendar {
        BusinessCalendar::us_npac()
    }

    fn supp(edit: impl FnOnce(&mut OrderDraft)) -> OrderUpdate {
        let mut draft = OrderDraft::default();
        edit(&mut draft);
        OrderUpdate {
            draft,
            order_status: None,
        }
    }

    fn cancel(status: &str) -> OrderUpdate {
        OrderUpdate {
            draft: OrderDraft::default(),
            order_status: Some(status.to_string()),
        }
    }

    fn codes(result: Result<Transition, Vec<OrderError>>) -> Vec<u32> {
        result.unwrap_err().iter().map(|e| e.code).collect()
    }

    #[test]
    fn a_valid_draft_is_accepted_and_a_broken_one_is_refused_with_codes() {
        let today = day(11, 30);
        let new = accept_new_order(&valid_draft(&["0100", "0101"]), today, &cal()).unwrap();
        assert_eq!(new.pon, "ACME-0001");
        assert_eq!(new.tns.len(), 2);
        assert_eq!(new.requested_foc, Some(day(12, 15)));
        let mut broken = valid_draft(&["0100"]);
        broken.pon = None;
        let errors = accept_new_order(&broken, today, &cal()).unwrap_err();
        assert!(!errors.is_empty());
        assert!(errors.iter().all(|e| e.code != 17000), "{errors:?}");
    }

    #[test]
    fn a_new_order_is_pending_with_the_next_pon_version() {
        let new = accept_new_order(&valid_draft(&["0100"]), day(11, 30), &cal()).unwrap();
        let created = create("id-9".into(), "9900001", "demo-user-1", new, 2, NOON);
        assert_eq!(created.order.pon_version, 3);
        assert_eq!(created.order.status, OrderStatus::Pending);
        assert_eq!(created.order.stage, Stage::Received);
        assert_eq!(created.order.created_by, "demo-user-1");
        assert_eq!(created.history.len(), 1);
        assert_eq!(
            created.history[0].note,
            "LSR has been received by the system and is being processed"
        );
    }

    #[test]
    fn r3_terminal_orders_cannot_be_changed() {
        for status in [
            OrderStatus::Failed,
            OrderStatus::Cancelled,
            OrderStatus::Complete,
        ] {
            let mut order = received(&["0100"]);
            order.status = status;
            let refused = update(order.clone(), &cancel("CANCELLED"), "u", NOON, &cal());
            assert_eq!(codes(refused), vec![17015], "{status}");
            let supped = update(
                order,
                &supp(|d| d.btn = Some("9195550100".into())),
                "u",
                NOON,
                &cal(),
            );
            let errors = supped.unwrap_err();
            assert_eq!(errors[0].code, 17015);
            // Bandwidth's text exactly; lsr explains why (R3) on its side.
            assert_eq!(
                errors[0].description, "Lsr order is in unmodifiable state.",
                "{errors:?}"
            );
        }
    }

    #[test]
    fn only_cancelled_is_a_status_a_client_may_set() {
        let result = update(received(&["0100"]), &cancel(" FOC "), "u", NOON, &cal());
        let errors = result.unwrap_err();
        assert_eq!(errors[0].code, 17025);
        assert_eq!(
            errors[0].description,
            "OrderStatus cannot be changed to FOC. Only cancelled value allowed."
        );
        // The status check comes before R3.
        let mut done = received(&["0100"]);
        done.status = OrderStatus::Complete;
        assert_eq!(
            codes(update(done, &cancel("FOC"), "u", NOON, &cal())),
            vec![17025]
        );
    }

    #[test]
    fn a_cancel_ends_the_order_and_ignores_other_fields() {
        let mut request = cancel("canceled");
        request.draft.pon = Some("OTHER".into());
        let done = update(
            received(&["0100"]),
            &request,
            "demo-user-1",
            NOON + 1,
            &cal(),
        )
        .unwrap();
        assert_eq!(done.order.status, OrderStatus::Cancelled);
        assert_eq!(done.order.stage, Stage::Settled);
        assert_eq!(done.order.pon, "ACME-0001");
        assert_eq!(done.order.modified_at, NOON + 1);
        assert_eq!(
            done.history[0].note,
            "LSR has been cancelled by the customer"
        );
        assert_eq!(done.history[0].author.as_deref(), Some("demo-user-1"));
        assert_eq!(done.history[0].status, OrderStatus::Cancelled);
    }

    #[test]
    fn r9_a_supp_cannot_change_the_pon_or_the_tns() {
        let order = received(&["0100", "0101"]);
        let pon = update(
            order.clone(),
            &supp(|d| d.pon = Some("NEW".into())),
            "u",
            NOON,
            &cal(),
        );
        assert_eq!(
            pon.unwrap_err()[0].description,
            "Pon field cannot be modified."
        );
        let both = update(
            order.clone(),
            &supp(|d| {
                d.pon = Some("NEW".into());
                d.tns = vec!["9195550100".into()];
            }),
            "u",
            NOON,
            &cal(),
        );
        assert_eq!(
            both.unwrap_err()[0].description,
            "Pon, ListOfTelephoneNumbers fields cannot be modified."
        );
        // The same PON and TNs (any format, any order, repeated) are no change.
        let same = update(
            order,
            &supp(|d| {
                d.pon = Some(" ACME-0001 ".into());
                d.tns = vec![
                    "919-555-0101".into(),
                    "9195550100".into(),
                    "9195550100".into(),
                ];
            }),
            "u",
            NOON,
            &cal(),
        );
        assert!(same.is_ok(), "{same:?}");
    }

    #[test]
    fn a_supp_must_validate_and_only_its_own_date_is_checked() {
        let order = received(&["0100"]);
        let past = update(
            order.clone(),
            &supp(|d| d.requested_foc_date = Some("2026-11-02".into())),
            "u",
            NOON,
            &cal(),
        );
        assert!(past.is_err());
        // The stored requested date has passed; an address change is still fine.
        let mut old = order;
        old.draft.requested_foc_date = Some("2026-11-02".into());
        let moved = update(
            old,
            &supp(|d| d.subscriber.address.city = Some("Durham".into())),
            "u",
            NOON,
            &cal(),
        )
        .unwrap();
        assert_eq!(
            moved.order.draft.subscriber.address.city.as_deref(),
            Some("Durham")
        );
        assert_eq!(moved.history[0].note, "LSR has been supplemented");
        assert_eq!(moved.history[0].difference, None);
    }

    #[test]
    fn a_supp_answers_an_exception_and_sends_the_order_back_to_processing() {
        let mut order = received(&["4321"]);
        order.status = OrderStatus::Exception;
        order.stage = Stage::Settled;
        order.errors = vec![OrderError {
            code: 7512,
            description: "x".into(),
        }];
        let supped = update(
            order,
            &supp(|d| d.subscriber.pin = Some("4321".into())),
            "u",
            NOON + 7,
            &cal(),
        )
        .unwrap();
        assert_eq!(supped.order.status, OrderStatus::Pending);
        assert_eq!(supped.order.stage, Stage::Received);
        assert_eq!(supped.order.stage_since, NOON + 7);
        assert!(supped.order.errors.is_empty());
        assert_eq!(
            supped.history[0].note,
            "LSR has been supplemented and is being processed again"
        );
        assert_eq!(supped.history[0].status, OrderStatus::Pending);
    }

    #[test]
    fn a_new_requested_date_on_a_foc_order_confirms_a_new_foc() {
        let order = in_foc(day(12, 15));
        let supped = update(
            order,
            &supp(|d| d.requested_foc_date = Some("2026-12-08".into())),
            "demo-user-1",
            NOON,
            &cal(),
        )
        .unwrap();
        assert_eq!(supped.order.requested_foc, Some(day(12, 8)));
        assert_eq!(supped.order.actual_foc, Some(day(12, 8)));
        assert_eq!(supped.order.modified_by, SYSTEM_USER);
        assert_eq!(supped.history.len(), 2);
        assert_eq!(supped.history[0].note, "LSR has been supplemented");
        assert_eq!(supped.history[0].status, OrderStatus::Foc);
        assert_eq!(
            supped.history[0].difference.as_deref(),
            Some("RequestedFocDate : \"2026-12-15\" --> 2026-12-08")
        );
        assert_eq!(
            supped.history[1].difference.as_deref(),
            Some("ActualFocDate : \"2026-12-15\" --> 2026-12-08")
        );
    }

    #[test]
    fn a_supp_elsewhere_keeps_status_and_records_the_new_date() {
        let order = received(&["0100"]);
        let supped = update(
            order,
            &supp(|d| d.requested_foc_date = Some("2026-12-16".into())),
            "u",
            NOON,
            &cal(),
        )
        .unwrap();
        assert_eq!(supped.order.status, OrderStatus::Pending);
        assert_eq!(supped.order.stage, Stage::Received);
        assert_eq!(supped.order.requested_foc, Some(day(12, 16)));
        assert_eq!(supped.history.len(), 1);
        assert!(supped.history[0].difference.is_some());
    }
}
