//! The labeled layout set (`fixtures/layout/`): section headings, contact
//! data and every warning id measured against labels written before the
//! tool was run, on the producer matrix's PDFs and on DOCX and PDF
//! renderings of resumes in six languages (python-docx, pandoc, LibreOffice,
//! Typst, ReportLab designs with white text on dark shapes, icon fonts and a
//! sidebar). The targets hold on the whole set; the tuned and held-out parts
//! are printed apart (`cargo test layout -- --nocapture`).

#[path = "../layout/eval.rs"]
mod eval;

use eval::{Report, Split};
use std::path::Path;

/// Checks whose warning says the text itself cannot be trusted: none of
/// them may fire on these clean documents unless a label planted it.
const INTEGRITY: &[&str] = &[
    "hidden-text",
    "prompt-injection",
    "keyword-stuffing",
    "broken-characters",
    "ligature-loss",
    "digits-in-words",
    "letter-spaced",
    "homoglyphs",
    "zero-width",
];

fn failures(r: &Report) -> Vec<String> {
    let mut out = Vec::new();
    let mut need = |ok: bool, what: String| {
        if !ok {
            out.push(what);
        }
    };
    need(
        r.errors.is_empty(),
        format!("files not read: {:?}", r.errors),
    );
    need(
        r.precision() >= 0.95,
        format!("heading precision {:.3}", r.precision()),
    );
    need(
        r.recall() >= 0.95,
        format!("heading recall {:.3}", r.recall()),
    );
    need(
        r.kind_right() >= 0.95,
        format!("heading kind right {:.3}", r.kind_right()),
    );
    for (name, c) in [
        ("email", r.email),
        ("phone", r.phone),
        ("LinkedIn", r.linkedin),
        ("GitHub", r.github),
    ] {
        need(
            c.rate() >= 0.97,
            format!("{name} found on {}/{}", c.found, c.of),
        );
    }
    need(
        r.false_phones == 0,
        format!("{} false phones", r.false_phones),
    );
    for (id, t) in &r.warnings {
        need(
            t.false_rate() <= 0.02,
            format!("{id}: {} false of {} fired", t.wrong, t.fired),
        );
        if INTEGRITY.contains(&id.as_str()) {
            need(
                t.wrong == 0,
                format!("integrity warning {id} on clean documents: {}", t.wrong),
            );
        }
    }
    out
}

#[test]
fn labeled_layout_set_meets_its_targets() {
    let docs = eval::documents();
    let held_out = docs.iter().filter(|d| d.split == Split::HeldOut).count();
    assert!(
        docs.len() >= 250 && held_out >= 50,
        "{} documents, {held_out} held out",
        docs.len()
    );
    let producers: std::collections::BTreeSet<&str> =
        docs.iter().map(|d| d.producer.as_str()).collect();
    for needed in [
        "python-docx",
        "pandoc",
        "libreoffice-docx",
        "reportlab-designed",
    ] {
        assert!(producers.contains(needed), "no {needed} renderings");
    }
    let found = eval::run(Path::new(env!("CARGO_BIN_EXE_ats-score")), &docs);
    for (title, split) in [("Tuned", Split::Tuned), ("Held out", Split::HeldOut)] {
        let r = eval::tally(&docs, &found, |d| d.split == split);
        println!("{}", eval::markdown(title, &r));
    }
    let all = eval::tally(&docs, &found, |_| true);
    println!("{}", eval::markdown("All", &all));
    let failed = failures(&all);
    assert!(
        failed.is_empty(),
        "below target:\n{}\n\nwrong or missed:\n{}",
        failed.join("\n"),
        all.misses.join("\n")
    );
}
