//! The order-search filters of `GET /lsrorders`: one type, how the client writes it as query
//! parameters and how the sandbox reads it back.

use chrono::NaiveDate;

use crate::model::{OrderStatus, Tn};

/// The query parameter names, as Bandwidth documents them.
const PON: &str = "pon";
const TN: &str = "tn";
const STATUS: &str = "status";
const CUSTOMER_ORDER_ID: &str = "customerOrderId";
const ORDER_ID_FRAGMENT: &str = "orderIdFragment";
const CREATED_FROM: &str = "createdDateFrom";
const CREATED_TO: &str = "createdDateTo";
const MODIFIED_FROM: &str = "modifiedDateFrom";
const MODIFIED_TO: &str = "modifiedDateTo";

/// The date form of the date filters.
const DATE_FORMAT: &str = "%Y-%m-%d";

/// Filters of GET `/lsrorders`. Empty filters are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    pub pon: Option<String>,
    pub tn: Option<Tn>,
    pub statuses: Vec<OrderStatus>,
    pub customer_order_id: Option<String>,
    pub order_id_fragment: Option<String>,
    pub created_from: Option<NaiveDate>,
    pub created_to: Option<NaiveDate>,
    pub modified_from: Option<NaiveDate>,
    pub modified_to: Option<NaiveDate>,
}

/// Why a query string could not be read (the sandbox answers these with 404, as Bandwidth does).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("query parameter {name}={value} is not a yyyy-MM-dd date")]
    Date { name: &'static str, value: String },
    #[error("query parameter tn={0} is not a telephone number")]
    Tn(String),
    #[error("query parameter status={0} is not an order status")]
    Status(String),
}

impl SearchQuery {
    /// The query string, `status` repeated once per value.
    pub fn to_query_string(&self) -> String {
        self.to_query_string_in(super::TnForm::Digits)
    }

