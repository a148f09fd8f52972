// The appeal form's webview script, run under node on a small stand-in DOM (no browser here):
// it draws one control per field, places each diagnostic at its field's row, posts a change as
// the host expects it, and keeps what is being typed across a redraw. The real webview is
// covered by test/vscode/suite/form.suite.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as vm from 'node:vm';
import { formHtml } from '../../client/src/form/html';
import { FormModel } from '../../client/src/form/model';

class FakeElement {
  children: FakeElement[] = [];
  parentElement: FakeElement | undefined;
  dataset: Record<string, string> = {};
  attributes: Record<string, string> = {};
  listeners: Record<string, (() => void)[]> = {};
  className = '';
  id = '';
  value = '';
  type = '';
  text = '';
  htmlFor = '';
  title = '';
  min = '';
  selected = false;
  selectionStart = 0;
  selectionEnd = 0;
  constructor(
    readonly tagName: string,
    private readonly doc: FakeDocument,
  ) {}
  set textContent(t: string) {
    this.children = [];
    this.text = t;
  }
  get textContent(): string {
    return this.text + this.children.map((c) => c.textContent).join('');
  }
  appendChild(c: FakeElement): FakeElement {
    c.parentElement = this;
    this.children.push(c);
    return c;
  }
  replaceChild(n: FakeElement, old: FakeElement): void {
    this.children[this.children.indexOf(old)] = n;
    n.parentElement = this;
  }
  setAttribute(k: string, v: string): void {
    this.attributes[k] = v;
  }
  addEventListener(type: string, f: () => void): void {
    (this.listeners[type] ??= []).push(f);
  }
  fire(type: string): void {
    for (const f of this.listeners[type] ?? []) f();
  }
  focus(): void {
    this.doc.activeElement = this;
  }
  setSelectionRange(start: number, end: number): void {
    this.selectionStart = start;
    this.selectionEnd = end;
  }
  all(): FakeElement[] {
    return this.children.flatMap((c) => [c, ...c.all()]);
  }
  querySelectorAll(selector: string): FakeElement[] {
    return this.all().filter((e) => selector.split(',').some((s) => matches(e, s.trim())));
  }
  querySelector(selector: string): FakeElement | null {
    return this.querySelectorAll(selector)[0] ?? null;
  }
}

function matches(e: FakeElement, s: string): boolean {
  if (s === '[data-pointer]') return e.dataset.pointer !== undefined;
  if (s === '[data-pointer=""]') return e.dataset.pointer === '';
  if (s.startsWith('.')) return e.className.split(' ').includes(s.slice(1));
  return e.tagName === s.toUpperCase();
}

class FakeDocument {
  activeElement: FakeElement | null = null;
  readonly form = new FakeElement('MAIN', this);
  createElement(tag: string): FakeElement {
    return new FakeElement(tag.toUpperCase(), this);
  }
  createTextNode(t: string): FakeElement {
    const e = new FakeElement('#text', this);
    e.text = t;
    return e;
  }
  getElementById(id: string): FakeElement | null {
    return id === 'form' ? this.form : (this.form.all().find((e) => e.id === id) ?? null);
  }
}

type Posted = { type: string; [k: string]: unknown };

function start(): { doc: FakeDocument; posted: Posted[]; send: (m: unknown) => void } {
  const html = formHtml('vscode-resource:', 'ru');
  const script = /<script nonce="[^"]+">([\s\S]*)<\/script>/.exec(html)?.[1];
  assert.ok(script, 'one inline script with a nonce');
  assert.match(html, /script-src 'nonce-[^']+'/);
  const doc = new FakeDocument();
  const posted: Posted[] = [];
  let onMessage: ((e: { data: unknown }) => void) | undefined;
  const window = {
    addEventListener: (type: string, f: (e: { data: unknown }) => void) => {
      if (type === 'message') onMessage = f;
    },
  };
  vm.runInNewContext(script, {
    document: doc,
    window,
    // through JSON, as a webview message goes (and out of the script's realm)
    acquireVsCodeApi: () => ({ postMessage: (m: Posted) => posted.push(JSON.parse(JSON.stringify(m)) as Posted) }),
  });
  return { doc, posted, send: (m) => onMessage?.({ data: m }) };
}

const APPEAL = {
  departmentId: '30B1BE3B-BED1-49F6-AB4C-D138A81A9505',
  format: 'Other',
  number: 'Ж-1',
  createDate: '2016-11-02',
  name: 'Тест',
  address: 'Тест',
  questions: [{ code: '0015', status: 'InWork', incomingDate: '2016-11-02' }],
};

function renderMessage(diagnostics: { pointer: string; rule: string }[]): unknown {
  const view = new FormModel(
    'ru',
    (m) => m,
    (n) => `${n} B`,
  ).build(APPEAL);
  return {
    type: 'render',
    view,
    diagnostics: diagnostics.map((d) => ({ ...d, severity: 'error', message: 'm', fixes: [{ id: 7, title: 'fix' }] })),
    strings: { title: 'T', remove: 'R', unusedHint: '', attach: 'A', find: 'F', findHint: '', unknown: 'U' },
  };
}

describe('appeal form webview script', () => {
  it('asks for a view, draws a control per field and each diagnostic at its row', () => {
    const { posted, send } = start();
    assert.deepEqual(posted[0], { type: 'ready' });
    send(
      renderMessage([
        { pointer: '/questions/0/registrationDate', rule: 'rro/required' },
        { pointer: '/number', rule: 'rro/x' },
        { pointer: '/nowhere/deep', rule: 'rro/y' },
      ]),
    );
    const painted = posted.find((m) => m.type === 'painted');
    assert.ok(painted, 'the script reports what it drew');
    // six appeal fields, then code, status, incomingDate, registrationDate
    assert.equal(painted.controls, 10);
    // in document order; a pointer with no row lands on the form's top
    assert.deepEqual(painted.diagnosticsAt, ['', '/number', '/questions/0/registrationDate']);
  });

  it('posts a change with its JSON path, and a fix button its id', () => {
    const { doc, posted, send } = start();
    send(renderMessage([{ pointer: '/number', rule: 'rro/x' }]));
    const date = doc.getElementById('f_questions_0_registrationDate');
    assert.ok(date);
    assert.equal(date.type, 'date');
    assert.equal(date.min, '2016-11-02');
    date.value = '2016-11-03';
    date.fire('change');
    assert.deepEqual(posted.at(-1), { type: 'set', path: ['questions', 0, 'registrationDate'], value: '2016-11-03' });
    const fix = doc.form.all().find((e) => e.tagName === 'BUTTON' && e.textContent === 'fix');
    assert.ok(fix);
    fix.fire('click');
    assert.deepEqual(posted.at(-1), { type: 'fix', id: 7 });
  });

  it('keeps focus and what is being typed across a redraw', () => {
    const { doc, send } = start();
    send(renderMessage([]));
    const number = doc.getElementById('f_number');
    assert.ok(number);
    number.focus();
    number.value = 'Ж-12';
    number.selectionStart = number.selectionEnd = 3;
    send(renderMessage([{ pointer: '/number', rule: 'rro/x' }]));
    const again = doc.getElementById('f_number');
    assert.ok(again && again !== number, 'a new input after the redraw');
    assert.equal(doc.activeElement, again);
    assert.equal(again.value, 'Ж-12');
    assert.equal(again.selectionStart, 3);
  });
});
