//! The arithmetic of adaptive concurrency, apart from any clock or task: AIMD as TCP does it.
//! Start moderate; while answers come back fast and clean, grow by one per answer until the
//! first pushback (slow start), then by one per level's worth of answers (additive increase);
//! halve on a 429, a 503 or a timeout, and when the smoothed round trip climbs well above the
//! fastest seen (multiplicative decrease), at most once per round of requests; never above the
//! maximum, never below one. A `Retry-After` holds every request until it has passed.

use std::time::{Duration, Instant};

use serde::Serialize;

use crate::client::Answer;

/// Where the level starts (or the maximum, if lower).
pub const START_LEVEL: usize = 8;
/// The default maximum (`--concurrency`).
pub const DEFAULT_MAX: usize = 32;
/// A smoothed round trip above `min × LATENCY_FACTOR + LATENCY_SLACK` is a latency rise: the
/// backend (or the path to it) is queueing what it gets.
const LATENCY_FACTOR: u32 = 2;
/// Keeps loopback and LAN round trips from reading as a rise: a server on this machine answers
/// in tenths of a millisecond alone and in a few milliseconds when it queues 8 requests on
/// 2 cores, which is the server working, not a path congesting. A backend across the internet
/// (tens of milliseconds) still reads as risen when its round trip more than doubles.
const LATENCY_SLACK: Duration = Duration::from_millis(20);
/// The pause after a 429 that names no `Retry-After`.
const DEFAULT_PAUSE: Duration = Duration::from_secs(1);
/// The longest pause a `Retry-After` can impose here (the client gives up on longer waits).
const MAX_PAUSE: Duration = Duration::from_secs(60);

/// What one answer says about the backend's load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// Answered (any 2xx, or a 4xx other than 429): its round trip counts.
    Clean,
    /// 429, 503 or a timeout: send less.
    Pushback,
    /// Says nothing about load (another 5xx, a refused connection).
    Neutral,
}

impl Signal {
    pub fn of(answer: &Answer) -> Signal {
        match answer.status {
            Some(429 | 503) => Signal::Pushback,
            Some(s) if s >= 500 => Signal::Neutral,
            Some(_) => Signal::Clean,
            None if answer.timed_out => Signal::Pushback,
            None => Signal::Neutral,
        }
    }
}

/// How the level moved, for reports (`submit --json`'s `concurrency`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct LevelReport {
    /// The ceiling (`--concurrency`).
    pub max: usize,
    /// The level it started at.
    pub start: usize,
    /// The lowest and highest levels it took.
    pub lowest: usize,
    pub highest: usize,
    /// The level at the end.
    #[serde(rename = "final")]
    pub last: usize,
    /// How many times it halved (at one there is nothing to halve).
    pub backoffs: u32,
    /// How many answers were 429 (rate limited).
    pub rate_limited: u32,
}

/// The limiter's state: the level, what it learned about round trips, and the pause in force.
#[derive(Debug, Clone)]
pub struct Aimd {
    level: usize,
    max: usize,
    /// True until the first decrease: grow by one per clean answer.
    slow_start: bool,
    /// Clean answers since the level last grew (additive increase spends `level` of them).
    credit: usize,
    /// Clean answers since the level last changed (a latency decrease waits for a round).
    since_change: usize,
    min_rtt: Option<Duration>,
    srtt: Option<Duration>,
    /// When the level last halved: answers to requests sent before it do not halve it again.
    decreased_at: Option<Instant>,
    pause_until: Option<Instant>,
    report: LevelReport,
}

impl Aimd {
    /// A level of `min(START_LEVEL, max)`, growing to at most `max` (at least 1).
    pub fn new(max: usize) -> Aimd {
        let max = max.max(1);
        let level = START_LEVEL.min(max);
        Aimd {
            level,
            max,
            slow_start: true,
            credit: 0,
            since_change: 0,
            min_rtt: None,
            srtt: None,
            decreased_at: None,
            pause_until: None,
            report: LevelReport {
                max,
                start: level,
                lowest: level,
                highest: level,
                last: level,
                backoffs: 0,
                rate_limited: 0,
            },
        }
    }

