//! The core's layers (docs/architecture.md), enforced: every `crate::` path in a
//! module's non-test code must point to its own layer or one below, and the modules of
//! one layer must not import each other in a cycle. A new module fails this test until
//! it is placed in [`LAYERS`].

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first, with their modules. A nested entry (`docx::read`) places
/// that submodule apart from its parent.
const LAYERS: [(&str, &[&str]); 6] = [
    (
        "text primitives",
        &[
            "text", "sort", "scan", "decode", "labels", "date", "xml_text", "debris", "fixtures",
        ],
    ),
    (
        "model",
        &[
            "node_id",
            "model",
            "plan_items",
            "attachment",
            "export_options",
            "meta_field",
            "outline",
            "rules",
            "validate",
            "format",
            "edit",
            "history",
            "empty_parts",
            "restructure",
            "versions",
        ],
    ),
    ("templates", &["template", "lexicon"]),
    (
        "readers",
        &[
            "import_text",
            "html_read",
            "package_read",
            "sheet_read",
            "plan",
            "report_text",
            "report_frame",
            "docx::read",
            "paste",
            "next_year",
            "report_import",
            "backup",
        ],
    ),
    ("analyses", &["check", "coverage", "page", "preview"]),
    ("writers", &["opc", "docx", "xlsx"]),
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir:?}: {e}"))
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// `docx/read.rs` → `docx::read`, `plan/mod.rs` → `plan`, `lib.rs` → ``.
fn module_path(file: &Path) -> String {
    let relative = file.strip_prefix(src()).unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts.join("::")
}

/// The code without comments and without the test module at its end.
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let test_module = lines
            .peek()
            .is_some_and(|next| next.trim_start().starts_with("mod tests"));
        if line.trim() == "#[cfg(test)]" && test_module {
            break;
        }
        let line = line.split("//").next().unwrap_or_default();
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Modules declared test-only (`#[cfg(test)] mod schema_order;`) in a file.
fn test_only_children(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    lines
        .windows(2)
        .filter(|pair| pair[0] == "#[cfg(test)]")
        .filter_map(|pair| {
            let declaration = pair[1].trim_start_matches("pub(crate) ");
            let name = declaration.strip_prefix("mod ")?.strip_suffix(';')?;
            Some(name.to_string())
        })
        .collect()
}

/// The paths a use tree names: `a::{b, c::{self, D}}` gives `a::b`, `a::c`, `a::c::D`.
fn expand(tree: &[char], at: &mut usize, mut path: Vec<String>, out: &mut Vec<Vec<String>>) {
    let skip_spaces = |at: &mut usize| {
        while tree.get(*at) == Some(&' ') {
            *at += 1;
        }
    };
    loop {
        skip_spaces(at);
        if tree.get(*at) == Some(&'{') {
            *at += 1;
            loop {
                expand(tree, at, path.clone(), out);
                skip_spaces(at);
                match tree.get(*at) {
                    Some(',') => {
                        *at += 1;
                        skip_spaces(at);
                        if tree.get(*at) == Some(&'}') {
                            *at += 1;
                            return;
                        }
                    }
                    Some('}') => {
                        *at += 1;
                        return;
                    }
                    _ => return,
                }
            }
        }
        let start = *at;
        while tree
            .get(*at)
            .is_some_and(|c| c.is_alphanumeric() || *c == '_')
        {
            *at += 1;
        }
        let segment: String = tree[start..*at].iter().collect();
        if !segment.is_empty() && segment != "self" {
            path.push(segment);
        }
        if tree.get(*at) == Some(&':') && tree.get(*at + 1) == Some(&':') {
            *at += 2;
            continue;
        }
        // An alias (`Edit as DraftEdit`) names nothing new.
        while tree.get(*at).is_some_and(|c| !matches!(c, ',' | '}')) {
            *at += 1;
        }
        out.push(path);
        return;
    }
}

/// The use tree starting at `from`: a path with at most one brace group, up to the
/// group's closing brace (or the path's end).
fn tree_at(chars: &[char], from: usize) -> Vec<char> {
    let mut end = from;
    let mut depth = 0;
    while let Some(&c) = chars.get(end) {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    end += 1;
                    break;
                }
            }
            c if depth == 0 && !(c.is_alphanumeric() || c == '_' || c == ':') => break,
            _ => {}
        }
        end += 1;
    }
    chars[from..end]
        .iter()
        .map(|&c| if c.is_whitespace() { ' ' } else { c })
        .collect()
}

/// Every path after `crate::` in `code` (use lines and paths written out in code).
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = code.chars().collect();
    let needle: Vec<char> = "crate::".chars().collect();
    let mut out = Vec::new();
    for at in 0..chars.len().saturating_sub(needle.len()) {
        let preceded = at > 0 && (chars[at - 1].is_alphanumeric() || chars[at - 1] == '$');
        if preceded || chars[at..at + needle.len()] != needle[..] {
            continue;
        }
        let tree = tree_at(&chars, at + needle.len());
        expand(&tree, &mut 0, Vec::new(), &mut out);
    }
    out
}

