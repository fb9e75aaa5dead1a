//! Contact data: email, phone, LinkedIn, GitHub, other links, location. An
//! ATS fills its candidate record from these, and one that misses the email
//! or phone leaves a recruiter nothing to act on.

use crate::extract::Link;
use crate::model::Span;
use crate::normalize::Normalized;
use regex_lite::Regex;
use std::sync::LazyLock;

/// One piece of contact data and where it is in the normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub value: String,
    pub span: Span,
    /// Set when the item is only a link target (a `mailto:` behind an
    /// envelope icon): the page of the link. `span` then marks the start of
    /// that page, the nearest place in the text.
    pub link_page: Option<usize>,
}

/// Everything found, in document order within each kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contact {
    pub emails: Vec<Item>,
    pub phones: Vec<Item>,
    pub linkedin: Vec<Item>,
    pub github: Vec<Item>,
    pub websites: Vec<Item>,
    pub location: Option<Item>,
}

impl Contact {
    /// Every item with its kind, for reports.
    pub fn items(&self) -> impl Iterator<Item = (&'static str, &Item)> {
        let kinds: [(&'static str, &[Item]); 5] = [
            ("email", &self.emails),
            ("phone", &self.phones),
            ("linkedin", &self.linkedin),
            ("github", &self.github),
            ("website", &self.websites),
        ];
        kinds
            .into_iter()
            .flat_map(|(k, items)| items.iter().map(move |i| (k, i)))
            .chain(self.location.iter().map(|i| ("location", i)))
    }
}

/// Compile one of our own fixed patterns with regex-lite. Their subjects
/// are ASCII and a page of text, so the optimizing engine of `regex` buys
/// nothing at match time, while compiling them with it cost about half of
/// the instructions of a whole run (measured with callgrind; see
/// BENCHMARKS.md). Profile `pattern` rules still use `regex`, with its size
/// limits. The patterns are constants, checked by the unit tests below.
fn re(pattern: &str) -> Regex {
    Regex::new(pattern)
        .unwrap_or_else(|e| panic!("built-in pattern {pattern:?} does not compile: {e}"))
}

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| re(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"));
/// A run that could be a phone number: an optional `+`, then digits in
/// groups joined by spaces, dots, hyphens, slashes and brackets
/// ("+212 6 22 90 22 21", "+44 (0) 7700 900123", "(415) 555-0142",
/// "+55 11 98765-4321"). [`phone_like`] decides.
static PHONE: LazyLock<Regex> = LazyLock::new(|| re(r"\+?\(?\d(?:[ .()/-]{0,3}\d)+\)?"));
static LINKEDIN: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/in/[A-Za-z0-9_%-]*/?"));
static GITHUB: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:https?://)?github\.com/[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)?"));
/// "GitHub: @ada", "Github:// ada", "GitHub - ada": a label and a handle,
/// no address. The handle must end its item (the line's end, or `|`, `,`,
/// `;`, `•`, an icon-font glyph or a wide space next), so "GitHub - Actions
/// and Pages" is prose;
/// "github.com/..." is left to [`GITHUB`].
static GITHUB_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bgithub\s*(?::(?://)?|-|–|—)\s*@?([A-Za-z0-9][A-Za-z0-9-]{0,38})(?:\s*[|,;•·\x{E000}-\x{F8FF}]|\s{2,}|\s*$)",
    )
});
static WEBSITE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bhttps?://[A-Za-z0-9._~:/?#@!$&'()*+=%-]+|\bwww\.[A-Za-z0-9._~:/?#@!$&'()*+=%-]+|\b[a-z0-9-]+\.(?:dev|io|me|page|site|codes)\b(?:/[A-Za-z0-9._~/?#@!$&'()*+=%-]*)?",
    )
});

/// How many lines from the top to look for a location: further down, "City,
/// ST" is an employer's office, not the candidate's home.
const LOCATION_LINES: usize = 6;

