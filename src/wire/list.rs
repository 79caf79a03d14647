//! The order search answer: `<LsrOrders>` with `TotalCount` and one `<LsrOrderSummary>` per
//! order.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;

use crate::model::{self, OrderStatus};

use super::error::WireError;
use super::order::{LsrOrder, LsrOrderError, error_list, write_error_list};
use super::text;
use super::writer::XmlWriter;
use super::{FromXml, ToXml, from_screened_with_root};

/// One order in a search answer. Quirk: `accountId`, `userId` and `lastModifiedDate` start
/// lower-case here (C# maps them explicitly); both casings are read, lower-case is written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct LsrOrderSummary {
    #[serde(
        rename = "accountId",
        alias = "AccountId",
        deserialize_with = "text::opt_text"
    )]
    pub account_id: Option<String>,
    #[serde(
        rename = "CountOfTNs",
        alias = "CountOfTns",
        deserialize_with = "text::opt_u32"
    )]
    pub count_of_tns: Option<u32>,
    #[serde(rename = "CustomerOrderId", deserialize_with = "text::opt_text")]
    pub customer_order_id: Option<String>,
    #[serde(
        rename = "userId",
        alias = "UserId",
        deserialize_with = "text::opt_text"
    )]
    pub user_id: Option<String>,
    #[serde(
        rename = "lastModifiedDate",
        alias = "LastModifiedDate",
        deserialize_with = "text::opt_timestamp"
    )]
    pub last_modified_date: Option<String>,
    /// Always `lsr` at Bandwidth.
    #[serde(rename = "OrderType", deserialize_with = "text::opt_text")]
    pub order_type: Option<String>,
    #[serde(rename = "OrderDate", deserialize_with = "text::opt_timestamp")]
    pub order_date: Option<String>,
    #[serde(rename = "OrderStatus", deserialize_with = "text::opt_text")]
    pub order_status: Option<String>,
    /// `Errors/Error{Code, Description}`; empty when absent.
    #[serde(rename = "Errors", deserialize_with = "summary_errors")]
    pub errors: Vec<LsrOrderError>,
    #[serde(rename = "ActualFocDate", deserialize_with = "text::opt_date")]
    pub actual_foc_date: Option<String>,
    #[serde(rename = "BillingTelephoneNumber", deserialize_with = "text::opt_text")]
    pub billing_telephone_number: Option<String>,
    #[serde(rename = "CreatedByUser", deserialize_with = "text::opt_text")]
    pub created_by_user: Option<String>,
    #[serde(rename = "OrderId", deserialize_with = "text::opt_text")]
    pub order_id: Option<String>,
    #[serde(rename = "Pon", alias = "PON", deserialize_with = "text::opt_text")]
    pub pon: Option<String>,
    #[serde(rename = "PonVersion", deserialize_with = "text::opt_u32")]
    pub pon_version: Option<u32>,
    #[serde(rename = "RequestedFocDate", deserialize_with = "text::opt_date")]
    pub requested_foc_date: Option<String>,
}

fn summary_errors<'de, D: serde::Deserializer<'de>>(de: D) -> Result<Vec<LsrOrderError>, D::Error> {
    Ok(error_list(de)?.unwrap_or_default())
}

impl LsrOrderSummary {
    /// The status, read leniently; `None` when absent or not a known word.
    pub fn status(&self) -> Option<OrderStatus> {
        self.order_status.as_deref().and_then(|s| s.parse().ok())
    }

    /// The errors as `(code, description)` pairs.
    pub fn error_pairs(&self) -> Vec<(u32, String)> {
        self.errors
            .iter()
            .map(|e| (e.code, e.description.clone()))
            .collect()
    }

    pub fn requested_foc(&self) -> Option<NaiveDate> {
        self.requested_foc_date
            .as_deref()
            .and_then(text::parse_wire_date)
    }

    pub fn actual_foc(&self) -> Option<NaiveDate> {
        self.actual_foc_date
            .as_deref()
            .and_then(text::parse_wire_date)
    }

    /// When the order was created.
    pub fn ordered_at(&self) -> Option<DateTime<Utc>> {
        self.order_date
            .as_deref()
            .and_then(text::parse_wire_timestamp)
    }

