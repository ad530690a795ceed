"""What only works on paper, in Spanish: the words and numbers :mod:`guide.check.ear` warns about
in a Spanish guide.

``visual``
    words that point at a page or a screen ("vea la tabla", "la imagen de
    abajo", "como se muestra", "haga clic", "toque aquí", "en esta página",
    "la columna de la izquierda", "en negrita"), with a spoken alternative.
    "Abajo" and "arriba" are warned about only where they point at the page
    ("vea abajo", "descrito arriba", "la lista de abajo"): "la parte de abajo
    de su matriz" and "dos partes arriba" are places. "Vea" and "mire" are
    warned about only before something on the page ("vea la figura 2"): "vea
    a un especialista" is a visit.
``date``
    a numeric date whose day and month could be swapped
    (:func:`guide.speech.es.ambiguous_dates`): Spanish writes the day first,
    a reader used to US dates the month ("03/04/2025": 3 de abril or 4 de
    marzo?); and "12 a. m." or "12 p. m.".
``number``
    a number that regions read differently (:func:`guide.speech.es.ambiguous_numbers`):
    "2.400" is 2400 in Spain and 2.4 in the US and Mexico.
"""

from __future__ import annotations

import re

from guide.check.messages import check_message
from guide.speech.common import LazyPattern

MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre")

_DET = r"(?:el|la|los|las|este|esta|estos|estas|ese|esa)"
_TABLE = r"(?:tablas?|cuadros?|recuadros?)"
_LIST = r"(?:tablas?|cuadros?|recuadros?|listas?)"
_PICTURE = (r"(?:imagen|imágenes|fotos?|fotografías?|figuras?|ilustración|ilustraciones|"
            r"dibujos?|diagramas?|gráficas?|gráficos?|mapas?|infografías?|videos?|vídeos?)")
_MODIFIERS = r"(?:[\w-]+ ){0,2}?"
_POINTING = (r"(?:vea|ver|lea|leer|consulte|descrit[oa]s?|mencionad[oa]s?|indicad[oa]s?|"
             r"explicad[oa]s?|señalad[oa]s?|enumerad[oa]s?|listad[oa]s?|detallad[oa]s?|"
             r"que (?:aparecen?|se muestran?|están?)|como se (?:indica|explica|describe|dijo)|"
             r"se (?:muestran?|explican?|describen?|indican?|enumeran?|listan?))")
_SHOWS = r"(?:se (?:muestran?|explican?|indican?|describen?|enumeran?)|encontrará|verá|hay)"

_FOLLOWS = "advice_follows"
_HEARD = "advice_heard"
_IN_WORDS = "advice_in_words"
_CHOOSE = "advice_choose"

