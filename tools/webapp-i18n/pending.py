#!/usr/bin/env python3
"""Translator's helper. `pending.py <app> [count]` lists the first English texts of the app's en.json that
texts.zh.json does not translate yet, as `N|"english"` lines; `pending.py <app> --merge < answers` reads
`N|中文` lines for that same list (`N|=` keeps the English text on purpose, e.g. "<=") into texts.zh.json."""
import json
import os
import sys

import generate


def pending(app):
    texts = generate.load("texts.zh.json")
    en = json.loads(generate.webjar().read(generate.WEBJAR_PATH.format(app=app)).decode("utf-8-sig"))
    return texts, list(dict.fromkeys(v for v in en["labels"].values() if v not in texts))


def main():
    app = sys.argv[1]
    texts, todo = pending(app)
    if len(sys.argv) > 2 and sys.argv[2] == "--merge":
        for line in sys.stdin:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            index, chinese = line.split("|", 1)
            english = todo[int(index)]
            texts[english] = english if chinese == "=" else chinese.replace("\\n", "\n")
        with open(os.path.join(generate.HERE, "texts.zh.json"), "w", encoding="utf-8") as f:
            json.dump(texts, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(f"{len(texts)} texts translated; {len(pending(app)[1])} pending in {app}", file=sys.stderr)
        return
    count = int(sys.argv[2]) if len(sys.argv) > 2 else len(todo)
    for i, english in enumerate(todo[:count]):
        print(f"{i}|{json.dumps(english, ensure_ascii=False)}")
    print(f"{len(todo)} pending", file=sys.stderr)


if __name__ == "__main__":
    main()
