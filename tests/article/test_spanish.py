"""Articles in Spanish: the language an article is in, and the Spanish furniture that is never read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from guide.article import furniture, open_article, parse_article, read_article
from guide.article.bylines import keep_bylines, said_date
from guide.article.dates import dates_in
from guide.article.language import canonical, declared_language
from guide.article.markdown import strip_front_matter

from .helpers import DATA, as_dict, expected, furniture_found, never_read

GOLDEN = {"presion-alta-embarazo.md": "markdown", "hierro-embarazo.html": "html"}


# ---------------------------------------------------------------- golden articles


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_golden(name):
    article, language = open_article(DATA / name)
    assert language == "es-US"
    assert article.format == GOLDEN[name]
    assert as_dict(article) == expected(f"{Path(name).stem}.json")


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_golden_reads_no_furniture_and_no_byline(name):
    assert furniture_found(read_article(DATA / name), never_read(f"{Path(name).stem}.json")) == []


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_read_as_english_the_spanish_furniture_stays(name):
    """The Spanish words are the article's language's own: English rules keep them (so they work)."""
    article = read_article(DATA / name, language="en-US")
    assert furniture_found(article, never_read(f"{Path(name).stem}.json"))


# ------------------------------------------------------------------ the language


@pytest.mark.parametrize(("text", "fmt", "declared"), [
    ('<!DOCTYPE html><html lang="es"><body><p>x</p></body></html>', "html", "es"),
    ("<html lang='es-MX'><head><title>t</title></head><body><p>x", "html", "es-MX"),
    ('<html xml:lang="es-419"><body><p>x', "html", "es-419"),
    ('<html><head><meta http-equiv="Content-Language" content="es-US"></head><body>', "html", "es-US"),
    ("<html><body><p lang='es'>x</p></body></html>", "html", None),
    ("<p>Hola.</p>", "html", None),
    ("---\nlang: es\n---\n# Título\n", "markdown", "es"),
    ('---\ntitle: "T"\nlanguage: "es-MX"  # la región\n---\n# T\n', "markdown", "es-MX"),
    ('+++\nlang = "es-US"\n+++\n# T\n', "markdown", "es-US"),
    ("---\n\n# Not front matter\n\nlang: es\n", "markdown", None),
    ("# Título\n\nlang: es\n", "markdown", None),
    ("lang: es\n\nTexto.\n", "text", None),
])
def test_the_declared_language(text, fmt, declared):
    assert declared_language(text, fmt) == declared


@pytest.mark.parametrize(("tag", "usual"), [
    ("es-mx", "es-MX"), ("ES_419", "es-419"), ("en", "en"), ("zh-hant-tw", "zh-Hant-TW"),
    ("x-default", None), ("", None), ("e", None), ("es MX", None),
])
def test_a_tag_in_its_usual_form(tag, usual):
    assert canonical(tag) == usual


ARTICLE = "<html lang='{lang}'><body><h1>Título</h1><p>{body}</p>{more}</body></html>"
BODY = "La presión alta en el embarazo puede ser seria, así que mídasela cada día."


def html(lang: str, more: str = "", body: str = BODY) -> str:
    return ARTICLE.format(lang=lang, body=body, more=more)


def test_the_given_language_wins_over_the_declared_one(tmp_path):
    path = tmp_path / "a.html"
    path.write_text(html("en", "<p>Publicidad</p>"), encoding="utf-8")
    assert open_article(path)[1] == "en-US"
    article, language = open_article(path, "es-US")
    assert language == "es-US"
    assert "Publicidad" not in [b.text for s in article.sections for b in s.blocks]


@pytest.mark.parametrize(("lang", "language", "note"), [
    ("es-mx", "es-MX", None),
    ("en", "en-US", None),
    ("en-GB", "en-GB", None),
    ("es", "es-US", "El artículo dice que está en español sin decir de dónde, así que la guía está en es-US"),
    ("fr-FR", "en-US",
     'The article says it is in "fr-FR", which the guide cannot speak, so the draft is in en-US.'),
    ("x-default", "en-US", 'The article says it is in "x-default", which the guide cannot speak'),
])
def test_a_declared_language_the_guide_cannot_speak_or_without_a_region_is_noted(tmp_path, lang, language,
                                                                                   note):
    path = tmp_path / "a.html"
    path.write_text(html(lang), encoding="utf-8")
    article, found = open_article(path)
    assert found == language
    if note is None:
        assert article.notes == []
    else:
        assert [n for n in article.notes if n.startswith(note)], article.notes


def test_front_matter_is_still_never_read():
    assert strip_front_matter("---\nlang: es\n---\n# T\n") == "# T\n"
    assert strip_front_matter("---\n\n# T\n") == "---\n\n# T\n"


# ----------------------------------------------------------- Spanish furniture

ES = "es-US"


@pytest.mark.parametrize("line", [
    "¿Le resultó útil esta página?", "¿Fue útil esta información?", "Sí No", "Compartir", "Imprimir",
    "Publicidad", "Anuncio", "Volver arriba", "Suscríbase", "¡Gracias por sus comentarios!",
    "Usamos cookies para mejorar su experiencia. Al seguir navegando, acepta su uso.",
    "Suscríbase a nuestro boletín y reciba consejos cada semana.",
    "Lea también: Cómo tomar el hierro", "Le puede interesar: La anemia",
])
def test_spanish_furniture_text(line):
    assert furniture.is_furniture_text(line, ES)
    assert not furniture.is_furniture_text(line)  # English is read as before


@pytest.mark.parametrize("line", [
    "Lea también la etiqueta del frasco.", "Comparta sus dudas con su médico.",
    "Imprimir la hoja puede ayudarle a recordar.", "Sí, es normal.",
])
def test_not_spanish_furniture_text(line):
    assert not furniture.is_furniture_text(line, ES)


@pytest.mark.parametrize(("line", "credit"), [
    ("Foto: Archivo de la clínica", True), ("Imagen: iStock", True), ("Fotografía por Ana Ruiz", True),
    ("Cortesía de March of Dimes", True), ("Foto cortesía de la familia López", True),
    ("Imagen de ultrasonido del bebé en la semana 20", False),
    ("Fotos de su bebé pueden ayudarle a recordar", False),
])
def test_spanish_photo_credits(line, credit):
    assert furniture.is_credit(line, ES) is credit


@pytest.mark.parametrize(("line", "holds", "review"), [
    ("Revisado por la Dra. Ana María Torres", True, True),
    ("Revisado médicamente por el Dr. Luis Ortega", True, True),
    ("Última actualización: 3 de abril de 2025", True, True),
    ("Publicado el 3 de abril de 2025", True, True),
    ("Fecha de revisión: 03/04/2025", True, True),
    ("Por Dra. María López", True, False),
    ("Por Lucía Méndez, enfermera · Última actualización: 3 de abril de 2025", True, False),
    ("3 de abril de 2025", True, False),
    ("Por qué es importante medirse la presión", False, False),
    ("Por la mañana, tome agua", False, False),
    ("Por eso es importante medirla", False, False),
    ("Revisado por su equipo de salud.", True, False),
    ("Publicado estudios muestran que descansar ayuda.", False, False),
    ("Última actualización " + "palabra " * 30, False, False),
])
def test_spanish_bylines_and_review_lines(line, holds, review):
    assert (furniture.holds_byline(line, ES), furniture.is_review_line(line, ES)) == (holds, review)
    assert not furniture.is_review_line(line)


@pytest.mark.parametrize(("heading", "kind"), [
    ("Fuentes", "sources"), ("Referencias", "sources"), ("Bibliografía", "sources"),
    ("Artículos relacionados", "furniture"), ("Tabla de contenido", "furniture"),
    ("Lea también", "furniture"),
    ("Más información", "links"), ("Enlaces de interés", "links"), ("Cuándo pedir ayuda", None),
])
def test_spanish_headings(heading, kind):
    found = {"sources": furniture.is_sources_heading(heading, ES),
             "furniture": furniture.is_furniture_heading(heading, ES),
             "links": furniture.is_links_heading(heading, ES)}
    assert [k for k, v in found.items() if v] == ([kind] if kind else [])
    assert not any(f(heading) for f in (furniture.is_sources_heading, furniture.is_furniture_heading,
                                        furniture.is_links_heading))


def test_mas_informacion_over_links_is_dropped_and_over_text_is_read():
    links = ("<h2>Más información</h2><ul><li><a href='/a'>La anemia</a></li>"
             "<li><a href='/b'>El hierro</a></li></ul>")
    text = "<h2>Más información</h2><p>Para más información, llame a su médico.</p>"
    for more, heard in ((links, []), (text, ["Para más información, llame a su médico."])):
        article = parse_article(html("es-US", more), "html")
        assert [b.text for s in article.sections if s.heading for b in s.blocks] == heard


def test_spanish_element_keywords_and_sources_list():
    more = ("<div class='publicidad'><p>Vitaminas con descuento.</p></div>"
            "<div class='compartir-redes'><p>Envíe esta página a una amiga.</p></div>"
            "<ul class='bibliografia'><li>Una fuente.</li></ul>")
    article = parse_article(html("es", more), "html")
    assert [b.text for s in article.sections for b in s.blocks] == [BODY]
    assert article.sources == ["Una fuente."]


def test_a_spanish_plain_text_article_given_its_language():
    text = ("Cómo tomar el hierro\n\nPor Dra. Carmen Ruiz\n\nEl hierro ayuda a formar la sangre. "
            "Tómelo cada día con un vaso de jugo.\n\nPublicidad\n\nFuentes\n\n- Una fuente.\n")
    article = parse_article(text, "text", language="es-US")
    assert (article.bylines, article.sources) == (["Por Dra. Carmen Ruiz"], ["Una fuente."])
    assert [b.text for s in article.sections for b in s.blocks] == [
        "El hierro ayuda a formar la sangre. Tómelo cada día con un vaso de jugo."]


def test_a_spanish_table_is_said_in_spanish():
    table = ("<table><tr><th>Medicina</th><th>Cuándo tomarla</th><th>¿Es normal?</th></tr>"
             "<tr><td>Hierro</td><td>Cada mañana</td><td>Sí</td></tr></table>")
    article = parse_article(html("es-US", table), "html")
    assert article.sections[-1].blocks[-1].text == "Hierro: cuándo tomarla, cada mañana; ¿es normal?, sí."
    english = parse_article(html("en", table), "html")  # as before: only English words are lower-cased
    assert english.sections[-1].blocks[-1].text == "Hierro: Cuándo tomarla, Cada mañana; ¿Es normal?, Sí."


def test_an_untitled_spanish_article_is_named_in_spanish():
    article = parse_article("<p>Solo un párrafo de texto, y termina aquí.</p>", "html", language="es-US")
    assert article.title == "Artículo sin título"


# --------------------------------------------------------------- dates, bylines


@pytest.mark.parametrize(("text", "found"), [
    ("Última actualización: 3 de abril de 2025", [date(2025, 4, 3)]),
    ("Publicado el 14 de marzo del 2024", [date(2024, 3, 14)]),
    ("Revisado el 3 abr. 2025", [date(2025, 4, 3)]),
    ("el 1 de SEPTIEMBRE de 2025", [date(2025, 9, 1)]),
    ("el 30 de febrero de 2025", []),
    ("el 3 de mayor de 2025", []),
])
def test_spanish_dates(text, found):
    assert [d.readings[0] for d in dates_in(text, ES)] == found
    assert dates_in(text) == []  # an English article has no Spanish dates


def test_a_spanish_day_first_date_is_still_ambiguous():
    (written,) = dates_in("Actualizado 03/04/2025", ES)
    assert not written.clear


def test_spanish_bylines_are_kept_in_spanish():
    kept = keep_bylines(["Por Dra. Carmen Ruiz · Actualizado 03/04/2025",
                         "Revisado por el Dr. Luis Ortega el 1 de marzo de 2025."], "01-introduccion.txt", ES)
    assert kept.chapter_notes == ["Firma: Por Dra. Carmen Ruiz · Actualizado 03/04/2025",
                                  "Firma: Revisado por el Dr. Luis Ortega el 1 de marzo de 2025."]
    assert kept.source_reviewed == "2025-03-01"
    assert kept.notes == [
        "Las 2 líneas de firma quedan como notas para el editor al principio de 01-introduccion.txt.",
        'guide.toml tiene source_reviewed = "2025-03-01", de la firma '
        '"Revisado por el Dr. Luis Ortega el 1 de marzo de 2025.".',
        'La fecha 03/04/2025 de la firma "Por Dra. Carmen Ruiz · Actualizado 03/04/2025" puede ser '
        "el 4 de marzo de 2025 o el 3 de abril de 2025, así que no está en guide.toml. Cuando sepa cuál es, "
        'agregue allí source_reviewed = "2025-03-04" o "2025-04-03".',
    ]


def test_a_day_is_said_in_the_guide_language():
    assert said_date(date(2025, 3, 4)) == "March 4, 2025"
    assert said_date(date(2025, 3, 4), "es-MX") == "4 de marzo de 2025"
