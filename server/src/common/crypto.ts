import { createHmac } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { normaliseTaxCode } from './tax-code';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** HMAC-SHA256 of the codice fiscale with the server's key: the same person gives the same hash in every tenant. */
export function recipientHash(key: Uint8Array, taxCode: string): string {
  return createHmac('sha256', key).update(normaliseTaxCode(taxCode)).digest('hex');
}
