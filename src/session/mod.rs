//! What the commands share: the backend connection, ORDER resolution, the one submit pipeline,
//! `--wait`, the order input and the wizard.

pub mod wizard;
