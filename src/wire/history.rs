//! An order's history: `<OrderHistoryWrapper>` with one `<OrderHistory>` per event.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::model::OrderStatus;

use super::error::WireError;
use super::text;
use super::writer::XmlWriter;
use super::{FromXml, ToXml, from_screened_with_root};

/// One history event: when, what happened, by whom, the status after it and, for field
/// changes, a `Field : old --> new` difference.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct OrderHistory {
    #[serde(rename = "OrderDate", deserialize_with = "text::opt_timestamp")]
    pub order_date: Option<String>,
    #[serde(rename = "Note", deserialize_with = "text::opt_text")]
    pub note: Option<String>,
    #[serde(rename = "Author", deserialize_with = "text::opt_text")]
    pub author: Option<String>,
    #[serde(rename = "Status", deserialize_with = "text::opt_text")]
    pub status: Option<String>,
    #[serde(rename = "Difference", deserialize_with = "text::opt_text")]
    pub difference: Option<String>,
}

impl OrderHistory {
    /// The status after this event, read leniently; `None` when absent or not a known word.
    pub fn status(&self) -> Option<OrderStatus> {
        self.status.as_deref().and_then(|s| s.parse().ok())
    }

    /// When the event happened.
    pub fn at(&self) -> Option<DateTime<Utc>> {
        self.order_date
            .as_deref()
            .and_then(text::parse_wire_timestamp)
    }

    fn write(&self, out: &mut XmlWriter) -> Result<(), WireError> {
        out.open("OrderHistory");
        out.leaf_opt("OrderDate", self.order_date.as_deref())?;
        out.leaf_opt("Note", self.note.as_deref())?;
        out.leaf_opt("Author", self.author.as_deref())?;
        out.leaf_opt("Status", self.status.as_deref())?;
        out.leaf_opt("Difference", self.difference.as_deref())?;
        out.close("OrderHistory");
        Ok(())
    }
}

/// The answer of GET `…/history`. A single event arrives as a lone element; it still reads
/// as a one-item list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct OrderHistoryWrapper {
    #[serde(rename = "OrderHistory")]
    pub entries: Vec<OrderHistory>,
}

impl ToXml for OrderHistoryWrapper {
    fn write_xml(&self, out: &mut XmlWriter) -> Result<(), WireError> {
        if self.entries.is_empty() {
            out.empty(Self::ROOT);
            return Ok(());
        }
        out.open(Self::ROOT);
        for entry in &self.entries {
            entry.write(out)?;
        }
        out.close(Self::ROOT);
        Ok(())
    }
}

impl FromXml for OrderHistoryWrapper {
    const ROOT: &'static str = "OrderHistoryWrapper";

    fn from_screened(root: &str, text: &str) -> Result<Self, WireError> {
        from_screened_with_root(Self::ROOT, root, text)
    }
}
