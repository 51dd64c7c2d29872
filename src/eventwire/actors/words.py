"""The English words and code classes the actor rules read, from ``resources/actors``.

Everything here is data loaded once through ``eventwire.resources``; the files
say what each class is for. Closed sets of spaCy labels stay in the modules
that read the parse by them.
"""

from __future__ import annotations

from eventwire import resources

_PRONOUNS = resources.classes("actors/pronouns.tsv")
_WORDS = resources.classes("actors/words.tsv")
_CODES = resources.classes("actors/codes.tsv")

# -- pronouns ------------------------------------------------------------------
PRON_GENDER: dict[str, str] = {
    **{w: "m" for w in _PRONOUNS["male"]}, **{w: "f" for w in _PRONOUNS["female"]}}
PRON_IT = _PRONOUNS["it"]
PRON_THEY = _PRONOUNS["they"]
PERSONAL = frozenset(PRON_GENDER) | PRON_IT | PRON_THEY
RELATIVE = _PRONOUNS["relative"]
REFLEXIVE = _PRONOUNS["reflexive"]
POSSESSIVE = _PRONOUNS["possessive"]
# "its" / "their": the possessive of a body or a group
GROUP_POSSESSIVE = POSSESSIVE & (PRON_IT | PRON_THEY)
# never the object of their own verb ("he defended his record", "she hurt herself")
OWN_OR_SELF = POSSESSIVE | REFLEXIVE

HONORIFIC_GENDER: dict[str, str] = {
    w: g.strip() for w, g in resources.rows("actors/honorifics.tsv")}

# -- words of noun phrases -----------------------------------------------------
FORMER = _WORDS["former"]
GENERIC_ROLES = _WORDS["generic_role"]
NOT_LOCAL = _WORDS["not_local"]
DIPLOMATS = _WORDS["diplomat"]
DIVISIONS = _WORDS["division"]
LED_BODIES = _WORDS["led_body"]
PATRON_VERBS = _WORDS["patron_verb"]
SPONSOR_PREFIXES = _WORDS["sponsor_prefix"]
LOCATED_VERBS = _WORDS["located_verb"]
BASED = _WORDS["based"]
PLACE_PREPS = _WORDS["place_prep"]
ORIGIN_PREPS = _WORDS["origin_prep"]
LEAD_VERBS = _WORDS["lead_verb"]
KIN = _WORDS["kin"]
PREMISES = _WORDS["premises"]
VOTES = _WORDS["vote"]
VOTE_OUTCOMES = _WORDS["vote_outcome"]
LOCATIVE_PREPS = _WORDS["locative_prep"]
PARTITIVE_PREPS = _WORDS["partitive_prep"]
PREDICATE_PREPS = _WORDS["predicate_prep"]
DEFINITE = _WORDS["definite"]
ARTICLES = _WORDS["article"]
ACRONYM_FILLERS = _WORDS["acronym_filler"]

# -- code classes ----------------------------------------------------------------
MARKED_SECTORS = _CODES["marked"]
STATE_SECTORS = _CODES["state"]
LOCAL_SECTORS = _CODES["local"]
ORG_SECTORS = _CODES["organization"]
NONSTATE = _CODES["nonstate"]

SECTOR_WORDS: dict[str, str] = {
    code: word.strip() for code, word in resources.rows("actors/sector_names.tsv")}
