"""The words: sentences, the normaliser, the lexicon and the narration, with per-language rules.

:func:`guide.speech.sentences.split_sentences`, :func:`guide.speech.normalise.normalise`
and :meth:`guide.speech.lexicon.Lexicon.builtin` (and ``Lexicon.load``) take a
``language``: a BCP 47 tag such as ``en-US``, ``es-419`` or ``es-MX``, by
default ``en-US``.  :mod:`guide.speech.languages` reads the tag and imports,
on first use, the *language module* registered for its primary subtag in
:data:`guide.speech.languages.MODULES` (``en`` → :mod:`guide.speech.en`, ``es`` →
``guide.speech.es``); the region (``US``, ``419``, ``MX``, or ``None`` for a bare
``es``) is handed to the module's ``normalise``.  A tag with no module, or
whose module is not installed or incomplete, is
:class:`guide.speech.languages.UnknownLanguage` ("The guide cannot speak fr-FR
yet: it speaks English (en) and Spanish (es).").

A language module provides exactly these names (checked on import against
:data:`guide.speech.languages.PROTOCOL`):

``NAME: str``
    The language's name in English, for messages: ``"English"``.
``ABBREVIATIONS: tuple[guide.speech.common.Abbreviation, ...]``
    The splitter's abbreviation table: a word ending in one of them (``Dr.``,
    ``e.g.``) ends a sentence only as its ``ends`` mode allows (``NEVER``,
    ``STARTER``, ``CAPITAL``, ``NUMBER`` in :mod:`guide.speech.common`).
``SENTENCE_STARTERS: frozenset[str]``
    Lower-case words that often start a sentence: after an abbreviation
    whose mode is ``STARTER`` ("U.S. Most women"), a sentence ends before them.
``CONJUNCTIONS: frozenset[str]``
    Lower-case words a sentence over the word limit is preferably cut before.
``LEXICON_PATH: pathlib.Path``
    The built-in lexicon, in the format of ``guide/data/lexicon.toml``.
``normalise(text: str, lexicon: Lexicon, region: str | None) -> str``
    The spoken form of a written sentence: every stage, in order.  The
    lexicon is given (never ``None``); ``region`` is upper case or ``None``.
``announcement(number: int, total: int, title: str) -> str``
    The line that opens each chapter: "Chapter 2 of 11: Signs."

and may provide ``builtin_lexicon() -> Lexicon``, which :meth:`Lexicon.builtin
<guide.speech.lexicon.Lexicon.builtin>` then calls instead of reading
``LEXICON_PATH`` itself (for a file with keys of its own; read it once).

Importing a language module must be cheap: tables only, with its stages and
patterns imported and compiled inside ``normalise`` on first use.  Stages
every language may share are :func:`guide.speech.normalise.clean_characters`
and :func:`guide.speech.normalise.tidy`, with the tables and
:class:`guide.speech.common.LazyPattern` in :mod:`guide.speech.common`.
"""
