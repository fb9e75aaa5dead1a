//! Job-description mode: build a profile from a pasted job posting.
//!
//! The skills are found with a built-in taxonomy of technical terms and their
//! aliases (`taxonomy/skills.yaml`, kept as data and embedded in the binary),
//! matched with the same token-boundary matcher as profiles, so "Go" in a
//! posting is as safe from "go-to-market" as it is on a resume. Each skill is
//! weighted by where the posting asks for it: required sections weigh most,
//! nice-to-haves least, and a skill asked for again and again a little more.

use crate::error::{Error, Result};
use crate::matcher::Matcher;
use crate::model::HitKind;
use crate::normalize::normalize;
use crate::profile::compiled::phrase_spec;
use crate::profile::{ChecksConfig, Group, Profile, Scoring, Term};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

static TAXONOMY: &str = include_str!("../taxonomy/skills.yaml");

/// One skill of the taxonomy.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    pub term: String,
    pub category: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub aliases_case_sensitive: Vec<String>,
    #[serde(default)]
    pub case_sensitive: bool,
    #[serde(default)]
    pub exclude: Vec<String>,
}

struct Compiled {
    skills: Vec<Skill>,
    matcher: Matcher,
}

/// The taxonomy, parsed and compiled once.
fn compiled() -> &'static Compiled {
    static COMPILED: OnceLock<Compiled> = OnceLock::new();
    COMPILED.get_or_init(|| {
        let skills: Vec<Skill> = serde_saphyr::from_str(TAXONOMY)
            .expect("taxonomy/skills.yaml is valid (checked by tests)");
        let specs = skills
            .iter()
            .map(|s| phrase_spec(&term_of(s, 1.0), false))
            .collect();
        Compiled {
            matcher: Matcher::new(specs),
            skills,
        }
    })
}

/// The taxonomy's skills.
pub fn skills() -> &'static [Skill] {
    &compiled().skills
}

/// Which part of a posting a line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Required,
    Preferred,
    Other,
}

const REQUIRED: &[&str] = &[
    "requirements",
    "required",
    "required qualifications",
    "required skills",
    "minimum qualifications",
    "basic qualifications",
    "qualifications",
    "must have",
    "must haves",
    "must-haves",
    "what you'll need",
    "what you will need",
    "what you need",
    "you have",
    "you bring",
    "what we're looking for",
    "what we are looking for",
    "skills and experience",
    "who you are",
    "about you",
    "your experience",
    "your background",
    "what you bring",
    "key skills",
    "skills",
];
const PREFERRED: &[&str] = &[
    "nice to have",
    "nice-to-have",
    "nice to haves",
    "nice-to-haves",
    "preferred qualifications",
    "preferred",
    "preferred skills",
    "bonus",
    "bonus points",
    "pluses",
    "plus",
    "extra credit",
    "good to have",
    "ideally",
    "desirable",
    "even better",
    "it's a plus",
    "bonus if you have",
];
const OTHER: &[&str] = &[
    "responsibilities",
    "what you'll do",
    "what you will do",
    "about the role",
    "the role",
    "about us",
    "about the team",
    "who we are",
    "benefits",
    "perks",
    "what we offer",
    "compensation",
    "why join us",
    "our team",
    "the team",
    "your impact",
    "day to day",
    "how to apply",
];

/// The part a heading line opens, if the line is a heading.
fn heading(line: &str) -> Option<Part> {
    let t = line
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .to_lowercase()
        .replace('’', "'");
    if t.is_empty() || t.split_whitespace().count() > 8 {
        return None;
    }
    let key = t.trim_end_matches(':');
    let starts = |list: &[&str]| {
        list.iter()
            .any(|h| key == *h || (line.trim_end().ends_with(':') && key.starts_with(h)))
    };
    if starts(PREFERRED) {
        Some(Part::Preferred)
    } else if starts(REQUIRED) {
        Some(Part::Required)
    } else if starts(OTHER) {
        Some(Part::Other)
    } else {
        None
    }
}

/// A skill the posting asks for, and where.
#[derive(Debug, Clone)]
pub struct Asked {
    pub skill: usize,
    pub required: usize,
    pub preferred: usize,
    pub other: usize,
}

impl Asked {
    pub fn skill(&self) -> &'static Skill {
        &skills()[self.skill]
    }

    /// Required sections weigh 3, nice-to-haves and mentions elsewhere 1,
    /// each repetition beyond the first half a point more (at most 1).
    pub fn weight(&self) -> f64 {
        let base = if self.required > 0 { 3.0 } else { 1.0 };
        let repeats = (self.required + self.preferred + self.other)
            .saturating_sub(1)
            .min(2);
        base + 0.5 * repeats as f64
    }
}

