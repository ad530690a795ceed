"""A Spanish guide's exports show and say Spanish: the web player, the printable page, the EPUB's
navigation, the DAISY book, the M4B's tags and the clinic pack's README, with no English line."""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import replace

import pytest
from bs4 import BeautifulSoup

from guide import i18n
from guide.durations import spoken_duration
from guide.export import pack, printable, web
from guide.export.common import spoken_date

from ..helpers import ffprobe_json
from ..i18n_helpers import english_in

DOMAINS = ("export", "durations", "approval")
"The catalogues whose words the exports use."


def es(key: str, **values) -> str:
    return i18n.message("es-US", f"export.{key}", **values)


def seen(html: str) -> str:
    """What a reader meets on a page: its text, every aria-label and alt, and its script's words."""
    soup = BeautifulSoup(html, "html.parser")
    data = soup.find("script", id="guide-data")
    words = list(json.loads(data.string)["text"].values()) if data else []
    for element in soup.find_all(["script", "style"]):
        element.decompose()
    labels = [el[name] for name in ("aria-label", "alt", "title") for el in soup.find_all(attrs={name: True})]
    return "\n".join([soup.get_text("\n"), *labels, *words])


@pytest.fixture(scope="module")
def pack_folder(spanish_exported, tmp_path_factory):
    folder = tmp_path_factory.mktemp("paquete")
    with zipfile.ZipFile(spanish_exported.out / "zip" / pack.pack_name(spanish_exported.manifest)) as zf:
        zf.extractall(folder)
    return folder / spanish_exported.manifest.slug


def test_the_web_player_is_spanish(spanish_exported):
    html = (spanish_exported.out / "html" / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    assert page.html["lang"] == "es-US"
    text = seen(html)
    assert english_in(text, *DOMAINS) == []
    for key in re.findall(r"\$t_(\w+)", web.template("player.html")):
        assert es(key) in text, key
    m = spanish_exported.manifest
    assert page.find("a").get_text() == "Ir a la transcripción"
    assert es("about", chapters="4 capítulos", length=spoken_duration(m.duration_s, "es-US")) in text
    assert "La aprobó Dana Lee, RN, el " in text and "Próxima revisión: " in text
    assert es("footer_published", publisher="Clínica de prueba") in text


def test_the_printable_page_is_spanish(pack_folder):
    html = (pack_folder / printable.PAGE).read_text(encoding="utf-8")
    assert BeautifulSoup(html, "html.parser").html["lang"] == "es-US"
    text = seen(html)
    assert english_in(text, *DOMAINS) == []
    assert es("print_title", title="Guía de prueba") in text and es("print_how") in text


def test_the_epub_navigation_and_metadata_are_spanish(spanish_exported):
    m = spanish_exported.manifest
    with zipfile.ZipFile(spanish_exported.out / "epub" / f"{m.slug}.epub") as zf:
        nav = zf.read("OEBPS/nav.xhtml").decode()
        opf = zf.read("OEBPS/package.opf").decode()
        cover = zf.read("OEBPS/cover.xhtml").decode()
    assert "<dc:language>es-US</dc:language>" in opf and 'xml:lang="es-US"' in nav
    for key in ("contents", "landmarks", "cover", "start_of_guide"):
        assert f">{es(key)}<" in nav, key
    assert es("epub_summary") in opf and es("about_date", date=spoken_date(m)) in opf
    assert re.fullmatch(r"\d{1,2} de [a-z]+ de \d{4}", spoken_date(m))
    assert es("cover_alt", title=m.title) in cover
    assert english_in("\n".join([seen(nav), seen(cover), opf]), *DOMAINS) == []


def test_the_readme_is_spanish(spanish_exported, pack_folder):
    readme = (pack_folder / "README.txt").read_bytes().decode("utf-8")
    assert english_in(readme, *DOMAINS) == []
    for heading in ("PRIMERO, DESCOMPRIMA EL PAQUETE", "CÓMO ESCUCHAR EN UN REPRODUCTOR DAISY",
                    "PARA QUÉ SIRVE CADA ARCHIVO"):
        assert f"\r\n{heading}\r\n" in readme
    m = spanish_exported.manifest
    assert f"Tiene 4 capítulos. Escucharla completa toma {spoken_duration(m.duration_s, 'es-US')}." in readme
    assert "menos de 1 megabyte" in readme or re.search(r"unos \d+ megabytes", readme)
    assert f"1. {m.chapters[0].title} ({spoken_duration(m.chapters[0].duration_s, 'es-US')})" in readme
    assert "\r\n    Este archivo.\r\n" in readme
    assert max(len(line) for line in readme.split("\r\n")) <= 72


def test_the_daisy_book_and_the_audiobook_tags_are_spanish(spanish_exported, pack_folder):
    ncc = (spanish_exported.out / "daisy" / "ncc.html").read_text(encoding="utf-8")
    assert 'lang="es-US"' in ncc and "Una voz sintética (texto a voz): " in ncc
    assert english_in(ncc, *DOMAINS) == []
    audiobook = pack_folder / f"{spanish_exported.manifest.slug}.m4b"
    tags = ffprobe_json(audiobook, "-show_format")["format"]["tags"]
    assert tags["genre"] == "Audiolibro"
    assert tags["comment"].startswith("Guía hablada basada en: ninguna. Fecha de creación: ")
    assert english_in(tags["comment"], *DOMAINS) == []


def test_a_spanish_draft_says_so_in_spanish(spanish_exported):
    draft = replace(spanish_exported.manifest, approval={})
    line = i18n.message("es", "approval.draft_line")
    chapters = [ch.number for ch in draft.chapters]
    pages = (web.render(draft, chapters), printable.render(draft, chapters), pack.readme(draft, chapters))
    for text in pages:
        assert line in text
        assert english_in(text, "approval") == []


@pytest.mark.browser
def test_the_web_players_script_speaks_spanish(browser, spanish_exported):
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto((spanish_exported.out / "html" / "index.html").as_uri())
    page.wait_for_function("document.getElementById('audio').readyState >= 1")
    page.evaluate("""() => { const a = document.getElementById('audio');
        a.currentTime = 5.2; a.dispatchEvent(new Event('timeupdate')); }""")
    page.keyboard.press("t")
    m = spanish_exported.manifest
    first = m.chapters[0]
    left = spoken_duration(sum(ch.duration_s for ch in m.chapters) - 5.2, "es-US")
    assert page.locator("#status").text_content() == (
        f"Capítulo 1 de 4: Bienvenida. 5 segundos de {spoken_duration(first.duration_s, 'es-US')}. "
        f"Tiempo que falta de la guía: {left}.")
    page.click('[data-action="larger"]')
    assert page.locator("#status").text_content() == "Tamaño de la letra: 150 por ciento."
    page.keyboard.press("]")
    assert page.locator("#status").text_content() == "Velocidad: 1.1 veces la normal."
    assert page.locator("#play-button").text_content() == "Reproducir"
    context.close()
    assert errors == []
