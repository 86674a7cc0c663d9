/**
 * An .xlsx (OPC) package as named parts, for writers that change a few parts and must leave the rest alone
 * (the annotated copy, the submission stamp). Browser-safe: fflate and our zip directory reader.
 *
 * A part is inflated only when a writer reads it, within READ_LIMITS, so a huge picture or a zip bomb in a part
 * nobody reads costs nothing; and toBytes() copies every part not written as the original zip stored it —
 * local header, compressed data, directory record — so those parts are byte-identical even compressed, and
 * only the written parts are deflated anew. The entry order is kept, so two packages line up part by part.
 */
import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import { READ_LIMITS, type ReadLimits } from './read-limits';
import { crc32End, crc32Start, crc32Update } from './crc32';
import { InflateBudget, readZipDirectory, ZipFormatError, type ZipEntry } from './zip-entries';

const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const EOCD = 0x06054b50;

/** A stored entry: where its bytes are and what the directory says of it. */
interface Stored {
  source: Uint8Array;
  entry: ZipEntry;
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The local header, data and any data descriptor of an entry, as one slice of its archive. */
function localRecord({ source, entry }: Stored): Uint8Array {
  const dv = view(source);
  const h = entry.localHeaderOffset;
  if (h + 30 > source.length || dv.getUint32(h, true) !== LOCAL) throw new ZipFormatError(`the local header of ${entry.name} is damaged`);
  let end = h + 30 + dv.getUint16(h + 26, true) + dv.getUint16(h + 28, true) + entry.compressedSize;
  if (entry.flags & 8) end += end + 4 <= source.length && dv.getUint32(end, true) === DESCRIPTOR ? 16 : 12;
  if (end > source.length) throw new ZipFormatError(`the data of ${entry.name} runs past the end of the file (truncated)`);
  return source.subarray(h, end);
}

export class ZipPackage {
  private readonly order: string[];
  private readonly inflated = new Map<string, Uint8Array>();
  private readonly changed = new Set<string>();
  private readonly budget: InflateBudget;

  private constructor(
    private readonly source: Uint8Array,
    private readonly stored: Map<string, ZipEntry>,
    private readonly limits: ReadLimits,
  ) {
    this.order = [...stored.keys()];
    this.budget = new InflateBudget(limits);
  }

  /** Reads the zip directory only. Throws ZipFormatError on bytes that are not a zip archive, ReadLimitError past the entry limit. */
  static open(bytes: Uint8Array, limits: ReadLimits = READ_LIMITS): ZipPackage {
    const stored = new Map<string, ZipEntry>();
    for (const entry of readZipDirectory(bytes, limits)) stored.set(entry.name, entry);
    return new ZipPackage(bytes, stored, limits);
  }

  names(): string[] {
    return [...this.order];
  }

  has(name: string): boolean {
    return this.inflated.has(name) || this.stored.has(name);
  }

  /** The part's bytes, inflated on first read within the limits (ReadLimitError past them, ZipFormatError when damaged). */
  read(name: string): Uint8Array | undefined {
    const done = this.inflated.get(name);
    if (done) return done;
    const entry = this.stored.get(name);
    if (!entry) return undefined;
    const chunks: Uint8Array[] = [];
    const size = this.inflate(entry, (chunk) => chunks.push(chunk.slice()));
    const bytes = chunks.length === 1 ? chunks[0] : new Uint8Array(size);
    if (chunks.length !== 1) {
      let at = 0;
      for (const c of chunks) {
        bytes.set(c, at);
        at += c.length;
      }
    }
    this.inflated.set(name, bytes);
    return bytes;
  }

  /**
   * Inflates a stored entry within the limits, checking its CRC-32: a part copied as stored is first known to
   * be intact, so a copy never carries damage the reader would have refused. Returns the inflated size.
   */
  private inflate(entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): number {
    let crc = crc32Start;
    const size = this.budget.inflate(this.source, entry, (chunk) => {
      crc = crc32Update(crc, chunk);
      onChunk(chunk);
    });
    if (size !== entry.size || crc32End(crc) !== entry.crc) throw new ZipFormatError(`${entry.name} is damaged inside the zip (its size or checksum does not match)`);
    return size;
  }


  /** The part as UTF-8 text (every XML part of an .xlsx is UTF-8). */
  text(name: string): string | undefined {
    const bytes = this.read(name);
    return bytes && strFromU8(bytes);
  }

  write(name: string, data: Uint8Array | string): void {
    if (!this.has(name)) this.order.push(name);
    this.inflated.set(name, typeof data === 'string' ? strToU8(data) : data);
    this.changed.add(name);
  }

  /** Drops a part (a cache such as calcChain.xml that the reader rebuilds). */
  remove(name: string): void {
    const at = this.order.indexOf(name);
    if (at < 0) return;
    this.order.splice(at, 1);
    this.stored.delete(name);
    this.inflated.delete(name);
    this.changed.delete(name);
  }

  /** Parts written since opening, in the order first written. */
  changedParts(): string[] {
    return [...this.changed];
  }

  /** The package: parts not written copied as stored, written ones deflated. */
  toBytes(): Uint8Array {
    const fresh: Zippable = {};
    for (const name of this.changed) fresh[name] = this.inflated.get(name) as Uint8Array;
    // A record that keeps its sizes or offset in a ZIP64 field cannot be moved by patching the offset: deflated anew.
    const src = view(this.source);
    for (const [name, e] of this.stored) {
      if (this.changed.has(name)) continue;
      const at = e.centralOffset;
      if ([20, 24, 42].some((k) => src.getUint32(at + k, true) === 0xffffffff)) fresh[name] = this.read(name) as Uint8Array;
      else if (!this.inflated.has(name)) this.inflate(e, () => undefined);
    }
    const freshZip = zipSync(fresh, { level: 6 });
    const freshEntries = new Map(readZipDirectory(freshZip, { ...this.limits, entries: Number.MAX_SAFE_INTEGER }).map((e) => [e.name, e]));
    const records = this.order.map((name): Stored => {
      const made = freshEntries.get(name);
      return made ? { source: freshZip, entry: made } : { source: this.source, entry: this.stored.get(name) as ZipEntry };
    });

    const locals = records.map(localRecord);
    const centralSize = records.reduce((n, r) => n + r.entry.centralLength, 0);
    const localSize = locals.reduce((n, l) => n + l.length, 0);
    const out = new Uint8Array(localSize + centralSize + 22);
    const dv = view(out);
    let at = 0;
    const offsets: number[] = [];
    for (const local of locals) {
      offsets.push(at);
      out.set(local, at);
      at += local.length;
    }
    const centralStart = at;
    records.forEach((r, i) => {
      out.set(r.source.subarray(r.entry.centralOffset, r.entry.centralOffset + r.entry.centralLength), at);
      dv.setUint32(at + 42, offsets[i], true);
      at += r.entry.centralLength;
    });
    dv.setUint32(at, EOCD, true);
    dv.setUint16(at + 8, records.length, true);
    dv.setUint16(at + 10, records.length, true);
    dv.setUint32(at + 12, centralSize, true);
    dv.setUint32(at + 16, centralStart, true);
    return out;
  }
}
