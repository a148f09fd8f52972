// What the appeal form shows, computed from the document's JSON and the format table: one
// list of fields for the appeal, one card per question with exactly the fields its status
// requires (plus any the text has that the status does not use, marked so they can be removed).
// Pure: no vscode, so what the form shows is decided here and tested without a webview.
import {
  ATTACHMENT_FIELDS,
  DATE_CHAIN,
  escapeControl,
  FORMAT_LABELS,
  FORMAT_VALUES,
  NULL_REPORT_FIELDS,
  QUESTION_FIELDS,
  ROOT_FIELDS,
  STATUS_BY_ID,
  STATUSES,
  TRANSFER_FIELDS,
  type FieldSpec,
  type Text,
} from '../../../server/src/core';

export type JsonPath = (string | number)[];
export type Lang = 'ru' | 'en';
/** The client's `l10n.t`, passed in. */
export type Translate = (message: string, ...args: (string | number)[]) => string;

export interface Choice {
  value: string;
  label: string;
}

export interface FieldView {
  /** JSON pointer of the value (diagnostics are matched on it). */
  pointer: string;
  path: JsonPath;
  kind: 'text' | 'date' | 'select';
  label: string;
  hint: string;
  /** As the text has it ('' when absent). */
  value: string;
  choices?: Choice[];
  /** Dates: the earliest the ordering chain allows (the previous date of the chain), YYYY-MM-DD. */
  min?: string;
  /** `department`: a «Find…» button picks the GUID by name (SearchDepartments). */
  action?: 'department';
  /** In the text, but not used by the question's status: the «remove» button deletes this. */
  removePath?: JsonPath;
}

export interface QuestionView {
  pointer: string;
  title: string;
  statusMeaning: string;
  fields: FieldView[];
  /** Name and decoded size of the answer file; its content never leaves the host. */
  attachment?: { pointer: string; size: number; sizeText: string };
}

export type FormView =
  | { ok: true; kind: 'appeal' | 'nullReport'; fields: FieldView[]; questions: QuestionView[]; unknown: string[] }
  | { ok: false; reason: string };

type Json = unknown;
type JsonObject = Record<string, Json>;

function isObject(v: Json): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function pointerOf(path: JsonPath): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function scalar(v: Json): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** Field labels: short names in the UI language (the hints come from the table). */
const LABELS: Readonly<Record<string, string>> = {
  departmentId: 'Department (departmentId)',
  format: 'How it came (format)',
  number: 'Appeal number',
  createDate: 'Created on',
  name: 'Applicant',
  address: 'Address',
  isDirect: 'Directly from the applicant',
  email: 'E-mail',
  code: 'Topic code',
  status: 'Status',
  incomingDate: 'Received on',
  registrationDate: 'Registered on',
  responseDate: 'Answered on',
  actionsTaken: 'Measures taken',
  'attachment.name': 'Answer file',
  'transfer.departmentId': 'Transferred to (departmentId)',
  'transfer.transferDate': 'Transferred on',
  'transfer.transferNumber': 'Cover letter number',
  year: 'Year',
  month: 'Month',
};

export class FormModel {
  constructor(
    private readonly lang: Lang,
    private readonly t: Translate,
    private readonly sizeText: (bytes: number) => string,
  ) {}

  private text(x: Text): string {
    return x[this.lang];
  }

  private field(spec: FieldSpec, path: JsonPath, value: Json, labelKey = spec.name): FieldView {
    const view: FieldView = {
      pointer: pointerOf(path),
      path,
      kind: spec.type === 'date' ? 'date' : 'text',
      label: this.t(LABELS[labelKey] ?? spec.name),
      hint: this.text(spec.doc),
      value: scalar(value),
    };
    if (spec.type === 'guid' && spec.name === 'departmentId') view.action = 'department';
    if (spec.type === 'boolean') {
      view.kind = 'select';
      view.choices = [
        { value: '', label: this.t('(not set)') },
        { value: 'true', label: this.t('Yes') },
        { value: 'false', label: this.t('No') },
      ];
    }
    if (spec.name === 'format' && labelKey === 'format') {
      view.kind = 'select';
      view.choices = [
        { value: '', label: this.t('(not set)') },
        ...FORMAT_VALUES.map((v) => ({ value: v, label: `${v} — ${this.text(FORMAT_LABELS[v])}` })),
      ];
    }
    if (spec.name === 'status') {
      view.kind = 'select';
      view.choices = [
        { value: '', label: this.t('(not set)') },
        ...STATUSES.map((s) => ({ value: s.id, label: `${this.text(s.label)} (${s.id})` })),
      ];
    }
    // a value the choice does not know stays visible as it is, never silently replaced
    if (view.choices && !view.choices.some((c) => c.value === view.value))
      view.choices.push({ value: view.value, label: escapeControl(view.value) });
    return view;
  }

  private root: JsonObject = {};

