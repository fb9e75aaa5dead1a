//! Accuracy targets, asserted so they cannot silently regress: keyword
//! presence over the labeled resumes (precision ≥ 0.99, recall ≥ 0.97),
//! every trap case right, and PDF extraction close to pdftotext (word recall
//! ≥ 0.98, glued words ≤ 0.5%). `cargo run --release --example eval` prints
//! the same numbers in full.

#[path = "../eval/harness.rs"]
mod harness;

#[test]
fn keyword_precision_and_recall_on_the_labeled_set() {
    let k = harness::keywords();
    assert!(k.files >= 40, "only {} labeled renderings", k.files);
    let o = &k.overall;
    let misses: Vec<String> = k
        .misses
        .iter()
        .map(|m| {
            format!(
                "{}: {} labeled {}, found {}",
                m.file, m.term, m.label, m.predicted
            )
        })
        .collect();
    assert!(
        o.precision() >= 0.99 && o.recall() >= 0.97,
        "precision {:.4}, recall {:.4}; disagreements:\n{}",
        o.precision(),
        o.recall(),
        misses.join("\n")
    );
}

#[test]
fn trap_cases_have_no_false_hits_and_no_misses() {
    let (cases, failures) = harness::traps();
    assert!(cases >= 150, "only {cases} trap cases");
    let shown: Vec<String> = failures
        .iter()
        .map(|f| {
            format!(
                "[{}] {:?}: false hits {:?}, missed {:?}",
                f.profile, f.text, f.false_hits, f.missed
            )
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {cases} trap cases fail:\n{}",
        failures.len(),
        shown.join("\n")
    );
}

#[test]
fn pdf_extraction_matches_pdftotext() {
    let pdfs = harness::all_pdfs();
    assert!(pdfs.len() >= 12);
    let mut bad = Vec::new();
    for pdf in &pdfs {
        let q = harness::pdf_quality(pdf).unwrap_or_else(|| {
            panic!(
                "no stored pdftotext output for {}: run `cargo run --release --example eval -- --refresh-references` where pdftotext is installed",
                pdf.display()
            )
        });
        if q.word_recall < 0.98 || q.glued_rate > 0.005 {
            bad.push(format!(
                "{}: recall {:.4}, glued {:.3}%",
                q.file,
                q.word_recall,
                q.glued_rate * 100.0
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn two_column_pdfs_are_read_column_by_column() {
    let orders = harness::column_order();
    assert!(orders.len() >= 5, "{orders:?}");
    for o in &orders {
        assert!(
            o.ours >= 0.95,
            "{}: only {:.3} of word pairs kept in order",
            o.file,
            o.ours
        );
    }
}
