//! The JSON report: the wire types, in one file, versioned.
//!
//! Scripts depend on this shape, so it changes only by adding fields; a
//! removal or a change of meaning bumps [`SCHEMA_VERSION`]. The README
//! documents every field.

use super::{advice, matched, missing};
use crate::analysis::{Analysis, Stats};
use crate::model::{Evidence, Finding};
use crate::profile::Profile;
use crate::score::Part;
use serde::Serialize;

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
pub struct Report<'a> {
    pub schema_version: u32,
    pub tool: Tool,
    pub input: Input<'a>,
    pub profile: ProfileRef<'a>,
    pub score: u32,
    pub score_parts: ScoreParts,
    pub groups: Vec<Group<'a>>,
    pub matches: Vec<Match<'a>>,
    pub missing: Vec<Missing<'a>>,
    pub warnings: &'a [Finding],
    pub rules: Vec<Rule<'a>>,
    pub sections: Vec<Section<'a>>,
    pub contact: Vec<ContactItem<'a>>,
    pub layout: Layout,
    pub notices: &'a [String],
    /// Against a job posting: what it asks and the match rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job: Option<Job<'a>>,
}

/// What a job posting asks (`posting`) and how the resume matches it
/// (`match_rate`); only when the profile was made from a posting.
#[derive(Serialize)]
pub struct Job<'a> {
    pub posting: &'a crate::jd::Posting,
    pub match_rate: super::match_rate::MatchRate<'a>,
}

#[derive(Serialize)]
pub struct ContactItem<'a> {
    /// email, phone, linkedin, github, website or location.
    pub kind: &'static str,
    pub value: &'a str,
    pub line: usize,
    /// body, page header, page footer, table, text box, or link (only a
    /// link's target: `line` is then the first line of the link's page).
    #[serde(rename = "where")]
    pub place: &'static str,
}

#[derive(Serialize)]
pub struct Layout {
    pub bytes: usize,
    pub images: usize,
    /// Parts of the text in places an ATS may skip.
    pub regions: Vec<Region>,
    /// PDF pages that look laid out in columns.
    pub columns: Vec<Columns>,
}

#[derive(Serialize)]
pub struct Region {
    pub kind: &'static str,
    pub first_line: usize,
    pub last_line: usize,
}

#[derive(Serialize)]
pub struct Columns {
    pub page: usize,
    pub lines: usize,
    pub split_lines: usize,
    pub gutter_x: f64,
}

#[derive(Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Serialize)]
pub struct Input<'a> {
    pub path: &'a str,
    pub format: &'static str,
    #[serde(flatten)]
    pub stats: Stats,
}

#[derive(Serialize)]
pub struct ProfileRef<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

#[derive(Serialize)]
pub struct ScoreParts {
    /// The score before rounding.
    pub exact: f64,
    pub keywords: Part,
    pub rules: Part,
}

#[derive(Serialize)]
pub struct Group<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub weight: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
    pub credit: f64,
    /// Points of the keyword part this group earned.
    pub points: f64,
}

#[derive(Serialize)]
pub struct Match<'a> {
    pub term: &'a str,
    pub group: &'a str,
    /// exact, alias or fuzzy.
    pub kind: &'static str,
    /// For fuzzy matches: variant (partial credit) or typo (no credit).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fuzzy: Option<&'static str>,
    /// The text as the resume writes it.
    pub found: &'a str,
    pub credit: f64,
    pub occurrences: usize,
    pub evidence: &'a Evidence,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advice: Option<String>,
}

#[derive(Serialize)]
pub struct Missing<'a> {
    pub term: &'a str,
    pub group: &'a str,
    pub weight: f64,
    /// Points the score would gain with the exact phrase added (0 when
    /// another term of the group already covers it).
    pub gain: f64,
    /// Set when the term is on the resume but misspelled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub misspelled_as: Option<&'a str>,
    /// Set when any one of these terms (this one among them) gains what
    /// all of them gain: one edit, so add `gain` once for the set.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub one_of: &'a [String],
}

