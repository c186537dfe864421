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

/**
 * The keyed hash of a user's codice fiscale, by which single sign-on finds them. Domain-separated
 * from recipientHash, so a user's hash never matches the same person's enrolments. SPID's
 * fiscal_number carries a "TINIT-" prefix, which is dropped.
 */
export function userFiscalCodeHash(key: Uint8Array, taxCode: string): string {
  const code = normaliseTaxCode(taxCode).replace(/^TINIT-/, '');
  return createHmac('sha256', key).update(`reti-user-sso\0${code}`).digest('hex');
}
