#!/usr/bin/env python3
"""Writes the worst hostile inputs of issue 16 into a folder, for measuring the CLI with
/usr/bin/time (docs/hostile-files.md). The regression tests make the same inputs
themselves (crates/cli/tests/hostile.rs); this is for figures, before and after."""
import struct
import sys
import zlib
from pathlib import Path


def zip_one(name, data, method, crc, claimed_size):
    """A zip with one entry whose headers claim `claimed_size` uncompressed bytes."""
    name = name.encode()
    local = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, method, 0, 0x21, crc,
                        len(data), claimed_size, len(name), 0) + name + data
    central = struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, method, 0, 0x21,
                          crc, len(data), claimed_size, len(name), 0, 0, 0, 0, 0, 0) + name
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 1, 1, len(central), len(local), 0)
    return local + central + end


def raw_deflate(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def main(out):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    # 1.1 MB on disk, 1.1 GB inflated, 2 000 bytes claimed.
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(b" " * (1 << 20)) + c.flush(zlib.Z_SYNC_FLUSH)
    bomb = block * 1100 + b"\x03\x00"
    (out / "bomb.docx").write_bytes(zip_one("word/document.xml", bomb, 8, 0, 2000))
    xml = ("<w:document><w:body><w:p><w:r><w:t>" + "&" * 1_000_000 + ";" +
           "</w:t></w:r></w:p></w:body></w:document>").encode()
    (out / "ampersands.docx").write_bytes(
        zip_one("word/document.xml", raw_deflate(xml), 8, zlib.crc32(xml), len(xml)))
    (out / "spaces-report.txt").write_text(
        "关于2023年法治政府建设情况的报告\n一、主要举措\n依法" + " " * 100_000 + "行政。\n")
    (out / "spaces-plan.txt").write_text(
        "2023年法治政府建设工作要点\n1.推进" + " " * 200_000 + "依法行政。（责任单位：办公室）\n")
    with open(out / "sparse-3g.txt", "wb") as f:
        f.truncate(3 << 30)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "target/hostile-inputs")
