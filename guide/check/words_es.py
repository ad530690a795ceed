"""Spanish words for the drift check: function words left out, and a rough stem.

The drift check (:mod:`guide.check.words`) lists the content words of a
chapter that the source article never uses. For a Spanish guide made from a
Spanish article it leaves out the words of :data:`STOP_WORDS` and
:data:`FRAMING_WORDS`, and compares stems made by :func:`stem`: accents
folded, plurals and the gender ending gone, and the commonest verb and
adverb endings cut, enough to match "médicos" with "médica" and "dilata"
with "dilatar".
"""

from __future__ import annotations

import unicodedata

STOP_WORDS = frozenset("""
a al algo algún alguna algunas alguno algunos ante antes aquel aquella aquí así aún bien cada
casi como cómo con contra cual cuál cuales cuando cuándo de del desde donde dónde durante e el
él ella ellas ello ellos en entre era eran es esa esas ese eso esos esta está están estar estas
este esto estos fue fueron ha habían hace hacen hacer han hasta hay la las le les lo los más me
mi mis mismo mucho muchos muy nada ni no nos nosotros o otra otras otro otros para pero poco
por porque puede pueden que qué se sea ser si sí sido sin sobre son su sus también tan tanto te
tiene tienen todo todos tu tú un una unas uno unos usted ustedes va van y ya yo
""".split())
"Function words and the commonest verbs, left out of the drift list."

FRAMING_WORDS = frozenset("""
artículo audio capítulo capítulos clave escuchar fuente fuentes guía introducción palabra
palabras parte partes paso pasos pregunta preguntas presione punto puntos título oír
""".split())
"Words of a guide's own framing ('El capítulo 2 da los puntos clave'), left out of the drift list."

_ENDINGS = ("amente", "mente", "ándose", "iéndose", "ando", "iendo", "ado", "ada", "ados",
            "adas", "ido", "ida", "idos", "idas", "ción", "ciones", "ar", "er", "ir")
"Endings cut from a word (longest first once sorted), when at least four letters stay."


def fold(word: str) -> str:
    """The word in lower case, its accents gone (the ñ kept): 'Médicos' → 'medicos'."""
    word = word.casefold().replace("ñ", "\0")
    plain = "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")
    return plain.replace("\0", "ñ")


def stem(word: str) -> str:
    """A rough stem: 'médicos', 'médica' → 'medic'; 'dilata', 'dilatar' → 'dilat'."""
    w = fold(word)
    for ending in sorted((fold(e) for e in _ENDINGS), key=len, reverse=True):
        if w.endswith(ending) and len(w) - len(ending) >= 4:
            return w[: -len(ending)]
    if w.endswith("es") and len(w) > 5 and w[-3] not in "aeiou":
        w = w[:-2]
    elif w.endswith("s") and len(w) > 4:
        w = w[:-1]
    if len(w) > 4 and w[-1] in "aeo":
        w = w[:-1]
    return w
