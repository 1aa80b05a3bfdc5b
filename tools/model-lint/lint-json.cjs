// Lints one BPMN model read from stdin with the same configuration CI uses (processes/.bpmnlintrc)
// and prints the reports as JSON: [{"id", "rule", "category", "message"}]. The process studio
// runs it on the server before a draft may be submitted (docs/studio.md, "Checks").
// Usage: node lint-json.cjs <config file> < model.bpmn
const { readFileSync } = require('node:fs');
const { BpmnModdle } = require('bpmn-moddle');
const Linter = require('bpmnlint/lib/linter');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

async function main() {
  const config = JSON.parse(readFileSync(process.argv[2], 'utf-8'));
  const extensions = {};
  for (const [key, path] of Object.entries(config.moddleExtensions || {})) {
    extensions[key] = require(path);
  }
  const xml = readFileSync(0, 'utf-8');
  let root;
  try {
    root = (await new BpmnModdle(extensions).fromXML(xml)).rootElement;
  } catch (e) {
    process.stdout.write(JSON.stringify([{ id: '', rule: 'parse', category: 'error', message: e.message }]));
    return;
  }
  const linter = new Linter({ config: { extends: config.extends, rules: config.rules }, resolver: new NodeResolver() });
  const results = await linter.lint(root);
  const reports = [];
  for (const [rule, list] of Object.entries(results)) {
    for (const r of list) {
      reports.push({ id: r.id || '', rule, category: r.category, message: r.message });
    }
  }
  process.stdout.write(JSON.stringify(reports));
}

main().catch((e) => { console.error(e.message); process.exit(2); });
