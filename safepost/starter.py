"""The starter config `safepost init` writes: every setting a team decides, explained where it is
set. It must load as it is (a test reads it with the real config loader)."""

STARTER_CONFIG = """\
# safepost settings. Every key is optional; delete what you do not need.
# Check this file and your rules with:  safepost rules lint
# Try one text against them with:       safepost try "Our summer sale starts now!"

# Who you post for: two-letter region codes. Sensitive dates and news apply per region
# (1 August in PL, 11 September in US). A post's own `region` column wins.
regions: [US]

# The time zone for queue times written without an offset ("2026-08-01 09:00"): an IANA
# name such as Europe/Warsaw, America/New_York, Europe/Kyiv. Never the machine's clock zone.
timezone: America/New_York

# The default language of your posts (en, pl, uk, ru, nb, az, ...). A post's own `language`
# column wins; without either, safepost detects it, which is slower and less sure.
language: en
# languages: [en, pl]          # the languages detection may choose from

# How to read a date such as 03/04/2026: DMY (3 April), MDY (March 4) or YMD.
date_order: MDY

# News feeds (RSS or Atom) to cross-check against. A feed's region says whose news it is.
feeds:
  # - {url: "https://example.org/world.rss", name: World news}
  # - {url: "https://example.org/us.rss", name: US news, region: US}

# Your own rule files or folders, added to the shipped rulebook (see docs/rulebook.md).
# rules: [our-rules/]

# Per rule id or glob: off, flag or hold. Find ids with `safepost rules list`.
levels:
  # profanity.en: off
  # insult.*: hold

policies:
  promotional_during_incident: hold   # a sales post while a tragedy is in the news: hold or flag
  on_news_unavailable: flag           # no feed could be read: flag every post, hold, or off
  cross_post: flag                    # the same text on several networks: flag or off
  first_hours: 24                     # hours after a severe incident when every post is looked at
  severe_from: 4                      # the severity (1-5) that starts those hours

# Where to tell the team when `safepost watch` pauses the queue: apprise URLs
# (mailto://, slack://, json://, ...). They may hold passwords: keep this file private.
alerts:
  # - "mailto://user:password@example.org"
  # - "slack://TokenA/TokenB/TokenC/#social"

# Your network's own length limit, when it differs (a Mastodon instance, say).
# platforms: {mastodon: 1000}
"""
