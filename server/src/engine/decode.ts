// Bytes → text. The importer reads UTF-8; a file saved as Windows-1251 (common on Russian
// Windows machines and from 1C), KOI8-R, CP866 or UTF-16 is named in the finding so the user
// knows what to re-save it as. The text is still decoded so the other rules can run.
import { isUtf8 } from 'node:buffer';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'koi8-r' | 'ibm866';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  // isUtf8 validates natively and Buffer's decoder is V8's fast path: together several times
  // cheaper than a fatal TextDecoder. The BOM stays in the text for the `rro/bom` rule.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buffer)) return { text: buffer.toString('utf8'), encoding: 'utf-8' };
  const encoding = guessCyrillic(bytes);
  return { text: decode(encoding, bytes), encoding };
}

function decode(encoding: Encoding, bytes: Uint8Array): string {
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * Which single-byte Cyrillic code page? Russian text is mostly lower case, and each code page
 * puts the lower-case letters in a different band: Windows-1251 at E0–FF, KOI8-R at C0–DF,
 * CP866 at A0–AF and E0–EF.
 */
function guessCyrillic(bytes: Uint8Array): Encoding {
  let w1251 = 0;
  let koi8 = 0;
  let cp866 = 0;
  for (const b of bytes) {
    if (b < 0x80) continue;
    if (b >= 0xe0) w1251++;
    if (b >= 0xc0 && b < 0xe0) koi8++;
    if ((b >= 0xa0 && b < 0xb0) || (b >= 0xe0 && b < 0xf0)) cp866++;
  }
  if (koi8 > w1251 && koi8 > cp866) return 'koi8-r';
  if (cp866 > w1251) return 'ibm866';
  return 'windows-1251';
}
