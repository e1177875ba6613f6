"""The HTML report as a file: one self-contained page (nothing to fetch), a strict
Content-Security-Policy that matches its own style and script, every string escaped, and small
enough to mail (under 200 KB for 100 posts, every one of them held)."""
from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest

from conftest import rss

NOW = "2026-07-31T16:00:00Z"
HEADLINES = [{"title": "Gunman opens fire at music festival in Denver, at least 7 dead", "published": "2026-07-31T11:20:00Z"},
             {"title": "Denver festival shooting: what we know so far", "published": "2026-07-31T13:05:00Z"},
             {"title": "Denver shooting: police name the suspect", "published": "2026-07-31T14:40:00Z"}]


def html_of(run_cli, *args: str) -> str:
    code, out, err = run_cli("check", *args, "--now", NOW, "--format", "html")
    assert code in (0, 1), err
    return out


def digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


@pytest.mark.usefixtures("no_news")
def test_the_page_fetches_nothing_and_its_policy_allows_only_its_own_style_and_script(run_cli, write):
    page = html_of(run_cli, write("q.csv", "id,platform,scheduled_at,text\na,x,2026-08-01T09:00:00Z,You idiot\n"))
    assert page.startswith("<!doctype html>")
    [policy] = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    [style] = re.findall(r"<style>(.*?)</style>", page, re.S)
    [script] = re.findall(r"<script>(.*?)</script>", page, re.S)
    rules = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert rules["default-src"] == "'none'" and rules["connect-src"] == "'none'" and rules["img-src"] == "'none'"
    assert rules["style-src"] == f"'{digest(style)}'" and rules["script-src"] == f"'{digest(script)}'"
    assert not re.search(r"<(link|img|iframe|object|embed)\b|\bsrc=|@import|url\(", page)  # nothing to load


def test_a_hundred_held_posts_weigh_under_200_kb(run_cli, write):
    words = ("summer collection launch coffee bread weekend friends customers morning evening city park "
             "running shoes recipe kitchen garden family holiday travel story photo video").split()
    posts = [{"id": f"post-{n:03d}", "platform": ["twitter", "facebook", "instagram", "linkedin"][n % 4],
              "scheduled_at": f"2026-07-31T{17 + n % 6}:{n % 60:02d}:00Z", "region": "US", "language": "en",
              "text": f"Denver weekend: our {' '.join(words[(n + i) % len(words)] for i in range(24))} is a killer deal. "
                      f"Shop now at our store, post {n}!"}
             for n in range(100)]
    write("safepost.yaml", "regions: [US]\n")
    page = html_of(run_cli, write("q.json", json.dumps(posts)), "--feed", write("feed.xml", rss(HEADLINES)),
                   "--config", "safepost.yaml")
    assert page.count('<article class="post hold"') == 100
    assert len(page.encode("utf-8")) < 200_000, len(page.encode("utf-8"))


@pytest.mark.usefixtures("no_news")
def test_markup_in_posts_is_escaped_not_interpreted(run_cli, write):
    queue = write("q.json", json.dumps([{
        "id": "x\"><script>alert(1)</script>", "platform": "facebook", "scheduled_at": "2026-08-01T09:00:00Z",
        "language": "en", "text": "you idiot <script>alert('post')</script> <a href=\"javascript:alert(1)\">x</a> "
                                  "\x1b[2J \u202eevil"}]))
    page = html_of(run_cli, queue)
    body = page.split("</style>", 1)[1].rsplit("<script>", 1)[0]  # everything but the page's own style and script
    assert "<script>" not in body and "<a href=\"javascript" not in body
    assert "&lt;script&gt;alert('post')&lt;/script&gt;" in body
    assert 'id="post-1"' in body and 'x"&gt;&lt;script&gt;alert(1)&lt;/script&gt;' in body  # the id is text, not markup
    assert "\x1b" not in page and "\u202e" not in page and "␛[2J" in body
    assert '<mark class="flag">idiot</mark>' in body


@pytest.mark.usefixtures("no_news")
def test_html_goes_to_a_file_with_output(run_cli, write, tmp_path):
    target = tmp_path / "out" / "report.html"
    target.parent.mkdir()
    code, out, err = run_cli("check", write("q.csv", "id,platform,scheduled_at,text\na,x,2026-08-01T09:00:00Z,Hi\n"),
                             "--now", NOW, "--format", "html", "--output", str(target))
    assert code == 0 and out == ""
    assert f"Wrote the html report to {target}" in err
    assert target.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_a_story_safepost_could_not_place_is_a_band_only_where_it_touches_a_post(run_cli, write):
    feed = rss([{"title": "Gunman opens fire at Lakeportaville mall, at least 7 dead", "published": "2026-07-31T11:20:00Z"},
                {"title": "Flooding in Millhavenshire forces hundreds from their homes, 5 dead",
                 "published": "2026-07-31T12:00:00Z"}])
    queue = write("q.csv", "id,platform,scheduled_at,region,language,text\n"
                           "a,x,2026-07-31T18:00:00Z,US,en,Lakeportaville shoppers: 20% off today!\n"
                           "b,x,2026-07-31T18:10:00Z,PL,pl,Nowa kolekcja już jest.\n")
    page = html_of(run_cli, queue, "--feed", write("feed.xml", feed))
    bands = re.findall(r'<g class="band incident"><title>([^<]*)</title>', page)
    assert bands and all("Lakeportaville" in band for band in bands)  # the flood touches no post: no band
