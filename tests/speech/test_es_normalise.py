"""Spanish spoken forms (guide.speech.es): by region, checked against espeak-ng's phonemes.

The tables give the written form, the region, and the spoken form the
normaliser must give.  The espeak-ng tests check what is *heard*: the
phonemes of the spoken form against those of the words a person says, and,
where espeak-ng reads the written form wrong by itself, that it does, so
that each test fails if its rule is taken away.
"""

from __future__ import annotations

import subprocess
import tomllib
from pathlib import Path

import pytest

import guide.speech.es as es
from guide.speech import languages
from guide.speech.es import (
    ambiguous_dates,
    ambiguous_numbers,
    builtin_lexicon,
    decimal_mark,
    normalise_es,
    term_map,
)
from guide.speech.es import words as W
from guide.speech.es.lexicon import LEXICON_PATH
from guide.speech.lexicon import SAY_PATTERN, Lexicon

from ..phonemes import ESPEAK, bare

ROOT = Path(__file__).parent.parent.parent
NONE = Lexicon()


def phonemes_es(text: str) -> str:
    """What ``espeak-ng -x -v es-419`` says ``text`` is, on one line."""
    result = subprocess.run([ESPEAK, "-q", "-x", "-v", "es-419", text],
                            capture_output=True, text=True, check=True)
    return " ".join(result.stdout.split())


_ALLOPHONES = str.maketrans({"E": "e", "O": "o", "B": "b", "D": "d", "Q": "g", "m": "n", "N": "n"})


def heard(text: str) -> str:
    """The phonemes of ``text`` without stress, pauses, or the allophones espeak-ng picks
    differently for digits and for words (open e, b/β, d/ð, g/ɣ, m/n before a consonant)."""
    return bare(phonemes_es(text)).translate(_ALLOPHONES)


# ---------------------------------------------------------------- spoken forms

