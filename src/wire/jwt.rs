//! The claims of an OAuth2 access token. Bandwidth's tokens are JWTs whose payload lists the
//! `accounts` the credentials may use and their `roles` (Bandwidth's CLI reads them to choose an
//! account: repository Bandwidth/cli, `cmd/auth/login.go`); the sandbox issues the same shape.
//! A client decodes the payload only to choose defaults and to show them: it never trusts it
//! for anything else (it cannot check the signature, and needs not).

use base64::Engine as _;
use serde::{Deserialize, Serialize};

/// What lsr reads from a token's payload.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// The client id (the sandbox's) or whatever the issuer puts there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub: Option<String>,
    /// The account ids the credentials may use (numbers or strings on the wire).
    #[serde(default, deserialize_with = "ids")]
    pub accounts: Vec<String>,
    #[serde(default)]
    pub roles: Vec<String>,
    /// Issued at, seconds since the epoch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iat: Option<i64>,
    /// Expires at, seconds since the epoch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exp: Option<i64>,
}

/// Account ids as strings, whether the issuer wrote them as numbers or strings.
fn ids<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let values = Vec::<serde_json::Value>::deserialize(d)?;
    Ok(values
        .into_iter()
        .filter_map(|v| match v {
            serde_json::Value::String(s) => Some(s),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
        .collect())
}

/// The largest token payload read (a JWT is a header, not a document).
const MAX_PAYLOAD_BYTES: usize = 16 * 1024;

/// base64url without padding, as JWTs write their parts.
pub fn b64url(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The claims in a JWT's payload, unverified; `None` when the token is not a JWT.
pub fn claims_of(token: &str) -> Option<Claims> {
    let mut parts = token.trim().split('.');
    let (_header, payload, _signature) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || payload.len() > MAX_PAYLOAD_BYTES {
        return None;
    }
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// `header.payload` of an HS256 JWT carrying `claims` (the issuer appends the signature).
pub fn unsigned_hs256(claims: &Claims) -> Result<String, serde_json::Error> {
    let header = b64url(br#"{"alg":"HS256","typ":"JWT"}"#);
    let payload = b64url(&serde_json::to_vec(claims)?);
    Ok(format!("{header}.{payload}"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn jwt_claims_read_numbers_and_strings() {
        let payload =
            b64url(br#"{"accounts":[9900001,"9900002"],"roles":["lsr"],"exp":5,"express":false}"#);
        let claims = claims_of(&format!("h.{payload}.sig")).unwrap();
        assert_eq!(claims.accounts, vec!["9900001", "9900002"]);
        assert_eq!(claims.roles, vec!["lsr"]);
        assert_eq!(claims.exp, Some(5));
        assert_eq!(claims_of("opaque-token"), None);
        assert_eq!(claims_of("a.!!.c"), None);
        let built = unsigned_hs256(&claims).unwrap();
        assert_eq!(claims_of(&format!("{built}.x")).unwrap(), claims);
    }
}
