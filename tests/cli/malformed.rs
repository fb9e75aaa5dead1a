//! The malformed-input corpus: files a stranger could send. Each case runs
//! the real binary under a time limit and checks for no panic, one clear
//! line naming the file, and the documented exit code. Inputs too big or
//! too odd to keep in the repository are built here, in a temp directory.

use super::{ats, pdf};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

const APPLE: [&str; 4] = ["--company", "apple", "--role", "backend"];

/// Run on `path`; return (exit code, stdout, stderr), failing after 30 s.
fn run(path: &str, extra: &[&str]) -> (i32, String, String) {
    let out = ats()
        .arg(path)
        .args(APPLE)
        .args(extra)
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!stderr.contains("panicked"), "{path}: {stderr}");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        stderr,
    )
}

#[track_caller]
fn refused(path: &str, code: i32, needles: &[&str]) {
    let (got, stdout, stderr) = run(path, &[]);
    assert_eq!(got, code, "{path}: {stderr}");
    assert!(stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!("ats-score: error: {path}")),
        "{stderr}"
    );
    for n in needles {
        assert!(stderr.contains(n), "{path}: {n:?} not in {stderr}");
    }
}

/// Score a resume with the profile at `p`, expecting exit 6; return stderr.
#[track_caller]
fn refused_profile(p: &Path) -> String {
    let out = ats()
        .args(["fixtures/resumes/strong.txt", "--profile", s(p)])
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn temp(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A DOCX zip holding `document` as word/document.xml (deflated).
fn docx(document: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#)
        .unwrap();
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(document).unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn pdf_with_broken_xref_is_read_or_refused_cleanly() {
    let mut bytes = std::fs::read("fixtures/resumes/strong.pdf").unwrap();
    let at = bytes.windows(9).rposition(|w| w == b"startxref").unwrap();
    bytes.truncate(at);
    bytes.extend(b"startxref\n999999\n%%EOF\n");
    let (_d, p) = temp("broken-xref.pdf", &bytes);
    let (code, _, stderr) = run(s(&p), &[]);
    assert!(code == 0 || code == 5, "{code}: {stderr}");
}

#[test]
fn pdf_with_thousands_of_pages_is_refused() {
    let n = 5000;
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", i + 4)).collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {n} /MediaBox [0 0 612 792] >>",
            kids.join(" ")
        ),
        "<< /Length 0 >>\nstream\n\nendstream".to_string(),
    ];
    objects.extend((0..n).map(|_| "<< /Type /Page /Parent 2 0 R /Contents 3 0 R >>".to_string()));
    let (_d, p) = temp("pages.pdf", &pdf(&objects));
    refused(s(&p), 9, &["5000 pages, more than 50", "--max-pages"]);
}

#[test]
fn pdf_flate_bomb_is_refused() {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..100 {
        z.write_all(&zeros).unwrap();
    }
    let bomb = z.finish().unwrap();
    assert!(bomb.len() < 200_000, "the bomb is small: {}", bomb.len());
    let mut stream = format!(
        "<< /Length {} /Filter /FlateDecode >>\nstream\n",
        bomb.len()
    )
    .into_bytes();
    stream.extend(&bomb);
    stream.extend(b"\nendstream");
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 612 792] >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>".to_vec(),
        stream,
    ];
    let out = pdf(&objects);
    let (_d, p) = temp("bomb.pdf", &out);
    refused(s(&p), 9, &["decode to more than 64 MB", "--max-unpacked"]);
}

#[test]
fn docx_zip_bomb_is_refused() {
    let body = format!(
        "<w:document><w:body><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:body></w:document>",
        " ".repeat(100_000_000)
    );
    let bytes = docx(body.as_bytes());
    assert!(bytes.len() < 500_000, "tiny file: {}", bytes.len());
    let (_d, p) = temp("bomb.docx", &bytes);
    refused(s(&p), 9, &["unpacks to more than 64 MB", "--max-unpacked"]);
}

#[test]
fn docx_with_deeply_nested_xml_is_refused() {
    let depth = 100_000;
    let body = format!(
        "<w:document><w:body>{}{}</w:body></w:document>",
        "<w:tbl><w:tr><w:tc>".repeat(depth / 3),
        "</w:tc></w:tr></w:tbl>".repeat(depth / 3)
    );
    let (_d, p) = temp("deep.docx", &docx(body.as_bytes()));
    refused(s(&p), 9, &["word/document.xml nests elements", "deep"]);
}

#[test]
fn invalid_utf8_text_is_read_as_windows_1252() {
    let mut bytes = std::fs::read("fixtures/resumes/strong.txt").unwrap();
    bytes.extend(b"\nCaf\xe9 owner \x93quoted\x94 Kubernetes\n");
    let (_d, p) = temp("latin1.txt", &bytes);
    let (code, stdout, stderr) = run(s(&p), &["--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("not valid UTF-8; read it as Windows-1252"),
        "{stderr}"
    );
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["score"], 100);
}

#[test]
fn fifty_megabyte_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("big.pdf");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(50_000_000).unwrap();
    let start = std::time::Instant::now();
    refused(
        s(&p),
        9,
        &["the file is 50.0 MB, over the 20 MB limit", "--max-size"],
    );
    assert!(start.elapsed() < Duration::from_secs(10));
    // The limit is a flag.
    let (code, _, stderr) = run(s(&p), &["--max-size", "60"]);
    assert_ne!(code, 9, "{stderr}");
}

