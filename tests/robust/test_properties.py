"""Property tests: articles, the normaliser, slugs, scripts and timings, on generated input.

Run with many examples by ``make fuzz`` (``HYPOTHESIS_PROFILE=fuzz``; see
conftest.py). The article readers have their own per-format properties in
tests/article/; the ones here go through the public entry points
(:func:`guide.article.read_article` on files, :func:`parse_article` on
generated documents in all three formats).
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from guide.article import parse_article, read_article
from guide.article.assemble import UNTITLED
from guide.audio.assembly import assemble
from guide.build.run import BuildOptions, build
from guide.engines.base import Clip
from ..helpers import FakeEngine
from guide.errors import ArticleError
from guide.model import Block, BlockKind, Chapter, Guide, Sentence, SentenceKind
from guide.speech.normalise import normalise
from guide.scripts.store import load_guide, write_guide
from guide.slug import MAX_SLUG, chapter_stem, slugify, unique_slugs

from .helpers import budget
from .outputs import MARKUP, WINDOWS_RESERVED, check_complete

WORD = re.compile(r"\w+")


def is_subsequence(needles: list, haystack: list) -> bool:
    remaining = iter(haystack)
    return all(any(n == h for h in remaining) for n in needles)


# ------------------------------------------------------------------ articles


@budget(200, share=0.5)
@given(data=st.one_of(st.binary(max_size=600), st.text(max_size=400).map(str.encode),
                      st.text(max_size=200).map(lambda t: t.encode("utf-16"))),
       suffix=st.sampled_from([".txt", ".md", ".html", ".htm", "", ".pdf", ".TXT"]))
def test_reading_any_file_gives_an_article_or_one_sentence(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"article{suffix}"
        path.write_bytes(data)
        try:
            article = read_article(path)
        except ArticleError as exc:
            message = str(exc)
            assert message.startswith(f"{path}: ") and "\n" not in message
            return
    assert article.sections and all(s.blocks for s in article.sections)
    for text in [article.title, *(b.text for s in article.sections for b in s.blocks)]:
        assert text and text == " ".join(text.split())
        assert not any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co") for c in text), repr(text)


VOCAB = ("cervix womb midwife stitch rest water pain bleeding week pregnancy doctor clinic "
         "scan baby labour care team tablets café naïve").split()
_words = st.lists(st.sampled_from(VOCAB), min_size=1, max_size=14)
_element = st.tuples(st.sampled_from(["heading", "paragraph", "prose", "item", "sources", "furniture",
                                      "image"]), _words)


def _render(elements, fmt: str) -> tuple[str, list[str]]:
    """A document in ``fmt`` and the words a reader may take from it, in order."""
    out, ref = [], []
    for kind, ws in elements:
        text = " ".join(ws)
        if kind in ("furniture", "image"):
            out.append({"text": "Advertisement", "markdown": f"![{text}](zzurl.png)",
                        "html": f"<nav><a href='/zzurl'>{text}</a></nav>"}[fmt])
            continue
        ref += ws
        if kind == "heading":
            out.append({"text": text.capitalize(), "markdown": f"## {text}",
                        "html": f"<h2>{text}</h2>"}[fmt])
        elif kind == "sources":
            ref.insert(len(ref) - len(ws), "references")
            out.append({"text": "References", "markdown": "## References",
                        "html": "<h2>References</h2>"}[fmt])
            out.append({"text": f"- {text}.", "markdown": f"- {text}.",
                        "html": f"<ul><li>{text}.</li></ul>"}[fmt])
        elif kind == "item":
            out.append({"text": f"- {text}", "markdown": f"- **{ws[0]}** {' '.join(ws[1:])}",
                        "html": f"<ul><li><b>{ws[0]}</b> {' '.join(ws[1:])}</li></ul>"}[fmt])
        else:
            line = text.capitalize() + (" and the rest of it is said here too." if kind == "prose" else "")
            ref += ["and", "the", "rest", "of", "it", "is", "said", "here", "too"] if kind == "prose" else []
            out.append({"text": line, "markdown": f"{line} [{ws[0]}](http://zzurl/) &amp; more.",
                        "html": f"<p>{line} <a href='http://zzurl/'>{ws[0]}</a> &amp; more.</p>"}[fmt])
            if fmt != "text":
                ref += [ws[0], "more"]
    sep = "\n\n"
    body = sep.join(out)
    if fmt == "html":
        body = f"<html><head><script>var zzscript = 1;</script></head><body>{body}</body></html>"
    return body, ref


def _article_words(article) -> tuple[list[str], list[str], list[str]]:
    title = [] if article.title == UNTITLED else WORD.findall(article.title.lower())
    body = [w for s in article.sections
            for t in ([s.heading] if s.heading else []) + [b.text for b in s.blocks]
            for w in WORD.findall(t.lower())]
    sources = [w for t in article.sources for w in WORD.findall(t.lower())]
    return title, body, sources


@budget(150, share=0.5)
@given(elements=st.lists(_element, max_size=12), fmt=st.sampled_from(["text", "markdown", "html"]))
def test_parsed_words_come_from_the_document_in_order(elements, fmt):
    document, reference = _render(elements, fmt)
    try:
        article = parse_article(document, fmt)
    except ArticleError:
        # only when no prose comes before the first sources list (what follows it may be sources)
        kinds = [kind for kind, _ in elements]
        before_sources = kinds[:kinds.index("sources")] if "sources" in kinds else kinds
        assert "prose" not in before_sources, document
        return
    ref = [w.lower() for w in reference]
    title, body, sources = _article_words(article)
    assert is_subsequence(title, ref), (document, article.title)
    assert is_subsequence(body, ref), (document, body)
    assert is_subsequence(sources, ref), (document, sources)
    everything = " ".join([article.title, *(b.text for s in article.sections for b in s.blocks)])
    assert "zzurl" not in everything and "zzscript" not in everything


# ---------------------------------------------------------------- normaliser


TRICKY = ["&amp;", "&lt;b&gt;", "<b>", "</speak>", "<break time='3s'/>", "[[h@l'oU]]", "[1]", "{x}",
          "1/2", "3-4", "$3.50", "10%", "5 mg/kg", "2.5", "1st", "1990s", "e.g.", "Dr.", "St.",
          "No.", "24/7", "www.example.com", "nurse@example.org", "+1 (555) 123-4567", "°C", "±",
          "½", "×", "™", "©", "\u200b", "\u202e", "\x07", "\x00", "\ufeff", "e\u0301", "😀",
          "日本", "مرحبا", "\\", "`", "|", "^", "~", "*", "_", "#", "@", "=", "--", "...", "—",
          "'", '"', "(", ")", "\n", "\t", "mmHg", "mL", "IV", "x-ray", "COVID-19", "3:30", "8am"]
_tricky_text = st.lists(st.one_of(st.sampled_from(TRICKY), st.text(max_size=6),
                                  st.sampled_from(VOCAB)), max_size=25).map(" ".join)


def assert_sayable(spoken: str) -> None:
    assert spoken == spoken.strip() and "  " not in spoken, repr(spoken)
    assert unicodedata.normalize("NFC", spoken) == spoken, repr(spoken)
    for char in spoken:
        assert char not in MARKUP, repr(spoken)
        if char.isascii():
            assert char.isalnum() or char in " .,;:!?'()-", repr(spoken)
        else:
            assert unicodedata.category(char).startswith("L") and \
                unicodedata.name(char, "").startswith("LATIN"), repr(spoken)


@budget(400)
@given(text=st.one_of(st.text(), _tricky_text))
def test_the_normaliser_never_crashes_and_gives_only_what_a_voice_can_say(text):
    assert_sayable(normalise(text))


# --------------------------------------------------------------------- slugs


def assert_safe_slug(slug: str) -> None:
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug), slug
    assert not slug.startswith(".") and slug not in WINDOWS_RESERVED
    assert 0 < len(slug) <= MAX_SLUG, slug


_titles = st.one_of(st.text(), st.sampled_from(["CON", "con", "Aux", "NUL", "com1", "LPT9", "..",
                                                "../../etc/passwd", "", " ", "-", "a" * 60]),
                    st.lists(st.sampled_from(["a", "b", "con", "1", "-", "2", " "]), max_size=12).map("".join),
                    st.text(alphabet="abc -", min_size=40, max_size=120))


@budget(400)
@given(title=_titles)
def test_every_slug_is_a_safe_file_name(title):
    assert_safe_slug(slugify(title))
    assert re.fullmatch(r"[0-9]{2}-[a-z0-9-]+", chapter_stem(7, title))


@budget(300)
@given(titles=st.lists(_titles, max_size=30))
def test_unique_slugs_are_unique_and_safe(titles):
    slugs = unique_slugs(titles)
    assert len(slugs) == len(titles) == len(set(slugs))
    for slug in slugs:
        assert_safe_slug(slug)


# ------------------------------------------------------------------- scripts


_text = (st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Co")), min_size=1, max_size=40)
         .map(lambda t: " ".join(unicodedata.normalize("NFC", t).split())).filter(bool))
"Text as the article readers give it: NFC, no control, format or private-use characters, single spaces."
_plain = st.text("abcdefghij klmnop", min_size=1, max_size=30).map(lambda t: " ".join(t.split())).filter(bool)
_blocks = st.lists(st.builds(Block, _text, st.sampled_from(list(BlockKind))), min_size=1, max_size=6)


def _source_that_round_trips(source: str) -> bool:
    """Every source but the word that means "no source": ``none`` or ``none (…``."""
    lowered = source.strip().lower()
    return lowered != "none" and not lowered.startswith("none (")


@st.composite
def guides(draw, text=_text, voices=("en-us", "en-gb")) -> Guide:
    titles = draw(st.lists(text, min_size=1, max_size=5))
    chapters = [Chapter(n, title, draw(_blocks),
                        draw(st.lists(text.filter(_source_that_round_trips), max_size=3)),
                        stem=chapter_stem(n, title))
                for n, title in enumerate(titles, start=1)]
    for chapter, slug in zip(chapters, unique_slugs([c.title for c in chapters])):
        chapter.stem = f"{chapter.number:02d}-{slug}"
    return Guide(slug="round-trip", title=draw(text), chapters=chapters,
                 subtitle=draw(st.none() | text), language=draw(st.sampled_from(["en-US", "en-GB"])),
                 voice=draw(st.sampled_from(voices)), rate=draw(st.integers(60, 400)),
                 source=draw(st.sampled_from(["", "source.txt", "https://example.org/a"])),
                 source_title=draw(st.sampled_from(["", "An article"]) | text),
                 publisher=draw(st.sampled_from(["", "A clinic"]) | text),
                 target_grade=draw(st.floats(1, 16, allow_nan=False).map(lambda f: round(f, 1))))


def _as_written(guide: Guide) -> dict:
    return {
        "settings": {k: getattr(guide, k) for k in ("title", "subtitle", "language", "voice", "rate",
                                                     "source", "source_title", "publisher",
                                                     "target_grade")},
        "chapters": [(c.number, c.title, [(b.text, b.kind) for b in c.blocks], c.sources, c.stem)
                     for c in guide.chapters],
    }


@budget(150, share=0.5)
@given(guide=guides())
def test_writing_then_reading_a_guide_gives_it_back(guide):
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_guide(guide, Path(tmp) / "round-trip")
        loaded = load_guide(folder)
    assert _as_written(loaded) == _as_written(guide)


def _round_trip_sources(sources: list[str]) -> list[str]:
    guide = Guide(slug="round-trip", title="Sources", chapters=[
        Chapter(1, "One", [Block("Text.")], sources, stem="01-one")])
    with tempfile.TemporaryDirectory() as tmp:
        return load_guide(write_guide(guide, Path(tmp) / "round-trip")).chapters[0].sources


def test_a_source_with_a_comma_round_trips():
    assert _round_trip_sources(["Signs, symptoms and causes"]) == ["Signs, symptoms and causes"]


def test_a_source_that_starts_with_none_round_trips():
    assert _round_trip_sources(["None of the above", "Treatment"]) == ["None of the above", "Treatment"]


# ------------------------------------------------------------------- timings


@budget(200)
@given(parts=st.lists(st.tuples(st.integers(10, 30000), st.integers(0, 20000),
                                st.floats(0, 3, allow_nan=False)), min_size=1, max_size=30),
       lead_in=st.floats(0, 2, allow_nan=False), rate=st.sampled_from([16000, 22050, 44100]))
def test_assembled_sentence_times_increase_and_hold_the_sound(parts, lead_in, rate):
    """Each clip: a loud square wave, then silence (which may be trimmed, the sound never)."""
    clips = [Clip(b"\x00\x60\x00\xa0" * (sound // 2) + b"\x00\x60" * (sound % 2)
                  + b"\0\0" * silence, rate) for sound, silence, _ in parts]
    sentences = [Sentence(f"s{i}", f"s{i}", SentenceKind.SENTENCE, pause)
                 for i, (_, _, pause) in enumerate(parts)]
    pcm = assemble(clips, sentences, lead_in)
    step = 1 / rate + 1e-4
    assert abs(sentences[0].start_s - lead_in) <= step
    previous_end = 0.0
    for s, (sound, silence, pause) in zip(sentences, parts):
        assert previous_end <= s.start_s < s.end_s
        assert sound / rate - step <= s.end_s - s.start_s <= (sound + silence) / rate + step
        previous_end = s.end_s
    spoken = sum(s.end_s - s.start_s for s in sentences) * rate
    pauses = sum(round(p * rate) for _, _, p in parts) + round(lead_in * rate)
    assert abs(len(pcm) // 2 - spoken - pauses) <= len(parts) * (2e-4 * rate + 1)
    assert sentences[-1].end_s <= len(pcm) / 2 / rate + step


@budget(4, share=0.01)
@given(guide=guides(text=_plain, voices=("en-us",)))
def test_a_built_guide_tiles_in_time_and_every_file_agrees(guide):
    assume(any(b.text.strip() for c in guide.chapters for b in c.blocks))
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_guide(guide, Path(tmp) / "scripts" / "round-trip")
        options = BuildOptions(out_root=Path(tmp) / "audio_out", cache_dir=Path(tmp) / "cache", jobs=2)
        report = build(load_guide(folder), FakeEngine(), options)
        m = check_complete(report.out_dir)
    assert [ch.title for ch in m.chapters] == [c.title for c in guide.chapters]
    for ch in m.chapters:
        starts = [s.start_s for s in ch.sentences]
        ends = [s.end_s for s in ch.sentences]
        assert starts == sorted(starts) and all(a < b for a, b in zip(starts, ends))
        assert all(e <= s for e, s in zip(ends, starts[1:]))
        assert 0 <= starts[0] and ends[-1] <= ch.duration_s
