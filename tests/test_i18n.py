"""The message catalogues: every language has every message, with the same fields, and nothing falls back."""

from __future__ import annotations

import string
import tomllib

import pytest

from guide import i18n


def fields(text: str) -> set[str]:
    """The ``{names}`` a message fills in."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def raw(domain: str, lang: str) -> dict:
    return tomllib.loads((i18n.FOLDER / f"{domain}.{lang}.toml").read_text(encoding="utf-8"))


def test_there_are_catalogues_in_english_and_spanish():
    assert i18n.domains(), "no catalogue at all"
    assert set(i18n.languages()) >= {"en", "es"}


@pytest.mark.parametrize("lang", ["es"])
def test_every_language_has_every_domain_and_message_with_the_same_fields(lang):
    for domain in i18n.domains():
        english = raw(domain, "en")
        path = i18n.FOLDER / f"{domain}.{lang}.toml"
        assert path.is_file(), f"{path.name} is missing"
        other = raw(domain, lang)
        assert sorted(other) == sorted(english), f"{path.name} lacks or adds messages"
        for key, text in english.items():
            assert isinstance(other[key], str) and other[key].strip(), f"{domain}.{key} is empty in {lang}"
            assert fields(other[key]) == fields(text), f"{domain}.{key} fills other fields in {lang}"


def test_a_missing_message_is_an_error_not_english():
    with pytest.raises(i18n.MissingMessage):
        i18n.message("fr-FR", f"{i18n.domains()[0]}.anything")
    with pytest.raises(i18n.MissingMessage):
        i18n.message("es-US", "nodomain.nokey")


def test_the_language_is_its_primary_subtag():
    assert i18n.primary("es-US") == i18n.primary("es_419") == i18n.primary("ES") == "es"
    assert i18n.primary("") == "en"
