//! Which hosts a profile talks to: the API base and the OAuth2 token endpoint, worked out from
//! the environment (`prod`/`test`), the API version (`v1`/`v2`) and the credential scheme, or
//! taken from an explicit base URL. A credential is never sent to another realm: a token URL on
//! one of Bandwidth's hosts must be in the same realm as the base URL.

use super::{Source, Sourced};
use crate::wire::hosts::{self, ApiVersion, Environment, Scheme, TOKEN_PATH};

/// What the endpoints are resolved from.
pub(super) struct Inputs {
    pub base_url: Option<Sourced>,
    pub token_url: Option<Sourced>,
    pub environment: Option<Sourced>,
    pub api_version: Option<Sourced>,
    pub scheme: Scheme,
}

/// The environment, API version and scheme behind the resolved URLs, and what is wrong with
/// the combination (reported when a command connects).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    pub environment: Environment,
    pub environment_source: Source,
    pub api_version: ApiVersion,
    pub api_version_source: Source,
    pub scheme: Scheme,
    /// A combination lsr refuses to use (e.g. a token URL in another realm than the base URL).
    pub problem: Option<String>,
    /// A combination that works but is probably not meant (OAuth2 on the legacy Basic host).
    pub warning: Option<String>,
}

impl Default for Endpoints {
    fn default() -> Endpoints {
        Endpoints {
            environment: Environment::Prod,
            environment_source: Source::Default,
            api_version: ApiVersion::V1,
            api_version_source: Source::Default,
            scheme: Scheme::OAuth,
            problem: None,
            warning: None,
        }
    }
}

/// The resolution's outcome.
pub(super) struct Resolved {
    pub base_url: Sourced,
    /// `None` for Basic credentials, which use no token.
    pub token_url: Option<Sourced>,
    pub endpoints: Endpoints,
}

/// The scheme, host and port of a URL, and its path.
fn split_url(text: &str) -> Option<(String, String, String)> {
    let url = url::Url::parse(text.trim()).ok()?;
    let host = url.host_str()?.to_ascii_lowercase();
    let origin = url.origin().ascii_serialization();
    Some((origin, host, url.path().to_string()))
}

fn parse_setting<T: std::str::FromStr<Err = String>>(
    setting: Option<Sourced>,
    problems: &mut Vec<String>,
) -> Option<(T, Source)> {
    let setting = setting?;
    match setting.value.parse::<T>() {
        Ok(value) => Some((value, setting.source)),
        Err(why) => {
            problems.push(format!("{why} ({})", setting.source));
            None
        }
    }
}

pub(super) fn resolve(inputs: Inputs) -> Resolved {
    let mut problems = Vec::new();
    let mut warning = None;
    let environment = parse_setting::<Environment>(inputs.environment, &mut problems);
    let version = parse_setting::<ApiVersion>(inputs.api_version, &mut problems);
    let base = inputs.base_url.as_ref().and_then(|b| split_url(&b.value));
    let base_realm = base
        .as_ref()
        .and_then(|(_, host, _)| hosts::realm_of_host(host));
    let base_version = base
        .as_ref()
        .and_then(|(_, _, path)| ApiVersion::of_path(path));

    let (environment, environment_source) = match (environment, base_realm) {
        (Some((chosen, source)), Some(realm)) if chosen != realm => {
            problems.push(format!(
                "environment {chosen} ({source}) but the base URL is on Bandwidth's {realm} hosts"
            ));
            (chosen, source)
        }
        (Some(chosen), _) => chosen,
        (None, Some(realm)) => (realm, Source::Derived("the base URL's host".into())),
        (None, None) => (Environment::Prod, Source::Default),
    };
    let (api_version, api_version_source) = match (version, base_version) {
        (Some((chosen, source)), Some(seen)) if chosen != seen => {
            problems.push(format!(
                "api_version {chosen} ({source}) but the base URL's path is {seen}"
            ));
            (chosen, source)
        }
        (Some(chosen), _) => chosen,
        (None, Some(seen)) => (seen, Source::Derived("the base URL's path".into())),
        (None, None) => (ApiVersion::V1, Source::Default),
    };
    let scheme = inputs.scheme;
    let base_url = inputs.base_url.clone().unwrap_or_else(|| Sourced {
        value: hosts::api_base(environment, scheme, api_version),
        source: Source::Derived(format!(
            "environment {environment}, {}, {api_version}",
            scheme_name(scheme)
        )),
    });
    if scheme == Scheme::OAuth
        && let Some((_, host, _)) = &base
        && hosts::is_legacy_host(host)
    {
        warning = Some(format!(
            "the base URL is Bandwidth's legacy Basic host {host}; OAuth2 clients use {} \
             (remove base_url from the profile: `lsr config set base_url ''`)",
            hosts::api_base(environment, Scheme::OAuth, api_version)
        ));
    }
    let token_url = match scheme {
        Scheme::Basic => inputs.token_url.clone(),
        Scheme::OAuth => {
            Some(
                inputs
                    .token_url
                    .clone()
                    .unwrap_or_else(|| match (&base, base_realm) {
                        (_, Some(realm)) => Sourced {
                            value: realm.token_url().to_string(),
                            source: Source::Derived(format!("Bandwidth's {realm} realm")),
                        },
                        (Some((origin, _, _)), None) => Sourced {
                            value: format!("{origin}{TOKEN_PATH}"),
                            source: Source::Derived("the base URL's origin".into()),
                        },
                        (None, None) => Sourced {
                            value: environment.token_url().to_string(),
                            source: Source::Derived(format!("Bandwidth's {environment} realm")),
                        },
                    }),
            )
        }
    };
    if let Some(token) = &token_url {
        let token_realm =
            split_url(&token.value).and_then(|(_, host, _)| hosts::realm_of_host(&host));
        let base_realm =
            split_url(&base_url.value).and_then(|(_, host, _)| hosts::realm_of_host(&host));
        if let (Some(t), Some(b)) = (token_realm, base_realm)
            && t != b
        {
            problems.push(format!(
                "the token URL {} ({}) is in Bandwidth's {t} realm but the base URL is in its {b} \
                 realm; lsr never sends a credential to another realm",
                token.value, token.source
            ));
        }
    }
    Resolved {
        base_url,
        token_url,
        endpoints: Endpoints {
            environment,
            environment_source,
            api_version,
            api_version_source,
            scheme,
            problem: (!problems.is_empty()).then(|| problems.join("; ")),
            warning,
        },
    }
}

