//! One function per parser the fuzzer drives. Shared by the fuzz binaries
//! (`fuzz/src/bin/*.rs`) and by the corpus replay in `crates/core/tests/fuzz_corpus.rs`,
//! which runs every corpus file through the same function without a fuzzer.
//! Each must return (not panic, not hang) whatever the bytes are.

use report_core::{check, docx, plan, report_text, template, CalendarDate};

/// A parser run on a file's bytes.
pub type Target = fn(&[u8]);

/// The fuzz targets by name, which is also the name of their corpus folder.
pub const TARGETS: [(&str, Target); 10] = [
    ("draft_json", draft_json),
    ("template_json", template_json),
    ("plan_text", plan_text),
    ("plan_tsv", plan_tsv),
    ("plan_docx", plan_docx),
    ("plan_xlsx", plan_xlsx),
    ("plan_file", plan_file),
    ("report_text", report_text),
    ("report_docx", report_docx),
    ("docx_read", docx_read),
];

/// 2024-02-20, between the deadlines of the 2023 report.
fn today() -> CalendarDate {
    CalendarDate::from_unix_ms(1_708_387_200_000.0)
}

/// A draft backup: loaded (loading validates it) and checked.
pub fn draft_json(data: &[u8]) {
    if let Ok(draft) = report_core::from_json_bytes(data) {
        check::check_draft(&draft, today(), &check::Setup::default());
    }
}

/// A template file: loaded and a draft started on it.
pub fn template_json(data: &[u8]) {
    if let Ok(t) = template::from_json_bytes(data) {
        t.new_draft("fuzz".into(), 2023);
    }
}

pub fn plan_text(data: &[u8]) {
    let _ = plan::parse_plan_text(&String::from_utf8_lossy(data));
}

pub fn plan_tsv(data: &[u8]) {
    let _ = plan::parse_plan_tsv(&String::from_utf8_lossy(data));
}

pub fn plan_docx(data: &[u8]) {
    let _ = plan::parse_plan_docx(data);
}

pub fn plan_xlsx(data: &[u8]) {
    let _ = plan::parse_plan_xlsx(data);
}

/// A plan file as the CLI and the worker read one: the name decides little, the bytes most.
pub fn plan_file(data: &[u8]) {
    let _ = plan::parse_plan_bytes(data, "plan.txt");
}

/// A report as a text file: imported as a draft, and checked as text.
pub fn report_text(data: &[u8]) {
    let _ = report_text::draft_from_file(data, "report.txt", 2023);
    if let Some(text) = report_core::decode::decode_text(data) {
        check::check_text(&text, today(), &check::Setup::default());
    }
}

pub fn report_docx(data: &[u8]) {
    let _ = report_text::draft_from_docx(data, 2023);
}

pub fn docx_read(data: &[u8]) {
    let _ = docx::read::paragraphs(data);
}
