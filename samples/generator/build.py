"""Build the sample PDFs: samples/source/<stem>.json -> docx -> LibreOffice -> samples/<stem>.pdf.

    python samples/generator/build.py [STEM ...] [--keep-docx DIR]

Without STEMs every source file is rendered. Afterwards the bundle
samples/bundle_overfoerselssagen.pdf is rebuilt if its three parts exist.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from render_docx import render_document

SAMPLES = Path(__file__).resolve().parent.parent
SOURCE_DIR = SAMPLES / "source"
BUNDLE = SAMPLES / "bundle_overfoerselssagen.pdf"
BUNDLE_PARTS = ("forloebsprogram", "din_sociale_indgang", "plejefamilier")
FIXED_PDF_DATE = b"20260101120000"
FIXED_DOCX_TIME = (2026, 1, 1, 12, 0, 0)


def make_docx(stem: str, out_dir: Path) -> Path:
    source = json.loads((SOURCE_DIR / f"{stem}.json").read_text(encoding="utf-8"))
    path = out_dir / f"{stem}.docx"
    render_document(source).save(str(path))
    path.write_bytes(normalise_docx(path.read_bytes()))
    return path


def normalise_docx(data: bytes) -> bytes:
    """Make python-docx output repeatable: every zip member gets the same fixed timestamp.

    python-docx stamps each member with the time of saving; the XML itself is already
    deterministic (fixed core properties), so this is all that differs between runs.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_DOCX_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def to_pdf(docx_files: list[Path], out_dir: Path, profile: Path) -> None:
    """One headless LibreOffice run with a private user profile (safe next to other soffice)."""
    command = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--norestore", "--convert-to", "pdf", "--outdir", str(out_dir),
               *map(str, docx_files)]
    done = subprocess.run(command, timeout=900, capture_output=True, text=True)
    if done.returncode:
        sys.stderr.write(done.stdout + done.stderr)
        raise subprocess.CalledProcessError(done.returncode, command)


def _zero_hex(match: re.Match[bytes]) -> bytes:
    return match.group(1) + b"0" * len(match.group(2))


def normalise_pdf(data: bytes) -> bytes:
    """Make LibreOffice output repeatable: fixed dates, zeroed document ID and checksum.

    Every replacement keeps the byte length, so the cross-reference offsets stay valid.
    """
    data = re.sub(rb"D:\d{14}", b"D:" + FIXED_PDF_DATE, data)
    data = re.sub(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)", _zero_hex, data)
    data = re.sub(rb"(>\s*<)([0-9A-Fa-f]{32})(?=>\s*\])", _zero_hex, data)
    data = _zero_literal_ids(data)
    return re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)", _zero_hex, data)


def _zero_literal_ids(data: bytes) -> bytes:
    """pdfunite writes the /ID as two (binary) literal strings: fill them with "0"s."""
    out = bytearray(data)
    for match in re.finditer(rb"/ID\s*\[", data):
        pos, strings = match.end(), 0
        while strings < 2 and pos < len(data):
            if data[pos : pos + 1] == b"(":
                depth, start, pos = 1, pos + 1, pos + 1
                while depth and pos < len(data):
                    char = data[pos : pos + 1]
                    if char == b"\\":
                        pos += 1
                    elif char in b"()":
                        depth += 1 if char == b"(" else -1
                    pos += 1
                out[start : pos - 1] = b"0" * (pos - 1 - start)
                strings += 1
            elif data[pos : pos + 1] in b" \r\n\t":
                pos += 1
            else:
                break
    return bytes(out)


def build(stems: list[str], keep_docx: Path | None) -> list[str]:
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="samples-build-") as tmp_name:
        tmp = Path(tmp_name)
        docx_files = []
        for stem in stems:
            try:
                docx_files.append(make_docx(stem, tmp))
            except (ValueError, KeyError, TypeError, json.JSONDecodeError) as error:
                print(f"{stem}: cannot render: {type(error).__name__}: {error}", file=sys.stderr)
                failed.append(stem)
        if keep_docx:
            keep_docx.mkdir(parents=True, exist_ok=True)
            for path in docx_files:
                shutil.copy(path, keep_docx / path.name)
        if docx_files:
            to_pdf(docx_files, tmp, tmp / "lo-profile")
        for path in docx_files:
            pdf = path.with_suffix(".pdf")
            if not pdf.exists():
                print(f"{path.stem}: LibreOffice produced no PDF", file=sys.stderr)
                failed.append(path.stem)
                continue
            (SAMPLES / pdf.name).write_bytes(normalise_pdf(pdf.read_bytes()))
            print(f"wrote samples/{pdf.name}")
    return failed


def build_bundle() -> None:
    parts = [SAMPLES / f"{stem}.pdf" for stem in BUNDLE_PARTS]
    if all(p.exists() for p in parts):
        subprocess.run(["pdfunite", *map(str, parts), str(BUNDLE)], check=True)
        BUNDLE.write_bytes(normalise_pdf(BUNDLE.read_bytes()))
        print(f"wrote samples/{BUNDLE.name}")
    else:
        missing = ", ".join(p.stem for p in parts if not p.exists())
        print(f"bundle skipped, missing: {missing}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stems", nargs="*", help="source stems (default: all)")
    parser.add_argument("--keep-docx", type=Path, help="also copy the .docx files here")
    args = parser.parse_args(argv)
    stems = args.stems or sorted(p.stem for p in SOURCE_DIR.glob("*.json"))
    unknown = [s for s in stems if not (SOURCE_DIR / f"{s}.json").exists()]
    if unknown:
        parser.error(f"no source file for: {', '.join(unknown)}")
    failed = build(stems, args.keep_docx)
    build_bundle()
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
