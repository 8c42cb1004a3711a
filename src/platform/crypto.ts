// Passphrase encryption of a backup with WebCrypto: AES-256-GCM, key from PBKDF2-SHA-256. The
// sealed file is still a .zip and describes itself: encryption.json (algorithm, salt, iv,
// iterations) beside backup.bin (the ciphertext of the plain backup .zip).
import { strFromU8, strToU8, zipSync } from 'fflate';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;
const HEADER = 'encryption.json';
const BODY = 'backup.bin';

export interface SealHeader {
  format: 'wolfie-backup-sealed';
  version: 1;
  cipher: 'AES-GCM';
  keyBits: 256;
  kdf: 'PBKDF2';
  hash: 'SHA-256';
  iterations: number;
  salt: string; // base64
  iv: string; // base64
}

export class WrongPassphrase extends Error {
  constructor() {
    super('The passphrase is wrong, or the backup was changed after it was written. Nothing was changed.');
  }
}

export function isSealed(entries: Record<string, Uint8Array>): boolean {
  return HEADER in entries && BODY in entries;
}

export async function seal(plain: Uint8Array, passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<Uint8Array> {
  if (!passphrase) throw new Error('An empty passphrase protects nothing: type one, or export without encryption.');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const header: SealHeader = { format: 'wolfie-backup-sealed', version: 1, cipher: 'AES-GCM', keyBits: 256, kdf: 'PBKDF2', hash: 'SHA-256', iterations, salt: b64(salt), iv: b64(iv) };
  const headerBytes = strToU8(JSON.stringify(header, null, 2));
  const key = await deriveKey(passphrase, salt, iterations);
  // The header is authenticated too: changing its iterations or salt makes decryption fail.
  const body = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: headerBytes }, key, plain as Uint8Array<ArrayBuffer>));
  return zipSync({ [HEADER]: [headerBytes, { level: 0 }], [BODY]: [body, { level: 0 }] });
}

export async function unseal(entries: Record<string, Uint8Array>, passphrase: string): Promise<Uint8Array> {
  const headerBytes = entries[HEADER]!;
  let header: SealHeader;
  try {
    header = JSON.parse(strFromU8(headerBytes)) as SealHeader;
  } catch {
    throw new Error('The backup\'s encryption.json is damaged. Nothing was changed.');
  }
  if (header.cipher !== 'AES-GCM' || header.kdf !== 'PBKDF2' || header.hash !== 'SHA-256' || !(header.iterations >= 100_000 && header.iterations <= 10_000_000)) {
    throw new Error('The backup uses an encryption this version of Wolfie does not know. Nothing was changed.');
  }
  const key = await deriveKey(passphrase, unb64(header.salt), header.iterations);
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: unb64(header.iv), additionalData: headerBytes as Uint8Array<ArrayBuffer> }, key, entries[BODY]! as Uint8Array<ArrayBuffer>));
  } catch {
    throw new WrongPassphrase();
  }
}

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', strToU8(passphrase.normalize('NFC')) as Uint8Array<ArrayBuffer>, 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', salt: salt as Uint8Array<ArrayBuffer>, iterations, hash: 'SHA-256' }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

function b64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function unb64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
