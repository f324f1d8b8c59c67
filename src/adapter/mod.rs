//! The only code that touches the browser: storage, files and time. Components and
//! state call these functions and never reach for `window` themselves.

pub mod chunk;
pub mod clock;
pub mod files;
pub mod idb;
pub mod import_worker;
pub mod offline;
pub mod storage;
pub mod worker;
pub mod worker_state;
