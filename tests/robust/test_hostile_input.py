"""Hostile and careless input (issue 10, section 5): every case ends in the right result or in
one plain sentence on stderr and exit 1, quickly, without a traceback or a hang.

* deep nesting: 50,000 nested ``<div>`` elements are read in linear time;
* special files: a FIFO, ``/dev/zero``, a link out of the guide folder, a huge file;
* ``guide new --scripts`` over a file, a read-only folder, a full disk, ``/proc``, a link;
* bad values in ``guide.toml`` (the table of every value is in tests/test_config.py);
* a lexicon of 20,000 entries loads in linear time;
* more than 999 chapters keep their order in file names.

Cases that would hang or fill memory if the promise broke run in a subprocess with
a timeout and a memory limit, so a regression fails the test instead of the machine.
"""

from __future__ import annotations

import errno
import os
import resource
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from guide.article import parse_article
from guide.cli.app import cli
from ..helpers import FakeEngine
from guide.errors import ScriptError
from guide.speech.lexicon import Lexicon
from guide.model import Article, Block, Section
from guide.safe_read import MAX_EDITOR_BYTES
from guide.scripts.store import draft_guide, load_guide

from ..helpers import write_guide_folder
from .helpers import guide_command

MEMORY_LIMIT = 2 << 30
"Address space a guarded subprocess may use: a file read without end fails fast instead."


@pytest.fixture
def place(tmp_path, monkeypatch):
    """A working folder with scripts/tiny in it; commands run there."""
    write_guide_folder(tmp_path / "scripts" / "tiny")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(cli, list(args), obj={"engine": FakeEngine()})


def assert_one_sentence(result, message: str) -> None:
    """Exit status 1, exactly ``message`` on stderr, nothing on stdout, no traceback."""
    assert "Traceback" not in result.output
    assert result.exit_code == 1, result.output
    assert result.stderr == message + "\n"
    assert result.stdout == ""


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def guarded(command: list[str], cwd: Path, env: dict[str, str], timeout: float = 60):
    """Run a command that must neither hang nor eat memory; fail the test if it does."""
    try:
        return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                              timeout=timeout, preexec_fn=_limits)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{' '.join(command[2:])} did not finish in {timeout} s")


def assert_refused(done: subprocess.CompletedProcess, message: str) -> None:
    assert "Traceback" not in done.stderr, done.stderr
    assert (done.returncode, done.stderr, done.stdout) == (1, message + "\n", "")


# ------------------------------------------------------------------ deep nesting


def deep_divs(depth: int) -> str:
    return ("<!DOCTYPE html><html><head><title>Deep</title></head><body><h1>Deep page</h1>"
            + "<div>" * depth + "<p>The hidden treasure is here.</p>" + "</div>" * depth
            + "</body></html>")


def test_fifty_thousand_nested_divs_are_read(place, guide_env):
    (place / "deep.html").write_text(deep_divs(50_000), encoding="utf-8")
    done = guarded(guide_command("new", "deep.html"), place, guide_env, timeout=120)
    assert done.returncode == 0, done.stderr
    scripts = "".join(p.read_text() for p in (place / "scripts" / "deep-page").glob("0*.txt"))
    assert "The hidden treasure is here." in scripts


