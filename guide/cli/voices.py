"""``guide voices``: the voices a speech engine offers, for ``--voice``."""

from __future__ import annotations

import click

from guide.cli.options import ENGINE_NAMES, engine_for, status


@click.command("voices")
@click.option("--engine", type=click.Choice(ENGINE_NAMES), default="pyttsx3", show_default=True,
              help="Whose voices: pyttsx3 (espeak-ng) or piper (natural voices).")
@click.pass_context
def voices(ctx, engine) -> None:
    """List the voices the speech engine offers, for --voice."""
    if engine == "piper":
        _piper_voices()
        return
    for voice in engine_for(ctx).voices():
        languages = ", ".join(voice.languages)
        click.echo(f"{voice.id}: {voice.name.replace('_', ' ')}" + (f" ({languages})" if languages else ""))


def _piper_voices() -> None:
    from guide.engines.piper_engine import require_piper
    from guide.engines.piper_voices import find_voices, voices_dir

    require_piper()
    found = find_voices()
    for voice in found:
        licence = voice.licence or "no licence on record"
        click.echo(f"{voice.name}: {voice.language}, {voice.quality.replace('_', ' ')} quality, "
                   f"{licence}.")
    if not found:
        status(f"No natural voices are installed. make natural installs one; or put an .onnx voice "
               f"with its .onnx.json in {voices_dir()}.")
