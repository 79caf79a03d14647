//! The wizard's logic through its seam: a scripted user answers from a queue, and the
//! transcript of what the wizard showed is checked (order of questions, refusals, the draft it
//! built, the confirm, a cancelled prompt).
#![allow(clippy::unwrap_used)]

use std::collections::VecDeque;
use std::io;

use chrono::NaiveDate;

use super::*;
use crate::model::AddressDraft;
use crate::validate::BusinessCalendar;

pub(super) fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

pub(super) fn complete_draft() -> OrderDraft {
    let mut draft = OrderDraft {
        pon: Some("WIZ-1".into()),
        authorizing_person: Some("Jane Doe".into()),
        tns: vec!["9197206100".into()],
        ..OrderDraft::default()
    };
    draft.subscriber.subscriber_type = Some("business".into());
    draft.subscriber.business_name = Some("Acme Widgets".into());
    draft.subscriber.address = AddressDraft {
        house_number: Some("11".into()),
        street: Some("Park Ave".into()),
        city: Some("Raleigh".into()),
        state: Some("NC".into()),
        zip: Some("27601".into()),
        ..AddressDraft::default()
    };
    draft
}

pub(super) fn report_of(draft: &OrderDraft) -> Report {
    let calendar = BusinessCalendar::us_npac();
    validate_order(draft, &ValidationContext::offline(monday(), &calendar))
}

#[test]
fn wizard_missing_flags_are_empty_for_a_complete_order() {
    assert!(missing_flags(&report_of(&complete_draft())).is_empty());
}

#[test]
fn wizard_missing_flags_name_each_required_flag_once() {
    let report = report_of(&OrderDraft::default());
    assert_eq!(
        missing_flags(&report),
        vec![
            "--pon",
            "--auth-person",
            "--last-name",
            "--house-number",
            "--street",
            "--city",
            "--state",
            "--zip",
            "--tn",
        ]
    );
}

#[test]
fn wizard_missing_flags_ignore_present_but_invalid_fields() {
    let mut draft = complete_draft();
    draft.pon = Some("bad pon!".into());
    draft.subscriber.address.zip = None;
    assert_eq!(missing_flags(&report_of(&draft)), vec!["--zip"]);
}

#[test]
fn wizard_missing_fields_error_is_a_usage_error_naming_flags() {
    let err = missing_fields_error(&["--pon", "--tn"]);
    assert_eq!(err.exit, Exit::Usage);
    assert_eq!(
        err.message,
        "the order is missing required fields: --pon, --tn"
    );
}

#[test]
fn wizard_refuses_a_toll_free_tn_with_the_reason() {
    let calendar = BusinessCalendar::us_npac();
    let rules = ValidationContext::offline(monday(), &calendar);
    let mut draft = complete_draft();
    draft.tns.push("800-555-0100".into());
    let why = refusal(&draft, "tns[1]", &rules).unwrap();
    assert!(why.contains("toll-free"), "{why}");
    draft.tns[1] = "919-720-6101".into();
    assert_eq!(refusal(&draft, "tns[1]", &rules), None);
    draft.tns[1] = "919-72".into();
    assert!(refusal(&draft, "tns[1]", &rules).is_some());
}

#[test]
fn wizard_refuses_a_weekend_foc_date_and_names_the_next_business_day() {
    let calendar = BusinessCalendar::us_npac();
    let rules = ValidationContext::offline(monday(), &calendar);
    let mut draft = complete_draft();
    draft.requested_foc_date = Some("2026-12-05".into());
    let why = refusal(&draft, "requested_foc_date", &rules).unwrap();
    assert!(why.contains("Saturday"), "{why}");
    assert!(why.contains("2026-12-07"), "{why}");
    draft.requested_foc_date = Some("2026-12-25".into());
    let why = refusal(&draft, "requested_foc_date", &rules).unwrap();
    assert!(why.contains("Christmas"), "{why}");
    draft.requested_foc_date = Some("2026-12-01".into());
    assert_eq!(refusal(&draft, "requested_foc_date", &rules), None);
}

