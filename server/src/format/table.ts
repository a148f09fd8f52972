// The РРО import format as data — the one source of truth (spec: ../shared/spec/rro-format.md).
// Rules, hover, completion, snippets' tests, the generated JSON Schemas and the emulator all
// read these tables; a second copy of any of them elsewhere is a bug.

export type FieldType = 'guid' | 'string' | 'date' | 'enum' | 'array' | 'object' | 'boolean' | 'integer';

export interface Text {
  ru: string;
  en: string;
}

export interface FieldSpec {
  name: string;
  type: FieldType;
  /** Spec section of the format document (§ numbers of `000_*.txt`). */
  section: string;
  doc: Text;
  /** For `enum` fields: the allowed values. */
  values?: readonly string[];
  /** Known to the field but not part of format 4.0 (spec §4). */
  optional?: boolean;
  /** For `object` and `array` fields: the format object it holds (an array: one per item). */
  holds?: FormatObject;
}

/** The objects of the format (`OBJECT_FIELDS` gives each one's fields). */
export type FormatObject = 'appeal' | 'question' | 'attachment' | 'transfer' | 'null-report';

// ---- statuses (§3.1, §3.2; spec §5) ----------------------------------------------------

export const STATUS_IDS = [
  'NotReceived',
  'NotRegistered',
  'InWork',
  'LeftWithoutAnswer',
  'Explained',
  'NotSupported',
  'Answered',
  'Supported',
  'Transferred',
] as const;
export type StatusId = (typeof STATUS_IDS)[number];

/** The three groups the transition rules of §3.3.3 speak of. */
export type StatusGroup = 'initial' | 'final' | 'transferred';

export interface StatusSpec {
  id: StatusId;
  label: Text;
  meaning: Text;
  group: StatusGroup;
  /** Question fields required beyond `code` and `status`, in the order they are written. */
  requires: readonly QuestionFieldName[];
}

export type QuestionFieldName =
  'code' | 'status' | 'incomingDate' | 'registrationDate' | 'responseDate' | 'attachment' | 'actionsTaken' | 'transfer';

const ANSWERED_FIELDS = ['incomingDate', 'registrationDate', 'responseDate', 'attachment'] as const;

