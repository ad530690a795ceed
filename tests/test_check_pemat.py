"""The PEMAT-A/V self-check: each automatic item both ways, the score, the text and JSON."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from guide.check.run import MAX_CHAPTER_S, ChapterStats
from guide.check.pemat import (TO_RATE, informative_title, is_action, is_passive, pemat,
                               report_lines, score_items)
from guide.check.problem import Problem
from guide.cli.app import cli
from .helpers import FakeEngine
from guide.speech.lexicon import Lexicon
from guide.model import Block, BlockKind, Chapter, Guide

from .helpers import write_guide_folder

GOOD = {
    "About this guide": "This guide is about your cervical stitch.\nYou will hear how to care for it.",
    "Key points": "- Call your doctor if you bleed.\n- Rest for two days after the stitch.",
    "After the stitch": "You can walk the next day.\nYour doctor will check the stitch.",
}
"A guide that every automatic item agrees with."


def chapters(spec: dict[str, str]) -> list[Chapter]:
    out = []
    for number, (title, text) in enumerate(spec.items(), start=1):
        blocks = [Block(line[2:], BlockKind.ITEM) if line.startswith("- ") else Block(line)
                  for line in text.splitlines()]
        out.append(Chapter(number, title, blocks, ["Introduction"]))
    return out


def score(spec=GOOD, *, seconds=(90.0, 90.0, 90.0), grades=(4.0, 4.0, 4.0), wpm=150,
          measured=None, problems=(), citations=()):
    """The self-check of a guide made from ``spec``, with its chapters' figures as given;
    ``measured`` gives (words, seconds) of built chapters."""
    guide = Guide("g", "Cervical stitch care", chapters(spec))
    stats = []
    for i, chapter in enumerate(guide.chapters):
        words, duration, estimated = len(chapter.text.split()), seconds[i], True
        if measured:
            words, duration, estimated = measured[i][0], measured[i][1], False
        stats.append(ChapterStats(chapter.number, chapter.title, words, 2, 5.0, 8, grades[i],
                                  None, duration, None, estimated))
    report = SimpleNamespace(chapters=stats, problems=list(problems), target_grade=8.0)
    return pemat(guide, Lexicon.builtin(), report, wpm, MAX_CHAPTER_S, set(citations))


def item(result, name):
    domain = "understandability" if name in result["understandability"]["items"] else "actionability"
    return result[domain]["items"][name]


def with_(title=None, text=None, old="After the stitch"):
    """GOOD with its third chapter given a new title or text."""
    spec = dict(GOOD)
    body = spec.pop(old)
    spec[title or old] = body if text is None else text
    return spec


def test_a_good_guide_agrees_with_every_item():
    result = score()
    assert result == {
        "understandability": {
            "items": {"purpose": True, "everyday_words": True, "medical_terms_defined": True,
                      "active_voice": True, "chunked": True, "informative_titles": True,
                      "summary": True, "heard_clearly": True},
            "percent": 100, "to_rate": TO_RATE["understandability"]},
        "actionability": {
            "items": {"action": True, "addresses_listener": True, "steps": True},
            "percent": 100, "to_rate": TO_RATE["actionability"]},
    }


@pytest.mark.parametrize(("name", "kwargs", "value"), [
    # the purpose: the first sentences of chapter 1 name the topic
    ("purpose", {"spec": {**GOOD, "About this guide": "Welcome. Please listen. It is short.\n"
                                                      "Cervical care comes later."}}, False),
    ("purpose", {"spec": {**GOOD, "About this guide": "Welcome. Please listen.\n"
                                                      "It is about stitches."}}, True),
    # everyday words: no chapter above the target grade
    ("everyday_words", {"grades": (4.0, 8.0, 5.0)}, True),
    ("everyday_words", {"grades": (4.0, 8.1, 5.0)}, False),
    # medical terms: no term error
    ("medical_terms_defined", {"problems": [Problem("warning", 2, "x", "glossary")]}, True),
    ("medical_terms_defined", {"problems": [Problem("error", 2, "x", "term")]}, False),
    # active voice: at least 75 % of sentences
    ("active_voice", {"spec": with_(text="The stitch is removed.\nYou walk.")}, True),    # 5 of 6
    ("active_voice", {"spec": with_(text="The stitch is removed.\nIt was put in.\n"
                                         "It is done.")}, False),                        # 4 of 7
    # chunked: every chapter 3 minutes or less; not applicable under a minute in all
    ("chunked", {"seconds": (90.0, 180.0, 90.0)}, True),
    ("chunked", {"seconds": (90.0, 180.5, 90.0)}, False),
    ("chunked", {"seconds": (20.0, 20.0, 19.9)}, None),
    # informative titles
    ("informative_titles", {"spec": with_("Part 3")}, False),
    ("informative_titles", {"spec": with_("Signs")}, False),
    ("informative_titles", {"spec": with_("Cerclage")}, True),       # a medical word
    ("informative_titles", {"spec": with_("Sources")}, False),
    ("informative_titles", {"spec": with_("Sources"), "citations": [3]}, True),
    ("informative_titles", {"seconds": (20.0, 20.0, 19.9), "spec": with_("Part 3")}, None),
    # a summary
    ("summary", {"spec": {**with_("In short", old="Key points")}}, True),
    ("summary", {"spec": {**with_("What to do", old="Key points")}}, False),
    ("summary", {"seconds": (20.0, 20.0, 19.9)}, None),
    # heard clearly: 120 to 160 words a minute, measured when built
    ("heard_clearly", {"wpm": 120}, True),
    ("heard_clearly", {"wpm": 160}, True),
    ("heard_clearly", {"wpm": 119}, False),
    ("heard_clearly", {"wpm": 161}, False),
    ("heard_clearly", {"wpm": 150, "measured": [(100, 60.0), (100, 60.0), (50, 15.0)]}, False),
    ("heard_clearly", {"wpm": 300, "measured": [(140, 60.0), (140, 60.0), (70, 30.0)]}, True),
    # an action
    ("action", {"spec": {"About this guide": "This guide is about a cervical stitch.",
                         "Key points": "- The stitch holds the cervix.",
                         "After the stitch": "Doctors call it a cerclage."}}, False),
    ("action", {"spec": {"About this guide": "This guide is about a cervical stitch.",
                         "Key points": "- The stitch holds the cervix.",
                         "After the stitch": "Please ask about it."}}, True),
    # the listener spoken to: "you" or "your" in most chapters
    ("addresses_listener", {"spec": {**GOOD, "Key points": "- Call the doctor.\n- Rest."}}, True),
    ("addresses_listener", {"spec": {**GOOD, "Key points": "- Call the doctor.\n- Rest.",
                                     "After the stitch": "Walk the next day."}}, False),
    # steps: an action in a list, or "Step 1:"; not applicable with no action
    ("steps", {"spec": {**GOOD, "Key points": "Call your doctor.\n- The stitch is small."}},
     False),
    ("steps", {"spec": {**GOOD, "Key points": "Step 1: call your doctor."}}, True),
    ("steps", {"spec": {"About this guide": "This guide is about a cervical stitch.",
                        "Key points": "- The stitch holds the cervix."}}, None),
])
def test_each_item_both_ways(name, kwargs, value):
    if "spec" in kwargs and len(kwargs["spec"]) == 2:
        kwargs = {"seconds": (90.0, 90.0), "grades": (4.0, 4.0), **kwargs}
    assert item(score(**kwargs), name) is value


@pytest.mark.parametrize(("sentence", "passive"), [
    ("The stitch is called a cerclage.", True),
    ("It is usually found too late.", True),
    ("The pregnancy may be lost.", True),
    ("Your loss might have been prevented.", True),
    ("You may be told to rest.", True),
    ("It isn't always found in time.", True),
    ("Doctors call the stitch a cerclage.", False),
    ("You may feel tired or worried.", False),
    ("You are not to blame.", False),
    ("Your cervix is weak.", False),
    ("It is a need you have.", False),
    ("This is needed.", True),
])
def test_passive(sentence, passive):
    assert is_passive(sentence) is passive


@pytest.mark.parametrize(("sentence", "action"), [
    ("Call your doctor.", True),
    ("Please talk with your nurse.", True),
    ("So see a specialist early.", True),
    ("You should rest.", True),
    ("You may want to join a support group.", True),
    ("It helps to talk to someone.", True),
    ("Doctors call the womb the uterus.", False),
    ("The doctor may ask about your health.", False),
    ("You had a loss.", False),
])
def test_action(sentence, action):
    assert is_action(sentence) is action


@pytest.mark.parametrize(("title", "informative"), [
    ("Key points", True), ("Coping with a loss", True), ("Cerclage", True),
    ("Part 1", False), ("Chapter 3", False), ("Section", False), ("Part two", False),
    ("Introduction", False), ("Signs", False),
])
def test_informative_title(title, informative):
    assert informative_title(title, Lexicon.builtin()) is informative


@pytest.mark.parametrize(("items", "percent"), [
    ({"a": True, "b": True, "c": False}, 67),
    ({"a": True, "b": False, "c": None}, 50),
    ({"a": True, "b": True, "c": True, "d": True, "e": True, "f": True, "g": True, "h": False},
     88),
    ({"a": None}, None),
])
def test_percent_is_agreed_over_applicable(items, percent):
    assert score_items(items) == percent


RATE = ("A person must still rate: the material presents information in a logical sequence; the "
        "material uses visual cues to draw attention to key points; text on the screen is easy "
        "to read; the material uses illustrations and photographs that are clear and "
        "uncluttered; the material uses simple tables with short and clear row and column "
        "headings; the material explains how to use the charts, graphs, tables, or diagrams to "
        "take actions.")


@pytest.mark.parametrize(("kwargs", "first"), [
    ({}, "PEMAT-A/V self-check: understandability 100 %, actionability 100 %."),
    ({"wpm": 200, "spec": with_("Signs")},
     "PEMAT-A/V self-check: understandability 75 %, actionability 100 %. Not met: the chapter "
     "titles say what is in them; the words can be heard clearly."),
    ({"spec": {"About this guide": "This guide is about a cervical stitch.",
               "Key points": "- The stitch holds the cervix."}, "seconds": (90.0, 90.0),
      "grades": (4.0, 4.0)},
     "PEMAT-A/V self-check: understandability 100 %, actionability 0 %. Not met: it names at "
     "least one action; it speaks to the listener directly."),
])
def test_the_text_lines(kwargs, first):
    assert report_lines(score(**kwargs)) == [first, RATE]


def test_no_self_check_no_lines():
    assert report_lines({}) == []


def test_cli_prints_the_two_lines_after_the_chapters_and_json_has_pemat(tmp_path):
    folder = write_guide_folder(tmp_path / "scripts" / "g", {
        "guide.toml": 'title = "Cervical stitch care"\nsource = "none"\n',
        "01-a.txt": "# Title: About this guide\n\nThis guide is about your cervical stitch.\n",
        "02-b.txt": "# Title: Key points\n\n- Call your doctor if you bleed.\n- Rest for a day.\n"})
    args = ["check", str(folder), "--out", str(tmp_path / "out")]
    text = CliRunner().invoke(cli, args, obj={"engine": FakeEngine()})
    lines = text.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("PEMAT"))
    assert lines[at - 1].startswith("Chapter 2, Key points: ")
    assert lines[at:at + 2] == [      # "cervical" is heard before it is explained: a term error
        "PEMAT-A/V self-check: understandability 80 %, actionability 100 %. Not met: medical "
        "words are explained.", RATE]
    assert lines[at + 2] == "Problems:"
    data = json.loads(CliRunner().invoke(cli, [*args, "--json"],
                                         obj={"engine": FakeEngine()}).stdout)
    assert set(data["pemat"]) == {"understandability", "actionability"}
    for domain in ("understandability", "actionability"):
        assert set(data["pemat"][domain]) == {"items", "percent", "to_rate"}
        assert data["pemat"][domain]["to_rate"] == TO_RATE[domain]
    assert list(data["pemat"]["understandability"]["items"]) == [
        "purpose", "everyday_words", "medical_terms_defined", "active_voice", "chunked",
        "informative_titles", "summary", "heard_clearly"]
    assert list(data["pemat"]["actionability"]["items"]) == ["action", "addresses_listener",
                                                             "steps"]