pub fn find(norm: &Normalized) -> Contact {
    let text = &norm.text;
    // Each pattern only runs on lines that could hold its kind of item (a
    // cheap byte test), which keeps the regex engine off most of the text.
    let items = |r: &Regex, could: &dyn Fn(&str) -> bool| -> Vec<Item> {
        let mut out = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            if could(line) {
                out.extend(r.find_iter(line).map(|m| Item {
                    value: m.as_str().trim_end_matches(['.', '/']).to_string(),
                    span: Span::new(at + m.start(), at + m.end()),
                    link_page: None,
                }));
            }
            at += line.len();
        }
        out
    };
    let has = |needle: &'static str| move |line: &str| line.to_ascii_lowercase().contains(needle);
    let emails = items(&EMAIL, &|l| l.contains('@'));
    let many_digits = |l: &str| l.bytes().filter(u8::is_ascii_digit).count() >= 9;
    let phones: Vec<Item> = items(&PHONE, &many_digits)
        .into_iter()
        .filter(|p| phone_like(text, p.span))
        .map(|mut p| {
            p.value = p.value.trim_end_matches(['.', '-', '/', ' ']).to_string();
            p
        })
        .collect();
    let linkedin = rejoin_wrapped(text, items(&LINKEDIN, &has("linkedin")));
    let mut github = rejoin_wrapped(text, items(&GITHUB, &has("github")));
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if has("github")(line) {
            for c in GITHUB_LABEL.captures_iter(line) {
                let (Some(whole), Some(handle)) = (c.get(0), c.get(1)) else {
                    continue;
                };
                let span = Span::new(at + whole.start(), at + handle.end());
                if handle.as_str().eq_ignore_ascii_case("github")
                    || github.iter().any(|g| g.span.overlaps(&span))
                {
                    continue;
                }
                github.push(Item {
                    value: format!("github.com/{}", handle.as_str()),
                    span,
                    link_page: None,
                });
            }
        }
        at += line.len();
    }
    github.sort_by_key(|g| g.span.start);
    let taken: Vec<Span> = emails
        .iter()
        .chain(&linkedin)
        .chain(&github)
        .map(|i| i.span)
        .collect();
    let websites = items(&WEBSITE, &|l| {
        let l = l.to_ascii_lowercase();
        [
            "http", "www.", ".dev", ".io", ".me", ".page", ".site", ".codes",
        ]
        .iter()
        .any(|n| l.contains(n))
    })
    .into_iter()
    .filter(|w| !taken.iter().any(|t| t.overlaps(&w.span)))
    .collect();
    let top = text
        .match_indices('\n')
        .nth(LOCATION_LINES - 1)
        .map_or(text.len(), |(i, _)| i);
    let location = find_location(&text[..top]);
    Contact {
        emails,
        phones,
        linkedin,
        github,
        websites,
        location,
    }
}

/// Profile addresses wrapped onto the next line by a narrow column or a
/// full line ("linkedin.com/in/rafaelno" then "gueirasantos";
/// "linkedin.com/in/" then "valeriaortizr | github.com/…";
/// "github.com/lmeier-" then "stats"). An address cut after `/` or `-`
/// takes the next line's first word; one that ends whole takes the next
/// line only when that line is one lower-case slug and nothing else. A
/// LinkedIn address left without its name is dropped.
fn rejoin_wrapped(text: &str, items: Vec<Item>) -> Vec<Item> {
    let slug_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '%');
    items
        .into_iter()
        .filter_map(|mut item| {
            let raw = &text[item.span.start..item.span.end];
            let cut = raw.ends_with(['-', '/']);
            let rest = &text[item.span.end..];
            if let Some(next) = rest.strip_prefix('\n').or_else(|| rest.strip_prefix(" \n")) {
                let line = next.split('\n').next().unwrap_or("");
                let lead = line.len() - line.trim_start().len();
                let body = line.trim_start();
                let slug = if cut {
                    let end = body.find(|c: char| !slug_char(c)).unwrap_or(body.len());
                    &body[..end]
                } else {
                    let whole = body.trim_end();
                    let lone = (1..=40).contains(&whole.len())
                        && whole.chars().all(|c| {
                            c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'
                        });
                    if lone { whole } else { "" }
                };
                if !slug.is_empty() && slug.len() <= 60 {
                    let start = item.span.end + (rest.len() - next.len()) + lead;
                    // A hyphen set at both ends of the break is one hyphen.
                    let joined = if raw.ends_with('-') {
                        format!("{raw}{}", slug.strip_prefix('-').unwrap_or(slug))
                    } else {
                        format!("{raw}{slug}")
                    };
                    item.value = joined.trim_end_matches(['.', '/']).to_string();
                    item.span = Span::new(item.span.start, start + slug.len());
                }
            }
            let bare = item.value.to_ascii_lowercase();
            (!bare.ends_with("/in") && !bare.ends_with("/in/")).then_some(item)
        })
        .collect()
}

