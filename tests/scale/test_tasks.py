"""Task planning, the engine contract and option checks, without worker processes."""

from __future__ import annotations

import pytest

from eventwire.errors import UsageError
from eventwire.model import Article, Document
from eventwire.scale.engine import Engine, WorkerLost, make_engine, stream_documents
from eventwire.scale.tasks import PipelineSpec, TaskResult, plan_tasks

TEXTS = ["Police dispersed a rally outside parliament on Friday.",
         "Rebels seized two border towns overnight, the army said, and thousands of people "
         "fled toward the capital as the fighting spread.",
         "The ministers met in Oslo.",
         "Strikers blocked the port for a third day; the union said talks had failed and "
         "that dockers would stay out until wages rose."]


def arts():
    return [Article(id=f"a{i}", text=t) for i, t in enumerate(TEXTS)]


def test_tasks_take_the_longest_articles_first_and_remember_their_places():
    tasks = plan_tasks(arts(), size=3)
    assert [[a.id for a in t.articles] for t in tasks] == [["a1", "a3", "a0"], ["a2"]]
    assert [t.positions for t in tasks] == [(1, 3, 0), (2,)]
    # every article in exactly one task
    assert sorted(p for t in tasks for p in t.positions) == [0, 1, 2, 3]


class InlineEngine(Engine):
    """Codes in the test process by a rule, and loses its "worker" on chosen
    tries: the retry logic without processes."""

    name = "inline"

    def __init__(self, lose: int = 0):
        super().__init__(PipelineSpec(), workers=2, task_size=2)
        self.lose = lose
        self.launched = 0

    def start(self):
        pass

    def launch(self, task):
        self.launched += 1
        task.future = list(task.articles)

    def collect(self, task):
        if self.lose:
            self.lose -= 1
            raise WorkerLost("killed")
        docs = [Document(id=a.id, title=None, date=None, source=None, url=None,
                         errors=[str(len(a.text))]) for a in task.future]
        return TaskResult(documents=docs, worker="here:1", peak_mb=1.0, seconds=0.0)

    def close(self):
        pass


def test_documents_come_back_in_input_order_across_batches():
    engine = InlineEngine()
    many = [Article(id=f"b{i}", text="x" * (i * 7 % 13 + 1)) for i in range(23)]
    docs = list(stream_documents(engine, many, batch=5, ahead=1))
    assert [d.id for d in docs] == [a.id for a in many]
    assert [d.errors for d in docs] == [[str(len(a.text))] for a in many]


def test_a_lost_worker_costs_a_retry_and_then_a_reported_failure():
    engine = InlineEngine(lose=1)
    docs = engine.submit(arts()).result()
    assert [d.id for d in docs] == ["a0", "a1", "a2", "a3"]
    assert engine.stats.retries == 1 and not any(d.errors[0].startswith("processing")
                                                 for d in docs)
    engine = InlineEngine(lose=3)  # every try of the first task dies
    docs = engine.submit(arts()).result()
    failed = [d.id for d in docs if d.errors[0].startswith("processing failed")]
    assert sorted(failed) == ["a1", "a3"]  # the first task's two longest articles
    assert "died 3 times" in docs[1].errors[0]


def test_options_that_do_not_go_together_are_usage_errors():
    spec = PipelineSpec()
    assert make_engine(spec, 1) is None and make_engine(spec, None) is None
    for kwargs in ({"workers": 0}, {"scheduler": "tcp://x:1"}, {"engine": "dask"},
                   {"engine": "spark"}):
        with pytest.raises(UsageError):
            make_engine(spec, **kwargs)
