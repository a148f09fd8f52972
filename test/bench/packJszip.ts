// The baselines of `npm run bench -- pack` that run in a child process of their own (so
// /usr/bin/time measures each alone): jszip 3.10 writing a folder (generateNodeStream, DEFLATE
// level 6, as the design card proposed) and reading an archive back with its CRC check; and our
// own reader doing the same read. Not a bench itself (no `bench` export):
//   node out/test/bench/packJszip.js jszip-write <folder> <out.zip>
//   node out/test/bench/packJszip.js jszip-read <file.zip>
//   node out/test/bench/packJszip.js ours-read <file.zip>
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { ZipReader } from '../../server/src/archive/zipReader';

function filesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), r);
      else if (e.isFile()) out.push(r);
    }
  };
  walk(root, '');
  return out;
}

async function jszipWrite(folder: string, output: string): Promise<void> {
  const zip = new JSZip();
  for (const rel of filesUnder(folder)) zip.file(rel, readFileSync(path.join(folder, ...rel.split('/'))));
  await new Promise<void>((resolve, reject) => {
    zip
      .generateNodeStream({
        type: 'nodebuffer',
        streamFiles: true,
        compression: 'DEFLATE',
        compressionOptions: { level: 6 },
      })
      .pipe(createWriteStream(output))
      .on('finish', resolve)
      .on('error', reject);
  });
}

async function jszipRead(file: string): Promise<number> {
  const zip = await JSZip.loadAsync(readFileSync(file), { checkCRC32: true });
  let bytes = 0;
  for (const entry of Object.values(zip.files)) if (!entry.dir) bytes += (await entry.async('uint8array')).length;
  return bytes;
}

function oursRead(file: string): number {
  const zip = ZipReader.openFile(file);
  try {
    let bytes = 0;
    for (const entry of zip.entries) if (!entry.isDirectory) bytes += zip.read(entry).length; // CRC checked by read()
    return bytes;
  } finally {
    zip.close();
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const [mode, a, b] = argv;
  if (mode === 'jszip-write' && a && b) await jszipWrite(a, b);
  else if (mode === 'jszip-read' && a) process.stdout.write(`${await jszipRead(a)}\n`);
  else if (mode === 'ours-read' && a) process.stdout.write(`${oursRead(a)}\n`);
  else throw new Error(`usage: packJszip.js jszip-write <folder> <out.zip> | jszip-read <zip> | ours-read <zip>`);
}

if (require.main === module)
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
