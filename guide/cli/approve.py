"""``guide approve``: a thin layer over :mod:`guide.approval`."""

from __future__ import annotations

from pathlib import Path

import click

from guide.cli.options import Failure, aim, load, status
from guide.errors import GuideError


@click.command("approve")
@click.argument("guide", required=False)
@click.option("--by", metavar='"NAME, ROLE"',
              help='Who approves the guide for patient use, and their role: "Dana Lee, RN".')
@click.option("--note", default="", help="A note to keep with the approval.")
@click.option("--revoke", is_flag=True, help="Take the approval back: the guide is a draft again.")
@click.pass_context
def approve(ctx, guide, by, note, revoke) -> None:
    """Approve GUIDE for patient use as it is now, or take the approval back.

    The approval is kept in approval.toml in the guide folder, with a SHA-256
    of every script and setting the audio is made from: when one changes, the
    guide is a draft again. Build the guide again afterwards, so that chapter 1
    says where it stands.
    """
    from guide import approval

    if revoke and (by or note):
        raise Failure("--revoke takes no --by or --note.")
    if not revoke and by is None:
        raise Failure('guide approve needs --by "NAME, ROLE", or --revoke.')
    if by is not None:
        try:
            approval.parse_by(by)
        except GuideError as exc:  # the core cannot name the flag; the command line can
            raise Failure(f'--by must be a name and a role, such as "Dana Lee, RN", not "{by}".') from exc
    aim(ctx, guide)
    loaded = load(guide)
    path = Path(loaded.folder) / approval.FILE
    if revoke:
        if approval.revoke(loaded):
            status(f"Removed {path}. The guide is a draft again. Run: guide build")
        else:
            status(f"{loaded.folder} has no approval to take back; the guide is a draft.")
        return
    approval.approve(loaded, by, note)
    status(approval.line(approval.status(loaded, approval.today())))
    status(f"Wrote {path}. Run: guide build")
