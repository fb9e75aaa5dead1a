//! ToUnicode CMaps, rewritten compactly before pdf-extract reads them.
//!
//! pdf-extract parses a font's ToUnicode CMap (with adobe-cmap-parser, a
//! parser-combinator lexer that formats an error message for every
//! alternative it rejects) each time a page uses the font. On a one-page
//! pdfTeX moderncv resume that was 64% of all instructions of a run (by
//! callgrind). Here each CMap is read once per document into the mapping
//! pdf-extract would build from it, and written back (in memory) as the
//! fewest tokens that give the same mapping: runs of consecutive codes as
//! `bfrange`s, everything else as `bfchar`s, no header.
//!
//! The mapping is built exactly as adobe-cmap-parser builds it, token by
//! token, so the rewrite changes nothing pdf-extract reads. Anything this
//! reader does not follow to the letter (arrays of destinations, literal
//! strings as codes, destinations of odd or unusual lengths, ranges of
//! more than 65,536 codes, anything pdf-extract would refuse or panic on)
//! leaves the stream as it was.

use std::collections::BTreeMap;

/// Largest range of codes expanded here.
const MAX_RANGE: u32 = 65_536;

/// A token as adobe-cmap-parser's lexer sees it, as far as the mapping
/// needs: hex strings, integers and operators; the rest (names,
/// dictionaries, literal strings, reals, arrays) only hold a place.
#[derive(Debug, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Int(i64),
    Op(Vec<u8>),
    Other,
}

/// The compact CMap with the same mapping as `cmap`, or `None` to leave
/// `cmap` as it is. With `drawn`, only the codes that may be drawn are
/// kept (and codes over two bytes, which `Codes` does not track): pdf-extract
/// looks a code up only when drawing it.
pub(super) fn compact(cmap: &[u8], drawn: Option<&Codes>) -> Option<Vec<u8>> {
    // The lexer recurses into arrays and dictionaries.
    if super::limits::syntax_depth(cmap) > super::limits::MAX_SYNTAX_DEPTH {
        return None;
    }
    let tokens = lex(cmap)?;
    let mut map = mapping(&tokens)?;
    if map.is_empty() {
        return None;
    }
    if let Some(drawn) = drawn {
        map.retain(|&code, _| drawn.may_hold(code));
    }
    Some(write(&map))
}

/// Character codes a document may draw, as far as two bytes: every byte
/// and every pair of adjacent bytes of every string it shows, a superset
/// of the codes of any font whatever its code length.
pub(super) struct Codes(Vec<u64>);

impl Default for Codes {
    fn default() -> Codes {
        Codes(vec![0; 1 << 10])
    }
}

impl Codes {
    fn set(&mut self, code: u32) {
        self.0[code as usize >> 6] |= 1 << (code & 63);
    }

    pub fn add_shown(&mut self, string: &[u8]) {
        for &b in string {
            self.set(u32::from(b));
        }
        for pair in string.windows(2) {
            self.set(u32::from(u16::from_be_bytes([pair[0], pair[1]])));
        }
    }

    pub fn add(&mut self, other: &Codes) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }

    fn may_hold(&self, code: u32) -> bool {
        code > 0xFFFF || self.0[code as usize >> 6] & (1 << (code & 63)) != 0
    }
}