#[derive(Serialize)]
pub struct Rule<'a> {
    pub id: &'a str,
    pub category: &'static str,
    pub severity: &'static str,
    pub weight: f64,
    pub fired: bool,
    pub reason: &'a str,
    /// For rules that compare with a job posting: what was asked and found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure: Option<&'a crate::rules::Measure>,
}

#[derive(Serialize)]
pub struct Section<'a> {
    pub kind: &'static str,
    pub title: &'a str,
    pub line: usize,
}

/// Round to 4 decimals so the JSON is stable across platforms and readable.
fn r4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn part(p: Part) -> Part {
    Part {
        max: r4(p.max),
        credit: r4(p.credit),
        fit: p.fit.map(r4),
        points: r4(p.points),
    }
}

/// The JSON Schema of the report (`ats-score schema`). Every object in it
/// allows only the keys it lists, so a key added here without a schema
/// update fails the test that validates every report against it.
pub const SCHEMA: &str = include_str!("../../schema/report.schema.json");

/// The version as `--version` prints it, with the commit the binary was
/// built from, so a report in a bug tracker names the exact build.
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("ATS_SCORE_GIT"), ")");

pub fn build<'a>(a: &'a Analysis, profile: &'a Profile) -> Report<'a> {
    let b = &a.breakdown;
    let group_name = |i: usize| profile.groups[i].id.as_str();
    Report {
        schema_version: SCHEMA_VERSION,
        tool: Tool {
            name: "ats-score",
            version: VERSION,
        },
        input: Input {
            path: &a.input,
            format: a.format.as_str(),
            stats: a.stats,
        },
        profile: ProfileRef {
            id: &profile.id,
            name: &profile.name,
        },
        score: b.score,
        score_parts: ScoreParts {
            exact: r4(b.exact),
            keywords: part(b.keywords),
            rules: part(b.rules),
        },
        groups: profile
            .groups
            .iter()
            .zip(b.groups.iter().zip(&b.group_points))
            .map(|(g, (&credit, &points))| Group {
                id: &g.id,
                name: &g.name,
                weight: g.weight,
                count: g.count,
                credit: r4(credit),
                points: r4(points),
            })
            .collect(),
        matches: matched(a)
            .filter_map(|t| {
                let kind = t.kind?;
                Some(Match {
                    term: &t.term,
                    group: group_name(t.group),
                    kind: kind.wire_kind(),
                    fuzzy: (kind.wire_kind() == "fuzzy").then(|| kind.as_str()),
                    found: t.found.as_deref()?,
                    credit: r4(t.credit),
                    occurrences: t.occurrences,
                    evidence: t.evidence.as_ref()?,
                    advice: advice(t),
                })
            })
            .collect(),
        missing: missing(a)
            .into_iter()
            .map(|t| Missing {
                term: &t.term,
                group: group_name(t.group),
                weight: t.weight,
                gain: r4(t.gain),
                misspelled_as: t.found.as_deref(),
                one_of: &t.one_of,
            })
            .collect(),
        warnings: &a.findings,
        rules: a
            .rules
            .iter()
            .map(|r| Rule {
                id: &r.id,
                category: r.category.as_str(),
                severity: r.severity.as_str(),
                weight: r.weight,
                fired: r.fired,
                reason: &r.reason,
                measure: r.measure.as_ref(),
            })
            .collect(),
        sections: a
            .sections
            .iter()
            .map(|s| Section {
                kind: s.kind.as_str(),
                title: &s.title,
                line: s.line,
            })
            .collect(),
        contact: a
            .contact
            .items()
            .zip(&a.contact_at)
            .map(|((kind, item), &(line, place))| ContactItem {
                kind,
                value: &item.value,
                line,
                place: match (item.link_page, place) {
                    (Some(_), _) => "link",
                    (None, Some(p)) => p.as_str(),
                    (None, None) => "body",
                },
            })
            .collect(),
        layout: Layout {
            bytes: a.layout.bytes,
            images: a.layout.images,
            regions: a
                .layout
                .regions
                .iter()
                .zip(&a.region_lines)
                .map(|(r, &(first_line, last_line))| Region {
                    kind: r.kind.as_str(),
                    first_line,
                    last_line,
                })
                .collect(),
            columns: a
                .layout
                .columns
                .iter()
                .map(|c| Columns {
                    page: c.page,
                    lines: c.lines,
                    split_lines: c.split_lines,
                    gutter_x: c.gutter_x,
                })
                .collect(),
        },
        notices: &a.notices,
        job: profile.posting.as_ref().and_then(|posting| {
            super::match_rate::of(a, profile).map(|match_rate| Job {
                posting,
                match_rate,
            })
        }),
    }
}

