//! ats-score: how an Applicant Tracking System will read and score a resume
//! for a given company and role, and what to change.
//!
//! The pipeline, one stage per module, data flowing one way:
//! extract (bytes → text) → normalize (→ canonical text with a map back) →
//! sections → matcher (profile terms → hits) → rules (mistakes and tips) →
//! score (a pure formula) → report (table, JSON, explanation).
//!
//! The library never prints; the binary decides what goes to stdout/stderr.

pub mod batch;
pub mod checks;
pub mod error;
pub mod extract;
pub mod matcher;
pub mod model;
pub mod normalize;
pub mod profile;
pub mod report;
pub mod rules;
pub mod score;
pub mod sections;

use crate::error::{Error, Result};
use crate::extract::{Extracted, Format};
use crate::matcher::{Hit, Matcher, PhraseSpec};
use crate::model::{Evidence, Finding, HitKind, Severity, Span};
use crate::normalize::Normalized;
use crate::profile::{Category, Profile};
use crate::sections::Section;
use crate::sections::contact::Contact;
use std::collections::HashMap;

/// A profile compiled for scoring: the matcher is built once and reused for
/// every resume (a batch scores hundreds with one `Scorer`).
pub struct Scorer {
    profile: Profile,
    matcher: Matcher,
    /// `term_phrase[g][t]`: the matcher phrase of term `t` of group `g`.
    term_phrase: Vec<Vec<usize>>,
    /// Compiled regex of each rule (only `pattern` rules have one).
    rule_regex: Vec<Option<regex::Regex>>,
}

/// How one profile term fared on this resume.
#[derive(Debug, Clone)]
pub struct TermResult {
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
    pub reason: String,
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

impl Scorer {
    /// Compile a profile: every term, alias and rule phrase goes into one
    /// matcher; every rule regex is compiled now, never while scoring.
    pub fn new(profile: Profile) -> Result<Scorer> {
        let mut specs: Vec<PhraseSpec> = Vec::new();
        let mut by_text: HashMap<String, usize> = HashMap::new();
        let mut term_phrase = Vec::with_capacity(profile.groups.len());
        for group in &profile.groups {
            let mut ids = Vec::with_capacity(group.terms.len());
            for t in &group.terms {
                let aliases = t
                    .aliases
                    .iter()
                    .map(|a| (a.clone(), false))
                    .chain(t.aliases_case_sensitive.iter().map(|a| (a.clone(), true)))
                    .collect();
                by_text.insert(t.term.to_lowercase(), specs.len());
                ids.push(specs.len());
                specs.push(PhraseSpec {
                    text: t.term.clone(),
                    aliases,
                    case_sensitive: t.case_sensitive,
                    exclude: t.exclude.clone(),
                    typos: true,
                });
            }
            term_phrase.push(ids);
        }
        for rule in &profile.rules {
            for phrase in rules::phrases(&rule.check) {
                by_text.entry(phrase.to_lowercase()).or_insert_with(|| {
                    specs.push(PhraseSpec {
                        text: phrase.to_string(),
                        ..Default::default()
                    });
                    specs.len() - 1
                });
            }
        }
        let rule_regex = (0..profile.rules.len())
            .map(|i| profile.rule_regex(i).cloned())
            .collect();
        Ok(Scorer {
            matcher: Matcher::new(specs),
            profile,
            term_phrase,
            rule_regex,
        })
    }

    pub fn profile(&self) -> &Profile {
        &self.profile
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
        Ok(self.score_text(name, extracted))
    }

