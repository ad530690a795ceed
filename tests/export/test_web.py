"""The offline web player and the printable transcript, in headless Chromium with axe-core."""

from __future__ import annotations

import json
import zipfile

import pytest
from bs4 import BeautifulSoup

from guide.durations import spoken_duration

from .helpers import axe_violations

# -------------------------------------------------------------- the page as written


def _soup(exported, *parts):
    return BeautifulSoup(exported.out.joinpath(*parts).read_text(encoding="utf-8"), "html.parser")


def test_page_has_language_skip_link_and_no_autoplay(exported):
    page = _soup(exported, "html", "index.html")
    assert page.html["lang"] == "en-US"
    skip = page.find("a")
    assert skip.get_text() == "Skip to transcript" and skip["href"] == "#transcript"
    assert page.find(id="transcript") is not None
    assert not page.find_all(autoplay=True)
    assert not page.find_all(src=lambda s: s and s.startswith(("http:", "https:", "//")))
    assert not page.find_all("link")  # styles are inside the page: nothing else to fetch


def _spoken_items(items) -> list[str]:
    """What a screen reader says for each item of an ordered list: its number, then its link."""
    return [f"{li['value']}. {li.find('a').get_text()}" for li in items]


def test_the_chapter_list_says_each_number_once(exported):
    page = _soup(exported, "html", "index.html")
    items = page.find("ol", class_="chapter-list").find_all("li", recursive=False)
    m = exported.manifest
    assert _spoken_items(items) == [f"{ch.number}. {ch.title}" for ch in m.chapters]
    assert not [li for li in items if li.find("a").get_text().lstrip()[:1].isdigit()]


def test_the_chapter_list_of_some_chapters_keeps_their_numbers(exported, tmp_path):
    from guide.export import export

    export(exported.manifest, exported.built, tmp_path, "html", [2, 3])
    page = BeautifulSoup((tmp_path / "index.html").read_text(encoding="utf-8"), "html.parser")
    items = page.find("ol", class_="chapter-list").find_all("li", recursive=False)
    assert _spoken_items(items) == [f"{ch.number}. {ch.title}" for ch in exported.manifest.chapters[1:]]


def test_timings_in_the_page_match_the_manifest(exported):
    page = _soup(exported, "html", "index.html")
    data = json.loads(page.find("script", id="guide-data").string)
    m = exported.manifest
    assert [c["file"] for c in data["chapters"]] == [ch.file for ch in m.chapters]
    for row, ch in zip(data["chapters"], m.chapters):
        assert len(row["sentences"]) == len(ch.sentences)
        for (start, end), s in zip(row["sentences"], ch.sentences):
            assert abs(start - s.start_s) < 0.001 and abs(end - s.end_s) < 0.001
            span = page.find(id=f"c{ch.number}-s{ch.sentences.index(s)}")
            assert span.get_text() == s.text


def test_every_audio_file_the_page_names_is_beside_it(exported):
    folder = exported.out / "html"
    page = _soup(exported, "html", "index.html")
    names = {a["href"] for a in page.find_all("a") if not a["href"].startswith("#")}
    names |= {el["src"] for el in page.find_all("audio")}
    assert names == {ch.file for ch in exported.manifest.chapters}
    assert all((folder / name).is_file() for name in names)


# ----------------------------------------------------------------- in Chromium


@pytest.fixture
def player(browser, exported):
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: errors.append(f"request {req.url}")
            if not req.url.startswith("file://") else None)
    page.goto((exported.out / "html" / "index.html").as_uri())
    page.wait_for_function("document.getElementById('audio').readyState >= 1")
    yield page
    context.close()
    assert errors == []


def _state(page):
    return page.evaluate("""() => ({
        src: document.getElementById('audio').getAttribute('src'),
        now: document.getElementById('now-playing').textContent,
        lit: Array.from(document.querySelectorAll('.sentence.current')).map(e => e.id),
        rate: document.getElementById('audio').playbackRate,
        paused: document.getElementById('audio').paused,
        contrast: document.documentElement.classList.contains('contrast'),
        size: document.documentElement.style.fontSize })""")


def _seek(page, seconds):
    page.evaluate("""(t) => { const a = document.getElementById('audio');
        a.currentTime = t; a.dispatchEvent(new Event('timeupdate')); }""", seconds)


@pytest.mark.browser
def test_axe_finds_no_violations(player):
    assert axe_violations(player) == []
    player.click('[data-action="contrast"]')
    assert _state(player)["contrast"]
    assert axe_violations(player) == []


@pytest.mark.browser
def test_n_and_b_move_between_chapters(player, exported):
    files = [ch.file for ch in exported.manifest.chapters]
    assert _state(player)["src"] == files[0]
    player.keyboard.press("n")
    state = _state(player)
    assert state["src"] == files[1] and state["now"] == "Chapter 2 of 3: A short list"
    assert state["paused"]  # moving while paused never starts playback
    player.keyboard.press("b")
    assert _state(player)["src"] == files[0]


