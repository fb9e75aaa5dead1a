//! A digit inside a word of letters ("Engi3eering"): a font map that lost
//! letters, or OCR noise. An ATS will not match such words.

use super::{Input, raw_evidence};
use crate::model::{CheckId, Finding, Severity};

/// Real tokens that mix letters and digits.
const DIGIT_WORDS: &[&str] = &[
    "k8s", "i18n", "l10n", "a11y", "oauth2", "s3", "ec2", "p99", "p95", "p50", "p999", "3d", "2d",
    "web3", "ipv4", "ipv6", "h2o", "b2b", "b2c", "x86", "x64", "arm64", "utf8", "utf16", "mp3",
    "mp4", "h264", "h265", "5g", "4g", "log4j", "d3", "es6", "es2015", "vue3", "python3", "net6",
    "win32", "sha256", "md5", "base64", "int8", "fp16", "bf16", "gpt4", "llama2", "n8n", "t3",
    "m1", "m2", "c4", "g2", "w3c", "ap2", "k3s", "e2e", "p2p", "h100", "a100", "v100", "ec2s",
];

/// A real token that mixes letters and digits: one of [`DIGIT_WORDS`], a
/// skill the taxonomy knows ("Neo4j", "Web3"), or a name ending in 2D or 3D
/// (Cocos2d, Box2D, Unity3D).
fn real_token(word: &str) -> bool {
    let lower = word.to_lowercase();
    DIGIT_WORDS.contains(&lower.as_str())
        || crate::sections::is_skill_name(word)
        || lower.ends_with("2d")
        || lower.ends_with("3d")
}

/// A digit inside a word of letters ("Engi3eering"): a font map that lost
/// letters, or OCR noise.
pub(super) fn run(input: &Input, out: &mut Vec<Finding>) {
    let raw = &input.extracted.text;
    let mut hits = Vec::new();
    let mut examples = Vec::new();
    let mut start = None;
    let bytes_end = raw.len();
    for (i, c) in raw.char_indices().chain(std::iter::once((bytes_end, ' '))) {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        let Some(s) = start.take() else { continue };
        let word = &raw[s..i];
        let chars: Vec<char> = word.chars().collect();
        let letters = chars.iter().filter(|c| c.is_alphabetic()).count();
        let inner_digit = chars
            .windows(3)
            .any(|w| w[0].is_alphabetic() && w[1].is_ascii_digit() && w[2].is_alphabetic());
        if inner_digit && letters >= 5 && !real_token(word) {
            hits.push(s);
            if examples.len() < 3 {
                examples.push(format!("\"{word}\""));
            }
        }
    }
    if hits.is_empty() {
        return;
    }
    out.push(Finding::check(
        CheckId::DigitsInWords,
        Severity::Warning,
        format!(
            "Words with a digit where a letter should be ({}): the font lost letters, and an ATS will not match these words",
            examples.join(", ")
        ),
        "Export the document again from its source, or re-type the affected words",
        raw_evidence(input, hits),
    ));
}

#[cfg(test)]
mod tests {
    use super::super::testing::{CLEAN, Doc, assert_fires, assert_quiet};
    use crate::model::CheckId;

    #[test]
    fn digit_for_a_letter() {
        let text = CLEAN.replace("Backend engineer", "Backend Engi3eer");
        let f = assert_fires(&Doc::text(&text), CheckId::DigitsInWords);
        assert!(f.message.contains("\"Engi3eer\""), "{}", f.message);
        let real = format!("{CLEAN}Tools: k8s, OAuth2, log4j, sha256, arm64\n");
        assert_quiet(&Doc::text(&real), CheckId::DigitsInWords);
        // Found on a game developer's resume; and skills the taxonomy knows.
        let real =
            format!("{CLEAN}Games in Cocos2d and Box2D; graphs in Neo4j; Stable-Baselines3\n");
        assert_quiet(&Doc::text(&real), CheckId::DigitsInWords);
    }
}
