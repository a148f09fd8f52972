// The one conversion of `rro.*` settings to typed values, shared by the VS Code client and
// the server (for editors that send raw JSON).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DEFAULT_SETTINGS, toSettings } from '../../server/src/lsp/settings';

it('reads the nested section VS Code returns', () => {
  const s = toSettings({
    files: ['exports/**/*.json'],
    exclude: ['**/old'],
    classifier: { path: ' classifier.csv ' },
    departments: { path: 'departments.json' },
    rules: { 'rro/date-future': 'off', 'unknown-property': 'error', 'rro/bom': 'loud' },
    attachments: { required: true },
    validate: { workspace: 'onCommand' },
  });
  assert.deepEqual(s, {
    files: ['exports/**/*.json'],
    exclude: ['**/old'],
    classifierPath: 'classifier.csv',
    departmentsPath: 'departments.json',
    rules: { 'rro/date-future': 'off', 'rro/unknown-property': 'error' },
    attachmentsRequired: true,
    validateWorkspace: 'onCommand',
  });
});

it('reads dotted keys and passes typed settings through unchanged', () => {
  const dotted = toSettings({
    'classifier.path': '/c.json',
    'validate.workspace': 'onStartup',
    'attachments.required': true,
  });
  assert.equal(dotted.classifierPath, '/c.json');
  assert.equal(dotted.attachmentsRequired, true);
  const typed = toSettings(dotted);
  assert.deepEqual(typed, dotted);
});

it('falls back to the defaults for missing or wrong values', () => {
  assert.deepEqual(toSettings(undefined), DEFAULT_SETTINGS);
  assert.deepEqual(toSettings({ files: 'x', exclude: [1, ''], rules: [], validate: { workspace: 'sometimes' } }), {
    ...DEFAULT_SETTINGS,
    files: ['**/*.json'],
    exclude: [],
  });
});
