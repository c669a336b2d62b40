import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import {
  CaptureError,
  decodeEthernet,
  decodeIp,
  decodeIpv4,
  decodeIpv6,
  decodeTcp,
  encodeEthernet,
  encodeIpv4,
  encodeTcp,
  flagNames,
  formatAddress,
  internetChecksum,
  NO_FLAGS,
  parseIpv4,
  type TcpOption,
} from '../../../src/engine/wire/index.ts';

const A = parseIpv4('127.0.0.1');
const B = parseIpv4('10.1.2.3');
const hex = (s: string): Uint8Array =>
  Uint8Array.from(
    s
      .replace(/\s+/g, '')
      .match(/../g)!
      .map((h) => parseInt(h, 16)),
  );

// The SYN of tests/fixtures/kernel-traces/normal.pcap, IPv4 header onwards (file offset 24 + 16
// record header + 14 Ethernet), exactly as the kernel wrote it: its TCP checksum is unfinished
// because loopback "offloads" it (tshark: "should be 0x32db").
const KERNEL_SYN = new Uint8Array(readFileSync(new URL('../../fixtures/kernel-traces/normal.pcap', import.meta.url))).slice(54, 54 + 60);

describe('Internet checksum (RFC 1071)', () => {
  it('matches the worked example of RFC 1071 §3', () => {
    // 00 01 f2 03 f4 f5 f6 f7 sums to 0xddf2; checksum is its complement.
    expect(internetChecksum(hex('0001f203f4f5f6f7'))).toBe(~0xddf2 & 0xffff);
  });
  it('pads an odd byte with zero', () => {
    expect(internetChecksum(hex('01'))).toBe(~0x0100 & 0xffff);
  });
});

describe('IPv4', () => {
  it('decodes the kernel SYN and its header checksum verifies', () => {
    const ip = decodeIpv4(KERNEL_SYN);
    expect(formatAddress(ip.src)).toBe('127.0.0.1');
    expect(ip.protocol).toBe(6);
    expect(ip.ttl).toBe(64);
    expect(ip.payloadLength).toBe(40);
    expect(ip.checksumOk).toBe(true);
  });
  it('re-encodes to the same header bytes', () => {
    const ip = decodeIpv4(KERNEL_SYN);
    const again = encodeIpv4({ src: ip.src, dst: ip.dst, id: 0x6260, ttl: 64, dontFragment: true, protocol: 6, payload: ip.payload });
    expect(Array.from(again.subarray(0, 20))).toEqual(Array.from(KERNEL_SYN.subarray(0, 20)));
  });
  it('reports a damaged header checksum as bad, not as an exception', () => {
    const bad = Uint8Array.from(KERNEL_SYN);
    bad[8] = 63;
    expect(decodeIpv4(bad).checksumOk).toBe(false);
  });
  it('cuts Ethernet padding at Total Length', () => {
    const padded = new Uint8Array(KERNEL_SYN.length + 6);
    padded.set(KERNEL_SYN);
    expect(decodeIpv4(padded).payload.length).toBe(40);
  });
  it.each([
    ['too short', KERNEL_SYN.subarray(0, 10), 'truncated'],
    ['IHL below 5', Uint8Array.from(KERNEL_SYN, (b, i) => (i === 0 ? 0x44 : b)), 'bad-header'],
    ['total length below header', Uint8Array.from(KERNEL_SYN, (b, i) => (i === 3 ? 10 : i === 2 ? 0 : b)), 'bad-header'],
  ])('rejects %s with a CaptureError', (_name, bytes, code) => {
    expect(() => decodeIpv4(bytes)).toThrow(CaptureError);
    try {
      decodeIpv4(bytes);
    } catch (e) {
      expect((e as CaptureError).code).toBe(code);
    }
  });
});

