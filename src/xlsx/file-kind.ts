/**
 * What a file's bytes are, before they go to a zip reader: the CLI (Node Buffer, itself a Uint8Array) and
 * the playground (browser bytes) tell the user by the same signs why a file is not an xlsx.
 */

export type FileKind = 'zip' | 'cfb-encrypted' | 'cfb' | 'other';

const ZIP_MAGIC = [0x50, 0x4b]; // "PK": every xlsx is a zip archive
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // OLE compound file: .xls, or an encrypted xlsx
/** "EncryptionInfo" in UTF-16LE: the stream Office puts in the compound file wrapping an encrypted xlsx. */
const ENCRYPTION_INFO = [...'EncryptionInfo'].flatMap((ch) => [ch.charCodeAt(0), 0]);

const startsWith = (bytes: Uint8Array, magic: number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

function includes(bytes: Uint8Array, needle: number[]): boolean {
  for (let i = bytes.indexOf(needle[0]); i !== -1 && i + needle.length <= bytes.length; i = bytes.indexOf(needle[0], i + 1)) {
    if (needle.every((b, j) => bytes[i + j] === b)) return true;
  }
  return false;
}

/** A plain .xls is a compound file too; only an encrypted xlsx's directory names an EncryptionInfo stream. */
export function sniffFileKind(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, ZIP_MAGIC) && (bytes[2] === 0x03 || bytes[2] === 0x05 || bytes[2] === 0x07)) return 'zip';
  if (startsWith(bytes, CFB_MAGIC)) return includes(bytes, ENCRYPTION_INFO) ? 'cfb-encrypted' : 'cfb';
  return 'other';
}
