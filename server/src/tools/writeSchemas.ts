// `npm run schemas`: regenerate `schemas/*.schema.json` from the format table. Run it after
// changing `table.ts`; a test fails while the committed files are stale. A tool, not part of
// the format layer: it writes files, and `format/` stays free of I/O.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { schemaFiles } from '../format/schema';

// Compiled to out/server/src/tools/: the repository root is four levels up.
const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

for (const file of schemaFiles()) {
  const target = path.join(repoRoot, file.path);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, file.text);
  console.log(file.path);
}
