// The language server's entry (bundled as dist/server.js). Placeholder until it lands.
export {};
