"""A time budget for suggesting names for unknown places during one ``geo verify`` run.

An article naming a hundred unknown places must not take minutes: each unknown name's
suggestions are computed once (repeats are answered from memory) and, once
:data:`SUGGESTION_BUDGET_S` seconds have gone into suggestions, the remaining unknown
places are reported without them (and the run says so on stderr).
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from geo.places.gazetteer import Gazetteer

__all__ = ["SUGGESTION_BUDGET_S", "BudgetedGazetteer"]

#: Seconds of one run that may go into suggesting names for unknown places.
SUGGESTION_BUDGET_S = 10.0


class BudgetedGazetteer(Gazetteer):
    """The gazetteer at ``db_path`` whose :meth:`suggestions` are remembered per name and
    stop after ``budget_s`` seconds in total (``skipped`` counts the names left without)."""

    def __init__(self, db_path, budget_s: float = SUGGESTION_BUDGET_S):
        super().__init__(db_path)
        self.budget_s = float(budget_s)
        self.spent_s = 0.0
        self.skipped = 0
        self._memo: dict[tuple, list[str]] = {}

    def suggestions(self, name: str, countries: Sequence[str] | None = None, limit: int = 5) -> list[str]:
        """Near names for an unknown ``name`` (see :meth:`Gazetteer.suggestions`), within the budget."""
        key = (name.casefold(), tuple(countries or ()), limit)
        if key in self._memo:
            return list(self._memo[key])
        if self.spent_s >= self.budget_s:
            self.skipped += 1
            return []
        start = time.perf_counter()
        found = super().suggestions(name, countries, limit)
        self.spent_s += time.perf_counter() - start
        self._memo[key] = list(found)
        return found
