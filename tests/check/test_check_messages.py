"""``guide check`` speaks the guide's language: every line of its report comes from the ``check``
catalogue, in Spanish for a Spanish guide and in English for English and for a language the tool
cannot speak yet."""

from __future__ import annotations

import re
import tomllib

from click.testing import CliRunner

from guide import i18n
from guide.cli.app import cli

from ..helpers import FakeEngine, write_guide_folder

ES_TOML = 'title = "G"\nsource = "none"\nlanguage = "es-US"\nvoice = "es-419"\n'
LONG = ("Un día usted puede tener un poco de dolor en la parte baja del vientre y también un "
        "poco de sangre, y entonces debe llamar a su médico de inmediato, sin esperar.")
SCRIPT = ("# Title: Señales\n\nUsted puede sentir dolor. Hable con su médico. Vea la tabla de "
          f"abajo.\nVuelva el 03/04/2025 a las 12 p. m.\n\n{LONG}\n")
RATE = ("Una persona todavía debe evaluar: el material presenta la información en un orden "
        "lógico; el material usa señales visuales para destacar los puntos clave; el texto en la "
        "pantalla se lee con facilidad; el material usa ilustraciones y fotografías claras y sin "
        "detalles de más; el material usa tablas sencillas, con encabezados de filas y columnas "
        "cortos y claros; el material explica cómo usar los gráficos, las tablas o los diagramas "
        "para actuar.")
WHERE = 'en la oración "Vuelva el 03/04/2025 a las 12 p. m."'
EXPECTED = [
    "Borrador: todavía no está aprobada para usarla con pacientes.",
    "Capítulo 1, Señales: 53 palabras, INFLESZ 89.4 (muy fácil), Fernández-Huerta 93.1, "
    "aproximadamente 36 segundos.",
    "Autoevaluación PEMAT-A/V: comprensibilidad 80 %, accionabilidad 67 %. No se cumple: el "
    "propósito queda claro al principio; las acciones se dividen en pasos.",
    RATE,
    "Problemas:",
    "Nota: las palabras de la guía no se buscaron en un diccionario, porque el único que hay es "
    "en inglés; las palabras en mayúsculas y las palabras sin vocal sí se escucharon con la voz "
    "es-419.",
    "Nota: la guía no tiene el archivo del artículo de origen, así que no se revisó la cobertura "
    "ni si el texto se aparta del artículo.",
    'Error, capítulo 1: la oración que empieza con "Un día usted puede tener un poco de" tiene '
    "32 palabras; el límite es 25.",
    'Advertencia, capítulo 1: las palabras "Vea la tabla de abajo" solo sirven en papel o en una '
    'pantalla, en la oración "Vea la tabla de abajo."; diga "la lista que sigue" en su lugar.',
    'Advertencia, capítulo 1: la fecha "03/04/2025" puede ser el 3 de abril o el 4 de marzo, '
    f'{WHERE}; escriba el mes con letras, como "3 de abril de 2025" o "4 de marzo de 2025", '
    "según lo que quiera decir.",
    'Advertencia, capítulo 1: la hora "12 p. m." a menudo se confunde con la medianoche, '
    f'{WHERE}; escriba "mediodía" en su lugar.',
    "1 error, 3 advertencias, 2 notas.",
]


def run_check(*args: str):
    return CliRunner().invoke(cli, ["check", *args], obj={"engine": FakeEngine()})


def english_fragments() -> list[str]:
    """The fixed words of each English ``check`` message that its Spanish one does not share."""
    english = tomllib.loads((i18n.FOLDER / "check.en.toml").read_text(encoding="utf-8"))
    spanish = i18n.catalogue("check", "es")
    return [part for key, text in english.items() if text != spanish[key]
            for part in re.split(r"\{\w+\}", text) if len(part.strip()) >= 12]


def test_a_small_spanish_guide_is_reported_in_spanish_line_by_line(tmp_path):
    folder = write_guide_folder(tmp_path / "scripts" / "g", {"guide.toml": ES_TOML,
                                                             "01-a.txt": SCRIPT})
    result = run_check(str(folder), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == EXPECTED
    assert result.stderr.splitlines() == [
        "La guía no está generada, así que las duraciones son cálculos a 150 palabras por minuto."]


def test_the_shipped_spanish_guide_has_no_english_line(tmp_path):
    result = run_check("insuficiencia-cervical", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[-1] == "0 errores, 1 advertencia, 1 nota."
    assert lines[1].startswith("Capítulo 1, Acerca de esta guía: ")
    assert "Problemas:" in lines
    fragments = english_fragments()
    assert len(fragments) > 50
    assert [(line, f) for line in lines for f in fragments if f in line] == []


def test_a_language_the_tool_cannot_speak_is_reported_in_english(tmp_path):
    folder = write_guide_folder(tmp_path / "scripts" / "g", {
        "guide.toml": 'title = "G"\nsource = "none"\nlanguage = "fr-FR"\n',
        "01-a.txt": "# Title: A\n\nLe repos est bon.\n"})
    lines = run_check(str(folder), "--out", str(tmp_path / "out")).stdout.splitlines()
    assert lines[0] == "Draft: not yet approved for patient use."
    assert lines[1].startswith("Chapter 1, A: 4 words, grade ")
    assert lines[-1] == "0 errors, 0 warnings, 3 notes."