#[test]
fn wizard_refuses_an_empty_required_field_without_flag_hints() {
    let calendar = BusinessCalendar::us_npac();
    let rules = ValidationContext::offline(monday(), &calendar);
    let mut draft = complete_draft();
    draft.pon = None;
    assert_eq!(
        refusal(&draft, "pon", &rules).as_deref(),
        Some("PON is required")
    );
    draft.subscriber.address = AddressDraft::default();
    assert_eq!(
        refusal(&draft, "subscriber.address.house_number", &rules).as_deref(),
        Some("service address is required")
    );
}

/// One thing the scripted user does at a prompt.
#[derive(Clone, Copy)]
enum Reply {
    /// Types this line (at `select`: the item's text; at `confirm`: `y` is the only yes).
    Type(&'static str),
    /// Presses Ctrl-C.
    CtrlC,
    /// The terminal goes away.
    Gone,
}

use Reply::{CtrlC, Gone, Type};

/// A user at no terminal: replies from a queue, and a transcript of all the wizard showed —
/// `? prompt [default] > initial` for a question, `! reason` for an answer refused at it,
/// `error: reason` for a given value refused before it is offered, `say: text` otherwise.
struct Scripted {
    replies: VecDeque<Reply>,
    shown: Vec<String>,
}

impl Scripted {
    fn new(replies: &[Reply]) -> Scripted {
        Scripted {
            replies: replies.iter().copied().collect(),
            shown: Vec::new(),
        }
    }

    fn next(&mut self) -> Result<&'static str, PromptError> {
        match self.replies.pop_front() {
            Some(Type(text)) => Ok(text),
            Some(CtrlC) => Err(PromptError::Interrupted),
            Some(Gone) => Err(PromptError::Terminal(io::Error::other(
                "terminal went away",
            ))),
            None => Err(PromptError::Terminal(io::Error::other(
                "the script has no more replies",
            ))),
        }
    }

    /// The questions asked, in order.
    fn questions(&self) -> Vec<&str> {
        let asked = self.shown.iter().filter(|l| l.starts_with("? "));
        asked.map(String::as_str).collect()
    }
}

impl Prompter for Scripted {
    fn say(&mut self, text: &str) {
        self.shown.push(format!("say: {text}"));
    }

    fn refuse(&mut self, why: &str) {
        self.shown.push(format!("error: {why}"));
    }

    fn input(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        initial: Option<&str>,
        check: Check<'_>,
    ) -> Result<String, PromptError> {
        let mut question = format!("? {prompt}");
        if let Some(default) = default {
            question.push_str(&format!(" [{default}]"));
        }
        if let Some(initial) = initial {
            question.push_str(&format!(" > {initial}"));
        }
        self.shown.push(question);
        loop {
            // As at the terminal: an empty line is the default, which is checked too.
            let answer = match (self.next()?, default) {
                ("", Some(default)) => default,
                (typed, _) => typed,
            };
            match check(answer) {
                Ok(()) => return Ok(answer.to_string()),
                Err(why) => self.shown.push(format!("! {why}")),
            }
        }
    }

    fn secret(&mut self, prompt: &str, check: Check<'_>) -> Result<String, PromptError> {
        self.shown.push(format!("? {prompt} (hidden)"));
        loop {
            let answer = self.next()?;
            match check(answer) {
                Ok(()) => return Ok(answer.to_string()),
                Err(why) => self.shown.push(format!("! {why}")),
            }
        }
    }

    fn select(
        &mut self,
        prompt: &str,
        items: &[&str],
        default: usize,
    ) -> Result<usize, PromptError> {
        self.shown
            .push(format!("? {prompt} {items:?} [{}]", items[default]));
        let typed = self.next()?;
        let index = items.iter().position(|item| *item == typed);
        index.ok_or_else(|| PromptError::Terminal(io::Error::other(format!("no item {typed}"))))
    }

    fn confirm(&mut self, prompt: &str) -> Result<bool, PromptError> {
        self.shown.push(format!("? {prompt} [y/N]"));
        Ok(self.next()? == "y")
    }
}

/// Runs the wizard on `draft` with `replies` on Monday 2026-11-30.
fn run_wizard(draft: &mut OrderDraft, replies: &[Reply]) -> (anyhow::Result<bool>, Scripted) {
    let calendar = BusinessCalendar::us_npac();
    let rules = ValidationContext::offline(monday(), &calendar);
    let mut user = Scripted::new(replies);
    let result = complete_with(Some(&mut user), &rules, draft);
    (result, user)
}

