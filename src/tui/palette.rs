//! How the screen is drawn: in colour, or (the `NO_COLOR` convention) in plain text where
//! ratings are letters and emphasis is bold. The views take a `Palette`, never a bare flag.

/// Colour, or plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Palette {
    /// Colours for ratings, selections and warnings.
    #[default]
    Colour,
    /// No colour at all: letters, bold and reverse video only.
    Plain,
}

impl Palette {
    /// `Plain` when the `NO_COLOR` environment variable is set and not empty.
    pub fn from_env() -> Palette {
        let plain = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Palette::plain_if(plain)
    }

    /// `Plain` when `plain`, else `Colour`.
    pub fn plain_if(plain: bool) -> Palette {
        if plain {
            Palette::Plain
        } else {
            Palette::Colour
        }
    }

    /// True when no colour may be used.
    pub fn is_plain(self) -> bool {
        self == Palette::Plain
    }
}
