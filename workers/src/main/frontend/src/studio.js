// The process studio's editors (docs/studio.md): Camunda 8 BPMN modeler with properties panel and
// the CI lint rules beside each element, the DMN editor, the form editor; check results from the
// server shown beside the element they concern; and the reviewer's visual diff.
//
// <div id="studio-editor" data-draft-url data-kind data-mode="edit|review|view" data-base-url ...></div>
import BpmnModeler from 'camunda-bpmn-js/lib/camunda-cloud/Modeler';
import BpmnViewer from 'camunda-bpmn-js/lib/camunda-cloud/NavigatedViewer';
import { CamundaCloudModeler as DmnModeler } from 'camunda-dmn-js';
import { FormEditor } from '@bpmn-io/form-js-editor';
import { Linter } from '@camunda/linting';
import lintingModule from '@camunda/linting/modeler';
import { diff } from 'bpmn-js-differ';
import 'camunda-bpmn-js/dist/assets/camunda-cloud-modeler.css';
import 'camunda-dmn-js/dist/assets/camunda-cloud-modeler.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@camunda/linting/assets/linting.css';
import './studio.css';
import { csrfHeaders } from './csrf.js';

const host = document.getElementById('studio-editor');
const text = (key) => (host && host.dataset[key]) || key;

async function request(method, url, body) {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrfHeaders() },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json() : await response.text();
  return { status: response.status, payload };
}

// ------------------------------------------------------------------ editors

async function bpmnEditor(container, xml) {
  const modeler = new BpmnModeler({
    container: container.querySelector('.studio-canvas'),
    propertiesPanel: { parent: container.querySelector('.studio-properties') },
    additionalModules: [lintingModule]
  });
  await modeler.importXML(xml);
  const linter = new Linter({ modeler: 'web', type: 'cloud' });
  const lint = async () => {
    const reports = await linter.lint(modeler.getDefinitions());
    modeler.get('linting').setErrors(reports);
    modeler.get('linting').activate();
    showFindings(reports.map((r) => ({ elementId: r.id, check: 'lint', rule: r.rule, error: r.category === 'error', message: r.message })), 'lint');
  };
  modeler.on('commandStack.changed', () => { clearTimeout(modeler.lintTimer); modeler.lintTimer = setTimeout(lint, 300); });
  await lint();
  return {
    xml: async () => (await modeler.saveXML({ format: true })).xml,
    mark: (findings) => markBpmn(modeler, findings)
  };
}

function markBpmn(modeler, findings) {
  const overlays = modeler.get('overlays');
  overlays.remove({ type: 'studio-finding' });
  findings.filter((f) => f.elementId).forEach((f) => {
    if (!modeler.get('elementRegistry').get(f.elementId)) return;
    const badge = document.createElement('div');
    badge.className = 'studio-badge ' + (f.error ? 'error' : 'warning');
    badge.dataset.elementId = f.elementId;
    badge.textContent = f.message;
    overlays.add(f.elementId, 'studio-finding', { position: { bottom: -6, left: 0 }, html: badge });
  });
}

async function dmnEditor(container, xml) {
  const modeler = new DmnModeler({
    container: container.querySelector('.studio-canvas'),
    drd: { propertiesPanel: { parent: container.querySelector('.studio-properties') } }
  });
  await modeler.importXML(xml);
  const table = modeler.getViews().find((v) => v.type === 'decisionTable');
  if (table) await modeler.open(table);
  return {
    xml: async () => (await modeler.saveXML({ format: true })).xml,
    mark: (findings) => markDmn(container, findings)
  };
}

/**
 * Decision table rows carry their rule id; a finding about a rule outlines its row and says why
 * beside it. The marks are laid over the table (outside dmn-js's own DOM, which it re-renders) and
 * let clicks through to the cells.
 */
