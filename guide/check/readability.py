"""How hard a chapter is to follow, by the formulas of its language.

English (and any language checked with English rules, see
:mod:`guide.check.language`): the Flesch-Kincaid grade and the SMOG grade,
from textstat. A chapter above the guide's ``target_grade`` is an error.

Spanish: Fernández-Huerta and INFLESZ (Szigriszt-Pazos), with syllables
counted by Spanish rule (:mod:`guide.check.readability_es`, not textstat's
Pyphen counts). A chapter below the guide's ``target_inflesz`` (default 65,
"bastante fácil") is an error; Fernández-Huerta is reported, not held to a
target. The English grades mean nothing on Spanish text, so they are
``None`` there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from guide.check.language import is_spanish, rules_language
from guide.check.problem import Problem

DEFAULT_TARGET_GRADE = 8.0
"The reading grade a guide may not go over when guide.toml does not say."
DEFAULT_TARGET_INFLESZ = 65.0
"The INFLESZ score a Spanish guide may not go under when guide.toml does not say."


@cache
def _textstat():
    """textstat (which loads the CMU dictionary), imported when a readability grade is computed."""
    import textstat

    textstat.set_lang("en_US")
    return textstat


@dataclass(frozen=True)
class Figures:
    """A chapter's readability, by the formulas of its language (the others are ``None``)."""

    fk_grade: float | None = None
    "Flesch-Kincaid grade (English)."
    smog: float | None = None
    "SMOG grade (English), ``None`` under 3 sentences, where it means nothing."
    fernandez_huerta: float | None = None
    "Fernández-Huerta (Spanish)."
    inflesz: float | None = None
    "INFLESZ, Szigriszt-Pazos's formula (Spanish)."
    inflesz_band: str | None = None
    "The INFLESZ band, as the scale names it in Spanish: 'bastante fácil'."


def figures(sentences: Sequence[str], language: str) -> Figures:
    """The readability of a chapter given as its sentences, for a guide in ``language``."""
    if is_spanish(language):
        from guide.check.readability_es import readability

        found = readability(sentences, rules_language(language))
        if not found.words:
            return Figures()
        return Figures(fernandez_huerta=found.fernandez_huerta, inflesz=found.inflesz,
                       inflesz_band=found.band)
    text = " ".join(s if s.rstrip("\"')]}\u201d\u2019").endswith((".", "?", "!")) else s + "."
                    for s in sentences)
    if not any(c.isalnum() for c in text):
        return Figures(fk_grade=0.0)
    ts = _textstat()
    return Figures(fk_grade=round(ts.flesch_kincaid_grade(text), 1),
                   smog=round(ts.smog_index(text), 1) if ts.sentence_count(text) >= 3 else None)


def targets(guide, target_grade: float | None = None) -> tuple[float, float]:
    """(the highest grade, the lowest INFLESZ) the guide's chapters are held to."""
    grade = float(target_grade if target_grade is not None else guide.target_grade
                  or DEFAULT_TARGET_GRADE)
    inflesz = float(getattr(guide, "target_inflesz", None) or DEFAULT_TARGET_INFLESZ)
    return grade, inflesz


def problems(number: int, found: Figures, target_grade: float,
             target_inflesz: float, language: str = "en") -> list[Problem]:
    """An error when chapter ``number`` is harder to follow than its target, said in
    ``language`` (:mod:`guide.check.messages`)."""
    from guide.check.messages import check_message

    if found.inflesz is not None and found.inflesz < target_inflesz:
        return [Problem("error", number, check_message(
            language, "inflesz_low", inflesz=f"{found.inflesz:.1f}", band=found.inflesz_band,
            target=f"{target_inflesz:g}"), "inflesz",
            {"inflesz": found.inflesz, "target_inflesz": target_inflesz,
             "fernandez_huerta": found.fernandez_huerta})]
    if found.fk_grade is not None and found.fk_grade > target_grade:
        return [Problem("error", number, check_message(
            language, "grade_high", grade=f"{found.fk_grade:.1f}", target=f"{target_grade:g}"),
            "grade", {"fk_grade": found.fk_grade, "target_grade": target_grade})]
    return []
