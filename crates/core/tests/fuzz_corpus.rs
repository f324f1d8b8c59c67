//! Replays the fuzzing corpus (`crates/core/fuzz/corpus/TARGET/*`) through the fuzz targets without a
//! fuzzer: every file kept there, crashes found and fixed included, must go through its
//! parser without a panic, and quickly.

use std::path::PathBuf;
use std::time::{Duration, Instant};

#[path = "../fuzz/src/targets.rs"]
mod targets;

#[test]
fn every_corpus_file_goes_through_its_parser() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let mut replayed = 0;
    for (name, target) in targets::TARGETS {
        let dir = corpus.join(name);
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir:?}: {e}"));
        for entry in entries {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            let start = Instant::now();
            target(&bytes);
            // Generous for an unoptimised build; AFL++'s hang limit was 1 s (release).
            let took = start.elapsed();
            assert!(took < Duration::from_secs(5), "{path:?} took {took:?}");
            replayed += 1;
        }
    }
    println!("{replayed} corpus files replayed");
    assert!(replayed >= targets::TARGETS.len(), "the corpus is missing");
}
