"""``guide check``: is a guide ready to go out?

:func:`check_guide` reads a guide's scripts (and, when given, its source
article and the manifest of its build) and returns a :class:`CheckReport`:
figures for each chapter and a list of :class:`Problem`, each at one of
three levels. A guide is checked by the rules of its language
(:mod:`guide.check.language`: English or Spanish; another language by the
English rules, with a note saying so).

``error`` (must be fixed; ``guide check`` exits with status 1)
    a chapter's Flesch-Kincaid grade above the guide's ``target_grade``
    (default 8: the AMA recommends grade 6, the NIH at most 8), or in a
    Spanish guide its INFLESZ below ``target_inflesz`` (default 65;
    :mod:`guide.check.readability`); a sentence of more than 25 words; a
    medical word heard before it is explained (:mod:`guide.check.terms` says
    what "explained" means); a section of the article that no chapter uses
    (the narration must keep every fact); for a translation (``translation_of``),
    a chapter count, medical word or number that differs from the original's
    (:mod:`guide.check.translation`).
``warning`` (a person should look)
    a chapter longer than 3 minutes (measured when built, else estimated);
    a medical word missing from the Words to know chapters, or no such
    chapter; a word the voice may say badly (:mod:`guide.check.words`); a
    ``# Source:`` that is not a section of the article; the article's sources
    read in no chapter; words the article never uses, in a chapter made from
    the article (drift; not on a translation, whose article is in another
    language); what only works on paper (:mod:`guide.check.ear`: words that
    point at a page, unclear dates, numbers Spanish-speaking regions read
    differently, list items too long to follow, long web addresses); an
    entry of the guide's own lexicon that matches no word of the guide
    (:mod:`guide.check.lexicon`); sources older than ``source_age_years``
    (:mod:`guide.check.sources`); a medical word of a translation's original
    that the bilingual lexicon does not translate.
``info`` (for the reviewer)
    drift in framing and glossary chapters, where plain-language
    explanations are expected; an article that could not be compared; a
    guide checked by the rules of another language; a guide not in English,
    whose words were not looked up in the (English) dictionary.

The messages are in the guide's language when it has a ``check`` catalogue
(English, Spanish; :mod:`guide.check.messages`), else in English; they quote
the guide's own words as they are written.

Nothing here prints; :mod:`guide.cli.check` is the command.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from guide import manifest as manifest_io
from guide.check import ear as check_ear
from guide.check import language as check_language
from guide.check import lexicon as check_lexicon
from guide.check import pemat as check_pemat
from guide.check import readability as check_readability
from guide.check import sources as check_sources
from guide.check import terms as check_terms
from guide.check import words as check_words
from guide.check.chapter import (  # noqa: F401 - ChapterStats and the limits are named here too
    MAX_CHAPTER_S,
    MAX_SENTENCE_WORDS,
    ChapterStats,
    chapter_stats,
    estimate_duration,
)
from guide.check.coverage import (  # noqa: F401 - load_source and the names are used from here
    LEAD_NAME,
    SOURCE_LIST_NAMES,
    article_text,
    citation_chapters,
    coverage_problems,
    drift_problems,
    load_source,
)
from guide.check.messages import check_message
from guide.check.problem import Problem
from guide.check.readability import DEFAULT_TARGET_GRADE  # noqa: F401
from guide.errors import GuideError, NotBuilt
from guide.manifest import Manifest
from guide.model import Article, Guide
from guide.speech.lexicon import Lexicon

LEVELS = ("error", "warning", "info")
"Problem levels, most serious first."


@dataclass
class CheckReport:
    """Everything ``guide check`` found."""

    slug: str
    "The guide's slug."
    title: str
    "The guide's title."
    target_grade: float
    "The reading grade the chapters were held to (English rules)."
    built: bool
    "Whether a manifest was given, so that lengths are measured."
    language: str = "en-US"
    "The guide's language; its rules check it (:mod:`guide.check.language`)."
    target_inflesz: float | None = None
    "The INFLESZ score the chapters were held to, for a Spanish guide; ``None`` otherwise."
    chapters: list[ChapterStats] = field(default_factory=list)
    "Figures for each chapter, in order."
    pemat: dict = field(default_factory=dict)
    "The PEMAT-A/V self-check (:func:`guide.check.pemat.pemat`): items, percents, items to rate."
    problems: list[Problem] = field(default_factory=list)
    "Problems, whole-guide ones first, then by chapter."
    approval: dict = field(default_factory=dict)
    """The guide's approval today (:class:`guide.approval.ApprovalStatus` as a dict); empty when
    only the scripts were checked."""

    def count(self, level: str) -> int:
        """How many problems there are at ``level``."""
        return sum(p.level == level for p in self.problems)

    @property
    def ok(self) -> bool:
        """No errors (warnings and notes do not stop a guide)."""
        return self.count("error") == 0

    def to_dict(self) -> dict:
        """The report as JSON-ready data."""
        return {
            "guide": self.slug, "title": self.title, "target_grade": self.target_grade,
            "built": self.built, "language": self.language, "target_inflesz": self.target_inflesz,
            "chapters": [_chapter_dict(c) for c in self.chapters],
            "pemat": self.pemat,
            "problems": [{"level": p.level, "chapter": p.chapter, "message": p.message,
                          "kind": p.kind, **p.detail} for p in self.problems],
            "summary": {level: self.count(level) for level in LEVELS},
            "approval": self.approval,
        }


def _chapter_dict(stats: ChapterStats) -> dict:
    """A chapter's figures for JSON, the Spanish readability beside the English grades."""
    data = asdict(stats)
    spanish = {k: data.pop(k) for k in ("fernandez_huerta", "inflesz", "inflesz_band")}
    out = {}
    for k, value in data.items():
        out[k] = value
        if k == "smog":
            out.update(spanish)
    return out


