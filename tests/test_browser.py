"""graph.html opened in a real headless Chromium (Debian's chromium + chromium-driver)."""

from __future__ import annotations

import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--window-size=1400,900",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


def test_seed_graph_opens_without_console_errors(browser, seed_build, artifacts):
    from selenium.webdriver.support.ui import WebDriverWait

    result, paths = seed_build
    browser.get(paths["html"].resolve().as_uri())
    WebDriverWait(browser, 60).until(
        lambda d: d.execute_script("return document.body.dataset.stabilized === 'true'")
    )
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    shown = browser.execute_script("return [kgNodes.length, kgEdges.length]")
    assert shown == [result.graph.number_of_nodes(), result.graph.number_of_edges()]
    browser.save_screenshot(str(artifacts / "seed-graph.png"))
