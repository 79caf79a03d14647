//! The catalog of Bandwidth codes and FAQ topics: text, kind, resulting status, meaning, action.
//!
//! Pure data and lookups, no I/O. Bandwidth's texts are the ones its error reference ("Porting
//! Numbers Out") documents, placeholders (`%s`, `%d`) included; the meanings and actions are
//! written for a porting desk and cite the FAQ rules R1–R12 (docs/rules.md).

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{OrderStatus, Tn};

/// Where a code shows up, which says what it did to the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CodeKind {
    /// HTTP 400 on `POST /lsrorders`: nothing was created (many also apply to a supp).
    PostValidation,
    /// Refusal of a supp or cancel (`PUT /lsrorders/{id}`); the order is unchanged.
    PutValidation,
    /// Refusal of a note (`POST`/`PUT …/notes`).
    NoteValidation,
    /// Recorded on the order while Bandwidth processes it.
    Processing,
    /// The losing account's port-out validation answered with this code.
    ValidationCallback,
    /// Information on the order; it does not stop it by itself.
    Notice,
    /// An FAQ topic without a code.
    Topic,
}

impl CodeKind {
    /// Words for people.
    pub fn label(self) -> &'static str {
        match self {
            CodeKind::PostValidation => "POST validation (nothing created)",
            CodeKind::PutValidation => "supp/cancel refusal (order unchanged)",
            CodeKind::NoteValidation => "note refusal",
            CodeKind::Processing => "order processing",
            CodeKind::ValidationCallback => "port-out validation callback",
            CodeKind::Notice => "notice",
            CodeKind::Topic => "FAQ topic",
        }
    }

    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            CodeKind::PostValidation => "post_validation",
            CodeKind::PutValidation => "put_validation",
            CodeKind::NoteValidation => "note_validation",
            CodeKind::Processing => "processing",
            CodeKind::ValidationCallback => "validation_callback",
            CodeKind::Notice => "notice",
            CodeKind::Topic => "topic",
        }
    }
}

/// One code or FAQ topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CatalogEntry {
    /// Bandwidth's code; `None` for an FAQ topic.
    pub code: Option<u32>,
    /// Other numbers Bandwidth uses for the same error (older docs, the 400 example).
    pub aliases: &'static [u32],
    /// A unique lowercase slug (`foc-window`, `pending-foc`).
    pub topic: &'static str,
    pub title: &'static str,
    pub kind: CodeKind,
    /// The status the order is left in; `None` when nothing is created or nothing changes.
    pub resulting_status: Option<OrderStatus>,
    /// What it means, in plain words.
    pub meaning: &'static str,
    /// What to do next: the `lsr` command and the field to fix.
    pub action: &'static str,
    /// The FAQ rule it comes from (`"R4"`).
    pub rule: Option<&'static str>,
    /// Bandwidth's documented text, with its `%s`/`%d` placeholders.
    pub bandwidth_text: Option<&'static str>,
    /// When Bandwidth documents several texts for the code with different meanings: the text
    /// this entry's own meaning goes with (placeholders as wildcards). `None`: every text.
    pub own_text: Option<&'static str>,
    /// The code's other documented texts and what each means; the first whose pattern matches
    /// (or that has none: any other text) applies when `own_text` does not match.
    pub other_texts: &'static [TextMeaning],
}

/// Another documented text of a code, with its own meaning: codes are explained by what the
/// server says, not by their number alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextMeaning {
    /// The text, placeholders as wildcards; `None`: any text no other pattern matches.
    pub pattern: Option<&'static str>,
    /// Where Bandwidth documents it.
    pub source: &'static str,
    pub title: &'static str,
    pub meaning: &'static str,
    pub action: &'static str,
    pub rule: Option<&'static str>,
}

/// What a code means with the text the server sent: the entry's own meaning or one of its
/// other texts'.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meaning {
    pub code: u32,
    pub title: &'static str,
    pub meaning: &'static str,
    pub action: &'static str,
    pub rule: Option<&'static str>,
    /// True when this is the entry's own meaning (not one of its other texts').
    pub primary: bool,
}

impl CatalogEntry {
    /// `17008` for a code, the slug for a topic: how a user names this entry.
    pub fn name(&self) -> String {
        match self.code {
            Some(code) => code.to_string(),
            None => self.topic.to_string(),
        }
    }
}

const BLANK: CatalogEntry = CatalogEntry {
    code: None,
    aliases: &[],
    topic: "",
    title: "",
    kind: CodeKind::Topic,
    resulting_status: None,
    meaning: "",
    action: "",
    rule: None,
    bandwidth_text: None,
    own_text: None,
    other_texts: &[],
};

const EXCEPTION: Option<OrderStatus> = Some(OrderStatus::Exception);
const CANCELLED: Option<OrderStatus> = Some(OrderStatus::Cancelled);
const FAILED: Option<OrderStatus> = Some(OrderStatus::Failed);
const PARTIAL: Option<OrderStatus> = Some(OrderStatus::Partial);

use CodeKind::{
    NoteValidation, Notice, PostValidation, Processing, PutValidation, Topic, ValidationCallback,
};

