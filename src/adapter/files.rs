//! Downloads and uploads.

use gloo::file::{Blob, File, ObjectUrl};
use gloo::timers::callback::Timeout;
use report_core::text::decimal;
use wasm_bindgen::JsCast;
use web_sys::HtmlAnchorElement;

pub const JSON_MIME: &str = "application/json";

/// The file chosen in the file input that fired `event`. The input is cleared, so that
/// choosing the same file again (after fixing it, or after 取消) fires again.
pub fn take_chosen_file(event: &web_sys::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = event.target()?.dyn_into().ok()?;
    let file = input.files().and_then(|list| list.get(0));
    input.set_value("");
    file
}

/// Offers bytes to the user as a download.
pub fn download(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let url = ObjectUrl::from(Blob::new_with_options(bytes, Some(mime)));
    let anchor: HtmlAnchorElement = gloo::utils::document()
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into().ok())
        .ok_or("浏览器无法创建下载链接")?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The object URL must outlive the click; it is revoked when dropped.
    Timeout::new(10_000, move || drop(url)).forget();
    Ok(())
}

/// Reads a picked file, refusing one larger than `max_bytes` before reading it.
pub async fn read_bytes(file: web_sys::File, max_bytes: usize) -> Result<Vec<u8>, String> {
    let file = File::from(file);
    if file.size() > max_bytes as u64 {
        return Err(format!(
            "文件“{}”过大（{} MB），超出了可读取的大小",
            file.name(),
            decimal(file.size() as f64 / 1_048_576.0, 1)
        ));
    }
    gloo::file::futures::read_as_bytes(&file)
        .await
        .map_err(|_| format!("无法读取文件“{}”", file.name()))
}

/// A file name without characters that Windows and USB sticks refuse.
pub fn safe_file_name(name: &str, extension: &str) -> String {
    let cleaned: String = name
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| if r#"\/:*?"<>|"#.contains(c) { '_' } else { c })
        .take(80)
        .collect();
    let cleaned = cleaned.trim();
    let stem = if cleaned.is_empty() {
        "草稿"
    } else {
        cleaned
    };
    format!("{stem}.{extension}")
}
