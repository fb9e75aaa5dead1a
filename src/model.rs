//! The shared vocabulary of the pipeline: spans, severities, match kinds and
//! findings. Every stage speaks these types so that no stage has to reach into
//! another's internals, and so that every reporter renders the same facts.

use serde::Serialize;

/// A half-open byte range `[start, end)` in the *normalized* text.
///
/// Stages work on normalized text; the normalizer keeps the map back to the
/// original, so a span can always be turned into evidence the user recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// How loud a finding is. Ordered so that sorting puts errors first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// How a profile term was found. The tier decides the credit: an ATS search
/// finds the exact phrase, may or may not find an alias or spelling variant,
/// and never finds a misspelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HitKind {
    /// The profile's own phrase, on token boundaries (case-insensitive unless
    /// the term is marked case-sensitive).
    Exact,
    /// One of the aliases the profile declares (k8s for Kubernetes).
    Alias,
    /// The same letters with other punctuation, spacing or a plural/-ing
    /// ending ("NodeJS", "ObjectiveC", "message queue"). A hyphen written as
    /// a space ("Objective C") is exact: a search tokenizes both the same.
    Variant,
    /// A likely misspelling ("Kubernets"); earns nothing.
    Typo,
}

impl HitKind {
    /// The `kind` of the JSON schema: exact, alias or fuzzy.
    pub fn wire_kind(self) -> &'static str {
        match self {
            HitKind::Exact => "exact",
            HitKind::Alias => "alias",
            HitKind::Variant | HitKind::Typo => "fuzzy",
        }
    }

    /// The finer-grained name used in reports and in `fuzzy` of the schema.
    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Exact => "exact",
            HitKind::Alias => "alias",
            HitKind::Variant => "variant",
            HitKind::Typo => "typo",
        }
    }
}

/// Where something was seen, in terms the user can check against their file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// 1-based line number in the extracted text (what `ats-score` read).
    pub line: usize,
    /// 1-based page for PDFs, absent for other formats.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
    /// The section the line belongs to (`skills`, `experience`, ...).
    pub section: String,
    /// The original text of that line, trimmed to a readable length.
    pub snippet: String,
}

/// What kind of problem a finding is. Reporters group and sort findings by
/// it with exhaustive matches, so a new category cannot be forgotten by one
/// of them (integrity findings once vanished from every report but JSON
/// because a list of category strings lacked "integrity").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Text that is hidden, planted or garbled: what a human reader would
    /// not see, or would see as gaming the ATS.
    Integrity,
    /// One of the profile's mistakes (from the guide).
    Mistake,
    /// A built-in keyword check: a misspelled profile term.
    Check,
    /// Something an ATS may not read (layout, contact placement, glyphs).
    Parse,
    /// One of the profile's strategy tips.
    Tip,
    /// A writing tip: a cliché, a weak opening or an inflated verb. Said
    /// for the human reader after the ATS; it costs no points.
    Writing,
}

impl Category {
    /// Every category, in the order reports list them.
    pub const ALL: [Category; 6] = [
        Category::Integrity,
        Category::Mistake,
        Category::Check,
        Category::Parse,
        Category::Tip,
        Category::Writing,
    ];

    /// The `category` of the JSON schema.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Integrity => "integrity",
            Category::Mistake => "mistake",
            Category::Check => "check",
            Category::Parse => "parse",
            Category::Tip => "tip",
            Category::Writing => "writing",
        }
    }

    /// Whether findings of this category cost rule points. Only profile
    /// rules do; a built-in check warns without a penalty of its own.
    pub fn is_rule(self) -> bool {
        match self {
            Category::Mistake | Category::Tip => true,
            Category::Integrity | Category::Check | Category::Parse | Category::Writing => false,
        }
    }
}

/// The built-in checks, the ones every profile runs (unless it disables them
/// in `checks.disable`). Their kebab-case names are the finding ids in every
/// report and the names a profile uses to turn them off.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum CheckId {
    MissingEmail,
    MissingPhone,
    ContactOutsideBody,
    TableLayout,
    TextBox,
    Images,
    MultiColumn,
    LittleText,
    UnusualHeadings,
    MissingSections,
    FancyGlyphs,
    LargeFile,
    LongResume,
    MisspelledKeyword,
    HiddenText,
    PromptInjection,
    KeywordStuffing,
    BrokenCharacters,
    LigatureLoss,
    DigitsInWords,
    LetterSpaced,
    Homoglyphs,
    ZeroWidth,
    Cliche,
    WeakOpening,
    InflatedVerb,
}

impl CheckId {
    /// Every built-in check.
    pub const ALL: [CheckId; 26] = [
        CheckId::MissingEmail,
        CheckId::MissingPhone,
        CheckId::ContactOutsideBody,
        CheckId::TableLayout,
        CheckId::TextBox,
        CheckId::Images,
        CheckId::MultiColumn,
        CheckId::LittleText,
        CheckId::UnusualHeadings,
        CheckId::MissingSections,
        CheckId::FancyGlyphs,
        CheckId::LargeFile,
        CheckId::LongResume,
        CheckId::MisspelledKeyword,
        CheckId::HiddenText,
        CheckId::PromptInjection,
        CheckId::KeywordStuffing,
        CheckId::BrokenCharacters,
        CheckId::LigatureLoss,
        CheckId::DigitsInWords,
        CheckId::LetterSpaced,
        CheckId::Homoglyphs,
        CheckId::ZeroWidth,
        CheckId::Cliche,
        CheckId::WeakOpening,
        CheckId::InflatedVerb,
    ];