/// FAQ topics first (in rule order), then codes in ascending order.
static CATALOG: &[CatalogEntry] = &[
    // ---- FAQ topics (docs/rules.md) ----
    CatalogEntry {
        topic: "foc-window",
        title: "A FOC date is valid for 10 business days",
        kind: Topic,
        meaning: "A FOC (Firm Order Commitment) date stays valid for 10 business days, and the \
                  FOC date itself is day 1; weekends and NPAC holidays do not count. The TNs \
                  must be activated in NPAC inside that window. TNs not activated by the last \
                  day make the LSR fail, and a failed LSR cannot be revived.",
        action: "See the ten days and the last day with `lsr foc-window DATE`, or the days left \
                 on an order with `lsr status ORDER`. If the port cannot happen in time, supp a \
                 new requested FOC date before the window closes (`lsr supp ORDER \
                 --requested-foc-date DATE`). After a failure, place a new order (`lsr resubmit \
                 ORDER`).",
        rule: Some("R1"),
        ..BLANK
    },
    CatalogEntry {
        topic: "concurrence",
        title: "No early concurrence; auto-concurrence 6 hours after the subscriptions",
        kind: Topic,
        meaning: "Bandwidth does not concur early: the port happens on the FOC date. Build the \
                  NPAC subscriptions before the FOC date. When the gaining carrier supports \
                  medium timers, Bandwidth concurs automatically 6 hours after the subscriptions \
                  are built; otherwise the long timers apply. Manual concurrence is given only \
                  for TNs that are out of service for first responders or medical facilities.",
        action: "To port earlier (or later), supp the requested FOC date: `lsr supp ORDER \
                 --requested-foc-date DATE`. Build the subscriptions ahead of the FOC date, with \
                 medium timers. Only for an out-of-service first-responder or medical line, ask \
                 for manual concurrence by email (`lsr email escalation ORDER`).",
        rule: Some("R2"),
        ..BLANK
    },
    CatalogEntry {
        topic: "failed-vs-exception",
        title: "FAILED is final; EXCEPTION can be supped",
        kind: Topic,
        meaning: "FAILED is terminal: nothing can change a failed order, neither a supp nor a \
                  cancel. EXCEPTION is not terminal: the losing side found a problem (PIN, \
                  account code, ZIP, customer details) and the order waits for a supp with the \
                  right data. CANCELLED and COMPLETE are terminal too, and so is PARTIAL in \
                  practice (Bandwidth refuses to modify an order with ported TNs, 17029).",
        action: "EXCEPTION: read the code with `lsr status ORDER`, then supp the field it names \
                 (`lsr supp ORDER --pin PIN`, `--account-number`, `--zip`, …). FAILED or \
                 CANCELLED: place a new order with `lsr resubmit ORDER`.",
        rule: Some("R3"),
        ..BLANK
    },
    CatalogEntry {
        topic: "pon-version",
        title: "PON version: how many orders used the same PON",
        kind: Topic,
        meaning: "The PON version counts the orders placed with the same PON: 1 for the first, \
                  2 for the next one, and so on. Searching a PON shows every version.",
        action: "List every version with `lsr search --pon PON`. Name a version as `PON@2` \
                 wherever a command takes an ORDER; a bare PON means its latest version.",
        rule: Some("R8"),
        ..BLANK
    },
    CatalogEntry {
        topic: "remove-tn",
        title: "A supp cannot remove a TN",
        kind: Topic,
        meaning: "The TN list (and the PON) cannot be changed by a supp (17025). To drop a TN, \
                  the order is cancelled and a new one is placed with the right TNs.",
        action: "`lsr resubmit ORDER --remove-tn TN` cancels the order if it is still open and \
                 submits a new one without that TN.",
        rule: Some("R9"),
        ..BLANK
    },
    CatalogEntry {
        topic: "non-working",
        title: "Only working, assigned TNs can port",
        kind: Topic,
        meaning: "A TN that is disconnected, or back in the losing carrier's inventory pool, is \
                  not active and cannot port: the order is cancelled (7518).",
        action: "Ask the end user to reinstate the number with their provider first, then place \
                 a new order (`lsr resubmit ORDER`, or `lsr submit`).",
        rule: Some("R10"),
        ..BLANK
    },
    CatalogEntry {
        topic: "csr",
        title: "Bandwidth cannot provide CSRs",
        kind: Topic,
        meaning: "Bandwidth cannot provide Customer Service Records: it is a wholesaler, and the \
                  end-user data is held by its resellers.",
        action: "Get the account number, PIN and service address from the end user or their \
                 retail provider, then `lsr validate` the order before sending it.",
        rule: Some("R11"),
        ..BLANK
    },
    CatalogEntry {
        topic: "not-authorized",
        title: "\"Not authorized to view a port\": search by LSR",
        kind: Topic,
        meaning: "\"Not authorized to view a port\" usually means the request was searched as \
                  a Port rather than as an LSR. Port-outs placed with the lsrorders API are LSR \
                  orders and are found by LSR.",
        action: "Look the order up as an LSR: `lsr status ORDER` or `lsr search --pon PON` (in \
                 the portal, search by LSR). If it is still refused, email Bandwidth: `lsr \
                 email not-authorized ORDER`.",
        rule: Some("R12"),
        ..BLANK
    },
    CatalogEntry {
        topic: "notes",
        title: "Order notes are not monitored",
        kind: Topic,
        meaning: "Notes on an LSR (in the portal or through the notes API) are not monitored by \
                  Bandwidth's porting staff: a question left there gets no answer.",
        action: "Email instead: `lsr email escalation ORDER` (or `manual-handling`, `dispute`). \
                 Keep `lsr notes ORDER add TEXT` for your own records.",
        rule: Some("R12"),
        ..BLANK
    },
    CatalogEntry {
        topic: "dispute",
        title: "Disputes go by email",
        kind: Topic,
        meaning: "To dispute an order's outcome (an EXCEPTION or a cancellation you think is \
                  wrong), write to Bandwidth by email; the API and order notes are not read for \
                  this.",
        action: "`lsr email dispute ORDER` drafts the email with the order's details.",
        rule: Some("R12"),
        ..BLANK
    },
    CatalogEntry {
        topic: "escalation",
        title: "Escalations go by email",
        kind: Topic,
        meaning: "An order that is stuck (no progress, no answer) is escalated by email; order \
                  notes are not monitored.",
        action: "`lsr email escalation ORDER` drafts the email with the order's details and \
                 history.",
        rule: Some("R12"),
        ..BLANK
    },
    CatalogEntry {
        topic: "feedback",
        title: "Feature requests and feedback go by email",
        kind: Topic,
        meaning: "Feature requests and feedback about the port-out process go to Bandwidth by \
                  email; neither the API nor order notes are read for them.",
        action: "Email your Bandwidth contact; do not leave them in order notes.",
        rule: Some("R12"),
        ..BLANK
    },
    // ---- Codes, ascending ----
    CatalogEntry {
        code: Some(5008),
        topic: "all-tns-invalid",
        title: "All telephone numbers are invalid",
        kind: PostValidation,
        bandwidth_text: Some("All telephone numbers specified are invalid"),
        meaning: "None of the TNs on the order is a valid number Bandwidth could port; nothing \
                  was created.",
        action: "Check the TNs (`--tn`, `--tn-file`, field `tns`) with `lsr validate`, fix them \
                 and submit again.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(5035),
        topic: "order-not-found",
        title: "Order not found",
        kind: PutValidation,
        bandwidth_text: Some("%s order %s not found."),
        meaning: "The order id in the request does not exist on this account (HTTP 404).",
        action: "Check the order id, PON and account (`--account-id`, `--profile`); `lsr search \
                 --pon PON` finds the right id.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(5095),
        aliases: &[13522],
        topic: "max-tns",
        title: "More than 999 TNs on one LSR",
        kind: PostValidation,
        bandwidth_text: Some(
            "The count of telephone numbers in order exceeds the maximum size of %d",
        ),
        meaning: "An LSR holds at most 999 TNs; nothing was created. Older documents number \
                  this error 13522. Bigger ports are handled as projects, by email with the \
                  subject \"Project Port Out\".",
        action: "Split the order: `lsr submit --split 999` (or a smaller N). For a project of \
                 more than 999 TNs, email Bandwidth with the subject \"Project Port Out\": `lsr \
                 email project-port-out`.",
        rule: Some("R7"),
        ..BLANK
    },
    CatalogEntry {
        code: Some(7104),
        topic: "subscriber-required",
        title: "Subscriber information is required",
        kind: PostValidation,
        bandwidth_text: Some("Subscriber information is required"),
        meaning: "The order has no subscriber (end user) block; nothing was created (on a supp, \
                  nothing was changed).",
        action: "Give the subscriber: `--subscriber-type`, `--business-name` or \
                 `--first-name`/`--last-name`, and the service address; check with `lsr \
                 validate`.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7105),
        topic: "subscriber-name-required",
        title: "Subscriber name is required",
        kind: PostValidation,
        bandwidth_text: Some("The subscriber name is required"),
        meaning: "The subscriber has no name: a business needs a business name, a residential \
                  end user a last name.",
        action: "Add `--business-name NAME` (business) or `--last-name NAME` (residential).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7107),
        topic: "address-required",
        title: "Service address is required",
        kind: PostValidation,
        bandwidth_text: Some("The service address is required"),
        meaning: "The order has no service address.",
        action: "Add `--house-number`, `--street`, `--city`, `--state` and `--zip` (field \
                 `subscriber.address`).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7108),
        topic: "house-number-required",
        title: "Service address house number is required",
        kind: PostValidation,
        bandwidth_text: Some("The service address house number is required"),
        meaning: "The service address has no house number.",
        action: "Add `--house-number NUMBER` (field `subscriber.address.house_number`).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7109),
        topic: "street-required",
        title: "Service address street name is required",
        kind: PostValidation,
        bandwidth_text: Some("The service address street name is required"),
        meaning: "The service address has no street name.",
        action: "Add `--street STREET` (field `subscriber.address.street`).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7110),
        topic: "city-required",
        title: "Service address city is required",
        kind: PostValidation,
        bandwidth_text: Some("The service address city is required"),
        meaning: "The service address has no city.",
        action: "Add `--city CITY` (field `subscriber.address.city`).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7111),
        topic: "state-required",
        title: "Service address state code is required",
        kind: PostValidation,
        bandwidth_text: Some("The service address state code is required"),
        meaning: "The service address has no state code.",
        action: "Add `--state XX`, the two-letter code (field `subscriber.address.state`).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7112),
        topic: "zip-required",
        title: "Service address ZIP code is required",
        kind: PostValidation,
        bandwidth_text: Some("The service address zip code is required"),
        meaning: "The service address has no ZIP code.",
        action: "Add `--zip 12345` or `--zip 12345-6789` (field `subscriber.address.zip`).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7120),
        topic: "pon-required",
        title: "PON is required",
        kind: PostValidation,
        bandwidth_text: Some("The PON is required"),
        meaning: "The order has no PON (Purchase Order Number); nothing was created.",
        action: "Add `--pon PON`: 1–25 letters, digits, `#`, `-` or `_`.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7203),
        topic: "invalid-btn",
        title: "Billing telephone number is invalid",
        kind: PostValidation,
        bandwidth_text: Some("The billing telephone number (BTN) is invalid"),
        meaning: "The BTN is not a valid 10-digit, non-toll-free number.",
        action: "Fix `--btn TN` (field `btn`) or leave it out; check with `lsr validate`.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7208),
        topic: "foc-date-in-past",
        title: "Requested FOC date is in the past",
        kind: PostValidation,
        bandwidth_text: Some("The requested FOC date cannot be in the past"),
        meaning: "The requested FOC date is before today.",
        action: "Choose a future business day: `--requested-foc-date +2bd` or a date; `lsr \
                 foc-window DATE` shows its window.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7214),
        topic: "invalid-zip",
        title: "ZIP code is invalid",
        kind: PostValidation,
        bandwidth_text: Some("ZIP code is invalid"),
        meaning: "The service address ZIP code is not a valid ZIP (5 digits or ZIP+4) or \
                  Canadian postal code.",
        action: "Fix `--zip` (field `subscriber.address.zip`).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7318),
        topic: "invalid-customer-order-id",
        title: "Customer order ID is invalid",
        kind: PostValidation,
        bandwidth_text: Some(
            "Customer order ID is invalid. Only alphanumeric values, dashes and spaces are \
             allowed. Max length is 40 characters.",
        ),
        meaning: "The customer order id has characters other than letters, digits, dashes and \
                  spaces, or is longer than 40 characters.",
        action: "Fix `--customer-order-id` (field `customer_order_id`), or leave it out and let \
                 lsr choose one.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7324),
        topic: "business-name-too-long",
        title: "Business name is longer than 25 characters",
        kind: PostValidation,
        bandwidth_text: Some(
            "The business name is too long. The business name should not be longer than 25 \
             characters.",
        ),
        meaning: "The business name is longer than 25 characters.",
        action: "Shorten `--business-name` to 25 characters (field `subscriber.business_name`).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7354),
        topic: "middle-initial-too-long",
        title: "Middle initial is longer than 1 character",
        kind: PostValidation,
        bandwidth_text: Some(
            "Middle initial is too long. Middle initial should not be longer than 1 character.",
        ),
        meaning: "The middle initial has more than one character.",
        action: "Give one letter in `--middle-initial` (field `subscriber.middle_initial`).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7355),
        topic: "first-name-too-long",
        title: "First name is longer than 25 characters",
        kind: PostValidation,
        bandwidth_text: Some(
            "First name is too long. First name should not be longer than 25 characters.",
        ),
        meaning: "The first name is longer than 25 characters.",
        action: "Shorten `--first-name` to 25 characters (field `subscriber.first_name`).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7356),
        topic: "last-name-too-long",
        title: "Last name is longer than 25 characters",
        kind: PostValidation,
        bandwidth_text: Some(
            "Last name is too long. Last name should not be longer than 25 characters.",
        ),
        meaning: "The last name is longer than 25 characters.",
        action: "Shorten `--last-name` to 25 characters (field `subscriber.last_name`).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7395),
        topic: "unsupported-state",
        title: "Unsupported state code",
        kind: PostValidation,
        bandwidth_text: Some("Unsupported state code %s."),
        meaning: "The service address state is not a state code Bandwidth supports.",
        action: "Fix `--state` to the two-letter USPS code (field `subscriber.address.state`).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7510),
        topic: "account-code-missing",
        title: "Account code missing",
        kind: ValidationCallback,
        resulting_status: EXCEPTION,
        bandwidth_text: Some("Required Account Code missing"),
        meaning: "The losing account's port-out validation requires the end user's account \
                  number at the losing provider, and the order has none. The order is in \
                  EXCEPTION, which a supp can fix.",
        action: "Get the account number from the end user, then `lsr supp ORDER \
                 --account-number NUMBER`.",
        rule: Some("R3"),
        ..BLANK
    },
    CatalogEntry {
        code: Some(7511),
        topic: "account-code-invalid",
        title: "Account code invalid",
        kind: ValidationCallback,
        resulting_status: EXCEPTION,
        bandwidth_text: Some("Invalid Account Code"),
        meaning: "The account number on the order does not match the end user's account at \
                  the losing provider. The order is in EXCEPTION.",
        action: "Confirm the account number with the end user, then `lsr supp ORDER \
                 --account-number NUMBER`.",
        rule: Some("R3"),
        ..BLANK
    },
    CatalogEntry {
        code: Some(7512),
        topic: "pin-missing",
        title: "Port-out PIN missing",
        kind: ValidationCallback,
        resulting_status: EXCEPTION,
        bandwidth_text: Some("Required PIN missing"),
        meaning: "The TN is protected by a port-out PIN (passcode) and the order has none. The \
                  order is in EXCEPTION.",
        action: "Get the PIN from the end user, then `lsr supp ORDER --pin PIN`.",
        rule: Some("R3"),
        ..BLANK
    },
    CatalogEntry {
        code: Some(7513),
        topic: "pin-invalid",
        title: "Port-out PIN invalid",
        kind: ValidationCallback,
        resulting_status: EXCEPTION,
        bandwidth_text: Some("PIN Invalid"),
        meaning: "The PIN on the order does not match the TN's port-out passcode. The order is \
                  in EXCEPTION.",
        action: "Confirm the PIN with the end user, then `lsr supp ORDER --pin PIN`.",
        rule: Some("R3"),
        ..BLANK
    },
    CatalogEntry {
        code: Some(7514),
        topic: "zip-code-missing",
        title: "ZIP code missing",
        kind: ValidationCallback,
        resulting_status: EXCEPTION,
        bandwidth_text: Some("Required ZIP Code missing"),
        meaning: "The losing account's validation needs the service ZIP code and did not get \
                  one. The order is in EXCEPTION.",
        action: "`lsr supp ORDER --zip ZIP`.",
        rule: Some("R3"),
        ..BLANK
    },
    CatalogEntry {
        code: Some(7515),
        topic: "zip-code-invalid",
        title: "ZIP code does not match",
        kind: ValidationCallback,
        resulting_status: EXCEPTION,
        bandwidth_text: Some("Invalid ZIP Code"),
        meaning: "The service ZIP code does not match the end user's record at the losing \
                  provider. The order is in EXCEPTION.",
        action: "Confirm the service address with the end user, then `lsr supp ORDER --zip \
                 ZIP`.",
        rule: Some("R3"),
        ..BLANK
    },
    CatalogEntry {
        code: Some(7516),
        topic: "tn-not-recognized",
        title: "TN not recognized for this account",
        kind: ValidationCallback,
        resulting_status: CANCELLED,
        bandwidth_text: Some("Telephone Number not recognized or invalid for this account"),
        meaning: "A TN on the order is not a number of the losing account (often: not a \
                  Bandwidth number at all). The LSR is cancelled.",
        action: "Check who serves the TN, drop it, and place a new order: `lsr resubmit ORDER \
                 --remove-tn TN`.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7517),
        topic: "one-tn-per-request",
        title: "Too many TNs in this request: one TN per request",
        kind: ValidationCallback,
        resulting_status: CANCELLED,
        bandwidth_text: Some("Too many Telephone numbers in this request"),
        meaning: "The losing side's validation refused the number of TNs and the LSR is \
                  cancelled. Some resellers accept only one TN per request.",
        action: "Resubmit each TN on its own order, on new PONs: `lsr resubmit ORDER --split \
                 per-tn`. lsr remembers these TNs and warns before the next multi-TN order.",
        rule: Some("R5"),
        ..BLANK
    },
    CatalogEntry {
        code: Some(7518),
        topic: "tn-not-active",
        title: "TN not active",
        kind: ValidationCallback,
        resulting_status: CANCELLED,
        bandwidth_text: Some("Telephone Number Not Active"),
        meaning: "A TN is disconnected or back in the inventory pool. Only working, assigned \
                  TNs can port; the LSR is cancelled.",
        action: "The end user must reinstate the number with their provider first; then place \
                 a new order (`lsr resubmit ORDER`).",
        rule: Some("R10"),
        ..BLANK
    },
    CatalogEntry {
        code: Some(7519),
        topic: "customer-info-mismatch",
        title: "Customer info does not match",
        kind: ValidationCallback,
        resulting_status: EXCEPTION,
        bandwidth_text: Some("Customer info does not match"),
        meaning: "The subscriber details (name, address, account) do not match the losing \
                  provider's record. The order is in EXCEPTION.",
        action: "Confirm the details with the end user, then supp them: `lsr supp ORDER \
                 --business-name …` / `--last-name …` / the address flags.",
        rule: Some("R3"),
        ..BLANK
    },
    CatalogEntry {
        code: Some(7520),
        topic: "tn-locked",
        title: "TN must be unlocked",
        kind: ValidationCallback,
        bandwidth_text: Some(
            "The telephone number must be unlocked by the end user and current service provider",
        ),
        meaning: "The TN has a port lock (freeze). Only the end user together with their \
                  current provider can lift it. Bandwidth does not document the resulting \
                  status.",
        action: "Ask the end user to have the lock removed, then check `lsr status ORDER`; if \
                 the order was stopped, place a new one (`lsr resubmit ORDER`).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7521),
        topic: "manual-handling",
        title: "Manual handling: email at once",
        kind: Notice,
        bandwidth_text: Some(
            "The TN you are requesting to port could require manual handling. An LNP agent will \
             manually update your LSR order within 24 hours. If you have not received an \
             updated response in your order, please email us at portouts@bandwidth.com for \
             more information.",
        ),
        meaning: "The TN may need manual work: a Bandwidth LNP agent updates the LSR within 24 \
                  hours. The agent is not alerted otherwise, so email right away. The order \
                  stays open meanwhile (Bandwidth does not document a status change).",
        action: "Send the email now: `lsr email manual-handling ORDER` (to \
                 portouts@bandwidth.com). Then follow the order with `lsr status ORDER --wait \
                 foc`.",
        rule: Some("R6"),
        ..BLANK
    },
    CatalogEntry {
        code: Some(7593),
        topic: "validator-unexpected-response",
        title: "Port-out validator answered with an unexpected code",
        kind: ValidationCallback,
        bandwidth_text: Some("Unexpected response code %s in portout API validation response"),
        meaning: "The losing account's port-out validation service answered with an unexpected \
                  HTTP code. A failed validation counts as approval, so the port proceeds.",
        action: "Nothing to fix on the order; follow it with `lsr status ORDER`.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7594),
        topic: "validator-error-response",
        title: "Port-out validator answered with an error code",
        kind: ValidationCallback,
        bandwidth_text: Some(
            "Received %s response code in portout API validation response, possibly something \
             should be fixed",
        ),
        meaning: "The losing account's port-out validation service answered with an HTTP \
                  error. A failed validation counts as approval, so the port proceeds.",
        action: "Nothing to fix on the order; follow it with `lsr status ORDER`.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7595),
        topic: "validator-empty-response",
        title: "Port-out validator answered with an empty body",
        kind: ValidationCallback,
        bandwidth_text: Some("Empty response body in portout API validation response (code %s)"),
        meaning: "The losing account's port-out validation service answered with nothing. A \
                  missing answer counts as approval, so the port proceeds.",
        action: "Nothing to fix on the order; follow it with `lsr status ORDER`.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7596),
        topic: "validator-no-errors",
        title: "Port-out validator said not portable without a reason",
        kind: ValidationCallback,
        bandwidth_text: Some("Non-portable portable response without errors"),
        meaning: "The losing account's validation said \"not portable\" but gave no error \
                  code, which Bandwidth does not treat as a refusal; the port proceeds.",
        action: "Nothing to fix on the order; follow it with `lsr status ORDER`.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7597),
        topic: "validator-unknown-code",
        title: "Port-out validator used an unknown code",
        kind: ValidationCallback,
        bandwidth_text: Some("%s: Unrecognized error code: %s"),
        meaning: "The losing account's validation answered with a code outside the agreed list; \
                  Bandwidth ignores it and the port proceeds.",
        action: "Nothing to fix on the order; follow it with `lsr status ORDER`.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7598),
        topic: "invalid-request",
        title: "Invalid request",
        kind: ValidationCallback,
        resulting_status: EXCEPTION,
        bandwidth_text: Some("Invalid Request"),
        meaning: "The losing account's validation rejected the request without naming a field. \
                  The order is in EXCEPTION.",
        action: "Check the subscriber, address, account number and PIN with the end user, then \
                 `lsr supp ORDER` with the corrections; if unclear, `lsr email dispute ORDER`.",
        rule: Some("R3"),
        ..BLANK
    },
    CatalogEntry {
        code: Some(7599),
        topic: "validator-fatal-error",
        title: "Port-out validator failed",
        kind: ValidationCallback,
        bandwidth_text: Some("Fatal Error in Processing"),
        meaning: "The losing account's validation hit an error of its own. That counts as \
                  approval: the port proceeds.",
        action: "Nothing to fix on the order; follow it with `lsr status ORDER`.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(7999),
        topic: "internal-error",
        title: "Bandwidth internal error",
        kind: Processing,
        bandwidth_text: Some(
            "An internal error has occurred. Please contact support if this issue is not \
             resolved in 1 business day",
        ),
        meaning: "Something failed inside Bandwidth while processing the order.",
        action: "Wait one business day and check `lsr status ORDER`; if nothing changed, `lsr \
                 email escalation ORDER`.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(12501),
        topic: "note-username-required",
        title: "Note needs the user name",
        kind: NoteValidation,
        bandwidth_text: Some("Username is required"),
        meaning: "A note must carry the user id of the API user who writes it; the note was not \
                  stored. Remember that notes are not monitored (R12).",
        action: "Check the credentials in `lsr config show`; for anything Bandwidth must read, \
                 email instead (`lsr email escalation ORDER`).",
        rule: Some("R12"),
        ..BLANK
    },
    CatalogEntry {
        code: Some(17000),
        topic: "payload-required",
        title: "LSR payload required",
        kind: PostValidation,
        bandwidth_text: Some("Lsr submission order payload required."),
        meaning: "The request had no LSR order body.",
        action: "A client bug if it comes from lsr: run again with `-v` and report it.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17002),
        aliases: &[16002],
        topic: "invalid-tns",
        title: "Order contains invalid TNs",
        kind: PostValidation,
        bandwidth_text: Some("Order contains invalid tns: %s."),
        meaning: "Some TNs are not valid 10-digit NANP numbers; nothing was created. Bandwidth's \
                  400 example numbers this error 16002.",
        action: "Fix or drop the TNs the message lists (`--tn`, `--tn-file`, field `tns`); \
                 `lsr validate` finds them all.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17003),
        topic: "empty-tn-list",
        title: "TN list is empty",
        kind: PostValidation,
        bandwidth_text: Some("Order contains empty TN list (or it's not present)."),
        meaning: "The order has no TNs.",
        action: "Add TNs with `--tn TN` (repeatable) or `--tn-file FILE`.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17004),
        topic: "invalid-pon",
        title: "PON is invalid",
        kind: PostValidation,
        bandwidth_text: Some(
            "Incorrect pon specified. It must be up to 25 character long and could not contain \
             special characters other than -_#",
        ),
        meaning: "The PON is longer than 25 characters or has characters other than letters, \
                  digits, `-`, `_` and `#`.",
        action: "Fix `--pon` (field `pon`).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17005),
        aliases: &[16005],
        topic: "toll-free",
        title: "Toll-free TNs are not allowed",
        kind: PostValidation,
        bandwidth_text: Some("Toll-free telephone numbers can not be present in the LSR order."),
        meaning: "Toll-free numbers cannot port out through an LSR (they need a ticket); \
                  nothing was created. Bandwidth's 400 example numbers this error 16005.",
        action: "Remove the toll-free TNs from `--tn`/`--tn-file` and submit the rest; open a \
                 ticket with Bandwidth for the toll-free ones.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17006),
        topic: "invalid-account-number",
        title: "Account number is invalid",
        kind: PostValidation,
        bandwidth_text: Some(
            "Account number is incorrect. It should be alphanumeric and no more than 32 \
             characters long.",
        ),
        meaning: "The account number is not letters and digits, or is longer than 32.",
        action: "Fix `--account-number` (field `subscriber.account_number`).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17007),
        topic: "invalid-pin",
        title: "PIN is invalid",
        kind: PostValidation,
        bandwidth_text: Some(
            "Pin number is incorrect. It should be alphanumeric and no more than 10 characters \
             long.",
        ),
        meaning: "The PIN is not letters and digits, or is longer than 10.",
        action: "Fix `--pin` (field `subscriber.pin`).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17008),
        topic: "pending-foc",
        title: "A TN already has a pending FOC date on another order",
        kind: Processing,
        resulting_status: FAILED,
        bandwidth_text: Some(
            "An internal error has occurred. Please contact support if this issue is not \
             resolved in 1 business day",
        ),
        meaning: "A TN on this order already has a pending FOC date on another open order, \
                  yours or another carrier's, so this order failed. The FAQ's form of the \
                  message: \"TNs found with a pending FOC Date: TN: [9195551234], PON: [ABC123], \
                  FOC Date: [01/13/2030]\". This meaning goes with that text only: Bandwidth's \
                  errors table documents 17008 as an internal error, and its spec's example \
                  pairs 17008 with \"FOC date cannot fall on a holiday\". lsr shows the \
                  server's text as it is.",
        action: "Whose PON is it? Yours: change that port through a supp of the existing PON \
                 (`lsr supp PON --requested-foc-date DATE`) or cancel it (`lsr cancel PON`). \
                 Another carrier's: the end user must have that order cancelled with the other \
                 carrier; a new order for the TN fails until then. A FAILED order cannot \
                 change: place a new order afterwards (`lsr resubmit ORDER`). lsr checks for \
                 pending FOCs before it submits.",
        rule: Some("R4"),
        own_text: Some(PENDING_FOC_PATTERN),
        other_texts: &[TextMeaning {
            pattern: None,
            source: "Bandwidth's errors table (Bandwidth/api-docs site/docs/numbers/errors.mdx); \
                     the spec's example text \"FOC date cannot fall on a holiday\"",
            title: "Bandwidth internal error",
            meaning: "With any text other than the pending-FOC one, 17008 is what Bandwidth's \
                      errors table says: \"An internal error has occurred. Please contact \
                      support if this issue is not resolved in 1 business day\". The server's \
                      own text says what went wrong; nothing on the order needs a supp for it.",
            action: "Read the server's text with `lsr status ORDER`; if the order has not moved \
                     after 1 business day, contact Bandwidth support (`lsr email escalation \
                     ORDER` drafts the email).",
            rule: None,
        }],
        ..BLANK
    },
    CatalogEntry {
        code: Some(17009),
        aliases: &[16009],
        topic: "duplicate-tns",
        title: "Duplicate TNs",
        kind: PostValidation,
        bandwidth_text: Some("Lsr order contain duplicate telephone numbers: %s"),
        meaning: "A TN appears more than once on the order; nothing was created. Bandwidth's \
                  400 example numbers this error 16009.",
        action: "Remove the repeated TNs from `--tn`/`--tn-file`; `lsr validate` lists them.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17010),
        topic: "business-name-required",
        title: "Business name required for a business subscriber",
        kind: PostValidation,
        bandwidth_text: Some("Business name is required for business SubscriberType."),
        meaning: "The subscriber type is BUSINESS but there is no business name.",
        action: "Add `--business-name NAME`, or use `--subscriber-type residential`.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17011),
        topic: "business-with-last-name",
        title: "Business subscriber must not have a last name",
        kind: PostValidation,
        bandwidth_text: Some("Last name should be empty for business SubscriberType."),
        meaning: "The subscriber type is BUSINESS and a last name is set; business orders carry \
                  only the business name.",
        action: "Drop `--last-name` (field `subscriber.last_name`), or use `--subscriber-type \
                 residential`.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17012),
        topic: "last-name-required",
        title: "Last name required for a residential subscriber",
        kind: PostValidation,
        bandwidth_text: Some("Last name is required for residential SubscriberType."),
        meaning: "The subscriber is residential (the default) and has no last name.",
        action: "Add `--last-name NAME`, or `--subscriber-type business --business-name NAME`.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17013),
        topic: "date-format",
        title: "Requested date format is wrong",
        kind: PostValidation,
        bandwidth_text: Some(
            "Requested date format incorrect. Date should be in yyyy-mm-dd format. (example: \
             2015-03-24).",
        ),
        meaning: "The requested FOC date was not sent as yyyy-mm-dd.",
        action: "Give `--requested-foc-date` as YYYY-MM-DD, MM/DD/YYYY or +Nbd; lsr sends \
                 yyyy-mm-dd.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17014),
        topic: "lsr-not-found",
        title: "LSR not found",
        kind: PutValidation,
        bandwidth_text: Some("Lsr %s not found."),
        meaning: "No LSR with that id exists on this account.",
        action: "Check the order id and account; `lsr search --pon PON` finds the right id.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17015),
        topic: "unmodifiable-state",
        title: "Order can no longer be changed",
        kind: PutValidation,
        bandwidth_text: Some("Lsr order is in unmodifiable state."),
        meaning: "The order has finished (FAILED, CANCELLED, COMPLETE or PARTIAL), so supps and \
                  cancels are refused.",
        action: "Place a new order instead: `lsr resubmit ORDER`.",
        rule: Some("R3"),
        ..BLANK
    },
    CatalogEntry {
        code: Some(17017),
        topic: "account-spid-not-configured",
        title: "Account SPID not configured",
        kind: Processing,
        resulting_status: FAILED,
        bandwidth_text: Some("Lsr order failed: account SPID not configured."),
        meaning: "Your Bandwidth account has no SPID configured, so the order failed.",
        action: "Ask Bandwidth support to configure the account's SPID (`lsr email escalation \
                 ORDER`), then `lsr resubmit ORDER`.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17018),
        topic: "cancel-ignores-changes",
        title: "Cancel ignores other changes",
        kind: Notice,
        resulting_status: CANCELLED,
        bandwidth_text: Some(
            "Lsr order will be cancelled. All other submitted changes are ignored.",
        ),
        meaning: "A cancel was sent together with other changes: the order is cancelled and \
                  the other changes are dropped.",
        action: "Nothing to undo. To place the order with the changes, `lsr resubmit ORDER` \
                 with the new values.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17019),
        topic: "foc-on-non-business-day",
        title: "FOC date on a weekend or holiday",
        kind: PostValidation,
        bandwidth_text: Some("Requested FOC date cannot be on holiday or weekend."),
        meaning: "The requested FOC date is a Saturday, Sunday or holiday.",
        action: "Pick a business day: `lsr foc-window DATE` says whether a date is one and \
                 suggests the next; `--requested-foc-date +Nbd` always gives one.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17020),
        topic: "spid-mismatch",
        title: "SPID does not match the account",
        kind: PostValidation,
        bandwidth_text: Some(
            "Account SPID [%s] does not match with SPID specified in the Lsr order [%s].",
        ),
        meaning: "The SPID on the order differs from the SPID of your Bandwidth account.",
        action: "Use the account's SPID in `--spid` (field `spid`), or leave it out to use the \
                 account default.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17021),
        topic: "invalid-spid",
        title: "SPID is invalid",
        kind: PostValidation,
        bandwidth_text: Some(
            "Incorrect SPID [%s] specified in the order. It should be alphanumeric and no more \
             than 4 characters long.",
        ),
        meaning: "The SPID is not up to 4 letters and digits.",
        action: "Fix `--spid` (field `spid`).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17022),
        topic: "spid-required",
        title: "Account requires a SPID on each order",
        kind: PostValidation,
        bandwidth_text: Some("Account %d requires a SPID to be provided with each order."),
        meaning: "Your account has several SPIDs, so each order must name one.",
        action: "Add `--spid SPID`, or set it once with `lsr config set spid SPID`.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17023),
        topic: "auth-person-required",
        title: "Authorizing person is required",
        kind: PostValidation,
        bandwidth_text: Some("The authorizing person contact is required for lsr orders."),
        meaning: "The order does not name the person who authorised the port.",
        action: "Add `--auth-person NAME` (field `authorizing_person`).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17024),
        topic: "auth-person-too-long",
        title: "Authorizing person is too long",
        kind: PostValidation,
        bandwidth_text: Some(
            "The authorizing person contact is too long. It should be not longer than %s \
             characters.",
        ),
        meaning: "The authorizing person is longer than Bandwidth allows (100 characters).",
        action: "Shorten `--auth-person` (field `authorizing_person`).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17025),
        topic: "field-not-modifiable",
        title: "Field cannot be modified",
        kind: PutValidation,
        bandwidth_text: Some("%s field%s cannot be modified."),
        meaning: "A supp tried to change something that cannot change after submission: the \
                  PON or the TN list.",
        action: "To change TNs or the PON, cancel and place a new order: `lsr resubmit ORDER \
                 --remove-tn TN` or `lsr resubmit ORDER --pon NEW-PON`.",
        rule: Some("R9"),
        own_text: Some("%s field%s cannot be modified."),
        other_texts: &[TextMeaning {
            pattern: Some("OrderStatus cannot be changed to %s. Only cancelled value allowed."),
            source: "Bandwidth's errors table (Bandwidth/api-docs site/docs/numbers/errors.mdx)",
            title: "Only CANCELLED can be set",
            meaning: "A supp tried to set a status other than CANCELLED: a client never sets \
                      a status except to cancel; Bandwidth moves the order itself.",
            action: "Leave OrderStatus out of a supp; to cancel, `lsr cancel ORDER`.",
            rule: None,
        }],
        ..BLANK
    },
    CatalogEntry {
        code: Some(17026),
        topic: "address-field-too-long",
        title: "Address field is too long",
        kind: PostValidation,
        bandwidth_text: Some(
            "Address field [%s] is incorrect. It should be no more than %s characters long.",
        ),
        meaning: "A service address field is longer than Bandwidth allows (house number 45, \
                  street 200, city 100, address line 2 200).",
        action: "Shorten the field the message names (`--house-number`, `--street`, `--city`, \
                 `--address-line2`).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17027),
        topic: "account-without-spid",
        title: "Account has no SPID",
        kind: PostValidation,
        bandwidth_text: Some(
            "Account %d has no configured SPID. Please contact support for further assistance.",
        ),
        meaning: "Your Bandwidth account has no SPID configured, so no LSR can be placed.",
        action: "Ask Bandwidth support to configure it (`lsr email escalation`).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17028),
        topic: "large-port-lead-time",
        title: "Large ports need a later FOC date",
        kind: PostValidation,
        bandwidth_text: Some(
            "Minimum FOC date for a port of greater than %1$d telephone numbers is %2$d days",
        ),
        meaning: "Ports with many TNs need a minimum lead time; the requested FOC date is too \
                  early for this many TNs.",
        action: "Move `--requested-foc-date` later by the days the message names (e.g. \
                 `+10bd`), or split the order (`--split N`).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17029),
        topic: "contains-ported-tns",
        title: "Order with ported TNs cannot be modified",
        kind: Processing,
        bandwidth_text: Some("Can't modify LSR order, because it contains ported numbers."),
        meaning: "Some TNs of the order have already ported, so Bandwidth refuses changes to \
                  it.",
        action: "Leave the order as it is; place a new order for TNs that still need to port \
                 (`lsr resubmit ORDER --remove-tn TN`).",
        rule: Some("R3"),
        ..BLANK
    },
    CatalogEntry {
        code: Some(17030),
        topic: "partial-completion",
        title: "Partially completed: some TNs not activated",
        kind: Processing,
        resulting_status: PARTIAL,
        bandwidth_text: Some(
            "LSR order is partially completed, some numbers are not activated: %s.",
        ),
        meaning: "Some TNs ported and the ones listed were not activated in the FOC window. The \
                  order is PARTIAL and cannot be modified.",
        action: "Place a new order for the TNs listed: `lsr resubmit ORDER` with `--remove-tn` \
                 for the ones that ported.",
        rule: Some("R1"),
        ..BLANK
    },
    CatalogEntry {
        code: Some(17031),
        topic: "empty-spid",
        title: "Some TNs have an empty SPID",
        kind: Processing,
        resulting_status: FAILED,
        bandwidth_text: Some(
            "Order was failed, because some telephone numbers have empty SPID: [%s]",
        ),
        meaning: "Some TNs had no SPID in NPAC, so the order failed.",
        action: "Ask Bandwidth about the TNs listed (`lsr email escalation ORDER`), then place \
                 a new order (`lsr resubmit ORDER`).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17032),
        topic: "pon-exists",
        title: "PON already exists",
        kind: PostValidation,
        bandwidth_text: Some(
            "The Specified PON is already present in our system. Please provide an \
             alternative.",
        ),
        meaning: "Another order already uses this PON.",
        action: "Use a new `--pon`; to change the existing order, `lsr supp PON` instead.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17033),
        topic: "pon-overlaps",
        title: "PON overlaps an existing order",
        kind: PostValidation,
        bandwidth_text: Some(
            "The PON specified in the LSR order overlaps with existing order. Please resubmit \
             the order with another PON.",
        ),
        meaning: "The PON clashes with an existing open order.",
        action: "Submit with another `--pon`.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17034),
        topic: "override-validation",
        title: "OverrideValidation only in EXCEPTION",
        kind: PutValidation,
        bandwidth_text: Some("OverrideValidation flag can be supped only in EXCEPTION status."),
        meaning: "A supp set Bandwidth's internal OverrideValidation flag on an order that is \
                  not in EXCEPTION; the supp was refused.",
        action: "Leave the flag out (lsr never sends it); supp the fields themselves with `lsr \
                 supp ORDER`.",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17035),
        topic: "supp-not-allowed",
        title: "Supp not allowed for this LSR",
        kind: PutValidation,
        bandwidth_text: Some(
            "Supp is not allowed for this LSR. Please contact support if this issue is not \
             resolved in 1 business day",
        ),
        meaning: "Bandwidth refuses supps on this order for now.",
        action: "Wait one business day and try again; if it persists, `lsr email escalation \
                 ORDER`, or cancel and place a new order (`lsr resubmit ORDER`).",
        ..BLANK
    },
    CatalogEntry {
        code: Some(17036),
        topic: "completion-failed",
        title: "Completion failed: no TNs activated",
        kind: Processing,
        resulting_status: FAILED,
        bandwidth_text: Some("LSR order completion failed, all numbers are not activated."),
        meaning: "None of the TNs was activated in NPAC inside the FOC window, so the order \
                  failed (R1).",
        action: "Place a new order (`lsr resubmit ORDER`), and activate inside its window: \
                 `lsr foc-window DATE` shows the last day.",
        rule: Some("R1"),
        ..BLANK
    },
];

