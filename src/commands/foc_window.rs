//! `lsr foc-window`: the 10 business days of a FOC window (R1).

use anyhow::Context as _;
use chrono::{Duration, NaiveDate};
use clap::Args;
use serde::Serialize;

use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::output::{OutputMode, Rows, print_json, print_text, render_rows};
use crate::validate::{BusinessCalendar, CalendarError, FocWindow, parse_requested_date};

/// Show the 10 business days a FOC date is valid for (day 1 = the FOC date).
///
/// TNs not activated inside the window make the LSR fail (R1).
///
/// JSON: schemas/foc-window.schema.json. TSV columns: day, date.
///
/// Example: lsr foc-window 2026-12-21
#[derive(Debug, Clone, Args)]
pub struct FocWindowArgs {
    /// The FOC date: YYYY-MM-DD, MM/DD/YYYY or +Nbd.
    #[arg(value_name = "DATE")]
    pub date: String,
}

/// A FOC window as printed: the stable shape (`foc_date`, `last_day`, `business_days`) plus the
/// days left as of today and the non-business days the window steps over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct FocWindowView {
    pub foc_date: NaiveDate,
    pub last_day: NaiveDate,
    pub business_days: Vec<NaiveDate>,
    /// Window days still usable today, counting today when it is one (0 once closed).
    pub business_days_left: u32,
    pub today: NaiveDate,
    pub skipped: Vec<SkippedDay>,
}

/// A weekend day or holiday inside the window, which does not count (R1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct SkippedDay {
    pub date: NaiveDate,
    /// "Saturday", "Christmas Day", …
    pub what: String,
}

impl FocWindowView {
    pub fn new(window: &FocWindow, calendar: &BusinessCalendar, today: NaiveDate) -> Self {
        let mut skipped = Vec::new();
        let mut day = window.foc_date();
        while day < window.last_day() {
            day += Duration::days(1);
            if let Some(what) = calendar.describe_non_business_day(day) {
                skipped.push(SkippedDay { date: day, what });
            }
        }
        FocWindowView {
            foc_date: window.foc_date(),
            last_day: window.last_day(),
            business_days: window.days().to_vec(),
            business_days_left: window.business_days_left(today),
            today,
            skipped,
        }
    }

    /// The stderr line under the window: the last day and where today stands.
    pub fn summary_line(&self) -> String {
        let last = self.last_day.format("%a %Y-%m-%d");
        let status = if self.today < self.foc_date {
            format!(
                "the window opens {}; nothing is used up yet",
                self.foc_date.format("%a %Y-%m-%d")
            )
        } else if self.business_days_left == 0 {
            "the window has closed: TNs not activated by then made the LSR fail".to_string()
        } else if self.business_days_left == 1 && self.today == self.last_day {
            "today is the last day".to_string()
        } else {
            let plural = if self.business_days_left == 1 {
                ""
            } else {
                "s"
            };
            format!(
                "{} business day{plural} left today",
                self.business_days_left
            )
        };
        format!("last day to activate: {last} ({status})")
    }
}

pub fn run(ctx: &Context, args: &FocWindowArgs) -> anyhow::Result<()> {
    let foc_date = parse_requested_date(&args.date, ctx.today, &ctx.calendar).map_err(|_| {
        CliError::new(
            Exit::Usage,
            format!("cannot read FOC date `{}`", args.date.trim()),
        )
        .with_hint("give YYYY-MM-DD, MM/DD/YYYY or +Nbd, e.g. 2026-12-21, 12/21/2026 or +5bd")
    })?;
    let window = ctx
        .calendar
        .foc_window(foc_date)
        .map_err(|err| not_a_business_day(&err, &ctx.calendar))?;
    let view = FocWindowView::new(&window, &ctx.calendar, ctx.today);
    match ctx.output {
        OutputMode::Json => print_json(&view),
        OutputMode::Tsv => print_text(&ctx.render_tsv(&window_tsv_rows(&view))),
        OutputMode::Table => {
            let mut text =
                render_rows(&window_table_rows(&view), OutputMode::Table, ctx.term_width);
            let facts = crate::output::timeline::TimelineFacts {
                window: Some(window.clone()),
                today: Some(ctx.today),
                ..Default::default()
            };
            text.push_str(&crate::output::timeline::render_timeline(
                &facts,
                &ctx.calendar,
                ctx.term_width,
                ctx.color,
            ));
            print_text(&text)
        }
    }
    .context("printing the FOC window")?;
    ctx.note(&view.summary_line());
    Ok(())
}

/// Exit 3: the date cannot be a FOC date (Bandwidth answers 17019); the hint names the next
/// business day.
fn not_a_business_day(err: &CalendarError, calendar: &BusinessCalendar) -> anyhow::Error {
    let CalendarError::NotBusinessDay { date, what } = err;
    let message = if BusinessCalendar::is_weekend(*date) {
        format!("FOC date {date} is a {what}, not a business day")
    } else if what == "holiday" {
        format!(
            "FOC date {date} ({}) is a configured holiday, not a business day",
            date.format("%a")
        )
    } else {
        format!(
            "FOC date {date} ({}) is {what}, not a business day",
            date.format("%a")
        )
    };
    let next = calendar.next_business_day(*date);
    CliError::new(Exit::Invalid, message)
        .with_hint(format!(
            "the next business day is {}: lsr foc-window {next}",
            next.format("%a %Y-%m-%d")
        ))
        .into()
}

