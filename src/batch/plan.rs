//! Split plans: cut one order's TNs into children of at most N TNs (or one each), each with a
//! PON derived from the parent's and a unique customer order id (pure, no I/O).

use std::str::FromStr;

use crate::model::{PON_MAX_LEN, Pon, Tn};
use crate::validate::MAX_TNS_PER_ORDER;

/// How to split: one TN per order (R5), or at most N TNs per order (N ≤ 999, R7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitSpec {
    PerTn,
    MaxTns(usize),
}

impl SplitSpec {
    /// The largest number of TNs a child may hold.
    pub fn max_tns(self) -> usize {
        match self {
            SplitSpec::PerTn => 1,
            SplitSpec::MaxTns(n) => n,
        }
    }
}

/// Why a split plan cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("split `{0}` is not `per-tn` or a number from 1 to 999")]
    BadSpec(String),
    #[error("there are no telephone numbers to split")]
    NoTns,
    #[error(
        "PON `{pon}` is too long to derive child PONs: `{example}` would be {len} characters, \
         and a PON holds at most {PON_MAX_LEN}"
    )]
    PonTooLong {
        pon: String,
        example: String,
        len: usize,
    },
    #[error(
        "customer order id `{0}` is too long to derive child ids (at most 40 characters in all)"
    )]
    CustomerOrderIdTooLong(String),
}

impl FromStr for SplitSpec {
    type Err = PlanError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let text = s.trim();
        if text.eq_ignore_ascii_case("per-tn") || text.eq_ignore_ascii_case("pertn") {
            return Ok(SplitSpec::PerTn);
        }
        match text.parse::<usize>() {
            Ok(1) => Ok(SplitSpec::PerTn),
            Ok(n) if (2..=MAX_TNS_PER_ORDER).contains(&n) => Ok(SplitSpec::MaxTns(n)),
            _ => Err(PlanError::BadSpec(text.to_string())),
        }
    }
}

/// One order of a split.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ChildPlan {
    /// 1-based position in the batch.
    pub index: usize,
    pub pon: Pon,
    /// Unique per child: how a resumed batch finds out whether this child already exists.
    pub customer_order_id: String,
    pub tns: Vec<Tn>,
}

/// Every child of a split, in order.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SplitPlan {
    pub parent_pon: Pon,
    pub children: Vec<ChildPlan>,
}

/// Longest customer order id Bandwidth accepts (7318).
const CUSTOMER_ORDER_ID_MAX: usize = 40;

/// Cuts `tns` into children. Child PONs are `PARENT-0001`, `PARENT-0002` … (more digits when
/// there are more than 9,999 children); customer order ids are `BASE-0001` … where `base` is the
/// parent's customer order id or a batch token, so every child can be found again on the backend.
pub fn plan_split(
    parent_pon: &Pon,
    base_customer_order_id: &str,
    tns: &[Tn],
    spec: SplitSpec,
) -> Result<SplitPlan, PlanError> {
    if tns.is_empty() {
        return Err(PlanError::NoTns);
    }
    let per_child = spec.max_tns().max(1);
    let count = tns.len().div_ceil(per_child);
    let width = digits(count).max(4);
    let parent = parent_pon.as_str();
    let example = format!("{parent}-{:0width$}", count);
    if example.len() > PON_MAX_LEN {
        return Err(PlanError::PonTooLong {
            pon: parent.to_string(),
            len: example.len(),
            example,
        });
    }
    let base = base_customer_order_id.trim();
    if base.len() + 1 + width > CUSTOMER_ORDER_ID_MAX {
        return Err(PlanError::CustomerOrderIdTooLong(base.to_string()));
    }
    let mut children = Vec::with_capacity(count);
    for (i, chunk) in tns.chunks(per_child).enumerate() {
        let index = i + 1;
        let pon_text = format!("{parent}-{index:0width$}");
        // Invariant: the parent is a valid PON and the suffix adds only `-` and digits within
        // the length checked above, so the child PON is valid too.
        let pon = Pon::parse(&pon_text).map_err(|_| PlanError::PonTooLong {
            pon: parent.to_string(),
            len: pon_text.len(),
            example: pon_text.clone(),
        })?;
        children.push(ChildPlan {
            index,
            pon,
            customer_order_id: format!("{base}-{index:0width$}"),
            tns: chunk.to_vec(),
        });
    }
    Ok(SplitPlan {
        parent_pon: parent_pon.clone(),
        children,
    })
}

