//! The HTML paper's one stylesheet: screen and print (A4 landscape, header rows repeated on every
//! page, rows kept whole, page numbers in the margin where the browser supports them).

use super::colour::{self, css};
use crate::model::Rag;

/// The stylesheet, with the colours of [`colour`].
pub fn stylesheet() -> String {
    let mut out = format!(
        "body{{font-family:\"Segoe UI\",Arial,Helvetica,sans-serif;color:{text};background:{page};\
margin:0 auto;max-width:1200px;padding:1rem 1.5rem;line-height:1.35;font-size:11pt}}\n\
h1{{font-size:1.7rem;margin:.2rem 0}}h2{{font-size:1.3rem;margin:1.6rem 0 .4rem;break-after:avoid}}\
h3{{font-size:1.05rem;margin:1rem 0 .3rem;break-after:avoid}}\n\
.cover{{background:{shade};border-left:6px solid {header};padding:1rem 1.25rem;margin-bottom:1rem}}\n\
.cover .board{{font-size:1.1rem;font-weight:600;margin:0}}.cover .vision{{font-style:italic;margin:.4rem 0}}\n\
.cover dl{{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.6rem 0 0}}\
.cover dt{{font-weight:600}}.cover dd{{margin:0}}\n\
.muted,.note{{color:{muted}}}.note{{font-size:.9em}}\n\
.t{{white-space:pre-wrap;overflow-wrap:anywhere}}\n\
table{{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}}\
th,td{{border:1px solid #8c8c8c;padding:.3rem .4rem;vertical-align:top;text-align:left}}\n\
thead th{{background:{header};color:{header_text}}}tbody th{{font-weight:600}}.actions tbody th,.exceptions tbody th{{white-space:nowrap}}\n\
tfoot td,tfoot th{{font-weight:700;background:{shade}}}\n\
td.n,th.n{{text-align:right}}\n\
tr.milestone td:not(.rag),tr.milestone th{{background:{shade};font-size:.92em}}\n\
.rag{{font-weight:700;white-space:nowrap;text-align:center}}\
.letter{{display:inline-block;min-width:1.1em;border:1px solid currentColor;border-radius:3px;padding:0 .15em;margin-right:.25em}}\n\
.derived{{font-weight:400;font-size:.85em}}\n\
.flag{{color:{alert};font-weight:700}}\n\
.chart{{width:100%;max-width:900px;height:auto}}\n\
.col-ref{{width:4.5em}}.col-action{{width:30%}}.col-owner{{width:13%}}.col-due{{width:10%}}.col-rag{{width:7em}}.col-since{{width:10em}}\n\
@page{{size:A4 landscape;margin:12mm 12mm 15mm;\
@bottom-center{{content:\"Page \" counter(page) \" of \" counter(pages);font-size:9pt;color:{muted}}}}}\n\
@media print{{body{{max-width:none;padding:0;font-size:9.5pt}}\
*{{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\
thead{{display:table-header-group}}tfoot{{display:table-row-group}}\
tr,.cover,.chart{{break-inside:avoid;page-break-inside:avoid}}\
section.theme{{break-before:page}}}}\n",
        text = css(colour::TEXT),
        page = css(colour::PAGE),
        shade = css(colour::SHADE),
        header = css(colour::HEADER),
        header_text = css(colour::HEADER_TEXT),
        muted = css(colour::MUTED),
        alert = css(colour::ALERT),
    );
    for rag in [
        Some(Rag::Red),
        Some(Rag::Amber),
        Some(Rag::Green),
        Some(Rag::Blue),
        None,
    ] {
        let (fill, text) = colour::rag(rag);
        out.push_str(&format!(
            ".r-{}{{background:{};color:{}}}\n",
            rag_class(rag),
            css(fill),
            css(text)
        ));
    }
    out
}

/// The CSS class suffix of a rating: `red` ... `blue`, `none`.
pub fn rag_class(rag: Option<Rag>) -> &'static str {
    rag.map_or("none", Rag::as_str)
}
