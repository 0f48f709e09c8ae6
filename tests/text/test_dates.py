"""The article's own date from its first line (``geo.text.dates.article_date``)."""

from __future__ import annotations

import pytest

from geo.text.dates import article_date


@pytest.mark.parametrize(
    "text, date",
    [
        ("date 2025-07-01\nA drone struck...", "2025-07-01"),
        ("\ufeffDate: 2025-07-01\nA drone struck...", "2025-07-01"),
        ("date=2025-07-01", "2025-07-01"),
        ("Published 2025-07-01\nA drone struck...", None),
        ("A drone struck...\ndate 2025-07-01", None),  # only the first line counts
        ("date 2025-7-1", None),
        ("", None),
        ("   \n", None),
    ],
)
def test_article_date(text, date):
    assert article_date(text) == date
