//! The export worker: a second wasm entry that holds docx-rs, loaded only on export.
fn main() {
    web::adapter::export::serve_exports();
}
