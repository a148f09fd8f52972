// The batch sender's public face: plan (gate + hashes), run (workers, retries, journal), reports.
export { planSend, SEND_EXCLUDE, type PlanItem, type PlanOptions, type SendPlan } from './plan';
export { runSend, DEFAULT_CONCURRENCY, type SendProgress, type SendRunOptions, type SendRunResult } from './sender';
export { loadReport, ReportFormatError } from './journal';
export { renderMarkdown } from './markdown';
export { DEFAULT_RETRY, backoffDelay, TRANSIENT_STATUSES, type RetryPolicy } from './retry';
export { judge, pointerFor, exceptionMessage } from './outcome';
export { spanOfPointer, type TextSpan } from './locate';
export * from './types';
