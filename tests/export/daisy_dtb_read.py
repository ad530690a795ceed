"""Read a DAISY 2.02 book back with daisy-dtb, a reader independent of guide, and print what it found.

Run with a Python 3.12 or newer that has daisy-dtb installed (it imports
``typing.override``), not with guide's own interpreter: it imports nothing of
guide. ``python daisy_dtb_read.py BOOK_FOLDER`` prints one JSON object: the
title and metadata the reader took from ``ncc.html``, its table of contents,
and, for each SMIL file in the order the table of contents reaches them,
every par (section) with its text, as the reader looked it up in the content
document, and its audio clips. A book the reader cannot open exits with
status 1 and says why on stderr.
"""

from __future__ import annotations

import json
import sys


def read(folder: str) -> dict:
    """What daisy-dtb makes of the book in ``folder``."""
    from daisy_dtb import DaisyBook, FolderDtbSource

    book = DaisyBook(FolderDtbSource(folder))
    smils: dict[str, dict] = {}
    toc = []
    for entry in book.toc_entries:
        ref = entry.smil_reference
        toc.append({"level": entry.level, "id": entry.id, "text": entry.text,
                    "smil": ref.resource if ref else None, "fragment": ref.fragment if ref else None})
        if ref is None or ref.resource in smils:
            continue
        smil = entry.smil
        smils[ref.resource] = {
            "name": ref.resource, "title": smil.title, "duration": smil.total_duration,
            "sections": [{"id": s.id, "text_id": s.text.id, "text_src": f"{s.text.reference.resource}#"
                          f"{s.text.reference.fragment}", "text": s.text.content,
                          "clips": [[c.src, c.begin, c.end] for c in s.clips]} for s in smil.sections]}
    return {"title": book.title, "depth": book.navigation_depth, "language": book.langage,
            "charset": book.charset, "metadata": {m.name: m.content for m in book.metadata},
            "toc": toc, "smils": list(smils.values())}


def main(argv: list[str]) -> int:
    """Print the book as JSON; 1 (and the reason on stderr) if the reader cannot open it."""
    from loguru import logger

    logger.remove()  # the reader logs every step; only its answer matters here
    logger.add(sys.stderr, level="ERROR")
    if len(argv) != 2:
        print("usage: daisy_dtb_read.py BOOK_FOLDER", file=sys.stderr)
        return 2
    try:
        found = read(argv[1])
    except Exception as exc:  # whatever stops the reader is the answer
        print(f"daisy-dtb could not open {argv[1]}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(found, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
