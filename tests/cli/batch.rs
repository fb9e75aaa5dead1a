//! Batch mode: directories and several files, ranking table, JSON Lines,
//! CSV and JSON array output, bad files reported without stopping the
//! batch, per-file timeouts, and `--jobs` not changing any result.

use super::ats;
use serde_json::Value;
use std::collections::BTreeMap;

const APPLE: [&str; 4] = ["--company", "apple", "--role", "backend"];

/// A PDF whose one page draws `n` two-letter words: valid, but slow to read.
fn slow_pdf(n: usize) -> Vec<u8> {
    let body = format!("BT /F1 1 Tf 10 10 Td ({}) Tj ET", "ab ".repeat(n));
    super::one_page_pdf(&body)
}

/// Run a batch; return (exit code, stdout, stderr).
fn batch(args: &[&str]) -> (i32, String, String) {
    let out = ats().args(args).args(APPLE).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// path → score (or the error's exit code, negated) from JSON Lines.
fn scores(jsonl: &str) -> BTreeMap<String, i64> {
    jsonl
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"));
            let path = v["input"]["path"].as_str().unwrap().to_string();
            let score = match v["score"].as_i64() {
                Some(s) => s,
                None => -v["error"]["exit_code"].as_i64().unwrap(),
            };
            (path, score)
        })
        .collect()
}

#[test]
fn directory_batch_ranks_and_survives_broken_files() {
    let (code, stdout, stderr) = batch(&["fixtures/resumes", "fixtures/bad"]);
    assert_eq!(code, 8, "{stderr}");
    assert!(stdout.contains("10 scored, 8 failed."), "{stdout}");
    let ranks: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("│ "))
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit() || c == '-'))
        .collect();
    assert!(ranks[0].contains("100"), "best first: {ranks:?}");
    assert!(
        ranks.last().unwrap().contains("error"),
        "failures last: {ranks:?}"
    );
    // Each failure is also one line on stderr, naming the file.
    assert_eq!(
        stderr
            .lines()
            .filter(|l| l.starts_with("ats-score: error: fixtures/bad/"))
            .count(),
        8
    );
    // No progress bar when stderr is not a terminal.
    assert!(
        stderr.lines().all(|l| l.starts_with("ats-score: error:")),
        "{stderr}"
    );
}

#[test]
fn jsonl_has_one_object_per_file_including_errors() {
    let (code, stdout, _) = batch(&[
        "fixtures/resumes",
        "fixtures/bad/legacy.doc",
        "fixtures/none.pdf",
        "--format",
        "jsonl",
    ]);
    assert_eq!(code, 8);
    let s = scores(&stdout);
    assert_eq!(s.len(), 11);
    assert_eq!(s["fixtures/resumes/strong.pdf"], 100);
    assert_eq!(s["fixtures/resumes/weak.docx"], 22);
    assert_eq!(s["fixtures/bad/legacy.doc"], -4);
    assert_eq!(s["fixtures/none.pdf"], -3);
}

