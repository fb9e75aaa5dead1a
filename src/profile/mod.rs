//! Profiles: what a company/role's ATS looks for, as YAML data.
//!
//! A profile is data, never code: a new company or role is a new file under
//! `profiles/`, embedded into the binary at build time (see `build.rs`) so the
//! tool works from any directory. Loading is strict, like Vale's: an unknown
//! key is an error with its file, line and column, and every regex compiles at
//! load time, so a rule can never fail while scoring a resume.
//!
//! YAML is read with serde-saphyr: maintained (serde_yaml is archived), pure
//! Rust, panic-free on bad input, with locations on errors and a budget
//! against alias ("billion laughs") bombs.

use crate::error::{Error, Result};
use crate::model::Severity;
use crate::sections::SectionKind;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_profiles.rs"));
}

pub mod jd;
pub mod registry;

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
    /// Each rule's compiled `pattern` regex, built once while validating.
    #[serde(skip)]
    pub(crate) regexes: Vec<Option<regex::Regex>>,
}

/// A profile as written: an overlay may extend another profile and give only
/// what it adds or changes. [`Profile::from_yaml`] resolves it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    id: String,
    name: String,
    #[serde(default)]
    extends: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    scoring: Option<Scoring>,
    #[serde(default)]
    groups: Vec<RawGroup>,
    #[serde(default)]
    rules: Vec<Rule>,
    #[serde(default)]
    checks: Option<ChecksConfig>,
}

/// A group as written; in an overlay, a group with a base group's id only
/// needs the fields it changes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    weight: Option<f64>,
    #[serde(default)]
    count: Option<usize>,
    #[serde(default)]
    terms: Vec<Term>,
}

/// How deep `extends` may chain (overlay → base is 1).
const MAX_EXTENDS: usize = 4;

/// Settings of the built-in checks.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChecksConfig {
    /// Check ids to turn off (e.g. `images` for a design role).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disable: Vec<String>,
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
}

/// Whether a rule is one of the guide's mistakes or a strategy tip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Mistake,
    Tip,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Mistake => "mistake",
            Category::Tip => "tip",
        }
    }
}

/// A mistake or tip check, Vale-style: a common header plus one `check` of a
/// known kind with its parameters.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub category: Category,
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
    Pattern { regex: String, expect: Expect },
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

/// Largest regex a profile may compile, in bytes of compiled program; keeps a
/// hostile user profile from exhausting memory.
pub const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// Largest profile file we read; real ones are a few KB.
const MAX_PROFILE_BYTES: usize = 1 << 20;

impl Profile {
    /// Parse and validate a profile. `path` only names the source in errors.
    pub fn from_yaml(path: &str, text: &str) -> Result<Profile> {
        if text.len() > MAX_PROFILE_BYTES {
            return Err(Error::ProfileInvalid {
                path: path.into(),
                message: format!("profile is larger than {MAX_PROFILE_BYTES} bytes"),
            });
        }
        Profile::resolve_raw(path, text, 0)
    }

    /// Parse `text`, build on the profile it extends, and validate.
    fn resolve_raw(path: &str, text: &str, depth: usize) -> Result<Profile> {
        let options = serde_saphyr::options! {
            budget: Some(serde_saphyr::Budget::default()),
            with_snippet: false,
        };
        let raw: RawProfile = serde_saphyr::from_str_with_options(text, options).map_err(|e| {
            let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
            Error::ProfileSyntax {
                path: path.into(),
                line,
                column,
                message: with_suggestion(&strip_location(&first_line(&e.to_string()))),
            }
        })?;
        let bad = |message: String| Error::ProfileInvalid {
            path: path.into(),
            message,
        };
        let base = match &raw.extends {
            None => None,
            Some(_) if depth >= MAX_EXTENDS => {
                return Err(bad(format!(
                    "`extends` chains deeper than {MAX_EXTENDS} profiles"
                )));
            }
            Some(parent) => {
                let (parent_path, parent_text) = registry::find(parent).ok_or_else(|| {
                    bad(format!(
                        "extends '{parent}', which is not a known profile{}",
                        did_you_mean(
                            parent,
                            &registry::ids()
                                .iter()
                                .map(String::as_str)
                                .collect::<Vec<_>>()
                        )
                    ))
                })?;
                Some(Profile::resolve_raw(&parent_path, &parent_text, depth + 1)?)
            }
        };
        let mut profile = merge(base, raw).map_err(bad)?;
        profile.validate(path)?;
        Ok(profile)
    }

