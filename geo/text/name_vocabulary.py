"""The English vocabulary of place names in news prose: what a name looks like (runs of capitalised words,
a "region" or "air base" suffix, a possessive ending), the words before a place used as a reference, and
capitalised words that name no place (nationalities, titles, weekdays, determiners, sentence adverbs).

Data and compiled patterns only; ``geo.text.names`` and ``geo.text.mentions`` use them. Re-exported by
``geo.text.vocabulary`` beside the rest of the English vocabulary.
"""

from __future__ import annotations

import re

from geo.places.vocabulary import SENTENCE_ADVERBS

__all__ = [
    "NAME_RUN",
    "NAME_SUFFIX",
    "NAME_TOKEN",
    "NATIONALITIES",
    "NOT_PLACES",
    "PLACE_REFERENCE_PREFIX",
    "POSSESSIVE",
]

_APOS = "[’']"

_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
_CAP_WORD = rf"[{_UPPER}][\w’']*(?:[-–][\w’']+)*"
#: A run of capitalised words (Latin or Cyrillic), "St."/"Mt." allowed: a place name or several.
NAME_RUN = re.compile(rf"(?:(?:St|Mt)\.\s+)?{_CAP_WORD}(?:[ \u00a0](?:(?:St|Mt)\.\s+)?{_CAP_WORD})*")
#: One word of a ``NAME_RUN`` ("St. Petersburg" is one word).
NAME_TOKEN = re.compile(r"(?:(?:St|Mt)\.\s+)?\S+")
#: A possessive ending, which also ends a name: "Izhevsk’s plant".
POSSESSIVE = re.compile(r"[’']s$")
#: What may follow a name as part of it: "Bryansk region", "Engels-2 air base".
NAME_SUFFIX = re.compile(
    r"\s+(?:region|oblast|province|krai|republic|air\s*base|airbase|airfield|air\s+field)\b"
)
#: Words before a place used as a reference: "the Russian city of", "occupied", "the outskirts of".
PLACE_REFERENCE_PREFIX = re.compile(
    r"(?:(?:my|our|his|her|their)\s+(?:house|home|flat|apartment|village|town|city|street)\s+in\s+)?"
    # "the centre of Pokrovsk", "the southern outskirts of Kupiansk": the place's own point
    r"(?:the\s+(?:(?:southern|northern|eastern|western)\s+)?(?:centre|center|outskirts|edge|suburbs)\s+of\s+)?"
    rf"(?:the\s+)?(?:(?:Russian|Ukrainian|occupied|Russian-occupied|Russian-annexed|annexed|Russian-held"
    rf"|Ukrainian-held|Russia{_APOS}s|Ukraine{_APOS}s|southern|northern|eastern|western|central)\s+){{0,2}}"
    r"(?:(?:city|town|village|port|settlement|regional\s+capital)\s+of\s+)?"
)
#: Lower-cased words that name a people or a state, never a target place.
NATIONALITIES = frozenset(
    "russia russian russians ukraine ukrainian ukrainians soviet belarusian american americans european "
    "western nato iranian korean chinese british polish georgian kazakh u.s. us".split()
)
#: Words a capital letter may start that name no place: articles, titles, weekdays, months, …
_WORDS = frozenset(
    "the a an this that these those it its he she they we i his her their our in on at by for from with to "
    "after before during meanwhile however but and or also according as when while since if though although "
    "officials official local regional governor president mayor minister ministry defense defence security "
    "service military kremlin parliament government telegram general staff prime spokesperson spokesman "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december ap associated press reuters afp tass ria interfax sbu "
    "un eu there here some about roughly around nearly almost over more at least up just drone drones "
    "strike strikes attack attacks workers people children engineers staff employees crews pilots "
    "explosions explosion blasts blast witnesses residents authorities videos "
    "video footage images satellite fires fire smoke sirens emergency rescuers analysts experts sources "
    "reports photos debris firefighters officers soldiers troops forces no none several many two three "
    "four five six seven eight nine ten dozens hundreds thousands earlier later overnight yesterday today "
    "tomorrow then now still yet analyst analysts head director deputy secretary chief captain colonel "
    "commander admiral senator ambassador spokeswoman lieutenant major gen. col. lt. capt. mr mr. mrs "
    "mrs. ms ms. dr dr. elsewhere finally initially overall subsequently similarly shelling "
    "missile missiles rocket rockets how what why where who which whose "
    # determiners and quantifiers that open a sentence ("Most of the targets were ...": not Most, Czechia)
    "most all each every both few another other others any such much neither either half "
    # adjectives of nearness before a place ("Nearby Okhtyrka", "Neighbouring Trostianets")
    "nearby neighbouring neighboring adjacent".split()
)
#: Lower-cased capitalisable words that are not place names (the gazetteer's sentence adverbs too).
NOT_PLACES = NATIONALITIES | _WORDS | frozenset(SENTENCE_ADVERBS)
