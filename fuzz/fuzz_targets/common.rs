//! Shared by the fuzz targets: one compiled Apple profile, and the property
//! every target checks: bytes in, a score or a typed error out, never a
//! panic from our own code. Panics inside the PDF/DOCX readers are caught
//! by `extract` by design (and reported as errors), so the hook is silenced
//! to let that guard work; a panic anywhere else still aborts and is
//! reported by libFuzzer as a crash.

use ats_score::Scorer;
use ats_score::extract::{Deadline, Limits};
use std::sync::OnceLock;
use std::time::Duration;

pub fn scorer() -> &'static Scorer {
    static SCORER: OnceLock<Scorer> = OnceLock::new();
    SCORER.get_or_init(|| {
        std::panic::set_hook(Box::new(|_| {}));
        Scorer::new(ats_score::profile::resolve("apple", "backend").unwrap())
    })
}

/// Score bytes under the default limits and a 5-second deadline.
pub fn score(name: &str, data: &[u8]) {
    let s = scorer();
    let deadline = Some(Deadline::after(Duration::from_secs(5)));
    if let Ok(a) = s.score_bytes_with(name, data, deadline, &Limits::default()) {
        assert!(a.breakdown.score <= 100);
        let _ = ats_score::report::json::render(&a, s.profile());
        let paint = ats_score::report::Paint { on: true };
        let _ = ats_score::report::table::render(&a, s.profile(), 80, paint);
        let _ = ats_score::report::html::render(&a, s.profile());
        let _ = ats_score::report::markdown::render(&a, s.profile());
    }
}
