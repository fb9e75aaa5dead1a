use std::time::Instant;
fn main() {
    let text = std::fs::read_to_string("fixtures/jd/postings/p01-stripe-backend-engineer.txt").unwrap();
    let norm = ats_score::normalize::normalize(&text);
    let c = ats_score::jd::taxonomy::candidates(&norm);
    let skills: Vec<_> = c.iter().filter_map(|&i| ats_score::jd::taxonomy::skill(i)).collect();
    let specs: Vec<ats_score::matcher::PhraseSpec> = skills.iter().map(|s| ats_score::matcher::PhraseSpec { text: s.term.clone(), aliases: s.aliases.iter().map(|a| (a.clone(), false)).collect(), typos: true, ..Default::default() }).collect();
    let pats: Vec<String> = specs.iter().flat_map(|s| std::iter::once(s.text.to_lowercase()).chain(s.aliases.iter().map(|a| a.0.to_lowercase()))).collect();
    for _ in 0..3 {
        let t = Instant::now();
        let m = ats_score::matcher::Matcher::new(specs.clone());
        let t1 = t.elapsed();
        let _ac = aho_corasick::AhoCorasick::new(&pats).unwrap();
        let t2 = t.elapsed();
        let h = m.find(&norm);
        let t3 = t.elapsed();
        println!("matcher new {t1:?} ac {:?} ({} pats) find {:?} ({} hits)", t2 - t1, pats.len(), t3 - t2, h.len());
    }
}
