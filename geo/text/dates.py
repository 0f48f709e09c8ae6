"""The article's own date, when its first line gives one."""

from __future__ import annotations

import re

__all__ = ["article_date"]

_DATE_LINE = re.compile(r"^\s*date\s*[:=]?\s*(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)


def article_date(text: str) -> str | None:
    """An ISO date given on the article's first line (``date 2025-07-01``), else None.

    >>> article_date("date: 2025-07-01\\nA drone struck..."), article_date("A drone struck...")
    ('2025-07-01', None)
    """
    first = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    m = _DATE_LINE.match(first)
    return m.group(1) if m else None