/// Which entry stands for a rule when a user asks for `R1`…`R12`.
const RULE_TOPICS: [(&str, &str); 12] = [
    ("R1", "foc-window"),
    ("R2", "concurrence"),
    ("R3", "failed-vs-exception"),
    ("R4", "pending-foc"),
    ("R5", "one-tn-per-request"),
    ("R6", "manual-handling"),
    ("R7", "max-tns"),
    ("R8", "pon-version"),
    ("R9", "remove-tn"),
    ("R10", "non-working"),
    ("R11", "csr"),
    ("R12", "not-authorized"),
];

/// Every entry: FAQ topics first, then codes in ascending order.
pub fn all() -> &'static [CatalogEntry] {
    CATALOG
}

/// The entry for a code, following aliases (13522 → 5095, 16005 → 17005).
pub fn by_code(code: u32) -> Option<&'static CatalogEntry> {
    CATALOG
        .iter()
        .find(|e| e.code == Some(code) || e.aliases.contains(&code))
}

/// The entry for a topic slug or a rule (`R4`), case-insensitively.
pub fn by_topic(slug: &str) -> Option<&'static CatalogEntry> {
    let wanted = slug.trim();
    let slug = RULE_TOPICS
        .iter()
        .find(|(rule, _)| rule.eq_ignore_ascii_case(wanted))
        .map_or(wanted, |(_, topic)| *topic);
    CATALOG.iter().find(|e| e.topic.eq_ignore_ascii_case(slug))
}

