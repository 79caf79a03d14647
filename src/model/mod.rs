//! Domain types: telephone numbers, PONs, statuses, orders and the order file format.

mod draft;
mod order;
mod pon;
mod status;
mod tn;

pub use draft::{
    AddressDraft, MAX_ORDER_FILE_BYTES, OrderDraft, OrderFileError, OrderFileFormat,
    SubscriberDraft,
};
pub use order::{LsrOrder, ServiceAddress, Subscriber, SubscriberType};
pub use pon::{PON_MAX_LEN, Pon, PonError, is_pon_char};
pub use status::{OrderStatus, UnknownStatus};
pub use tn::{Tn, TnError};