SHAPES = textwrap.dedent('''
    import sys
    from guide.article import parse_article
    n = int(sys.argv[1])
    P = "<p>The hidden treasure is here.</p>"
    def page(body):
        return "<html><head><title>T</title></head><body><h1>Deep</h1>" + body + "</body></html>"
    def wrap(start, end, inner):
        return start * n + inner + end * n
    shapes = {
        "tables": page(wrap("<table><tr><td>a", "</td></tr></table>", "The hidden treasure is here.")),
        "headings": page(P + wrap("<h2>", "</h2>", "x")),
        "footnote marks": page("<p>Text" + wrap("<sup>", "</sup>", "1") + "</p>" + P),
        "empty deks": page(wrap('<div class="dek">', "</div>", "") + P),
        "share wrappers": page(P + wrap('<div class="share">', "</div>", P * 3)),
        "articles": page(wrap("<article>", "</article>", P)),
        "lists": page(wrap("<ul><li>", "</li></ul>", "The hidden treasure is here.")),
        "sources heading": page(P + wrap("<div>", "</div>", "<h2>References</h2><ul><li>A.</li></ul>")),
    }
    for name, html in shapes.items():
        article = parse_article(html, "html")
        words = " ".join(s.text for s in article.sections)
        assert "hidden treasure" in words, name
        assert article.title == "Deep", name
    print("all read")
''')


