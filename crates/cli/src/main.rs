//! `report-drafter`: the core's checks from the command line, for batch use
//! (a city commission checking every district's draft in one loop).

mod check_cmd;
mod coverage_cmd;
mod files;
mod plan_cmd;
mod template_cmd;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use files::outln;
use report_core::check::{self, Severity};
use report_core::docx;
use report_core::export_options::{ExportOptions, FontFamily, LayoutProfile};
use report_core::format::MAX_DRAFT_BYTES;
use report_core::model::REPORT_YEARS;
use report_core::outline;
use report_core::text::clip;

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
        /// Where to write the .docx (never over the draft itself).
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
    /// Read a plan (工作要点: .txt, .docx, .xlsx, .tsv or .html) and print its items as the app and
    /// `coverage` read them: number, group, title, departments and targets, then the
    /// lines left out and why. Exit status: 0 read, 1 not a usable plan, 2 unreadable.
    Plan {
        plan: PathBuf,
        /// Print the plan as JSON (title, year, items, skipped lines).
        #[arg(long)]
        json: bool,
    },
    Coverage(coverage_cmd::CoverageArgs),
    /// Template files: check one before handing it out.
    Template {
        #[command(subcommand)]
        command: TemplateCommand,
    },
    /// Start a draft backup (.json) on a template, to open in the app.
    /// Exit status: 0 written, 1 invalid template, 2 unreadable file, unknown built-in
    /// or an output that exists (without --force) or is the template itself.
    New {
        /// A template file, or a built-in: builtin:annual-report, builtin:thematic-2018,
        /// builtin:indicator-table.
        #[arg(long)]
        template: String,
        /// Where to write the draft backup.
        #[arg(short, long)]
        output: PathBuf,
        /// The year the report is about; default: last year.
        #[arg(long, value_parser = clap::value_parser!(u16)
            .range(i64::from(*REPORT_YEARS.start())..=i64::from(*REPORT_YEARS.end())))]
        year: Option<u16>,
        /// Write over an existing file (never over the template itself).
        #[arg(long)]
        force: bool,
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
            .map(|path| validate_file(path))
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
        Command::Plan { plan, json } => ExitCode::from(plan_cmd::run(&plan, json)),
        Command::Coverage(args) => ExitCode::from(coverage_cmd::run(&args)),
        Command::Template {
            command: TemplateCommand::Validate { file },
        } => ExitCode::from(template_cmd::validate(&file)),
        Command::New {
            template,
            output,
            year,
            force,
        } => ExitCode::from(template_cmd::new_draft(&template, &output, year, force)),
    }
}

fn load(path: &Path) -> Result<report_core::Draft, (u8, String)> {
    let bytes = files::read_bounded(path, MAX_DRAFT_BYTES).map_err(|message| (2, message))?;
    report_core::from_json_bytes(&bytes).map_err(|err| (1, format!("错误：{err}")))
}

/// Exports with the draft's own layout options as changed by `overrides`.
fn export_file(
    path: &Path,
    output: &Path,
    overrides: impl FnOnce(ExportOptions) -> ExportOptions,
) -> u8 {
    let draft = match load(path) {
        Ok(draft) => draft,
        Err((status, message)) => {
            outln!("{}: {message}", path.display());
            return status;
        }
    };
    let options = overrides(draft.export.clone());
    for finding in check::missing(&draft, &options, &check::Setup::default()) {
        outln!("{}: [提示] {}", path.display(), finding.message);
    }
    let now = report_core::date::rfc3339_from_unix_ms(now_ms());
    let bytes = match docx::export(&draft, &options, &now) {
        Ok(bytes) => bytes,
        Err(err) => {
            outln!("{}: {err}", path.display());
            return 1;
        }
    };
    // A previous export is replaced; the draft itself never is.
    if let Err(message) = files::write_output(output, &bytes, &[path], true) {
        outln!("{}: {message}", output.display());
        return 2;
    }
    outln!("{}: 已导出（{} 字节）", output.display(), bytes.len());
    0
}

pub(crate) fn now_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_millis() as f64)
}

/// Prints the findings for one file and returns its exit status.
fn validate_file(path: &Path) -> u8 {
    let name = path.display();
    let draft = match load(path) {
        Ok(draft) => draft,
        Err((status, message)) => {
            outln!("{name}: {message}");
            return status;
        }
    };
    // A draft that loads has passed validation; what is left to report are the
    // findings about its structure.
    let findings = check::structure(&draft);
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    outln!(
        "{name}: 《{}》，{} 个部分，正文 {} 字；{} 个错误，{} 个提示",
        clip(&draft.meta.title, 40),
        draft.sections.len(),
        outline::draft_chars(&draft),
        errors,
        findings.len() - errors
    );
    let entries = outline::outline(&draft);
    let places = check::Places::new(Some(&draft), &entries);
    for finding in &findings {
        check_cmd::print_finding(finding, &places);
    }
    u8::from(errors > 0)
}
