//! Normalized text → section spans. Rules such as "Swift must be prominent"
//! need to know whether a keyword sits in Skills or is buried in an old job, and
//! evidence reads better with the section named. Resumes title sections in many
//! ways ("Technical Skills", "WORK HISTORY", "Experience:"), so headings are
//! recognised from a table of common titles, in any case, with or without a
//! trailing colon.

pub mod contact;

use crate::model::Span;
use crate::normalize::Normalized;
use serde::Serialize;

/// The kinds of section rules can refer to. `Header` is everything before the
/// first heading (name and contact data).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    Header,
    Summary,
    Skills,
    Experience,
    Projects,
    Education,
    Certifications,
    /// Interests and hobbies: words here are pastimes, not skills.
    Interests,
    Other,
}

impl SectionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Header => "header",
            SectionKind::Summary => "summary",
            SectionKind::Skills => "skills",
            SectionKind::Experience => "experience",
            SectionKind::Projects => "projects",
            SectionKind::Education => "education",
            SectionKind::Certifications => "certifications",
            SectionKind::Interests => "interests",
            SectionKind::Other => "other",
        }
    }
}

/// A detected section: its kind, its heading as written, and its span in the
/// normalized text (heading line included).
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub kind: SectionKind,
    pub title: String,
    #[serde(skip)]
    pub span: Span,
    /// 1-based raw line of the heading (or 1 for the header block).
    pub line: usize,
}

/// Common section titles, lower-case, without punctuation.
const TITLES: &[(SectionKind, &[&str])] = &[
    (
        SectionKind::Interests,
        &[
            "interests",
            "hobbies",
            "hobbies and interests",
            "interests and hobbies",
            "personal interests",
            "outside work",
            "outside of work",
            "beyond work",
            "when i am not coding",
        ],
    ),
    (
        SectionKind::Header,
        &[
            "contact",
            "contact info",
            "contact information",
            "contact details",
            "personal information",
            "personal details",
        ],
    ),
    (
        SectionKind::Summary,
        &[
            "summary",
            "professional summary",
            "career summary",
            "executive summary",
            "profile",
            "professional profile",
            "about",
            "about me",
            "objective",
            "career objective",
            "overview",
        ],
    ),
    (
        SectionKind::Skills,
        &[
            "skills",
            "technical skills",
            "core skills",
            "key skills",
            "relevant skills",
            "skills and tools",
            "skills tools",
            "skills and technologies",
            "technologies",
            "technology",
            "tech stack",
            "technical stack",
            "tools",
            "tools and technologies",
            "core competencies",
            "competencies",
            "technical proficiencies",
            "expertise",
            "areas of expertise",
        ],
    ),
    (
        SectionKind::Experience,
        &[
            "experience",
            "work experience",
            "professional experience",
            "relevant experience",
            "employment",
            "employment history",
            "work history",
            "career history",
            "professional history",
            "engineering experience",
        ],
    ),
    (
        SectionKind::Projects,
        &[
            "projects",
            "selected projects",
            "personal projects",
            "side projects",
            "key projects",
            "open source",
            "open source contributions",
        ],
    ),
    (
        SectionKind::Education,
        &[
            "education",
            "education and training",
            "academic background",
            "academics",
        ],
    ),
    (
        SectionKind::Certifications,
        &[
            "certifications",
            "certificates",
            "certification",
            "licenses and certifications",
            "awards",
            "honors and awards",
            "publications",
            "patents",
            "volunteering",
            "volunteer experience",
            "languages",
            "talks",
            "speaking",
            "talks and publications",
            "teaching",
            "teaching and mentoring",
            "mentoring",
            "awards and certifications",
            "leadership",
            "activities",
            "references",
        ],
    ),
];

/// The heading text without decoration: bullets, stars, `#`, colons.
fn heading_text(line: &str) -> &str {
    line.trim_matches(|c: char| !c.is_alphanumeric() && c != '&' && c != '(' && c != ')')
}