#[test]
fn fifo_and_devices_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("resume.pdf");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    refused(s(&fifo), 3, &["is a named pipe (FIFO), not a regular file"]);
    refused("/dev/zero", 3, &["is a device, not a regular file"]);
}

#[test]
fn unreadable_paths() {
    refused(
        "fixtures/resumes/strong.txt/nope.pdf",
        3,
        &["cannot read", "Not a directory"],
    );
    let (_d, p) = temp("secret.pdf", b"%PDF-1.7");
    let mut perms = std::fs::metadata(&p).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o000);
    std::fs::set_permissions(&p, perms).unwrap();
    if std::fs::read(&p).is_err() {
        refused(s(&p), 3, &["cannot read", "Permission denied"]);
    } else {
        // Running as root: permissions do not apply, so the file is read
        // (and refused for what it contains).
        let (code, _, _) = run(s(&p), &[]);
        assert_eq!(code, 5);
    }
}

#[test]
fn yaml_alias_bomb_is_refused() {
    let mut yaml = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let prev = format!("*a{}", i - 1);
        yaml.push_str(&format!("a{i}: &a{i} [{}]\n", vec![prev; 9].join(", ")));
    }
    let (_d, p) = temp("bomb.yaml", yaml.as_bytes());
    let stderr = refused_profile(&p);
    assert!(
        stderr.starts_with(&format!("ats-score: error: {}", s(&p))),
        "{stderr}"
    );
}

#[test]
fn catastrophic_regex_in_a_profile_is_refused() {
    let text = std::fs::read_to_string("profiles/apple/backend.yaml").unwrap();
    let text = text.replace(r"'github\.com/[A-Za-z0-9_.-]+'", r"'((a{100}){100}){100}'");
    let (_d, p) = temp("regex.yaml", text.as_bytes());
    let stderr = refused_profile(&p);
    assert!(
        stderr.contains("regex.yaml:275:16: invalid regex"),
        "{stderr}"
    );
    assert!(stderr.contains("size limit"), "{stderr}");
}

#[test]
fn terminal_escapes_never_reach_the_human_report() {
    let mut text = std::fs::read_to_string("fixtures/resumes/weak.txt").unwrap();
    text = text.replace("k8s", "k8s\x1b[2J\x1b]0;owned\x07\x1b[31m");
    text.push_str("\n- Kubernets \x1b[1mbold\x1b[0m and \x08\x08 back\n");
    let (_d, p) = temp("escapes.txt", text.as_bytes());
    let (code, stdout, _) = run(s(&p), &["--explain"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("k8s"));
    assert!(
        !stdout.chars().any(|c| c.is_control() && c != '\n'),
        "control characters in the report"
    );
}

/// Regression tests for crashes found by fuzzing (see fuzz/README.md).
#[test]
fn fuzz_regressions_score_cleanly() {
    for entry in std::fs::read_dir("fixtures/fuzz").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let (code, _, stderr) = run(s(&path), &[]);
        assert!(
            [0, 4, 5, 9].contains(&code),
            "{}: {code} {stderr}",
            path.display()
        );
        assert!(!stderr.contains("internal error"), "{stderr}");
    }
}

#[test]
fn oversized_profile_is_refused() {
    let mut text = std::fs::read_to_string("tests/profiles/traps.yaml").unwrap();
    text.push_str(&format!("# {}\n", "x".repeat(1_100_000)));
    let (_d, p) = temp("huge.yaml", text.as_bytes());
    let stderr = refused_profile(&p);
    assert!(
        stderr.contains("profile is larger than 1048576 bytes"),
        "{stderr}"
    );
}

/// Found by a second review: inputs that crashed or misreported before.
#[test]
fn review_regressions() {
    let dir = tempfile::tempdir().unwrap();
    // Letters whose lower case changes byte length, next to symbols.
    let odd = "Ada Okafor\nada@example.com | 555-010-0199\n\nSKILLS\n\u{1e9e}\u{2014}Python and lots of other things here to make the line long \u{130} ok\n\nEXPERIENCE\n- Built 5\u{1e9e}\u{20ac} things for teams\n- Built 5\u{23a}\u{2022} things\n";
    let p = dir.path().join("odd.txt");
    std::fs::write(&p, odd).unwrap();
    for extra in [&["--timeout", "0"][..], &[]] {
        let (code, _, stderr) = run(s(&p), extra);
        assert_eq!(code, 0, "{stderr}");
    }
    // Old Mac line ends: evidence names the right line.
    let cr = dir.path().join("cr.txt");
    std::fs::write(&cr, "Ada\rada@example.com\rSKILLS\rJava, Kotlin\r").unwrap();
    let (_, stdout, _) = run(s(&cr), &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let java = v["matches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["term"] == "Java")
        .unwrap();
    assert_eq!(java["evidence"]["line"], 4);
    assert_eq!(java["evidence"]["snippet"], "Java, Kotlin");
    // Infinite weights are refused.
    let text = std::fs::read_to_string("profiles/apple/backend.yaml").unwrap();
    let inf = dir.path().join("inf.yaml");
    std::fs::write(&inf, text.replacen("keywords: 75", "keywords: .inf", 1)).unwrap();
    let stderr = refused_profile(&inf);
    assert!(stderr.contains("finite"), "{stderr}");
}
