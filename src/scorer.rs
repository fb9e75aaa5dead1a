//! The pipeline after extraction, for one compiled profile: normalize, find
//! sections and contact data, match, run the profile's rules and the
//! built-in checks, and score. A [`Scorer`] is built once and shared by
//! every resume of a batch.

use crate::analysis::{Analysis, RuleResult, Stats, TermResult};
use crate::error::Result;
use crate::extract::{self, Extracted};
use crate::matcher::Hit;
use crate::model::{Evidence, Finding, FindingId, HitKind, Span};
use crate::normalize::{self, Normalized};
use crate::profile::{CompiledProfile, Profile};
use crate::{checks, evidence, rules, score, sections};
use std::collections::HashMap;

/// A profile compiled for scoring.
pub struct Scorer {
    compiled: CompiledProfile,
    /// The month "Present" means in a resume's dates.
    today: rules::years::Month,
}

impl Scorer {
    /// Compile a profile: every term, alias and rule phrase goes into one
    /// matcher (rule regexes were compiled when the profile was read).
    pub fn new(profile: Profile) -> Scorer {
        Scorer {
            compiled: CompiledProfile::new(profile),
            today: rules::years::this_month(),
        }
    }

    /// Read resumes as of `month` (`--as-of`): "Present" in a date range
    /// means that month, so a report made again later says the same.
    pub fn as_of(mut self, month: rules::years::Month) -> Scorer {
        self.today = month;
        self
    }

    pub fn profile(&self) -> &Profile {
        self.compiled.profile()
    }

    /// Score a file's bytes; `name` is how the file is named in messages.
    pub fn score_bytes(&self, name: &str, bytes: &[u8]) -> Result<Analysis> {
        self.score_bytes_with(name, bytes, None, &extract::Limits::default())
    }

    /// Like [`Scorer::score_bytes`], giving up on a slow PDF at `deadline`
    /// and refusing files over `limits`.
    pub fn score_bytes_with(
        &self,
        name: &str,
        bytes: &[u8],
        deadline: Option<extract::Deadline>,
        limits: &extract::Limits,
    ) -> Result<Analysis> {
        let extracted = extract::extract(name, bytes, deadline, limits)?;
        Ok(self.score_text(name, &extracted))
    }

    /// The pipeline after extraction.
    pub fn score_text(&self, name: &str, extracted: &Extracted) -> Analysis {
        let profile = self.compiled.profile();
        let norm = normalize::normalize(&extracted.text);
        let mut styled: Vec<(usize, u8)> = extracted
            .layout
            .headings
            .iter()
            .map(|&(raw, level)| (norm.norm_offset(raw), level))
            .collect();
        styled.sort_unstable_by_key(|&(at, _)| at);
        let sections = sections::detect_styled(&norm, &styled);
        let mut contact = sections::contact::find(&norm);
        contact.add_links(&extracted.layout.links, |page| {
            let raw = page
                .and_then(|p| extracted.page_starts.get(p.saturating_sub(1)))
                .copied()
                .unwrap_or(0);
            let at = norm.norm_offset(raw).min(norm.text.len().saturating_sub(1));
            Span::new(at, at + 1)
        });
        let evidence = |span: Span| evidence::make(extracted, &norm, &sections, span);
        // Words under Interests/Hobbies are pastimes ("Kafka and Borges",
        // "Taylor Swift trivia"), not skills: they neither score nor trigger
        // rules.
        let skills: Vec<Span> = sections
            .iter()
            .filter(|s| s.kind == sections::SectionKind::Skills)
            .map(|s| s.span)
            .collect();
        let mut hits = self.compiled.matcher().find_in(&norm, &skills);
        hits.retain(|h| {
            sections::section_at(&sections, h.span.start) != sections::SectionKind::Interests
        });

        let mut terms = self.term_results(&hits, &norm, &evidence);
        let (rule_results, mut findings) = self.run_rules(&hits, &norm, &sections, &evidence);
        let term_spans: Vec<Span> = hits
            .iter()
            .filter(|h| h.kind != HitKind::Typo && self.compiled.is_term_phrase(h.phrase))
            .map(|h| h.span)
            .collect();
        findings.extend(checks::run(
            &checks::Input {
                extracted,
                norm: &norm,
                sections: &sections,
                contact: &contact,
                terms: &terms,
                term_spans: &term_spans,
                evidence: &evidence,
                max_repeats: profile.checks.max_repeats.unwrap_or(checks::MAX_REPEATS),
            },
            &profile.checks.disable,
        ));
        // Most severe first; among equals, in the order reports list the
        // categories. The sort is stable, so profile order is kept.
        findings.sort_by_key(|f| (f.severity, f.category));

        let breakdown = self.breakdown(&terms, &rule_results, &[]);
        for i in 0..terms.len() {
            if terms[i].credit < 1.0 {
                let better = self.breakdown(&terms, &rule_results, &[i]);
                // Below a thousandth of a point is float noise, not a gain
                // (a term whose group is already full gains nothing).
                let gain = better.exact - breakdown.exact;
                terms[i].gain = if gain < 1e-3 { 0.0 } else { gain };
            }
        }
        self.mark_alternatives(&mut terms, &rule_results);
        let stats = Stats {
            characters: norm.text.chars().count(),
            words: norm.text.split_whitespace().count(),
            lines: norm.text.lines().count(),
            pages: (!extracted.page_starts.is_empty()).then_some(extracted.page_starts.len()),
        };
        let contact_at = contact
            .items()
            .map(|(_, item)| {
                let raw = norm.raw_offset(item.span.start);
                let place = extracted.layout.regions_at(raw).map(|r| r.kind).next();
                (norm.raw_line(item.span.start), place)
            })
            .collect();
        let region_lines = extracted
            .layout
            .regions
            .iter()
            .map(|r| {
                let line = |raw: usize| norm.raw_line(norm.norm_offset(raw));
                (line(r.start), line(r.end.saturating_sub(1)))
            })
            .collect();
        Analysis {
            input: name.to_string(),
            format: extracted.format,
            notices: extracted.notices.clone(),
            stats,
            sections,
            contact,
            contact_at,
            layout: extracted.layout.clone(),
            region_lines,
            terms,
            rules: rule_results,
            findings,
            breakdown,
        }
    }

