//! The HTTP client for Bandwidth's lsrorders API: the only module that uses reqwest.

pub mod sandbox_admin;
