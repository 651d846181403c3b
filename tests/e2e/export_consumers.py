#!/usr/bin/env python3
"""Every export format, read back by the program people load it into.

usage: export_consumers.py KG_BINARY

Writes an article (as a `kg extract --format jsonl` record, so the entity
names are exactly the ones chosen here) whose names are every DOT keyword and every
character a format must escape, ingests it into a fresh store, exports each
format and hands each file to its real consumer: graphviz's dot for DOT,
Python's XML parser and networkx for GraphML, rapper (raptor2) for N-Triples,
Python's csv module for the Neo4j CSV, Python's json module for JSON.
Exit 0 when every check passes, 1 on the first failure, 77 (ctest: skipped)
when a consumer is not installed (tools/bootstrap.sh installs them all).
"""
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SKIP = 77

# DOT keywords (case-insensitive in DOT) and every character that can break
# a format: quotes, backslash, XML specials, a CDATA end, non-ASCII, control
# characters, newlines, spreadsheet formula starts.
NAMES = [
    ("edge", "MISC"), ("Node", "ORG"), ("graph", "LOC"), ("DIGRAPH", "PERSON"),
    ("subgraph", "ORG"), ("Strict", "PERSON"),
    ('Say "Hi" \\ Co', "ORG"), ("A<B & C>D", "ORG"), ("Close ]]> Ltd", "ORG"),
    ("Zoë Ångström 東京", "PERSON"), ("Bell\u0007Corp", "ORG"), ("Line\nBreak", "PERSON"),
    ("Carriage\rReturn", "PERSON"), ("=SUM(A1)", "MISC"), ("-minus", "MISC"), ("@at", "MISC"),
    ("+plus", "MISC"), ("back\\nslash", "PERSON"), ("it's", "LOC"),
]
RELATIONS = ["speak with", "speak_with", "9.4bn by", "meet <&> \"greet\"", "-dash"]


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, **kw)


