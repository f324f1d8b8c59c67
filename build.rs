//! With the `split` feature, the app's wasm is linked with its relocations kept
//! (`--emit-relocs`): `wasm-split-cli` reads them to cut the lazily loaded chunk out of
//! it (scripts/split-app.mjs). Only the `app` bin: the workers are not split.
fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo::rustc-link-arg-bin=app=--emit-relocs");
    }
}
