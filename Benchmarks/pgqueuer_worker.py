"""One pgqueuer worker process for Benchmarks/postgres-queue.py, with a no-op `noop` entrypoint.

usage: pgqueuer_worker.py DSN BATCH_SIZE STOP_AFTER
STOP_AFTER 0 drains: exits once the queue is empty. STOP_AFTER n > 0 runs until n jobs were handled
(latency runs, where jobs arrive one at a time). Prints JSON: jobs handled, first and last handling
time, and the enqueue-to-start latency of jobs whose payload is their enqueue time."""
import asyncio, json, sys, time
from datetime import timedelta

import asyncpg
from pgqueuer.db import AsyncpgDriver
from pgqueuer.qm import QueueManager
from pgqueuer.queries import Queries
from pgqueuer.types import QueueExecutionMode


async def main(dsn, batch_size, stop_after):
    connection = await asyncpg.connect(dsn)
    manager = QueueManager(Queries(AsyncpgDriver(connection)))
    stats = {"count": 0, "first": None, "last": None, "latencies": []}

    @manager.entrypoint("noop")
    async def noop(job):
        now = time.time()
        stats["count"] += 1
        stats["first"] = stats["first"] or now
        stats["last"] = now
        if job.payload:
            stats["latencies"].append(now - float(job.payload.decode()))
        if stop_after and stats["count"] >= stop_after:
            manager.shutdown.set()

    mode = QueueExecutionMode.continuous if stop_after else QueueExecutionMode.drain
    print("ready", file=sys.stderr, flush=True)
    await manager.run(batch_size=batch_size, mode=mode, dequeue_timeout=timedelta(seconds=1))
    print(json.dumps(stats), flush=True)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
