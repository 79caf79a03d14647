//! The order input of `submit`, `validate`, `supp` and `resubmit`: the order-field flags, the
//! TN flags and the sending flags (flag groups several commands flatten), the `--from` file with the flags laid
//! over it, and the TNs of the file, every `--tn` and the `--tn-file`, in that order, each
//! remembering where it came from.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::precheck::PrecheckMode;
use super::wait::WaitTarget;
use crate::exit::{CliError, Exit};
use crate::model::OrderDraft;
use crate::validate::{Finding, TnListError, parse_tn_list};

/// How `submit` and `resubmit` send: the split, how many at once, the checks, `--wait`.
#[derive(Debug, Clone, Args)]
pub struct SendArgs {
    /// Split into several orders: `per-tn` (one TN each) or N (at most N TNs each, N ≤ 999).
    #[arg(long, value_name = "per-tn|N")]
    pub split: Option<String>,

    /// The most requests sent at once (a split's orders, the pre-check's TN searches). lsr
    /// starts at 8 and adapts: more while answers come back fast and clean, half as many after
    /// a 429 or 503 (waiting out its Retry-After) or when answers slow down.
    #[arg(long, default_value_t = crate::batch::DEFAULT_MAX, value_name = "MAX", value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=1000))]
    pub concurrency: usize,

    /// Send even when the pre-submission checks find errors.
    #[arg(long)]
    pub force: bool,

    /// Where the check for TNs on open orders looks: `remote` (the history, re-read, and one
    /// backend search per TN it does not cover), `local` (the history only), `off`.
    #[arg(long, value_enum, default_value_t = PrecheckMode::Remote, value_name = "WHERE")]
    pub precheck: PrecheckMode,

    /// Wait until the order has a FOC date (`foc`) or reaches a final status (`final`): exit 0
    /// when it does, 4 when it cannot (FAILED, CANCELLED; EXCEPTION for `foc`), 8 at --timeout.
    /// With --split, for every order of the batch (the worst decides).
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "foc", value_name = "UNTIL")]
    pub wait: Option<WaitTarget>,

    /// Give up waiting after this long (e.g. 90s, 10m, 2h).
    #[arg(long, default_value = "10m", value_name = "DURATION")]
    pub timeout: String,
}

impl SendArgs {
    /// `--split` and `--timeout`, read (exit 2 when either is malformed).
    pub fn split_and_timeout(
        &self,
    ) -> anyhow::Result<(Option<crate::batch::SplitSpec>, std::time::Duration)> {
        let split = self
            .split
            .as_deref()
            .map(super::split::parse_split_spec)
            .transpose()?;
        Ok((split, super::wait::parse_timeout(&self.timeout)?))
    }
}

/// The order fields shared by `submit`, `validate`, `supp` and `resubmit`; they override the
/// same fields of a `--from` file.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Order fields")]
pub struct OrderFieldArgs {
    /// Purchase Order Number: 1–25 letters, digits, #, - or _.
    #[arg(long, value_name = "PON")]
    pub pon: Option<String>,

    /// Your own reference for the order (letters, digits, spaces, dashes; at most 40).
    #[arg(long, value_name = "ID")]
    pub customer_order_id: Option<String>,

    /// Requested port date: YYYY-MM-DD, MM/DD/YYYY, or +Nbd for N business days from today.
    #[arg(long, visible_alias = "foc", value_name = "DATE")]
    pub requested_foc_date: Option<String>,

    /// NPAC SPID of the winning carrier (4 letters or digits).
    #[arg(long, value_name = "SPID")]
    pub spid: Option<String>,

    /// Billing telephone number at the losing carrier.
    #[arg(long, value_name = "TN")]
    pub btn: Option<String>,

    /// Person authorising the port.
    #[arg(long, value_name = "NAME")]
    pub auth_person: Option<String>,

    /// End-user type.
    #[arg(long, value_enum, value_name = "TYPE")]
    pub subscriber_type: Option<SubscriberTypeArg>,

    /// Business name (business subscribers; at most 25 characters).
    #[arg(long, value_name = "NAME")]
    pub business_name: Option<String>,

    /// First name (residential subscribers).
    #[arg(long, value_name = "NAME")]
    pub first_name: Option<String>,

    /// Middle initial (residential subscribers).
    #[arg(long, value_name = "INITIAL")]
    pub middle_initial: Option<String>,

    /// Last name (required for residential subscribers).
    #[arg(long, value_name = "NAME")]
    pub last_name: Option<String>,

    /// Account number at the losing carrier.
    #[arg(long, value_name = "NUMBER")]
    pub account_number: Option<String>,