/// A candidate run of `text` at `span` is a phone number: 9 to 15 digits (8
/// after a `+` country code, as E.164 allows), standing apart from words
/// and from the rest of a link or identifier, and not a date range
/// ("03/2019 - 06/2023", "2018 - 2021"), an ORCID iD ("0000-0002-1825-0097"),
/// a DOI's digits ("10.1145/3292500.3330701") or a decimal number.
fn phone_like(text: &str, span: Span) -> bool {
    let run = &text[span.start..span.end];
    let digits = run.bytes().filter(u8::is_ascii_digit).count();
    let plus = run.starts_with('+');
    if digits > 15 || digits < if plus { 8 } else { 9 } {
        return false;
    }
    // Apart from words, links and identifiers on both sides.
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let after2 = text[span.end..].chars().nth(1);
    if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '_' | '@' | '-'))
        || after.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '%' | '@' | '_'))
        || (after == Some('.') || after == Some('-')) && after2.is_some_and(|c| c.is_alphanumeric())
    {
        return false;
    }
    // A labeled identifier: "ISBN 978-3-16-148410-0", "ORCID: 0000-…".
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let lead = text[line_start..span.start].to_ascii_lowercase();
    let from = lead.char_indices().rev().nth(15).map_or(0, |(i, _)| i);
    let lead = &lead[from..];
    if ["isbn", "issn", "orcid", "doi", "arxiv", "pmid"]
        .iter()
        .any(|label| lead.contains(label))
    {
        return false;
    }
    let groups: Vec<&str> = run
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let year = |g: &&str| g.len() == 4 && (g.starts_with("19") || g.starts_with("20"));
    let years = groups.iter().filter(|g| year(g)).count();
    if years >= 2 || (run.contains('/') && years >= 1) {
        return false;
    }
    // ORCID: four hyphenated groups of four.
    if groups.len() == 4 && groups.iter().all(|g| g.len() == 4) && run.contains('-') && !plus {
        return false;
    }
    // "3340776.2020": a decimal or a DOI part, not a number's groups.
    if groups.len() == 2 && run.contains('.') && !plus && !run.contains(' ') {
        return false;
    }
    // Groups longer than 8 digits are identifiers, except a whole number
    // written without separators ("4155550142").
    groups.len() == 1 || groups.iter().all(|g| g.len() <= 8)
}

