#!/usr/bin/env python3
"""Benchmarks `vitae serve` on the embedded default, next to a plain Node `http` SSE server.

usage: python3 Benchmarks/server.py [--vitae PATH] [--jobs N] [--workers N] [--idle 1000,10000]
                                    [--fanout 10000] [--seconds S] [--only throughput,latency,idle,fanout]
                                    [--somaxconn N]

Measures, on loopback only:
  throughput  no-op jobs per second through the SQLite queue (jobs added first, then drained)
  latency     add -> first job_update at an SSE client opened right after the add returns
              (p50, p99), and whether any update of the run was missed
  idle        concurrent idle SSE connections: time until all are subscribed, server RSS per
              connection, listen-queue overflows; the same on the Node peer
  fanout      one job with 5 updates a second to many subscribers: delivery spread p50/p99
              (arrival minus the first arrival of the same event) and server CPU per delivery;
              the same on the Node peer
The idle crowd connects all at once, faster than any server accepts; what the kernel holds meanwhile
is capped by net.core.somaxconn (4096 by default), so a crowd larger than that overflows the listen
queue of both servers (each asks for the largest backlog) unless --somaxconn raises the cap for the
run (needs root; the old value is put back).
Python standard library only. Every loop is bounded in count and time.
"""
import argparse, atexit, http.client, json, os, resource, selectors, shutil, signal, socket, subprocess, sys, tempfile, threading, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def scratch_dir():
    """A data folder for one server, removed when the benchmark ends (each holds a database of every job run)."""
    path = tempfile.mkdtemp(prefix="vitae-bench-")
    atexit.register(shutil.rmtree, path, True)
    return path


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def listen_overflows():
    with open("/proc/net/netstat") as f:
        lines = f.read().splitlines()
    for i in range(0, len(lines), 2):
        if lines[i].startswith("TcpExt:"):
            names, values = lines[i].split(), lines[i + 1].split()
            return int(values[names.index("ListenOverflows")])
    return 0


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


class Server:
    """A server process on a free port, stopped with SIGTERM."""

    def __init__(self, argv, port, ready_path="/healthz"):
        self.port = port
        self.proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                c.request("GET", ready_path)
                c.getresponse().read()
                c.close()
                return
            except OSError:
                time.sleep(0.05)
        raise SystemExit(f"server {argv[0]} did not start")

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def vitae_server(args, data, workers, pipelines):
    port = free_port()
    return Server([args.vitae, "serve", "--host", "127.0.0.1", "--port", str(port), "--data-dir", data,
                   "--workers", str(workers), "--pipelines-dir", pipelines, "--log-level", "error",
                   "--heartbeat-seconds", "30", "--in-process-extraction"], port)


def call(conn, method, path, body=None, headers=None):
    h = dict(headers or {})
    if isinstance(body, (dict, list)):
        body = json.dumps(body).encode()
        h["Content-Type"] = "application/json"
    conn.request(method, path, body=body, headers=h)
    r = conn.getresponse()
    return r.status, r.read()


def upload_blob(port):
    c = http.client.HTTPConnection("127.0.0.1", port)
    _, body = call(c, "POST", "/api/v1/upload/presigned-url", {"fileName": "bench.txt"})
    data = json.loads(body)["data"]
    status, _ = call(c, "PUT", data["uploadUrl"], b"Ada Lovelace\nada@example.com\n", {"x-ms-blob-type": "BlockBlob"})
    assert status == 201, status
    return data["fileName"]


def add_job(conn, queue, blob, resume_id):
    status, body = call(conn, "POST", "/api/v1/queue/add",
                        {"queueName": queue, "jobName": "bench", "data": {"resumeId": resume_id, "fileName": blob}})
    assert status in (200, 201), body
    return json.loads(body)["data"]["jobId"]


def throughput(args, pipelines):
    data = scratch_dir()
    server = vitae_server(args, data, 0, pipelines)
    blob = upload_blob(server.port)
    n, threads = args.jobs, 4
    start = time.perf_counter()

    def enqueue(part):
        c = http.client.HTTPConnection("127.0.0.1", server.port)
        for i in range(part, n, threads):
            add_job(c, "noop", blob, f"r{i}")

    workers = [threading.Thread(target=enqueue, args=(k,)) for k in range(threads)]
    [w.start() for w in workers]
    [w.join() for w in workers]
    add_rate = n / (time.perf_counter() - start)
    server.stop()

    server = vitae_server(args, data, args.workers, pipelines)
    c = http.client.HTTPConnection("127.0.0.1", server.port)
    start = time.perf_counter()
    deadline = start + 600
    done = 0
    while time.perf_counter() < deadline:
        _, body = call(c, "GET", "/api/v1/queue/noop/stats")
        counts = json.loads(body)["data"]["counts"]
        done = counts["completed"] + counts["failed"]
        if done >= n:
            break
        time.sleep(0.02)
    elapsed = time.perf_counter() - start
    _, body = call(c, "GET", "/api/v1/queue/noop/stats")
    counts = json.loads(body)["data"]["counts"]
    server.stop()
    print(f"throughput  {n} no-op jobs, {args.workers} workers: {done / elapsed:,.0f} jobs/s "
          f"(drained in {elapsed:.2f} s; completed {counts['completed']}, failed {counts['failed']}); "
          f"queue/add over HTTP: {add_rate:,.0f} adds/s with {threads} clients")


