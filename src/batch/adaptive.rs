//! Adaptive concurrency: the one limiter every bulk operation runs its requests through (a
//! batch's creations, the pre-check's TN searches, fetching several orders, polling them).
//!
//! It is two things at once. As the client's [`Pacer`] it sees every request and answer: a 429
//! or 503 halves the level and a `Retry-After` holds every request until it has passed; a
//! smoothed round trip well above the fastest halves it too; fast clean answers grow it (the
//! arithmetic is `batch::aimd::Aimd`). As a gate it lets at most `level` units of work run at once:
//! [`Limiter::map`] runs a future per item that way, [`Limiter::run`] one future.

use std::future::Future;
use std::sync::Mutex;
use std::time::Duration;

use futures_util::{Stream, StreamExt};

use super::aimd::{Aimd, LevelReport};
use crate::client::{Answer, Pacer};

tokio::task_local! {
    /// Set while a future runs in a slot of [`Limiter::run`].
    static IN_SLOT: ();
}

/// The limiter: an AIMD level (`batch::aimd::Aimd`) and the units of work holding a slot.
#[derive(Debug)]
pub struct Limiter {
    state: Mutex<State>,
    /// Wakes waiters when a slot frees or the level grows.
    freed: tokio::sync::Notify,
}

#[derive(Debug)]
struct State {
    aimd: Aimd,
    in_flight: usize,
}

/// A slot held by one unit of work; freed when dropped.
#[derive(Debug)]
pub struct Permit<'a> {
    limiter: &'a Limiter,
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        self.limiter
            .with(|s| s.in_flight = s.in_flight.saturating_sub(1));
        self.limiter.freed.notify_waiters();
    }
}

impl Limiter {
    /// A limiter that starts moderate and never goes above `max` (at least 1).
    pub fn new(max: usize) -> Limiter {
        Limiter {
            state: Mutex::new(State {
                aimd: Aimd::new(max),
                in_flight: 0,
            }),
            freed: tokio::sync::Notify::new(),
        }
    }

    fn with<T>(&self, f: impl FnOnce(&mut State) -> T) -> T {
        // The state holds no invariant a panic elsewhere could break halfway.
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut state)
    }

    /// A new ceiling (`--concurrency`).
    pub fn set_max(&self, max: usize) {
        self.with(|s| s.aimd.set_max(max));
        self.freed.notify_waiters();
    }

    /// The level now: how many units of work may run at once.
    pub fn level(&self) -> usize {
        self.with(|s| s.aimd.level())
    }

    /// The ceiling.
    pub fn max(&self) -> usize {
        self.with(|s| s.aimd.report().max)
    }

    /// How the level moved so far.
    pub fn report(&self) -> LevelReport {
        self.with(|s| s.aimd.report())
    }

    /// Waits for a slot (and for any `Retry-After` in force), then holds it.
    pub async fn acquire(&self) -> Permit<'_> {
        loop {
            let hold = self.hold();
            if !hold.is_zero() {
                tokio::time::sleep(hold).await;
                continue;
            }
            let freed = self.freed.notified();
            tokio::pin!(freed);
            // Registered before the check, so a slot freed in between is not missed.
            freed.as_mut().enable();
            let taken = self.with(|s| {
                let free = s.in_flight < s.aimd.level();
                if free {
                    s.in_flight += 1;
                }
                free
            });
            if taken {
                return Permit { limiter: self };
            }
            freed.await;
        }
    }

    /// Runs `work` in a slot. Work already running in a slot (a fetch that lists the order's
    /// PON, itself through [`Limiter::map`]) rides on that slot: waiting for a second one while
    /// holding the first could wait forever.
    pub async fn run<F: Future>(&self, work: F) -> F::Output {
        if IN_SLOT.try_with(|()| ()).is_ok() {
            return work.await;
        }
        let _permit = self.acquire().await;
        IN_SLOT.scope((), work).await
    }

    /// Runs `work(item)` for every item, as many at once as the level allows, yielding the
    /// outputs as they finish (not in item order).
    pub fn map<'a, I, F, Fut>(&'a self, items: I, work: F) -> impl Stream<Item = Fut::Output> + 'a
    where
        I: IntoIterator + 'a,
        I::IntoIter: 'a,
        F: FnMut(I::Item) -> Fut + 'a,
        Fut: Future + 'a,
    {
        let mut work = work;
        // The stream keeps up to `max` futures; the slots decide how many of them run.
        futures_util::stream::iter(items)
            .map(move |item| self.run(work(item)))
            .buffer_unordered(self.max())
    }
}