SPOKEN = [
    # decimals and thousands follow the region
    ("es-US", "Tome 1.5 mg al día.", "Tome 1 punto 5 miligramos al día."),
    ("es-ES", "Tome 1,5 mg al día.", "Tome 1 coma 5 miligramos al día."),
    ("es-US", "Tome 1,5 mg.", "Tome 1 punto 5 miligramos."),  # "1,5" is no thousand anywhere
    ("es-US", "Hay 2,400 casos.", "Hay 2400 casos."),
    ("es-US", "Hay 2.400 casos.", "Hay 2 punto 400 casos."),
    ("es-ES", "Hay 2.400 casos.", "Hay 2400 casos."),
    ("es-AR", "Hay 2,400 casos.", "Hay 2 coma 400 casos."),
    ("es-MX", "Son 3.000 mujeres.", "Son 3000 mujeres."),  # nobody writes 3 as 3.000
    ("es-US", "La tasa es 1,234.5 o 1.234,5.", "La tasa es 1234 punto 5 o 1234 punto 5."),
    ("es-ES", "Son 1.500.000 dólares.", "Son un millón quinientos mil dólares."),
    ("es-ES", "Son 12 500 personas.", "Son doce mil quinientas personas."),
    ("es-US", "Dosis de 0.05 mg.", "Dosis de 0 punto 05 miligramos."),
    # units, singular after 1, gender
    ("es-US", "El bebé pesa 1 kg.", "El bebé pesa un kilogramo."),
    ("es-US", "Pesa 21 kg y mide 50 cm.", "Pesa veintiún kilogramos y mide 50 centímetros."),
    ("es-US", "Tome 5 mL.", "Tome 5 mililitros."),
    ("es-US", "Pesa 1 lb.", "Pesa una libra."),
    ("es-US", "Menos de 100 mg/dL.", "Menos de 100 miligramos por decilitro."),
    ("es-US", "Se mide en mg/dL.", "Se mide en miligramos por decilitro."),
    ("es-US", "Dosis: 0.5 mg/kg/día.", "Dosis: 0 punto 5 miligramos por kilogramo por día."),
    ("es-US", "Tome 1 g/día.", "Tome un gramo por día."),
    ("es-US", "Tiene 38 °C.", "Tiene 38 grados centígrados."),
    ("es-US", "Tiene 100.4 °F.", "Tiene 100 punto 4 grados Fahrenheit."),
    ("es-US", "Llegó a 38°.", "Llegó a 38 grados."),
    ("es-US", "Tome 400 UI.", "Tome cuatrocientas unidades internacionales."),
    ("es-US", "Es de 140/90 mm Hg.", "Es de 140 sobre 90 milímetros de mercurio."),
    ("es-US", "Es de 120/80 mmHg.", "Es de 120 sobre 80 milímetros de mercurio."),
    # percentages, ranges, comparisons, fractions
    ("es-US", "El 15 % de las mujeres.", "El 15 por ciento de las mujeres."),
    ("es-US", "El 15% de las mujeres.", "El 15 por ciento de las mujeres."),
    ("es-US", "Entre el 10-15 % de los casos.", "Entre el 10 y 15 por ciento de los casos."),
    ("es-US", "Semanas 37-42.", "Semanas 37 a 42."),
    ("es-US", "Si mide <25 mm.", "Si mide menos de 25 milímetros."),
    ("es-US", "Baja ~50 %.", "Baja alrededor de 50 por ciento."),
    ("es-US", "1/3 de las mujeres, 3/4 de los casos.",
     "un tercio de las mujeres, tres cuartos de los casos."),
    ("es-US", "Tome ½ taza o 2 1/2 tazas.", "Tome media taza o 2 y media tazas."),
    ("es-US", "Tome ½ kg.", "Tome medio kilogramo."),
    ("es-US", "Mide 3 x 5 cm.", "Mide 3 por 5 centímetros."),
    ("es-US", "Tome 2 tabletas 2x al día.", "Tome 2 tabletas 2 veces al día."),
    ("es-US", "Tiene -5 grados.", "Tiene menos 5 grados."),
    # gender of a number before its noun
    ("es-US", "Tome 1 pastilla durante 1 semana.", "Tome una pastilla durante una semana."),
    ("es-US", "Tenía 101 años y 31 semanas.", "Tenía ciento un años y treinta y una semanas."),
    ("es-US", "Son 200 mujeres y 21 días.", "Son doscientas mujeres y veintiún días."),
    ("es-US", "Son 22 días.", "Son 22 días."),
    # dates, day first
    ("es-US", "La cita es el 3/4/2025.", "La cita es el 3 de abril de 2025."),
    ("es-US", "La cita es el 4/15/2025.", "La cita es el 15 de abril de 2025."),
    ("es-ES", "La cita es el 15.04.2025.", "La cita es el 15 de abril de 2025."),
    ("es-US", "El 2025-04-03.", "El 3 de abril de 2025."),
    ("es-US", "El 13/13/2025.", "El 13 barra 13 barra 2025."),
    ("es-US", "Nació el 1 de mayo de 2024.", "Nació el primero de mayo de 2024."),
    ("es-US", "El 1° de mayo.", "El primero de mayo."),
    ("es-ES", "Nació el 1 de mayo.", "Nació el 1 de mayo."),
    ("es-US", "Venga a las 6 de la mañana.", "Venga a las 6 de la mañana."),
    # times
    ("es-US", "Venga a las 6:30 p. m.", "Venga a las 6 y media de la tarde."),
    ("es-US", "Venga a las 6:30 p.m. Traiga sus papeles.",
     "Venga a las 6 y media de la tarde. Traiga sus papeles."),
    ("es-US", "Llega a las 9 a. m., sale a las 5 pm", "Llega a las 9 de la mañana, sale a las 5 de la tarde"),
    ("es-US", "A las 2 a. m. y a las 10:45 p. m.", "A las 2 de la madrugada y a las 10 y 45 de la noche."),
    ("es-US", "Venga a las 12 p. m.", "Venga al mediodía."),
    ("es-US", "A las 12 a. m. empieza.", "A la medianoche empieza."),
    ("es-US", "Son las 12:00 p. m.", "Son las 12 del mediodía."),
    ("es-US", "Es a las 12 p. m.", "Es al mediodía."),
    ("es-US", "Abre a las 8:00 y cierra a las 18:00 h.", "Abre a las 8 en punto y cierra a las 18 horas."),
    ("es-US", "A las 10:15 o a las 6:05.", "A las 10 y cuarto o a las 6 y 5."),
    # ordinals
    ("es-US", "Es su 1.er embarazo y su 2.ª ecografía.", "Es su primer embarazo y su segunda ecografía."),
    ("es-US", "El 3.er trimestre, la 3.ª semana, el 1.º.",
     "El tercer trimestre, la tercera semana, el primero."),
    ("es-US", "El 2do hijo y la 3ra visita.", "El segundo hijo y la tercera visita."),
    ("es-US", "La 21.ª semana.", "La vigésima primera semana."),
    # service and phone numbers
    ("es-US", "En caso de emergencia, llame al 911.", "En caso de emergencia, llame al 9 1 1."),
    ("es-US", "Llame o envíe un texto a la Línea 988.", "Llame o envíe un texto a la Línea 9 8 8."),
    ("es-ES", "Marque el 112.", "Marque el 1 1 2."),
    ("es-US", "Envíe un mensaje al 741741.", "Envíe un mensaje al 7 4 1 7 4 1."),
    ("es-US", "911 pacientes fueron atendidos.", "911 pacientes fueron atendidos."),
    ("es-US", "Llame al 1-800-311-3435.", "Llame al 1, 8 0 0, 3 1 1, 3 4 3 5."),
    ("es-US", "Llame al (555) 123-4567.", "Llame al 5 5 5, 1 2 3, 4 5 6 7."),
    ("es-US", "Teléfono: 555-0142.", "Teléfono: 5 5 5, 0 1 4 2."),
    ("es-ES", "El teléfono es 912 345 678.", "El teléfono es 9 1 2, 3 4 5, 6 7 8."),
    ("es-US", "Tome 500-1000 mg.", "Tome 500 a 1000 miligramos."),
    # abbreviations
    ("es-US", "La Dra. Pérez y el Sr. López.", "La doctora Pérez y el señor López."),
    ("es-US", "Dra. Pérez, Sra. Ruiz.", "Doctora Pérez, señora Ruiz."),
    ("es-US", "¿Tiene Ud. preguntas? Uds. pueden llamar.", "¿Tiene usted preguntas? Ustedes pueden llamar."),
    ("es-US", "En EE. UU., p. ej., o en EE.UU.", "En Estados Unidos, por ejemplo, o en Estados Unidos."),
    ("es-US", "Gasas, vendas, etc.", "Gasas, vendas, etcétera."),
    ("es-US", "Mide aprox. 3 cm, núm. 5.", "Mide aproximadamente 3 centímetros, número 5."),
    ("es-US", "El n.º 5.", "El número 5."),
    # marks, symbols, addresses
    ("es-US", "¿Cuándo? ¡Ahora mismo!", "¿Cuándo? ¡Ahora mismo!"),
    ("es-US", "¿ Qué es ?", "¿Qué es?"),
    ("es-US", "«Es importante», dijo.", "Es importante, dijo."),
    ("es-US", "La madre/el bebé y/o la familia.", "La madre o el bebé y o la familia."),
    ("es-US", "Agua & jabón.", "Agua y jabón."),
    ("es-US", "Vea www.cdc.gov/spanish/embarazo/index.html hoy.",
     "Vea C D C punto gov, barra spanish barra embarazo hoy."),
    ("es-US", "Escriba a info@clinica.org.", "Escriba a info arroba clinica punto org."),
    ("es-US", "Una β-hCG alta.", "Una beta hCG alta."),
]


