"""``guide check``: each kind of problem is found, a clean guide has none, the shipped guide passes."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import textstat
from click.testing import CliRunner

from guide.build.run import BuildOptions, build
from guide.check.run import MAX_CHAPTER_S, check_folder, check_guide
from guide.check.terms import find_term_problems
from guide.check.words import drift_words, article_stems, stem
from guide.cli.app import cli
from .helpers import FakeEngine
from guide.speech.lexicon import Lexicon
from guide.model import Block, BlockKind, Chapter, Guide
from guide.scripts.store import load_guide, shipped_folder

from .helpers import write_guide_folder

DATA = Path(__file__).parent / "data" / "check"
TO_RATE_LINE = (
    "A person must still rate: the material presents information in a logical sequence; the "
    "material uses visual cues to draw attention to key points; text on the screen is easy to "
    "read; the material uses illustrations and photographs that are clear and uncluttered; the "
    "material uses simple tables with short and clear row and column headings; the material "
    "explains how to use the charts, graphs, tables, or diagrams to take actions.")
"The PEMAT-A/V items a person must rate, as the text report says them."


def espeak_phonemes(text: str) -> str:
    """espeak-ng's own phonemes, read independently of the code under test."""
    out = subprocess.run(["espeak-ng", "-q", "-x", "-v", "en-us", text], capture_output=True,
                         text=True, check=True)
    return " ".join(out.stdout.split())


@pytest.fixture
def copy(tmp_path):
    """A copy of a test guide folder in tmp, so that builds and edits touch nothing shared."""
    def make(name: str) -> Path:
        return Path(shutil.copytree(DATA / name, tmp_path / "scripts" / name))
    return make


def run(*args, engine=None):
    return CliRunner().invoke(cli, [str(a) for a in args], obj={"engine": engine or FakeEngine()})


def summary(report) -> set[tuple]:
    """(level, chapter, kind, the fact that identifies it) for every problem."""
    key = {"coverage": "section", "glossary": "term", "term": "term", "sentence": "sentence_words",
           "pronunciation": "word", "source": "source", "drift": "words", "grade": "target_grade"}
    out = set()
    for p in report.problems:
        fact = p.detail.get(key.get(p.kind, ""))
        out.add((p.level, p.chapter, p.kind, tuple(fact) if isinstance(fact, list) else fact))
    return out


# ------------------------------------------------------------ known problems


def test_every_known_problem_is_found_with_its_level_and_chapter(copy, tmp_path):
    report = check_folder(load_guide(copy("problems")), tmp_path / "audio_out")
    assert summary(report) == {
        ("error", None, "coverage", "Costs"),
        ("warning", 1, "glossary", "cerclage"),
        ("error", 2, "sentence", 30),
        ("error", 2, "term", "ultrasound"),
        ("error", 3, "grade", 8.0),
        ("warning", 3, "pronunciation", "FDA"),
        ("warning", 3, "source", "Aftercare"),
        ("warning", 3, "drift", ("vitamins",)),
    }
    assert not report.ok and report.count("error") == 4 and report.count("warning") == 4


def test_the_grade_is_textstats_flesch_kincaid(copy, tmp_path):
    guide = load_guide(copy("problems"))
    report = check_folder(guide, tmp_path / "audio_out")
    textstat.set_lang("en_US")
    for stats, chapter in zip(report.chapters, guide.chapters):
        text = " ".join(b.text if b.text.endswith(".") else b.text + "." for b in chapter.blocks)
        assert stats.fk_grade == pytest.approx(textstat.flesch_kincaid_grade(text), abs=0.06)
    assert report.chapters[2].fk_grade > 8 >= max(c.fk_grade for c in report.chapters[:2])


def test_an_initialism_comes_with_espeaks_own_phonemes(copy, tmp_path):
    report = check_folder(load_guide(copy("problems")), tmp_path / "audio_out")
    found = next(p for p in report.problems if p.kind == "pronunciation")
    assert found.detail["reason"] == "spelled"
    assert found.detail["phonemes"] == espeak_phonemes("FDA")


def test_a_word_in_the_guides_lexicon_is_no_longer_reported(copy, tmp_path):
    folder = copy("problems")
    (folder / "lexicon.toml").write_text('[FDA]\nsay = "F D A"\n', encoding="utf-8")
    report = check_folder(load_guide(folder), tmp_path / "audio_out")
    assert not [p for p in report.problems if p.kind == "pronunciation"]


