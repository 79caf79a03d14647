//! Validation findings as lsr shows them: one row per finding, and the one-line summary of a
//! report (`order ACME-0001: 2 errors, 1 warning (3 TNs)`).

use super::Rows;
use crate::model::OrderDraft;
use crate::validate::{Finding, Report, Severity};

/// One row per finding: severity, code, field, message, hint.
pub fn findings_rows(findings: &[Finding]) -> Rows {
    let mut rows = Rows::new(["SEVERITY", "CODE", "FIELD", "MESSAGE", "HINT"]);
    for f in findings {
        rows.push([
            match f.severity {
                Severity::Error => "error".to_string(),
                Severity::Warning => "warning".to_string(),
            },
            f.code.map(|c| c.to_string()).unwrap_or_default(),
            f.field.clone(),
            f.message.clone(),
            f.hint.clone().unwrap_or_default(),
        ]);
    }
    rows
}

/// `order ACME-0001: 2 errors, 1 warning (3 TNs)`, or `order ACME-0001 is valid (3 TNs)`.
pub fn summary_line(draft: &OrderDraft, report: &Report, tn_count: usize) -> String {
    let name = match draft.pon.as_deref().map(str::trim) {
        Some(pon) if !pon.is_empty() => format!("order {pon}"),
        _ => "order (no PON)".to_string(),
    };
    let tns = plural(tn_count, "TN", "TNs");
    let errors = report.errors().count();
    let warnings = report.warnings().count();
    match (errors, warnings) {
        (0, 0) => format!("{name} is valid ({tns})"),
        (0, w) => format!(
            "{name} is valid, with {} ({tns})",
            plural(w, "warning", "warnings")
        ),
        (e, 0) => format!("{name}: {} ({tns})", plural(e, "error", "errors")),
        (e, w) => format!(
            "{name}: {}, {} ({tns})",
            plural(e, "error", "errors"),
            plural(w, "warning", "warnings")
        ),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Findings as lines of text for stderr when stdout is not a terminal: `error 17019 at
/// requested_foc_date: …`, then `  hint: …`.
pub fn findings_text(findings: &[Finding]) -> String {
    let mut text = String::new();
    for f in findings {
        let severity = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let code = f.code.map(|c| format!(" {c}")).unwrap_or_default();
        let field = if f.field.is_empty() {
            String::new()
        } else {
            format!(" at {}", f.field)
        };
        text.push_str(&super::printable(&format!(
            "{severity}{code}{field}: {}",
            f.message
        )));
        text.push('\n');
        if let Some(hint) = &f.hint {
            text.push_str(&super::printable(&format!("  hint: {hint}")));
            text.push('\n');
        }
    }
    text
}
