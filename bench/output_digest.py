"""The analysis JSON of every PolNeAR dev and train text, to show a speed change alters no output.

    python bench/output_digest.py --write /tmp/before     # before the change
    python bench/output_digest.py --compare /tmp/before   # after it: exit 1 naming the texts that differ

Writes one line per text (its name, a tab, ``AnalysisResult.model_dump_json()``)
into ``dev.jsonl`` and ``train.jsonl`` of the folder, and prints a digest of
each split; the compiled build (``make native``) must give the same files as
the pure one.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from provenance import analyze, parse_article

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "polnear"
SPLITS = ("dev", "train")


def analysis_lines(folder: Path) -> list[str]:
    """Analyse every text of a split folder, in name order, one JSON line each."""
    return [
        f"{path.name}\t{analyze(parse_article(path.read_text(encoding='utf-8'))).model_dump_json()}"
        for path in sorted(folder.glob("*.txt"))
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path, help="folder to write the JSON lines into")
    parser.add_argument("--compare", type=Path, help="folder written earlier to compare with")
    options = parser.parse_args(argv)
    if not POLNEAR.is_dir():
        print(f"no PolNeAR texts at {POLNEAR}", file=sys.stderr)
        return 2
    differing: list[str] = []
    for split in SPLITS:
        lines = analysis_lines(POLNEAR / split / "text")
        digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]
        print(f"{split}: {len(lines)} texts, digest {digest}")
        if options.write is not None:
            options.write.mkdir(parents=True, exist_ok=True)
            (options.write / f"{split}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        if options.compare is not None:
            earlier = (options.compare / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
            if len(earlier) != len(lines):
                differing.append(f"{split}: {len(earlier)} texts before, {len(lines)} now")
            differing += [
                f"{split}/{now.split(chr(9), 1)[0]}"
                for now, then in zip(lines, earlier, strict=False)
                if now != then
            ]
    for name in differing:
        print(f"differs: {name}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
