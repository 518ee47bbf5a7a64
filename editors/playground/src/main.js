// The playground: a CodeMirror editor whose text asl-lint (compiled to WebAssembly) checks on
// every edit, the state-machine picture drawn by Graphviz (also WebAssembly), quick fixes,
// examples, a file picker and share links. Everything runs in the page.
import { EditorView, basicSetup } from 'codemirror';
import { EditorState, Compartment } from '@codemirror/state';
import { json } from '@codemirror/lang-json';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import init, { lint, fix, graph, outline } from '../wasm/asl_wasm.js';
import { toOffset, innermost } from './positions.js';
import { encodeShare, decodeShare } from './share.js';

const examples = import.meta.glob('../../../test-corpus/examples/*', { query: '?raw', import: 'default', eager: true });
const exampleNames = Object.keys(examples).map((path) => path.split('/').pop()).sort();

const $ = (id) => document.getElementById(id);
const status = $('status');
const fileName = $('file-name');
const language = new Compartment();
const currentName = () => fileName.value || 'definition.asl.json';
/** Graphviz takes seconds past this many states; the picture is then left out. */
const MAX_DRAWN_STATES = 400;

/** What the last check found, in editor offsets. */
let current = { report: null, outline: null, states: [], diagnostics: [], machine: 0 };
let graphviz = null;
let pending = 0;

const view = new EditorView({
  parent: $('editor'),
  state: EditorState.create({
    doc: '',
    extensions: [
      basicSetup,
      language.of(json()),
      lintGutter(),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) schedule();
        else if (update.selectionSet) highlightPicture();
      }),
    ],
  }),
});

function languageFor(name) {
  return /\.ya?ml$/i.test(name) ? yaml() : json();
}

function setDocument(name, text) {
  fileName.value = name;
  current.machine = 0;
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: text },
    effects: language.reconfigure(languageFor(name)),
  });
  check();
}

function schedule() {
  clearTimeout(pending);
  pending = setTimeout(check, 150);
}

/** Lints the editor's text, then updates the diagnostics, the tabs and the picture. */
function check() {
  clearTimeout(pending);
  const doc = view.state.doc;
  const text = doc.toString();
  const name = currentName();
  const started = performance.now();
  let report;
  let info;
  try {
    report = JSON.parse(lint(text, name, ''));
    info = JSON.parse(outline(text, name, ''));
  } catch (error) {
    status.textContent = String(error);
    return;
  }
  const elapsed = performance.now() - started;
  const range = (span) => ({ from: toOffset(doc, span.start), to: toOffset(doc, span.end) });
  const fixes = info.fixes.map((quick) => ({ ...quick, ...range(quick), edits: quick.edits.map((e) => ({ ...range(e), insert: e.text })) }));
  const diagnostics = report.diagnostics.map((d) => {
    const { from, to } = d.range ? range(d.range) : { from: 0, to: 0 };
    const quick = fixes.find((f) => f.code === d.code && f.from === from && f.to === to);
    return { ...d, from, to, quick };
  });
  current = {
    report,
    outline: info,
    diagnostics,
    machine: Math.min(current.machine, Math.max(0, info.machines.length - 1)),
    states: info.machines.map((m) => m.states.map((s) => ({ ...s, ...range(s) }))),
  };
  view.dispatch(setDiagnostics(view.state, diagnostics.map(toEditorDiagnostic)));
  renderProblems();
  renderTabs();
  renderPicture();
  const { error, warning, info: infos } = report.summary;
  status.textContent = `${error} errors, ${warning} warnings, ${infos} info · checked in ${elapsed.toFixed(1)} ms`;
}

function toEditorDiagnostic(d) {
  return {
    from: d.from,
    to: Math.max(d.to, d.from),
    severity: d.severity,
    source: `${d.code} ${d.name}`,
    message: d.message,
    actions: d.quick ? [{ name: d.quick.title, apply: () => applyFix(d.quick) }] : [],
  };
}

function applyFix(quick) {
  view.dispatch({ changes: quick.edits.map(({ from, to, insert }) => ({ from, to, insert })) });
  check();
}

function renderProblems() {
  const list = $('problems');
  list.replaceChildren(
    ...current.diagnostics.map((d) => {
      const item = document.createElement('li');
      item.className = `severity-${d.severity}`;
      item.dataset.code = d.code;
      const where = d.range ? `${d.range.start.line}:${d.range.start.column}` : '';
      item.append(span('where', where), span('code', d.code), span('message', d.message));
      if (d.quick) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'quick-fix';
        button.textContent = d.quick.title;
        button.addEventListener('click', (event) => {
          event.stopPropagation();
          applyFix(d.quick);
        });
        item.append(button);
      }
      item.addEventListener('click', () => {
        view.dispatch({ selection: { anchor: d.from }, scrollIntoView: true });
        view.focus();
      });
      return item;
    }),
  );
}

