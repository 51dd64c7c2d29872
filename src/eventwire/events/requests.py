"""The ``request_codes`` stage: an appeal or a demand, by its wording.

PLOVER's REQUEST covers two CAMEO categories with opposite Goldstein scores:
APPEAL (02x, about +3: "Egypt asked Qatar to broker talks", "the UN urged both
sides to free their prisoners", "protesters called for the minister's
resignation") and DEMAND (10x, about -5: "the junta demanded that France
withdraw", "the court ordered the army to free them", "insisted on a
ceasefire"). The coder codes what is requested (mediation, release,
resignation) and, in a frame, takes the 10x code; this stage reads the
request's own word and moves a 10x code to its 02x twin for a word of asking,
and a 02x code to its 10x twin for a word of requiring (the twins share their
digits after the category: 108 "demand mediation" and 028 "appeal for
mediation"), with the twin's Goldstein score.
"""

from __future__ import annotations

from eventwire import resources
from eventwire.context import ArticleContext

WORDING = resources.classes("events/requests.tsv", header=True)
APPEAL, DEMAND = WORDING["appeal"], WORDING["demand"]


def twin(code: str | None, wording: str) -> str | None:
    """The code of the same request as an appeal ('02...') or a demand ('10...')."""
    if not code:
        return None
    if wording == "appeal" and code.startswith("10"):
        return "02" + code[2:]
    if wording == "demand" and code.startswith("02"):
        return "10" + code[2:]
    return None


def wording(ev) -> str | None:
    """'appeal' or 'demand' by the request's own word, or None."""
    tok = ev.trigger_token
    if tok is None:
        return None
    lemma = tok.lemma_.lower()
    if lemma in APPEAL:
        return "appeal"
    if lemma in DEMAND:
        return "demand"
    return None


class RequestCodesStage:
    """Gives each request the CAMEO code of its wording."""

    name = "request_codes"
    requires = ("events",)
    assigns = ("events.cameo",)

    def __init__(self, lexicon=None) -> None:
        if lexicon is None:
            from eventwire.events.lexicon import load_lexicon

            lexicon = load_lexicon()
        self.lex = lexicon

    def __call__(self, ctx: ArticleContext) -> None:
        for ev in ctx.events:
            if ev.event != "REQUEST":
                continue
            code = twin(ev.cameo, wording(ev) or "")
            if code is not None and code in self.lex.cameo:
                ev.cameo = code
                ev.goldstein = self.lex.info(code).goldstein
