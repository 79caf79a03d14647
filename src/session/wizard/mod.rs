//! The interactive `submit` wizard: on a terminal it asks for the required fields an order
//! lacks, refusing each bad answer with the validator's own reason, then shows the order and
//! asks before sending. Off a terminal (or with `--no-input`) the same missing fields are a
//! usage error naming each flag.
//!
//! Every answer is checked by running `validate::validate_order` on the draft with that answer
//! in place and looking for errors on that field, so the prompts never hold a second copy of
//! a rule (TN format and toll-free 17002/17005, duplicates 17009, weekend and holiday FOC dates
//! 17019, past dates 7208, name and address limits).
//!
//! The questions go through a [`Prompter`]; the entry points use the terminal one, the tests a
//! scripted one.

mod edit;
mod prompter;
mod summary;
#[cfg(test)]
mod tests;

pub use prompter::{Check, PromptError, Prompter, TerminalPrompter, wrap_to_width};
pub use summary::order_summary;

use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::model::{LsrOrder, OrderDraft, SubscriberType};
use crate::validate::{Finding, Report, ValidationContext, validate_order};

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
    let mut terminal = TerminalPrompter::new(ctx.color);
    let prompter = ctx
        .interactive
        .then_some(&mut terminal as &mut dyn Prompter);
    complete_with(prompter, &offline(ctx), draft)
}

/// [`complete_order`] asking through `prompter`, or nobody (`None`) when prompting is off.
pub fn complete_with(
    prompter: Option<&mut dyn Prompter>,
    rules: &ValidationContext<'_>,
    draft: &mut OrderDraft,
) -> anyhow::Result<bool> {
    let report = validate_order(draft, rules);
    let missing = missing_flags(&report);
    if missing.is_empty() {
        return Ok(false);
    }
    let Some(prompter) = prompter else {
        return Err(missing_fields_error(&missing).into());
    };
    // A given value the questions will not come back to (a toll-free TN among those given, a
    // bad SPID) would only be reported after every answer: say so before the first question.
    let unfixable: Vec<&Finding> = report
        .errors()
        .filter(|f| {
            !ASKED_FIELDS
                .iter()
                .any(|a| covers(&f.field, a) || covers(a, &f.field))
        })
        .filter(|f| !(f.field.starts_with("tns[") && draft.tns.is_empty()))
        .collect();
    if !unfixable.is_empty() {
        return Err(given_values_error(&unfixable).into());
    }
    let mut wizard = Wizard { prompter, rules };
    wizard.ask_missing(draft, &report).map_err(prompt_error)?;
    wizard.offer_optional(draft).map_err(prompt_error)?;
    Ok(true)
}

/// The fields the questions ask for when they are missing or refused (`tns` only when the
/// list is empty).
const ASKED_FIELDS: &[&str] = &[
    "pon",
    "requested_foc_date",
    "authorizing_person",
    "subscriber.type",
    "subscriber.business_name",
    "subscriber.first_name",
    "subscriber.last_name",
    "subscriber.address.house_number",
    "subscriber.address.street",
    "subscriber.address.city",
    "subscriber.address.state",
    "subscriber.address.zip",
    "tns",
];

/// The error (exit 3, nothing asked, nothing sent) for given values the questions cannot fix.
fn given_values_error(findings: &[&Finding]) -> CliError {
    let lines: Vec<String> = findings
        .iter()
        .map(|f| format!("  {}: {}", f.field, f.message))
        .collect();
    CliError::new(
        Exit::Invalid,
        format!(
            "the values given hold errors to fix before anything is asked; nothing was sent:\n{}",
            lines.join("\n")
        ),
    )
    .with_hint(
        "fix the flags or the --from file (`lsr validate` lists every finding), then submit again",
    )
}

/// The optional fields, offered in one step after the required ones: the field, the question,
/// when it matters, and its slot in the draft.
const OPTIONAL_FIELDS: [(&str, &str, &str, FieldSlot); 3] = [
    (
        "subscriber.account_number",
        "Account number at the losing carrier (Enter to skip)",
        "account number  the end user's account at the losing carrier (many match it)",
        |d| &mut d.subscriber.account_number,
    ),
    (
        "btn",
        "Billing telephone number (Enter to skip)",
        "BTN             the account's billing number, when it is not one of the TNs",
        |d| &mut d.btn,
    ),
    (
        "subscriber.address.address_line2",
        "Service address: second line, e.g. suite or unit (Enter to skip)",
        "address line 2  the suite or unit, when the carrier's record has one",
        |d| &mut d.subscriber.address.address_line2,
    ),
];

