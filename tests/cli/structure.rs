//! Parseability checks and structure: each check fires on the fixture made
//! to show it (`fixtures/structure/`) and stays quiet on its clean twin.

use super::{json_report, warning_ids};
use serde_json::Value;

#[track_caller]
fn fires(path: &str, id: &str) -> Value {
    let r = json_report(path);
    let ids = warning_ids(&r);
    assert!(ids.contains(&id.to_string()), "{path}: {id} not in {ids:?}");
    let w = r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["id"] == id)
        .unwrap()
        .clone();
    assert_eq!(w["category"], "parse", "{path}: {id}");
    assert!(!w["fix"].as_str().unwrap().is_empty());
    w
}

#[track_caller]
fn quiet(path: &str, id: &str) {
    let ids = warning_ids(&json_report(path));
    assert!(
        !ids.contains(&id.to_string()),
        "{path}: {id} fired: {ids:?}"
    );
}

const S: &str = "fixtures/structure";

#[test]
fn missing_email_and_phone() {
    fires(&format!("{S}/no-contact.txt"), "missing-email");
    fires(&format!("{S}/no-contact.txt"), "missing-phone");
    for clean in ["fixtures/resumes/strong.txt", "fixtures/resumes/strong.pdf"] {
        quiet(clean, "missing-email");
        quiet(clean, "missing-phone");
    }
}

#[test]
fn contact_only_in_header_or_text_box() {
    let w = fires(&format!("{S}/header-contact.docx"), "contact-outside-body");
    assert!(w["message"].as_str().unwrap().contains("page header"));
    assert!(
        w["evidence"][0]["snippet"]
            .as_str()
            .unwrap()
            .contains("@example.com")
    );
    let w = fires(&format!("{S}/textbox-contact.docx"), "contact-outside-body");
    assert!(w["message"].as_str().unwrap().contains("text box"));
    quiet(&format!("{S}/body-contact.docx"), "contact-outside-body");
    let r = json_report(&format!("{S}/header-contact.docx"));
    let email = r["contact"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "email")
        .unwrap();
    assert_eq!(email["where"], "page header");
}

#[test]
fn skills_in_a_table() {
    let w = fires(&format!("{S}/skills-table.docx"), "table-layout");
    assert!(!w["evidence"].as_array().unwrap().is_empty());
    quiet("fixtures/resumes/strong.docx", "table-layout");
}

#[test]
fn text_boxes() {
    fires(&format!("{S}/textbox-contact.docx"), "text-box");
    quiet(&format!("{S}/body-contact.docx"), "text-box");
}

#[test]
fn images() {
    fires(&format!("{S}/with-photo.docx"), "images");
    fires(&format!("{S}/with-photo.pdf"), "images");
    quiet("fixtures/resumes/strong.docx", "images");
    quiet(&format!("{S}/one-column.pdf"), "images");
}

#[test]
fn multi_column_pdf() {
    let w = fires(&format!("{S}/two-column.pdf"), "multi-column");
    assert!(
        w["message"]
            .as_str()
            .unwrap()
            .starts_with("Page 1 looks laid out in columns")
    );
    assert_eq!(w["evidence"][0]["page"], 1);
    let r = json_report(&format!("{S}/two-column.pdf"));
    assert_eq!(r["layout"]["columns"][0]["page"], 1);
    quiet(&format!("{S}/one-column.pdf"), "multi-column");
    quiet("fixtures/resumes/strong.pdf", "multi-column");
    quiet("fixtures/resumes/traps.pdf", "multi-column");
}

#[test]
fn little_text_on_a_page() {
    let w = fires(&format!("{S}/sparse.pdf"), "little-text");
    assert!(
        w["message"]
            .as_str()
            .unwrap()
            .starts_with("Page 2 has only 8 words")
    );
    quiet("fixtures/resumes/strong.pdf", "little-text");
    quiet(&format!("{S}/three-pages.pdf"), "little-text");
}

#[test]
fn unusual_and_missing_headings() {
    let w = fires(&format!("{S}/odd-headings.txt"), "unusual-headings");
    let msg = w["message"].as_str().unwrap();
    assert!(
        msg.contains("\"MY JOURNEY\"") && msg.contains("\"TOOLBOX\""),
        "{msg}"
    );
    fires(&format!("{S}/odd-headings.txt"), "missing-sections");
    for clean in [
        "fixtures/resumes/strong.txt",
        "fixtures/resumes/weak.pdf",
        &format!("{S}/three-pages.pdf"),
    ] {
        quiet(clean, "unusual-headings");
        quiet(clean, "missing-sections");
    }
    let r = json_report(&format!("{S}/odd-headings.txt"));
    assert!(
        r["sections"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["kind"] == "other" && s["title"] == "TOOLBOX")
    );
}

