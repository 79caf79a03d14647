//! The business calendar: weekends and holidays, business-day arithmetic, and the FOC window (R1).

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// How many business days a FOC stays valid (R1): day 1 is the FOC date itself.
pub const FOC_WINDOW_DAYS: usize = 10;

/// Business days: Monday–Friday that are not holidays. The default holidays are the US federal
/// holidays NPAC observes, moved to Friday when they fall on a Saturday and to Monday on a Sunday.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusinessCalendar {
    /// Use the rule-based NPAC holidays.
    npac_defaults: bool,
    /// Extra non-business days from the configuration.
    extra: BTreeSet<NaiveDate>,
}

impl Default for BusinessCalendar {
    fn default() -> Self {
        BusinessCalendar::us_npac()
    }
}

/// Why a date cannot start a FOC window.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("{date} is a {what}, not a business day; a FOC date must be a business day")]
    NotBusinessDay { date: NaiveDate, what: String },
}

impl BusinessCalendar {
    /// The default calendar: the NPAC-observed US federal holidays.
    pub fn us_npac() -> BusinessCalendar {
        BusinessCalendar {
            npac_defaults: true,
            extra: BTreeSet::new(),
        }
    }

    /// The default holidays plus `extra`, or only `extra` when `replace_default`.
    pub fn with_holidays(
        extra: impl IntoIterator<Item = NaiveDate>,
        replace_default: bool,
    ) -> BusinessCalendar {
        BusinessCalendar {
            npac_defaults: !replace_default,
            extra: extra.into_iter().collect(),
        }
    }

    /// The holiday's name when `date` is a non-business weekday holiday.
    pub fn holiday_name(&self, date: NaiveDate) -> Option<&'static str> {
        if self.extra.contains(&date) {
            return Some("holiday");
        }
        if !self.npac_defaults {
            return None;
        }
        // An observed New Year's Day can fall on December 31 of the year before.
        [date.year(), date.year() + 1]
            .into_iter()
            .flat_map(npac_holidays)
            .find(|(observed, _)| *observed == date)
            .map(|(_, name)| name)
    }

    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holiday_name(date).is_some()
    }

    pub fn is_weekend(date: NaiveDate) -> bool {
        matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
    }

    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        !Self::is_weekend(date) && !self.is_holiday(date)
    }

    /// What a non-business day is, for messages: "Saturday", "Christmas Day (observed)".
    pub fn describe_non_business_day(&self, date: NaiveDate) -> Option<String> {
        if Self::is_weekend(date) {
            return Some(date.format("%A").to_string());
        }
        self.holiday_name(date).map(str::to_string)
    }

    /// The first business day strictly after `date`.
    pub fn next_business_day(&self, date: NaiveDate) -> NaiveDate {
        self.add_business_days(date, 1)
    }

    /// `date` itself when it is a business day, else the next one.
    pub fn this_or_next_business_day(&self, date: NaiveDate) -> NaiveDate {
        if self.is_business_day(date) {
            date
        } else {
            self.next_business_day(date)
        }
    }

    /// The business day `n` business days after `date` (`n = 0` gives `date`).
    pub fn add_business_days(&self, date: NaiveDate, n: u32) -> NaiveDate {
        let mut day = date;
        let mut left = n;
        while left > 0 {
            day += Duration::days(1);
            if self.is_business_day(day) {
                left -= 1;
            }
        }
        day
    }

    /// Business days from `from` (exclusive) to `to` (inclusive); 0 when `to <= from`.
    pub fn business_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        let mut count = 0;
        let mut day = from;
        while day < to {
            day += Duration::days(1);
            if self.is_business_day(day) {
                count += 1;
            }
        }
        count
    }

    /// The FOC window of R1: ten business days, day 1 = `foc_date`, which must be a business day.
    pub fn foc_window(&self, foc_date: NaiveDate) -> Result<FocWindow, CalendarError> {
        if let Some(what) = self.describe_non_business_day(foc_date) {
            return Err(CalendarError::NotBusinessDay {
                date: foc_date,
                what,
            });
        }
        let mut days = Vec::with_capacity(FOC_WINDOW_DAYS);
        days.push(foc_date);
        let mut day = foc_date;
        while days.len() < FOC_WINDOW_DAYS {
            day = self.next_business_day(day);
            days.push(day);
        }
        Ok(FocWindow { days })
    }
}

