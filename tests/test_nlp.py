"""The shared spaCy model: eventwire.nlp."""

from __future__ import annotations


def test_a_line_break_starts_a_sentence(nlp):
    # a headline without a full stop would otherwise run on into the paragraph
    doc = nlp("Clinton Says Trump Unfit To Lead\n\nFormer president Bill Clinton said on "
              "Tuesday that his wife was ready for the job.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Clinton Says Trump Unfit To Lead"
    assert sents[1].startswith("Former president Bill Clinton said")
    said = next(t for t in doc if t.text == "said")
    assert said.sent.start_char > doc.text.index("\n")
    assert all(t.head.sent.start == said.sent.start for t in said.sent)


def test_sentences_inside_a_paragraph_are_left_to_the_parser(nlp):
    doc = nlp("The talks ended on Monday. Both sides said they would meet again.")
    assert [s.text for s in doc.sents] == ["The talks ended on Monday.",
                                           "Both sides said they would meet again."]


def test_no_sentence_starts_after_a_word_that_cannot_end_one(nlp):
    from eventwire.samples import load_samples

    starts = 0
    for article in load_samples():
        doc = nlp(article.text)
        for sent in list(doc.sents)[1:]:
            prev = doc[sent.start - 1]
            if prev.is_space:
                continue
            starts += 1
            assert prev.text[-1] in ".?!:;\"'\u201d\u2019)]\u2026*", (prev.text, sent.text[:40])
    assert starts > 30  # the samples have many sentences inside paragraphs


def test_glued_quotation_marks_are_tokens(nlp):
    doc = nlp("Okafor said,“The count was clean,”Adeyemi replied.")
    words = [t.text for t in doc]
    assert words[:5] == ["Okafor", "said", ",", "“", "The"]
    assert "”" in words and "Adeyemi" in words


def test_paragraph_marks_on_a_long_text_match_the_line_breaks(nlp):
    # the marks are written in one call: every line break still starts a sentence,
    # and no sentence starts after a word that cannot end one, far into a long text
    para = ("Rescue teams searched the flooded valley on Friday\nand reached "
            "three villages cut off by the river.\n\n")
    doc = nlp.make_doc(para * 300)
    for _, proc in nlp.pipeline[:nlp.pipe_names.index("eventwire_paragraphs") + 1]:
        doc = proc(doc)
    friday = [t for t in doc if t.text == "Friday"]
    assert len(friday) == 300
    for t in friday:
        assert doc[t.i + 2].is_sent_start is True     # "and" after the line break
        assert doc[t.i - 1].is_sent_start is False     # "on Friday": not after "on"


def test_cuts_end_pieces_at_paragraph_ends():
    from eventwire.nlp.pieces import cuts

    text = ("Floodwater closed the coastal road.\n\nEngineers inspected the bridge. "
            "Traffic resumed by noon.\n\nThe ferry ran late.")
    spans = cuts(text, 45)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(e - s <= 45 for s, e in spans)
    assert text[spans[0][0]:spans[0][1]] == "Floodwater closed the coastal road.\n\n"
    # a paragraph longer than a piece is cut after a sentence, then after a space
    assert text[spans[1][0]:spans[1][1]] == "Engineers inspected the bridge. "
    assert cuts("one two three four", 9) == [(0, 8), (8, 14), (14, 18)]
    assert cuts(text, 1000) == [(0, len(text))]


def test_a_long_text_is_coded_in_pieces_with_offsets_into_the_whole(pipeline, monkeypatch):
    # a text over the piece size goes through the stages piece by piece; the one
    # document that comes out has every span, sentence number and id in the whole text
    from eventwire import tuning
    from eventwire.model import Article
    from eventwire.samples import load_samples

    samples = load_samples()[:4]
    text = "\n\n".join(a.text for a in samples)
    article = Article(id="long", text=text, date="2024-03-14")
    whole = pipeline.document(pipeline.run(article))
    monkeypatch.setattr(tuning, "ARTICLE_PIECE_CHARS", 1500)
    ctx = pipeline.run(article)
    assert ctx.doc.text == text
    cut = pipeline.document(ctx)
    assert cut.errors == []
    # pieces lose only what crosses a cut (a pronoun's antecedent, a merge)
    assert abs(len(cut.events) - len(whole.events)) <= len(whole.events) // 5
    assert abs(len(cut.quotes) - len(whole.quotes)) <= len(whole.quotes) // 5
    sentences = [s.text for s in ctx.doc.sents]
    last_piece_start = text.rindex("\n", 0, len(text) - 1500)
    assert any(e.trigger_span[0] > last_piece_start for e in cut.events)
    for e in cut.events:
        assert text[e.trigger_span[0]:e.trigger_span[1]] == e.trigger_text
        assert sentences[e.sentence_index].strip() == e.sentence.strip()
        for actor in e.source + e.target + ([e.reported_by] if e.reported_by else []):
            assert text[actor.span[0]:actor.span[1]] == actor.text
        if e.location is not None and e.location.span:
            s, t = e.location.span
            assert text[s:t].strip() and s < t
        for m in e.mentions:
            s, t = m["trigger"]["span"]
            assert text[s:t] == m["trigger"]["text"]
    ids = [e.id for e in cut.events]
    assert len(set(ids)) == len(ids)
    for q in cut.quotes:  # (a split quote's text leaves out the cue between its parts)
        assert text[q.span[0]:q.span[1]].startswith(q.text[:12])
        assert text[q.span[0]:q.span[1]].endswith(q.text[-6:])
        if q.cue_span:
            assert text[q.cue_span[0]:q.cue_span[1]] == q.cue_text
        if q.speaker:
            assert text[q.speaker.span[0]:q.speaker.span[1]] == q.speaker.text
        assert set(q.events) <= set(ids)
    assert any(q.events for q in cut.quotes)


def test_a_pipeline_that_stops_early_stages_the_joined_parse(monkeypatch):
    # before ``finalize`` the events are drafts: a long text's pieces are parsed
    # one by one and the stages run over the joined parse of the whole text
    from eventwire import tuning
    from eventwire.model import Article
    from eventwire.pipeline import Pipeline
    from eventwire.samples import load_samples

    text = "\n\n".join(a.text for a in load_samples()[:3])
    monkeypatch.setattr(tuning, "ARTICLE_PIECE_CHARS", 1200)
    ctx = Pipeline(until="actors").run(Article(id="long", text=text, date="2024-03-14"))
    assert ctx.doc.text == text and ctx.errors == []
    mentions = ctx.actors.mentions
    assert len(mentions) > 10
    assert max(m.span[0] for m in mentions) > len(text) - 1200
    for m in mentions:
        assert text[m.span[0]:m.span[1]] == m.text


def test_the_fast_ruler_and_lemmatizer_give_spacys_annotations():
    # eventwire.nlp.fast: spaCy's attribute ruler and rule lemmatizer done on
    # whole arrays, and the matrix products through numpy's BLAS; every token
    # attribute and the serialized document must be those of the same model
    # with spaCy's own components and thinc's BLIS
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG

    from eventwire.nlp import load_model

    texts = [
        "The envoys weren't meeting in Oslo; they'd gone home, and it's said "
        "the talks will resume once both sides agree.",
        "Gonna be a long night, y'all,\u201d the mayor told reporters. \u201cI did "
        "what I could, and I have nothing to hide.\u201d",
        "There are 300 troops at the border. Is there anything left? Somebody "
        "gotta pay for this, ain't that right?",
        "Her brother said he'd never seen himself as a leader of theirs.\n\n"
        "  Ours was the better plan  ,  she added .",
    ]
    fast, stock = load_model(), load_model(fast=False)
    assert type(fast.get_pipe("attribute_ruler")) is not type(stock.get_pipe("attribute_ruler"))
    assert type(fast.get_pipe("lemmatizer")) is not type(stock.get_pipe("lemmatizer"))
    assert not fast.get_pipe("ner").model.ops.use_blis
    assert stock.get_pipe("ner").model.ops.use_blis
    attrs = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]
    for _ in range(2):  # the second time from the lemmas remembered
        for a, b in zip(stock.pipe(texts), fast.pipe(texts)):
            assert (a.to_array(attrs) == b.to_array(attrs)).all()
            assert [(t.lemma_, t.pos_, str(t.morph)) for t in a] \
                == [(t.lemma_, t.pos_, str(t.morph)) for t in b]
            assert a.to_bytes(exclude=["tensor"]) == b.to_bytes(exclude=["tensor"])
            # numpy's BLAS sums in another order than BLIS: the same vectors
            # but for their last bits
            assert abs(a.tensor - b.tensor).max() < 1e-4
    doc = fast("They weren't sure it was him.")
    assert [t.lemma_ for t in doc][:4] == ["they", "be", "not", "sure"]
    assert doc[1].pos_ == "AUX" and doc[2].pos_ == "PART"
    # rules over two tokens set the token they name: "ta" of "gotta", "ai" of "ain't"
    doc = fast("Somebody gotta pay for this, ain't that right?")
    assert [(t.text, t.lemma_) for t in doc if t.text in ("ta", "ai")] == [("ta", "to"), ("ai", "be")]