def test_words_with_no_vowel_and_words_in_no_dictionary_are_reported(tmp_path):
    folder = write_guide_folder(tmp_path / "g", {
        "guide.toml": 'title = "G"\nsource = "none"\n',
        "01-a.txt": "# Title: A\n\nHmm, the Zorblat clinic is open.\n",
        "02-b.txt": "# Title: B\n\nThe zorblat clinic is open.\n"})
    report = check_folder(load_guide(folder), tmp_path / "out")
    words = {p.detail["word"]: p for p in report.problems if p.kind == "pronunciation"}
    assert set(words) == {"Hmm", "Zorblat"}
    assert words["Hmm"].detail["reason"] == "spelled"
    assert words["Zorblat"].detail["reason"] == "unknown"
    assert words["Zorblat"].detail["phonemes"] == espeak_phonemes("Zorblat")
    assert (words["Zorblat"].chapter, words["Zorblat"].detail["chapters"]) == (1, [1, 2])
    (folder / "guide.toml").write_text('title = "G"\nsource = "none"\nlanguage = "fr-FR"\n')
    french = check_folder(load_guide(folder), tmp_path / "out")
    assert [p.detail["word"] for p in french.problems if p.kind == "pronunciation"] == ["Hmm"]


def test_a_capital_word_espeak_reads_as_a_word_is_reported_as_such(tmp_path):
    folder = write_guide_folder(tmp_path / "g", {
        "guide.toml": 'title = "G"\nsource = "none"\n',
        "01-a.txt": "# Title: A\n\nIt was in OBG Management.\n"})
    report = check_folder(load_guide(folder), tmp_path / "out")
    (found,) = [p for p in report.problems if p.kind == "pronunciation"]
    assert found.detail["reason"] == "capitals"
    assert 'say = "O B G"' in found.message


# ------------------------------------------------------------------ clean


def test_a_clean_guide_has_no_problems(copy, tmp_path):
    report = check_folder(load_guide(copy("clean")), tmp_path / "audio_out")
    assert report.problems == [] and report.ok


def test_cli_clean_guide_exact_output(copy, tmp_path):
    result = run("check", copy("clean"), "--out", tmp_path / "audio_out")
    assert result.exit_code == 0
    assert result.stdout == (
        "Draft: not yet approved for patient use.\n"
        "Chapter 1, What it is: 17 words, grade 2.3, SMOG not rated, about 20 s.\n"
        "Chapter 2, After the stitch: 17 words, grade 1.6, SMOG not rated, about 13 s.\n"
        "Chapter 3, Words to know: 13 words, grade 2.4, SMOG not rated, about 13 s.\n"
        "PEMAT-A/V self-check: understandability 80 %, actionability 33 %. Not met: the purpose "
        "is clear at the start; it speaks to the listener directly; actions are broken into "
        "steps.\n"
        f"{TO_RATE_LINE}\n"
        "No problems found.\n")
    assert result.stderr == "The guide is not built, so lengths are estimates at 150 words a minute.\n"


def test_cli_problems_exact_output_and_exit_status(copy, tmp_path):
    result = run("check", copy("problems"), "--out", tmp_path / "audio_out")
    assert result.exit_code == 1
    approval, *lines = result.stdout.splitlines()
    assert approval == "Draft: not yet approved for patient use."
    assert lines[:4] == [
        "Chapter 1, What it is: 17 words, grade 2.3, SMOG not rated, about 20 s.",
        "Chapter 2, Who needs it: 44 words, grade 6.2, SMOG 6.4, about 25 s.",
        "Chapter 3, After the stitch: 31 words, grade 11.4, SMOG 12.2, about 20 s.",
        "Chapter 4, Words to know: 17 words, grade 3.7, SMOG not rated, about 14 s.",
    ]
    assert lines[4:] == [
        "PEMAT-A/V self-check: understandability 50 %, actionability 33 %. Not met: the purpose "
        "is clear at the start; it uses everyday words; medical words are explained; it has a "
        "summary; it speaks to the listener directly; actions are broken into steps.",
        TO_RATE_LINE,
        "Problems:",
        'Error: no chapter uses the article section "Costs"; every section must be in the '
        'narration, so put its facts in a chapter and name it on that chapter\'s "# Source:" line.',
        'Warning, chapter 1: the medical word "cerclage" is not explained in any Words to know '
        "chapter; add it there.",
        'Error, chapter 2: the sentence that starts "The doctor checks the cervix with an '
        'ultrasound," has 30 words; the limit is 25.',
        'Error, chapter 2: the medical word "ultrasound" is heard before it is explained, in the '
        'sentence "The doctor checks the cervix with an ultrasound, and then the doctor checks '
        "the cervix again and again when the women with a weak cervix may need a cerclage "
        'stitch."; say what it means there or in the next 3 sentences.',
        "Error, chapter 3: its reading grade is 11.4, above the guide's target of 8; use shorter "
        "sentences and shorter words.",
        f'Warning, chapter 3: espeak-ng spells "FDA" letter by letter (phonemes: '
        f'{espeak_phonemes("FDA")}); listen with: guide say "FDA", and if that is right, add it '
        "to the guide's lexicon.toml.",
        'Warning, chapter 3: its "# Source:" line names "Aftercare", which is not a section of '
        "the article; the sections are: Introduction, Who needs it, After the stitch, Costs.",
        "Warning, chapter 3: 1 word that the article does not use: vitamins; check that it "
        "brings in no new medical claim.",
        "4 errors, 4 warnings.",
    ]


