//! Integrity checks: each trick is flagged with evidence on the fixture made
//! for it (`fixtures/integrity/`), never rewarded in the score, and its
//! clean look-alike is not flagged.

use super::{json_report, one_page_pdf, pdf, warning_ids};
use serde_json::Value;

const I: &str = "fixtures/integrity";

#[track_caller]
fn flagged(file: &str, id: &str) -> Value {
    let r = json_report(&format!("{I}/{file}"));
    let w = r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["id"] == id)
        .unwrap_or_else(|| panic!("{file}: no {id} in {:?}", warning_ids(&r)))
        .clone();
    assert_eq!(w["category"], "integrity");
    assert!(
        !w["evidence"].as_array().unwrap().is_empty(),
        "{file}: {id} has evidence"
    );
    assert!(!w["fix"].as_str().unwrap().is_empty());
    w
}

#[track_caller]
fn clean(path: &str) {
    let r = json_report(path);
    let integrity: Vec<&Value> = r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["category"] == "integrity")
        .collect();
    assert!(integrity.is_empty(), "{path}: {integrity:?}");
}

fn score(path: &str) -> u64 {
    json_report(path)["score"].as_u64().unwrap()
}

#[test]
fn hidden_pdf_text_is_reported_and_never_scores() {
    let base = score("fixtures/resumes/weak.pdf");
    let visible = score(&format!("{I}/visible-keywords.pdf"));
    assert!(
        visible > base,
        "visible keywords do count: {visible} vs {base}"
    );
    for (file, reason) in [
        ("white-text.pdf", "white text"),
        ("render-mode-3.pdf", "invisible text"),
        ("tiny-text.pdf", "tiny text"),
        ("off-page.pdf", "off the page"),
    ] {
        let w = flagged(file, "hidden-text");
        assert!(
            w["message"].as_str().unwrap().contains(reason),
            "{file}: {w}"
        );
        assert_eq!(
            w["evidence"][0]["snippet"],
            "Kubernetes Kafka Swift Objective-C GraphQL gRPC Redis System Design",
            "{file}"
        );
        assert_eq!(w["evidence"][0]["page"], 1);
        assert_eq!(
            score(&format!("{I}/{file}")),
            base,
            "{file}: hidden keywords must not score"
        );
    }
    clean(&format!("{I}/visible-keywords.pdf"));
}

#[test]
fn hidden_docx_runs_are_reported_and_never_score() {
    let visible = score(&format!("{I}/visible-keywords.docx"));
    for (file, reason) in [
        ("vanish.docx", "vanish"),
        ("white-runs.docx", "white text"),
        ("tiny-runs.docx", "tiny text"),
    ] {
        let w = flagged(file, "hidden-text");
        assert!(
            w["message"].as_str().unwrap().contains(reason),
            "{file}: {w}"
        );
        assert!(score(&format!("{I}/{file}")) < visible, "{file}");
    }
    clean(&format!("{I}/visible-keywords.docx"));
    // The same white runs in a table cell shaded dark navy: a designed
    // band a reader sees, so they count like visible text.
    clean(&format!("{I}/white-on-dark.docx"));
    assert_eq!(score(&format!("{I}/white-on-dark.docx")), visible);
}

#[test]
fn white_text_on_a_dark_banner_is_not_hidden() {
    // Templates put white text on colored shapes: a dark banner with the
    // name and title in white is visible, so it counts and is not flagged.
    let content = "0.1 0.15 0.3 rg 0 700 612 92 re f \
        1 1 1 rg BT /F1 16 Tf 54 740 Td (Renee Okafor, Kubernetes Engineer) Tj ET \
        0 0 0 rg BT /F1 10 Tf 54 600 Td (EXPERIENCE) Tj ET \
        BT /F1 10 Tf 54 585 Td (Built payment services in Go for 2M users at 40k RPS.) Tj ET";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("banner.pdf");
    std::fs::write(&path, one_page_pdf(content)).unwrap();
    let r = json_report(path.to_str().unwrap());
    assert!(
        !warning_ids(&r).contains(&"hidden-text".to_string()),
        "{:?}",
        warning_ids(&r)
    );
    let k8s = r["matches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["term"] == "Kubernetes");
    assert!(k8s.is_some(), "white text on the banner counts");
    clean("fixtures/structure/two-column.pdf");
}

#[test]
fn prompt_injection_visible_or_hidden() {
    let w = flagged("injection.txt", "prompt-injection");
    assert!(
        w["evidence"][0]["snippet"]
            .as_str()
            .unwrap()
            .contains("ignore previous instructions")
    );
    flagged("hidden-injection.pdf", "prompt-injection");
    flagged("hidden-injection.pdf", "hidden-text");
    clean(&format!("{I}/clean-notes.txt"));
    clean(&format!("{I}/clean-notes.pdf"));
}

#[test]
fn keyword_stuffing() {
    let w = flagged("stuffing.txt", "keyword-stuffing");
    let msg = w["message"].as_str().unwrap();
    assert!(
        msg.contains("\"kubernetes\"") && msg.contains("the same keyword list twice"),
        "{msg}"
    );
    clean(&format!("{I}/dense-but-fine.txt"));
    clean("fixtures/resumes/strong.txt");
}

#[test]
fn text_layer_corruption() {
    let w = flagged("homoglyphs.txt", "homoglyphs");
    assert!(w["message"].as_str().unwrap().contains("J\u{430}va"));
    clean(&format!("{I}/names-non-latin.txt"));

    flagged("letter-spaced.txt", "letter-spaced");
    flagged("zero-width.txt", "zero-width");
    flagged("replacement-chars.txt", "broken-characters");
    let w = flagged("digits-in-words.txt", "digits-in-words");
    assert!(w["message"].as_str().unwrap().contains("Engi3eering"));
    clean(&format!("{I}/digits-legit.txt"));
    let w = flagged("ligature-loss.pdf", "ligature-loss");
    assert!(
        w["message"]
            .as_str()
            .unwrap()
            .contains("\"con ict\" for \"conflict\"")
    );
    clean("fixtures/resumes/strong.pdf");
}

#[test]
fn icon_font_junk_is_flagged_as_unreadable_glyphs() {
    let r = json_report(&format!("{I}/icon-font-junk.pdf"));
    let w = r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["id"] == "fancy-glyphs")
        .unwrap();
    assert!(w["message"].as_str().unwrap().contains("U+E001"), "{w}");
}

