// A failure whose message is a finished sentence for the user (a bad argument, a path that
// cannot be read). Services below the front doors throw it; the CLI prints it and exits 2,
// the VS Code client shows it as it is.
export class UserError extends Error {}