export const STATUSES: readonly StatusSpec[] = [
  {
    id: 'NotReceived',
    label: { ru: 'Не поступило', en: 'Not received' },
    meaning: {
      ru: 'Вопрос ещё не поступил в орган.',
      en: 'The question has not reached the body yet.',
    },
    group: 'initial',
    requires: [],
  },
  {
    id: 'NotRegistered',
    label: { ru: 'Не зарегистрировано', en: 'Not registered' },
    meaning: {
      ru: 'Вопрос поступил, но ещё не зарегистрирован.',
      en: 'The question has arrived but is not registered yet.',
    },
    group: 'initial',
    requires: ['incomingDate'],
  },
  {
    id: 'InWork',
    label: { ru: 'Вопрос находится на рассмотрении', en: 'Under consideration' },
    meaning: {
      ru: 'Вопрос зарегистрирован и рассматривается.',
      en: 'The question is registered and being considered.',
    },
    group: 'initial',
    requires: ['incomingDate', 'registrationDate'],
  },
  {
    id: 'LeftWithoutAnswer',
    label: { ru: 'Оставлено без ответа', en: 'Left without answer' },
    meaning: {
      ru: 'Ответ не дан по основаниям части 5 статьи 11 59-ФЗ. Сохранённый ранее файл ответа удаляется.',
      en: 'No answer under part 5 of art. 11 of 59-FZ. A previously stored answer file is deleted.',
    },
    group: 'final',
    requires: ['incomingDate', 'registrationDate', 'responseDate'],
  },
  {
    id: 'Explained',
    label: { ru: 'Вопрос рассмотрен (разъяснено)', en: 'Considered (explained)' },
    meaning: {
      ru: 'Заявителю разъяснено, как будет решён вопрос или удовлетворено обращение.',
      en: 'The applicant was told how the question will be resolved or the appeal satisfied.',
    },
    group: 'final',
    requires: ANSWERED_FIELDS,
  },
  {
    id: 'NotSupported',
    label: { ru: 'Вопрос рассмотрен (не поддержано)', en: 'Considered (not supported)' },
    meaning: {
      ru: 'Предложение, заявление или жалоба признаны необоснованными и не подлежащими удовлетворению.',
      en: 'The proposal, application or complaint was found unreasonable and not to be satisfied.',
    },
    group: 'final',
    requires: ANSWERED_FIELDS,
  },
  {
    id: 'Answered',
    label: { ru: 'Дан ответ', en: 'Answered' },
    meaning: {
      ru: 'Дан ответ не по существу: часть 7 статьи 8, части 3 или 6 статьи 11 59-ФЗ.',
      en: 'Answered not on the merits: part 7 of art. 8, parts 3 or 6 of art. 11 of 59-FZ.',
    },
    group: 'final',
    requires: ANSWERED_FIELDS,
  },
  {
    id: 'Supported',
    label: { ru: 'Вопрос рассмотрен (поддержано)', en: 'Considered (supported)' },
    meaning: {
      ru: 'Предложение, заявление или жалоба признаны обоснованными и подлежащими удовлетворению; «Меры приняты» — actionsTaken.',
      en: 'The proposal, application or complaint was found reasonable and to be satisfied; “measures taken” is actionsTaken.',
    },
    group: 'final',
    requires: [...ANSWERED_FIELDS, 'actionsTaken'],
  },
  {
    id: 'Transferred',
    label: { ru: 'Направлено по компетенции', en: 'Transferred by competence' },
    meaning: {
      ru: 'Направлено по компетенции по части 3 статьи 8 59-ФЗ (копии в несколько органов — по одному переводу на каждый).',
      en: 'Forwarded by competence under part 3 of art. 8 of 59-FZ (copies to several bodies: one transfer each).',
    },
    group: 'transferred',
    requires: ['incomingDate', 'registrationDate', 'transfer'],
  },
];

export const STATUS_BY_ID: ReadonlyMap<string, StatusSpec> = new Map(STATUSES.map((s) => [s.id, s]));

/** Spellings seen in real payloads that mean a known status (spec §5). */
export const STATUS_ALIASES: Readonly<Record<string, StatusId>> = {
  NotRecieved: 'NotReceived',
  NotAnswered: 'LeftWithoutAnswer',
  'Not Answered': 'LeftWithoutAnswer',
};

// ---- transitions (§3.3.3; spec §5) --------------------------------------------------------

/** `transfer-record`: the status stays, a transfer record is added instead. */
export type TransitionResult = 'allowed' | 'transfer-record' | 'invalid';

export function transition(from: StatusId, to: StatusId): TransitionResult {
  const a = STATUS_BY_ID.get(from)!.group;
  const b = STATUS_BY_ID.get(to)!.group;
  if (a === 'initial') return 'allowed';
  if (a === 'final' && b === 'final') return 'allowed';
  if (a === 'final' && b === 'transferred') return 'transfer-record';
  if (a === 'transferred' && b === 'transferred') return 'allowed';
  return 'invalid';
}

/** The statuses `from` may change to, for hover docs. */
export function nextStatuses(from: StatusId): StatusId[] {
  return STATUS_IDS.filter((to) => to !== from && transition(from, to) !== 'invalid');
}

// ---- the appeal (§3.1; spec §4) -----------------------------------------------------------

export const FORMAT_VALUES = ['Electronic', 'Other'] as const;
export const FORMAT_LABELS: Readonly<Record<(typeof FORMAT_VALUES)[number], Text>> = {
  Electronic: {
    ru: 'Поступило в электронном виде из другого органа (МЭДО)',
    en: 'Electronic, from another body over MEDO',
  },
  Other: { ru: 'Иной канал или напрямую от заявителя', en: 'Any other channel or directly from the applicant' },
};

