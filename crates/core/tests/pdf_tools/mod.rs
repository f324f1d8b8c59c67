//! The external tools the PDF tests run: LibreOffice to convert, poppler to read. A
//! missing or failing tool fails the test: it never skips it.

use std::path::Path;
use std::process::Command;

/// What `command` writes to standard output, once it has succeeded.
pub fn run(command: &mut Command) -> Vec<u8> {
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("cannot run {command:?} ({e}); scripts/setup.sh installs it"));
    assert!(
        output.status.success(),
        "{command:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// Converts `files` to PDFs in `dir` in one LibreOffice run.
pub fn convert_to_pdf<P: AsRef<Path>>(dir: &Path, files: &[P]) {
    convert(dir, files, "pdf");
}

/// Converts `files` in `dir` in one LibreOffice run to `format` (an extension, with
/// the filter and its options after a colon), with a profile of its own in `dir` so
/// that it neither reads nor waits on the user's. A run that fails is tried once more:
/// on a machine where LibreOffice had never run, its first start aborted (signal 6 on a
/// `WrappedTargetRuntimeException`, 3 December 2026) and every later one worked.
pub fn convert<P: AsRef<Path>>(dir: &Path, files: &[P], format: &str) {
    let command = || {
        let mut command = Command::new("timeout");
        command
            .arg("300")
            .arg("soffice")
            .args(["--headless", "--norestore"])
            .arg(format!(
                "-env:UserInstallation=file://{}",
                dir.join("lo-profile").display()
            ))
            .args(["--convert-to", format, "--outdir"])
            .arg(dir)
            .args(files.iter().map(AsRef::as_ref));
        command
    };
    let first = command().output();
    if !first.is_ok_and(|output| output.status.success()) {
        run(&mut command());
    }
}