/// A code when `subject` is all digits, else a topic or rule.
pub fn lookup(subject: &str) -> Option<&'static CatalogEntry> {
    let subject = subject.trim();
    if !subject.is_empty() && subject.bytes().all(|b| b.is_ascii_digit()) {
        return subject.parse().ok().and_then(by_code);
    }
    by_topic(subject)
}

/// Up to `n` entries whose code, slug or title look like `subject`, best first, for "did you
/// mean". Entries too far from it are left out, so the list may be empty.
pub fn closest(subject: &str, n: usize) -> Vec<&'static CatalogEntry> {
    let wanted = subject.trim().to_ascii_lowercase();
    if wanted.is_empty() {
        return Vec::new();
    }
    let numeric = wanted.bytes().all(|b| b.is_ascii_digit());
    let mut scored: Vec<((usize, u64), &'static CatalogEntry)> = CATALOG
        .iter()
        .filter_map(|entry| {
            let score = if numeric {
                numeric_distance(&wanted, entry)?
            } else {
                (text_distance(&wanted, entry)?, 0)
            };
            Some((score, entry))
        })
        .collect();
    // Stable sort keeps catalog order (topics first, then codes ascending) among equals.
    scored.sort_by_key(|(score, _)| *score);
    scored.into_iter().take(n).map(|(_, e)| e).collect()
}

