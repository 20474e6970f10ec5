#!/usr/bin/env python3
"""What makes the page's wasm large, by crate (a benchmark: it prints, it asserts nothing).

    cargo install twiggy --version 0.8.0 --locked   # once
    cargo build --release --target wasm32-unknown-unknown -p proclab-web --bin proclab-web
    python3 bench/wasm_size.py [target/wasm32-unknown-unknown/release/proclab-web.wasm]

Reads `twiggy top --format csv` of the wasm as cargo leaves it (before wasm-bindgen and
wasm-opt, so the function names are still there), and sums the functions' own sizes by the crate
their name points at. Serde's generated code is counted apart from the crate of the type it
reads or writes, since it is the format machinery that costs. The function names and
wasm-bindgen's description section are dropped in the shipped file, so they are listed but left
out of the code total. The shipped file is smaller (wasm-opt -Oz); the shares are what matter.
"""

import csv
import io
import re
import subprocess
import sys
from collections import Counter

WASM = sys.argv[1] if len(sys.argv) > 1 else "target/wasm32-unknown-unknown/release/proclab-web.wasm"

CRATES = re.compile(
    r"(proclab_\w+|yew_router|yew|serde_json|postcard|plotters_canvas|plotters_backend|plotters"
    r"|web_sys|js_sys|wasm_bindgen\w*|gloo\w*|hashbrown|base64|dlmalloc|indexmap|route_recognizer"
    r"|compiler_builtins|alloc|core|std)"
)


def crate_of(name: str) -> str:
    if "__wbindgen_describe" in name:
        return "[dropped when shipped] wasm-bindgen's type descriptions"
    if "subsection" in name or "custom section" in name:
        return "[dropped when shipped] " + name
    if "data segment" in name:
        return "data (text, tables): " + name
    if "Deserialize" in name or "Serialize" in name or "serde" in name:
        return "serde (derived code and formats)"
    found = CRATES.search(name)
    return found.group(1) if found else "(unnamed: closures, glue)"


def main() -> None:
    listing = subprocess.run(
        ["twiggy", "top", "-n", "1000000", "--format", "csv", WASM],
        check=True, capture_output=True, text=True,
    ).stdout
    sizes = Counter()
    for row in csv.DictReader(io.StringIO(listing)):
        sizes[crate_of(row["Name"])] += int(row["ShallowSize"])
    code = sum(size for name, size in sizes.items() if not name.startswith("[dropped"))
    print(f"{WASM}: code and data {code:,} B (function names and bindgen descriptions apart)")
    for name, size in sizes.most_common():
        share = "" if name.startswith("[dropped") else f"{100 * size / code:5.1f}%"
        print(f"  {size:>10,} B {share:>6}  {name}")


if __name__ == "__main__":
    main()