function span(className, text) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

/** One tab per state machine of a template; none for a standalone definition. */
function renderTabs() {
  const tabs = $('tabs');
  const machines = current.outline.machines;
  if (machines.length <= 1 && !machines[0]?.name) {
    tabs.replaceChildren();
    return;
  }
  tabs.replaceChildren(
    ...machines.map((machine, index) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.role = 'tab';
      button.textContent = machine.name ?? `State machine ${index + 1}`;
      button.setAttribute('aria-selected', String(index === current.machine));
      button.addEventListener('click', () => {
        current.machine = index;
        renderTabs();
        renderPicture();
      });
      return button;
    }),
  );
}

function renderPicture() {
  const panel = $('picture');
  if (!graphviz || current.outline.machines.length === 0) {
    panel.replaceChildren();
    return;
  }
  const say = (text) => {
    const message = document.createElement('p');
    message.className = 'error';
    message.textContent = text;
    panel.replaceChildren(message);
  };
  const count = current.states[current.machine]?.length ?? 0;
  if (count > MAX_DRAWN_STATES) {
    say(`${count} states: too many to draw here (asl-lint graph draws them).`);
    return;
  }
  let svg;
  try {
    svg = graphviz.dot(graph(view.state.doc.toString(), currentName(), current.machine, 'dot'));
  } catch (error) {
    say(String(error));
    return;
  }
  panel.innerHTML = svg;
  highlightPicture();
}

/** Marks the states that findings name, and the state under the cursor. */
function highlightPicture() {
  const states = current.states[current.machine] ?? [];
  const nodes = new Map();
  for (const g of document.querySelectorAll('#picture g.node')) {
    g.classList.remove('cursor', 'finding-error', 'finding-warning', 'finding-info');
    nodes.set(g.querySelector('title')?.textContent, g);
  }
  const machineName = current.outline?.machines[current.machine]?.name;
  for (const d of current.diagnostics) {
    if (machineName && d.state_machine !== machineName) continue;
    const state = innermost(states, d.from, d.to);
    nodes.get(state?.node)?.classList.add(`finding-${d.severity}`);
  }
  const cursor = innermost(states, view.state.selection.main.head);
  nodes.get(cursor?.node)?.classList.add('cursor');
}

function fillExamples() {
  const select = $('examples');
  select.replaceChildren(new Option('Choose…', ''), ...exampleNames.map((name) => new Option(name, name)));
  select.addEventListener('change', () => {
    const path = Object.keys(examples).find((p) => p.endsWith(`/${select.value}`));
    if (path) setDocument(select.value, examples[path]);
  });
}

$('file').addEventListener('change', async (event) => {
  const file = event.target.files?.[0];
  if (file) setDocument(file.name, await file.text());
});
fileName.addEventListener('change', () => {
  view.dispatch({ effects: language.reconfigure(languageFor(fileName.value)) });
  check();
});
$('fix-all').addEventListener('click', () => {
  const text = view.state.doc.toString();
  const fixed = fix(text, currentName(), '');
  if (fixed !== text) view.dispatch({ changes: { from: 0, to: text.length, insert: fixed } });
  check();
});
$('share').addEventListener('click', async () => {
  const fragment = await encodeShare(currentName(), view.state.doc.toString());
  history.replaceState(null, '', `#${fragment}`);
  try {
    await navigator.clipboard.writeText(location.href);
    status.textContent = 'Share link copied';
  } catch {
    status.textContent = 'Share link is in the address bar';
  }
});

/** For the browser test: lints `text` and returns how long the engine took, in ms. */
window.playground = {
  view,
  timeLint(text, name = 'big.asl.json') {
    const started = performance.now();
    const report = JSON.parse(lint(text, name, ''));
    return { ms: performance.now() - started, diagnostics: report.diagnostics.length };
  },
  /** How long JSON.parse takes on `text`, in ms: the yardstick for `timeLint`. */
  timeParse(text) {
    const started = performance.now();
    JSON.parse(text);
    return performance.now() - started;
  },
};

async function start() {
  await init();
  graphviz = await Graphviz.load();
  fillExamples();
  const shared = await decodeShare(location.hash);
  const first = 'broken.asl.json';
  const path = Object.keys(examples).find((p) => p.endsWith(`/${first}`));
  if (shared) setDocument(shared.name, shared.text);
  else setDocument(first, path ? examples[path] : '{}');
  document.body.dataset.ready = 'true';
}

start().catch((error) => {
  status.textContent = `The playground could not start: ${error}`;
});
