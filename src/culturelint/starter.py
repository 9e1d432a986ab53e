"""The config `culturelint init` writes: every key, commented, with safe defaults.

A key left empty (`markets:` followed by comments only) means the key is not given, so
uncommenting an example below its key gives a valid config."""

STARTER_CONFIG = """\
# culturelint configuration. Every key is optional.
# Docs: culturelint rules, culturelint explain CODE, culturelint markets.

# Which market each folder targets (glob -> market tag). First match wins.
# Files can also say it themselves (front matter `market:`, <html lang>), or carry a
# locale folder in their path (content/ja-JP/...).
markets:
  # "content/ja/**": ja-JP
  # "content/de/**": de-DE

# Market for files nothing else resolves (leave unset to get an error instead).
# default_market: en-US

# Rules: codes (CL201), prefixes (CL2) or names (colour-connotation).
select: []
ignore: []
per_file_ignores:
  # "legal/**": [CL6]

# Severity overrides per rule: error, warning or info.
severity:
  # CL504: warning

# Lowest severity that fails the run: error, warning, info or never.
fail_on: warning

# Paths never linted (globs relative to this file); .gitignore is honoured too.
exclude: []

# Your own market profiles and rule packs (folders of YAML files).
market_paths: []
rule_paths: []

# Per-market changes to the shipped profiles, e.g. your brand's register.
overrides:
  # de-DE:
  #   formality: {register: informal}
"""
