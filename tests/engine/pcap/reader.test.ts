import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  analyseCapture,
  CaptureError,
  decodeSegments,
  formatWarning,
  LINKTYPE,
  MAX_CAPLEN,
  MAX_WARNINGS,
  readCapture,
  unwrapLink,
  writePcap,
} from '../../../src/engine/pcap/index.ts';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));

/** What tshark prints for normal.pcap: time, flags, raw seq. The variants must all say the same. */
function summary(bytes: Uint8Array): string[] {
  const file = readCapture(bytes);
  const { segments } = decodeSegments(file.packets);
  return segments.map(
    (s) =>
      `${s.time.toFixed(6)} ${s.tcp.srcPort}>${s.tcp.dstPort} ${s.tcp.flags.syn ? 'S' : ''}${s.tcp.flags.fin ? 'F' : ''}${s.tcp.flags.ack ? 'A' : ''} ${s.tcp.seq} ${s.tcp.payload.length}`,
  );
}

describe('readCapture: formats, byte orders, link types', () => {
  const reference = summary(fixture('kernel-traces/normal.pcap'));
  it('reads the kernel capture: 10 segments, times as tshark prints them', () => {
    expect(reference).toHaveLength(10);
    expect(reference[0]).toBe('0.000000 42112>40000 S 3028432702 0');
    expect(reference[9]).toMatch(/^0\.349756 42112>40000 A \d+ 0$/);
  });
  it.each([
    ['variants/normal.pcapng', 'pcapng', true, LINKTYPE.ETHERNET],
    ['variants/normal-be-2if.pcapng', 'pcapng', false, undefined],
    ['variants/normal-be-nano.pcap', 'pcap', false, LINKTYPE.ETHERNET],
    ['variants/normal-sll.pcap', 'pcap', true, LINKTYPE.LINUX_SLL],
    ['variants/normal-sll2.pcap', 'pcap', true, LINKTYPE.LINUX_SLL2],
    ['variants/normal-raw.pcap', 'pcap', true, LINKTYPE.RAW],
    ['variants/normal-null.pcap', 'pcap', true, LINKTYPE.NULL],
    ['variants/normal-ipv6.pcap', 'pcap', true, LINKTYPE.IPV6],
  ] as const)('%s gives the same segments', (name, format, little, linkType) => {
    const bytes = fixture(name);
    const file = readCapture(bytes);
    expect(file.format).toBe(format);
    expect(file.littleEndian).toBe(little);
    expect(file.warnings).toEqual([]);
    if (linkType !== undefined) expect(new Set(file.packets.map((p) => p.linkType))).toEqual(new Set([linkType]));
    expect(summary(bytes)).toEqual(reference);
  });
  it('uses both interfaces of a two-interface pcapng, each with its own link type and resolution', () => {
    const file = readCapture(fixture('variants/normal-be-2if.pcapng'));
    expect(file.packets.map((p) => p.interfaceId).slice(0, 4)).toEqual([0, 1, 0, 1]);
    expect(file.packets.map((p) => p.linkType).slice(0, 2)).toEqual([LINKTYPE.ETHERNET, LINKTYPE.RAW]);
  });
  it('reads a pcapng file of two sections with different byte orders (interfaces reset per section)', () => {
    const le = fixture('variants/normal.pcapng');
    const be = fixture('variants/normal-be-2if.pcapng');
    const both = new Uint8Array(le.length + be.length);
    both.set(le);
    both.set(be, le.length);
    const file = readCapture(both);
    expect(file.warnings).toEqual([]);
    expect(file.packets).toHaveLength(20);
    expect(file.packets.slice(10, 12).map((p) => [p.interfaceId, p.linkType])).toEqual([
      [0, LINKTYPE.ETHERNET],
      [1, LINKTYPE.RAW],
    ]);
    expect(
      summary(both)
        .slice(10)
        .map((l) => l.split(' ').slice(1).join(' ')),
    ).toEqual(reference.map((l) => l.split(' ').slice(1).join(' ')));
  });
  it('keeps nanoseconds exactly (a double could not hold epoch nanoseconds)', () => {
    const file = readCapture(fixture('variants/normal-be-nano.pcap'));
    expect(file.packets[1]!.nsec - file.packets[0]!.nsec).toBe(14_000);
  });
  it('IPv6 segments carry IPv6 addresses and good checksums', () => {
    const { segments } = decodeSegments(readCapture(fixture('variants/normal-ipv6.pcap')).packets);
    expect(segments[0]!.ipVersion).toBe(6);
    expect(segments.every((s) => s.tcp.checksumOk === true)).toBe(true);
  });
  it('LOOP (108) is big-endian AF_INET', () => {
    expect(unwrapLink(LINKTYPE.LOOP, Uint8Array.of(0, 0, 0, 2, 0x45))).toEqual({ ip: Uint8Array.of(0x45) });
    expect(unwrapLink(LINKTYPE.LOOP, Uint8Array.of(0, 0, 0, 7, 0x45))).toEqual({ skip: 'loopback address family 7 is not IP' });
  });
  it('writePcap output reads back with the same frames and times', () => {
    const frames = [
      { time: 1.5, data: Uint8Array.of(1, 2, 3) },
      { time: 2.000001, data: Uint8Array.of(4) },
    ];
    const file = readCapture(writePcap(frames, { linkType: LINKTYPE.RAW }));
    expect(file.packets.map((p) => [p.sec, p.nsec, Array.from(p.data)])).toEqual([
      [1, 500_000_000, [1, 2, 3]],
      [2, 1000, [4]],
    ]);
    const nano = readCapture(writePcap(frames, { linkType: LINKTYPE.RAW, nanosecond: true }));
    expect(nano.packets[1]!.nsec).toBe(1000);
  });
});