/// How far a typed code is from an entry's code or aliases: one or two digits off among codes
/// of the same length (a slip of a key, two digits swapped), or exactly one digit dropped or
/// added (1700 → 17000), then the numerically nearest (7522 suggests 7521 before 7512). Any
/// other change of length is another code, not a typo: 99999 suggests nothing rather than 7999.
fn numeric_distance(wanted: &str, entry: &CatalogEntry) -> Option<(usize, u64)> {
    let typed: u64 = wanted.parse().unwrap_or(u64::MAX);
    entry
        .code
        .iter()
        .chain(entry.aliases)
        .map(|code| code.to_string())
        .map(|code| {
            let same_length = code.len() == wanted.len();
            (
                edit_distance(wanted, &code),
                typed.abs_diff(code.parse().unwrap_or(u64::MAX)),
                same_length,
            )
        })
        .filter(|(d, _, same_length)| if *same_length { *d <= 2 } else { *d == 1 })
        .map(|(d, near, _)| (d, near))
        .min()
}

/// How far a typed word is from an entry's slug or title: a substring match is closest, then
/// a few typos in the slug or in one of its words.
fn text_distance(wanted: &str, entry: &CatalogEntry) -> Option<usize> {
    let slug = entry.topic;
    if slug.starts_with(wanted) {
        return Some(0);
    }
    if slug.contains(wanted) || wanted.contains(slug) {
        return Some(1);
    }
    let title = entry.title.to_ascii_lowercase();
    if wanted.len() >= 3 && title.contains(wanted) {
        return Some(2);
    }
    let whole = edit_distance(wanted, slug);
    let per_word = slug
        .split('-')
        .filter(|w| w.len() >= 3)
        .map(|w| edit_distance(wanted, w) + 1)
        .min()
        .unwrap_or(usize::MAX);
    let best = whole.min(per_word);
    // Allow about one typo per three letters, and never more than 4.
    let allowed = (wanted.len() / 3).clamp(1, 4);
    (best <= allowed).then_some(3 + best)
}

