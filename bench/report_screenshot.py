"""Open a batch's report.html in headless Chromium: did its script run without errors, and what does it look like?

    .venv/bin/python bench/report_screenshot.py OUT_DIR [--png report.png]

Chromium is Debian's `chromium` package (apt-get install -y chromium), run with --headless --no-sandbox
--disable-gpu --disable-background-networking --no-first-run and a throwaway --user-data-dir.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser import open_page


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="a `grader batch --out` folder")
    parser.add_argument("--png", type=Path, default=Path("report.png"))
    args = parser.parse_args()
    opened = open_page(args.out / "report.html", args.png.resolve())
    ready = opened.body.get("data-ready") == "yes"
    errors = [opened.body["data-errors"]] if "data-errors" in opened.body else []
    print(f"script ran to the end: {'yes' if ready else 'NO'}")
    print(f"script errors: {errors + opened.console_errors or 'none'}")
    print(f"external resources: {opened.external or 'none'}")
    print(f"screenshot: {opened.screenshot or 'NOT WRITTEN'}")
    return 0 if ready and not errors and not opened.console_errors and not opened.external else 1


if __name__ == "__main__":
    sys.exit(main())
