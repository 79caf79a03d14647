//! `lsr agenda` against the embedded sandbox: the act-now rules (EXCEPTION, 7521, a FOC date
//! today, a window closing), the upcoming FOC dates and window last days, `--local`, and an
//! `.ics` file a strict RFC 5545 parser reads back with the right dates.

use icalendar::{Calendar, Component, DatePerhapsTime};
use serde_json::Value;

use crate::common::{SandboxWorld, submit_processed};

fn kinds(section: &Value) -> Vec<(String, String)> {
    section
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["kind"].as_str().unwrap().to_string(),
                i["order"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pair(kind: &str, order: &str) -> (String, String) {
    (kind.to_string(), order.to_string())
}

fn date(text: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn agenda_puts_exceptions_7521_and_foc_dates_in_their_places_and_writes_an_ics() {
    let world = SandboxWorld::new();
    // Line 4xxx needs a PIN (EXCEPTION without one), 2xxx manual handling (7521), 6xxx a FOC.
    let exception = submit_processed(&world, "AG-EXC", &["919-720-4100"], &[]);
    submit_processed(&world, "AG-MAN", &["919-720-2100"], &[]);
    let foc = submit_processed(&world, "AG-FOC", &["919-720-6100"], &[]);
    let ics = world.dir.path().join("desk.ics");
    let day = world.json(&["agenda", "--ics", ics.to_str().unwrap()]);
    assert_eq!(day["today"], "2026-11-30");
    assert_eq!(
        kinds(&day["act_now"]),
        vec![
            pair("exception", "AG-EXC@1"),
            pair("manual_handling", "AG-MAN@1")
        ],
        "{day}"
    );
    let exc = &day["act_now"][0];
    assert_eq!(exc["order_id"], exception.as_str());
    assert!(
        exc["next_step"]
            .as_str()
            .unwrap()
            .contains("lsr supp AG-EXC@1"),
        "{exc}"
    );
    assert!(
        day["act_now"][1]["next_step"]
            .as_str()
            .unwrap()
            .contains("lsr email manual-handling AG-MAN@1")
    );
    assert_eq!(
        kinds(&day["upcoming"]),
        vec![
            pair("foc_date", "AG-FOC@1"),
            pair("window_last_day", "AG-FOC@1")
        ]
    );
    assert_eq!(day["upcoming"][0]["date"], "2026-12-07");
    assert_eq!(day["upcoming"][1]["date"], "2026-12-18");

    // --local reads the history the refresh just wrote, with no backend.
    let local = world.json(&["agenda", "--local"]);
    assert_eq!(local["act_now"], day["act_now"]);
    assert_eq!(local["upcoming"], day["upcoming"]);

    // The calendar: one all-day event per FOC date and window last day, stable UIDs.
    let text = std::fs::read_to_string(&ics).unwrap();
    let calendar: Calendar = text.parse().unwrap();
    let mut events: Vec<(String, Option<DatePerhapsTime>, Option<DatePerhapsTime>)> = calendar
        .events()
        .map(|e| (e.get_uid().unwrap().to_string(), e.get_start(), e.get_end()))
        .collect();
    events.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        events,
        vec![
            (
                format!("{foc}-foc@lsr"),
                Some(DatePerhapsTime::Date(date("2026-12-07"))),
                Some(DatePerhapsTime::Date(date("2026-12-08")))
            ),
            (
                format!("{foc}-window-last-day@lsr"),
                Some(DatePerhapsTime::Date(date("2026-12-18"))),
                Some(DatePerhapsTime::Date(date("2026-12-19")))
            ),
        ]
    );

    // On the FOC date (the agent has handled the 7521 by then): activate today.
    world.clock(&["set", "2026-12-07T10:00:00Z"]);
    let day = world.json(&["agenda"]);
    assert_eq!(day["today"], "2026-12-07");
    assert!(
        kinds(&day["act_now"]).contains(&pair("foc_today", "AG-FOC@1")),
        "{day}"
    );
}

#[test]
fn agenda_window_closing_within_n_business_days_is_act_now() {
    let world = SandboxWorld::new();
    submit_processed(&world, "AG-WIN", &["919-720-6101"], &[]);
    // FOC Mon 12-07; window's last day Fri 12-18. On Wed 12-16 three business days are left.
    world.clock(&["set", "2026-12-16T10:00:00Z"]);
    let day = world.json(&["agenda"]);
    assert!(
        kinds(&day["act_now"]).contains(&pair("foc_passed", "AG-WIN@1")),
        "{day}"
    );
    let wide = world.json(&["agenda", "--within", "3"]);
    assert_eq!(
        kinds(&wide["act_now"]),
        vec![pair("window_closing", "AG-WIN@1")],
        "{wide}"
    );
    assert!(
        wide["act_now"][0]["what"]
            .as_str()
            .unwrap()
            .contains("3 business days left")
    );
    // Piped without --json: TSV rows, section first.
    let out = world
        .lsr()
        .args(["agenda", "--within", "3"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("act_now\t2026-12-18\tAG-WIN@1\tFOC\twindow_closing\t"),
        "{text}"
    );
}
