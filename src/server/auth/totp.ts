import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/** RFC 6238 time-based one-time codes: 6 digits, 30 s, SHA-1 (what every authenticator app reads). */
function totpFor(secretBase32: string, email: string): TOTP {
  return new TOTP({ issuer: 'Kembar', label: email, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export async function describeTotp(secretBase32: string, email: string): Promise<{ otpauthUrl: string; qrSvg: string }> {
  const otpauthUrl = totpFor(secretBase32, email).toString();
  return { otpauthUrl, qrSvg: await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1 }) };
}

const PERIOD_SECONDS = 30;

/**
 * The time step a code belongs to, or null when it is wrong. Accepts the current code and its
 * neighbours (±30 s) to allow for clock drift; callers refuse a step already used (replay).
 */
export function totpStep(secretBase32: string, email: string, code: string, now = Date.now()): number | null {
  const delta = totpFor(secretBase32, email).validate({ token: code, window: 1, timestamp: now });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

/** The code an authenticator would show now (tests and the demo). */
export function currentTotp(secretBase32: string, email: string): string {
  return totpFor(secretBase32, email).generate();
}
