// Turning a file's bytes into text. UTF-8 (with or without BOM) and UTF-16 with a BOM are
// read as such; other bytes that are not valid UTF-8 fall back to windows-1252, the usual
// encoding of older Western text files. Binary data is refused instead of stored as garbage.

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

const SNIFF_BYTES = 8192;

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeWith('utf-8', bytes.subarray(3), 'utf-8 (BOM)');
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2), 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2), 'utf-16be');
  if (looksBinary(bytes)) return { ok: false, reason: 'binary data, not text' };
  const utf8 = decodeWith('utf-8', bytes, 'utf-8');
  if (utf8.ok) return utf8;
  return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
}

function decodeWith(label: string, bytes: Uint8Array, name: string): Decoded {
  try {
    return { ok: true, text: new TextDecoder(label, { fatal: true }).decode(bytes), encoding: name };
  } catch {
    return { ok: false, reason: `not valid ${name} text` };
  }
}

/** NUL bytes, or many control characters, in the first few kilobytes mean this is not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return end > 0 && control / end > 0.1;
}
