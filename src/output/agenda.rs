//! The desk's agenda for people and pipes: a table per section on a terminal, TSV rows (the
//! section first) when piped. JSON is the [`Agenda`] itself.

use super::{OutputMode, Rows, render_rows, render_tsv};
use crate::validate::agenda::{Agenda, AgendaItem};

fn rows(items: &[AgendaItem]) -> Rows {
    let mut rows = Rows::new(["WHEN", "ORDER", "STATUS", "WHAT", "NEXT STEP"]);
    for i in items {
        rows.push([
            i.date
                .map(|d| d.format("%a %Y-%m-%d").to_string())
                .unwrap_or_default(),
            i.order.clone(),
            i.status.clone(),
            i.what.clone(),
            i.next_step.clone(),
        ]);
    }
    rows
}

/// The TSV columns of the agenda.
pub const AGENDA_COLUMNS: [&str; 7] = [
    "section",
    "date",
    "order",
    "status",
    "kind",
    "what",
    "next_step",
];

/// The agenda as text: `Act now` and `Upcoming` tables (and the orders waiting for a FOC) on a
/// terminal; TSV rows `section, date, order, status, kind, what, next_step` otherwise (the
/// column names first when `header`).
pub fn render_agenda(
    agenda: &Agenda,
    mode: OutputMode,
    width: Option<u16>,
    header: bool,
) -> String {
    let sections = [
        ("Act now", "act_now", &agenda.act_now),
        ("Upcoming", "upcoming", &agenda.upcoming),
        ("Waiting for a FOC", "waiting", &agenda.waiting),
    ];
    if mode != OutputMode::Table {
        let mut all = Rows::new(["SECTION", "DATE", "ORDER", "STATUS", "KIND", "WHAT", "NEXT"])
            .keys(AGENDA_COLUMNS);
        for (_, key, items) in sections {
            for i in items.iter() {
                all.push([
                    key.to_string(),
                    i.date.map(|d| d.to_string()).unwrap_or_default(),
                    i.order.clone(),
                    i.status.clone(),
                    serde_json::to_value(i.kind)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default(),
                    i.what.clone(),
                    i.next_step.clone(),
                ]);
            }
        }
        return render_tsv(&all, header);
    }
    let mut out = String::new();
    for (title, _, items) in sections {
        if items.is_empty() && title == "Waiting for a FOC" {
            continue;
        }
        out.push_str(&format!("{title}\n"));
        if items.is_empty() {
            out.push_str("  nothing\n\n");
            continue;
        }
        out.push_str(&render_rows(&rows(items), OutputMode::Table, width));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::validate::agenda::AgendaKind;

    #[test]
    fn agenda_tsv_rows_start_with_the_section_and_kind() {
        let agenda = Agenda {
            act_now: vec![AgendaItem {
                kind: AgendaKind::FocToday,
                date: NaiveDate::from_ymd_opt(2026, 12, 9),
                order: "A@1".into(),
                order_id: "id".into(),
                status: "FOC".into(),
                what: "FOC date today".into(),
                next_step: "activate".into(),
            }],
            ..Agenda::default()
        };
        assert_eq!(
            render_agenda(&agenda, OutputMode::Tsv, None, false),
            "act_now\t2026-12-09\tA@1\tFOC\tfoc_today\tFOC date today\tactivate\n"
        );
        let table = render_agenda(&agenda, OutputMode::Table, Some(100), false);
        assert!(table.starts_with("Act now\n"), "{table}");
        assert!(table.contains("Upcoming\n  nothing"), "{table}");
    }
}
