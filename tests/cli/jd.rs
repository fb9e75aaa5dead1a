//! Job-description mode measured through the binary on labeled sets in
//! `fixtures/jd/`: 56 postings (`p*` tuned, `q*` held out, `r*` fresh,
//! `s*` fourth)
//! labeled with title, company, years, degree and skills; 24 resume/posting
//! pairs with title, years and degree verdicts; 464 posting sentences with
//! ordinary words that must not read as skills. Labels were written before
//! the tool ran on them; the held-out and fresh parts were scored once
//! before any fix they pointed to (`fixtures/jd/README.md` has both runs).

use super::{ats, succeeded};
use ats_score::jd::taxonomy;
use ats_score::normalize::normalize;
use serde_json::Value;
use std::collections::BTreeSet;

const JD: &str = "fixtures/jd";

fn yaml(text: &str) -> Value {
    serde_saphyr::from_str(text).unwrap()
}

/// The posting as the binary reads it (`profile-from-jd`), or `Null` when
/// it names no skill.
fn read_posting(path: &str) -> Value {
    let out = ats().args(["profile-from-jd", path]).output().unwrap();
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("no skills"), "{path}: {err}");
        return Value::Null;
    }
    yaml(&String::from_utf8(out.stdout).unwrap())["posting"].clone()
}

/// The JSON report of `resume` against `posting` (with `extra` arguments),
/// as of December 2026, the labels' "Present"; the run must succeed.
fn jd_report(
    resume: impl AsRef<std::ffi::OsStr>,
    posting: impl AsRef<std::ffi::OsStr>,
    extra: &[&str],
) -> Value {
    let out = ats()
        .arg(resume)
        .arg("--jd")
        .arg(posting)
        .args(extra)
        .args(["--as-of", "2026-12", "--format", "json"])
        .output()
        .unwrap();
    succeeded(&out);
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Letters and digits only, lower-cased, without a plural s.
fn key(s: &str) -> String {
    let k: String = s
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '+' || *c == '#')
        .collect();
    match k.strip_suffix('s') {
        Some(stem) if k.len() > 3 => stem.to_string(),
        _ => k,
    }
}

/// The taxonomy skills a phrase names ("REST APIs" → REST).
fn skills_of(phrase: &str) -> BTreeSet<String> {
    taxonomy::find(&normalize(&format!("Skills: {phrase}")))
        .into_iter()
        .map(|(s, _)| s.term)
        .collect()
}

/// Whether a labeled skill and a skill the tool read are the same: the
/// same words, or the same taxonomy skill.
fn same_skill(label: &str, read: &str) -> bool {
    key(label) == key(read) || !skills_of(label).is_disjoint(&skills_of(read))
}

#[derive(Default, Debug)]
struct Tally {
    postings: usize,
    title: usize,
    years: usize,
    degree: usize,
    tp: usize,
    fp: usize,
    fn_: usize,
    /// Required reads of terms labeled optional, not counted either way.
    optional: usize,
    /// What went wrong, for `--nocapture`.
    misses: Vec<String>,
}

impl Tally {
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_) as f64
    }
    fn share(&self, n: usize) -> f64 {
        n as f64 / self.postings as f64
    }
}

fn words(s: &str) -> String {
    key(&s.replace(['-', ','], " "))
}

