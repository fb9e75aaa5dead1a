//! Where job-description mode spends its time: `cargo build --profile
//! bench --example jdtime`, then `perf record` it on a posting.
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).expect("a posting");
    let text = std::fs::read_to_string(path).unwrap();
    let rounds: usize = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let t = Instant::now();
    for _ in 0..rounds {
        let p = ats_score::jd::profile("posting", &text).unwrap();
        std::hint::black_box(ats_score::Scorer::new(p));
    }
    println!("{:?} a posting", t.elapsed() / rounds as u32);
}