/// The JSON document, pretty-printed, with a trailing newline.
pub fn render(a: &Analysis, profile: &Profile) -> String {
    let mut s = to_string(&build(a, profile), true);
    s.push('\n');
    s
}

/// One report as an element of a batch's JSON array (pretty, no newline).
pub fn render_element(a: &Analysis, profile: &Profile) -> String {
    to_string(&build(a, profile), true)
}

/// [`error_value`] as an element of a batch's JSON array.
pub fn render_error_element(path: &str, e: &crate::error::Error) -> String {
    to_string(&error_value(path, e), true)
}

/// The object a batch emits for a file it could not score, in place of a
/// report: same `schema_version` and `input.path`, plus `error`.
pub fn error_value(path: &str, e: &crate::error::Error) -> serde_json::Value {
    serde_json::json!({
        "schema_version": SCHEMA_VERSION,
        "input": { "path": path },
        "error": { "exit_code": e.exit_code(), "message": e.to_string() },
    })
}

/// One report on one line, for JSON Lines.
pub fn render_line(a: &Analysis, profile: &Profile) -> String {
    let mut s = to_string(&build(a, profile), false);
    s.push('\n');
    s
}

/// JSON text in which every control and bidi character is a `\uXXXX`
/// escape: a parser reads the same strings, and the text itself is safe to
/// print in a terminal (serde_json escapes only C0 controls on its own).
pub fn to_string(value: &impl Serialize, pretty: bool) -> String {
    let mut out = Vec::with_capacity(4096);
    let written = if pretty {
        value.serialize(&mut serde_json::Serializer::with_formatter(
            &mut out,
            Safe(serde_json::ser::PrettyFormatter::new()),
        ))
    } else {
        value.serialize(&mut serde_json::Serializer::with_formatter(
            &mut out,
            Safe(serde_json::ser::CompactFormatter),
        ))
    };
    match written {
        // serde_json writes valid UTF-8 from strings.
        Ok(()) => String::from_utf8(out).unwrap_or_default(),
        Err(e) => format!("{{\"error\":\"the report does not serialize: {e}\"}}"),
    }
}

/// A serde_json formatter that escapes what a terminal would obey.
struct Safe<F>(F);

macro_rules! delegate {
    ($($name:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {$(
        fn $name<W: ?Sized + std::io::Write>(&mut self, w: &mut W $(, $arg: $ty)*) -> std::io::Result<()> {
            self.0.$name(w $(, $arg)*)
        }
    )*};
}

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for Safe<F> {
    delegate!(
        begin_array(),
        end_array(),
        begin_array_value(first: bool),
        end_array_value(),
        begin_object(),
        end_object(),
        begin_object_key(first: bool),
        begin_object_value(),
        end_object_value(),
    );

    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if c.is_control() || crate::report::escape::is_bidi(c) {
                w.write_all(&fragment.as_bytes()[start..i])?;
                write!(w, "\\u{:04x}", c as u32)?;
                start = i + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[start..])
    }
}
