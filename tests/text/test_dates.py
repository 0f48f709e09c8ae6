"""The article's own date from its header (``geo.text.dates``): headline, dateline, byline."""

from __future__ import annotations

import pytest

from geo.text.dates import article_date, find_article_date


@pytest.mark.parametrize(
    "text, date",
    [
        ("date 2025-07-01\nA drone struck...", "2025-07-01"),
        ("\ufeffDate: 2025-07-01\nA drone struck...", "2025-07-01"),
        ("date=2025-07-01", "2025-07-01"),
        ("Published 2025-07-01\nA drone struck...", "2025-07-01"),
        ("date 2025-7-1", None),
        ("", None),
        ("   \n", None),
        # datelines and bylines as newsrooms write them
        ("KHERSON, 8 September 2022\n\nThe city lies on the Dnipro.", "2022-09-08"),
        ("Drones strike a refinery\nBy A. Writer | Sept. 8, 2022\nThe plant burned.", "2022-09-08"),
        ("Refinery hit\nUpdated March 3rd, 2024, 10:15 GMT\n", "2024-03-03"),
        ("Oct 5 2022 — KYIV\nStory text.", "2022-10-05"),
        ("КИЇВ, 8 вересня 2022\nДрони атакували...", "2022-09-08"),
        ("МОСКВА, 15 декабря 2022 г.\nБеспилотники...", "2022-12-15"),
        # a wire dateline opening the story's first line, up to its dash
        (
            "Strikes overnight\n\nKYIV, Feb. 12, 2026 — Russian missiles struck Kyiv and Dnipro overnight.",
            "2026-02-12",
        ),
        (
            "ODESA, Ukraine, 3 March 2024 -- A drone hit an apartment block in the port, officials said.",
            "2024-03-03",
        ),
        ("KYIV, Ukraine (AP) — Russian forces struck the capital on 24 February 2022, officials said.", None),
        # dates in the story are not the story's date
        ("Drones hit the plant overnight, officials in the region said on Monday.\ndate 2025-07-01", None),
        (
            "A drone hit Izhevsk\nThe war began on 24 February 2022, when Russian troops crossed the border.",
            None,
        ),
        ("Headline\n" + "A long first paragraph " * 10 + "on 1 May 2023", None),
        # two different dates in the header: none is chosen
        ("Published 1 May 2023\nUpdated 2 May 2023\nText", None),
        ("31 June 2023\nText", None),  # not a date
    ],
)
def test_article_date(text, date):
    assert article_date(text) == date


def test_the_line_the_date_came_from_is_kept():
    found = find_article_date("Refinery hit\nKYIV, 8 September 2022 (agency)\nText.")
    assert found.date == "2022-09-08" and found.line == "KYIV, 8 September 2022 (agency)"
