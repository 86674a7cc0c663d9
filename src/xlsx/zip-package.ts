/**
 * An .xlsx (OPC) package as named parts, opened with fflate so it runs in Node and the browser alike.
 * Writers change the parts they own and leave every other part's bytes exactly as they came; the
 * entry order is kept so a diff of two packages lines up part by part.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

export class ZipPackage {
  private constructor(
    private readonly parts: Map<string, Uint8Array>,
    private readonly changed = new Set<string>(),
  ) {}

  /** Throws fflate's error on bytes that are not a zip archive. */
  static open(bytes: Uint8Array): ZipPackage {
    return new ZipPackage(new Map(Object.entries(unzipSync(bytes))));
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  read(name: string): Uint8Array | undefined {
    return this.parts.get(name);
  }

  /** The part as UTF-8 text (every XML part of an .xlsx is UTF-8). */
  text(name: string): string | undefined {
    const bytes = this.parts.get(name);
    return bytes && strFromU8(bytes);
  }

  write(name: string, data: Uint8Array | string): void {
    this.parts.set(name, typeof data === 'string' ? strToU8(data) : data);
    this.changed.add(name);
  }

  /** Drops a part (a cache such as calcChain.xml that the reader rebuilds). */
  remove(name: string): void {
    if (this.parts.delete(name)) this.changed.add(name);
  }

  /** Parts written since opening, in the order first written. */
  changedParts(): string[] {
    return [...this.changed];
  }

  toBytes(): Uint8Array {
    const files: Zippable = {};
    for (const [name, bytes] of this.parts) files[name] = bytes;
    return zipSync(files, { level: 6 });
  }
}
