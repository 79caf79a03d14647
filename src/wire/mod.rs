//! Bandwidth's XML shapes and their mapping to the model (shared by client and sandbox).
