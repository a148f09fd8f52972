// The batch sender's public face: plan (gate + hashes), run (workers, retries, journal), reports.
export { planSend, SEND_EXCLUDE, type PlanItem, type PlanOptions, type SendErrorPolicy, type SendPlan } from './plan';
export { runSend, DEFAULT_CONCURRENCY, type SendProgress, type SendRunOptions, type SendRunResult } from './sender';
export { loadReport, ReportFormatError } from './journal';
export { renderMarkdown, reasonText } from './markdown';
export {
  DEFAULT_BREAKER,
  DEFAULT_RETRY,
  MAX_RETRY_AFTER_MS,
  backoffDelay,
  retryAfterMs,
  TRANSIENT_STATUSES,
  type RetryPolicy,
} from './retry';
export { readLogs, logFor, receivedSince, LOG_CLOCK_SKEW_MS, type DepartmentLog } from './reconcile';
export { judge, pointerFor, exceptionMessage } from './outcome';
export { spanOfPointer, type TextSpan } from './locate';
export * from './types';
export { platformStatus, appealsOf, type PlatformState, type StatusResult, type StatusRow } from './status';
// Shown with text from outside (the client reaches the core through one face).
export { escapeControl } from '../util/safeText';
