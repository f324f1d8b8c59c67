//! What frames every step: the top bar, notices, the outline navigation, first-visit and no-server prompts.

pub mod no_server_notices;
pub mod notice_bar;
pub mod outline_nav;
pub mod top_bar;
pub mod year_prompt;