def check_folder(guide: Guide, out_root: Path = Path("audio_out"), edition: str = "",
                 rate: int | None = None, voice: str | None = None) -> CheckReport:
    """Check a loaded guide with its lexicon, its source article and its build (when there is
    one under ``out_root``); an article or manifest that cannot be read is a problem too."""
    from guide import approval
    from guide.build.run import BuildOptions, output_dir

    extra: list[Problem] = []
    try:
        article = load_source(guide)
    except GuideError as error:
        article = None
        extra.append(Problem("error", None, check_message(
            guide.language, "article_unreadable", error=error), "coverage"))
    try:
        manifest = manifest_io.load(output_dir(guide, BuildOptions(out_root=out_root,
                                                                    edition=edition)))
    except NotBuilt:
        manifest = None
    except GuideError as error:
        manifest = None
        extra.append(Problem("warning", None, check_message(
            guide.language, "build_unreadable", error=error), "length"))
    state = approval.status(guide, approval.today())
    lexicon = check_language.load_lexicon(guide.folder, guide.language)
    report = check_guide(guide, lexicon, article, manifest,
                         rate=rate, voice=voice, approval=state)
    report.approval = state.to_dict()
    if manifest is not None and manifest.voice_info and not manifest.voice_info.get("licence"):
        extra.append(Problem("warning", None, check_message(
            guide.language, "voice_licence", voice=manifest.voice_info.get("name")),
            "voice-licence"))
    if extra:
        report.problems = [p for p in report.problems if article or p.kind != "coverage"
                           or p.level != "info"]
        report.problems[:0] = extra
    return report


def check_guide(guide: Guide, lexicon: Lexicon, article: Article | None = None,
                manifest: Manifest | None = None, target_grade: float | None = None, *,
                rate: int | None = None, voice: str | None = None,
                say_phonemes=check_words.phonemes, approval=None) -> CheckReport:
    """Check ``guide`` by the rules of its language; ``manifest`` adds measured lengths,
    ``article`` coverage and drift (or, for a translation, coverage and the translation check);
    ``approval`` (an :class:`~guide.approval.ApprovalStatus`) adds chapter 1's draft notice to
    what is compared with the build and estimated, as the build says it."""
    from guide.approval import with_notice

    language = guide.language or check_language.FALLBACK
    targets = check_readability.targets(guide, target_grade)
    spanish = check_language.is_spanish(language)
    wpm = int(rate or (manifest.rate_wpm if manifest else 0) or guide.rate)
    report = CheckReport(guide.slug, guide.title, targets[0], manifest is not None, language,
                         targets[1] if spanish else None)
    total = len(guide.chapters)
    spoken: list[tuple[int, str]] = []
    for chapter in guide.chapters:
        narration = check_language.chapter_narration(chapter, total, lexicon, language)
        spoken.append((chapter.number, " ".join(s.spoken for s in narration)))
        noticed = (with_notice(chapter, approval, check_language.rules_language(language))
                   if approval is not None else chapter)
        heard = (check_language.chapter_narration(noticed, total, lexicon, language)
                 if approval is not None and chapter.number == 1 else narration)
        stats, problems = chapter_stats(chapter, heard, manifest, targets, wpm, language)
        report.chapters.append(stats)
        report.problems += problems
    citations = citation_chapters(guide)
    report.problems += check_language.unsupported_note(language)
    report.problems += _term_problems(guide, lexicon)
    report.problems += _word_problems(spoken, lexicon, voice or guide.voice or language.lower(),
                                      say_phonemes, language)
    report.problems += check_ear.ear_problems(guide, lexicon, citations)
    report.problems += check_lexicon.unused_entries(guide, lexicon)
    report.problems += check_sources.source_age_problems(guide, article, citations)
    report.problems += _article_problems(guide, article, lexicon)
    report.problems.sort(key=lambda p: p.chapter or 0)
    report.pemat = check_pemat.pemat(guide, lexicon, report, wpm, MAX_CHAPTER_S, citations)
    return report


