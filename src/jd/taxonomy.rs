//! The skill taxonomy (`taxonomy/skills.yaml` and `soft-skills.yaml`),
//! precompiled by `build.rs`: one JSON text per skill and a sorted table of
//! every squashed key of every form. A posting is scanned by looking each
//! window of its words up in the table, and only the skills it names are
//! parsed and compiled into a matcher, so a posting costs what a small
//! profile costs, not the 35 ms of compiling 2,000 skills.

use crate::matcher::{Hit, Matcher, PhraseSpec, squashed_windows};
use crate::normalize::Normalized;
use serde::{Deserialize, Serialize};

include!(concat!(env!("OUT_DIR"), "/taxonomy.rs"));

/// One skill of the taxonomy.
#[derive(Debug, Clone, Deserialize, Serialize)]
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

impl Skill {
    /// A name the taxonomy lacks, read from a list beside known skills
    /// (`listed`): found by its own words only, and in their case, so the
    /// CAM package "Esprit" is not "esprit de corps" nor "Scratch" "from
    /// scratch".
    pub fn listed(name: &str) -> Skill {
        Skill {
            term: name.to_string(),
            category: "listed".to_string(),
            aliases: Vec::new(),
            aliases_case_sensitive: Vec::new(),
            case_sensitive: true,
            exclude: Vec::new(),
        }
    }

    /// A soft skill (communication, mentoring), reported apart from the
    /// technical ones.
    pub fn is_soft(&self) -> bool {
        self.category == "soft"
    }

    fn spec(&self) -> PhraseSpec {
        PhraseSpec {
            text: self.term.clone(),
            also_exact: Vec::new(),
            aliases: self
                .aliases
                .iter()
                .map(|a| (a.clone(), false))
                .chain(
                    self.aliases_case_sensitive
                        .iter()
                        .map(|a| (a.clone(), true)),
                )
                .collect(),
            case_sensitive: self.case_sensitive,
            exclude: self.exclude.clone(),
            // Typos are not looked for in a posting, but skill specs are
            // what the context check takes as evidence for ordinary words.
            typos: true,
            needs_context: None,
        }
    }
}

/// How many skills the taxonomy has.
pub fn len() -> usize {
    SKILLS.len()
}

/// Skill `i`, parsed from its JSON (checked by a test for every skill).
pub fn skill(i: usize) -> Option<Skill> {
    SKILLS
        .get(i)
        .and_then(|json| serde_json::from_str(json).ok())
}

/// The skills some window of `norm` may be a form of: a superset of the
/// skills the matcher can find there, since the table holds every key the
/// matcher would build for them.
pub fn candidates(norm: &Normalized) -> Vec<usize> {
    let mut out = Vec::new();
    // One more token than the longest form: a one-word name split in two
    // by a PDF ("Postgre SQL") is a window of two.
    squashed_windows(&norm.lower, MAX_TOKENS + 1, |key| {
        let i = KEYS.partition_point(|(k, _)| *k < key);
        match KEYS.get(i) {
            Some((k, ids)) if *k == key => {
                out.extend(ids.iter().map(|&id| usize::from(id)));
                true
            }
            Some((k, _)) => k.starts_with(key),
            None => false,
        }
    });
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether `first` followed by the word `second` is a name of some skill
/// ("Ansible Tower", "Delta Lake"): then the second word is part of the
/// name, not a place after it.
pub fn names_a_skill(first: &str, second: &str) -> bool {
    knows(&format!("{first} {second}"))
}

/// Whether `name` is a form of some skill of the taxonomy, read or not.
pub fn knows(name: &str) -> bool {
    let key = crate::matcher::squashed(&name.to_lowercase());
    KEYS.binary_search_by(|(k, _)| (*k).cmp(key.as_str()))
        .is_ok()
}

/// Skills found in a text: each skill and its hits (exact, alias or
/// variant; typos are not looked for, as they never count in a posting).
pub fn find(norm: &Normalized) -> Vec<(Skill, Vec<Hit>)> {
    let skills: Vec<Skill> = candidates(norm).into_iter().filter_map(skill).collect();
    if skills.is_empty() {
        return Vec::new();
    }
    let matcher = Matcher::new(skills.iter().map(Skill::spec).collect())
        .checking_names()
        .without_typos();
    let mut found: Vec<Vec<Hit>> = vec![Vec::new(); skills.len()];
    for hit in matcher.find(norm) {
        found[hit.phrase].push(hit);
    }
    skills
        .into_iter()
        .zip(found)
        .filter(|(_, hits)| !hits.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::HitKind;
    use crate::normalize::normalize;

    #[test]
    fn every_skill_parses_and_names_are_unique() {
        assert!(len() >= 800, "{} skills", len());
        let mut seen = std::collections::HashSet::new();
        for i in 0..len() {
            let skill = skill(i).unwrap_or_else(|| panic!("skill {i} does not parse"));
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
        assert!((0..len()).filter_map(skill).any(|s| s.is_soft()));
    }

    #[test]
    fn the_keys_find_what_the_full_matcher_finds() {
        // The precompiled scan must lose nothing: compile every skill, as
        // before, and compare on a text naming many of them in many forms.
        let text = "Go, Golang, k8s, Kubernetes clusters, Postgre SQL, NodeJS and Node.js, \
                    REST APIs, message queues, C++ and C#, Objective C, scikit learn, \
                    Apache Kafka, ELK stack, CI/CD, excellent communication skills, \
                    mentored engineers, BS or MS in Computer Science.";
        let norm = normalize(text);
        let all: Vec<Skill> = (0..len()).filter_map(skill).collect();
        let full = Matcher::new(all.iter().map(Skill::spec).collect());
        let mut expected: Vec<String> = full
            .find(&norm)
            .into_iter()
            .filter(|h| h.kind != HitKind::Typo)
            .map(|h| all[h.phrase].term.clone())
            .collect();
        expected.sort();
        expected.dedup();
        let mut got: Vec<String> = find(&norm).into_iter().map(|(s, _)| s.term).collect();
        got.sort();
        assert_eq!(got, expected);
        assert!(got.iter().any(|t| t == "Kubernetes"), "{got:?}");
        assert!(
            !got.iter().any(|t| t.contains("Object-relational")),
            "{got:?}"
        );
    }

    /// A place noun after a name is part of it where the pair is a skill's
    /// name ("Delta Lake", "Ansible Tower"), not where it is a place.
    #[test]
    fn names_of_skills_that_hold_a_place_noun() {
        assert!(names_a_skill("Delta", "Lake"));
        assert!(names_a_skill("Ansible", "Tower"));
        assert!(!names_a_skill("Kotlin", "Island"));
        assert!(!names_a_skill("Splunk", "building"));
    }
}
