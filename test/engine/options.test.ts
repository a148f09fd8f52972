// The one options builder (`engine/options.ts`): defaults and what it carries over.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseClassifier } from '../../server/src/engine/classifier';
import { buildCheckOptions, localDay } from '../../server/src/engine';

test('today defaults to the local day; absent settings stay absent', () => {
  const now = new Date(2026, 9, 2, 23, 30);
  assert.deepEqual(buildCheckOptions({ now }), { today: localDay(now) });
  assert.deepEqual(buildCheckOptions({ today: '2026-01-31', attachmentsRequired: false, severities: undefined }), {
    today: '2026-01-31',
  });
});

test('classifier, severities and attachments are carried over', () => {
  const classifier = parseClassifier(new TextEncoder().encode('0147;Вопрос'));
  const severities = { 'rro/required': 'off' } as const;
  assert.deepEqual(buildCheckOptions({ today: '2026-01-31', classifier, severities, attachmentsRequired: true }), {
    today: '2026-01-31',
    classifier,
    severities,
    attachmentsRequired: true,
  });
});
