//! The local PON version history (SQLite).
