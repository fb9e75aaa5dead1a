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
    Awards,
    Publications,
    /// Spoken languages ("German (native)"), not programming languages.
    Languages,
    Volunteering,
    References,
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
            SectionKind::Awards => "awards",
            SectionKind::Publications => "publications",
            SectionKind::Languages => "languages",
            SectionKind::Volunteering => "volunteering",
            SectionKind::References => "references",
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

/// Common section titles: lower-case, accents and punctuation removed
/// (see [`title_key`]). Besides English, the headings resumes use in German,
/// French, Spanish, Portuguese and Chinese (simplified and traditional): an
/// ATS for those markets files them, so they are standard there.
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
            "interessen",
            "hobbys",
            "freizeit",
            "centres d interet",
            "centres d interets",
            "loisirs",
            "intereses",
            "aficiones",
            "pasatiempos",
            "interesses",
            "hobbies e interesses",
            "兴趣爱好",
            "興趣",
            "興趣愛好",
            "兴趣",
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
            "personal data",
            "kontakt",
            "persoenliche daten",
            "personliche daten",
            "persoenliche angaben",
            "personliche angaben",
            "coordonnees",
            "informations personnelles",
            "contacto",
            "datos personales",
            "informacion personal",
            "contato",
            "dados pessoais",
            "informacoes pessoais",
            "联系方式",
            "個人資料",
            "个人信息",
            "基本信息",
            "聯絡方式",
        ],
    ),
    (
        SectionKind::Summary,
        &[
            "summary",
            "professional summary",
            "career summary",
            "executive summary",
            "summary of qualifications",
            "profile",
            "professional profile",
            "personal profile",
            "personal statement",
            "about",
            "about me",
            "objective",
            "career objective",
            "overview",
            "research interests",
            "research statement",
            "research profile",
            "profil",
            "kurzprofil",
            "uber mich",
            "zusammenfassung",
            "profil professionnel",
            "a propos",
            "a propos de moi",
            "objectif",
            "perfil",
            "perfil profesional",
            "resumen",
            "resumen profesional",
            "sobre mi",
            "objetivo",
            "perfil profissional",
            "resumo",
            "resumo profissional",
            "sobre mim",
            "个人简介",
            "个人总结",
            "自我评价",
            "个人概述",
            "職業概述",
            "個人簡介",
            "自我介紹",
            "簡介",
            "简介",
            "摘要",
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
            "skill areas",
            "skills summary",
            "skills and tools",
            "skills tools",
            "skills and technologies",
            "skills and expertise",
            "skills and abilities",
            "technical expertise",
            "technologies",
            "tech stack",
            "technical stack",
            "tools",
            "tools and technologies",
            "core competencies",
            "competencies",
            "technical proficiencies",
            "technical summary",
            "expertise",
            "areas of expertise",
            "programming languages",
            "kenntnisse",
            "it kenntnisse",
            "edv kenntnisse",
            "fahigkeiten",
            "faehigkeiten",
            "fachkenntnisse",
            "technische kenntnisse",
            "kompetenzen",
            "fachliche kompetenzen",
            "fahigkeiten und kenntnisse",
            "skills und kenntnisse",
            "competences",
            "competences techniques",
            "competences cles",
            "savoir faire",
            "habilidades",
            "habilidades tecnicas",
            "competencias",
            "competencias tecnicas",
            "conocimientos",
            "conocimientos tecnicos",
            "aptitudes",
            "competencias e habilidades",
            "habilidades e competencias",
            "conhecimentos",
            "conhecimentos tecnicos",
            "专业技能",
            "技能",
            "技术技能",
            "技能特长",
            "专业技术",
            "技能專長",
            "專業技能",
            "技術能力",
            "技術",
        ],
    ),
    (
        SectionKind::Experience,
        &[
            "experience",
            "work",
            "work experience",
            "professional experience",
            "relevant experience",
            "industry experience",
            "research experience",
            "teaching",
            "teaching experience",
            "employment",
            "employment history",
            "work history",
            "career history",
            "professional history",
            "engineering experience",
            "berufserfahrung",
            "berufliche erfahrung",
            "beruflicher werdegang",
            "werdegang",
            "praxiserfahrung",
            "experience professionnelle",
            "experiences professionnelles",
            "experiences",
            "parcours professionnel",
            "experiencia",
            "experiencia laboral",
            "experiencia profesional",
            "trayectoria profesional",
            "experiencia profissional",
            "experiencias profissionais",
            "historico profissional",
            "工作经历",
            "工作经验",
            "职业经历",
            "工作經歷",
            "工作經驗",
            "經歷",
            "经历",
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
            "academic projects",
            "notable projects",
            "relevant projects",
            "technical projects",
            "open source",
            "open source projects",
            "open source contributions",
            "projekte",
            "ausgewahlte projekte",
            "projets",
            "projets personnels",
            "proyectos",
            "proyectos personales",
            "projetos",
            "projetos pessoais",
            "项目经验",
            "项目经历",
            "项目",
            "專案",
            "專案經驗",
            "專案經歷",
            "項目經驗",
        ],
    ),
    (
        SectionKind::Education,
        &[
            "education",
            "education and training",
            "academic background",
            "academics",
            "educational background",
            "qualifications",
            "ausbildung",
            "bildung",
            "bildungsweg",
            "studium",
            "akademischer werdegang",
            "formation",
            "formations",
            "education et formation",
            "etudes",
            "formacion",
            "formacion academica",
            "educacion",
            "estudios",
            "formacao",
            "formacao academica",
            "educacao",
            "教育背景",
            "教育经历",
            "学历",
            "教育",
            "學歷",
            "教育經歷",
        ],
    ),
    (
        SectionKind::Certifications,
        &[
            "certifications",
            "certificates",
            "certification",
            "licenses and certifications",
            "licenses",
            "awards and certifications",
            "certifications and awards",
            "zertifikate",
            "zertifizierungen",
            "weiterbildung",
            "fortbildungen",
            "certificats",
            "certifications professionnelles",
            "certificaciones",
            "certificados",
            "certificacoes",
            "证书",
            "资格证书",
            "證照",
            "證書",
        ],
    ),
    (
        SectionKind::Awards,
        &[
            "awards",
            "honors",
            "honours",
            "honors and awards",
            "honours and awards",
            "awards and honors",
            "awards and honours",
            "achievements",
            "scholarships",
            "fellowships",
            "grants",
            "grants and awards",
            "auszeichnungen",
            "distinctions",
            "prix",
            "premios",
            "premios y reconocimientos",
            "reconocimientos",
            "premios e reconhecimentos",
            "reconhecimentos",
            "获奖情况",
            "荣誉奖项",
            "获奖经历",
            "獲獎",
            "獲獎紀錄",
            "榮譽",
        ],
    ),
    (
        SectionKind::Publications,
        &[
            "publications",
            "selected publications",
            "papers",
            "patents",
            "patents and publications",
            "talks",
            "speaking",
            "talks and publications",
            "talks and writing",
            "writing and talks",
            "writing",
            "publications and talks",
            "presentations",
            "conference talks",
            "invited talks",
            "publikationen",
            "veroffentlichungen",
            "veroeffentlichungen",
            "vortrage",
            "publicaciones",
            "publicacoes",
            "论文",
            "发表论文",
            "論文",
            "著作",
        ],
    ),
    (
        SectionKind::Languages,
        &[
            "languages",
            "language skills",
            "spoken languages",
            "sprachen",
            "sprachkenntnisse",
            "langues",
            "competences linguistiques",
            "idiomas",
            "lenguas",
            "linguas",
            "语言能力",
            "语言",
            "語言能力",
            "語言",
        ],
    ),
    (
        SectionKind::Volunteering,
        &[
            "volunteering",
            "volunteer experience",
            "volunteer work",
            "community involvement",
            "community service",
            "community",
            "leadership",
            "leadership and activities",
            "activities",
            "extracurricular activities",
            "teaching and mentoring",
            "mentoring",
            "service",
            "ehrenamt",
            "ehrenamtliches engagement",
            "engagement",
            "benevolat",
            "voluntariado",
            "trabajo voluntario",
            "trabalho voluntario",
            "志愿者经历",
            "志愿活动",
            "社团经历",
            "志工經驗",
            "社團經歷",
        ],
    ),
    (
        SectionKind::References,
        &[
            "references",
            "referees",
            "referenzen",
            "references professionnelles",
            "referencias",
        ],
    ),
];

