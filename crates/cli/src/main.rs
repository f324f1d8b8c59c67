//! `report-drafter`: the core's checks from the command line, for batch use
//! (a city commission checking every district's draft in one loop).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use report_core::outline;
use report_core::validate::{self, Severity};

#[derive(Parser)]
#[command(
    name = "report-drafter",
    version,
    about = "法治政府建设年度报告起草助手（命令行）"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Load a draft backup file (.json) and report its problems.
    /// Exit status: 0 loadable without errors, 1 errors found, 2 file unreadable.
    Validate {
        /// Draft backup files exported from the app.
        #[arg(required = true)]
        drafts: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Validate { drafts } => drafts
            .iter()
            .map(validate_file)
            .max()
            .map_or(ExitCode::SUCCESS, ExitCode::from),
    }
}

/// Prints the findings for one file and returns its exit status.
fn validate_file(path: &PathBuf) -> u8 {
    let name = path.display();
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            println!("{name}: 无法读取文件：{err}");
            return 2;
        }
    };
    let draft = match report_core::from_json_bytes(&bytes) {
        Ok(draft) => draft,
        Err(err) => {
            println!("{name}: 错误：{err}");
            return 1;
        }
    };
    let problems = validate::problems(&draft);
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    println!(
        "{name}: 《{}》，{} 个部分，正文 {} 字；{} 个错误，{} 个提示",
        draft.meta.title,
        draft.sections.len(),
        outline::draft_chars(&draft),
        errors,
        problems.len() - errors
    );
    for problem in &problems {
        println!("  [{}] {problem}", problem.severity.label());
    }
    u8::from(errors > 0)
}
