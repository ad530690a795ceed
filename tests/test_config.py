"""The schema of guide.toml: every bad value is one sentence naming the file and the setting."""

from __future__ import annotations

import math
import tomllib
from dataclasses import fields

import pytest

from guide.config import GuideConfig
from guide.errors import ScriptError
from guide.model import Guide
from guide.scripts.store import load_guide

from .helpers import write_guide_folder

PATH = "scripts/tiny/guide.toml"
RATE = "rate must be a whole number of words a minute from 60 to 400"
GRADE = "target_grade must be a reading grade from 1 to 20"
LANGUAGE = 'language must be a language tag in quotes, such as "en-US"'
VOICE = 'voice must be a voice name in quotes, such as "en-us"'
SOURCE = "source must be the name of a file inside the guide folder, or a citation"

BAD = [
    ("rate = -5", f"{RATE}, not -5."),
    ("rate = 0", f"{RATE}, not 0."),
    ("rate = 59", f"{RATE}, not 59."),
    ("rate = 401", f"{RATE}, not 401."),
    ("rate = nan", f"{RATE}, not nan."),
    ("rate = inf", f"{RATE}, not inf."),
    ("rate = -inf", f"{RATE}, not -inf."),
    ("rate = true", f"{RATE}, not true."),
    ("rate = 150.5", f"{RATE}, not 150.5."),
    ('rate = "fast"', f'{RATE}, not "fast".'),
    ("rate = [150]", f"{RATE}, not a list."),
    ("voice = 5", f"{VOICE}, not 5."),
    ('engine = "espeak"', 'engine must be "pyttsx3" or "piper", not "espeak".'),
    ("engine = 1", 'engine must be "pyttsx3" or "piper", not 1.'),
    ("language = 7", f"{LANGUAGE}, not 7."),
    ('language = "english please"', f'{LANGUAGE}, not "english please".'),
    ('language = ""', f'{LANGUAGE}, not "".'),
    ("source = 3", "source must be text in quotes, not 3."),
    ('source = "../../etc/passwd"', f'{SOURCE}, not "../../etc/passwd".'),
    ('source = "/etc/passwd"', f'{SOURCE}, not "/etc/passwd".'),
    ('source = "C:\\\\Windows\\\\win.ini"', f'{SOURCE}, not "C:\\\\Windows\\\\win.ini".'),
    ('source = "~/notes.txt"', f'{SOURCE}, not "~/notes.txt".'),
    ("target_grade = nan", f"{GRADE}, not nan."),
    ("target_grade = inf", f"{GRADE}, not inf."),
    ("target_grade = 0", f"{GRADE}, not 0."),
    ("target_grade = 21", f"{GRADE}, not 21."),
    ("target_grade = false", f"{GRADE}, not false."),
    ('target_grade = "8"', f'{GRADE}, not "8".'),
    ("title = 3", "title must be text in quotes, not 3."),
    ("subtitle = true", "subtitle must be text in quotes, not true."),
    ("publisher = { name = \"x\" }", "publisher must be text in quotes, not a table."),
    ("source_title = 1979-05-27", "source_title must be text in quotes, not 1979-05-27."),
    ('slug = "../x"', "has a slug that is not a plain name ('../x'). "
                      "Use only lower-case letters, digits and hyphens."),
    ("source_age_years = 0", "source_age_years must be a whole number of years from 1 to 50, "
                             "not 0."),
    ("source_age_years = 51", "source_age_years must be a whole number of years from 1 to 50, "
                              "not 51."),
    ("source_age_years = 5.5", "source_age_years must be a whole number of years from 1 to 50, "
                               "not 5.5."),
]

GOOD = [
    ("rate = 60", "rate", 60),
    ("rate = 400", "rate", 400),
    ("rate = 150", "rate", 150),
    ("voice = \"en-gb-x-rp\"", "voice", "en-gb-x-rp"),
    ('voice = ""', "voice", ""),
    ('engine = "piper"', "engine", "piper"),
    ('language = "en"', "language", "en"),
    ('language = "es-419"', "language", "es-419"),
    ('language = "fr-FR"', "language", "fr-FR"),
    ('source = "source.html"', "source", "source.html"),
    ('source = "none"', "source", "none"),
    ('source = "https://www.example.org/health/cervix"', "source",
     "https://www.example.org/health/cervix"),
    ("source_age_years = 1", "source_age_years", 1),
    ("source_age_years = 50", "source_age_years", 50),
    ("target_grade = 8", "target_grade", 8.0),
    ("target_grade = 6.5", "target_grade", 6.5),
    ('title = "  A guide  "', "title", "  A guide  "),
    ('subtitle = ""', "subtitle", ""),
    ('slug = "my-guide"', "slug", "my-guide"),
]


