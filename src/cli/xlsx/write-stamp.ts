/**
 * validate --stamp: the submission stamp written into the workbook's custom properties by patching the
 * package (docProps/custom.xml, and its relationship and content type when new); every other part keeps
 * its bytes. The file is replaced through a temporary file and a rename, so a failure leaves it as it was.
 */
import { renameSync, rmSync, writeFileSync } from 'fs';
import type { Stamp } from '../../engine/stamp/stamp';
import { stampToProperties } from '../../engine/stamp/stamp';
import { writeCustomProperties } from '../../xlsx/custom-properties';
import { ZipPackage } from '../../xlsx/zip-package';

/** The workbook's bytes with the stamp set (a previous stamp replaced). */
export function stampedBytes(bytes: Uint8Array, stamp: Stamp): Uint8Array {
  const pkg = ZipPackage.open(bytes);
  writeCustomProperties(pkg, stampToProperties(stamp));
  return pkg.toBytes();
}

export function writeStamp(file: string, bytes: Uint8Array, stamp: Stamp): void {
  const out = stampedBytes(bytes, stamp);
  const tmp = `${file}.stamp-${process.pid}.tmp`;
  try {
    writeFileSync(tmp, out, { flag: 'wx' });
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