def write_article(path):
    """One document record (kg_record 1); each name is the subject of one fact with a special relation."""
    entities = [{"name": name, "type": kind, "mentions": 2, "aliases": [[name, 2]]} for name, kind in NAMES]
    sentences, facts = [], []
    for i, (name, _) in enumerate(NAMES):
        other = NAMES[(i + 1) % len(NAMES)][0]
        relation = RELATIONS[i % len(RELATIONS)]
        sentences.append(f"{name} {relation} {other}.")
        facts.append({"subject": i, "relation": relation, "object": (i + 1) % len(NAMES), "sentence": i,
                      "span": [0, len(sentences[-1].encode("utf-8"))], "confidence": 0.9,
                      "negated": False, "modal": False, "attribution": ""})
    record = {"kg_record": 1, "extractor": "parser", "id": "special<&>.txt", "title": "", "date": "", "url": "",
              "source": "special.jsonl", "content_hash": "special-names-article", "sentences": sentences,
              "entities": entities, "facts": facts}
    with open(path, "w", encoding="utf-8") as out:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def xml_form(text):
    """What a name becomes in XML: forbidden controls -> U+FFFD, CR -> LF."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join("\ufffd" if ord(c) < 0x20 and c not in "\t\n" else c for c in text)


def check_json(path):
    doc = json.load(open(path, encoding="utf-8"))
    names = {n["name"] for n in doc["nodes"]}
    for name, _ in NAMES:
        check(name in names, f"json: {name!r} missing or altered")
    for e in doc["edges"]:
        check(round(e["confidence"], 3) == e["confidence"], f"json: confidence {e['confidence']} has more than 3 decimals")
        check(len(e["evidence"]) == e["count"] and "evidence_total" not in e, f"json: evidence capped on {e}")
    relations = {e["relation"] for e in doc["edges"]}
    check(set(RELATIONS) <= relations, f"json: relations {sorted(relations)}")
    return doc


def check_graphml(path, expected_nodes, expected_edges):
    import networkx
    tree = ET.parse(path)  # raises on any ill-formed XML
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    check(len(tree.getroot().findall(".//g:node", ns)) == expected_nodes, "graphml: node count")
    g = networkx.read_graphml(path)
    check(g.number_of_nodes() == expected_nodes, f"graphml: networkx read {g.number_of_nodes()} nodes")
    check(g.number_of_edges() == expected_edges, f"graphml: networkx read {g.number_of_edges()} edges")
    names = {data["name"] for _, data in g.nodes(data=True)}
    for name, _ in NAMES:
        check(xml_form(name) in names, f"graphml: {name!r} missing (have {sorted(names)})")
    for _, _, data in g.edges(data=True):
        check(data["first_sentence"].endswith("."), f"graphml: first_sentence {data!r}")
    relations = {data["relation"] for _, _, data in g.edges(data=True)}
    check({xml_form(r) for r in RELATIONS} <= relations, f"graphml: relations {sorted(relations)}")


def check_ntriples(path, base):
    r = run(["rapper", "-q", "-i", "ntriples", "-o", "ntriples", path])
    check(r.returncode == 0, f"rapper rejected {path}: {r.stderr.decode(errors='replace')}")
    lines = [l for l in open(path, encoding="utf-8").read().split("\n") if l]
    parsed = [l for l in r.stdout.decode("utf-8").split("\n") if l]
    check(len(parsed) == len(lines), f"rapper read {len(parsed)} triples of {len(lines)} lines")
    predicates = {l.split(" ")[1] for l in lines}
    check(f"<{base}relation/speak%20with>" in predicates, "nt: 'speak with' predicate")
    check(f"<{base}relation/speak_with>" in predicates, "nt: 'speak_with' is a predicate of its own")
    for l in lines:
        check(l.startswith(f"<{base}"), f"nt: subject outside the base: {l}")
    labels = [l for l in parsed if "rdf-schema#label" in l]
    check(len(labels) >= len(NAMES) + len(RELATIONS), "nt: labels")


def check_csv(folder, doc):
    with open(os.path.join(folder, "nodes.csv"), newline="", encoding="utf-8") as f:
        nodes = list(csv.reader(f))
    with open(os.path.join(folder, "edges.csv"), newline="", encoding="utf-8") as f:
        edges = list(csv.reader(f))
    check(nodes[0] == ["id:ID", "name", ":LABEL", "type", "aliases:string[]", "mentions:long"], f"csv header {nodes[0]}")
    check(edges[0] == [":START_ID", ":END_ID", ":TYPE", "relation", "count:long", "confidence:double"],
          f"csv header {edges[0]}")
    check(all(len(row) == 6 for row in nodes + edges), "csv: every row has 6 fields")
    names = {row[1] for row in nodes[1:]}
    for name, _ in NAMES:
        cell = "'" + name if name[0] in "=+-@\t\r" else name
        check(cell in names, f"csv: {name!r} should read back as {cell!r}")
    ids = {row[0] for row in nodes[1:]}
    types = set()
    for row in edges[1:]:
        check(row[0] in ids and row[1] in ids, f"csv: edge {row} names a missing node")
        check(re.fullmatch(r"[A-Z_][A-Z0-9_]*", row[2]) is not None, f"csv: :TYPE {row[2]!r} is not a Neo4j type")
        types.add(row[2])
    check({"SPEAK_WITH", "R_9_4BN_BY"} <= types, f"csv: types {sorted(types)}")
    check(len(nodes) - 1 == len(doc["nodes"]) and len(edges) - 1 == len(doc["edges"]), "csv: row counts")


def svg_texts(path):
    root = ET.parse(path).getroot()
    return [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]


def check_dot(kg, db, tmp):
    # The focus names go into the legend's HTML-like title: escaped there too.
    for extra in ([], ["--all"], ["--layout", "sfdp"], ["--focus", "A<B & C>D", "--focus", 'Say "Hi" \\ Co']):
        dot_file = os.path.join(tmp, "g.dot")
        r = run([kg, "--db", db, "export", "--format", "dot", "-o", dot_file] + extra)
        check(r.returncode == 0, f"kg export dot {extra}: {r.stderr}")
        svg = os.path.join(tmp, "g.svg")
        r = run(["dot", "-Tsvg", dot_file, "-o", svg])
        check(r.returncode == 0, f"dot rejected the DOT {extra}: {r.stderr.decode(errors='replace')}")
        texts = "\n".join(svg_texts(svg))
        if "--focus" in extra:
            check("around A<B & C>D, Say \"Hi\" \\ Co" in texts, f"dot: focus title not drawn: {texts[:300]!r}")
            continue
        # Long names are drawn on two lines: look for each word.
        for name, _ in NAMES:
            for word in name.replace("\r", " ").replace("\u0007", " ").split():
                check(word in texts, f"dot: {word!r} of {name!r} not drawn {extra}")
    r = run([kg, "--db", db, "export", "--format", "svg"])
    check(r.returncode == 0 and b"<svg" in r.stdout, f"svg on stdout: {r.stderr}")


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 1
    kg = sys.argv[1]
    for tool in ("dot", "rapper"):
        if shutil.which(tool) is None:
            print(f"SKIP: {tool} is not installed (run tools/bootstrap.sh)")
            return SKIP
    try:
        import networkx  # noqa: F401
    except ImportError:
        print("SKIP: python3-networkx is not installed (run tools/bootstrap.sh)")
        return SKIP
    with tempfile.TemporaryDirectory(prefix="kg-export-") as tmp:
        article = os.path.join(tmp, "special.jsonl")
        write_article(article)
        db = os.path.join(tmp, "kg.db")
        r = run([kg, "--db", db, "ingest", "--quiet", "--triples", article])
        check(r.returncode == 0, f"ingest: {r.stderr}")

        def export(fmt, out, *extra):
            r = run([kg, "--db", db, "export", "--format", fmt, "-o", out, *extra])
            check(r.returncode == 0, f"kg export {fmt}: {r.stderr}")
            return out

        doc = check_json(export("json", os.path.join(tmp, "g.json")))
        check_graphml(export("graphml", os.path.join(tmp, "g.graphml")), len(doc["nodes"]), len(doc["edges"]))
        check_ntriples(export("nt", os.path.join(tmp, "g.nt")), "http://example.org/kg/")
        check_ntriples(export("nt", os.path.join(tmp, "b.nt"), "--base", "urn:x-kg:"), "urn:x-kg:")
        check_csv(export("csv", os.path.join(tmp, "neo4j")), doc)
        check_dot(kg, db, tmp)
    print("every format was read back by its consumer")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Failure as failure:
        print(f"FAIL: {failure}", file=sys.stderr)
        sys.exit(1)
