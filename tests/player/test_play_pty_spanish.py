"""The real ``guide play`` and mpv speak Spanish to a Spanish guide, driven through a pseudo-terminal.

The guide's language (``es-US`` in its manifest) decides every line the player
prints: the first line, chapters, answers to keys, the help and the last line.
This checks the player's lines, not the audio.
"""

from __future__ import annotations

import io
import re

import pytest

from guide.durations import spoken_duration
from guide.i18n import message
from guide.player.lines import help_text

from ..i18n_helpers import english_in
from .test_play_pty import RIGHT, Listener

SEGUNDOS = r"((?:(?:un minuto|\d+ minutos) y )?(?:un segundo|\d+ segundos)|un minuto|\d+ minutos)"
"How the player says a time in Spanish."


def lugar(number: int) -> str:
    """How the player says a place in chapter ``number``; the group ``t`` is the time, if any."""
    return rf"el (?:inicio del capítulo {number}|capítulo {number}, a (?P<t>{SEGUNDOS}) del inicio)"


def segundos(said: str | None) -> int:
    """``"un minuto y 5 segundos"`` as 65; ``None`` (the start of a chapter) as 0."""
    if said is None:
        return 0
    minutes = re.search(r"(\d+|un) minutos?", said)
    secs = re.search(r"(\d+|un) segundos?", said)
    value = lambda m: 0 if m is None else 1 if m.group(1) == "un" else int(m.group(1))  # noqa: E731
    return value(minutes) * 60 + value(secs)


@pytest.fixture
def escuchar(spanish_guide, tmp_path):
    started = []

    def start(*args):
        started.append(Listener(spanish_guide, tmp_path, *args))
        started[-1].child.logfile_read = io.StringIO()  # everything it prints, read as it comes
        return started[-1]

    yield start
    for listener in started:
        if listener.child.isalive():
            listener.child.terminate(force=True)


def capitulo(built, number: int) -> str:
    ch = built.manifest.chapters[number - 1]
    return re.escape(f"Capítulo {number} de 4: {ch.title}. {spoken_duration(ch.duration_s, 'es-US')}.")


def test_the_player_speaks_spanish_to_a_spanish_guide(escuchar, spanish_guide):
    p = escuchar("--no-transcript")
    m = spanish_guide.manifest
    length = spoken_duration(m.duration_s, "es-US")
    assert "segundos" in length and not re.search(r"\b(min|s)\b", length)
    p.line(re.escape(f"Guía de prueba. 4 capítulos, {length}. "
                     "Presione la h para pedir ayuda, o la q para parar."))
    p.line(capitulo(spanish_guide, 1))
    paused = segundos(p.press(" ", rf"Pausa en {lugar(1)}\.").group("t"))
    moved = p.press(RIGHT, rf"Avanzó hasta {lugar(1)}\. En pausa\. "
                           r"Presione la barra espaciadora para escuchar\.")
    assert abs(segundos(moved.group("t")) - (paused + 10)) <= 1
    p.press("t", rf"En pausa\. Capítulo 1 de 4: Bienvenida\. Tiempo escuchado: {SEGUNDOS}\. [^\n]*")
    p.press("n", capitulo(spanish_guide, 2) + r" En pausa\. Presione la barra espaciadora para escuchar\.")
    p.press("9", r"No hay capítulo 9\. Esta guía tiene los capítulos del 1 al 4\.")
    p.press("]", r"Velocidad: 110 por ciento\.")
    p.press("s", r"Temporizador: pausa al final de este capítulo\.")
    p.press("x", r"La tecla x no hace nada aquí\. Presione la h para ver la lista de teclas\.")
    p.child.send("l")
    for ch in m.chapters:
        here = ", usted está aquí" if ch.number == 2 else ""
        p.line(re.escape(f"{ch.number}. {ch.title} ({spoken_duration(ch.duration_s, 'es-US')}){here}"))
    p.child.send("h")
    for line in help_text("es-US"):
        p.line(re.escape(line))
    p.press(" ", r"Sigue en el inicio del capítulo 2\.")
    p.press("q", rf"Se detuvo en {lugar(2)}\. La próxima vez, sigue desde ahí\.")
    assert p.close() == 0
    printed = p.child.logfile_read.getvalue()
    assert printed.count("\n") >= 30  # the help, the list, and every answer above
    assert english_in(printed, "player", "durations") == []


def test_resuming_and_the_end_are_spanish(escuchar, spanish_guide):
    p = escuchar("--no-transcript", "3")
    p.line(r"Guía de prueba\. [^\n]*")
    p.line(capitulo(spanish_guide, 3))
    p.press("q", rf"Se detuvo en {lugar(3)}\. [^\n]*")
    assert p.close() == 0

    again = escuchar("--no-transcript", "--speed", "300")
    again.line(r"Guía de prueba\. [^\n]*")
    again.line(r"Sigue (desde el principio del capítulo 3|en el capítulo 3, a [^\n]* del inicio)\. "
               + re.escape(message("es", "player.resuming_keys")))
    again.line(capitulo(spanish_guide, 4))
    again.line(re.escape(message("es", "player.end")))
    assert again.close() == 0
