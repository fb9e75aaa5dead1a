//! The accuracy report: keyword precision, recall and F1 over the labeled
//! resumes in `tests/eval/` (per term and overall, with every miss), the
//! trap cases, and PDF extraction quality against pdftotext. The test suite
//! asserts the same numbers (tests/cli/eval.rs); this prints them all.
//!
//! Run: `cargo run --release --example eval`; add `--refresh-references`
//! to store pdftotext's output of every PDF first (needs poppler-utils).

#[path = "../tests/eval/harness.rs"]
mod harness;

fn main() {
    if std::env::args().any(|a| a == "--refresh-references") {
        let version = harness::refresh_references();
        println!("stored pdftotext output of every PDF ({version})\n");
    }
    let k = harness::keywords();
    let o = &k.overall;
    println!(
        "Keyword presence over {} renderings of the labeled resumes",
        k.files
    );
    println!(
        "  overall: precision {:.4}  recall {:.4}  F1 {:.4}  (tp {} fp {} fn {} tn {}; same tier {} of {})",
        o.precision(),
        o.recall(),
        o.f1(),
        o.tp,
        o.fp,
        o.fn_,
        o.tn,
        o.same_tier,
        o.tp
    );
    println!(
        "\n  {:<28} {:>9} {:>7} {:>7} {:>4} {:>4} {:>4}",
        "term", "precision", "recall", "F1", "tp", "fp", "fn"
    );
    for (term, c) in &k.per_term {
        println!(
            "  {term:<28} {:>9.3} {:>7.3} {:>7.3} {:>4} {:>4} {:>4}",
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.fp,
            c.fn_
        );
    }
    println!("\n  Disagreements with the labels ({}):", k.misses.len());
    for m in &k.misses {
        println!(
            "    {}: {} labeled {}, found {}",
            m.file, m.term, m.label, m.predicted
        );
    }

    let (cases, failures) = harness::traps();
    println!("\nTrap cases: {cases}, failures: {}", failures.len());
    for f in &failures {
        println!(
            "    [{}] {:?}: false hits {:?}, missed {:?}",
            f.profile, f.text, f.false_hits, f.missed
        );
    }

    println!("\nPDF extraction against pdftotext (words after normalization):");
    let mut total_words = 0;
    let mut found = 0.0;
    let mut glued = 0;
    for pdf in harness::all_pdfs() {
        match harness::pdf_quality(&pdf) {
            Some(q) => {
                println!(
                    "  {:<55} words {:>5}  recall {:.4}  glued {} ({:.3}%)",
                    q.file,
                    q.reference_words,
                    q.word_recall,
                    q.glued,
                    q.glued_rate * 100.0
                );
                total_words += q.reference_words;
                found += q.word_recall * q.reference_words as f64;
                glued += q.glued;
            }
            None => println!(
                "  {}: no stored pdftotext output (run with --refresh-references)",
                pdf.display()
            ),
        }
    }
    println!("\nReading order of two-column PDFs (source word pairs kept as neighbours):");
    for o in harness::column_order() {
        println!(
            "  {:<55} ours {:.3}  pdftotext {:.3}",
            o.file, o.ours, o.pdftotext
        );
    }
    if total_words > 0 {
        println!(
            "  all PDFs: {total_words} words, recall {:.4}, glued {glued} ({:.3}%)",
            found / total_words as f64,
            glued as f64 * 100.0 / total_words as f64
        );
    }
}