#[test]
fn fancy_glyphs() {
    let w = fires(&format!("{S}/fancy-glyphs.txt"), "fancy-glyphs");
    assert!(w["message"].as_str().unwrap().contains("U+1D"), "{w}");
    quiet("fixtures/resumes/strong.txt", "fancy-glyphs");
    quiet("fixtures/resumes/strong.docx", "fancy-glyphs");
}

#[test]
fn large_file() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("padded.txt");
    let mut text = std::fs::read_to_string("fixtures/resumes/strong.txt").unwrap();
    text.push_str(&"\n".repeat(2_100_000));
    std::fs::write(&big, text).unwrap();
    // Two million lines take a few seconds in a debug build on a busy
    // machine; the point here is the warning, not the default timeout.
    let r = super::json_of(&[
        big.to_str().unwrap(),
        "-c",
        "apple",
        "-r",
        "backend",
        "--timeout",
        "120",
    ]);
    let w = r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["id"] == "large-file")
        .unwrap();
    assert!(w["message"].as_str().unwrap().contains("2.1 MB"));
    quiet("fixtures/resumes/strong.txt", "large-file");
}

#[test]
fn long_resume() {
    let w = fires(&format!("{S}/three-pages.pdf"), "long-resume");
    assert!(w["message"].as_str().unwrap().contains("3 pages"));
    quiet("fixtures/resumes/strong.pdf", "long-resume");
    quiet("fixtures/resumes/strong.docx", "long-resume");
}

#[test]
fn contact_data_is_reported() {
    let r = json_report("fixtures/resumes/weak.docx");
    let kinds: Vec<(&str, &str, &str)> = r["contact"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap(),
                c["value"].as_str().unwrap(),
                c["where"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("email", "jordan.pell@example.com", "body"),
            ("phone", "(614) 555-0188", "body"),
            ("linkedin", "linkedin.com/in/jordan-pell-example", "body"),
            ("github", "github.com/jpell-dev/projects", "body"),
            ("location", "Columbus, OH", "body"),
        ]
    );
}

