"""The local SPARQL endpoint, queried over real HTTP (urllib) on a free port; the query page in
a real headless Chromium; ``kg serve`` started as a process."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kg.query import run_query
from kg.serve import make_server

COUNT = "SELECT (COUNT(?p) AS ?n) WHERE { ?p a schema:ScholarlyArticle }"


@pytest.fixture(scope="module")
def endpoint(seed_build):
    """Base URL of an endpoint serving the seed build from a background thread."""
    _, paths = seed_build
    server = make_server(paths["ttl"], port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", paths["ttl"]
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def _request(url: str, *, data: bytes | None = None, headers: dict | None = None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read().decode("utf-8")


def _get(base: str, query: str, accept: str | None = None):
    url = f"{base}/sparql?" + urllib.parse.urlencode({"query": query})
    return _request(url, headers={"Accept": accept} if accept else None)


def test_get_returns_sparql_json(endpoint, seed_build):
    base, _ = endpoint
    result, _ = seed_build
    papers = sum(1 for _, d in result.graph.nodes(data=True) if d["kind"] == "paper")
    status, kind, body = _get(base, COUNT, "application/sparql-results+json")
    assert status == 200 and kind.startswith("application/sparql-results+json")
    data = json.loads(body)
    assert data["head"]["vars"] == ["n"]
    assert data["results"]["bindings"][0]["n"]["value"] == str(papers)
    assert data["results"]["bindings"][0]["n"]["datatype"].endswith("#integer")


def test_post_form_and_direct_body_give_what_kg_query_gives(endpoint):
    base, path = endpoint
    text = "SELECT ?label WHERE { ?e a kg:Model ; rdfs:label ?label } ORDER BY ?label"
    expected = json.loads(run_query(path, text).to_json())
    form = urllib.parse.urlencode({"query": text}).encode()
    status, _, body = _request(
        f"{base}/sparql", data=form, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert status == 200 and json.loads(body) == expected
    status, _, body = _request(
        f"{base}/sparql", data=text.encode(), headers={"Content-Type": "application/sparql-query"}
    )
    assert status == 200 and json.loads(body) == expected
    assert expected["results"]["bindings"], "the seed build has models"


def test_accept_csv_gives_csv(endpoint):
    base, _ = endpoint
    status, kind, body = _get(base, "SELECT ?t WHERE { ?p dcterms:title ?t } ORDER BY ?t LIMIT 3", "text/csv")
    assert status == 200 and kind.startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == ["t"] and len(rows) == 4
    assert body.endswith("\r\n")


def test_ask_and_construct(endpoint):
    base, _ = endpoint
    status, _, body = _get(base, "ASK { ?p a schema:ScholarlyArticle }")
    assert status == 200 and json.loads(body) == {"head": {}, "boolean": True}
    status, kind, body = _get(
        base, "CONSTRUCT { ?p a schema:ScholarlyArticle } WHERE { ?p a schema:ScholarlyArticle }"
    )
    assert status == 200 and kind.startswith("application/n-triples")
    assert body.count("<http://schema.org/ScholarlyArticle> .") == 83


@pytest.mark.parametrize(
    ("method", "path", "data", "headers", "status", "message"),
    [
        ("GET", "/sparql?query=SELEC", None, {}, 400, "bad SPARQL"),
        ("GET", "/sparql", None, {}, 400, "no query"),
        (
            "POST",
            "/sparql",
            b"update=DROP+ALL",
            {"Content-Type": "application/x-www-form-urlencoded"},
            400,
            "read-only",
        ),
        ("POST", "/sparql", b"DROP ALL", {"Content-Type": "application/sparql-query"}, 400, "bad SPARQL"),
        ("POST", "/sparql", b"x", {"Content-Type": "text/plain"}, 415, "application/sparql-query"),
        ("GET", "/elsewhere", None, {}, 404, "no such page"),
    ],
)
def test_errors_are_http_errors_with_a_reason(endpoint, method, path, data, headers, status, message):
    base, _ = endpoint
    got, kind, body = _request(f"{base}{path}", data=data, headers=headers)
    assert got == status and message in body and kind.startswith("text/plain")


def test_query_page_is_served(endpoint):
    base, _ = endpoint
    status, kind, body = _request(f"{base}/")
    assert status == 200 and kind.startswith("text/html")
    assert "<textarea" in body and 'value="top-models"' in body and "triples from" in body


@pytest.fixture(scope="module")
def chromium():
    from .test_browser import make_driver

    driver = make_driver(offline=False)
    yield driver
    driver.quit()


@pytest.mark.browser
def test_query_page_runs_a_query_in_chromium(endpoint, chromium, artifacts):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    base, _ = endpoint
    driver = chromium
    driver.get(f"{base}/")
    Select(driver.find_element(By.ID, "named")).select_by_value("top-models")
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 30).until(lambda d: "rows" in d.find_element(By.ID, "status").text)
    headers = [th.text for th in driver.find_elements(By.CSS_SELECTOR, "#results th")]
    assert headers == ["label", "type", "papers"]
    assert len(driver.find_elements(By.CSS_SELECTOR, "#results tr")) > 1
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []
    driver.save_screenshot(str(artifacts / "sparql-page.png"))


def test_kg_serve_command_answers_on_a_free_port(seed_build):
    _, paths = seed_build
    process = subprocess.Popen(
        [sys.executable, "-c", "from kg.cli import app; app()", "serve", str(paths["ttl"]), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline()
        assert line.startswith("serving ") and "http://127.0.0.1:" in line, line + process.stderr.read()
        base = line.split(" at ")[1].split("/ ")[0]
        status, _, body = _get(base, COUNT, "text/csv")
        assert status == 200 and body.split() == ["n", "83"]
    finally:
        process.terminate()
        process.wait(timeout=30)