/// TSV: one `day\tdate` row per business day.
fn window_tsv_rows(view: &FocWindowView) -> Rows {
    let mut rows = Rows::new(["day", "date"]);
    for (i, day) in view.business_days.iter().enumerate() {
        rows.push([(i + 1).to_string(), day.to_string()]);
    }
    rows
}

/// Table: every calendar day from the FOC date to the last day; business days are numbered,
/// skipped days are named, the FOC date, the last day and today are marked. Kept separate so
/// a drawn timeline can build on it.
fn window_table_rows(view: &FocWindowView) -> Rows {
    let mut rows = Rows::new(["day", "date", "weekday", "note"]);
    let mut day = view.foc_date;
    let mut number = 0;
    while day <= view.last_day {
        let mut notes: Vec<String> = Vec::new();
        let label = if let Some(skip) = view.skipped.iter().find(|s| s.date == day) {
            if BusinessCalendar::is_weekend(day) {
                notes.push("weekend, not counted".to_string());
            } else {
                notes.push(format!("{}, not counted", skip.what));
            }
            String::new()
        } else {
            number += 1;
            if day == view.foc_date {
                notes.push("FOC date".to_string());
            }
            if day == view.last_day {
                notes.push("last day to activate".to_string());
            }
            number.to_string()
        };
        if day == view.today {
            notes.push("today".to_string());
        }
        rows.push([
            label,
            day.to_string(),
            day.format("%a").to_string(),
            notes.join("; "),
        ]);
        day += Duration::days(1);
    }
    rows
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn view(foc: &str, today: &str) -> FocWindowView {
        let cal = BusinessCalendar::us_npac();
        FocWindowView::new(&cal.foc_window(d(foc)).unwrap(), &cal, d(today))
    }

    #[test]
    fn foc_window_view_lists_skipped_days_by_name() {
        let v = view("2026-12-21", "2026-11-30");
        let skipped: Vec<(String, &str)> = v
            .skipped
            .iter()
            .map(|s| (s.date.to_string(), s.what.as_str()))
            .collect();
        assert_eq!(
            skipped,
            [
                ("2026-12-25".to_string(), "Christmas Day"),
                ("2026-12-26".to_string(), "Saturday"),
                ("2026-12-27".to_string(), "Sunday"),
                ("2027-01-01".to_string(), "New Year's Day"),
                ("2027-01-02".to_string(), "Saturday"),
                ("2027-01-03".to_string(), "Sunday"),
            ]
        );
        assert_eq!(v.business_days_left, 10);
    }

    #[test]
    fn foc_window_summary_says_where_today_stands() {
        assert_eq!(
            view("2026-12-21", "2026-12-25").summary_line(),
            "last day to activate: Tue 2027-01-05 (6 business days left today)"
        );
        assert!(
            view("2026-12-21", "2026-11-30")
                .summary_line()
                .contains("the window opens Mon 2026-12-21")
        );
        assert!(
            view("2026-12-21", "2027-01-05")
                .summary_line()
                .contains("today is the last day")
        );
        assert!(
            view("2026-12-21", "2027-01-06")
                .summary_line()
                .contains("closed")
        );
    }

    #[test]
    fn foc_window_table_numbers_business_days_and_marks_the_ends() {
        let rows = window_table_rows(&view("2026-12-21", "2026-12-22"));
        assert_eq!(rows.rows.len(), 16); // 21 Dec .. 5 Jan
        assert_eq!(rows.rows[0], ["1", "2026-12-21", "Mon", "FOC date"]);
        assert_eq!(rows.rows[1][3], "today");
        assert_eq!(
            rows.rows[4],
            ["", "2026-12-25", "Fri", "Christmas Day, not counted"]
        );
        assert_eq!(rows.rows[5][3], "weekend, not counted");
        let last = rows.rows.last().unwrap();
        assert_eq!(last, &["10", "2027-01-05", "Tue", "last day to activate"]);
    }

    #[test]
    fn foc_window_rejects_holidays_with_the_next_business_day() {
        let cal = BusinessCalendar::us_npac();
        let err = cal.foc_window(d("2026-12-25")).unwrap_err();
        let err = not_a_business_day(&err, &cal);
        assert_eq!(crate::exit::exit_for(&err), Exit::Invalid);
        assert_eq!(
            err.to_string(),
            "FOC date 2026-12-25 (Fri) is Christmas Day, not a business day"
        );
        let hint = crate::exit::hint_for(&err).unwrap();
        assert!(hint.contains("Mon 2026-12-28"), "{hint}");
    }
}
