//! The summary chart: RAG counts per theme as horizontal stacked bars, in inline SVG, each
//! segment lettered and counted so it reads in greyscale too.

use super::colour::{self, css};
use super::html::escape;
use super::paper::Paper;
use super::words;
use crate::model::Rag;
use std::fmt::Write;

const WIDTH: usize = 900;
const LABEL: usize = 260;
const ROW: usize = 30;
const BAR: usize = 20;
const TOP: usize = 34;
const ORDER: [Option<Rag>; 5] = [
    Some(Rag::Red),
    Some(Rag::Amber),
    Some(Rag::Green),
    Some(Rag::Blue),
    None,
];

/// The chart as an `<svg>` element, with a title and description for screen readers.
pub fn chart(paper: &Paper) -> String {
    let height = TOP + ROW * paper.themes.len().max(1) + 8;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" \
xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" \
font-family=\"Arial,Helvetica,sans-serif\" font-size=\"13\">\
<title id=\"chart-title\">Actions by rating, per theme</title><desc id=\"chart-desc\">{}</desc>",
        escape(&description(paper))
    );
    legend(&mut out);
    let most = paper
        .themes
        .iter()
        .map(|t| t.counts.total())
        .max()
        .unwrap_or(0)
        .max(1);
    let scale = (WIDTH - LABEL - 10) as f64 / most as f64;
    for (row, theme) in paper.themes.iter().enumerate() {
        let y = TOP + row * ROW;
        let label = crate::text::clip(&format!("{} {}", theme.reference, theme.title), 36);
        let _ = write!(
            out,
            "<text x=\"0\" y=\"{}\" fill=\"{}\">{}</text>",
            y + 15,
            css(colour::TEXT),
            escape(&label)
        );
        let mut x = LABEL as f64;
        for rag in ORDER {
            let count = theme.counts.get(rag);
            if count == 0 {
                continue;
            }
            let width = count as f64 * scale;
            segment(&mut out, rag, count, x, y, width);
            x += width;
        }
    }
    out.push_str("</svg>");
    out
}

fn legend(out: &mut String) {
    let mut x = LABEL;
    for rag in ORDER {
        let (fill, text) = colour::rag(rag);
        let _ = write!(
            out,
            "<rect x=\"{x}\" y=\"4\" width=\"18\" height=\"18\" fill=\"{}\" stroke=\"#595959\"/>\
<text x=\"{}\" y=\"18\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"{}\">{}</text>\
<text x=\"{}\" y=\"18\" fill=\"{}\">{}</text>",
            css(fill),
            x + 9,
            css(text),
            letter(rag),
            x + 23,
            css(colour::TEXT),
            words::rag(rag)
        );
        x += 23 + 9 * words::rag(rag).len() + 18;
    }
}

fn segment(out: &mut String, rag: Option<Rag>, count: usize, x: f64, y: usize, width: f64) {
    let (fill, text) = colour::rag(rag);
    let _ = write!(
        out,
        "<rect x=\"{x:.1}\" y=\"{y}\" width=\"{width:.1}\" height=\"{BAR}\" fill=\"{}\" stroke=\"#ffffff\"><title>{}: {count}</title></rect>",
        css(fill),
        words::rag(rag)
    );
    let label = if width >= 34.0 {
        format!("{} {count}", letter(rag))
    } else if width >= 14.0 {
        count.to_string()
    } else {
        return;
    };
    let _ = write!(
        out,
        "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"{}\">{label}</text>",
        x + width / 2.0,
        y + 15,
        css(text)
    );
}

/// The rating's letter: R, A, G, B, or ? when not rated.
pub fn letter(rag: Option<Rag>) -> char {
    rag.map_or('?', Rag::letter)
}

fn description(paper: &Paper) -> String {
    paper
        .themes
        .iter()
        .map(|t| {
            let counts: Vec<String> = ORDER
                .iter()
                .filter(|r| t.counts.get(**r) > 0)
                .map(|r| format!("{} {}", t.counts.get(*r), words::rag(*r).to_lowercase()))
                .collect();
            let counts = if counts.is_empty() {
                "no actions".to_string()
            } else {
                counts.join(", ")
            };
            format!("Theme {}: {counts}.", t.reference)
        })
        .collect::<Vec<_>>()
        .join(" ")
}
