/** CRC-32 as zip stores it per entry (fflate computes it internally but does not export it). */
const TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** Feed chunks in order, starting from crc32Start; crc32End gives the unsigned value zip records. */
export const crc32Start = -1;

export function crc32Update(crc: number, chunk: Uint8Array): number {
  let c = crc;
  for (let i = 0; i < chunk.length; i++) c = TABLE[(c ^ chunk[i]) & 0xff] ^ (c >>> 8);
  return c;
}

export const crc32End = (crc: number): number => (crc ^ -1) >>> 0;
