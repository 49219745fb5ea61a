//! RAG ratings: red, amber, green and blue (complete); absence means "not yet rated".

use serde::Serialize;
use std::fmt;

/// A Red / Amber / Green / Blue rating. An unrated item holds `None` instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rag {
    /// Off track: needs the board's attention.
    Red,
    /// At risk or partly on track.
    Amber,
    /// On track.
    Green,
    /// Complete.
    Blue,
}

impl Rag {
    /// Every rating, worst first.
    pub const ALL: [Rag; 4] = [Rag::Red, Rag::Amber, Rag::Green, Rag::Blue];

    /// Reads a rating in any capitalisation (`Red`, `AMBER`); only the full words are accepted.
    pub fn parse(text: &str) -> Option<Rag> {
        match text.trim().to_ascii_lowercase().as_str() {
            "red" => Some(Rag::Red),
            "amber" => Some(Rag::Amber),
            "green" => Some(Rag::Green),
            "blue" => Some(Rag::Blue),
            _ => None,
        }
    }

    /// The canonical (lower-case) spelling used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Rag::Red => "red",
            Rag::Amber => "amber",
            Rag::Green => "green",
            Rag::Blue => "blue",
        }
    }

    /// One capital letter, for tables and colourless terminals.
    pub fn letter(self) -> char {
        match self {
            Rag::Red => 'R',
            Rag::Amber => 'A',
            Rag::Green => 'G',
            Rag::Blue => 'B',
        }
    }
}

impl fmt::Display for Rag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_any_capitalisation_and_rejects_others() {
        assert_eq!(Rag::parse("Green"), Some(Rag::Green));
        assert_eq!(Rag::parse("AMBER"), Some(Rag::Amber));
        assert_eq!(Rag::parse(" red "), Some(Rag::Red));
        assert_eq!(Rag::parse("blue"), Some(Rag::Blue));
        assert_eq!(Rag::parse("purple"), None);
        assert_eq!(Rag::parse("g"), None);
    }
}
