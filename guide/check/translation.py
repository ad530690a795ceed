"""The translation check: does a translated guide say what its original says, chapter for chapter?

A guide with ``translation_of = "SLUG"`` in guide.toml is a translation of
the guide SLUG. :func:`find_original` looks for it first beside the
translation (a folder SLUG under the same scripts folder), then among the
guides shipped with the package. :func:`translation_problems` then compares:

* **the chapter count**: a translation has as many chapters as its original,
  in the same order (when the counts differ, that is the one error, since
  chapters cannot then be matched by number);
* **medical words**: each medical word of the original's chapter (the
  English terms of the bilingual lexicon, ``en = "..."`` in
  ``guide/data/lexicon.es.toml``, read through
  :func:`guide.speech.es.term_map`, as the English guide writes them) has one
  of its Spanish counterparts in the matching chapter of the translation;
* **numbers and years**: each chapter says the same numbers as its original,
  in digits or in words (:func:`guide.check.numbers.numbers_in`), both ways
  round.

Each mismatch is an error naming the chapter and the word or number. A
medical word of the original that the bilingual lexicon does not translate
cannot be checked, which is a warning. Only a Spanish translation of an
English guide has a bilingual lexicon; another pair of languages gets the
chapter count and the numbers, and a note that its words were not compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from guide.check import numbers as check_numbers
from guide.check.language import primary, rules_language
from guide.check.messages import check_message
from guide.check.problem import Problem
from guide.errors import GuideError
from guide.model import Chapter, Guide
from guide.speech.lexicon import Entry, Lexicon

KIND = "translation"
"The kind of every problem this check finds."


def find_original(guide: Guide) -> Path | None:
    """The folder of the guide ``guide`` translates: a sibling folder named by its slug, or
    the shipped guide of that slug; ``None`` when there is neither."""
    from guide.scripts.store import shipped_folder

    slug = guide.translation_of
    if not slug:
        return None
    if guide.folder is not None:
        sibling = Path(guide.folder).parent / slug
        if (sibling / "guide.toml").is_file() and sibling.resolve() != Path(guide.folder).resolve():
            return sibling
    return shipped_folder(slug)


def translation_problems(guide: Guide) -> list[Problem]:
    """Every problem of the translation check (see above); [] when ``guide`` is no translation."""
    from guide.scripts.store import load_guide

    if not guide.translation_of:
        return []
    folder = find_original(guide)
    if folder is None:
        return [Problem("error", None, check_message(
                        guide.language, "original_missing", original=guide.translation_of), KIND,
                        {"original": guide.translation_of})]
    try:
        original = load_guide(folder)
    except GuideError as error:
        return [Problem("error", None, check_message(
                        guide.language, "original_unreadable", original=guide.translation_of,
                        error=error), KIND,
                        {"original": guide.translation_of})]
    return compare(original, guide)


def compare(original: Guide, translation: Guide) -> list[Problem]:
    """The translation check of ``translation`` against ``original``, both loaded."""
    lang = translation.language
    ours, theirs = len(translation.chapters), len(original.chapters)
    if ours != theirs:
        return [Problem("error", None, check_message(
                        lang, "chapter_count", chapters=ours, original=original.slug,
                        original_chapters=theirs), KIND,
                        {"original": original.slug, "chapters": ours, "original_chapters": theirs})]
    words = _bilingual(original, translation)
    problems: list[Problem] = []
    if words is None:
        problems.append(Problem("info", None, check_message(
            lang, "no_bilingual_lexicon", original_language=original.language,
            language=translation.language), KIND, {"original": original.slug}))
    for mine, theirs_chapter in zip(translation.chapters, original.chapters, strict=True):
        if words is not None:
            problems += _term_problems(mine, theirs_chapter, words.english, words.term_map, lang)
        problems += _number_problems(mine, theirs_chapter, translation.language,
                                     original.language)
    if words is not None:
        problems += _untranslated(original, words.term_map, words.original, lang)
    return problems


# --------------------------------------------------------------- medical words


@dataclass(frozen=True)
class Bilingual:
    """The words the translation check compares."""

    english: Lexicon
    "The English terms of the term map, as a lexicon that finds them in the original."
    term_map: dict[str, tuple[str, ...]]
    "English term → the Spanish forms that translate it (:func:`guide.speech.es.term_map`)."
    original: Lexicon
    "The original's own lexicon (built-in and its folder's), to find its medical words."


def _bilingual(original: Guide, translation: Guide) -> Bilingual | None:
    """The words to compare, or ``None`` for a pair of languages with no bilingual lexicon."""
    if primary(original.language) != "en" or primary(translation.language) != "es":
        return None
    from guide.speech import es

    term_map = es.term_map()
    theirs = Lexicon.load(original.folder, rules_language(original.language))
    entries = []
    for term in term_map:
        entry = theirs.lookup(term)
        entries.append(replace(entry, term=term) if entry is not None
                       else Entry(term, forms=_english_plural(term),
                                  match_case=term.isupper()))
    return Bilingual(Lexicon(entries), term_map, theirs)


def _english_plural(term: str) -> tuple[str, ...]:
    """The plural of an English term not in the English lexicon: 'risk factor' → 'risk factors'."""
    if term.isupper() or not term[-1:].isalpha():
        return ()
    return (term + ("es" if term.endswith(("s", "x", "ch", "sh")) else "s"),)


def _spoken_text(chapter: Chapter) -> str:
    return f"{chapter.title}\n{chapter.text}"


def _term_problems(mine: Chapter, theirs: Chapter, english: Lexicon,
                   term_map: dict[str, tuple[str, ...]], language: str) -> list[Problem]:
    text = _spoken_text(mine)
    problems, seen = [], set()
    for use in english.terms_in(_spoken_text(theirs)):
        term = use.entry.term
        if term in seen:
            continue
        seen.add(term)
        forms = term_map[term]
        if not any(_has_form(text, form) for form in forms):
            said = ", ".join(f'"{f}"' for f in forms)
            problems.append(Problem("error", mine.number, check_message(
                language, "term_not_translated", original_chapter=theirs.number, term=term,
                forms=said), KIND,
                {"term": term, "forms": list(forms), "original_chapter": theirs.number}))
    return problems


def _has_form(text: str, form: str) -> bool:
    """Whether ``text`` has ``form`` as whole words (any case, but a form in capitals as is)."""
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in form.split()) + r"(?!\w)"
    return re.search(pattern, text, 0 if form.isupper() else re.IGNORECASE) is not None


def _untranslated(original: Guide, term_map: dict[str, tuple[str, ...]],
                  own: Lexicon, language: str) -> list[Problem]:
    """A warning for each medical word of the original that the bilingual lexicon lacks."""
    problems, seen = [], set()
    for chapter in original.chapters:
        for use in own.terms_in(_spoken_text(chapter)):
            entry = use.entry
            if not entry.define or entry.term in term_map or entry.term in seen:
                continue
            seen.add(entry.term)
            problems.append(Problem("warning", None, check_message(
                language, "term_untranslated", term=entry.term, original_chapter=chapter.number),
                KIND, {"term": entry.term, "original_chapter": chapter.number}))
    return problems


# -------------------------------------------------------------------- numbers


def _number_problems(mine: Chapter, theirs: Chapter, language: str,
                     original_language: str) -> list[Problem]:
    ours = check_numbers.numbers_in(_spoken_text(mine), language)
    originals = check_numbers.numbers_in(_spoken_text(theirs), original_language)
    problems = []
    for value, written in originals.items():
        if value not in ours:
            problems.append(Problem("error", mine.number, check_message(
                language, "number_lost", original_chapter=theirs.number, number=value,
                written=written), KIND, {"number": value, "written": written,
                                "original_chapter": theirs.number, "missing": "translation"}))
    for value, written in ours.items():
        if value not in originals:
            problems.append(Problem("error", mine.number, check_message(
                language, "number_added", original_chapter=theirs.number, number=value,
                written=written), KIND, {"number": value, "written": written,
                                            "original_chapter": theirs.number,
                                            "missing": "original"}))
    return problems
