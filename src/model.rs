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
    /// ending ("NodeJS", "Objective C", "message queue").
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

/// A problem worth fixing: a fired profile rule or a built-in check such as a
/// misspelled keyword. Every finding carries its fix and its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub id: String,
    pub severity: Severity,
    /// `mistake`, `tip` or `check` (built in); lets reports group findings.
    pub category: String,
    pub message: String,
    pub fix: String,
    pub evidence: Vec<Evidence>,
}
