//! What frames every step: the top bar, notices, the outline navigation, first-visit and
//! no-server prompts; and what every feature shares: the delete confirmation, a failed
//! request to the worker.

pub mod confirm_delete;
pub mod no_server_notices;
pub mod notice_bar;
pub mod outline_entry;
pub mod outline_nav;
pub mod request_failed;
pub mod top_bar;
pub mod year_prompt;
