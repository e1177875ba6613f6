"""The HTML report in a real browser: headless Chromium from the system's packages, driven by
selenium through chromedriver, opening the report as a plain file (no server, no network).

What a person sees is asserted: the counts, the timeline, a held post's highlighted words, the
filter. A hostile post or headline must not run script, and the page must make no network
request. A screenshot of the example queue's report is kept in tests/artifacts/report.png.

Without Chromium (`apt-get install chromium chromium-driver`) these tests skip; `.ci/run`
installs it, so CI always runs them."""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from conftest import rss

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
NOW = "2026-07-31T16:00:00Z"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1100,900")


def _missing() -> str | None:
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        return "Chromium is not installed (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return None


pytestmark = pytest.mark.skipif(_missing() is not None, reason=_missing() or "")


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="safepost-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def example(tmp_path):
    """The example queue, config and feed, copied so the team's store lands in tmp_path."""
    folder = tmp_path / "examples"
    shutil.copytree(REPO / "examples", folder)
    return folder


def html_report(run_cli, tmp_path, *args: str) -> Path:
    target = tmp_path / "report.html"
    code, out, err = run_cli("check", *args, "--now", NOW, "--format", "html", "--output", str(target))
    assert code in (0, 1), err
    assert out == "" and target.is_file()
    return target


def open_page(browser, path: Path) -> list[str]:
    """Open the file; the URLs of every request the page made (Chrome's performance log)."""
    browser.get_log("performance")  # drop what earlier pages logged
    browser.get(path.as_uri())
    requests = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] in ("Network.requestWillBeSent", "Network.webSocketCreated"):
            requests.append(message["params"].get("request", {}).get("url") or message["params"].get("url"))
    return requests


def css(browser, selector: str):
    from selenium.webdriver.common.by import By

    return browser.find_elements(By.CSS_SELECTOR, selector)


def test_the_example_report_shows_the_counts_the_timeline_and_the_held_words(browser, run_cli, tmp_path, example):
    report = html_report(run_cli, tmp_path, str(example / "queue.csv"), "--config", str(example / "safepost.yaml"))
    requests = open_page(browser, report)
    counts = {element.get_attribute("data-count"): element.text.split() for element in css(browser, ".count")}
    assert counts == {"hold": ["5", "hold"], "flag": ["3", "flag"], "pass": ["6", "pass"]}

    dots = css(browser, "svg.timeline circle.dot")
    assert len(dots) == 14
    assert sorted(d.get_attribute("class").split()[1] for d in dots).count("hold") == 5
    lanes = [label.text for label in css(browser, "svg.timeline .lane-label")]
    assert lanes == ["GB", "NO", "PL", "UA", "US"]
    bands = {" ".join(b.text.split()) for b in css(browser, "svg.timeline g.band text")}
    assert any(band.startswith("Denver shooting") for band in bands)
    assert any("Warsaw Uprising" in band for band in bands)

    [card] = [c for c in css(browser, "article.post") if c.find_element("css selector", "h3").text == "us-morning"]
    marks = card.find_elements("css selector", "mark")
    assert [m.text for m in marks] == ["killer"]
    assert marks[0].value_of_css_property("background-color") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert "Gunman opens fire at music festival in Denver, at least 7 dead" in card.text  # its headline
    command = card.find_element("css selector", ".approve code").text
    assert command == f"safepost approve us-morning --by YOUR-NAME --config {example / 'safepost.yaml'}"
    assert len(css(browser, "article.post")) == 8  # every flagged and held post, with its text
    assert requests == [report.as_uri()]  # the file itself, and nothing else

    ARTIFACTS.mkdir(exist_ok=True)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1100, min(height + 40, 6000))
    try:
        assert browser.save_screenshot(str(ARTIFACTS / "report.png"))
    finally:
        browser.set_window_size(1100, 900)
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000


