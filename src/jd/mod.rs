//! Job-description mode: a profile from a job posting.
//!
//! [`posting`] reads what the posting asks (title, company, required and
//! preferred skills, years, degree, certifications); [`taxonomy`] finds its
//! skills with a precompiled taxonomy. The profile made here searches the
//! posting's own words as the exact phrases (its ATS will search for
//! "Kafka" if that is what it says, not "Apache Kafka"), with the taxonomy's
//! other names as aliases, and adds rules that compare the resume with the
//! posting's title, years and degree.

mod listed;
pub mod posting;
pub mod taxonomy;

use crate::error::{Error, Result};
use crate::model::Severity;
use crate::profile::{Check, ChecksConfig, Group, Profile, Rule, RuleCategory, Scoring, Term};
use crate::rules::degree::DegreeLevel;
pub use posting::{AskedSkill, DegreeAsk, Part, Posting, Said, Workplace};
use taxonomy::Skill;

/// Required skills weigh three times the others; soft skills half.
const REQUIRED_FACTOR: f64 = 3.0;
const SOFT_FACTOR: f64 = 0.5;

/// A term's weight: one, and half a point more per repetition (at most
/// one point): a skill the posting names again and again matters more.
fn weight(asked: &AskedSkill) -> f64 {
    1.0 + 0.5 * asked.mentions.saturating_sub(1).min(2) as f64
}

/// The profile term for an asked skill: the posting's wording exact, the
/// taxonomy's other names aliases.
fn term_of(asked: &AskedSkill, skill: &Skill) -> Term {
    let wording = asked.term.clone();
    let same = |a: &String| a.eq_ignore_ascii_case(&wording);
    let case_sensitive = (skill.case_sensitive && skill.term == wording)
        || skill.aliases_case_sensitive.contains(&wording);
    let mut aliases: Vec<String> = std::iter::once(&skill.term)
        .chain(&skill.aliases)
        .filter(|a| !same(a))
        .cloned()
        .collect();
    let mut aliases_case_sensitive: Vec<String> = skill
        .aliases_case_sensitive
        .iter()
        .filter(|a| **a != wording)
        .cloned()
        .collect();
    // A case-sensitive canonical name ("Go") stays case-sensitive as an
    // alias.
    if skill.case_sensitive && skill.term != wording {
        aliases.retain(|a| *a != skill.term);
        aliases_case_sensitive.push(skill.term.clone());
    }
    Term {
        term: wording,
        weight: weight(asked),
        also_exact: Vec::new(),
        aliases,
        aliases_case_sensitive,
        case_sensitive,
        exclude: skill.exclude.clone(),
        needs_context: None,
    }
}

/// The profile's skill groups: required, each list of alternatives,
/// preferred, mentioned, soft.
fn groups(parsed: &posting::Parsed) -> Vec<Group> {
    let p = &parsed.posting;
    let any_required = p.skills.iter().any(|s| s.part == Part::Required);
    let group = |id: String, name: String, factor: f64, terms: Vec<Term>| {
        (!terms.is_empty()).then(|| Group {
            id,
            name,
            weight: factor * terms.iter().map(|t| t.weight).sum::<f64>(),
            count: None,
            terms,
        })
    };
    let in_list = |term: &str| p.alternatives.iter().any(|l| l.iter().any(|t| t == term));
    let pick = |part: Part| -> Vec<Term> {
        p.skills
            .iter()
            .zip(&parsed.skills)
            .filter(|(a, _)| a.part == part && !in_list(&a.term))
            .map(|(a, s)| term_of(a, s))
            .collect()
    };
    let mut out = Vec::new();
    out.extend(group(
        "required".into(),
        "Required skills".into(),
        REQUIRED_FACTOR,
        pick(Part::Required),
    ));
    // "Java, Ruby, or Go": one group per list, in which the best term
    // counts, so a second of them gains nothing.
    for (n, list) in p.alternatives.iter().enumerate() {
        let members: Vec<(&AskedSkill, &Skill)> = p
            .skills
            .iter()
            .zip(&parsed.skills)
            .filter(|(a, _)| list.contains(&a.term))
            .collect();
        let Some((first, _)) = members.first() else {
            continue;
        };
        let factor = match first.part {
            Part::Required => REQUIRED_FACTOR,
            Part::Mentioned if !any_required => REQUIRED_FACTOR,
            _ => 1.0,
        };
        let terms: Vec<Term> = members.iter().map(|(a, s)| term_of(a, s)).collect();
        let best = terms.iter().map(|t| t.weight).fold(0.0, f64::max);
        out.push(Group {
            id: format!("{}-one-of-{}", first.part.as_str(), n + 1),
            name: format!("{} skills, one of", capitalized(first.part.as_str())),
            weight: factor * best,
            count: Some(1),
            terms,
        });
    }
    out.extend(group(
        "preferred".into(),
        "Preferred skills".into(),
        1.0,
        pick(Part::Preferred),
    ));
    // A posting that never says what is required asks for what it names.
    let mentioned_factor = if any_required { 1.0 } else { REQUIRED_FACTOR };
    out.extend(group(
        "mentioned".into(),
        "Also named in the posting".into(),
        mentioned_factor,
        pick(Part::Mentioned),
    ));
    let soft: Vec<Term> = p
        .soft_skills
        .iter()
        .zip(&parsed.skills[p.skills.len()..])
        .map(|(a, s)| term_of(a, s))
        .collect();
    out.extend(group(
        "soft-skills".into(),
        "Soft skills".into(),
        SOFT_FACTOR,
        soft,
    ));
    // Certifications the posting names: searched as written ("CISSP",
    // "AWS Certified Solutions Architect"), weighed like preferred skills,
    // since postings mostly accept equivalent experience.
    let taken: Vec<String> = out
        .iter()
        .flat_map(|g| &g.terms)
        .map(|t| t.term.to_lowercase())
        .collect();
    let mut certifications: Vec<Term> = Vec::new();
    for c in &p.certifications {
        let (name, short) = certification_names(&c.value);
        if taken.contains(&name.to_lowercase())
            || certifications
                .iter()
                .any(|t| t.term.eq_ignore_ascii_case(&name))
        {
            continue;
        }
        certifications.push(Term {
            term: name,
            weight: 1.0,
            also_exact: short,
            aliases: Vec::new(),
            aliases_case_sensitive: Vec::new(),
            case_sensitive: false,
            exclude: Vec::new(),
            needs_context: Some(false),
        });
    }
    out.extend(group(
        "certifications".into(),
        "Certifications".into(),
        1.0,
        certifications,
    ));
    out
}

