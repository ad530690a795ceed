"""``guide check``: is a guide ready to go out?

:func:`check_guide` reads a guide's scripts (and, when given, its source
article and the manifest of its build) and returns a :class:`CheckReport`:
figures for each chapter and a list of :class:`Problem`, each at one of
three levels:

``error`` (must be fixed; ``guide check`` exits with status 1)
    a chapter's Flesch-Kincaid grade above the guide's ``target_grade``
    (default 8: the AMA recommends grade 6, the NIH at most 8); a sentence
    of more than 25 words; a medical word heard before it is explained
    (:mod:`guide.check.terms` says what "explained" means); a section of the
    article that no chapter uses (the narration must keep every fact).
``warning`` (a person should look)
    a chapter longer than 3 minutes (measured when built, else estimated);
    a medical word missing from the Words to know chapters, or no such
    chapter; a word the voice may say badly (:mod:`guide.check.words`); a
    ``# Source:`` that is not a section of the article; the article's sources
    read in no chapter; words the article never uses, in a chapter made from
    the article (drift); what only works on paper (:mod:`guide.check.ear`:
    words that point at a page, unclear dates, list items too long to follow,
    long web addresses); an entry of the guide's own lexicon that matches no
    word of the guide (:mod:`guide.check.lexicon`); sources older than
    ``source_age_years`` (:mod:`guide.check.sources`).
``info`` (for the reviewer)
    drift in framing and glossary chapters, where plain-language
    explanations are expected; an article that could not be compared.

Nothing here prints; :mod:`guide.cli.check` is the command.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

from guide import manifest as manifest_io
from guide.article import read_article
from guide.check import ear as check_ear
from guide.check import lexicon as check_lexicon
from guide.check import pemat as check_pemat
from guide.check import sources as check_sources
from guide.check import terms as check_terms
from guide.check import words as check_words
from guide.check.problem import Problem
from guide.durations import spoken_duration
from guide.errors import GuideError, NotBuilt
from guide.manifest import Manifest
from guide.model import Article, Chapter, Guide
from guide.speech.lexicon import Lexicon
from guide.speech.narration import DEFAULT_PAUSES, chapter_sentences
from guide.speech.sentences import split_sentences

DEFAULT_TARGET_GRADE = 8.0
"The reading grade a guide may not go over when guide.toml does not say."
MAX_SENTENCE_WORDS = 25
"The most words a sentence may have."
MAX_CHAPTER_S = 180.0
"The longest a chapter may be, in seconds."
LEAD_NAME = "Introduction"
"What a ``# Source:`` line calls the article's lead section (the part before any heading)."
SOURCE_LIST_NAMES = ("article sources", "sources", "references")
"``# Source:`` names that mean the article's own list of sources."
LEVELS = ("error", "warning", "info")
"Problem levels, most serious first."


@cache
def _textstat():
    """textstat (which loads the CMU dictionary), imported when a readability grade is computed."""
    import textstat

    textstat.set_lang("en_US")
    return textstat


@dataclass
class ChapterStats:
    """Figures for one chapter."""

    number: int
    "Chapter number."
    title: str
    "Chapter title."
    words: int
    "Words of the script (the announcement not counted)."
    sentences: int
    "Sentences, as the narration splits them."
    avg_sentence_words: float
    "Average words a sentence."
    longest_sentence_words: int
    "Words in the longest sentence."
    fk_grade: float
    "Flesch-Kincaid grade (textstat)."
    smog: float | None
    "SMOG grade (textstat), or ``None`` under 3 sentences, where it means nothing."
    duration_s: float
    "Length of the chapter file, or an estimate when ``estimated``."
    wpm: float | None
    "Words a minute of the chapter file; ``None`` when not built."
    estimated: bool
    "Whether the length is an estimate (not built, or changed since it was built)."
    glossary: bool = False
    "Whether this is a Words to know chapter."


@dataclass
class CheckReport:
    """Everything ``guide check`` found."""

    slug: str
    "The guide's slug."
    title: str
    "The guide's title."
    target_grade: float
    "The reading grade the chapters were held to."
    built: bool
    "Whether a manifest was given, so that lengths are measured."
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
            "built": self.built,
            "chapters": [asdict(c) for c in self.chapters],
            "pemat": self.pemat,
            "problems": [{"level": p.level, "chapter": p.chapter, "message": p.message,
                          "kind": p.kind, **p.detail} for p in self.problems],
            "summary": {level: self.count(level) for level in LEVELS},
            "approval": self.approval,
        }


def load_source(guide: Guide) -> Article | None:
    """The guide's source article (``source`` in guide.toml, a file in the guide folder), or
    ``None`` when it names no file there. Raises :class:`~guide.errors.ArticleError`."""
    if not guide.source or guide.folder is None:
        return None
    path = Path(guide.folder) / guide.source
    return read_article(path) if path.is_file() else None


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
        extra.append(Problem("error", None, f"the source article could not be read: {error}",
                             "coverage"))
    try:
        manifest = manifest_io.load(output_dir(guide, BuildOptions(out_root=out_root,
                                                                    edition=edition)))
    except NotBuilt:
        manifest = None
    except GuideError as error:
        manifest = None
        extra.append(Problem("warning", None, f"the built guide could not be read, so lengths "
                             f"are estimates: {error}", "length"))
    state = approval.status(guide, approval.today())
    report = check_guide(guide, Lexicon.load(guide.folder), article, manifest,
                         rate=rate, voice=voice, approval=state)
    report.approval = state.to_dict()
    if manifest is not None and manifest.voice_info and not manifest.voice_info.get("licence"):
        extra.append(Problem("warning", None, f"the voice {manifest.voice_info.get('name')} has no "
                             "licence on record, so check that you may hand out its audio",
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
    """Check ``guide``; ``manifest`` adds measured lengths, ``article`` coverage and drift;
    ``approval`` (an :class:`~guide.approval.ApprovalStatus`) adds chapter 1's draft notice to
    what is compared with the build and estimated, as the build says it."""
    from guide.approval import with_notice

    target = float(target_grade if target_grade is not None else guide.target_grade
                   or DEFAULT_TARGET_GRADE)
    wpm = int(rate or (manifest.rate_wpm if manifest else 0) or guide.rate)
    report = CheckReport(guide.slug, guide.title, target, manifest is not None)
    total = len(guide.chapters)
    spoken: list[tuple[int, str]] = []
    for chapter in guide.chapters:
        narration = chapter_sentences(chapter, total, lexicon)
        spoken.append((chapter.number, " ".join(s.spoken for s in narration)))
        heard = (chapter_sentences(with_notice(chapter, approval), total, lexicon)
                 if approval is not None and chapter.number == 1 else narration)
        stats, problems = _chapter(chapter, heard, manifest, target, wpm)
        report.chapters.append(stats)
        report.problems += problems
    report.problems += _term_problems(guide, lexicon)
    report.problems += _word_problems(spoken, lexicon, voice or guide.voice or guide.language.lower(), say_phonemes,
                                      guide.language.lower().startswith("en"))
    report.problems += check_ear.ear_problems(guide, lexicon, citation_chapters(guide))
    report.problems += check_lexicon.unused_entries(guide, lexicon)
    report.problems += check_sources.source_age_problems(guide, article, citation_chapters(guide))
    if article is not None:
        report.problems += _coverage_problems(guide, article)
        report.problems += _drift_problems(guide, article, lexicon)
    else:
        report.problems.append(Problem(
            "info", None, "the guide has no source article file, so coverage and drift were "
            "not checked.", "coverage"))
    report.problems.sort(key=lambda p: p.chapter or 0)
    report.pemat = check_pemat.pemat(guide, lexicon, report, wpm, MAX_CHAPTER_S,
                                     citation_chapters(guide))
    return report


# ------------------------------------------------------------ one chapter


def _chapter(chapter: Chapter, narration, manifest: Manifest | None, target: float,
             wpm: int) -> tuple[ChapterStats, list[Problem]]:
    sentences = [s for b in chapter.blocks for s in split_sentences(b.text, max_words=10**6)]
    lengths = [_count_words(s) for s in sentences]
    words = sum(lengths)
    text = " ".join(s if s.rstrip("\"')]}\u201d\u2019").endswith((".", "?", "!")) else s + "."
                    for s in sentences)
    ts = _textstat()
    grade = round(ts.flesch_kincaid_grade(text), 1) if words else 0.0
    smog = round(ts.smog_index(text), 1) if ts.sentence_count(text) >= 3 else None
    duration, estimated = _duration(chapter, narration, manifest, wpm)
    stats = ChapterStats(
        chapter.number, chapter.title, words, len(sentences),
        round(words / len(sentences), 1) if sentences else 0.0, max(lengths, default=0),
        grade, smog, round(duration, 2),
        None if estimated or not duration else round(words * 60 / duration, 1), estimated,
        check_terms.is_glossary(chapter.title))
    problems = []
    n = chapter.number
    if not words:
        problems.append(Problem("warning", n, "the chapter has nothing to say.", "length"))
    if grade > target:
        problems.append(Problem(
            "error", n, f"its reading grade is {grade:.1f}, above the guide's target of "
            f"{target:g}; use shorter sentences and shorter words.", "grade",
            {"fk_grade": grade, "target_grade": target}))
    for sentence, count in zip(sentences, lengths):
        if count > MAX_SENTENCE_WORDS:
            start = " ".join(sentence.split()[:8])
            problems.append(Problem(
                "error", n, f'the sentence that starts "{start}" has {count} words; the limit is '
                f"{MAX_SENTENCE_WORDS}.", "sentence", {"sentence": sentence, "sentence_words": count}))
    if duration > MAX_CHAPTER_S:
        how_long = (f"it will be about {spoken_duration(duration)} long ({_why_estimate(manifest)})"
                    if estimated else f"it is {spoken_duration(duration)} long")
        problems.append(Problem(
            "warning", n, f"{how_long}; the limit is {spoken_duration(MAX_CHAPTER_S)}, so split it "
            "into shorter chapters.", "length", {"duration_s": round(duration, 2),
                                                 "estimated": estimated}))
    return stats, problems


def _count_words(sentence: str) -> int:
    return sum(any(c.isalnum() for c in w) for w in sentence.split())


def _why_estimate(manifest: Manifest | None) -> str:
    if manifest is None:
        return "an estimate, as the guide is not built"
    return "an estimate, as the script changed after the guide was built"


def _duration(chapter: Chapter, narration, manifest: Manifest | None,
              wpm: int) -> tuple[float, bool]:
    """The chapter's length from the build when the build is of this script, else an estimate."""
    if manifest is not None:
        built = next((c for c in manifest.chapters if c.number == chapter.number), None)
        if built is not None and built.title == chapter.title and \
                [s.text for s in built.sentences] == [s.text for s in narration]:
            return built.duration_s, False
    return estimate_duration(narration, wpm), True