def _article_problems(guide: Guide, article: Article | None, lexicon: Lexicon) -> list[Problem]:
    """Coverage, and drift or (for a translation) the translation check."""
    from guide.check.translation import translation_problems

    problems = translation_problems(guide) if guide.translation_of else []
    if article is None:
        key = "no_article_translation" if guide.translation_of else "no_article"
        return [*problems, Problem("info", None, check_message(guide.language, key), "coverage")]
    problems += coverage_problems(guide, article)
    if not guide.translation_of:
        problems += drift_problems(guide, article, lexicon, guide.language)
    return problems


def _term_problems(guide: Guide, lexicon: Lexicon) -> list[Problem]:
    problems = []
    citations = citation_chapters(guide)
    lang = guide.language
    for f in check_terms.find_term_problems(guide, lexicon, citations):
        detail = {"term": f.entry.term, "sentence": f.sentence, "define": f.entry.define}
        if f.kind == "unexplained":
            problems.append(Problem("error", f.chapter, check_message(
                lang, "term_unexplained", word=f.written, sentence=f.sentence,
                window=check_terms.WINDOW), "term", detail))
        else:
            problems.append(Problem("warning", f.chapter, check_message(
                lang, "term_not_in_glossary", word=f.written), "glossary", detail))
    if not any(check_terms.is_glossary(c.title) for c in guide.chapters):
        used = check_terms.terms_used(guide, lexicon, citations)
        if used:
            key = "no_glossary_one" if len(used) == 1 else "no_glossary_many"
            problems.append(Problem("warning", None, check_message(
                lang, key, count=len(used), words=", ".join(e.term for e in used)), "glossary",
                {"terms": [e.term for e in used]}))
    return problems


def _word_problems(spoken: list[tuple[int, str]], lexicon: Lexicon, voice: str,
                   say_phonemes, language: str) -> list[Problem]:
    """Words the voice may say badly; for a guide not in English, a note that the English
    dictionary was not used (capitals and vowel-less words are still heard with its voice)."""
    problems = []
    english = check_language.is_english(language)
    for f in check_words.risky_words(spoken, lexicon, voice, say_phonemes, english):
        ph = check_message(language, "phonemes", phonemes=f.phonemes) if f.phonemes else ""
        listen = check_message(language, "listen", word=f.word)
        if f.reason == "spelled":
            text = check_message(language, "word_spelled", word=f.word, ph=ph, listen=listen)
        elif f.reason == "capitals":
            spell = (check_message(language, "spell_with_say", say=f.say) if f.say
                     else check_message(language, "spell_without_say", word=f.word))
            text = check_message(language, "word_capitals", word=f.word, ph=ph, listen=listen,
                                 spell=spell)
        else:
            text = check_message(language, "word_guessed", word=f.word, ph=ph, listen=listen)
        problems.append(Problem("warning", f.chapter, text, "pronunciation",
                                {"word": f.word, "phonemes": f.phonemes, "reason": f.reason,
                                 "chapters": f.chapters, "say": f.say}))
    if not english:
        problems.append(Problem("info", None, check_message(language, "no_dictionary",
                                                            voice=voice), "dictionary",
                                {"voice": voice}))
    return problems