/// The code → UTF-16BE bytes mapping adobe-cmap-parser builds from these
/// tokens (its `get_unicode_map`), with pdf-extract's checks on the values;
/// `None` wherever either would fail or this module does not follow it.
/// Whether pdf-extract would choke on this map, which [`compact`] left
/// alone: nested deeper than its parser recurses, or a range wider than
/// [`MAX_RANGE`] (it expands every code: 16 M of them for one line of
/// `<000000> <FFFFFF>`).
pub(super) fn too_costly(cmap: &[u8]) -> bool {
    if super::limits::syntax_depth(cmap) > super::limits::MAX_SYNTAX_DEPTH {
        return true;
    }
    let Some(tokens) = lex(cmap) else {
        return false;
    };
    let code = |t: &Token| match t {
        Token::Hex(b) if (1..=4).contains(&b.len()) => {
            Some(b.iter().fold(0u32, |c, &x| (c << 8) | u32::from(x)))
        }
        _ => None,
    };
    let mut in_ranges = false;
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Op(op) if op == b"beginbfrange" => in_ranges = true,
            Token::Op(op) if op == b"endbfrange" => in_ranges = false,
            t if in_ranges => {
                if let (Some(low), Some(high)) = (code(t), tokens.get(i + 1).and_then(code)) {
                    if high.saturating_sub(low) >= MAX_RANGE {
                        return true;
                    }
                    i += 3;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    false
}

fn mapping(tokens: &[Token]) -> Option<BTreeMap<u32, Vec<u8>>> {
    fn hex(t: Option<&Token>) -> Option<&Vec<u8>> {
        match t {
            Some(Token::Hex(bytes)) => Some(bytes),
            _ => None,
        }
    }
    let code = |bytes: &[u8]| {
        (1..=4)
            .contains(&bytes.len())
            .then(|| bytes.iter().fold(0u32, |c, &b| (c << 8) | u32::from(b)))
    };
    let mut map = BTreeMap::new();
    let mut i = 0;
    while i < tokens.len() {
        let Token::Op(op) = &tokens[i] else {
            i += 1;
            continue;
        };
        let ranges = match op.as_slice() {
            b"beginbfchar" => false,
            b"beginbfrange" => true,
            _ => {
                i += 1;
                continue;
            }
        };
        let count = match i.checked_sub(1).map(|p| &tokens[p]) {
            Some(Token::Int(n)) if *n >= 0 => *n as usize,
            _ => return None,
        };
        i += 1;
        for _ in 0..count {
            if !ranges {
                let (from, to) = (hex(tokens.get(i))?, hex(tokens.get(i + 1))?);
                map.insert(code(from)?, to.clone());
                i += 2;
                continue;
            }
            let (low, high) = (code(hex(tokens.get(i))?)?, code(hex(tokens.get(i + 1))?)?);
            let start = hex(tokens.get(i + 2))?;
            if high >= low && high - low >= MAX_RANGE {
                return None;
            }
            match start.len() {
                2 => {
                    let first = u16::from_be_bytes([start[0], start[1]]);
                    for c in low..=high {
                        let value = first.checked_add(u16::try_from(c - low).ok()?)?;
                        map.insert(c, value.to_be_bytes().to_vec());
                    }
                }
                4 => {
                    let first = u32::from_be_bytes([start[0], start[1], start[2], start[3]]);
                    for c in low..=high {
                        map.insert(c, first.checked_add(c - low)?.to_be_bytes().to_vec());
                    }
                }
                _ => return None,
            }
            i += 3;
        }
        i += 1;
    }
    // pdf-extract's reading of each value: UTF-16BE, even length, valid
    // (a lone surrogate alone is skipped there, and kept as it is here).
    for value in map.values() {
        if value.len() % 2 != 0 {
            return None;
        }
        let units: Vec<u16> = value
            .chunks(2)
            .map(|p| u16::from_be_bytes([p[0], p[1]]))
            .collect();
        let lone = matches!(units.as_slice(), [0xD800..=0xDFFF]);
        if !lone && String::from_utf16(&units).is_err() {
            return None;
        }
    }
    Some(map)
}

/// The mapping as a CMap of `bfrange`s (runs of codes whose values are one
/// UTF-16 unit each, counting up together) and `bfchar`s (the rest).
fn write(map: &BTreeMap<u32, Vec<u8>>) -> Vec<u8> {
    // A single unit that is not a surrogate can start or extend a run.
    let unit = |v: &[u8]| match v {
        [a, b] => Some(u16::from_be_bytes([*a, *b])).filter(|u| !(0xD800..=0xDFFF).contains(u)),
        _ => None,
    };
    let mut ranges: Vec<(u32, u32, u16)> = Vec::new();
    let mut chars: Vec<(u32, &[u8])> = Vec::new();
    for (&code, value) in map {
        match (unit(value), ranges.last_mut()) {
            (Some(u), Some((low, high, first)))
                if high.checked_add(1) == Some(code)
                    && u32::from(*first) + (code - *low) == u32::from(u) =>
            {
                *high = code;
            }
            (Some(u), _) => ranges.push((code, code, u)),
            (None, _) => chars.push((code, value)),
        }
    }
    let mut out = Vec::new();
    if map.is_empty() {
        // An empty stream would not parse; an empty section maps nothing.
        out.extend_from_slice(b"0 beginbfchar\nendbfchar\n");
        return out;
    }
    let hex = |out: &mut Vec<u8>, bytes: &[u8]| {
        out.push(b'<');
        for b in bytes {
            out.extend_from_slice(format!("{b:02X}").as_bytes());
        }
        out.push(b'>');
    };
    let code_bytes = |c: u32| -> Vec<u8> {
        if c <= 0xFFFF {
            (c as u16).to_be_bytes().to_vec()
        } else {
            c.to_be_bytes().to_vec()
        }
    };
    let (singles, runs): (Vec<_>, Vec<_>) = ranges.iter().partition(|(low, high, _)| low == high);
    let chars: Vec<(u32, Vec<u8>)> = chars
        .into_iter()
        .map(|(c, v)| (c, v.to_vec()))
        .chain(
            singles
                .iter()
                .map(|&&(c, _, u)| (c, u.to_be_bytes().to_vec())),
        )
        .collect();
    if !chars.is_empty() {
        out.extend_from_slice(format!("{} beginbfchar\n", chars.len()).as_bytes());
        for (c, v) in &chars {
            hex(&mut out, &code_bytes(*c));
            out.push(b' ');
            hex(&mut out, v);
            out.push(b'\n');
        }
        out.extend_from_slice(b"endbfchar\n");
    }
    if !runs.is_empty() {
        out.extend_from_slice(format!("{} beginbfrange\n", runs.len()).as_bytes());
        for &&(low, high, first) in &runs {
            hex(&mut out, &code_bytes(low));
            out.push(b' ');
            hex(&mut out, &code_bytes(high));
            out.push(b' ');
            hex(&mut out, &first.to_be_bytes());
            out.push(b'\n');
        }
        out.extend_from_slice(b"endbfrange\n");
    }
    out
}

/// adobe-cmap-parser's lexer, for the inputs it reads the same way as
/// this one: comments, hex strings (pairs of digits, spaces between
/// pairs), integers, names, operators, literal strings, dictionaries and
/// arrays (these three kept as one token each, as there). `None` for
/// anything else, or where the two might part ways.
fn lex(s: &[u8]) -> Option<Vec<Token>> {
    let mut r = Lexer { s, i: 0 };
    let mut out = Vec::new();
    r.comments();
    r.spaces();
    while r.i < s.len() {
        out.push(r.value()?);
        r.spaces();
        r.comments();
        r.spaces();
    }
    Some(out)
}

struct Lexer<'a> {
    s: &'a [u8],
    i: usize,
}

/// Spaces between values: adobe-cmap-parser's `content_space` (its
/// `space`, used inside hex strings, also takes NUL and form feed).
fn is_space(c: u8) -> bool {
    b" \t\n\r".contains(&c)
}

impl Lexer<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn spaces(&mut self) {
        while self.peek().is_some_and(is_space) {
            self.i += 1;
        }
    }

    /// `%` to the end of the line, any number of times back to back. A
    /// comment there must end with a line end; one that runs to the end of
    /// the stream (Typst ends its maps with `%%EOF`) stops the lexing
    /// there, with what came before, so it ends it here too.
    fn comments(&mut self) {
        while self.peek() == Some(b'%') {
            let Some(end) = self.s[self.i..]
                .iter()
                .position(|&c| c == b'\n' || c == b'\r')
            else {
                self.i = self.s.len();
                return;
            };
            self.i += end + 1;
            if self.s[self.i - 1] == b'\r' && self.peek() == Some(b'\n') {
                self.i += 1;
            }
        }
    }

    fn value(&mut self) -> Option<Token> {
        let c = self.peek()?;
        let rest = &self.s[self.i..];
        if rest.starts_with(b"true") || rest.starts_with(b"false") {
            return None;
        }
        match c {
            b'0'..=b'9' | b'+' | b'-' => self.integer().map(Token::Int),
            b'/' => self.name().map(|_| Token::Other),
            b'(' => self.literal().map(|_| Token::Other),
            b'<' if rest.starts_with(b"<<") => self.dictionary().map(|_| Token::Other),
            b'<' => self.hex().map(Token::Hex),
            b'[' => self.array().map(|_| Token::Other),
            c if c.is_ascii_alphabetic() => {
                let start = self.i;
                while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
                    self.i += 1;
                }
                self.delimited()?;
                Some(Token::Op(self.s[start..self.i].to_vec()))
            }
            _ => None,
        }
    }

    /// A token must end at a space or a delimiter, or the two lexers could
    /// cut it differently.
    fn delimited(&self) -> Option<()> {
        match self.peek() {
            None => Some(()),
            Some(c) if is_space(c) || b"<>[]()/%".contains(&c) => Some(()),
            _ => None,
        }
    }

    fn integer(&mut self) -> Option<i64> {
        let start = self.i;
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.i += 1;
        }
        let digits = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        if self.i == digits || self.i - digits > 9 {
            return None;
        }
        self.delimited()?;
        std::str::from_utf8(&self.s[start..self.i])
            .ok()?
            .parse()
            .ok()
    }

    fn name(&mut self) -> Option<()> {
        self.i += 1;
        while let Some(c) = self.peek() {
            if is_space(c) || b"()<>[]{}/%".contains(&c) {
                break;
            }
            if c == b'#' || c == 0 || c == 0x0C {
                return None;
            }
            self.i += 1;
        }
        Some(())
    }

    fn hex(&mut self) -> Option<Vec<u8>> {
        self.i += 1;
        let mut out = Vec::new();
        loop {
            self.spaces();
            match self.peek()? {
                b'>' => {
                    self.i += 1;
                    return Some(out);
                }
                _ => {
                    let pair = self.s.get(self.i..self.i + 2)?;
                    let digit = |c: u8| (c as char).to_digit(16);
                    out.push((digit(pair[0])? * 16 + digit(pair[1])?) as u8);
                    self.i += 2;
                }
            }
        }
    }

    /// Literal strings without escapes or nested parentheses only.
    fn literal(&mut self) -> Option<()> {
        self.i += 1;
        loop {
            match self.peek()? {
                b')' => {
                    self.i += 1;
                    return Some(());
                }
                b'(' | b'\\' => return None,
                _ => self.i += 1,
            }
        }
    }

    /// `<< /Name value … >>`: names as keys, values of any kind here.
    fn dictionary(&mut self) -> Option<()> {
        self.i += 2;
        self.spaces();
        loop {
            if self.s[self.i..].starts_with(b">>") {
                self.i += 2;
                return Some(());
            }
            if self.peek()? != b'/' {
                return None;
            }
            self.name()?;
            self.spaces();
            self.value()?;
            self.spaces();
        }
    }

    fn array(&mut self) -> Option<()> {
        self.i += 1;
        self.spaces();
        loop {
            if self.peek()? == b']' {
                self.i += 1;
                return Some(());
            }
            self.value()?;
            self.spaces();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn theirs(cmap: &[u8]) -> HashMap<u32, Vec<u8>> {
        adobe_cmap_parser::get_unicode_map(cmap).expect("adobe-cmap-parser reads it")
    }

    /// The compact form reads, with adobe-cmap-parser, as the original.
    fn same(cmap: &[u8]) -> Vec<u8> {
        let compact = compact(cmap, None).expect("compacted");
        assert_eq!(
            theirs(&compact),
            theirs(cmap),
            "{}",
            String::from_utf8_lossy(cmap)
        );
        compact
    }

    #[test]
    fn runs_become_ranges_and_the_rest_single_codes() {
        let cmap = b"%!PS-Adobe-3.0 Resource-CMap\n%%Title: (x)\n/CIDInit /ProcSet findresource begin\n\
12 dict begin begincmap /CIDSystemInfo << /Registry (TeX) /Ordering (T1) /Supplement 0 >> def\n\
/CMapName /TeX-T1-0 def /CMapType 2 def 1 begincodespacerange <00> <FF> endcodespacerange\n\
6 beginbfchar\n<41> <0041>\n<42> <0042>\n<43> <0043>\n<1B> <00660066>\n<5C> <201C>\n<7F> <D835DC00>\nendbfchar\n\
2 beginbfrange\n<61> <7A> <0061>\n<30> <39> <0030>\nendbfrange\nendcmap CMapName currentdict /CMap defineresource pop end end\n";
        let compact = same(cmap);
        let text = String::from_utf8(compact).unwrap();
        // a–z, 0–9 and A–C as three ranges; ff, the quote and the
        // surrogate pair as single codes.
        assert!(text.contains("3 beginbfrange"), "{text}");
        assert!(text.contains("3 beginbfchar"), "{text}");
        assert!(!text.contains("CIDInit"), "{text}");
    }

    #[test]
    fn two_byte_codes_and_spaced_hex() {
        same(b"2 beginbfchar <00 03> <0020> <0011><0030> endbfchar 1 beginbfrange <0024> <0026> <0041> endbfrange");
    }

    #[test]
    fn later_entries_win_as_there() {
        same(b"2 beginbfchar <41> <0061> <41> <0062> endbfchar 1 beginbfrange <40> <42> <0070> endbfrange");
    }

    #[test]
    fn a_lone_surrogate_is_kept_for_pdf_extract_to_skip() {
        same(b"2 beginbfchar <01> <D800> <02> <0041> endbfchar");
    }

    #[test]
    fn only_codes_that_may_be_drawn_are_kept() {
        let cmap = b"3 beginbfchar <41> <0061> <42> <0062> <0102> <00E9> endbfchar 1 beginbfrange <00010000> <00010002> <0030> endbfrange";
        let mut drawn = Codes::default();
        drawn.add_shown(b"A");
        let kept = theirs(&compact(cmap, Some(&drawn)).expect("compacted"));
        let mut expected = theirs(cmap);
        expected.retain(|&code, _| code == 0x41 || code > 0xFFFF);
        assert_eq!(kept, expected);
        // Nothing drawn: a map of nothing that still parses.
        let none = compact(
            b"1 beginbfchar <41> <0061> endbfchar",
            Some(&Codes::default()),
        );
        assert!(theirs(&none.expect("compacted")).is_empty());
    }

    #[test]
    fn leaves_alone_what_it_does_not_follow() {
        let refused: [&[u8]; 9] = [
            // a destination array
            b"1 beginbfrange <01> <02> [<0041> <0042>] endbfrange",
            // odd-length destinations; a 3-byte range start
            b"1 beginbfchar <01> <004100> endbfchar",
            b"1 beginbfrange <01> <02> <000041> endbfrange",
            // fewer entries than counted
            b"3 beginbfchar <01> <0041> endbfchar",
            // no count
            b"beginbfchar <01> <0041> endbfchar",
            // an odd number of hex digits, an escaped literal string
            b"1 beginbfchar <1> <0041> endbfchar",
            b"/A (a\\)b) def 1 beginbfchar <01> <0041> endbfchar",
            // a comment after spaces after a comment (there, lexing stops)
            b"%a\n %b\n1 beginbfchar <01> <0041> endbfchar",
            // a range past u16
            b"1 beginbfrange <01> <03> <FFFF> endbfrange",
        ];
        for cmap in refused {
            assert_eq!(
                compact(cmap, None),
                None,
                "{}",
                String::from_utf8_lossy(cmap)
            );
        }
        // Nothing mapped: nothing to write (an empty stream would not parse).
        assert_eq!(compact(b"/CMapName /X def", None), None);
    }

    /// Every ToUnicode map in every PDF of the repository either compacts
    /// to one adobe-cmap-parser reads exactly as the original, or is left
    /// alone (the one left alone is the reader-crash fixture's, which
    /// pdf-extract panics on); together they shrink by over 30%.
    #[test]
    fn every_repository_cmap_reads_the_same_compacted() {
        use pdf_extract::Object;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (mut maps, mut compacted, mut before, mut after) = (0, 0, 0, 0);
        let mut seen = std::collections::HashSet::new();
        for dir in ["fixtures", "tests/eval/resumes"] {
            for entry in walkdir::WalkDir::new(root.join(dir)).into_iter().flatten() {
                if entry.path().extension().is_none_or(|e| e != "pdf") {
                    continue;
                }
                let Ok(doc) = pdf_extract::Document::load(entry.path()) else {
                    continue;
                };
                for object in doc.objects.values() {
                    let Ok(font) = object.as_dict() else {
                        continue;
                    };
                    let Ok(id) = font.get(b"ToUnicode").and_then(Object::as_reference) else {
                        continue;
                    };
                    let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
                        continue;
                    };
                    let bytes = stream
                        .decompressed_content()
                        .unwrap_or_else(|_| stream.content.clone());
                    if !seen.insert(bytes.clone()) {
                        continue;
                    }
                    maps += 1;
                    if let Some(compact) = compact(&bytes, None) {
                        compacted += 1;
                        before += bytes.len();
                        after += compact.len();
                        assert_eq!(
                            theirs(&compact),
                            theirs(&bytes),
                            "{}",
                            entry.path().display()
                        );
                    }
                }
            }
        }
        assert!(maps > 100, "{maps} distinct maps");
        assert!(
            compacted * 10 >= maps * 9,
            "{compacted} of {maps} compacted"
        );
        assert!(after * 10 < before * 7, "{before} bytes became {after}");
    }
    /// Differential check on damaged maps: byte flips, cuts and insertions
    /// of CMap syntax into real ToUnicode maps. Whatever this module
    /// compacts, adobe-cmap-parser reads the original (without failing)
    /// and the compact form alike; it never panics.
    #[test]
    fn damaged_maps_compact_to_the_same_or_not_at_all() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let seeds: Vec<Vec<u8>> = [
            "fixtures/producers/pdf/01-jose-nunez-backend.pdflatex-moderncv.pdf",
            "fixtures/producers/pdf/01-jose-nunez-backend.typst.pdf",
            "fixtures/producers/pdf/01-jose-nunez-backend.chromium.pdf",
            "fixtures/producers/pdf/01-jose-nunez-backend.libreoffice-docx.pdf",
        ]
        .iter()
        .filter_map(|p| pdf_extract::Document::load(root.join(p)).ok())
        .filter_map(|doc| {
            doc.objects.values().find_map(|o| {
                let id = o
                    .as_dict()
                    .ok()?
                    .get(b"ToUnicode")
                    .ok()?
                    .as_reference()
                    .ok()?;
                doc.get_object(id)
                    .ok()?
                    .as_stream()
                    .ok()?
                    .decompressed_content()
                    .ok()
            })
        })
        .collect();
        assert_eq!(seeds.len(), 4);
        let mut damage = super::super::damage::Damage::new(0x2545_F491_4F6C_DD1D);
        let pieces: [&[u8]; 14] = [
            b"<",
            b">",
            b"<<",
            b">>",
            b"[",
            b"]",
            b"(",
            b")",
            b"%",
            b"\n",
            b" 3 ",
            b" beginbfchar ",
            b" beginbfrange ",
            b"<D800>",
        ];
        let quiet = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let (mut compacted, mut total) = (0, 0);
        for round in 0..6000 {
            let s = damage.apply(&seeds[round % seeds.len()], 3, &pieces, 8);
            total += 1;
            let Some(compact) = compact(&s, None) else {
                continue;
            };
            compacted += 1;
            let original = std::panic::catch_unwind(|| adobe_cmap_parser::get_unicode_map(&s));
            let ours = std::panic::catch_unwind(|| adobe_cmap_parser::get_unicode_map(&compact));
            match (original, ours) {
                (Ok(Ok(a)), Ok(Ok(b))) => {
                    assert_eq!(a, b, "round {round}: {}", String::from_utf8_lossy(&s))
                }
                (a, _) => {
                    std::panic::set_hook(quiet);
                    panic!(
                        "round {round}: compacted a map adobe-cmap-parser fails on ({}): {}",
                        if a.is_ok() { "error" } else { "panic" },
                        String::from_utf8_lossy(&s)
                    );
                }
            }
        }
        std::panic::set_hook(quiet);
        // Most damage breaks a map; enough survive to compare.
        assert!(
            compacted > total / 20,
            "{compacted} of {total} damaged maps compacted"
        );
    }
}