    /// The query string with the `tn` filter written in `form` (E.164 on v2).
    pub fn to_query_string_in(&self, form: super::TnForm) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        if let Some(v) = &self.pon {
            q.append_pair(PON, v);
        }
        if let Some(tn) = self.tn {
            q.append_pair(TN, &form.write(tn));
        }
        for s in &self.statuses {
            q.append_pair(STATUS, s.as_str());
        }
        if let Some(v) = &self.customer_order_id {
            q.append_pair(CUSTOMER_ORDER_ID, v);
        }
        if let Some(v) = &self.order_id_fragment {
            q.append_pair(ORDER_ID_FRAGMENT, v);
        }
        for (name, date) in [
            (CREATED_FROM, self.created_from),
            (CREATED_TO, self.created_to),
            (MODIFIED_FROM, self.modified_from),
            (MODIFIED_TO, self.modified_to),
        ] {
            if let Some(d) = date {
                q.append_pair(name, &d.format(DATE_FORMAT).to_string());
            }
        }
        q.finish()
    }

    /// Reads a query string back (the part after `?`, or nothing). Values are trimmed;
    /// `status` may repeat or hold a comma-separated list; unknown parameters are ignored; a
    /// bad value is an error.
    pub fn from_query_string(query: Option<&str>) -> Result<SearchQuery, QueryError> {
        let mut filter = SearchQuery::default();
        let date = |value: &str, name: &'static str| {
            NaiveDate::parse_from_str(value, DATE_FORMAT).map_err(|_| QueryError::Date {
                name,
                value: value.to_string(),
            })
        };
        for (key, value) in form_urlencoded::parse(query.unwrap_or("").as_bytes()) {
            let value = value.trim().to_string();
            match key.as_ref() {
                PON => filter.pon = Some(value),
                TN => filter.tn = Some(Tn::parse(&value).map_err(|_| QueryError::Tn(value))?),
                STATUS => {
                    for word in value.split(',').filter(|w| !w.trim().is_empty()) {
                        let status = word
                            .parse::<OrderStatus>()
                            .map_err(|_| QueryError::Status(word.to_string()))?;
                        filter.statuses.push(status);
                    }
                }
                CUSTOMER_ORDER_ID => filter.customer_order_id = Some(value),
                ORDER_ID_FRAGMENT => filter.order_id_fragment = Some(value),
                CREATED_FROM => filter.created_from = Some(date(&value, CREATED_FROM)?),
                CREATED_TO => filter.created_to = Some(date(&value, CREATED_TO)?),
                MODIFIED_FROM => filter.modified_from = Some(date(&value, MODIFIED_FROM)?),
                MODIFIED_TO => filter.modified_to = Some(date(&value, MODIFIED_TO)?),
                _ => {}
            }
        }
        Ok(filter)
    }

    /// True when a filter names orders directly (PON, TN, customer order id, id fragment).
    pub fn names_orders(&self) -> bool {
        self.pon.is_some()
            || self.tn.is_some()
            || self.customer_order_id.is_some()
            || self.order_id_fragment.is_some()
    }

    /// True when any created or modified date bound is given.
    pub fn has_date_range(&self) -> bool {
        self.created_from.is_some()
            || self.created_to.is_some()
            || self.modified_from.is_some()
            || self.modified_to.is_some()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn search_query_repeats_status() {
        let q = SearchQuery {
            pon: Some("A B".into()),
            tn: Some(Tn::parse("919-555-0100").unwrap()),
            statuses: vec![OrderStatus::Pending, OrderStatus::Foc],
            created_from: Some(NaiveDate::from_ymd_opt(2026, 1, 2).unwrap()),
            ..SearchQuery::default()
        };
        assert_eq!(
            q.to_query_string(),
            "pon=A+B&tn=9195550100&status=PENDING&status=FOC&createdDateFrom=2026-01-02"
        );
        assert_eq!(SearchQuery::default().to_query_string(), "");
    }

    #[test]
    fn list_filters_parse_and_refuse_bad_values() {
        let filter = SearchQuery::from_query_string(Some(
            "status=FOC&status=failed&tn=919-238-0100&pon=A&x=ignored",
        ))
        .unwrap();
        assert_eq!(filter.statuses, vec![OrderStatus::Foc, OrderStatus::Failed]);
        assert_eq!(filter.tn.map(Tn::digits).as_deref(), Some("9192380100"));
        assert!(SearchQuery::from_query_string(Some("createdDateFrom=12/01/2026")).is_err());
        assert!(SearchQuery::from_query_string(Some("status=NEW")).is_err());
    }

    #[test]
    fn a_written_query_reads_back_the_same() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let q = SearchQuery {
            pon: Some("ACME 1&2".into()),
            tn: Some(Tn::parse("919-555-0100").unwrap()),
            statuses: vec![OrderStatus::Exception, OrderStatus::Complete],
            customer_order_id: Some("c-1".into()),
            order_id_fragment: Some("ab12".into()),
            created_from: Some(day(1)),
            created_to: Some(day(2)),
            modified_from: Some(day(3)),
            modified_to: Some(day(4)),
        };
        let text = q.to_query_string();
        assert_eq!(SearchQuery::from_query_string(Some(&text)).unwrap(), q);
        assert_eq!(
            SearchQuery::from_query_string(None).unwrap(),
            SearchQuery::default()
        );
        assert!(q.names_orders() && q.has_date_range());
        assert!(!SearchQuery::default().names_orders());
        assert!(!SearchQuery::default().has_date_range());
    }

    #[test]
    fn status_lists_split_on_commas_and_errors_name_the_value() {
        let q = SearchQuery::from_query_string(Some("status=PENDING,%20foc,")).unwrap();
        assert_eq!(q.statuses, vec![OrderStatus::Pending, OrderStatus::Foc]);
        let err = SearchQuery::from_query_string(Some("modifiedDateTo=soon")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "query parameter modifiedDateTo=soon is not a yyyy-MM-dd date"
        );
        let err = SearchQuery::from_query_string(Some("tn=12")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "query parameter tn=12 is not a telephone number"
        );
    }
}
