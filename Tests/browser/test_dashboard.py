"""The dashboard in headless Chromium against a real `vitae serve`."""
import json
import re
import time
import urllib.request

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import ROOT, SLOW_SLICES, console_errors, full_page_screenshot


def wait(browser, timeout):
    """A wait that reads again an element the live page re-rendered between finding and reading it."""
    return WebDriverWait(browser, timeout, ignored_exceptions=(StaleElementReferenceException,))


RESUME = ROOT / "Samples" / "priya-raman-single-column.pdf"
POSTING = "Senior backend engineer: Python, PostgreSQL, Kubernetes, AWS and Terraform required; Go preferred."


def open_dashboard(browser, server, queue=None):
    browser.get(server.base + "/" + (f"?queue={queue}" if queue else ""))
    wait(browser, 10).until(lambda d: d.find_element(By.ID, "jobs-connection").text == "Live")


def submit(browser, resume=RESUME, job_text=None):
    browser.find_element(By.ID, "resume").send_keys(str(resume))
    if job_text:
        browser.find_element(By.CSS_SELECTOR, "#job-details summary").click()
        browser.find_element(By.ID, "job-text").send_keys(job_text)
    browser.find_element(By.ID, "analyse").click()
    wait(browser, 15).until(lambda d: d.find_element(By.ID, "job-id").text)
    return browser.find_element(By.ID, "job-id").text


def wait_for_status(browser, statuses, timeout=60):
    wait(browser, timeout).until(
        lambda d: d.find_element(By.ID, "progress-card").get_attribute("data-status") in statuses)
    return browser.find_element(By.ID, "progress-card").get_attribute("data-status")


def event_ids(browser):
    text = browser.find_element(By.ID, "progress-card").get_attribute("data-event-ids") or ""
    return [int(x) for x in text.split(",") if x]


def steps_of(browser):
    """The progress steps list, which sits in a closed <details> (so not visible text)."""
    return [li.get_attribute("textContent") for li in browser.find_elements(By.CSS_SELECTOR, "#steps li")]


def api(server, path):
    with urllib.request.urlopen(server.base + path, timeout=10) as response:
        return json.load(response)["data"]


def test_upload_streams_progress_and_renders_the_result(browser, server):
    open_dashboard(browser, server)
    assert Select(browser.find_element(By.ID, "queue")).first_selected_option.text == "resume-analysis"
    job_id = submit(browser, job_text=POSTING)
    assert wait_for_status(browser, {"completed", "failed"}) == "completed"

    ids = event_ids(browser)
    assert ids == list(range(1, len(ids) + 1)), ids
    steps = steps_of(browser)
    assert any("parsing" in step for step in steps) and steps[-1].startswith("100%"), steps
    assert browser.find_element(By.ID, "progress").get_attribute("value") == "100"

    result = api(server, f"/api/v1/queue/resume-analysis/jobs/{job_id}")["result"]
    assert browser.find_element(By.ID, "score").text == str(result["score"])
    rows = browser.find_elements(By.CSS_SELECTOR, "#breakdown tbody tr")
    assert len(rows) == len(result["breakdown"])
    for row, criterion in zip(rows, result["breakdown"]):
        assert criterion["label"] in row.text and f'{criterion["points"]} / {criterion["maxPoints"]}' in row.text
        assert criterion["reason"] in row.text
        if "suggestion" in criterion:
            assert criterion["suggestion"] in row.text
    text = browser.find_element(By.ID, "result").text
    assert result["contact"]["name"] in text
    assert all(skill["name"] in text for skill in result["skills"][:5])
    assert result["experience"][0]["company"] in text
    assert result["education"][0]["institution"] in text
    assert "Job match" in text and str(result["match"]["score"]) in text

    # The jobs view got the job live and shows it completed, with the counts.
    row = wait(browser, 10).until(
        lambda d: d.find_element(By.CSS_SELECTOR, f'#jobs tr[data-job-id="{job_id}"][data-state="completed"]'))
    assert "100%" in row.text
    assert int(browser.find_element(By.CSS_SELECTOR, '#counts [data-state="completed"] dd').text) >= 1

    assert console_errors(browser) == []
    shot = full_page_screenshot(browser, "dashboard.png")
    assert shot.stat().st_size > 10_000
    full_page_screenshot(browser, "dashboard-phone.png", width=390, mobile=True)
    # At phone width nothing is wider than the screen but the tables, which scroll in their box.
    overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, overflow

    # After the terminal event a browser that keeps its EventSource open is told 204 and stops.
    browser.execute_script("""
        window.probe = {opens: 0, updates: 0};
        const source = new EventSource(`/api/v1/sse/job/${arguments[0]}`);
        window.probe.source = source;
        source.addEventListener('open', () => window.probe.opens++);
        source.addEventListener('job_update', () => window.probe.updates++);
    """, job_id)
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    wait(browser, 15).until(lambda d: d.execute_script("return window.probe.source.readyState") == 2)
    time.sleep(3)  # longer than the retry delay: a browser that still reconnected would have opened again
    probe = browser.execute_script("return {opens: window.probe.opens, updates: window.probe.updates, state: window.probe.source.readyState}")
    assert probe == {"opens": 1, "updates": len(ids), "state": 2}
    log = server.log_text()
    assert re.search(rf"GET /api/v1/sse/job/{re.escape(job_id)} 204", log)
    # SSE streams log their open and close, the close with how long the stream lasted.
    assert re.search(rf"job={re.escape(job_id)} .*SSE stream opened", log)
    assert re.search(rf"duration=[\d.]+ms job={re.escape(job_id)} .*SSE stream closed", log)
    assert console_errors(browser) == []