@pytest.mark.parametrize(("region", "written", "spoken"), SPOKEN)
def test_spoken_form(region: str, written: str, spoken: str) -> None:
    assert normalise_es(written, region, NONE) == spoken


@pytest.mark.parametrize("region", ["es-419", "419", "MX", "es-ES", "ES", None])
def test_the_protocol_normalise_takes_a_region_subtag(region: str | None) -> None:
    mark = "punto" if region and "ES" not in region else "coma"
    assert es.normalise("Tome 1,5 mg.", NONE, region) == f"Tome 1 {mark} 5 miligramos."


@pytest.mark.parametrize(("region", "mark"), [
    ("es-US", "."), ("es-419", "."), ("es-MX", "."), ("es-PR", "."), ("es-GT", "."),
    ("es-ES", ","), ("es-AR", ","), ("es-CO", ","), ("es-CL", ","), ("es", ","), (None, ","),
])
def test_decimal_mark_by_region(region: str | None, mark: str) -> None:
    assert decimal_mark(region) == mark


def test_numbers_read_either_way_are_found() -> None:
    text = "Pesa 2.400 g, o 1,500 mg; 1,5 y 0,500 y 1.500.000 y 3.000 y 1.234,5 y 12,5 no."
    assert ambiguous_numbers(text) == ["2.400", "1,500"]


