"""The clip cache: synthesised sentences kept by what they are made from.

A clip's key is a hash of the spoken text and the engine's id (engine,
version, voice and rate), so a clip is reused only where it would come out
the same. Entries are written through :func:`guide.files.replacing` (a
temporary file, flushed and renamed into place), so two builds can share the
cache and a half-written entry is never seen. Each
entry carries a checksum of its samples: a damaged entry is treated as
missing, and the clip is made again.
"""

from __future__ import annotations

import hashlib
import shutil
import struct
from dataclasses import dataclass
from pathlib import Path

from guide.engines.base import Clip
from guide.files import replacing
from guide.layout import default_cache_dir  # noqa: F401 (named there; importers use it from here too)

MAGIC = b"GUIDECLIP1"
_HEADER = struct.Struct("<10s32sI")


def clip_key(spoken: str, engine_id: str) -> str:
    """The content address of a clip."""
    return hashlib.sha256(f"{engine_id}\n{spoken}".encode()).hexdigest()


@dataclass
class CacheStats:
    """How big the cache is."""

    path: Path
    "The cache folder."
    clips: int
    "Number of clips kept."
    bytes: int
    "Space used on disk."


class ClipCache:
    """A folder of clips addressed by :func:`clip_key`."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root else default_cache_dir()
        self.clips = self.root / "clips"
        self.unwritable: str | None = None
        """Why clips cannot be kept, once a write has failed; the build goes on without keeping
        them (the cache only saves time) and says so once."""

    def _path(self, key: str) -> Path:
        return self.clips / key[:2] / f"{key}.clip"

    def has(self, key: str) -> bool:
        """Whether an entry exists (it is checked only when read)."""
        return self._path(key).is_file()

    def get(self, key: str) -> Clip | None:
        """The clip, or ``None`` when it is missing or damaged."""
        try:
            data = self._path(key).read_bytes()
        except OSError:
            return None
        if len(data) < _HEADER.size:
            return None
        magic, digest, rate = _HEADER.unpack_from(data)
        pcm = data[_HEADER.size:]
        if magic != MAGIC or hashlib.sha256(pcm).digest() != digest or len(pcm) % 2:
            return None
        return Clip(pcm, rate)

    def put(self, key: str, clip: Clip) -> None:
        """Keep a clip; safe when another build writes the same key at once.

        A cache that cannot be written (read-only, full, a file in the way)
        is noted in :attr:`unwritable` and not tried again: it never fails a build.
        """
        if self.unwritable is not None:
            return
        path = self._path(key)
        header = _HEADER.pack(MAGIC, hashlib.sha256(clip.pcm).digest(), clip.sample_rate)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with replacing(path) as tmp:
                with open(tmp, "wb") as f:
                    f.write(header)
                    f.write(clip.pcm)
        except OSError as exc:
            self.unwritable = exc.strerror or str(exc)

    def stats(self) -> CacheStats:
        """Count the clips and the bytes they take."""
        clips = size = 0
        for path in self.root.rglob("*") if self.root.is_dir() else ():
            if path.is_file():
                clips += path.suffix == ".clip"
                size += path.stat().st_size
        return CacheStats(self.root, clips, size)

    def clear(self) -> int:
        """Remove every clip; returns how many there were."""
        count = self.stats().clips
        shutil.rmtree(self.clips, ignore_errors=True)
        return count
