//! Every format shows the same findings: each warning of the JSON report
//! appears, by its id, in the human, Markdown and HTML reports and in
//! `--explain`'s list of checks. Found by review: integrity findings (hidden
//! text, prompt injection, homoglyphs) were once in JSON only.

use super::{ats, json_report};

fn render(path: &str, format: &str) -> String {
    let out = ats()
        .args([path, "-c", "apple", "-r", "backend", "--format", format])
        .output()
        .unwrap();
    assert!(out.status.success(), "{path} {format}");
    String::from_utf8(out.stdout).unwrap()
}

/// How many times `id` is shown as a finding's id in `text` of `format`.
fn shown(text: &str, format: &str, id: &str) -> usize {
    let mark = match format {
        "human" => format!("[{id}]"),
        "md" => format!("`{id}`"),
        "html" => format!("<code>{id}</code>"),
        _ => unreachable!(),
    };
    text.matches(&mark).count()
}

#[test]
fn every_json_finding_is_in_every_format() {
    let files = [
        "fixtures/integrity/injection.txt",
        "fixtures/integrity/hidden-injection.pdf",
        "fixtures/integrity/homoglyphs.txt",
        "fixtures/integrity/white-runs.docx",
        "fixtures/integrity/stuffing.txt",
        "fixtures/structure/header-contact.docx",
        "fixtures/structure/two-column.pdf",
        "fixtures/resumes/weak.pdf",
        "fixtures/resumes/strong.docx",
    ];
    let mut categories = std::collections::BTreeSet::new();
    for path in files {
        let r = json_report(path);
        let warnings = r["warnings"].as_array().unwrap();
        let mut ids: Vec<&str> = warnings.iter().map(|w| w["id"].as_str().unwrap()).collect();
        for w in warnings {
            categories.insert(w["category"].as_str().unwrap().to_string());
        }
        ids.sort_unstable();
        for format in ["human", "md", "html"] {
            let text = render(path, format);
            for id in &ids {
                let expected = ids.iter().filter(|i| *i == id).count();
                assert_eq!(
                    shown(&text, format, id),
                    expected,
                    "{path} --format {format}: {id} shown a different number of times than in JSON"
                );
            }
            // Nothing is shown that JSON does not have: one row, item or
            // card per finding.
            let rows = text
                .lines()
                .filter(|l| {
                    ["error", "warning", "info"].iter().any(|s| match format {
                        "human" => l.starts_with(&format!("│ {s} ")),
                        "md" => l.starts_with(&format!("- **{s}** `")),
                        _ => false,
                    })
                })
                .count()
                + ["error", "warning", "info"]
                    .iter()
                    .map(|s| {
                        text.matches(&format!("<div class=\"card {s}\" id="))
                            .count()
                    })
                    .sum::<usize>();
            assert_eq!(rows, ids.len(), "{path} --format {format}: findings shown");
        }
        // --explain names every finding that is not a profile rule.
        let out = ats()
            .args([path, "-c", "apple", "-r", "backend", "--explain"])
            .output()
            .unwrap();
        let explain = String::from_utf8(out.stdout).unwrap();
        let explain = explain.replace('\n', " ");
        for w in warnings
            .iter()
            .filter(|w| !matches!(w["category"].as_str(), Some("mistake" | "tip")))
        {
            let id = w["id"].as_str().unwrap();
            assert!(explain.contains(id), "{path} --explain lacks {id}");
        }
    }
    // The files cover every category a finding can have.
    let expected: std::collections::BTreeSet<String> =
        ["check", "integrity", "mistake", "parse", "tip", "writing"]
            .iter()
            .map(|s| s.to_string())
            .collect();
    assert_eq!(categories, expected);
}
