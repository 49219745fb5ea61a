//! The colours of the published paper, one table for HTML and Excel, and the WCAG contrast ratio
//! that proves each text colour readable on its background (at least 4.5:1).

use crate::model::Rag;

/// A colour as `0xRRGGBB`.
pub type Rgb = u32;

/// Body text.
pub const TEXT: Rgb = 0x1A1A1A;
/// Secondary text (captions, notes).
pub const MUTED: Rgb = 0x4D4D4D;
/// Page background.
pub const PAGE: Rgb = 0xFFFFFF;
/// Table header background (white text on it).
pub const HEADER: Rgb = 0x1F3A5F;
/// Text on the table header.
pub const HEADER_TEXT: Rgb = 0xFFFFFF;
/// Background of milestone rows and the cover block.
pub const SHADE: Rgb = 0xF2F4F7;
/// Exceptions and "worsened" marks.
pub const ALERT: Rgb = 0xA4161A;

/// The fill and text colour of a rating's cell (`None`: not rated).
pub fn rag(rag: Option<Rag>) -> (Rgb, Rgb) {
    match rag {
        Some(Rag::Red) => (0xC62828, 0xFFFFFF),
        Some(Rag::Amber) => (0xFFB300, 0x1A1A1A),
        Some(Rag::Green) => (0x2E7D32, 0xFFFFFF),
        Some(Rag::Blue) => (0x1565C0, 0xFFFFFF),
        None => (0xE0E0E0, 0x1A1A1A),
    }
}

/// `#rrggbb`, for CSS and SVG.
pub fn css(colour: Rgb) -> String {
    format!("#{colour:06x}")
}

/// Every text colour used on every background it is used on (for the contrast test).
pub fn pairs() -> Vec<(Rgb, Rgb)> {
    let mut pairs = vec![
        (TEXT, PAGE),
        (MUTED, PAGE),
        (TEXT, SHADE),
        (MUTED, SHADE),
        (HEADER_TEXT, HEADER),
        (ALERT, PAGE),
        (ALERT, SHADE),
    ];
    for r in [
        Some(Rag::Red),
        Some(Rag::Amber),
        Some(Rag::Green),
        Some(Rag::Blue),
        None,
    ] {
        let (fill, text) = rag(r);
        pairs.push((text, fill));
    }
    pairs
}

/// WCAG 2 contrast ratio between two colours, from 1 (none) to 21 (black on white).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// Relative luminance (WCAG 2).
fn luminance(colour: Rgb) -> f64 {
    let channel = |shift: u32| {
        let c = f64::from((colour >> shift) & 0xFF) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_formula_matches_known_values() {
        assert!((contrast(0x000000, 0xFFFFFF) - 21.0).abs() < 1e-9);
        assert!((contrast(0xFFFFFF, 0xFFFFFF) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1 threshold grey.
        assert!((contrast(0x767676, 0xFFFFFF) - 4.54).abs() < 0.01);
    }

    #[test]
    fn every_text_colour_is_readable_on_its_background() {
        for (text, background) in pairs() {
            let ratio = contrast(text, background);
            assert!(
                ratio >= 4.5,
                "{} on {} is {ratio:.2}:1",
                css(text),
                css(background)
            );
        }
    }
}
