//! Raw extracted text → normalized text, with a byte map back to the raw text.
//!
//! Matching needs one canonical spelling of every character (ligatures
//! unfolded, quotes and dashes straightened, invisible characters dropped,
//! words re-joined across line-end hyphens), but evidence must quote what the
//! resume really says. So every byte of the normalized text remembers the raw
//! byte it came from.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Normalized text plus its lower-cased twin and the map back to the raw text.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// NFKC, cleaned text in its original case. Line breaks are kept (`\n`).
    pub text: String,
    /// `text` lower-cased character by character where that keeps the byte
    /// length, so a byte offset means the same place in both strings.
    pub lower: String,
    /// For each byte of `text`, the byte offset in the raw text it came from.
    map: Vec<usize>,
    /// Byte offsets in the raw text where each raw line starts.
    raw_line_starts: Vec<usize>,
    /// Offsets in `text` of the spaces that were tabs in the raw text: a tab
    /// stop (DOCX) or a wide gap on a PDF line (see `extract::assemble`)
    /// separates a heading in a label column from the entry beside it.
    pub tabs: Vec<usize>,
}

impl Normalized {
    /// The raw byte offset of normalized byte `offset` (clamped to the end).
    pub fn raw_offset(&self, offset: usize) -> usize {
        match self.map.get(offset) {
            Some(&o) => o,
            None => self.map.last().map_or(0, |&o| o + 1),
        }
    }

    /// The first normalized byte that came from raw byte `raw` or later (the
    /// map only grows, so this is a binary search).
    pub fn norm_offset(&self, raw: usize) -> usize {
        self.map.partition_point(|&o| o < raw)
    }

    /// 1-based raw line number of normalized byte `offset`.
    pub fn raw_line(&self, offset: usize) -> usize {
        let raw = self.raw_offset(offset);
        self.raw_line_starts.partition_point(|&s| s <= raw).max(1)
    }

    /// Byte offset in the raw text where raw line `line` (1-based) starts.
    pub fn raw_line_start(&self, line: usize) -> usize {
        self.raw_line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0)
    }

    /// The raw text's line `line` (1-based), without its line break.
    pub fn raw_line_text<'a>(&self, raw: &'a str, line: usize) -> &'a str {
        let start = self
            .raw_line_starts
            .get(line - 1)
            .copied()
            .unwrap_or(raw.len());
        let end = self.raw_line_starts.get(line).copied().unwrap_or(raw.len());
        raw[start..end].trim_end_matches([
            '\n', '\r', '\u{2028}', '\u{2029}', '\u{85}', '\u{b}', '\u{c}',
        ])
    }

    /// Normalized byte range of the line containing `offset`.
    pub fn line_bounds(&self, offset: usize) -> (usize, usize) {
        let start = self.text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let end = self.text[offset..]
            .find('\n')
            .map_or(self.text.len(), |i| offset + i);
        (start, end)
    }
}

/// One output character and the raw offset it came from.
type Piece = (char, usize);

/// Normalize `raw`. See the module docs for why each step exists.
pub fn normalize(raw: &str) -> Normalized {
    let pieces = fold_characters(raw);
    let pieces = join_and_collapse(&pieces);
    let mut text = String::with_capacity(raw.len());
    let mut lower = String::with_capacity(raw.len());
    let mut map = Vec::with_capacity(raw.len());
    let mut tabs = Vec::new();
    for (c, origin) in pieces {
        if c == ' ' && raw.as_bytes().get(origin) == Some(&b'\t') {
            tabs.push(text.len());
        }
        text.push(c);
        lower_char(c, &mut lower);
        map.extend(std::iter::repeat_n(origin, c.len_utf8()));
    }
    let raw_line_starts = raw_line_starts(raw);
    Normalized {
        text,
        lower,
        map,
        raw_line_starts,
        tabs,
    }
}

/// Where each raw line starts: after `\n`, after a `\r` not followed by
/// `\n` (old Mac files), and after the other characters the normalizer
/// turns into line breaks, so raw and normalized line numbers agree.
fn raw_line_starts(raw: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut chars = raw.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let breaks = match c {
            '\n' | '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{b}' | '\u{c}' => true,
            '\r' => chars.peek().is_none_or(|&(_, n)| n != '\n'),
            _ => false,
        };
        if breaks {
            starts.push(i + c.len_utf8());
        }
    }
    starts
}

/// Push the lowercase form of `c` when it has the same UTF-8 length (true of
/// every character in a tech keyword); otherwise keep `c` so offsets agree.
fn lower_char(c: char, out: &mut String) {
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
        _ => out.push(c),
    }
}