/// The ten business days a FOC is valid (R1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FocWindow {
    days: Vec<NaiveDate>,
}

impl FocWindow {
    /// Day 1.
    pub fn foc_date(&self) -> NaiveDate {
        self.days[0]
    }

    /// Day 10: the last day the TNs can be activated.
    pub fn last_day(&self) -> NaiveDate {
        self.days[self.days.len() - 1]
    }

    pub fn days(&self) -> &[NaiveDate] {
        &self.days
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        date >= self.foc_date() && date <= self.last_day() && self.days.binary_search(&date).is_ok()
    }

    /// Business days of the window still usable on `on`, counting `on` itself when it is one:
    /// 10 before the window opens, 0 after it has closed.
    pub fn business_days_left(&self, on: NaiveDate) -> u32 {
        self.days.iter().filter(|d| **d >= on).count() as u32
    }

    /// Which window day `date` is (1–10), if it is one.
    pub fn day_number(&self, date: NaiveDate) -> Option<usize> {
        self.days.binary_search(&date).ok().map(|i| i + 1)
    }
}

/// The NPAC-observed federal holidays of `year` as (observed date, name).
fn npac_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let mut out = Vec::with_capacity(6);
    let fixed = [
        (1, 1, "New Year's Day"),
        (7, 4, "Independence Day"),
        (12, 25, "Christmas Day"),
    ];
    for (month, day, name) in fixed {
        if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
            out.push((observed(date), name));
        }
    }
    // Memorial Day: last Monday of May. Labor Day: first Monday of September.
    // Thanksgiving: fourth Thursday of November.
    if let Some(d) = NaiveDate::from_weekday_of_month_opt(year, 5, Weekday::Mon, 5)
        .or_else(|| NaiveDate::from_weekday_of_month_opt(year, 5, Weekday::Mon, 4))
    {
        out.push((d, "Memorial Day"));
    }
    if let Some(d) = NaiveDate::from_weekday_of_month_opt(year, 9, Weekday::Mon, 1) {
        out.push((d, "Labor Day"));
    }
    if let Some(d) = NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Thu, 4) {
        out.push((d, "Thanksgiving Day"));
    }
    out
}

