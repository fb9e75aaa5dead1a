//! What scoring one resume against one profile found: the types every
//! reporter reads. They hold facts and numbers computed upstream; a reporter
//! only formats them.

use crate::extract::{self, Format};
use crate::model::{Category, Evidence, Finding, FindingId, HitKind, Severity};
use crate::score;
use crate::sections::Section;
use crate::sections::contact::Contact;

/// How one profile term fared on this resume.
#[derive(Debug, Clone)]
pub struct TermResult {
    /// Index of the term's group in the profile.
    pub group: usize,
    pub term: String,
    pub weight: f64,
    /// Best tier found; `None` when the term is absent.
    pub kind: Option<HitKind>,
    pub credit: f64,
    /// The text as the resume writes it (for aliases, variants and typos).
    pub found: Option<String>,
    pub evidence: Option<Evidence>,
    /// How many times the term counts (typos excluded).
    pub occurrences: usize,
    /// Points the score would gain if the exact phrase were added.
    pub gain: f64,
    /// With this term, the others of its group any one of which gains what
    /// all of them gain (empty when it has no such alternatives); every
    /// member holds the same list, best first.
    pub one_of: Vec<String>,
    /// Misspellings of the term seen on the resume, even where the term is
    /// also found correctly elsewhere: each one is a search that fails.
    pub typos: Vec<(String, Evidence)>,
}

/// How one profile rule fared.
#[derive(Debug, Clone)]
pub struct RuleResult {
    pub id: String,
    pub category: Category,
    pub severity: Severity,
    pub weight: f64,
    pub fired: bool,
    /// Why it fired or passed, in one sentence, for `--explain`.
    pub reason: String,
    /// What a job-posting rule measured (title, years, degree).
    pub measure: Option<crate::rules::Measure>,
    /// The first resume line the rule's evidence points at, fired or not.
    pub line: Option<usize>,
}

/// Plain facts about the text that was read.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Stats {
    pub characters: usize,
    pub words: usize,
    pub lines: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<usize>,
}

/// Everything known about one resume scored against one profile.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// How the input is named in messages (its path, or `<stdin>`).
    pub input: String,
    pub format: Format,
    pub notices: Vec<String>,
    pub stats: Stats,
    pub sections: Vec<Section>,
    pub contact: Contact,
    /// For each of `contact.items()`: its raw line, and where it sits
    /// (`None` for the body, else the region kind).
    pub contact_at: Vec<(usize, Option<extract::RegionKind>)>,
    pub layout: extract::Layout,
    /// 1-based raw line of each layout region's start and end.
    pub region_lines: Vec<(usize, usize)>,
    pub terms: Vec<TermResult>,
    pub rules: Vec<RuleResult>,
    /// Fired rules and built-in checks, most severe first.
    pub findings: Vec<Finding>,
    pub breakdown: score::Breakdown,
}

impl Analysis {
    /// Points a finding costs: a fired profile rule's share of the rules
    /// part; nothing for built-in checks, which warn without a penalty.
    pub fn cost(&self, f: &Finding) -> f64 {
        let FindingId::Rule(id) = &f.id else {
            return 0.0;
        };
        self.rules
            .iter()
            .position(|r| &r.id == id && r.fired)
            .and_then(|i| self.breakdown.rule_points.get(i).copied())
            .unwrap_or(0.0)
    }
}