export const ROOT_FIELDS: readonly FieldSpec[] = [
  {
    name: 'departmentId',
    type: 'guid',
    section: '3.1',
    doc: {
      ru: 'Идентификатор органа, рассматривающего обращение (GUID из SearchDepartments).',
      en: 'Id of the body that handles the appeal (a GUID from SearchDepartments).',
    },
  },
  {
    name: 'format',
    type: 'enum',
    values: FORMAT_VALUES,
    section: '3.1',
    doc: {
      ru: 'Форма поступления: Electronic — из другого органа по МЭДО; Other — иной канал или напрямую от заявителя.',
      en: 'How the appeal came: Electronic — from another body over MEDO; Other — any other channel or the applicant.',
    },
  },
  {
    name: 'number',
    type: 'string',
    section: '3.1, 3.3',
    doc: {
      ru: 'Номер обращения; вместе с createDate определяет обращение. Номера на «А26» (кириллическая А) — существующие результаты, их можно только обновить.',
      en: 'The appeal number; with createDate it identifies the appeal. Numbers starting “А26” (Cyrillic А) are existing results and can only be updated.',
    },
  },
  {
    name: 'createDate',
    type: 'date',
    section: '3.1',
    doc: { ru: 'Дата создания обращения (ISO 8601).', en: 'The date the appeal was created (ISO 8601).' },
  },
  {
    name: 'name',
    type: 'string',
    section: '3.1',
    doc: { ru: 'ФИО заявителя (персональные данные).', en: 'Applicant name (personal data).' },
  },
  {
    name: 'address',
    type: 'string',
    section: '3.1',
    doc: { ru: 'Адрес заявителя (персональные данные).', en: 'Applicant address (personal data).' },
  },
  {
    name: 'questions',
    type: 'array',
    holds: 'question',
    section: '3.1, 3.2',
    doc: { ru: 'Вопросы обращения, не меньше одного.', en: 'The questions of the appeal, at least one.' },
  },
  {
    name: 'isDirect',
    type: 'boolean',
    optional: true,
    section: '4 (поздние версии формата)',
    doc: {
      ru: 'Обращение поступило напрямую непосредственно от заявителя (поле поздних версий формата).',
      en: 'The appeal came directly from the applicant (a field of later format versions).',
    },
  },
  {
    name: 'email',
    type: 'string',
    optional: true,
    section: '4 (поздние версии формата)',
    doc: {
      ru: 'Адрес электронной почты заявителя (персональные данные; поле поздних версий формата).',
      en: 'Applicant e-mail (personal data; a field of later format versions).',
    },
  },
];

export const QUESTION_FIELDS: readonly (FieldSpec & { name: QuestionFieldName })[] = [
  {
    name: 'code',
    type: 'string',
    section: '3.1',
    doc: {
      ru: 'Последние четыре цифры кода вопроса по Типовому общероссийскому тематическому классификатору.',
      en: 'The last four digits of the question code in the standard all-Russian topic classifier.',
    },
  },
  {
    name: 'status',
    type: 'enum',
    values: STATUS_IDS,
    section: '3.1, 3.2',
    doc: { ru: 'Статус рассмотрения вопроса.', en: 'The status of the question.' },
  },
  {
    name: 'incomingDate',
    type: 'date',
    section: '3.2.2',
    doc: { ru: 'Дата поступления вопроса в орган.', en: 'The date the question reached the body.' },
  },
  {
    name: 'registrationDate',
    type: 'date',
    section: '3.2.3',
    doc: { ru: 'Дата регистрации вопроса.', en: 'The date the question was registered.' },
  },
  {
    name: 'responseDate',
    type: 'date',
    section: '3.2.4',
    doc: { ru: 'Дата ответа заявителю.', en: 'The date of the answer to the applicant.' },
  },
  {
    name: 'attachment',
    type: 'object',
    holds: 'attachment',
    section: '3.2.5',
    doc: {
      ru: 'Файл ответа: name (имя без пути) и content (Base64). Обязателен, если файл не был загружен ранее; повторная загрузка — ошибка.',
      en: 'The answer file: name (no path) and content (Base64). Required unless uploaded before; uploading it again is an error.',
    },
  },
  {
    name: 'actionsTaken',
    type: 'boolean',
    section: '3.2.6',
    doc: { ru: '«Меры приняты» (для статуса Supported).', en: '“Measures taken” (for status Supported).' },
  },
  {
    name: 'transfer',
    type: 'object',
    holds: 'transfer',
    section: '3.2.7',
    doc: {
      ru: 'Перенаправление по компетенции: departmentId, transferDate, transferNumber.',
      en: 'Transfer by competence: departmentId, transferDate, transferNumber.',
    },
  },
];

