/**
 * SHA-256 through Web Crypto, which Node 20 and every browser Office runs in provide as
 * globalThis.crypto.subtle; injected into the engine's stamp code, which imports no platform API.
 */
import type { Sha256Hex } from '../engine/stamp/stamp';

export const webCryptoSha256: Sha256Hex = async (text) => {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('此环境不提供 Web Crypto（crypto.subtle），无法计算校验印记。/ Web Crypto is not available here.');
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
};