/// Shows the complete order's summary (sending to the sandbox) and answers with `replies`;
/// returns the decision and the draft as it is after any edit.
fn run_confirm(replies: &[Reply]) -> (anyhow::Result<Decision>, Scripted, OrderDraft) {
    let mut draft = complete_draft();
    draft.requested_foc_date = Some("2026-12-01".into());
    let report = report_of(&draft);
    let order = report.order.unwrap();
    let calendar = BusinessCalendar::us_npac();
    let rules = ValidationContext::offline(monday(), &calendar);
    let mut user = Scripted::new(replies);
    let result = confirm_with(
        &mut user,
        &rules,
        "the sandbox",
        &mut draft,
        &order,
        &report.findings,
    );
    (result, user, draft)
}

/// The validator's reason for refusing `field` of `draft` after `change`.
fn reason(draft: &OrderDraft, field: &str, change: impl FnOnce(&mut OrderDraft)) -> String {
    let mut candidate = draft.clone();
    change(&mut candidate);
    let calendar = BusinessCalendar::us_npac();
    refusal(
        &candidate,
        field,
        &ValidationContext::offline(monday(), &calendar),
    )
    .unwrap()
}

/// The reason the validator gives for a FOC date on Saturday 2026-12-05.
fn saturday_refusal() -> String {
    reason(&complete_draft(), "requested_foc_date", |d| {
        d.requested_foc_date = Some("2026-12-05".into());
    })
}

/// The question of the optional-fields step.
const OPTIONAL_OFFER: &str = "? Add any of them now? [y/N]";

/// What the optional-fields step says for a draft like `draft` (which lacks all of them).
fn optional_offer_text(draft: &OrderDraft) -> String {
    assert!(draft.subscriber.pin.is_none() && draft.btn.is_none());
    format!(
        "say: Optional fields the losing carrier may need:\n{}",
        [
            "  PIN             the end user's port-out passcode: a carrier that requires one\n                  answers EXCEPTION 7512 (none given) or 7513 (wrong)\n",
            "  account number  the end user's account at the losing carrier (many match it)\n",
            "  BTN             the account's billing number, when it is not one of the TNs\n",
            "  address line 2  the suite or unit, when the carrier's record has one\n",
        ]
        .concat()
    )
}

fn cli_error(result: anyhow::Result<impl std::fmt::Debug>) -> CliError {
    let error = result.unwrap_err();
    error.downcast::<CliError>().unwrap()
}

#[test]
fn wizard_asks_the_missing_fields_in_the_order_of_the_order_file() {
    let mut draft = OrderDraft::default();
    let replies = [
        "WIZ-1",
        "", // the offered next business day
        "Jane Doe",
        "business",
        "Acme Widgets",
        "11",
        "Park Ave",
        "Raleigh",
        "NC",
        "27601",
        "919-720-6100",
        "",
        "n", // no optional fields
    ]
    .map(Type);
    let (result, user) = run_wizard(&mut draft, &replies);
    assert!(result.unwrap(), "the wizard says it asked");
    assert_eq!(
        user.shown[0],
        "say: The order is missing required fields; answer to complete it (Ctrl-C stops).\n"
    );
    assert_eq!(
        user.questions(),
        vec![
            "? PON (purchase order number)",
            "? Requested FOC date (YYYY-MM-DD or +Nbd) [2026-12-01]",
            "? Authorizing person",
            "? Subscriber type [\"business\", \"residential\"] [residential]",
            "? Business name",
            "? Service address: house number",
            "? Service address: street",
            "? Service address: city",
            "? Service address: state (2 letters)",
            "? Service address: ZIP code",
            "? Telephone number to port",
            "? Telephone number #2 (empty line to finish)",
            OPTIONAL_OFFER,
        ]
    );
    assert!(
        !user.shown.iter().any(|l| l.starts_with('!')),
        "{:?}",
        user.shown
    );
    let mut expected = complete_draft();
    expected.requested_foc_date = Some("2026-12-01".into());
    expected.tns = vec!["919-720-6100".into()];
    // The chosen type is written as the wire spells it.
    expected.subscriber.subscriber_type = Some("BUSINESS".into());
    assert_eq!(draft, expected);
    assert!(report_of(&draft).ok());
}

