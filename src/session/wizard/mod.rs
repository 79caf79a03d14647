//! The interactive `submit` wizard: on a terminal it asks for the required fields an order
//! lacks, refusing each bad answer with the validator's own reason, then shows the order and
//! asks before sending. Off a terminal (or with `--no-input`) the same missing fields are a
//! usage error naming each flag.
//!
//! Every answer is checked by running `validate::validate_order` on the draft with that answer
//! in place and looking for errors on that field, so the prompts never hold a second copy of
//! a rule (TN format and toll-free 17002/17005, duplicates 17009, weekend and holiday FOC dates
//! 17019, past dates 7208, name and address limits).

use std::io::ErrorKind;

use dialoguer::console::Term;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Confirm, Input, Select};

use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::model::{LsrOrder, OrderDraft, SubscriberType};
use crate::validate::{Finding, Report, Severity, ValidationContext, validate_order};

/// The codes with which the validator says a required field is absent, and the flags that
/// supply each. The validator decides what is required; this only names the flags.
const MISSING_FIELD_FLAGS: &[(u32, &[&str])] = &[
    (7120, &["--pon"]),
    (17023, &["--auth-person"]),
    (17010, &["--business-name"]),
    (17012, &["--last-name"]),
    (
        7107,
        &["--house-number", "--street", "--city", "--state", "--zip"],
    ),
    (7108, &["--house-number"]),
    (7109, &["--street"]),
    (7110, &["--city"]),
    (7111, &["--state"]),
    (7112, &["--zip"]),
    (17003, &["--tn"]),
];

/// The flags that would supply the required fields `report` found missing, in the order of the
/// order file, each once.
pub fn missing_flags(report: &Report) -> Vec<&'static str> {
    let mut flags: Vec<&'static str> = Vec::new();
    for finding in report.errors() {
        for flag in flags_for_missing(finding) {
            if !flags.contains(flag) {
                flags.push(flag);
            }
        }
    }
    flags
}

fn flags_for_missing(finding: &Finding) -> &'static [&'static str] {
    finding
        .code
        .and_then(|code| MISSING_FIELD_FLAGS.iter().find(|(c, _)| *c == code))
        .map_or(&[], |(_, flags)| flags)
}

/// The usage error (exit 2) for an order that lacks required fields and nobody to ask.
pub fn missing_fields_error(flags: &[&str]) -> CliError {
    let what = if flags.len() == 1 { "field" } else { "fields" };
    CliError::new(
        Exit::Usage,
        format!(
            "the order is missing required {what}: {}",
            flags.join(", ")
        ),
    )
    .with_hint(
        "pass them as flags or in a --from file (examples/port-out.toml); on a terminal without --no-input, `lsr submit` asks for them",
    )
}

/// Makes the draft complete enough to validate: nothing to do when no required field is
/// missing; otherwise asks for each missing field on the terminal, or fails with exit 2 when
/// prompting is off. Returns true when it asked (the caller then confirms before sending).
pub fn complete_order(ctx: &Context, draft: &mut OrderDraft) -> anyhow::Result<bool> {
    let report = validate_order(draft, &offline(ctx));
    let missing = missing_flags(&report);
    if missing.is_empty() {
        return Ok(false);
    }
    if !ctx.interactive {
        return Err(missing_fields_error(&missing).into());
    }
    let wizard = Wizard::new(ctx);
    wizard
        .ask_missing(draft, &report)
        .map_err(|e| prompt_error(e, "nothing was sent"))?;
    Ok(true)
}

/// Shows the order the wizard built and the findings of every check, and asks before sending.
/// Declining (or `n`, Esc, `q`) is exit 1 with nothing sent. Only reached when the wizard ran,
/// which `--yes` and `--no-input` rule out (they never prompt).
pub fn confirm_sending(
    ctx: &Context,
    order: &LsrOrder,
    findings: &[Finding],
) -> anyhow::Result<()> {
    let backend = if ctx.global.sandbox {
        "the sandbox".to_string()
    } else {
        ctx.settings.base_url.value.clone()
    };
    let summary = order_summary(&backend, order, findings);
    eprint!("{summary}");
    let wizard = Wizard::new(ctx);
    let send = Confirm::with_theme(wizard.theme())
        .with_prompt(format!("Send order {} now?", order.pon))
        .default(false)
        .interact_opt()
        .map_err(|e| prompt_error(e, "nothing was sent"))?;
    if send == Some(true) {
        return Ok(());
    }
    Err(CliError::new(
        Exit::Failure,
        format!("order {} was not sent", order.pon),
    )
    .with_hint("run `lsr submit` again to start over; `lsr validate` checks an order without sending it")
    .into())
}