/// Saturday holidays are observed on Friday, Sunday holidays on Monday.
fn observed(date: NaiveDate) -> NaiveDate {
    match date.weekday() {
        Weekday::Sat => date - Duration::days(1),
        Weekday::Sun => date + Duration::days(1),
        _ => date,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn calendar_knows_the_npac_holidays() {
        let cal = BusinessCalendar::us_npac();
        for (date, name) in [
            ("2026-01-01", "New Year's Day"),
            ("2026-05-25", "Memorial Day"),
            ("2026-07-03", "Independence Day"), // July 4 2026 is a Saturday
            ("2026-09-07", "Labor Day"),
            ("2026-11-26", "Thanksgiving Day"),
            ("2026-12-25", "Christmas Day"),
            ("2027-12-24", "Christmas Day"), // Dec 25 2027 is a Saturday
            ("2021-12-31", "New Year's Day"), // Jan 1 2022 is a Saturday
            ("2023-01-02", "New Year's Day"), // Jan 1 2023 is a Sunday
            ("2028-05-29", "Memorial Day"),
        ] {
            assert_eq!(cal.holiday_name(d(date)), Some(name), "{date}");
            assert!(!cal.is_business_day(d(date)));
        }
        assert!(cal.is_business_day(d("2026-07-06")));
        assert!(cal.is_business_day(d("2026-11-27"))); // the day after Thanksgiving works
        assert!(!cal.is_business_day(d("2026-11-28"))); // Saturday
    }

    #[test]
    fn foc_window_skips_christmas_and_new_year() {
        let cal = BusinessCalendar::us_npac();
        let window = cal.foc_window(d("2026-12-21")).unwrap();
        let days: Vec<String> = window.days().iter().map(|x| x.to_string()).collect();
        assert_eq!(
            days,
            [
                "2026-12-21",
                "2026-12-22",
                "2026-12-23",
                "2026-12-24",
                "2026-12-28",
                "2026-12-29",
                "2026-12-30",
                "2026-12-31",
                "2027-01-04",
                "2027-01-05"
            ]
        );
        assert_eq!(window.last_day(), d("2027-01-05"));
        assert_eq!(window.business_days_left(d("2026-12-01")), 10);
        assert_eq!(window.business_days_left(d("2026-12-25")), 6);
        assert_eq!(window.business_days_left(d("2027-01-05")), 1);
        assert_eq!(window.business_days_left(d("2027-01-06")), 0);
        assert_eq!(window.day_number(d("2026-12-28")), Some(5));
        assert!(!window.contains(d("2026-12-25")));
    }

    #[test]
    fn foc_window_rejects_non_business_days() {
        let cal = BusinessCalendar::us_npac();
        let err = cal.foc_window(d("2026-12-25")).unwrap_err();
        assert!(err.to_string().contains("Christmas Day"), "{err}");
        let err = cal.foc_window(d("2026-11-28")).unwrap_err();
        assert!(err.to_string().contains("Saturday"), "{err}");
    }

    #[test]
    fn calendar_config_overrides() {
        let extra = BusinessCalendar::with_holidays([d("2026-11-27")], false);
        assert!(!extra.is_business_day(d("2026-11-27")));
        assert!(!extra.is_business_day(d("2026-11-26")));
        let only = BusinessCalendar::with_holidays([d("2026-11-27")], true);
        assert!(only.is_business_day(d("2026-11-26")));
        assert!(!only.is_business_day(d("2026-11-27")));
    }

    #[test]
    fn business_day_arithmetic() {
        let cal = BusinessCalendar::us_npac();
        assert_eq!(cal.next_business_day(d("2026-11-25")), d("2026-11-27"));
        assert_eq!(cal.next_business_day(d("2026-11-27")), d("2026-11-30"));
        assert_eq!(cal.add_business_days(d("2026-12-31"), 1), d("2027-01-04"));
        assert_eq!(cal.add_business_days(d("2026-12-31"), 0), d("2026-12-31"));
        assert_eq!(
            cal.business_days_between(d("2026-11-25"), d("2026-11-30")),
            2
        );
        assert_eq!(
            cal.this_or_next_business_day(d("2026-11-28")),
            d("2026-11-30")
        );
    }

    proptest! {
        #[test]
        fn foc_window_is_ten_business_days(offset in 0i64..5000) {
            let cal = BusinessCalendar::us_npac();
            let start = cal.this_or_next_business_day(d("2020-01-01") + Duration::days(offset));
            let window = cal.foc_window(start).unwrap();
            prop_assert_eq!(window.days().len(), FOC_WINDOW_DAYS);
            prop_assert_eq!(window.foc_date(), start);
            for pair in window.days().windows(2) {
                prop_assert!(pair[0] < pair[1]);
                prop_assert_eq!(cal.business_days_between(pair[0], pair[1]), 1);
            }
            for day in window.days() {
                prop_assert!(cal.is_business_day(*day));
            }
        }

        /// Any date 1990–2099 with any configured extra holidays, added to or replacing NPAC's:
        /// a window opens only on a business day, has exactly ten days, none a weekend (by
        /// chrono's weekday, not the calendar's own test), a fixed-date federal holiday when
        /// NPAC's are on, or a configured holiday, and skips no business day in between.
        #[test]
        fn foc_window_never_holds_a_weekend_or_holiday(
            offset in 0i64..40_000,
            extra in proptest::collection::vec(0i64..30, 0..6),
            replace_default in any::<bool>(),
        ) {
            let start = d("1990-01-01") + Duration::days(offset);
            let extra: Vec<NaiveDate> = extra.iter().map(|n| start + Duration::days(*n)).collect();
            let cal = BusinessCalendar::with_holidays(extra.iter().copied(), replace_default);
            let Ok(window) = cal.foc_window(start) else {
                prop_assert!(!cal.is_business_day(start));
                return Ok(());
            };
            prop_assert!(cal.is_business_day(start));
            prop_assert_eq!(window.days().len(), FOC_WINDOW_DAYS);
            prop_assert_eq!(window.foc_date(), start);
            for day in window.days() {
                prop_assert!(day.weekday().number_from_monday() <= 5, "{} is a weekend", day);
                prop_assert!(!extra.contains(day), "{} is a configured holiday", day);
                if !replace_default {
                    let fixed = [(1, 1), (7, 4), (12, 25)];
                    prop_assert!(!fixed.contains(&(day.month(), day.day())), "{} is a holiday", day);
                }
            }
            let mut day = window.foc_date();
            while day < window.last_day() {
                day += Duration::days(1);
                prop_assert_eq!(window.days().contains(&day), cal.is_business_day(day), "{}", day);
            }
        }
    }
}