    /// The end user's port-out PIN (passcode).
    #[arg(long, value_name = "PIN")]
    pub pin: Option<String>,

    /// Service address: house number.
    #[arg(long, value_name = "NUMBER")]
    pub house_number: Option<String>,

    /// Service address: street name.
    #[arg(long, value_name = "STREET")]
    pub street: Option<String>,

    /// Service address: city.
    #[arg(long, value_name = "CITY")]
    pub city: Option<String>,

    /// Service address: two-letter state code.
    #[arg(long, value_name = "STATE")]
    pub state: Option<String>,

    /// Service address: ZIP code (12345 or 12345-6789).
    #[arg(long, value_name = "ZIP")]
    pub zip: Option<String>,

    /// Service address: second line (suite, unit).
    #[arg(long, value_name = "TEXT")]
    pub address_line2: Option<String>,
}

/// `--subscriber-type` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SubscriberTypeArg {
    Business,
    Residential,
}

impl OrderFieldArgs {
    /// The flags as a draft, to lay over a `--from` file.
    pub fn to_draft(&self) -> crate::model::OrderDraft {
        use crate::model::{AddressDraft, OrderDraft, SubscriberDraft};
        OrderDraft {
            pon: self.pon.clone(),
            customer_order_id: self.customer_order_id.clone(),
            requested_foc_date: self.requested_foc_date.clone(),
            spid: self.spid.clone(),
            btn: self.btn.clone(),
            authorizing_person: self.auth_person.clone(),
            subscriber: SubscriberDraft {
                subscriber_type: self.subscriber_type.map(|t| {
                    match t {
                        SubscriberTypeArg::Business => "BUSINESS",
                        SubscriberTypeArg::Residential => "RESIDENTIAL",
                    }
                    .to_string()
                }),
                business_name: self.business_name.clone(),
                first_name: self.first_name.clone(),
                middle_initial: self.middle_initial.clone(),
                last_name: self.last_name.clone(),
                account_number: self.account_number.clone(),
                pin: self.pin.clone().map(crate::model::Pin::from),
                address: AddressDraft {
                    house_number: self.house_number.clone(),
                    street: self.street.clone(),
                    city: self.city.clone(),
                    state: self.state.clone(),
                    zip: self.zip.clone(),
                    address_line2: self.address_line2.clone(),
                    ..AddressDraft::default()
                },
            },
            tns: Vec::new(),
        }
    }
}

/// Where the telephone numbers of a new order come from (`submit`, `validate`).
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Telephone numbers")]
pub struct TnInputArgs {
    /// A telephone number to port (repeatable; any common format).
    #[arg(long = "tn", value_name = "TN")]
    pub tns: Vec<String>,

    /// Read telephone numbers from FILE (`-` for stdin): one a line with `#` comments, or CSV
    /// with a `tn` column.
    #[arg(long, value_name = "FILE")]
    pub tn_file: Option<std::path::PathBuf>,
}

/// Where one entry of `OrderInput::draft.tns` came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TnOrigin {
    /// The `tns` list of the `--from` file (same index there as in the order).
    OrderFile,
    /// The n-th `--tn` flag, counting from 1.
    Flag { number: usize },
    /// A line of the `--tn-file`.
    TnFile { line: usize },
}

/// An order as the user gave it, before validation, with the origin of every TN.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderInput {
    pub draft: OrderDraft,
    /// One per entry of `draft.tns`.
    pub tn_origins: Vec<TnOrigin>,
    /// The `--from` file, if any.
    pub order_file: Option<PathBuf>,
    /// How to name the `--tn-file` in messages: its path, or `stdin`.
    pub tn_file_label: Option<String>,
}

/// Builds the order input from `--from`, the order flags and the TN flags. A `--tn-file -` is
/// read from stdin. Unreadable or malformed files are `Exit::Invalid` errors naming the file.
pub fn read_order_input(
    from: Option<&Path>,
    fields: &OrderFieldArgs,
    tn_args: &TnInputArgs,
) -> anyhow::Result<OrderInput> {
    let file = match from {
        Some(path) => Some((path.to_path_buf(), read_order_file(path)?)),
        None => None,
    };
    let tn_file = match &tn_args.tn_file {
        Some(path) => Some(read_tn_file(path)?),
        None => None,
    };
    Ok(assemble_order_input(file, fields, &tn_args.tns, tn_file)?)
}

