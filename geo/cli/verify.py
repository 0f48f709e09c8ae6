"""``geo verify``: the distance claims of an article, judged with their evidence."""

from __future__ import annotations

import sys

from geo.cli.article import check_claim_count, read_article
from geo.cli.budget import BudgetedGazetteer
from geo.cli.safety import atomic_output, check_output_path, refuse_input_as_output
from geo.errors import UsageError

__all__ = ["cmd_verify"]


def cmd_verify(args) -> int:

    from geo.judge.judge import Judge
    from geo.layers.frontline import parse_date
    from geo.places.cyrillic import CyrillicFirst
    from geo.places.gazetteer import Gazetteer
    from geo.render import localized, report
    from geo.text.dates import find_article_date
    from geo.text.lang import extract_claims_any

    parse_date(args.date)  # a malformed --date is an error before anything else
    if args.explain and args.explain != "all" and not args.explain.isdigit():
        raise UsageError(f"--explain takes a claim number (1, 2, ...) or 'all', not {args.explain!r}")
    check_output_path(args.map, "--map", args.force)
    refuse_input_as_output(args.map, "--map", [args.source, args.layer])
    if args.layer:  # a layer that cannot be read is an error, never quietly ignored
        from geo.layers.user_files import load_user_layer

        load_user_layer(args.layer, args.date)
    text = read_article(args.source, args.max_kb)
    budgeted = BudgetedGazetteer(Gazetteer.default().db_path)
    gazetteer = CyrillicFirst(budgeted)
    lang = getattr(args, "lang", None)
    # reading stops once the claims are over the limit: a 10 MB article is refused in a second, not read
    claims = extract_claims_any(text, lang, known=gazetteer.is_known, limit=args.max_claims)
    check_claim_count(len(claims), args.max_claims)
    date = args.date
    if not date and (found := find_article_date(text)):
        date = found.date
        line = report.terminal_safe(report.clip_quote(found.line))  # the text's own words, made safe
        print(f"geo: note: article dated {date}, read from '{line}'; --date overrides it", file=sys.stderr)
    if claims and not args.layer:
        _warn_about_snapshot(date)
    judge = Judge(gazetteer, date=date, layer_file=args.layer)
    report_lang = getattr(args, "report_lang", "en") or "en"
    verdicts = judge.judge_all(claims)
    if budgeted.skipped:
        print(
            f"geo: warning: {budgeted.skipped:,} unknown places are reported without suggestions "
            f"(more than {budgeted.budget_s:g} s went into suggesting names)",
            file=sys.stderr,
        )
    if args.explain:
        print(_evidence(verdicts, args.explain))
    elif args.json:
        print(report.to_json(localized.localize(verdicts, report_lang)))
    elif args.markdown:
        print(localized.to_markdown(verdicts, report_lang))
    else:
        print(localized.to_table(verdicts, report_lang))
    if args.map:
        _write_map(verdicts, args.map, date, theme=args.theme, inset=args.inset)
    return 0


def _write_map(verdicts, path: str, date, **look) -> None:
    """The verification map (``look``: its ``theme`` and ``inset``), whole at ``path`` or
    nothing there; a failure of the map builder is one clear error (the verdicts printed
    above stand)."""
    from geo.errors import GeoError
    from geo.render.map.verdicts import verification_map

    try:
        with atomic_output(path) as tmp:
            verification_map(verdicts, tmp, date=date, **look)
    except (IndexError, ValueError, KeyError, TypeError) as err:
        raise GeoError(
            f"the map could not be drawn ({type(err).__name__}: {err}); "
            "the verdicts above stand, no map was written"
        ) from None
    print(f"geo: map written to {path}", file=sys.stderr)


def _warn_about_snapshot(date: str | None) -> None:
    """Say on stderr which front-line snapshot the article's date gets, when it is old, or
    that there is none (a date before the first: readings that need no snapshot, borders
    and places, are still judged)."""
    from geo.errors import DateError
    from geo.layers.frontline import choose_snapshot

    try:
        choice = choose_snapshot(date)
    except DateError as err:
        print(f"geo: warning: {err}; readings against the front line are unverifiable", file=sys.stderr)
        return
    if choice.warning:
        print(f"geo: warning: {choice.warning}", file=sys.stderr)
    if date is None:
        print(
            f"geo: warning: no --date given and none in the text; using the latest snapshot, "
            f"{choice.snapshot.isoformat()}",
            file=sys.stderr,
        )


def _evidence(verdicts, which: str) -> str:
    """The evidence for claim ``which`` (a 1-based number) or for every claim (``all``)."""
    from geo.render.evidence import evidence_text

    if not verdicts:
        raise UsageError("--explain: the text has no distance claims")
    if which == "all":
        return "\n\n".join(evidence_text(verdicts, n) for n in range(1, len(verdicts) + 1))
    number = int(which)
    if not 1 <= number <= len(verdicts):
        raise UsageError(
            f"--explain {number}: the text has {len(verdicts)} claim(s), numbered 1 to {len(verdicts)}"
        )
    return evidence_text(verdicts, number)
