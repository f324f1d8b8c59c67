//! Test fixtures as constants, for the web app's browser tests (feature `fixtures`): the
//! files stay in this crate's `tests/fixtures`, read from here only.

/// The 上城 2023 draft.
pub const DRAFT_SHANGCHENG_2023: &str =
    include_str!("../tests/fixtures/draft-shangcheng-2023.json");

/// The 嘉兴 2022 draft with the 青浦 indicator table attached.
pub const DRAFT_JIAXING_2022_TABLE: &str =
    include_str!("../tests/fixtures/draft-jiaxing-2022-table.json");

/// Length and CRC-32 of that draft's export at the time its native test uses.
pub const DRAFT_JIAXING_2022_TABLE_DOCX_DIGEST: &str =
    include_str!("../tests/fixtures/draft-jiaxing-2022-table.docx.digest");

/// The 青浦 2023 indicator table, as tab-separated text.
pub const INDICATOR_TABLE_QINGPU_2023: &str =
    include_str!("../tests/fixtures/indicator-table-2023-qingpu-district-health-commission.txt");
