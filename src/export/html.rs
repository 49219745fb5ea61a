//! The board paper as one self-contained HTML file: inline CSS and SVG only, nothing fetched.
//! A cover block, a summary (chart, counts, exceptions), then a table per theme.

use super::html_chart::{chart, letter};
use super::html_css::{rag_class, stylesheet};
use super::html_theme::theme;
use super::paper::Paper;
use super::words;
use crate::model::Rag;
use std::fmt::Write;

/// The paper as an HTML document.
pub fn html(paper: &Paper) -> String {
    let mut out = String::with_capacity(4096 + paper.themes.len() * 4096);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{} — {}</title>\n<style>\n{}</style>\n</head>\n<body>\n",
        escape(&paper.board),
        escape(&paper.title),
        stylesheet()
    );
    cover(&mut out, paper);
    out.push_str("<main>\n");
    summary(&mut out, paper);
    for (index, section) in paper.themes.iter().enumerate() {
        theme(&mut out, paper, section, index);
    }
    let _ = write!(
        out,
        "</main>\n<footer class=\"note\"><p>{} {}, as at {}. Written by boardplan.</p></footer>\n</body>\n</html>\n",
        escape(&paper.board),
        escape(&paper.title),
        words::day(paper.as_at)
    );
    out
}

/// Text made safe for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A rating's cell content: its letter in a box, then its word.
pub fn rag_badge(rag: Option<Rag>) -> String {
    format!(
        "<span class=\"letter\" aria-hidden=\"true\">{}</span>{}",
        letter(rag),
        words::rag(rag)
    )
}

/// A table cell holding a rating, coloured and lettered.
pub fn rag_cell(out: &mut String, rag: Option<Rag>) {
    let _ = write!(
        out,
        "<td class=\"rag r-{}\">{}</td>",
        rag_class(rag),
        rag_badge(rag)
    );
}

fn cover(out: &mut String, paper: &Paper) {
    let _ = write!(
        out,
        "<header class=\"cover\">\n<p class=\"board\">{}</p>\n<h1>{}</h1>\n",
        escape(&paper.board),
        escape(&paper.title)
    );
    if let Some(vision) = &paper.vision {
        let _ = writeln!(out, "<p class=\"vision t\">{}</p>", escape(vision));
    }
    out.push_str("<dl>\n");
    let mut item = |term: &str, value: &str| {
        let _ = writeln!(out, "<dt>{term}</dt><dd class=\"t\">{}</dd>", escape(value));
    };
    for (term, value) in paper.cover_facts() {
        item(term, &value);
    }
    for (label, text) in &paper.custom {
        item(label, text);
    }
    out.push_str("</dl>\n");
    history(out, paper);
    out.push_str("</header>\n");
}

/// The version history as a table in the cover.
fn history(out: &mut String, paper: &Paper) {
    if paper.history.is_empty() {
        return;
    }
    out.push_str(
        "<table class=\"history\">\n<caption class=\"note\">Version history</caption>\n\
<thead><tr><th scope=\"col\">Version</th><th scope=\"col\">Date</th><th scope=\"col\">Author</th>\
<th scope=\"col\">Note</th></tr></thead>\n<tbody>\n",
    );
    for row in &paper.history {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td class=\"t\">{}</td></tr>",
            escape(&row.version),
            escape(&row.date),
            escape(&row.author),
            escape(&row.note)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn summary(out: &mut String, paper: &Paper) {
    out.push_str("<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n");
    out.push_str(&chart(paper));
    out.push_str(
        "\n<table class=\"counts\">\n<caption class=\"note\">Actions by rating, per theme</caption>\n\
<thead><tr><th scope=\"col\">Theme</th><th scope=\"col\" class=\"n\">Red</th><th scope=\"col\" class=\"n\">Amber</th>\
<th scope=\"col\" class=\"n\">Green</th><th scope=\"col\" class=\"n\">Blue</th><th scope=\"col\" class=\"n\">Not rated</th>\
<th scope=\"col\" class=\"n\">Total</th><th scope=\"col\" class=\"n\">Overdue</th></tr></thead>\n<tbody>\n",
    );
    for section in &paper.themes {
        let overdue = section.actions.iter().filter(|a| a.overdue).count();
        let label = format!("{} {}", section.reference, section.title);
        count_row(out, &label, &section.counts, overdue);
    }
    out.push_str("</tbody>\n<tfoot>\n");
    count_row(out, "All themes", &paper.totals, paper.overdue());
    out.push_str("</tfoot>\n</table>\n");
    if let Some(note) = paper.derived_note() {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(&note));
    }
    exceptions(out, paper);
    out.push_str("</section>\n");
}

fn count_row(out: &mut String, label: &str, counts: &crate::model::RagCounts, overdue: usize) {
    let _ = write!(out, "<tr><th scope=\"row\">{}</th>", escape(label));
    for rag in [
        Some(Rag::Red),
        Some(Rag::Amber),
        Some(Rag::Green),
        Some(Rag::Blue),
        None,
    ] {
        let _ = write!(out, "<td class=\"n\">{}</td>", counts.get(rag));
    }
    let _ = writeln!(
        out,
        "<td class=\"n\">{}</td><td class=\"n\">{overdue}</td></tr>",
        counts.total()
    );
}

fn exceptions(out: &mut String, paper: &Paper) {
    let list = paper.exceptions();
    out.push_str("<h3>Exceptions</h3>\n");
    if list.is_empty() {
        out.push_str("<p>No action is red, overdue or worse than before.</p>\n");
        return;
    }
    out.push_str(
        "<table class=\"exceptions\">\n<thead><tr><th scope=\"col\" class=\"col-ref\">Ref</th>\
<th scope=\"col\">Action</th><th scope=\"col\" class=\"col-due\">Timescale</th>\
<th scope=\"col\" class=\"col-rag\">RAG</th><th scope=\"col\">Why</th></tr></thead>\n<tbody>\n",
    );
    for exception in list {
        let action = exception.action;
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"t\">{}</td><td>{}</td>",
            escape(&action.reference),
            escape(crate::text::first_line(&action.action)),
            escape(&action.due)
        );
        super::html_theme::action_rag(out, action);
        let _ = writeln!(
            out,
            "<td class=\"flag\">{}</td></tr>",
            escape(&exception.reasons.join(", "))
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<script>alert(\"R&A's\")</script>"),
            "&lt;script&gt;alert(&quot;R&amp;A&#39;s&quot;)&lt;/script&gt;"
        );
    }
}