/// "City, ST", "City, State" or "Remote", as one segment of a line split
/// at `|` or bullets: capitalized words (any script: "São Paulo", "Zürich"),
/// a comma, then a two-letter code or capitalized words.
fn find_location(top: &str) -> Option<Item> {
    let capitalized = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    for segment in top.split(['|', '\u{2022}', '\n']) {
        let t = segment.trim();
        // Offset of the trimmed segment inside `top`.
        let start = t.as_ptr() as usize - top.as_ptr() as usize;
        let found = match t.split_once(", ") {
            _ if t == "Remote" => true,
            Some((city, region)) => {
                let city: Vec<&str> = city.split(' ').collect();
                let region: Vec<&str> = region.split(' ').collect();
                (1..=3).contains(&city.len())
                    && city.iter().all(|w| {
                        capitalized(w) && w.chars().all(|c| c.is_alphabetic() || ".'-".contains(c))
                    })
                    && (1..=2).contains(&region.len())
                    && region
                        .iter()
                        .all(|w| capitalized(w) && w.chars().all(char::is_alphabetic))
            }
            None => false,
        };
        if found {
            return Some(Item {
                value: t.to_string(),
                span: Span::new(start, start + t.len()),
                link_page: None,
            });
        }
    }
    None
}

/// What kind of contact data a link target is, and its value as a resume
/// would write it; `None` for links that are not contact data (a project, a
/// company site).
pub fn classify_link(uri: &str) -> Option<(&'static str, String)> {
    let lower = uri.trim().to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("mailto:") {
        let address = rest.split('?').next().unwrap_or("").trim();
        let whole = EMAIL
            .find(address)
            .is_some_and(|m| m.len() == address.len());
        return whole.then(|| ("email", address.to_string()));
    }
    if let Some(rest) = lower.strip_prefix("tel:") {
        let digits = rest.chars().filter(char::is_ascii_digit).count();
        let plausible = rest
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c));
        return (plausible && (7..=15).contains(&digits))
            .then(|| ("phone", rest.trim().to_string()));
    }
    let bare = lower
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.")
        .trim_end_matches('/');
    let profile = |host: &str| {
        bare.strip_prefix(host)
            .filter(|path| path.len() > 1 && path.starts_with('/'))
            .map(|_| bare.to_string())
    };
    if let Some(v) = profile("linkedin.com") {
        return Some(("linkedin", v));
    }
    profile("github.com").map(|v| ("github", v))
}

/// The same piece of contact data, however it is written: digits for
/// phones, lower case without scheme or `www.` for the rest.
fn same(kind: &str, a: &str, b: &str) -> bool {
    if kind == "phone" {
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        let (a, b) = (digits(a), digits(b));
        return a.ends_with(&b) || b.ends_with(&a);
    }
    let bare = |s: &str| {
        s.to_ascii_lowercase()
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_start_matches("www.")
            .trim_end_matches('/')
            .to_string()
    };
    bare(a) == bare(b)
}

