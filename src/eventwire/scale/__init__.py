"""Scale-out: the same coding job on several processes or a Dask cluster.

    from eventwire.scale import PipelineSpec, make_engine, stream_documents

    spec = PipelineSpec(min_confidence=0.25)
    with make_engine(spec, workers=2) as engine:           # two local processes
        for doc in stream_documents(engine, articles):     # in input order
            ...
    with make_engine(spec, engine="dask", scheduler="local") as engine: ...
    with make_engine(spec, engine="dask", scheduler="tcp://host:8786") as engine: ...

- ``eventwire.scale.tasks``: what travels to a worker (``PipelineSpec``, a
  picklable recipe of the pipeline; tasks of a few articles, longest first)
  and what runs there (``code_task``: the worker's pipeline, loaded once).
- ``eventwire.scale.engine``: the engine contract (``submit(articles) ->
  Pending``, ``Pending.result() -> documents in input order``), retries of
  tasks whose worker died, and ``stream_documents`` (a bounded look-ahead of
  submitted batches, so memory stays flat however long the input).
- ``eventwire.scale.local``: a pool of worker processes on this machine
  (forkserver or spawn; one model per process).
- ``eventwire.scale.cluster``: a Dask cluster (an address, or ``local`` for a
  LocalCluster of processes); one model per worker through a worker plugin.

Workers only code: the jobs (``eventwire.jobs``) read, and write or store, in
the parent process, so the store keeps its single writer.
"""

from __future__ import annotations

from eventwire.scale.engine import Engine, make_engine, stream_documents
from eventwire.scale.tasks import PipelineSpec

__all__ = ["Engine", "PipelineSpec", "make_engine", "stream_documents"]