  build(root: Json): FormView {
    this.root = isObject(root) ? root : {};
    if (!isObject(root)) return { ok: false, reason: this.t('The document is not a JSON object.') };
    if (!Array.isArray(root.questions) && !('number' in root)) {
      if ('year' in root || 'month' in root) return this.nullReport(root);
      return { ok: false, reason: this.t('This is not an appeal (no questions, no number).') };
    }
    const known = new Set(ROOT_FIELDS.map((f) => f.name));
    const fields = ROOT_FIELDS.filter((f) => f.name !== 'questions' && (!f.optional || f.name in root)).map((f) =>
      this.field(f, [f.name], root[f.name]),
    );
    const questions = Array.isArray(root.questions)
      ? root.questions.map((q, i) => this.question(q, ['questions', i], i))
      : [];
    return { ok: true, kind: 'appeal', fields, questions, unknown: unknownKeys(root, known) };
  }

  /** The no-appeals report (spec §7): its three fields, nothing else. */
  private nullReport(root: JsonObject): FormView {
    const known = new Set(NULL_REPORT_FIELDS.map((f) => f.name));
    const fields = NULL_REPORT_FIELDS.map((f) => this.field(f, [f.name], root[f.name]));
    return {
      ok: true,
      kind: 'nullReport',
      fields,
      questions: [],
      unknown: unknownKeys(root, known),
    };
  }

  private question(q: Json, path: JsonPath, index: number): QuestionView {
    const obj = isObject(q) ? q : {};
    const status = STATUS_BY_ID.get(scalar(obj.status));
    const required = new Set<string>(['code', 'status', ...(status?.requires ?? [])]);
    const fields: FieldView[] = [];
    let attachment: QuestionView['attachment'];
    for (const spec of QUESTION_FIELDS) {
      const present = spec.name in obj;
      if (!required.has(spec.name) && !present) continue;
      const unused = !required.has(spec.name);
      if (spec.name === 'attachment') {
        const att = isObject(obj.attachment) ? obj.attachment : {};
        const nameSpec = ATTACHMENT_FIELDS.find((f) => f.name === 'name')!;
        const view = this.field(nameSpec, [...path, 'attachment', 'name'], att.name, 'attachment.name');
        view.hint = this.text(spec.doc);
        fields.push(unused ? { ...view, removePath: [...path, 'attachment'] } : view);
        const content = typeof att.content === 'string' ? att.content : '';
        const size = base64Size(content);
        attachment = { pointer: pointerOf([...path, 'attachment']), size, sizeText: this.sizeText(size) };
        continue;
      }
      if (spec.name === 'transfer') {
        const tr = isObject(obj.transfer) ? obj.transfer : {};
        for (const sub of TRANSFER_FIELDS) {
          const view = this.field(sub, [...path, 'transfer', sub.name], tr[sub.name], `transfer.${sub.name}`);
          const min = sub.name === 'transferDate' ? earlier('transferDate', { ...this.root, ...obj }) : undefined;
          if (min) view.min = min;
          fields.push(unused ? { ...view, removePath: [...path, 'transfer'] } : view);
        }
        continue;
      }
      const view = this.field(spec, [...path, spec.name], obj[spec.name]);
      const min = earlier(spec.name, { ...this.root, ...obj });
      if (view.kind === 'date' && min) view.min = min;
      fields.push(unused ? { ...view, removePath: view.path } : view);
    }
    return {
      pointer: pointerOf(path),
      title: this.t('Question {0}', index + 1),
      statusMeaning: status ? this.text(status.meaning) : '',
      fields,
      attachment,
    };
  }
}

/** Property names the table does not know, as text from outside (shown, never interpreted). */
function unknownKeys(root: JsonObject, known: ReadonlySet<string>): string[] {
  return Object.keys(root)
    .filter((k) => !known.has(k))
    .map((k) => escapeControl(k));
}

/** The date before `name` in the ordering chain (§3.2) that `values` has, as YYYY-MM-DD. */
function earlier(name: string, values: JsonObject): string | undefined {
  const chain: readonly string[] =
    name === 'transferDate' ? ['createDate', 'incomingDate', 'registrationDate'] : DATE_CHAIN;
  const at = name === 'transferDate' ? chain.length : chain.indexOf(name);
  for (let i = at - 1; i >= 0; i--) {
    const v = values[chain[i]!];
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
  }
  return undefined;
}

/** Decoded size of Base64 text, without decoding it. */
export function base64Size(content: string): number {
  const clean = content.replace(/\s+/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}

/** A value typed in the form → the JSON value written (undefined removes the property). */
export function valueFor(field: Pick<FieldView, 'path'>, typed: string): Json {
  if (typed === '') return undefined;
  const last = field.path[field.path.length - 1];
  if (last === 'actionsTaken' || last === 'isDirect') return typed === 'true';
  // the report's year and month are JSON numbers; anything else typed stays text for the engine to report
  if ((last === 'year' || last === 'month') && /^\d{1,4}$/.test(typed.trim())) return Number(typed.trim());
  return typed;
}
