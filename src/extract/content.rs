//! A fast reader of PDF content streams for the page scan (`hidden.rs`).
//!
//! pdf-extract decodes every page's content stream with lopdf's parser to
//! draw it; the scan needs the same operations a second time (colours,
//! clipping, widths), and decoding them again with lopdf was about a
//! quarter of the time of a whole run on a Chromium-printed resume. This
//! reader follows lopdf's content grammar (operators of letters, `*`, `'`
//! and `"`; real before integer; literal strings keeping raw line ends;
//! hex strings; arrays and dictionaries) but only for streams it reads to
//! the end without surprise: anything else (inline images, references in
//! arrays, deep nesting, a token lopdf would stop at) returns `None`, and
//! the scan falls back to lopdf, so the operations always agree with the
//! ones pdf-extract draws.

/// An operand, as far as the scan needs it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Operand {
    Number(f64),
    Name(Vec<u8>),
    Str(Vec<u8>),
    Array(Vec<Operand>),
    /// Booleans, null and dictionaries: kept in place, never read.
    Other,
}

impl Operand {
    /// lopdf's operand, for streams this reader leaves to lopdf.
    pub fn from_object(o: &pdf_extract::Object) -> Operand {
        use pdf_extract::Object;
        match o {
            Object::Integer(i) => Operand::Number(*i as f64),
            Object::Real(r) => Operand::Number(f64::from(*r)),
            Object::Name(n) => Operand::Name(n.clone()),
            Object::String(s, _) => Operand::Str(s.clone()),
            Object::Array(a) => Operand::Array(a.iter().map(Operand::from_object).collect()),
            _ => Operand::Other,
        }
    }

    pub fn number(&self) -> Option<f64> {
        match self {
            Operand::Number(n) => Some(*n),
            _ => None,
        }
    }
}

use std::ops::Range;

/// Deepest nesting of arrays, dictionaries and parentheses read here;
/// lopdf allows 100, deeper streams go to lopdf.
const MAX_DEPTH: usize = 32;

/// Call `visit(operator, operands)` for every operation of `content`, in
/// order. `None` when the stream has something this reader leaves to
/// lopdf; `visit` may then have seen a prefix of the operations, so callers
/// start over with lopdf's operations.
#[cfg(test)]
pub(super) fn each_operation(
    content: &[u8],
    mut visit: impl FnMut(&str, &[Operand]),
) -> Option<()> {
    each_operation_at(content, |operator, operands, _| visit(operator, operands))
}

/// Where one operation's pieces lie in the stream it was read from.
pub(super) struct Spans<'a> {
    /// Each operand's bytes, in order.
    pub operands: &'a [Range<usize>],
    /// The whole operation, first operand to operator.
    pub whole: Range<usize>,
}