/// Step 1: character-level folding. Combining marks stay with their base
/// character so NFKC can compose them ("e" + U+0301 → "é").
fn fold_characters(raw: &str) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(raw.len());
    let mut iter = raw.char_indices().peekable();
    let mut cluster = String::new();
    while let Some((at, c)) = iter.next() {
        if let Some(mapped) = special(c) {
            out.extend(mapped.chars().map(|m| (m, at)));
            continue;
        }
        if c == '\r' {
            if iter.peek().map(|&(_, n)| n) != Some('\n') {
                out.push(('\n', at));
            }
            continue;
        }
        // Printable ASCII is its own NFKC form unless a combining mark
        // follows it ("e" + U+0301): most of every text takes this way,
        // and the decomposition machinery cost a tenth of reading a
        // posting.
        if (c.is_ascii_graphic() || c == ' ')
            && iter
                .peek()
                .is_none_or(|&(_, n)| n.is_ascii() || !is_combining_mark(n))
        {
            out.push((c, at));
            continue;
        }
        cluster.clear();
        cluster.push(c);
        while let Some(&(_, next)) = iter.peek() {
            if is_combining_mark(next) {
                cluster.push(next);
                iter.next();
            } else {
                break;
            }
        }
        for n in cluster.nfkc() {
            // NFKC can itself produce characters we fold (e.g. a fullwidth
            // hyphen becomes "-", which is fine; "\u{2024}" becomes ".").
            match special(n) {
                Some(mapped) => out.extend(mapped.chars().map(|m| (m, at))),
                None => out.push((n, at)),
            }
        }
    }
    out
}