VISUAL_RULES: tuple[tuple[str, str], ...] = (
    (rf"\b{_DET} {_MODIFIERS}{_LIST} (?:de )?(?:más )?abajo\b",
     "advice_list_follows"),
    (rf"\b{_DET} {_MODIFIERS}{_LIST} (?:de )?(?:más )?arriba\b",
     "advice_list_heard"),
    (rf"\b(?:vea|mire|consulte|ver|observe) {_DET} (?:siguiente )?{_TABLE}\b|"
     rf"\b(?:esta|estas|la siguiente|las siguientes) {_TABLE}\b|\b(?:la )?{_TABLE} siguientes?\b|"
     r"\b(?:tabla|cuadro) [0-9]+\b", "advice_list_follows"),
    (rf"\b{_DET} {_MODIFIERS}{_PICTURE} (?:de )?(?:abajo|arriba|aquí|a la (?:izquierda|derecha))\b|"
     rf"\b(?:vea|mire|observe|ver) (?:{_DET} )?(?:siguiente )?{_PICTURE}(?: [0-9]+)?\b|"
     rf"\b(?:en|de) (?:esta|este|estas|estos|la siguiente|el siguiente) {_PICTURE}\b|"
     r"\bcomo se (?:muestra|muestran|ilustra|ilustran)\b|\bcomo se ve (?:abajo|arriba|aquí)\b|"
     r"\bfigura [0-9]+\b", _IN_WORDS),
    (r"\b(?:haga clic|pulse|toque|siga|use|abra|visite) (?:en )?(?:el|este|un|los|estos) "
     r"(?:enlaces?|vínculos?|links?)\b|\b(?:el |este )?(?:enlaces?|vínculos?) (?:de )?"
     r"(?:abajo|arriba|aquí)\b", "advice_read_address"),
    (rf"\b{_POINTING} (?:más )?abajo\b|\babajo {_SHOWS}\b", _FOLLOWS),
    (rf"\b{_POINTING} (?:más )?arriba\b|\barriba {_SHOWS}\b|\blo (?:de )?arriba\b", _HEARD),
    (r"\b(?:haga|hacer|hace|dé|dar|pulse|presione) (?:doble )?clic\b|\bclic (?:aquí|en)\b|"
     r"\bcliquee\b|\btoque (?:aquí|en|el botón|la pantalla|el ícono|el icono)\b|"
     r"\bpulse (?:aquí|en|el botón)\b", _CHOOSE),
    (r"\b(?:desplácese|desplace|deslícese) (?:hacia )?(?:abajo|arriba)?|\bdeslice el dedo\b",
     "advice_keep_listening"),
    (r"\b(?:en|al (?:principio|final) de) (?:esta|la) (?:página(?: web)?|pantalla)\b|"
     r"\ben (?:este|el) sitio(?: web)?\b|\ben su pantalla\b|"
     r"\b(?:vea|vaya a|consulte) (?:la )?páginas? [0-9]+\b|\b(?:esta|la siguiente|la anterior) página\b",
     "advice_this_guide"),
    (r"\b(?:la )?columna (?:de la )?(?:izquierda|derecha)\b|\bbarra lateral\b|"
     r"\bla (?:primera|segunda|tercera|última|siguiente) columna\b",
     "advice_name_column"),
    (r"\b(?:en negrita|en cursiva|subrayad[oa]s?|resaltad[oa]s? en (?:amarillo|rojo|azul|verde))\b",
     "advice_important"),
)
"""(pattern, advice): Spanish words that point at a page or a screen, and the ``check``
catalogue's key of what to say instead."""

_VISUAL = [(LazyPattern(pattern, re.I), advice) for pattern, advice in VISUAL_RULES]


def visual_rules() -> list[tuple[LazyPattern, str]]:
    """The Spanish rules, compiled when first used, each with its advice in Spanish."""
    return [(pattern, check_message("es", key)) for pattern, key in _VISUAL]


def date_message(date: str, where: str) -> str:
    """``la fecha "03/04/2025" puede ser el 3 de abril o el 4 de marzo, en ...; escriba ...``"""
    first, second, year = re.split(r"[/.-]", date)
    one = f"{int(first)} de {MONTHS[int(second) - 1]}"
    other = f"{int(second)} de {MONTHS[int(first) - 1]}"
    full = len(year) == 4
    like = check_message("es", "date_like_year" if full else "date_like", one=one, other=other,
                         year=year)
    return check_message("es", "date_ambiguous", date=date, one=one, other=other, where=where,
                         like=like)


TWELVE_WORDS = {"noon": "mediodía", "midnight": "medianoche"}
"The Spanish word to write for 12 p. m. and 12 a. m."


def number_message(number: str, language: str, where: str) -> str:
    """``el número "2.400" es 2.4 en la región de esta guía (es-US), pero 2400 en ...``"""
    from guide.speech.es.numbers import read_number
    from guide.speech.es.rules import decimal_mark

    mark = decimal_mark(language)
    other = "," if mark == "." else "."
    ours, theirs = read_number(number, mark), read_number(number, other)
    return check_message("es", "number_ambiguous", number=number, ours=_said(ours, mark),
                         language=language, theirs=_said(theirs, other), mark=_name(other),
                         where=where, thousands=_thousands(number),
                         decimal=_decimal(number, mark))


def _said(read: tuple[str, str | None] | None, mark: str) -> str:
    if read is None:
        return check_message("es", "not_a_number")
    whole, part = read
    part = (part or "").rstrip("0")
    return f"{whole}{mark}{part}" if part else whole


def _name(mark: str) -> str:
    return check_message("es", "mark_point" if mark == "." else "mark_comma")


def _thousands(number: str) -> str:
    return re.sub(r"\D", "", number)


def _decimal(number: str, mark: str) -> str:
    whole, _, part = re.split(r"([.,])", number, maxsplit=1)
    part = part.rstrip("0")
    return f"{whole}{mark}{part}" if part else whole