    /// The pipeline after extraction.
    pub fn score_text(&self, name: &str, extracted: Extracted) -> Analysis {
        let norm = normalize::normalize(&extracted.text);
        let sections = sections::detect(&norm);
        let contact = sections::contact::find(&norm);
        let evidence = |span: Span| make_evidence(&extracted, &norm, &sections, span);
        // Words under Interests/Hobbies are pastimes ("Kafka and Borges",
        // "Taylor Swift trivia"), not skills: they neither score nor trigger
        // rules.
        let mut hits = self.matcher.find(&norm);
        hits.retain(|h| {
            sections::section_at(&sections, h.span.start) != sections::SectionKind::Interests
        });

        let mut by_phrase: HashMap<usize, Vec<&Hit>> = HashMap::new();
        for h in &hits {
            by_phrase.entry(h.phrase).or_default().push(h);
        }
        let mut terms = Vec::new();
        for (g, group) in self.profile.groups.iter().enumerate() {
            for (t, term) in group.terms.iter().enumerate() {
                let found = by_phrase
                    .get(&self.term_phrase[g][t])
                    .map_or(&[][..], Vec::as_slice);
                terms.push(self.term_result(g, &term.term, term.weight, found, &norm, &evidence));
            }
        }

        let ctx = rules::Context {
            norm: &norm,
            sections: &sections,
            hits: hits.iter().filter(|h| h.kind != HitKind::Typo).fold(
                HashMap::new(),
                |mut m, h| {
                    let key = self.matcher.specs()[h.phrase].text.to_lowercase();
                    m.entry(key).or_insert_with(Vec::new).push(h.clone());
                    m
                },
            ),
            evidence: &evidence,
        };
        let mut findings = Vec::new();
        let mut rule_results = Vec::new();
        for (rule, regex) in self.profile.rules.iter().zip(&self.rule_regex) {
            let outcome = rules::evaluate(&rule.check, &ctx, regex.as_ref());
            if outcome.fired {
                findings.push(Finding {
                    id: rule.id.clone(),
                    severity: rule.severity,
                    category: rule.category.as_str().into(),
                    message: rule.message.clone(),
                    fix: rule.fix.clone(),
                    evidence: outcome.evidence,
                });
            }
            rule_results.push(RuleResult {
                id: rule.id.clone(),
                category: rule.category,
                severity: rule.severity,
                weight: rule.weight(),
                fired: outcome.fired,
                reason: outcome.reason,
            });
        }
        findings.extend(typo_findings(&terms));
        let term_spans: Vec<Span> = hits
            .iter()
            .filter(|h| h.kind != HitKind::Typo && self.is_term_phrase(h.phrase))
            .map(|h| h.span)
            .collect();
        findings.extend(checks::run(&checks::Input {
            extracted: &extracted,
            norm: &norm,
            sections: &sections,
            contact: &contact,
            term_spans: &term_spans,
            evidence: &evidence,
            max_repeats: self
                .profile
                .checks
                .max_repeats
                .unwrap_or(checks::MAX_REPEATS),
        }));
        let disabled = &self.profile.checks.disable;
        findings.retain(|f| !disabled.contains(&f.id));
        // Most severe first; among equals: mistakes, misspellings, parsing
        // problems, tips. The sort is stable, so profile order is kept.
        let rank = |c: &str| match c {
            "mistake" => 0,
            "check" => 1,
            "parse" => 2,
            _ => 3,
        };
        findings.sort_by_key(|f| (f.severity, rank(&f.category)));

        let breakdown = self.breakdown(&terms, &rule_results, None);
        for i in 0..terms.len() {
            if terms[i].credit < 1.0 {
                let better = self.breakdown(&terms, &rule_results, Some(i));
                // Below a thousandth of a point is float noise, not a gain
                // (a term whose group is already full gains nothing).
                let gain = better.exact - breakdown.exact;
                terms[i].gain = if gain < 1e-3 { 0.0 } else { gain };
            }
        }
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

    /// Whether matcher phrase `p` is a profile term: terms are compiled
    /// first, rule phrases after them.
    fn is_term_phrase(&self, p: usize) -> bool {
        p < self.term_phrase.iter().map(Vec::len).sum::<usize>()
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
        let scoring = &self.profile.scoring;
        let credit = match kind {
            Some(HitKind::Exact) => 1.0,
            Some(HitKind::Alias) => scoring.alias_credit,
            Some(HitKind::Variant) => scoring.variant_credit,
            Some(HitKind::Typo) | None => 0.0,
        };
        TermResult {
            group,
            term: term.to_string(),
            weight,
            kind,
            credit,
            found: best.map(|h| norm.text[h.span.start..h.span.end].replace('\n', " ")),
            evidence: best.map(|h| evidence(h.span)),
            occurrences: hits.iter().filter(|h| h.kind != HitKind::Typo).count(),
            gain: 0.0,
            typos: hits
                .iter()
                .filter(|h| h.kind == HitKind::Typo)
                .map(|h| {
                    let found = norm.text[h.span.start..h.span.end].replace('\n', " ");
                    (found, evidence(h.span))
                })
                .collect(),
        }
    }

    /// The score; with `upgrade`, as if that term had been written exactly.
    fn breakdown(
        &self,
        terms: &[TermResult],
        rules: &[RuleResult],
        upgrade: Option<usize>,
    ) -> score::Breakdown {
        let mut groups: Vec<score::GroupInput> = self
            .profile
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
                credit: if upgrade == Some(i) { 1.0 } else { t.credit },
            });
        }
        let rules: Vec<score::RuleInput> = rules
            .iter()
            .map(|r| score::RuleInput {
                weight: r.weight,
                fired: r.fired,
            })
            .collect();
        let s = &self.profile.scoring;
        score::score(s.keywords, s.rules, &groups, &rules)
    }
}