def test_json_has_the_documented_keys(copy, tmp_path):
    result = run("check", copy("problems"), "--json", "--out", tmp_path / "audio_out")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    for chapter in data["chapters"]:
        assert {"number", "title", "words", "fk_grade", "smog", "wpm", "duration_s", "sentences",
                "avg_sentence_words", "longest_sentence_words", "estimated"} <= set(chapter)
    assert [c["number"] for c in data["chapters"]] == [1, 2, 3, 4]
    assert all(c["wpm"] is None and c["estimated"] for c in data["chapters"])
    for problem in data["problems"]:
        assert {"level", "chapter", "message"} <= set(problem)
        assert problem["level"] in ("error", "warning", "info")
    assert data["summary"] == {"error": 4, "warning": 4, "info": 0}
    clean = run("check", copy("clean"), "--json", "--out", tmp_path / "audio_out")
    assert clean.exit_code == 0 and json.loads(clean.stdout)["problems"] == []


def test_warnings_alone_exit_zero(tmp_path, copy):
    folder = copy("clean")
    script = folder / "02-after-the-stitch.txt"
    script.write_text(script.read_text() + "\nDrink water.\n", encoding="utf-8")
    result = run("check", folder, "--out", tmp_path / "audio_out")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-2:] == [
        "Warning, chapter 2: 2 words that the article does not use: drink, water; check that "
        "they bring in no new medical claim.",
        "0 errors, 1 warning."]


def test_unknown_guide_is_one_sentence(tmp_path):
    result = run("check", tmp_path / "nowhere")
    assert result.exit_code == 1
    assert result.stderr == f"{tmp_path / 'nowhere'} is not a guide folder: it has no guide.toml.\n"


# ------------------------------------------------------------- the article


def test_an_unreadable_article_is_an_error_not_a_traceback(copy, tmp_path):
    folder = copy("clean")
    (folder / "source.md").write_bytes(b"")
    result = run("check", folder, "--out", tmp_path / "audio_out")
    assert result.exit_code == 1
    assert "Error: the source article could not be read: " in result.stdout
    assert "Traceback" not in result.output


def test_without_a_source_file_coverage_is_not_checked(copy, tmp_path):
    folder = copy("clean")
    (folder / "source.md").unlink()
    report = check_folder(load_guide(folder), tmp_path / "audio_out")
    assert [(p.level, p.message) for p in report.problems] == [
        ("info", "the guide has no source article file, so coverage and drift were not checked.")]
    assert report.ok


def test_the_articles_sources_list_must_be_read(tmp_path):
    folder = write_guide_folder(tmp_path / "g", {
        "guide.toml": 'title = "G"\nsource = "source.md"\nsource_age_years = 50\n',
        "source.md": "# T\n\nRest well.\n\n## Sources\n\n- A book, 2001.\n",
        "01-a.txt": "# Title: A\n# Source: Introduction\n\nRest well.\n"})
    report = check_folder(load_guide(folder), tmp_path / "out")
    assert summary(report) == {("warning", None, "coverage", "Article Sources")}
    (folder / "02-sources.txt").write_text("# Title: Sources\n# Source: Article Sources\n\n"
                                           "- A book, 2001.\n", encoding="utf-8")
    assert check_folder(load_guide(folder), tmp_path / "out").problems == []