    /// The summary in domain terms: a summary carries no TNs, only their count.
    pub fn to_order(&self) -> model::Order {
        model::Order {
            order_id: self.order_id.clone().unwrap_or_default(),
            pon: self.pon.clone().unwrap_or_default(),
            pon_version: None,
            server_pon_version: self.pon_version,
            customer_order_id: self.customer_order_id.clone(),
            status: self.status(),
            status_text: self.order_status.clone().unwrap_or_default(),
            requested_foc_date: self.requested_foc(),
            actual_foc_date: self.actual_foc(),
            tns: Vec::new(),
            tn_count: self.count_of_tns.map(|n| n as usize),
            errors: super::mapping::bandwidth_errors(Some(&self.errors)),
            created_at: self.ordered_at(),
            modified_at: self
                .last_modified_date
                .as_deref()
                .and_then(text::parse_wire_timestamp),
            details: None,
        }
    }

    fn write(&self, out: &mut XmlWriter) -> Result<(), WireError> {
        out.open("LsrOrderSummary");
        out.leaf_opt("accountId", self.account_id.as_deref())?;
        out.number_opt("CountOfTNs", self.count_of_tns.map(u64::from));
        out.leaf_opt("CustomerOrderId", self.customer_order_id.as_deref())?;
        out.leaf_opt("userId", self.user_id.as_deref())?;
        out.leaf_opt("lastModifiedDate", self.last_modified_date.as_deref())?;
        out.leaf_opt("OrderType", self.order_type.as_deref())?;
        out.leaf_opt("OrderDate", self.order_date.as_deref())?;
        out.leaf_opt("OrderStatus", self.order_status.as_deref())?;
        if !self.errors.is_empty() {
            write_error_list(out, "Errors", "Error", Some(&self.errors))?;
        }
        out.leaf_opt("ActualFocDate", self.actual_foc_date.as_deref())?;
        out.leaf_opt(
            "BillingTelephoneNumber",
            self.billing_telephone_number.as_deref(),
        )?;
        out.leaf_opt("CreatedByUser", self.created_by_user.as_deref())?;
        out.leaf_opt("OrderId", self.order_id.as_deref())?;
        out.leaf_opt("Pon", self.pon.as_deref())?;
        out.number_opt("PonVersion", self.pon_version.map(u64::from));
        out.leaf_opt("RequestedFocDate", self.requested_foc_date.as_deref())?;
        out.close("LsrOrderSummary");
        Ok(())
    }
}

/// A search row built from a stored order (the sandbox's list answer). `userId` is the last
/// modifier and `OrderDate` the creation time, as in Bandwidth's example.
impl From<&LsrOrder> for LsrOrderSummary {
    fn from(order: &LsrOrder) -> LsrOrderSummary {
        let count = order.count_of_tns.or_else(|| {
            order
                .list_of_telephone_numbers
                .as_ref()
                .and_then(|tns| u32::try_from(tns.len()).ok())
        });
        LsrOrderSummary {
            account_id: order.account_id.clone(),
            count_of_tns: count,
            customer_order_id: order.customer_order_id.clone(),
            user_id: order.last_modified_by.clone(),
            last_modified_date: order.last_modified_date.clone(),
            order_type: Some("lsr".to_string()),
            order_date: order.order_create_date.clone(),
            order_status: order.order_status.clone(),
            errors: order.lsr_order_errors.clone().unwrap_or_default(),
            actual_foc_date: order.actual_foc_date.clone(),
            billing_telephone_number: order.billing_telephone_number.clone(),
            created_by_user: order.created_by_user.clone(),
            order_id: order.order_id.clone(),
            pon: order.pon.clone(),
            pon_version: order.pon_version,
            requested_foc_date: order.requested_foc_date.clone(),
        }
    }
}

/// The answer of GET `/lsrorders` (at most 1,000 summaries, no paging).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct LsrOrders {
    #[serde(rename = "TotalCount", deserialize_with = "text::opt_u32")]
    pub total_count: Option<u32>,
    #[serde(rename = "LsrOrderSummary")]
    pub summaries: Vec<LsrOrderSummary>,
}

impl ToXml for LsrOrders {
    fn write_xml(&self, out: &mut XmlWriter) -> Result<(), WireError> {
        out.open(Self::ROOT);
        out.number_opt("TotalCount", self.total_count.map(u64::from));
        for summary in &self.summaries {
            summary.write(out)?;
        }
        out.close(Self::ROOT);
        Ok(())
    }
}

impl FromXml for LsrOrders {
    const ROOT: &'static str = "LsrOrders";

    fn from_screened(root: &str, text: &str) -> Result<Self, WireError> {
        from_screened_with_root(Self::ROOT, root, text)
    }
}