/// A misspelled keyword earns nothing and is a mistake to fix.
fn typo_findings(terms: &[TermResult]) -> Vec<Finding> {
    terms
        .iter()
        .filter_map(|t| t.typos.first().map(|(found, _)| (t, found)))
        .map(|(t, found)| {
            Finding {
                id: "misspelled-keyword".into(),
                severity: Severity::Warning,
                category: "check".into(),
                message: format!(
                    "\"{found}\" looks like a misspelling of \"{}\"; an ATS search for \"{}\" will not find it",
                    t.term, t.term
                ),
                fix: format!("write \"{}\"", t.term),
                evidence: t.typos.iter().map(|(_, e)| e.clone()).collect(),
            }
        })
        .collect()
}

/// Longest snippet shown as evidence, in characters.
const SNIPPET_CHARS: usize = 70;

/// Evidence for a span: raw line number, page, section, and the original text
/// around it, with control characters removed so a hostile file cannot send
/// escape sequences to the user's terminal.
fn make_evidence(
    extracted: &Extracted,
    norm: &Normalized,
    sections: &[Section],
    span: Span,
) -> Evidence {
    let line = norm.raw_line(span.start);
    let raw_at = norm.raw_offset(span.start);
    let text = norm.raw_line_text(&extracted.text, line);
    let line_start = norm.raw_line_start(line);
    let column = extracted
        .text
        .get(line_start..raw_at.max(line_start))
        .map_or(0, |s| s.chars().count());
    Evidence {
        line,
        page: extracted.page_of(raw_at),
        section: sections::section_at(sections, span.start)
            .as_str()
            .to_string(),
        snippet: snippet(text, column),
    }
}

/// The line with control characters blanked, cut to [`SNIPPET_CHARS`]
/// around `column` when longer, with runs of spaces collapsed.
fn snippet(line: &str, column: usize) -> String {
    let chars: Vec<char> = line
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let (start, end) = if chars.len() <= SNIPPET_CHARS {
        (0, chars.len())
    } else {
        let end = (column.min(chars.len()).saturating_sub(SNIPPET_CHARS / 3) + SNIPPET_CHARS)
            .min(chars.len());
        (end - SNIPPET_CHARS, end)
    };
    let body: String = chars[start..end].iter().collect();
    let mut out = body.split_whitespace().collect::<Vec<_>>().join(" ");
    if start > 0 {
        out.insert(0, '…');
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}

/// Compile one of our own fixed patterns (numbers of scale, contact data)
/// with regex-lite. Their subjects are ASCII and a page of text, so the
/// optimizing engine of `regex` buys nothing at match time, while compiling
/// them with it cost about half of the instructions of a whole run (measured
/// with callgrind; see BENCHMARKS.md). Profile `pattern` rules still use
/// `regex`, with its size limits.
pub(crate) fn ascii_regex(pattern: &str) -> regex_lite::Regex {
    regex_lite::Regex::new(pattern)
        .unwrap_or_else(|e| panic!("built-in pattern {pattern:?} does not compile: {e}"))
}

/// Read a resume from a path (`-` for stdin) with errors that name it.
/// Only regular files are read (a FIFO or device could block or never end),
/// and never more than `limits.max_bytes`.
pub fn read_input(path: &str, limits: &extract::Limits) -> Result<(String, Vec<u8>)> {
    use std::io::Read;
    let (name, reader): (String, Box<dyn Read>) = if path == "-" {
        ("<stdin>".into(), Box::new(std::io::stdin()))
    } else {
        let meta = std::fs::metadata(path).map_err(|e| profile::io_error(path, e))?;
        let kind = meta.file_type();
        if kind.is_dir() {
            return Err(Error::IsDirectory { path: path.into() });
        }
        if !kind.is_file() {
            return Err(Error::NotRegular {
                path: path.into(),
                kind: special_kind(&kind),
            });
        }
        if meta.len() > limits.max_bytes {
            return Err(extract::too_large(path, meta.len(), limits));
        }
        let file = std::fs::File::open(path).map_err(|e| profile::io_error(path, e))?;
        (path.to_string(), Box::new(file))
    };
    let mut bytes = Vec::new();
    reader
        .take(limits.max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| profile::io_error(&name, e))?;
    if bytes.len() as u64 > limits.max_bytes {
        return Err(extract::too_large(&name, bytes.len() as u64, limits));
    }
    Ok((name, bytes))
}

/// What kind of special file this is, for the error message.
fn special_kind(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "device";
        }
    }
    let _ = kind;
    "special file"
}
