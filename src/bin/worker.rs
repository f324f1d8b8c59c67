//! The draft worker: a second wasm entry holding docx-rs, the checker and plan coverage,
//! loaded behind the first paint (see `adapter/worker.rs`).
fn main() {
    web::adapter::worker::serve_drafts();
}
