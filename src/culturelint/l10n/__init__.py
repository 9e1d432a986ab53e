"""Source/target comparison for translation files: pairing, extraction, glossaries.

The CL8xx rules and CL102 compare each translated unit with its source text. PO and
XLIFF carry the source in the file; JSON i18n and Fluent translations are paired
with their source-language sibling file (`pairing`). `extract` finds what must
survive translation (placeholders, markup, numbers, URLs); `glossary` loads the
project's terminology. Project-wide options live under `options: {l10n: {...}}` in
the config (`options.L10nOptions`).
"""
