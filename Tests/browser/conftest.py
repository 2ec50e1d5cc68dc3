"""Fixtures for the browser tests: a real `vitae serve` on loopback and headless Chromium.

The server runs the shipped pipelines plus `slow-analysis`, the same pipeline with a `delay` step
in the analyzing stage, so a job lasts long enough to restart the server under it.
"""
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("VITAE_BROWSER_ARTIFACTS", ROOT / ".build" / "browser-artifacts"))
SLOW_DELAY_MS = 6000
SLOW_SLICES = 12


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def binary():
    given = os.environ.get("VITAE_BIN")
    if given:
        return given
    bin_path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    return str(Path(bin_path) / "vitae")


def pipelines_folder(into: Path):
    shipped = (ROOT / "Pipelines" / "resume-analysis.yaml").read_text()
    slow = shipped.replace("queue: resume-analysis", "queue: slow-analysis").replace(
        "  - stage: storing",
        f"      - uses: delay\n        with:\n          milliseconds: {SLOW_DELAY_MS}\n          slices: {SLOW_SLICES}\n  - stage: storing")
    into.mkdir(parents=True, exist_ok=True)
    (into / "resume-analysis.yaml").write_text(shipped)
    (into / "slow-analysis.yaml").write_text(slow)


class Server:
    """One `vitae serve` process; `restart` keeps the port and the data folder."""

    def __init__(self, workdir: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.data = workdir / "data"
        self.pipelines = workdir / "pipelines"
        pipelines_folder(self.pipelines)
        self.log_path = ARTIFACTS / "server.log"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.log = open(self.log_path, "a")
        self.process = None
        self.start()

    def start(self):
        self.process = subprocess.Popen(
            [binary(), "serve", "--host", "127.0.0.1", "--port", str(self.port), "--data-dir", str(self.data),
             "--pipelines-dir", str(self.pipelines), "--lease-seconds", "2", "--grace-seconds", "0.2",
             "--heartbeat-seconds", "5"],
            cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=1)
                return
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(f"vitae serve exited with {self.process.returncode}; see {self.log_path}")
                time.sleep(0.1)
        raise RuntimeError("vitae serve did not answer /healthz")

    def kill(self):
        """A crash, not a shutdown: no stream is ended politely and the job keeps its lease."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def restart(self):
        self.kill()
        self.start()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()

    def log_text(self):
        self.log.flush()
        return self.log_path.read_text(errors="replace")


@pytest.fixture(scope="session")
def server():
    workdir = Path(tempfile.mkdtemp(prefix="vitae-browser-"))
    running = Server(workdir)
    yield running
    running.stop()
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(0)
    yield driver
    driver.quit()


def console_errors(driver, allow=()):
    """SEVERE browser-log entries, less those matching one of the `allow` patterns."""
    entries = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    return [entry for entry in entries if not any(re.search(pattern, entry["message"]) for pattern in allow)]


def full_page_screenshot(driver, name, width=1280, mobile=False):
    """Renders the page at `width` CSS pixels (headless windows cannot be narrower than 500, so a
    phone is emulated) with the viewport as tall as the page, and saves it to the artifacts."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    metrics = {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": mobile}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {**metrics, "height": max(height, 600)})
    path = ARTIFACTS / name
    driver.save_screenshot(str(path))
    return path
