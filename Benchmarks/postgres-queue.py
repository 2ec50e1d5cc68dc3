#!/usr/bin/env python3
"""Queue throughput and cross-process latency of Vitae on PostgreSQL, beside pgqueuer on the same server.

usage: Benchmarks/run [--jobs N] [--latency-samples N] [--concurrency N (default 128)]   (sets up the venv, then runs this)

For each system and 1 and 2 worker processes, on a fresh database of one throwaway PostgreSQL server:
  throughput  N no-op jobs are enqueued with no worker running, then the workers start; jobs/s is
              N / (last job finished - first job started), so process start-up is not counted.
              Vitae: jobs added through the HTTP API (8 client threads), queue `noop`
              (Benchmarks/pipelines/noop.yaml: one built-in step, no file work); the times are the
              jobs' started_at/finished_at. pgqueuer: batch enqueue, a no-op entrypoint, drain mode;
              the times are taken in the handlers.
  latency     Vitae: a job is added through front end A; a subscriber then connects to front end B and
              the time to the first event written by the worker process (after `queued`) is measured.
              pgqueuer: enqueue -> handler start in the worker process. One job at a time.
Prints the figures and the Vitae/pgqueuer ratios.
"""
import argparse, http.client, json, os, shutil, socket, statistics, subprocess, sys, tempfile, threading, time, urllib.parse, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HERE = os.path.join(ROOT, "Benchmarks")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def psql(url, sql):
    import glob
    binary = (sorted(glob.glob("/usr/lib/postgresql/*/bin/psql")) or [shutil.which("psql")])[-1]
    return subprocess.run([binary, url, "-At", "-c", sql], check=True, capture_output=True, text=True).stdout.strip()


def with_database(url, name):
    u = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((u.scheme, u.netloc, "/" + name, u.query, ""))


def request(base, method, path, body=None):
    u = urllib.parse.urlsplit(base)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    c.request(method, path, body=json.dumps(body).encode() if body is not None else None,
              headers={"Content-Type": "application/json"} if body is not None else {})
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, data