describe('readCapture: bad input says what and where', () => {
  const error = (bytes: Uint8Array): CaptureError => {
    try {
      readCapture(bytes);
    } catch (e) {
      if (e instanceof CaptureError) return e;
      throw e;
    }
    throw new Error('expected a CaptureError');
  };
  it('wrong magic names the bytes it found and the offset', () => {
    const e = error(fixture('broken/bad-magic.pcap'));
    expect(e.code).toBe('bad-magic');
    expect(e.offset).toBe(0);
    expect(e.message).toMatch(/magic bytes 50 4b 03 04/);
  });
  it('an empty file is too short', () => {
    expect(error(fixture('broken/empty.pcap')).code).toBe('too-short');
    expect(error(new Uint8Array([0xd4, 0xc3, 0xb2])).code).toBe('too-short');
  });
  it('an absurd captured length names the packet and the offset of the field', () => {
    const e = error(fixture('broken/absurd-caplen.pcap'));
    expect(e.code).toBe('bad-length');
    expect(e.packet).toBe(2);
    expect(e.offset).toBe(24 + 16 + 74 + 8);
    expect(e.message).toContain(String(MAX_CAPLEN));
  });
  it('an absurd pcapng block length names the offset', () => {
    const e = error(fixture('broken/absurd-block.pcapng'));
    expect(e.code).toBe('bad-block-length');
    expect(e.packet).toBeUndefined();
    expect(e.message).toMatch(/block length 4294967280 is invalid.*MAX_BLOCK_BYTES.*byte offset \d+/);
  });
  it('a file cut inside a packet keeps the packets before it and warns where the cut is', () => {
    const file = readCapture(fixture('broken/truncated.pcap'));
    expect(file.packets).toHaveLength(1);
    expect(file.warnings).toHaveLength(1);
    expect(formatWarning(file.warnings[0]!)).toBe('file cut short inside packet data (30 of 74 bytes) (packet 2, byte offset 130)');
  });
  it('non-TCP packets are skipped with one warning line per reason, naming the first of each', () => {
    const file = readCapture(fixture('broken/non-tcp.pcap'));
    const { segments, warnings } = decodeSegments(file.packets);
    expect(segments).toHaveLength(10);
    expect(warnings.map(formatWarning)).toEqual([
      '1 packet(s) skipped: IP protocol 17 is not TCP (packet 1, byte offset 24)',
      '1 packet(s) skipped: EtherType 0x0806 is not IP (packet 2, byte offset 82)',
    ]);
  });
  it('a packet block naming an interface that does not exist is an error', () => {
    const ng = fixture('variants/normal.pcapng');
    const view = new DataView(ng.buffer, ng.byteOffset);
    const shb = view.getUint32(4, true);
    const idb = view.getUint32(shb + 4, true);
    view.setUint32(shb + idb + 8, 7, true); // EPB interface id
    expect(error(ng).message).toMatch(/interface 7, but the section declares 1 \(packet 1, byte offset \d+\)/);
  });
  it('an absurd snap length in the file header is a warning with its offset, not a failure', () => {
    const bytes = fixture('kernel-traces/normal.pcap');
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(16, 0xffffffff, true);
    const file = readCapture(bytes);
    expect(file.packets).toHaveLength(10);
    expect(file.warnings.map((w) => [w.code, w.offset])).toEqual([['snaplen', 16]]);
  });
  it('a pcapng block whose trailing length disagrees is an error at the trailer', () => {
    const ng = fixture('variants/normal.pcapng');
    const view = new DataView(ng.buffer, ng.byteOffset);
    const shb = view.getUint32(4, true);
    view.setUint32(shb - 4, shb + 4, true);
    expect(error(ng).message).toMatch(new RegExp(`block length ${shb} at its start but ${shb + 4} at its end \\(byte offset ${shb - 4}\\)`));
  });
  it('an unsupported link type is named once, with the count, not once per packet', () => {
    const bytes = writePcap(
      [0, 1, 2].map((time) => ({ time, data: new Uint8Array(20) })),
      { linkType: 147 },
    );
    const { warnings } = decodeSegments(readCapture(bytes).packets);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/^3 packet\(s\) skipped: link type 147 is not supported/);
  });
});