export const ATTACHMENT_FIELDS: readonly FieldSpec[] = [
  {
    name: 'name',
    type: 'string',
    section: '3.2.5',
    doc: { ru: 'Имя файла без пути, например File.txt.', en: 'File name without any path, e.g. File.txt.' },
  },
  {
    name: 'content',
    type: 'string',
    section: '3.2.5',
    doc: { ru: 'Содержимое файла в Base64.', en: 'The file content in Base64.' },
  },
];

export const TRANSFER_FIELDS: readonly FieldSpec[] = [
  {
    name: 'departmentId',
    type: 'guid',
    section: '3.2.7',
    doc: {
      ru: 'Орган, в который направлен вопрос (не тот же, что departmentId обращения).',
      en: 'The body the question was sent to (not the appeal’s own departmentId).',
    },
  },
  {
    name: 'transferDate',
    type: 'date',
    section: '3.2.7',
    doc: { ru: 'Дата направления.', en: 'The date of the transfer.' },
  },
  {
    name: 'transferNumber',
    type: 'string',
    section: '3.2.7',
    doc: { ru: 'Номер сопроводительного письма.', en: 'The number of the cover letter.' },
  },
];

/** Date ordering (§3.2): each date is not earlier than the one before it in the chain. */
export const DATE_CHAIN = ['createDate', 'incomingDate', 'registrationDate', 'responseDate'] as const;

// ---- topic codes not reported to ССТУ: in excludedCodes.ts (a long list), part of this table
export { EXCLUDED_CODES, EXCLUDED_BY_SHORT_CODE, shortCode, type ExcludedCode } from './excludedCodes';

// ---- the "no appeals this month" report (spec §7; an assumption until format 6.0 §3.4) ------

export const NULL_REPORT_FIELDS: readonly FieldSpec[] = [
  {
    name: 'departmentId',
    type: 'guid',
    section: 'spec §7',
    doc: { ru: 'Орган, у которого не было обращений за месяц.', en: 'The body that had no appeals in the month.' },
  },
  {
    name: 'year',
    type: 'integer',
    section: 'spec §7',
    doc: { ru: 'Год отчётного месяца.', en: 'The year of the month reported.' },
  },
  {
    name: 'month',
    type: 'integer',
    section: 'spec §7',
    doc: { ru: 'Месяц, 1–12; месяц должен уже закончиться.', en: 'The month, 1–12; it must have ended.' },
  },
];

/** Which fields each object of the format has: the document's shape, read from here. */
export const OBJECT_FIELDS: Readonly<Record<FormatObject, readonly FieldSpec[]>> = {
  appeal: ROOT_FIELDS,
  question: QUESTION_FIELDS,
  attachment: ATTACHMENT_FIELDS,
  transfer: TRANSFER_FIELDS,
  'null-report': NULL_REPORT_FIELDS,
};

/** The size of one archive the importer is known to take (spec §2), in MB. */
export const DEFAULT_ARCHIVE_LIMIT_MB = 100;

/** An attachment above this size (decoded, MB) is worth a warning: uploads and archives get heavy. */
export const LARGE_ATTACHMENT_MB = 10;
