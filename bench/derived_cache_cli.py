"""The command line with the derived-data cache switched on, for measuring it.

`culturelint.profiles.validcache` keeps schema verdicts and exported tokenizer rules
in .culturelint_cache/, but only once the runner names that folder. Until runner.py
does so itself, this wrapper does it the same way (the working directory's cache
folder, never with --no-cache) so the benchmark can show what it is worth:

    python bench/run.py --derived-cache
"""

from __future__ import annotations

import sys
from pathlib import Path

from culturelint.profiles import validcache


def main() -> None:
    if "--no-cache" not in sys.argv[1:]:
        validcache.configure(Path.cwd() / ".culturelint_cache")
    from culturelint.cli import main as cli_main

    sys.argv[0] = "culturelint"
    cli_main()


if __name__ == "__main__":
    main()