/// A certification's term and its other exact names: "GIAC Certified
/// Incident Handler (GCIH)" is searched as either.
pub fn certification_names(name: &str) -> (String, Vec<String>) {
    match name.strip_suffix(')').and_then(|n| n.rsplit_once(" (")) {
        Some((long, short)) => (long.to_string(), vec![short.to_string()]),
        None => (name.to_string(), Vec::new()),
    }
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The rules that compare a resume with what the posting asks.
fn posting_rules(p: &Posting) -> Vec<Rule> {
    let mut rules = Vec::new();
    if let Some(title) = &p.title {
        let t = &title.value;
        rules.push(Rule {
            id: "job-title".into(),
            category: RuleCategory::Mistake,
            severity: Severity::Warning,
            weight: Some(3.0),
            message: format!(
                "The posting's title \"{t}\" (posting line {}) is not your headline or one of your job titles",
                title.line
            ),
            fix: format!(
                "Recruiters search by title first: if it is true of you, put \"{t}\" (or the closest title you held) in the headline under your name"
            ),
            check: Check::JobTitle {
                titles: vec![t.clone()],
            },
        });
    }
    if let Some(years) = &p.years {
        let n = years.value;
        rules.push(Rule {
            id: "years-of-experience".into(),
            category: RuleCategory::Mistake,
            severity: Severity::Warning,
            weight: Some(3.0),
            message: format!(
                "The posting asks for {n}+ years of experience (posting line {}); your dated roles add up to less",
                years.line
            ),
            fix: "Give every role a start and an end month (\"Mar 2019 – Present\") so an ATS can count your years; if you have fewer, show the equivalent work in projects".into(),
            check: Check::Years { min: f64::from(n) },
        });
    }
    if let Some(degree) = p
        .degree
        .as_ref()
        .filter(|d| d.value.level > DegreeLevel::None)
    {
        let d = &degree.value;
        let field = d
            .field
            .as_ref()
            .map(|f| format!(" in {f}"))
            .unwrap_or_default();
        let (category, severity, weight, how) = if d.required {
            (RuleCategory::Mistake, Severity::Warning, 2.0, "asks for")
        } else {
            (RuleCategory::Tip, Severity::Info, 1.0, "prefers")
        };
        rules.push(Rule {
            id: "degree".into(),
            category,
            severity,
            weight: Some(weight),
            message: format!(
                "The posting {how} {}{field} (posting line {}); the resume does not show it",
                d.level.describe(),
                degree.line
            ),
            fix: "Write the degree in its usual form under Education (\"B.S. in Computer Science, 2018\"); if you have equivalent experience instead, say so in your summary".into(),
            check: Check::Degree { level: d.level },
        });
    }
    rules
}

/// The check every posting gets that does not depend on it: achievements
/// with numbers (the built-in parse checks run for every profile).
fn impact_rule() -> Rule {
    Rule {
        id: "quantified-impact".into(),
        category: RuleCategory::Tip,
        severity: Severity::Warning,
        weight: Some(2.0),
        message: "Too few achievements carry a number".into(),
        fix: "Put numbers on your work: users, requests, money, time saved, error rates (\"cut checkout latency from 900 ms to 300 ms\")".into(),
        check: Check::Quantified { min: 3 },
    }
}

fn slug(name: &str) -> String {
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
    // "--jd-text" and "<stdin>" give "jd-text" and "stdin".
    match slug.trim_matches('-') {
        "" => "posting".to_string(),
        s => s.to_string(),
    }
}

/// "Senior Backend Engineer at Acme (job posting)".
fn display_name(p: &Posting, name: &str) -> String {
    match (&p.title, &p.company) {
        (Some(t), Some(c)) => format!("{} at {} (job posting)", t.value, c.value),
        (Some(t), None) => format!("{} (job posting {name})", t.value),
        _ => format!("Job posting ({name})"),
    }
}

/// A profile from a posting. `name` names the posting in the profile.
pub fn profile(name: &str, text: &str) -> Result<Profile> {
    let parsed = posting::parse(text);
    if parsed.skills.is_empty() {
        return Err(Error::ProfileInvalid {
            path: name.into(),
            message: "no skills from the taxonomy were found in the job description".into(),
        });
    }
    let mut rules = posting_rules(&parsed.posting);
    rules.push(impact_rule());
    let p = Profile {
        id: format!("jd/{}", slug(name)),
        name: display_name(&parsed.posting, name),
        extends: None,
        sources: vec![format!("job description: {name}")],
        scoring: Scoring {
            keywords: 75.0,
            rules: 25.0,
            alias_credit: 0.5,
            variant_credit: 0.5,
            full_rules_at: 0.5,
        },
        groups: groups(&parsed),
        rules,
        checks: ChecksConfig::default(),
        posting: Some(parsed.posting),
    };
    p.validate(name)?;
    Ok(p)
}

/// A company/role profile joined with a posting: terms the posting asks
/// for weigh double and take the posting's wording, the posting's other
/// skills form one more group weighted up by half, and its title, years
/// and degree rules join the profile's.
pub fn combine(mut base: Profile, name: &str, text: &str) -> Result<Profile> {
    let parsed = posting::parse(text);
    let mut extra = Vec::new();
    for (asked, skill) in parsed.posting.all_skills().zip(&parsed.skills) {
        let forms: Vec<String> = std::iter::once(&skill.term)
            .chain(&skill.aliases)
            .chain(&skill.aliases_case_sensitive)
            .map(|f| f.to_lowercase())
            .collect();
        let existing = base
            .groups
            .iter_mut()
            .flat_map(|g| g.terms.iter_mut())
            .find(|t| forms.contains(&t.term.to_lowercase()));
        match existing {
            Some(t) => {
                t.weight *= 2.0;
                if !t.term.eq_ignore_ascii_case(&asked.term) {
                    let old = std::mem::replace(&mut t.term, asked.term.clone());
                    t.aliases.retain(|a| !a.eq_ignore_ascii_case(&asked.term));
                    t.also_exact
                        .retain(|a| !a.eq_ignore_ascii_case(&asked.term));
                    t.aliases.push(old);
                }
            }
            None => extra.push(term_of(asked, skill)),
        }
    }
    // The profile's terms must stay unique after the renames.
    let mut seen = std::collections::HashSet::new();
    extra.retain(|t| {
        !base
            .groups
            .iter()
            .flat_map(|g| &g.terms)
            .any(|b| b.term.eq_ignore_ascii_case(&t.term))
            && seen.insert(t.term.to_lowercase())
    });
    if !extra.is_empty() {
        base.groups.push(Group {
            id: "job-description".into(),
            name: "From the job description".into(),
            weight: 1.5 * extra.iter().map(|t| t.weight).sum::<f64>(),
            count: None,
            terms: extra,
        });
    }
    let ids: Vec<String> = base.rules.iter().map(|r| r.id.clone()).collect();
    base.rules.extend(
        posting_rules(&parsed.posting)
            .into_iter()
            .filter(|r| !ids.contains(&r.id)),
    );
    base.id = format!("{}+jd", base.id);
    base.name = format!("{} + job description", base.name);
    base.sources.push(format!("job description: {name}"));
    base.posting = Some(parsed.posting);
    base.validate(name)?;
    Ok(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_and_preferred_parts() {
        let text = "About us\nWe go-to-market fast.\n\nRequirements:\n- 5 years of experience with Python and PostgreSQL\n\nNice to have:\n- Terraform\n";
        let parsed = posting::parse(text);
        let find = |t: &str| parsed.posting.skills.iter().find(|a| a.term == t);
        assert_eq!(find("Python").unwrap().part, Part::Required);
        assert_eq!(find("Python").unwrap().years, Some(5));
        assert_eq!(find("Terraform").unwrap().part, Part::Preferred);
        assert!(find("Go").is_none());
    }
}