/// A contact line of icons whose links carry the data (an envelope linked
/// to `mailto:`, "LinkedIn" linked to the profile): the PDF's link
/// annotations count as contact data, with their page. Without the links the
/// same page has no email.
#[test]
fn contact_links_in_a_pdf_count() {
    let page = |annots: &str| {
        let content = "BT /F1 11 Tf 72 720 Td (Ada Lovelace) Tj 0 -14 Td (Email | LinkedIn | GitHub | Call) Tj ET\n\
                       BT /F1 11 Tf 72 680 Td (EXPERIENCE) Tj 0 -14 Td (Engineer at Analytical Engines, 1842) Tj ET";
        let link = |uri: &str| {
            format!(
                "<< /Type /Annot /Subtype /Link /Rect [72 700 150 712] /Border [0 0 0] /A << /S /URI /URI ({uri}) >> >>"
            )
        };
        super::pdf(&[
            "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 612 792] >>".to_string(),
            format!(
                "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R {annots} >>"
            ),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
                .to_string(),
            format!(
                "<< /Length {} >>\nstream\n{content}\nendstream",
                content.len()
            ),
            link("mailto:ada@example.com"),
            link("https://www.linkedin.com/in/ada-lovelace/"),
            link("https://github.com/ada"),
            link("tel:+44 20 7946 0958"),
            link("https://example.com/analytical-engine"),
        ])
    };
    let dir = tempfile::tempdir().unwrap();
    let linked = dir.path().join("linked.pdf");
    std::fs::write(&linked, page("/Annots [6 0 R 7 0 R 8 0 R 9 0 R 10 0 R]")).unwrap();
    let bare = dir.path().join("bare.pdf");
    std::fs::write(&bare, page("")).unwrap();

    let r = super::json_report(linked.to_str().unwrap());
    let contact: Vec<(String, String, String)> = r["contact"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().to_string(),
                c["value"].as_str().unwrap().to_string(),
                c["where"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for (kind, value) in [
        ("email", "ada@example.com"),
        ("phone", "+44 20 7946 0958"),
        ("linkedin", "linkedin.com/in/ada-lovelace"),
        ("github", "github.com/ada"),
    ] {
        assert!(
            contact.contains(&(kind.into(), value.into(), "link".into())),
            "{kind} {value} in {contact:?}"
        );
    }
    assert_eq!(
        contact.len(),
        4,
        "a project link is not contact data: {contact:?}"
    );
    let ids = super::warning_ids(&r);
    assert!(!ids.contains(&"missing-email".to_string()), "{ids:?}");
    assert!(!ids.contains(&"missing-phone".to_string()), "{ids:?}");

    let r = super::json_report(bare.to_str().unwrap());
    assert!(r["contact"].as_array().unwrap().is_empty());
    assert!(super::warning_ids(&r).contains(&"missing-email".to_string()));
}

/// Found on designed templates: a side label set vertically (reading bottom
/// to top, or top to bottom) was glued into the text around it; now each
/// direction's text becomes lines of its own.
#[test]
fn rotated_side_labels_are_read() {
    let content = "BT /F1 11 Tf 1 0 0 1 90 700 Tm (Ada Lovelace, ada@example.com, (415) 555-0142) Tj ET \
                   BT /F1 10 Tf 1 0 0 1 90 670 Tm (Built payment services in Go for 2M users at 40k RPS.) Tj ET \
                   BT /F1 14 Tf 0 1 -1 0 50 560 Tm (EXPERIENCE) Tj ET \
                   BT /F1 14 Tf 0 -1 1 0 570 700 Tm (KUBERNETES) Tj ET";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rotated.pdf");
    std::fs::write(&path, super::one_page_pdf(content)).unwrap();
    let out = super::ats().arg("extract").arg(&path).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    assert!(lines.contains(&"EXPERIENCE"), "{text}");
    assert!(lines.contains(&"KUBERNETES"), "{text}");
    let r = super::json_report(path.to_str().unwrap());
    assert!(
        !super::warning_ids(&r).contains(&"hidden-text".to_string()),
        "{r}"
    );
}

/// A DOCX whose headings carry Word's heading styles: the style the
/// standard headings use makes "My Journey" a heading too (and an unusual
/// one), while a school styled one level down is not a section.
#[test]
fn docx_heading_styles_mark_headings() {
    use docx_rs::{Docx, Paragraph, Run, Style, StyleType};
    let para = |text: &str, style: Option<&str>| {
        let p = Paragraph::new().add_run(Run::new().add_text(text));
        match style {
            Some(s) => p.style(s),
            None => p,
        }
    };
    let mut docx = Docx::new()
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("heading 1")
                .outline_lvl(0),
        )
        .add_style(
            Style::new("SchoolLine", StyleType::Paragraph)
                .name("School")
                .based_on("Heading2"),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("heading 2")
                .outline_lvl(1),
        );
    for (text, style) in [
        ("Dana Whitfield", None),
        ("dana@example.com | (415) 555-0142", None),
        ("Experience", Some("Heading1")),
        ("Backend Engineer, Acme, 2019 - 2024", None),
        ("• Cut p99 latency from 240 ms to 60 ms for 2M users.", None),
        ("My Journey", Some("Heading1")),
        (
            "From support desk to platform engineering in five years.",
            None,
        ),
        ("Skills", Some("Heading1")),
        ("Go, PostgreSQL, Kubernetes", None),
        ("Education", Some("Heading1")),
        ("CORNELL STATE UNIVERSITY", Some("SchoolLine")),
        ("B.S. Computer Science, 2018", None),
    ] {
        docx = docx.add_paragraph(para(text, style));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("styled.docx");
    let mut buf = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut buf).unwrap();
    std::fs::write(&path, buf.into_inner()).unwrap();
    let path = path.to_str().unwrap();
    let r = json_report(path);
    let titles: Vec<(&str, &str)> = r["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["title"].as_str().unwrap(), s["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        titles,
        [
            ("", "header"),
            ("Experience", "experience"),
            ("My Journey", "other"),
            ("Skills", "skills"),
            ("Education", "education"),
        ]
    );
    let w = fires(path, "unusual-headings");
    assert!(w["message"].as_str().unwrap().contains("\"My Journey\""));
}

/// In a PDF the headings' font size plays the part of a heading style: a
/// line set as large as "Experience" and "Skills" is a heading too, while a
/// job title at that size is not.
#[test]
fn pdf_heading_sizes_mark_headings() {
    let mut content = String::new();
    let mut y = 760;
    for (size, text) in [
        (18, "Dana Whitfield"),
        (10, "dana at example.com, (415) 555-0142"),
        (13, "Experience"),
        (13, "Platform Engineer"),
        (
            10,
            "Acme, 2019 - 2024: cut p99 latency from 240 ms to 60 ms.",
        ),
        (10, "Moved 40 services to Kubernetes with zero downtime."),
        (13, "My Journey"),
        (10, "From the support desk to platform engineering."),
        (10, "Mentored six engineers and ran the on-call rotation."),
        (13, "Skills"),
        (10, "Go, PostgreSQL, Kubernetes, Terraform"),
        (13, "Education"),
        (10, "B.S. Computer Science, 2018"),
    ] {
        content.push_str(&format!("BT /F1 {size} Tf 54 {y} Td ({text}) Tj ET\n"));
        y -= 22;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sized.pdf");
    std::fs::write(&path, super::one_page_pdf(&content)).unwrap();
    let path = path.to_str().unwrap();
    let r = json_report(path);
    let titles: Vec<&str> = r["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        ["", "Experience", "My Journey", "Skills", "Education"]
    );
    let w = fires(path, "unusual-headings");
    assert!(w["message"].as_str().unwrap().contains("\"My Journey\""));
}