#[test]
fn wizard_refuses_bad_answers_with_the_validators_reason_and_asks_again() {
    let mut draft = complete_draft();
    draft.requested_foc_date = None;
    draft.subscriber.address.zip = None;
    draft.tns.clear();
    let replies = [
        "2026-12-05", // a Saturday
        "2026-12-07",
        "2760",
        "27601",
        "919-72",
        "800-555-0100",
        "919-720-6100",
        "919-720-6100", // already listed
        "",
        "n",
    ]
    .map(Type);
    let before = draft.clone();
    let (result, user) = run_wizard(&mut draft, &replies);
    assert!(result.unwrap());

    let weekend = saturday_refusal();
    assert!(
        weekend.contains("Saturday") && weekend.contains("2026-12-07"),
        "{weekend}"
    );
    let bad_zip = reason(&before, "subscriber.address.zip", |d| {
        d.subscriber.address.zip = Some("2760".into());
    });
    assert!(bad_zip.contains("2760"), "{bad_zip}");
    let short_tn = reason(&before, "tns[0]", |d| d.tns = vec!["919-72".into()]);
    let toll_free = reason(&before, "tns[0]", |d| d.tns = vec!["800-555-0100".into()]);
    assert!(toll_free.contains("toll-free"), "{toll_free}");
    let twice = reason(&before, "tns[1]", |d| {
        d.tns = vec!["919-720-6100".into(); 2]
    });

    assert_eq!(
        user.shown[1..],
        [
            "? Requested FOC date (YYYY-MM-DD or +Nbd) [2026-12-01]".to_string(),
            format!("! {weekend}"),
            "? Service address: ZIP code".to_string(),
            format!("! {bad_zip}"),
            "? Telephone number to port".to_string(),
            format!("! {short_tn}"),
            format!("! {toll_free}"),
            "? Telephone number #2 (empty line to finish)".to_string(),
            format!("! {twice}"),
            optional_offer_text(&before),
            OPTIONAL_OFFER.to_string(),
        ]
    );
    assert_eq!(draft.requested_foc_date.as_deref(), Some("2026-12-07"));
    assert_eq!(draft.subscriber.address.zip.as_deref(), Some("27601"));
    assert_eq!(draft.tns, vec!["919-720-6100".to_string()]);
}

#[test]
fn wizard_shows_why_a_given_value_is_refused_and_offers_it_for_editing() {
    let mut draft = complete_draft();
    draft.requested_foc_date = Some("2026-12-05".into());
    draft.subscriber.address.state = Some("XX".into());
    draft.subscriber.address.zip = None;
    let before = draft.clone();
    let replies = ["2026-12-04", "NC", "27601", "n"].map(Type);
    let (result, user) = run_wizard(&mut draft, &replies);
    assert!(result.unwrap());
    let weekend = saturday_refusal();
    let state = reason(&before, "subscriber.address.state", |_| {});
    assert!(state.contains("state code `XX`"), "{state}");
    assert_eq!(
        user.shown[1..],
        [
            format!("error: {weekend}"),
            "? Requested FOC date (YYYY-MM-DD or +Nbd) [2026-12-01] > 2026-12-05".to_string(),
            format!("error: {state}"),
            "? Service address: state (2 letters) > XX".to_string(),
            "? Service address: ZIP code".to_string(),
            optional_offer_text(&before),
            OPTIONAL_OFFER.to_string(),
        ]
    );
    assert_eq!(draft.requested_foc_date.as_deref(), Some("2026-12-04"));
    assert_eq!(draft.subscriber.address.state.as_deref(), Some("NC"));
}

#[test]
fn wizard_asks_first_and_last_name_for_a_residential_subscriber() {
    let mut draft = complete_draft();
    draft.requested_foc_date = Some("2026-12-01".into());
    draft.subscriber.subscriber_type = None;
    draft.subscriber.business_name = None;
    let replies = ["residential", "", "", "Doe", "n"].map(Type);
    let (result, user) = run_wizard(&mut draft, &replies);
    assert!(result.unwrap());
    assert_eq!(
        user.questions(),
        vec![
            "? Subscriber type [\"business\", \"residential\"] [residential]",
            "? First name (optional)",
            "? Last name",
            OPTIONAL_OFFER,
        ]
    );
    let last_name = user.shown.iter().find(|l| l.starts_with('!')).unwrap();
    assert!(
        last_name.contains("a residential subscriber needs a last name"),
        "{last_name}"
    );
    let s = &draft.subscriber;
    assert_eq!(s.subscriber_type.as_deref(), Some("RESIDENTIAL"));
    assert_eq!(
        (s.first_name.as_deref(), s.last_name.as_deref()),
        (None, Some("Doe"))
    );
}