/// The goal of the issue: no integrity false positives on any fixture.
#[test]
fn no_false_positives_on_clean_fixtures() {
    for dir in ["fixtures/resumes", "fixtures/structure", "fixtures/traps"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if !["pdf", "docx", "txt"].contains(&ext) {
                continue;
            }
            clean(path.to_str().unwrap());
        }
    }
}

#[test]
fn checks_are_configurable_in_the_profile() {
    let base = std::fs::read_to_string("profiles/apple/backend.yaml").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let off = dir.path().join("off.yaml");
    std::fs::write(
        &off,
        format!("{base}\nchecks:\n  disable: [hidden-text, keyword-stuffing]\n"),
    )
    .unwrap();
    let r = super::json_of(&[
        &format!("{I}/white-text.pdf"),
        "--profile",
        off.to_str().unwrap(),
    ]);
    assert!(!warning_ids(&r).contains(&"hidden-text".to_string()));
    // Disabling the warning does not let hidden text score.
    assert_eq!(r["score"], score("fixtures/resumes/weak.pdf"));

    let typo = dir.path().join("typo.yaml");
    std::fs::write(&typo, format!("{base}\nchecks:\n  disable: [hiden-text]\n")).unwrap();
    let out = super::ats()
        .args([
            "fixtures/resumes/weak.txt",
            "--profile",
            typo.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("typo.yaml:279:13: unknown variant `hiden-text`")
            && stderr.contains("(did you mean `hidden-text`?)"),
        "{stderr}"
    );
}

/// A one-page PDF: `content` with Helvetica as /F1 and a 1×1 gray image as
/// /Im1.
fn page_with_image(content: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 612 792] >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> /XObject << /Im1 6 0 R >> >> /Contents 5 0 R >>"
            .to_string(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\u{7f}\nendstream"
            .to_string(),
    ];
    pdf(&objects)
}

#[test]
fn text_covered_by_an_image_is_hidden_and_a_logo_beside_text_is_not() {
    let body = "BT /F1 10 Tf 54 600 Td (EXPERIENCE) Tj ET \
        BT /F1 10 Tf 54 585 Td (Built payment services in Python for 2M users at 40k RPS.) Tj ET";
    let covered = format!(
        "{body} BT /F1 10 Tf 54 700 Td (Kubernetes Kafka Swift GraphQL) Tj ET q 300 0 0 40 50 690 cm /Im1 Do Q"
    );
    let logo = format!(
        "q 300 0 0 40 50 690 cm /Im1 Do Q {body} BT /F1 10 Tf 54 700 Td (Kubernetes Kafka Swift GraphQL) Tj ET"
    );
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("covered.pdf"), dir.path().join("logo.pdf"));
    std::fs::write(&a, page_with_image(&covered)).unwrap();
    std::fs::write(&b, page_with_image(&logo)).unwrap();
    let hidden = json_report(a.to_str().unwrap());
    let w = hidden["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["id"] == "hidden-text")
        .unwrap();
    assert!(
        w["message"].as_str().unwrap().contains("under an image"),
        "{w}"
    );
    assert_eq!(
        w["evidence"][0]["snippet"],
        "Kubernetes Kafka Swift GraphQL"
    );
    let visible = json_report(b.to_str().unwrap());
    assert!(!warning_ids(&visible).contains(&"hidden-text".to_string()));
    assert!(
        visible["score"].as_u64() > hidden["score"].as_u64(),
        "covered keywords do not score"
    );
}

