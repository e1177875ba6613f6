"""Posts checked against the day's headlines, and the levels one check gave them."""
from __future__ import annotations

from datetime import datetime, timedelta

from safepost.gate import check
from safepost.model import Headline, Post, Verdict
from safepost.news.detect import detect_incidents
from safepost.rulebook import load_rulebook

RULEBOOK = load_rulebook()


def levels_of(check_name: str, now: datetime, headlines: list[tuple[str, float]], language: str, region: str,
              *texts: str) -> list[Verdict | None]:
    """The most severe level `check_name` gave each text, posted an hour after `now`, against
    headlines given as (title, hours before now)."""
    incidents = detect_incidents([Headline(title, "Wire", published=now - timedelta(hours=ago))
                                  for title, ago in headlines], RULEBOOK, now)
    posts = [Post(id=str(n), text=text, scheduled_at=now + timedelta(hours=1), platform="facebook",
                  region=region, language=language) for n, text in enumerate(texts)]
    return [max((f.level for f in decision.findings if f.check == check_name), default=None)
            for decision in check(posts, incidents, RULEBOOK, now)]