#[test]
fn wizard_asks_nothing_for_a_complete_order_and_nobody_means_a_usage_error() {
    let mut draft = complete_draft();
    let (result, user) = run_wizard(&mut draft, &[]);
    assert!(!result.unwrap(), "nothing was missing");
    assert!(user.shown.is_empty(), "{:?}", user.shown);
    assert_eq!(draft, complete_draft());

    let calendar = BusinessCalendar::us_npac();
    let rules = ValidationContext::offline(monday(), &calendar);
    let mut draft = complete_draft();
    draft.pon = None;
    let err = cli_error(complete_with(None, &rules, &mut draft));
    assert_eq!(err.exit, Exit::Usage);
    assert_eq!(err.message, "the order is missing required field: --pon");
}

/// The question at the summary.
const SUMMARY_CHOICE: &str = "? What now? [\"Send order WIZ-1 now\", \"Edit a field\", \"Cancel: send nothing\"] [Send order WIZ-1 now]";

#[test]
fn wizard_sends_only_when_sending_is_chosen_at_the_summary() {
    let (result, user, _) = run_confirm(&[Type("Cancel: send nothing")]);
    let err = cli_error(result);
    assert_eq!(err.exit, Exit::Failure);
    assert_eq!(err.message, "order WIZ-1 was not sent");
    assert!(
        user.shown[0].contains("The order to send to the sandbox:"),
        "{:?}",
        user.shown
    );
    assert_eq!(user.questions(), vec![SUMMARY_CHOICE]);
    let (result, _, _) = run_confirm(&[Type("Send order WIZ-1 now")]);
    assert_eq!(result.unwrap(), Decision::Send);
}

#[test]
fn wizard_summary_edits_any_field_with_its_value_typed_in_and_checked() {
    let (result, user, draft) = run_confirm(&[
        Type("Edit a field"),
        Type("Service address: street"),
        Type(""), // refused: a street is required
        Type("Main St"),
    ]);
    assert_eq!(result.unwrap(), Decision::Edited);
    assert_eq!(draft.subscriber.address.street.as_deref(), Some("Main St"));
    let questions = user.questions();
    assert_eq!(questions[0], SUMMARY_CHOICE);
    assert!(
        questions[1].starts_with("? Which field? ["),
        "{questions:?}"
    );
    assert_eq!(questions[2], "? Service address: street > Park Ave");
    assert!(
        user.shown.iter().any(|l| l.starts_with("! ")),
        "{:?}",
        user.shown
    );

    // The FOC date: a weekend is refused with the validator's reason, as when first asked.
    let (result, user, draft) = run_confirm(&[
        Type("Edit a field"),
        Type("Requested FOC date (YYYY-MM-DD or +Nbd)"),
        Type("2026-12-05"),
        Type("2026-12-04"),
    ]);
    assert_eq!(result.unwrap(), Decision::Edited);
    assert_eq!(draft.requested_foc_date.as_deref(), Some("2026-12-04"));
    assert!(
        user.shown.contains(&format!("! {}", saturday_refusal())),
        "{:?}",
        user.shown
    );

    // The TNs, as one line, each checked.
    let (result, user, draft) = run_confirm(&[
        Type("Edit a field"),
        Type("Telephone numbers"),
        Type("919-720-6100, 800-555-0100"),
        Type("919-720-6100, 919-720-6101"),
    ]);
    assert_eq!(result.unwrap(), Decision::Edited);
    assert_eq!(draft.tns, ["919-720-6100", "919-720-6101"]);
    assert!(
        user.shown.iter().any(|l| l.contains("toll-free")),
        "{:?}",
        user.shown
    );
}