/// Characters with a fixed replacement (possibly empty). `None` means "keep,
/// after NFKC".
fn special(c: char) -> Option<&'static str> {
    Some(match c {
        // Invisible: soft hyphen, zero-width space/joiners, word joiner, BOM.
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => "",
        // Spaces of every width, and tabs.
        '\t'
        | '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => " ",
        // Line and paragraph separators, form feed, vertical tab.
        '\u{2028}' | '\u{2029}' | '\u{000C}' | '\u{000B}' | '\u{0085}' => "\n",
        // Quotes and primes.
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{00B4}' | '`' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => "\"",
        // Hyphens inside words stay hyphens ("Objective‑C" with U+2011).
        '\u{2010}' | '\u{2011}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => "-",
        // Dashes between words become a spaced hyphen so they never glue two
        // words into one compound ("Kafka—Redis").
        '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' => " - ",
        // Bullet glyphs, including the private-use bullets Word's Symbol and
        // Wingdings fonts produce when a PDF is exported.
        '\u{2022}' | '\u{2023}' | '\u{2043}' | '\u{2219}' | '\u{25AA}' | '\u{25AB}'
        | '\u{25CF}' | '\u{25CB}' | '\u{25A0}' | '\u{25A1}' | '\u{25B8}' | '\u{25BA}'
        | '\u{25E6}' | '\u{27A2}' | '\u{27A4}' | '\u{2713}' | '\u{2714}' | '\u{00B7}'
        | '\u{F0A7}' | '\u{F0B7}' | '\u{F076}' | '\u{F0D8}' | '\u{F0FC}' => "\u{2022}",
        // Other control characters carry no text.
        c if c.is_control() && c != '\n' && c != '\r' => "",
        _ => return None,
    })
}

/// Step 2: re-join words split by a hyphen at a line end, collapse runs of
/// spaces, trim lines, and keep at most one blank line in a row.
fn join_and_collapse(pieces: &[Piece]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    let mut i = 0;
    while i < pieces.len() {
        let (c, at) = pieces[i];
        if c == '-'
            && out.last().is_some_and(|&(p, _)| p.is_alphabetic())
            && let Some(next) = after_line_break(pieces, i + 1)
        {
            let (n, _) = pieces[next];
            // In an address ("github.com/lmeier-\nstats") the hyphen is
            // the address's own: kept, and the break closed.
            // Looked for in the last 100 characters only: a hostile "a-\n"
            // repeated a million times is one growing word.
            let address = out
                .iter()
                .rev()
                .take(100)
                .take_while(|&&(p, _)| p != ' ' && p != '\n')
                .any(|&(p, _)| p == '/' || p == '@');
            if address && (n.is_alphanumeric() || n == '-') {
                out.push(('-', at));
                i = if n == '-' { next + 1 } else { next };
                continue;
            }
            if n.is_lowercase() {
                // "distri-\nbuted" → "distributed"
                i = next;
                continue;
            }
            if n.is_alphanumeric() {
                // "Objective-\nC" → "Objective-C"
                out.push(('-', at));
                i = next;
                continue;
            }
        }
        match c {
            ' ' => {
                if out.last().is_some_and(|&(p, _)| p != ' ' && p != '\n') {
                    out.push((' ', at));
                }
            }
            '\n' => {
                while out.last().is_some_and(|&(p, _)| p == ' ') {
                    out.pop();
                }
                let blank_run =
                    out.len() >= 2 && out[out.len() - 1].0 == '\n' && out[out.len() - 2].0 == '\n';
                if !blank_run {
                    out.push(('\n', at));
                }
            }
            _ => out.push((c, at)),
        }
        i += 1;
    }
    while out.last().is_some_and(|&(p, _)| p == ' ' || p == '\n') {
        out.pop();
    }
    while out.first().is_some_and(|&(p, _)| p == ' ' || p == '\n') {
        out.remove(0);
    }
    out
}

/// If `pieces[from..]` is optional spaces, one line break, optional spaces and
/// then a character, return that character's index.
fn after_line_break(pieces: &[Piece], from: usize) -> Option<usize> {
    let mut j = from;
    while pieces.get(j).is_some_and(|&(c, _)| c == ' ') {
        j += 1;
    }
    if pieces.get(j).map(|&(c, _)| c) != Some('\n') {
        return None;
    }
    j += 1;
    while pieces.get(j).is_some_and(|&(c, _)| c == ' ') {
        j += 1;
    }
    (j < pieces.len()).then_some(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        normalize(s).text
    }

    #[test]
    fn ligatures_and_compatibility_forms_unfold() {
        assert_eq!(
            norm("e\u{FB03}cient \u{FB01}le \u{FB02}ow"),
            "efficient file flow"
        );
        assert_eq!(norm("\u{FF2B}ubernetes"), "Kubernetes");
    }

    #[test]
    fn invisible_characters_and_spaces() {
        assert_eq!(norm("Kuber\u{00AD}netes"), "Kubernetes");
        assert_eq!(norm("Post\u{200B}greSQL"), "PostgreSQL");
        assert_eq!(norm("Node.js\u{00A0}\u{00A0} and\tGo  "), "Node.js and Go");
    }

    #[test]
    fn hyphens_in_addresses_are_kept() {
        assert_eq!(
            normalize("github.com/lmeier-\nstats | x").text,
            "github.com/lmeier-stats | x"
        );
        assert_eq!(
            normalize("linkedin.com/in/ines-\n-dados").text,
            "linkedin.com/in/ines-dados"
        );
    }

    #[test]
    fn hyphenation_at_line_end_rejoins() {
        assert_eq!(
            norm("built distri-\nbuted systems"),
            "built distributed systems"
        );
        assert_eq!(
            norm("Swift and Objective-\nC code"),
            "Swift and Objective-C code"
        );
        assert_eq!(norm("Tools -\nGo"), "Tools -\nGo");
    }

    #[test]
    fn quotes_dashes_bullets() {
        assert_eq!(norm("\u{201C}fast\u{201D} isn\u{2019}t"), "\"fast\" isn't");
        assert_eq!(norm("Kafka\u{2014}Redis"), "Kafka - Redis");
        assert_eq!(
            norm("\u{F0B7} Go\n\u{25AA} Java"),
            "\u{2022} Go\n\u{2022} Java"
        );
    }

    #[test]
    fn map_points_back_to_raw() {
        let raw = "Skills:\n\u{2022}\u{00A0}Kuber\u{00AD}netes, e\u{FB03}cient";
        let n = normalize(raw);
        let k = n.text.find("Kubernetes").unwrap();
        assert_eq!(&raw[n.raw_offset(k)..n.raw_offset(k) + 5], "Kuber");
        assert_eq!(n.raw_line(k), 2);
        let f = n.text.find("efficient").unwrap();
        // "ffi" came from one ligature character.
        assert_eq!(n.raw_offset(f + 1), n.raw_offset(f + 3));
        assert_eq!(n.lower.len(), n.text.len());
    }

    /// Found by review: old Mac line ends (bare CR) gave every hit line 1.
    #[test]
    fn bare_carriage_returns_are_lines() {
        let raw = "Ada\rSKILLS\rJava, Kotlin\r";
        let n = normalize(raw);
        let k = n.text.find("Kotlin").unwrap();
        assert_eq!(n.raw_line(k), 3);
        assert_eq!(n.raw_line_text(raw, 3), "Java, Kotlin");
    }

    #[test]
    fn combining_marks_compose() {
        assert_eq!(norm("Rene\u{0301}e"), "Ren\u{00E9}e");
    }
}
