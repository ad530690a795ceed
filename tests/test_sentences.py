"""Tests of guide.speech.sentences.split_sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guide.speech.en import ABBREVIATIONS
from guide.speech.sentences import MAX_WORDS, split_sentences

# (paragraph, the sentences a careful reader would hear)
SPLITS = [
    ("One. Two.", ["One.", "Two."]),
    ("Is it safe? Yes! It is.", ["Is it safe?", "Yes!", "It is."]),
    ("Dr. Smith will see you. Bring your card.", ["Dr. Smith will see you.", "Bring your card."]),
    ("Most births in the U.S. are at term.", ["Most births in the U.S. are at term."]),
    ("It is common in the U.S. Most women are fine.",
     ["It is common in the U.S.", "Most women are fine."]),
    ("Ask the U.S. Food and Drug Administration.", ["Ask the U.S. Food and Drug Administration."]),
    ("Eat foods rich in iron, e.g. Beans and greens.", ["Eat foods rich in iron, e.g. Beans and greens."]),
    ("Eat iron, e.g. beans. Drink water.", ["Eat iron, e.g. beans.", "Drink water."]),
    ("The cervix, i.e. The neck of the womb, opens.", ["The cervix, i.e. The neck of the womb, opens."]),
    ("Rest vs. Activity is a choice. Ask.", ["Rest vs. Activity is a choice.", "Ask."]),
    ("He lives in St. Louis now.", ["He lives in St. Louis now."]),
    ("He lives on Main St. The house is red.", ["He lives on Main St.", "The house is red."]),
    ("Bring fruit, nuts, etc. Then rest.", ["Bring fruit, nuts, etc.", "Then rest."]),
    ("Bring fruit, nuts, etc. and water.", ["Bring fruit, nuts, etc. and water."]),
    ("Take 2.5 mg daily. Then stop.", ["Take 2.5 mg daily.", "Then stop."]),
    ("About 1.5 percent. 2 women in 100 have it.", ["About 1.5 percent.", "2 women in 100 have it."]),
    ("J. K. Rowling wrote it. Read it.", ["J. K. Rowling wrote it.", "Read it."]),
    ("Take vitamin D. Ask your doctor.", ["Take vitamin D.", "Ask your doctor."]),
    ('He said, "Stop." Then he left.', ['He said, "Stop."', "Then he left."]),
    ("He said, “Stop.” Then he left.", ["He said, “Stop.”", "Then he left."]),
    ("(See the chart.) Then rest.", ["(See the chart.)", "Then rest."]),
    ("Rest [as needed.] Then walk.", ["Rest [as needed.]", "Then walk."]),
    ('"Why?" she asked.', ['"Why?" she asked.']),
    ("“Really?” she asked. ‘Yes.’ Then we left.", ["“Really?” she asked.", "‘Yes.’", "Then we left."]),
    ("Wait... Then go.", ["Wait...", "Then go."]),
    ("Wait… then go.", ["Wait… then go."]),
    ("Room No. 5 is here.", ["Room No. 5 is here."]),
    ("The answer is No. Then ask again.", ["The answer is No.", "Then ask again."]),
    ("Call at 9 a.m. Then rest.", ["Call at 9 a.m.", "Then rest."]),
    ("Call at 9 a.m. or later.", ["Call at 9 a.m. or later."]),
    ("See Mrs. Jones and Mr. Lee. They help.", ["See Mrs. Jones and Mr. Lee.", "They help."]),
    ("Visit www.cdc.gov. It helps.", ["Visit www.cdc.gov.", "It helps."]),
    ("It was 2020. 25 women came.", ["It was 2020.", "25 women came."]),
    ("", []),
    ("   \n\t ", []),
    ("No full stop at the end", ["No full stop at the end"]),
    ("Line one.\nLine two.", ["Line one.", "Line two."]),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS, ids=[t[:40] or "empty" for t, _ in SPLITS])
def test_split(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_default_cap_is_forty_words() -> None:
    assert MAX_WORDS == 40
    pieces = split_sentences(" ".join(f"w{i}" for i in range(100)))
    assert [len(p.split()) for p in pieces] == [40, 40, 20]


def test_five_thousand_words_without_punctuation() -> None:
    words = [f"w{i}" for i in range(5000)]
    pieces = split_sentences(" ".join(words))
    assert all(1 <= len(p.split()) <= 40 for p in pieces)
    assert " ".join(pieces).split() == words
    assert len(pieces) == 125


def test_long_run_is_cut_at_a_comma() -> None:
    first = " ".join(f"a{i}" for i in range(29)) + " a29,"
    second = " ".join(f"b{i}" for i in range(20))
    assert split_sentences(f"{first} {second}") == [first, second]


def test_long_run_prefers_a_semicolon_to_a_comma() -> None:
    text = " ".join(f"a{i}" for i in range(24)) + " semi; " + " ".join(f"b{i}" for i in range(5))
    text += " comma, " + " ".join(f"c{i}" for i in range(20))
    pieces = split_sentences(text)
    assert pieces[0].endswith("semi;")
    assert all(len(p.split()) <= 40 for p in pieces)


def test_long_run_is_cut_before_a_conjunction() -> None:
    text = " ".join(f"a{i}" for i in range(30)) + " and " + " ".join(f"b{i}" for i in range(20))
    pieces = split_sentences(text)
    assert pieces[1].startswith("and ")
    assert len(pieces[0].split()) == 30


def test_long_run_is_cut_at_a_dash() -> None:
    text = " ".join(f"a{i}" for i in range(25)) + " — " + " ".join(f"b{i}" for i in range(25))
    pieces = split_sentences(text)
    assert pieces[0].endswith("—")
    assert pieces[1].startswith("b0")


def test_a_cut_is_never_tiny_when_the_comma_comes_early() -> None:
    text = "a0, " + " ".join(f"a{i}" for i in range(1, 60))
    pieces = split_sentences(text)
    assert len(pieces[0].split()) >= 20


def test_small_caps() -> None:
    assert split_sentences("a b c d e", max_words=2) == ["a b", "c d", "e"]
    assert split_sentences("a b c", max_words=1) == ["a", "b", "c"]


def test_max_words_must_be_positive() -> None:
    with pytest.raises(ValueError):
        split_sentences("a b", max_words=0)


# ----------------------------------------------------------------- properties

word = st.text(
    st.characters(blacklist_categories=("Zs", "Zl", "Zp", "Cc", "Cs")), min_size=1, max_size=12
)
TRICKY = ["Dr.", "U.S.", "e.g.", "St.", "2.5", "etc.", "?", "!", ".", '."', ".)", "The", "And",
          "A.", "—", ","]
spacing = st.sampled_from([" ", "  ", "\n", "\t", " \u00a0", "\u2003"])
messy_text = st.lists(
    st.tuples(st.one_of(word, st.sampled_from(TRICKY)), spacing), max_size=200
).map(lambda pairs: "".join(w + s for w, s in pairs))


@settings(max_examples=400, deadline=None)
@given(st.one_of(messy_text, st.text()), st.integers(min_value=1, max_value=60))
def test_split_properties(text: str, max_words: int) -> None:
    sentences = split_sentences(text, max_words)
    assert all(s and s == s.strip() for s in sentences)
    assert " ".join(sentences).split() == text.split()
    assert all(len(s.split()) <= max_words for s in sentences)


plain_sentence = st.lists(
    st.from_regex(r"[a-z]{1,8}", fullmatch=True), min_size=1, max_size=15
).map(lambda ws: " ".join(ws).capitalize() + ".")


@settings(max_examples=200, deadline=None)
@given(st.lists(plain_sentence, min_size=1, max_size=10), st.sampled_from([" ", "\n", "  "]))
def test_plain_sentences_come_back_as_written(sentences: list[str], gap: str) -> None:
    # a last word "x." could be an initial, and "Mr.", "vs." or "approx." an abbreviation that
    # never ends a sentence (hypothesis found "Mr. Aa.": a one-word sentence "Mr.")
    never = {a.written.lower() for a in ABBREVIATIONS if a.ends == "never"}
    sentences = [s for s in sentences if len(s.split()[-1]) > 2 and s.split()[-1].lower() not in never]
    assert split_sentences(gap.join(sentences)) == sentences
