"""Where the project's shared research data lives: `shared/` beside the checkout (as in
CI), or wherever CULTURELINT_SHARED points. Tests read it; the tool never does."""

import os
from pathlib import Path

SHARED = Path(
    os.environ.get("CULTURELINT_SHARED") or Path(__file__).resolve().parents[2] / "shared"
)