    /// How every profile term fared, in profile order.
    fn term_results(
        &self,
        hits: &[Hit],
        norm: &Normalized,
        evidence: &dyn Fn(Span) -> Evidence,
    ) -> Vec<TermResult> {
        let mut by_phrase: HashMap<usize, Vec<&Hit>> = HashMap::new();
        for h in hits {
            by_phrase.entry(h.phrase).or_default().push(h);
        }
        let mut terms = Vec::new();
        for (g, group) in self.profile().groups.iter().enumerate() {
            for (t, term) in group.terms.iter().enumerate() {
                let found = by_phrase
                    .get(&self.compiled.term_phrase(g, t))
                    .map_or(&[][..], Vec::as_slice);
                terms.push(self.term_result(g, &term.term, term.weight, found, norm, evidence));
            }
        }
        terms
    }

    /// Run every profile rule: each one's outcome, and a finding for each
    /// that fired.
    fn run_rules(
        &self,
        hits: &[Hit],
        norm: &Normalized,
        sections: &[sections::Section],
        evidence: &dyn Fn(Span) -> Evidence,
    ) -> (Vec<RuleResult>, Vec<Finding>) {
        let mut by_text: HashMap<String, Vec<Hit>> = HashMap::new();
        for h in hits.iter().filter(|h| h.kind != HitKind::Typo) {
            by_text
                .entry(self.compiled.phrase_text(h.phrase).to_lowercase())
                .or_default()
                .push(h.clone());
        }
        let ctx = rules::Context {
            norm,
            sections,
            hits: by_text,
            evidence,
            today: self.today,
        };
        let mut findings = Vec::new();
        let mut results = Vec::new();
        for rule in &self.profile().rules {
            let outcome = rules::evaluate(&rule.check, &ctx);
            let line = outcome.evidence.first().map(|e| e.line);
            if outcome.fired {
                findings.push(Finding {
                    id: FindingId::Rule(rule.id.clone()),
                    severity: rule.severity,
                    category: rule.category.into(),
                    message: rule.message.clone(),
                    fix: rule.fix.clone(),
                    evidence: outcome.evidence.clone(),
                });
            }
            results.push(RuleResult {
                id: rule.id.clone(),
                category: rule.category.into(),
                severity: rule.severity,
                weight: rule.weight(),
                fired: outcome.fired,
                reason: outcome.reason,
                measure: outcome.measure,
                line,
            });
        }
        (results, findings)
    }

    fn term_result(
        &self,
        group: usize,
        term: &str,
        weight: f64,
        hits: &[&Hit],
        norm: &Normalized,
        evidence: &dyn Fn(Span) -> Evidence,
    ) -> TermResult {
        let best = hits.iter().min_by_key(|h| (h.kind, h.span.start));
        let kind = best.map(|h| h.kind);
        let scoring = &self.profile().scoring;
        let credit = match kind {
            Some(HitKind::Exact) => 1.0,
            Some(HitKind::Alias) => scoring.alias_credit,
            Some(HitKind::Variant) => scoring.variant_credit,
            Some(HitKind::Typo) | None => 0.0,
        };
        let text = |h: &Hit| norm.text[h.span.start..h.span.end].replace('\n', " ");
        TermResult {
            group,
            term: term.to_string(),
            weight,
            kind,
            credit,
            found: best.map(|h| text(h)),
            evidence: best.map(|h| evidence(h.span)),
            occurrences: hits.iter().filter(|h| h.kind != HitKind::Typo).count(),
            gain: 0.0,
            one_of: Vec::new(),
            typos: hits
                .iter()
                .filter(|h| h.kind == HitKind::Typo)
                .map(|h| (text(h), evidence(h.span)))
                .collect(),
        }
    }

