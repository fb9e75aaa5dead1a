//! Shared helpers for running the binary.

mod batch;
mod errors;
mod eval;
mod fit;
mod fixtures;
mod formats;
mod hostile;
#[allow(dead_code)] // some builders are for the example and checks by hand
mod hostile_inputs;
mod integrity;
mod jd;
mod layout;
mod malformed;
mod mutants;
mod output;
mod producers;
mod profiles;
mod readme;
mod rule_phrasings;
mod schema;
mod structure;
mod tips;
mod traps;
mod ux;

use assert_cmd::Command;
use serde_json::Value;

/// The weak sample resume against apple/backend: the arguments most tests
/// start from.
pub const WEAK_APPLE: [&str; 5] = ["fixtures/resumes/weak.txt", "-c", "apple", "-r", "backend"];

/// The binary, run from the repository root so fixture paths in the output
/// are relative and stable.
pub fn ats() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ats-score"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd.env_remove("COLUMNS");
    cmd
}

/// Asserts that a run succeeded, with its stderr as the message.
#[track_caller]
pub fn succeeded(out: &std::process::Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Score `path` against apple/backend and parse the JSON report.
#[track_caller]
pub fn json_report(path: &str) -> Value {
    json_of(&[path, "--company", "apple", "--role", "backend"])
}

/// Run with `args` plus `--format json`; expect success and one JSON document.
#[track_caller]
pub fn json_of(args: &[&str]) -> Value {
    json_and_stderr(args).0
}

/// Like [`json_of`], and also return stderr, where notes and notices go.
#[track_caller]
pub fn json_and_stderr(args: &[&str]) -> (Value, String) {
    let out = ats()
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: exit {:?}\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    let report = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: stdout is not one JSON document: {e}"));
    (report, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// `(term, kind or fuzzy kind)` of every match, sorted.
pub fn matches(report: &Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = report["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let kind = m["fuzzy"].as_str().unwrap_or(m["kind"].as_str().unwrap());
            (m["term"].as_str().unwrap().to_string(), kind.to_string())
        })
        .collect();
    out.sort();
    out
}

/// Ids of the warnings in a report.
pub fn warning_ids(report: &Value) -> Vec<String> {
    report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["id"].as_str().unwrap().to_string())
        .collect()
}

/// A one-page US Letter PDF that draws `content` with Helvetica as /F1.
pub fn one_page_pdf(content: &str) -> Vec<u8> {
    pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 612 792] >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
            .to_string(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_string(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
    ])
}

/// A minimal PDF from object bodies (1-based ids), with a correct xref.
pub fn pdf<T: AsRef<[u8]>>(objects: &[T]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).bytes());
        out.extend(o.as_ref());
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}
