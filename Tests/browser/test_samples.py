"""The seed guide's own client code, unchanged, in headless Chromium."""
import re
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, console_errors

GUIDE = ROOT.parent / "shared" / "seed-sse-job-monitoring-guide.md"
RESUME = ROOT / "Samples" / "grace-okafor.docx"
WEB = ROOT / "Samples" / "web"


@pytest.mark.skipif(not GUIDE.exists(), reason="the seed guide ships beside the repository")
def test_sample_code_is_the_guides_code_unchanged():
    guide = GUIDE.read_text()
    javascript = re.findall(r"```javascript\n(.*?)```", guide, re.S)
    monitor = next(block for block in javascript if block.startswith("function monitorJob"))
    assert monitor.split("// Usage")[0].rstrip() in (WEB / "monitor-job.js").read_text()
    workflow = (WEB / "upload-and-analyze.js").read_text()
    for block in javascript:
        if block.startswith(("// Get presigned URL", "const job = await fetch('/api/v1/queue/add'")):
            assert block in workflow
    assert "const eventSource = new EventSource(`/api/v1/sse/job/${jobId}`);\n\neventSource.addEventListener('job_update', (e) => {\n  const { progress, message, status }" in workflow
    jsx = re.findall(r"```jsx\n(.*?)```", guide, re.S)[0]
    assert (WEB / "ResumeAnalysis.jsx").read_text() == jsx


def test_vanilla_monitor_job_reaches_completed_with_a_score(browser, server):
    browser.get(server.base + "/samples/web/")
    browser.find_element(By.ID, "file").send_keys(str(RESUME))
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(browser, 60).until(lambda d: d.find_element(By.ID, "score").text.startswith("Score: "))
    assert re.fullmatch(r"Score: \d+/100", browser.find_element(By.ID, "score").text)
    assert browser.find_element(By.TAG_NAME, "body").get_attribute("data-status") == "completed"
    assert browser.find_element(By.ID, "progress").get_attribute("value") == "100"
    assert browser.find_element(By.ID, "status").text == "Analysis completed"
    assert console_errors(browser) == []


@pytest.mark.skipif(not (WEB / "vendor" / "react.js").exists(), reason="run Samples/web/install-vendor for React and Babel")
def test_guides_react_component_runs_offline(browser, server):
    browser.get(server.base + "/samples/web/react.html")
    browser.find_element(By.ID, "file").send_keys(str(RESUME))
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(browser, 60).until(lambda d: "Analysis Complete!" in d.find_element(By.ID, "root").text)
    text = browser.find_element(By.ID, "root").text
    assert re.search(r"Score: \d+/100", text) and "100%" in text and "completed" in text
    assert console_errors(browser) == []
