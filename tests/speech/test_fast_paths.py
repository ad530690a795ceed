"""The normaliser's shortcuts give what the long way gives, for any text.

Each shortcut is checked against the plain way it replaces: the lexicon's
shared word bounds, the number rules skipped for a text without digits,
and the ASCII paths of the character fold and the final filter.
"""

from __future__ import annotations

import html
import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from guide.speech.common import CHAR_MAP, CITATION, KEEP_PUNCTUATION, TAG, TIDY_RULES
from guide.speech.en import rules as R
from guide.speech.en.numbers import speak_local_phones, speak_service_numbers, speak_thousands, speak_times
from guide.speech.en.stages import _number_rules, speak_numbers
from guide.speech.lexicon import Entry, Lexicon, _bounds
from guide.speech.normalise import _fold, _sayable, clean_characters, tidy

# ------------------------------------------------------------------ lexicon

WORDS = st.text(alphabet="aA1-", min_size=1, max_size=3)
ENTRIES = st.lists(st.builds(
    lambda words, match_case, inside_codes: Entry(" ".join(words), match_case=match_case,
                                                  inside_codes=inside_codes),
    st.lists(WORDS, min_size=1, max_size=2), st.booleans(), st.booleans()), max_size=12)


def _one_by_one(lexicon: Lexicon) -> re.Pattern[str] | None:
    """The lexicon's pattern as it was: every form inside its own bounds."""
    parts = []
    for entry in lexicon:
        for form in entry.written_forms:
            words = form.split()
            key = " ".join(words)
            body = r"\s+".join(re.escape(w) for w in words)
            body = body if entry.match_case else f"(?i:{body})"
            before, after = _bounds(key, entry.inside_codes)
            parts.append((len(key), f"{before}(?:{body}){after}"))
    parts.sort(key=lambda p: -p[0])
    return re.compile("|".join(b for _, b in parts)) if parts else None


@settings(max_examples=500, deadline=None)
@given(ENTRIES, st.text(alphabet="aA1 -_\n", max_size=30))
def test_forms_that_share_their_bounds_match_as_each_in_its_own(entries, text):
    lexicon = Lexicon(entries)
    shared, plain = lexicon._compiled()[0], _one_by_one(lexicon)
    if plain is None:
        assert shared is None
        return
    assert [m.span() for m in shared.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_builtin_lexicon_shares_its_bounds():
    pattern = Lexicon.builtin()._compiled()[0]
    assert pattern is not None and pattern.pattern.count(r"(?<!\w)") < 5


# ------------------------------------------------------------------ numbers

NO_DIGITS = st.text(alphabet="<>≤≥~≈½¾⅓.,/-–xX× %$#'smgLdlbkc°FHh ()\n", max_size=30)


@settings(max_examples=500, deadline=None)
@given(NO_DIGITS)
def test_a_text_without_digits_is_said_as_if_every_number_rule_had_run(text):
    everything = text
    for pattern, say, _ in _number_rules():
        everything = pattern.sub(say, everything)
    assert not re.search("[0-9]", everything)  # no rule writes a digit where there was none
    assert speak_numbers(text) == speak_thousands(everything)
    for stage in (speak_local_phones, speak_times, lambda t: speak_service_numbers(t, "en")):
        assert stage(text) == text


# ------------------------------------------------------------ characters


def _clean_the_long_way(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    for _ in range(3):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    text = re.sub(CITATION, "", re.sub(TAG, " ", text, flags=re.S))
    return unicodedata.normalize("NFC", "".join(_fold(c) for c in text))


def _tidy_the_long_way(text: str) -> str:
    text = "".join(_sayable(c, R.GREEK, KEEP_PUNCTUATION) for c in text)
    for pattern, say in TIDY_RULES:
        text = re.sub(pattern, say, text)
    return " ".join(text.split())


TEXTS = st.one_of(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127)),
                  st.text(alphabet="`<>[]&;#1 a\t\n\u00a0\u2019β\u200bé-\u2026"), st.text())


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_characters_are_cleaned_and_tidied_as_one_by_one(text):
    assert clean_characters(text) == _clean_the_long_way(text)
    assert tidy(text, R.GREEK) == _tidy_the_long_way(text)


def test_the_shortcuts_are_taken_for_plain_text():
    assert set(CHAR_MAP).isdisjoint(chr(c) for c in range(32, 127) if chr(c) != "`")
    assert clean_characters("Plain words, (and) 12.") == "Plain words, (and) 12."
    assert tidy('A "quoted" word; & more.', R.GREEK) == "A quoted word; more."
