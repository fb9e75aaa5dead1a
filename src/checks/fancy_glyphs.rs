//! Characters many ATSs cannot read or that hide letters: icon fonts,
//! "bold" Unicode letters, emoji and dingbats.

use super::{Input, evidence_for};
use crate::model::{CheckId, Finding, Severity, Span};

/// Characters that many ATSs cannot read or that hide letters: icon-font
/// private-use glyphs, "bold" letters from the Mathematical Alphanumeric
/// block, emoji and dingbats, and the replacement character. Word's symbol
/// bullets (U+F0B7 and friends) are common and harmless, so they pass.
fn is_fancy(c: char) -> bool {
    let harmless_bullets = ['\u{F0A7}', '\u{F0B7}', '\u{F076}', '\u{F0D8}', '\u{F0FC}'];
    matches!(c,
        '\u{E000}'..='\u{F8FF}'
        | '\u{F0000}'..='\u{10FFFF}'
        | '\u{1D400}'..='\u{1D7FF}'
        | '\u{1F000}'..='\u{1FAFF}'
        | '\u{2600}'..='\u{27BF}'
        | '\u{2B00}'..='\u{2BFF}'
        | '\u{FFFD}')
        && !harmless_bullets.contains(&c)
        && !matches!(c, '\u{2713}' | '\u{2714}' | '\u{27A2}' | '\u{27A4}')
}

pub(super) fn run(input: &Input, out: &mut Vec<Finding>) {
    let raw = &input.extracted.text;
    let fancy: Vec<(usize, char)> = raw.char_indices().filter(|(_, c)| is_fancy(*c)).collect();
    if fancy.is_empty() {
        return;
    }
    let mut examples: Vec<char> = fancy.iter().map(|&(_, c)| c).collect();
    examples.dedup();
    examples.truncate(5);
    let shown: Vec<String> = examples
        .iter()
        .map(|c| format!("U+{:04X}", *c as u32))
        .collect();
    let spans = fancy.iter().map(|&(at, _)| {
        let n = input
            .norm
            .norm_offset(at)
            .min(input.norm.text.len().saturating_sub(1));
        Span::new(n, n + 1)
    });
    out.push(Finding::check(
        CheckId::FancyGlyphs,
        Severity::Warning,
        format!(
            "{} decorative or unusual character(s) ({}) that many ATSs cannot read; words in special fonts may be lost",
            fancy.len(),
            shown.join(", ")
        ),
        "Use plain letters and simple bullets; drop icon fonts, emoji and \"bold\" Unicode letters",
        evidence_for(input, spans),
    ));
}

#[cfg(test)]
mod tests {
    use super::super::testing::{CLEAN, Doc, assert_fires, assert_quiet};
    use crate::model::CheckId;

    #[test]
    fn icon_font_and_emoji() {
        let text = CLEAN
            .replace("jordan@", "\u{F0E0} jordan@")
            .replace("SKILLS", "🚀 SKILLS");
        let f = assert_fires(&Doc::text(&text), CheckId::FancyGlyphs);
        assert!(f.message.contains("U+F0E0"), "{}", f.message);
        assert!(f.message.contains("U+1F680"), "{}", f.message);
        // Word's symbol bullet and check marks are fine.
        let bullets = CLEAN
            .replace("- Built", "\u{F0B7} Built")
            .replace("- Cut", "✓ Cut");
        assert_quiet(&Doc::text(&bullets), CheckId::FancyGlyphs);
    }
}