def test_other_deeply_nested_shapes_are_read_in_linear_time(tmp_path, guide_env):
    """Each of these took from 1 to 15 minutes at this depth before (time grew with its square)."""
    done = guarded([sys.executable, "-c", SHAPES, "20000"], tmp_path, guide_env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "all read\n"


def test_a_recursion_error_in_a_parser_is_one_sentence(place, monkeypatch):
    import guide.article as article

    def too_deep(text, path=None, language=None):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(article, "parse_html", too_deep)
    (place / "deep.html").write_text(deep_divs(10), encoding="utf-8")
    assert_one_sentence(run("new", "deep.html"), "deep.html: has parts nested too deeply to read. "
                                                 "Save the article as plain text and try again.")


def test_deeply_nested_markdown_is_read_or_refused_in_one_sentence():
    text = "# Deep\n\nFirst words.\n\n" + "> " * 50_000 + "Quoted words.\n"
    article = parse_article(text, "markdown")
    assert "First words." in " ".join(s.text for s in article.sections)


# ------------------------------------------------------------------ special files


def test_a_chapter_script_that_is_a_fifo(place, guide_env):
    script = place / "scripts" / "tiny" / "02-a-list.txt"
    script.unlink()
    os.mkfifo(script)
    for command in ("list", "check"):
        done = guarded(guide_command(command, "tiny"), place, guide_env)
        assert_refused(done, "scripts/tiny/02-a-list.txt: is a named pipe, not a file; "
                             "only ordinary files are read.")


@pytest.mark.parametrize("name", ["guide.toml", "lexicon.toml"])
def test_a_settings_file_that_is_a_fifo(place, guide_env, name):
    path = place / "scripts" / "tiny" / name
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    done = guarded(guide_command("check", "tiny"), place, guide_env)
    assert_refused(done, f"scripts/tiny/{name}: is a named pipe, not a file; only ordinary files are read.")


def test_an_article_that_is_a_fifo(place, guide_env):
    os.mkfifo(place / "article.html")
    done = guarded(guide_command("new", "article.html"), place, guide_env)
    assert_refused(done, "article.html: is a named pipe, not a file; only ordinary files are read.")
    assert sorted(p.name for p in (place / "scripts").iterdir()) == ["tiny"]


def test_an_article_that_is_dev_zero(place, guide_env):
    os.symlink("/dev/zero", place / "article.txt")
    done = guarded(guide_command("new", "article.txt"), place, guide_env)
    assert_refused(done, "article.txt: is a device, not a file; only ordinary files are read.")


@pytest.mark.parametrize("name", ["02-a-list.txt", "guide.toml", "lexicon.toml"])
def test_a_link_to_dev_zero_in_the_guide_folder(place, guide_env, name):
    path = place / "scripts" / "tiny" / name
    path.unlink(missing_ok=True)
    os.symlink("/dev/zero", path)
    done = guarded(guide_command("check", "tiny"), place, guide_env)
    assert_refused(done, f"scripts/tiny/{name}: is a link to a file outside the guide folder, "
                         "which is never read. Put the file itself in the guide folder.")


def test_a_link_out_of_the_guide_folder_is_never_read(place):
    secret = place / "secret.txt"
    secret.write_text("# Title: Secret\n\nThe secret words.\n")
    script = place / "scripts" / "tiny" / "02-a-list.txt"
    script.unlink()
    script.symlink_to(secret)
    assert_one_sentence(run("list", "tiny"), "scripts/tiny/02-a-list.txt: is a link to a file "
                        "outside the guide folder, which is never read. Put the file itself in the "
                        "guide folder.")


def test_links_inside_the_guide_folder_and_a_linked_guide_folder_are_read(place):
    folder = place / "scripts" / "tiny"
    (folder / "02-a-list.txt").unlink()
    (folder / "02-a-list.txt").symlink_to("03-the-end.txt")
    (place / "scripts" / "alias").symlink_to(folder)
    for name in ("tiny", "alias"):
        result = run("list", name)
        assert result.exit_code == 0, result.output
        assert result.stdout == "1. Welcome\n2. The end\n3. The end\n"


def test_a_script_folder_named_like_a_script(place):
    script = place / "scripts" / "tiny" / "02-a-list.txt"
    script.unlink()
    script.mkdir()
    assert_one_sentence(run("list", "tiny"), "scripts/tiny/02-a-list.txt: is a folder, not a file.")


def test_a_huge_script_is_refused_without_reading_it_all(place, monkeypatch):
    script = place / "scripts" / "tiny" / "02-a-list.txt"
    with open(script, "ab") as f:
        f.truncate(MAX_EDITOR_BYTES + 1)  # sparse: no disk used
    read, total = os.read, []

    def counted(fd, size):
        data = read(fd, size)
        total.append(len(data))
        return data

    monkeypatch.setattr(os, "read", counted)
    assert_one_sentence(run("list", "tiny"), "scripts/tiny/02-a-list.txt: is larger than 5 MB, "
                        "too big to be a narration script. Split it into smaller files and try again.")
    assert sum(total) < 10_000  # guide.toml and the first script, not the huge one


def test_a_source_outside_the_guide_folder_is_refused(place):
    toml = place / "scripts" / "tiny" / "guide.toml"
    toml.write_text('title = "Tiny"\nsource = "../../etc/passwd"\n')
    assert_one_sentence(run("check", "tiny"), 'scripts/tiny/guide.toml: source must be the name '
                        'of a file inside the guide folder, or a citation, not "../../etc/passwd".')


def test_a_source_that_links_out_of_the_guide_folder_is_refused(place):
    folder = place / "scripts" / "tiny"
    (folder / "source.txt").symlink_to("/etc/passwd")
    (folder / "guide.toml").write_text('title = "Tiny"\nsource = "source.txt"\n')
    assert_one_sentence(run("check", "tiny"), "scripts/tiny/guide.toml: source names source.txt, "
                        "a link to a file outside the guide folder. Put the article itself in the "
                        "guide folder.")


# ------------------------------------------------------------- guide new --scripts

ARTICLE = "# A short guide\n\nSome words to read.\n\n## Signs\n\nMore words to read.\n"


@pytest.fixture
def article(place) -> Path:
    path = place / "article.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _no_leftovers(folder: Path) -> None:
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []


def test_new_into_a_file_named_by_scripts(place, article):
    (place / "notes.txt").write_text("mine\n")
    for scripts in ("notes.txt", "notes.txt/deeper"):
        assert_one_sentence(run("new", "article.md", "--scripts", scripts),
                            "notes.txt: is a file, not a folder. Choose another folder with --scripts.")
    assert (place / "notes.txt").read_text() == "mine\n"


def test_new_into_a_read_only_folder(place, article, monkeypatch):
    def refused(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkdtemp", refused)
    assert_one_sentence(run("new", "article.md"),
                        "scripts: that folder is read-only. Choose another folder with --scripts.")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in a folder without write permission")
def test_new_into_a_folder_without_permission(place, article):
    locked = place / "locked"
    locked.mkdir(mode=0o555)
    assert_one_sentence(run("new", "article.md", "--scripts", "locked"),
                        "locked: you do not have permission to write there. "
                        "Choose another folder with --scripts.")


def test_new_on_a_full_disk_leaves_nothing_behind(place, article, monkeypatch):
    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    assert_one_sentence(run("new", "article.md"),
                        "scripts/a-short-guide: the disk is full. Free some space and try again.")
    assert sorted(p.name for p in (place / "scripts").iterdir()) == ["tiny"]


def test_new_with_force_on_a_full_disk_keeps_the_old_guide(place, article, monkeypatch):
    assert run("new", "article.md").exit_code == 0
    script = place / "scripts" / "a-short-guide" / "01-introduction.txt"
    script.write_text("# Title: Edited\n\nMine.\n")
    monkeypatch.setattr(os, "write", lambda fd, data: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
    assert_one_sentence(run("new", "article.md", "--force"),
                        "scripts/a-short-guide: the disk is full. Free some space and try again.")
    assert script.read_text() == "# Title: Edited\n\nMine.\n"
    _no_leftovers(place / "scripts")


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc")
def test_new_into_proc(place, article):
    assert_one_sentence(run("new", "article.md", "--scripts", "/proc"),
                        "/proc: new files cannot be made there. Choose another folder with --scripts.")


def test_new_with_force_over_a_linked_guide_folder(place, article):
    target = place / "elsewhere"
    target.mkdir()
    (target / "precious.txt").write_text("keep me\n")
    (place / "scripts" / "a-short-guide").symlink_to(target)
    assert_one_sentence(run("new", "article.md", "--force"),
                        "scripts/a-short-guide: is a link to another folder, and is never replaced. "
                        "Remove the link, or choose another --slug.")
    assert (place / "scripts" / "a-short-guide").is_symlink()
    assert [p.name for p in target.iterdir()] == ["precious.txt"]
    _no_leftovers(place / "scripts")


def test_new_with_force_over_a_file(place, article):
    (place / "scripts" / "a-short-guide").write_text("not a guide\n")
    assert_one_sentence(run("new", "article.md", "--force"),
                        "scripts/a-short-guide: is a file, not a guide folder, and is never replaced. "
                        "Move it away, or choose another --slug.")
    assert (place / "scripts" / "a-short-guide").read_text() == "not a guide\n"


def test_new_with_force_replaces_a_real_guide_folder(place, article):
    assert run("new", "article.md").exit_code == 0
    (place / "scripts" / "a-short-guide" / "stray.txt").write_text("old\n")
    result = run("new", "article.md", "--force")
    assert result.exit_code == 0, result.output
    assert not (place / "scripts" / "a-short-guide" / "stray.txt").exists()
    assert (place / "scripts" / "a-short-guide" / "source.md").read_text() == ARTICLE
    _no_leftovers(place / "scripts")


# ------------------------------------------------------------ bad guide.toml values


@pytest.mark.parametrize(("line", "reason"), [
    ("rate = -5", "rate must be a whole number of words a minute from 60 to 400, not -5."),
    ("rate = true", "rate must be a whole number of words a minute from 60 to 400, not true."),
    ("voice = 5", 'voice must be a voice name in quotes, such as "en-us", not 5.'),
    ("language = 7", 'language must be a language tag in quotes, such as "en-US", not 7.'),
    ("target_grade = nan", "target_grade must be a reading grade from 1 to 20, not nan."),
])
@pytest.mark.parametrize("command", ["list", "build", "check"])
def test_a_bad_setting_is_one_sentence_for_every_command(place, line, reason, command):
    (place / "scripts" / "tiny" / "guide.toml").write_text(f'title = "Tiny"\n{line}\n')
    assert_one_sentence(run(command, "tiny"), f"scripts/tiny/guide.toml: {reason}")
    assert not (place / "audio_out").exists()


def test_an_unknown_setting_does_not_stop_a_guide(place):
    (place / "scripts" / "tiny" / "guide.toml").write_text('title = "Tiny"\nengine = "piper"\n')
    result = run("list", "tiny")
    assert result.exit_code == 0, result.output


# ------------------------------------------------------------------------ lexicon

BIG_LEXICON = textwrap.dedent('''
    import sys
    from guide.errors import ScriptError
    from guide.speech.lexicon import Lexicon
    n = int(sys.argv[1])
    text = "".join(f'[term{i}]\\nsay = "turm"\\ndefine = "Word {i}."\\nforms = ["terms{i}"]\\n\\n'
                   for i in range(n))
    assert len(Lexicon.from_toml(text)) == n
    try:
        Lexicon.from_toml(text + '[last]\\nsay = 5\\n', "lexicon.toml")
    except ScriptError as error:
        print(error)
''')


def test_a_lexicon_of_20000_entries_loads_in_linear_time(tmp_path, guide_env):
    """5,000 entries took 15 s when each entry's line was found by reading the file again."""
    done = guarded([sys.executable, "-c", BIG_LEXICON, "20000"], tmp_path, guide_env, timeout=60)
    assert done.returncode == 0, done.stderr
    line = 20000 * 5 + 1
    assert done.stdout == (f"lexicon.toml: in the entry 'last' (line {line}), "
                           "say must be text in quotes, not 5.\n")


def test_a_lexicon_entry_of_the_wrong_type_names_file_and_entry(place):
    (place / "scripts" / "tiny" / "lexicon.toml").write_text('[cervix]\nsay = "sir vicks"\n\n'
                                                             '[cerclage]\nmatch_case = 1\n')
    with pytest.raises(ScriptError) as caught:
        Lexicon.load(Path("scripts/tiny"))
    assert str(caught.value) == ("scripts/tiny/lexicon.toml: in the entry 'cerclage' (line 4), "
                                 "match_case must be true or false, not 1.")


# ---------------------------------------------------------------- 1000 chapters


def test_more_than_999_chapters_keep_their_order_in_file_names(tmp_path):
    files = {"guide.toml": 'title = "Long"\n'}
    files.update({f"{n}-part.txt": f"# Title: Part {n}\n\nWords of part {n}.\n" for n in range(1, 1002)})
    guide = load_guide(write_guide_folder(tmp_path / "long", files))
    assert [c.title for c in guide.chapters] == [f"Part {n}" for n in range(1, 1002)]
    stems = [c.stem for c in guide.chapters]
    assert stems[0] == "0001-part" and stems[-1] == "1001-part"
    assert sorted(stems) == stems


def test_a_draft_of_more_than_999_sections_is_numbered_to_sort(place):
    sections = [Section(f"Part {n}", [Block(f"Words of part {n}.")]) for n in range(1, 1001)]
    guide = draft_guide(Article("Long", sections=[Section(None, [Block("Lead.")]), *sections]), "long")
    stems = [c.stem for c in guide.chapters]
    assert stems[0] == "0001-introduction" and stems[-1] == "1001-part-1000"
    assert sorted(stems) == stems


def test_new_with_1001_chapters_writes_files_that_sort_in_order(place):
    article = "# Long\n\nLead words.\n\n" + "".join(f"## Part {n}\n\nWords of part {n}.\n\n"
                                                   for n in range(1, 1001))
    (place / "long.md").write_text(article, encoding="utf-8")
    assert run("new", "long.md").exit_code == 0
    names = sorted(p.name for p in (place / "scripts" / "long").glob("[0-9]*.txt"))
    assert names[0] == "0001-introduction.txt" and names[-1] == "1001-part-1000.txt"
    loaded = load_guide(place / "scripts" / "long")
    assert [c.title for c in loaded.chapters][1:] == [f"Part {n}" for n in range(1, 1001)]
