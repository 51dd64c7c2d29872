"""Actors: who. (First cut: country names via pycountry; the actors work deepens it.)"""

from __future__ import annotations

from eventwire.model import Actor


class ArticleActors:
    def __init__(self, resolver: "ActorResolver", doc) -> None:
        self.resolver = resolver
        self.doc = doc
        self.mentions: list[Actor] = []
        for ent in doc.ents:
            a = resolver.lookup(ent.text)
            if a is not None:
                a.span = (ent.start_char, ent.end_char)
                self.mentions.append(a)

    def actor_for_span(self, start_char: int, end_char: int) -> Actor | None:
        for a in self.mentions:
            if a.span[0] >= start_char and a.span[1] <= end_char:
                return a
        return None

    def actor_for_token(self, token) -> Actor | None:
        sub = list(token.subtree)
        return self.actor_for_span(sub[0].idx, sub[-1].idx + len(sub[-1]))


class ActorResolver:
    def __init__(self) -> None:
        import pycountry

        self.names: dict[str, tuple[str, str]] = {}
        for c in pycountry.countries:
            for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
                if n:
                    self.names[n.lower()] = (c.alpha_3, n)

    def lookup(self, text: str) -> Actor | None:
        hit = self.names.get(text.lower().removeprefix("the "))
        if hit is None:
            return None
        return Actor(text=text, span=(0, len(text)), name=hit[1], country=hit[0],
                     sector=None, kind="state")

    def analyze(self, doc, article_date=None) -> ArticleActors:
        return ArticleActors(self, doc)
