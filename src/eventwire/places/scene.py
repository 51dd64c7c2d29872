"""The article's scene: the country where its story happens.

A news story happens somewhere, and most of its events happen there even when
their own sentence names no place ("The talks continued Wednesday." in a story
from Nairobi about Kenya's crisis; "Over 500 were hurt in the attacks." after
the bombings in Baghdad were placed; "Police later arrested two suspects." in
a story about a riot in Lyon). The scene is the country most of the article's
placed events happened in; an event with no place of its own takes that
country, as a country-level location with no span (no words of its sentence
name it), so a user can tell it from a place the sentence names.

The headline names the scene too ("Hong Kong protesters surround police
complex", "Battle for Afghan town of Kunduz enters third day", "troop withdrawal from Syria"): each
country the title names, by name, demonym or capital (``actors/countries.tsv``),
counts as much as two placed events, three after a preposition of place. No scene is drawn when nothing names a
country, nor when two countries share the lead: a precise empty slot beats a
wrong place.

An event that refers back to an act told before (the event coreference stage read
"the shelling killed two children" as the shelling of Marib told before, "the
talks ended" as the talks in Oslo) and names no place happened where that act did.

Before the scene, an act a state does at home takes the state's country: an act
of coercion (arrests, detentions, raids, deportations, bans: PLOVER COERCE) or a
sanction (a ban on a foreign airline, a revoked permit, an expelled envoy) by a
state's police, courts, government or intelligence service, all of one country,
happens in that country ("Malaysian authorities arrested a North Korean man",
"Turkish police detained 20 suspects", "an Egyptian court jailed three
reporters", "Germany's aviation office suspended the Iranian airline's permit"),
wherever else the story goes. Armies are left out: they act abroad.
"""

from __future__ import annotations

from collections import Counter

from eventwire.context import ArticleContext
from eventwire.model import PLOVER_TYPES, Location
from eventwire.places.gazetteer import WORD, country_words


TITLE_WEIGHT = 2  # a country the headline names counts as two placed events
# PLOVER types of acts a state does on its own territory, and the sectors of the
# state's agents that do them there
HOME_TYPES = ("COERCE", "SANCTION")
HOME_SECTORS = ("COP", "JUD", "GOV", "SPY")
# PLOVER types of acts whose parties, all of one state, happen in that state: a
# protest by a state's people against its own ("Czech protesters marched against
# the government", "Thai demonstrators blocked the prime minister's office",
# "Kenyan teachers struck against the education ministry"). Fights are left out:
# a victim often takes the attacker's country ("a US drone killed five militants").
CIVIL_TYPES = ("PROTEST",)


def home_country(ev) -> str | None:
    """The country of a coercive act's doers when they are one state's police,
    courts, government or intelligence service (ISO3); of a protest whose parties
    are all of one state; else None."""
    if not ev.source:
        return None
    countries = {a.country for a in ev.source}
    if len(countries) != 1 or None in countries or any(a.igo for a in ev.source):
        return None
    country = next(iter(countries))
    if ev.event in HOME_TYPES and all(a.sector in HOME_SECTORS for a in ev.source):
        return country
    if ev.event in CIVIL_TYPES and ev.target and \
            all(a.country == country and not a.igo for a in ev.target):
        return country
    return None


LOCATIVE = frozenset(("in", "from", "to", "at", "near", "into", "inside", "outside", "across"))


def title_countries(title: str | None) -> dict[str, int]:
    """The countries a headline names, each with its weight: TITLE_WEIGHT, one more
    after a preposition of place ("troop withdrawal from Syria")."""
    if not title:
        return {}
    table = country_words()
    words = WORD.findall(title.lower().replace("\u2019s", "").replace("'s", ""))
    found: dict[str, int] = {}
    i = 0
    while i < len(words):
        for n in (4, 3, 2, 1):
            code = table.get(tuple(words[i:i + n]))
            if code:
                w = TITLE_WEIGHT + (1 if i and words[i - 1] in LOCATIVE else 0)
                found[code] = max(found.get(code, 0), w)
                i += n
                break
        else:
            i += 1
    return found


def scene_country(events, title: str | None = None) -> str | None:
    """The country most placed events of the article share (with the countries its
    title names), or None on a tie."""
    counts = Counter(ev.location.country for ev in events
                     if ev.location is not None and ev.location.country)
    for code, weight in title_countries(title).items():
        counts[code] += weight
    if not counts:
        return None
    (first, n), *rest = counts.most_common(2)
    if rest and rest[0][1] == n:
        return None
    return first


def said_abroad(ev, scene: str) -> bool:
    """Is ``ev`` a verbal act (PLOVER quad 1 or 3: a statement, an appeal, an
    accusation, a promise) whose doers are all of states other than the scene's, or
    international bodies? Such acts are made where their doers are, which the story
    does not tell: "Washington criticised the arrests" in a story about Egypt,
    "the Security Council called for a ceasefire" in a story about Gaza, "Senator
    Smith blamed the administration for the attack" in a story about Benghazi.
    Meetings and visits (CONSULT) are held somewhere, often in the scene: they keep it."""
    if PLOVER_TYPES[ev.event][0] not in (1, 3) or ev.event == "CONSULT" or not ev.source:
        return False
    return all((a.country and a.country != scene) or (a.igo and not a.country)
               for a in ev.source)


class SceneStage:
    """Gives an event with no place of its own the article's scene country."""

    name = "scene"
    requires = ("events.location",)
    assigns = ("events.scene",)

    def __init__(self, gazetteer=None) -> None:
        self._gaz = gazetteer

    @property
    def gaz(self):
        if self._gaz is None:
            from eventwire.places.gazetteer import gazetteer

            self._gaz = gazetteer()
        return self._gaz

    def __call__(self, ctx: ArticleContext) -> None:
        code = scene_country(ctx.events, getattr(ctx.article, "title", None))
        for ev in ctx.events:
            told = getattr(ev, "told_before", None)
            if ev.location is None and told is not None and told.location is not None:
                # "the shelling killed two children" after "rebels shelled Marib":
                # the act told before, continued, happened where it was placed
                ev.location = told.location
            home = home_country(ev) if ev.location is None else None
            if home is not None:
                ev.location = self._country(home)
        if code is None or self.gaz.country(code) is None:
            return
        for ev in ctx.events:
            if ev.location is None and not said_abroad(ev, code):
                ev.location = self._country(code)

    def _country(self, code: str) -> Location | None:
        """A country-level location with no span (no words of its sentence name it)."""
        place = self.gaz.country(code)
        if place is None:
            return None
        return Location(name=place.name, country=code, admin1=None, lat=place.lat,
                        lon=place.lon, geonameid=place.geonameid, span=None,
                        feature="country")
