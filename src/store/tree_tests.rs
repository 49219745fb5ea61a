//! Tests of the YAML tree: spans, empty values, flow collections, aliases and errors.

use super::*;

fn root(text: &str) -> Node {
    parse(text).unwrap().unwrap()
}

#[test]
fn spans_of_scalars_and_blocks() {
    let text = "a: 1.10\nb: |-\n  x\n  y\n\n# c\nc: 'q'\n";
    let node = root(text);
    let (_, a) = node.entry(text, "a").unwrap();
    assert_eq!(&text[a.start..a.end], "1.10");
    assert_eq!(a.text(text), Some("1.10"));
    let (_, b) = node.entry(text, "b").unwrap();
    assert_eq!(&text[b.start..b.end], "x\n  y");
    let (_, c) = node.entry(text, "c").unwrap();
    assert_eq!(
        (c.scalar().unwrap().style, &text[c.start..c.end]),
        (ScalarForm::Single, "'q'")
    );
    let quoted_text = "a: 'it''s'  # c\nb: \"say \\\"hi\\\"\"  # d\n";
    let quoted = root(quoted_text);
    let (_, a) = quoted.entry(quoted_text, "a").unwrap();
    assert_eq!((a.end, a.text(quoted_text)), (10, Some("it's")));
    let (_, b) = quoted.entry(quoted_text, "b").unwrap();
    assert_eq!((b.end, b.text(quoted_text)), (31, Some("say \"hi\"")));
    assert_eq!(node.end, text.len() - 1);
}

#[test]
fn empty_values_sit_after_their_colon() {
    let text = "- a:\n  b: 1\n- a: 2\n";
    let node = root(text);
    let (_, a) = node.items()[0].entry(text, "a").unwrap();
    assert_eq!((a.start, a.end), (4, 4));
    assert_eq!(node.items()[0].end, 11);
}

#[test]
fn flow_aliases_and_errors() {
    let text = "x: &k [1, 2]\ny: *k\nz: &s v\nw: *s\n";
    let node = root(text);
    assert_eq!(node.entry(text, "w").unwrap().1.text(text), Some("v"));
    let (_, x) = node.entry(text, "x").unwrap();
    let (_, y) = node.entry(text, "y").unwrap();
    assert!(x.is_flow() && !x.alias && y.alias);
    assert_eq!(y.items().len(), 2);
    let dup = parse("a: 1\nb: 2\na: 3\n").unwrap_err();
    assert_eq!((dup.line, dup.col), (3, 1));
    let deep = "[".repeat(100) + &"]".repeat(100);
    assert!(
        parse(&deep)
            .unwrap_err()
            .message
            .contains("nested too deeply")
    );
    assert!(parse("a: 1\n---\nb: 2\n").is_err());
    assert_eq!(parse("# only a comment\n").unwrap(), None);
}