fn postings(prefix: char) -> Tally {
    let mut t = Tally::default();
    let mut labels: Vec<_> = std::fs::read_dir(format!("{JD}/labels"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    labels.sort();
    for path in labels {
        let label = yaml(&std::fs::read_to_string(&path).unwrap());
        let posting = read_posting(&format!("{JD}/{}", label["file"].as_str().unwrap()));
        t.postings += 1;
        let id = label["id"].as_str().unwrap().to_string();
        let title = posting["title"]["value"].as_str().unwrap_or("");
        let want_title = label["title"].as_str().unwrap();
        let title_right = words(title) == words(want_title);
        t.title += usize::from(title_right);
        if !title_right {
            t.misses
                .push(format!("{id}: title {title:?}, labeled {want_title:?}"));
        }
        let years_right = posting["years"]["value"] == label["years"];
        t.years += usize::from(years_right);
        if !years_right {
            t.misses.push(format!(
                "{id}: years {}, labeled {}",
                posting["years"]["value"], label["years"]
            ));
        }
        let level = posting["degree"]["value"]["level"]
            .as_str()
            .unwrap_or("none");
        // The sixth set's labels write a posting that names no degree as
        // `null`, the earlier ones as `none`: the same thing.
        let want_level = label["degree"]["level"].as_str().unwrap_or("none");
        t.degree += usize::from(level == want_level);
        if level != want_level {
            t.misses
                .push(format!("{id}: degree {level}, labeled {want_level}"));
        }
        let read: Vec<&str> = posting["skills"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|s| s["part"] == "required")
            .filter_map(|s| s["term"].as_str())
            .collect();
        let want: Vec<&str> = label["required"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        // Terms the author marked, while labeling, as ones a tool may read
        // as asks or not (generic practices, the role's own field): neither
        // right nor wrong. Only the fresh part has them.
        let optional: Vec<&str> = label["optional"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        for r in &read {
            if want.iter().any(|w| same_skill(w, r)) {
                t.tp += 1;
            } else if optional.iter().any(|o| same_skill(o, r)) {
                t.optional += 1;
            } else {
                t.fp += 1;
                t.misses.push(format!("{id}: read {r} as required"));
            }
        }
        for w in want
            .iter()
            .filter(|w| !read.iter().any(|r| same_skill(w, r)))
        {
            t.fn_ += 1;
            t.misses.push(format!("{id}: missed required {w}"));
        }
    }
    t
}

/// Read one part of the postings and hold it to floors: `share` for
/// title, years and degree, `precision` and `recall` for required skills.
/// The targets of issue 17 (precision 0.97, recall 0.95) are not reached;
/// the floors hold what was measured (README.md), so a regression fails.
fn check_postings(prefix: char, name: &str, count: usize, share: f64, precision: f64, recall: f64) {
    let t = postings(prefix);
    eprintln!(
        "{name}: title {} years {} degree {} of {}; P {:.3} R {:.3} ({} optional reads)\n{}",
        t.title,
        t.years,
        t.degree,
        t.postings,
        t.precision(),
        t.recall(),
        t.optional,
        t.misses.join("\n")
    );
    assert_eq!(t.postings, count);
    for n in [t.title, t.years, t.degree] {
        assert!(t.share(n) >= share, "{t:?}");
    }
    assert!(t.precision() >= precision, "{t:?}");
    assert!(t.recall() >= recall, "{t:?}");
}

#[test]
fn postings_are_read_as_labeled_tuned() {
    check_postings('p', "tuned", 20, 0.95, 0.92, 0.97);
}

#[test]
fn postings_are_read_as_labeled_held_out() {
    check_postings('q', "held out", 12, 0.95, 0.92, 0.97);
}

/// Written after the first two parts were tuned on, by an author who saw
/// neither the tool's output nor its code, with the optional terms decided
/// while labeling (`fixtures/jd/SOURCES-fresh.md`).
#[test]
fn postings_are_read_as_labeled_fresh() {
    check_postings('r', "fresh", 12, 0.9, 0.92, 0.96);
}

/// A fourth set, written and labeled by another author who saw neither
/// the code nor the tool's output, after the other three were tuned on
/// (`fixtures/jd/SOURCES-fourth.md`). Its first run is kept in
/// `fixtures/jd/fourth-first-run.txt`; the floors are that run's numbers.
#[test]
fn postings_are_read_as_labeled_fourth() {
    check_postings(
        's',
        "fourth",
        12,
        FOURTH_SHARE,
        FOURTH_PRECISION,
        FOURTH_RECALL,
    );
}

/// First run: title 11, years 11, degree 9 of 12; required skills at
/// precision 0.933 and recall 0.851.
const FOURTH_SHARE: f64 = 0.75;
const FOURTH_PRECISION: f64 = 0.93;
const FOURTH_RECALL: f64 = 0.85;

/// A fifth set, by a fifth author under the same rules, after the fourth
/// was tuned on (`fixtures/jd/SOURCES-fifth.md`); first run in
/// `fixtures/jd/fifth-first-run.txt`, whose numbers are the floors.
#[test]
fn postings_are_read_as_labeled_fifth() {
    check_postings('t', "fifth", 12, FIFTH_SHARE, FIFTH_PRECISION, FIFTH_RECALL);
}

/// First run: title 10, years 9, degree 11 of 12; required skills at
/// precision 0.883 and recall 0.850.
const FIFTH_SHARE: f64 = 0.75;
const FIFTH_PRECISION: f64 = 0.88;
const FIFTH_RECALL: f64 = 0.85;

/// A sixth set, by a sixth author under the same rules, after the fifth
/// was tuned on (`fixtures/jd/SOURCES-sixth.md`); first run in
/// `fixtures/jd/sixth-first-run.txt`, whose numbers are the floors.
#[test]
fn postings_are_read_as_labeled_sixth() {
    check_postings('u', "sixth", 12, SIXTH_SHARE, SIXTH_PRECISION, SIXTH_RECALL);
}

/// First run: title 10, years 11, degree 12 of 12; required skills at
/// precision 0.955 and recall 0.848.
const SIXTH_SHARE: f64 = 0.83;
const SIXTH_PRECISION: f64 = 0.95;
const SIXTH_RECALL: f64 = 0.84;

/// A seventh set, by a seventh author under the same rules, after the
/// sixth was tuned on (`fixtures/jd/SOURCES-seventh.md`); first run in
/// `fixtures/jd/seventh-first-run.txt`, whose numbers are the floors.
#[test]
fn postings_are_read_as_labeled_seventh() {
    check_postings(
        'v',
        "seventh",
        12,
        SEVENTH_SHARE,
        SEVENTH_PRECISION,
        SEVENTH_RECALL,
    );
}

/// First run: title 10, years 11, degree 8 of 12; required skills at
/// precision 0.912 and recall 0.780.
const SEVENTH_SHARE: f64 = 0.66;
const SEVENTH_PRECISION: f64 = 0.91;
const SEVENTH_RECALL: f64 = 0.78;

/// An eighth set, by an eighth author under the same rules, after the
/// seventh was tuned on (`fixtures/jd/SOURCES-eighth.md`); first run in
/// `fixtures/jd/eighth-first-run.txt`, whose numbers are the floors.
#[test]
fn postings_are_read_as_labeled_eighth() {
    check_postings(
        'w',
        "eighth",
        12,
        EIGHTH_SHARE,
        EIGHTH_PRECISION,
        EIGHTH_RECALL,
    );
}

/// First run: title 9, years 9, degree 9 of 12; required skills at
/// precision 0.683 and recall 0.750.
const EIGHTH_SHARE: f64 = 0.74;
const EIGHTH_PRECISION: f64 = 0.68;
const EIGHTH_RECALL: f64 = 0.74;

/// A ninth set, by a ninth author under the same rules, after the eighth
/// was tuned on (`fixtures/jd/SOURCES-ninth.md`); first run in
/// `fixtures/jd/ninth-first-run.txt`, whose numbers are the floors.
#[test]
fn postings_are_read_as_labeled_ninth() {
    check_postings('x', "ninth", 12, NINTH_SHARE, NINTH_PRECISION, NINTH_RECALL);
}

/// First run: title 11, years 11, degree 10 of 12; required skills at
/// precision 0.600 and recall 0.610.
const NINTH_SHARE: f64 = 0.83;
const NINTH_PRECISION: f64 = 0.6;
const NINTH_RECALL: f64 = 0.61;

/// A tenth and an eleventh set, by two more authors under the same rules,
/// written side by side after the ninth was tuned on
/// (`fixtures/jd/SOURCES-tenth.md`, `SOURCES-eleventh.md`); first runs in
/// `fixtures/jd/tenth-first-run.txt` and `eleventh-first-run.txt`, whose
/// numbers are the floors.
#[test]
fn postings_are_read_as_labeled_tenth() {
    check_postings('y', "tenth", 12, TENTH_SHARE, TENTH_PRECISION, TENTH_RECALL);
}

/// First run: title 10, years 11, degree 12 of 12; required skills at
/// precision 0.875 and recall 0.883.
const TENTH_SHARE: f64 = 0.83;
const TENTH_PRECISION: f64 = 0.87;
const TENTH_RECALL: f64 = 0.88;

#[test]
fn postings_are_read_as_labeled_eleventh() {
    check_postings(
        'z',
        "eleventh",
        12,
        ELEVENTH_SHARE,
        ELEVENTH_PRECISION,
        ELEVENTH_RECALL,
    );
}

/// First run: title 8, years 9, degree 10 of 12; required skills at
/// precision 0.909 and recall 0.893.
const ELEVENTH_SHARE: f64 = 0.66;
const ELEVENTH_PRECISION: f64 = 0.9;
const ELEVENTH_RECALL: f64 = 0.89;

/// A twelfth and a thirteenth set, by two more authors under the same
/// rules, written side by side after the tenth and eleventh were tuned on
/// (`fixtures/jd/SOURCES-twelfth.md`, `SOURCES-thirteenth.md`); first runs
/// in `fixtures/jd/twelfth-first-run.txt` and `thirteenth-first-run.txt`,
/// whose numbers are the floors.
#[test]
fn postings_are_read_as_labeled_twelfth() {
    check_postings(
        'n',
        "twelfth",
        12,
        TWELFTH_SHARE,
        TWELFTH_PRECISION,
        TWELFTH_RECALL,
    );
}

/// First run: title 11, years 11, degree 9 of 12; required skills at
/// precision 0.971 and recall 0.912.
const TWELFTH_SHARE: f64 = 0.75;
const TWELFTH_PRECISION: f64 = 0.97;
const TWELFTH_RECALL: f64 = 0.91;

#[test]
fn postings_are_read_as_labeled_thirteenth() {
    check_postings(
        'o',
        "thirteenth",
        12,
        THIRTEENTH_SHARE,
        THIRTEENTH_PRECISION,
        THIRTEENTH_RECALL,
    );
}

/// First run: title 11, years 10, degree 11 of 12; required skills at
/// precision 0.860 and recall 0.767.
const THIRTEENTH_SHARE: f64 = 0.83;
const THIRTEENTH_PRECISION: f64 = 0.86;
const THIRTEENTH_RECALL: f64 = 0.76;

/// A fourteenth and a fifteenth set, by two more authors under the same
/// rules, written side by side after the twelfth and thirteenth were tuned
/// on (`fixtures/jd/SOURCES-fourteenth.md`, `SOURCES-fifteenth.md`). The
/// fourteenth was scored first and alone; the fifteenth after the changes
/// the fourteenth's run led to, so each first run was blind when it ran
/// (`fixtures/jd/fourteenth-first-run.txt`, `fifteenth-first-run.txt`).
#[test]
fn postings_are_read_as_labeled_fourteenth() {
    check_postings(
        'm',
        "fourteenth",
        12,
        FOURTEENTH_SHARE,
        FOURTEENTH_PRECISION,
        FOURTEENTH_RECALL,
    );
}

/// First run: title 12, years 11, degree 10 of 12; required skills at
/// precision 0.867 and recall 0.910.
const FOURTEENTH_SHARE: f64 = 0.83;
const FOURTEENTH_PRECISION: f64 = 0.86;
const FOURTEENTH_RECALL: f64 = 0.91;

#[test]
fn postings_are_read_as_labeled_fifteenth() {
    check_postings(
        'l',
        "fifteenth",
        12,
        FIFTEENTH_SHARE,
        FIFTEENTH_PRECISION,
        FIFTEENTH_RECALL,
    );
}

/// First run: title 10, years 12, degree 12 of 12; required skills at
/// precision 0.979 and recall 0.902.
const FIFTEENTH_SHARE: f64 = 0.83;
const FIFTEENTH_PRECISION: f64 = 0.97;
const FIFTEENTH_RECALL: f64 = 0.9;

/// A sixteenth and a seventeenth set, by two more authors under the same
/// rules, written side by side after the fourteenth and fifteenth were
/// tuned on (`fixtures/jd/SOURCES-sixteenth.md`). The sixteenth is scored
/// first and alone (`fixtures/jd/sixteenth-first-run.txt`).
#[test]
fn postings_are_read_as_labeled_sixteenth() {
    check_postings(
        'k',
        "sixteenth",
        12,
        SIXTEENTH_SHARE,
        SIXTEENTH_PRECISION,
        SIXTEENTH_RECALL,
    );
}

/// First run: title 10, years 12, degree 10 of 12; required skills at
/// precision 0.979 and recall 0.839.
const SIXTEENTH_SHARE: f64 = 0.83;
const SIXTEENTH_PRECISION: f64 = 0.97;
const SIXTEENTH_RECALL: f64 = 0.83;

/// The seventeenth, scored after the changes the sixteenth's run led to
/// (`fixtures/jd/SOURCES-seventeenth.md`, `seventeenth-first-run.txt`).
#[test]
fn postings_are_read_as_labeled_seventeenth() {
    check_postings(
        'j',
        "seventeenth",
        12,
        SEVENTEENTH_SHARE,
        SEVENTEENTH_PRECISION,
        SEVENTEENTH_RECALL,
    );
}

/// First run: title 10, years 11, degree 9 of 12; required skills at
/// precision 0.935 and recall 0.757.
const SEVENTEENTH_SHARE: f64 = 0.75;
const SEVENTEENTH_PRECISION: f64 = 0.93;
const SEVENTEENTH_RECALL: f64 = 0.75;

/// An eighteenth and a nineteenth set, by two more authors under the same
/// rules, written side by side after the sixteenth and seventeenth were
/// tuned on (`fixtures/jd/SOURCES-eighteenth.md`). The eighteenth is scored
/// first and alone (`fixtures/jd/eighteenth-first-run.txt`).
#[test]
fn postings_are_read_as_labeled_eighteenth() {
    check_postings(
        'i',
        "eighteenth",
        12,
        EIGHTEENTH_SHARE,
        EIGHTEENTH_PRECISION,
        EIGHTEENTH_RECALL,
    );
}

/// First run: title 12, years 12, degree 10 of 12; required skills at
/// precision 0.975 and recall 0.852.
const EIGHTEENTH_SHARE: f64 = 0.83;
const EIGHTEENTH_PRECISION: f64 = 0.97;
const EIGHTEENTH_RECALL: f64 = 0.85;

/// Each pair's title, years and degree verdicts, as the JSON match rate
/// and rules give them (as of December 2026, the labels' "Present").
fn pairs(part: &str) -> (usize, usize, usize, usize) {
    let text = std::fs::read_to_string(format!("{JD}/pairs/labels.tsv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (mut n, mut title, mut years, mut degree) = (0, 0, 0, 0);
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        if f[col("part")] != part {
            continue;
        }
        let report = jd_report(
            format!("{JD}/pairs/{}", f[col("resume")]),
            format!("{JD}/pairs/{}", f[col("posting")]),
            &[],
        );
        let rate = &report["job"]["match_rate"];
        let rule = |id: &str| {
            report["rules"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["id"] == id)
                .cloned()
        };
        n += 1;
        let found = rate["title"]["matched"] == true;
        title += usize::from(found == (f[col("title_verdict")] == "found"));
        // Years: the rule exists only when the posting asks; then the
        // resume's years must be within one year of the label.
        years += usize::from(
            match (f[col("years_required")], rule("years-of-experience")) {
                ("none", r) => r.is_none(),
                (_, None) => false,
                (_, Some(r)) => match (f[col("resume_years")], r["measure"]["found"].as_f64()) {
                    ("none", got) => got.is_none(),
                    (want, Some(got)) => (got - want.parse::<f64>().unwrap()).abs() <= 1.0,
                    _ => false,
                },
            },
        );
        degree += usize::from(match (f[col("degree_required")], rule("degree")) {
            ("none", r) => r.is_none(),
            (_, None) => false,
            (want, Some(r)) => {
                r["measure"]["asked"] == want
                    && r["measure"]["found"].as_str().unwrap_or("none") == f[col("resume_degree")]
            }
        });
    }
    (n, title, years, degree)
}

#[test]
fn resume_title_years_and_degree_verdicts() {
    let (n, title, years, degree) = pairs("tuned");
    assert_eq!(n, 14);
    assert_eq!((title, years, degree), (14, 14, 14));
    // Held out, first run: 10, 10 and 8 of 10 (a "Bachelor's or Master's"
    // read as bachelor where the label says master, a posting's "not
    // required" degree).
    let (n, title, years, degree) = pairs("held-out");
    assert_eq!(n, 10);
    assert!(
        title >= 10 && years >= 10 && degree >= 8,
        "{title} {years} {degree}"
    );
}

/// Sentences with ordinary words that look like skills: the share read
/// with no false skill, and the real skills still found.
fn ordinary(part: &str) -> (usize, usize, usize, usize) {
    let text = std::fs::read_to_string(format!("{JD}/ordinary/{part}.tsv")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (mut n, mut clean, mut wanted, mut found) = (0, 0, 0, 0);
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let file = dir.path().join(format!("{n}.txt"));
        std::fs::write(&file, format!("{}\n", f[0])).unwrap();
        let posting = read_posting(file.to_str().unwrap());
        let read: Vec<&str> = posting["skills"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s["term"].as_str())
            .collect();
        let want: Vec<&str> = f[1]
            .split(';')
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .collect();
        n += 1;
        let loose = |w: &str, r: &str| {
            same_skill(w, r) || key(w).contains(&key(r)) || key(r).contains(&key(w))
        };
        let wrong: Vec<&&str> = read
            .iter()
            .filter(|r| !want.iter().any(|w| loose(w, r)))
            .collect();
        if !wrong.is_empty() {
            eprintln!("{part}: read {wrong:?} from: {}", f[0]);
        }
        clean += usize::from(wrong.is_empty());
        for w in want.iter().filter(|w| !read.iter().any(|r| loose(w, r))) {
            eprintln!("{part}: missed {w} in: {}", f[0]);
        }
        wanted += want.len();
        found += want
            .iter()
            .filter(|w| read.iter().any(|r| loose(w, r)))
            .count();
    }
    (n, clean, wanted, found)
}

/// One part of the ordinary sentences held to floors: at least `rows`
/// sentences, the share read with no false skill, the share of real skills
/// found.
fn check_ordinary(part: &str, rows: usize, clean_floor: f64, found_floor: f64) {
    let (n, clean, wanted, found) = ordinary(part);
    assert!(n >= rows, "{n}");
    eprintln!("{part}: {clean}/{n} clean, {found}/{wanted} found");
    assert!(clean as f64 / n as f64 >= clean_floor, "{clean}/{n}");
    assert!(
        found as f64 / wanted as f64 >= found_floor,
        "{found}/{wanted}"
    );
}

#[test]
fn ordinary_words_in_postings_are_not_skills() {
    check_ordinary("tuned", 150, 0.93, 0.94);
    check_ordinary("held-out", 120, 0.9, 0.93);
}

/// A third set, written after the first two were tuned on.
#[test]
fn ordinary_words_in_postings_are_not_skills_fresh() {
    check_ordinary("fresh", 110, 0.87, 0.93);
}

/// The fourth set's sentences (see `postings_are_read_as_labeled_fourth`).
/// First run: 66 of 80 clean, 37 of 43 found.
#[test]
fn ordinary_words_in_postings_are_not_skills_fourth() {
    check_ordinary("fourth", 80, 0.82, 0.86);
}

/// The fifth set's sentences (see `postings_are_read_as_labeled_fifth`).
/// First run: 71 of 80 clean, 18 of 33 found (most misses are the tools of
/// other trades the taxonomy lacks: Toast POS, Samsara, CargoWise).
#[test]
fn ordinary_words_in_postings_are_not_skills_fifth() {
    check_ordinary("fifth", 80, 0.88, 0.54);
}

/// The sixth set's sentences (see `postings_are_read_as_labeled_sixth`).
/// First run: 67 of 80 clean, 32 of 45 found.
#[test]
fn ordinary_words_in_postings_are_not_skills_sixth() {
    check_ordinary("sixth", 80, 0.83, 0.71);
}

/// The skills the posting reader takes from one sentence.
fn terms_read(dir: &std::path::Path, sentence: &str) -> Vec<String> {
    let file = dir.join("sentence.txt");
    std::fs::write(&file, format!("{sentence}\n")).unwrap();
    read_posting(file.to_str().unwrap())["skills"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["term"].as_str().map(str::to_string))
        .collect()
}

/// A product name that is an English word, written in lower case, is the
/// word unless technical words are close: not in a sentence about a boat's
/// helm or a hardwood floor, even one that also names real tools; yes in a
/// list, beside a technical word or in a longer skill name.
#[test]
fn lower_case_english_words_are_products_only_beside_technical_words() {
    let dir = tempfile::tempdir().unwrap();
    for (sentence, not) in [
        (
            "Deckhands polish the brass struts and coil the lines before guests board.",
            "struts",
        ),
        (
            "Our volunteers bring vim and good humor to the Saturday food drive.",
            "vim",
        ),
        (
            "Cashiers who excel at upselling earn a monthly bonus.",
            "excel",
        ),
        (
            "Installers sand and seal parquet floors in the model homes.",
            "parquet",
        ),
        (
            "Caregivers help residents with a lisp practice their speech exercises.",
            "lisp",
        ),
        (
            "Write Kotlin services for our chain of thrift shops across Ohio.",
            "thrift",
        ),
    ] {
        let read = terms_read(dir.path(), sentence);
        assert!(
            !read.iter().any(|t| t.eq_ignore_ascii_case(not)),
            "{not} read from {sentence:?}: {read:?}"
        );
    }
    for (sentence, wanted) in [
        ("Experience with python and sql is required.", "python"),
        ("Store events as parquet files on S3 for Athena.", "parquet"),
        ("Services talk over apache thrift and gRPC.", "thrift"),
        ("Tools: vim, tmux, git", "vim"),
    ] {
        let read = terms_read(dir.path(), sentence);
        assert!(
            read.iter().any(|t| t.to_lowercase().contains(wanted)),
            "{wanted} not read from {sentence:?}: {read:?}"
        );
    }
}

/// A skill name before a place noun names a place ("Kotlin Island", "SAP
/// Center"), and law degrees' letters are no skill ("LL.M." is no LLM);
/// a longer skill name holding the noun ("Delta Lake") still counts.
#[test]
fn places_and_law_degrees_are_not_skills() {
    let dir = tempfile::tempdir().unwrap();
    for sentence in [
        "Deckhands run the launch out to Kotlin Island twice a day.",
        "Ushers work concerts at the SAP Center and games at Oracle Park.",
        "An LL.M. in tax law or a J.D. with two years of practice is expected.",
        "Porters restock the kitchens at the Confluence and Grafana offices every morning.",
        "Guards patrol the Figma building and the parking garage overnight.",
        "Coders joining us from Airflow Health should bring their audit logs.",
    ] {
        let read = terms_read(dir.path(), sentence);
        assert!(read.is_empty(), "{read:?} read from {sentence:?}");
    }
    // A brand's plural is no form of it: canvas tarps are no Canva.
    let read = terms_read(
        dir.path(),
        "Tarps are canvas, and the drivers log every stop in Samsara.",
    );
    assert_eq!(read, ["Samsara"]);
    reads_all(
        dir.path(),
        &[
            (
                "Build tables on Delta Lake with Spark and Kotlin.",
                &["Delta Lake", "Spark", "Kotlin"][..],
            ),
            (
                "Run Ansible Tower jobs and hold Python office hours for new hires.",
                &["Ansible", "Python"][..],
            ),
        ],
    );
}

/// Each sentence, read as a posting, gives at least the skills listed.
fn reads_all(dir: &std::path::Path, cases: &[(&str, &[&str])]) {
    for (sentence, wanted) in cases {
        let read = terms_read(dir, sentence);
        assert!(
            wanted.iter().all(|t| read.iter().any(|r| r == t)),
            "{wanted:?} not all read from {sentence:?}: {read:?}"
        );
    }
}

/// Postings outside software name their trade's tools, and those are
/// asks too: a dental office's charting system, a firm's research
/// service, a fleet's telematics, a shop's CAM software.
#[test]
fn tools_of_other_trades_are_read() {
    let dir = tempfile::tempdir().unwrap();
    reads_all(
        dir.path(),
        &[
            (
                "Hygienists chart in Eaglesoft and take images with the office's sensors.",
                &["Eaglesoft"][..],
            ),
            (
                "Associates research cases on LexisNexis and file documents in iManage.",
                &["LexisNexis", "iManage"][..],
            ),
            (
                "Dispatchers track the fleet in Geotab and book loads in MercuryGate.",
                &["Geotab", "MercuryGate"][..],
            ),
            (
                "Programmers write toolpaths in GibbsCAM and check parts with PC-DMIS.",
                &["GibbsCAM", "PC-DMIS"][..],
            ),
            (
                "QC analysts run HPLC assays under GMP and Karl Fischer titration in the lab.",
                &["HPLC", "GMP", "Karl Fischer titration"][..],
            ),
            (
                "BIM coordinators check IFC and COBie exports in Solibri against ISO 19650.",
                &["IFC", "COBie", "Solibri", "ISO 19650"][..],
            ),
        ],
    );
}

/// The issue's own examples, through a whole report: a skill written the
/// same way in posting and resume earns full credit; "BS or MS" is no ORM;
/// "Spring 2019" is no Spring; the title, company, years and degree are
/// read, and the match rate is in the JSON.
#[test]
fn same_words_earn_full_credit_and_degrees_are_not_skills() {
    let dir = tempfile::tempdir().unwrap();
    let posting = dir.path().join("posting.txt");
    std::fs::write(
        &posting,
        "Senior Backend Engineer\nAcme Payments · Seattle, WA (Hybrid)\n\nAbout the job\n\
         We run payment APIs.\n\nRequirements\n\
         - 5+ years of experience building backend services\n\
         - BS or MS in Computer Science or related field\n\
         - Strong Go, PostgreSQL, Kafka and Kubernetes (K8s) experience\n\
         - Excellent communication and collaboration skills\n\nNice to have\n\
         - Terraform\n- Our Spring 2019 interns became engineers\n",
    )
    .unwrap();
    let resume = dir.path().join("resume.txt");
    std::fs::write(
        &resume,
        "Ana Lima\nBackend Engineer\nana@example.com\n\nExperience\n\
         Backend Engineer | Payco | Jan 2018 – Present\n\
         - Built Go services on Kafka and PostgreSQL, deployed on K8s, serving 3M users\n\
         - Cut p99 latency by 40% and costs by $20k a month\n\
         - Led 4 engineers through 12 releases\n\n\
         Education\nB.S. in Computer Science, 2017\n\nSkills\nGo, Kafka, PostgreSQL, Kubernetes\n",
    )
    .unwrap();
    let report = jd_report(&resume, &posting, &[]);
    let job = &report["job"];
    assert_eq!(job["posting"]["title"]["value"], "Senior Backend Engineer");
    assert_eq!(job["posting"]["years"]["value"], 5);
    assert_eq!(job["posting"]["degree"]["value"]["level"], "bachelor");
    let terms: Vec<&str> = job["posting"]["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["term"].as_str().unwrap())
        .collect();
    assert!(terms.contains(&"Kafka"), "{terms:?}");
    assert!(
        !terms
            .iter()
            .any(|t| t.contains("ORM") || t.contains("Object")),
        "{terms:?}"
    );
    assert!(!terms.contains(&"Spring"), "{terms:?}");
    let rows = job["match_rate"]["skills"].as_array().unwrap();
    let found = |term: &str| {
        rows.iter()
            .find(|r| r["term"] == term)
            .map(|r| r["found"].as_str().unwrap().to_string())
    };
    for t in ["Go", "Kafka", "PostgreSQL", "Kubernetes"] {
        assert_eq!(found(t).as_deref(), Some("exact"), "{t}");
    }
    assert_eq!(found("Terraform").as_deref(), Some("missing"));
    let rate = &job["match_rate"];
    assert_eq!(rate["title"]["matched"], true);
    assert_eq!(rate["education"]["matched"], true);
    assert_eq!(rate["experience"]["matched"], true);
    assert_eq!(rate["experience"]["found"], "8.9 years");
    assert_eq!(rate["required"]["exact"], rate["required"]["found"]);
    // The human report shows the match rate with both sides' lines.
    let human = ats()
        .arg(&resume)
        .arg("--jd")
        .arg(&posting)
        .args(["--as-of", "2026-12", "--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8(human.stdout).unwrap();
    assert!(
        text.contains("Match rate against Senior Backend Engineer at Acme Payments"),
        "{text}"
    );
    assert!(
        text.contains("Experience   ✓ posting asks 5+ years (line 8)"),
        "{text}"
    );
}

/// Every form of a skill a posting writes earns full credit when a resume
/// writes it the same way, across the labeled postings.
#[test]
fn every_posting_wording_is_exact_on_a_resume_that_copies_it() {
    let dir = tempfile::tempdir().unwrap();
    for id in ["p01", "p03", "p05", "p09", "p13", "p16"] {
        let label = yaml(&std::fs::read_to_string(format!("{JD}/labels/{id}.yaml")).unwrap());
        let file = format!("{JD}/{}", label["file"].as_str().unwrap());
        let posting = read_posting(&file);
        let terms: Vec<String> = ["skills", "soft_skills"]
            .iter()
            .flat_map(|k| posting[*k].as_array().cloned().unwrap_or_default())
            .map(|s| s["term"].as_str().unwrap().to_string())
            .collect();
        let resume = dir.path().join(format!("{id}.txt"));
        std::fs::write(
            &resume,
            format!("Sam Doe\n\nSkills\n{}\n", terms.join(", ")),
        )
        .unwrap();
        let report = jd_report(&resume, &file, &[]);
        let rows = report["job"]["match_rate"]["skills"].as_array().unwrap();
        assert_eq!(rows.len(), terms.len(), "{id}");
        for row in rows {
            assert_eq!(row["found"], "exact", "{id}: {row}");
        }
    }
}

/// With a company profile, the posting's title, years and degree rules
/// join the profile's own rules, and the report still has the match rate.
#[test]
fn a_posting_with_a_company_profile_keeps_both_sets_of_rules() {
    let report = jd_report(
        "fixtures/resumes/strong.txt",
        format!("{JD}/postings/p03-zalando-senior-backend-engineer.txt"),
        &["-c", "apple", "-r", "backend"],
    );
    assert_eq!(report["profile"]["id"], "apple/backend+jd");
    let ids: Vec<&str> = report["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for id in [
        "job-title",
        "years-of-experience",
        "degree",
        "quantified-impact",
    ] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    assert!(ids.len() > 6, "{ids:?}");
    assert_eq!(
        report["job"]["posting"]["title"]["value"],
        "Senior Backend Engineer"
    );
    assert!(
        report["job"]["match_rate"]["required"]["asked"]
            .as_u64()
            .unwrap()
            > 3
    );
}

/// Certifications the posting names are searched on the resume as written,
/// by either name ("GIAC Certified Incident Handler (GCIH)" or "GCIH").
#[test]
fn certifications_are_counted_by_either_name() {
    let dir = tempfile::tempdir().unwrap();
    let resume = dir.path().join("resume.txt");
    std::fs::write(
        &resume,
        "Sam Doe\nSecurity Engineer\n\nExperience\nSecurity Engineer | Acme | 2018 - Present\n\
         - Led incident response for 40 incidents\n\nCertifications\nCISSP, GCIH\n",
    )
    .unwrap();
    let report = jd_report(
        &resume,
        format!("{JD}/postings/p16-optum-security-engineer.txt"),
        &[],
    );
    let certs = &report["job"]["match_rate"]["certifications"];
    assert_eq!(
        (certs["found"].as_u64(), certs["asked"].as_u64()),
        (Some(2), Some(2)),
        "{certs}"
    );
    let human = ats()
        .arg(&resume)
        .args([
            "--jd",
            &format!("{JD}/postings/p16-optum-security-engineer.txt"),
        ])
        .args(["--as-of", "2026-12", "--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8(human.stdout).unwrap();
    assert!(
        text.contains("Certificates 2 of 2 asked: CISSP, GIAC Certified Incident Handler (GCIH)"),
        "{text}"
    );
}

/// The seventh set's sentences (see `postings_are_read_as_labeled_seventh`).
/// First run: 68 of 80 clean, 36 of 44 found.
#[test]
fn ordinary_words_in_postings_are_not_skills_seventh() {
    check_ordinary("seventh", 80, 0.85, 0.81);
}

/// A name the taxonomy lacks, listed beside skills it knows, is asked the
/// same way and searched in the posting's own words and case: "Reckon"
/// beside Xero and QuickBooks is an accounting package, found in a resume
/// that names it and not in one that only "reckons". A list with no known
/// skill (places) gives nothing.
#[test]
fn names_listed_beside_known_skills_are_asks() {
    let dir = tempfile::tempdir().unwrap();
    let posting = dir.path().join("posting.txt");
    std::fs::write(
        &posting,
        "Bookkeeper\nAcme Accounting\n\nRequirements\n\
         - Bookkeeping in Xero, Reckon and QuickBooks\n\
         - Offices in Perth, Hobart and Darwin\n",
    )
    .unwrap();
    let read = read_posting(posting.to_str().unwrap());
    let skills = read["skills"].as_array().unwrap();
    let reckon = skills.iter().find(|s| s["term"] == "Reckon").unwrap();
    assert_eq!(reckon["part"], "required");
    assert_eq!(reckon["category"], "listed");
    for place in ["Perth", "Hobart", "Darwin"] {
        assert!(!skills.iter().any(|s| s["term"] == place), "{skills:?}");
    }
    let found = |resume_text: &str| {
        let resume = dir.path().join("resume.txt");
        std::fs::write(&resume, resume_text).unwrap();
        let report = jd_report(&resume, &posting, &[]);
        report["job"]["match_rate"]["skills"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["term"] == "Reckon")
            .map(|r| r["found"].as_str().unwrap().to_string())
    };
    assert_eq!(
        found("Jo Bloggs\n\nExperience\nBookkeeper, Foo, 2019 - 2024\n- Closed books in Reckon and Xero\n")
            .as_deref(),
        Some("exact")
    );
    assert_eq!(
        found("Jo Bloggs\n\nExperience\nBookkeeper, Foo, 2019 - 2024\n- I reckon Xero saved us hours\n")
            .as_deref(),
        Some("missing")
    );
}

/// The eighth set's sentences (see `postings_are_read_as_labeled_eighth`).
/// First run: 72 of 80 clean, 39 of 49 found.
#[test]
fn ordinary_words_in_postings_are_not_skills_eighth() {
    check_ordinary("eighth", 80, 0.9, 0.79);
}

/// The ninth set's sentences (see `postings_are_read_as_labeled_ninth`).
/// First run: 69 of 80 clean, 36 of 43 found.
#[test]
fn ordinary_words_in_postings_are_not_skills_ninth() {
    check_ordinary("ninth", 80, 0.86, 0.83);
}

/// The tenth and eleventh sets' sentences. First runs: 73 of 80 clean,
/// 38 of 41 found; 72 of 80 clean, 34 of 42 found.
#[test]
fn ordinary_words_in_postings_are_not_skills_tenth() {
    check_ordinary("tenth", 80, 0.91, 0.92);
}

#[test]
fn ordinary_words_in_postings_are_not_skills_eleventh() {
    check_ordinary("eleventh", 80, 0.9, 0.8);
}

/// The twelfth and thirteenth sets' sentences. First runs: 68 of 80
/// clean, 33 of 42 found; 71 of 80 clean, 31 of 36 found.
#[test]
fn ordinary_words_in_postings_are_not_skills_twelfth() {
    check_ordinary("twelfth", 80, 0.85, 0.78);
}

#[test]
fn ordinary_words_in_postings_are_not_skills_thirteenth() {
    check_ordinary("thirteenth", 80, 0.88, 0.86);
}

/// The fourteenth and fifteenth sets' sentences. First runs: 69 of 80
/// clean, 33 of 35 found; 76 of 80 clean, 20 of 27 found.
#[test]
fn ordinary_words_in_postings_are_not_skills_fourteenth() {
    check_ordinary("fourteenth", 80, 0.86, 0.94);
}

#[test]
fn ordinary_words_in_postings_are_not_skills_fifteenth() {
    check_ordinary("fifteenth", 80, 0.95, 0.74);
}

/// The sixteenth and seventeenth sets' sentences. First runs: 68 of 80
/// clean, 35 of 41 found; 72 of 80 clean, 23 of 29 found.
#[test]
fn ordinary_words_in_postings_are_not_skills_sixteenth() {
    check_ordinary("sixteenth", 80, 0.85, 0.85);
}

#[test]
fn ordinary_words_in_postings_are_not_skills_seventeenth() {
    check_ordinary("seventeenth", 80, 0.9, 0.79);
}

#[test]
fn ordinary_words_in_postings_are_not_skills_eighteenth() {
    // First run: 73 of 80 clean, 34 of 37 found.
    check_ordinary("eighteenth", 80, 0.91, 0.91);
}
