//! The match rate against a job posting, as the paid scanners report it:
//! hard skills (required, preferred, also named), soft skills, job title,
//! education and years of experience, each with the posting line that asks
//! and the resume line that answers. Only for profiles made from a posting
//! (`--jd`, or a `profile-from-jd` file).

use crate::analysis::Analysis;
use crate::jd::{Part, Posting};
use crate::model::HitKind;
use crate::profile::Profile;
use crate::rules::Measure;
use crate::rules::degree::DegreeLevel;
use serde::Serialize;
use std::fmt::Write;

/// Found and asked counts of one kind of skill; a list of alternatives
/// counts as one ask.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Count {
    pub found: usize,
    /// Of `found`, how many in the posting's own words.
    pub exact: usize,
    pub asked: usize,
}

impl Count {
    fn percent(self) -> Option<u32> {
        (self.asked > 0).then(|| (100.0 * self.found as f64 / self.asked as f64).round() as u32)
    }
}

/// One asked skill and how the resume answers it.
#[derive(Debug, Clone, Serialize)]
pub struct SkillRow<'a> {
    pub term: &'a str,
    pub part: Part,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<u32>,
    /// exact, alias, variant, or missing.
    pub found: &'static str,
    /// The posting line that asks for it.
    pub posting_line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resume_line: Option<usize>,
}

/// A comparison of the resume with one ask of the posting.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub matched: bool,
    /// What the posting asks, in words.
    pub asked: String,
    /// What the resume shows, in words (`None`: nothing found).
    pub found: Option<String>,
    pub posting_line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resume_line: Option<usize>,
}

/// The whole summary.
#[derive(Debug, Clone, Serialize)]
pub struct MatchRate<'a> {
    pub required: Count,
    pub preferred: Count,
    pub mentioned: Count,
    pub soft: Count,
    /// Certifications the posting names, found on the resume as written.
    pub certifications: Count,
    /// Found ÷ asked over every technical skill, in percent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hard_skills_percent: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub soft_skills_percent: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Check>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub education: Option<Check>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub experience: Option<Check>,
    pub skills: Vec<SkillRow<'a>>,
}

fn found_kind(kind: Option<HitKind>) -> &'static str {
    match kind {
        Some(HitKind::Exact) => "exact",
        Some(HitKind::Alias) => "alias",
        Some(HitKind::Variant) => "variant",
        Some(HitKind::Typo) | None => "missing",
    }
}

/// The summary, when the profile was made from a posting.
pub fn of<'a>(a: &'a Analysis, profile: &'a Profile) -> Option<MatchRate<'a>> {
    let posting: &Posting = profile.posting.as_ref()?;
    let mut rate = MatchRate {
        required: Count::default(),
        preferred: Count::default(),
        mentioned: Count::default(),
        soft: Count::default(),
        certifications: Count::default(),
        hard_skills_percent: None,
        soft_skills_percent: None,
        title: None,
        education: None,
        experience: None,
        skills: Vec::new(),
    };
    for (asked, soft) in posting
        .skills
        .iter()
        .map(|s| (s, false))
        .chain(posting.soft_skills.iter().map(|s| (s, true)))
    {
        let result = a
            .terms
            .iter()
            .find(|t| t.term.eq_ignore_ascii_case(&asked.term));
        let kind = result.and_then(|t| t.kind).filter(|k| *k != HitKind::Typo);
        let count = match (soft, asked.part) {
            (true, _) => &mut rate.soft,
            (false, Part::Required) => &mut rate.required,
            (false, Part::Preferred) => &mut rate.preferred,
            (false, Part::Mentioned) => &mut rate.mentioned,
        };
        // A list of alternatives ("Java, Ruby, or Go") is one ask, met by
        // its best member: counted at its first member.
        let list = posting
            .alternatives
            .iter()
            .find(|l| l.contains(&asked.term));
        match list {
            Some(l) if l[0] != asked.term => {}
            Some(l) => {
                let kinds: Vec<Option<HitKind>> = l
                    .iter()
                    .map(|t| {
                        a.terms
                            .iter()
                            .find(|r| r.term.eq_ignore_ascii_case(t))
                            .and_then(|r| r.kind)
                            .filter(|k| *k != HitKind::Typo)
                    })
                    .collect();
                count.asked += 1;
                count.found += usize::from(kinds.iter().any(Option::is_some));
                count.exact += usize::from(kinds.contains(&Some(HitKind::Exact)));
            }
            None => {
                count.asked += 1;
                count.found += usize::from(kind.is_some());
                count.exact += usize::from(kind == Some(HitKind::Exact));
            }
        }
        rate.skills.push(SkillRow {
            term: &asked.term,
            part: asked.part,
            years: asked.years,
            found: found_kind(kind),
            posting_line: asked.line,
            resume_line: kind.and(result.and_then(|t| t.evidence.as_ref().map(|e| e.line))),
        });
    }
    for c in &posting.certifications {
        let (term, _) = crate::jd::certification_names(&c.value);
        let kind = a
            .terms
            .iter()
            .find(|t| t.term.eq_ignore_ascii_case(&term))
            .and_then(|t| t.kind)
            .filter(|k| *k != HitKind::Typo);
        rate.certifications.asked += 1;
        rate.certifications.found += usize::from(kind.is_some());
        rate.certifications.exact += usize::from(kind == Some(HitKind::Exact));
    }
    let hard = Count {
        found: rate.required.found + rate.preferred.found + rate.mentioned.found,
        exact: 0,
        asked: rate.required.asked + rate.preferred.asked + rate.mentioned.asked,
    };
    rate.hard_skills_percent = hard.percent();
    rate.soft_skills_percent = rate.soft.percent();
    for r in &a.rules {
        let resume_line = r.line;
        match &r.measure {
            Some(Measure::Title { asked, found }) => {
                rate.title = Some(Check {
                    matched: !r.fired,
                    asked: asked.clone(),
                    found: found.clone(),
                    posting_line: posting.title.as_ref().map_or(0, |t| t.line),
                    resume_line,
                });
            }
            Some(Measure::Years { asked, found }) => {
                rate.experience = Some(Check {
                    matched: !r.fired,
                    asked: format!("{asked}+ years"),
                    found: found.map(|y| format!("{y:.1} years")),
                    posting_line: posting.years.as_ref().map_or(0, |t| t.line),
                    resume_line,
                });
            }
            Some(Measure::Degree { asked, found }) => {
                let field = posting
                    .degree
                    .as_ref()
                    .and_then(|d| d.value.field.as_ref())
                    .map(|f| format!(" in {f}"))
                    .unwrap_or_default();
                rate.education = Some(Check {
                    matched: !r.fired,
                    asked: format!("{}{field}", level_name(*asked)),
                    found: found.filter(|l| *l > DegreeLevel::None).map(level_name),
                    posting_line: posting.degree.as_ref().map_or(0, |t| t.line),
                    resume_line,
                });
            }
            None => {}
        }
    }
    Some(rate)
}

