#!/usr/bin/env python3
"""Several `vitae` processes on one PostgreSQL database, checked from the outside.

usage: multiprocess_check.py VITAE_BINARY DATABASE_URL [SAMPLE_PDF]
Starts front ends (`vitae serve --database ... --workers 0`) and workers (`vitae worker`) as child
processes and checks:
  1. the seed flow across processes: upload via front end A, add and watch via front end B, one worker;
     subscribers on A and B see identical event sequences;
  2. `kill -9` of a worker mid-jobs: every job still completes once its lease (2 s) expires, and each
     subscriber sees exactly one terminal event;
  3. the front end's LISTEN connection terminated mid-job: subscribers still get every event, in order;
  4. 200 jobs across three workers: none lost, none completed twice.
Python standard library only; psql (beside pg_ctl) inspects the database. Exits 0 when every check holds.
"""
import glob, http.client, json, os, shutil, signal, socket, subprocess, sys, tempfile, threading, time, urllib.parse, uuid

failures = []
children = []
LEASE = "2"


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what, flush=True)
    if not ok:
        failures.append(what)
    return ok


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def psql(url, sql):
    binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin/psql")) or [shutil.which("psql")]
    out = subprocess.run([binaries[-1], url, "-At", "-c", sql], check=True, capture_output=True, text=True)
    return out.stdout.strip()