@pytest.mark.parametrize(("line", "reason"), BAD)
def test_each_bad_value_is_one_sentence_naming_file_and_setting(line, reason):
    with pytest.raises(ScriptError) as caught:
        GuideConfig.from_dict(tomllib.loads(line), PATH)
    assert str(caught.value) == f"{PATH}: {reason}"
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(("line", "name", "value"), GOOD)
def test_each_good_value_is_accepted(line, name, value):
    config, warnings = GuideConfig.from_dict(tomllib.loads(line), PATH)
    assert getattr(config, name) == value
    assert type(getattr(config, name)) is type(value)
    assert warnings == []


@pytest.mark.parametrize(("line", "warning"), [
    ("rat = 120", f"{PATH}: rat is not a setting this version knows (did you mean rate?), "
                  "so it is ignored."),
    ('colour = "red"', f"{PATH}: colour is not a setting this version knows, so it is ignored."),
])
def test_an_unknown_setting_is_a_warning_not_an_error(line, warning):
    config, warnings = GuideConfig.from_dict(tomllib.loads(line), PATH)
    assert warnings == [warning]
    assert config == GuideConfig()


def test_defaults_are_the_guide_models_defaults():
    model = {f.name: f.default for f in fields(Guide)}
    for name, default in GuideConfig.defaults().items():
        if name in model and name not in ("title", "slug", "subtitle"):
            assert model[name] == default, name


def test_to_dict_round_trips_and_leaves_out_what_is_not_set():
    config = GuideConfig(title="T", rate=120, source="source.md", target_grade=6.0)
    data = config.to_dict()
    assert data == {"title": "T", "language": "en-US", "rate": 120, "source": "source.md",
                    "target_grade": 6.0}
    assert GuideConfig.from_dict(data) == (config, [])
    changed = GuideConfig(engine="piper", review_every_months=12, source_age_years=10)
    assert {"engine": "piper", "review_every_months": 12, "source_age_years": 10}.items() <= \
        changed.to_dict().items()  # a quiet setting is written once it is not its default


def test_every_setting_is_one_line_with_a_check_and_a_docstring():
    import ast
    import inspect

    from guide import config as module

    body = ast.parse(inspect.getsource(module.GuideConfig)).body[0].body
    for index, node in enumerate(body):
        if isinstance(node, ast.AnnAssign):
            name = node.target.id
            assert node.lineno == node.end_lineno, f"{name} takes more than one line"
            after = body[index + 1]
            assert isinstance(after, ast.Expr) and isinstance(after.value.value, str), name
    assert all(callable(f.metadata["check"]) for f in fields(GuideConfig))


# ------------------------------------------------------------- through load_guide


def test_load_guide_uses_the_schema_and_passes_warnings_up(tmp_path):
    folder = write_guide_folder(tmp_path / "scripts" / "tiny")
    (folder / "guide.toml").write_text('title = "T"\nrate = 120\ntarget_grade = 6\nrat = 3\n')
    warnings: list[str] = []
    guide = load_guide(folder, warnings)
    assert (guide.rate, guide.target_grade, guide.title, guide.slug) == (120, 6.0, "T", "tiny")
    assert warnings == [f"{folder / 'guide.toml'}: rat is not a setting this version knows "
                        "(did you mean rate?), so it is ignored."]


@pytest.mark.parametrize(("line", "reason"), [BAD[0], BAD[4], BAD[7], BAD[11], BAD[13], BAD[16],
                                              BAD[17], BAD[21]])
def test_load_guide_refuses_a_bad_value(tmp_path, line, reason):
    folder = write_guide_folder(tmp_path / "tiny")
    (folder / "guide.toml").write_text(f'title = "T"\n{line}\n')
    with pytest.raises(ScriptError) as caught:
        load_guide(folder)
    assert str(caught.value) == f"{folder / 'guide.toml'}: {reason}"


def test_nan_never_reaches_the_guide(tmp_path):
    folder = write_guide_folder(tmp_path / "tiny")
    guide = load_guide(folder)
    assert math.isfinite(guide.target_grade) and isinstance(guide.rate, int)