function markDmn(container, findings) {
  const layer = container;
  layer.querySelectorAll('.studio-row-box, .studio-row-finding').forEach((n) => n.remove());
  const origin = layer.getBoundingClientRect();
  findings.filter((f) => f.elementId).forEach((f) => {
    const cell = container.querySelector(`[data-row-id="${CSS.escape(f.elementId)}"]`);
    const row = cell && cell.closest('tr');
    if (!row) return;
    const r = row.getBoundingClientRect();
    const box = document.createElement('div');
    box.className = 'studio-row-box' + (f.error ? ' error' : ' warning');
    Object.assign(box.style, { top: `${r.top - origin.top}px`, left: `${r.left - origin.left}px`, width: `${r.width}px`, height: `${r.height}px` });
    const note = document.createElement('div');
    note.className = 'studio-row-finding studio-badge ' + (f.error ? 'error' : 'warning');
    note.dataset.elementId = f.elementId;
    note.textContent = f.message;
    Object.assign(note.style, { top: `${r.bottom - origin.top + 2}px`, left: `${r.left - origin.left + 40}px` });
    layer.append(box, note);
  });
}

async function formEditor(container, json) {
  const editor = new FormEditor({ container: container.querySelector('.studio-canvas') });
  await editor.importSchema(JSON.parse(json));
  return {
    xml: async () => JSON.stringify(editor.saveSchema(), null, 2),
    mark: () => {}
  };
}

// ------------------------------------------------------------------ findings

function showFindings(findings, source) {
  const list = document.getElementById('studio-findings');
  if (!list) return;
  list.querySelectorAll(`li[data-source="${source}"]`).forEach((n) => n.remove());
  findings.forEach((f) => {
    const li = document.createElement('li');
    li.dataset.source = source;
    li.dataset.elementId = f.elementId || '';
    li.className = f.error ? 'error' : 'warning';
    li.textContent = `${f.elementId || '—'} · ${f.check}${f.rule ? ' (' + f.rule + ')' : ''}: ${f.message}`;
    list.appendChild(li);
  });
  list.querySelectorAll('li.clean').forEach((n) => n.remove());
  if (!list.querySelector('li')) {
    const li = document.createElement('li');
    li.className = 'clean';
    li.textContent = text('cleanLabel');
    list.appendChild(li);
  }
  list.dataset.count = list.querySelectorAll('li.error').length;
}

// ------------------------------------------------------------------ review diff

async function bpmnDiff(before, after) {
  const left = new BpmnViewer({ container: document.getElementById('studio-before') });
  const right = new BpmnViewer({ container: document.getElementById('studio-after') });
  await left.importXML(before);
  await right.importXML(after);
  const changes = diff(left.getDefinitions(), right.getDefinitions());
  const mark = (viewer, ids, marker) => ids.forEach((id) => viewer.get('elementRegistry').get(id) && viewer.get('canvas').addMarker(id, marker));
  mark(left, Object.keys(changes._removed), 'studio-removed');
  mark(right, Object.keys(changes._added), 'studio-added');
  mark(left, Object.keys(changes._changed), 'studio-changed');
  mark(right, Object.keys(changes._changed), 'studio-changed');
  mark(right, Object.keys(changes._layoutChanged), 'studio-layout');
  [left, right].forEach((v) => v.get('canvas').zoom('fit-viewport'));
  const summary = document.getElementById('studio-diff-summary');
  summary.textContent = `+${Object.keys(changes._added).length} −${Object.keys(changes._removed).length} ~${Object.keys(changes._changed).length}`;
}