/// The summary shown before sending to `backend`: the order's fields, then the findings.
pub fn order_summary(backend: &str, order: &LsrOrder, findings: &[Finding]) -> String {
    let s = &order.subscriber;
    let mut lines: Vec<(&str, String)> = vec![("PON", order.pon.to_string())];
    if let Some(id) = &order.customer_order_id {
        lines.push(("customer order id", id.clone()));
    }
    let foc = match order.requested_foc_date {
        Some(date) => format!("{date} ({})", date.format("%A")),
        None => "not given: Bandwidth picks the next day".to_string(),
    };
    lines.push(("requested FOC date", foc));
    let kind = match s.subscriber_type {
        SubscriberType::Business => "business",
        SubscriberType::Residential => "residential",
    };
    lines.push(("subscriber", format!("{} ({kind})", s.display_name())));
    lines.push(("authorizing person", order.authorizing_person.clone()));
    lines.push(("service address", address_line(order)));
    // The account number and PIN are the end user's secrets: say they are there, never echo.
    if s.account_number.is_some() {
        lines.push(("account number", "given (not shown)".to_string()));
    }
    if s.pin.is_some() {
        lines.push(("PIN", "given (not shown)".to_string()));
    }
    if let Some(btn) = order.btn {
        lines.push(("BTN", btn.dashed()));
    }
    if let Some(spid) = &order.spid {
        lines.push(("SPID", spid.clone()));
    }
    let tns: Vec<String> = order.tns.iter().map(|t| t.dashed()).collect();
    lines.push(("TNs", format!("{} ({})", tns.join(", "), tns.len())));

    let width = lines.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    let mut text = format!("\nThe order to send to {backend}:\n");
    for (key, value) in lines {
        text.push_str(&format!("  {key:<width$}  {value}\n"));
    }
    if findings.is_empty() {
        text.push_str("Checks: passed with no findings.\n");
    } else {
        text.push_str("Checks:\n");
        for f in findings {
            let severity = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let code = f.code.map(|c| format!(" {c}")).unwrap_or_default();
            text.push_str(&format!("  {severity}{code} {}: {}\n", f.field, f.message));
        }
    }
    text.push('\n');
    text
}

fn address_line(order: &LsrOrder) -> String {
    let a = &order.subscriber.service_address;
    let street: Vec<&str> = [
        a.house_prefix.as_deref(),
        Some(a.house_number.as_str()),
        a.house_suffix.as_deref(),
        a.pre_directional.as_deref(),
        Some(a.street_name.as_str()),
        a.street_suffix.as_deref(),
        a.post_directional.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut line = street.join(" ");
    if let Some(second) = &a.address_line2 {
        line.push_str(&format!(", {second}"));
    }
    line.push_str(&format!(", {} {} {}", a.city, a.state_code, a.zip));
    line
}

fn offline(ctx: &Context) -> ValidationContext<'_> {
    ValidationContext::offline(ctx.today, &ctx.calendar)
}

/// Why the answer `candidate` (the draft with the answer in place) is refused for `field`: the
/// first error the validator reports on that field or on a field that contains it
/// (`subscriber.address` for `subscriber.address.zip`). Errors on other fields are for their
/// own prompts.
pub fn refusal(
    candidate: &OrderDraft,
    field: &str,
    rules: &ValidationContext<'_>,
) -> Option<String> {
    let report = validate_order(candidate, rules);
    let finding = report.errors().find(|f| covers(&f.field, field))?;
    // A "field is required" hint names flags and order-file keys, which mean nothing at a
    // prompt; other hints say how to fix the answer (e.g. the next business day).
    let is_missing = !flags_for_missing(finding).is_empty();
    Some(match (&finding.hint, is_missing) {
        (Some(hint), false) => format!("{}\n{hint}", finding.message),
        _ => finding.message.clone(),
    })
}

