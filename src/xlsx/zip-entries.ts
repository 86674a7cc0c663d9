/**
 * Reading single parts of an .xlsx without inflating the rest: the zip's central directory gives each
 * entry's declared sizes and where its data lies (fflate's unzip exposes names and sizes but not the
 * offsets), and fflate's streaming Inflate hands the data on in chunks while the real inflated bytes are
 * counted — so a part that inflates past its limit is stopped there, whatever its header claimed.
 */
import { Inflate, inflateSync } from 'fflate';
import { checkLimit, ReadLimitError, type ReadLimits } from './read-limits';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As the directory declares it; the inflated count is checked again while reading. */
  size: number;
  localHeaderOffset: number;
  encrypted: boolean;
  /** CRC-32 of the inflated data, as the directory records it. */
  crc: number;
  /** General-purpose flags (bit 3: sizes and CRC in a data descriptor after the data). */
  flags: number;
  /** Where the entry's central directory record lies, so a writer can copy it as it is. */
  centralOffset: number;
  centralLength: number;
}

/** The bytes are not a zip this reader can use: truncated, mangled, or a kind of zip no Office writes. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const utf8 = new TextDecoder('utf-8');

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The directory of a zip: every entry, by the names OPC compares case-insensitively. */
export function readZipDirectory(bytes: Uint8Array, limits: ReadLimits): ZipEntry[] {
  const dv = view(bytes);
  // The end record is the last 22 bytes unless a comment (at most 65535 bytes) follows it.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end-of-central-directory record (the file is truncated)');
  const count = dv.getUint16(eocd + 10, true);
  const dirSize = dv.getUint32(eocd + 12, true);
  let p = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || p === 0xffffffff) throw new ZipFormatError('ZIP64 archives are not read (no workbook needs one)');
  checkLimit(limits, 'entries', count);
  if (p + dirSize > bytes.length) throw new ZipFormatError('the central directory lies beyond the end of the file (truncated)');
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== CENTRAL) throw new ZipFormatError(`central directory entry ${n} is damaged`);
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    let compressedSize = dv.getUint32(p + 20, true);
    let size = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    let localHeaderOffset = dv.getUint32(p + 42, true);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > bytes.length) throw new ZipFormatError(`central directory entry ${n} is damaged`);
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // ZIP64 sizes: 0xFFFFFFFF in the record, the real value in the extra field (id 1), in this order.
    if (size === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      const big = zip64Extra(dv, p + 46 + nameLen, extraLen);
      let k = 0;
      const next = () => (k < big.length ? big[k++] : Number.POSITIVE_INFINITY);
      if (size === 0xffffffff) size = next();
      if (compressedSize === 0xffffffff) compressedSize = next();
      if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
    }
    const crc = dv.getUint32(p + 16, true);
    entries.push({ name, method, compressedSize, size, localHeaderOffset, encrypted: (flags & 1) === 1, crc, flags, centralOffset: p, centralLength: end - p });
    p = end;
  }
  return entries;
}

function zip64Extra(dv: DataView, start: number, len: number): number[] {
  for (let q = start; q + 4 <= start + len; ) {
    const id = dv.getUint16(q, true);
    const size = dv.getUint16(q + 2, true);
    if (id === 1) {
      const out: number[] = [];
      for (let r = q + 4; r + 8 <= q + 4 + size; r += 8) out.push(Number(dv.getBigUint64(r, true)));
      return out;
    }
    q += 4 + size;
  }
  return [];
}

/**
 * Inflates one entry, handing each chunk to `onChunk` as it comes, after `count` has seen its length —
 * `count` throws (a ReadLimitError) to stop inflating. Returns the bytes inflated.
 */
export function streamEntry(bytes: Uint8Array, entry: ZipEntry, count: (bytes: number) => void, onChunk: (chunk: Uint8Array) => void): number {
  if (entry.encrypted) throw new ZipFormatError(`${entry.name} is encrypted inside the zip`);
  const dv = view(bytes);
  const h = entry.localHeaderOffset;
  if (h + 30 > bytes.length || dv.getUint32(h, true) !== LOCAL) throw new ZipFormatError(`the local header of ${entry.name} is damaged`);
  const start = h + 30 + dv.getUint16(h + 26, true) + dv.getUint16(h + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipFormatError(`the data of ${entry.name} runs past the end of the file (truncated)`);
  const data = bytes.subarray(start, end);
  let inflated = 0;
  const take = (chunk: Uint8Array) => {
    inflated += chunk.length;
    count(chunk.length);
    if (chunk.length) onChunk(chunk);
  };
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += CHUNK) take(data.subarray(i, Math.min(data.length, i + CHUNK)));
    return inflated;
  }
  if (entry.method !== 8) throw new ZipFormatError(`${entry.name} uses zip compression method ${entry.method}, which Office never writes`);
  // Most parts are small: inflated in one call into a buffer of the declared size (one byte over, to see a
  // lie). Small compressed data bounds what a lie can cost; a lying entry is inflated again, counted.
  if (data.length <= ONE_CALL && entry.size <= ONE_CALL_OUT) {
    let whole: Uint8Array | undefined;
    try {
      whole = inflateSync(data, { out: new Uint8Array(entry.size + 1) });
    } catch {
      whole = undefined; // damaged data: the streaming path below names the fault
    }
    if (whole && whole.length === entry.size) {
      take(whole);
      return inflated;
    }
  }
  let done = false;
  const inflate = new Inflate((chunk, final) => {
    take(chunk);
    if (final) done = true;
  });
  try {
    for (let i = 0; i < data.length; i += CHUNK) inflate.push(data.subarray(i, Math.min(data.length, i + CHUNK)), i + CHUNK >= data.length);
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof ReadLimitError || !(err instanceof Error) || (err as { code?: unknown }).code === undefined) throw err;
    throw new ZipFormatError(`${entry.name} cannot be inflated (${(err as Error).message ?? String(err)})`);
  }
  if (!done) throw new ZipFormatError(`${entry.name} ends before its compressed data does (truncated)`);
  return inflated;
}

const ONE_CALL = 256 * 1024;
const ONE_CALL_OUT = 16 * 1024 * 1024;

/** Compressed input fed per push: deflate expands at most ~1000×, so a limit stops inflating within ~16 MB. */
const CHUNK = 16 * 1024;

/**
 * The inflated bytes one workbook may cost, counted across every part read from it: each entry is checked on its
 * declared size before inflating, then on the bytes actually inflated (a directory can lie). Shared by the
 * streaming reader, the package writer and the playground's limits check.
 */
export class InflateBudget {
  private total = 0;

  constructor(readonly limits: ReadLimits) {}

  /** Inflates `entry` of `bytes` within the part and total limits, handing each chunk on. Returns the bytes inflated. */
  inflate(bytes: Uint8Array, entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): number {
    checkLimit(this.limits, 'partBytes', entry.size, entry.name);
    checkLimit(this.limits, 'totalBytes', this.total + entry.size, entry.name);
    let inPart = 0;
    streamEntry(
      bytes,
      entry,
      (n) => {
        inPart += n;
        this.total += n;
        checkLimit(this.limits, 'partBytes', inPart, entry.name);
        checkLimit(this.limits, 'totalBytes', this.total, entry.name);
      },
      onChunk,
    );
    return inPart;
  }
}
