//! `lsr config show`: the resolved configuration, where each value came from, secrets redacted.

use serde::Serialize;

use crate::config::{Sourced, URL_KEYS, redact_url_credentials};
use crate::context::Context;
use crate::output::{self, OutputMode, Rows};

/// One line of `config show` (schemas/config-show.schema.json: an array of them).
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ShownSetting {
    pub key: &'static str,
    /// The value (`<redacted>` for a secret), null when unset.
    pub value: Option<String>,
    /// Where it comes from (a flag, the environment, the profile …).
    pub source: Option<String>,
}

pub fn run(ctx: &Context) -> anyhow::Result<()> {
    let s = &ctx.settings;
    let shown = |key: &'static str, v: &Option<Sourced>, secret: bool| ShownSetting {
        key,
        value: v.as_ref().map(|v| {
            if secret {
                "<redacted>".to_string()
            } else if URL_KEYS.contains(&key) {
                redact_url_credentials(&v.value)
            } else {
                v.value.clone()
            }
        }),
        source: v.as_ref().map(|v| v.source.to_string()),
    };
    let lines = vec![
        ShownSetting {
            key: "profile",
            value: Some(s.profile.clone()),
            source: None,
        },
        ShownSetting {
            key: "environment",
            value: Some(s.endpoints.environment.to_string()),
            source: Some(s.endpoints.environment_source.to_string()),
        },
        ShownSetting {
            key: "api_version",
            value: Some(s.endpoints.api_version.to_string()),
            source: Some(s.endpoints.api_version_source.to_string()),
        },
        shown("base_url", &Some(s.base_url.clone()), false),
        shown("account_id", &s.account_id, false),
        shown("token_url", &s.token_url, false),
        shown("client_id", &s.client_id, false),
        shown("client_secret", &s.client_secret, true),
        shown("username", &s.username, false),
        shown("password", &s.password, true),
        shown("spid", &s.spid, false),
        ShownSetting {
            key: "calendar.holidays",
            value: Some(
                ctx.config
                    .calendar
                    .holidays
                    .iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join(","),
            )
            .filter(|v| !v.is_empty()),
            source: None,
        },
        ShownSetting {
            key: "calendar.replace_default",
            value: Some(ctx.config.calendar.replace_default.to_string()),
            source: None,
        },
    ];
    if let Some(problem) = &s.endpoints.problem {
        ctx.note(&format!("error: {problem}"));
    }
    if let Some(warning) = &s.endpoints.warning {
        ctx.note(&format!("warning: {warning}"));
    }
    if ctx.output == OutputMode::Json {
        output::print_json(&lines)?;
        return Ok(());
    }
    let mut rows = Rows::new(["KEY", "VALUE", "SOURCE"]);
    for line in &lines {
        rows.push([
            line.key.to_string(),
            line.value.clone().unwrap_or_else(|| "-".into()),
            line.source.clone().unwrap_or_default(),
        ]);
    }
    output::print_text(&ctx.render_rows(&rows))?;
    Ok(())
}
