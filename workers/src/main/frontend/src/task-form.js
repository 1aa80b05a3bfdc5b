// Renders a Camunda Form (form-js) in a page and submits its variables as JSON.
//
// <div data-task-form data-schema="#schema" data-data="#initial" data-submit-url="/x" data-done-url="/y"
//      data-submit-label="Kirim" data-error-label="Periksa isian"></div>
// <script type="application/json" id="schema">{...form JSON...}</script>
//
// A 400 problem with `errors` (field key -> message) is shown next to those fields and in a summary;
// any other problem (409: someone else finished the task) is shown above the form. Nothing the
// user typed is lost: the form stays as it is.
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import './task-form.css';
import { csrfHeaders } from './csrf.js';
import { localizedValidationModule } from './form-messages.js';

function readJson(selector) {
  if (!selector) return {};
  const element = document.querySelector(selector);
  return element ? JSON.parse(element.textContent) : {};
}

function fieldIdsByKey(schema) {
  const ids = {};
  const visit = (node) => (node.components || []).forEach((c) => {
    if (c.key) ids[c.key] = c.id;
    visit(c);
  });
  visit(schema);
  return ids;
}

function showMessage(box, text) {
  box.textContent = text || '';
  box.hidden = !text;
  if (text) box.focus();
}

async function mount(host) {
  const schema = readJson(host.dataset.schema);
  const data = readJson(host.dataset.data);
  const message = document.createElement('div');
  message.className = 'task-form-message';
  message.setAttribute('role', 'alert');
  message.tabIndex = -1;
  message.hidden = true;
  const container = document.createElement('div');
  const submit = document.createElement('button');
  submit.type = 'button';
  submit.className = 'primary task-form-submit';
  submit.textContent = host.dataset.submitLabel || 'Kirim';
  host.append(message, container, submit);

  // No input debounce: a quick click on submit must see what was just typed.
  const form = new Form({ container, debounce: false, additionalModules: [localizedValidationModule] });
  await form.importSchema(schema, data);
  const ids = fieldIdsByKey(schema);

  submit.addEventListener('click', async () => {
    showMessage(message, '');
    const { data: values, errors } = form.submit();
    if (Object.keys(errors).length) {
      showMessage(message, host.dataset.errorLabel || 'Periksa isian yang ditandai.');
      return;
    }
    submit.disabled = true;
    try {
      const response = await fetch(host.dataset.submitUrl, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/problem+json, application/json', ...csrfHeaders() },
        body: JSON.stringify(values)
      });
      if (response.ok) {
        window.location.assign(host.dataset.doneUrl || window.location.href);
        return;
      }
      const problem = await response.json().catch(() => ({}));
      const fieldErrors = problem.errors || {};
      const byId = {};
      const lines = [];
      for (const [key, text] of Object.entries(fieldErrors)) {
        if (ids[key]) byId[ids[key]] = [text];
        lines.push(text);
      }
      if (Object.keys(byId).length) {
        // form-js keeps errors per field id; putting ours there shows them next to the fields.
        form._setState({ errors: byId });
      }
      showMessage(message, [...new Set([problem.detail || problem.title || response.statusText, ...lines])].join(' — '));
    } catch (e) {
      showMessage(message, host.dataset.networkErrorLabel || 'Tidak dapat terhubung. Coba lagi.');
    } finally {
      submit.disabled = false;
    }
  });
}

document.querySelectorAll('[data-task-form]').forEach((host) => {
  mount(host).catch((e) => {
    host.textContent = host.dataset.loadErrorLabel || 'Formulir tidak dapat dimuat.';
    console.error(e);
  });
});
