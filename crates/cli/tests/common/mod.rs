//! Where the CLI's process tests find their input files.
// Each test binary includes this module and uses only some of it.
#![allow(dead_code)]

use std::path::PathBuf;

/// A draft or other fixture in the repository's `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

/// A seed document (plan, report) in the core's `tests/fixtures`.
pub fn seed(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/fixtures")
        .join(name)
}
