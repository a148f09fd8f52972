// The form's webview page: one inline style and one inline script, both under a CSP with a
// nonce, no remote resources. Only VS Code's theme variables (--vscode-*) colour it, so light,
// dark and high-contrast themes all work. The script builds the DOM with textContent only (the
// document's values are never parsed as HTML) and posts each change to the host, which turns
// it into a text edit; the host answers with a fresh view and the script redraws, keeping focus.
import { randomBytes } from 'node:crypto';

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px 24px; max-width: 56em; }
h1 { font-size: 1.3em; font-weight: 600; } h2 { font-size: 1.1em; margin: 0 0 .5em; }
.row { display: grid; grid-template-columns: 14em 1fr auto; gap: 4px 12px; align-items: start; margin: 8px 0; }
.row label { padding-top: 4px; font-weight: 600; }
.hint { grid-column: 2 / 4; color: var(--vscode-descriptionForeground); font-size: .92em; }
input, select { font: inherit; color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, transparent); padding: 3px 6px; min-width: 0; }
select { color: var(--vscode-dropdown-foreground); background: var(--vscode-dropdown-background); border-color: var(--vscode-dropdown-border, transparent); }
input:focus, select:focus, button:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
button { font: inherit; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid var(--vscode-button-border, transparent); padding: 3px 10px; cursor: pointer; }
button:hover { background: var(--vscode-button-secondaryHoverBackground); }
.card { border: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, transparent)); background: var(--vscode-sideBar-background, transparent); padding: 8px 12px; margin: 12px 0; }
.meaning { color: var(--vscode-descriptionForeground); margin: 0 0 .5em; }
.unused label { text-decoration: line-through; }
.diag { grid-column: 2 / 4; padding: 2px 6px; border-left: 3px solid var(--vscode-editorInfo-foreground); }
.diag.error { border-color: var(--vscode-editorError-foreground); color: var(--vscode-errorForeground); }
.diag.warning { border-color: var(--vscode-editorWarning-foreground); }
.banner { padding: 8px 12px; border: 1px solid var(--vscode-inputValidation-errorBorder, var(--vscode-contrastBorder, transparent)); background: var(--vscode-inputValidation-errorBackground, transparent); }
.size { color: var(--vscode-descriptionForeground); padding-top: 4px; }
`;

// Plain ES2020 in the webview; no template literals inside (this is one).
const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('form');
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
  const idOf = (pointer) => 'f' + pointer.replace(/[^A-Za-z0-9]/g, '_');
  let strings = {};

  function control(f) {
    let input;
    if (f.kind === 'select') {
      input = document.createElement('select');
      for (const c of f.choices) { const o = el('option', '', c.label); o.value = c.value; if (c.value === f.value) o.selected = true; input.appendChild(o); }
    } else {
      input = document.createElement('input');
      const dateLike = f.value === '' || /^\\d{4}-\\d{2}-\\d{2}$/.test(f.value);
      input.type = f.kind === 'date' && dateLike ? 'date' : 'text';
      input.value = f.value;
      if (input.type === 'date' && f.min) input.min = f.min;
    }
    input.id = idOf(f.pointer);
    input.dataset.shown = f.value;
    input.setAttribute('aria-describedby', input.id + '_hint');
    input.addEventListener('change', () => vscode.postMessage({ type: 'set', path: f.path, value: input.value }));
    return input;
  }

  function fieldRow(f) {
    const row = el('div', f.removePath ? 'row unused' : 'row');
    row.dataset.pointer = f.pointer;
    const label = el('label', '', f.label); label.htmlFor = idOf(f.pointer);
    row.appendChild(label);
    row.appendChild(control(f));
    if (f.removePath) {
      const b = el('button', '', strings.remove); b.title = strings.unusedHint;
      b.addEventListener('click', () => vscode.postMessage({ type: 'remove', path: f.removePath }));
      row.appendChild(b);
    } else if (f.action === 'department') {
      const b = el('button', '', strings.find); b.title = strings.findHint;
      b.addEventListener('click', () => vscode.postMessage({ type: 'pickDepartment', path: f.path }));
      row.appendChild(b);
    } else row.appendChild(el('span'));
    const hint = el('div', 'hint', f.hint); hint.id = idOf(f.pointer) + '_hint';
    row.appendChild(hint);
    return row;
  }

  function rowFor(pointer) {
    const rows = Array.from(root.querySelectorAll('[data-pointer]'));
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const hit = rows.find((r) => r.dataset.pointer === p) || rows.find((r) => r.dataset.pointer.startsWith(p + '/') && p !== '');
      if (hit) return hit;
      if (p === '') return root.querySelector('[data-pointer=""]');
    }
  }

  // what is typed in the focused input and not yet committed (no change event yet) survives a
  // redraw: returns a function that puts it back into the redrawn input, or null
  function keepTyping(active) {
    if (!active || active.tagName !== 'INPUT' || active.value === active.dataset.shown) return null;
    const value = active.value;
    let start = null, end = null;
    try { start = active.selectionStart; end = active.selectionEnd; } catch (e) { /* date inputs have no selection */ }
    return (input) => {
      input.value = value;
      try { if (start !== null) input.setSelectionRange(start, end); } catch (e) { /* as above */ }
    };
  }

  function render(msg) {
    strings = msg.strings;
    const focused = document.activeElement && document.activeElement.id;
    const typing = keepTyping(document.activeElement);
    root.textContent = '';
    const top = el('div'); top.dataset.pointer = '';
    top.appendChild(el('h1', '', strings.title));
    root.appendChild(top);
    const view = msg.view;
    if (!view.ok) { top.appendChild(el('div', 'banner', view.reason)); }
    else {
      for (const f of view.fields) root.appendChild(fieldRow(f));
      view.questions.forEach((q) => {
        const card = el('section', 'card'); card.dataset.pointer = q.pointer;
        card.appendChild(el('h2', '', q.title));
        if (q.statusMeaning) card.appendChild(el('p', 'meaning', q.statusMeaning));
        for (const f of q.fields) {
          const row = fieldRow(f);
          card.appendChild(row);
          if (q.attachment && !f.removePath && f.path[f.path.length - 1] === 'name' && f.path[f.path.length - 2] === 'attachment') {
            row.replaceChild(el('span', 'size', q.attachment.sizeText), row.children[2]);
          }
        }
        if (q.fields.some((f) => f.path[f.path.length - 2] === 'attachment' && !f.removePath)) {
          const b = el('button', '', strings.attach);
          b.addEventListener('click', () => vscode.postMessage({ type: 'attach', pointer: q.pointer }));
          card.appendChild(b);
        }
        root.appendChild(card);
      });
      if (view.unknown.length) root.appendChild(el('p', 'meaning', strings.unknown + ' ' + view.unknown.join(', ')));
    }
    for (const d of msg.diagnostics) {
      const row = rowFor(d.pointer) || top;
      const box = el('div', 'diag ' + d.severity, d.message + ' (' + d.rule + ')');
      box.setAttribute('role', d.severity === 'error' ? 'alert' : 'note');
      for (const fix of d.fixes) {
        const b = el('button', '', fix.title);
        b.addEventListener('click', () => vscode.postMessage({ type: 'fix', id: fix.id }));
        box.appendChild(document.createTextNode(' '));
        box.appendChild(b);
      }
      row.appendChild(box);
    }
    if (focused) { const again = document.getElementById(focused); if (again) { again.focus(); if (typing) typing(again); } }
    // what was drawn, for the host (tests read it; it holds pointers, never values)
    vscode.postMessage({ type: 'painted', controls: root.querySelectorAll('input, select').length,
      diagnosticsAt: Array.from(root.querySelectorAll('.diag')).map((d) => d.parentElement.dataset.pointer) });
  }

  window.addEventListener('message', (e) => { if (e.data && e.data.type === 'render') render(e.data); });
  vscode.postMessage({ type: 'ready' });
})();
`;

export function formHtml(cspSource: string, lang: string): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main id="form" aria-live="polite"></main>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}
