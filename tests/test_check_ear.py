"""``guide check``'s warnings about what only works on paper (guide.check.ear), about the
guide's own lexicon (guide.check.lexicon), and its spelling advice being heard right."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from guide.check.run import check_folder, check_guide
from guide.check.ear import (ambiguous_dates, ear_problems, item_size, twelve_oclock,
                             visual_references, web_addresses)
from guide.check.words import letters_say
from guide.cli.app import cli
from .helpers import FakeEngine
from guide.speech.lexicon import Lexicon
from guide.model import Block, BlockKind, Chapter, Guide
from guide.speech.normalise import normalise
from guide.scripts.store import load_guide

from .helpers import write_guide_folder


def _guide(*blocks: str, sources=("Introduction",)) -> Guide:
    """A one-chapter guide in memory; a block starting "- " is a list item."""
    made = [Block(b[2:], BlockKind.ITEM) if b.startswith("- ") else Block(b) for b in blocks]
    return Guide(slug="t", title="T", chapters=[Chapter(1, "A", made, list(sources), "01-a")])


def _messages(guide: Guide, kind: str | None = None) -> list[str]:
    return [p.message for p in ear_problems(guide, Lexicon.builtin()) if kind in (None, p.kind)]


# ------------------------------------------------------------ visual words

VISUAL = [
    ("See the table below for your dose.", ["See the table below"]),
    ("Take both medicines below.", ["below"]),
    ("The medicines above are safe.", ["above"]),
    ("The dosing table above lists the doses.", ["The dosing table above"]),
    ("This table shows the doses.", ["This table"]),
    ("See the picture.", ["See the picture"]),
    ("See Figure 2.", ["See Figure 2"]),
    ("In the picture below, the cervix is open.", ["the picture below"]),
    ("As shown below, rest helps.", ["As shown below"]),
    ("The signs are listed below.", ["listed below"]),
    ("Listed below are the signs:", ["Listed below"]),
    ("The steps below will help.", ["below"]),
    ("If any of the above happen, call us.", ["the above"]),
    ("Click here to book a visit.", ["Click"]),
    ("Double-click the file.", ["Double-click"]),
    ("Tap the blue button to call.", ["Tap"]),
    ("Tap here.", ["Tap"]),
    ("Follow the link below.", ["Follow the link below"]),
    ("Scroll down to read more.", ["Scroll down"]),
    ("Swipe left for more.", ["Swipe"]),
    ("Read more on this page.", ["on this page"]),
    ("Read it on your screen.", ["on your screen"]),
    ("See page 4.", ["See page 4"]),
    ("Look at the left column.", ["the left column"]),
    ("Words in bold matter most.", ["in bold"]),
    ("The answers below, and the table above.", ["below", "the table above"]),
    # ordinary uses: numbers, places, things that are not a screen
    ("A fever above 100 degrees is serious.", []),
    ("A temperature of 100.4 or above.", []),
    ("Levels at or below 5 are normal.", []),
    ("Your blood pressure is above normal.", []),
    ("The pain is below your belly button.", []),
    ("It sits above the cervix.", []),
    ("Tap water is safe to drink.", []),
    ("You may need a spinal tap.", []),
    ("Tap gently on your belly.", []),
    ("You will hear a click.", []),
    ("Lie on the table.", []),
    ("Your nurse writes it in the chart.", []),
    ("The ultrasound makes pictures of your body.", []),
    ("You can see the baby on the screen.", []),
    ("Try to figure out what helps.", []),
    ("There is a link between smoking and early birth.", []),
    ("The spinal column protects the cord.", []),
    ("Put ice on the site.", []),
]


@pytest.mark.parametrize(("sentence", "words"), VISUAL)
def test_visual_words_are_found_and_ordinary_uses_are_not(sentence, words):
    assert [w for w, _ in visual_references(sentence)] == words


@pytest.mark.parametrize(("sentence", "message"), [
    ("See the table below for your dose.",
     'the words "See the table below" work only on paper or a screen, in the sentence "See the '
     'table below for your dose."; say "the list that follows" instead.'),
    ("The dosing table above lists the doses.",
     'the words "The dosing table above" work only on paper or a screen, in the sentence "The '
     'dosing table above lists the doses."; say "the list you just heard" instead.'),
    ("Click here to book a visit.",
     'the word "Click" works only on paper or a screen, in the sentence "Click here to book a '
     'visit."; say "choose" instead.'),
    ("Take both medicines below.",
     'the word "below" works only on paper or a screen, in the sentence "Take both medicines '
     'below."; say "that follows" or "next" instead.'),
    ("See the picture.",
     'the words "See the picture" work only on paper or a screen, in the sentence "See the '
     'picture."; describe in words what it shows instead.'),
    ("Scroll down to read more.",
     'the words "Scroll down" work only on paper or a screen, in the sentence "Scroll down to '
     'read more."; say "keep listening", or name the chapter, instead.'),
    ("Read more on this page.",
     'the words "on this page" work only on paper or a screen, in the sentence "Read more on '
     'this page."; say "in this guide" or "in this chapter" instead.'),
    ("Look at the left column.",
     'the words "the left column" work only on paper or a screen, in the sentence "Look at the '
     'left column."; name in words what it holds instead.'),
])
def test_visual_warning_names_the_words_the_sentence_and_what_to_say(sentence, message):
    (problem,) = ear_problems(_guide(sentence), Lexicon.builtin())
    assert (problem.level, problem.chapter, problem.kind, problem.message) == \
        ("warning", 1, "visual", message)


def test_quotations_and_web_addresses_are_not_read_for_visual_words():
    assert _messages(_guide('Its title is "See the table below."',
                            "Go to www.example.org/click-here today.")) == []


# ------------------------------------------------------------------- dates

@pytest.mark.parametrize(("text", "dates"), [
    ("Last updated 03/04/2025.", ["03/04/2025"]),
    ("On 3.4.2025 and 12-11-24.", ["3.4.2025", "12-11-24"]),
    ("On 13/04/2025 or 04/13/2025.", []),      # one part is more than 12: clear
    ("On 03/03/2025.", []),                    # the same either way
    ("Take 1/2 of a pill, or 3/4.", []),       # fractions, not dates
    ("On 2025-04-03.", []),                    # year first: clear
    ("Call 555-0103-12.", []),
])
def test_ambiguous_dates(text, dates):
    assert ambiguous_dates(text) == dates


@pytest.mark.parametrize(("text", "found"), [
    ("Take it at 12 PM.", [("12 PM", "noon")]),
    ("At 12 a.m. or 12:00 AM.", [("12 a.m.", "midnight"), ("12:00 AM", "midnight")]),
    ("At 12pm.", [("12pm", "noon")]),
    ("At 2 PM, 112 PM or 12:30 PM.", []),
])
def test_twelve_oclock(text, found):
    assert twelve_oclock(text) == found


@pytest.mark.parametrize(("sentence", "message"), [
    ("Come back on 03/04/2025.",
     'the date "03/04/2025" could mean March 4 or April 3, in the sentence "Come back on '
     '03/04/2025."; write the month as a word, like "March 4, 2025" or "April 3, 2025", '
     "whichever is meant."),
    ("Come back on 11.12.24.",
     'the date "11.12.24" could mean November 12 or December 11, in the sentence "Come back on '
     '11.12.24."; write the month as a word, like "November 12" or "December 11", whichever '
     "is meant."),
    ("Take it at 12 PM.",
     'the time "12 PM" is often taken for midnight, in the sentence "Take it at 12 PM."; '
     'write "noon" instead.'),
    ("Take it at 12 AM.",
     'the time "12 AM" is often taken for noon, in the sentence "Take it at 12 AM."; '
     'write "midnight" instead.'),
])
def test_date_warnings(sentence, message):
    (problem,) = ear_problems(_guide(sentence), Lexicon.builtin())
    assert (problem.level, problem.chapter, problem.kind, problem.message) == \
        ("warning", 1, "date", message)


def test_a_date_kept_from_a_byline_is_checked_and_other_notes_are_not(tmp_path):
    folder = write_guide_folder(tmp_path / "g", {
        "guide.toml": 'title = "G"\nsource = "none"\nsource_reviewed = "2025-04-03"\n',
        "01-a.txt": "# Title: A\n# Note: call on 05/06/2025\n\nRest well.\n",
        "02-b.txt": "# Title: B\n# Byline: Reviewed by Dana Lee. Last updated 03/04/2025\n"
                    "# Byline: Published 13/04/2025\n\nRest well.\n"})
    problems = [(p.chapter, p.kind, p.message) for p in check_folder(load_guide(folder),
                                                                     tmp_path / "out").problems
                if p.kind == "date"]
    assert problems == [(2, "date", 'the date "03/04/2025" could mean March 4 or April 3, in the '
                         'editor note "# Byline: Reviewed by Dana Lee. Last updated 03/04/2025"; '
                         'write the month as a word, like "March 4, 2025" or "April 3, 2025", '
                         "whichever is meant.")]


# ---------------------------------------------------------- long list items

ROW = ("Ibuprofen: dose, 600 milligrams; when to take it, every 6 hours; most in 24 hours, "
       "2,400 milligrams; with food, yes")


@pytest.mark.parametrize(("text", "size"), [
    ("Rest well.", (1, 2)),
    (ROW, (4, 20)),
    (ROW + "; for how long, 3 days", (5, 25)),
    ("One; two;three", (2, 2)),
])
def test_item_size_counts_parts_and_words(text, size):
    assert item_size(text) == size


@pytest.mark.parametrize(("item", "message"), [
    (ROW, None),
    (ROW + "; for how long, 3 days",
     'the list item that starts "Ibuprofen: dose, 600 milligrams; when to take it," has 5 parts; '
     "a listener can follow at most 4 parts and 25 words, so split it into shorter items."),
    (" ".join(["Rest"] * 26) + ".",
     'the list item that starts "Rest Rest Rest Rest Rest Rest Rest Rest" has 26 words; a '
     "listener can follow at most 4 parts and 25 words, so split it into shorter items."),
    ("a; b; c; d; " + " ".join(["e"] * 24),
     'the list item that starts "a; b; c; d; e e e e" has 5 parts and 28 words; a listener can '
     "follow at most 4 parts and 25 words, so split it into shorter items."),
])
def test_a_list_item_too_long_to_follow(item, message):
    assert _messages(_guide("- " + item), "item") == ([message] if message else [])


def test_paragraphs_and_the_sources_chapter_are_not_items_to_follow():
    long = " ".join(["Rest"] * 30)
    assert _messages(_guide(f"{long}.")) == []
    sources = _guide(f"- {long}.")
    assert [p.kind for p in ear_problems(sources, Lexicon.builtin(), skip={1})] == []


# ----------------------------------------------------------- web addresses

LONG_SITE = ("www.riverside-community-health-family-medicine-clinic-springfield-county-hospital-"
             "network.org/wound-care")


def test_a_web_address_that_takes_too_long_to_say():
    sentence = f"Visit {LONG_SITE} for more."
    spoken = normalise(LONG_SITE)
    count = len(re.findall(r"\S*[A-Za-z0-9]\S*", spoken))
    assert count > 12
    (problem,) = ear_problems(_guide(sentence), Lexicon.builtin())
    assert (problem.kind, problem.chapter) == ("address", 1)
    assert problem.message == (
        f'the web address "{LONG_SITE}" takes {count} words to say, in the sentence "{sentence}"; '
        "give a shorter address, like the site's main address or a short link.")
    assert problem.detail["spoken"] == spoken


@pytest.mark.parametrize("text", ["See www.cdc.gov/flu.", "Write to help@cdc.gov today."])
def test_a_short_web_address_is_fine(text):
    assert _messages(_guide(text)) == []


def test_web_addresses_leave_out_the_punctuation_after_them():
    assert web_addresses("See www.cdc.gov/flu, or (cdc.gov).") == ["www.cdc.gov/flu", "cdc.gov"]


# ---------------------------------------------------------------- lexicon

@pytest.mark.parametrize(("lexicon", "script", "messages"), [
    ('[FAQ]\nsay = "F eigh Q"\n', "Read FAQ006.",
     ['the entry "FAQ" of the guide\'s lexicon.toml matches no word of the guide, so it changes '
      'nothing; it is written inside "FAQ006", so add inside_codes = true to the entry to match '
      "it there."]),
    ('[FAQ]\nsay = "F eigh Q"\ninside_codes = true\n', "Read FAQ006.", []),
    ('[Nexplanon]\n', "Rest well.",
     ['the entry "Nexplanon" of the guide\'s lexicon.toml matches no word of the guide, so it '
      "changes nothing; check its spelling and its forms, or remove it."]),
    ('[Nexplanon]\nforms = ["Nexplanons"]\n', "Two Nexplanons.", []),
    ('[cerclage]\nsay = "ser klazh"\n', "You may need a cerclage stitch.", []),
])
def test_an_entry_of_the_guides_lexicon_that_matches_nothing(tmp_path, lexicon, script, messages):
    folder = write_guide_folder(tmp_path / "g", {
        "guide.toml": 'title = "G"\nsource = "none"\n', "lexicon.toml": lexicon,
        "01-a.txt": f"# Title: A\n\n{script}\n"})
    report = check_folder(load_guide(folder), tmp_path / "out")
    assert [(p.level, p.chapter, p.message) for p in report.problems if p.kind == "lexicon"] == \
        [("warning", None, m) for m in messages]


def test_built_in_entries_the_guide_does_not_use_are_not_reported():
    report = check_guide(_guide("Rest well."), Lexicon.builtin())
    assert [p for p in report.problems if p.kind == "lexicon"] == []


# ------------------------------------------------- spelling advice, heard

def espeak(text: str, ssml: bool = False) -> str:
    """espeak-ng's phonemes, asked for here, apart from the code under test."""
    args = ["espeak-ng", "-q", "-x", "-v", "en-us"] + (["-m"] if ssml else []) + [text]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def heard(phonemes: str) -> str:
    """Phonemes without stress, pauses and the linking r ("A@r- i:"), to compare."""
    return re.sub(r"[\s'_|!;,%=]", "", phonemes.replace("r-", ""))