def test_drift_ignores_word_forms_the_article_uses():
    stems = article_stems("The cervix dilates and is weakened; doctors monitor it.")
    assert drift_words("Dilating, dilated, weak cervixes; a doctor monitoring a new vitamin.",
                       stems) == ["new", "vitamin"]
    assert stem("stopped") == stem("stop") and stem("babies") == stem("baby")


# ---------------------------------------------------------------- lengths


def test_lengths_are_measured_once_built_and_estimated_again_after_an_edit(copy, tmp_path):
    folder = copy("clean")
    out = tmp_path / "audio_out"
    built = build(load_guide(folder), FakeEngine(), BuildOptions(out_root=out, cache_dir=tmp_path / "c"))
    report = check_folder(load_guide(folder), out)
    assert report.built and not any(c.estimated for c in report.chapters)
    for stats, chapter in zip(report.chapters, built.manifest.chapters):
        assert stats.duration_s == pytest.approx(chapter.duration_s, abs=0.01)
        assert stats.wpm == pytest.approx(stats.words * 60 / chapter.duration_s, abs=0.1)
    result = run("check", folder, "--out", out)
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.splitlines()[0] == "Draft: not yet approved for patient use."
    assert result.stdout.splitlines()[1].endswith(" words a minute.")
    script = folder / "02-after-the-stitch.txt"
    script.write_text(script.read_text() + "\nRest for a few days.\n", encoding="utf-8")
    again = check_folder(load_guide(folder), out)
    assert [c.estimated for c in again.chapters] == [False, True, False]
    stale = run("check", folder, "--out", out)
    assert stale.stderr == ("Some chapters changed after the guide was built, so their lengths "
                            "are estimates. Run: guide build\n")
    assert stale.stdout.splitlines()[2] == ("Chapter 2, After the stitch: 22 words, grade 0.7, "
                                            "SMOG 3.1, about 16 s.")


def _long_guide(tmp_path: Path) -> Path:
    sentence = "Rest for a few days after the stitch."
    return write_guide_folder(tmp_path / "scripts" / "long", {
        "guide.toml": 'title = "Long"\nsource = "none"\n',
        "01-long.txt": "# Title: Long\n\n" + "\n".join([sentence] * 60) + "\n"})


def test_a_long_chapter_is_estimated_before_the_build_and_measured_after(tmp_path):
    folder = _long_guide(tmp_path)
    out = tmp_path / "audio_out"
    before = next(p for p in check_folder(load_guide(folder), out).problems if p.kind == "length")
    assert before.level == "warning" and before.detail["estimated"] is True
    assert before.message.startswith("it will be about ")
    assert "(an estimate, as the guide is not built); the limit is 3 min, so split it" in before.message
    build(load_guide(folder), FakeEngine(), BuildOptions(out_root=out, cache_dir=tmp_path / "c"))
    after = next(p for p in check_folder(load_guide(folder), out).problems if p.kind == "length")
    assert after.detail["estimated"] is False and after.detail["duration_s"] > MAX_CHAPTER_S
    assert after.message.startswith("it is ") and "estimate" not in after.message


# ---------------------------------------------------------- explained terms


def _guide(*chapters: tuple[str, list[str]]) -> Guide:
    """A guide in memory: (title, blocks); a block starting "- " is a list item."""
    out = Guide(slug="t", title="T")
    for number, (title, blocks) in enumerate(chapters, start=1):
        made = [Block(b[2:], BlockKind.ITEM) if b.startswith("- ") else Block(b) for b in blocks]
        out.chapters.append(Chapter(number, title, made, ["Introduction"], f"{number:02d}-x"))
    return out


def _unexplained(*chapters) -> list[str]:
    found = find_term_problems(_guide(*chapters), Lexicon.builtin())
    return [f.entry.term for f in found if f.kind == "unexplained"]


@pytest.mark.parametrize("text", [
    "A cerclage is a stitch in the cervix.",
    "Cerclage means a stitch in the cervix.",
    "Your doctor may put in a stitch. This stitch is called a cerclage.",
    "Doctors also call this stitch a cerclage.",
    "You may need a cerclage. It is a stitch in the cervix.",
    "You may need a cerclage. Your doctor will talk with you. A cerclage is a stitch.",
    "In a cerclage, the doctor puts a stitch in the cervix.",
    "You may need a cerclage. In a cerclage, the doctor puts in a stitch.",
    "Cervical cerclage is a stitch in the cervix.",
])
def test_cerclage_counts_as_explained(text):
    assert "cerclage" not in _unexplained(("A", [text]))


