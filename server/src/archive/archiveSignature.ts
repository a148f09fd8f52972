// Other archives (and compressed files) by their first bytes: an entry that is an archive
// inside the archive is reported as such, not as text in some odd encoding. The importer reads
// every entry as one JSON document (spec §2), so none of these can be imported.

const SIGNATURES: readonly { format: string; at: number; bytes: readonly number[] }[] = [
  { format: 'ZIP', at: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { format: 'ZIP', at: 0, bytes: [0x50, 0x4b, 0x05, 0x06] }, // an empty ZIP
  { format: 'ZIP', at: 0, bytes: [0x50, 0x4b, 0x07, 0x08] }, // a spanned ZIP
  { format: 'RAR', at: 0, bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { format: '7z', at: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { format: 'gzip', at: 0, bytes: [0x1f, 0x8b] },
  { format: 'xz', at: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { format: 'zstd', at: 0, bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { format: 'CAB', at: 0, bytes: [0x4d, 0x53, 0x43, 0x46, 0x00, 0x00, 0x00, 0x00] },
  { format: 'tar', at: 257, bytes: [0x75, 0x73, 0x74, 0x61, 0x72] }, // "ustar"
];

/** The archive format `bytes` start with (`ZIP`, `RAR`, `7z`, `gzip`, …), or undefined. */
export function archiveFormat(bytes: Uint8Array): string | undefined {
  for (const s of SIGNATURES) {
    if (s.at + s.bytes.length <= bytes.length && s.bytes.every((b, i) => bytes[s.at + i] === b)) return s.format;
  }
  // bzip2: "BZh" and the block size digit 1–9.
  if (
    bytes.length >= 4 &&
    bytes[0] === 0x42 &&
    bytes[1] === 0x5a &&
    bytes[2] === 0x68 &&
    bytes[3] >= 0x31 &&
    bytes[3] <= 0x39
  )
    return 'bzip2';
  return undefined;
}
