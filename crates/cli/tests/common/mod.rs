//! Where the CLI's process tests find their input files.
// Each test binary includes this module and uses only some of it.
#![allow(dead_code)]

use std::path::PathBuf;

/// A draft, plan or report in the repository's fixtures (the core's `tests/fixtures`).
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/fixtures")
        .join(name)
}

/// A built-in template's file (`annual-report`), read when the test runs.
pub fn builtin_template(id: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/templates")
        .join(format!("{id}.json"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}
