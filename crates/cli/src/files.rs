//! The command line's file and terminal I/O, careful with what a hostile or careless
//! user hands it: reads bounded before anything is loaded, writes that never land on an
//! input of the same run and are whole or absent, and a stdout that may be closed or full.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Reads a file of at most `limit` bytes. The size is checked first, then at most
/// `limit + 1` bytes are read, so a device (`/dev/zero`), a pipe or a file that grows
/// while it is read costs no more than the limit.
pub fn read_bounded(path: &Path, limit: usize) -> Result<Vec<u8>, String> {
    let unreadable = |err: io::Error| format!("无法读取文件：{err}");
    let file = File::open(path).map_err(unreadable)?;
    let metadata = file.metadata().map_err(unreadable)?;
    if metadata.is_dir() {
        return Err("无法读取文件：这是一个文件夹".into());
    }
    if metadata.len() > limit as u64 {
        return Err(too_large(metadata.len(), limit));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() > limit {
        return Err(too_large(bytes.len() as u64, limit));
    }
    Ok(bytes)
}

fn too_large(size: u64, limit: usize) -> String {
    let limit_mb = limit / (1024 * 1024);
    if size > limit as u64 + 1 {
        format!("文件过大（{size} 字节，上限 {limit_mb} MB），未读取")
    } else {
        format!("文件过大（超过上限 {limit_mb} MB），未读取")
    }
}

/// Writes `bytes` to `output` whole or not at all: into a temporary file in the same
/// folder, then renamed over `output`. Refuses to write over any of `inputs` (the same
/// file by any path: `../`, a symlink or a hard link), and over an existing file unless
/// `overwrite`.
pub fn write_output(
    output: &Path,
    bytes: &[u8],
    inputs: &[&Path],
    overwrite: bool,
) -> Result<(), String> {
    if let Some(input) = inputs.iter().find(|input| same_file(input, output)) {
        return Err(format!(
            "输出文件就是输入文件“{}”，未写入（否则会覆盖原文件）；请换一个输出文件名",
            input.display()
        ));
    }
    if !overwrite && fs::symlink_metadata(output).is_ok() {
        return Err("文件已存在，未写入；如确需覆盖，请加 --force".into());
    }
    let temp = temporary_path(output);
    let written = write_synced(&temp, bytes).and_then(|()| fs::rename(&temp, output));
    written.map_err(|err| {
        // The temporary file is ours and half written: nothing to keep.
        let _ = fs::remove_file(&temp);
        format!("无法写入：{err}")
    })
}

fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// `.NAME.PID.N.tmp` next to `output`: the same folder, so the rename cannot cross file
/// systems; the process id and a counter keep concurrent runs apart.
fn temporary_path(output: &Path) -> PathBuf {
    static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = output
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy());
    output.with_file_name(format!(".{name}.{}.{n}.tmp", std::process::id()))
}

/// Whether two paths name the same file: the same canonical path, or (hard links,
/// bind mounts) the same device and inode.
fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(a_meta), Ok(b_meta)) = (fs::metadata(a), fs::metadata(b)) else {
        return false;
    };
    let canonical = |p: &Path| fs::canonicalize(p).ok();
    if canonical(a).is_some_and(|a| Some(a) == canonical(b)) {
        return true;
    }
    same_identity(&a_meta, &b_meta)
}

#[cfg(unix)]
fn same_identity(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_identity(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    false
}

/// The text with every control character but line breaks and tabs written as `\u{…}`:
/// findings quote the files' own text (a title, a cell), and an ESC or a carriage return
/// taken from a file must not drive the user's terminal or hide what was printed.
fn printable(text: std::fmt::Arguments) -> String {
    let text = text.to_string();
    if !text.chars().any(is_hidden_control) {
        return text;
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hidden_control(c) {
            shown.push_str(&c.escape_unicode().to_string());
        } else {
            shown.push(c);
        }
    }
    shown
}

fn is_hidden_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// Writes to stdout. A reader that went away (`| head -1`) ends the run quietly with
/// status 0, as `cat` and `grep` do; any other failure (a full disk) is an error, status 2.
pub fn out(text: std::fmt::Arguments) {
    let mut stdout = io::stdout().lock();
    let text = printable(text);
    if let Err(err) = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        output_failed(&err);
    }
}

/// Writes to stderr; a closed stderr is not worth a panic.
pub fn err(text: std::fmt::Arguments) {
    let _ = io::stderr().lock().write_all(printable(text).as_bytes());
}

fn output_failed(err: &io::Error) -> ! {
    if err.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    let _ = writeln!(io::stderr(), "无法输出结果：{err}");
    std::process::exit(2);
}

/// `println!` through [`out`].
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::files::out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `eprintln!` through [`err`].
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::files::err(format_args!("{}\n", format_args!($($arg)*)))
    };
}

pub(crate) use {errln, outln};
