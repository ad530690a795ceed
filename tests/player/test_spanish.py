"""The player speaks the guide's language: every line of a Spanish guide in Spanish, with a fake backend."""

from __future__ import annotations

from dataclasses import replace

import pytest

from guide.durations import spoken_day, spoken_duration
from guide.i18n import message
from guide.player import lines
from guide.player.session import ACTIONS, Session
from guide.player.timeline import Timeline

from ..i18n_helpers import english_in
from .fakes import FakeBackend, FakeClock, made_up_manifest


def spanish_manifest():
    """The made-up guide, as a Spanish one."""
    m = made_up_manifest()
    titles = ["Bienvenida", "Señales", "Cómo se descubre"]
    chapters = [replace(ch, title=title) for ch, title in zip(m.chapters, titles, strict=True)]
    return replace(m, title="Guía inventada", language="es-US", voice="es-419", chapters=chapters)


class Oyente:
    """A session on the Spanish made-up guide, with every line it says recorded."""

    def __init__(self, start: float = 0.0):
        self.clock = FakeClock()
        self.timeline = Timeline(spanish_manifest())
        self.backend = FakeBackend(self.clock, start)
        self.said: list[str] = []
        self.session = Session(self.timeline, self.backend, self.said.append, lambda place: None,
                               clock=self.clock)

    def press(self, *keys: str) -> list[str]:
        before = len(self.said)
        for key in keys:
            self.session.press(key)
        return self.said[before:]


@pytest.mark.parametrize("seconds, english, spanish", [
    (0, "0 s", "0 segundos"),
    (1, "1 s", "un segundo"),
    (12.4, "12 s", "12 segundos"),
    (60, "1 min", "un minuto"),
    (65, "1 min 5 s", "un minuto y 5 segundos"),
    (150, "2 min 30 s", "2 minutos y 30 segundos"),
    (1246, "20 min 46 s", "20 minutos y 46 segundos"),
    (3600, "1 h", "una hora"),
    (3660, "1 h 1 min", "una hora y un minuto"),
    (7500, "2 h 5 min", "2 horas y 5 minutos"),
])
def test_times_are_said_in_the_guides_language(seconds, english, spanish):
    assert spoken_duration(seconds) == spoken_duration(seconds, "en-US") == english
    assert spoken_duration(seconds, "es-US") == spoken_duration(seconds, "es-419") == spanish


def test_days_are_said_in_the_guides_language():
    from datetime import date

    assert spoken_day(date(2026, 12, 6)) == "6 December 2026"
    assert spoken_day(date(2026, 12, 6), "es-US") == "6 de diciembre de 2026"
    assert spoken_day(None, "es-US") == "desconocida"


def test_the_first_lines_are_spanish():
    p = Oyente()
    p.session.begin(p.timeline.spot(0))
    assert p.said == ["Guía inventada. 3 capítulos, un minuto y 15 segundos. "
                      "Presione la h para pedir ayuda, o la q para parar.",
                      "Capítulo 1 de 3: Bienvenida. 20 segundos."]
    again = Oyente(28.4)
    again.session.begin(again.timeline.spot(28.4), "resume")
    assert again.said[1] == ("Sigue en el capítulo 2, a 8 segundos del inicio. "
                             "Presione el 1 para empezar desde el principio.")


def test_every_key_answers_in_spanish_with_no_english():
    p = Oyente(5.0)
    p.session.begin(p.timeline.spot(5.0))
    assert p.press("space") == ["Pausa en el capítulo 1, a 5 segundos del inicio."]
    assert p.press("right") == ["Avanzó hasta el capítulo 1, a 15 segundos del inicio. En pausa. "
                                "Presione la barra espaciadora para escuchar."]
    assert p.press("right")[0].startswith("Avanzó hasta el capítulo 2, a 5 segundos del inicio. "
                                          "Título: Señales.")
    assert p.press("b", "b") == [
        "Capítulo 1 de 3: Bienvenida. 20 segundos. En pausa. Presione la barra espaciadora para escuchar.",
        "Este es el primer capítulo. Presione la R mayúscula para empezarlo otra vez."]
    assert p.press("9") == ["No hay capítulo 9. Esta guía tiene los capítulos del 1 al 3."]
    assert p.press("]") == ["Velocidad: 110 por ciento."]
    assert p.press("backspace") == ["Velocidad: 100 por ciento, normal."]
    assert p.press("x") == ["La tecla x no hace nada aquí. Presione la h para ver la lista de teclas."]
    assert p.press("up")[0].startswith("Flecha arriba no hace nada aquí.")
    assert p.press("s") == ["Temporizador: pausa al final de este capítulo."]
    assert p.press("t") == ["En pausa. Capítulo 1 de 3: Bienvenida. Tiempo escuchado: 0 segundos. Tiempo que "
                            "falta: 20 segundos del capítulo y un minuto y 15 segundos de la guía."]
    assert p.press("l")[0] == "1. Bienvenida (20 segundos), usted está aquí"
    said = [*p.said]
    for key in sorted(set(ACTIONS) - {"q", "Q", "ctrl-c"}) + ["3", "n", "ctrl-x", "home", "unknown", "q"]:
        said += p.press(key)
    assert said[-1] == "Se detuvo en el inicio del capítulo 3. La próxima vez, sigue desde ahí."
    assert english_in("\n".join(said), "player", "durations") == []


def test_the_help_is_spanish_and_says_how_to_reach_chapter_10():
    p = Oyente()
    said = p.press("h")
    assert said == lines.help_text("es-US")
    assert said[0] == "Estas son las teclas. Presione cada una sola, sin Enter:"
    assert len(said) == len(lines.HELP)
    assert english_in("\n".join(said), "player") == []
    m = spanish_manifest()
    m.chapters = [replace(m.chapters[0], number=n, title=f"Parte {n}") for n in range(1, 12)]
    assert message("es", "player.help_numbers_many") in lines.help_lines(Timeline(m))


def test_an_english_guide_still_says_english():
    assert lines.help_text("en-US") == lines.HELP
    assert lines.key_name("up") == "Up arrow" and lines.key_name("q", "es-US") == "La tecla q"