#[test]
fn csv_rows_for_spreadsheets() {
    let (code, stdout, _) = batch(&[
        "fixtures/resumes/weak.pdf",
        "fixtures/bad/empty.txt",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 8);
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[..3], ["path", "score", "keywords_points"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    let weak = rows
        .iter()
        .find(|r| &r[0] == "fixtures/resumes/weak.pdf")
        .unwrap();
    assert_eq!(&weak[1], "22");
    assert!(
        weak[7].starts_with("System Design; Swift"),
        "{:?}",
        &weak[7]
    );
    let empty = rows
        .iter()
        .find(|r| &r[0] == "fixtures/bad/empty.txt")
        .unwrap();
    assert!(empty[9].contains("the file is empty"));
}

#[test]
fn json_batch_is_one_array() {
    let (code, stdout, _) = batch(&["fixtures/resumes", "--glob", "*.txt", "--format", "json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 3, "--glob keeps only .txt");
    assert!(arr.iter().all(|r| r["input"]["format"] == "text"));
}

#[test]
fn jobs_do_not_change_results() {
    let (_, one, _) = batch(&[
        "fixtures/resumes",
        "fixtures/structure",
        "-j",
        "1",
        "--format",
        "jsonl",
    ]);
    let (_, two, _) = batch(&[
        "fixtures/resumes",
        "fixtures/structure",
        "-j",
        "2",
        "--format",
        "jsonl",
    ]);
    assert_eq!(scores(&one), scores(&two));
    assert!(scores(&one).len() >= 20);
}

#[test]
fn slow_file_times_out_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let slow = dir.path().join("slow.pdf");
    std::fs::write(&slow, slow_pdf(1_500_000)).unwrap();
    let slow = slow.to_str().unwrap();
    let (code, stdout, stderr) = batch(&[
        slow,
        "fixtures/resumes/weak.txt",
        "--timeout",
        "0.2",
        "--format",
        "jsonl",
    ]);
    assert_eq!(code, 8, "{stderr}");
    let s = scores(&stdout);
    assert_eq!(s[slow], -7);
    assert_eq!(s["fixtures/resumes/weak.txt"], 22);
    assert!(
        stderr.contains("gave up after 0.2 s (--timeout)"),
        "{stderr}"
    );

    // Alone, the same file reports the timeout with its own exit code.
    let out = ats()
        .args([slow, "--timeout", "0.2"])
        .args(APPLE)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7));
}

/// One file is scored on the main thread; a watchdog ends the run on time
/// even where no deadline check is reached (matching a text file this
/// large takes over a minute).
#[test]
fn single_file_stuck_outside_the_pdf_reader_ends_on_time() {
    let dir = tempfile::tempdir().unwrap();
    let slow = dir.path().join("slow.txt");
    let line = "Built services in Go, Python, Kubernetes and Docker on AWS with PostgreSQL.\n";
    // 11 MB: slow enough in a release build too (1.1 MB took 0.44 s there).
    std::fs::write(&slow, line.repeat(150_000)).unwrap();
    let started = std::time::Instant::now();
    let out = ats()
        .arg(&slow)
        .args(["--timeout", "0.5"])
        .args(APPLE)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(7), "{stderr}");
    assert!(
        stderr.contains("gave up after 0.5 s (--timeout)"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

#[test]
fn min_score_in_a_batch() {
    let (code, _, stderr) = batch(&["fixtures/resumes", "--glob", "*.txt", "--min-score", "50"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("2 resume(s) scored below --min-score 50"),
        "{stderr}"
    );
}

/// Found by review: CSV rows and JSON array elements came out in the order
/// files finished, so two runs of the same batch differed.
#[test]
fn output_is_byte_identical_whatever_the_jobs() {
    let inputs = [
        "fixtures/resumes",
        "fixtures/bad",
        "fixtures/integrity",
        "fixtures/structure",
    ];
    for format in ["csv", "jsonl", "json", "human"] {
        let run = |jobs: &str| {
            let mut args = inputs.to_vec();
            args.extend(["--format", format, "--jobs", jobs]);
            batch(&args)
        };
        let one = run("1");
        assert_eq!(one.0, 8, "{format}: {}", one.2);
        for _ in 0..2 {
            assert_eq!(
                run("8"),
                one,
                "--format {format} --jobs 8 differs from --jobs 1"
            );
        }
    }
    // Rows follow the input order: directories as given, files sorted.
    let (_, csv, _) = batch(&["fixtures/resumes", "fixtures/bad", "--format", "csv"]);
    let paths: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert!(paths[0].starts_with("fixtures/resumes/"), "{paths:?}");
    assert!(
        paths.last().unwrap().starts_with("fixtures/bad/"),
        "{paths:?}"
    );
}

/// Found by review: what the directory walk could not read vanished from
/// the batch. A dangling link gets its own error row.
#[cfg(unix)]
#[test]
fn walk_problems_are_error_rows() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("fixtures/resumes/weak.txt", dir.path().join("a.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone.pdf"), dir.path().join("b.pdf")).unwrap();
    let root = dir.path().to_str().unwrap();
    let (code, stdout, stderr) = batch(&[root, "--format", "jsonl"]);
    assert_eq!(code, 8, "{stderr}");
    let rows = scores(&stdout);
    assert_eq!(rows.len(), 2, "{stdout}");
    assert_eq!(rows[&format!("{root}/b.pdf")], -3, "{stdout}");
    assert!(stderr.contains("b.pdf: cannot read"), "{stderr}");
}