    /// A new ceiling; the level comes down to it at once if above.
    pub fn set_max(&mut self, max: usize) {
        self.max = max.max(1);
        self.report.max = self.max;
        if self.level > self.max {
            self.set_level(self.max);
        }
        if self.report.start > self.max {
            self.report.start = self.max;
            self.report.lowest = self.report.lowest.min(self.max);
            self.report.highest = self.report.highest.min(self.max);
        }
    }

    /// How many requests may be in flight now.
    pub fn level(&self) -> usize {
        self.level
    }

    pub fn report(&self) -> LevelReport {
        self.report
    }

    /// How long every request must still wait at `now` (a `Retry-After` in force).
    pub fn hold(&self, now: Instant) -> Duration {
        self.pause_until
            .map_or(Duration::ZERO, |until| until.saturating_duration_since(now))
    }

    /// Learns from one answer received at `now` while `in_flight` requests held a slot. Growth
    /// needs the level to be in use (more than half of it): an idle limiter does not grow.
    pub fn answered(&mut self, now: Instant, answer: &Answer, in_flight: usize) {
        match Signal::of(answer) {
            Signal::Pushback => {
                if answer.status == Some(429) {
                    self.report.rate_limited += 1;
                    self.pause(now, answer.retry_after.unwrap_or(DEFAULT_PAUSE));
                } else if let Some(wait) = answer.retry_after {
                    self.pause(now, wait);
                }
                self.decrease(answer.sent_at, now);
            }
            Signal::Neutral => {}
            Signal::Clean => {
                self.sample(answer.elapsed);
                if self.latency_rose() {
                    if self.since_change >= self.level {
                        self.decrease(answer.sent_at, now);
                    }
                } else if in_flight * 2 > self.level {
                    self.grow();
                }
            }
        }
    }

    fn pause(&mut self, now: Instant, wait: Duration) {
        let until = now + wait.min(MAX_PAUSE);
        if self.pause_until.is_none_or(|t| t < until) {
            self.pause_until = Some(until);
        }
    }

    fn sample(&mut self, rtt: Duration) {
        self.min_rtt = Some(self.min_rtt.map_or(rtt, |m| m.min(rtt)));
        // EWMA with a gain of 1/8, as TCP smooths its round trip.
        self.srtt = Some(self.srtt.map_or(rtt, |s| (s * 7 + rtt) / 8));
        self.since_change += 1;
    }

    fn latency_rose(&self) -> bool {
        match (self.srtt, self.min_rtt) {
            (Some(srtt), Some(min)) => srtt > min * LATENCY_FACTOR + LATENCY_SLACK,
            _ => false,
        }
    }

    fn grow(&mut self) {
        if self.level >= self.max {
            return;
        }
        self.credit += 1;
        if self.slow_start || self.credit >= self.level {
            self.set_level(self.level + 1);
        }
    }

    /// Halves the level, unless the request was sent before the last halving (its answer
    /// belongs to the round that was already answered for).
    fn decrease(&mut self, sent_at: Instant, now: Instant) {
        if self.decreased_at.is_some_and(|at| sent_at < at) {
            return;
        }
        self.slow_start = false;
        self.decreased_at = Some(now);
        if self.level > 1 {
            self.report.backoffs += 1;
        }
        // A latency rise is judged afresh at the new level.
        self.srtt = None;
        self.set_level((self.level / 2).max(1));
    }

