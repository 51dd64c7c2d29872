"""eventwire.cache: tables built once and read back from the cache folder."""

from __future__ import annotations

import os


def _counting_build(calls):
    def build():
        calls.append(1)
        return {"harbour": "PRT", "ridge": ("a", 1)}
    return build


def test_a_table_is_built_once_then_read_back(tmp_path, monkeypatch):
    from eventwire import cache

    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path / "c"))
    source = tmp_path / "towns.tsv"
    source.write_text("harbour\tPRT\n")
    calls: list = []
    first = cache.cached("towns", [source], _counting_build(calls), extra=(5000,))
    again = cache.cached("towns", [source], _counting_build(calls), extra=(5000,))
    assert first == again == {"harbour": "PRT", "ridge": ("a", 1)}
    assert len(calls) == 1
    assert len(list((tmp_path / "c").glob("towns-*.pickle"))) == 1
    # another tuning value, or an edited source, builds afresh (and the old file goes)
    cache.cached("towns", [source], _counting_build(calls), extra=(15000,))
    assert len(calls) == 2
    source.write_text("harbour\tPRT\nridge\tNZL\n")
    os.utime(source, ns=(1, 1))
    cache.cached("towns", [source], _counting_build(calls), extra=(15000,))
    assert len(calls) == 3
    assert len(list((tmp_path / "c").glob("towns-*.pickle"))) == 1


def test_off_and_unusable_folders_only_cost_the_build(tmp_path, monkeypatch):
    from eventwire import cache

    calls: list = []
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", "off")
    assert cache.cache_dir() is None
    cache.cached("towns", [], _counting_build(calls))
    cache.cached("towns", [], _counting_build(calls))
    assert len(calls) == 2
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(blocker / "sub"))
    assert cache.cached("towns", [], _counting_build(calls))["harbour"] == "PRT"
    # a damaged file is built again and replaced
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path / "c"))
    cache.cached("towns", [], _counting_build(calls))
    (path,) = (tmp_path / "c").glob("towns-*.pickle")
    path.write_bytes(b"not a pickle")
    assert cache.cached("towns", [], _counting_build(calls))["ridge"] == ("a", 1)
    assert len(calls) == 5


def test_the_gazetteer_read_back_is_the_one_built(tmp_path, monkeypatch):
    import pickle

    from eventwire.places.gazetteer import Gazetteer

    built = Gazetteer()
    back = pickle.loads(pickle.dumps(built))
    assert back.index == built.index and back.countries == built.countries
    assert {k: v for k, v in vars(back).items()} == vars(built)
    assert back.lookup("Aleppo")[0].country == "SY"
    # a place shared by several names (a town and its respellings) stays one object

    def objects(g):
        return len({id(p) for v in g.index.values() for p in v})

    assert objects(back) == objects(built) < sum(len(v) for v in built.index.values())


def test_the_actor_lexicon_read_back_is_the_one_built(tmp_path, monkeypatch):
    from eventwire.actors import ActorResolver
    from eventwire.actors.lexicon import Lexicon, load_lexicon

    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path))
    built = load_lexicon()  # built, written
    back = load_lexicon()  # read back
    assert len(list(tmp_path.glob("actor_lexicon-*.pickle"))) == 1
    assert back is not built and isinstance(back, Lexicon)
    assert back.names.hand.keys() == built.names.hand.keys()
    assert back.names.extra == built.names.extra and back.sectors == built.sectors
    assert back.prefixes == built.prefixes and back.max_len == built.max_len
    # entries shared by several names stay one object
    assert len({id(e) for v in back.names.hand.values() for _, e in v}) \
        == len({id(e) for v in built.names.hand.values() for _, e in v})
    # the tokenizer, left out of the file, is made again when a name is looked up
    assert back.tokens("the Red  Cross") == ("the", "red", "cross")
    resolver = ActorResolver()
    for name in ("Kenyan police", "the Kremlin", "NATO"):
        assert resolver.lookup(name) is not None
