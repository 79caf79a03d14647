//! The store's own thread, and group commit.
//!
//! Every piece of store work the handlers and the tick ask for runs on one thread, in the order
//! it arrived. Work that arrives while earlier work runs waits in a queue; the thread then takes
//! everything queued (up to [`MAX_BATCH`]) and runs it inside one transaction
//! (`Store::begin_group`), and commits once. Each answer is
//! released only after that commit returned: an acknowledged request was committed, as before,
//! and concurrent creations share one commit (one WAL append, one round of locks) instead of
//! paying one each. A batch that cannot commit (the store failed in it: SQLite, a corrupt value)
//! is rolled back and answers every request in it with a 500; none of them was acknowledged.
//!
//! Work that cannot run inside a transaction (a reset, the shutdown checkpoint) runs alone,
//! after the batch before it committed.
//!
//! A second thread copies the WAL back into the database file (`store::Checkpointer`) after
//! commits, at most every [`CHECKPOINT_PAUSE`], so that no request waits for a checkpoint.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use super::super::notify::StoreAccess;
use super::super::store::{Checkpointer, Store};

/// The most pieces of work one transaction holds: a bound on how long the first of them waits
/// for its answer.
const MAX_BATCH: usize = 64;

/// The least time between two checkpoints: the WAL gathers the commits in between, and a page
/// written by many of them is copied back once.
const CHECKPOINT_PAUSE: Duration = Duration::from_millis(100);

/// What a piece of work leaves to do once its batch committed (or failed to): send its answer.
type Answer = Box<dyn FnOnce(Result<(), String>) + Send>;

enum Job {
    /// Work that shares its batch's transaction; answered after the commit.
    Shared(Box<dyn FnOnce(&mut Store) -> Answer + Send>),
    /// Work that runs outside any transaction.
    Alone(Box<dyn FnOnce(&mut Store) + Send>),
}

/// The queue to the store's thread. The thread stops (and closes the store) when the last
/// handle is dropped.
#[derive(Clone)]
pub(super) struct StoreWorker {
    jobs: mpsc::Sender<Job>,
}

/// The store's thread did not run a piece of work (its batch could not begin, or it stopped).
#[derive(Debug)]
pub(super) struct WorkerGone;

impl std::fmt::Display for WorkerGone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the sandbox store did not run the request")
    }
}

impl StoreWorker {
    /// Starts the thread that owns `store`, and the one that checkpoints its file.
    pub(super) fn start(store: Store) -> Result<StoreWorker, String> {
        let (jobs, queue) = mpsc::channel();
        let checkpoints = match store.checkpointer().map_err(|e| e.to_string())? {
            Some(checkpointer) => Some(Checkpoints::start(checkpointer)?),
            None => None,
        };
        std::thread::Builder::new()
            .name("lsr-sandbox-store".to_string())
            .spawn(move || {
                run(store, &queue, checkpoints.as_ref());
                if let Some(checkpoints) = checkpoints {
                    checkpoints.stop();
                }
            })
            .map_err(|e| e.to_string())?;
        Ok(StoreWorker { jobs })
    }

    /// Runs `work` in the next batch; its value once the batch committed, or why not.
    pub(super) async fn shared<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Store) -> T + Send + 'static,
    ) -> Result<T, String> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        let job = Job::Shared(Box::new(move |store: &mut Store| {
            let value = work(store);
            Box::new(move |committed: Result<(), String>| {
                let _ = tx.send(committed.map(|()| value));
            }) as Answer
        }));
        self.jobs.send(job).map_err(|_| WorkerGone.to_string())?;
        rx.await.map_err(|_| WorkerGone.to_string())?
    }

    /// Runs `work` alone, outside any transaction (after the batch before it committed).
    pub(super) async fn alone<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Store) -> T + Send + 'static,
    ) -> Result<T, String> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        let job = Job::Alone(Box::new(move |store: &mut Store| {
            let _ = tx.send(work(store));
        }));
        self.jobs.send(job).map_err(|_| WorkerGone.to_string())?;
        rx.await.map_err(|_| WorkerGone.to_string())
    }
}

/// The notifier's store work shares the requests' batches.
impl StoreAccess for StoreWorker {
    async fn with_store<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Store) -> T + Send + 'static,
    ) -> Option<T> {
        self.shared(work).await.ok()
    }
}