/// What the user chose at the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Send the order as shown.
    Send,
    /// A field of the draft was changed: check it again and show the summary again.
    Edited,
}

/// Shows the order the wizard built and the findings of every check, then offers to send it,
/// to edit any field (the caller checks the edited draft again and comes back here), or to
/// cancel (exit 1, nothing sent). Only reached when the wizard ran, which `--yes` and
/// `--no-input` rule out (they never prompt).
pub fn confirm_sending(
    ctx: &Context,
    draft: &mut OrderDraft,
    order: &LsrOrder,
    findings: &[Finding],
) -> anyhow::Result<Decision> {
    let backend = if ctx.global.sandbox {
        "the sandbox".to_string()
    } else {
        crate::config::redact_url_credentials(&ctx.settings.base_url.value)
    };
    confirm_with(
        &mut TerminalPrompter::new(ctx.color),
        &offline(ctx),
        &backend,
        draft,
        order,
        findings,
    )
}

/// [`confirm_sending`] asking through `prompter`, naming `backend` in the summary; an edit is
/// checked against `rules`.
pub fn confirm_with(
    prompter: &mut dyn Prompter,
    rules: &ValidationContext<'_>,
    backend: &str,
    draft: &mut OrderDraft,
    order: &LsrOrder,
    findings: &[Finding],
) -> anyhow::Result<Decision> {
    prompter.say(&order_summary(backend, order, findings));
    let send = format!("Send order {} now", order.pon);
    let choice = prompter
        .select(
            "What now?",
            &[send.as_str(), "Edit a field", "Cancel: send nothing"],
            0,
        )
        .map_err(prompt_error)?;
    match choice {
        0 => Ok(Decision::Send),
        1 => {
            Wizard { prompter, rules }
                .edit_one(draft)
                .map_err(prompt_error)?;
            Ok(Decision::Edited)
        }
        _ => Err(CliError::new(
            Exit::Failure,
            format!("order {} was not sent", order.pon),
        )
        .with_hint("run `lsr submit` again to start over; `lsr validate` checks an order without sending it")
        .into()),
    }
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

/// How one text field of the draft is read and written.
type FieldSlot = fn(&mut OrderDraft) -> &mut Option<String>;

/// The questions, asked through a prompter and checked against the offline rules.
struct Wizard<'p, 'r> {
    prompter: &'p mut dyn Prompter,
    rules: &'r ValidationContext<'r>,
}

impl Wizard<'_, '_> {
    /// Asks, in the order of the order file, for each field the validator has an error on:
    /// the missing ones, and the given ones it refuses (shown with the reason, to edit). The
    /// requested FOC date is asked when none was given, offering the next business day.
    fn ask_missing(&mut self, draft: &mut OrderDraft, report: &Report) -> Result<(), PromptError> {
        let needs = |field: &str| has_error_on(report, field);
        self.prompter
            .say("The order is missing required fields; answer to complete it (Ctrl-C stops).\n");
        if needs("pon") {
            self.ask_text(draft, "PON (purchase order number)", "pon", None, |d| {
                &mut d.pon
            })?;
        }
        if is_blank(&draft.requested_foc_date) || needs("requested_foc_date") {
            let next = self.rules.calendar.next_business_day(self.rules.today);
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

    /// Offers the optional fields the order lacks (account number, PIN, BTN, address line 2) in
    /// one step, saying when each matters; each answer is checked like a required one, and an
    /// empty answer skips it.
    fn offer_optional(&mut self, draft: &mut OrderDraft) -> Result<(), PromptError> {
        let pin_missing = draft
            .subscriber
            .pin
            .as_deref()
            .is_none_or(|p| p.trim().is_empty());
        let lacking: Vec<&(&str, &str, &str, FieldSlot)> = OPTIONAL_FIELDS
            .iter()
            .filter(|(_, _, _, slot)| is_blank(slot(&mut draft.clone())))
            .collect();
        if lacking.is_empty() && !pin_missing {
            return Ok(());
        }
        let mut why = String::from("Optional fields the losing carrier may need:\n");
        if pin_missing {
            why.push_str(
                "  PIN             the end user's port-out passcode: a carrier that requires one\n",
            );
            why.push_str("                  answers EXCEPTION 7512 (none given) or 7513 (wrong)\n");
        }
        for (_, _, when, _) in &lacking {
            why.push_str(&format!("  {when}\n"));
        }
        self.prompter.say(&why);
        if !self.prompter.confirm("Add any of them now?")? {
            return Ok(());
        }
        for (field, prompt, _, slot) in lacking {
            self.ask_text(draft, prompt, field, None, *slot)?;
        }
        if pin_missing {
            self.ask_pin(draft)?;
        }
        Ok(())
    }

    /// The PIN, checked like any answer (letters and digits, at most 10); never echoed back.
    fn ask_pin(&mut self, draft: &mut OrderDraft) -> Result<(), PromptError> {
        let rules = self.rules;
        let base = draft.clone();
        let check = |answer: &str| {
            let mut candidate = base.clone();
            candidate.subscriber.pin = non_blank(answer).map(Into::into);
            refused(refusal(&candidate, "subscriber.pin", rules))
        };
        let answer = self
            .prompter
            .secret("Port-out PIN (not shown; Enter to skip)", &check)?;
        draft.subscriber.pin = non_blank(&answer).map(Into::into);
        Ok(())
    }

    /// The subscriber type (when not given, or not understood) decides which name is asked:
    /// a business name, or a first (optional) and last name.
    fn ask_subscriber_name(
        &mut self,
        draft: &mut OrderDraft,
        report: &Report,
    ) -> Result<(), PromptError> {
        let needs = |field: &str| has_error_on(report, field);
        let given = draft
            .subscriber
            .subscriber_type
            .as_deref()
            .and_then(SubscriberType::parse);
        let kind = match given {
            Some(kind) => kind,
            None => {
                // Residential is Bandwidth's default when the type is not given.
                let choice =
                    self.prompter
                        .select("Subscriber type", &["business", "residential"], 1)?;
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
        &mut self,
        draft: &mut OrderDraft,
        prompt: &str,
        field: &str,
        default: Option<String>,
        slot: FieldSlot,
    ) -> Result<(), PromptError> {
        let given = slot(draft).as_deref().and_then(non_blank);
        let mut initial = None;
        if let Some(given) = given
            && let Some(why) = refusal(draft, field, self.rules)
        {
            self.prompter.refuse(&why);
            initial = Some(given);
        }
        self.ask_field(
            draft,
            prompt,
            field,
            default.as_deref(),
            initial.as_deref(),
            slot,
        )
    }

    /// Asks for one text field, `initial` already typed, until the validator accepts the draft
    /// with the answer in place; writes the answer into the draft.
    fn ask_field(
        &mut self,
        draft: &mut OrderDraft,
        prompt: &str,
        field: &str,
        default: Option<&str>,
        initial: Option<&str>,
        slot: FieldSlot,
    ) -> Result<(), PromptError> {
        let rules = self.rules;
        let base = draft.clone();
        let check = |answer: &str| {
            let mut candidate = base.clone();
            *slot(&mut candidate) = non_blank(answer);
            refused(refusal(&candidate, field, rules))
        };
        let answer = self.prompter.input(prompt, default, initial, &check)?;
        *slot(draft) = non_blank(&answer);
        Ok(())
    }

    /// TNs one a prompt until an empty line; each is refused with the validator's reason
    /// (malformed, toll-free, already listed), and an empty first answer says one is needed.
    fn ask_tns(&mut self, draft: &mut OrderDraft) -> Result<(), PromptError> {
        let rules = self.rules;
        loop {
            let index = draft.tns.len();
            let base = draft.clone();
            let field = format!("tns[{index}]");
            let prompt = if index == 0 {
                "Telephone number to port".to_string()
            } else {
                format!("Telephone number #{} (empty line to finish)", index + 1)
            };
            let check = |answer: &str| {
                let mut candidate = base.clone();
                match non_blank(answer) {
                    Some(tn) => {
                        candidate.tns.push(tn);
                        refused(refusal(&candidate, &field, rules))
                    }
                    // An empty line ends the list, unless it is still empty (17003).
                    None => refused(refusal(&candidate, "tns", rules)),
                }
            };
            let answer = self.prompter.input(&prompt, None, None, &check)?;
            match non_blank(&answer) {
                Some(tn) => draft.tns.push(tn),
                None => return Ok(()),
            }
        }
    }
}

/// A refusal as the verdict of a prompt's check.
fn refused(why: Option<String>) -> Result<(), String> {
    why.map_or(Ok(()), Err)
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
fn prompt_error(error: PromptError) -> anyhow::Error {
    let exit = match error {
        PromptError::Interrupted => Exit::Interrupted,
        PromptError::Terminal(_) => Exit::Failure,
    };
    CliError::new(exit, format!("{error}; nothing was sent"))
        .with_hint("give the missing fields as flags, or pass --no-input to never be asked")
        .into()
}
