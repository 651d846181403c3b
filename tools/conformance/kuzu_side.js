// The Kuzu side of the conformance check: loads a `kg export --format csv`
// folder into an embedded Kuzu database and turns Kuzu's result values into
// the cells `kg query --format jsonl` prints, so that rows compare as text.
"use strict";
const fs = require("fs");
const path = require("path");

// Splits one line of kg's csv (RFC 4180: quoted cells double their quotes).
function splitCsvLine(line) {
  const cells = [];
  let cell = "", quoted = false;
  for (let i = 0; i < line.length; ++i) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; ++i; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { cells.push(cell); cell = ""; }
    else cell += ch;
  }
  cells.push(cell);
  return cells;
}

// Records of a csv file (a quoted cell may hold a newline).
function readCsv(file) {
  const text = fs.readFileSync(file, "utf8");
  const records = [];
  let pending = "";
  for (const line of text.split("\n")) {
    pending = pending ? pending + "\n" + line : line;
    const quotes = (pending.match(/"/g) || []).length;
    if (quotes % 2 === 1) continue;
    if (pending !== "") records.push(splitCsvLine(pending));
    pending = "";
  }
  return records.slice(1);
}

// Kuzu's COPY reads its own csv dialect; the loader writes plain files it
// accepts (one node table per entity type, so labels work as in kg).
function quoteCell(s) { return '"' + String(s).replace(/"/g, '""') + '"'; }

const LABELS = ["PERSON", "ORG", "LOC", "MISC", "CONCEPT"];

async function loadGraph(kuzu, csvDir, workDir) {
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  const db = new kuzu.Database(path.join(workDir, "db"));
  const conn = new kuzu.Connection(db);
  const typeOf = new Map();
  const nodeLines = new Map(LABELS.map((l) => [l, []]));
  for (const [id, name, , type, aliases, mentions] of readCsv(path.join(csvDir, "nodes.csv"))) {
    typeOf.set(id, type);
    const list = aliases === "" ? "[]" : "[" + aliases.split(";").map((a) => a.replace(/[,\[\]]/g, " ")).join(",") + "]";
    nodeLines.get(type).push([id, quoteCell(name), type, quoteCell(list), mentions].join(","));
  }
  const edgeLines = new Map();
  for (const [from, to, , relation, count, confidence] of readCsv(path.join(csvDir, "edges.csv"))) {
    const key = typeOf.get(from) + "|" + typeOf.get(to);
    if (!edgeLines.has(key)) edgeLines.set(key, []);
    edgeLines.get(key).push([from, to, quoteCell(relation), count, confidence].join(","));
  }
  for (const label of LABELS) {
    await conn.query(`CREATE NODE TABLE ${label}(id INT64, name STRING, type STRING, aliases STRING[], mentions INT64, PRIMARY KEY(id))`);
  }
  const pairs = [];
  for (const a of LABELS) for (const b of LABELS) pairs.push(`FROM ${a} TO ${b}`);
  await conn.query(`CREATE REL TABLE R(${pairs.join(", ")}, relation STRING, count INT64, confidence DOUBLE)`);
  const copy = async (table, lines, extra) => {
    if (lines.length === 0) return;
    const file = path.join(workDir, `${table}-${extra.replace(/\W/g, "")}.csv`);
    fs.writeFileSync(file, lines.join("\n") + "\n");
    await conn.query(`COPY ${table} FROM '${file}' (header=false, escape='"', quote='"'${extra})`);
  };
  for (const label of LABELS) await copy(label, nodeLines.get(label), "");
  for (const [key, lines] of edgeLines) {
    const [a, b] = key.split("|");
    await copy("R", lines, `, from='${a}', to='${b}'`);
  }
  await conn.query(`CALL project_graph('G', [${LABELS.map((l) => `'${l}'`).join(", ")}], ['R'])`);
  return { db, conn };
}

// kg prints a node as (:TYPE {name: "..."}) and a relationship as [:phrase].
function nodeText(n) { return `(:${n._label} {name: ${JSON.stringify(n.name)}})`; }
function relText(r) { return `[:${r.relation}]`; }
function sameId(a, b) { return a.table === b.table && a.offset === b.offset; }

function pathText(p) {
  let text = nodeText(p._nodes[0]);
  let at = p._nodes[0];
  for (let i = 0; i < p._rels.length; ++i) {
    const r = p._rels[i];
    const next = p._nodes[i + 1];
    text += sameId(r._src, at._id) ? `-${relText(r)}->` : `<-${relText(r)}-`;
    text += nodeText(next);
    at = next;
  }
  return text;
}

// A Kuzu value as the JSON value kg would print.
function toKgValue(v) {
  if (v === null || v === undefined) return null;
  if (typeof v === "bigint") return Number(v);
  if (Array.isArray(v)) return v.map(toKgValue);
  if (typeof v === "object") {
    if (v._nodes && v._rels) return pathText(v);
    if (v._src && v._dst) return relText(v);
    if (v._label !== undefined && v._id) return nodeText(v);
    const out = {};
    for (const k of Object.keys(v)) out[k] = toKgValue(v[k]);
    return out;
  }
  return v;
}

async function runKuzu(conn, text, params) {
  let result;
  if (params && Object.keys(params).length) {
    const prepared = await conn.prepare(text);
    result = await conn.execute(prepared, params);
  } else {
    result = await conn.query(text);
  }
  const rows = await result.getAll();
  return rows.map((row) => {
    const out = {};
    for (const k of Object.keys(row)) out[k] = toKgValue(row[k]);
    return out;
  });
}

module.exports = { loadGraph, runKuzu, readCsv };