/// The pure part of `read_order_input`: the files already read.
/// `tn_file` is the file's label for messages and its text.
pub fn assemble_order_input(
    file: Option<(PathBuf, OrderDraft)>,
    fields: &OrderFieldArgs,
    flag_tns: &[String],
    tn_file: Option<(String, String)>,
) -> Result<OrderInput, CliError> {
    let (order_file, base) = match file {
        Some((path, draft)) => (Some(path), draft),
        None => (None, OrderDraft::default()),
    };
    // The flags carry no TNs, so the file's TNs survive the overlay.
    let mut draft = base.overlay(&fields.to_draft());
    let mut tn_origins = vec![TnOrigin::OrderFile; draft.tns.len()];
    for (i, tn) in flag_tns.iter().enumerate() {
        draft.tns.push(tn.clone());
        tn_origins.push(TnOrigin::Flag { number: i + 1 });
    }
    let mut tn_file_label = None;
    if let Some((label, text)) = tn_file {
        let entries = parse_tn_list(&text).map_err(|e| tn_list_error(&label, &e))?;
        draft.tns.reserve(entries.len());
        tn_origins.reserve(entries.len());
        for entry in entries {
            draft.tns.push(entry.text);
            tn_origins.push(TnOrigin::TnFile { line: entry.line });
        }
        tn_file_label = Some(label);
    }
    Ok(OrderInput {
        draft,
        tn_origins,
        order_file,
        tn_file_label,
    })
}

impl OrderInput {
    /// Where TN `index` came from, when that is not the order file itself: `--tn #2`,
    /// `line 12 of tns.txt`.
    pub fn tn_origin(&self, index: usize) -> Option<String> {
        match self.tn_origins.get(index)? {
            TnOrigin::OrderFile => None,
            TnOrigin::Flag { number } => Some(format!("--tn #{number}")),
            TnOrigin::TnFile { line } => Some(format!(
                "line {line} of {}",
                self.tn_file_label.as_deref().unwrap_or("the TN file")
            )),
        }
    }

    /// Makes findings on TNs say where each TN came from: a finding on `tns[i]` starts with
    /// `line 12 of tns.txt: `, and each `tns[k]` its message mentions gets `(--tn #2)` after it.
    pub fn annotate_findings(&self, findings: &mut [Finding]) {
        if self
            .tn_origins
            .iter()
            .all(|o| matches!(o, TnOrigin::OrderFile))
        {
            return;
        }
        for finding in findings {
            let mentioned = finding.message.contains("tns[");
            if mentioned {
                finding.message = self.annotate_mentions(&finding.message);
            }
            let own = tn_index(&finding.field).and_then(|i| self.tn_origin(i));
            if let Some(origin) = own
                && !finding.message.contains(&finding.field)
            {
                finding.message = format!("{origin}: {}", finding.message);
            }
        }
    }

    fn annotate_mentions(&self, message: &str) -> String {
        let mut out = String::with_capacity(message.len() + 32);
        let mut rest = message;
        while let Some(start) = rest.find("tns[") {
            let after = &rest[start + 4..];
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            let closes = after.as_bytes().get(digits) == Some(&b']');
            let origin = closes
                .then(|| after[..digits].parse::<usize>().ok())
                .flatten()
                .and_then(|i| self.tn_origin(i));
            let end = if closes {
                start + 4 + digits + 1
            } else {
                start + 4
            };
            out.push_str(&rest[..end]);
            if let Some(origin) = origin {
                out.push_str(" (");
                out.push_str(&origin);
                out.push(')');
            }
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    }
}

/// `i` of a `tns[i]` field path.
fn tn_index(field: &str) -> Option<usize> {
    field.strip_prefix("tns[")?.strip_suffix(']')?.parse().ok()
}

fn read_order_file(path: &Path) -> Result<OrderDraft, CliError> {
    OrderDraft::read_file(path).map_err(|e| {
        CliError::new(Exit::Invalid, e.to_string())
            .with_hint("fix the file; examples/port-out.toml shows every field of an order file")
    })
}

/// The largest TN list read: 100,000 TNs in a CSV with a few columns is a few MB.
const MAX_TN_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The label and text of a `--tn-file` (`-` is stdin), at most [`MAX_TN_FILE_BYTES`].
fn read_tn_file(path: &Path) -> Result<(String, String), CliError> {
    let (label, reader): (String, Box<dyn Read>) = if path == Path::new("-") {
        ("stdin".to_string(), Box::new(std::io::stdin()))
    } else {
        let label = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|e| {
            CliError::new(Exit::Invalid, format!("cannot read TN file `{label}`: {e}"))
                .with_hint("check the path; `--tn-file -` reads the numbers from stdin")
        })?;
        (label, Box::new(file))
    };
    let mut text = String::new();
    reader
        .take(MAX_TN_FILE_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|e| {
            CliError::new(Exit::Invalid, format!("cannot read TN list `{label}`: {e}"))
                .with_hint("give a text file of TNs, one a line, or a CSV with a `tn` column")
        })?;
    if text.len() as u64 > MAX_TN_FILE_BYTES {
        return Err(CliError::new(
            Exit::Invalid,
            format!("TN list `{label}` is larger than {MAX_TN_FILE_BYTES} bytes"),
        )
        .with_hint("split the list into several files and submit them as separate batches"));
    }
    Ok((label, text))
}