/// Classify one line as a heading, if it is one.
fn heading_kind(line: &str) -> Option<SectionKind> {
    let trimmed = heading_text(line);
    // Headings are capitalized; a lone lower-case word is a wrapped line
    // ("...cloud\ntechnologies"), and a line ending in punctuation is prose.
    if trimmed.chars().next().is_some_and(char::is_lowercase)
        || line.trim_end().ends_with(['.', ','])
    {
        return None;
    }
    if trimmed.is_empty() || trimmed.len() > 40 || trimmed.split_whitespace().count() > 5 {
        return None;
    }
    let key: String = trimmed
        .to_lowercase()
        .replace('&', " and ")
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for (kind, titles) in TITLES {
        // "Awards" and friends are grouped under certifications for rules,
        // but a real "Languages" skill heading is rare; keep it simple.
        if titles.contains(&key.as_str()) {
            return Some(*kind);
        }
    }
    None
}

/// Words that make an all-caps line a job title, not a heading.
const TITLE_WORDS: &[&str] = &[
    "engineer",
    "developer",
    "manager",
    "intern",
    "lead",
    "architect",
    "analyst",
    "scientist",
    "consultant",
    "director",
    "designer",
    "administrator",
    "specialist",
    "officer",
    "head",
];

/// An all-caps line that looks like a heading an ATS will not recognise
/// ("MY JOURNEY", "TOOLBOX"): short, letters only, not a job title, and not
/// a line of skills ("CSS" wrapped from "Tailwind CSS" in a sidebar,
/// "HTML & CSS", "HTML/CSS/GIT/SQL", "PHP").
fn unknown_heading(line: &str) -> bool {
    let t = heading_text(line);
    let words: Vec<&str> = t.split_whitespace().collect();
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    !words.is_empty()
        && words.len() <= 3
        && letters >= 3
        && t.chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '&' || c == '\'' || c == '/')
        && !words
            .iter()
            .any(|w| TITLE_WORDS.contains(&w.to_lowercase().as_str()))
        && !all_skills(t)
}

mod skills {
    include!(concat!(env!("OUT_DIR"), "/skill_names.rs"));
}

/// `word` (any case) is a technical skill of the taxonomy
/// (`taxonomy/skills.yaml`, its terms and aliases; not its practices).
pub(crate) fn is_skill_name(word: &str) -> bool {
    skills::SKILL_NAMES
        .binary_search(&word.to_lowercase().as_str())
        .is_ok()
}

/// Every part of `t` (split at spaces, `&`, `/` and commas) names a
/// technical skill of the taxonomy, or the whole line does.
fn all_skills(t: &str) -> bool {
    if is_skill_name(t.trim()) {
        return true;
    }
    let mut parts = t
        .split(|c: char| c.is_whitespace() || matches!(c, '&' | '/' | ','))
        .filter(|p| !p.is_empty())
        .peekable();
    parts.peek().is_some() && parts.all(is_skill_name)
}

/// A line that underlines the heading above it in text resumes (`-----`).
fn is_underline(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && t.chars().all(|c| matches!(c, '-' | '=' | '_' | '~'))
}

/// Split the document into sections. Lines before the first heading form the
/// `header` section. Headings are lines with a known title (any case), or
/// short lines underlined with `---`/`===`, or short all-caps lines (kind
/// `other` when the title is not one an ATS knows).
pub fn detect(norm: &Normalized) -> Vec<Section> {
    let text = &norm.text;
    let mut sections = vec![Section {
        kind: SectionKind::Header,
        title: String::new(),
        span: Span::new(0, text.len()),
        line: 1,
    }];
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut offset = 0;
    for (i, line) in lines.iter().enumerate() {
        let content = line.trim_end_matches('\n');
        let underlined = lines.get(i + 1).is_some_and(|next| is_underline(next))
            && heading_text(content).split_whitespace().count() <= 5
            && !heading_text(content).is_empty();
        // The first two lines are the name and contact line, often in caps.
        let kind = heading_kind(content).or_else(|| {
            (underlined || (i >= 2 && unknown_heading(content))).then_some(SectionKind::Other)
        });
        if let Some(kind) = kind {
            if let Some(last) = sections.last_mut() {
                last.span.end = offset;
            }
            sections.push(Section {
                kind,
                title: heading_text(content).to_string(),
                span: Span::new(offset, text.len()),
                line: norm.raw_line(offset),
            });
        }
        offset += line.len();
    }
    sections.retain(|s| s.kind != SectionKind::Header || s.span.end > s.span.start);
    sections
}

