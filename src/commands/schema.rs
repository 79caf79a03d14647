//! `lsr schema`: the JSON Schema (draft 2020-12) of every `--json` output, generated from the
//! Rust types that print it. The same schemas are committed under schemas/ (a test keeps them
//! fresh and validates every command's real output against them).

use clap::Args;
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, SchemaGenerator};
use serde::Serialize;
use serde_json::Value;

use crate::commands;
use crate::context::Context;
use crate::exit::{CliError, ErrorDocument, Exit};
use crate::output::{self, OrderView, OutputMode, Rows};
use crate::session::present::SubmitJson;

/// Print the JSON Schema of a command's --json output.
///
/// Every --json output has a JSON Schema (draft 2020-12), generated from the types that print
/// it; the same files are in the repository under schemas/. COMMAND is a command as typed
/// (`batch show`) or its schema's name (`batch-show`); `order` is an order as every command
/// prints it, `error` the document of a failed run, `progress` a line of `--progress json` on
/// stderr. Keys may be added in a later version of lsr, never renamed, removed or retyped.
/// Without COMMAND, lists every schema. TSV columns: name, description.
///
/// Example: lsr schema submit > submit.schema.json
#[derive(Debug, Clone, Args)]
pub struct SchemaArgs {
    /// The command (e.g. `submit`, `batch show`) or schema name (`batch-show`, `order`).
    #[arg(value_name = "COMMAND", num_args = 0..)]
    pub command: Vec<String>,
}

/// One committed schema: its file is `schemas/<name>.schema.json`.
pub struct SchemaEntry {
    pub name: &'static str,
    /// What the schema describes, for `lsr schema` and the schema's `description`.
    pub about: &'static str,
    generate: fn(&mut SchemaGenerator) -> schemars::Schema,
}

impl SchemaEntry {
    /// The schema as committed: draft 2020-12, titled with its name.
    pub fn schema(&self) -> Value {
        let mut generator = SchemaSettings::draft2020_12()
            .for_serialize()
            .into_generator();
        let schema = (self.generate)(&mut generator);
        let mut value = serde_json::to_value(&schema).unwrap_or(Value::Null);
        if let Value::Object(object) = &mut value {
            let definitions = generator.take_definitions(true);
            if !definitions.is_empty() {
                let defs = object
                    .entry("$defs")
                    .or_insert_with(|| Value::Object(serde_json::Map::new()));
                if let Value::Object(defs) = defs {
                    defs.extend(definitions);
                }
            }
            object.insert(
                "$schema".into(),
                Value::String("https://json-schema.org/draft/2020-12/schema".into()),
            );
            object.insert("title".into(), Value::String(format!("lsr {}", self.name)));
            object.insert("description".into(), Value::String(self.about.into()));
        }
        value
    }
}

fn one<T: JsonSchema + ?Sized>(generator: &mut SchemaGenerator) -> schemars::Schema {
    generator.root_schema_for::<T>()
}

fn list<T: JsonSchema>(generator: &mut SchemaGenerator) -> schemars::Schema {
    generator.root_schema_for::<Vec<T>>()
}

/// Either of two shapes (a command whose document depends on its arguments).
fn either<A: JsonSchema, B: JsonSchema>(generator: &mut SchemaGenerator) -> schemars::Schema {
    let a = generator.subschema_for::<A>();
    let b = generator.subschema_for::<B>();
    schemars::json_schema!({ "anyOf": [a, b] })
}

