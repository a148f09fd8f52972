// The emulator's public face.
export {
  startEmulator,
  DEFAULT_MAX_INFLIGHT_BYTES,
  type Emulator,
  type EmulatorOptions,
  type EmulatorStats,
  type ImportEvent,
} from './server';
export { DataLockedError, lockDataFile } from './lock';
export { DEFAULT_LOG_SCHEDULE, type LogSchedule } from './requestLog';
export { loadState, emptyState, type EmulatorState, type StoredAppeal, type StoredQuestion } from './state';
export { loadDepartments, findDepartments } from './departments';
export { rateFaults, seededRandom, DEFAULT_LATE_MS, type Fault, type FaultPolicy, type RequestContext } from './faults';
export { applyImport, ImportRejected } from './apply';
