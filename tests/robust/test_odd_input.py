"""Odd input that must simply work: no headings, one endless paragraph, any script,
control characters, markup, hostile chapter titles, repeated headings."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from guide import manifest as manifest_io
from guide.approval import NOTICES
from guide.build.run import BuildOptions, build
from guide.cli.app import cli
from guide.engines.base import Pyttsx3Engine, check_clip
from ..helpers import FakeEngine
from guide.scripts.store import load_guide
from guide.speech.sentences import MAX_WORDS

from ..helpers import write_guide_folder
from .outputs import MARKUP, WINDOWS_RESERVED, check_complete, files_under, snapshot

SAFE_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")


def guide_files(title: str, chapters: dict[str, str], rate: int = 150) -> dict[str, str]:
    files = {"guide.toml": f'title = "{title}"\nvoice = "en-us"\nrate = {rate}\n'}
    files.update(chapters)
    return files


def fake_build(folder: Path, tmp_path: Path):
    options = BuildOptions(out_root=tmp_path / "audio_out", cache_dir=tmp_path / "cache")
    return build(load_guide(folder), FakeEngine(), options)


def spoken_sentences(m) -> list[str]:
    return [s.spoken for ch in m.chapters for s in ch.sentences]


def sayable(text: str) -> bool:
    """Only what a voice can say: ASCII letters, digits, spaces and plain punctuation,
    and Latin letters with their accents (composed)."""
    if unicodedata.normalize("NFC", text) != text:
        return False
    for char in text:
        if char.isascii():
            if not (char.isalnum() or char in " .,;:!?'()-\"") or char in MARKUP:
                return False
        elif not (unicodedata.category(char).startswith("L")
                  and unicodedata.name(char, "").startswith("LATIN")):
            return False
    return True


@pytest.fixture
def place(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def cli_run(*args: str):
    return CliRunner().invoke(cli, list(args), obj={"engine": FakeEngine()})


# ------------------------------------------------------------------ articles


def test_an_article_with_no_headings_is_one_chapter(place):
    (place / "back.txt").write_text(
        "Looking after your back\n\n"
        "Most back pain gets better on its own within a few weeks. Keep moving as much as you "
        "can, because rest for a long time makes it worse.\n\n"
        "If the pain is very bad, or you also feel numb or weak, call your doctor the same day.\n",
        encoding="utf-8")
    made = cli_run("new", "back.txt")
    assert made.exit_code == 0, made.output
    folder = place / "scripts" / "looking-after-your-back"
    assert [p.name for p in sorted(folder.glob("0*.txt"))] == ["01-introduction.txt"]
    built = cli_run("build", "looking-after-your-back")
    assert built.exit_code == 0, built.output
    m = check_complete(place / "audio_out" / "looking-after-your-back")
    assert [ch.title for ch in m.chapters] == ["Introduction"]
    assert m.title == "Looking after your back"


def test_text_with_no_title_and_no_headings_takes_its_file_name(place):
    (place / "care-notes.txt").write_text(
        "keep the wound dry for two days and then wash it gently with plain water every day.\n",
        encoding="utf-8")
    made = cli_run("new", "care-notes.txt")
    assert made.exit_code == 0, made.output
    guide = load_guide(place / "scripts" / "care-notes")
    assert guide.title == "care notes"
    assert len(guide.chapters) == 1


def test_a_heading_that_repeats_gives_two_chapters_with_their_own_files(place):
    (place / "twice.md").write_text(
        "# Two treatments\n\n## Treatment\n\nRest is the first treatment.\n\n"
        "## Treatment\n\nA stitch is the second treatment.\n\n## Treatment\n\nThe third one.\n",
        encoding="utf-8")
    assert cli_run("new", "twice.md").exit_code == 0
    assert cli_run("build", "two-treatments").exit_code == 0
    m = check_complete(place / "audio_out" / "two-treatments")
    assert [ch.title for ch in m.chapters] == ["Treatment"] * 3
    files = [ch.file for ch in m.chapters]
    assert len(set(files)) == 3
    assert [ch.sentences[0].text for ch in m.chapters] == [
        f"Chapter {n} of 3: Treatment." for n in (1, 2, 3)]


# ------------------------------------------------------ one endless paragraph


@pytest.mark.slow
def test_a_5000_word_paragraph_without_punctuation_is_cut_into_sane_sentences(tmp_path):
    words = ("rest drink water call your midwife if you feel pain or bleeding and keep "
             "every appointment with your care team").split()
    paragraph = " ".join(words[i % len(words)] for i in range(5000))
    folder = write_guide_folder(tmp_path / "long", guide_files("Long", {
        "01-long.txt": f"# Title: One long paragraph\n\n{paragraph}\n"}, rate=400))
    report = fake_build(folder, tmp_path)
    m = check_complete(report.out_dir)
    notice = NOTICES["draft"]  # chapter 1 of an unapproved guide says so after its announcement
    body = [s for s in m.chapters[0].sentences[1:] if s.text not in notice]
    assert " ".join(s.text for s in body) == paragraph  # every word, in order
    assert len(body) >= 5000 / MAX_WORDS
    for s in body:
        assert len(s.text.split()) <= MAX_WORDS and len(s.spoken.split()) <= MAX_WORDS
        assert len(s.text) <= 400  # a caption that fits a screen
        assert s.end_s - s.start_s < 30  # a clip a listener can take in (at 400 wpm here)
    longest = max(body, key=lambda s: len(s.spoken))
    # the real engine says one capped sentence, complete and of plausible length
    clip = next(Pyttsx3Engine().synthesize([longest.spoken], "en-us", 150))
    assert check_clip(clip, longest.spoken, 150) is None
    assert clip.duration_s < MAX_WORDS * 60 / 150 * 2


# ------------------------------------------------------------ any script


MIXED = {
    "01-mixed.txt": "# Title: Café ☕ 日本語 עברית\n\n"
                    "Take your 💊 tablets twice a day 😀 with water.\n\n"
                    "日本語のテキストです。\n\n"
                    "مرحبا بكم في العيادة. Welcome to the clinic.\n\n"
                    "שלום לכולם.\n\n"
                    "Cafe\u0301 for Zoe\u0308 and the nai\u0308ve Ångström 👩\u200d⚕\ufe0f doctor.\n",
}


def test_emoji_cjk_right_to_left_and_combining_characters_with_the_real_engine(tmp_path):
    folder = write_guide_folder(tmp_path / "mixed", guide_files("Mixed scripts", MIXED))
    options = BuildOptions(out_root=tmp_path / "audio_out", cache_dir=tmp_path / "cache")
    report = build(load_guide(folder), Pyttsx3Engine(), options)
    m = check_complete(report.out_dir)
    spoken = spoken_sentences(m)
    assert all(sayable(s) and s.strip() for s in spoken), spoken
    assert any("Welcome to the clinic" in s for s in spoken)
    assert any("Café" in s and "Zoë" in s and "naïve" in s for s in spoken)
    assert m.chapters[0].sentences[0].text.startswith("Chapter 1 of 1: Café")


CONTROLS = {
    "01-controls.txt": "# Title: Bell\x07 and zero\u200bwidth\n\n"
                       "A bell\x07, a zero\u200bwidth space, a \u202eright-to-left override\u202c, "
                       "a soft\u00adhyphen, a NUL\x00 and a \ufeffbyte order mark.\n\n"
                       "An escape \x1b[31mred\x1b[0m sequence, a form\x0cfeed and a tab\there.\n",
}


def test_control_and_zero_width_characters_never_reach_the_engine(tmp_path):
    folder = write_guide_folder(tmp_path / "controls", guide_files("Controls", CONTROLS))
    report = fake_build(folder, tmp_path)
    m = check_complete(report.out_dir)
    for s in spoken_sentences(m):
        assert not any(unicodedata.category(c)[0] == "C" for c in s), repr(s)
        assert sayable(s), repr(s)


def test_control_characters_stay_out_of_transcripts_and_captions(tmp_path):
    folder = write_guide_folder(tmp_path / "controls", guide_files("Controls", CONTROLS))
    report = fake_build(folder, tmp_path)
    m = manifest_io.load(report.out_dir)
    shown = [(report.out_dir / m.chapters[0].transcript).read_text(encoding="utf-8"),
             m.chapters[0].title, *(s.text for s in m.chapters[0].sentences)]
    for text in shown:
        assert not any(unicodedata.category(c) in ("Cc", "Cf") and c not in "\n\t" for c in text), \
            repr(text)


MARKUP_SCRIPT = {
    "01-markup.txt": "# Title: <speak>Markup</speak>\n\n"
                     "<speak>Hello</speak> and <audio src=\"http://example.com/x.mp3\"/> welcome.\n\n"
                     "Say [[h@l'oU]] or &amp; or &lt;b&gt;bold&lt;/b&gt; or "
                     "<break time=\"10s\"/> or {{template}} or `code` or \\backslash.\n\n"
                     "- <prosody rate=\"x-slow\">Slow</prosody> item.\n",
}


def test_markup_is_spoken_as_text_or_dropped_never_as_instructions(tmp_path):
    folder = write_guide_folder(tmp_path / "markup", guide_files("Markup", MARKUP_SCRIPT))
    report = fake_build(folder, tmp_path)
    m = check_complete(report.out_dir)
    for s in spoken_sentences(m):
        assert not MARKUP & set(s), repr(s)
        assert sayable(s), repr(s)


def test_the_real_engine_never_takes_markup_as_ssml():
    """Even raw markup, were it to reach pyttsx3, is not obeyed: a 10 s break is not a pause."""
    plain, marked = Pyttsx3Engine().synthesize(
        ["Hello there.", 'Hello <break time="10s"/> there.'], "en-us", 150)
    assert marked.duration_s < plain.duration_s + 8, (plain.duration_s, marked.duration_s)


# ---------------------------------------------------- hostile chapter titles


HOSTILE = ["../../etc/passwd", "CON", "aux.txt", "LPT1", "." * 10, "-" * 5, "日本語",
           "A very long title " * 17, "../../etc/passwd", "Nul", "\u202eevil\u202c", "a/b\\c:d*e?f"]


def _assert_safe_tree(out_root: Path, slug: str) -> None:
    inside = (out_root / slug).resolve()
    names = files_under(out_root)
    assert names, "nothing was built"
    for rel in names:
        if rel.startswith(f".{slug}."):  # the lock file beside the folder
            continue
        path = (out_root / rel).resolve()
        assert path.is_relative_to(inside), rel
        for part in Path(rel).parts:
            stem = part.split(".")[0]
            assert SAFE_NAME.fullmatch(stem), part
            assert stem.lower() not in WINDOWS_RESERVED, part
            assert len(part) <= 48 + 8, part
    chapters = [n for n in names if n.startswith(f"{slug}/chapters/")]
    assert len(chapters) == len(set(n.lower() for n in chapters))


@pytest.mark.slow
def test_hostile_titles_in_scripts_become_safe_unique_file_names(tmp_path):
    chapters = {f"{n:02d}.txt": f"# Title: {title}\n\nChapter text number {n}.\n"
                for n, title in enumerate(HOSTILE, start=1)}
    folder = write_guide_folder(tmp_path / "hostile", guide_files("Hostile", chapters))
    report = fake_build(folder, tmp_path)
    m = check_complete(report.out_dir)
    assert len(m.chapters) == len(HOSTILE)
    _assert_safe_tree(tmp_path / "audio_out", "hostile")
    assert [ch.title for ch in m.chapters][:2] == ["../../etc/passwd", "CON"]


@pytest.mark.slow
def test_hostile_headings_in_an_article_become_safe_unique_file_names(place):
    article = "# ../../etc/passwd\n\n" + "".join(
        f"## {title}\n\nSome words about heading number {n}.\n\n"
        for n, title in enumerate(HOSTILE, start=1))
    (place / "hostile.md").write_text(article, encoding="utf-8")
    made = cli_run("new", "hostile.md")
    assert made.exit_code == 0, made.output
    scripts = place / "scripts"
    assert [p.name for p in scripts.iterdir()] == ["etc-passwd"]
    for script in (scripts / "etc-passwd").iterdir():
        assert SAFE_NAME.fullmatch(script.name.split(".")[0]), script.name
    built = cli_run("build", "etc-passwd")
    assert built.exit_code == 0, built.output
    check_complete(place / "audio_out" / "etc-passwd")
    _assert_safe_tree(place / "audio_out", "etc-passwd")


@pytest.mark.parametrize("slug", ["../../escaped", "/ABSOLUTE", "a/b", "..", ".hidden"])
def test_a_slug_in_guide_toml_never_leads_outside_the_output_folder(place, slug):
    victim = place / "victim"
    victim.mkdir()
    (victim / "precious.txt").write_text("keep me\n", encoding="utf-8")
    slug = slug.replace("/ABSOLUTE", str(victim))
    write_guide_folder(place / "scripts" / "sly", {
        "guide.toml": f'title = "Sly"\nslug = "{slug}"\n',
        "01-a.txt": "# Title: A\n\nHello there.\n"})
    before = snapshot(place)
    result = cli_run("build", "sly")
    assert result.exit_code == 1
    assert result.stderr == (f"scripts/sly/guide.toml: has a slug that is not a plain name ({slug!r}). "
                             "Use only lower-case letters, digits and hyphens.\n")
    assert snapshot(place) == before  # nothing made anywhere, the victim untouched
