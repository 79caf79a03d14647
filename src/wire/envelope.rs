//! Request-level status envelopes: `ResponseStatus` and the bodies that carry only it
//! (`NoteResponse` for note errors, `LsrOrderReportResponse` for the history 404).

use serde::Deserialize;

use super::error::WireError;
use super::order::{LsrOrder, LsrOrderError, LsrOrderResponse, error_list};
use super::text;
use super::writer::XmlWriter;
use super::{FromXml, ToXml, from_screened_with_root};

/// `{ErrorCode?, Description}`: why a request as a whole failed (400 validation, 5035 not
/// found, 12501 missing user …).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ResponseStatus {
    /// An opaque integer; the history 404 has none.
    #[serde(rename = "ErrorCode", deserialize_with = "text::opt_u32")]
    pub error_code: Option<u32>,
    #[serde(rename = "Description", deserialize_with = "text::text")]
    pub description: String,
}

impl ResponseStatus {
    pub fn new(error_code: Option<u32>, description: impl Into<String>) -> ResponseStatus {
        ResponseStatus {
            error_code,
            description: description.into(),
        }
    }

    pub(crate) fn write(&self, out: &mut XmlWriter) -> Result<(), WireError> {
        out.open("ResponseStatus");
        out.number_opt("ErrorCode", self.error_code.map(u64::from));
        out.leaf("Description", &self.description)?;
        out.close("ResponseStatus");
        Ok(())
    }
}

/// The 400 answer to creating or updating a note.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct NoteResponse {
    #[serde(rename = "ResponseStatus")]
    pub response_status: Option<ResponseStatus>,
}

/// The 404 answer of the history endpoint (`The resource does not exist`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct LsrOrderReportResponse {
    #[serde(rename = "ResponseStatus")]
    pub response_status: Option<ResponseStatus>,
}

fn write_status_envelope(
    out: &mut XmlWriter,
    root: &'static str,
    status: Option<&ResponseStatus>,
) -> Result<(), WireError> {
    match status {
        None => out.empty(root),
        Some(status) => {
            out.open(root);
            status.write(out)?;
            out.close(root);
        }
    }
    Ok(())
}

impl NoteResponse {
    /// A note refused for a reason, e.g. `12501 Username is required`.
    pub fn error(code: u32, description: impl Into<String>) -> NoteResponse {
        NoteResponse {
            response_status: Some(ResponseStatus::new(Some(code), description)),
        }
    }
}

impl LsrOrderReportResponse {
    /// The history endpoint's 404 body, word for word.
    pub fn not_found() -> LsrOrderReportResponse {
        LsrOrderReportResponse {
            response_status: Some(ResponseStatus::new(None, "The resource does not exist")),
        }
    }
}

impl ToXml for NoteResponse {
    fn write_xml(&self, out: &mut XmlWriter) -> Result<(), WireError> {
        write_status_envelope(out, Self::ROOT, self.response_status.as_ref())
    }
}

impl FromXml for NoteResponse {
    const ROOT: &'static str = "NoteResponse";

    fn from_screened(root: &str, text: &str) -> Result<Self, WireError> {
        from_screened_with_root(Self::ROOT, root, text)
    }
}

impl ToXml for LsrOrderReportResponse {
    fn write_xml(&self, out: &mut XmlWriter) -> Result<(), WireError> {
        write_status_envelope(out, Self::ROOT, self.response_status.as_ref())
    }
}

impl FromXml for LsrOrderReportResponse {
    const ROOT: &'static str = "LsrOrderReportResponse";

    fn from_screened(root: &str, text: &str) -> Result<Self, WireError> {
        from_screened_with_root(Self::ROOT, root, text)
    }
}

/// Whatever an error answer holds, from any of Bandwidth's error roots (`LsrOrderResponse`,
/// `NoteResponse`, `LsrOrderReportResponse`, or an `LsrOrder` carrying `LsrOrderErrors`): what
/// a client needs to explain a non-2xx answer without knowing which endpoint produced it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorBody {
    pub response_status: Option<ResponseStatus>,
    /// The order-level validation errors, envelope first, then the echoed order's.
    pub errors: Vec<LsrOrderError>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StatusEnvelopeShape {
    #[serde(rename = "ResponseStatus")]
    response_status: Option<ResponseStatus>,
    #[serde(rename = "LsrOrderErrors", deserialize_with = "error_list")]
    lsr_order_errors: Option<Vec<LsrOrderError>>,
}

impl ErrorBody {
    /// `(code, description)` of the request-level status and every order error, in order.
    pub fn pairs(&self) -> Vec<(Option<u32>, String)> {
        self.response_status
            .iter()
            .map(|s| (s.error_code, s.description.clone()))
            .chain(
                self.errors
                    .iter()
                    .map(|e| (Some(e.code), e.description.clone())),
            )
            .collect()
    }
}

impl FromXml for ErrorBody {
    const ROOT: &'static str = "LsrOrderResponse";

    fn from_screened(root: &str, text: &str) -> Result<Self, WireError> {
        match root {
            "LsrOrderResponse" => {
                let response: LsrOrderResponse =
                    from_screened_with_root(LsrOrderResponse::ROOT, root, text)?;
                let mut errors = response.lsr_order_errors.unwrap_or_default();
                if errors.is_empty() {
                    errors = response
                        .lsr_order
                        .and_then(|o| o.lsr_order_errors)
                        .unwrap_or_default();
                }
                Ok(ErrorBody {
                    response_status: response.response_status,
                    errors,
                })
            }
            "LsrOrder" => {
                let order: LsrOrder = from_screened_with_root(LsrOrder::ROOT, root, text)?;
                Ok(ErrorBody {
                    response_status: None,
                    errors: order.lsr_order_errors.unwrap_or_default(),
                })
            }
            "NoteResponse" | "LsrOrderReportResponse" => {
                let envelope: StatusEnvelopeShape =
                    quick_xml::de::from_str(text).map_err(|e| WireError::Shape {
                        root: if root == "NoteResponse" {
                            NoteResponse::ROOT
                        } else {
                            LsrOrderReportResponse::ROOT
                        },
                        message: e.to_string(),
                    })?;
                Ok(ErrorBody {
                    response_status: envelope.response_status,
                    errors: envelope.lsr_order_errors.unwrap_or_default(),
                })
            }
            other => Err(WireError::unexpected_root(Self::ROOT, other)),
        }
    }
}
