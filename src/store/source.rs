//! The text of a plan file as read: BOM and line-ending facts, and byte offset -> line/column.

/// The decoded text of a file, without its byte-order mark, with what is needed to write it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The text after any BOM.
    pub text: String,
    /// The file started with a UTF-8 byte-order mark.
    pub bom: bool,
    /// The file's lines end in `\r\n`.
    pub crlf: bool,
}

/// Why bytes are not a plan's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodingError {
    /// 1-based line of the first bad byte.
    pub line: usize,
    /// 1-based column (in characters) of the first bad byte.
    pub col: usize,
}

impl Source {
    /// Decodes file bytes as UTF-8, remembering a BOM and CRLF line ends.
    pub fn from_bytes(bytes: &[u8]) -> Result<Source, EncodingError> {
        let (bom, body) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
            Some(rest) => (true, rest),
            None => (false, bytes),
        };
        match std::str::from_utf8(body) {
            Ok(text) => Ok(Source::from_text(text.to_string(), bom)),
            Err(error) => {
                let good = &body[..error.valid_up_to()];
                // The prefix is valid UTF-8 by construction.
                let good = std::str::from_utf8(good).unwrap_or_default();
                let (line, col) = line_col(good, good.len());
                Err(EncodingError { line, col })
            }
        }
    }

    /// Wraps text that is already decoded.
    pub fn from_text(text: String, bom: bool) -> Source {
        let crlf = text.contains("\r\n");
        Source { text, bom, crlf }
    }

    /// The bytes to write for `text` in this file's encoding (BOM kept).
    pub fn encode(&self, text: &str) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(text.len() + 3);
        if self.bom {
            bytes.extend_from_slice(b"\xEF\xBB\xBF");
        }
        bytes.extend_from_slice(text.as_bytes());
        bytes
    }

    /// Converts `\n` line ends of new text to this file's line ends.
    pub fn line_ends(&self, text: String) -> String {
        if self.crlf {
            text.replace('\n', "\r\n")
        } else {
            text
        }
    }
}

/// 1-based line and character column of byte offset `at` in `text`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = floor_char_boundary(text, at.min(text.len()));
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    (line, before[line_start..].chars().count() + 1)
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Start of the line holding byte `at`.
pub fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// Offset just past the line end of the line holding byte `at` (or the text's end).
pub fn next_line_start(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i + 1)
}

/// Converts the parser's character offsets to byte offsets, walking from the last answer.
#[derive(Debug)]
pub struct CharToByte<'a> {
    text: &'a str,
    ascii: bool,
    chars: usize,
    bytes: usize,
}

impl<'a> CharToByte<'a> {
    /// A converter over `text`.
    pub fn new(text: &'a str) -> CharToByte<'a> {
        CharToByte {
            text,
            ascii: text.is_ascii(),
            chars: 0,
            bytes: 0,
        }
    }

    /// The byte offset of character `index` (clamped to the end).
    pub fn byte(&mut self, index: usize) -> usize {
        if self.ascii {
            return index.min(self.text.len());
        }
        while self.chars < index && self.bytes < self.text.len() {
            self.bytes += self.text[self.bytes..]
                .chars()
                .next()
                .map_or(1, char::len_utf8);
            self.chars += 1;
        }
        while self.chars > index {
            self.bytes -= 1;
            while !self.text.is_char_boundary(self.bytes) {
                self.bytes -= 1;
            }
            self.chars -= 1;
        }
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_crlf_and_bad_bytes() {
        let source = Source::from_bytes(b"\xEF\xBB\xBFa: 1\r\nb: 2\r\n").unwrap();
        assert!(source.bom && source.crlf);
        assert_eq!(source.text, "a: 1\r\nb: 2\r\n");
        assert_eq!(source.encode("x"), b"\xEF\xBB\xBFx");
        assert_eq!(
            Source::from_bytes(b"a: 1\nb: \xFF\n"),
            Err(EncodingError { line: 2, col: 4 })
        );
    }

    #[test]
    fn positions() {
        let text = "ab\nçd: e\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 6), (2, 3));
        let mut conv = CharToByte::new(text);
        assert_eq!(conv.byte(4), 5);
        assert_eq!(conv.byte(1), 1);
        assert_eq!(conv.byte(5), 6);
        assert_eq!(line_start(text, 6), 3);
        assert_eq!(next_line_start(text, 3), text.len());
    }
}
