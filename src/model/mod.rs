//! Domain types: telephone numbers, PONs, statuses, the order to place (`LsrOrder`), the order
//! the backend holds (`Order`) and the order file format.

mod draft;
mod order;
mod placed;
mod pon;
mod secret;
mod status;
mod tn;

pub use draft::{
    AddressDraft, MAX_ORDER_FILE_BYTES, OrderDraft, OrderFileError, OrderFileFormat,
    SubscriberDraft,
};
pub use order::{LsrOrder, ServiceAddress, Subscriber, SubscriberType};
pub use placed::{BandwidthError, Order};
pub use pon::{PON_MAX_LEN, Pon, PonError, is_pon_char};
pub use secret::Pin;
pub use status::{OrderStatus, UnknownStatus};
pub use tn::{Tn, TnError};