impl Pacer for Limiter {
    fn hold(&self) -> Duration {
        let now = now();
        self.with(|s| s.aimd.hold(now))
    }

    fn answered(&self, answer: &Answer) {
        let now = now();
        let grew = self.with(|s| {
            let before = s.aimd.level();
            s.aimd.answered(now, answer, s.in_flight);
            s.aimd.level() > before
        });
        if grew {
            self.freed.notify_waiters();
        }
    }
}

/// Now, by tokio's clock (the same as the system's, except in tests that pause it).
fn now() -> std::time::Instant {
    tokio::time::Instant::now().into_std()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap()
    }

    fn answer(status: u16) -> Answer {
        Answer {
            status: Some(status),
            sent_at: now(),
            elapsed: Duration::from_millis(1),
            retry_after: None,
            timed_out: false,
        }
    }

    #[test]
    fn adaptive_map_never_runs_more_than_the_level() {
        runtime().block_on(async {
            let limiter = Limiter::new(32);
            let running = AtomicUsize::new(0);
            let peak = AtomicUsize::new(0);
            let outputs: Vec<usize> = limiter
                .map(0..40, |i| {
                    let (running, peak) = (&running, &peak);
                    async move {
                        let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                        peak.fetch_max(now, Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(10)).await;
                        running.fetch_sub(1, Ordering::SeqCst);
                        i
                    }
                })
                .collect()
                .await;
            assert_eq!(outputs.len(), 40);
            // Nobody told the limiter of answers: it stays at its start.
            assert_eq!(peak.load(Ordering::SeqCst), 8);
        });
    }

    #[test]
    fn adaptive_nested_work_rides_on_its_slot() {
        runtime().block_on(async {
            let limiter = Limiter::new(1);
            let nested = limiter.map(0..3, |i| {
                let limiter = &limiter;
                async move {
                    let inner: Vec<usize> = limiter.map(0..3, |j| async move { j }).collect().await;
                    i + inner.len()
                }
            });
            let outputs: Vec<usize> =
                tokio::time::timeout(Duration::from_secs(10), nested.collect())
                    .await
                    .expect("nested work waited for a second slot");
            assert_eq!(outputs.len(), 3);
        });
    }

    #[test]
    fn adaptive_answers_move_the_level_and_a_429_holds_everyone() {
        runtime().block_on(async {
            let limiter = Limiter::new(32);
            let permits: Vec<Permit<'_>> =
                futures_util::future::join_all((0..8).map(|_| limiter.acquire())).await;
            for _ in 0..4 {
                limiter.answered(&answer(200));
            }
            assert_eq!(limiter.level(), 12, "slow start while the slots are in use");
            for _ in 0..20 {
                limiter.answered(&answer(200));
            }
            // Eight of 16 slots in use is not more than half: no further growth.
            assert_eq!(limiter.level(), 16);
            let mut refused = answer(429);
            refused.retry_after = Some(Duration::from_millis(300));
            limiter.answered(&refused);
            assert_eq!(limiter.level(), 8);
            let hold = limiter.hold();
            assert!(hold > Duration::from_millis(200) && hold <= Duration::from_millis(300));
            drop(permits);
            let _permit = limiter.acquire().await;
            assert_eq!(
                limiter.hold(),
                Duration::ZERO,
                "a slot waits for Retry-After"
            );
            let report = limiter.report();
            assert_eq!((report.highest, report.last, report.backoffs), (16, 8, 1));
            assert_eq!(report.rate_limited, 1);
        });
    }
}
