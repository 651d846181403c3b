// Kuzu's side of the Cypher benchmark (cypher_vs_kuzu.sh): loads a
// `kg export --format csv` folder into Kuzu the way the conformance suite
// does (tools/conformance/kuzu_side.js), then runs each query of the
// queries file once to warm up and `runs` times timed, in this one process.
//   node kuzu_bench.js CSV_DIR WORK_DIR QUERIES_FILE [RUNS]
// Prints `name<TAB>median ms<TAB>rows<TAB>first cell<TAB>median CPU ms`
// per query, as cypher_bench does for kg (CPU of the process: Kuzu's
// worker threads included).
"use strict";
const fs = require("fs");
const path = require("path");
const { loadGraph, runKuzu } = require(path.join(__dirname, "../conformance/kuzu_side.js"));

async function main() {
  const [csvDir, workDir, queriesFile, runsText] = process.argv.slice(2);
  const runs = Math.max(1, Number(runsText || 5));
  const kuzu = require("kuzu");
  const started = Date.now();
  const { conn } = await loadGraph(kuzu, csvDir, workDir);
  // openCypher's relationship uniqueness inside a variable-length pattern, as kg.
  await conn.query("CALL recursive_pattern_semantic='TRAIL'");
  console.error(`kuzu_bench: loaded ${csvDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const line of fs.readFileSync(queriesFile, "utf8").split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const [name, kgText, kuzuText] = line.split("\t");
    const text = kuzuText || kgText;
    let rows;
    try {
      rows = await runKuzu(conn, text);
    } catch (e) {
      console.log(`${name}\tERROR\t${e.message.split("\n")[0]}`);
      continue;
    }
    const ms = [], cpu = [];
    for (let r = 0; r < runs; ++r) {
      const t0 = process.hrtime.bigint();
      const c0 = process.cpuUsage();
      await runKuzu(conn, text);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1e3);
      ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const median = (v) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)];
    const first = rows.length && Object.keys(rows[0]).length ? rows[0][Object.keys(rows[0])[0]] : "";
    console.log(`${name}\t${median(ms).toFixed(3)}\t${rows.length}\t${first}\t${median(cpu).toFixed(3)}`);
  }
}

main().catch((e) => {
  console.error(`kuzu_bench: ${e.message}`);
  process.exit(2);
});
