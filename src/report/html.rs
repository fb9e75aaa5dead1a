//! HTML: one self-contained page (inline CSS, no scripts, no network) with
//! the score gauge, keyword chips and warnings, readable on a phone. Written
//! as well-formed XHTML-style markup so a test can parse every report.

use super::{additions, band, finding_lists, next_edits};
use crate::Analysis;
use crate::model::HitKind;
use crate::profile::Profile;
use std::fmt::Write;

/// Escape text for HTML content and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => {}
            // Shown, not obeyed: a bidi override would reorder the page.
            c if super::escape::is_bidi(c) => out.push_str(&super::escape::escape(&c.to_string())),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "
body{font:16px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;padding:16px;color:#1d1d1f;background:#f5f5f7}
main{max-width:760px;margin:0 auto}
h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.15em;margin:1.4em 0 .5em}
.meta{color:#6e6e73;font-size:.9em;overflow-wrap:anywhere}
.card{background:#fff;border-radius:12px;padding:14px 16px;margin:10px 0;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.gauge{height:14px;background:#e5e5ea;border-radius:7px;overflow:hidden;margin:6px 0}
.gauge span{display:block;height:100%}
.strong{background:#34c759}.fair{background:#ff9f0a}.weak{background:#ff3b30}
.score{font-size:2.4em;font-weight:700}
.chips{display:flex;flex-wrap:wrap;gap:6px}
.chip{border-radius:999px;padding:3px 10px;font-size:.9em;border:1px solid transparent}
.chip small{color:#3a3a3c;font-size:.8em}
.chip.exact{background:#e3f9e5;border-color:#34c759}
.chip.partial{background:#fff4e0;border-color:#ff9f0a}
.chip.typo,.chip.missing{background:#fdecea;border-color:#ff3b30}
.chip.optional{background:#f2f2f7;border-color:#c7c7cc;color:#6e6e73}
.group{margin:8px 0}.group b{display:block;font-size:.85em;color:#6e6e73;margin-bottom:4px}
.warning{border-left:4px solid #ff9f0a}.error{border-left:4px solid #ff3b30}.info{border-left:4px solid #0a84ff}
.fix{margin:.3em 0}.evidence{font-family:ui-monospace,Menlo,monospace;font-size:.85em;color:#3a3a3c;margin:.2em 0;word-break:break-word}
ol{padding-left:1.2em}
pre.explain{overflow-x:auto;font-size:.75em;line-height:1.3}
";

/// The page; `explain` is the `--explain` text, shown in its own section.
pub fn render(a: &Analysis, profile: &Profile, explain: Option<&str>) -> String {
    let b = &a.breakdown;
    let verdict = band(f64::from(b.score) / 100.0);
    let mut o = String::new();
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\
<title>ATS score {}/100: {}</title><style>{STYLE}</style></head><body><main>\n",
        b.score,
        esc(&a.input)
    );
    let _ = write!(
        o,
        "<header class=\"card\"><div class=\"meta\">{} · {}</div>\
<div class=\"score\">{}<small>/100</small> <span class=\"verdict\">{}</span></div>\
<div class=\"gauge\"><span class=\"{}\" style=\"width:{}%\"></span></div>",
        esc(&a.input),
        esc(&profile.name),
        b.score,
        verdict.as_str(),
        verdict.as_str(),
        b.score
    );
    for (name, part) in [("Keywords", &b.keywords), ("Rules", &b.rules)] {
        let _ = write!(
            o,
            "<div class=\"meta\">{name}: {:.1} of {:.0}</div>\
<div class=\"gauge\"><span class=\"{}\" style=\"width:{:.0}%\"></span></div>",
            part.points,
            part.max,
            band(part.credit).as_str(),
            part.credit * 100.0
        );
    }
    o.push_str("</header>\n");

    if let (Some(rate), Some(posting)) =
        (super::match_rate::of(a, profile), profile.posting.as_ref())
    {
        o.push_str("<section class=\"card\"><h2>Match rate against the job posting</h2><dl>");
        for (label, text) in super::match_rate::lines(&rate, posting) {
            let _ = write!(o, "<dt>{}</dt><dd>{}</dd>", esc(&label), esc(&text));
        }
        o.push_str("</dl></section>\n");
    }

    let edits = next_edits(a, 3);
    if !edits.is_empty() {
        o.push_str("<section class=\"card\"><h2>Next edits that raise your score most</h2><ol>");
        for e in &edits {
            let _ = write!(o, "<li>{} <b>+{:.1}</b></li>", esc(&e.what), e.gain);
        }
        o.push_str("</ol></section>\n");
    }

    o.push_str("<section class=\"card\"><h2>Keywords</h2>");
    for (g, group) in profile.groups.iter().enumerate() {
        let _ = write!(
            o,
            "<div class=\"group\"><b>{}</b><div class=\"chips\">",
            esc(&group.name)
        );
        for t in a.terms.iter().filter(|t| t.group == g) {
            // What was found and what a term adds are written in the chip,
            // not only in a hover title: a phone has no hover.
            let found = t.found.as_deref().unwrap_or("");
            let (class, note) = match t.kind {
                Some(HitKind::Exact) => ("exact", String::new()),
                Some(HitKind::Alias | HitKind::Variant) => {
                    ("partial", format!("as \"{found}\": write the exact phrase"))
                }
                Some(HitKind::Typo) => ("typo", format!("misspelled \"{found}\": earns nothing")),
                None if t.gain > 0.0 => ("missing", format!("adds +{:.1}", t.gain)),
                None => ("optional", "not needed".to_string()),
            };
            let _ = write!(o, "<span class=\"chip {class}\">{}", esc(&t.term));
            if !note.is_empty() {
                let _ = write!(o, " <small>{}</small>", esc(&note));
            }
            o.push_str("</span>");
        }
        o.push_str("</div></div>");
    }
    let valuable = additions(a).len();
    let _ = writeln!(
        o,
        "<p class=\"meta\">Green: found exactly. Amber: partial credit, write the exact phrase. Red: missing or misspelled ({valuable} worth adding). Grey: not needed, another term of its group counts.</p></section>"
    );

    for l in finding_lists(a) {
        let _ = write!(
            o,
            "<section><h2>{} ({} found)</h2>",
            esc(&l.title()),
            l.findings.len()
        );
        let list = l.findings;
        for (f, points) in list {
            let cost = if points > 0.0 {
                format!(" · -{points:.1} pts")
            } else {
                String::new()
            };
            let _ = write!(
                o,
                "<div class=\"card {}\" id=\"{}\"><div><b>{}</b>{cost} <code>{}</code></div><div>{}</div><div class=\"fix\"><b>Fix:</b> {}</div>",
                f.severity.as_str(),
                esc(f.id.as_str()),
                f.severity.as_str(),
                esc(f.id.as_str()),
                esc(&f.message),
                esc(&f.fix)
            );
            for e in &f.evidence {
                let _ = write!(
                    o,
                    "<div class=\"evidence\">line {}: {}</div>",
                    e.line,
                    esc(&e.snippet)
                );
            }
            o.push_str("</div>");
        }
        o.push_str("</section>\n");
    }
    if let Some(text) = explain {
        let _ = writeln!(
            o,
            "<section class=\"card\"><h2>How the score was computed</h2><pre class=\"explain\">{}</pre></section>",
            esc(text)
        );
    }
    o.push_str("<p class=\"meta\">Made by ats-score on this computer; nothing was sent anywhere.</p>\n</main></body></html>\n");
    o
}
