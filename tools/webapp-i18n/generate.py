#!/usr/bin/env python3
"""Generates the Simplified Chinese locale files of the Camunda webapps (Welcome, Tasklist, Cockpit, Admin).

    python3 tools/webapp-i18n/generate.py            # writes src/main/resources/.../app/<app>/locales/zh.json

Input:
  * each app's locales/en.json from the camunda-webapp-webjar jar in ~/.m2 (the version of pom.xml's
    camunda.version; run `mvn -o dependency:resolve` first);
  * texts.zh.json: our own translations, keyed by the English text (one English text = one Chinese text in
    every app, so the four apps use the same words); keys.zh.json: translations for a single key
    ("app:KEY") where a text needs a different word in that place;
  * date-locales.zh.json: moment.js date locale (month names, 年月日 formats, relative times).

Output: zh.json with exactly the keys of en.json. A key without a translation keeps its English text: the
apps' fallbackLocale is zh, so a key missing from zh.json would show as the raw key, never as English.
Every translation must keep the English text's {{placeholders}}, HTML tags and %s/%d markers; the script
refuses to write otherwise. Prints the coverage (translated keys / total) of each app.
"""
import collections
import glob
import json
import os
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
APPS = ["welcome", "tasklist", "admin", "cockpit"]
WEBJAR_PATH = "META-INF/resources/webjars/camunda/app/{app}/locales/en.json"
OUT = os.path.join(ROOT, "src/main/resources/META-INF/resources/webjars/camunda/app/{app}/locales/zh.json")

PLACEHOLDER = re.compile(r"\{\{.*?\}\}")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9-]*)")
PRINTF = re.compile(r"%[sd]")


def camunda_version():
    pom = open(os.path.join(ROOT, "pom.xml"), encoding="utf-8").read()
    return re.search(r"<camunda.version>([^<]+)</camunda.version>", pom).group(1)


def webjar():
    version = camunda_version()
    repo = os.path.expanduser("~/.m2/repository/org/camunda/bpm/webapp/camunda-webapp-webjar")
    jars = glob.glob(os.path.join(repo, version, f"camunda-webapp-webjar-{version}.jar"))
    if not jars:
        sys.exit(f"camunda-webapp-webjar {version} not in ~/.m2: run mvn dependency:resolve first")
    return zipfile.ZipFile(jars[0])


def markup(text):
    """What a translation must keep: placeholders, HTML tag names and printf markers (as multisets)."""
    return (collections.Counter(m.replace(" ", "") for m in PLACEHOLDER.findall(text)),
            collections.Counter(TAG.findall(text)),
            collections.Counter(PRINTF.findall(text)))


def load(name):
    path = os.path.join(HERE, name)
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main():
    texts = load("texts.zh.json")
    keys = load("keys.zh.json")
    date_locales = load("date-locales.zh.json")
    jar = webjar()
    problems = []
    used_texts = set()
    outputs = {}
    for app in APPS:
        en = json.loads(jar.read(WEBJAR_PATH.format(app=app)).decode("utf-8-sig"))
        labels = {}
        translated = 0
        for key, english in en["labels"].items():
            chinese = keys.get(f"{app}:{key}", texts.get(english))
            if chinese is None:
                labels[key] = english
                continue
            used_texts.add(english)
            if markup(chinese) != markup(english):
                problems.append(f"{app}:{key}: markup differs\n  en: {english}\n  zh: {chinese}")
            labels[key] = chinese
            translated += 1
        zh = {}
        if "dateLocales" in en:
            zh["dateLocales"] = date_locales
        zh["labels"] = labels
        outputs[OUT.format(app=app)] = zh
        print(f"{app}: {translated}/{len(labels)} keys translated ({100 * translated // len(labels)}%)")
    unused = sorted(set(texts) - used_texts)
    if unused:
        print(f"note: {len(unused)} text(s) of texts.zh.json match no key of this webjar version", file=sys.stderr)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit("nothing written: fix the translations above")
    for out, zh in outputs.items():
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, "w", encoding="utf-8") as f:
            json.dump(zh, f, ensure_ascii=False, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