/// The section containing normalized offset `at`.
pub fn section_at(sections: &[Section], at: usize) -> SectionKind {
    sections
        .iter()
        .rev()
        .find(|s| s.span.start <= at)
        .map_or(SectionKind::Header, |s| s.kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    #[test]
    fn recognises_common_headings() {
        assert_eq!(heading_kind("TECHNICAL SKILLS"), Some(SectionKind::Skills));
        assert_eq!(heading_kind("Work History:"), Some(SectionKind::Experience));
        assert_eq!(heading_kind("Skills & Tools"), Some(SectionKind::Skills));
        assert_eq!(heading_kind("Education"), Some(SectionKind::Education));
        assert_eq!(heading_kind("technologies"), None);
        assert_eq!(heading_kind("Built skills in Go and Java for teams"), None);
        assert_eq!(
            heading_kind("\u{2605} SKILLS \u{2605}"),
            Some(SectionKind::Skills)
        );
    }

    #[test]
    fn unknown_and_underlined_headings() {
        let n = normalize(
            "NAME HERE\nme@example.com\nMY JOURNEY\n- Built things\nSENIOR BACKEND ENGINEER\n- more\nProjects I Loved\n----------\n- a project",
        );
        let s = detect(&n);
        let titles: Vec<(&str, SectionKind)> =
            s.iter().map(|s| (s.title.as_str(), s.kind)).collect();
        assert_eq!(
            titles,
            [
                ("", SectionKind::Header),
                ("MY JOURNEY", SectionKind::Other),
                ("Projects I Loved", SectionKind::Other),
            ]
        );
    }

    /// Found on the producer matrix (a sidebar wrapping "Tailwind CSS")
    /// and on real resumes: skill lines in capitals are not headings.
    #[test]
    fn skill_lines_in_capitals_are_not_headings() {
        for line in [
            "CSS",
            "PHP",
            "QML",
            "HTML & CSS",
            "HTML/CSS/GIT/SQL",
            "AWS, GCP",
        ] {
            let n = normalize(&format!(
                "NAME HERE\nme@example.com\nSKILLS\nVue, Tailwind\n{line}\n"
            ));
            let titles: Vec<String> = detect(&n).iter().map(|s| s.title.clone()).collect();
            assert_eq!(titles, ["", "SKILLS"], "{line}");
        }
        // Headings that name no skill, or a practice, still are.
        for line in ["TOOLBOX", "OPEN SOURCE", "MY JOURNEY"] {
            let n = normalize(&format!(
                "NAME HERE\nme@example.com\nSKILLS\nGo\n{line}\n- x\n"
            ));
            let titles: Vec<String> = detect(&n).iter().map(|s| s.title.clone()).collect();
            assert!(titles.iter().any(|t| t == line), "{line}: {titles:?}");
        }
    }

    #[test]
    fn splits_document() {
        let n = normalize(
            "Ada Lovelace\nada@example.com\n\nSKILLS\nGo, Java\nEXPERIENCE\n- Built things",
        );
        let s = detect(&n);
        let kinds: Vec<_> = s.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                SectionKind::Header,
                SectionKind::Skills,
                SectionKind::Experience
            ]
        );
        let go = n.text.find("Go,").unwrap();
        assert_eq!(section_at(&s, go), SectionKind::Skills);
        assert_eq!(section_at(&s, 0), SectionKind::Header);
    }
}
