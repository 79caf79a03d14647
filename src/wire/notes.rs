//! Order notes: the `<Notes>` list (GET) and the `<Note>` body (POST and PUT).

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::error::WireError;
use super::text;
use super::writer::XmlWriter;
use super::{FromXml, ToXml, from_screened_with_root};

/// One note. A request body carries `UserId` and `Description` only (the user must match the
/// authenticated one); the list adds `Id` and `LastDateModifier`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Note {
    /// An opaque identifier (numeric at Bandwidth); also the tail of the POST `Location`.
    #[serde(rename = "Id", deserialize_with = "text::opt_text")]
    pub id: Option<String>,
    #[serde(
        rename = "UserId",
        alias = "userId",
        deserialize_with = "text::opt_text"
    )]
    pub user_id: Option<String>,
    #[serde(rename = "Description", deserialize_with = "text::opt_text")]
    pub description: Option<String>,
    /// Bandwidth's spelling (not "LastDateModified").
    #[serde(rename = "LastDateModifier", deserialize_with = "text::opt_timestamp")]
    pub last_date_modifier: Option<String>,
}

impl Note {
    /// The body of POST/PUT `…/notes`.
    pub fn request(user_id: impl Into<String>, description: impl Into<String>) -> Note {
        Note {
            user_id: Some(user_id.into()),
            description: Some(description.into()),
            ..Note::default()
        }
    }

    /// When the note was last changed.
    pub fn modified_at(&self) -> Option<DateTime<Utc>> {
        self.last_date_modifier
            .as_deref()
            .and_then(text::parse_wire_timestamp)
    }

    fn write(&self, out: &mut XmlWriter) -> Result<(), WireError> {
        out.open("Note");
        out.leaf_opt("Id", self.id.as_deref())?;
        out.leaf_opt("UserId", self.user_id.as_deref())?;
        out.leaf_opt("Description", self.description.as_deref())?;
        out.leaf_opt("LastDateModifier", self.last_date_modifier.as_deref())?;
        out.close("Note");
        Ok(())
    }
}

/// The notes of one order (GET `…/notes`; an order without notes answers 204, no body).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Notes {
    #[serde(rename = "Note")]
    pub notes: Vec<Note>,
}

impl ToXml for Note {
    fn write_xml(&self, out: &mut XmlWriter) -> Result<(), WireError> {
        self.write(out)
    }
}

impl FromXml for Note {
    const ROOT: &'static str = "Note";

    fn from_screened(root: &str, text: &str) -> Result<Self, WireError> {
        from_screened_with_root(Self::ROOT, root, text)
    }
}

impl ToXml for Notes {
    fn write_xml(&self, out: &mut XmlWriter) -> Result<(), WireError> {
        if self.notes.is_empty() {
            out.empty(Self::ROOT);
            return Ok(());
        }
        out.open(Self::ROOT);
        for note in &self.notes {
            note.write(out)?;
        }
        out.close(Self::ROOT);
        Ok(())
    }
}

impl FromXml for Notes {
    const ROOT: &'static str = "Notes";

    fn from_screened(root: &str, text: &str) -> Result<Self, WireError> {
        from_screened_with_root(Self::ROOT, root, text)
    }
}
