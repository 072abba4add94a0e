// A parser's input built from text (or bytes), as the parser workers build it from a file.
import { declaredCharset, decodeText } from '../../src/engine/ingest/decode.ts';
import { ParseError, type ParseInput } from '../../src/engine/ingest/parsers/types.ts';

export function textInput(text: string, fileName: string): ParseInput {
  return { bytes: Buffer.from(text, 'utf8'), fileName, text: () => text };
}

export function bytesInput(bytes: Uint8Array, fileName: string): ParseInput {
  return {
    bytes,
    fileName,
    text() {
      const decoded = decodeText(bytes, declaredCharset(bytes));
      if (!decoded.ok) throw new ParseError(decoded.reason);
      return decoded.text;
    },
  };
}