def read_sse(sock, until_end=True, deadline_s=30):
    """Reads one SSE response; returns (first job_update time, [ids], last data)."""
    buf, first, ids, last = b"", None, [], None
    end = time.perf_counter() + deadline_s
    sock.settimeout(deadline_s)
    while time.perf_counter() < end:
        chunk = sock.recv(65536)
        if not chunk:
            break
        buf += chunk
        while b"\n\n" in buf:
            frame, buf = buf.split(b"\n\n", 1)
            fields = dict(line.split(b": ", 1) for line in frame.split(b"\n") if b": " in line)
            if fields.get(b"event") == b"job_update":
                if first is None:
                    first = time.perf_counter()
                ids.append(int(fields[b"id"]))
                last = json.loads(fields[b"data"])
                if last["status"] in ("completed", "failed"):
                    return first, ids, last
        if not until_end and first is not None:
            break
    return first, ids, last


def open_sse(port, path):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".encode())
    return s


def latency(args, pipelines):
    data = scratch_dir()
    server = vitae_server(args, data, 4, pipelines)
    blob = upload_blob(server.port)
    c = http.client.HTTPConnection("127.0.0.1", server.port)
    delays, missed, runs = [], 0, args.latency_runs
    for i in range(runs):
        job = add_job(c, "noop", blob, f"lat{i}")
        added = time.perf_counter()
        s = open_sse(server.port, f"/api/v1/sse/job/{job}")
        first, ids, last = read_sse(s)
        s.close()
        delays.append((first - added) * 1000)
        if ids != list(range(1, len(ids) + 1)) or not last or last["status"] != "completed":
            missed += 1
    server.stop()
    print(f"latency     add -> first job_update over {runs} jobs: p50 {percentile(delays, 50):.2f} ms, "
          f"p99 {percentile(delays, 99):.2f} ms; runs with a missing or out-of-order update: {missed}")


class Crowd:
    """Many SSE clients on one selector: connect, subscribe, and note when each event id arrives."""

    def __init__(self, port, path, count):
        self.sel = selectors.DefaultSelector()
        self.pending = {}
        self.subscribed = 0
        self.arrivals = {}
        self.deliveries = 0
        self.request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".encode()
        for _ in range(count):
            s = socket.socket()
            s.setblocking(False)
            s.connect_ex(("127.0.0.1", port))
            self.sel.register(s, selectors.EVENT_WRITE, b"")

    def pump(self, seconds, stop=lambda crowd: False):
        end = time.perf_counter() + seconds
        while time.perf_counter() < end and not stop(self):
            for key, mask in self.sel.select(timeout=0.05):
                s = key.fileobj
                if mask & selectors.EVENT_WRITE:
                    try:
                        s.sendall(self.request)
                    except OSError:
                        self.sel.unregister(s)
                        continue
                    self.sel.modify(s, selectors.EVENT_READ, b"")
                    continue
                try:
                    chunk = s.recv(65536)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    chunk = b""
                if not chunk:
                    self.sel.unregister(s)
                    s.close()
                    continue
                now = time.perf_counter()
                if key.data is not None and b"event: connected" in chunk:
                    self.subscribed += 1
                    self.sel.modify(s, selectors.EVENT_READ, None)
                start = 0
                while True:
                    at = chunk.find(b"\nid: ", start)
                    if at < 0:
                        break
                    end_of_line = chunk.find(b"\n", at + 5)
                    event_id = int(chunk[at + 5:end_of_line])
                    self.arrivals.setdefault(event_id, []).append(now)
                    self.deliveries += 1
                    start = end_of_line

    def close(self):
        for key in list(self.sel.get_map().values()):
            key.fileobj.close()
        self.sel.close()


