// The commands that carry the engine, the ZIP code and the sender, in their own bundle
// (dist/clientCommands.js), loaded the first time one of them runs (see commands/index.ts).
import type { ClientServices, CommandRegistration } from './commands/index';
import { registerPack } from './commands/pack';
import { registerSend } from './commands/send';
import { registerFindDepartment } from './commands/departments';
import { registerNullReport } from './commands/nullReport';
import { AppealFormProvider } from './form/provider';

const HEAVY: readonly CommandRegistration[] = [registerPack, registerSend, registerFindDepartment, registerNullReport];

/** Registers the real commands (the stubs are gone by now) and returns what to dispose. */
export function registerHeavyCommands(services: ClientServices): void {
  for (const register of HEAVY) {
    const made = register(services);
    services.context.subscriptions.push(...(Array.isArray(made) ? made : [made]));
  }
}

/** The appeal form's provider (form/lazy.ts registers the custom editor and asks for this). */
export function createFormProvider(services: ClientServices): AppealFormProvider {
  return new AppealFormProvider(services);
}
