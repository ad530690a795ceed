"""The clip cache."""

from __future__ import annotations

from guide.build.cache import ClipCache, clip_key, default_cache_dir
from guide.engines.base import Clip


def test_key_changes_with_each_input():
    base = clip_key("Hello.", "pyttsx3 2.99 voice=en-us rate=150")
    assert clip_key("Hello!", "pyttsx3 2.99 voice=en-us rate=150") != base
    assert clip_key("Hello.", "pyttsx3 2.99 voice=en-gb rate=150") != base
    assert clip_key("Hello.", "pyttsx3 2.99 voice=en-us rate=120") != base
    assert clip_key("Hello.", "pyttsx3 3.0 voice=en-us rate=150") != base
    assert clip_key("Hello.", "pyttsx3 2.99 voice=en-us rate=150") == base


def test_put_get_and_damaged_entries_are_missing(tmp_path):
    cache = ClipCache(tmp_path)
    clip = Clip(b"\x01\x02" * 1000)
    cache.put("ab" * 32, clip)
    assert cache.get("ab" * 32) == clip
    path = next((tmp_path / "clips").rglob("*.clip"))
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))
    assert cache.get("ab" * 32) is None
    path.write_bytes(bytes(data[:20]))
    assert cache.get("ab" * 32) is None
    assert cache.get("cd" * 32) is None


def test_stats_and_clear(tmp_path):
    cache = ClipCache(tmp_path)
    cache.put("ab" * 32, Clip(b"\0\0" * 10))
    cache.put("cd" * 32, Clip(b"\0\0" * 10))
    stats = cache.stats()
    assert stats.clips == 2 and stats.bytes > 40
    assert cache.clear() == 2
    assert cache.stats().clips == 0


def test_cache_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("GUIDE_CACHE_DIR", str(tmp_path / "c"))
    assert default_cache_dir() == tmp_path / "c"
    monkeypatch.delenv("GUIDE_CACHE_DIR")
    assert default_cache_dir().name == "guide"
