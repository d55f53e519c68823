"""A small local SPARQL 1.1 endpoint over a graph kg wrote, with an HTML query page.

``GET /sparql?query=...``, ``POST /sparql`` with a form (``query=...``) or with the query as
the body (``application/sparql-query``). Results are SPARQL JSON
(``application/sparql-results+json``, the default) or CSV (``text/csv``) as the ``Accept``
header asks; CONSTRUCT gives N-Triples. ``GET /`` is a query page with kg's named queries.
The store is read-only: SPARQL Update is not accepted. kg's prefixes (``kg:``, ``schema:``,
``dcterms:`` ...) are predeclared. It listens on the loopback interface unless told otherwise.

Examples
--------
>>> import threading, urllib.parse, urllib.request, pyoxigraph
>>> server = make_server(pyoxigraph.Store(), port=0)
>>> threading.Thread(target=server.serve_forever, daemon=True).start()
>>> url = f"http://127.0.0.1:{server.server_port}/sparql?" + urllib.parse.urlencode({"query": "ASK {}"})
>>> urllib.request.urlopen(url).read()
b'{"head": {}, "boolean": true}'
>>> server.shutdown(); server.server_close()
"""

from __future__ import annotations

import html
import json
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from kg.query import QueryError, load_store, named_queries, run_query

__all__ = ["MAX_BODY", "make_server", "serve"]