def estimate_duration(narration, wpm: int) -> float:
    """Seconds a chapter's sentences take at ``wpm``, with the pauses the build puts in."""
    words = sum(len(s.spoken.split()) for s in narration)
    return DEFAULT_PAUSES.lead_in + words * 60 / wpm + sum(s.pause_after_s for s in narration)


# ------------------------------------------------------------ whole guide


def citation_chapters(guide: Guide) -> set[int]:
    """The chapters that read only the article's list of sources."""
    return {c.number for c in guide.chapters
            if c.sources and all(_key(s) in SOURCE_LIST_NAMES for s in c.sources)}


def _term_problems(guide: Guide, lexicon: Lexicon) -> list[Problem]:
    problems = []
    citations = citation_chapters(guide)
    for f in check_terms.find_term_problems(guide, lexicon, citations):
        detail = {"term": f.entry.term, "sentence": f.sentence, "define": f.entry.define}
        if f.kind == "unexplained":
            problems.append(Problem(
                "error", f.chapter, f'the medical word "{f.written}" is heard before it is '
                f'explained, in the sentence "{f.sentence}"; say what it means there or in the '
                f"next {check_terms.WINDOW} sentences.", "term", detail))
        else:
            problems.append(Problem(
                "warning", f.chapter, f'the medical word "{f.written}" is not explained in any '
                "Words to know chapter; add it there.", "glossary", detail))
    if not any(check_terms.is_glossary(c.title) for c in guide.chapters):
        used = check_terms.terms_used(guide, lexicon, citations)
        if used:
            names = ", ".join(e.term for e in used)
            words, them = ("word", "it") if len(used) == 1 else ("words", "them")
            problems.append(Problem(
                "warning", None, f"the guide uses {len(used)} medical {words} but has no Words to "
                f"know chapter; add one that explains {them}: {names}.", "glossary",
                {"terms": [e.term for e in used]}))
    return problems


