"""The Spanish words of the PEMAT-A/V self-check (:mod:`guide.check.pemat`).

The items are judged as in English, with Spanish words:

``everyday_words``
    every chapter's INFLESZ is at or above the guide's ``target_inflesz``.
``active_voice``
    a passive is a form of "ser" ("es", "son", "fue", "fueron", "sido" ...),
    then perhaps "no", "también" or "muy", then a past participle (-ado,
    -ada, -ido, -ida and their plurals, or one of :data:`IRREGULAR_PARTICIPLES`):
    "fue descubierto", "son hechas". The reflexive passive ("se descubre")
    reads as active to a listener and is not counted.
``action``
    a sentence starts with a verb of :data:`ACTION_VERBS`, the polite
    command ("Pregunte ...", "Por favor, hable ..."), or says "usted puede",
    "debe", "tiene que", "tal vez quiera", "hable con".
``addresses_listener``
    "usted", "su", "sus" or "le" is in most chapters.
``summary``, ``informative_titles``, ``steps``
    "Puntos clave", "Resumen"; a bare "Parte 1" or "Capítulo 3" is a label;
    "Paso 1".
"""

from __future__ import annotations

import re

from guide.speech.common import LazyPattern

BE = frozenset("es son fue fueron era eran será serán sido ser sea sean sería serían".split())
"The forms of 'ser' that make a passive."
BETWEEN = frozenset("no también muy ya siempre nunca a veces solo sólo casi".split())
"Words that may stand between 'ser' and its participle."
IRREGULAR_PARTICIPLES = frozenset(
    "hecho hecha hechos hechas dicho dicha dichos dichas escrito escrita escritos escritas "
    "puesto puesta puestos puestas visto vista vistos vistas abierto abierta abiertos abiertas "
    "cubierto cubierta cubiertos cubiertas roto rota rotos rotas vuelto vuelta vueltos vueltas "
    "descubierto descubierta descubiertos descubiertas".split())
"Past participles that do not end in -ado or -ido."
NOT_PARTICIPLES = frozenset(
    "adecuado adecuada apropiado apropiada cansado cansada complicado complicada delicado "
    "delicada privado privada pesado pesada sagrado sagrada querido querida lado lados "
    "estado estados cuidado cuidados pasado partido sentido sonido ruido vida medida".split())
"Words ending like a participle that, after 'ser', describe rather than make a passive."
ACTION_VERBS = frozenset("""
acuda anote asegúrese avise beba busque coma consulte cuéntele cuídese descanse deje dígale
elija escriba escuche espere evite haga hágalo hable intente lea llame lleve mire pida
pregunte pregúntele presione recuerde revise siga tome trate use vaya vea venga vuelva
""".split())
"Polite commands that, first in a sentence, make it a request to the listener."
LEADING = frozenset("por favor entonces así que luego también si y ahora primero eso".split())
"Words that may come before the command: 'Por favor, hable ...', 'Por eso, vea ...'."
YOU_WORDS = frozenset({"usted", "ustedes", "su", "sus", "le"})
"Words that speak to the listener directly."
YOU_ACTION = LazyPattern(r"\b(usted (puede|debe|podría|necesita|tiene que)|debe|tiene que|"
                         r"tal vez quiera|quizás quiera|hable con|hablar con)\b", re.IGNORECASE)
STEP = LazyPattern(r"\bpaso (\d+|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)\b",
                   re.IGNORECASE)
SUMMARY_TITLE = LazyPattern(r"\b(puntos clave|resumen|en resumen|en breve|puntos principales|"
                            r"lo más importante|lo que debe recordar|para recordar)\b",
                            re.IGNORECASE)
LABEL_TITLE = LazyPattern(r"(parte|capítulo|sección|pista|episodio|introducción)"
                          r"(\s+(\d+|[ivxlc]+|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|"
                          r"diez))?", re.IGNORECASE)
COMMON = frozenset("""
a al con cómo cuándo de del después el en es guía la las lo los o para por qué se sobre su sus
un una usted y antes atención vivir saber aprender
""".split())
"Title words that do not name a topic."


def is_participle(word: str) -> bool:
    """Whether a Spanish word is a past participle: 'descubierto', 'llamada', 'hechos'."""
    if word in IRREGULAR_PARTICIPLES:
        return True
    return word not in NOT_PARTICIPLES and len(word) > 4 and word.endswith(
        ("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas"))


def is_passive(words: list[str]) -> bool:
    """Whether a sentence, as its lower-case words, has a passive with 'ser' (see above)."""
    for i, word in enumerate(words):
        if word not in BE:
            continue
        for after in words[i + 1:i + 4]:
            if after in BETWEEN:
                continue
            if is_participle(after):
                return True
            break
    return False
