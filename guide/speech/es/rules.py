"""The Spanish tables that :mod:`guide.speech.es.stages` and :mod:`guide.speech.es.sentences` read.

Judgement calls, in one place:

* **Decimal mark by region.**  es-US, es-419, Mexico, Central America
  (but Costa Rica), Panama, the Dominican Republic and Puerto Rico write
  "1.5" and "2,400"; Spain and most of South America write "1,5" and
  "2.400" (:data:`POINT_REGIONS`, :func:`decimal_mark`).  es-419 follows
  the point, as the US clinics this guide is written for do.  Only a
  single group of exactly three digits ("2.400", "1,500") depends on the
  region; "1,5", "0,500", "1.234,5" and "1.500.000" read the same
  everywhere, and :func:`guide.speech.es.numbers.ambiguous_numbers` finds
  the others for ``guide check``.
* **Decimals are said the way the region writes them:** "1,5" is "uno
  coma cinco" where the comma is the mark, "1.5" is "uno punto cinco"
  where the point is.  The part after the mark is read as a number ("1,25"
  → "uno coma veinticinco"), with its leading zeros ("0,05" → "cero coma
  cero cinco").
* **Whole numbers stay as digits** (espeak-ng reads them in Spanish), except
  before a noun whose gender changes them ("1 semana" → "una semana", "21
  kg" → "veintiún kilogramos", "200 mujeres" → "doscientas mujeres"), and
  from 10 000 up or with thousands marks, which are words ("12 500" → "doce
  mil quinientos": espeak-ng pauses after "mil").
* **Number/number:** a fraction when the bottom is a small denominator and
  the top is smaller ("1/2" → "un medio", "3/4" → "tres cuartos"); a date
  with three parts; anything else, above all blood pressure, is "sobre":
  "140/90" → "140 sobre 90".
* **Dates are day first**, as Spanish writes them: "3/4/2025" is "3 de
  abril de 2025"; a date whose first two parts could be swapped is listed
  by :func:`guide.speech.es.dates.ambiguous_dates` for ``guide check``.
  "1 de abril" is "primero de abril" in the Americas, "uno de abril" in
  Spain.
* **Times:** "6:30 p. m." → "6 y media de la tarde"; "12 p. m." →
  "mediodía", "12 a. m." → "medianoche"; "8:00" → "8 en punto", "18:00" →
  "18 horas" (espeak-ng says "cero cero").
* **Service numbers** (911, 988, 112, 061 …) are said digit by digit when
  they are dialled ("llame al 911" → "llame al 9 1 1"); phone numbers
  digit by digit in their groups.
* **Units** are said in full, singular after exactly 1: "1 kg" → "un
  kilogramo", "mm Hg" → "milímetros de mercurio", "°C" → "grados
  centígrados".
* "¿" and "¡" are kept: espeak-ng reads the question's tune from them.
* **Letters on their own** are said by their Latin American names outside
  Spain: the initial "W." is "doble u", not Spain's "uve doble"
  (:data:`LETTERS_IN_THE_AMERICAS`); an initial's full stop before a name is
  dropped, as espeak-ng would end the sentence there.
"""

from __future__ import annotations

from dataclasses import dataclass

from guide.speech.common import CAPITAL, NEVER, NUMBER, STARTER, Abbreviation
from guide.speech.es.words import FEMININE, MASCULINE

__all__ = ["CAPITAL", "NEVER", "NUMBER", "STARTER", "Abbreviation"]

# --------------------------------------------------------------------- regions

POINT_REGIONS = frozenset("US 419 MX PR GT HN SV NI PA DO".split())
"Regions (the part of the language tag after 'es-') that write 1.5 and 2,400."

DEFAULT_REGION = "es-419"
"The region :func:`guide.speech.es.normalise_es` speaks for when it is not told."


def region_of(region: str | None) -> str | None:
    """The region subtag, upper case: 'es-MX' → 'MX', 'mx' → 'MX', 'es' or ``None`` → ``None``.

    Takes a whole language tag ('es-419') or its region alone ('419'), as
    :mod:`guide.speech.languages` hands it over.
    """
    if not region:
        return None
    parts = region.replace("_", "-").split("-")
    if len(parts) == 1:
        return None if parts[0] == "es" else parts[0].upper()
    found = [p.upper() for p in parts[1:]
             if (len(p) == 2 and p.isalpha()) or (len(p) == 3 and p.isdigit())]
    return found[0] if found else None


def decimal_mark(region: str | None) -> str:
    """The decimal mark of a region: '.' for 'es-US' or 'MX', ',' for 'es-ES', 'AR' or 'es' alone.

    Spanish with no region ('es') follows Spain, whose voice it is.
    """
    return "." if region_of(region) in POINT_REGIONS else ","


def in_spain(region: str | None) -> bool:
    """Whether a region is Spain's ('es-ES', 'ES', or 'es' with no region)."""
    return region_of(region) in (None, "ES")


# ---------------------------------------------------------------------- units