def _word_problems(spoken: list[tuple[int, str]], lexicon: Lexicon, voice: str,
                   say_phonemes, english: bool) -> list[Problem]:
    problems = []
    for f in check_words.risky_words(spoken, lexicon, voice, say_phonemes, english):
        ph = f" (phonemes: {f.phonemes})" if f.phonemes else ""
        listen = f'listen with: guide say "{f.word}"'
        if f.reason == "spelled":
            text = (f'espeak-ng spells "{f.word}" letter by letter{ph}; {listen}, and if that is '
                    "right, add it to the guide's lexicon.toml.")
        elif f.reason == "capitals":
            spell = (f'with say = "{f.say}"' if f.say else "with a say that spells it, then "
                     f'listen again with guide say --show "{f.word}"')
            text = (f'espeak-ng reads "{f.word}", written in capitals, as a word when it stands '
                    f'alone, not letter by letter{ph}; {listen} and with its sentence, and if it '
                    f"should be spelled, add it to the guide's lexicon.toml {spell}.")
        else:
            text = (f'"{f.word}" is in no dictionary, so espeak-ng guesses how to say it{ph}; '
                    f"{listen}, and if it sounds right, add it to the guide's lexicon.toml.")
        problems.append(Problem("warning", f.chapter, text, "pronunciation",
                                {"word": f.word, "phonemes": f.phonemes, "reason": f.reason,
                                 "chapters": f.chapters, "say": f.say}))
    return problems


