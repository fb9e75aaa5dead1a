//! Built-in checks: what makes a real ATS drop, misfile or distrust text.
//!
//! Unlike profile rules these do not depend on the role: a header-only email
//! or a two-column PDF hurts every application. They never change the score,
//! which measures what the ATS did read; they say what it may not read
//! (category `parse`), what a reader would not see or trust (`integrity`),
//! and which keywords are misspelled (`check`).
//!
//! One check per file, each with a firing and a quiet unit test. They are
//! registered in [`CHECKS`], keyed by the ids they can report, so a profile
//! that disables every id of a check does not run it at all.

mod broken_characters;
mod columns;
mod contact;
mod digits_in_words;
mod fancy_glyphs;
mod headings;
mod hidden_text;
mod homoglyphs;
mod images;
mod injection;
mod length;
mod letter_spaced;
mod ligatures;
mod little_text;
mod misspelled;
mod stuffing;
mod tables;
mod text_boxes;
mod writing;
mod zero_width;

pub use stuffing::MAX_REPEATS;

use crate::analysis::TermResult;
use crate::extract::{Extracted, RegionKind};
use crate::model::{CheckId, Evidence, Finding, Span};
use crate::normalize::Normalized;
use crate::sections::Section;
use crate::sections::contact::Contact;

/// What the checks look at.
pub struct Input<'a> {
    pub extracted: &'a Extracted,
    pub norm: &'a Normalized,
    pub sections: &'a [Section],
    pub contact: &'a Contact,
    /// How each profile term fared (for misspellings).
    pub terms: &'a [TermResult],
    /// Spans of every profile term found (any tier but typo).
    pub term_spans: &'a [Span],
    pub evidence: &'a dyn Fn(Span) -> Evidence,
    /// Repeats of one term before `keyword-stuffing` fires.
    pub max_repeats: usize,
}

/// A check: looks at the input, pushes findings.
type CheckFn = fn(&Input, &mut Vec<Finding>);

/// Every check with the ids it may report, in report order.
const CHECKS: &[(&[CheckId], CheckFn)] = &[
    (
        &[
            CheckId::MissingEmail,
            CheckId::MissingPhone,
            CheckId::ContactOutsideBody,
        ],
        contact::run,
    ),
    (&[CheckId::TableLayout], tables::run),
    (&[CheckId::TextBox], text_boxes::run),
    (&[CheckId::Images], images::run),
    (&[CheckId::MultiColumn], columns::run),
    (&[CheckId::LittleText], little_text::run),
    (
        &[CheckId::UnusualHeadings, CheckId::MissingSections],
        headings::run,
    ),
    (&[CheckId::FancyGlyphs], fancy_glyphs::run),
    (&[CheckId::LargeFile, CheckId::LongResume], length::run),
    (&[CheckId::MisspelledKeyword], misspelled::run),
    (&[CheckId::HiddenText], hidden_text::run),
    (&[CheckId::PromptInjection], injection::run),
    (&[CheckId::KeywordStuffing], stuffing::run),
    (&[CheckId::BrokenCharacters], broken_characters::run),
    (&[CheckId::LigatureLoss], ligatures::run),
    (&[CheckId::DigitsInWords], digits_in_words::run),
    (&[CheckId::LetterSpaced], letter_spaced::run),
    (&[CheckId::Homoglyphs], homoglyphs::run),
    (&[CheckId::ZeroWidth], zero_width::run),
    (
        &[CheckId::Cliche, CheckId::WeakOpening, CheckId::InflatedVerb],
        writing::run,
    ),
];

/// Run every check not in `disabled`; findings in a fixed order (reporters
/// sort by cost and severity).
pub fn run(input: &Input, disabled: &[CheckId]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (ids, check) in CHECKS {
        if ids.iter().any(|id| !disabled.contains(id)) {
            check(input, &mut out);
        }
    }
    out.retain(|f| match f.id {
        crate::model::FindingId::Check(id) => !disabled.contains(&id),
        crate::model::FindingId::Rule(_) => true,
    });
    out
}

/// Files above this size fail at several ATSs (their help pages say ~2.5 MB).
pub const MAX_BYTES: usize = 2_000_000;
/// More pages than this is long for an ATS-screened resume.
pub const MAX_PAGES: usize = 2;
/// About two pages of words, for formats without page numbers.
pub const MAX_WORDS: usize = 1100;
/// A PDF page with fewer words than this is probably an image with a stub.
pub const MIN_WORDS_PER_PAGE: usize = 25;

const MAX_EVIDENCE: usize = 5;

/// Evidence for normalized spans, one per line.
fn evidence_for(input: &Input, spans: impl IntoIterator<Item = Span>) -> Vec<Evidence> {
    crate::evidence::one_per_line(input.evidence, spans, MAX_EVIDENCE)
}

/// Evidence for raw-text byte offsets, one per line.
fn raw_evidence(input: &Input, offsets: impl IntoIterator<Item = usize>) -> Vec<Evidence> {
    let norm = input.norm;
    let spans = offsets.into_iter().map(|raw| {
        let at = norm.norm_offset(raw).min(norm.text.len().saturating_sub(1));
        Span::new(at, at + 1)
    });
    evidence_for(input, spans)
}