/// The skills a posting asks for, in taxonomy order.
pub fn analyze(text: &str) -> Vec<Asked> {
    let c = compiled();
    let norm = normalize(text);
    // The part of each line, by the last heading above it.
    let mut parts = Vec::new();
    let mut part = Part::Other;
    let mut offset = 0;
    for line in norm.text.split_inclusive('\n') {
        if let Some(p) = heading(line) {
            part = p;
        }
        parts.push((offset, part));
        offset += line.len();
    }
    let part_at = |at: usize| {
        let i = parts.partition_point(|(o, _)| *o <= at).saturating_sub(1);
        parts.get(i).map_or(Part::Other, |(_, p)| *p)
    };
    let mut asked: BTreeMap<usize, Asked> = BTreeMap::new();
    for hit in c.matcher.find(&norm) {
        if hit.kind == HitKind::Typo {
            continue;
        }
        let a = asked.entry(hit.phrase).or_insert(Asked {
            skill: hit.phrase,
            required: 0,
            preferred: 0,
            other: 0,
        });
        match part_at(hit.span.start) {
            Part::Required => a.required += 1,
            Part::Preferred => a.preferred += 1,
            Part::Other => a.other += 1,
        }
    }
    asked.into_values().collect()
}

fn term_of(skill: &Skill, weight: f64) -> Term {
    Term {
        term: skill.term.clone(),
        weight,
        aliases: skill.aliases.clone(),
        aliases_case_sensitive: skill.aliases_case_sensitive.clone(),
        case_sensitive: skill.case_sensitive,
        exclude: skill.exclude.clone(),
        needs_context: None,
    }
}

/// A profile from a posting: one group per skill category, weighted as
/// [`Asked::weight`] says. `name` names the posting in the profile.
pub fn profile(name: &str, text: &str) -> Result<Profile> {
    let asked = analyze(text);
    if asked.is_empty() {
        return Err(Error::ProfileInvalid {
            path: name.into(),
            message: "no skills from the taxonomy were found in the job description".into(),
        });
    }
    let mut by_category: BTreeMap<&str, Vec<Term>> = BTreeMap::new();
    for a in &asked {
        let s = a.skill();
        by_category
            .entry(s.category.as_str())
            .or_default()
            .push(term_of(s, a.weight()));
    }
    let groups = by_category
        .into_iter()
        .map(|(category, terms)| Group {
            id: category.to_string(),
            name: category.to_string(),
            weight: terms.iter().map(|t| t.weight).sum(),
            count: None,
            terms,
        })
        .collect();
    let slug: String = name
        .rsplit('/')
        .next()
        .unwrap_or(name)
        .trim_end_matches(".txt")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let p = Profile {
        id: format!("jd/{slug}"),
        name: format!("Job description ({name})"),
        extends: None,
        sources: vec![format!("job description: {name}")],
        scoring: Scoring {
            keywords: 100.0,
            rules: 0.0,
            alias_credit: 0.5,
            variant_credit: 0.5,
            full_rules_at: 0.5,
        },
        groups,
        rules: Vec::new(),
        checks: ChecksConfig::default(),
    };
    p.validate(name)?;
    Ok(p)
}

/// A company/role profile joined with a posting: terms the posting asks for
/// weigh double, and the posting's other skills form one more group,
/// weighted up by half, so the posting counts for more than the profile.
pub fn combine(mut base: Profile, name: &str, text: &str) -> Result<Profile> {
    let asked = analyze(text);
    let mut extra = Vec::new();
    for a in &asked {
        let s = a.skill();
        let existing = base
            .groups
            .iter_mut()
            .flat_map(|g| g.terms.iter_mut())
            .find(|t| t.term.eq_ignore_ascii_case(&s.term));
        match existing {
            Some(t) => t.weight *= 2.0,
            None => extra.push(term_of(s, a.weight())),
        }
    }
    if !extra.is_empty() {
        base.groups.push(Group {
            id: "job-description".into(),
            name: "From the job description".into(),
            weight: 1.5 * extra.iter().map(|t| t.weight).sum::<f64>(),
            count: None,
            terms: extra,
        });
    }
    base.id = format!("{}+jd", base.id);
    base.name = format!("{} + job description", base.name);
    base.sources.push(format!("job description: {name}"));
    base.validate(name)?;
    Ok(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taxonomy_is_large_and_consistent() {
        let s = skills();
        assert!(s.len() >= 800, "{} skills", s.len());
        let mut seen = std::collections::HashSet::new();
        for skill in s {
            for name in std::iter::once(&skill.term)
                .chain(&skill.aliases)
                .chain(&skill.aliases_case_sensitive)
            {
                assert!(
                    seen.insert(name.to_lowercase()) || skill.case_sensitive,
                    "{name} twice"
                );
            }
        }
    }

    #[test]
    fn required_and_preferred_parts() {
        let text = "About us\nWe go-to-market fast.\n\nRequirements:\n- 5 years of Python and PostgreSQL\n\nNice to have:\n- Terraform\n";
        let asked = analyze(text);
        let find = |t: &str| asked.iter().find(|a| a.skill().term == t);
        assert_eq!(find("Python").unwrap().required, 1);
        assert_eq!(find("Terraform").unwrap().preferred, 1);
        assert!(find("Go").is_none());
    }
}