/// Every schema, in the order `lsr schema` lists them.
pub const SCHEMAS: &[SchemaEntry] = &[
    SchemaEntry {
        name: "order",
        about: "An order as every command prints it (status, supp, and the `orders` of submit, search, cancel …).",
        generate: one::<OrderView>,
    },
    SchemaEntry {
        name: "error",
        about: "What stdout carries when a run fails before the command has an answer of its own; stderr has the same message for people.",
        generate: one::<ErrorDocument>,
    },
    SchemaEntry {
        name: "progress",
        about: "One line of `--progress json` on stderr: a batch's order as it is sent (submit --split, resubmit --split, batch resume), or a change `watch` saw.",
        generate: either::<crate::session::split::ChildLine<'static>, commands::watch::Change>,
    },
    SchemaEntry {
        name: "submit",
        about: "`lsr submit`: the batch, the orders placed, the orders not placed (or that missed their --wait target) and the findings; a dry run adds `order` (one order) or `parent_pon`, `tn_count` and `children` (a split).",
        generate: one::<SubmitJson>,
    },
    SchemaEntry {
        name: "resubmit",
        about: "`lsr resubmit`: the submit document, with the order it replaced.",
        generate: one::<commands::resubmit::ResubmitJson>,
    },
    SchemaEntry {
        name: "supp",
        about: "`lsr supp`: the order as the supp left it (after --wait, as it stands).",
        generate: one::<OrderView>,
    },
    SchemaEntry {
        name: "cancel",
        about: "`lsr cancel`: the orders cancelled (or already cancelled) and those that were not.",
        generate: one::<commands::cancel::CancelJson>,
    },
    SchemaEntry {
        name: "search",
        about: "`lsr search`: the orders found, newest first, each with its TNs.",
        generate: one::<commands::search::SearchJson<'static>>,
    },
    SchemaEntry {
        name: "status",
        about: "`lsr status`: the order; with --local, also the events and notes lsr recorded.",
        generate: one::<commands::status::StatusJson<'static>>,
    },
    SchemaEntry {
        name: "history",
        about: "`lsr history`: the backend's events of an order, oldest first.",
        generate: list::<crate::output::lookup::HistoryEntryView>,
    },
    SchemaEntry {
        name: "notes",
        about: "`lsr notes ORDER`: the order's notes.",
        generate: list::<crate::output::lookup::NoteView>,
    },
    SchemaEntry {
        name: "notes-add",
        about: "`lsr notes ORDER add TEXT`: the note added.",
        generate: one::<commands::notes::AddedJson>,
    },
    SchemaEntry {
        name: "validate",
        about: "`lsr validate`: whether the order passes and every finding.",
        generate: one::<commands::validate::ValidateJson<'static>>,
    },
    SchemaEntry {
        name: "explain",
        about: "`lsr explain CODE`: one explanation; `lsr explain`: every code and topic (an array).",
        generate: either::<commands::explain::Explanation, Vec<commands::explain::Explanation>>,
    },
    SchemaEntry {
        name: "foc-window",
        about: "`lsr foc-window DATE`: the 10 business days of a FOC date's window (R1).",
        generate: one::<commands::foc_window::FocWindowView>,
    },
    SchemaEntry {
        name: "batch-list",
        about: "`lsr batch list`: the journal's batches, newest first.",
        generate: one::<commands::batch::ListJson<'static>>,
    },
    SchemaEntry {
        name: "batch-show",
        about: "`lsr batch show ID`: a batch and every child.",
        generate: one::<commands::batch::ShowJson<'static>>,
    },
    SchemaEntry {
        name: "batch-resume",
        about: "`lsr batch resume ID`: the submit document of the batch.",
        generate: one::<SubmitJson>,
    },
    SchemaEntry {
        name: "watch",
        about: "`lsr watch`: the orders as last seen and every change, when all are final (or at Ctrl-C).",
        generate: one::<commands::watch::WatchJson>,
    },
    SchemaEntry {
        name: "subscribe",
        about: "`lsr subscribe`: the subscription created.",
        generate: one::<crate::output::subscriptions::SubscriptionView>,
    },
    SchemaEntry {
        name: "subscriptions-list",
        about: "`lsr subscriptions list`: the account's subscriptions.",
        generate: list::<crate::output::subscriptions::SubscriptionView>,
    },
    SchemaEntry {
        name: "subscriptions-show",
        about: "`lsr subscriptions show ID`: one subscription.",
        generate: one::<crate::output::subscriptions::SubscriptionView>,
    },
    SchemaEntry {
        name: "subscriptions-delete",
        about: "`lsr subscriptions delete ID`: the subscription deleted.",
        generate: one::<commands::subscriptions::DeletedJson>,
    },
    SchemaEntry {
        name: "listen",
        about: "`lsr listen`, the one stream: each line of stdout is one JSON document, first where it listens, then one event per notification or poll.",
        generate: either::<
            crate::session::listen::Listening,
            crate::session::listen::apply::ListenEvent,
        >,
    },
    SchemaEntry {
        name: "agenda",
        about: "`lsr agenda`: what to act on now, what is coming, and the orders waiting for a FOC.",
        generate: one::<crate::validate::agenda::Agenda>,
    },
    SchemaEntry {
        name: "email",
        about: "`lsr email`: a ready-to-send email.",
        generate: one::<crate::output::lookup::EmailDraft>,
    },
    SchemaEntry {
        name: "auth-login",
        about: "`lsr auth login`: the profile signed in.",
        generate: one::<crate::output::auth::AuthView>,
    },
    SchemaEntry {
        name: "auth-status",
        about: "`lsr auth status`: the profile's credentials and token.",
        generate: one::<crate::output::auth::AuthView>,
    },
    SchemaEntry {
        name: "auth-logout",
        about: "`lsr auth logout`: what was forgotten.",
        generate: one::<commands::auth::LogoutJson>,
    },
    SchemaEntry {
        name: "config-init",
        about: "`lsr config init`: the file written.",
        generate: one::<commands::config::InitJson>,
    },
    SchemaEntry {
        name: "config-show",
        about: "`lsr config show`: every setting, where it comes from, secrets redacted.",
        generate: list::<commands::config::ShownSetting>,
    },
    SchemaEntry {
        name: "config-set",
        about: "`lsr config set`: the value set.",
        generate: one::<commands::config::SetJson>,
    },
    SchemaEntry {
        name: "config-path",
        about: "`lsr config path`: the config directory and the files in it.",
        generate: one::<commands::config::PathJson>,
    },
    SchemaEntry {
        name: "sandbox-serve",
        about: "`lsr sandbox serve`: where the server listens, on one line once it is up.",
        generate: one::<commands::sandbox::Serving>,
    },
    SchemaEntry {
        name: "sandbox-clock",
        about: "`lsr sandbox clock show|set|advance`: the sandbox's clock.",
        generate: one::<crate::wire::admin::ClockView>,
    },
    SchemaEntry {
        name: "sandbox-npac",
        about: "`lsr sandbox npac subscribe|activate`: the order's NPAC state.",
        generate: one::<crate::wire::admin::NpacView>,
    },
    SchemaEntry {
        name: "sandbox-inventory",
        about: "`lsr sandbox inventory`: the TN-line behaviour table and the TNs with an explicit behaviour.",
        generate: one::<crate::wire::admin::InventoryView>,
    },
    SchemaEntry {
        name: "sandbox-inventory-add",
        about: "`lsr sandbox inventory add`: the TN's explicit behaviour.",
        generate: one::<crate::wire::admin::InventoryEntry>,
    },
    SchemaEntry {
        name: "sandbox-faults",
        about: "`lsr sandbox faults set|clear|show`: the faults the sandbox injects (and, from a running server, the 429s its rate limit answered).",
        generate: one::<crate::wire::admin::FaultsView>,
    },
    SchemaEntry {
        name: "sandbox-reset",
        about: "`lsr sandbox reset`: what was cleared.",
        generate: one::<crate::wire::admin::ResetView>,
    },
    SchemaEntry {
        name: "completions",
        about: "`lsr completions SHELL`: the completion script.",
        generate: one::<commands::completions::CompletionsJson>,
    },
    SchemaEntry {
        name: "schema",
        about: "`lsr schema` (without COMMAND): every schema's name and description. `lsr schema COMMAND` prints the schema itself.",
        generate: one::<SchemaList>,
    },
];