/// The key a heading is looked up by: lower-case, accents dropped ("é" to
/// "e", "ä" to "a"), `&` read as "and", other punctuation as spaces.
fn title_key(heading: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    heading
        .replace('&', " and ")
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

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
    let key = title_key(trimmed);
    TITLES
        .iter()
        .find(|(_, titles)| titles.contains(&key.as_str()))
        .map(|(kind, _)| *kind)
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
        && !job_title(&words)
        && !all_skills(t)
}

/// One of the words names a job ("Senior Backend Engineer").
fn job_title(words: &[&str]) -> bool {
    words
        .iter()
        .any(|w| TITLE_WORDS.contains(&w.to_lowercase().as_str()))
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

/// Every item of `t` (split at commas, semicolons, bullets, `&`, `/` and
/// `|`) names a technical skill of the taxonomy, whole ("Visual Studio") or
/// word by word ("HTML CSS"), or the whole line does.
fn all_skills(t: &str) -> bool {
    if is_skill_name(t.trim()) {
        return true;
    }
    let mut items = t
        .split(['&', '/', ',', ';', '|', '•', '·'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .peekable();
    items.peek().is_some() && items.all(skill_item)
}

/// One item of a skills line names a technical skill, whole ("Visual
/// Studio") or word by word ("HTML CSS").
fn skill_item(item: &str) -> bool {
    is_skill_name(item) || item.split_whitespace().all(is_skill_name)
}

/// The first item of `t` (up to a comma, bullet, slash or tab) names a
/// technical skill: the row under a skills grid's labels ("Go · Python ·
/// Bash<tab>CI/CD · incident command").
fn starts_with_skill(t: &str) -> bool {
    t.split([',', ';', '|', '•', '·', '/', '\t'])
        .map(str::trim)
        .find(|p| !p.is_empty())
        .is_some_and(skill_item)
}

/// A styled line that reads like a heading: a few words starting with a
/// capital, no digits or separators (a job line has dates, commas or `|`),
/// not a job title ("Senior Backend Engineer" set as large as headings),
/// not a sentence.
fn styled_title(line: &str) -> bool {
    let t = heading_text(line);
    let words: Vec<&str> = t.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && t.chars().count() <= 40
        && !t.chars().next().is_some_and(char::is_lowercase)
        && !t
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, ',' | '|' | '@' | '/'))
        && !line.trim_end().ends_with(['.', ','])
        && !job_title(&words)
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
    detect_styled(norm, &[])
}

/// [`detect`], helped by the paragraphs the author styled as headings
/// (`(offset in the normalized text, outline level)`, from DOCX styles).
/// The level that the recognised headings use is the resume's section
/// level: another short line at that level is a heading too, even with a
/// title no table lists ("My Journey", reported as unusual), and a line at a
/// deeper level (a school or employer styled as a sub-heading) is not one,
/// however it is capitalised.
pub fn detect_styled(norm: &Normalized, styled: &[(usize, u8)]) -> Vec<Section> {
    let text = &norm.text;
    // Both lists are in text order: binary searches keep a hostile file of
    // millions of lines and styled paragraphs linear.
    let level_at = |start: usize, len: usize| {
        let i = styled.partition_point(|&(at, _)| at < start);
        styled
            .get(i)
            .filter(|&&(at, _)| at < start + len.max(1))
            .map(|&(_, level)| level)
    };
    let section_level = {
        let mut counts = std::collections::BTreeMap::<u8, usize>::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let content = line.trim_end_matches('\n');
            if let Some(level) = level_at(at, line.len())
                && heading_kind(content).is_some()
            {
                *counts.entry(level).or_default() += 1;
            }
            at += line.len();
        }
        counts
            .into_iter()
            .max_by_key(|&(level, n)| (n, std::cmp::Reverse(level)))
            .map(|(level, _)| level)
    };
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
        let level = section_level.and(level_at(offset, line.len()));
        let styled_heading =
            level == section_level && level.is_some() && i >= 1 && styled_title(content);
        let sub_heading = level.zip(section_level).is_some_and(|(l, s)| l > s);
        // The first two lines are the name and contact line, often in caps.
        let kind = heading_kind(content).or_else(|| {
            (underlined || styled_heading || (i >= 2 && !sub_heading && unknown_heading(content)))
                .then_some(SectionKind::Other)
        });
        let current = sections.last().map_or(SectionKind::Header, |s| s.kind);
        // Inside Skills, "Languages:" or "Tools" over a line of skills is the
        // label of a skills row (a sidebar puts it on a line of its own),
        // not a new section.
        let next = || {
            lines[i + 1..]
                .iter()
                .map(|l| l.trim())
                .find(|l| !l.is_empty())
        };
        let mut kind =
            kind.filter(|_| !(current == SectionKind::Skills && next().is_some_and(all_skills)));
        let mut title = heading_text(content);
        // A heading in a label column, with the section's first entry
        // beside it after a tab ("Work<tab>Frontend Developer"). Not a
        // skills row's label ("Languages<tab>Go, Python") nor a second
        // heading of the kind already open.
        if kind.is_none()
            && let Some(&tab) = norm
                .tabs
                .get(norm.tabs.partition_point(|&t| t <= offset))
                .filter(|&&t| t < offset + content.len())
        {
            let (label, rest) = content.split_at(tab - offset);
            let rest = rest.trim();
            kind = heading_kind(label).filter(|&k| {
                k != current
                    && !(current == SectionKind::Skills
                        && (starts_with_skill(rest) || next().is_some_and(starts_with_skill)))
            });
            if kind.is_some() {
                title = heading_text(label);
            }
        }
        if let Some(kind) = kind {
            if let Some(last) = sections.last_mut() {
                last.span.end = offset;
            }
            sections.push(Section {
                kind,
                title: title.to_string(),
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
