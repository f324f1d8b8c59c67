fn main() {
    // Storage is read into memory before the first render, which then reads it synchronously.
    wasm_bindgen_futures::spawn_local(async {
        web::adapter::storage::open().await;
        yew::Renderer::<web::App>::new().render();
    });
}
