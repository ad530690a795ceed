"""A plain, high-contrast cover: the guide's title in large yellow type on black.

Made by ffmpeg's ``drawtext`` filter with the DejaVu Sans Bold font (Debian's
``fonts-dejavu-core``), so no imaging library is needed. Used by the M4B
(as its cover art) and the EPUB (as its cover image).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import textwrap
from pathlib import Path

from guide.audio.ffmpeg import require_ffmpeg, run_ffmpeg
from guide.errors import MissingTool

SIZE = 1400
"Width and height in pixels (what audiobook shops ask for at the least)."
FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
)
"Where DejaVu Sans Bold is installed on Debian, Fedora and Arch."


def find_font() -> Path:
    """The bold font for the cover, or :class:`MissingTool` naming the package to install."""
    for candidate in FONTS:
        if Path(candidate).is_file():
            return Path(candidate)
    if shutil.which("fc-match"):
        found = subprocess.run(["fc-match", "-f", "%{file}", "DejaVu Sans:bold"],
                               capture_output=True, text=True).stdout.strip()
        if found and Path(found).is_file():
            return Path(found)
    raise MissingTool("The DejaVu Sans font", "fonts-dejavu-core")


def layout(title: str) -> tuple[list[str], int]:
    """The title's lines and a font size in pixels that fits them on the cover."""
    lines = textwrap.wrap(title, width=16, break_long_words=True) or ["Guide"]
    widest = max(len(line) for line in lines)
    size = min(150, int(SIZE * 0.86 / (0.68 * widest)), int(SIZE * 0.62 / (1.3 * len(lines))))
    return lines, max(size, 40)


def make_cover(title: str, caption: str, dest: Path) -> Path:
    """Write a PNG cover with ``title`` large in the middle and ``caption`` small below it."""
    require_ffmpeg()
    font = find_font()
    lines, size = layout(title)
    small = max(40, size // 2)
    top = (SIZE - len(lines) * size * 1.3) / 2 - small
    with tempfile.TemporaryDirectory(prefix="guide-cover-") as work:
        # Plain relative names, so no path needs escaping inside the filter graph.
        os.symlink(font, Path(work) / "font.ttf")
        filters = []
        for n, line in enumerate([*lines, caption]):
            (Path(work) / f"line{n}.txt").write_text(line, encoding="utf-8")
            last = n == len(lines)
            y = round(top + len(lines) * size * 1.3 + small) if last else round(top + n * size * 1.3)
            filters.append(f"drawtext=fontfile=font.ttf:textfile=line{n}.txt:expansion=none"
                           f":fontsize={small if last else size}:fontcolor={'white' if last else 'yellow'}"
                           f":x=(w-text_w)/2:y={y}")
        run_ffmpeg(["-f", "lavfi", "-i", f"color=c=black:s={SIZE}x{SIZE}", "-frames:v", "1",
                    "-vf", ",".join(filters), "-pix_fmt", "rgb24", "cover.png"], cwd=work)
        shutil.copyfile(Path(work) / "cover.png", dest)
    return Path(dest)