/// Levenshtein distance over bytes (slugs and codes are ASCII).
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// The FAQ's 17008 text (R4), placeholders as wildcards.
pub const PENDING_FOC_PATTERN: &str =
    "TNs found with a pending FOC Date: TN: [%s], PON: [%s], FOC Date: [%s]";

/// The 17008 description in the FAQ's form (R4), as the sandbox and local checks word it:
/// `TNs found with a pending FOC Date: TN: [9195551234], PON: [ABC123], FOC Date: [01/13/2030]`.
pub fn pending_foc_message(tn: Tn, pon: &str, foc_date: NaiveDate) -> String {
    pending_foc_message_all(&[(tn, pon.to_string(), foc_date)])
}

/// The 17008 description naming every conflicting TN, each with its PON and FOC date at the
/// same place of its list: `TN: [A, B], PON: [P, Q], FOC Date: [d1, d2]`.
pub fn pending_foc_message_all(hits: &[(Tn, String, NaiveDate)]) -> String {
    let tns: Vec<String> = hits.iter().map(|(tn, _, _)| tn.digits()).collect();
    let pons: Vec<&str> = hits.iter().map(|(_, pon, _)| pon.as_str()).collect();
    let dates: Vec<String> = hits
        .iter()
        .map(|(_, _, d)| d.format("%m/%d/%Y").to_string())
        .collect();
    format!(
        "TNs found with a pending FOC Date: TN: [{}], PON: [{}], FOC Date: [{}]",
        tns.join(", "),
        pons.join(", "),
        dates.join(", ")
    )
}