@dataclass(frozen=True)
class Unit:
    """A unit of measure and how it is said in Spanish."""

    one: str
    "Said after exactly 1: 'miligramo'."
    many: str
    "Said after any other number, or alone: 'miligramos'."
    gender: str = MASCULINE
    "The noun's gender, which the number before it takes ('una libra')."
    alone: bool = True
    "Whether the abbreviation is expanded with no number before it."


UNITS: dict[str, Unit] = {
    "mg": Unit("miligramo", "miligramos"),
    "mcg": Unit("microgramo", "microgramos"),
    "μg": Unit("microgramo", "microgramos"),
    "g": Unit("gramo", "gramos", alone=False),
    "kg": Unit("kilogramo", "kilogramos"),
    "lb": Unit("libra", "libras", FEMININE),
    "lbs": Unit("libra", "libras", FEMININE),
    "oz": Unit("onza", "onzas", FEMININE),
    "mL": Unit("mililitro", "mililitros"),
    "ml": Unit("mililitro", "mililitros"),
    "L": Unit("litro", "litros", alone=False),
    "dL": Unit("decilitro", "decilitros"),
    "cm": Unit("centímetro", "centímetros"),
    "mm": Unit("milímetro", "milímetros", alone=False),
    "m": Unit("metro", "metros", alone=False),
    "m2": Unit("metro cuadrado", "metros cuadrados", alone=False),
    "m²": Unit("metro cuadrado", "metros cuadrados", alone=False),
    "mmol": Unit("milimol", "milimoles"),
    "UI": Unit("unidad internacional", "unidades internacionales", FEMININE),
    "kcal": Unit("kilocaloría", "kilocalorías", FEMININE),
    "lpm": Unit("latido por minuto", "latidos por minuto"),
    "mm Hg": Unit("milímetro de mercurio", "milímetros de mercurio"),
    "mmHg": Unit("milímetro de mercurio", "milímetros de mercurio"),
    "h": Unit("hora", "horas", FEMININE, alone=False),
    "hr": Unit("hora", "horas", FEMININE, alone=False),
    "hrs": Unit("hora", "horas", FEMININE, alone=False),
    "min": Unit("minuto", "minutos", alone=False),
    "seg": Unit("segundo", "segundos", alone=False),
    "sem": Unit("semana", "semanas", FEMININE, alone=False),
    "°C": Unit("grado centígrado", "grados centígrados"),
    "°F": Unit("grado Fahrenheit", "grados Fahrenheit"),
    "°": Unit("grado", "grados", alone=False),
}
"""Unit abbreviations, matched case-sensitively after a number (a final '.'
is taken with them when it does not end the sentence)."""

PER_WORDS: dict[str, str] = {
    "d": "día", "día": "día", "dia": "día", "sem": "semana", "semana": "semana",
    "h": "hora", "hr": "hora", "hora": "hora", "min": "minuto", "mes": "mes",
    "año": "año", "dosis": "dosis", "toma": "toma",
}
"Words after a unit and '/' that are said 'por …': 'mg/día', 'mL/h'."

NOUN_GENDER: dict[str, str] = {
    **{w: FEMININE for w in """semana semanas hora horas vez veces dosis pastilla pastillas
        tableta tabletas cápsula cápsulas gota gotas mujer mujeres persona personas madre
        madres cucharada cucharadas cucharadita cucharaditas taza tazas inyección inyecciones
        visita visitas consulta consultas cita citas noche noches página páginas unidad
        unidades libra libras onza onzas caloría calorías kilocaloría kilocalorías
        embarazada embarazadas niña niñas hija hijas bebida bebidas comida comidas""".split()},
    **{w: MASCULINE for w in """día días mes meses año años minuto minutos segundo segundos
        embarazo embarazos bebé bebés hijo hijos niño niños hombre hombres punto puntos
        capítulo capítulos caso casos parto partos aborto abortos trimestre trimestres paso
        pasos kilo kilos vaso vasos""".split()},
    **{u.one.split()[0]: u.gender for u in UNITS.values()},
    **{u.many.split()[0]: u.gender for u in UNITS.values()},
}
"Nouns whose gender the number before them takes: '1 semana' → 'una semana'."

# ------------------------------------------------------------- abbreviations