def idle_on(label, port, pid, path, counts):
    for count in counts:
        before, overflows = rss_kib(pid), listen_overflows()
        start = time.perf_counter()
        crowd = Crowd(port, path, count)
        crowd.pump(60, stop=lambda c: c.subscribed >= count)
        took = time.perf_counter() - start
        crowd.pump(1)
        after = rss_kib(pid)
        print(f"idle        {label}: {crowd.subscribed}/{count} subscribed in {took:.2f} s; RSS +{(after - before) / 1024:.1f} MiB "
              f"= {(after - before) / max(1, crowd.subscribed):.1f} KiB per connection; listen overflows +{listen_overflows() - overflows}")
        crowd.close()
        time.sleep(1)


def fanout_on(label, port, pid, path, count, seconds):
    crowd = Crowd(port, path, count)
    crowd.pump(60, stop=lambda c: c.subscribed >= count)
    crowd.arrivals.clear()
    crowd.deliveries = 0
    cpu0 = cpu_seconds(pid)
    crowd.pump(seconds)
    cpu = cpu_seconds(pid) - cpu0
    spreads = [(t - min(times)) * 1000 for times in crowd.arrivals.values() for t in times]
    complete = sum(1 for times in crowd.arrivals.values() if len(times) >= crowd.subscribed)
    print(f"fanout      {label}: {crowd.subscribed} subscribers, {len(crowd.arrivals)} events in {seconds} s, "
          f"{crowd.deliveries:,} deliveries; events reaching every subscriber {complete}/{len(crowd.arrivals)}; "
          f"spread p50 {percentile(spreads, 50):.0f} ms p99 {percentile(spreads, 99):.0f} ms; "
          f"server CPU {cpu * 1e6 / max(1, crowd.deliveries):.1f} µs per delivery")
    crowd.close()


def node_server():
    port = free_port()
    return Server(["node", os.path.join(HERE, "node-sse-server.js"), str(port)], port, "/healthz")


SOMAXCONN = "/proc/sys/net/core/somaxconn"


def read_somaxconn():
    with open(SOMAXCONN) as f:
        return int(f.read())


def set_somaxconn(value):
    with open(SOMAXCONN, "w") as f:
        f.write(str(value))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vitae", default=os.path.join(ROOT, ".build/release/vitae"))
    parser.add_argument("--jobs", type=int, default=20000)
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--latency-runs", type=int, default=200)
    parser.add_argument("--idle", default="1000,10000")
    parser.add_argument("--fanout", type=int, default=10000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--only", default="throughput,latency,idle,fanout")
    parser.add_argument("--somaxconn", type=int, help="net.core.somaxconn for the run (root only; restored after)")
    args = parser.parse_args()
    kernel_default = read_somaxconn()
    if args.somaxconn:
        set_somaxconn(args.somaxconn)
    try:
        run(args)
    finally:
        if args.somaxconn:
            set_somaxconn(kernel_default)


def machine_reference():
    """Seconds for a fixed single-threaded loop: this machine's speed drifts through the day (shared
    host), and figures from different runs only compare at a similar reference."""
    start, total = time.perf_counter(), 0
    for i in range(5_000_000):
        total += i
    return time.perf_counter() - start


def run(args):
    print(f"machine     reference loop {machine_reference():.2f} s (lower is faster)")
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    pipelines = os.path.join(HERE, "pipelines")
    only = set(args.only.split(","))
    counts = [int(x) for x in args.idle.split(",") if x]
    if "throughput" in only:
        throughput(args, pipelines)
    if "latency" in only:
        latency(args, pipelines)
    if "idle" in only or "fanout" in only:
        data = scratch_dir()
        server = vitae_server(args, data, 1 if "fanout" in only else 0, pipelines)
        blob = upload_blob(server.port)
        c = http.client.HTTPConnection("127.0.0.1", server.port)
        peer = node_server()
        if "idle" in only:
            print(f"idle        net.core.somaxconn = {read_somaxconn()}")
            # A job in a queue no worker serves stays waiting: its subscribers are idle.
            idle_server = vitae_server(args, scratch_dir(), 0, pipelines)
            idle_job = add_job(http.client.HTTPConnection("127.0.0.1", idle_server.port), "noop",
                               upload_blob(idle_server.port), "idle")
            idle_on("vitae", idle_server.port, idle_server.proc.pid, f"/api/v1/sse/job/{idle_job}", counts)
            idle_server.stop()
            idle_on("node ", peer.port, peer.proc.pid, "/sse/idle", counts)
        if "fanout" in only:
            job = add_job(c, "ticker", blob, "fanout")
            fanout_on("vitae", server.port, server.proc.pid, f"/api/v1/sse/job/{job}", args.fanout, args.seconds)
            fanout_on("node ", peer.port, peer.proc.pid, "/sse/ticker", args.fanout, args.seconds)
        peer.stop()
        server.stop()


if __name__ == "__main__":
    main()
