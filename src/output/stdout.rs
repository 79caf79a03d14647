//! The one writer of stdout. Every command prints its data through it, so that a reader that
//! went away (`lsr … | head -1`) is the same success everywhere: the first write that meets a
//! broken pipe marks stdout closed, and every later write is dropped without an error. It also
//! remembers whether anything was written, so that `main` prints the error document only when
//! the command has not printed its own (one JSON document per run).

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once a write met a broken pipe: nothing more is written.
static CLOSED: AtomicBool = AtomicBool::new(false);
/// Set once any byte was written (or the reader went away).
static WRITTEN: AtomicBool = AtomicBool::new(false);

/// True when the command printed something on stdout, or the reader went away first.
pub fn anything_written() -> bool {
    WRITTEN.load(Ordering::SeqCst) || CLOSED.load(Ordering::SeqCst)
}

/// True when a write met a broken pipe.
pub fn reader_gone() -> bool {
    CLOSED.load(Ordering::SeqCst)
}

/// Writes to stdout; a broken pipe closes it quietly (see the module's documentation).
struct Guarded<W: Write> {
    inner: W,
}

impl<W: Write> Write for Guarded<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if CLOSED.load(Ordering::SeqCst) {
            return Ok(buf.len());
        }
        match self.inner.write(buf) {
            Ok(n) => {
                if n > 0 {
                    WRITTEN.store(true, Ordering::SeqCst);
                }
                Ok(n)
            }
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                CLOSED.store(true, Ordering::SeqCst);
                Ok(buf.len())
            }
            Err(e) => Err(e),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        if CLOSED.load(Ordering::SeqCst) {
            return Ok(());
        }
        match self.inner.flush() {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                CLOSED.store(true, Ordering::SeqCst);
                Ok(())
            }
            other => other,
        }
    }
}

/// Runs `write` with a buffered writer to stdout (locked for the whole call) and flushes it. A
/// broken pipe is never an error here.
pub fn with_stdout<T>(write: impl FnOnce(&mut dyn Write) -> io::Result<T>) -> io::Result<T> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(
        64 * 1024,
        Guarded {
            inner: stdout.lock(),
        },
    );
    let value = write(&mut out)?;
    out.flush()?;
    Ok(value)
}

/// Writes `text` to stdout.
pub fn write_text(text: &str) -> io::Result<()> {
    with_stdout(|out| out.write_all(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// A reader that went away on the first write.
    struct Gone;
    impl Write for Gone {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> io::Result<()> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
    }

    #[test]
    fn stdout_broken_pipe_is_not_an_error_and_closes_it() {
        let mut out = Guarded { inner: Gone };
        assert_eq!(out.write(b"abc").unwrap(), 3);
        assert!(reader_gone() && anything_written());
        // Later writes are dropped, whatever the writer would say.
        assert!(out.write_all(b"more").is_ok());
        assert!(out.flush().is_ok());
    }
}