fn level_name(l: DegreeLevel) -> String {
    match l {
        DegreeLevel::None => "no degree",
        DegreeLevel::Associate => "associate degree",
        DegreeLevel::Bachelor => "bachelor's degree",
        DegreeLevel::Master => "master's degree",
        DegreeLevel::Phd => "PhD",
    }
    .to_string()
}

fn count_text(c: Count) -> String {
    format!("{} of {}", c.found, c.asked)
}

/// A pass or a fail, as every report shows it.
fn mark(ok: bool) -> &'static str {
    if ok { "✓" } else { "✗" }
}

/// The summary as (label, text) lines, shared by the human, Markdown and
/// HTML reports.
pub fn lines(rate: &MatchRate, posting: &Posting) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut skills = Vec::new();
    for (name, c) in [
        ("required", rate.required),
        ("preferred", rate.preferred),
        ("also named", rate.mentioned),
    ] {
        if c.asked > 0 {
            skills.push(format!("{name} {}", count_text(c)));
        }
    }
    if let Some(p) = rate.hard_skills_percent {
        out.push((
            "Hard skills".to_string(),
            format!("{p}% · {}", skills.join(" · ")),
        ));
    }
    if let Some(p) = rate.soft_skills_percent {
        out.push((
            "Soft skills".to_string(),
            format!("{p}% · {}", count_text(rate.soft)),
        ));
    }
    if rate.certifications.asked > 0 {
        let names: Vec<&str> = posting
            .certifications
            .iter()
            .map(|c| c.value.as_str())
            .collect();
        out.push((
            "Certificates".to_string(),
            format!(
                "{} asked: {}",
                count_text(rate.certifications),
                names.join(", ")
            ),
        ));
    }
    let check = |c: &Check, what: &str| {
        let found = match (&c.found, c.resume_line) {
            (Some(f), Some(line)) => format!("resume: {f} (line {line})"),
            (Some(f), None) => format!("resume: {f}"),
            (None, _) => format!("resume: no {what} found"),
        };
        format!(
            "{} posting asks {} (line {}); {found}",
            mark(c.matched),
            c.asked,
            c.posting_line
        )
    };
    match &rate.title {
        Some(c) => out.push(("Job title".into(), check(c, "matching title"))),
        None if posting.title.is_none() => out.push((
            "Job title".into(),
            "the posting's title was not found (put it on a line of its own, or \"Job title: …\")"
                .into(),
        )),
        None => {}
    }
    if let Some(c) = &rate.education {
        out.push(("Education".into(), check(c, "degree")));
    } else if let Some(d) = &posting.degree {
        out.push((
            "Education".into(),
            format!("{} posting asks no degree (line {})", mark(true), d.line),
        ));
    } else {
        out.push((
            "Education".into(),
            format!("{} posting names no degree", mark(true)),
        ));
    }
    if rate.experience.is_none() {
        out.push((
            "Experience".into(),
            format!("{} posting asks no number of years", mark(true)),
        ));
    }
    if let Some(c) = &rate.experience {
        out.push(("Experience".into(), check(c, "dated roles")));
    }
    out
}

/// The summary as a block of the human report.
pub fn render(rate: &MatchRate, posting: &Posting, width: usize) -> String {
    let mut out = String::new();
    let what = match (&posting.title, &posting.company) {
        (Some(t), Some(c)) => format!("{} at {}", t.value, c.value),
        (Some(t), None) => t.value.clone(),
        _ => "the job posting".into(),
    };
    let _ = writeln!(out, "Match rate against {what}");
    for (label, text) in lines(rate, posting) {
        let wrapped = super::wrap(&text, width, &" ".repeat(15));
        let body = wrapped.trim_start();
        let _ = write!(out, "  {label:<12} {body}");
    }
    out
}