/// Evidence pointing at the first line of a PDF page.
fn page_evidence(input: &Input, page: usize) -> Vec<Evidence> {
    let raw = input
        .extracted
        .page_starts
        .get(page.saturating_sub(1))
        .copied()
        .unwrap_or(0);
    raw_evidence(input, [raw])
}

/// Evidence for text that is not in the extracted text at all (hidden
/// runs), shown as it was found in the file.
fn hidden_evidence(input: &Input, h: &crate::extract::Hidden) -> Evidence {
    Evidence {
        line: input.norm.raw_line(input.norm.norm_offset(h.at)),
        page: h.page,
        section: "hidden".into(),
        snippet: clip(&h.text, 70),
    }
}

/// The kind of skippable region a normalized span lies in, if any.
fn region_of(input: &Input, span: Span) -> Option<RegionKind> {
    let raw = input.norm.raw_offset(span.start);
    input
        .extracted
        .layout
        .regions_at(raw)
        .map(|r| r.kind)
        .next()
}

/// Whitespace collapsed and cut to `max` characters.
fn clip(text: &str, max: usize) -> String {
    let t: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.chars().count() <= max {
        t
    } else {
        t.chars().take(max).collect::<String>() + "…"
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Run the checks over a made-up document: text plus whatever layout
    //! facts a test sets, through the real normalizer, section finder and
    //! contact finder, with profile terms matched by the real matcher.
    use super::*;
    use crate::extract::{Format, Layout};
    use crate::model::Finding;

    /// A document to check: its text and layout, and profile terms.
    pub struct Doc {
        pub extracted: Extracted,
        pub terms: Vec<&'static str>,
        pub max_repeats: usize,
    }

    impl Doc {
        pub fn text(text: &str) -> Doc {
            Doc {
                extracted: Extracted {
                    format: Format::Text,
                    text: text.to_string(),
                    page_starts: Vec::new(),
                    notices: Vec::new(),
                    layout: Layout {
                        bytes: text.len(),
                        ..Layout::default()
                    },
                },
                terms: Vec::new(),
                max_repeats: MAX_REPEATS,
            }
        }

        /// The same text as a PDF with pages starting at these offsets.
        pub fn pdf(text: &str, page_starts: Vec<usize>) -> Doc {
            let mut d = Doc::text(text);
            d.extracted.format = Format::Pdf;
            d.extracted.page_starts = page_starts;
            d
        }

        pub fn terms(mut self, terms: &[&'static str]) -> Doc {
            self.terms = terms.to_vec();
            self
        }

        pub fn layout(mut self, edit: impl FnOnce(&mut Layout)) -> Doc {
            edit(&mut self.extracted.layout);
            self
        }

        /// The findings of every check, none disabled.
        pub fn findings(&self) -> Vec<Finding> {
            let profile = crate::profile::Profile::from_yaml(
                "test.yaml",
                &format!(
                    "id: test/checks\nname: t\nscoring: {{keywords: 1, rules: 0}}\ngroups:\n  - id: g\n    name: g\n    weight: 1\n    terms: [{}]\nchecks: {{max_repeats: {}}}\n",
                    if self.terms.is_empty() {
                        "{term: \"zzqx-none\"}".to_string()
                    } else {
                        self.terms
                            .iter()
                            .map(|t| format!("{{term: \"{t}\"}}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    },
                    self.max_repeats
                ),
            )
            .expect("test profile loads");
            let scorer = crate::scorer::Scorer::new(profile);
            scorer.score_text("test", &self.extracted).findings
        }
    }

    /// Assert that `doc` gets a finding `id`, and return it.
    #[track_caller]
    pub fn assert_fires(doc: &Doc, id: CheckId) -> Finding {
        let found = doc.findings();
        found
            .iter()
            .find(|f| f.id == crate::model::FindingId::Check(id))
            .cloned()
            .unwrap_or_else(|| {
                panic!(
                    "{id} did not fire; got {:?}",
                    found.iter().map(|f| f.id.as_str()).collect::<Vec<_>>()
                )
            })
    }

    /// Assert that `doc` gets no finding `id`.
    #[track_caller]
    pub fn assert_quiet(doc: &Doc, id: CheckId) {
        let found = doc.findings();
        if let Some(f) = found
            .iter()
            .find(|f| f.id == crate::model::FindingId::Check(id))
        {
            panic!("{id} fired: {} {:?}", f.message, f.evidence);
        }
    }

    /// A plain resume that passes every check.
    pub const CLEAN: &str = "Jordan Pell\njordan@example.com | (415) 555-0142\n\nSUMMARY\nBackend engineer who builds payment services.\n\nEXPERIENCE\nSenior Engineer, Acme Corp, 2019 - 2024\n- Built a billing service handling 4,000 requests per second.\n- Cut p99 latency from 180 ms to 40 ms by tuning PostgreSQL queries.\n\nSKILLS\nLanguages: Python, Go, Swift\n\nEDUCATION\nB.S. Computer Science, Ohio State University, 2015\n";
}
