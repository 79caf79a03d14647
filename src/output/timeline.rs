//! The timeline picture of an order's life on a business-day axis: submitted, the FOC date, the
//! ten window days (R1) with today marked and the last day highlighted, and the NPAC times when
//! known. Colour on a terminal, plain ASCII otherwise; never wider than the terminal.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::validate::{BusinessCalendar, FocWindow};

/// What the picture shows.
#[derive(Debug, Clone, Default)]
pub struct TimelineFacts {
    pub submitted: Option<NaiveDate>,
    pub window: Option<FocWindow>,
    pub today: Option<NaiveDate>,
    /// When the gaining carrier's NPAC subscriptions were built, if known.
    pub subscriptions_built: Option<NaiveDateTime>,
    /// When Bandwidth concurs (6 hours after the subscriptions with medium timers, R2), if known.
    pub auto_concurrence: Option<NaiveDateTime>,
}

/// Width of one day's column.
const CELL: usize = 3;
/// Room for the row labels on the left.
const INDENT: usize = 2;

/// Renders the timeline, at most `width` columns wide (80 when unknown).
pub fn render_timeline(
    facts: &TimelineFacts,
    calendar: &BusinessCalendar,
    width: Option<u16>,
    color: bool,
) -> String {
    let Some(window) = &facts.window else {
        return String::new();
    };
    let width = usize::from(width.unwrap_or(80)).max(40);
    if let Some(note) = facts.today.and_then(|today| out_of_range(window, today)) {
        return note;
    }
    // A submission date far from the window (a broken server's) is left out, not walked to.
    let near = |d: &NaiveDate| (*d - window.foc_date()).num_days().abs() <= 2 * DRAWN_RANGE_DAYS;
    let facts = &TimelineFacts {
        submitted: facts.submitted.filter(near),
        ..facts.clone()
    };
    let days = days_shown(facts, window, calendar, (width - INDENT) / CELL);

    let paint = |code: &str, text: &str| {
        if color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    };
    let mut months = " ".repeat(INDENT);
    let mut numbers = " ".repeat(INDENT);
    let mut track = " ".repeat(INDENT);
    let mut marks = " ".repeat(INDENT);
    let mut last_month = None;
    for (i, d) in days.iter().enumerate() {
        let month = (d.year(), d.month());
        if last_month != Some(month) {
            let label = d.format("%b").to_string();
            // A month that starts right after the previous label moves over by a space.
            let len = months.chars().count();
            let at = (INDENT + i * CELL).max(if i == 0 { 0 } else { len + 1 });
            months.push_str(&" ".repeat(at - len));
            months.push_str(&label);
            last_month = Some(month);
        }
        numbers.push_str(&format!("{:<CELL$}", d.format("%d")));
        let (symbol, code) = if Some(*d)
            == facts
                .submitted
                .map(|s| calendar.this_or_next_business_day(s))
            && !window.contains(*d)
        {
            ("S", "1;36")
        } else if *d == window.foc_date() {
            ("F", "1;32")
        } else if *d == window.last_day() {
            ("L", "1;31")
        } else if window.contains(*d) {
            ("=", "32")
        } else {
            (".", "2")
        };
        track.push_str(&paint(code, symbol));
        track.push_str(&" ".repeat(CELL - 1));
        let is_today = facts
            .today
            .is_some_and(|t| calendar.this_or_next_business_day(t) == *d);
        marks.push_str(&if is_today {
            paint("1;33", "^")
        } else {
            " ".to_string()
        });
        marks.push_str(&" ".repeat(CELL - 1));
    }
    let mut out = String::new();
    for line in [months, numbers, track, marks] {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    // The legend says in words what the symbols mean: only the symbols drawn (a submission
    // day outside the drawn days has no `S` to explain).
    let drawn = |d: NaiveDate| {
        let d = calendar.this_or_next_business_day(d);
        days.contains(&d)
    };
    let mut legend = Vec::new();
    if let Some(s) = facts
        .submitted
        .filter(|s| drawn(*s) && !window.contains(calendar.this_or_next_business_day(*s)))
    {
        legend.push(format!("S submitted {}", s.format("%m-%d")));
    }
    legend.push(format!("F FOC date {}", window.foc_date().format("%m-%d")));
    legend.push("= window (10 business days, R1)".to_string());
    legend.push(format!("L last day {}", window.last_day().format("%m-%d")));
    if let Some(t) = facts.today {
        let left = window.business_days_left(t);
        legend.push(format!(
            "{}today {} ({left} business day{} left)",
            if drawn(t) { "^ " } else { "" },
            t.format("%m-%d"),
            if left == 1 { "" } else { "s" }
        ));
    }
    // The legend wraps at the width, between items.
    let mut line = String::new();
    for item in legend {
        if !line.is_empty() && INDENT + line.chars().count() + 3 + item.chars().count() > width {
            out.push_str(&format!("  {line}\n"));
            line.clear();
        }
        if !line.is_empty() {
            line.push_str(" · ");
        }
        line.push_str(&item);
    }
    if !line.is_empty() {
        out.push_str(&format!("  {line}\n"));
    }
    if let Some(built) = facts.subscriptions_built {
        let mut line = format!("  subscriptions built {}", built.format("%m-%d %H:%M"));
        if let Some(concur) = facts.auto_concurrence {
            line.push_str(&format!(
                "; auto-concurrence {} (6 hours later with medium timers, R2)",
                concur.format("%m-%d %H:%M")
            ));
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// How far from today a FOC date may be for its window to be drawn: a year either way (lsr
/// refuses to request a date further out; a server that answers one gets it in words).
const DRAWN_RANGE_DAYS: i64 = 366;

/// The line shown instead of a picture for a window too far from today, if it is.
fn out_of_range(window: &FocWindow, today: NaiveDate) -> Option<String> {
    let distance = (window.foc_date() - today).num_days();
    (distance.abs() > DRAWN_RANGE_DAYS).then(|| {
        format!(
            "  (not drawn: the FOC date {} is more than a year from today, {today})\n",
            window.foc_date()
        )
    })
}

/// The business days drawn, at most `columns`: the window always, then the days before it
/// (nearest first) back to the earliest of submitted and today, then the days after it up to
/// the latest of them. Walks only as many days as it keeps, however far those dates are.
fn days_shown(
    facts: &TimelineFacts,
    window: &FocWindow,
    calendar: &BusinessCalendar,
    columns: usize,
) -> Vec<NaiveDate> {
    let marks: Vec<NaiveDate> = [facts.submitted, facts.today]
        .into_iter()
        .flatten()
        .map(|d| calendar.this_or_next_business_day(d))
        .collect();
    let earliest = marks.iter().copied().min();
    let latest = marks.iter().copied().max();
    let mut spare = columns.saturating_sub(window.days().len());
    let mut before = Vec::new();
    if let Some(earliest) = earliest {
        let mut day = window.foc_date();
        while spare > 0 {
            match previous_business_day(calendar, day) {
                Some(previous) if previous >= earliest => {
                    before.push(previous);
                    day = previous;
                    spare -= 1;
                }
                _ => break,
            }
        }
    }
    before.reverse();
    let mut days = before;
    days.extend_from_slice(window.days());
    if let Some(latest) = latest {
        let mut day = window.last_day();
        while spare > 0 {
            day = calendar.next_business_day(day);
            if day > latest {
                break;
            }
            days.push(day);
            spare -= 1;
        }
    }
    days
}

/// The business day before `date`, if the calendar has one.
fn previous_business_day(calendar: &BusinessCalendar, date: NaiveDate) -> Option<NaiveDate> {
    let mut day = date.pred_opt()?;
    while !calendar.is_business_day(day) {
        day = day.pred_opt()?;
    }
    Some(day)
}

/// The timeline of an order as `status` shows it: the window of its FOC date (the requested
/// date while there is none yet); nothing when it has neither.
pub fn render_order_timeline(
    view: &super::order::OrderView,
    calendar: &BusinessCalendar,
    today: NaiveDate,
    width: Option<u16>,
    color: bool,
) -> String {
    let Some(foc) = view.actual_foc_date.or(view.requested_foc_date) else {
        return String::new();
    };
    let facts = TimelineFacts {
        submitted: view.submitted,
        window: calendar
            .foc_window(calendar.this_or_next_business_day(foc))
            .ok(),
        today: Some(today),
        ..TimelineFacts::default()
    };
    let picture = render_timeline(&facts, calendar, width, color);
    if picture.is_empty() {
        return picture;
    }
    let title = if view.actual_foc_date.is_some() {
        "Timeline (business days)"
    } else {
        "Timeline (business days; the window once the requested date is confirmed)"
    };
    let title = if color {
        format!("\x1b[1m{title}\x1b[0m")
    } else {
        title.to_string()
    };
    format!("{title}\n{picture}")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(t: &str) -> NaiveDate {
        NaiveDate::parse_from_str(t, "%Y-%m-%d").unwrap()
    }

    fn facts() -> TimelineFacts {
        let cal = BusinessCalendar::us_npac();
        TimelineFacts {
            submitted: Some(d("2026-12-16")),
            window: Some(cal.foc_window(d("2026-12-21")).unwrap()),
            today: Some(d("2026-12-24")),
            ..TimelineFacts::default()
        }
    }

    #[test]
    fn timeline_legend_names_only_the_symbols_drawn() {
        let cal = BusinessCalendar::us_npac();
        // Submitted long before the days drawn on a narrow terminal: no `S` drawn, none named.
        let early = TimelineFacts {
            submitted: Some(d("2026-11-02")),
            ..facts()
        };
        let text = render_timeline(&early, &cal, Some(50), false);
        assert!(!text.contains("S submitted"), "{text}");
        assert!(!text.lines().nth(2).unwrap_or("").contains('S'), "{text}");
        // Drawn: named.
        let text = render_timeline(&facts(), &cal, Some(100), false);
        assert!(text.contains("S submitted 12-16"), "{text}");
    }

    #[test]
    fn timeline_plain_marks_submitted_foc_window_last_day_and_today() {
        let text = render_timeline(&facts(), &BusinessCalendar::us_npac(), Some(100), false);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], format!("  Dec{}Jan", " ".repeat(30)));
        assert_eq!(lines[1], "  16 17 18 21 22 23 24 28 29 30 31 04 05");
        assert_eq!(lines[2], "  S  .  .  F  =  =  =  =  =  =  =  =  L");
        assert_eq!(lines[3], "                    ^");
        let legend = lines[4..].join(" ");
        assert!(legend.contains("L last day 01-05"), "{legend}");
        assert!(legend.contains("(7 business days left)"), "{legend}");
        assert!(!text.contains('\x1b'));
    }

    #[test]
    fn timeline_fits_a_narrow_terminal_by_dropping_days_before_the_window() {
        let mut f = facts();
        f.submitted = Some(d("2026-11-02"));
        let text = render_timeline(&f, &BusinessCalendar::us_npac(), Some(40), false);
        for line in text.lines() {
            assert!(line.chars().count() <= 40, "{line:?}");
        }
        assert!(text.lines().nth(2).unwrap().contains('F'));
        assert!(text.lines().nth(2).unwrap().contains('L'));
    }

    #[test]
    fn timeline_far_dates_cost_no_more_than_near_ones() {
        let cal = BusinessCalendar::us_npac();
        // Submitted long before the window: only the days that fit are walked.
        let mut f = facts();
        f.submitted = Some(d("2026-01-05"));
        f.today = Some(d("2026-01-05"));
        f.window = Some(cal.foc_window(d("2026-12-21")).unwrap());
        let text = render_timeline(&f, &cal, Some(60), false);
        assert!(
            text.lines().nth(2).unwrap().starts_with("  .  .  ."),
            "{text}"
        );
        // A window more than a year from today is said in words, not laid out.
        f.window = Some(cal.foc_window(d("9999-12-30")).unwrap());
        f.today = Some(d("2026-11-30"));
        let text = render_timeline(&f, &cal, Some(80), false);
        assert_eq!(
            text,
            "  (not drawn: the FOC date 9999-12-30 is more than a year from today, 2026-11-30)\n"
        );
        // A far submission date from a broken server is left out.
        let mut f = facts();
        f.submitted = Some(d("0001-01-01"));
        let text = render_timeline(&f, &cal, Some(100), false);
        assert!(!text.contains('S'), "{text}");
    }

    #[test]
    fn timeline_in_colour_highlights_the_last_day() {
        let text = render_timeline(&facts(), &BusinessCalendar::us_npac(), Some(100), true);
        assert!(text.contains("\x1b[1;31mL\x1b[0m"));
    }
}
