//! The app's own hooks: the dispatcher, answers from the worker, files to download, and
//! values that follow typing once it pauses. Components use them; they hold no markup.

mod dispatch;
mod downloads;
mod settled;
mod worker_answer;

pub use dispatch::use_dispatch;
pub use downloads::{use_backup_download, use_file_download};
pub use settled::{use_paused, use_settled, COVERAGE_SETTLE_MS, SETTLE_MS};
pub use worker_answer::{use_answer, use_coverage, Answer, Failure, Latest};
