//! The profile schema: what a company/role profile file may say. Every
//! struct denies unknown keys, so a typo in a key is an error with its line
//! and column, and every value that could fail later (a rule's regex, a
//! check id) is parsed into its checked type here, so a loaded profile can
//! never fail while scoring.

use crate::model::{Category, CheckId, Severity};
use crate::sections::SectionKind;
use serde::{Deserialize, Serialize};

/// A scoring profile for one company and role.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// `company/role`, e.g. `apple/backend`.
    pub id: String,
    /// Human title, e.g. "Apple — Backend Developer".
    pub name: String,
    /// The profile this one was built on (`base/backend`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// Where the facts come from (guides, job postings). No invented claims.
    pub sources: Vec<String>,
    pub scoring: Scoring,
    pub groups: Vec<Group>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
    /// The built-in parse and integrity checks: all on unless disabled.
    #[serde(default)]
    pub checks: ChecksConfig,
    /// What a job posting asks, for a profile made from one (`--jd`,
    /// `profile-from-jd`): the report compares the resume with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posting: Option<crate::jd::Posting>,
}

/// Settings of the built-in checks.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChecksConfig {
    /// Check ids to turn off (e.g. `images` for a design role).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disable: Vec<CheckId>,
    /// How often one term may appear before `keyword-stuffing` fires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_repeats: Option<usize>,
}

/// How the score is put together; see the README's "Score" section.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// Points (of 100) for keyword coverage.
    pub keywords: f64,
    /// Points (of 100) for avoiding the profile's mistakes.
    pub rules: f64,
    /// Credit (0–1) for a term found only through a declared alias.
    #[serde(default = "default_partial")]
    pub alias_credit: f64,
    /// Credit (0–1) for a spelling/punctuation variant of a term.
    #[serde(default = "default_partial")]
    pub variant_credit: f64,
    /// Keyword credit (0–1) from which the rules part counts in full;
    /// below it rule points shrink in proportion, so a resume that is not
    /// for this role earns little for avoiding its mistakes. 0: no scaling.
    #[serde(default = "default_full_rules_at")]
    pub full_rules_at: f64,
}

fn default_full_rules_at() -> f64 {
    0.5
}

fn default_partial() -> f64 {
    0.5
}

fn default_weight() -> f64 {
    1.0
}

/// A skill group from the guide, e.g. "Docker / Kubernetes".
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    /// The guide's own phrasing of the skill.
    pub name: String,
    pub weight: f64,
    /// When set, only the best `count` terms count toward the group (for
    /// "pick one of Node.js / Python / Java / Go"). Unset: every term counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
    pub terms: Vec<Term>,
}

/// One keyword and the other ways people write it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The exact phrase to use on the resume.
    pub term: String,
    #[serde(default = "default_weight")]
    pub weight: f64,
    /// Other ways of writing the term that earn full credit too: the forms
    /// a job posting itself uses ("Kubernetes (K8s)").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_exact: Vec<String>,
    /// Other names, matched without regard to case (k8s, Postgres).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Other names that are also ordinary words and so only count in this
    /// exact case ("Node", but not "each node").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases_case_sensitive: Vec<String>,
    /// Match only in the case written ("Go", "Swift", "REST"), because the
    /// lower-case word means something else.
    #[serde(default)]
    pub case_sensitive: bool,
    /// Phrases in which the term does not count ("go-to", "Swift delivery").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<String>,
    /// Whether the term and its one-word aliases count only with technical
    /// context around them (a skills list, technical words nearby): unset,
    /// the words of `taxonomy/ordinary-words.txt`, one-letter terms and
    /// case-sensitive Title-case words do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs_context: Option<bool>,
}

/// Whether a rule is one of the guide's mistakes or a strategy tip; the
/// only two categories a profile rule may have (the others belong to the
/// built-in checks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleCategory {
    Mistake,
    Tip,
}

impl From<RuleCategory> for Category {
    fn from(c: RuleCategory) -> Category {
        match c {
            RuleCategory::Mistake => Category::Mistake,
            RuleCategory::Tip => Category::Tip,
        }
    }
}

