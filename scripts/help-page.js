// Renders the function reference (help.html, the target of every @helpurl) and its Markdown twin
// for the README from functions.json, so the reference can never drift from the metadata.
const escape = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

function signature(ns, f) {
  const ps = (f.parameters || []).map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `${ns}.${f.name}(${ps.join(", ")})`;
}

function renderHelpPage(metadata, ns = "BIZ") {
  const items = metadata.functions
    .map((f) => {
      const params = (f.parameters || [])
        .map((p) => `<li><code>${escape(p.name)}</code>${p.optional ? " (optional)" : ""}: ${escape(p.description)}</li>`)
        .join("");
      return `<section id="${escape(f.id)}"><h2><code>${escape(signature(ns, f))}</code></h2><p>${escape(f.description)}</p><ul>${params}</ul>${
        f.result && f.result.dimensionality === "matrix" ? "<p>Returns a table that spills.</p>" : ""
      }</section>`;
    })
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self' 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Home Business Planner: function reference</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#242424}h2{font-size:1.05rem;margin-top:2rem}code{background:#f3f2f1;padding:0 .2rem}</style></head>
<body><h1>Home Business Planner: function reference</h1>
<section id="get-started"><h2>Getting started</h2><p>Open the planner from <b>Home &gt; Business Planner</b> to insert a plan template, or type <code>=${ns}.</code> in any cell: Excel lists the functions with their help. A wrong kind of input shows <code>#VALUE!</code> with a message when you select the cell; a number out of range shows <code>#NUM!</code>.</p></section>
<p>Every function lives in the <code>${ns}</code> namespace. Rates are fractions (30% is 0.3). Omitted optional arguments take their defaults.</p>
${items}</body></html>
`;
}

function renderMarkdown(metadata, ns = "BIZ") {
  const lines = ["| function | what it returns |", "| --- | --- |"];
  for (const f of metadata.functions) lines.push(`| \`${signature(ns, f)}\` | ${String(f.description).replace(/\|/g, "\\|")} |`);
  lines.push("");
  for (const f of metadata.functions) {
    lines.push(`#### ${ns}.${f.name}`, "", String(f.description), "");
    for (const p of f.parameters || []) lines.push(`- \`${p.name}\`${p.optional ? " (optional)" : ""}: ${p.description}`);
    lines.push("");
  }
  return lines.join("\n");
}

module.exports = { renderHelpPage, renderMarkdown, signature };
