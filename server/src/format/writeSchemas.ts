// `npm run schemas`: regenerate `schemas/*.schema.json` from the format table. Run it after
// changing `table.ts`; a test fails while the committed files are stale.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { schemaFiles } from './schema';

// Compiled to out/server/src/format/: the repository root is four levels up.
const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

for (const file of schemaFiles()) {
  const target = path.join(repoRoot, file.path);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, file.text);
  console.log(file.path);
}
