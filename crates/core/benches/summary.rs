//! The figures' format shared by the native and the wasm benchmark (included by path).

/// `{n, p50, p95, max}` of timings in milliseconds, as JSON.
pub fn summary(mut times_ms: Vec<f64>) -> String {
    let n = times_ms.len().max(1);
    times_ms.sort_by(f64::total_cmp);
    let at = |q: f64| {
        times_ms
            .get(((q * n as f64).ceil() as usize).clamp(1, n) - 1)
            .copied()
            .unwrap_or(0.0)
    };
    format!(
        "{{\"n\":{},\"p50\":{:.2},\"p95\":{:.2},\"max\":{:.2}}}",
        times_ms.len(),
        at(0.5),
        at(0.95),
        at(1.0)
    )
}