/// Breaks `text` at spaces so no line is wider than `width` columns (the first line also
/// leaves room for the theme's `error: ` mark). The prompt clears what it printed by counting
/// lines, so a line the terminal wraps by itself would be left behind on the screen.
pub fn wrap_to_width(text: &str, width: usize) -> String {
    const MARK: usize = 8;
    let mut out = String::with_capacity(text.len() + 8);
    let mut room = width.saturating_sub(MARK).max(20);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
            room = width.saturating_sub(1).max(20);
        }
        let mut used = 0;
        for word in line.split(' ') {
            let len = word.chars().count();
            if used > 0 && used + 1 + len > room {
                out.push('\n');
                used = 0;
                room = width.saturating_sub(1).max(20);
            } else if used > 0 {
                out.push(' ');
                used += 1;
            }
            out.push_str(word);
            used += len;
        }
    }
    out
}

/// How one text field of the draft is read and written.
type FieldSlot = fn(&mut OrderDraft) -> &mut Option<String>;

/// The prompts, with the theme that matches the colour setting.
struct Wizard<'a> {
    ctx: &'a Context,
    colorful: ColorfulTheme,
    simple: SimpleTheme,
}

impl<'a> Wizard<'a> {
    fn new(ctx: &'a Context) -> Wizard<'a> {
        Wizard {
            ctx,
            colorful: ColorfulTheme::default(),
            simple: SimpleTheme,
        }
    }

    fn theme(&self) -> &dyn Theme {
        if self.ctx.color {
            &self.colorful
        } else {
            &self.simple
        }
    }

    /// Asks, in the order of the order file, for each field the validator has an error on:
    /// the missing ones, and the given ones it refuses (shown with the reason, to edit). The
    /// requested FOC date is asked when none was given, offering the next business day.
    fn ask_missing(&self, draft: &mut OrderDraft, report: &Report) -> dialoguer::Result<()> {
        let needs = |field: &str| has_error_on(report, field);
        eprintln!("The order is missing required fields; answer to complete it (Ctrl-C stops).");
        if needs("pon") {
            self.ask_text(draft, "PON (purchase order number)", "pon", None, |d| {
                &mut d.pon
            })?;
        }
        if is_blank(&draft.requested_foc_date) || needs("requested_foc_date") {
            let next = self.ctx.calendar.next_business_day(self.ctx.today);
            self.ask_text(
                draft,
                "Requested FOC date (YYYY-MM-DD or +Nbd)",
                "requested_foc_date",
                Some(next.format("%Y-%m-%d").to_string()),
                |d| &mut d.requested_foc_date,
            )?;
        }
        if needs("authorizing_person") {
            self.ask_text(
                draft,
                "Authorizing person",
                "authorizing_person",
                None,
                |d| &mut d.authorizing_person,
            )?;
        }
        if [
            "subscriber.type",
            "subscriber.business_name",
            "subscriber.last_name",
        ]
        .into_iter()
        .any(needs)
        {
            self.ask_subscriber_name(draft, report)?;
        }
        let address: [(&str, &str, FieldSlot); 5] = [
            ("house_number", "Service address: house number", |d| {
                &mut d.subscriber.address.house_number
            }),
            ("street", "Service address: street", |d| {
                &mut d.subscriber.address.street
            }),
            ("city", "Service address: city", |d| {
                &mut d.subscriber.address.city
            }),
            ("state", "Service address: state (2 letters)", |d| {
                &mut d.subscriber.address.state
            }),
            ("zip", "Service address: ZIP code", |d| {
                &mut d.subscriber.address.zip
            }),
        ];
        for (name, prompt, slot) in address {
            let field = format!("subscriber.address.{name}");
            if needs(&field) {
                self.ask_text(draft, prompt, &field, None, slot)?;
            }
        }
        // Only an empty list is asked for; a refused TN among many stays a finding to fix.
        if draft.tns.is_empty() {
            self.ask_tns(draft)?;
        }
        Ok(())
    }

    /// The subscriber type (when not given, or not understood) decides which name is asked:
    /// a business name, or a first (optional) and last name.
    fn ask_subscriber_name(
        &self,
        draft: &mut OrderDraft,
        report: &Report,
    ) -> dialoguer::Result<()> {
        let needs = |field: &str| has_error_on(report, field);
        let given = draft
            .subscriber
            .subscriber_type
            .as_deref()
            .and_then(SubscriberType::parse);
        let kind = match given {
            Some(kind) => kind,
            None => {
                let choice = Select::with_theme(self.theme())
                    .with_prompt("Subscriber type")
                    .items(["business", "residential"])
                    // Bandwidth's default when the type is not given.
                    .default(1)
                    .interact()?;
                let kind = if choice == 0 {
                    SubscriberType::Business
                } else {
                    SubscriberType::Residential
                };
                draft.subscriber.subscriber_type = Some(kind.as_str().to_string());
                kind
            }
        };
        match kind {
            SubscriberType::Business => {
                if is_blank(&draft.subscriber.business_name) || needs("subscriber.business_name") {
                    self.ask_text(
                        draft,
                        "Business name",
                        "subscriber.business_name",
                        None,
                        |d| &mut d.subscriber.business_name,
                    )?;
                }
            }
            SubscriberType::Residential => {
                if is_blank(&draft.subscriber.first_name) || needs("subscriber.first_name") {
                    // Optional: the validator accepts it empty.
                    self.ask_text(
                        draft,
                        "First name (optional)",
                        "subscriber.first_name",
                        None,
                        |d| &mut d.subscriber.first_name,
                    )?;
                }
                if is_blank(&draft.subscriber.last_name) || needs("subscriber.last_name") {
                    self.ask_text(draft, "Last name", "subscriber.last_name", None, |d| {
                        &mut d.subscriber.last_name
                    })?;
                }
            }
        }
        Ok(())
    }

    /// Asks for a field until the validator accepts it; an empty answer is checked too, so a
    /// required field says why it cannot be left out. A given value the validator refuses is
    /// shown with the reason and offered for editing.
    fn ask_text(
        &self,
        draft: &mut OrderDraft,
        prompt: &str,
        field: &str,
        default: Option<String>,
        slot: FieldSlot,
    ) -> dialoguer::Result<()> {
        let rules = offline(self.ctx);
        let base = draft.clone();
        let mut input = Input::<String>::with_theme(self.theme())
            .with_prompt(prompt)
            .allow_empty(true)
            .validate_with(|answer: &String| -> Result<(), String> {
                let mut candidate = base.clone();
                *slot(&mut candidate) = non_blank(answer);
                refused(refusal(&candidate, field, &rules))
            });
        if let Some(given) = slot(draft).as_deref().and_then(non_blank) {
            if let Some(why) = refusal(draft, field, &rules) {
                let mut line = String::new();
                let width = usize::from(Term::stderr().size().1);
                let _ = self
                    .theme()
                    .format_error(&mut line, &wrap_to_width(&why, width));
                eprintln!("{line}");
                input = input.with_initial_text(given);
            }
        }
        if let Some(default) = default {
            input = input.default(default);
        }
        let answer = input.interact_text()?;
        *slot(draft) = non_blank(&answer);
        Ok(())
    }

    /// TNs one a prompt until an empty line; each is refused with the validator's reason
    /// (malformed, toll-free, already listed), and an empty first answer says one is needed.
    fn ask_tns(&self, draft: &mut OrderDraft) -> dialoguer::Result<()> {
        let rules = offline(self.ctx);
        loop {
            let index = draft.tns.len();
            let base = draft.clone();
            let field = format!("tns[{index}]");
            let prompt = if index == 0 {
                "Telephone number to port".to_string()
            } else {
                format!("Telephone number #{} (empty line to finish)", index + 1)
            };
            let answer = Input::<String>::with_theme(self.theme())
                .with_prompt(prompt)
                .allow_empty(true)
                .validate_with(|answer: &String| -> Result<(), String> {
                    let mut candidate = base.clone();
                    match non_blank(answer) {
                        Some(tn) => {
                            candidate.tns.push(tn);
                            refused(refusal(&candidate, &field, &rules))
                        }
                        // An empty line ends the list, unless it is still empty (17003).
                        None => refused(refusal(&candidate, "tns", &rules)),
                    }
                })
                .interact_text()?;
            match non_blank(&answer) {
                Some(tn) => draft.tns.push(tn),
                None => return Ok(()),
            }
        }
    }
}

/// A refusal as the prompt's validation error, fitted to the terminal.
fn refused(why: Option<String>) -> Result<(), String> {
    match why {
        None => Ok(()),
        Some(text) => Err(wrap_to_width(&text, usize::from(Term::stderr().size().1))),
    }
}

/// True when the validator reports an error on `field` or on a field that contains it.
fn has_error_on(report: &Report, field: &str) -> bool {
    report.errors().any(|f| covers(&f.field, field))
}

/// `subscriber.address` covers `subscriber.address.zip`; every field covers itself.
fn covers(finding_field: &str, field: &str) -> bool {
    finding_field == field
        || field
            .strip_prefix(finding_field)
            .is_some_and(|rest| rest.starts_with('.'))
}

fn is_blank(value: &Option<String>) -> bool {
    value.as_deref().is_none_or(|t| t.trim().is_empty())
}

fn non_blank(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// A prompt that could not finish: Ctrl-C is exit 130, anything else (the terminal went away)
/// exit 1; either way nothing was sent.
fn prompt_error(error: dialoguer::Error, what_happened: &str) -> anyhow::Error {
    // Select and Confirm hide the cursor while they run.
    let _ = Term::stderr().show_cursor();
    let dialoguer::Error::IO(io) = error;
    let (exit, message) = match io.kind() {
        ErrorKind::Interrupted => (Exit::Interrupted, "interrupted".to_string()),
        _ => (Exit::Failure, format!("cannot ask on the terminal: {io}")),
    };
    CliError::new(exit, format!("{message}; {what_happened}"))
        .with_hint("give the missing fields as flags, or pass --no-input to never be asked")
        .into()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::AddressDraft;
    use crate::validate::BusinessCalendar;
    use chrono::NaiveDate;

    fn monday() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    fn complete_draft() -> OrderDraft {
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

    fn report_of(draft: &OrderDraft) -> Report {
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
    fn wizard_summary_shows_the_order_and_findings_but_never_the_secrets() {
        let mut draft = complete_draft();
        draft.requested_foc_date = Some("+1bd".into());
        draft.subscriber.account_number = Some("ACCT99887766".into());
        draft.subscriber.pin = Some("SECRET42".into());
        // A 555 number: a warning, so the order is typed and the summary has a finding.
        draft.tns.push("919-555-0101".into());
        let report_ok = report_of(&draft);
        let order = report_ok.order.clone().unwrap();
        let text = order_summary("the sandbox", &order, &report_ok.findings);
        assert!(text.contains("The order to send to the sandbox:"), "{text}");
        assert!(text.contains("2026-12-01 (Tuesday)"), "{text}");
        assert!(text.contains("Acme Widgets (business)"), "{text}");
        assert!(text.contains("11 Park Ave, Raleigh NC 27601"), "{text}");
        assert!(text.contains("919-720-6100, 919-555-0101 (2)"), "{text}");
        assert!(text.contains("warning tns[1]:"), "{text}");
        assert!(
            !text.contains("SECRET42") && !text.contains("ACCT99887766"),
            "{text}"
        );
        assert!(
            text.contains("PIN") && text.contains("given (not shown)"),
            "{text}"
        );
    }

    #[test]
    fn wizard_wraps_refusals_to_the_terminal_width() {
        let text = "telephone number 800-555-0100 is toll-free; toll-free numbers do not port by LSR\nremove it; toll-free numbers move through their RespOrg";
        let wrapped = wrap_to_width(text, 40);
        for line in wrapped.lines() {
            assert!(line.chars().count() <= 39, "{line:?}");
        }
        assert_eq!(wrapped.replace('\n', " "), text.replace('\n', " "));
        assert_eq!(wrap_to_width("short", 120), "short");
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
}
