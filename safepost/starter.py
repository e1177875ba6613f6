"""The starter config `safepost init --region XX` writes: every setting a team decides, explained
where it is set, with real public news feeds for the region and international wires, so that the
first `safepost check` reads the news instead of holding every post for want of it. It must load
as it is (a test reads it with the real config loader)."""
from __future__ import annotations

from functools import cache
from importlib import resources

from safepost.calendar import REGION_TIMEZONES
from safepost.errors import InputError

REGION_LANGUAGES = {"US": "en", "GB": "en", "CA": "en", "AU": "en", "IE": "en", "NZ": "en", "PL": "pl",
                    "UA": "uk", "RU": "ru", "NO": "nb", "AZ": "az", "DE": "de", "FR": "fr"}


@cache
def starter_feeds() -> dict:
    from safepost.yamlsafe import load_text

    text = resources.files("safepost").joinpath("starter_feeds.yaml").read_text("utf-8")
    return load_text(text, "starter_feeds.yaml")


def regions_with_feeds() -> tuple[str, ...]:
    return tuple(sorted(str(code) for code in starter_feeds()["regions"]))


def starter_config(region: str) -> str:
    """The config text for a team posting to `region` (a code with starter feeds)."""
    from safepost.rulebook.fields import check_region, did_you_mean

    feeds = starter_feeds()
    code = region.strip().upper()
    check_region(code, "--region", None)
    if code not in feeds["regions"]:
        raise InputError(f"no starter feeds for region '{region}'{did_you_mean(code, feeds['regions'])}; "
                         f"regions with starter feeds: {', '.join(regions_with_feeds())}")
    language = REGION_LANGUAGES.get(code, "en")
    zone = REGION_TIMEZONES.get(code, "UTC")
    lines = [_feed_line(feed, code) for feed in feeds["regions"][code]]
    lines += [_feed_line(feed, None) for feed in feeds["international"]]
    return TEMPLATE.format(region=code, zone=zone, language=language, feeds="\n".join(lines))


def _feed_line(feed: dict, region: str | None) -> str:
    name = str(feed["name"]).replace('"', "'")
    where = f', region: "{region}"' if region else ""
    return f'  - {{url: "{feed["url"]}", name: "{name}"{where}}}'


TEMPLATE = """\
# safepost settings. Every key is optional; delete what you do not need.
# Check this file and your rules with:  safepost rules lint
# Try one text against them with:       safepost try "Our summer sale starts now!"

# Who you post for: two-letter region codes. Sensitive dates and news apply per region
# (1 August in PL, 11 September in US). A post's own `region` column wins.
regions: ["{region}"]

# The time zone for queue times written without an offset ("2026-08-01 09:00"): an IANA
# name such as Europe/Warsaw, America/New_York, Europe/Kyiv. Never the machine's clock zone.
timezone: {zone}

# The default language of your posts (en, pl, uk, ru, nb, az, ...). A post's own `language`
# column wins, and a post whose words say otherwise is read in its own language too.
language: {language}

# How to read a date such as 03/04/2026: DMY (3 April), MDY (March 4) or YMD. Left unset,
# safepost reads it from the file (a day above 12 decides) and stops when the file cannot tell.
# date_order: DMY

# News feeds (RSS or Atom) to cross-check against; a feed's region says whose news it is.
# These are a STARTING POINT: public feeds of national broadcasters and agencies, and world
# wires. `safepost news` shows which of them answer; replace one that does not.
# With no feed that can be read, every post is held: safepost never says "pass" about news it
# did not read. To check without news on purpose, write `news: off` instead.
feeds:
{feeds}

# Your own rule files or folders, added to the shipped rulebook (see docs/rulebook.md).
# rules: [our-rules/]

# Per rule id, finding id or glob: off, flag or hold. Ids are in `safepost rules list` and in
# every finding (incident.shooting.first-hours, date.pl.warsaw-uprising, profanity.*, ...).
levels:
  # profanity.mild.*: off
  # insult.*: hold

# How strict whole grades of profanity are: strong (fuck, kurwa) or mild (damn, cholera).
# grades: {{mild: off}}

policies:
  promotional_during_incident: hold   # a sales post while a tragedy is in the news: hold or flag
  on_news_unavailable: hold           # no feed could be read: hold every post, flag, or off
  cross_post: flag                    # the same text on several networks: flag or off
  first_hours: 24                     # hours after a severe incident in your regions when posts are looked at
  severe_from: 4                      # the severity (1-5) from which a promotion or a joke is held then
  every_post_from: 5                  # ... and from which every post is flagged (5: mass casualties)

# Where to tell the team when `safepost watch` pauses the queue: apprise URLs
# (mailto://, slack://, json://, ...). They may hold passwords: keep this file private.
# `safepost alerts test` sends a test message to each.
alerts:
  # - "mailto://user:password@example.org"
  # - "slack://TokenA/TokenB/TokenC/#social"

# Your network's own length limit, when it differs (a Mastodon instance, say).
# platforms: {{mastodon: 1000}}
"""
