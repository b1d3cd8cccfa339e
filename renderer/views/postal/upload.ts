// Files go to the host in chunks of 512 KiB (base64), each with its byte offset, so that every
// request stays under the HTTP body cap whatever the file size (postal.uploadScan, postal.importCsv).
export const CHUNK_BYTES = 512 * 1024;

export interface ChunkArgs {
  offset: number;
  chunk: string;
  last: boolean;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Sends a file chunk by chunk; `send` gets each chunk and returns the host's answer (the last one is returned). */
export async function sendInChunks<T>(file: Blob, send: (args: ChunkArgs) => Promise<T>, onProgress?: (sent: number, total: number) => void): Promise<T> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let offset = 0;
  for (;;) {
    const end = Math.min(offset + CHUNK_BYTES, bytes.length);
    const last = end >= bytes.length;
    const answer = await send({ offset, chunk: toBase64(bytes.subarray(offset, end)), last });
    onProgress?.(end, bytes.length);
    if (last) return answer;
    offset = end;
  }
}
