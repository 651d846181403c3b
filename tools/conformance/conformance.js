#!/usr/bin/env node
// Runs the suite of suite.js over kg (`kg query --format jsonl`, one process
// per statement) and over Kuzu loaded from `kg export --format csv` of the
// same store, and compares the answers as multisets of rows (in order where
// the entry says the ORDER BY is total).
//
//   node conformance.js --kg KG --db STORE --work DIR [--ci] [--name LABEL]
//                       [--min-agree N]
//
// Exit status: 0 when every answer agrees, 1 when some differ (or fewer than
// N agree: a subset that shrank, or whose entries all turned into documented
// differences, checks nothing), 2 when a side could not be set up.
"use strict";
const { execFileSync, spawnSync } = require("child_process");
const path = require("path");
const { loadGraph, runKuzu } = require("./kuzu_side");
const { suite } = require("./suite");

function args() {
  const out = { ci: false, name: "", verbose: false, "min-agree": "0" };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    if (a === "--ci") out.ci = true;
    else if (a === "--verbose") out.verbose = true;
    else if (["--kg", "--db", "--work", "--name", "--only", "--min-agree"].includes(a)) out[a.slice(2)] = argv[++i];
    else { console.error(`conformance: unknown argument '${a}'`); process.exit(2); }
  }
  for (const need of ["kg", "db", "work"]) {
    if (!out[need]) { console.error(`conformance: --${need} is required`); process.exit(2); }
  }
  return out;
}