def test_job_description_file_is_uploaded_and_matched(browser, server, tmp_path):
    posting = tmp_path / "posting.txt"
    posting.write_text(POSTING)
    open_dashboard(browser, server)
    browser.find_element(By.ID, "resume").send_keys(str(RESUME))
    browser.find_element(By.CSS_SELECTOR, "#job-details summary").click()
    browser.find_element(By.ID, "job-file").send_keys(str(posting))
    browser.find_element(By.ID, "analyse").click()
    wait(browser, 15).until(lambda d: d.find_element(By.ID, "job-id").text)
    job_id = browser.find_element(By.ID, "job-id").text
    assert wait_for_status(browser, {"completed", "failed"}) == "completed"
    job = api(server, f"/api/v1/queue/resume-analysis/jobs/{job_id}")
    assert job["data"].get("jobFileName") and "job" not in job["data"]
    assert "Job match" in browser.find_element(By.ID, "result").text
    assert console_errors(browser) == []


def test_failure_shows_the_error_message(browser, server, tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\nnot really a PDF")
    open_dashboard(browser, server)
    submit(browser, resume=broken)
    assert wait_for_status(browser, {"completed", "failed"}) == "failed"
    error = browser.find_element(By.ID, "job-error")
    assert error.is_displayed() and error.text
    assert error.get_attribute("role") == "alert"
    assert console_errors(browser) == []


def test_jobs_view_cancels_and_retries_live(browser, server):
    open_dashboard(browser, server, queue="slow-analysis")
    job_id = submit(browser)
    row = f'#jobs tr[data-job-id="{job_id}"]'
    wait(browser, 15).until(lambda d: d.find_element(By.CSS_SELECTOR, row).get_attribute("data-state") in ("waiting", "active"))
    cancel = browser.find_element(By.CSS_SELECTOR, f'{row} button[aria-label="Cancel job {job_id}"]')
    browser.execute_script("arguments[0].focus()", cancel)
    time.sleep(1)  # progress updates arrive meanwhile; they must not take the focus away
    assert browser.switch_to.active_element == cancel
    cancel.send_keys(" ")
    wait(browser, 15).until(lambda d: d.find_element(By.CSS_SELECTOR, row).get_attribute("data-state") == "cancelled")
    assert wait_for_status(browser, {"failed"}, timeout=15) == "failed"
    wait(browser, 10).until(
        lambda d: int(d.find_element(By.CSS_SELECTOR, '#counts [data-state="cancelled"] dd').text) >= 1)
    # Keyboard: focus the Retry button and press Enter.
    retry = browser.find_element(By.CSS_SELECTOR, f'{row} button[aria-label="Retry job {job_id}"]')
    browser.execute_script("arguments[0].focus()", retry)
    retry.send_keys("\n")
    wait(browser, 30).until(lambda d: d.find_element(By.CSS_SELECTOR, row).get_attribute("data-state") == "active")
    wait(browser, 30).until(lambda d: d.find_element(By.CSS_SELECTOR, row).get_attribute("data-state") == "completed")
    assert api(server, f"/api/v1/queue/slow-analysis/jobs/{job_id}")["state"] == "completed"
    assert console_errors(browser) == []


def test_the_page_reconnects_by_itself_across_a_server_restart(browser, server):
    open_dashboard(browser, server, queue="slow-analysis")
    job_id = submit(browser)
    wait(browser, 30).until(lambda d: "Waiting 3 of" in d.find_element(By.ID, "steps").get_attribute("textContent"))
    before = event_ids(browser)
    server.restart()
    assert wait_for_status(browser, {"completed", "failed"}, timeout=60) == "completed"

    ids = event_ids(browser)
    assert ids == list(range(1, len(ids) + 1)), f"gap or repeat across the restart: {ids}"
    assert len(ids) > len(before)
    steps = steps_of(browser)
    assert len(steps) == len(set(steps)), steps
    progress = [int(step.split("%")[0]) for step in steps]
    assert progress == sorted(progress), progress
    assert sum(1 for step in steps if re.search(r"Waiting \d+ of", step)) == SLOW_SLICES, steps
    assert browser.find_element(By.ID, "score").text.isdigit()
    # The browser itself reconnected with Last-Event-ID (the dashboard has no reconnect code).
    assert re.search(rf"job={re.escape(job_id)} lastEventId=\d+ .*SSE stream opened", server.log_text()), \
        "no stream resumed with Last-Event-ID in the server log"
    # The only errors allowed are the failed connections while the server was down.
    assert console_errors(browser, allow=[r"/api/v1/sse/", r"net::ERR_"]) == []
