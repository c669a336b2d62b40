import { describe, expect, it } from 'vitest';
import { FLAG_BITS, fieldAt, hexBytes, layoutPacket } from '../../src/labs/view/field-layout.ts';

/** A Linux-style SYN: IPv4 (20 B) + TCP with MSS, SACK_PERM, TS, NOP, WS (40 B). */
function synPacket(): Uint8Array {
  const ip = [0x45, 0x00, 0x00, 0x3c, 0x12, 0x34, 0x40, 0x00, 0x40, 0x06, 0xab, 0xcd, 127, 0, 0, 1, 127, 0, 0, 1];
  const tcp = [
    0xc3,
    0x50,
    0x9c,
    0x40, // ports 50000 → 40000
    0x00,
    0x00,
    0x00,
    0x64, // seq 100
    0x00,
    0x00,
    0x00,
    0x00, // ack 0
    0xa0,
    0x02,
    0xff,
    0xd7, // data offset 10 (40 B), SYN, window 65495
    0x12,
    0x34,
    0x00,
    0x00, // checksum, urgent
    0x02,
    0x04,
    0xff,
    0xd7, // MSS 65495
    0x04,
    0x02, // SACK_PERM
    0x08,
    0x0a,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    0x00,
    0x00,
    0x00, // TS 1 / 0
    0x01, // NOP
    0x03,
    0x03,
    0x0a, // WS 10
  ];
  return Uint8Array.from([...ip, ...tcp]);
}

describe('segment inspector field layout', () => {
  it('finds every header field at its RFC offset', () => {
    const r = layoutPacket(synPacket());
    if (!r.ok) throw new Error(r.error);
    const byId = new Map(r.fields.map((f) => [f.id, f]));
    expect(byId.get('ip.src')).toMatchObject({ start: 12, end: 16, value: '127.0.0.1' });
    expect(byId.get('ip.frag')?.value).toBe('DF, offset 0');
    expect(byId.get('tcp.sport')).toMatchObject({ start: 20, end: 22, value: '50000' });
    expect(byId.get('tcp.dport')?.value).toBe('40000');
    expect(byId.get('tcp.seq')).toMatchObject({ start: 24, end: 28, value: '100' });
    expect(byId.get('tcp.off')).toMatchObject({ start: 32, bits: '11110000', value: '10 × 4 = 40' });
    expect(byId.get('tcp.win')?.value).toBe('65495');
    expect(byId.get('opt.mss')).toMatchObject({ start: 40, end: 44, value: '65495' });
    expect(byId.get('opt.sackperm')).toMatchObject({ start: 44, end: 46 });
    expect(byId.get('opt.ts')).toMatchObject({ start: 46, end: 56, value: '1 / 0' });
    expect(byId.get('opt.nop')).toMatchObject({ start: 56, end: 57 });
    expect(byId.get('opt.ws')).toMatchObject({ start: 57, end: 60, value: '10 (× 1024)' });
    expect(r.payloadStart).toBe(60);
    expect(byId.has('data')).toBe(false);
  });

  it('gives each flag its own bit, SYN set and the others clear', () => {
    const r = layoutPacket(synPacket());
    if (!r.ok) throw new Error(r.error);
    const flags = r.fields.filter((f) => f.group === 'flag');
    expect(flags.map((f) => f.id)).toEqual(FLAG_BITS.map((n) => `flag.${n.toLowerCase()}`));
    expect(flags.filter((f) => f.value === '1').map((f) => f.id)).toEqual(['flag.syn']);
    expect(new Set(flags.map((f) => f.bits)).size).toBe(8);
    expect(flags.every((f) => f.start === 33)).toBe(true);
  });

  it('maps every byte to a field', () => {
    const b = synPacket();
    const r = layoutPacket(b);
    if (!r.ok) throw new Error(r.error);
    for (let i = 0; i < b.length; i++) expect(fieldAt(r.fields, i), `byte ${i}`).toBeDefined();
    expect(hexBytes(b).slice(0, 2)).toEqual(['45', '00']);
  });

  it('names the byte where a malformed packet goes wrong', () => {
    expect(layoutPacket(new Uint8Array(10))).toEqual({ ok: false, error: 'short-ip', at: 10 });
    const v6 = synPacket();
    v6[0] = 0x60;
    expect(layoutPacket(v6)).toMatchObject({ ok: false, error: 'not-ipv4', at: 0 });
    const udp = synPacket();
    udp[9] = 17;
    expect(layoutPacket(udp)).toMatchObject({ ok: false, error: 'not-tcp', at: 9 });
    const badOpt = synPacket();
    badOpt[41] = 40;
    expect(layoutPacket(badOpt)).toMatchObject({ ok: false, error: 'bad-option', at: 41 });
    const badOff = synPacket();
    badOff[32] = 0xf0;
    expect(layoutPacket(badOff)).toMatchObject({ ok: false, error: 'bad-offset', at: 32 });
  });
});