#[test]
fn wizard_cancelled_prompt_exits_as_at_the_terminal_with_nothing_sent() {
    let hint = "give the missing fields as flags, or pass --no-input to never be asked";
    // Ctrl-C at the third question, and at the confirm: exit 130.
    let mut draft = OrderDraft::default();
    let (result, user) = run_wizard(&mut draft, &[Type("WIZ-1"), Type(""), CtrlC]);
    let err = cli_error(result);
    assert_eq!(err.exit, Exit::Interrupted);
    assert_eq!(err.message, "interrupted; nothing was sent");
    assert_eq!(err.hint.as_deref(), Some(hint));
    assert_eq!(user.questions().last(), Some(&"? Authorizing person"));

    let (result, _, _) = run_confirm(&[CtrlC]);
    let err = cli_error(result);
    assert_eq!(err.exit, Exit::Interrupted);
    assert_eq!(err.message, "interrupted; nothing was sent");

    // The terminal going away: exit 1.
    let (result, _) = run_wizard(&mut OrderDraft::default(), &[Gone]);
    let err = cli_error(result);
    assert_eq!(err.exit, Exit::Failure);
    assert_eq!(
        err.message,
        "cannot ask on the terminal: terminal went away; nothing was sent"
    );
    assert_eq!(err.hint.as_deref(), Some(hint));
}

#[test]
fn wizard_offers_the_optional_fields_in_one_step_and_checks_each() {
    let mut draft = complete_draft();
    draft.pon = None;
    let replies = [
        "WIZ-9",
        "", // the offered FOC date
        "y",
        "ACCT-12", // refused: letters and digits only
        "ACCT12",
        "919-720-6199",
        "Suite 5",
        "12 34", // refused PIN
        "1234",
    ]
    .map(Type);
    let (result, user) = run_wizard(&mut draft, &replies);
    assert!(result.unwrap());
    assert_eq!(
        user.questions()[2..],
        [
            OPTIONAL_OFFER,
            "? Account number at the losing carrier (Enter to skip)",
            "? Billing telephone number (Enter to skip)",
            "? Service address: second line, e.g. suite or unit (Enter to skip)",
            "? Port-out PIN (not shown; Enter to skip) (hidden)",
        ]
    );
    let refusals: Vec<&String> = user.shown.iter().filter(|l| l.starts_with('!')).collect();
    assert_eq!(refusals.len(), 2, "{refusals:?}");
    assert!(refusals[1].contains("PIN"), "{refusals:?}");
    assert_eq!(draft.subscriber.account_number.as_deref(), Some("ACCT12"));
    assert_eq!(draft.btn.as_deref(), Some("919-720-6199"));
    assert_eq!(
        draft.subscriber.address.address_line2.as_deref(),
        Some("Suite 5")
    );
    assert_eq!(draft.subscriber.pin.as_deref(), Some("1234"));
    // The PIN is never shown back: not in a question, not in a refusal.
    assert!(
        !user.shown.iter().any(|l| l.contains("1234")),
        "{:?}",
        user.shown
    );
    assert!(report_of(&draft).ok(), "{:?}", report_of(&draft).findings);
}

#[test]
fn wizard_skips_the_optional_step_when_every_optional_field_is_given() {
    let mut draft = complete_draft();
    draft.pon = None;
    draft.btn = Some("919-720-6199".into());
    draft.subscriber.account_number = Some("ACCT12".into());
    draft.subscriber.pin = Some("1234".into());
    draft.subscriber.address.address_line2 = Some("Suite 5".into());
    let (result, user) = run_wizard(&mut draft, &[Type("WIZ-9"), Type("")]);
    assert!(result.unwrap());
    assert!(
        !user.questions().contains(&OPTIONAL_OFFER),
        "{:?}",
        user.shown
    );
}

#[test]
fn wizard_reports_given_values_it_cannot_fix_before_the_first_question() {
    let mut draft = complete_draft();
    draft.pon = None;
    draft.tns = vec!["919-720-6100".into(), "800-555-0100".into()];
    let (result, user) = run_wizard(&mut draft, &[Type("WIZ-9")]);
    let err = cli_error(result);
    assert_eq!(err.exit, Exit::Invalid);
    assert!(err.message.contains("nothing was sent"), "{}", err.message);
    assert!(err.message.contains("tns[1]"), "{}", err.message);
    assert!(err.message.contains("toll-free"), "{}", err.message);
    assert!(user.shown.is_empty(), "nothing was asked: {:?}", user.shown);
}