SPELLED_AS_A_WORD = "AM FAQ ACOG AAP ABA AMA AIDS NICU IUD OBG WIC RAM EKG VBAC TOLAC AFP".split()


@pytest.mark.parametrize("word", SPELLED_AS_A_WORD)
def test_every_spelling_check_suggests_is_heard_as_the_letters(word):
    report = check_guide(_guide(f"It is about {word} now."), Lexicon())
    (found,) = [p for p in report.problems if p.kind == "pronunciation"]
    assert found.detail["reason"] == "capitals" and found.detail["say"]
    say = found.detail["say"]
    letters = espeak(f'<say-as interpret-as="characters">{word}</say-as>', ssml=True)
    assert heard(espeak(say)) == heard(letters), (word, say)
    assert f'with say = "{say}".' in found.message


@pytest.mark.parametrize(("word", "say"), [("AM", "eigh M"), ("ABA", "eigh B eigh"),
                                           ("OBG", "O B G"), ("RAM", "R eigh M")])
def test_a_lone_a_is_spelled_eigh_and_other_letters_are_left_alone(word, say):
    assert letters_say(word) == say


def test_no_spelling_is_suggested_when_none_is_heard_right():
    def muddled(text: str, voice: str) -> str:
        return "" if text == "A" else "Q"   # the letter A cannot be heard as its name

    report = check_guide(_guide("It is about AM now."), Lexicon(), say_phonemes=muddled)
    (found,) = [p for p in report.problems if p.kind == "pronunciation"]
    assert found.detail["say"] is None
    assert found.message.endswith("add it to the guide's lexicon.toml with a say that spells it, "
                                  'then listen again with guide say --show "AM".')