function literal(s) { return "'" + s.replace(/\\/g, "\\\\").replace(/'/g, "\\'") + "'"; }

// Entities and relations the queries talk about, chosen by Kuzu (so the
// choice does not depend on the engine under test). Names must be unique.
async function pickNames(conn) {
  const one = async (q) => { const rows = await runKuzu(conn, q); return rows.length ? Object.values(rows[0])[0] : null; };
  const unique = "MATCH (m) WITH m.name AS nm, count(*) AS k WHERE k = 1 MATCH (n) WHERE n.name = nm AND size(n.name) > 2 ";
  const hub = await one(unique + "MATCH (n)-[r]-() RETURN n.name AS name, count(r) AS d ORDER BY d DESC, name LIMIT 1");
  const lows = await runKuzu(conn, unique + "MATCH (n)-[r]-() WITH n, count(r) AS d WHERE d >= 2 AND d <= 4 RETURN n.name AS name ORDER BY name LIMIT 2");
  const rels = await runKuzu(conn, "MATCH ()-[r]->() RETURN r.relation AS rel, count(*) AS c ORDER BY c DESC, rel LIMIT 2");
  const label = await one(`MATCH (n) WHERE n.name = ${literal(hub)} RETURN n.type`);
  const low = lows[0].name, other = (lows[1] || lows[0]).name;
  const rel1 = rels[0].rel, rel2 = (rels[1] || rels[0]).rel;
  return {
    hub: literal(hub), low: literal(low), other: literal(other), label,
    rel1: literal(rel1), rel2: literal(rel2), rel1t: "`" + rel1 + "`",
    prefix: literal(hub.slice(0, 3)), suffix: literal(low.slice(-3)), infix: literal(hub.slice(1, 4)),
    regex: literal(hub.slice(0, 2).replace(/[^A-Za-z0-9 ]/g, ".") + ".*"),
    hubRaw: hub, lowRaw: low,
  };
}

function fill(text, names) { return text.replace(/\{(\w+)\}/g, (m, k) => (k in names ? names[k] : m)); }

function fillParams(params, names) {
  const out = {};
  for (const [k, v] of Object.entries(params || {})) out[k] = typeof v === "string" ? fill(v, names) : v;
  return out;
}

// A parameter as `kg query --param` reads it: quoted text, numbers, lists.
function paramText(v) {
  if (Array.isArray(v)) return "[" + v.map(paramText).join(", ") + "]";
  if (typeof v === "string") return literal(v);
  return String(v);
}

function runKg(kg, db, text, params) {
  const argv = ["--db", db, "query", "--format", "jsonl", text];
  for (const [k, v] of Object.entries(params)) argv.push("--param", `${k}=${paramText(v)}`);
  // KG_QUERY_LIMITS raises kg's row and binding bounds for a store as big as
  // the gen-kg 1M graph, where the suite's whole-graph queries outgrow them.
  for (const a of (process.env.KG_QUERY_LIMITS || "").split(" ").filter((x) => x)) argv.push(a);
  const r = spawnSync(kg, argv, { encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error((r.stderr || "").trim() || `exit ${r.status}`);
  return r.stdout.split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l));
}

// Cells compare after rounding reals (kg's csv export keeps 3 decimals of a
// confidence, and the two engines sum in different orders).
function normal(v, listOrder) {
  if (typeof v === "number") return Number.isInteger(v) ? v : Number(v.toPrecision(6));
  if (Array.isArray(v)) {
    const items = v.map((x) => normal(x, listOrder));
    return listOrder ? items : items.map((x) => JSON.stringify(x)).sort().map((x) => JSON.parse(x));
  }
  if (v && typeof v === "object") {
    const out = {};
    for (const k of Object.keys(v).sort()) out[k] = normal(v[k], listOrder);
    return out;
  }
  return v;
}

function canonicalRows(rows, entry) {
  const lines = rows.map((row) => JSON.stringify(normal(row, !!entry.listOrder)));
  return entry.ordered ? lines : lines.sort();
}

async function main() {
  const opt = args();
  const csvDir = path.join(opt.work, "csv");
  try {
    execFileSync(opt.kg, ["--db", opt.db, "export", "--format", "csv", "-o", csvDir], { stdio: ["ignore", "ignore", "pipe"] });
  } catch (e) {
    console.error(`conformance: kg export failed: ${e.stderr || e.message}`);
    process.exit(2);
  }
  let kuzu;
  try { kuzu = require("kuzu"); } catch (e) {
    console.error("conformance: the npm package kuzu is not installed (make conformance installs it)");
    process.exit(2);
  }
  const started = Date.now();
  const { conn } = await loadGraph(kuzu, csvDir, path.join(opt.work, "kuzu"));
  // openCypher's relationship uniqueness inside a variable-length pattern.
  await conn.query("CALL recursive_pattern_semantic='TRAIL'");
  const names = await pickNames(conn);
  const loadMs = Date.now() - started;
  const entries = suite.filter((e) => !opt.ci || e.ci).filter((e) => !opt.only || e.q.includes(opt.only));
  let same = 0;
  const differ = [], explained = [];
  for (const entry of entries) {
    const kgText = fill(entry.q, names);
    const kuzuText = fill(entry.kuzu || entry.q, names);
    const params = fillParams(entry.params, names);
    const kuzuParams = entry.kuzuParams ? entry.kuzuParams : params;
    let kgRows, kuzuRows;
    try { kgRows = canonicalRows(runKg(opt.kg, opt.db, kgText, params), entry); } catch (e) { kgRows = [`ERROR ${e.message}`]; }
    try { kuzuRows = canonicalRows(await runKuzu(conn, kuzuText, kuzuParams), entry); } catch (e) { kuzuRows = [`ERROR ${e.message}`]; }
    if (JSON.stringify(kgRows) === JSON.stringify(kuzuRows)) { ++same; continue; }
    if (entry.byDesign || entry.gap) { explained.push(`${entry.byDesign ? "by design" : "kg gap"} (${entry.byDesign || entry.gap}): ${kgText}`); continue; }
    differ.push({ kgText, kuzuText, kgRows, kuzuRows });
  }
  const label = opt.name || opt.db;
  for (const d of differ) {
    console.log(`DIFFERS on ${label}: ${d.kgText}`);
    if (d.kuzuText !== d.kgText) console.log(`  kuzu: ${d.kuzuText}`);
    const show = (rows) => (rows.length > 8 ? rows.slice(0, 8).concat([`... ${rows.length} rows`]) : rows).join("\n      ");
    console.log(`  kg    ${show(d.kgRows)}\n  Kuzu  ${show(d.kuzuRows)}`);
  }
  if (opt.verbose) for (const e of explained) console.log(`known difference on ${label}, ${e}`);
  console.log(`conformance ${label}: ${same}/${entries.length} queries agree with Kuzu, ${explained.length} differ as documented, ` +
              `${differ.length} differ ` +
              `(load ${loadMs} ms, ${Date.now() - started - loadMs} ms for the queries)`);
  const minAgree = Number(opt["min-agree"]);
  if (same < minAgree) console.log(`conformance ${label}: only ${same} queries agree with Kuzu, fewer than the ${minAgree} required`);
  process.exit(differ.length || same < minAgree ? 1 : 0);
}

main().catch((e) => { console.error(`conformance: ${e.stack || e.message}`); process.exit(2); });
