import type { Address, IsnSource } from './types.ts';

const M64 = (1n << 64n) - 1n;

function rotl(x: bigint, b: bigint): bigint {
  return ((x << b) | (x >> (64n - b))) & M64;
}

/** SplitMix64: spreads a small seed into the two 64-bit SipHash keys. */
function splitmix64(state: bigint): [bigint, bigint] {
  const s = (state + 0x9e3779b97f4a7c15n) & M64;
  let z = s;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & M64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & M64;
  return [s, z ^ (z >> 31n)];
}

/**
 * SipHash-2-4 (Aumasson & Bernstein), the keyed hash Linux uses for ISNs (net/core/secure_seq.c).
 * Pure and deterministic: the same key and bytes give the same 64-bit value on every platform.
 */
export function sipHash24(k0: bigint, k1: bigint, msg: Uint8Array): bigint {
  let v0 = k0 ^ 0x736f6d6570736575n;
  let v1 = k1 ^ 0x646f72616e646f6dn;
  let v2 = k0 ^ 0x6c7967656e657261n;
  let v3 = k1 ^ 0x7465646279746573n;
  const round = (): void => {
    v0 = (v0 + v1) & M64;
    v1 = rotl(v1, 13n);
    v1 ^= v0;
    v0 = rotl(v0, 32n);
    v2 = (v2 + v3) & M64;
    v3 = rotl(v3, 16n);
    v3 ^= v2;
    v0 = (v0 + v3) & M64;
    v3 = rotl(v3, 21n);
    v3 ^= v0;
    v2 = (v2 + v1) & M64;
    v1 = rotl(v1, 17n);
    v1 ^= v2;
    v2 = rotl(v2, 32n);
  };
  const len = msg.length;
  const end = len - (len % 8);
  const word = (i: number, n: number): bigint => {
    let m = 0n;
    for (let j = n - 1; j >= 0; j--) m = (m << 8n) | BigInt(msg[i + j] ?? 0);
    return m;
  };
  for (let i = 0; i < end; i += 8) {
    const m = word(i, 8);
    v3 ^= m;
    round();
    round();
    v0 ^= m;
  }
  const last = (BigInt(len & 0xff) << 56n) | word(end, len - end);
  v3 ^= last;
  round();
  round();
  v0 ^= last;
  v2 ^= 0xffn;
  round();
  round();
  round();
  round();
  return (v0 ^ v1 ^ v2 ^ v3) & M64;
}

/** The two SipHash keys derived from a numeric secret (the scenario seed). */
export function keysFromSeed(key: number): [bigint, bigint] {
  const [s1, k0] = splitmix64(BigInt.asUintN(64, BigInt(Math.trunc(key))));
  const [, k1] = splitmix64(s1);
  return [k0, k1];
}

function ipBytes(ip: string): number[] {
  const parts = ip.split('.').map((p) => Number(p) & 0xff);
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 0];
}

/** 12 bytes: local IP, local port, remote IP, remote port (the 4-tuple of §3.4.1). */
export function tupleBytes(local: Address, remote: Address): Uint8Array {
  return Uint8Array.from([
    ...ipBytes(local.ip),
    (local.port >> 8) & 0xff,
    local.port & 0xff,
    ...ipBytes(remote.ip),
    (remote.port >> 8) & 0xff,
    remote.port & 0xff,
  ]);
}

/** Keyed 32-bit hash of a 4-tuple plus extra words; also used for SYN cookies. */
export function tupleHash(key: number, local: Address, remote: Address, extra = 0): number {
  const [k0, k1] = keysFromSeed(key);
  const t = tupleBytes(local, remote);
  const msg = new Uint8Array(16);
  msg.set(t, 0);
  msg[12] = (extra >>> 24) & 0xff;
  msg[13] = (extra >>> 16) & 0xff;
  msg[14] = (extra >>> 8) & 0xff;
  msg[15] = extra & 0xff;
  return Number(sipHash24(k0, k1, msg) & 0xffff_ffffn);
}

/**
 * The initial sequence number for a new connection (§3.4.1, RFC 6528): ISN = M + F(4-tuple, key)
 * where M ticks every 4 µs of virtual time. Two connections on the same 4-tuple opened later get
 * a larger ISN, which is what protects a new incarnation from old duplicates.
 */
export function computeIsn(source: IsnSource, local: Address, remote: Address, nowMs: number): number {
  if (source.kind === 'fixed') return source.value >>> 0;
  const m = Math.floor(nowMs * 250);
  return (m + tupleHash(source.key, local, remote)) % 0x1_0000_0000;
}