fn tn_list_error(label: &str, error: &TnListError) -> CliError {
    let hint = match error {
        TnListError::NoTnColumn { .. } => {
            "name the column of telephone numbers `tn`, or list one TN a line without a header"
        }
        TnListError::Csv { .. } => "fix the CSV, or list one TN a line",
    };
    CliError::new(Exit::Invalid, format!("TN file `{label}`: {error}")).with_hint(hint)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::validate::Severity;

    fn file_draft() -> (PathBuf, OrderDraft) {
        let draft = OrderDraft {
            pon: Some("FILE-PON".into()),
            authorizing_person: Some("Jane Doe".into()),
            tns: vec!["9197206100".into()],
            ..OrderDraft::default()
        };
        (PathBuf::from("order.toml"), draft)
    }

    fn finding(field: &str, message: &str) -> Finding {
        Finding {
            code: Some(17002),
            severity: Severity::Error,
            field: field.into(),
            message: message.into(),
            hint: None,
        }
    }

    #[test]
    fn order_input_concatenates_tns_in_order_with_origins() {
        let fields = OrderFieldArgs {
            pon: Some("FLAG-PON".into()),
            ..OrderFieldArgs::default()
        };
        let input = assemble_order_input(
            Some(file_draft()),
            &fields,
            &["9197206101".into()],
            Some((
                "tns.txt".into(),
                "# list\n9197206102\n\n9197206103\n".into(),
            )),
        )
        .unwrap();
        assert_eq!(input.draft.pon.as_deref(), Some("FLAG-PON"), "flags win");
        assert_eq!(input.draft.authorizing_person.as_deref(), Some("Jane Doe"));
        assert_eq!(
            input.draft.tns,
            vec!["9197206100", "9197206101", "9197206102", "9197206103"]
        );
        assert_eq!(
            input.tn_origins,
            vec![
                TnOrigin::OrderFile,
                TnOrigin::Flag { number: 1 },
                TnOrigin::TnFile { line: 2 },
                TnOrigin::TnFile { line: 4 },
            ]
        );
        assert_eq!(input.tn_origin(0), None);
        assert_eq!(input.tn_origin(1).as_deref(), Some("--tn #1"));
        assert_eq!(input.tn_origin(3).as_deref(), Some("line 4 of tns.txt"));
    }

    #[test]
    fn order_input_annotates_tn_findings() {
        let input = assemble_order_input(
            Some(file_draft()),
            &OrderFieldArgs::default(),
            &["9197206100".into()],
            Some(("tns.txt".into(), "\n919\n".into())),
        )
        .unwrap();
        let mut findings = vec![
            finding("tns[2]", "telephone number `919` has 3 digits"),
            finding(
                "tns[1]",
                "telephone number 919-720-6100 appears 2 times: tns[0], tns[1]",
            ),
            finding("pon", "PON is required"),
        ];
        input.annotate_findings(&mut findings);
        assert_eq!(
            findings[0].message,
            "line 2 of tns.txt: telephone number `919` has 3 digits"
        );
        assert_eq!(
            findings[1].message,
            "telephone number 919-720-6100 appears 2 times: tns[0], tns[1] (--tn #1)"
        );
        assert_eq!(findings[2].message, "PON is required");
    }

    #[test]
    fn order_input_tn_file_without_tn_column_names_the_file() {
        let err = assemble_order_input(
            None,
            &OrderFieldArgs::default(),
            &[],
            Some((
                "numbers.csv".into(),
                "name,number\nAcme,9197206100\n".into(),
            )),
        )
        .unwrap_err();
        assert_eq!(err.exit, Exit::Invalid);
        assert!(err.message.contains("numbers.csv"), "{}", err.message);
        assert!(err.message.contains("no `tn` column"), "{}", err.message);
        assert!(err.hint.is_some());
    }

    #[test]
    fn order_input_missing_files_are_invalid_and_named() {
        let err = read_order_file(Path::new("/nonexistent/order.toml")).unwrap_err();
        assert_eq!(err.exit, Exit::Invalid);
        assert!(err.message.contains("/nonexistent/order.toml"));
        let err = read_tn_file(Path::new("/nonexistent/tns.txt")).unwrap_err();
        assert_eq!(err.exit, Exit::Invalid);
        assert!(err.message.contains("/nonexistent/tns.txt"));
    }
}
