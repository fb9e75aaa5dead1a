//! Every documented error: one clear line on stderr naming the file and the
//! problem, nothing on stdout, and the documented exit code.

use super::ats;

/// Run with apple/backend and check exit code and stderr.
#[track_caller]
fn fails(args: &[&str], code: i32, needles: &[&str]) {
    let out = ats().args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "{args:?}: stdout not empty");
    for n in needles {
        assert!(stderr.contains(n), "{args:?}: {n:?} not in {stderr:?}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line expected: {stderr:?}");
}

fn scored(file: &str) -> Vec<&str> {
    vec![file, "--company", "apple", "--role", "backend"]
}

#[test]
fn missing_file() {
    fails(
        &scored("fixtures/nope.pdf"),
        3,
        &["fixtures/nope.pdf", "no such file"],
    );
}

/// A directory is a batch input; one without any resume is an error.
#[test]
fn directory_without_resumes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.rtf"), "x").unwrap();
    let p = dir.path().to_str().unwrap();
    let out = ats().args(scored(p)).output().unwrap();
    assert_eq!(out.status.code(), Some(8));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{p}: no PDF, DOCX or text files found")),
        "{stderr}"
    );
}

#[test]
fn empty_file() {
    fails(
        &scored("fixtures/bad/empty.txt"),
        3,
        &["empty.txt", "empty"],
    );
}

#[test]
fn corrupt_pdfs() {
    for f in ["fixtures/bad/truncated.pdf", "fixtures/bad/garbage.pdf"] {
        fails(&scored(f), 5, &[f, "cannot read PDF", "damaged"]);
    }
}

#[test]
fn encrypted_pdf() {
    fails(
        &scored("fixtures/bad/encrypted.pdf"),
        5,
        &["encrypted.pdf", "password-protected"],
    );
}

#[test]
fn scanned_pdf_without_text_layer() {
    fails(
        &scored("fixtures/bad/scanned.pdf"),
        5,
        &["scanned.pdf", "no text found", "scanned"],
    );
}

#[test]
fn unsupported_formats() {
    fails(
        &scored("fixtures/bad/legacy.doc"),
        4,
        &["legacy.doc", "legacy Word .doc", ".docx"],
    );
    fails(
        &scored("fixtures/bad/photo.png"),
        4,
        &["photo.png", "PNG image"],
    );
    fails(
        &scored("fixtures/bad/binary.txt"),
        4,
        &["binary.txt", "binary data"],
    );
    fails(
        &scored("fixtures/bad/not-a-docx.docx"),
        4,
        &["not-a-docx.docx", "without word/document.xml"],
    );
}

#[test]
fn unknown_company_suggests_closest() {
    fails(
        &[
            "fixtures/resumes/strong.txt",
            "--company",
            "aple",
            "--role",
            "backend",
        ],
        6,
        &[
            "unknown company 'aple'",
            "did you mean 'apple'",
            "available: amazon, apple",
        ],
    );
}

#[test]
fn unknown_role_lists_roles() {
    fails(
        &[
            "fixtures/resumes/strong.txt",
            "--company",
            "apple",
            "--role",
            "backnd",
        ],
        6,
        &[
            "'backnd'",
            "did you mean 'backend'",
            "available roles: android, backend",
        ],
    );
}

#[test]
fn names_that_are_not_identifiers_are_refused() {
    fails(
        &[
            "fixtures/resumes/strong.txt",
            "--company",
            "../../etc",
            "--role",
            "passwd",
        ],
        6,
        &["invalid company '../../etc'"],
    );
}

#[test]
fn invalid_profile_yaml_has_file_line_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo.yaml");
    let text = std::fs::read_to_string("tests/profiles/traps.yaml").unwrap();
    std::fs::write(&path, text.replace("    weight: 1", "    wieght: 1")).unwrap();
    let p = path.to_str().unwrap();
    let line = text.lines().position(|l| l == "    weight: 1").unwrap() + 1;
    fails(
        &["fixtures/resumes/strong.txt", "--profile", p],
        6,
        &[&format!("{p}:{line}:5: unknown field `wieght`")],
    );

    std::fs::write(&path, "id: [unclosed\n").unwrap();
    fails(
        &["fixtures/resumes/strong.txt", "--profile", p],
        6,
        &[&format!("{p}:")],
    );
}

#[test]
fn no_profile_chosen_is_a_usage_error() {
    fails(
        &["fixtures/resumes/strong.txt"],
        2,
        &["--company and --role", "profiles list", "--jd"],
    );
}

#[test]
fn min_score_sets_exit_status() {
    let weak = ["fixtures/resumes/weak.txt", "-c", "apple", "-r", "backend"];
    let out = ats()
        .args(weak)
        .args(["--min-score", "50"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("below --min-score 50"));
    assert!(!out.stdout.is_empty(), "the report is still printed");
    let out = ats()
        .args(weak)
        .args(["--min-score", "10"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

/// pdf-extract 0.12 panics on a one-byte ToUnicode destination (a real pdfTeX
/// pattern); the panic must become a clean error naming the file.
#[test]
fn pdf_reader_crash_is_caught() {
    fails(
        &scored("fixtures/bad/reader-crash.pdf"),
        5,
        &["reader-crash.pdf", "the PDF reader crashed"],
    );
}

/// Found by review: `--timeout 1e300` panicked (exit 70) converting to a
/// `Duration`. Every limit flag is a range checked by the parser.
#[test]
fn out_of_range_flags_are_usage_errors() {
    let cases = [
        ("--timeout", "1e300"),
        ("--timeout", "-1"),
        ("--timeout", "NaN"),
        ("--timeout", "inf"),
        ("--max-size", "0"),
        ("--max-size", "inf"),
        ("--max-size", "-3"),
        ("--max-unpacked", "1e20"),
        ("--max-pages", "0"),
        ("--max-pages", "99999999999"),
        ("--jobs", "0"),
        ("--min-score", "101"),
    ];
    for (flag, value) in cases {
        let out = super::ats()
            .args(["fixtures/resumes/weak.txt", "-c", "apple", "-r", "backend"])
            .arg(format!("{flag}={value}"))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{flag} {value}: {stderr}");
        assert!(
            stderr.contains(&format!("invalid value '{value}'")),
            "{flag} {value}: {stderr}"
        );
    }
    // The edges of each range are accepted.
    let out = super::ats()
        .args([
            "fixtures/resumes/weak.txt",
            "-c",
            "apple",
            "-r",
            "backend",
            "-q",
        ])
        .args([
            "--timeout",
            "86400",
            "--max-size",
            "0.01",
            "--max-pages",
            "1",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}
