"""The language registry: tags to language modules, the protocol they follow, and refusals."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

import guide.speech.en as english
from guide.model import Chapter
from guide.speech import languages
from guide.speech.languages import PROTOCOL, UnknownLanguage, find, is_supported, speech
from guide.speech.lexicon import BUILTIN_PATH, Lexicon
from guide.speech.narration import announcement
from guide.speech.normalise import normalise
from guide.speech.sentences import ends_before, ends_sentence, split_sentences


@pytest.mark.parametrize(("tag", "primary", "region", "module"), [
    ("en-US", "en", "US", "guide.speech.en"),
    ("en", "en", None, "guide.speech.en"),
    ("EN-gb", "en", "GB", "guide.speech.en"),
    ("es-US", "es", "US", "guide.speech.es"),
    ("es-419", "es", "419", "guide.speech.es"),
    ("es-ES", "es", "ES", "guide.speech.es"),
    ("es-mx", "es", "MX", "guide.speech.es"),
    ("es_MX", "es", "MX", "guide.speech.es"),
    ("es", "es", None, "guide.speech.es"),
    ("es-Latn-419", "es", "419", "guide.speech.es"),
])
def test_a_tag_is_read_by_its_primary_subtag_and_keeps_its_region(tag, primary, region, module):
    found = find(tag)
    assert (found.tag, found.primary, found.region, found.module_name) == (tag, primary, region, module)


def test_every_english_tag_is_the_english_module_which_follows_the_protocol():
    assert speech() is speech("en-US") is speech("en-GB") is speech("en") is english
    assert all(hasattr(english, name) for name in PROTOCOL)
    assert english.LEXICON_PATH == BUILTIN_PATH
    assert english.NAME == "English"


@pytest.mark.parametrize("title", ["Signs", "Signs.", "What is it?", "Care:", "Words to know ."])
def test_the_english_announcement_is_the_narration_s(title):
    chapter = Chapter(number=2, title=title, stem="02-x", blocks=[])
    assert english.announcement(2, 11, title) == announcement(chapter, 11)


TEXTS = ["Call 911 at 12 PM. Dr. Smith, e.g. at St. Louis, said 3/4 of 1,200 women had 140/90 mm Hg.",
         "It is common in the U.S. Most women are fine; see www.cdc.gov/pregnancy/index.html.",
         "A cerclage (a stitch) at 12–14 weeks costs $1.50 — or ½ — and/or more."]


@pytest.mark.parametrize("text", TEXTS)
def test_any_english_tag_says_and_splits_english_text_as_the_default_does(text):
    said = normalise(text)
    for tag in ("en-US", "en", "en-GB"):
        assert normalise(text, language=tag) == said
        assert normalise(text, Lexicon.builtin(tag), tag) == said
        assert split_sentences(text, language=tag) == split_sentences(text)
    assert ends_sentence("U.S.", "Most", "en-GB") and not ends_before("never", "Smith", "en")


@pytest.mark.parametrize("tag", ["fr-FR", "xx", "english please", "", "en-US-!"])
def test_a_language_without_rules_is_one_sentence_naming_the_ones_there_are(tag):
    for call in (lambda: normalise("Hello.", Lexicon(), tag), lambda: split_sentences("Hi.", language=tag),
                 lambda: Lexicon.builtin(tag), lambda: speech(tag)):
        with pytest.raises(UnknownLanguage) as caught:
            call()
        message = str(caught.value)
        assert message.startswith(f"The guide cannot speak {tag} yet: it speaks English (en)")
        assert message.endswith(".") and message.count(". ") == 0
    assert not is_supported(tag)


def _module(folder: Path, name: str, source: str) -> str:
    (folder / f"{name}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    return name


@pytest.fixture
def place(tmp_path, monkeypatch):
    """A folder on sys.path for language modules made up by a test."""
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in [n for n in sys.modules if n.startswith("guide_test_lang_")]:
        del sys.modules[name]
    languages._parsed.cache_clear()  # the made-up tags are gone with their modules
    languages._module.cache_clear()


def test_a_language_module_is_found_by_the_registry_and_used_by_every_entry_point(place, monkeypatch):
    (place / "lexicon.toml").write_text('[zed]\nsay = "zee"\n', encoding="utf-8")
    name = _module(place, "guide_test_lang_zz", f'''
        from pathlib import Path
        from guide.speech.common import Abbreviation, NEVER, STARTER
        NAME = "Zedish"
        ABBREVIATIONS = (Abbreviation("Zr.", "Zir", NEVER, any_case=False),
                         Abbreviation("Zt.", "Zaint", STARTER, any_case=False))
        SENTENCE_STARTERS = frozenset({{"so"}})
        CONJUNCTIONS = frozenset({{"zand"}})
        LEXICON_PATH = Path({str(place / "lexicon.toml")!r})
        def normalise(text, lexicon, region):
            return f"{{lexicon.respell(text)}} [{{region}}]"
        def announcement(number, total, title):
            return f"Zapter {{number}}/{{total}}: {{title}}"
        ''')
    monkeypatch.setitem(languages.MODULES, "zz", name)
    assert is_supported("zz-ZQ") and find("zz-ZQ").region == "ZQ"
    assert normalise("A zed.", language="zz-ZQ") == "A zee. [ZQ]"
    assert normalise("A zed.", Lexicon(), "zz") == "A zed. [None]"
    text = "Zr. Who came to Zt. Louis. Then at Zt. So it ended."
    assert split_sentences(text, language="zz") == ["Zr. Who came to Zt. Louis.", "Then at Zt.",
                                                     "So it ended."]
    assert split_sentences(text)[0] == "Zr."  # English knows neither abbreviation
    assert split_sentences("a b c zand d", max_words=3, language="zz") == ["a b c", "zand d"]
    assert [e.term for e in Lexicon.load(None, "zz")] == ["zed"]
    assert "Zedish (zz)" in str(pytest.raises(UnknownLanguage, speech, "qq").value)


def test_a_module_that_is_missing_or_incomplete_speaks_nothing(place, monkeypatch):
    monkeypatch.setitem(languages.MODULES, "zm", "guide_test_lang_missing")
    monkeypatch.setitem(languages.MODULES, "zi", _module(place, "guide_test_lang_zi", 'NAME = "Half"\n'))
    for tag in ("zm", "zi-ZI"):
        with pytest.raises(UnknownLanguage, match=f"^The guide cannot speak {tag} yet"):
            speech(tag)
    assert "Half" not in str(pytest.raises(UnknownLanguage, speech, "qq").value)


def test_a_module_that_fails_to_import_is_a_bug_not_a_missing_language(place, monkeypatch):
    broken = _module(place, "guide_test_lang_broken", "import guide_test_no_such_module\n")
    monkeypatch.setitem(languages.MODULES, "zb", broken)
    with pytest.raises(ModuleNotFoundError, match="guide_test_no_such_module"):
        speech("zb")
