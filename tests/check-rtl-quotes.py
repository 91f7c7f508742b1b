#!/usr/bin/env python3
# check-rtl-quotes.py — is each quote of a right-to-left export printed on one page?
#
# Usage: check-rtl-quotes.py EXPORT.html PRINTED.pdf
# check-print finds quotes in `pdftotext -bbox` text, which is in visual order, so it
# cannot locate a right-to-left quote (it WARNs "not located in PDF text"). This reads
# each page in logical order (pdftotext's plain mode reorders right-to-left lines) and
# fails when a quote or pull quote is missing from every page or split over two.
# SPDX-License-Identifier: GPL-3.0-or-later
import re
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser

# Poppler writes the text of a lam-alef ligature in left-to-right order inside the
# reordered line (الألبانية comes out as األلبانية), so lam and alef are left out of
# the comparison on both sides.
LAM_ALEF = set("لاأإآٱ")


def norm(text):
    text = unicodedata.normalize("NFKD", text).casefold()
    return "".join(c for c in text if c.isalnum() and c not in LAM_ALEF)


class Quotes(HTMLParser):
    """Text of every <figure class="quote"> and <aside class="pullquote">."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.quotes = 0, []

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            self.depth += tag in ("figure", "aside")
        elif (tag, "quote") in [("figure", c) for c in classes] or \
             (tag, "pullquote") in [("aside", c) for c in classes]:
            self.depth = 1
            self.quotes.append("")

    def handle_endtag(self, tag):
        if self.depth and tag in ("figure", "aside"):
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.quotes[-1] += data


def pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    return [norm(subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), pdf, "-"],
                                capture_output=True, text=True, check=True).stdout)
            for n in range(1, count + 1)]


def main():
    if len(sys.argv) != 3:
        print(__doc__ or "usage: check-rtl-quotes.py EXPORT.html PRINTED.pdf", file=sys.stderr)
        return 2
    parser = Quotes()
    parser.feed(open(sys.argv[1], encoding="utf-8").read())
    texts = pages(sys.argv[2])
    failed = 0
    for quote in parser.quotes:
        q = norm(quote)
        on = [n + 1 for n, page in enumerate(texts) if q in page]
        if not on:
            failed += 1
            print(f"not on one page: “{' '.join(quote.split())[:60]}”")
    print(f"{len(parser.quotes) - failed}/{len(parser.quotes)} quote(s) each on one page "
          f"of {len(texts)}")
    return 1 if failed or not parser.quotes else 0


if __name__ == "__main__":
    sys.exit(main())
