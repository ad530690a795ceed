"""Checks that a built guide's folder is complete and agrees with its manifest.

Everything is read back with independent tools: ffmpeg decodes every MP3 in
full, and the manifest is read as plain JSON as well as through
:func:`guide.manifest.load`.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from guide import manifest as manifest_io
from guide.manifest import Manifest

TOLERANCE_S = 0.1
"How far a decoded MP3's length may be from the manifest's."
MARKUP = set("<>[]{}&\\`|^~$#@*_=")
"Characters an engine or a markup language could take as an instruction."
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                    *(f"lpt{i}" for i in range(10))}
"File names Windows will not create, whatever the extension."


def decode(path: Path, sample_rate: int) -> tuple[float, str]:
    """Decode ``path`` in full with ffmpeg: (seconds of audio, what ffmpeg complained of)."""
    done = subprocess.run(
        ["ffmpeg", "-nostdin", "-v", "error", "-i", str(path), "-f", "s16le", "-ac", "1",
         "-ar", str(sample_rate), "-"],
        capture_output=True, timeout=120)
    problems = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode:
        problems += f" (ffmpeg exit status {done.returncode})"
    return len(done.stdout) / 2 / sample_rate, problems


def files_under(folder: Path) -> set[str]:
    """Every file below ``folder``, as paths relative to it."""
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if not p.is_dir()}


def check_complete(out_dir: Path) -> Manifest:
    """Assert that ``out_dir`` holds one complete build; return its manifest.

    Complete means: the manifest reads; the folder holds exactly the files it
    names (no temporary or stray file); every MP3 decodes with no error to the
    length the manifest gives, within :data:`TOLERANCE_S`; chapters tile the
    whole guide, in order, with no gap or overlap beyond :data:`TOLERANCE_S`; every transcript opens with its chapter's announcement and
    holds every sentence of it; the playlist lists the chapters in order.
    """
    raw = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    m = manifest_io.load(out_dir)
    assert len(raw["chapters"]) == len(m.chapters) > 0
    expected = {"manifest.json", m.file, m.playlist}
    expected |= {p for ch in m.chapters for p in (ch.file, ch.transcript)}
    assert files_under(out_dir) == expected, out_dir

    seconds, problems = decode(out_dir / m.file, m.sample_rate)
    assert problems == "", f"{m.file}: {problems}"
    assert abs(seconds - m.duration_s) < TOLERANCE_S, (m.file, seconds, m.duration_s)
    end = 0.0
    for ch in m.chapters:
        seconds, problems = decode(out_dir / ch.file, m.sample_rate)
        assert problems == "", f"{ch.file}: {problems}"
        assert abs(seconds - ch.duration_s) < TOLERANCE_S, (ch.file, seconds, ch.duration_s)
        # each chapter starts where the one before ends, give or take an MP3 join
        assert end - 0.001 <= ch.start_s < end + TOLERANCE_S, (ch.file, ch.start_s, end)
        end = ch.end_s
        transcript = (out_dir / ch.transcript).read_text(encoding="utf-8")
        assert transcript.splitlines()[0] == ch.sentences[0].text
        assert ch.sentences[0].text.startswith(f"Chapter {ch.number} of {len(m.chapters)}: ")
        flat = " ".join(transcript.split())
        for sentence in ch.sentences[1:]:
            assert " ".join(sentence.text.split()) in flat, (ch.transcript, sentence.text)
        ends = [s.end_s for s in ch.sentences]
        assert ends[-1] <= ch.duration_s + 0.01
    assert abs(end - m.duration_s) < TOLERANCE_S, (end, m.duration_s)
    playlist = (out_dir / m.playlist).read_text(encoding="utf-8").splitlines()
    assert [line for line in playlist if line and not line.startswith("#")] == [
        ch.file for ch in m.chapters]
    return m


def leftovers(out_dir: Path) -> list[str]:
    """Staging and old folders an interrupted build left beside ``out_dir``."""
    return sorted(p.name for p in out_dir.parent.glob(f".{out_dir.name}.*")
                  if ".staging-" in p.name or ".old-" in p.name)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file and folder below ``folder``: (bytes, mtime in ns, mode)."""
    out: dict[str, tuple[bytes, int, int]] = {}
    for path in sorted([folder, *folder.rglob("*")]):
        info = path.stat()
        data = b"" if path.is_dir() else path.read_bytes()
        out[path.relative_to(folder).as_posix()] = (data, info.st_mtime_ns, info.st_mode)
    return out
