//! The NPAC simulation on stored orders: the gaining carrier's subscriptions and their
//! activation, as the engine decides them.

use super::super::engine;
use super::super::order::StoredOrder;
use super::{AdminError, Store};

impl Store {
    /// Records the gaining carrier's subscriptions (only for orders in FOC).
    pub fn npac_subscribe(
        &mut self,
        reference: &str,
        medium_timers: bool,
    ) -> Result<StoredOrder, AdminError> {
        self.advance_due()?;
        let now = self.now()?;
        let order = self.resolve_order(reference)?;
        let transition = engine::npac_subscribe(order, medium_timers, now, &self.calendar)
            .map_err(AdminError::Conflict)?;
        self.write_transition(&transition)?;
        Ok(transition.order)
    }

    /// Activates the subscriptions: from the FOC date on, once concurred, inside the window.
    pub fn npac_activate(&mut self, reference: &str) -> Result<StoredOrder, AdminError> {
        self.advance_due()?;
        let now = self.now()?;
        let order = self.resolve_order(reference)?;
        let transition =
            engine::npac_activate(order, now, &self.calendar).map_err(AdminError::Conflict)?;
        self.write_transition(&transition)?;
        Ok(transition.order)
    }
}