/// The hidden text a report finds in a one-page PDF drawing `content`, as
/// (reason list in the message, hidden snippets).
fn hidden_in(content: &str) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.pdf");
    std::fs::write(&path, one_page_pdf(content)).unwrap();
    let r = json_report(path.to_str().unwrap());
    r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["id"] == "hidden-text")
        .map(|w| {
            let snippets: Vec<&str> = w["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["snippet"].as_str().unwrap())
                .collect();
            format!("{} | {}", w["message"], snippets.join(" | "))
        })
}

const BODY: &str = "0 0 0 rg BT /F1 10 Tf 54 600 Td (EXPERIENCE) Tj ET \
    BT /F1 10 Tf 54 585 Td (Built payment services in Go for 2M users at 40k RPS.) Tj ET";

/// Found on real resumes: white text on a mid-blue sidebar and inside dark
/// circles was called hidden. Visibility is contrast with what is behind
/// the text, whatever shape it is.
#[test]
fn text_is_hidden_by_contrast_not_by_colour() {
    // White on a mid-blue sidebar (#4a90d9): contrast about 3.4.
    let sidebar = format!(
        "0.29 0.565 0.851 rg 0 0 180 792 re f 1 1 1 rg BT /F1 10 Tf 20 700 Td (Skills: Kubernetes, Terraform) Tj ET {BODY}"
    );
    assert_eq!(hidden_in(&sidebar), None);
    // White initials in a dark circle drawn with curves.
    let circle = format!(
        "0.1 0.2 0.5 rg 40 700 m 40 722 58 740 80 740 c 102 740 120 722 120 700 c 120 678 102 660 80 660 c 58 660 40 678 40 700 c f \
         1 1 1 rg BT /F1 14 Tf 66 695 Td (JP) Tj ET {BODY}"
    );
    assert_eq!(hidden_in(&circle), None);
    // Near-white (#f7f7f7) on the white page is hidden, and so is white
    // on a pale yellow box.
    let faint = format!("0.97 g BT /F1 10 Tf 54 300 Td (Kafka Spark Airflow) Tj ET {BODY}");
    let found = hidden_in(&faint).expect("faint text is hidden");
    assert!(found.contains("Kafka Spark Airflow"), "{found}");
    let pale = format!(
        "1 1 0.85 rg 50 280 300 40 re f 1 1 1 rg BT /F1 10 Tf 54 300 Td (Kafka Spark Airflow) Tj ET {BODY}"
    );
    assert!(hidden_in(&pale).is_some());
}

/// Found on real resumes: a page number drawn just below the page was an
/// error. Text a little past the edge is a layout slip; far outside is hidden.
#[test]
fn a_page_number_just_off_the_page_is_not_hidden() {
    let slip = format!("0 g BT /F1 9 Tf 300 -6 Td (1) Tj ET {BODY}");
    assert_eq!(hidden_in(&slip), None);
    let far = format!("0 g BT /F1 9 Tf 300 -120 Td (Kubernetes Terraform) Tj ET {BODY}");
    let found = hidden_in(&far).expect("far off the page is hidden");
    assert!(found.contains("off the page"), "{found}");
}

/// WeasyPrint draws a one-pixel rule as a 20-pixel white rectangle clipped
/// to one pixel: the clip decides what is painted, so the heading above the
/// rule is visible.
#[test]
fn clipped_paint_only_covers_its_clip() {
    let rule = format!(
        "0.14 0.27 0.43 rg 0 0 220 792 re f \
         q 30 640 m 200 640 l 200 641 l 30 641 l W* n 1 1 1 rg 30 630 170 20 re f Q \
         1 1 1 rg BT /F1 12 Tf 30 644 Td (Skills) Tj ET {BODY}"
    );
    assert_eq!(hidden_in(&rule), None);
}

/// Found on a Canva export: every word was judged off the page. Canva,
/// Word and Chrome draw through a flipped, scaled page matrix and flip the
/// text matrix back; the position and size of each glyph must go through
/// both, as a viewer does.
#[test]
fn flipped_and_scaled_page_matrices_are_on_the_page() {
    let content = "q 0.75 0 0 -0.75 0 792 cm \
        BT /F1 14.6667 Tf 1 0 0 -1 72 96 Tm (Renee Okafor, Kubernetes Engineer) Tj ET \
        BT /F1 13.3333 Tf 1 0 0 -1 72 140 Tm (EXPERIENCE) Tj ET \
        BT /F1 13.3333 Tf 1 0 0 -1 72 160 Tm (Built payment services in Go for 2M users at 40k RPS.) Tj ET Q";
    assert_eq!(hidden_in(content), None);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("flipped.pdf");
    std::fs::write(&path, one_page_pdf(content)).unwrap();
    let out = super::ats().arg("extract").arg(&path).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let name = text.find("Renee Okafor").expect("name read");
    let body = text.find("Built payment").expect("body read");
    assert!(name < body, "top of the page first: {text}");
}
