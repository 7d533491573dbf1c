#!/usr/bin/env python3
"""Checks the matching seed and evaluation data in this folder.

Usage: python3 seeds/matching/validate.py [--no-jieba]
Exits non-zero on any error. The jieba check runs only when node and @node-rs/jieba are installed in the repo.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
errors, warnings = [], []


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


def load(rel):
    path = os.path.join(HERE, rel)
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except Exception as e:  # noqa: BLE001 - report any parse failure
        err("%s: does not parse: %s" % (rel, e))
        return None


def codes_from_ts(rel):
    with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
        return set(re.findall(r"code:\s*'([^']+)'", f.read()))


FIELDS = codes_from_ts("libs/contracts/src/fields.ts")
DISTRICTS = codes_from_ts("libs/contracts/src/districts.ts")
if len(FIELDS) != 17 or len(DISTRICTS) != 38:
    err("expected 17 field codes and 38 district codes, read %d and %d" % (len(FIELDS), len(DISTRICTS)))

cand_doc = load("candidates.json")
needs_doc = load("eval/needs.json")
qrels_doc = load("eval/qrels.json")
thes_doc = load("thesaurus.json")
orgs_doc = load("organisations.json")
if None in (cand_doc, needs_doc, qrels_doc, thes_doc, orgs_doc):
    print("\n".join("ERROR " + e for e in errors))
    sys.exit(1)

# ---------------------------------------------------------------- organisations
demo = {o["id"]: o for o in json.load(open(os.path.join(ROOT, "seeds/organisations.json"), encoding="utf-8"))["organisations"]}
orgs = {}
for o in orgs_doc["organisations"]:
    if o["id"] in orgs or o["id"] in demo:
        err("organisations.json: duplicate or demo id %s" % o["id"])
    orgs[o["id"]] = o
    if o["role"] not in ("enterprise", "solver", "team"):
        err("organisations.json: %s has role %s" % (o["id"], o["role"]))
    if o["districtCode"] is None:
        if o.get("region") != "sichuan" or not o.get("city"):
            err("organisations.json: %s has no district but is not a Sichuan org with a city" % o["id"])
    elif o["districtCode"] not in DISTRICTS:
        err("organisations.json: %s bad district %s" % (o["id"], o["districtCode"]))
known_orgs = {**demo, **orgs}

# ---------------------------------------------------------------- candidates
cands = cand_doc["candidates"]
by_id = {}
kinds = Counter()
names = Counter(c["name"] for c in cands)
for n, k in names.items():
    if k > 1:
        err("candidates: name used %d times: %s" % (k, n))
REQUIRED = ["id", "kind", "name", "orgId", "orgName", "districtCode", "region", "fields", "capabilities", "pastWork",
            "keywords", "maxLoad", "openLoad", "affiliations", "suspended", "ratings"]
for c in cands:
    cid = c.get("id")
    for k in REQUIRED:
        if k not in c:
            err("%s: missing %s" % (cid, k))
    if cid in by_id:
        err("candidates: duplicate id %s" % cid)
    by_id[cid] = c
    kinds[c["kind"]] += 1
    if c["kind"] not in ("team", "solver", "expert") or not re.fullmatch(r"cand-%s-\d{3}" % c["kind"], cid):
        err("%s: bad kind/id" % cid)
    if c["region"] == "chongqing":
        if c["districtCode"] not in DISTRICTS:
            err("%s: bad districtCode %s" % (cid, c["districtCode"]))
    elif c["region"] == "sichuan":
        if c["districtCode"] is not None or not c.get("city"):
            err("%s: Sichuan candidate needs districtCode null and a city" % cid)
    else:
        err("%s: bad region %s" % (cid, c["region"]))
    if not c["fields"] or any(f not in FIELDS for f in c["fields"]):
        err("%s: bad fields %s" % (cid, c["fields"]))
    if not (3 <= c["maxLoad"] <= 12 and 0 <= c["openLoad"] <= c["maxLoad"]):
        err("%s: bad load %s/%s" % (cid, c["openLoad"], c["maxLoad"]))
    if not (2 <= len(c["pastWork"]) <= 4) or not c["keywords"] or len(c["capabilities"]) < 40:
        err("%s: capabilities/pastWork/keywords too thin" % cid)
    if not 2 <= c["capabilities"].count("。") <= 5:
        err("%s: capabilities should be 2-5 sentences" % cid)
    if len(c["ratings"]) > 12:
        err("%s: more than 12 ratings" % cid)
    for r in c["ratings"]:
        if r["score"] not in (1, 2, 3, 4, 5) or not re.fullmatch(r"20\d\d-\d\d-\d\d", r["at"]):
            err("%s: bad rating %s" % (cid, r))
    if c["orgId"] not in known_orgs:
        err("%s: orgId %s not in seeds/organisations.json or organisations.json" % (cid, c["orgId"]))
    elif known_orgs[c["orgId"]]["name"] != c["orgName"]:
        err("%s: orgName %s differs from organisation %s" % (cid, c["orgName"], known_orgs[c["orgId"]]["name"]))
    for a in c["affiliations"]:
        if a not in known_orgs:
            err("%s: affiliation %s unknown" % (cid, a))

# ---------------------------------------------------------------- needs
needs = needs_doc["needs"]
need_ids = Counter(n["id"] for n in needs)
for nid, k in need_ids.items():
    if k > 1:
        err("needs: duplicate id %s" % nid)
splits = Counter(n["split"] for n in needs)
for n in needs:
    nid = n["id"]
    if n["split"] not in ("dev", "test") or n["wants"] not in ("team", "solver"):
        err("%s: bad split/wants" % nid)
    if n["districtCode"] not in DISTRICTS:
        err("%s: bad districtCode" % nid)
    if n["enterpriseOrgId"] not in known_orgs:
        err("%s: unknown enterprise %s" % (nid, n["enterpriseOrgId"]))
    t, col = n["technical"], n["colloquial"]
    for f in (t["field"], col["field"]):
        if f is not None and f not in FIELDS:
            err("%s: bad field %s" % (nid, f))
    if not t["keywords"] or len(t["text"]) < 60 or len(col["text"]) < 40:
        err("%s: texts or keywords too thin" % nid)
    low = col["text"].lower()
    for kw in t["keywords"]:
        if kw.lower() in low:
            err("%s: colloquial text contains technical keyword %r" % (nid, kw))

# ---------------------------------------------------------------- qrels
judg = qrels_doc["judgements"]
wanted = {n["id"]: n for n in needs}
for nid in wanted:
    if nid not in judg:
        err("qrels: no judgements for %s" % nid)
for nid, grades in judg.items():
    if nid not in wanted:
        err("qrels: unknown need %s" % nid)
        continue
    need = wanted[nid]
    for cid, g in grades.items():
        if cid not in by_id:
            err("qrels %s: unknown candidate %s" % (nid, cid))
        if g not in (0, 1, 2, 3):
            err("qrels %s: bad grade %s for %s" % (nid, g, cid))
    good = [cid for cid, g in grades.items() if g >= 2 and cid in by_id and by_id[cid]["kind"] == need["wants"]]
    if len(good) < 2:
        err("%s: fewer than 2 %s candidates graded >= 2" % (nid, need["wants"]))

    def eligible(cid):
        c = by_id[cid]
        return (not c["suspended"] and c["openLoad"] < c["maxLoad"]
                and need["enterpriseOrgId"] not in c["affiliations"] and c["orgId"] != need["enterpriseOrgId"])
    if len([cid for cid in good if eligible(cid)]) < 2:
        err("%s: fewer than 2 ELIGIBLE %s candidates graded >= 2 (suspended/at capacity/affiliated removed)" % (nid, need["wants"]))
    if 0 not in grades.values():
        err("%s: lists no explicit distractor (grade 0)" % nid)
    if not any(g == 3 for g in grades.values()):
        warn("%s: no grade-3 candidate" % nid)

# ---------------------------------------------------------------- thesaurus
entries = thes_doc["entries"]
tids = Counter(e["id"] for e in entries)
for tid, k in tids.items():
    if k > 1:
        err("thesaurus: duplicate id %s" % tid)
for e in entries:
    if not e["colloquial"] or not e["technical"]:
        err("thesaurus %s: empty term list" % e["id"])
    if not (0 < e["weight"] <= 1):
        err("thesaurus %s: weight %s not in (0,1]" % (e["id"], e["weight"]))
    for f in e.get("fields", []):
        if f not in FIELDS:
            err("thesaurus %s: bad field %s" % (e["id"], f))

# ---------------------------------------------------------------- dictionary
dict_words = []
with open(os.path.join(HERE, "dictionary.txt"), encoding="utf-8") as f:
    for i, line in enumerate(f, 1):
        parts = line.rstrip("\n").split(" ")
        if len(parts) != 3 or not parts[1].isdigit() or not parts[0] or not parts[2]:
            err("dictionary.txt:%d: not 'word freq tag': %r" % (i, line))
            continue
        if int(parts[1]) < 5000:
            err("dictionary.txt:%d: frequency below 5000" % i)
        dict_words.append(parts[0])
dup = [w for w, k in Counter(dict_words).items() if k > 1]
if dup:
    err("dictionary.txt: duplicate words %s" % dup[:10])
for must in ("揭榜挂帅", "新材料", "碳中和", "工业互联网", "科技特派员", "赛马制", "新质生产力", "川渝协同"):
    if must not in dict_words:
        err("dictionary.txt: missing %s" % must)


# The dictionary is built from hand-picked domain terms, the thesaurus, the dev needs and the candidates; a word
# found in test needs and in none of those could only have come from reading the test split.
def need_text(n):
    t = n["technical"]
    return " ".join([t["title"], t["text"], " ".join(t["keywords"]), n["colloquial"]["text"]])


allowed_text = " ".join([need_text(n) for n in needs if n["split"] == "dev"] +
                        [" ".join([c["name"], c["capabilities"], " ".join(c["pastWork"]), " ".join(c["keywords"])]) for c in cands] +
                        [" ".join(e["technical"] + e["colloquial"]) for e in entries])
test_text = " ".join(need_text(n) for n in needs if n["split"] == "test")
test_only = [w for w in dict_words if w in test_text and w not in allowed_text]
if test_only:
    err("dictionary.txt: %d words occur only in test needs (not in candidates, dev needs or the thesaurus): %s" % (
        len(test_only), ", ".join(test_only[:20])))

# ---------------------------------------------------------------- counts
MIN = [("candidates", len(cands), 170), ("teams", kinds["team"], 60), ("solvers", kinds["solver"], 60),
       ("experts", kinds["expert"], 30), ("needs", len(needs), 48), ("test needs", splits["test"], 32),
       ("thesaurus entries", len(entries), 150), ("dictionary terms", len(dict_words), 300),
       ("candidates graded in qrels", len({c for g in judg.values() for c in g}), 1)]
for label, have, need in MIN:
    if have < need:
        err("count: %s = %d, need >= %d" % (label, have, need))
dev_share = splits["dev"] / max(1, len(needs))
if not 0.25 <= dev_share <= 0.4:
    warn("dev share %.2f is not about 1/3" % dev_share)
districts_used = {c["districtCode"] for c in cands if c["districtCode"]} | {n["districtCode"] for n in needs}
fields_used = {f for c in cands for f in c["fields"]}
if fields_used != FIELDS:
    err("fields without any candidate: %s" % sorted(FIELDS - fields_used))


# ---------------------------------------------------------------- jieba (optional)
def jieba_check():
    node = shutil.which("node")
    if not node or not os.path.isdir(os.path.join(ROOT, "node_modules", "@node-rs", "jieba")):
        warn("jieba check skipped: node or @node-rs/jieba not installed")
        return
    texts = [n["technical"]["text"] for n in needs] + [c["capabilities"] for c in cands]
    script = r"""