@pytest.mark.browser
def test_the_highlight_follows_the_audio(player, exported):
    first = exported.manifest.chapters[0]
    for index in (1, 3, 2):
        s = first.sentences[index]
        _seek(player, (s.start_s + s.end_s) / 2)
        assert _state(player)["lit"] == [f"c1-s{index}"]


@pytest.mark.browser
def test_speed_and_display_keys(player):
    player.keyboard.press("]")
    player.keyboard.press("]")
    assert _state(player)["rate"] == pytest.approx(1.2)
    player.keyboard.press("[")
    assert _state(player)["rate"] == pytest.approx(1.1)
    player.keyboard.press("Backspace")
    assert _state(player)["rate"] == 1
    player.click('[data-action="larger"]')
    assert _state(player)["size"] == "150%"
    assert player.locator("#status").text_content() == "Text size 150 percent."


@pytest.mark.browser
def test_arrow_keys_seek_and_r_repeats_the_sentence(player, exported):
    s = exported.manifest.chapters[0].sentences[2]
    _seek(player, s.start_s + 0.5)
    player.keyboard.press("ArrowLeft")
    assert player.evaluate("document.getElementById('audio').currentTime") == pytest.approx(0, abs=0.01)
    _seek(player, s.start_s + 0.5)
    player.keyboard.press("r")
    player.evaluate("document.getElementById('audio').pause()")
    at = player.evaluate("document.getElementById('audio').currentTime")
    assert s.start_s - 0.01 <= at < s.start_s + 0.3


@pytest.mark.browser
def test_keys_on_a_button_keep_their_own_meaning(player):
    button = player.locator('[data-action="contrast"]')
    button.focus()
    player.keyboard.press(" ")  # presses the focused button; does not start playback
    state = _state(player)
    assert state["contrast"] and state["paused"]
    assert player.evaluate("document.activeElement.dataset.action") == "contrast"


@pytest.mark.browser
def test_focus_is_visible(player):
    player.keyboard.press("Tab")
    assert player.evaluate("document.activeElement.textContent") == "Skip to transcript"
    player.keyboard.press("Tab")
    outline = player.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    shadow = player.evaluate("getComputedStyle(document.activeElement).boxShadow")
    assert outline == "solid" and shadow != "none"


@pytest.mark.browser
def test_without_javascript_the_transcript_and_audio_are_there(browser, exported):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((exported.out / "html" / "index.html").as_uri())
    text = page.locator("#transcript").inner_text()
    for ch in exported.manifest.chapters:
        assert all(s.text in text for s in ch.sentences)
        link = page.locator(f'#transcript a[href="{ch.file}"]')
        assert link.count() == 1 and link.is_visible()
        assert page.locator(f'#chapter-{ch.number} audio[controls][src="{ch.file}"]').is_visible()
    assert not page.locator("#player").is_visible()  # its buttons would do nothing
    context.close()


@pytest.mark.browser
def test_printable_transcript_is_large_and_passes_axe(browser, exported, tmp_path):
    context = browser.new_context()
    page = context.new_page()
    with zipfile.ZipFile(exported.out / "zip" / "tiny-clinic-pack.zip") as zf:
        zf.extract("tiny/transcript-large-print.html", tmp_path)
    page.goto((tmp_path / "tiny" / "transcript-large-print.html").as_uri())
    assert axe_violations(page) == []
    page.emulate_media(media="print")
    sizes = page.evaluate("Array.from(document.querySelectorAll('p, li, h2')).map("
                          "e => parseFloat(getComputedStyle(e).fontSize))")
    assert min(sizes) >= 24  # 18 pt is 24 CSS px
    headings = page.locator("h2").all_inner_texts()
    assert headings == [ch.sentences[0].text for ch in exported.manifest.chapters]
    context.close()


@pytest.mark.browser
def test_number_keys_go_to_a_chapter_and_t_says_where_you_are(player, exported):
    player.keyboard.press("3")
    assert _state(player)["src"] == exported.manifest.chapters[2].file
    player.keyboard.press("9")  # there is no chapter 9: nothing changes
    assert _state(player)["src"] == exported.manifest.chapters[2].file
    player.keyboard.press("1")
    _seek(player, 5.2)
    player.keyboard.press("t")
    m = exported.manifest
    left = spoken_duration(sum(ch.duration_s for ch in m.chapters) - 5.2)
    assert player.locator("#status").text_content() == (
        f"Chapter 1 of 3: Welcome. 5 s of {spoken_duration(m.chapters[0].duration_s)}. {left} left in the guide.")