    /// Checks serde cannot express: positive weights, unique ids, sane
    /// counts, compilable regexes (kept, so they compile once).
    fn validate(&mut self, path: &str) -> Result<()> {
        let bad = |message: String| {
            Err(Error::ProfileInvalid {
                path: path.into(),
                message,
            })
        };
        let s = &self.scoring;
        let finite = |v: f64| v.is_finite();
        if !finite(s.keywords)
            || !finite(s.rules)
            || s.keywords < 0.0
            || s.rules < 0.0
            || s.keywords + s.rules <= 0.0
        {
            return bad(
                "scoring: keywords and rules must be finite numbers >= 0, not both 0".into(),
            );
        }
        for (name, v) in [
            ("alias_credit", s.alias_credit),
            ("variant_credit", s.variant_credit),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return bad(format!("scoring.{name} must be between 0 and 1, not {v}"));
            }
        }
        if self.groups.is_empty() {
            return bad("a profile needs at least one group of terms".into());
        }
        let mut group_ids = HashSet::new();
        let mut terms = HashSet::new();
        for g in &self.groups {
            if !group_ids.insert(g.id.as_str()) {
                return bad(format!("duplicate group id '{}'", g.id));
            }
            if g.weight <= 0.0 || !g.weight.is_finite() {
                return bad(format!("group '{}': weight must be > 0", g.id));
            }
            if g.terms.is_empty() {
                return bad(format!("group '{}' has no terms", g.id));
            }
            if let Some(c) = g.count
                && (c == 0 || c > g.terms.len())
            {
                return bad(format!(
                    "group '{}': count must be between 1 and its {} terms",
                    g.id,
                    g.terms.len()
                ));
            }
            for t in &g.terms {
                if t.term.trim().is_empty() {
                    return bad(format!("group '{}' has an empty term", g.id));
                }
                if !terms.insert(t.term.to_lowercase()) {
                    return bad(format!("term '{}' appears twice", t.term));
                }
                if t.weight <= 0.0 || !t.weight.is_finite() {
                    return bad(format!("term '{}': weight must be > 0", t.term));
                }
            }
        }
        for id in &self.checks.disable {
            if !crate::checks::IDS.contains(&id.as_str()) {
                return bad(format!(
                    "checks.disable: unknown check '{id}'{}; known: {}",
                    did_you_mean(id, crate::checks::IDS),
                    crate::checks::IDS.join(", ")
                ));
            }
        }
        let mut rule_ids = HashSet::new();
        let mut regexes = Vec::with_capacity(self.rules.len());
        for r in &self.rules {
            if !rule_ids.insert(r.id.as_str()) {
                return bad(format!("duplicate rule id '{}'", r.id));
            }
            if r.weight() < 0.0 || !r.weight().is_finite() {
                return bad(format!("rule '{}': weight must be >= 0", r.id));
            }
            let compiled = match &r.check {
                Check::Pattern { regex, .. } => match compile_regex(regex) {
                    Ok(re) => Some(re),
                    Err(e) => {
                        return bad(format!(
                            "rule '{}': invalid regex: {}",
                            r.id,
                            first_line(&e.to_string())
                        ));
                    }
                },
                _ => None,
            };
            regexes.push(compiled);
            let empty = match &r.check {
                Check::MissingAny { terms }
                | Check::RequiresContext { terms, .. }
                | Check::Prominence { terms, .. }
                | Check::SoftSignals { terms, .. } => terms.is_empty(),
                Check::Phrase { phrases, .. } => phrases.is_empty(),
                Check::Quantified { .. } | Check::Pattern { .. } => false,
            };
            if empty {
                return bad(format!("rule '{}' lists no terms", r.id));
            }
        }
        self.regexes = regexes;
        Ok(())
    }

    /// The compiled regex of rule `i`, for `pattern` rules.
    pub fn rule_regex(&self, i: usize) -> Option<&regex::Regex> {
        self.regexes.get(i).and_then(Option::as_ref)
    }
}

/// Compile a profile regex, case-insensitive, within size limits.
pub fn compile_regex(pattern: &str) -> std::result::Result<regex::Regex, regex::Error> {
    regex::RegexBuilder::new(pattern)
        .case_insensitive(true)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_SIZE_LIMIT)
        .build()
}