describe('decoding what real captures hold', () => {
  // normal.pcap's SYN as Ethernet; the other encapsulations are built around its IP packet.
  const syn = readCapture(fixture('kernel-traces/normal.pcap')).packets[0]!.data;
  const ip = syn.subarray(14);
  const eth = (type: number, payload: Uint8Array): Uint8Array => {
    const out = new Uint8Array(14 + payload.length);
    out.set(syn.subarray(0, 12));
    out[12] = type >> 8;
    out[13] = type & 0xff;
    out.set(payload, 14);
    return out;
  };
  const cat = (...parts: Uint8Array[]): Uint8Array => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  };
  const decodeOne = (data: Uint8Array, linkType: number = LINKTYPE.ETHERNET) =>
    decodeSegments(readCapture(writePcap([{ time: 0, data }], { linkType })).packets);
  const isSyn = (r: ReturnType<typeof decodeOne>): boolean => r.segments.length === 1 && r.segments[0]!.tcp.flags.syn && r.warnings.length === 0;

  it('link type 12 (raw IP as OpenBSD numbers it)', () => {
    expect(isSyn(decodeOne(ip, 12))).toBe(true);
  });
  it('PPPoE session frames (EtherType 0x8864, PPP protocol 0x0021)', () => {
    expect(isSyn(decodeOne(eth(0x8864, cat(Uint8Array.of(0x11, 0, 0, 1, 0, ip.length + 2, 0, 0x21), ip))))).toBe(true);
  });
  it('MPLS with a two-label stack (EtherType 0x8847)', () => {
    expect(isSyn(decodeOne(eth(0x8847, cat(Uint8Array.of(0, 1, 0x00, 64, 0, 2, 0x01, 64), ip))))).toBe(true);
  });
  it('IPv4 total length 0 (captured before TSO/GRO split it) takes the captured length, as Wireshark does', () => {
    const tso = Uint8Array.from(ip);
    tso[2] = 0;
    tso[3] = 0;
    const r = decodeOne(eth(0x0800, tso));
    expect(isSyn(r)).toBe(true);
  });
  it('the snap length cut: the payload length comes from the IP header, not the captured bytes', () => {
    const data = readCapture(fixture('kernel-traces/normal.pcap')).packets[3]!.data; // 4 bytes of "ping"
    const r = decodeOne(data.subarray(0, data.length - 3));
    expect(r.segments[0]!.tcp.payload.length).toBe(1);
    expect(r.segments[0]!.length).toBe(4);
  });
  const v6 = (ext: Uint8Array, next: number, payloadLength: number, tcp: Uint8Array): Uint8Array => {
    const h = new Uint8Array(40);
    h[0] = 0x60;
    h[4] = payloadLength >> 8;
    h[5] = payloadLength & 0xff;
    h[6] = next;
    h[7] = 64;
    h[23] = 1;
    h[39] = 1;
    return cat(h, ext, tcp);
  };
  const tcp = ip.subarray(20);
  it('an IPv6 atomic fragment (offset 0, no more fragments; RFC 6946) is a whole packet', () => {
    const frag = Uint8Array.of(6, 0, 0, 0, 0, 0, 0, 1);
    expect(isSyn(decodeOne(eth(0x86dd, v6(frag, 44, 8 + tcp.length, tcp))))).toBe(true);
    const real = Uint8Array.of(6, 0, 0, 1, 0, 0, 0, 1); // M set: a true first fragment
    expect(decodeOne(eth(0x86dd, v6(real, 44, 8 + tcp.length, tcp))).warnings[0]!.message).toMatch(/fragment/);
  });
  it("an IPv6 jumbogram (payload length 0, Jumbo Payload option) takes the option's length", () => {
    const len = 8 + tcp.length;
    const hbh = Uint8Array.of(6, 0, 0xc2, 4, len >>> 24, (len >> 16) & 0xff, (len >> 8) & 0xff, len & 0xff);
    expect(isSyn(decodeOne(eth(0x86dd, v6(hbh, 0, 0, tcp))))).toBe(true);
  });
  it('warnings past the cap end in one summary line with the true count, even when logs are merged', () => {
    const frames = Array.from({ length: MAX_WARNINGS + 1100 }, (_, i) => ({ time: i, data: Uint8Array.of(1, 2, 3) }));
    const a = analyseCapture(writePcap(frames, { linkType: LINKTYPE.RAW }));
    // 1100 damaged packets over the cap, plus the closing "none is TCP" line.
    expect(a.warnings.at(-1)!.message).toBe(`1101 more warnings not shown`);
    expect(a.warnings).toHaveLength(MAX_WARNINGS + 1);
  });
});

