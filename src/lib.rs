//! The browser app: a thin Yew UI over `report_core`, with browser APIs behind
//! [`adapter`].

pub mod adapter;
pub mod app;
pub mod components;
pub mod hooks;
pub mod state;

pub use app::App;