class Vitae:
    def __init__(self, binary, db, logs):
        self.binary, self.db, self.logs, self.procs = binary, db, logs, []
        pipelines = tempfile.mkdtemp(prefix="vitae-bench-pipelines-")
        shutil.copy(os.path.join(HERE, "pipelines", "noop.yaml"), pipelines)
        self.env = dict(os.environ, VITAE_DATABASE_URL=db, VITAE_PIPELINES=pipelines, VITAE_LOG_LEVEL="warning")

    def spawn(self, args, name):
        log = open(os.path.join(self.logs, name + ".log"), "w")
        p = subprocess.Popen([self.binary] + args, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        self.procs.append(p)
        return p

    def front_end(self, name):
        port = free_port()
        self.spawn(["serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "0"], name)
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if request(base, "GET", "/healthz")[0] == 200:
                    return base
            except OSError:
                time.sleep(0.05)
        raise SystemExit(f"{name} did not start (logs in {self.logs})")

    def worker(self, name, concurrency):
        return self.spawn(["worker", "--queues", "noop", "--concurrency", str(concurrency)], name)

    def stop(self):
        for p in self.procs:
            p.terminate()
        for p in self.procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
        self.procs = []


def upload_placeholder(base):
    """The API accepts only jobs whose file was uploaded; the no-op pipeline never reads it."""
    st, out = request(base, "POST", "/api/v1/upload/presigned-url", {"fileName": "placeholder.txt"})
    grant = json.loads(out)["data"]
    u = urllib.parse.urlsplit(base)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    c.request("PUT", grant["uploadUrl"], body=b"placeholder")
    c.getresponse().read()
    c.close()
    return grant["fileName"]


def add_jobs(base, count, threads=8):
    blob = upload_placeholder(base)

    def run(share):
        for _ in range(share):
            st, out = request(base, "POST", "/api/v1/queue/add", {"queueName": "noop", "jobName": "bench", "data": {"fileName": blob}})
            if st >= 300:
                raise SystemExit(f"add failed: {st} {out[:200]}")
    shares = [count // threads + (1 if i < count % threads else 0) for i in range(threads)]
    ts = [threading.Thread(target=run, args=(s,)) for s in shares]
    [t.start() for t in ts]
    [t.join() for t in ts]


def vitae_throughput(binary, server, jobs, workers, concurrency, logs):
    db = with_database(server, f"vitae_bench_{workers}_{uuid.uuid4().hex[:6]}")
    psql(server, f"CREATE DATABASE {urllib.parse.urlsplit(db).path[1:]}")
    v = Vitae(binary, db, logs)
    try:
        base = v.front_end(f"vitae-front-{workers}")
        t = time.time()
        add_jobs(base, jobs)
        enqueue_rate = jobs / (time.time() - t)
        for i in range(workers):
            v.worker(f"vitae-worker-{workers}-{i}", concurrency)
        deadline = time.time() + 600
        while psql(db, "SELECT count(*) FROM vitae_jobs WHERE phase = 'completed'") != str(jobs):
            if time.time() > deadline:
                raise SystemExit("vitae jobs did not finish in 10 minutes")
            time.sleep(0.2)
        span_ms = float(psql(db, "SELECT max(finished_at) - min(started_at) FROM vitae_jobs"))
        twice = psql(db, "SELECT count(*) FROM vitae_jobs WHERE attempts <> 1")
        return {"jobs_per_s": jobs / (span_ms / 1000), "enqueue_per_s": enqueue_rate, "rerun": int(twice)}
    finally:
        v.stop()


def vitae_latency(binary, server, samples, logs):
    db = with_database(server, f"vitae_latency_{uuid.uuid4().hex[:6]}")
    psql(server, f"CREATE DATABASE {urllib.parse.urlsplit(db).path[1:]}")
    v = Vitae(binary, db, logs)
    try:
        a, b = v.front_end("vitae-lat-a"), v.front_end("vitae-lat-b")
        v.worker("vitae-lat-worker", 4)
        blob = upload_placeholder(a)
        time.sleep(1.5)
        results = []
        for _ in range(samples + 3):
            job_id = "lat-" + uuid.uuid4().hex[:10]
            start = time.time()
            request(a, "POST", "/api/v1/queue/add", {"queueName": "noop", "jobName": "lat", "data": {"fileName": blob}, "opts": {"jobId": job_id}})
            u = urllib.parse.urlsplit(b)
            c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
            c.request("GET", f"/api/v1/sse/job/{job_id}", headers={"Accept": "text/event-stream"})
            r = c.getresponse()
            event, elapsed = None, None
            while elapsed is None:
                line = r.fp.readline().decode()
                if not line:
                    break
                if line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:") and event == "job_update" and '"status":"queued"' not in line:
                    elapsed = time.time() - start
            c.close()
            if elapsed is not None:
                results.append(elapsed)
            time.sleep(0.05)
        return results[3:]  # the first few warm up connections and caches
    finally:
        v.stop()


def pgqueuer_run(server, python, jobs, workers, batch_size, logs, latency_samples=0):
    name = f"pgq_{'lat' if latency_samples else workers}_{uuid.uuid4().hex[:6]}"
    psql(server, f"CREATE DATABASE {name}")
    dsn = with_database(server, name)
    subprocess.run([os.path.join(os.path.dirname(python), "pgq"), "--pg-dsn", dsn, "install"], check=True, capture_output=True)
    enqueue = f"""
import asyncio, asyncpg, sys, time
from pgqueuer.db import AsyncpgDriver
from pgqueuer.queries import Queries
async def main():
    c = await asyncpg.connect({dsn!r})
    q = Queries(AsyncpgDriver(c))
    if {latency_samples}:
        await asyncio.sleep(1.5)
        for _ in range({latency_samples} + 3):
            await q.enqueue("noop", str(time.time()).encode())
            await asyncio.sleep(0.05)
    else:
        await q.enqueue(["noop"] * {jobs}, [None] * {jobs}, [0] * {jobs})
    await c.close()
asyncio.run(main())
"""
    worker_script = os.path.join(HERE, "pgqueuer_worker.py")
    if latency_samples:
        p = subprocess.Popen([python, worker_script, dsn, str(batch_size), str(latency_samples + 3)], stdout=subprocess.PIPE,
                             stderr=open(os.path.join(logs, "pgq-latency.log"), "w"), text=True)
        subprocess.run([python, "-c", enqueue], check=True)
        out, _ = p.communicate(timeout=120)
        return json.loads(out.strip().splitlines()[-1])["latencies"][3:]
    subprocess.run([python, "-c", enqueue], check=True)
    procs = [subprocess.Popen([python, worker_script, dsn, str(batch_size), "0"], stdout=subprocess.PIPE,
                              stderr=open(os.path.join(logs, f"pgq-{workers}-{i}.log"), "w"), text=True) for i in range(workers)]
    stats = [json.loads(p.communicate(timeout=600)[0].strip().splitlines()[-1]) for p in procs]
    handled = sum(s["count"] for s in stats)
    first = min(s["first"] for s in stats if s["first"])
    last = max(s["last"] for s in stats if s["last"])
    return {"jobs_per_s": handled / (last - first), "handled": handled}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=2000)
    parser.add_argument("--latency-samples", type=int, default=30)
    # A worker batches the writes of the jobs it runs, so no-op jobs need many at once to keep it busy.
    parser.add_argument("--concurrency", type=int, default=128, help="jobs at once per Vitae worker process")
    parser.add_argument("--batch-size", type=int, default=10, help="pgqueuer dequeue batch size (its default)")
    parser.add_argument("--vitae", default=None, help="the vitae binary (default: swift build --show-bin-path)")
    parser.add_argument("--database", default=os.environ.get("VITAE_TEST_DATABASE_URL"), help="a server URL (default: start one)")
    args = parser.parse_args()
    binary = args.vitae or os.path.join(subprocess.run(["swift", "build", "--show-bin-path", "-c", "release"], cwd=ROOT, check=True,
                                                       capture_output=True, text=True).stdout.strip(), "vitae")
    if not os.path.exists(binary):
        raise SystemExit(f"{binary} does not exist: build it first (swift build -c release --product vitae)")
    logs = tempfile.mkdtemp(prefix="vitae-bench-logs-")
    cluster = None
    server = args.database
    if not server:
        cluster = tempfile.mkdtemp(prefix="vitae-bench-pg-")
        os.chmod(cluster, 0o755)
        server = subprocess.run([os.path.join(ROOT, "scripts", "postgres-cluster"), "start", cluster], check=True,
                                capture_output=True, text=True).stdout.strip()
    try:
        print(f"PostgreSQL {psql(server, 'SHOW server_version')} at {server}; {args.jobs} no-op jobs per run; "
              f"{os.cpu_count()} CPUs; logs in {logs}", flush=True)
        rows = {}
        for workers in (1, 2):
            rows[("vitae", workers)] = vitae_throughput(binary, server, args.jobs, workers, args.concurrency, logs)
            print(f"vitae     {workers} worker process(es): {rows[('vitae', workers)]['jobs_per_s']:8.1f} jobs/s "
                  f"(enqueue {rows[('vitae', workers)]['enqueue_per_s']:.0f}/s through HTTP, re-run jobs: {rows[('vitae', workers)]['rerun']})", flush=True)
            rows[("pgqueuer", workers)] = pgqueuer_run(server, sys.executable, args.jobs, workers, args.batch_size, logs)
            print(f"pgqueuer  {workers} worker process(es): {rows[('pgqueuer', workers)]['jobs_per_s']:8.1f} jobs/s "
                  f"(handled {rows[('pgqueuer', workers)]['handled']})", flush=True)
        vl = vitae_latency(binary, server, args.latency_samples, logs)
        pl = pgqueuer_run(server, sys.executable, 0, 1, args.batch_size, logs, latency_samples=args.latency_samples)

        def ms(values):
            values = sorted(values)
            return f"median {statistics.median(values) * 1000:.1f} ms, p95 {values[int(len(values) * 0.95) - 1] * 1000:.1f} ms (n={len(values)})"
        print(f"latency vitae     add via front end A -> worker's first event at a subscriber on front end B: {ms(vl)}")
        print(f"latency pgqueuer  enqueue -> handler start in the worker process: {ms(pl)}")
        for workers in (1, 2):
            ratio = rows[("vitae", workers)]["jobs_per_s"] / rows[("pgqueuer", workers)]["jobs_per_s"]
            print(f"ratio vitae/pgqueuer jobs/s, {workers} worker process(es): {ratio:.2f}x")
    finally:
        if cluster:
            subprocess.run([os.path.join(ROOT, "scripts", "postgres-cluster"), "stop", cluster])
            shutil.rmtree(cluster, ignore_errors=True)


if __name__ == "__main__":
    main()