/// Every TN, PON and FOC date a pending-FOC 17008 text names (lists aligned by position; one
/// PON or date for several TNs applies to all of them; TNs in either form). `None` when the
/// text is not the FAQ's form.
pub fn parse_pending_foc(text: &str) -> Option<Vec<(Tn, String, NaiveDate)>> {
    let text = text.trim();
    let rest = text.strip_prefix("TNs found with a pending FOC Date:")?;
    let list = |rest: &str, label: &str| -> Option<(Vec<String>, usize)> {
        let start = rest.find(label)? + label.len();
        let after = rest[start..].trim_start().strip_prefix('[')?;
        let end = after.find(']')?;
        let items = after[..end]
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        Some((items, rest.len() - after.len() + end + 1))
    };
    let mut hits = Vec::new();
    let mut rest = rest;
    while let Some((tns, after_tns)) = list(rest, "TN:") {
        let (pons, after_pons) = list(&rest[after_tns..], "PON:")?;
        let (dates, after_dates) = list(&rest[after_tns + after_pons..], "FOC Date:")?;
        for (i, tn) in tns.iter().enumerate() {
            let pon = pons.get(i).or(pons.first())?.clone();
            let date = dates.get(i).or(dates.first())?;
            let date = NaiveDate::parse_from_str(date, "%m/%d/%Y")
                .or_else(|_| NaiveDate::parse_from_str(date, "%Y-%m-%d"))
                .ok()?;
            hits.push((Tn::parse(tn).ok()?, pon, date));
        }
        rest = &rest[after_tns + after_pons + after_dates..];
    }
    (!hits.is_empty()).then_some(hits)
}

/// True when `text` reads as `pattern`, whose `%s`, `%d` and `%1$d`-style placeholders stand
/// for any text (surrounding whitespace and runs of spaces do not count).
pub fn text_matches(pattern: &str, text: &str) -> bool {
    let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let (pattern, text) = (squash(pattern), squash(text));
    let mut parts: Vec<&str> = Vec::new();
    let mut rest = pattern.as_str();
    while let Some(at) = rest.find('%') {
        parts.push(&rest[..at]);
        let tail = &rest[at + 1..];
        let skip = tail
            .find(['s', 'd'])
            .filter(|&i| tail[..i].chars().all(|c| c.is_ascii_digit() || c == '$'))
            .map_or(0, |i| i + 1);
        rest = &tail[skip..];
    }
    parts.push(rest);
    let mut at = 0;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            if !text.starts_with(part) {
                return false;
            }
            at = part.len();
        } else if i == parts.len() - 1 {
            return text.len() >= at + part.len() && text.ends_with(part);
        } else {
            match text[at..].find(part) {
                Some(found) => at += found + part.len(),
                None => return false,
            }
        }
    }
    text.len() == at
}