@pytest.mark.parametrize("text", [
    "You may need a cerclage.",
    "You may need a cerclage. Rest. Sleep. Eat well. A cerclage is a stitch.",
    "A cerclage can help some women.",
    "Later, you may hear that a cerclage is a stitch.",
])
def test_cerclage_counts_as_not_explained(text):
    assert "cerclage" in _unexplained(("A", [text]))


def test_a_heading_item_explains_and_the_title_is_not_counted():
    assert _unexplained(("Cerclage and LEEP", ["- LEEP. It uses a thin wire loop.",
                                                "- Cerclage. A stitch to keep the womb closed."])) == []


def test_explained_in_an_earlier_chapter_counts_and_the_next_chapter_does_not():
    assert _unexplained(("A", ["A cerclage is a stitch."]), ("B", ["You may need a cerclage."])) == []
    assert _unexplained(("A", ["You may need a cerclage."]), ("B", ["A cerclage is a stitch."])) \
        == ["cerclage"]


def test_quotations_and_citation_chapters_are_read_as_written(tmp_path):
    assert _unexplained(("A", ['Its title is "Cerclage and you."']),
                        ("B", ["A cerclage is a stitch."])) == []
    assert _unexplained(("A", ["Its title is Cerclage and you."]),
                        ("B", ["A cerclage is a stitch."])) == ["cerclage"]
    folder = write_guide_folder(tmp_path / "g", {
        "guide.toml": 'title = "G"\nsource = "source.md"\n',
        "source.md": "# T\n\nRest well.\n\n## Sources\n\n- American College of Obstetricians.\n",
        "01-a.txt": "# Title: A\n# Source: Introduction\n\nRest well.\n",
        "02-sources.txt": "# Title: Sources\n# Source: Article Sources\n\n"
                          "This guide is based on these.\n\n- American College of Obstetricians.\n"})
    report = check_folder(load_guide(folder), tmp_path / "out")
    assert summary(report) == {("info", 2, "drift", ("based",))}


def test_a_glossary_intro_may_name_words_its_items_explain():
    found = find_term_problems(_guide(
        ("Words to know", ["This part goes from cerclage to cervix.", "- Cerclage. A stitch.",
                           "- Cervix. The lower part of the womb."])), Lexicon.builtin())
    assert found == []


def test_no_glossary_chapter_is_one_warning(tmp_path):
    report = check_guide(_guide(("A", ["A cerclage is a stitch in the cervix."])), Lexicon.builtin())
    (found,) = [p for p in report.problems if p.kind == "glossary"]
    assert (found.level, found.chapter) == ("warning", None)
    assert found.detail["terms"] == ["cerclage", "cervix"]


# ---------------------------------------------------------- the shipped guide


def test_the_shipped_guide_passes_its_own_check(tmp_path):
    folder = shipped_folder()
    assert folder is not None
    guide = load_guide(folder)
    report = check_folder(guide, tmp_path / "audio_out")
    assert report.ok, [p.message for p in report.problems if p.level == "error"]
    assert all(c.fk_grade <= 8 for c in report.chapters)
    titles = [c.title for c in guide.chapters]
    assert "Key points" in titles
    assert any(t.startswith("Words to know") for t in titles)
    kinds = {p.kind for p in report.problems}
    assert not kinds & {"term", "glossary", "grade", "sentence", "coverage", "source",
                        "pronunciation", "length"}


def test_cli_shipped_guide_exit_zero(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("check", "--out", tmp_path / "audio_out")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.splitlines()[-1].startswith("0 errors, ")


def test_a_voice_with_no_licence_on_record_is_a_warning(copy, tmp_path):
    folder = copy("clean")
    out = tmp_path / "audio_out"

    class Unlicensed(FakeEngine):
        def describe_voice(self, voice):
            return {**super().describe_voice(voice), "licence": ""}

    build(load_guide(folder), Unlicensed(), BuildOptions(out_root=out, cache_dir=tmp_path / "c"))
    problems = [(p.level, p.kind, p.message) for p in check_folder(load_guide(folder), out).problems]
    assert ("warning", "voice-licence", "the voice en-us has no licence on record, so check that "
            "you may hand out its audio") in problems
    build(load_guide(folder), FakeEngine(), BuildOptions(out_root=out, cache_dir=tmp_path / "c"))
    assert "voice-licence" not in [p.kind for p in check_folder(load_guide(folder), out).problems]
