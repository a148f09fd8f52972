import { CliError, type CliIO } from '../io';

// Placeholder until its issue lands: says so and exits 2.
export async function check(_args: string[], _io: CliIO): Promise<number> {
  throw new CliError('not implemented yet');
}