describe('readCapture: pcapng timestamps in every resolution', () => {
  /** A little-endian pcapng: one interface with `tsresol` (and `tsoffset`), one EPB per timestamp. */
  function pcapng(tsresol: number, tsoffset: bigint, stamps: [number, number][]): Uint8Array {
    const blocks: number[][] = [];
    const block = (type: number, body: number[]): void => {
      const len = 12 + body.length;
      const u32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24];
      blocks.push([...u32(type), ...u32(len), ...body, ...u32(len)]);
    };
    const u32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24];
    const u64 = (n: bigint): number[] => [...u32(Number(n & 0xffffffffn)), ...u32(Number((n >> 32n) & 0xffffffffn))];
    block(0x0a0d0d0a, [...u32(0x1a2b3c4d), 1, 0, 0, 0, ...u64(-1n & 0xffffffffffffffffn)]);
    // link type RAW (101), snaplen 0; options: if_tsresol (9), if_tsoffset (14), end
    block(1, [101, 0, 0, 0, ...u32(0), 9, 0, 1, 0, tsresol, 0, 0, 0, 14, 0, 8, 0, ...u64(tsoffset), 0, 0, 0, 0]);
    for (const [high, low] of stamps) block(6, [...u32(0), ...u32(high), ...u32(low), ...u32(4), ...u32(4), 0x45, 0, 0, 0]);
    return Uint8Array.from(blocks.flat());
  }
  const expected = (tsresol: number, tsoffset: bigint, [high, low]: [number, number]): [number, number] => {
    const per = tsresol & 0x80 ? 1n << BigInt(tsresol & 0x7f) : 10n ** BigInt(tsresol);
    const units = (BigInt(high) << 32n) | BigInt(low);
    return [Number(units / per + tsoffset), Number(((units % per) * 1_000_000_000n) / per)];
  };
  // now in µs and ns, both sides of 2^53 units, all-ones words, and a few round numbers
  const stamps: [number, number][] = [
    [0x6_0fb5, 0x1234_5678],
    [0x1794_2a4b, 0x9abc_def0],
    [0x1f_ffff, 0xffff_ffff],
    [0x20_0000, 0],
    [0x20_0000, 1],
    [0xffff_ffff, 0xffff_ffff],
    [0, 999_999],
    [0, 1_000_000],
  ];
  it.each([[6], [9], [3], [0], [0x80 | 9], [0x80 | 10], [0x80 | 20], [12]])('if_tsresol %i gives what exact arithmetic gives', (tsresol) => {
    for (const offset of [0n, 1_700_000_000n, -5n]) {
      const file = readCapture(pcapng(tsresol, offset, stamps));
      expect(file.packets.map((p) => [p.sec, p.nsec])).toEqual(stamps.map((s) => expected(tsresol, offset, s)));
    }
  });
});