/// Build the resolved profile: the base (if any) with the overlay applied.
/// Groups and rules with a base id are changed in place; new ones are added.
fn merge(base: Option<Profile>, raw: RawProfile) -> std::result::Result<Profile, String> {
    let mut p = match base {
        Some(b) => b,
        None => Profile {
            id: String::new(),
            name: String::new(),
            extends: None,
            sources: Vec::new(),
            scoring: raw.scoring.clone().ok_or(
                "`scoring` is missing (only a profile that `extends` another may omit it)",
            )?,
            groups: Vec::new(),
            rules: Vec::new(),
            checks: ChecksConfig::default(),
            regexes: Vec::new(),
        },
    };
    p.id = raw.id;
    p.name = raw.name;
    p.extends = raw.extends;
    for s in raw.sources {
        if !p.sources.contains(&s) {
            p.sources.push(s);
        }
    }
    if let Some(scoring) = raw.scoring {
        p.scoring = scoring;
    }
    if let Some(checks) = raw.checks {
        p.checks = checks;
    }
    for g in raw.groups {
        if let Some(existing) = p.groups.iter_mut().find(|e| e.id == g.id) {
            if let Some(name) = g.name {
                existing.name = name;
            }
            if let Some(weight) = g.weight {
                existing.weight = weight;
            }
            if g.count.is_some() {
                existing.count = g.count;
            }
            for t in g.terms {
                match existing
                    .terms
                    .iter_mut()
                    .find(|e| e.term.eq_ignore_ascii_case(&t.term))
                {
                    Some(e) => *e = t,
                    None => existing.terms.push(t),
                }
            }
        } else {
            let (Some(name), Some(weight)) = (g.name, g.weight) else {
                return Err(format!(
                    "group '{}' is new here, so it needs a name and a weight",
                    g.id
                ));
            };
            p.groups.push(Group {
                id: g.id,
                name,
                weight,
                count: g.count,
                terms: g.terms,
            });
        }
    }
    for r in raw.rules {
        match p.rules.iter_mut().find(|e| e.id == r.id) {
            Some(e) => *e = r,
            None => p.rules.push(r),
        }
    }
    Ok(p)
}

/// serde reports an unknown key or variant with the valid ones; add the
/// closest as a suggestion ("unknown field `wieght`, ... (did you mean
/// `weight`?)").
fn with_suggestion(message: &str) -> String {
    let is_unknown = message.starts_with("unknown field") || message.starts_with("unknown variant");
    let wrong = message.split('`').nth(1);
    let valid: Vec<&str> = message
        .split_once("expected one of ")
        .or_else(|| message.split_once("expected "))
        .map(|(_, list)| list.split(", ").map(|v| v.trim_matches('`')).collect())
        .unwrap_or_default();
    match wrong {
        Some(wrong) if is_unknown && !valid.is_empty() => {
            format!(
                "{message}{}",
                did_you_mean(wrong, &valid).replace('\'', "`")
            )
        }
        _ => message.to_string(),
    }
}

/// serde-saphyr appends " at line L, column C"; we print the location as
/// `file:line:column` in front instead, the form editors can jump to.
fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").trim().to_string()
}

/// Ids (`company/role`) of the profiles built into the binary, sorted.
pub fn embedded_ids() -> Vec<&'static str> {
    let mut ids: Vec<_> = embedded::PROFILES.iter().map(|(id, _)| *id).collect();
    ids.sort_unstable();
    ids
}

/// The built-in profile text for an id.
pub(crate) fn embedded_text(id: &str) -> Option<&'static str> {
    embedded::PROFILES
        .iter()
        .find(|(i, _)| *i == id)
        .map(|(_, text)| *text)
}

/// Load a profile by company and role (user profiles first, then built-in),
/// refusing names that are not plain identifiers before looking anything
/// up. `generic` is the role's base profile. A company without a profile for
/// the role falls back to the base profile, with a note saying so; a company
/// name that looks like a typo of a known one is an error instead.
pub fn resolve(company: &str, role: &str) -> Result<Profile> {
    resolve_with_note(company, role).map(|(p, _)| p)
}