/// A mistake or tip check, Vale-style: a common header plus one `check` of a
/// known kind with its parameters.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub category: RuleCategory,
    pub severity: Severity,
    /// Share of the rules part of the score this rule holds. Defaults by
    /// severity: error 3, warning 2, info 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    pub message: String,
    pub fix: String,
    pub check: Check,
}

impl Rule {
    pub fn weight(&self) -> f64 {
        self.weight.unwrap_or(match self.severity {
            Severity::Error => 3.0,
            Severity::Warning => 2.0,
            Severity::Info => 1.0,
        })
    }
}

/// The rule kinds. Each is documented in `profiles/README.md`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Check {
    /// Fires when none of `terms` appears anywhere.
    MissingAny { terms: Vec<String> },
    /// Fires when one of `terms` appears but none of `context` does.
    RequiresContext {
        terms: Vec<String>,
        context: Vec<String>,
    },
    /// Fires when none of `terms` appears in `sections` or in the first
    /// `top_lines` lines.
    Prominence {
        terms: Vec<String>,
        sections: Vec<SectionKind>,
        #[serde(default = "default_top_lines")]
        top_lines: usize,
    },
    /// Fires when fewer than `min` distinct `terms` appear.
    SoftSignals { terms: Vec<String>, min: usize },
    /// Fires when fewer than `min` bullet or experience lines carry a number
    /// with a unit of scale (RPS, ms, %, users, TB, $...).
    Quantified { min: usize },
    /// Fires when one of `phrases` appears on a line with no number of scale
    /// and none of `unless_nearby`.
    Phrase {
        phrases: Vec<String>,
        // Empty lists are left out when writing: serde-saphyr 2.2 writes an
        // empty sequence on its own line, which it then cannot read back.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        unless_nearby: Vec<String>,
    },
    /// Fires when `regex` is found (`expect: absent`) or not found
    /// (`expect: present`). Matched case-insensitively.
    Pattern { regex: RuleRegex, expect: Expect },
    /// Fires when neither the headline nor a job title of the resume holds
    /// one of `titles` (seniority and close variants allowed).
    JobTitle { titles: Vec<String> },
    /// Fires when the resume's dated roles add up to fewer than `min` years.
    Years { min: f64 },
    /// Fires when the resume's highest completed degree is below `level`
    /// (none, associate, bachelor, master, phd).
    Degree {
        level: crate::rules::degree::DegreeLevel,
    },
}

fn default_top_lines() -> usize {
    12
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Expect {
    Absent,
    Present,
}

/// A rule's regular expression, compiled when the profile is read: a
/// pattern that does not compile is an error at its line and column, and a
/// loaded `pattern` rule always has its regex (it cannot silently never
/// fire). Written back as the pattern text.
#[derive(Debug, Clone)]
pub struct RuleRegex(regex::Regex);

impl RuleRegex {
    /// Compile `pattern` case-insensitively, within the size limits.
    pub fn new(pattern: &str) -> Result<RuleRegex, regex::Error> {
        regex::RegexBuilder::new(pattern)
            .case_insensitive(true)
            .size_limit(REGEX_SIZE_LIMIT)
            .dfa_size_limit(REGEX_SIZE_LIMIT)
            .build()
            .map(RuleRegex)
    }

    pub fn regex(&self) -> &regex::Regex {
        &self.0
    }
}

impl<'de> Deserialize<'de> for RuleRegex {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let pattern = String::deserialize(d)?;
        RuleRegex::new(&pattern).map_err(|e| {
            let detail = e.to_string();
            let detail = detail
                .lines()
                .find(|l| l.trim_start().starts_with("error:"))
                .map_or_else(
                    || detail.lines().next().unwrap_or("").trim().to_string(),
                    |l| l.trim().to_string(),
                );
            serde::de::Error::custom(format!("invalid regex: {detail}"))
        })
    }
}

impl Serialize for RuleRegex {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.as_str())
    }
}

/// Largest regex a profile may compile, in bytes of compiled program; keeps a
/// hostile user profile from exhausting memory.
pub const REGEX_SIZE_LIMIT: usize = 1 << 20;
