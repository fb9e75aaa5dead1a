//! Tokens and token boundaries: the one place that decides whether a phrase
//! found inside the text stands on its own. Getting this right is what keeps
//! "Go" out of "Google" and "C" out of "C++".

/// A run of letters and digits, with any trailing `+`/`#` attached so that
/// "C++" and "C#" are single tokens. Offsets are end-exclusive bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Token {
    pub start: usize,
    pub end: usize,
}

/// Chinese and Japanese characters (Han, kana): written without spaces, so
/// each one stands on its own, as the n-gram indexes of search engines and
/// ATSs treat them. "使用Redis缓存" holds "Redis" and "缓存".
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FFFF}')
}

/// A character that continues a word: a letter or digit of a spaced script.
fn word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

pub(super) fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_cjk(c) {
            if let Some(s) = start.take() {
                out.push(Token { start: s, end: i });
            }
            out.push(Token {
                start: i,
                end: i + c.len_utf8(),
            });
            continue;
        }
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            let mut end = i;
            if c == '+' || c == '#' {
                end = i + 1;
                while let Some(&(j, n)) = chars.peek() {
                    if n == '+' || n == '#' {
                        end = j + 1;
                        chars.next();
                    } else {
                        break;
                    }
                }
            }
            out.push(Token { start: s, end });
        }
    }
    if let Some(s) = start {
        out.push(Token {
            start: s,
            end: text.len(),
        });
    }
    out
}

/// Characters that glue two words into one compound when letters stand on
/// both sides ("Objective-C", "Node.js", "user_id", "go@example.com").
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '.' | '_' | '@')
}

/// Whether `text[start..end]` is a whole phrase rather than part of a larger
/// word or compound.
///
/// Before: no letter or digit, and no joiner preceded by one (so "C" in
/// "Objective-C" and "SQL" in "T-SQL" do not count). After: no letter or
/// digit, no `+` or `#` (C vs C++/C#), and no `.`/`_`/`@` followed by a letter
/// ("Node" in "Node.js"). A hyphen after is allowed: "Java-based" is Java.
pub fn on_boundary(text: &str, start: usize, end: usize) -> bool {
    let phrase = &text[start..end];
    let mut before = text[..start].chars().rev();
    match before.next() {
        _ if phrase.starts_with(is_cjk) => {}
        Some(c) if word_char(c) => return false,
        Some(c) if is_joiner(c) && before.next().is_some_and(word_char) => {
            return false;
        }
        _ => {}
    }
    if phrase.ends_with(is_cjk) {
        return true;
    }
    let mut after = text[end..].chars();
    match after.next() {
        Some(c) if word_char(c) => false,
        Some('+' | '#') => text[start..end].ends_with(['+', '#']),
        // A version after a name ending in a digit: "OAuth2.0", "HTTP2.1".
        Some('.')
            if text[start..end].ends_with(|c: char| c.is_ascii_digit())
                && after.clone().next().is_some_and(|c| c.is_ascii_digit()) =>
        {
            true
        }
        Some(c) if c != '-' && is_joiner(c) => !after.next().is_some_and(char::is_alphanumeric),
        _ => true,
    }
}

/// Whether the characters between two tokens keep them one phrase: a space
/// or a hyphen, dot or underscore, but never a line break or a sentence end.
pub(super) fn window_gap_ok(gap: &str) -> bool {
    gap.len() <= 2 && gap != ". " && gap.chars().all(|c| matches!(c, ' ' | '-' | '.' | '_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| &s[t.start..t.end]).collect()
    }

    #[test]
    fn tokens_keep_plus_and_hash() {
        assert_eq!(
            words("C++, C# and Node.js"),
            ["C++", "C#", "and", "Node", "js"]
        );
        assert_eq!(words("Renée's k8s"), ["Renée", "s", "k8s"]);
    }

    #[test]
    fn chinese_characters_stand_alone() {
        let s = "使用Redis缓存热点数据";
        assert_eq!(
            words(s),
            ["使", "用", "Redis", "缓", "存", "热", "点", "数", "据"]
        );
        let at = |p: &str| s.find(p).unwrap();
        assert!(on_boundary(s, at("Redis"), at("Redis") + 5));
        assert!(on_boundary(s, at("缓存"), at("缓存") + "缓存".len()));
        // Spaced scripts keep their words whole beside them.
        let t = "用Redisson";
        assert!(!on_boundary(t, 3, 8));
    }

    #[test]
    fn boundaries() {
        let t = "Objective-C";
        assert!(!on_boundary(t, 10, 11));
        let t = "C++ and C";
        assert!(!on_boundary(t, 0, 1));
        assert!(on_boundary(t, 0, 3));
        assert!(on_boundary(t, 8, 9));
        let t = "Node.js";
        assert!(!on_boundary(t, 0, 4));
        let t = "in Go.";
        assert!(on_boundary(t, 3, 5));
    }
}
