//! Native .docx export timing (a benchmark, not a test): `scripts/bench.sh` runs it on
//! the same 30-page draft file the browser benchmark exports in wasm.
//! Usage: cargo bench -p report-drafter-core --bench export -- DRAFT.json [RUNS]

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let path = args.next().expect("usage: export DRAFT.json [RUNS]");
    let runs: usize = args
        .next()
        .map_or(50, |r| r.parse().expect("RUNS is a number"));
    let bytes = std::fs::read(&path).expect("cannot read the draft file");
    let draft = report_core::from_json_bytes(&bytes).expect("not a draft file");

    let mut times_ms: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let docx = report_core::docx::export(&draft, &draft.export, "2026-01-01T00:00:00Z")
                .expect("export failed");
            std::hint::black_box(docx);
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times_ms.sort_by(f64::total_cmp);
    let at = |q: f64| times_ms[((q * runs as f64).ceil() as usize).clamp(1, runs) - 1];
    println!(
        "{{\"native_export_ms\":{{\"n\":{runs},\"p50\":{:.1},\"p95\":{:.1},\"max\":{:.1}}}}}",
        at(0.5),
        at(0.95),
        times_ms[runs - 1]
    );
}