/// `OAuth2` or `Basic`, for people.
pub fn scheme_name(scheme: Scheme) -> &'static str {
    match scheme {
        Scheme::OAuth => "OAuth2",
        Scheme::Basic => "Basic",
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn sourced(value: &str) -> Option<Sourced> {
        Some(Sourced {
            value: value.into(),
            source: Source::Profile("p".into()),
        })
    }

    fn inputs(scheme: Scheme) -> Inputs {
        Inputs {
            base_url: None,
            token_url: None,
            environment: None,
            api_version: None,
            scheme,
        }
    }

    #[test]
    fn endpoints_follow_the_environment_and_the_scheme() {
        let mut test = inputs(Scheme::OAuth);
        test.environment = sourced("test");
        let r = resolve(test);
        assert_eq!(r.base_url.value, "https://test.api.bandwidth.com/api/v1");
        assert_eq!(
            r.token_url.unwrap().value,
            "https://test.api.bandwidth.com/api/v1/oauth2/token"
        );
        assert_eq!(r.endpoints.problem, None);

        let mut v2 = inputs(Scheme::OAuth);
        v2.api_version = sourced("v2");
        let r = resolve(v2);
        assert_eq!(r.base_url.value, "https://api.bandwidth.com/api/v2");
        assert_eq!(
            r.token_url.unwrap().value,
            "https://api.bandwidth.com/api/v1/oauth2/token"
        );

        let mut basic = inputs(Scheme::Basic);
        basic.environment = sourced("test");
        let r = resolve(basic);
        assert_eq!(
            r.base_url.value,
            "https://test.dashboard.bandwidth.com/api/v1"
        );
        assert!(r.token_url.is_none());
    }

    #[test]
    fn endpoints_custom_base_takes_its_token_from_its_origin() {
        let mut custom = inputs(Scheme::OAuth);
        custom.base_url = sourced("http://127.0.0.1:4000/api/v2");
        let r = resolve(custom);
        assert_eq!(
            r.token_url.unwrap().value,
            "http://127.0.0.1:4000/api/v1/oauth2/token"
        );
        assert_eq!(r.endpoints.api_version, ApiVersion::V2);
        assert_eq!(r.endpoints.problem, None);
    }

    #[test]
    fn endpoints_a_bandwidth_base_keeps_its_realm_and_never_crosses_it() {
        let mut legacy = inputs(Scheme::OAuth);
        legacy.base_url = sourced("https://test.dashboard.bandwidth.com/api/v1");
        let r = resolve(legacy);
        assert_eq!(r.endpoints.environment, Environment::Test);
        assert_eq!(
            r.token_url.unwrap().value,
            "https://test.api.bandwidth.com/api/v1/oauth2/token"
        );
        assert!(r.endpoints.warning.unwrap().contains("legacy Basic host"));

        let mut crossed = inputs(Scheme::OAuth);
        crossed.base_url = sourced("https://test.api.bandwidth.com/api/v1");
        crossed.token_url = sourced("https://api.bandwidth.com/api/v1/oauth2/token");
        let problem = resolve(crossed).endpoints.problem.unwrap();
        assert!(problem.contains("another realm"), "{problem}");

        let mut mismatch = inputs(Scheme::OAuth);
        mismatch.base_url = sourced("https://api.bandwidth.com/api/v1");
        mismatch.environment = sourced("test");
        assert!(resolve(mismatch).endpoints.problem.is_some());

        let mut bad = inputs(Scheme::OAuth);
        bad.environment = sourced("staging");
        assert!(resolve(bad).endpoints.problem.unwrap().contains("staging"));
    }
}