    /// Terms of one group that stand for each other: adding any one of them
    /// gains what adding all of them gains ("any one of AWS, Google Cloud,
    /// Azure"). Each such set is one edit, not one edit per term, so the
    /// gains a report lists add up. They are the terms of a group that gain
    /// the same alone, when the best of them alone fills the group: after
    /// it, the others can add nothing. One score per group, so a profile
    /// of thousands of terms costs what its groups do.
    fn mark_alternatives(&self, terms: &mut [TermResult], rules: &[RuleResult]) {
        for g in 0..self.profile().groups.len() {
            let mut members: Vec<usize> = (0..terms.len())
                .filter(|&t| terms[t].group == g && terms[t].gain > 0.0)
                .collect();
            if members.len() < 2 {
                continue;
            }
            members.sort_by(|&a, &b| terms[b].gain.total_cmp(&terms[a].gain).then(a.cmp(&b)));
            let best = members[0];
            let filled = self
                .breakdown(terms, rules, &[best])
                .groups
                .get(g)
                .is_some_and(|c| *c >= 1.0 - 1e-9);
            members.retain(|&t| (terms[t].gain - terms[best].gain).abs() < 1e-3);
            if !filled || members.len() < 2 {
                continue;
            }
            let names: Vec<String> = members.iter().map(|&t| terms[t].term.clone()).collect();
            for &t in &members {
                terms[t].one_of = names.clone();
            }
        }
    }

    /// The score; with `upgrade`, as if those terms had been written exactly.
    fn breakdown(
        &self,
        terms: &[TermResult],
        rules: &[RuleResult],
        upgrade: &[usize],
    ) -> score::Breakdown {
        let mut groups: Vec<score::GroupInput> = self
            .profile()
            .groups
            .iter()
            .map(|g| score::GroupInput {
                weight: g.weight,
                count: g.count,
                terms: Vec::with_capacity(g.terms.len()),
            })
            .collect();
        for (i, t) in terms.iter().enumerate() {
            groups[t.group].terms.push(score::TermCredit {
                weight: t.weight,
                credit: if upgrade.contains(&i) { 1.0 } else { t.credit },
            });
        }
        let rules: Vec<score::RuleInput> = rules
            .iter()
            .map(|r| score::RuleInput {
                weight: r.weight,
                fired: r.fired,
            })
            .collect();
        let s = &self.profile().scoring;
        let split = score::Split {
            keywords: s.keywords,
            rules: s.rules,
            full_rules_at: s.full_rules_at,
        };
        score::score(split, &groups, &rules)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Category, CheckId};

    fn apple() -> Scorer {
        Scorer::new(crate::profile::resolve("apple", "backend").unwrap())
    }

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn tiers_and_credit() {
        let a = apple()
            .score_bytes("weak.txt", &fixture("resumes/weak.txt"))
            .unwrap();
        let term = |t: &str| a.terms.iter().find(|r| r.term == t).unwrap();
        assert_eq!(term("Python").kind, Some(HitKind::Exact));
        assert_eq!(term("Python").credit, 1.0);
        assert_eq!(term("Node.js").kind, Some(HitKind::Alias));
        assert_eq!(term("Node.js").found.as_deref(), Some("NodeJS"));
        assert_eq!(term("Kubernetes").typos[0].0, "Kubernets");
        assert_eq!(term("Swift").kind, None);
        assert!(term("Swift").gain > 0.0);
        assert_eq!(a.breakdown.score, 22);
    }

    #[test]
    fn findings_are_typed_and_sorted() {
        let a = apple()
            .score_bytes("injection.txt", &fixture("integrity/injection.txt"))
            .unwrap();
        let first = &a.findings[0];
        assert_eq!(first.id, FindingId::Check(CheckId::PromptInjection));
        assert_eq!(first.category, Category::Integrity);
        assert!(
            a.findings
                .windows(2)
                .all(|w| (w[0].severity, w[0].category) <= (w[1].severity, w[1].category))
        );
        // Every fired rule has a finding that costs its points.
        for (i, r) in a.rules.iter().enumerate().filter(|(_, r)| r.fired) {
            let f = a
                .findings
                .iter()
                .find(|f| f.id.rule() == Some(r.id.as_str()))
                .unwrap();
            assert_eq!(a.cost(f), a.breakdown.rule_points[i]);
        }
    }

    #[test]
    fn disabled_checks_do_not_report() {
        let mut p = crate::profile::resolve("apple", "backend").unwrap();
        p.checks.disable = vec![CheckId::PromptInjection, CheckId::MissingPhone];
        let a = Scorer::new(p)
            .score_bytes("injection.txt", &fixture("integrity/injection.txt"))
            .unwrap();
        assert!(
            a.findings
                .iter()
                .all(|f| f.id != FindingId::Check(CheckId::PromptInjection))
        );
    }
}
