//! The worker: a second wasm entry holding docx-rs and the plan reader, loaded behind
//! the first paint (see `adapter/worker.rs`).
fn main() {
    web::adapter::worker::serve();
}