MAX_BODY = 1 << 20  # the largest query body accepted, in bytes
JSON_RESULTS = "application/sparql-results+json"
CSV_RESULTS = "text/csv"

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL</title><link rel="icon" href="data:,">
<style>
body {{ font: 14px system-ui, sans-serif; margin: 1.5em; max-width: 70em; }}
textarea {{ width: 100%; height: 14em; font: 13px monospace; }}
table {{ border-collapse: collapse; margin-top: 1em; }}
td, th {{ border: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; }}
#status {{ color: #555; margin-left: 1em; }}
</style></head><body>
<h1>kg SPARQL endpoint</h1>
<p>{triples} triples from <code>{source}</code>. Prefixes kg:, schema:, dcterms:, skos:, oa:,
prov:, rdfs:, xsd: are predeclared. Endpoint: <code>/sparql</code>.</p>
<label>Named query <select id="named"><option value="">(write your own)</option>{options}</select></label>
<form id="form"><textarea id="query" name="query">{default}</textarea><br>
<button type="submit">Run</button><span id="status"></span></form>
<div id="results"></div>
<script>
const named = {named_json};
const query = document.getElementById("query");
document.getElementById("named").addEventListener("change", (e) => {{
  if (e.target.value) query.value = named[e.target.value];
}});
document.getElementById("form").addEventListener("submit", async (e) => {{
  e.preventDefault();
  const status = document.getElementById("status"), out = document.getElementById("results");
  status.textContent = "running..."; out.textContent = "";
  const started = performance.now();
  const response = await fetch("sparql", {{method: "POST",
    headers: {{"Content-Type": "application/sparql-query", "Accept": "{json_type}"}}, body: query.value}});
  const text = await response.text();
  if (!response.ok) {{ status.textContent = text; return; }}
  const data = JSON.parse(text);
  status.textContent = (performance.now() - started).toFixed(0) + " ms";
  if ("boolean" in data) {{ out.textContent = String(data.boolean); return; }}
  const table = document.createElement("table"), head = table.insertRow();
  for (const v of data.head.vars) {{
    const th = document.createElement("th"); th.textContent = v; head.appendChild(th);
  }}
  for (const b of data.results.bindings) {{
    const row = table.insertRow();
    for (const v of data.head.vars) row.insertCell().textContent = b[v] ? b[v].value : "";
  }}
  out.appendChild(table);
  status.textContent += ", " + data.results.bindings.length + " rows";
}});
</script></body></html>
"""


def _wants_csv(accept: str) -> bool:
    """Whether the ``Accept`` header prefers CSV to SPARQL JSON (the first one named wins)."""
    for item in accept.split(","):
        kind = item.split(";")[0].strip().lower()
        if kind in (CSV_RESULTS, "text/*"):
            return True
        if kind in (JSON_RESULTS, "application/json", "application/*", "*/*"):
            return False
    return False


class _Handler(BaseHTTPRequestHandler):
    server_version = "kg-sparql/1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet by default
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _answer(self, query: str | None) -> None:
        if not query:
            self._error(HTTPStatus.BAD_REQUEST, "no query: send query=... or a application/sparql-query body")
            return
        try:
            result = run_query(self.server.store, query)
        except QueryError as error:
            self._error(HTTPStatus.BAD_REQUEST, str(error))
            return
        if result.triples is not None:
            self._send(HTTPStatus.OK, result.triples.encode("utf-8"), "application/n-triples; charset=utf-8")
        elif _wants_csv(self.headers.get("Accept", "")):
            self._send(HTTPStatus.OK, result.to_csv().encode("utf-8"), f"{CSV_RESULTS}; charset=utf-8")
        else:
            self._send(HTTPStatus.OK, result.to_json().encode("utf-8"), f"{JSON_RESULTS}; charset=utf-8")

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(HTTPStatus.OK, self.server.page, "text/html; charset=utf-8")
        elif url.path == "/sparql":
            self._answer(parse_qs(url.query).get("query", [None])[0])
        else:
            self._error(HTTPStatus.NOT_FOUND, f"no such page: {url.path} (try / or /sparql)")

    do_HEAD = do_GET

    def do_POST(self) -> None:
        if urlsplit(self.path).path != "/sparql":
            self._error(HTTPStatus.NOT_FOUND, "POST queries to /sparql")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"query body over {MAX_BODY} bytes")
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if kind == "application/sparql-query":
            self._answer(body)
        elif kind == "application/x-www-form-urlencoded":
            form = parse_qs(body)
            if "update" in form:
                self._error(
                    HTTPStatus.BAD_REQUEST, "this endpoint is read-only: SPARQL Update is not accepted"
                )
                return
            self._answer(form.get("query", [None])[0])
        else:
            self._error(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                "send application/sparql-query or application/x-www-form-urlencoded",
            )


def _page(triples: int, source: str) -> bytes:
    queries = named_queries()
    options = "".join(
        f'<option value="{html.escape(q.name)}">{html.escape(q.name)}</option>' for q in queries.values()
    )
    default = "SELECT ?label ?type WHERE {\n  ?entity a ?class ; rdfs:label ?label .\n"
    default += '  BIND (STRAFTER(STR(?class), "#") AS ?type)\n}\nLIMIT 20'
    named_json = json.dumps({q.name: q.text for q in queries.values()}).replace("</", "<\\/")
    return _PAGE.format(
        triples=triples,
        source=html.escape(source),
        options=options,
        default=html.escape(default),
        named_json=named_json,
        json_type=JSON_RESULTS,
    ).encode("utf-8")


def make_server(source: Any, *, host: str = "127.0.0.1", port: int = 8000, verbose: bool = False):
    """A ``ThreadingHTTPServer`` answering SPARQL on ``source`` (an RDF file or a pyoxigraph ``Store``).

    ``port=0`` picks a free port; read it back from ``server.server_port``. Call
    ``serve_forever()`` to run it.
    """
    store = load_store(source) if isinstance(source, str | Path) else source
    server = ThreadingHTTPServer((host, port), _Handler)
    server.daemon_threads = True
    server.store = store
    server.verbose = verbose
    server.page = _page(len(store), str(source) if isinstance(source, str | Path) else "memory")
    return server


def serve(path: str | Path, *, host: str = "127.0.0.1", port: int = 8000, announce=print) -> None:
    """Serve ``path`` until interrupted; ``announce`` gets the address line once listening."""
    server = make_server(path, host=host, port=port)
    shown = f"[{host}]" if ":" in host else host
    announce(f"serving {len(server.store)} triples at http://{shown}:{server.server_port}/ (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