    fn set_level(&mut self, level: usize) {
        self.level = level.clamp(1, self.max);
        self.credit = 0;
        self.since_change = 0;
        self.report.last = self.level;
        self.report.lowest = self.report.lowest.min(self.level);
        self.report.highest = self.report.highest.max(self.level);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fake clock: `t(ms)` is that many milliseconds after one fixed instant.
    struct Clock(Instant);

    impl Clock {
        fn new() -> Clock {
            Clock(Instant::now())
        }
        fn t(&self, ms: u64) -> Instant {
            self.0 + Duration::from_millis(ms)
        }
        fn answer(&self, sent_ms: u64, rtt_ms: u64, status: u16) -> (Instant, Answer) {
            let sent_at = self.t(sent_ms);
            let elapsed = Duration::from_millis(rtt_ms);
            (
                sent_at + elapsed,
                Answer {
                    status: Some(status),
                    sent_at,
                    elapsed,
                    retry_after: None,
                    timed_out: false,
                },
            )
        }
    }

    #[test]
    fn adaptive_slow_start_grows_one_per_clean_answer_up_to_the_max() {
        let clock = Clock::new();
        let mut aimd = Aimd::new(12);
        assert_eq!(aimd.level(), START_LEVEL);
        for i in 0..10 {
            let (now, a) = clock.answer(i, 25, 201);
            aimd.answered(now, &a, aimd.level());
        }
        assert_eq!(aimd.level(), 12, "capped at the maximum");
        let r = aimd.report();
        assert_eq!((r.start, r.lowest, r.highest, r.last), (8, 8, 12, 12));
        assert_eq!(r.backoffs, 0);
    }

    #[test]
    fn adaptive_idle_limiter_does_not_grow() {
        let clock = Clock::new();
        let mut aimd = Aimd::new(32);
        for i in 0..20 {
            let (now, a) = clock.answer(i, 25, 200);
            aimd.answered(now, &a, 2);
        }
        assert_eq!(aimd.level(), START_LEVEL);
    }

    #[test]
    fn adaptive_429_halves_once_per_round_and_pauses_for_retry_after() {
        let clock = Clock::new();
        let mut aimd = Aimd::new(32);
        // Eight requests sent at 0 ms all come back 429 at 10 ms: one halving, not eight.
        for _ in 0..8 {
            let (now, mut a) = clock.answer(0, 10, 429);
            a.retry_after = Some(Duration::from_secs(2));
            aimd.answered(now, &a, 8);
        }
        assert_eq!(aimd.level(), 4);
        assert_eq!(aimd.report().backoffs, 1);
        assert_eq!(aimd.report().rate_limited, 8);
        assert_eq!(aimd.hold(clock.t(10)), Duration::from_secs(2));
        assert_eq!(aimd.hold(clock.t(1_010)), Duration::from_secs(1));
        assert_eq!(aimd.hold(clock.t(2_010)), Duration::ZERO);
        // A request sent after that halving that meets a 429 halves again.
        let (now, a) = clock.answer(2_010, 5, 429);
        aimd.answered(now, &a, 4);
        assert_eq!(aimd.level(), 2);
        assert_eq!(aimd.hold(now), DEFAULT_PAUSE, "no Retry-After: a second");
        for sent in [3_100, 3_200, 3_300] {
            let (now, a) = clock.answer(sent, 5, 503);
            aimd.answered(now, &a, 1);
        }
        assert_eq!(aimd.level(), 1, "never below one");
        let r = aimd.report();
        // Halved three times (8, 4, 2, 1); at one there is nothing left to halve.
        assert_eq!((r.lowest, r.highest, r.last, r.backoffs), (1, 8, 1, 3));
    }

    #[test]
    fn adaptive_after_a_backoff_grows_by_one_per_round() {
        let clock = Clock::new();
        let mut aimd = Aimd::new(32);
        let (now, a) = clock.answer(0, 10, 429);
        aimd.answered(now, &a, 8);
        assert_eq!(aimd.level(), 4);
        // Additive increase: four clean answers at level 4 make 5, five more make 6.
        let mut sent = 2_000;
        let mut clean = |aimd: &mut Aimd, n: usize| {
            for _ in 0..n {
                let (now, a) = clock.answer(sent, 10, 200);
                aimd.answered(now, &a, aimd.level());
                sent += 1;
            }
        };
        clean(&mut aimd, 3);
        assert_eq!(aimd.level(), 4);
        clean(&mut aimd, 1);
        assert_eq!(aimd.level(), 5);
        clean(&mut aimd, 5);
        assert_eq!(aimd.level(), 6);
    }

    #[test]
    fn adaptive_loopback_queueing_is_not_a_latency_rise() {
        // A sandbox on this machine: 1 ms alone, 15 ms with 8 requests queued on its cores.
        // With a 5 ms slack this halved the level a dozen times in a 999-order batch and sent
        // at under half the sandbox's capacity.
        let clock = Clock::new();
        let mut aimd = Aimd::new(8);
        let (now, a) = clock.answer(0, 1, 201);
        aimd.answered(now, &a, 1);
        for sent in 1..200 {
            let (now, a) = clock.answer(sent, 15, 201);
            aimd.answered(now, &a, aimd.level());
        }
        assert_eq!(aimd.report().backoffs, 0);
        assert_eq!(aimd.level(), 8);
    }

    #[test]
    fn adaptive_latency_rise_halves_and_fast_answers_do_not() {
        let clock = Clock::new();
        let mut aimd = Aimd::new(32);
        // Steady 25 ms answers: growth.
        for i in 0..8 {
            let (now, a) = clock.answer(i, 25, 200);
            aimd.answered(now, &a, aimd.level());
        }
        assert_eq!(aimd.level(), 16);
        // Answers slow to 200 ms (over 2 × 25 ms + 20 ms once smoothed): after a round of
        // them at this level, one halving.
        let mut sent = 100;
        while aimd.report().backoffs == 0 {
            let (now, a) = clock.answer(sent, 200, 200);
            aimd.answered(now, &a, aimd.level());
            sent += 1;
            assert!(sent < 200, "never backed off");
        }
        // Halved from where the first slow answers (still under the threshold once smoothed)
        // had let it grow: 16 or 17 or 18, so 8 or 9.
        assert!((8..=9).contains(&aimd.level()), "{}", aimd.level());
        // Just under the threshold: no backoff, growth again.
        let backoffs = aimd.report().backoffs;
        for _ in 0..40 {
            let (now, a) = clock.answer(sent, 69, 200);
            aimd.answered(now, &a, aimd.level());
            sent += 1;
        }
        assert_eq!(aimd.report().backoffs, backoffs);
        assert!(aimd.level() > 8);
    }

    #[test]
    fn adaptive_timeouts_push_back_refusals_say_nothing() {
        let clock = Clock::new();
        let mut aimd = Aimd::new(32);
        let timed_out = Answer {
            status: None,
            sent_at: clock.t(0),
            elapsed: Duration::from_secs(60),
            retry_after: None,
            timed_out: true,
        };
        aimd.answered(clock.t(60_000), &timed_out, 8);
        assert_eq!(aimd.level(), 4);
        let refused = Answer {
            timed_out: false,
            sent_at: clock.t(61_000),
            ..timed_out
        };
        aimd.answered(clock.t(61_001), &refused, 4);
        let (now, a) = clock.answer(61_002, 1, 500);
        aimd.answered(now, &a, 4);
        assert_eq!(aimd.level(), 4);
        assert_eq!(aimd.hold(now), Duration::ZERO);
    }

    #[test]
    fn adaptive_max_below_the_start_and_lowered_later() {
        let aimd = Aimd::new(3);
        assert_eq!(aimd.level(), 3);
        assert_eq!(aimd.report().start, 3);
        let mut aimd = Aimd::new(0);
        assert_eq!(aimd.level(), 1, "at least one");
        aimd.set_max(32);
        assert_eq!(aimd.level(), 1);
        let mut aimd = Aimd::new(32);
        aimd.set_max(2);
        assert_eq!(aimd.level(), 2);
        assert_eq!(aimd.report().max, 2);
        assert_eq!(aimd.report().highest, 2);
    }
}
