use std::time::Instant;
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let norm = ats_score::normalize::normalize(&text);
    for round in 0..2 {
        let t = Instant::now();
        let c = ats_score::jd::taxonomy::candidates(&norm);
        let t1 = t.elapsed();
        let f = ats_score::jd::taxonomy::find(&norm);
        let t2 = t.elapsed();
        let d = ats_score::rules::degree::mentions(&norm.text);
        let t3 = t.elapsed();
        let p = ats_score::jd::posting::parse(&text);
        let t4 = t.elapsed();
        let prof = ats_score::jd::profile("p01", &text).unwrap();
        let t5 = t.elapsed();
        let s = ats_score::Scorer::new(prof);
        let t6 = t.elapsed();
        println!("round {round}: candidates {t1:?} ({}) find {:?} ({}) degree {:?} ({}) parse {:?} ({}) profile {:?} scorer {:?}", c.len(), t2-t1, f.len(), t3-t2, d.len(), t4-t3, p.skills.len(), t5-t4, t6-t5);
        drop(s);
    }
}
