//! What the commands share: the backend connection ([`backend`]) and its credentials
//! ([`credentials`]: endpoints checked, secrets found, `auth login`'s token client), ORDER resolution
//! ([`resolve`]), the order input ([`input`]), the one submit pipeline ([`submit`], with
//! [`precheck`] and [`split`] for batches), `--wait` ([`wait`]), confirmations ([`confirm`]),
//! cancelling ([`cancel`]), completion of ORDER arguments ([`complete`]), the R3/R9 refusals
//! ([`refusals`]), the wizard behind its `Prompter` ([`wizard`]) and what several commands print
//! alike ([`present`]). Every submission takes one path: earlier submissions of unknown outcome
//! settled ([`intents`]), the checks, the journal and the runner ([`split`]), Ctrl-C
//! ([`interrupt`]).

pub mod backend;
pub mod callback;
pub mod cancel;
pub mod complete;
pub mod confirm;
pub mod credentials;
pub mod input;
pub mod intents;
pub mod interrupt;
pub mod listen;
pub mod precheck;
pub mod present;
pub mod refusals;
pub mod resolve;
pub mod signal;
pub mod split;
pub mod submit;
pub mod wait;
pub mod wizard;
