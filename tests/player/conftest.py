"""A short four-chapter guide, built once with the real espeak-ng and ffmpeg."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from guide import manifest as manifest_io
from guide.build.run import BuildOptions, build
from guide.engines.base import Pyttsx3Engine
from guide.manifest import Manifest
from guide.scripts.store import load_guide

from ..helpers import write_guide_folder

PLAYER_GUIDE = {
    "guide.toml": 'title = "Player test guide"\nlanguage = "en-US"\nvoice = "en-us"\nrate = 150\n'
                  'source = "none"\npublisher = "Test clinic"\n',
    "01-one.txt": "# Title: First steps\n# Source: none\n\n"
                  "This guide is here to test the player. It has four short chapters. "
                  "Each chapter has a few sentences.\n\n"
                  "You can pause it, move between chapters, and hear a sentence again. "
                  "You can also make it faster or slower.\n",
    "02-two.txt": "# Title: Signs to watch for\n# Source: none\n\n"
                  "Here are some signs. Watch for them every day.\n\n"
                  "- Pain low in your belly.\n- A change in how you feel.\n- Bleeding of any kind.\n",
    "03-three.txt": "# Title: What to do\n# Source: none\n\n"
                    "If you notice a sign, call the clinic. Do not wait until the next day. "
                    "Keep the clinic's number near your phone.\n",
    "04-four.txt": "# Title: The end\n# Source: none\n\nThat is all. Thank you for listening.\n",
}
"Four chapters; the first is long enough to move 10 seconds forward inside it."


@dataclass
class Built:
    """The player test guide, built."""

    scripts: Path
    "Its guide folder."
    out_root: Path
    "The folder of built guides (``--out``)."
    folder: Path
    "Its built folder."
    manifest: Manifest
    "Its manifest."


@pytest.fixture(scope="session")
def player_guide(tmp_path_factory) -> Built:
    root = tmp_path_factory.mktemp("player")
    scripts = write_guide_folder(root / "scripts" / "player", PLAYER_GUIDE)
    options = BuildOptions(out_root=root / "audio_out", cache_dir=root / "cache", jobs=2)
    report = build(load_guide(scripts), Pyttsx3Engine(), options)
    assert report.manifest.chapters[0].duration_s > 16
    return Built(scripts, root / "audio_out", report.out_dir, manifest_io.load(report.out_dir))


@pytest.fixture(scope="session")
def spanish_guide(tmp_path_factory) -> Built:
    """A small Spanish guide (es-US, voice es-419), built with the real engine."""
    from ..i18n_helpers import build_spanish

    root = tmp_path_factory.mktemp("guia")
    scripts, report = build_spanish(root)
    assert report.manifest.language == "es-US"
    return Built(scripts, root / "audio_out", report.out_dir, manifest_io.load(report.out_dir))