impl Contact {
    /// Add the contact data that exists only as link targets (`mailto:`,
    /// `tel:`, LinkedIn and GitHub profiles), each at `page_span(page)`.
    /// What the text already shows is not added twice.
    pub fn add_links(&mut self, links: &[Link], page_span: impl Fn(Option<usize>) -> Span) {
        for link in links {
            let Some((kind, value)) = classify_link(&link.uri) else {
                continue;
            };
            let list = match kind {
                "email" => &mut self.emails,
                "phone" => &mut self.phones,
                "linkedin" => &mut self.linkedin,
                _ => &mut self.github,
            };
            if list.iter().any(|i| same(kind, &i.value, &value)) {
                continue;
            }
            list.push(Item {
                value,
                span: page_span(link.page),
                link_page: link.page.or(Some(1)),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    #[test]
    fn finds_a_typical_contact_line() {
        let n = normalize(
            "Renée Okafor\nrenee@example.com | (415) 555-0142 | linkedin.com/in/renee-o | github.com/renee | renee.dev | Seattle, WA\n\nEXPERIENCE\nEngineer, Acme — Austin, TX (2019 - 2024)",
        );
        let c = find(&n);
        assert_eq!(c.emails[0].value, "renee@example.com");
        assert_eq!(c.phones[0].value, "(415) 555-0142");
        assert_eq!(c.linkedin[0].value, "linkedin.com/in/renee-o");
        assert_eq!(c.github[0].value, "github.com/renee");
        assert_eq!(c.websites[0].value, "renee.dev");
        assert_eq!(c.location.unwrap().value, "Seattle, WA");
        let n = normalize("Ana\nana@example.com \u{2022} São Paulo, Brazil");
        let loc = find(&n).location.unwrap();
        assert_eq!(loc.value, "São Paulo, Brazil");
        assert_eq!(&n.text[loc.span.start..loc.span.end], "São Paulo, Brazil");
    }

    /// Found on real resumes: a GitHub label and a handle, with no address.
    #[test]
    fn github_label_and_handle() {
        for (line, handle) in [
            ("GitHub: @renee-o", "github.com/renee-o"),
            ("Github:// renee", "github.com/renee"),
            ("GitHub - renee42 | Seattle", "github.com/renee42"),
            ("Email: r@example.com, GitHub: renee", "github.com/renee"),
        ] {
            let c = find(&normalize(&format!("Renée Okafor\n{line}\n")));
            let found: Vec<&str> = c.github.iter().map(|g| g.value.as_str()).collect();
            assert_eq!(found, [handle], "{line}");
        }
        for line in [
            "GitHub: github.com/renee",
            "Automated releases with GitHub Actions",
            "CI on GitHub - Actions and Pages",
        ] {
            let c = find(&normalize(&format!("Renée Okafor\n{line}\n")));
            let found: Vec<&str> = c.github.iter().map(|g| g.value.as_str()).collect();
            assert!(
                found.iter().all(|g| *g == "github.com/renee"),
                "{line}: {found:?}"
            );
        }
    }

    #[test]
    fn years_and_metrics_are_not_phones() {
        let n = normalize("Acme (2019 - 2024)\n- served 1,200,000 users at 40k RPS\n- p99 120 ms");
        assert!(find(&n).phones.is_empty());
        let n = normalize("+44 20 7946 0958 and 415.555.0199");
        assert_eq!(find(&n).phones.len(), 2);
    }

    /// Numbers as people in 18 countries write them, each found whole.
    #[test]
    fn international_phone_numbers() {
        for number in [
            "(415) 555-0142",       // United States
            "+1 416-555-0199",      // Canada
            "+44 7700 900123",      // United Kingdom
            "+44 (0) 20 7946 0958", // United Kingdom, with the trunk zero
            "07700 900123",         // United Kingdom, national
            "+49 176 313 877 34",   // Germany
            "+49 178 910 11 12 13", // Germany, long
            "0176 31387734",        // Germany, national
            "+33 6 12 34 56 78",    // France
            "+34 612 34 56 78",     // Spain
            "+351 912 345 678",     // Portugal
            "+55 11 98765-4321",    // Brazil
            "+52 55 1234 5678",     // Mexico
            "+212 6 22 90 22 21",   // Morocco
            "+86 138 0013 8000",    // China
            "+886 912 345 678",     // Taiwan
            "+91 98765 43210",      // India
            "+81 90-1234-5678",     // Japan
            "+82 10-1234-5678",     // South Korea
            "+61 412 345 678",      // Australia
            "+46 70 123 45 67",     // Sweden
            "+41 79 123 45 67",     // Switzerland
            "+48 22 555 0199",      // Poland
            "+234 803 123 4567",    // Nigeria
            "+31 6 12345678",       // Netherlands
            "415.555.0199",         // United States, dotted
        ] {
            let n = normalize(&format!("Ana Silva | {number} | ana@example.com"));
            let found: Vec<String> = find(&n).phones.iter().map(|p| p.value.clone()).collect();
            assert_eq!(found, [number], "{number}");
        }
    }

    /// Digits that are not phone numbers: identifiers, dates, amounts.
    #[test]
    fn identifiers_and_dates_are_not_phones() {
        for text in [
            "ORCID: 0000-0002-1825-0097",
            "orcid.org/0000-0002-1825-009X",
            "doi:10.1109/ICASSP40776.2020.9053360",
            "https://doi.org/10.1145/3292500.3330701",
            "Acme GmbH (03/2019 - 06/2023)",
            "2018 - 2021 | 2014 - 2018",
            "Geburtsdatum: 14.03.1990",
            "Raised $1,200,000,000 in 2021",
            "ISBN 978-3-16-148410-0",
            "served 120,000,000 requests",
            "Zürich ÄÖÜ straße ISBN 978-3-16-148410-0",
        ] {
            let n = normalize(text);
            assert!(find(&n).phones.is_empty(), "{text}: {:?}", find(&n).phones);
        }
    }

    /// Addresses a line break cut, as narrow columns and justified lines
    /// print them.
    #[test]
    fn wrapped_profile_addresses_are_rejoined() {
        for (text, kind, want) in [
            (
                "Ana | linkedin.com/in/rafaelno\ngueirasantos\n",
                "linkedin",
                "linkedin.com/in/rafaelnogueirasantos",
            ),
            (
                "Ana | linkedin.com/in/\nvaleriaortizr | github.com/vortizr\n",
                "linkedin",
                "linkedin.com/in/valeriaortizr",
            ),
            (
                "Ana · linkedin.com/in/inescarvalho-\n-dados\n",
                "linkedin",
                "linkedin.com/in/inescarvalho-dados",
            ),
            (
                "Ana | github.com/lmeier-\nstats\n",
                "github",
                "github.com/lmeier-stats",
            ),
            // A whole address followed by prose keeps its own end.
            (
                "Ana | github.com/jnunez\nskills and more\n",
                "github",
                "github.com/jnunez",
            ),
        ] {
            let c = find(&normalize(text));
            let items = if kind == "linkedin" {
                &c.linkedin
            } else {
                &c.github
            };
            let found: Vec<&str> = items.iter().map(|i| i.value.as_str()).collect();
            assert_eq!(found, [want], "{text:?}");
        }
        // "linkedin.com/in/" with nothing after it is no profile.
        assert!(
            find(&normalize("see linkedin.com/in/\n\nSkills\n"))
                .linkedin
                .is_empty()
        );
    }

    #[test]
    fn links_are_contact_data() {
        assert_eq!(
            classify_link("mailto:Ada@Example.com?subject=Hi"),
            Some(("email", "ada@example.com".into()))
        );
        assert_eq!(
            classify_link("tel:+1-415-555-0142"),
            Some(("phone", "+1-415-555-0142".into()))
        );
        assert_eq!(
            classify_link("https://www.linkedin.com/in/ada-l/"),
            Some(("linkedin", "linkedin.com/in/ada-l".into()))
        );
        assert_eq!(
            classify_link("http://github.com/ada"),
            Some(("github", "github.com/ada".into()))
        );
        for not_contact in [
            "https://linkedin.com/",
            "https://github.com",
            "https://example.com/project",
            "mailto:not an address",
            "tel:12",
            "javascript:alert(1)",
        ] {
            assert_eq!(classify_link(not_contact), None, "{not_contact}");
        }
    }

    #[test]
    fn links_add_only_what_the_text_lacks() {
        let norm =
            crate::normalize::normalize("Ada Lovelace\nada@example.com | linkedin.com/in/ada-l\n");
        let mut c = find(&norm);
        let links: Vec<Link> = [
            "mailto:ada@example.com",
            "https://www.linkedin.com/in/ada-l",
            "https://github.com/ada",
            "tel:(415) 555-0142",
        ]
        .iter()
        .map(|u| Link {
            uri: u.to_string(),
            page: Some(1),
        })
        .collect();
        c.add_links(&links, |_| Span::new(0, 1));
        assert_eq!(c.emails.len(), 1);
        assert_eq!(c.emails[0].link_page, None);
        assert_eq!(c.linkedin.len(), 1);
        assert_eq!(c.github[0].value, "github.com/ada");
        assert_eq!(c.github[0].link_page, Some(1));
        assert_eq!(c.phones[0].value, "(415) 555-0142");
    }
}