    /// The id as reports and profiles write it.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckId::MissingEmail => "missing-email",
            CheckId::MissingPhone => "missing-phone",
            CheckId::ContactOutsideBody => "contact-outside-body",
            CheckId::TableLayout => "table-layout",
            CheckId::TextBox => "text-box",
            CheckId::Images => "images",
            CheckId::MultiColumn => "multi-column",
            CheckId::LittleText => "little-text",
            CheckId::UnusualHeadings => "unusual-headings",
            CheckId::MissingSections => "missing-sections",
            CheckId::FancyGlyphs => "fancy-glyphs",
            CheckId::LargeFile => "large-file",
            CheckId::LongResume => "long-resume",
            CheckId::MisspelledKeyword => "misspelled-keyword",
            CheckId::HiddenText => "hidden-text",
            CheckId::PromptInjection => "prompt-injection",
            CheckId::KeywordStuffing => "keyword-stuffing",
            CheckId::BrokenCharacters => "broken-characters",
            CheckId::LigatureLoss => "ligature-loss",
            CheckId::DigitsInWords => "digits-in-words",
            CheckId::LetterSpaced => "letter-spaced",
            CheckId::Homoglyphs => "homoglyphs",
            CheckId::ZeroWidth => "zero-width",
            CheckId::Cliche => "cliche",
            CheckId::WeakOpening => "weak-opening",
            CheckId::InflatedVerb => "inflated-verb",
        }
    }

    /// The category of this check's findings.
    pub fn category(self) -> Category {
        match self {
            CheckId::MisspelledKeyword => Category::Check,
            CheckId::HiddenText
            | CheckId::PromptInjection
            | CheckId::KeywordStuffing
            | CheckId::BrokenCharacters
            | CheckId::LigatureLoss
            | CheckId::DigitsInWords
            | CheckId::LetterSpaced
            | CheckId::Homoglyphs
            | CheckId::ZeroWidth => Category::Integrity,
            CheckId::MissingEmail
            | CheckId::MissingPhone
            | CheckId::ContactOutsideBody
            | CheckId::TableLayout
            | CheckId::TextBox
            | CheckId::Images
            | CheckId::MultiColumn
            | CheckId::LittleText
            | CheckId::UnusualHeadings
            | CheckId::MissingSections
            | CheckId::FancyGlyphs
            | CheckId::LargeFile
            | CheckId::LongResume => Category::Parse,
            CheckId::Cliche | CheckId::WeakOpening | CheckId::InflatedVerb => Category::Writing,
        }
    }

    /// The check named `name`, if there is one.
    pub fn from_name(name: &str) -> Option<CheckId> {
        CheckId::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

impl std::fmt::Display for CheckId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which check produced a finding: a built-in one, or a profile rule by its
/// id. Written as a plain string in every report.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FindingId {
    Check(CheckId),
    Rule(String),
}

impl FindingId {
    pub fn as_str(&self) -> &str {
        match self {
            FindingId::Check(c) => c.as_str(),
            FindingId::Rule(id) => id,
        }
    }

    /// The profile rule id, when a profile rule produced the finding.
    pub fn rule(&self) -> Option<&str> {
        match self {
            FindingId::Rule(id) => Some(id),
            FindingId::Check(_) => None,
        }
    }
}

impl std::fmt::Display for FindingId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for FindingId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A problem worth fixing: a fired profile rule or a built-in check such as a
/// misspelled keyword. Every finding carries its fix and its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub id: FindingId,
    pub severity: Severity,
    /// What kind of problem it is; reports group findings by it.
    pub category: Category,
    pub message: String,
    pub fix: String,
    pub evidence: Vec<Evidence>,
}

impl Finding {
    /// A finding of built-in check `id`, in that check's category.
    pub fn check(
        id: CheckId,
        severity: Severity,
        message: String,
        fix: &str,
        evidence: Vec<Evidence>,
    ) -> Finding {
        Finding {
            id: FindingId::Check(id),
            severity,
            category: id.category(),
            message,
            fix: fix.into(),
            evidence,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_names_round_trip() {
        for id in CheckId::ALL {
            assert_eq!(CheckId::from_name(id.as_str()), Some(id));
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, format!("\"{}\"", id.as_str()));
        }
        assert_eq!(CheckId::from_name("no-such-check"), None);
    }

    #[test]
    fn only_profile_rules_cost_points() {
        let rules: Vec<Category> = Category::ALL.into_iter().filter(|c| c.is_rule()).collect();
        assert_eq!(rules, [Category::Mistake, Category::Tip]);
    }
}