/// [`each_operation`], also saying where each operation lies, for callers
/// that copy operations through unchanged.
pub(super) fn each_operation_at(
    content: &[u8],
    mut visit: impl FnMut(&str, &[Operand], Spans<'_>),
) -> Option<()> {
    let mut r = Reader { s: content, i: 0 };
    let mut operands = Vec::new();
    let mut spans = Vec::new();
    r.content_space();
    loop {
        // lopdf takes comments right before an operation, with no
        // spaces between them.
        while r.peek() == Some(b'%') {
            r.comment()?;
        }
        if r.i >= r.s.len() {
            return Some(());
        }
        operands.clear();
        spans.clear();
        let start = r.i;
        loop {
            let from = r.i;
            let Some(op) = r.operand(MAX_DEPTH) else {
                break;
            };
            operands.push(op?);
            spans.push(from..r.i);
            r.content_space();
        }
        let operator = r.operator()?;
        if operator == "BI" {
            return None;
        }
        let whole = start..r.i;
        r.content_space();
        visit(
            operator,
            &operands,
            Spans {
                operands: &spans,
                whole,
            },
        );
    }
}

/// Operators that change nothing in the text pdf-extract draws: paths,
/// painting, clipping, colours, line styles and marked content. The page
/// scan (`hidden.rs`) reads them from the original stream; pdf-extract
/// gets the page without them. (A `match`, not a list: this runs for every
/// operation of every page.)
fn not_for_text(operator: &str) -> bool {
    matches!(
        operator,
        "m" | "l"
            | "c"
            | "v"
            | "y"
            | "h"
            | "re"
            | "S"
            | "s"
            | "f"
            | "F"
            | "f*"
            | "B"
            | "B*"
            | "b"
            | "b*"
            | "n"
            | "W"
            | "W*"
            | "w"
            | "J"
            | "j"
            | "M"
            | "d"
            | "ri"
            | "i"
            | "CS"
            | "cs"
            | "SC"
            | "SCN"
            | "sc"
            | "scn"
            | "G"
            | "g"
            | "RG"
            | "rg"
            | "K"
            | "k"
            | "sh"
            | "BMC"
            | "BDC"
            | "EMC"
            | "MP"
            | "DP"
            | "BX"
            | "EX"
    )
}

/// The page's text operations alone, for pdf-extract to draw: the same
/// glyphs at the same places, without the operations listed in
/// [`not_for_text`], and with empty `q … Q` pairs left out. The "next line
/// and show" operators `'` and `"`, which pdf-extract skips, are spelled
/// out as the operators they stand for (`T*` and `Tj`, with `Tw` and `Tc`
/// for `"`); Ghostscript's `ps2pdf` output of enscript listings uses them.
///
/// Why: pdf-extract decodes a stream into one allocation per operation. A
/// XeTeX page that draws its rules as a thousand short segments made
/// 9 MB of operations, three quarters of a run's memory and most of its
/// time; its text alone is a tenth of that. Operations are copied as the
/// bytes they were, so strings and numbers cannot change on the way.
/// Fed an operation at a time by a caller that reads the stream for the
/// hidden-text scan in the same pass; only valid if the whole stream was
/// read here (not left to lopdf).
pub(super) struct TextOnly {
    out: Vec<u8>,
    /// Where each open `q` was written, to drop it again if nothing
    /// follows before its `Q`.
    saves: Vec<usize>,
}

impl TextOnly {
    pub fn new(content_len: usize) -> TextOnly {
        TextOnly {
            out: Vec::with_capacity(content_len / 4),
            saves: Vec::new(),
        }
    }

    /// The next operation of `content`, read where `at` says.
    pub fn step(&mut self, content: &[u8], operator: &str, at: &Spans<'_>) {
        let write = |out: &mut Vec<u8>, pieces: &[&[u8]]| {
            for piece in pieces {
                out.extend_from_slice(piece);
            }
            out.push(b'\n');
        };
        let raw = |r: &Range<usize>| &content[r.clone()];
        let out = &mut self.out;
        match (operator, at.operands) {
            (op, _) if not_for_text(op) => {}
            ("q", _) => {
                self.saves.push(out.len());
                write(out, &[b"q"]);
            }
            ("Q", _) => match self.saves.pop() {
                Some(q) if out.len() == q + 2 => out.truncate(q),
                _ => write(out, &[b"Q"]),
            },
            ("'", [text]) => {
                write(out, &[b"T*"]);
                write(out, &[raw(text), b" Tj"]);
            }
            ("\"", [word, chars, text]) => {
                write(out, &[raw(word), b" Tw"]);
                write(out, &[raw(chars), b" Tc"]);
                write(out, &[b"T*"]);
                write(out, &[raw(text), b" Tj"]);
            }
            _ => write(out, &[raw(&at.whole)]),
        }
    }

    pub fn finish(self) -> Vec<u8> {
        self.out
    }
}

struct Reader<'a> {
    s: &'a [u8],
    i: usize,
}

fn is_whitespace(c: u8) -> bool {
    b" \t\n\r\0\x0C".contains(&c)
}

