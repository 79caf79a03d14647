//! Shell completion of ORDER arguments from the local history: the PONs, `PON@N` and recent
//! order ids lsr has seen (every backend), newest first. Completion never fails loudly and
//! never creates a file: without a history there is simply nothing to offer.

use std::collections::BTreeSet;
use std::ffi::OsStr;

use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};

use crate::config::config_dir_from_env;
use crate::history::{HistoryStore, KnownReference};

/// How many known orders one completion looks at.
const MAX_ORDERS: usize = 200;
/// How many order ids are offered (UUIDs are long; PONs are what people type).
const MAX_ORDER_IDS: usize = 20;

/// The completer to `add` to an ORDER argument.
pub fn order_completer() -> ArgValueCompleter {
    ArgValueCompleter::new(order_candidates)
}

/// The candidates for a partly typed ORDER.
pub fn order_candidates(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(prefix) = current.to_str() else {
        return Vec::new();
    };
    // `ACME@` completes the versions of ACME: look the PON up, not the text with `@`.
    let pon_prefix = prefix.split('@').next().unwrap_or(prefix);
    let Some(dir) = config_dir_from_env() else {
        return Vec::new();
    };
    let path = HistoryStore::path_in(&dir);
    if !path.is_file() {
        return Vec::new();
    }
    let known = HistoryStore::open(&path)
        .and_then(|store| store.known_references(pon_prefix, MAX_ORDERS))
        .unwrap_or_default();
    candidates(&known)
        .into_iter()
        .filter(|c| {
            c.get_value().to_str().is_some_and(|v| {
                v.to_ascii_lowercase()
                    .starts_with(&prefix.to_ascii_lowercase())
            })
        })
        .collect()
}

/// PONs first (the latest version), then every `PON@N`, then the most recent order ids.
fn candidates(known: &[KnownReference]) -> Vec<CompletionCandidate> {
    let help = |text: String| Some(text.into());
    let mut out = Vec::new();
    let mut pons = BTreeSet::new();
    for k in known {
        if pons.insert(k.pon.clone()) {
            out.push(
                CompletionCandidate::new(&k.pon)
                    .help(help(format!("latest version: {}", k.status))),
            );
        }
    }
    let mut versions = BTreeSet::new();
    for k in known {
        let reference = format!("{}@{}", k.pon, k.pon_version);
        if versions.insert(reference.clone()) {
            out.push(
                CompletionCandidate::new(reference)
                    .help(help(format!("{} ({})", k.status, k.order_id))),
            );
        }
    }
    for k in known.iter().take(MAX_ORDER_IDS) {
        out.push(
            CompletionCandidate::new(&k.order_id)
                .help(help(format!("{}@{} {}", k.pon, k.pon_version, k.status))),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(pon: &str, version: u32, id: &str) -> KnownReference {
        KnownReference {
            pon: pon.into(),
            pon_version: version,
            order_id: id.into(),
            status: "FOC".into(),
        }
    }

    #[test]
    fn complete_offers_pons_then_versions_then_ids() {
        let list = [
            known("ACME", 2, "id-2"),
            known("ACME", 1, "id-1"),
            known("B", 1, "id-3"),
        ];
        let values: Vec<String> = candidates(&list)
            .iter()
            .map(|c| c.get_value().to_string_lossy().to_string())
            .collect();
        assert_eq!(
            values,
            [
                "ACME", "B", "ACME@2", "ACME@1", "B@1", "id-2", "id-1", "id-3"
            ]
        );
    }
}
