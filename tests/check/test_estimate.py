"""A chapter's estimated length is the same number on every Python (3.12 changed float sum())."""

from __future__ import annotations

from decimal import Decimal

from guide.check.chapter import estimate_duration
from guide.model import Sentence
from guide.speech.narration import DEFAULT_PAUSES


def test_the_estimate_is_exact_to_the_millisecond_whatever_the_order_of_pauses():
    pauses = [0.4] * 37 + [0.8] * 11 + [0.7] * 9 + [2.0]
    narration = [Sentence("w", "one two three", pause_after_s=p) for p in pauses]
    exact = (Decimal(str(DEFAULT_PAUSES.lead_in)) + sum(Decimal(str(p)) for p in pauses)
             + Decimal(len(pauses) * 3 * 60) / Decimal(150))
    assert estimate_duration(narration, 150) == float(round(exact, 3))
    assert estimate_duration(list(reversed(narration)), 150) == estimate_duration(narration, 150)