/// The layer entry a module path falls under: the longest entry that is a prefix of it.
fn entry_of(path: &[String]) -> Option<(&'static str, usize)> {
    LAYERS
        .iter()
        .enumerate()
        .flat_map(|(layer, (_, modules))| modules.iter().map(move |m| (*m, layer)))
        .filter(|(entry, _)| {
            let segments: Vec<&str> = entry.split("::").collect();
            segments.len() <= path.len() && segments.iter().zip(path).all(|(a, b)| a == b)
        })
        .max_by_key(|(entry, _)| entry.len())
}

struct Import {
    file: String,
    from: &'static str,
    to: &'static str,
    path: String,
}

/// The imports between layer entries in the core's non-test code.
fn imports() -> Vec<Import> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let texts: Vec<(PathBuf, String)> = files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f).unwrap();
            (f, text)
        })
        .collect();
    let mut test_only = BTreeSet::new();
    let mut root_items = BTreeMap::new();
    for (file, text) in &texts {
        let module = module_path(file);
        for child in test_only_children(text) {
            test_only.insert(if module.is_empty() {
                child
            } else {
                format!("{module}::{child}")
            });
        }
        if module.is_empty() {
            // `pub use date::CalendarDate;` lets `crate::CalendarDate` stand for it.
            for line in code(text).lines() {
                if let Some(tree) = line.trim().strip_prefix("pub use ") {
                    let tree: Vec<char> = tree.trim_end_matches(';').chars().collect();
                    let mut paths = Vec::new();
                    expand(&tree_at(&tree, 0), &mut 0, Vec::new(), &mut paths);
                    for path in paths {
                        if let Some(name) = path.last() {
                            root_items.insert(name.clone(), path.clone());
                        }
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    for (file, text) in &texts {
        let module = module_path(file);
        let is_test = file.file_name().is_some_and(|n| n == "tests.rs")
            || test_only.iter().any(|t| module == *t);
        if module.is_empty() || is_test {
            continue;
        }
        let segments: Vec<String> = module.split("::").map(String::from).collect();
        let (from, _) = entry_of(&segments)
            .unwrap_or_else(|| panic!("module {module} is in no layer: add it to LAYERS"));
        for path in crate_paths(&code(text)) {
            let resolved = match path.first().and_then(|name| root_items.get(name)) {
                Some(full) if entry_of(&path).is_none() => full.clone(),
                _ => path.clone(),
            };
            let (to, _) = entry_of(&resolved)
                .unwrap_or_else(|| panic!("{module}: crate::{} is in no layer", path.join("::")));
            if to != from {
                out.push(Import {
                    file: module.clone(),
                    from,
                    to,
                    path: resolved.join("::"),
                });
            }
        }
    }
    out
}

fn layer_of(entry: &str) -> (usize, &'static str) {
    LAYERS
        .iter()
        .enumerate()
        .find(|(_, (_, modules))| modules.contains(&entry))
        .map(|(i, (name, _))| (i, *name))
        .unwrap()
}

#[test]
fn no_module_imports_from_a_higher_layer() {
    let imports = imports();
    assert!(
        imports.len() > 50,
        "only {} imports found: is the reader broken?",
        imports.len()
    );
    let upward: Vec<String> = imports
        .iter()
        .filter(|i| layer_of(i.to).0 > layer_of(i.from).0)
        .map(|i| {
            format!(
                "{} ({}) imports crate::{} ({})",
                i.file,
                layer_of(i.from).1,
                i.path,
                layer_of(i.to).1
            )
        })
        .collect();
    assert!(upward.is_empty(), "upward imports:\n{}", upward.join("\n"));
}

#[test]
fn modules_of_one_layer_import_each_other_without_a_cycle() {
    let mut graph: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for i in imports() {
        if layer_of(i.from).0 == layer_of(i.to).0 {
            graph.entry(i.from).or_default().insert(i.to);
        }
    }
    // Depth-first search; a module met again while still on the path closes a cycle.
    fn visit<'a>(
        node: &'a str,
        graph: &BTreeMap<&'a str, BTreeSet<&'a str>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<&'a str>> {
        if let Some(at) = path.iter().position(|n| *n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node);
            return Some(cycle);
        }
        if !done.insert(node) {
            return None;
        }
        path.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(cycle) = visit(node, &graph, &mut Vec::new(), &mut done) {
            panic!("import cycle: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn the_reader_finds_grouped_nested_and_written_out_paths() {
    let code = "use crate::docx::{read::{self, ReadError}, Export as E};\n\
                let x = crate::plan_items::extract_targets(t);\n\
                pub(crate) use crate::{text, labels::parse_label};";
    let paths: Vec<String> = crate_paths(code).iter().map(|p| p.join("::")).collect();
    assert_eq!(
        paths,
        [
            "docx::read",
            "docx::read::ReadError",
            "docx::Export",
            "plan_items::extract_targets",
            "text",
            "labels::parse_label"
        ]
    );
    let read: Vec<String> = vec!["docx".into(), "read".into(), "ReadError".into()];
    assert_eq!(entry_of(&read).map(|(e, _)| e), Some("docx::read"));
}
