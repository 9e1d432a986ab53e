"""`--format json`: the machine-readable contract of DESIGN.md, one object per run.

Other tools parse this, so its shape changes only with the design document.
"""

from __future__ import annotations

import json
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
    # ensure_ascii=False: copy in Japanese or Arabic stays readable in the output.
    return json.dumps(to_object(report), ensure_ascii=False, indent=2) + "\n"
