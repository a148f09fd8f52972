// The emulator's public face.
export { startEmulator, type Emulator, type EmulatorOptions, type EmulatorStats, type ImportEvent } from './server';
export { loadState, emptyState, type EmulatorState, type StoredAppeal, type StoredQuestion } from './state';
export { loadDepartments, findDepartments } from './departments';
export { rateFaults, seededRandom, type Fault, type FaultPolicy, type RequestContext } from './faults';
export { applyImport, ImportRejected } from './apply';
