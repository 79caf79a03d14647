//! `StoreError`: everything that can go wrong with the history database, naming the file.

use std::path::PathBuf;

/// An error from the history store. Every message names the database file; [`StoreError::hint`]
/// says what the user can do next.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot create history database {}: {source}", .path.display())]
    Create {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot open history database {}: {source}", .path.display())]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "history database {} is corrupt or not an SQLite file ({detail}); it was left untouched",
        .path.display()
    )]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "history database {} is an SQLite file but not an lsr history (it holds other tables); it was left untouched",
        .path.display()
    )]
    NotHistory { path: PathBuf },
    #[error(
        "history database {} was written by a newer lsr (schema {found}, this lsr knows {known})",
        .path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    #[error(
        "history database {} stayed locked by another process for {seconds} seconds",
        .path.display()
    )]
    Busy { path: PathBuf, seconds: u64 },
    #[error("history database {}: {source}", .path.display())]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "history database {}: timestamp {at} is outside the years 1677–2262 it can store",
        .path.display()
    )]
    TimestampOutOfRange {
        path: PathBuf,
        at: chrono::DateTime<chrono::Utc>,
    },
    #[error("history database {} holds an unreadable value: {detail}", .path.display())]
    InvalidData { path: PathBuf, detail: String },
}

impl StoreError {
    /// The database file the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            StoreError::Create { path, .. }
            | StoreError::Open { path, .. }
            | StoreError::Corrupt { path, .. }
            | StoreError::NotHistory { path }
            | StoreError::NewerSchema { path, .. }
            | StoreError::Busy { path, .. }
            | StoreError::Sqlite { path, .. }
            | StoreError::TimestampOutOfRange { path, .. }
            | StoreError::InvalidData { path, .. } => path,
        }
    }

    /// One line saying what to do next, for the `hint:` line of the command's error.
    pub fn hint(&self) -> Option<String> {
        let path = self.path().display();
        match self {
            StoreError::Corrupt { .. } | StoreError::NotHistory { .. } => Some(format!(
                "move it aside (`mv {path} {path}.bad`) and lsr starts a new, empty history"
            )),
            StoreError::NewerSchema { .. } => Some(
                "upgrade lsr, or point LSR_CONFIG_DIR at another directory for this version"
                    .to_string(),
            ),
            StoreError::Busy { .. } => {
                Some("another lsr is writing the history; try again in a moment".to_string())
            }
            StoreError::Create { .. } | StoreError::Open { .. } => Some(format!(
                "check that the directory of {path} exists and is writable"
            )),
            StoreError::Sqlite { .. }
            | StoreError::TimestampOutOfRange { .. }
            | StoreError::InvalidData { .. } => None,
        }
    }
}
