// Shows a deal's process with the bpmn-js viewer: active steps highlighted, finished ones marked.
//
// <div class="bpmn-diagram" data-xml-url="/deals/RB-1/diagram.bpmn" data-active="A,B" data-done="C,D"></div>
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './deal-diagram.css';

function ids(text) {
  return (text || '').split(',').map((s) => s.trim()).filter(Boolean);
}

async function mount(host) {
  const response = await fetch(host.dataset.xmlUrl, { credentials: 'same-origin' });
  if (!response.ok) throw new Error('diagram ' + response.status);
  const viewer = new NavigatedViewer({ container: host });
  await viewer.importXML(await response.text());
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const mark = (list, marker) => ids(list).forEach((id) => registry.get(id) && canvas.addMarker(id, marker));
  mark(host.dataset.done, 'rekber-done');
  mark(host.dataset.active, 'rekber-active');
  canvas.zoom('fit-viewport', 'auto');
  // The full-page diagram (phones): readable size, scrolled to where the deal is now.
  const focus = host.dataset.focus === 'active' && ids(host.dataset.active).map((id) => registry.get(id)).find(Boolean);
  if (focus) {
    canvas.zoom(1);
    canvas.scrollToElement(focus, { top: 120, bottom: 120, left: 60, right: 60 });
  }
  host.dataset.rendered = 'true';
}

document.querySelectorAll('.bpmn-diagram[data-xml-url]').forEach((host) => {
  mount(host).catch((e) => {
    host.textContent = host.dataset.errorLabel || 'Diagram tidak dapat dimuat.';
    console.error(e);
  });
});
