//! `report-drafter`: the core's checks from the command line, for batch use
//! (a city commission checking every district's draft in one loop).

mod check_cmd;
mod coverage_cmd;
mod template_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use report_core::docx::{self, ExportOptions, FontFamily, LayoutProfile};
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
    /// Export a draft backup file (.json) as the official .docx (GB/T 9704-2012), with
    /// the layout options stored in the draft unless overridden below.
    /// What a complete document still lacks is printed as warnings; they never stop the export.
    Export {
        draft: PathBuf,
        /// Where to write the .docx.
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long, value_enum)]
        profile: Option<Profile>,
        /// Use 仿宋/楷体 instead of 仿宋_GB2312/楷体_GB2312 (for characters outside GB2312).
        #[arg(long)]
        plain_fonts: bool,
        /// Leave out the red 版头 (the version published online).
        #[arg(long)]
        no_red_header: bool,
        /// Place 署名 and 成文日期 for a document that will not be sealed.
        #[arg(long)]
        unsealed: bool,
    },
    /// Check draft backups (.json) or plain-text reports (other files) against the
    /// 公文 rules. Exit status, the worst over the files: 0 no errors, 1 errors found,
    /// 2 file unreadable.
    Check {
        /// Draft backups (.json) or plain-text reports; several for a batch (a city
        /// checking its districts' reports).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print the findings as JSON (rule, severity, location, message, fix).
        #[arg(long)]
        json: bool,
        /// The date deadlines are counted from (YYYY-MM-DD); default: today.
        #[arg(long)]
        today: Option<String>,
        /// The template whose deadlines and turned-off rules apply (a file or
        /// builtin:<id>); default: the built-in a draft names, else the regulation's dates.
        #[arg(long)]
        template: Option<String>,
    },
    Coverage(coverage_cmd::CoverageArgs),
    /// Template files: check one before handing it out.
    Template {
        #[command(subcommand)]
        command: TemplateCommand,
    },
    /// Start a draft backup (.json) on a template, to open in the app.
    /// Exit status: 0 written, 1 invalid template, 2 unreadable file or unknown built-in.
    New {
        /// A template file, or a built-in: builtin:annual-report, builtin:thematic-2018,
        /// builtin:indicator-table.
        #[arg(long)]
        template: String,
        /// Where to write the draft backup.
        #[arg(short, long)]
        output: PathBuf,
        /// The year the report is about; default: last year.
        #[arg(long, value_parser = clap::value_parser!(u16).range(1900..=2998))]
        year: Option<u16>,
    },
}

#[derive(Subcommand)]
enum TemplateCommand {
    /// Load a template file (or builtin:<id>) and print its summary.
    /// Exit status: 0 valid, 1 invalid, 2 unreadable.
    Validate { file: String },
}

#[derive(Clone, Copy, ValueEnum)]
enum Profile {
    /// 22 × 28 in WPS, Word and LibreOffice.
    Portable,
    /// Word's line-and-character grid.
    WordGrid,
    /// 34.58/32.58 mm margins for print-accurate ink.
    PrintAccurate,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Validate { drafts } => drafts
            .iter()
            .map(validate_file)
            .max()
            .map_or(ExitCode::SUCCESS, ExitCode::from),
        Command::Export {
            draft,
            output,
            profile,
            plain_fonts,
            no_red_header,
            unsealed,
        } => {
            let overrides = |mut options: ExportOptions| {
                if let Some(profile) = profile {
                    options.profile = match profile {
                        Profile::Portable => LayoutProfile::Portable,
                        Profile::WordGrid => LayoutProfile::WordGrid,
                        Profile::PrintAccurate => LayoutProfile::PrintAccurate,
                    };
                }
                if plain_fonts {
                    options.fonts = FontFamily::Plain;
                }
                options.red_header &= !no_red_header;
                options.sealed &= !unsealed;
                options
            };
            ExitCode::from(export_file(&draft, &output, overrides))
        }
        Command::Check {
            files,
            json,
            today,
            template,
        } => ExitCode::from(check_cmd::run(
            &files,
            json,
            today.as_deref(),
            template.as_deref(),
        )),
        Command::Coverage(args) => ExitCode::from(coverage_cmd::run(&args)),
        Command::Template {
            command: TemplateCommand::Validate { file },
        } => ExitCode::from(template_cmd::validate(&file)),
        Command::New {
            template,
            output,
            year,
        } => ExitCode::from(template_cmd::new_draft(&template, &output, year)),
    }
}

fn load(path: &PathBuf) -> Result<report_core::Draft, (u8, String)> {
    let bytes = std::fs::read(path).map_err(|err| (2, format!("无法读取文件：{err}")))?;
    report_core::from_json_bytes(&bytes).map_err(|err| (1, format!("错误：{err}")))
}

/// Exports with the draft's own layout options as changed by `overrides`.
fn export_file(
    path: &PathBuf,
    output: &PathBuf,
    overrides: impl FnOnce(ExportOptions) -> ExportOptions,
) -> u8 {
    let draft = match load(path) {
        Ok(draft) => draft,
        Err((status, message)) => {
            println!("{}: {message}", path.display());
            return status;
        }
    };
    let options = overrides(draft.export.clone());
    for warning in docx::missing(&draft, &options) {
        println!("{}: [提示] {warning}", path.display());
    }
    let now = report_core::date::rfc3339_from_unix_ms(now_ms());
    let bytes = match docx::export(&draft, &options, &now) {
        Ok(bytes) => bytes,
        Err(err) => {
            println!("{}: {err}", path.display());
            return 1;
        }
    };
    if let Err(err) = std::fs::write(output, &bytes) {
        println!("{}: 无法写入：{err}", output.display());
        return 2;
    }
    println!("{}: 已导出（{} 字节）", output.display(), bytes.len());
    0
}

pub(crate) fn now_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_millis() as f64)
}

/// Prints the findings for one file and returns its exit status.
fn validate_file(path: &PathBuf) -> u8 {
    let name = path.display();
    let draft = match load(path) {
        Ok(draft) => draft,
        Err((status, message)) => {
            println!("{name}: {message}");
            return status;
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
