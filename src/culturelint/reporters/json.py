"""`--format json`: the machine-readable contract of DESIGN.md, one object per run.

Other tools parse this, so its shape changes only with the design document.
"""

from __future__ import annotations

import json
import re
from typing import Any

from culturelint.reporters import Report


def to_object(report: Report) -> dict[str, Any]:
    return {
        "version": report.version,
        "findings": [finding.to_dict() for finding in report.findings],
        "errors": [error.to_dict() for error in report.errors],
        "summary": {
            "files": report.files,
            "findings": len(report.findings),
            "errors": len(report.errors),
            "by_severity": report.by_severity(),
            "by_market": report.by_market(),
        },
    }


def render(report: Report) -> str:
    return dumps(to_object(report))


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps(data: Any) -> str:
    """`data` as `json.dumps(data, ensure_ascii=False, indent=2)` writes it, byte for
    byte, and a final newline (copy in Japanese or Arabic stays readable): the JSON
    and SARIF reports and baseline files.

    Python's encoder indents in pure Python: 0.4 s for a repository's 25,000
    findings, a third of a run that finds every result in the cache. orjson writes
    the same bytes for what a report holds (strings, integers, booleans, None, lists
    and objects) ten times faster; for anything it refuses (a lone surrogate from a
    broken file name), Python's encoder writes the report as before. Floats are not
    in reports: orjson would write 2.5e-05 as 0.000025.
    """
    try:
        import orjson
    except ImportError:  # an environment without it still reports
        orjson = None
    if orjson is not None:
        try:
            return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
        except TypeError:  # orjson.JSONEncodeError is a TypeError
            pass
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    # A lone surrogate can only stand inside a JSON string here, where its escape
    # means the same: the report stays valid UTF-8 and reads back as it was.
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