describe('TCP', () => {
  const ip = decodeIpv4(KERNEL_SYN);
  it('decodes the Linux SYN options in order: MSS, SACK_PERM, TS, NOP, WS', () => {
    const tcp = decodeTcp(ip.payload, ip.payloadLength, ip.src, ip.dst);
    expect(tcp.srcPort).toBe(42112);
    expect(tcp.dstPort).toBe(40000);
    expect(tcp.seq).toBe(3028432702); // tshark: tcp.seq_raw
    expect(flagNames(tcp.flags)).toEqual(['SYN']);
    expect(tcp.options).toEqual([
      { kind: 'MSS', mss: 65495 },
      { kind: 'SACK_PERM' },
      { kind: 'TS', value: 2588497496, echo: 0 },
      { kind: 'NOP' },
      { kind: 'WS', shift: 10 },
    ]);
    // Loopback leaves the TCP checksum to "offload": the real capture's checksum is wrong.
    expect(tcp.checksumOk).toBe(false);
  });
  it('re-encoding fixes the checksum and keeps every other byte', () => {
    const tcp = decodeTcp(ip.payload, ip.payloadLength, ip.src, ip.dst);
    const bytes = encodeTcp(tcp, ip.src, ip.dst);
    expect(bytes.length).toBe(40);
    expect((bytes[16]! << 8) | bytes[17]!).toBe(0x32db); // what tshark says it should be
    const orig = Array.from(ip.payload);
    const mine = Array.from(bytes);
    orig.splice(16, 2);
    mine.splice(16, 2);
    expect(mine).toEqual(orig);
    expect(decodeTcp(bytes, bytes.length, ip.src, ip.dst).checksumOk).toBe(true);
  });
  it('pads options to 4 bytes with EOL and rejects more than 40 bytes', () => {
    const seg = { srcPort: 1, dstPort: 2, seq: 0, ack: 0, flags: NO_FLAGS, window: 0, urgent: 0, payload: new Uint8Array(0) };
    const three = encodeTcp({ ...seg, options: [{ kind: 'WS', shift: 7 }] }, A, B);
    expect(three.length).toBe(24);
    expect(three[23]).toBe(0);
    const tooMany: TcpOption[] = Array.from({ length: 5 }, () => ({ kind: 'TS', value: 1, echo: 2 }));
    expect(() => encodeTcp({ ...seg, options: tooMany }, A, B)).toThrow(/at most 40/);
  });
  it('names a malformed option and its offset', () => {
    const bytes = encodeTcp(
      { srcPort: 1, dstPort: 2, seq: 0, ack: 0, flags: NO_FLAGS, window: 0, urgent: 0, options: [{ kind: 'MSS', mss: 1460 }], payload: new Uint8Array(0) },
      A,
      B,
    );
    bytes[21] = 9; // MSS claims 9 bytes
    expect(() => decodeTcp(bytes)).toThrow(/option 2 has length 9.*byte offset 20/);
  });
  it('round-trips any segment, with a checksum that verifies (IPv4 and IPv6 pseudo-headers)', () => {
    const option: fc.Arbitrary<TcpOption> = fc.oneof(
      fc.constant({ kind: 'NOP' } as const),
      fc.integer({ min: 0, max: 0xffff }).map((mss) => ({ kind: 'MSS', mss }) as const),
      fc.integer({ min: 0, max: 14 }).map((shift) => ({ kind: 'WS', shift }) as const),
      fc.constant({ kind: 'SACK_PERM' } as const),
      fc.tuple(fc.nat(), fc.nat()).map(([value, echo]) => ({ kind: 'TS', value: value >>> 0, echo: echo >>> 0 }) as const),
    );
    fc.assert(
      fc.property(
        fc.record({
          srcPort: fc.integer({ min: 0, max: 0xffff }),
          dstPort: fc.integer({ min: 0, max: 0xffff }),
          seq: fc.integer({ min: 0, max: 0xffffffff }),
          ack: fc.integer({ min: 0, max: 0xffffffff }),
          bits: fc.integer({ min: 0, max: 255 }),
          window: fc.integer({ min: 0, max: 0xffff }),
          options: fc.array(option, { maxLength: 3 }),
          payload: fc.uint8Array({ maxLength: 64 }),
          v6: fc.boolean(),
          addr: fc.uint8Array({ minLength: 32, maxLength: 32 }),
        }),
        (r) => {
          const flags = {
            fin: !!(r.bits & 1),
            syn: !!(r.bits & 2),
            rst: !!(r.bits & 4),
            psh: !!(r.bits & 8),
            ack: !!(r.bits & 16),
            urg: !!(r.bits & 32),
            ece: !!(r.bits & 64),
            cwr: !!(r.bits & 128),
          };
          const src = r.v6 ? r.addr.subarray(0, 16) : r.addr.subarray(0, 4);
          const dst = r.v6 ? r.addr.subarray(16) : r.addr.subarray(4, 8);
          const seg = {
            srcPort: r.srcPort,
            dstPort: r.dstPort,
            seq: r.seq,
            ack: r.ack,
            flags,
            window: r.window,
            urgent: 0,
            options: r.options,
            payload: r.payload,
          };
          const bytes = encodeTcp(seg, src, dst);
          const back = decodeTcp(bytes, bytes.length, src, dst);
          expect(back.checksumOk).toBe(true);
          expect({ ...back, options: back.options.filter((o) => o.kind !== 'EOL'), payload: Array.from(back.payload) }).toMatchObject({
            ...seg,
            payload: Array.from(r.payload),
            options: r.options,
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('IPv6 and Ethernet', () => {
  it('walks a hop-by-hop extension header to TCP', () => {
    const tcp = encodeTcp(
      { srcPort: 1, dstPort: 2, seq: 5, ack: 0, flags: { ...NO_FLAGS, syn: true }, window: 10, urgent: 0, options: [], payload: new Uint8Array(0) },
      new Uint8Array(16),
      new Uint8Array(16),
    );
    const pkt = new Uint8Array(40 + 8 + tcp.length);
    pkt[0] = 0x60;
    pkt[5] = 8 + tcp.length;
    pkt[6] = 0;
    pkt[7] = 64; // next header: hop-by-hop
    pkt[40] = 6;
    pkt[41] = 0; // then TCP, ext length 0 = 8 bytes
    pkt.set(tcp, 48);
    const ip = decodeIpv6(pkt);
    expect(ip.protocol).toBe(6);
    expect(ip.headerLength).toBe(48);
    expect(decodeTcp(ip.payload, ip.payloadLength, ip.src, ip.dst).checksumOk).toBe(true);
    expect(formatAddress(ip.src)).toBe('::');
  });
  it('formats IPv6 addresses as RFC 5952 says', () => {
    expect(formatAddress(hex('20010db8000000000000000000000001'))).toBe('2001:db8::1');
    expect(formatAddress(hex('20010db8000100000001000100010001'))).toBe('2001:db8:1:0:1:1:1:1');
  });
  it('rejects an unknown IP version and a cut Ethernet header', () => {
    expect(() => decodeIp(Uint8Array.of(0x50))).toThrow(/IP version 5/);
    expect(() => decodeEthernet(new Uint8Array(5))).toThrow(CaptureError);
  });
  it('steps over a VLAN tag', () => {
    const frame = encodeEthernet(new Uint8Array(6), new Uint8Array(6), 0x8100, Uint8Array.of(0, 5, 0x08, 0x00, 0x45));
    expect(decodeEthernet(frame)).toEqual({ etherType: 0x0800, offset: 18 });
  });
  it('rejects a malformed dotted address', () => {
    expect(() => parseIpv4('300.1.1.1')).toThrow(CaptureError);
  });
});
