// The API module's public face: endpoint, client, headers, proxies, department search, request log.
export * from './endpoint';
export * from './client';
export * from './headers';
export { proxyFromEnv } from './proxy';
export * from './departments';
export * from './requestLog';