/** The decision tables side by side, cell by cell: rule id, column, before, after. */
function dmnDiff(before, after) {
  const rules = (xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const map = new Map();
    doc.querySelectorAll('rule').forEach((rule) => {
      const cells = [...rule.children].filter((c) => c.localName === 'inputEntry' || c.localName === 'outputEntry')
        .map((c) => (c.querySelector('text') || c).textContent.trim());
      map.set(rule.getAttribute('id'), cells);
    });
    return map;
  };
  const a = rules(before);
  const b = rules(after);
  const body = document.querySelector('#studio-table-diff tbody');
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    const old = a.get(id) || [];
    const now = b.get(id) || [];
    for (let i = 0; i < Math.max(old.length, now.length); i++) {
      if (old[i] === now[i]) continue;
      const tr = document.createElement('tr');
      [id, String(i + 1), old[i] ?? '—', now[i] ?? '—'].forEach((t, k) => {
        const td = document.createElement('td');
        td.textContent = t;
        if (k === 2) td.className = 'studio-old';
        if (k === 3) td.className = 'studio-new';
        tr.appendChild(td);
      });
      body.appendChild(tr);
    }
  }
  document.getElementById('studio-diff-summary').textContent = String(body.children.length);
}

// ------------------------------------------------------------------ page

async function mount() {
  const draft = (await request('GET', host.dataset.draftUrl)).payload;
  const container = host.querySelector('.studio-editor');
  const kind = host.dataset.kind;
  const status = document.getElementById('studio-status');
  const say = (message, ok) => { status.textContent = message; status.className = ok ? 'ok' : 'error'; };

  if (host.dataset.mode === 'review') {
    const before = host.dataset.baseUrl ? (await request('GET', host.dataset.baseUrl)).payload : '';
    if (kind === 'PROCESS') await bpmnDiff(typeof before === 'string' ? before : '', draft.content);
    else if (kind === 'DECISION') dmnDiff(typeof before === 'string' ? before : '', draft.content);
    const checks = await request('POST', host.dataset.checkUrl);
    showFindings(checks.payload, 'server');
    document.getElementById('studio-review-form').addEventListener('submit', async (e) => {
      e.preventDefault();
      const approve = e.submitter && e.submitter.value === 'approve';
      const reason = document.getElementById('studio-review-reason').value;
      const r = await request('POST', host.dataset.reviewUrl, { approve, reason });
      if (r.status === 202) say(approve ? text('approvedLabel') : text('rejectedLabel'), true);
      else say(r.payload.detail || String(r.status), false);
    });
    host.dataset.ready = 'true';
    return;
  }

  const editor = kind === 'PROCESS' ? await bpmnEditor(container, draft.content)
    : kind === 'DECISION' ? await dmnEditor(container, draft.content)
    : await formEditor(container, draft.content);
  const save = async () => {
    const r = await request('PUT', host.dataset.draftUrl, { content: await editor.xml(), comment: document.getElementById('studio-comment').value });
    if (r.status !== 200) throw new Error(r.payload.detail || String(r.status));
  };
  const check = async () => {
    await save();
    const r = await request('POST', host.dataset.checkUrl);
    showFindings(r.payload, 'server');
    editor.mark(r.payload);
    return r.payload;
  };
  document.getElementById('studio-save').addEventListener('click', async () => {
    try { await save(); say(text('savedLabel'), true); } catch (e) { say(e.message, false); }
  });
  document.getElementById('studio-check').addEventListener('click', async () => {
    try {
      const findings = await check();
      const errors = findings.filter((f) => f.error).length;
      say(errors ? text('errorsLabel') + ' ' + errors : text('cleanLabel'), !errors);
    } catch (e) { say(e.message, false); }
  });
  document.getElementById('studio-submit-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await save();
      const r = await request('POST', host.dataset.submitUrl, { reason: document.getElementById('studio-reason').value });
      if (r.status === 202) { say(text('submittedLabel'), true); host.dataset.submitted = 'true'; return; }
      if (r.status === 422) { showFindings(r.payload.findings, 'server'); editor.mark(r.payload.findings); say(text('errorsLabel'), false); return; }
      say(r.payload.detail || String(r.status), false);
    } catch (err) { say(err.message, false); }
  });
  host.dataset.ready = 'true';
}

if (host) {
  mount().catch((e) => {
    const status = document.getElementById('studio-status');
    if (status) { status.textContent = e.message; status.className = 'error'; }
    console.error(e);
  });
}