fn is_delimiter(c: u8) -> bool {
    b"()<>[]{}/%".contains(&c)
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn starts_with(&self, tag: &[u8]) -> bool {
        self.s[self.i..].starts_with(tag)
    }

    /// Spaces between operations: lopdf's `content_space`.
    fn content_space(&mut self) {
        while self.peek().is_some_and(|c| b" \t\r\n".contains(&c)) {
            self.i += 1;
        }
    }

    /// Spaces and comments inside arrays and dictionaries.
    fn space(&mut self) -> Option<()> {
        loop {
            match self.peek() {
                Some(c) if is_whitespace(c) => self.i += 1,
                Some(b'%') => self.comment()?,
                _ => return Some(()),
            }
        }
    }

    /// `%` to the end of the line; lopdf needs the line end.
    fn comment(&mut self) -> Option<()> {
        while let Some(c) = self.peek() {
            if c == b'\r' || c == b'\n' {
                self.eol();
                return Some(());
            }
            self.i += 1;
        }
        None
    }

    fn eol(&mut self) -> bool {
        if self.starts_with(b"\r\n") {
            self.i += 2;
            true
        } else if matches!(self.peek(), Some(b'\r' | b'\n')) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn operator(&mut self) -> Option<&'a str> {
        let start = self.i;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphabetic() || b"*'\"".contains(&c))
        {
            self.i += 1;
        }
        if self.i == start {
            return None;
        }
        std::str::from_utf8(&self.s[start..self.i]).ok()
    }

    /// The next operand: `None` when there is none here (an operator
    /// follows), `Some(None)` when there is one this reader leaves to lopdf.
    fn operand(&mut self, depth: usize) -> Option<Option<Operand>> {
        if depth == 0 {
            return Some(None);
        }
        let c = self.peek()?;
        let keyword = |r: &mut Self, word: &[u8]| {
            let hit = r.starts_with(word);
            if hit {
                r.i += word.len();
            }
            hit
        };
        if keyword(self, b"null") || keyword(self, b"true") || keyword(self, b"false") {
            return Some(Some(Operand::Other));
        }
        match c {
            b'+' | b'-' | b'.' | b'0'..=b'9' => self.number().map(|n| Some(Operand::Number(n))),
            b'/' => Some(self.name().map(Operand::Name)),
            b'(' => Some(self.literal(MAX_DEPTH).map(Operand::Str)),
            b'<' if self.starts_with(b"<<") => Some(self.dictionary(depth - 1)),
            b'<' => Some(self.hex_string().map(Operand::Str)),
            b'[' => Some(self.array(depth - 1)),
            _ => None,
        }
    }

    /// lopdf's `real` (`1.`, `.5`, `-2.25`), else its `integer`.
    fn number(&mut self) -> Option<f64> {
        let start = self.i;
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.i += 1;
        }
        let digits = |r: &mut Self| {
            let from = r.i;
            while r.peek().is_some_and(|c| c.is_ascii_digit()) {
                r.i += 1;
            }
            r.i - from
        };
        let whole = digits(self);
        if self.peek() == Some(b'.')
            && (whole > 0 || self.s.get(self.i + 1).is_some_and(u8::is_ascii_digit))
        {
            self.i += 1;
            digits(self);
            let text = std::str::from_utf8(&self.s[start..self.i]).ok()?;
            // lopdf reads reals as f32.
            return text.parse::<f32>().ok().map(f64::from);
        }
        if whole == 0 {
            self.i = start;
            return None;
        }
        let text = std::str::from_utf8(&self.s[start..self.i]).ok()?;
        text.parse::<i64>().ok().map(|n| n as f64)
    }

    fn name(&mut self) -> Option<Vec<u8>> {
        self.i += 1;
        let mut out = Vec::new();
        while let Some(c) = self.peek() {
            if c == b'#' {
                let (Some(h), Some(l)) = (
                    self.s.get(self.i + 1).copied().and_then(hex),
                    self.s.get(self.i + 2).copied().and_then(hex),
                ) else {
                    return None;
                };
                out.push(h << 4 | l);
                self.i += 3;
            } else if is_whitespace(c) || is_delimiter(c) {
                break;
            } else {
                out.push(c);
                self.i += 1;
            }
        }
        Some(out)
    }

    /// A literal string; line ends inside are kept as written (as lopdf
    /// does), escaped line ends are dropped.
    fn literal(&mut self, depth: usize) -> Option<Vec<u8>> {
        if depth == 0 {
            return None;
        }
        self.i += 1;
        let mut out = Vec::new();
        loop {
            let c = self.peek()?;
            match c {
                b')' => {
                    self.i += 1;
                    return Some(out);
                }
                b'(' => {
                    out.push(b'(');
                    out.extend(self.literal(depth - 1)?);
                    out.push(b')');
                }
                b'\\' => {
                    self.i += 1;
                    let e = self.peek()?;
                    match e {
                        b'0'..=b'7' => {
                            let mut v: u16 = 0;
                            let mut n = 0;
                            while n < 3 && self.peek().is_some_and(|d| (b'0'..=b'7').contains(&d)) {
                                v = v * 8 + u16::from(self.s[self.i] - b'0');
                                self.i += 1;
                                n += 1;
                            }
                            out.push(v as u8);
                        }
                        b'\r' | b'\n' => {
                            self.eol();
                        }
                        _ => {
                            out.push(match e {
                                b'n' => b'\n',
                                b'r' => b'\r',
                                b't' => b'\t',
                                b'b' => 0x08,
                                b'f' => 0x0C,
                                other => other,
                            });
                            self.i += 1;
                        }
                    }
                }
                _ => {
                    out.push(c);
                    self.i += 1;
                }
            }
        }
    }

    fn hex_string(&mut self) -> Option<Vec<u8>> {
        self.i += 1;
        let mut out = Vec::new();
        let mut high = true;
        loop {
            let c = self.peek()?;
            self.i += 1;
            if c == b'>' {
                return Some(out);
            }
            if is_whitespace(c) {
                continue;
            }
            let d = hex(c)?;
            if high {
                out.push(d << 4);
            } else if let Some(last) = out.last_mut() {
                *last |= d;
            }
            high = !high;
        }
    }

    fn array(&mut self, depth: usize) -> Option<Operand> {
        self.i += 1;
        self.space()?;
        let mut items = Vec::new();
        loop {
            if self.peek()? == b']' {
                self.i += 1;
                return Some(Operand::Array(items));
            }
            items.push(self.operand(depth)??);
            self.space()?;
        }
    }

    fn dictionary(&mut self, depth: usize) -> Option<Operand> {
        self.i += 2;
        self.space()?;
        loop {
            if self.starts_with(b">>") {
                self.i += 2;
                return Some(Operand::Other);
            }
            if self.peek()? != b'/' {
                return None;
            }
            self.name()?;
            self.space()?;
            self.operand(depth)??;
            self.space()?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ours(content: &[u8]) -> Option<Vec<(String, Vec<Operand>)>> {
        let mut out = Vec::new();
        each_operation(content, |op, operands| {
            out.push((op.to_string(), operands.to_vec()))
        })?;
        Some(out)
    }

    fn lopdf(content: &[u8]) -> Vec<(String, Vec<Operand>)> {
        pdf_extract::content::Content::decode(content)
            .map(|c| {
                c.operations
                    .iter()
                    .map(|op| {
                        (
                            op.operator.clone(),
                            op.operands.iter().map(Operand::from_object).collect(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn reads_what_lopdf_reads() {
        let samples: [&[u8]; 6] = [
            b"BT /F1 12 Tf 72 700 Td (Hello \\(world\\) \\101\\n) Tj ET",
            b"q 0.75 0 0 -0.75 0 792 cm 1 1 1 rg 0 0 220.8 1056 re W n Q",
            b"BT [<002d>0<0052>-35.5<0056>] TJ 11 TL (next)' 1 .5 (quoted)\" ET",
            b"% a comment\r\n/P <</MCID 0>> BDC (a\r\nb) Tj EMC",
            b"BT (nested (parens) ok) Tj <48 65 6C 6c 6F 2> Tj ET",
            b"/Name#20with#20spaces gs 1. -.5 +3 re f*",
        ];
        for s in samples {
            assert_eq!(
                ours(s).expect("read"),
                lopdf(s),
                "{}",
                String::from_utf8_lossy(s)
            );
        }
    }

    #[test]
    fn leaves_the_unusual_to_lopdf() {
        assert_eq!(ours(b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q"), None);
        assert_eq!(ours(b"[1 0 R] TJ"), None);
        assert_eq!(ours(b"(unterminated Tj"), None);
        assert_eq!(ours(b"% comment without end"), None);
        assert_eq!(ours(b"1 2 }"), None);
    }

    /// Every page of every PDF in the repository reads the same here as
    /// with lopdf (or is left to lopdf).
    #[test]
    fn agrees_with_lopdf_on_every_fixture_page() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for dir in ["fixtures", "tests/eval/resumes"] {
            for entry in walkdir::WalkDir::new(root.join(dir)).into_iter().flatten() {
                if entry.path().extension().is_some_and(|e| e == "pdf") {
                    files.push(entry.path().to_path_buf());
                }
            }
        }
        assert!(files.len() > 150, "{} PDFs", files.len());
        let (mut pages, mut ours_read) = (0, 0);
        for path in files {
            let Ok(doc) = pdf_extract::Document::load(&path) else {
                continue;
            };
            for (_, page) in doc.get_pages() {
                let Ok(content) = doc.get_page_content(page) else {
                    continue;
                };
                pages += 1;
                if let Some(read) = ours(&content) {
                    ours_read += 1;
                    assert_eq!(read, lopdf(&content), "{}", path.display());
                }
            }
        }
        assert!(
            ours_read * 10 >= pages * 9,
            "{ours_read} of {pages} pages read here"
        );
    }

    /// Differential check on damaged streams: byte flips, cuts and
    /// insertions of PDF syntax into real page contents. Whatever this
    /// reader accepts, it reads as lopdf does, and it never panics.
    #[test]
    fn damaged_streams_read_as_lopdf_or_not_at_all() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let seeds: Vec<Vec<u8>> = [
            "fixtures/producers/pdf/01-jose-nunez-backend.chromium.pdf",
            "fixtures/producers/pdf/01-jose-nunez-backend.typst.pdf",
            "fixtures/producers/pdf/01-jose-nunez-backend.groff-ms.pdf",
            "fixtures/producers/pdf/01-jose-nunez-backend.pdflatex-moderncv.pdf",
            "fixtures/integrity/white-text.pdf",
        ]
        .iter()
        .filter_map(|p| pdf_extract::Document::load(root.join(p)).ok())
        .filter_map(|doc| {
            let page = *doc.get_pages().values().next()?;
            doc.get_page_content(page).ok()
        })
        .collect();
        assert_eq!(seeds.len(), 5);
        let mut damage = super::super::damage::Damage::new(0x9E37_79B9_7F4A_7C15);
        let pieces: [&[u8]; 12] = [
            b"(", b")", b"<", b">", b"[", b"]", b"<<", b"\\", b"%", b"\n", b"/", b" BI ",
        ];
        let (mut accepted, mut total) = (0, 0);
        for round in 0..1500 {
            let s = damage.apply(&seeds[round % seeds.len()], 4, &pieces, 16);
            total += 1;
            if let Some(read) = ours(&s) {
                accepted += 1;
                assert_eq!(
                    read,
                    lopdf(&s),
                    "round {round}: {}",
                    String::from_utf8_lossy(&s)
                );
            }
        }
        assert!(
            accepted > total / 4,
            "{accepted} of {total} damaged streams read here"
        );
    }
}