class Vitae:
    """One child process; `kill()` ends it with SIGKILL, `stop()` with SIGTERM."""

    def __init__(self, binary, args, env, name):
        self.name = name
        self.log = open(os.path.join(env["VITAE_TEST_LOGS"], name + ".log"), "w")
        self.proc = subprocess.Popen([binary] + args, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        children.append(self)

    def kill(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


def front_end(binary, env, name):
    port = free_port()
    p = Vitae(binary, ["serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "0", "--lease-seconds", LEASE,
                       "--heartbeat-seconds", "1", "--log-level", "warning"], env, name)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if request("GET", base + "/healthz")[0] == 200:
                return base, p
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"{name} did not start; see {p.log.name}")


def worker(binary, env, name, concurrency=2, queues=None):
    args = ["worker", "--concurrency", str(concurrency), "--lease-seconds", LEASE, "--grace-seconds", "2", "--log-level", "warning"]
    if queues:
        args += ["--queues", queues]
    return Vitae(binary, args, env, name)


def request(method, url, body=None, headers=None):
    u = urllib.parse.urlsplit(url)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    h = dict(headers or {})
    if isinstance(body, (dict, list)):
        body = json.dumps(body).encode()
        h["Content-Type"] = "application/json"
    c.request(method, u.path + ("?" + u.query if u.query else ""), body=body, headers=h)
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, data


class Watcher(threading.Thread):
    """One SSE subscriber of a job: records (id, status) of every job_update until the server ends the stream."""

    def __init__(self, base, job_id, deadline=120):
        super().__init__(daemon=True)
        self.base, self.job_id, self.deadline = base, job_id, deadline
        self.updates, self.error, self.connected = [], None, threading.Event()
        self.start()

    def run(self):
        try:
            u = urllib.parse.urlsplit(self.base)
            c = http.client.HTTPConnection(u.hostname, u.port, timeout=self.deadline)
            c.request("GET", f"/api/v1/sse/job/{urllib.parse.quote(self.job_id)}", headers={"Accept": "text/event-stream"})
            r = c.getresponse()
            self.connected.set()
            event, eid, data = None, None, []
            while True:
                line = r.fp.readline()
                if not line:
                    break
                line = line.decode().rstrip("\r\n")
                if line == "":
                    if event == "job_update":
                        self.updates.append((int(eid), json.loads("\n".join(data))))
                    event, eid, data = None, None, []
                elif line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("id:"):
                    eid = line[3:].strip()
                elif line.startswith("data:"):
                    data.append(line[5:].lstrip(" "))
            c.close()
        except Exception as e:  # noqa: BLE001 - reported as a failed check
            self.error = e
        finally:
            self.connected.set()

    def summary(self):
        return [(i, u["status"], u["progress"]) for i, u in self.updates]

    def terminal_count(self):
        return sum(1 for _, u in self.updates if u["status"] in ("completed", "failed"))


def add(base, queue, data, job_id=None):
    body = {"queueName": queue, "jobName": "check", "data": data}
    if job_id:
        body["opts"] = {"jobId": job_id}
    st, out = request("POST", base + "/api/v1/queue/add", body)
    if not 200 <= st < 300:
        raise SystemExit(f"queue/add answered {st}: {out[:200]}")
    return json.loads(out)["data"]["jobId"]


def upload(base, path):
    st, out = request("POST", base + "/api/v1/upload/presigned-url", {"fileName": os.path.basename(path)})
    data = json.loads(out)["data"]
    with open(path, "rb") as f:
        st, _ = request("PUT", base + data["uploadUrl"], f.read())
    check(200 <= st < 300, f"upload through front end A succeeds (got {st})")
    return data["fileName"]


def job_state(base, queue, job_id):
    st, out = request("GET", f"{base}/api/v1/queue/{queue}/jobs/{job_id}")
    return json.loads(out)["data"] if st == 200 else {}


def wait_until(predicate, timeout, step=0.1):
    end = time.time() + timeout
    while time.time() < end:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def contiguous(watcher):
    ids = [i for i, _ in watcher.updates]
    return ids == list(range(ids[0], ids[0] + len(ids))) if ids else False


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, db = sys.argv[1], sys.argv[2]
    sample = sys.argv[3] if len(sys.argv) > 3 else "Samples/priya-raman-single-column.pdf"
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    pipelines = tempfile.mkdtemp(prefix="vitae-mp-pipelines-")
    logs = tempfile.mkdtemp(prefix="vitae-mp-logs-")
    shutil.copy(os.path.join(root, "Pipelines", "resume-analysis.yaml"), pipelines)
    shutil.copy(os.path.join(root, "Benchmarks", "pipelines", "noop.yaml"), pipelines)
    env = dict(os.environ, VITAE_DATABASE_URL=db, VITAE_PIPELINES=pipelines, VITAE_TEST_LOGS=logs)
    env.pop("VITAE_SIGNING_KEY", None)
    print(f"child process logs: {logs}")
    try:
        a, _ = front_end(binary, env, "front-a")
        b, _ = front_end(binary, env, "front-b")

        # 1. Seed flow across processes.
        print("-- seed flow: upload via A, add and watch via B, one worker")
        w1 = worker(binary, env, "worker-1")
        blob = upload(a, sample)
        job = add(b, "resume-analysis", {"fileName": blob})
        on_a, on_b = Watcher(a, job), Watcher(b, job)
        on_a.join(120), on_b.join(120)
        check(on_a.error is None and on_b.error is None, f"both SSE streams end cleanly ({on_a.error or on_b.error})")
        check(bool(on_b.updates) and on_b.updates[-1][1]["status"] == "completed", f"the job completes ({on_b.summary()[-1:]})")
        check(on_a.summary() == on_b.summary() and len(on_a.updates) >= 3,
              f"subscribers on A and B see identical event sequences ({len(on_a.updates)} events)")
        check(on_a.updates == on_b.updates, "... with identical payloads")
        result = job_state(a, "resume-analysis", job).get("result") or {}
        check(isinstance(result.get("score"), (int, float)), f"the result is readable through A (score {result.get('score')})")

        # 2. kill -9 of a worker mid-jobs.
        print("-- kill -9 of a worker while it runs jobs")
        w1.stop()
        doomed = worker(binary, env, "worker-doomed", concurrency=3)
        jobs = [add(a, "resume-analysis", {"fileName": blob}) for _ in range(6)]
        watchers = [Watcher(b if i % 2 else a, j) for i, j in enumerate(jobs)]
        busy = wait_until(lambda: any(job_state(a, "resume-analysis", j).get("state") == "active" for j in jobs), 30, 0.02)
        doomed.kill()
        states = [job_state(a, "resume-analysis", j).get("state") for j in jobs]
        check(busy and "active" in states, f"the worker died holding jobs ({states})")
        survivor = worker(binary, env, "worker-survivor", concurrency=3)
        for w in watchers:
            w.join(120)
        finals = [job_state(a, "resume-analysis", j) for j in jobs]
        check(all(f.get("state") == "completed" for f in finals), f"every job completes ({[f.get('state') for f in finals]})")
        check(any(f.get("attempts", 0) >= 2 for f in finals), f"some were taken over after the lease ran out (attempts {[f.get('attempts') for f in finals]})")
        check(all(w.terminal_count() == 1 for w in watchers), f"each subscriber sees exactly one terminal event ({[w.terminal_count() for w in watchers]})")
        check(all(w.error is None for w in watchers), "every SSE stream ends cleanly")

        # 3. The LISTEN connection of a front end dropped mid-job.
        print("-- LISTEN connections terminated mid-job")
        jobs = [add(b, "resume-analysis", {"fileName": blob}) for _ in range(4)]
        watchers = [Watcher(a, j) for j in jobs]
        for w in watchers:
            w.connected.wait(10)
        wait_until(lambda: any(job_state(a, "resume-analysis", j).get("state") == "active" for j in jobs), 30, 0.02)
        killed = psql(db, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()")
        check(int(killed or 0) >= 2, f"the LISTEN connections were terminated ({killed})")
        for w in watchers:
            w.join(120)
        logs_ok = [(len(w.updates), job_state(a, "resume-analysis", w.job_id).get("state")) for w in watchers]
        check(all(s == "completed" for _, s in logs_ok), f"the jobs complete ({logs_ok})")
        check(all(contiguous(w) and w.updates[0][0] == 1 for w in watchers), f"subscribers get every event in order ({[[i for i, _ in w.updates] for w in watchers]})")
        check(all(w.terminal_count() == 1 for w in watchers), "... ending with exactly one terminal event")
        survivor.stop()

        # 4. 200 jobs across three workers.
        print("-- 200 jobs across three workers")
        many = [worker(binary, env, f"worker-many-{i}", concurrency=4, queues="noop") for i in range(3)]
        ids = [add(a if i % 2 else b, "noop", {"fileName": blob}, job_id=f"many-{uuid.uuid4().hex[:12]}") for i in range(200)]
        done = wait_until(lambda: psql(db, "SELECT count(*) FROM vitae_jobs WHERE queue = 'noop' AND phase = 'completed'") == "200", 120, 0.5)
        phases = psql(db, "SELECT string_agg(phase || '=' || n, ' ') FROM (SELECT phase, count(*) n FROM vitae_jobs WHERE queue = 'noop' GROUP BY phase) p")
        check(done, f"all 200 jobs complete ({phases})")
        twice = psql(db, "SELECT count(*) FROM (SELECT job_id FROM vitae_job_events e JOIN vitae_jobs j ON j.id = e.job_id "
                         "WHERE j.queue = 'noop' AND e.body LIKE '%\"status\":\"completed\"%' GROUP BY job_id HAVING count(*) > 1) t")
        check(twice == "0", f"no job completed twice ({twice} did)")
        owners = psql(db, "SELECT count(DISTINCT lease_owner) FROM vitae_jobs WHERE queue='noop'")
        spread = psql(db, "SELECT count(*) FROM vitae_jobs WHERE queue='noop' AND attempts <> 1")
        check(spread == "0", f"each job ran once ({spread} ran more than once)")
        _ = owners, ids
        for w in many:
            w.stop()
    finally:
        for c in children:
            c.stop()
        shutil.rmtree(pipelines, ignore_errors=True)
    if failures:
        print(f"{len(failures)} check(s) failed; child logs in {logs}")
        sys.exit(1)
    shutil.rmtree(logs, ignore_errors=True)
    print("all multi-process checks hold")


if __name__ == "__main__":
    main()