def test_dates_whose_day_and_month_could_swap_are_found() -> None:
    text = "El 03/04/2025, el 15/04/2025, el 4/4/2025 y el 2025-04-03."
    assert ambiguous_dates(text) == ["03/04/2025"]


@pytest.mark.parametrize(("n", "counting", "masculine", "feminine"), [
    (1, "uno", "un", "una"),
    (21, "veintiuno", "veintiún", "veintiuna"),
    (31, "treinta y uno", "treinta y un", "treinta y una"),
    (100, "cien", "cien", "cien"),
    (101, "ciento uno", "ciento un", "ciento una"),
    (200, "doscientos", "doscientos", "doscientas"),
    (21000, "veintiún mil", "veintiún mil", "veintiún mil"),
    (221000, "doscientos veintiún mil", "doscientos veintiún mil", "doscientas veintiún mil"),
    (1500000, "un millón quinientos mil", "un millón quinientos mil", "un millón quinientas mil"),
])
def test_number_words_take_the_gender_of_their_noun(n, counting, masculine, feminine) -> None:
    assert (W.cardinal(n), W.cardinal(n, W.MASCULINE), W.cardinal(n, W.FEMININE)) == \
        (counting, masculine, feminine)


def test_ordinals() -> None:
    said = [W.ordinal(n) for n in (1, 3, 7, 11, 13, 20, 21)]
    assert said == ["primero", "tercero", "séptimo", "undécimo", "decimotercero", "vigésimo",
                    "vigésimo primero"]
    assert (W.ordinal(3, short=True), W.ordinal(21, W.FEMININE)) == ("tercer", "vigésima primera")
    assert W.ordinal(101) is None


# ------------------------------------------------------------------ espeak-ng

HEARD = [
    # region, written, what a person says, whether espeak-ng reads the written form wrong
    ("es-US", "Tome 1.5 mg.", "Tome uno punto cinco miligramos.", True),
    ("es-ES", "Tome 1,5 mg.", "Tome uno coma cinco miligramos.", True),
    ("es-ES", "Pesa 2.400 g.", "Pesa dos mil cuatrocientos gramos.", True),
    ("es-MX", "Pesa 2,400 g.", "Pesa dos mil cuatrocientos gramos.", True),
    ("es-US", "El bebé pesa 1 kg.", "El bebé pesa un kilogramo.", True),
    ("es-US", "Pesa 21 kg.", "Pesa veintiún kilogramos.", True),
    ("es-US", "Tome 5 mL.", "Tome cinco mililitros.", True),
    ("es-US", "Mide 10 cm.", "Mide diez centímetros.", True),
    ("es-US", "Debe ser menos de 100 mg/dL.", "Debe ser menos de cien miligramos por decilitro.", True),
    ("es-US", "Su presión es de 140/90 mm Hg.",
     "Su presión es de ciento cuarenta sobre noventa milímetros de mercurio.", True),
    ("es-US", "Tiene 38 °C.", "Tiene treinta y ocho grados centígrados.", True),
    ("es-US", "Tiene 100.4 °F.", "Tiene cien punto cuatro grados Fahrenheit.", True),
    ("es-ES", "Tiene 37,5 °C.", "Tiene treinta y siete coma cinco grados centígrados.", True),
    ("es-US", "El 15 % de las mujeres.", "El quince por ciento de las mujeres.", False),
    ("es-US", "La cita es el 3/4/2025.", "La cita es el tres de abril de dos mil veinticinco.", True),
    ("es-US", "Nació el 1 de mayo.", "Nació el primero de mayo.", True),
    ("es-US", "Venga a las 6:30 p. m.", "Venga a las seis y media de la tarde.", True),
    ("es-US", "Venga a las 6 a. m.", "Venga a las seis de la mañana.", True),
    ("es-US", "Venga a las 12 p. m.", "Venga al mediodía.", True),
    ("es-US", "Abre a las 8:00.", "Abre a las ocho en punto.", True),
    ("es-US", "Es su 1.er embarazo.", "Es su primer embarazo.", True),
    ("es-US", "Es su 2.ª ecografía.", "Es su segunda ecografía.", True),
    ("es-US", "Está en el 3.er trimestre.", "Está en el tercer trimestre.", True),
    ("es-US", "Llame al 911.", "Llame al nueve uno uno.", True),
    ("es-US", "Llame a la Línea 988.", "Llame a la línea nueve ocho ocho.", True),
    ("es-ES", "Llame al 112.", "Llame al uno uno dos.", True),
    ("es-US", "Llame al 1-800-311-3435.",
     "Llame al uno, ocho cero cero, tres uno uno, tres cuatro tres cinco.", True),
    ("es-US", "Tome 1 pastilla durante 1 semana.", "Tome una pastilla durante una semana.", True),
    ("es-US", "Son 200 mujeres.", "Son doscientas mujeres.", True),
    ("es-US", "Tome ½ taza.", "Tome media taza.", True),
    ("es-US", "En EE. UU. y p. ej. aquí, etc.", "En Estados Unidos y por ejemplo aquí, etcétera.", True),
    ("es-US", "Mide aprox. 3 cm.", "Mide aproximadamente tres centímetros.", True),
    ("es-US", "¿Tiene Ud. preguntas?", "¿Tiene usted preguntas?", False),
]