/// What a code means with the server's text: the entry's own meaning when its text fits (or
/// it has only one), else the first of its other texts that fits. `None` for an unknown code.
pub fn meaning_of(code: u32, text: &str) -> Option<Meaning> {
    let entry = by_code(code)?;
    let own = Meaning {
        code: entry.code.unwrap_or(code),
        title: entry.title,
        meaning: entry.meaning,
        action: entry.action,
        rule: entry.rule,
        primary: true,
    };
    if entry
        .own_text
        .is_none_or(|pattern| text_matches(pattern, text))
    {
        return Some(own);
    }
    let other = entry
        .other_texts
        .iter()
        .find(|t| t.pattern.is_none_or(|p| text_matches(p, text)));
    Some(other.map_or(own, |t| Meaning {
        code: own.code,
        title: t.title,
        meaning: t.meaning,
        action: t.action,
        rule: t.rule,
        primary: false,
    }))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::collections::HashSet;

    use super::*;

    /// Every code the reference's section 7 names, primary numbers only.
    const DOCUMENTED_CODES: &[u32] = &[
        7510, 7511, 7512, 7513, 7514, 7515, 7516, 7517, 7518, 7519, 7520, 7521, 7593, 7594, 7595,
        7596, 7597, 7598, 7599, 7999, 17008, 17017, 17018, 17029, 17030, 17031, 17036, 5008, 7104,
        7105, 7107, 7108, 7109, 7110, 7111, 7112, 7120, 7203, 7208, 7214, 7318, 7324, 7354, 7355,
        7356, 7395, 5095, 17000, 17002, 17003, 17004, 17005, 17006, 17007, 17009, 17010, 17011,
        17012, 17013, 17019, 17020, 17021, 17022, 17023, 17024, 17026, 17027, 17028, 17032, 17033,
        17014, 17015, 17025, 17034, 17035, 5035, 12501,
    ];

    const FAQ_TOPICS: &[&str] = &[
        "foc-window",
        "concurrence",
        "failed-vs-exception",
        "pending-foc",
        "one-tn-per-request",
        "manual-handling",
        "max-tns",
        "pon-version",
        "remove-tn",
        "non-working",
        "csr",
        "not-authorized",
        "notes",
        "dispute",
        "feedback",
    ];

    #[test]
    fn codes_catalog_has_every_documented_code() {
        for code in DOCUMENTED_CODES {
            let entry = by_code(*code).unwrap_or_else(|| unreachable!("code {code} missing"));
            assert_eq!(entry.code, Some(*code));
            assert!(
                !entry.meaning.is_empty() && !entry.action.is_empty(),
                "{code}"
            );
            assert!(
                entry.bandwidth_text.is_some(),
                "{code} has no Bandwidth text"
            );
            assert_ne!(entry.kind, CodeKind::Topic, "{code}");
        }
        for (alias, primary) in [
            (13522, 5095),
            (16002, 17002),
            (16005, 17005),
            (16009, 17009),
        ] {
            assert_eq!(by_code(alias).unwrap().code, Some(primary), "{alias}");
        }
        assert!(by_code(1234).is_none());
    }

    #[test]
    fn codes_catalog_has_every_faq_topic() {
        for slug in FAQ_TOPICS {
            let entry = by_topic(slug).unwrap_or_else(|| unreachable!("topic {slug} missing"));
            assert!(entry.rule.is_some(), "{slug} cites no rule");
        }
        for (rule, _) in RULE_TOPICS {
            assert_eq!(by_topic(rule).unwrap().rule, Some(rule), "{rule}");
        }
        let topics: Vec<_> = all().iter().filter(|e| e.code.is_none()).collect();
        assert!(topics.iter().all(|e| e.kind == CodeKind::Topic));
    }

    #[test]
    fn codes_closest_does_not_suggest_a_code_of_another_length_with_other_digits() {
        let names =
            |typed: &str| -> Vec<String> { closest(typed, 4).iter().map(|e| e.name()).collect() };
        assert!(names("99999").is_empty(), "{:?}", names("99999"));
        assert_eq!(names("1700").first().map(String::as_str), Some("17000"));
        assert!(
            names("7522").starts_with(&["7521".to_string()]),
            "{:?}",
            names("7522")
        );
    }

    #[test]
    fn codes_catalog_r11_says_bandwidth_has_no_csrs() {
        let csr = by_topic("R11").unwrap_or_else(|| unreachable!("R11 missing"));
        assert_eq!(csr.topic, "csr");
        assert!(
            csr.meaning
                .contains("cannot provide Customer Service Records")
        );
        assert!(csr.meaning.contains("wholesaler"));
        assert!(csr.action.contains("end user"));
    }

    #[test]
    fn codes_catalog_slugs_and_codes_are_unique_and_ordered() {
        let mut slugs = HashSet::new();
        let mut codes = HashSet::new();
        for entry in all() {
            assert!(slugs.insert(entry.topic), "duplicate slug {}", entry.topic);
            assert!(
                entry
                    .topic
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "slug {} is not lowercase-kebab",
                entry.topic
            );
            assert!(
                !RULE_TOPICS
                    .iter()
                    .any(|(rule, _)| rule.eq_ignore_ascii_case(entry.topic)),
                "slug {} hides a rule",
                entry.topic
            );
            for code in entry.code.iter().chain(entry.aliases) {
                assert!(codes.insert(*code), "duplicate code {code}");
            }
        }
        let numbered: Vec<u32> = all().iter().filter_map(|e| e.code).collect();
        assert!(
            numbered.windows(2).all(|w| w[0] < w[1]),
            "codes out of order"
        );
        let first_code = all().iter().position(|e| e.code.is_some()).unwrap();
        assert!(all()[first_code..].iter().all(|e| e.code.is_some()));
    }

    #[test]
    fn codes_resulting_statuses_follow_the_reference() {
        use OrderStatus::*;
        let status = |code| by_code(code).unwrap().resulting_status;
        for code in [7510, 7511, 7512, 7513, 7514, 7515, 7519, 7598] {
            assert_eq!(status(code), Some(Exception), "{code}");
        }
        for code in [7516, 7517, 7518, 17018] {
            assert_eq!(status(code), Some(Cancelled), "{code}");
        }
        for code in [17008, 17017, 17031, 17036] {
            assert_eq!(status(code), Some(Failed), "{code}");
        }
        assert_eq!(status(17030), Some(Partial));
        for code in [7599, 7521, 7520, 5095, 17002, 17015] {
            assert_eq!(status(code), None, "{code}");
        }
        for entry in all() {
            if matches!(
                entry.kind,
                CodeKind::PostValidation | CodeKind::PutValidation
            ) {
                assert_eq!(entry.resulting_status, None, "{:?}", entry.code);
            }
        }
    }

    #[test]
    fn codes_carry_the_faq_rules() {
        let e17008 = by_code(17008).unwrap();
        assert_eq!((e17008.topic, e17008.rule), ("pending-foc", Some("R4")));
        assert!(e17008.meaning.contains("as it is"));
        assert!(e17008.action.contains("supp"));
        let e7517 = by_code(7517).unwrap();
        assert_eq!(
            (e7517.topic, e7517.rule),
            ("one-tn-per-request", Some("R5"))
        );
        assert!(e7517.action.contains("--split per-tn"));
        let e7521 = by_code(7521).unwrap();
        assert_eq!(e7521.rule, Some("R6"));
        assert!(e7521.meaning.contains("24 hours"));
        assert!(e7521.action.contains("email"));
        let e5095 = by_code(5095).unwrap();
        assert_eq!(e5095.rule, Some("R7"));
        assert!(e5095.action.contains("\"Project Port Out\""));
        assert!(e5095.meaning.contains("999"));
        let window = by_topic("foc-window").unwrap();
        assert!(window.meaning.contains("10 business days") && window.meaning.contains("day 1"));
        let concur = by_topic("concurrence").unwrap();
        assert!(concur.meaning.contains("6 hours") && concur.meaning.contains("medium timers"));
        assert!(concur.meaning.contains("first responders"));
    }

    #[test]
    fn codes_lookup_takes_codes_topics_and_rules() {
        assert_eq!(lookup("17008").unwrap().topic, "pending-foc");
        assert_eq!(lookup(" 7517 ").unwrap().code, Some(7517));
        assert_eq!(lookup("13522").unwrap().code, Some(5095));
        assert_eq!(lookup("FOC-Window").unwrap().topic, "foc-window");
        assert_eq!(lookup("r2").unwrap().topic, "concurrence");
        assert_eq!(lookup("R12").unwrap().topic, "not-authorized");
        assert!(lookup("99999999999999999999").is_none());
        assert!(lookup("").is_none());
        assert!(lookup("R13").is_none());
    }

    #[test]
    fn codes_closest_suggests_sensible_entries() {
        let names = |s: &str| -> Vec<&str> { closest(s, 3).iter().map(|e| e.topic).collect() };
        assert_eq!(names("foc-windw")[0], "foc-window");
        assert_eq!(names("concurence")[0], "concurrence");
        assert_eq!(names("window")[0], "foc-window");
        assert!(names("pin").contains(&"pin-missing"));
        assert!(names("manual").contains(&"manual-handling"));
        let codes: Vec<Option<u32>> = closest("7522", 3).iter().map(|e| e.code).collect();
        assert_eq!(codes[0], Some(7521), "{codes:?}");
        assert_eq!(closest("1700", 1)[0].code, Some(17000));
        assert!(closest("zzzzzzzzzzzz", 3).is_empty());
        assert!(closest("", 3).is_empty());
        assert!(closest("foc", 2).len() <= 2);
    }

    #[test]
    fn codes_pending_foc_message_has_the_faq_form() {
        let tn = Tn::parse("919-555-1234").unwrap();
        let date = NaiveDate::from_ymd_opt(2030, 1, 13).unwrap();
        assert_eq!(
            pending_foc_message(tn, "ABC123", date),
            "TNs found with a pending FOC Date: TN: [9195551234], PON: [ABC123], FOC Date: \
             [01/13/2030]"
        );
    }

    #[test]
    fn codes_edit_distance_counts_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }
}
