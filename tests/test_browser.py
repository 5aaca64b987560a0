"""A real-browser check: the seed's HTML report in headless Chromium, screenshotted.

Skipped when Chromium is not installed (``apt-get install chromium``, or point
``PROVENANCE_CHROMIUM`` at a binary). The screenshot is kept as
``tests/artifacts/seed-report.png`` for a person to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium import Browser, console_errors, evaluate, find_chromium, load_page, screenshot

from provenance.api import score_path
from provenance.render.html import render_html
from provenance.render.view import build_view

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_8dac13ad40c6afd4.txt"
HOSTILE = Path(__file__).parent / "data" / "hostile-article.md"
ARTIFACTS = Path(__file__).parent / "artifacts"
WIDTH = 1280

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed: apt-get install chromium, or set PROVENANCE_CHROMIUM to a binary",
)

GRAPH_STATE = """(() => {
  const svg = document.querySelector('#graph svg');
  const box = svg.getBoundingClientRect();
  const style = getComputedStyle(svg);
  const nodes = [...svg.querySelectorAll('g.node rect')].map(rect => {
    const r = rect.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {width: r.width, height: r.height, fill: getComputedStyle(rect).fill,
            hit: hit ? hit.closest('g.node') === rect.closest('g.node') : false};
  });
  return {width: box.width, height: box.height, display: style.display, visibility: style.visibility,
          nodes: nodes, edges: svg.querySelectorAll('path.edge').length};
})()"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM is not None
    with Browser(CHROMIUM) as running:
        yield running


def test_seed_report_renders_with_a_visible_graph(browser: Browser, tmp_path: Path) -> None:
    report = score_path(SEED)
    graph = build_view(report).graph
    page = tmp_path / "seed.html"
    page.write_text(render_html(report), encoding="utf-8")
    session = load_page(browser, page.as_uri(), width=WIDTH)
    evaluate(browser, session, "document.querySelector('#graph').scrollIntoView()")
    state = evaluate(browser, session, GRAPH_STATE)
    assert console_errors(browser) == []
    assert state["display"] != "none"
    assert state["visibility"] == "visible"
    assert state["width"] > 600
    assert state["height"] > 200
    assert len(state["nodes"]) == len(graph.nodes)
    assert state["edges"] == len(graph.edges)
    for node in state["nodes"]:
        assert node["width"] > 50
        assert node["height"] > 10
        assert node["fill"] not in {"none", "rgba(0, 0, 0, 0)"}
    assert all(node["hit"] for node in state["nodes"]), "every node is on top, not hidden by another element"
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "seed-report.png"
    screenshot(browser, session, shot)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == WIDTH
    assert int.from_bytes(data[20:24], "big") > 2000, "the whole page, not just the first screen"


def test_hostile_report_attempts_nothing(browser: Browser, tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(render_html(score_path(HOSTILE)), encoding="utf-8")
    before = len(console_errors(browser))
    session = load_page(browser, page.as_uri(), width=WIDTH)
    counts = evaluate(
        browser,
        session,
        "[document.scripts.length,"
        " document.querySelectorAll('iframe, img, object, embed, a[href^=javascript]').length]",
    )
    assert counts == [0, 0]
    assert console_errors(browser)[before:] == [], "no blocked script or load: nothing was even attempted"