/// [`resolve`], with the note to show when it fell back to a base profile.
pub fn resolve_with_note(company: &str, role: &str) -> Result<(Profile, Option<String>)> {
    check_name("company", company)?;
    check_name("role", role)?;
    let wanted = if company == "generic" {
        format!("base/{role}")
    } else {
        format!("{company}/{role}")
    };
    if let Some((path, text)) = registry::find(&wanted) {
        return Ok((Profile::from_yaml(&path, &text)?, None));
    }
    let ids = registry::ids();
    let mut companies: Vec<&str> = ids
        .iter()
        .filter_map(|i| i.split('/').next())
        .filter(|c| *c != "base")
        .collect();
    companies.sort_unstable();
    companies.dedup();
    let roles: Vec<&str> = ids.iter().filter_map(|i| i.strip_prefix("base/")).collect();
    let base = format!("base/{role}");
    let known_company = companies.contains(&company) || company == "generic";
    let typo = did_you_mean(company, &companies);
    match registry::find(&base) {
        Some((path, text)) if known_company || typo.is_empty() => {
            let note = format!(
                "no {company}-specific profile for the {role} role; scoring against the general {role} profile ({base})"
            );
            Ok((Profile::from_yaml(&path, &text)?, Some(note)))
        }
        Some(_) => Err(Error::UnknownCompany {
            company: company.into(),
            suggestion: typo,
            available: companies.join(", "),
        }),
        None => {
            let mut available: Vec<&str> = ids
                .iter()
                .filter_map(|i| i.strip_prefix(company)?.strip_prefix('/'))
                .chain(roles.iter().copied())
                .collect();
            available.sort_unstable();
            available.dedup();
            if !known_company && available.is_empty() {
                return Err(Error::UnknownCompany {
                    company: company.into(),
                    suggestion: typo,
                    available: companies.join(", "),
                });
            }
            Err(Error::UnknownRole {
                company: company.into(),
                role: role.into(),
                suggestion: did_you_mean(role, &available),
                available: available.join(", "),
            })
        }
    }
}

/// Load a profile from a user's file.
pub fn load_file(path: &std::path::Path) -> Result<Profile> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| io_error(&name, e))?;
    if meta.is_dir() {
        return Err(Error::IsDirectory { path: name });
    }
    if meta.len() > MAX_PROFILE_BYTES as u64 {
        return Err(Error::ProfileInvalid {
            path: name,
            message: format!("profile is larger than {MAX_PROFILE_BYTES} bytes"),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| io_error(&name, e))?;
    let text = String::from_utf8(bytes).map_err(|_| Error::ProfileInvalid {
        path: name.clone(),
        message: "profile is not UTF-8 text".into(),
    })?;
    Profile::from_yaml(&name, &text)
}

/// Map an I/O error on `path` to the right typed error.
pub(crate) fn io_error(path: &str, e: std::io::Error) -> Error {
    match e.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound { path: path.into() },
        std::io::ErrorKind::IsADirectory => Error::IsDirectory { path: path.into() },
        _ => Error::Io {
            path: path.into(),
            source: e,
        },
    }
}

pub fn check_name(what: &'static str, value: &str) -> Result<()> {
    let ok = !value.is_empty()
        && value.len() <= 64
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(Error::BadName {
            what,
            value: value.into(),
        })
    }
}

fn did_you_mean(value: &str, choices: &[&str]) -> String {
    choices
        .iter()
        .map(|c| (strsim::jaro_winkler(value, c), c))
        .filter(|(score, _)| *score > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| format!(" (did you mean '{c}'?)"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_profile_loads() {
        assert!(!embedded_ids().is_empty());
        for id in embedded_ids() {
            let (company, role) = id.split_once('/').unwrap();
            let p = resolve(company, role).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(p.id, id);
        }
    }

    #[test]
    fn names_are_identifiers() {
        assert!(matches!(resolve("../etc", "x"), Err(Error::BadName { .. })));
        assert!(matches!(
            resolve("Apple", "backend"),
            Err(Error::BadName { .. })
        ));
    }

    #[test]
    fn suggests_closest_company() {
        let e = resolve("aple", "backend").unwrap_err().to_string();
        assert!(e.contains("did you mean 'apple'"), "{e}");
    }

    #[test]
    fn unknown_field_has_location() {
        let yaml = "id: a/b\nname: x\nsources: []\nscoring: {keywords: 1, rules: 0}\ngroups:\n  - id: g\n    name: g\n    wieght: 1\n";
        match Profile::from_yaml("p.yaml", yaml) {
            Err(Error::ProfileSyntax { line, message, .. }) => {
                assert_eq!(line, 8);
                assert!(message.contains("wieght"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }
}
