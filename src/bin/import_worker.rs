//! The import worker: a third wasm entry holding the readers of the files a user brings
//! in, loaded behind the first paint (see `adapter/import_worker.rs`).
fn main() {
    web::adapter::import_worker::serve();
}
