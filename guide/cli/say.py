"""``guide say``: try one line the way a guide would say it; a thin layer over :mod:`guide.say`."""

from __future__ import annotations

from pathlib import Path

import click

from guide.cli.options import (
    Failure,
    choose_edition,
    edition_options,
    engine_for,
    load,
    phoneme_voice,
    rate_option,
    status,
)


class ClipPath(click.ParamType):
    """``--out FILE``: a path that ends in .wav or .mp3."""

    name = "file"

    def convert(self, value, param, ctx) -> Path:
        from guide.say import FORMATS

        path = Path(value)
        if path.suffix.lower() not in FORMATS:
            raise Failure(f"--out must name a .wav or .mp3 file, not {path.name}.")
        return path


def _no_phonemes(voice: str) -> str:
    import shutil

    if shutil.which("espeak-ng") is None:
        return "not known, as espeak-ng is not installed."
    return f"not known, as espeak-ng has no voice called {voice}."


def _prepared(text: str, lexicon, language: str):
    """The spoken form of ``text``; a text too long to say is one sentence that names this command."""
    from guide.say import TooLong, prepare

    try:
        return prepare(text, lexicon, language)
    except TooLong as exc:
        raise Failure(f"That text has {exc.words:,} words; guide say takes at most {exc.limit:,}. "
                      "Put a longer text in a chapter script and build it.") from exc


@click.command("say")
@click.argument("text")
@click.option("--guide", "guide_name", metavar="GUIDE",
              help="Use this guide's language, lexicon, voice and rate (default: English, with "
                   "the built-in lexicon).")
@edition_options("Say it")
@rate_option()
@click.option("--out", type=ClipPath(), metavar="FILE",
              help="Write a .wav or .mp3 file instead of playing it.")
@click.option("--show", is_flag=True, help="Also print the spoken form and espeak-ng's phonemes.")
@click.option("--audio-output", envvar="GUIDE_AUDIO_OUTPUT", metavar="NAME",
              help="mpv's sound output; null plays in silence (the same as GUIDE_AUDIO_OUTPUT=null).")
@click.pass_context
def say(ctx, text, guide_name, engine, voice, rate, out, show, audio_output) -> None:
    """Say TEXT the way a guide would: through the same normalisation,
    lexicon and voice. It is played, or written to --out."""
    from guide.durations import spoken_duration
    from guide.model import Guide
    from guide.player.mpv import find_mpv
    from guide.say import phonemes, play_clip, synthesize, write_clip
    from guide.speech.lexicon import Lexicon

    if out is None:
        find_mpv()  # before any work: without mpv nothing can be heard
    loaded = load(guide_name) if guide_name else Guide(slug="say", title="say")
    lexicon = Lexicon.load(loaded.folder if guide_name else None, loaded.language)
    edition = choose_edition(loaded, engine, voice, rate)
    speaker = engine_for(ctx, edition.engine)
    if guide_name:  # a guide's line in a voice of another language would mislead
        from guide.editions import check_language

        check_language(speaker.describe_voice(edition.voice), loaded.language)
    said = _prepared(text, lexicon, loaded.language)
    if show:
        heard_by = phoneme_voice(edition, loaded.language)
        click.echo(f"Written: {said.text}")
        click.echo(f"Spoken: {said.spoken}")
        click.echo(f"Phonemes: {phonemes(said.spoken, heard_by) or _no_phonemes(heard_by)}")
    clip = synthesize(said, speaker, edition.voice, edition.rate)
    if out is not None:
        path = write_clip(clip, out)
        status(f"Wrote {path}, {spoken_duration(clip.duration_s)} of speech.")
    else:
        play_clip(clip, audio_output)