@pytest.mark.parametrize(("region", "written", "meant", "wrong"), HEARD)
def test_espeak_says_the_spoken_form_as_a_person_would(region, written, meant, wrong) -> None:
    assert heard(normalise_es(written, region, NONE)) == heard(meant)
    assert (heard(written) != heard(meant)) == wrong


def test_the_opening_marks_reach_espeak() -> None:
    spoken = normalise_es("¿Le duele? ¡Llame al 911!", "es-US", NONE)
    assert spoken == "¿Le duele? ¡Llame al 9 1 1!"


# ------------------------------------------------------------------ the lexicon

TABLES = tomllib.loads(LEXICON_PATH.read_text(encoding="utf-8"))
ENGLISH = Lexicon.from_file(ROOT / "guide" / "data" / "lexicon.toml")
ENGLISH_GUIDE = " ".join(p.read_text(encoding="utf-8")
                         for p in sorted((ROOT / "scripts" / "cervical-insufficiency").glob("*.txt")))
UNDEFINED_IN_ENGLISH = {"caproate", "NIH"}
"English entries without a definition: their Spanish ones have none either."


def test_every_entry_names_its_english_term() -> None:
    english_text = " ".join(e.define or "" for e in ENGLISH).casefold() + ENGLISH_GUIDE.casefold()
    for term, table in TABLES.items():
        english = table.get("en")
        assert isinstance(english, str), term
        assert ENGLISH.lookup(english) is not None or english.casefold() in english_text, term


def test_every_medical_entry_is_defined_unless_the_english_is_not() -> None:
    undefined = {table["en"] for table in TABLES.values() if "define" not in table}
    assert undefined == UNDEFINED_IN_ENGLISH


def test_every_english_term_has_a_spanish_counterpart() -> None:
    assert {entry.term for entry in ENGLISH} <= set(term_map())
    assert {"cerclaje", "cerclajes"} <= set(term_map()["cerclage"])
    assert {"ecografía", "ultrasonido"} <= set(term_map()["ultrasound"])
    assert "cérvix" in term_map()["cervix"] and "cuello uterino" in term_map()["cervix"]


@pytest.mark.parametrize("term", [t for t, table in TABLES.items() if "say" in table])
def test_each_respelling_is_needed_and_plain(term: str) -> None:
    say = TABLES[term]["say"]
    assert SAY_PATTERN.fullmatch(say)
    assert heard(term) != heard(say)  # espeak-ng says the written term otherwise


def test_the_lexicon_respells_in_the_normaliser() -> None:
    spoken = normalise_es("El DES y el LEEP; el síndrome HELLP y la FIV.", "es-US")
    assert spoken == "El D E S y el lip; el síndrome jelp y la F I V."
    assert builtin_lexicon().lookup("cuello uterino").term == "cérvix"


def test_spanish_is_a_complete_language_module() -> None:
    assert all(hasattr(es, name) for name in languages.PROTOCOL)
    assert languages.speech("es-MX") is es
    assert es.announcement(3, 11, "Señales") == "Capítulo 3 de 11: Señales."
    assert es.announcement(2, 11, "¿Qué es?") == "Capítulo 2 de 11: ¿Qué es?"
    assert es.LEXICON_PATH.name == "lexicon.es.toml"