/// A fresh batch token for customer order ids when the parent has none: `LSR-` and 10
/// base-36 characters (letters and digits only, as Bandwidth's 7318 rule requires).
pub fn new_batch_token() -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let tail: String = (0..10)
        .map(|_| char::from(ALPHABET[fastrand::usize(..ALPHABET.len())]))
        .collect();
    format!("LSR-{tail}")
}

fn digits(mut n: usize) -> usize {
    let mut d = 1;
    while n >= 10 {
        n /= 10;
        d += 1;
    }
    d
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashSet;

    fn tns(n: usize) -> Vec<Tn> {
        (0..n)
            .map(|i| Tn::parse(&format!("919{}{:04}", 200 + i / 10_000, i % 10_000)).unwrap())
            .collect()
    }

    #[test]
    fn split_spec_parses() {
        assert_eq!("per-tn".parse::<SplitSpec>().unwrap(), SplitSpec::PerTn);
        assert_eq!("1".parse::<SplitSpec>().unwrap(), SplitSpec::PerTn);
        assert_eq!("999".parse::<SplitSpec>().unwrap(), SplitSpec::MaxTns(999));
        assert!("1000".parse::<SplitSpec>().is_err());
        assert!("0".parse::<SplitSpec>().is_err());
        assert!("lots".parse::<SplitSpec>().is_err());
    }

    #[test]
    fn split_per_tn_derives_pons() {
        let pon = Pon::parse("ABC123").unwrap();
        let plan = plan_split(&pon, "LSR-X", &tns(3), SplitSpec::PerTn).unwrap();
        let pons: Vec<&str> = plan.children.iter().map(|c| c.pon.as_str()).collect();
        assert_eq!(pons, ["ABC123-0001", "ABC123-0002", "ABC123-0003"]);
        assert_eq!(plan.children[2].customer_order_id, "LSR-X-0003");
        assert!(plan.children.iter().all(|c| c.tns.len() == 1));
    }

    #[test]
    fn split_by_999_makes_three_orders_of_2500() {
        let pon = Pon::parse("BIG").unwrap();
        let plan = plan_split(&pon, "B", &tns(2500), SplitSpec::MaxTns(999)).unwrap();
        let sizes: Vec<usize> = plan.children.iter().map(|c| c.tns.len()).collect();
        assert_eq!(sizes, [999, 999, 502]);
    }

    #[test]
    fn split_says_when_the_pon_is_too_long() {
        let pon = Pon::parse("ABCDEFGHIJKLMNOPQRSTU").unwrap(); // 21 + "-0001" = 26
        let err = plan_split(&pon, "B", &tns(2), SplitSpec::PerTn).unwrap_err();
        assert!(
            matches!(err, PlanError::PonTooLong { len: 26, .. }),
            "{err}"
        );
        let pon = Pon::parse("ABCDEFGHIJKLMNOPQRST").unwrap(); // 20 + 5 = 25 fits
        assert!(plan_split(&pon, "B", &tns(2), SplitSpec::PerTn).is_ok());
    }

    #[test]
    fn split_widens_the_suffix_past_9999_children() {
        let pon = Pon::parse("P").unwrap();
        let plan = plan_split(&pon, "B", &tns(10_000), SplitSpec::PerTn).unwrap();
        assert_eq!(plan.children[0].pon.as_str(), "P-00001");
        assert_eq!(plan.children[9_999].pon.as_str(), "P-10000");
    }

    #[test]
    fn batch_tokens_are_valid_customer_order_ids() {
        let token = new_batch_token();
        assert_eq!(token.len(), 14);
        assert!(token.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    }

    proptest! {
        #[test]
        fn split_puts_every_tn_in_exactly_one_child(n in 1usize..3000, per in 1usize..=999) {
            let all = tns(n);
            let spec = if per == 1 { SplitSpec::PerTn } else { SplitSpec::MaxTns(per) };
            let plan = plan_split(&Pon::parse("PROP-1").unwrap(), "B", &all, spec).unwrap();
            let flat: Vec<Tn> = plan.children.iter().flat_map(|c| c.tns.clone()).collect();
            prop_assert_eq!(&flat, &all);
            prop_assert!(plan.children.iter().all(|c| !c.tns.is_empty() && c.tns.len() <= per));
            let pons: HashSet<&str> = plan.children.iter().map(|c| c.pon.as_str()).collect();
            prop_assert_eq!(pons.len(), plan.children.len());
            let ids: HashSet<&str> = plan.children.iter().map(|c| c.customer_order_id.as_str()).collect();
            prop_assert_eq!(ids.len(), plan.children.len());
            for c in &plan.children {
                prop_assert!(Pon::parse(c.pon.as_str()).is_ok());
                prop_assert!(c.customer_order_id.len() <= 40);
            }
        }

        /// Any valid parent PON and customer order id, any distinct TNs: the plan either says
        /// why it cannot be made (exactly when a derived PON or id would be too long) or puts
        /// every TN in exactly one child, with PONs that are unique, valid and the parent's.
        #[test]
        fn split_of_any_parent_is_sound_or_refused(
            parent in "[A-Za-z0-9#_-]{1,25}",
            base in "[A-Za-z0-9 -]{0,40}",
            raw in proptest::collection::hash_set(2_000_000_000u64..10_000_000_000, 1..1200),
            per in 1usize..=999,
        ) {
            let all: Vec<Tn> = raw.iter().filter_map(|n| Tn::parse(&n.to_string()).ok()).collect();
            prop_assume!(!all.is_empty());
            let parent = Pon::parse(&parent).unwrap();
            let spec = if per == 1 { SplitSpec::PerTn } else { SplitSpec::MaxTns(per) };
            let children = all.len().div_ceil(per);
            let width = children.to_string().len().max(4);
            match plan_split(&parent, &base, &all, spec) {
                Err(PlanError::PonTooLong { .. }) => {
                    prop_assert!(parent.as_str().len() + 1 + width > PON_MAX_LEN);
                }
                Err(PlanError::CustomerOrderIdTooLong(_)) => {
                    prop_assert!(parent.as_str().len() + 1 + width <= PON_MAX_LEN);
                    prop_assert!(base.trim().len() + 1 + width > CUSTOMER_ORDER_ID_MAX);
                }
                Err(other) => prop_assert!(false, "unexpected {other}"),
                Ok(plan) => {
                    prop_assert!(parent.as_str().len() + 1 + width <= PON_MAX_LEN);
                    prop_assert_eq!(plan.children.len(), children);
                    let mut seen = HashSet::new();
                    for (i, c) in plan.children.iter().enumerate() {
                        prop_assert_eq!(c.index, i + 1);
                        prop_assert!(!c.tns.is_empty() && c.tns.len() <= per);
                        for tn in &c.tns {
                            prop_assert!(seen.insert(*tn), "{} is in two children", tn);
                        }
                        let pon = Pon::parse(c.pon.as_str()).unwrap();
                        prop_assert_eq!(&pon, &c.pon);
                        prop_assert_ne!(&pon, &parent);
                        let suffix = c.pon.as_str().strip_prefix(parent.as_str()).and_then(|s| s.strip_prefix('-'));
                        prop_assert_eq!(suffix.map(|s| s.parse::<usize>().ok()), Some(Some(i + 1)));
                        prop_assert!(c.customer_order_id.len() <= CUSTOMER_ORDER_ID_MAX);
                    }
                    prop_assert_eq!(seen.len(), all.len());
                    let flat: Vec<Tn> = plan.children.iter().flat_map(|c| c.tns.clone()).collect();
                    prop_assert_eq!(&flat, &all);
                    let pons: HashSet<&str> = plan.children.iter().map(|c| c.pon.as_str()).collect();
                    prop_assert_eq!(pons.len(), children);
                    let ids: HashSet<&str> = plan.children.iter().map(|c| c.customer_order_id.as_str()).collect();
                    prop_assert_eq!(ids.len(), children);
                }
            }
        }
    }
}
