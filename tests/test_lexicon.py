"""Tests of guide.speech.lexicon and of the built-in guide/data/lexicon.toml."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli_w

from guide.errors import ScriptError
from guide.speech.lexicon import BUILTIN_PATH, Entry, Lexicon, TermUse

REQUIRED_TERMS = """cerclage cervix cervical bicornuate unicornuate conization preterm
preeclampsia ultrasound obstetrician dilation dilating miscarriage uterus uterine congenital
biopsy ablation trimester prenatal conception LEEP DES D&C OB/GYN NICU HELLP PCOS BMI""".split()

SPOKEN = {  # what the issue asks these to be said as
    "LEEP": "leep", "DES": "D E S", "NICU": "nick you", "HELLP": "help",
    "BMI": "B M I", "PCOS": "P C O S", "D&C": "D and C", "D & C": "D and C",
    "OB/GYN": "O B G Y N",
}


@pytest.fixture(scope="module")
def builtin() -> Lexicon:
    return Lexicon.builtin()


def write(folder: Path, text: str) -> Path:
    path = folder / "lexicon.toml"
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------- the built-in file


@pytest.mark.parametrize("term", REQUIRED_TERMS)
def test_builtin_has_the_terms_the_articles_use(builtin: Lexicon, term: str) -> None:
    assert builtin.lookup(term) is not None, term


@pytest.mark.parametrize(("written", "said"), SPOKEN.items())
def test_initialisms_are_said_as_the_issue_asks(builtin: Lexicon, written: str, said: str) -> None:
    assert builtin.respell(written) == said


def test_builtin_respellings_are_plain_letters(builtin: Lexicon) -> None:
    for entry in builtin:
        spoken = [entry.say] + [entry.spoken_for(form) for form in entry.forms]
        for say in filter(None, spoken):
            assert all((c.isascii() and c.isalpha()) or c in " '-" for c in say), (entry.term, say)
            assert say == say.strip() and "  " not in say


def test_builtin_definitions_are_short_sentences(builtin: Lexicon) -> None:
    defined = builtin.glossary()
    assert len(defined) >= 40
    for entry in defined:
        assert entry.define[0].isupper() and entry.define.endswith("."), entry.term
        assert len(entry.define.split()) <= 30, entry.term


def test_builtin_file_is_plain_toml_with_one_table_per_term() -> None:
    import tomllib

    tables = tomllib.loads(BUILTIN_PATH.read_text(encoding="utf-8"))
    assert all(isinstance(t, dict) for t in tables.values())
    assert len(Lexicon.builtin()) == len(tables)


# --------------------------------------------------------------------- espeak-ng

from .phonemes import bare, phonemes  # noqa: E402


def said_as_words(entry: Entry) -> bool:
    return bool(entry.say) and not any(len(w) == 1 for w in entry.say.split())


def test_respelled_words_are_not_spelled_out_by_espeak(builtin: Lexicon) -> None:
    """A respelling meant as words must not come out as a string of letter names."""
    checked = 0
    for entry in filter(said_as_words, builtin):
        letters = " ".join(c for c in entry.say.upper() if c.isalpha())
        said, spelled = bare(phonemes(entry.say)), bare(phonemes(letters))
        assert said != spelled, entry.term
        assert len(said) < 0.75 * len(spelled), (entry.term, said, spelled)
        checked += 1
    assert checked >= 15


@pytest.mark.parametrize(
    ("term", "expected"),
    [("cerclage", "klAZ"), ("preterm", "prit"), ("NICU", "nIkju"), ("didelphys", "dEl"),
     ("prenatal", "prin"), ("fibroid", "faIbr")],
)
def test_respellings_fix_what_espeak_gets_wrong(builtin: Lexicon, term: str, expected: str) -> None:
    """The respelling gives the sound a person says; the written word did not.
    (Phonemes are compared without stress marks: ``klAZ`` is "klahzh".)"""
    entry = builtin.lookup(term)
    assert entry is not None and entry.say
    assert expected in bare(phonemes(entry.say))
    assert expected not in bare(phonemes(term))


def test_every_respelling_changes_what_espeak_says(builtin: Lexicon) -> None:
    """Only give a respelling where the default is wrong (initialisms excepted:
    other engines may spell a word in capitals)."""
    for entry in builtin:
        if entry.say and not entry.term.isupper():
            assert bare(phonemes(entry.say)) != bare(phonemes(entry.term)), entry.term


# ---------------------------------------------------------------------- lookups


def test_lookup_ignores_case_and_finds_forms(builtin: Lexicon) -> None:
    cerclage = builtin.lookup("cerclage")
    assert cerclage is not None and cerclage.term == "cerclage"
    assert builtin.lookup("CERCLAGE") is cerclage
    assert builtin.lookup("Cerclages") is cerclage
    assert builtin.lookup("pre-eclampsia") is builtin.lookup("preeclampsia")
    assert builtin.lookup("d  &  c") is builtin.lookup("D&C")
    assert builtin.lookup("no such word") is None
    assert "cervix" in builtin and "nonsense" not in builtin


def test_match_case_entries(builtin: Lexicon) -> None:
    assert builtin.lookup("DES") is not None
    assert builtin.lookup("des") is None
    assert builtin.respell("Des Moines DES") == "Des Moines D E S"


def test_iteration_gives_entries_with_their_fields(builtin: Lexicon) -> None:
    entries = {e.term: e for e in builtin}
    assert len(entries) == len(builtin)
    cerclage = entries["cerclage"]
    assert cerclage.say and cerclage.define and "cerclages" in cerclage.forms
    term, say, define, forms = cerclage.term, cerclage.say, cerclage.define, cerclage.forms
    assert (term, say) == ("cerclage", "sair klahzh") and define and forms


def test_terms_in_finds_whole_words_with_positions() -> None:
    lexicon = Lexicon.from_toml(
        '[cervix]\nforms = ["cervixes"]\n'
        '[cervical]\n'
        '["cervical insufficiency"]\nforms = ["incompetent cervix"]\n'
    )
    text = "Cervical insufficiency, or an incompetent cervix. Cervixes vary; cervical checks. cervixa"
    uses = lexicon.terms_in(text)
    found = [(use.entry.term, text[use.position : use.position + 8]) for use in uses]
    assert found == [
        ("cervical insufficiency", "Cervical"),
        ("cervical insufficiency", "incompet"),
        ("cervix", "Cervixes"),
        ("cervical", "cervical"),
    ]
    assert all(isinstance(use, TermUse) for use in uses)
    entry, position = uses[0]
    assert position == 0 and entry.term == "cervical insufficiency"


def test_terms_in_across_line_breaks_and_symbols(builtin: Lexicon) -> None:
    text = "A D &\nC or an OB/GYN, then cervical\ninsufficiency."
    terms = [(u.entry.term, u.position) for u in builtin.terms_in(text)]
    assert terms == [("D&C", 2), ("OB/GYN", 14), ("cervical insufficiency", 27)]


def test_terms_in_empty_lexicon_and_text() -> None:
    assert Lexicon().terms_in("cervix") == []
    assert Lexicon.builtin().terms_in("") == []


def test_respell_keeps_what_is_around_the_word() -> None:
    lexicon = Lexicon.from_toml(
        '[cerclage]\nsay = "sair klahzh"\nforms = { cerclages = "sair klahzhez" }\n'
        '[cervix]\ndefine = "The neck of the womb."\n'
    )
    assert lexicon.respell("(cerclage), cerclage's; Cerclages.") == (
        "(sair klahzh), sair klahzh's; Sair klahzhez."
    )
    assert lexicon.respell("the cervix") == "the cervix"
    assert lexicon.respell("precerclage cerclaged") == "precerclage cerclaged"


CODES = '[FAQ]\nsay = "F eigh Q"\nmatch_case = true\ninside_codes = true\n' \
        '["H1N1"]\nsay = "H one N one"\ninside_codes = true\n[HPV]\nsay = "H P V"\n'


@pytest.mark.parametrize(("text", "spoken", "terms"), [
    ("See FAQ006.", "See F eigh Q 006.", ["FAQ"]),          # letter, then digit
    ("Form 006FAQ.", "Form 006 F eigh Q.", ["FAQ"]),        # digit, then letter
    ("The FAQ.", "The F eigh Q.", ["FAQ"]),                 # a whole word, as before
    ("FAQs and FAQ_1", "FAQs and FAQ_1", []),               # letter-letter, underscore
    ("faq006", "faq006", []),                               # match_case still holds
    ("H1N1 and H1N12 and xH1N1.", "H one N one and H1N12 and xH1N1.", ["H1N1"]),
    ("HPV16 or 16HPV, then HPV.", "HPV16 or 16HPV, then H P V.", ["HPV"]),  # not asked for
])
def test_inside_codes_matches_at_a_letter_digit_boundary(text, spoken, terms) -> None:
    lexicon = Lexicon.from_toml(CODES)
    assert lexicon.respell(text) == spoken
    assert [use.entry.term for use in lexicon.terms_in(text)] == terms


def test_inside_codes_round_trips_and_defaults_to_false() -> None:
    entry = Lexicon.from_toml(CODES).lookup("FAQ")
    assert entry.inside_codes and entry.to_dict()["inside_codes"] is True
    assert Entry.from_dict("FAQ", entry.to_dict()) == entry
    assert not Entry.from_dict("x", {}).inside_codes and "inside_codes" not in Entry("x").to_dict()


# ---------------------------------------------------------------- guide folders


def test_load_without_a_folder_or_file_is_the_builtin(tmp_path: Path) -> None:
    assert Lexicon.load() is Lexicon.builtin()
    assert Lexicon.load(tmp_path) is Lexicon.builtin()


def test_guide_entries_add_to_the_builtin(tmp_path: Path) -> None:
    write(tmp_path, '[Makayla]\nsay = "muh kay luh"\n\n[arcuate]\ndefine = "Slightly curved."\n')
    lexicon = Lexicon.load(tmp_path)
    assert lexicon.lookup("Makayla").say == "muh kay luh"
    assert lexicon.lookup("arcuate").define == "Slightly curved."
    assert lexicon.lookup("cerclage") == Lexicon.builtin().lookup("cerclage")
    assert len(lexicon) == len(Lexicon.builtin()) + 2


def test_guide_entries_override_only_the_fields_they_give(tmp_path: Path) -> None:
    write(tmp_path, '[Cerclage]\nsay = "ser klazh"\n\n[biopsy]\nsay = ""\n')
    lexicon = Lexicon.load(tmp_path)
    builtin = Lexicon.builtin()
    cerclage = lexicon.lookup("cerclage")
    assert cerclage.say == "ser klazh"
    assert cerclage.define == builtin.lookup("cerclage").define
    assert cerclage.forms == builtin.lookup("cerclage").forms
    assert lexicon.lookup("biopsy").say is None
    assert lexicon.respell("a biopsy") == "a biopsy"
    assert len(lexicon) == len(builtin)
    assert builtin.lookup("cerclage").say == "sair klahzh"  # the built-in is not changed


def test_round_trip_through_toml(builtin: Lexicon) -> None:
    again = Lexicon.from_toml(tomli_w.dumps(builtin.to_dict()))
    assert list(again) == list(builtin)


def test_entry_from_dict_and_to_dict() -> None:
    entry = Entry.from_dict("C-section", {"say": "C section", "forms": {"C-sections": "C sections"}})
    assert entry.spoken_for("c-sections") == "C sections"
    assert entry.spoken_for("C-section") == "C section"
    assert Entry.from_dict("C-section", entry.to_dict()) == entry
    assert Entry.from_dict("x", {"forms": ["y", "z"]}).to_dict() == {"forms": ["y", "z"]}


# -------------------------------------------------------------------- bad files

BAD_TOML = [
    ('[cerclage]\nsay = "sair klahzh"\ndefine = oops\n', 3, 10),
    ('[cerclage\nsay = "x"\n', 1, 10),
    ('[a]\nsay = "x"\n[a]\nsay = "y"\n', 3, None),  # the second [a]
    ('[a]\nsay = "x\n', 2, 9),  # the line ends inside the string
    ('[a]\nsay =', 2, 6),  # the text ends where a value should be
]


@pytest.mark.parametrize(("text", "line", "column"), BAD_TOML)
def test_malformed_file_names_line_and_column(
    tmp_path: Path, text: str, line: int, column: int | None
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ScriptError) as caught:
        Lexicon.load(tmp_path)
    assert caught.value.path == path
    assert f"line {line}, column {column or ''}" in str(caught.value)


BAD_ENTRIES = [
    ('[a]\nsay = "b"\n\n[cerclage]\nsay = "[[s\'3:klA:Z]]"\n',
     "in the entry 'cerclage' (line 4), say must be plain letters and spaces, not \"[[s'3:klA:Z]]\"."),
    ('[cerclage]\nsay = "<speak>x</speak>"\n',
     "in the entry 'cerclage' (line 1), say must be plain letters and spaces, not \"<speak>x</speak>\"."),
    ('[cerclage]\nsya = "x"\n', "in the entry 'cerclage' (line 1), sya is not a field an entry may have "
                               "(they are say, define, forms, match_case, inside_codes and en)."),
    ('[cerclage]\nsay = 3\n', "in the entry 'cerclage' (line 1), say must be text in quotes, not 3."),
    ('[cerclage]\ndefine = true\n',
     "in the entry 'cerclage' (line 1), define must be text in quotes, not true."),
    ('[cerclage]\nforms = "cerclages"\n',
     "in the entry 'cerclage' (line 1), forms must be a list or a table, not \"cerclages\"."),
    ('[cerclage]\nforms = ["x", 3]\n',
     "in the entry 'cerclage' (line 1), every form must be text in quotes, not 3."),
    ('[cerclage]\nforms = { cerclages = "{x}" }\n',
     "in the entry 'cerclage' (line 1), the form 'cerclages' must be said in plain letters, not \"{x}\"."),
    ('[cerclage]\nmatch_case = "yes"\n',
     "in the entry 'cerclage' (line 1), match_case must be true or false, not \"yes\"."),
    ('[FAQ]\ninside_codes = 1\n',
     "in the entry 'FAQ' (line 1), inside_codes must be true or false, not 1."),
    ('[a]\nsay = "b"\n["C-section"]\nsay = 5\n',
     "in the entry 'C-section' (line 3), say must be text in quotes, not 5."),
    ('[""]\nsay = "x"\n', "the entry (line 1) has an empty name."),
    ('cerclage = "sair klahzh"\n',
     "'cerclage' must be an entry of its own, a table that starts with [cerclage], not \"sair klahzh\"."),
]


@pytest.mark.parametrize(("text", "reason"), BAD_ENTRIES)
def test_bad_entries_are_script_errors_naming_file_entry_and_line(
    tmp_path: Path, text: str, reason: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ScriptError) as caught:
        Lexicon.load(tmp_path)
    assert str(caught.value) == f"{path}: {reason}"


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "lexicon.toml").write_bytes(b'[a]\nsay = "b"\n[c]\nsay = "\xff"\n')
    with pytest.raises(ScriptError, match="line 4"):
        Lexicon.load(tmp_path)


def test_from_file_that_is_missing(tmp_path: Path) -> None:
    with pytest.raises(ScriptError, match="was not found"):
        Lexicon.from_file(tmp_path / "missing.toml")
