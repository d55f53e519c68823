"""Pages from kg.view opened in a real headless Chromium (Debian's chromium + chromium-driver)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import networkx as nx
import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
XSS_TITLE = "<img src=x onerror=alert(1)> Sparse <b>adapters</b>"

pytestmark = pytest.mark.browser


def make_driver(*, offline: bool = True):
    """A headless Chromium that keeps console and network (performance) logs.

    ``offline`` cuts every network request (kg's pages must work with none); a test of a
    local server turns it off.
    """
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
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    # Any alert() would be recorded here instead of blocking the page.
    driver.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument",
        {"source": "window.kgAlerts = []; window.alert = function (m) { window.kgAlerts.push(String(m)); };"},
    )
    if offline:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd(
            "Network.emulateNetworkConditions",
            {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
        )
    return driver


@pytest.fixture(scope="module")
def browser():
    driver = make_driver()
    yield driver
    driver.quit()


def open_page(driver, path: Path, timeout: float = 120) -> None:
    """Load ``path`` (offline) and wait until its layout has settled."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(path.resolve().as_uri())
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return document.body.dataset.stabilized === 'true'")
    )


def requested_urls(driver) -> list[str]:
    """Every URL the page asked for since the last call, from Chrome's DevTools log."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def severe(driver) -> list[dict]:
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def counts(driver) -> list[int]:
    return driver.execute_script("return [kgNodes.length, kgEdges.length]")


def test_seed_page_offline_no_errors_no_requests(browser, seed_build, artifacts):
    result, paths = seed_build
    page = paths["html"]
    open_page(browser, page)
    assert severe(browser) == []
    urls = requested_urls(browser)
    assert urls == [page.resolve().as_uri()], urls
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    graph = result.graph
    assert counts(browser) == [graph.number_of_nodes(), len(set(graph.edges()))]
    assert browser.execute_script("return kgNetwork.physics.physicsEnabled") is False
    assert browser.find_element("id", "note").text == ""
    browser.save_screenshot(str(artifacts / "seed-graph.png"))


def test_search_finds_lora_by_alias(browser, seed_build):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from kg.viewdata import find_entity

    result, paths = seed_build
    lora = find_entity(result.graph, "LoRA")
    open_page(browser, paths["html"])
    box = browser.find_element(By.ID, "search")
    box.send_keys("LoRA")
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return document.body.dataset.matches"))
    matches = browser.execute_script("return kgMatches")
    assert lora in matches
    assert browser.execute_script("return kgNetwork.getSelectedNodes()") == matches
    listed = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#matches li")]
    assert any(result.graph.nodes[lora]["label"] in text for text in listed)
    # Enter focuses the best match and opens its details, with the papers naming it
    from selenium.webdriver.common.keys import Keys

    box.send_keys(Keys.ENTER)
    assert browser.find_element(By.CSS_SELECTOR, "#details h3").text == result.graph.nodes[lora]["label"]
    linked = browser.execute_script("return document.querySelectorAll('#linked li').length")
    assert linked == len(set(nx.all_neighbors(result.graph, lora)))
    assert severe(browser) == []


def test_type_filter_and_min_papers_hide_nodes(browser, seed_build):
    from selenium.webdriver.common.by import By

    result, paths = seed_build
    graph = result.graph
    methods = {n for n, d in graph.nodes(data=True) if d.get("type") == "Method"}
    open_page(browser, paths["html"])
    browser.find_element(By.CSS_SELECTOR, "#type-filters input[data-type='Method']").click()
    hidden = browser.execute_script("return kgNodes.get({filter: n => n.hidden}).map(n => n.id)")
    assert set(hidden) == methods
    hidden_edges = browser.execute_script("return kgEdges.get({filter: e => e.hidden}).length")
    assert hidden_edges == len({(u, v) for u, v in graph.edges() if u in methods or v in methods})
    browser.find_element(By.CSS_SELECTOR, "#type-filters input[data-type='Method']").click()
    assert browser.execute_script("return kgNodes.get({filter: n => n.hidden}).length") == 0
    browser.execute_script(
        "var s = document.getElementById('min-papers'); s.value = 2; s.dispatchEvent(new Event('input'))"
    )
    hidden = browser.execute_script("return kgNodes.get({filter: n => n.hidden}).map(n => n.id)")
    few = {n for n, d in graph.nodes(data=True) if d.get("kind") == "entity" and d["paper_count"] < 2}
    assert set(hidden) == few


@pytest.fixture(scope="module")
def xss_build(tmp_path_factory):
    """A two-paper corpus whose first title is an HTML injection attempt."""
    import kg

    folder = tmp_path_factory.mktemp("xss")
    papers = [
        {
            "id": "2401.00001",
            "title": XSS_TITLE,
            "abstract": "We fine-tune Llama 2 with LoRA and evaluate on GSM8K and MMLU.",
        },
        {"id": "2401.00002", "title": "Plain title", "abstract": "We evaluate GPT-4 on GSM8K."},
    ]
    source = folder / "papers.jsonl"
    source.write_text("".join(json.dumps(p) + "\n" for p in papers), encoding="utf-8")
    result = kg.build([source])
    return result, result.write(folder / "out")


def test_xss_title_is_text_and_runs_nothing(browser, xss_build, artifacts):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    _, paths = xss_build
    html = paths["html"].read_text(encoding="utf-8")
    assert "<img src=x" not in html
    open_page(browser, paths["html"])
    node = "paper:2401.00001"
    # hover the node: its tooltip shows the title as text
    x, y = browser.execute_script(
        "var p = kgNetwork.canvasToDOM(kgNetwork.getPosition(arguments[0])); return [p.x, p.y]", node
    )
    canvas = browser.find_element(By.CSS_SELECTOR, "#network canvas")
    size = canvas.size
    ActionChains(browser).move_to_element_with_offset(
        canvas, int(x - size["width"] / 2), int(y - size["height"] / 2)
    ).perform()
    WebDriverWait(browser, 10).until(
        lambda d: d.execute_script(
            "var t = document.querySelector('.vis-tooltip'); return t && t.style.visibility === 'visible'"
        )
    )
    tooltip = browser.execute_script("return document.querySelector('.vis-tooltip h3').textContent")
    assert tooltip == XSS_TITLE
    link = browser.execute_script("return document.querySelector('.vis-tooltip a').href")
    assert link == "https://arxiv.org/abs/2401.00001"
    # search for it and open its details panel
    browser.find_element(By.ID, "search").send_keys("SPARSE <b>")
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return document.body.dataset.matches"))
    assert browser.execute_script("return kgMatches") == [node]
    browser.find_element(By.CSS_SELECTOR, "#matches button").click()
    assert browser.find_element(By.CSS_SELECTOR, "#details h3").text == XSS_TITLE
    browser.save_screenshot(str(artifacts / "xss-title.png"))
    assert browser.execute_script("return document.querySelectorAll('img').length") == 0
    assert browser.execute_script("return window.kgAlerts") == []
    assert severe(browser) == []


def test_non_ascii_names_found_ignoring_case_and_accents(browser, tmp_path):
    from kg.view import write_html

    graph = nx.MultiDiGraph()
    graph.add_node(
        "paper:1", kind="paper", id="1", label="Über", title="Über", abstract="", date="", url="", arxiv_id=""
    )
    for ident, name, aliases in [("zoe", "Zoë-Net", ["Ζωή"]), ("other", "Other", [])]:
        graph.add_node(
            f"entity:{ident}",
            kind="entity",
            id=ident,
            label=name,
            type="Model",
            aliases=aliases,
            paper_count=1,
        )
        graph.add_edge("paper:1", f"entity:{ident}", key="uses", relation="uses")
    page = tmp_path / "names.html"
    write_html(graph, page)
    open_page(browser, page)
    for query in ("zoe", "ZOË-NET", "ζωη", "ΖΩΉ"):
        assert browser.execute_script("return kgSearch(arguments[0])", query) == ["entity:zoe"], query
    assert browser.execute_script("return kgSearch('uber')") == ["paper:1"]


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["--kind", "cooccurrence"], "cooccurrence"),
        (["--focus", "LoRA", "--depth", "2"], "focus-lora"),
        (["--kind", "cooccurrence", "--focus", "gpt-4", "--depth", "1"], "focus-gpt4-cooccurrence"),
        (["--max-nodes", "60", "--types", "Model,Method"], "top-60"),
    ],
)
def test_other_views_render(browser, seed_build, artifacts, tmp_path, args, name):
    from typer.testing import CliRunner

    from kg.cli import app
    from kg.viewdata import find_entity, make_view

    result, paths = seed_build
    page = tmp_path / f"{name}.html"
    run = CliRunner().invoke(app, ["view", str(paths["json"].parent), "--out", str(page), *args])
    assert run.exit_code == 0, run.output
    open_page(browser, page)
    assert severe(browser) == []
    assert requested_urls(browser) == [page.resolve().as_uri()]
    options = dict(zip(args[::2], args[1::2], strict=True))
    view = make_view(
        result.graph,
        kind=options.get("--kind", "graph"),
        focus=options.get("--focus"),
        depth=int(options.get("--depth", 1)),
        max_nodes=int(options.get("--max-nodes", 1500)),
        types=options.get("--types"),
    )
    assert counts(browser) == [len(view.nodes), len(view.edges)]
    assert len(view.nodes) > 1
    note = browser.find_element("id", "note").text
    assert note == view.note
    if "--max-nodes" in options:
        assert note.startswith(f"Showing {len(view.nodes)} of ")
        shown = set(browser.execute_script("return kgNodes.distinct('type')"))
        assert shown <= {"Paper", "Model", "Method"}
    elif "--focus" in options:
        focus = find_entity(result.graph, options["--focus"])
        assert browser.execute_script("return kgNetwork.getSelectedNodes()") == [focus]
    else:
        kinds = browser.execute_script("return kgNodes.distinct('kind')")
        assert kinds == ["entity"]
    browser.save_screenshot(str(artifacts / f"view-{name}.png"))