/// The thread: batches of shared work, each in one transaction, and the work that runs alone
/// between them.
fn run(mut store: Store, queue: &mpsc::Receiver<Job>, checkpoints: Option<&Checkpoints>) {
    let mut next = None;
    loop {
        let job = match next.take() {
            Some(job) => job,
            None => match queue.recv() {
                Ok(job) => job,
                Err(mpsc::RecvError) => return,
            },
        };
        match job {
            Job::Alone(work) => {
                // A panic drops the answer's sender: the caller hears "stopped", the thread goes on.
                let _ = catch_unwind(AssertUnwindSafe(|| work(&mut store)));
            }
            Job::Shared(work) => {
                let mut batch = Batch::begin(&mut store);
                batch.run(work);
                while batch.answers.len() < MAX_BATCH && batch.failed.is_none() {
                    match queue.try_recv() {
                        Ok(Job::Shared(work)) => batch.run(work),
                        Ok(alone) => {
                            next = Some(alone);
                            break;
                        }
                        Err(_) => break,
                    }
                }
                if batch.commit()
                    && let Some(checkpoints) = checkpoints
                {
                    checkpoints.wanted();
                }
            }
        }
    }
}

/// A transaction and the answers waiting for its commit.
struct Batch<'a> {
    store: &'a mut Store,
    /// Why the transaction cannot commit, once something went wrong.
    failed: Option<String>,
    answers: Vec<Answer>,
}

impl<'a> Batch<'a> {
    fn begin(store: &'a mut Store) -> Batch<'a> {
        let failed = store.begin_group().err().map(|e| e.to_string());
        Batch {
            store,
            failed,
            answers: Vec::new(),
        }
    }

    fn run(&mut self, work: Box<dyn FnOnce(&mut Store) -> Answer + Send>) {
        if self.failed.is_some() {
            // A batch that will not commit takes no more work: it would run outside the
            // transaction. Dropping the work drops its answer's sender (a 500).
            return;
        }
        match catch_unwind(AssertUnwindSafe(|| work(self.store))) {
            Ok(answer) => self.answers.push(answer),
            // The work may have stopped halfway: none of the batch is committed.
            Err(_) => self.failed = Some("sandbox store work panicked".to_string()),
        }
        if self.failed.is_none() && !self.store.group_ok() {
            // Store work failed, or SQLite rolled the transaction back itself (an I/O error, a
            // full disk): nothing more joins it, and none of it commits.
            self.failed = Some(
                "store work failed inside the transaction it shared with other requests"
                    .to_string(),
            );
        }
    }

    /// Commits (or rolls back) and answers; whether it committed.
    fn commit(mut self) -> bool {
        let outcome = match self.failed.take() {
            None => self.store.commit_group().map_err(|e| e.to_string()),
            Some(why) => Err(why),
        };
        if outcome.is_err() {
            self.store.rollback_group();
        }
        let committed = outcome.is_ok();
        for answer in self.answers {
            answer(outcome.clone());
        }
        committed
    }
}

/// The checkpoint thread and what it is told.
struct Checkpoints {
    signal: Arc<CheckpointSignal>,
    thread: std::thread::Thread,
}

#[derive(Default)]
struct CheckpointSignal {
    /// Something was committed since the last checkpoint.
    wanted: AtomicBool,
    stop: AtomicBool,
}

impl Checkpoints {
    fn start(checkpointer: Checkpointer) -> Result<Checkpoints, String> {
        let signal = Arc::new(CheckpointSignal::default());
        let theirs = signal.clone();
        let handle = std::thread::Builder::new()
            .name("lsr-sandbox-checkpoint".to_string())
            .spawn(move || {
                while !theirs.stop.load(Ordering::Acquire) {
                    std::thread::park_timeout(Duration::from_secs(1));
                    if theirs.wanted.swap(false, Ordering::AcqRel) {
                        // A failed checkpoint is tried again after the next commit; the writer
                        // checkpoints by itself when the WAL grows too long.
                        let _ = checkpointer.checkpoint();
                        std::thread::sleep(CHECKPOINT_PAUSE);
                    }
                }
            })
            .map_err(|e| e.to_string())?;
        Ok(Checkpoints {
            signal,
            thread: handle.thread().clone(),
        })
    }

    /// After a commit: wakes the thread, unless it was told already.
    fn wanted(&self) {
        if !self.signal.wanted.swap(true, Ordering::AcqRel) {
            self.thread.unpark();
        }
    }

    fn stop(&self) {
        self.signal.stop.store(true, Ordering::Release);
        self.thread.unpark();
    }
}