const { Jieba } = require('@node-rs/jieba');
const { dict } = require('@node-rs/jieba/dict');
const fs = require('fs');
const [dictPath, textsPath] = process.argv.slice(1);
const jieba = Jieba.withDict(dict);
jieba.loadDict(fs.readFileSync(dictPath));
const words = fs.readFileSync(dictPath, 'utf8').split('\n').filter(Boolean).map(l => l.split(' ')[0]);
const texts = JSON.parse(fs.readFileSync(textsPath, 'utf8'));
const alone = words.filter(w => { const t = jieba.cut(w, false); return t.length !== 1 || t[0] !== w; });
// a dictionary word is "split" when one of its occurrences crosses a token boundary (inside a longer token is fine)
const split = {};
for (const text of texts) {
  const toks = jieba.cut(text, false);
  const starts = [];
  let pos = 0;
  for (const t of toks) { starts.push([pos, pos + t.length]); pos += t.length; }
  for (const w of words) {
    if (w.length < 3) continue;
    let i = text.indexOf(w);
    while (i >= 0) {
      if (!starts.some(([a, b]) => a <= i && b >= i + w.length)) { split[w] = (split[w] || 0) + 1; break; }
      i = text.indexOf(w, i + 1);
    }
  }
}
const must = ['揭榜挂帅', '新材料', '碳中和', '工业互联网'].map(w => [w, jieba.cut('企业通过' + w + '推进项目', false)]);
console.log(JSON.stringify({ alone, split, must }));
"""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(texts, f, ensure_ascii=False)
        tmp = f.name
    try:
        out = subprocess.run([node, "-e", script, os.path.join(HERE, "dictionary.txt"), tmp], cwd=ROOT,
                             capture_output=True, text=True, timeout=120)
    finally:
        os.remove(tmp)
    if out.returncode != 0:
        warn("jieba check failed to run: %s" % out.stderr.strip()[:300])
        return
    res = json.loads(out.stdout)
    for w in res["alone"]:
        err("jieba splits dictionary word on its own: %s" % w)
    for w, toks in res["must"]:
        if w not in toks:
            err("jieba does not keep %s whole in a sentence: %s" % (w, toks))
    if res["split"]:
        warn("dictionary words split by a neighbouring dictionary word in %d texts (engine should also match "
             "thesaurus terms by substring): %s" % (sum(res["split"].values()),
                                                     ", ".join("%s×%d" % kv for kv in sorted(res["split"].items()))))


if "--no-jieba" not in sys.argv:
    jieba_check()

# ---------------------------------------------------------------- report
coll_terms = {w for e in entries for w in e["colloquial"]}
def covered(split):
    ns = [n for n in needs if n["split"] == split]
    return sum(1 for n in ns if any(w in n["colloquial"]["text"] for w in coll_terms)), len(ns)
print("candidates %d (team %d, solver %d, expert %d; sichuan %d; suspended %d; at capacity %d)" % (
    len(cands), kinds["team"], kinds["solver"], kinds["expert"],
    sum(1 for c in cands if c["region"] == "sichuan"), sum(1 for c in cands if c["suspended"]),
    sum(1 for c in cands if c["openLoad"] >= c["maxLoad"])))
print("needs %d (dev %d, test %d; wants team %d, solver %d); districts used %d/38; fields used %d/17" % (
    len(needs), splits["dev"], splits["test"], sum(1 for n in needs if n["wants"] == "team"),
    sum(1 for n in needs if n["wants"] == "solver"), len(districts_used), len(fields_used)))
grades = Counter(g for gs in judg.values() for g in gs.values())
print("qrels %d judgements: grade3 %d, grade2 %d, grade1 %d, grade0 %d" % (
    sum(grades.values()), grades[3], grades[2], grades[1], grades[0]))
print("thesaurus %d entries; dictionary %d terms" % (len(entries), len(dict_words)))
print("colloquial needs containing >= 1 thesaurus colloquial term: dev %d/%d, test %d/%d (informational)" % (
    covered("dev") + covered("test")))
for w in warnings:
    print("WARN  " + w)
for e in errors:
    print("ERROR " + e)
print("OK" if not errors else "FAILED: %d error(s)" % len(errors))
sys.exit(1 if errors else 0)
