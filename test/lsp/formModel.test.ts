// The appeal form's model and edits without a webview (issue 13 point 1): each status shows
// exactly the fields the format table requires (present extras are marked removable), the
// attachment's size is shown and its content never is, and form edits are minimal text edits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from 'jsonc-parser';
import { editsFor, formattingOf } from '../../client/src/form/edits';
import { base64Size, FormModel, valueFor, type FormView } from '../../client/src/form/model';
import { STATUSES } from '../../server/src/core';

const model = new FormModel(
  'ru',
  (m, ...a) => m.replace('{0}', String(a[0])),
  (n) => `${n} B`,
);

function shown(view: FormView): string[] {
  assert.ok(view.ok);
  return (view.questions[0]?.fields ?? []).filter((f) => !f.removePath).map((f) => f.pointer);
}

describe('appeal form model', () => {
  it('shows, for every status, code, status and exactly the fields that status requires', () => {
    for (const s of STATUSES) {
      const view = model.build({ number: '1', questions: [{ code: '0015', status: s.id }] });
      const expected = ['code', 'status', ...s.requires].flatMap((name) =>
        name === 'attachment'
          ? ['/questions/0/attachment/name']
          : name === 'transfer'
            ? ['departmentId', 'transferDate', 'transferNumber'].map((n) => `/questions/0/transfer/${n}`)
            : [`/questions/0/${name}`],
      );
      assert.deepEqual(shown(view), expected, s.id);
    }
  });

  it('marks a field the status does not use as removable, and keeps unknown properties listed', () => {
    const view = model.build({
      number: '1',
      'x-note': 1,
      questions: [{ code: '0015', status: 'InWork', incomingDate: 'a', registrationDate: 'b', responseDate: 'c' }],
    });
    assert.ok(view.ok);
    const extra = view.questions[0]?.fields.find((f) => f.pointer === '/questions/0/responseDate');
    assert.deepEqual(extra?.removePath, ['questions', 0, 'responseDate']);
    assert.deepEqual(view.unknown, ['x-note']);
  });

  it('gives the attachment name and decoded size, never its content', () => {
    const content = Buffer.from('Ответ дан.\n').toString('base64');
    const view = model.build({
      number: '1',
      questions: [{ status: 'Answered', attachment: { name: 'Ответ.txt', content } }],
    });
    assert.ok(view.ok);
    assert.equal(view.questions[0]?.attachment?.size, Buffer.byteLength('Ответ дан.\n'));
    assert.ok(!JSON.stringify(view).includes(content), 'the Base64 content is not in the view');
    assert.equal(base64Size(''), 0);
  });

  it('keeps an unknown status visible as a choice instead of replacing it', () => {
    const view = model.build({ number: '1', questions: [{ status: 'Recieved' }] });
    assert.ok(view.ok);
    const status = view.questions[0]?.fields.find((f) => f.pointer === '/questions/0/status');
    assert.ok(status?.choices?.some((c) => c.value === 'Recieved'));
  });

  it('refuses what is neither an appeal nor a no-appeals report', () => {
    assert.equal(model.build([1]).ok, false);
    assert.equal(model.build({ a: 1 }).ok, false);
  });

  it('gives the no-appeals report its three fields, and writes year and month as numbers', () => {
    const view = model.build({ departmentId: 'x', year: 2024, month: 1, note: 'kept' });
    assert.ok(view.ok);
    assert.equal(view.kind, 'nullReport');
    assert.deepEqual(
      view.fields.map((f) => [f.pointer, f.value]),
      [
        ['/departmentId', 'x'],
        ['/year', '2024'],
        ['/month', '1'],
      ],
    );
    assert.deepEqual(view.unknown, ['note']);
    assert.equal(valueFor({ path: ['month'] }, '2'), 2);
    assert.equal(valueFor({ path: ['month'] }, 'май'), 'май');
    assert.equal(valueFor({ path: ['questions', 0, 'actionsTaken'] }, 'false'), false);
    assert.equal(valueFor({ path: ['number'] }, ''), undefined);
  });

  it('bounds each date picker by the date before it in the chain', () => {
    const view = model.build({
      number: '1',
      createDate: '2016-11-02T10:00:00',
      questions: [{ status: 'Transferred', incomingDate: '2016-11-03', registrationDate: '' }],
    });
    assert.ok(view.ok);
    const min = (p: string): string | undefined => view.questions[0]?.fields.find((f) => f.pointer === p)?.min;
    assert.equal(min('/questions/0/incomingDate'), '2016-11-02');
    assert.equal(min('/questions/0/registrationDate'), '2016-11-03');
    assert.equal(min('/questions/0/transfer/transferDate'), '2016-11-03');
  });
});

describe('appeal form edits', () => {
  const text = '{\r\n\t"number": "1", "x": [1,2],\r\n\t"questions": [{"status": "InWork"}]\r\n}\r\n';

  it('follows the document: tabs and CRLF', () => {
    assert.deepEqual(formattingOf(text), { insertSpaces: false, tabSize: 4, eol: '\r\n' });
    assert.deepEqual(formattingOf('{\n  "a": 1\n}'), { insertSpaces: true, tabSize: 2, eol: '\n' });
  });

  it('changes only the value at the path and keeps the rest byte for byte', () => {
    const edits = editsFor(text, ['questions', 0, 'status'], 'Answered');
    assert.equal(edits.length, 1);
    assert.equal(applyEdits(text, edits), text.replace('"InWork"', '"Answered"'));
  });

  it('removes a property with undefined', () => {
    const after = applyEdits(text, editsFor(text, ['x'], undefined));
    assert.ok(!after.includes('"x"'));
    assert.ok(after.includes('"number": "1"') && after.includes('"status": "InWork"'));
  });
});