def test_the_filter_hides_what_was_not_chosen(browser, run_cli, tmp_path, example):
    from selenium.webdriver.support.ui import Select

    report = html_report(run_cli, tmp_path, str(example / "queue.csv"), "--config", str(example / "safepost.yaml"))
    open_page(browser, report)

    def visible(selector: str) -> list[str]:
        return [e.get_attribute("data-verdict") + ":" + e.get_attribute("data-network")
                for e in css(browser, selector) if e.is_displayed()]

    assert len(visible("article.post")) == 8
    Select(css(browser, "#filter-verdict")[0]).select_by_value("hold")
    assert {v.split(":")[0] for v in visible("article.post")} == {"hold"} and len(visible("article.post")) == 5
    assert len(visible("table tbody tr")) == 5
    assert css(browser, "#shown")[0].text == "Showing 5 of 8 posts below"
    Select(css(browser, "#filter-verdict")[0]).select_by_value("")
    Select(css(browser, "#filter-network")[0]).select_by_value("facebook")
    assert sorted(visible("article.post")) == ["flag:facebook", "flag:facebook", "hold:facebook"]
    assert {v.split(":")[1] for v in visible("svg.timeline [data-verdict]")} == {"facebook"}
    Select(css(browser, "#filter-region")[0]).select_by_value("PL")
    assert visible("article.post") == []
    assert css(browser, "#shown")[0].text == "Showing 0 of 8 posts below"


def test_a_hostile_post_or_headline_cannot_run_script_or_fetch(browser, run_cli, tmp_path, write):
    feed = write("feed.xml", rss([
        {"title": "Gunman opens fire at festival in Denver, at least 7 dead <script>window.pwnedHeadline=1</script>",
         "published": "2026-07-31T11:20:00Z"},
        {"title": "Denver shooting: <img src=x onerror=\"window.pwnedImage=1\"> what we know",
         "published": "2026-07-31T13:05:00Z"}]).replace("https://news.example.org/0", "javascript:window.pwnedLink=1"))
    hostile = ("Shop #Denver now! <img src=x onerror=\"window.pwnedPost=1\"><script>window.pwnedScript=1</script>"
               " <a href=\"javascript:window.pwnedClick=1\">deal</a> \x1b[31mred\x1b[0m \u202eevil\u202c"
               " <style>body{display:none}</style>")
    queue = write("q.json", json.dumps([
        {"id": "<b>x</b>\"'", "platform": "facebook", "scheduled_at": "2026-07-31T18:00:00Z", "region": "US",
         "language": "en", "text": hostile}]))
    write("safepost.yaml", "regions: [US]\n")
    report = html_report(run_cli, tmp_path, queue, "--feed", feed)
    requests = open_page(browser, report)
    globals_ = browser.execute_script(
        "return ['pwnedHeadline','pwnedImage','pwnedLink','pwnedPost','pwnedScript','pwnedClick']"
        ".filter(function (name) { return name in window; })")
    assert globals_ == []
    assert browser.execute_script("return document.images.length") == 0
    assert browser.execute_script("return document.scripts.length") == 1  # the report's own
    assert browser.execute_script(
        "return Array.prototype.filter.call(document.querySelectorAll('[href]'), function (a) {"
        " return !/^(#|https?:)/.test(a.getAttribute('href')); }).length") == 0
    [card] = css(browser, "article.post")
    assert card.is_displayed()
    text = card.find_element("css selector", ".text").text
    assert "<img src=x onerror=\"window.pwnedPost=1\"><script>window.pwnedScript=1</script>" in text
    assert "\u202e" not in text and "\x1b" not in text and "␛[31mred" in text
    assert card.find_element("css selector", "h3").text == "<b>x</b>\"'"
    assert "<script>window.pwnedHeadline=1</script>" in browser.find_element("css selector", "#context").text
    assert requests == [report.as_uri()]


def test_the_report_fits_a_phone_and_prints_without_the_controls(browser, run_cli, tmp_path, example):
    report = html_report(run_cli, tmp_path, str(example / "queue.csv"), "--config", str(example / "safepost.yaml"))
    browser.set_window_size(390, 844)
    try:
        open_page(browser, report)
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0  # the page does not scroll sideways; the timeline scrolls in its box
        assert css(browser, "article.post")[0].is_displayed()
    finally:
        browser.set_window_size(1100, 900)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not css(browser, "nav.filters")[0].is_displayed()
        assert not any(button.is_displayed() for button in css(browser, "button.copy"))
        assert all(card.is_displayed() for card in css(browser, "article.post"))
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