ABBREVIATIONS: tuple[Abbreviation, ...] = (
    Abbreviation("Dr.", "doctor", any_case=False),
    Abbreviation("Dra.", "doctora", any_case=False),
    Abbreviation("Dres.", "doctores", any_case=False),
    Abbreviation("Dras.", "doctoras", any_case=False),
    Abbreviation("Sr.", "señor", any_case=False),
    Abbreviation("Sra.", "señora", any_case=False),
    Abbreviation("Sres.", "señores", any_case=False),
    Abbreviation("Srta.", "señorita", any_case=False),
    Abbreviation("Lic.", "licenciado", any_case=False),
    Abbreviation("Lda.", "licenciada", any_case=False),
    Abbreviation("Ud.", "usted", CAPITAL, any_case=False),
    Abbreviation("Uds.", "ustedes", CAPITAL, any_case=False),
    Abbreviation("Vd.", "usted", CAPITAL, any_case=False),
    Abbreviation("Vds.", "ustedes", CAPITAL, any_case=False),
    Abbreviation("EE. UU.", "Estados Unidos", STARTER, any_case=False),
    Abbreviation("EE.UU.", "Estados Unidos", STARTER, any_case=False),
    Abbreviation("p. ej.", "por ejemplo"),
    Abbreviation("p.ej.", "por ejemplo"),
    Abbreviation("etc.", "etcétera", CAPITAL),
    Abbreviation("aprox.", "aproximadamente"),
    Abbreviation("núm.", "número", NUMBER),
    Abbreviation("n.º", "número", NUMBER),
    Abbreviation("nº", "número", NUMBER),
    Abbreviation("tel.", "teléfono"),
    Abbreviation("pág.", "página", NUMBER),
    Abbreviation("págs.", "páginas", NUMBER),
    Abbreviation("máx.", "máximo", CAPITAL),
    Abbreviation("mín.", "mínimo", CAPITAL),
    Abbreviation("vs.", "frente a"),
    Abbreviation("a. m.", "a eme", CAPITAL, any_case=False),
    Abbreviation("p. m.", "pe eme", CAPITAL, any_case=False),
)
"""Abbreviations said as words; the ``ends`` column says when a final '.'
may also end a sentence (see :class:`guide.speech.common.Abbreviation`).
"a. m." and "p. m." after an hour are said by the time rule instead."""

# ---------------------------------------------------------------- symbols

COMPARISONS: dict[str, str] = {
    "<": "menos de", ">": "más de", "≤": "como máximo", "≥": "al menos",
    "<=": "como máximo", ">=": "al menos", "~": "alrededor de", "≈": "alrededor de",
}
"Symbols before a number, said as words: '<5 %' → 'menos de 5 por ciento'."

SYMBOL_WORDS: dict[str, str] = {
    "&": " y ", "+": " más ", "±": " más o menos ", "=": " igual a ", "×": " por ",
    "@": " arroba ", "°": " grados ", "%": " por ciento ", "≈": " alrededor de ",
    "→": ", ", "•": ", ", "·": " ", "|": ", ", "—": ", ", "–": ", ", "/": " ", "\\": " ",
    "_": " ", "*": " ", "^": " ", "~": " ", "#": " ", "§": " sección ", "¶": " ",
    "†": " ", "‡": " ", "©": " ", "®": " ", "™": " ", "$": " ", "€": " ", "£": " ",
    "<": " ", ">": " ", '"': "", "[": " (", "]": ") ", "{": " (", "}": ") ",
}
"What a symbol left over after the number rules is said as (or a space)."

GREEK: dict[str, str] = {
    "α": "alfa", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "épsilon",
    "κ": "kappa", "λ": "lambda", "μ": "mi", "π": "pi", "σ": "sigma",
    "τ": "tau", "ω": "omega", "Δ": "delta", "Ω": "omega",
}
"Greek letters said by their Spanish names."

LETTERS_IN_THE_AMERICAS: dict[str, str] = {"W": "doble u"}
"""Letters said on their own (an initial, "Genevieve W. Ressel") whose name in Latin American
Spanish is not Spain's, which espeak-ng says in every region ("uve doble")."""

KEEP_PUNCTUATION = frozenset(".,;:!?'()-¿¡")
"""The punctuation the engine is given; "¿" and "¡" are kept, since
espeak-ng reads the tune of a question or exclamation from them."""

SLASH_AND_DASH_RULES: tuple[tuple[str, str], ...] = (
    (r"(?i)\by/o\b", "y o"),
    (r"(?<=[^\W\d_])/(?=[^\W\d_])", " o "),  # madre/bebé
    (r"(?<![\w-])([A-Z])-(?=[a-záéíóú])", r"\1 "),  # rayos X-... , C-section
    (r"(?<=[^\W\d_])–(?=[^\W\d_])", "-"),
    (r"(?<!\s)\s+-{1,3}\s+|-{2,}|[—–]", ", "),  # dashes between words are pauses
    (r"\.{3,}", "..."),
)
"(pattern, replacement) for slashes and dashes, run before single symbols."

# ---------------------------------------------------------------------- dates

MONTHS = ("enero febrero marzo abril mayo junio julio agosto septiembre octubre "
          "noviembre diciembre").split()
"Month names, for dates written 3/4/2025 (day first)."

# ------------------------------------------------------------ service numbers

SERVICE_NUMBERS = frozenset("911 988 112 061 024 016 091 092 080 085 060 107 131 123 211 311 411"
                            .split())
"Emergency, crisis and information numbers, said digit by digit when dialled."

DIALLING_WORDS = frozenset("""llame llamar llama llamen llamando llamó llamada marque marcar
    marca marquen marcando envíe enviar envíen texto mensaje escriba escribir contacte
    contactar comuníquese comunicarse teléfono línea número""".split())
"Words at most four words before a service number that make it one being dialled."

ARTICLES_BEFORE_SERVICE = frozenset("al el".split())
"A word just before a service number that names the service: 'al 911', 'el 112'."

PHONE_WORDS = frozenset("""llame llamar marque marcar teléfono tel fax línea número
    whatsapp celular móvil""".split())
"Words before '555-1234' or '912 345 678' that make it a phone number (same sentence)."
