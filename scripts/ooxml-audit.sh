#!/usr/bin/env bash
# Exports the fixture drafts in every combination the app offers (3 layout profiles ×
# 红头 on/off × sealed/unsealed × with/without the attachment table × one/several 签发人,
# and a 版记 taller than a page;
# the font family changes names only, not structure), drafts read from reports in three
# other house styles and a hostile draft (crates/core/tests/fixtures/draft-text-*.json and
# draft-hostile-text.json) in the same combinations, and the 落实情况表 as .docx and .xlsx,
# and validates every file against the OOXML schemas with openxml-audit (pinned in
# versions.env, installed by setup.sh) for Office 2016 and Microsoft 365. Fails on any
# finding, error or warning: Word and Excel must open every file without offering to
# repair it.
# Usage: scripts/ooxml-audit.sh [CLI_BINARY]   (default: target/debug/report-drafter)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
cli="${1:-target/debug/report-drafter}"
venv="$TOOLS_DIR/venv/bin"
[ -x "$cli" ] || { echo "ooxml-audit: no CLI binary at $cli" >&2; exit 2; }
[ -x "$venv/openxml-audit" ] || { echo "ooxml-audit: openxml-audit missing, run scripts/setup.sh" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/drafts" "$work/office"

# One and several 签发人 for every fixture; the table fixture is the attachment-table case.
# A 抄送 of sixty 机关 makes a 版记 taller than a page, which the writer puts in the flow
# of the text instead of floating it.
"$venv/python" - "$work/drafts" crates/core/tests/fixtures/draft-jiaxing-2022.json \
  crates/core/tests/fixtures/draft-shangcheng-2023.json crates/core/tests/fixtures/draft-jiaxing-2022-table.json <<'EOF'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
for path in map(pathlib.Path, sys.argv[2:]):
    file = json.loads(path.read_text(encoding="utf-8"))
    for signers, names in (("one", ["王伟荣"]), ("several", ["王伟荣", "李明", "陈晓华"])):
        file["draft"]["meta"]["signers"] = names
        (out / f"{path.stem}-{signers}-signers.json").write_text(json.dumps(file, ensure_ascii=False), encoding="utf-8")
    file["draft"]["meta"]["cc"] = "、".join(f"某某市第{i}人民政府办公室" for i in range(60))
    (out / f"{path.stem}-long-cc.json").write_text(json.dumps(file, ensure_ascii=False), encoding="utf-8")
EOF
# Drafts as users make them: reports in other house styles read as text (no 版头, a title
# missing, three heading levels), and a hostile one (markup and control characters in
# every text, empty headings four levels deep, an empty section, odd 发文字号 and 签发人,
# a 70-column attached table with empty cells).
cp crates/core/tests/fixtures/draft-text-*.json crates/core/tests/fixtures/draft-hostile-text.json "$work/drafts/"

for draft in "$work"/drafts/*.json; do
  for profile in portable word-grid print-accurate; do
    for header in "" --no-red-header; do
      for seal in "" --unsealed; do
        name="$(basename "$draft" .json)-$profile${header:-"-red-header"}${seal:-"-sealed"}.docx"
        # Unquoted: an empty option is no argument.
        # shellcheck disable=SC2086
        "$cli" export "$draft" --profile "$profile" $header $seal -o "$work/office/$name" >/dev/null
      done
    done
  done
done

# The 落实情况表 of the seed report against its plan, with items of every status, evidence
# and targets.
fixtures=crates/core/tests/fixtures
for format in docx xlsx; do
  "$cli" coverage --plan "$fixtures/plan-2023-linan-district-health-bureau.txt" \
    --report "$fixtures/report-2023-shangcheng-district-health-bureau.txt" \
    -o "$work/office/coverage-table.$format" >/dev/null
done

status=0
for format in office2016 microsoft365; do
  # Exit status 1 means findings, which the summary below reports; anything else is a failure to run.
  "$venv/openxml-audit" --format "$format" --max-errors 0 --output json --recursive "$work/office" >"$work/$format.json" \
    || [ $? -eq 1 ] || { echo "ooxml-audit: openxml-audit failed" >&2; exit 2; }
  "$venv/python" - "$work/$format.json" "$format" <<'EOF' || status=1
import json, sys
results = json.load(open(sys.argv[1], encoding="utf-8"))
bad = [r for r in results if r["error_count"] or r["warning_count"]]
for r in bad:
    for f in r["errors"] + r.get("warnings", []):
        print(f'{r["file"].rsplit("/", 1)[-1]}: {f["severity"]} {f["part_uri"]} {f.get("path") or ""}: {f["description"]}')
print(f'ooxml-audit {sys.argv[2]}: {len(results)} files, {len(bad)} with findings')
sys.exit(1 if bad or not results else 0)
EOF
done
exit "$status"
