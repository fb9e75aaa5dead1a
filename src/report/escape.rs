//! Text from strangers, made safe to show. File names, resume lines and
//! parser messages reach terminals, spreadsheets and pull requests; an
//! escape sequence in them can clear a screen or plant a link, a bidi
//! override can make `exe.txt` read as `txt.exe`, and a cell that starts
//! with `=` is a formula. Every reporter sends outside text through here.
//!
//! Escapes are visible (`\x1b`, `\u{202e}`) so the user sees that the text
//! held something odd, and idempotent (a backslash is left alone), so text
//! escaped twice reads the same.

use std::borrow::Cow;
use std::fmt::Write;

/// Bidirectional controls: they reorder what follows them on screen.
pub(crate) fn is_bidi(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Characters a terminal or viewer may act on instead of showing.
fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi(c)
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        c if (c as u32) < 0x80 => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
}

/// One line of outside text (a file name, a message, a snippet): every
/// control character (newlines too) and bidi control escaped.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A path as shown to people: escaped, and bytes that are not UTF-8 shown
/// as `\xNN` (nothing lost, unlike a lossy conversion).
pub fn path(p: &std::path::Path) -> String {
    let bytes = p.as_os_str().as_encoded_bytes();
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(&escape(chunk.valid()));
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02x}");
        }
    }
    out
}

/// A whole report for a terminal (or a file read in one): newlines and tabs
/// are layout and stay; every other control and bidi character is escaped,
/// except, with `colors`, the SGR color sequences (`ESC [ … m`) our own
/// painting writes.
pub fn for_terminal(text: &str, colors: bool) -> Cow<'_, str> {
    let unsafe_at = |c: char| is_unsafe(c) && c != '\n' && c != '\t';
    if !text.chars().any(unsafe_at) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\u{1b}'
            && colors
            && let Some(len) = sgr_len(rest)
        {
            out.push_str(&rest[..len]);
            rest = &rest[len..];
            continue;
        }
        if unsafe_at(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

/// Length of an SGR sequence (`ESC [ digits and ; m`) at the start of `s`.
fn sgr_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix("\u{1b}[")?;
    let params = body
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b';')
        .count();
    (body.as_bytes().get(params) == Some(&b'm')).then_some(2 + params + 1)
}

/// A spreadsheet cell: escaped as one line, and a cell that a spreadsheet
/// would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) gets a leading `'`, as OWASP's CSV-injection advice
/// says. Quoting alone does not stop a spreadsheet.
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    match (formula, escape(s)) {
        (false, cell) => cell,
        (true, cell) => Cow::Owned(format!("'{cell}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_are_shown_not_obeyed() {
        assert_eq!(escape("plain résumé.pdf"), "plain résumé.pdf");
        assert_eq!(escape("a\u{1b}[2Jb"), "a\\x1b[2Jb");
        assert_eq!(escape("cv\u{202e}fdp.exe"), "cv\\u{202e}fdp.exe");
        assert_eq!(escape("two\nlines\u{85}"), "two\\nlines\\u{85}");
        // Idempotent: escaping twice changes nothing more.
        let once = escape("x\u{7}\u{2066}y").into_owned();
        assert_eq!(escape(&once), once);
    }

    #[cfg(unix)]
    #[test]
    fn paths_keep_bytes_that_are_not_utf8() {
        use std::os::unix::ffi::OsStrExt;
        let p = std::path::Path::new(std::ffi::OsStr::from_bytes(b"r\xe9sum\xe9\x1b.pdf"));
        assert_eq!(path(p), "r\\xe9sum\\xe9\\x1b.pdf");
    }

    #[test]
    fn terminal_text_keeps_layout_and_our_colors_only() {
        let ours = "\u{1b}[1mScore\u{1b}[0m\n\tok";
        assert_eq!(for_terminal(ours, true), ours);
        assert_eq!(for_terminal(ours, false), "\\x1b[1mScore\\x1b[0m\n\tok");
        let theirs = "x \u{1b}]8;;http://evil\u{7}link\u{1b}]8;;\u{7} \u{1b}[2J";
        let shown = for_terminal(theirs, true);
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
            "{shown}"
        );
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        for f in ["+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert!(csv_cell(f).starts_with('\''), "{f}");
        }
        assert_eq!(csv_cell("resume.pdf"), "resume.pdf");
    }
}
