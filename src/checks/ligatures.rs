//! Words that lost an "fi"/"fl"/"ff" ligature in the text layer, as some
//! LaTeX and design-tool exports do ("e cient", "work ow"): an ATS sees
//! broken words.

use super::{Input, raw_evidence};
use crate::model::{CheckId, Finding, Severity};

/// Words that lost an "fi"/"fl"/"ff" ligature in the text layer, as some
/// LaTeX and design-tool exports do: "e cient", "work ow", "o ce".
const LIGATURE_WORDS: &[&str] = &[
    "efficient",
    "efficiency",
    "office",
    "offices",
    "significant",
    "significantly",
    "workflow",
    "workflows",
    "profile",
    "profiles",
    "certified",
    "certification",
    "specific",
    "specification",
    "traffic",
    "offer",
    "offered",
    "effective",
    "effectively",
    "confidential",
    "configuration",
    "configured",
    "identified",
    "fluent",
    "flexible",
    "flexibility",
    "reflect",
    "conflict",
    "conflicts",
    "influence",
    "file",
    "files",
    "field",
    "fields",
    "final",
    "financial",
    "first",
    "fix",
    "fixed",
    "staff",
    "difficult",
    "sufficient",
    "benefit",
    "benefits",
    "profit",
    "profitable",
    "affiliate",
    "classification",
    "notification",
    "notifications",
    "verification",
    "optimization",
    "fintech",
    "firmware",
    "filter",
    "filters",
    "flow",
    "flows",
    "overflow",
    "dataflow",
    "flaky",
    "fleet",
    "flight",
    "efforts",
    "effort",
    "different",
    "differential",
    "offline",
    "offload",
    "buffer",
    "buffers",
    "diff",
    "affected",
];

pub(super) fn run(input: &Input, out: &mut Vec<Finding>) {
    let lower = &input.norm.lower;
    let mut hits = Vec::new();
    let mut examples: Vec<String> = Vec::new();
    for word in LIGATURE_WORDS {
        // The first ligature in the word, longest first ("ffi" before "fi").
        let Some((at, lig)) = ["ffi", "ffl", "fi", "fl", "ff"]
            .iter()
            .find_map(|l| word.find(l).map(|at| (at, *l)))
        else {
            continue;
        };
        let (head, tail) = (&word[..at], &word[at + lig.len()..]);
        if head.is_empty() || tail.len() < 2 {
            continue;
        }
        // The broken form keeps a space where the ligature was.
        let broken = format!("{head} {tail}");
        for (pos, _) in lower.match_indices(broken.as_str()) {
            let end = pos + broken.len();
            let bounded = !lower[..pos]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !lower[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if bounded {
                hits.push(input.norm.raw_offset(pos));
                if examples.len() < 3
                    && !examples
                        .iter()
                        .any(|e| e.starts_with(&format!("\"{broken}\"")))
                {
                    examples.push(format!("\"{broken}\" for \"{word}\""));
                }
            }
        }
    }
    if hits.is_empty() {
        return;
    }
    hits.sort_unstable();
    out.push(Finding::check(
        CheckId::LigatureLoss,
        Severity::Warning,
        format!(
            "Letters are missing where the font used ligatures ({}): an ATS sees broken words",
            examples.join(", ")
        ),
        "Export the PDF with ligatures turned off or as text from the source; check with `ats-score extract`",
        raw_evidence(input, hits),
    ));
}

#[cfg(test)]
mod tests {
    use super::super::testing::{CLEAN, Doc, assert_fires, assert_quiet};
    use crate::model::CheckId;

    #[test]
    fn lost_ligatures() {
        let text = format!("{CLEAN}- Made the build work ow more e cient.\n");
        let f = assert_fires(&Doc::text(&text), CheckId::LigatureLoss);
        assert!(
            f.message.contains("\"work ow\" for \"workflow\""),
            "{}",
            f.message
        );
        let whole = format!("{CLEAN}- Made the build workflow more efficient.\n");
        assert_quiet(&Doc::text(&whole), CheckId::LigatureLoss);
    }
}