def _section_names(article: Article) -> list[str]:
    return [s.heading or LEAD_NAME for s in article.sections if s.blocks]


def _coverage_problems(guide: Guide, article: Article) -> list[Problem]:
    sections = _section_names(article)
    known = {_key(s) for s in sections}
    used: set[str] = set()
    problems = []
    for chapter in guide.chapters:
        for name in chapter.sources:
            key = _key(name)
            used.add(key)
            if key not in known and key not in SOURCE_LIST_NAMES:
                problems.append(Problem(
                    "warning", chapter.number, f'its "# Source:" line names "{name}", which is not '
                    f"a section of the article; the sections are: {', '.join(sections)}.",
                    "source", {"source": name}))
    for name in sections:
        if _key(name) not in used:
            problems.append(Problem(
                "error", None, f'no chapter uses the article section "{name}"; every section '
                'must be in the narration, so put its facts in a chapter and name it on that '
                'chapter\'s "# Source:" line.', "coverage", {"section": name}))
    if article.sources and not used & set(SOURCE_LIST_NAMES):
        problems.append(Problem(
            "warning", None, "the article lists its sources, but no chapter reads them; add a "
            'Sources chapter whose "# Source:" line is Article Sources.', "coverage",
            {"section": "Article Sources"}))
    return problems


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def article_text(article: Article) -> str:
    """Every word of the article: title, subtitle, headings, sections and sources."""
    parts = [article.title, article.subtitle or "", *article.headings,
             *(s.text for s in article.sections), *article.sources]
    return "\n".join(parts)


def _drift_problems(guide: Guide, article: Article, lexicon: Lexicon) -> list[Problem]:
    text = article_text(article)
    definitions = " ".join(u.entry.define or "" for u in lexicon.terms_in(text))
    stems = check_words.article_stems(f"{text}\n{definitions}")
    problems = []
    citations = citation_chapters(guide)
    for chapter in guide.chapters:
        words = check_words.drift_words(f"{chapter.title}\n{chapter.text}", stems)
        if not words:
            continue
        expected = (not chapter.sources or check_terms.is_glossary(chapter.title)
                    or chapter.number in citations)
        problems.append(Problem(
            "info" if expected else "warning", chapter.number,
            f"{len(words)} {'word' if len(words) == 1 else 'words'} that the article does not "
            f"use: {', '.join(words)}; check that "
            f"{'it brings' if len(words) == 1 else 'they bring'} in no new medical claim.", "drift",
            {"words": words}))
    return problems
