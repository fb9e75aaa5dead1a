//! Write every hostile input file (tests/cli/hostile_inputs.rs) into a
//! folder, to run the binary on them by hand:
//!
//! ```sh
//! cargo run --release --example hostile -- /tmp/hostile
//! ```

#[path = "../tests/cli/hostile_inputs.rs"]
#[allow(dead_code)] // the generic helpers are for tests
mod hostile_inputs;

fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: hostile DIR");
        std::process::exit(2);
    };
    let dir = std::path::PathBuf::from(dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {e}", dir.display());
        std::process::exit(1);
    }
    for (name, bytes) in hostile_inputs::all()
        .into_iter()
        .chain(hostile_inputs::filter_seeds())
    {
        let path = dir.join(name);
        if let Err(e) = std::fs::write(&path, &bytes) {
            eprintln!("cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
        println!("{:>10}  {}", bytes.len(), path.display());
    }
}