# ------------------------------------------------------------------- CLI

def test_cli_prints_one_warning_of_each_kind(tmp_path):
    folder = write_guide_folder(tmp_path / "scripts" / "g", {
        "guide.toml": 'title = "G"\nsource = "none"\ntarget_grade = 20\n',
        "lexicon.toml": '[Nexplanon]\n',
        "01-a.txt": "# Title: A\n# Byline: Last updated 03/04/2025\n\n"
                    "See the table below.\nTake it at 12 PM.\n"
                    f"Go to {LONG_SITE} today.\nRest in the AM.\n\n- a; b; c; d; e\n"})
    result = CliRunner().invoke(cli, ["check", str(folder), "--out", str(tmp_path / "out")],
                                obj={"engine": FakeEngine()})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    problems = lines[lines.index("Problems:") + 1:]
    count = len(normalise(LONG_SITE).split())
    assert problems == [
        'Warning: the entry "Nexplanon" of the guide\'s lexicon.toml matches no word of the '
        "guide, so it changes nothing; check its spelling and its forms, or remove it.",
        "Note: the guide has no source article file, so coverage and drift were not checked.",
        'Warning, chapter 1: espeak-ng reads "AM", written in capitals, as a word when it stands '
        f"alone, not letter by letter (phonemes: {' '.join(espeak('AM').split())}); listen with: "
        'guide say "AM" and with its sentence, and if it should be spelled, add it to the '
        'guide\'s lexicon.toml with say = "eigh M".',
        'Warning, chapter 1: the words "See the table below" work only on paper or a screen, in '
        'the sentence "See the table below."; say "the list that follows" instead.',
        'Warning, chapter 1: the time "12 PM" is often taken for midnight, in the sentence "Take '
        'it at 12 PM."; write "noon" instead.',
        'Warning, chapter 1: the date "03/04/2025" could mean March 4 or April 3, in the editor '
        'note "# Byline: Last updated 03/04/2025"; write the month as a word, like "March 4, '
        '2025" or "April 3, 2025", whichever is meant.',
        'Warning, chapter 1: the list item that starts "a; b; c; d; e" has 5 parts; a listener '
        "can follow at most 4 parts and 25 words, so split it into shorter items.",
        f'Warning, chapter 1: the web address "{LONG_SITE}" takes {count} words to say, in the '
        f'sentence "Go to {LONG_SITE} today."; give a shorter address, like the site\'s main '
        "address or a short link.",
        "0 errors, 7 warnings, 1 note.",
    ]