/// `lsr --json schema` (without COMMAND).
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct SchemaList {
    pub schemas: Vec<SchemaListEntry>,
}

/// One schema: `schemas/<name>.schema.json`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct SchemaListEntry {
    pub name: String,
    pub description: String,
}

/// The schema for a command as typed (`batch show`, `sandbox clock set`) or a schema name
/// (`batch-show`): the longest leading words that name one.
pub fn lookup(words: &[String]) -> Option<&'static SchemaEntry> {
    let words: Vec<String> = words
        .iter()
        .flat_map(|w| w.split(['-', ' ']).map(str::to_string).collect::<Vec<_>>())
        .filter(|w| !w.is_empty())
        .collect();
    (1..=words.len()).rev().find_map(|n| {
        let name = words[..n].join("-");
        // `foc-window` is one command with a dash in its name.
        SCHEMAS.iter().find(|e| e.name == name)
    })
}

pub fn run(ctx: &Context, args: &SchemaArgs) -> anyhow::Result<()> {
    if args.command.is_empty() {
        let list = SchemaList {
            schemas: SCHEMAS
                .iter()
                .map(|e| SchemaListEntry {
                    name: e.name.to_string(),
                    description: e.about.to_string(),
                })
                .collect(),
        };
        if ctx.output == OutputMode::Json {
            output::print_json(&list)?;
            return Ok(());
        }
        let mut rows = Rows::new(["NAME", "DESCRIPTION"]);
        for e in &list.schemas {
            rows.push([e.name.clone(), e.description.clone()]);
        }
        output::print_text(&ctx.render_rows(&rows))?;
        return Ok(());
    }
    let asked = args.command.join(" ");
    let entry = lookup(&args.command).ok_or_else(|| {
        CliError::new(Exit::NotFound, format!("no JSON schema for `{asked}`"))
            .with_hint("`lsr schema` lists every schema")
    })?;
    // A schema is JSON whatever the output mode.
    output::print_json(&entry.schema())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn schema_lookup_takes_commands_as_typed_and_names() {
        assert_eq!(lookup(&words("batch show")).unwrap().name, "batch-show");
        assert_eq!(lookup(&words("batch-show")).unwrap().name, "batch-show");
        assert_eq!(
            lookup(&words("sandbox clock set")).unwrap().name,
            "sandbox-clock"
        );
        assert_eq!(lookup(&words("foc-window")).unwrap().name, "foc-window");
        assert_eq!(lookup(&words("order")).unwrap().name, "order");
        assert!(lookup(&words("nothing")).is_none());
    }

    #[test]
    fn schema_names_are_unique_and_every_schema_is_an_object_with_a_title() {
        let mut names: Vec<&str> = SCHEMAS.iter().map(|e| e.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), SCHEMAS.len());
        for e in SCHEMAS {
            let schema = e.schema();
            assert_eq!(schema["title"], format!("lsr {}", e.name));
            assert_eq!(
                schema["$schema"],
                "https://json-schema.org/draft/2020-12/schema"
            );
        }
    }
}
