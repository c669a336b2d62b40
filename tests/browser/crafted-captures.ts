/**
 * Heavy captures built on the fly from the engine's own segments (so Wireshark opens them): one
 * connection of N packets, N connections of one SYN each, and a capture of about N MB made of
 * whole engine scenarios on separate ports (as scripts/bench-trace-cli.ts builds its file).
 */
import { runScenario, wireSegments } from '../../src/engine/index.ts';
import { LINKTYPE, segmentFrame, writePcap, type FrameToWrite } from '../../src/engine/pcap/index.ts';

const normal = wireSegments(runScenario('normal-open', { profile: 'linux' })).filter((w) => !w.origin);

/** The handshake, then data from A and B's ACKs, alternately, up to `packets` packets. */
export function longConnection(packets: number): Uint8Array {
  const [syn, synAck, ack] = normal;
  if (!syn || !synAck || !ack) throw new Error('normal-open has no handshake');
  const frames: FrameToWrite[] = [syn, synAck, ack].map((w, i) => ({ time: i * 0.001, data: segmentFrame(w.segment, i, w.from, w.from === 'A' ? 'B' : 'A') }));
  const payload = new Uint8Array(8);
  let seq = ack.segment.seq;
  for (let i = 3; i < packets; i++) {
    if (i % 2 === 1) {
      const seg = { ...ack.segment, seq, flags: { ...ack.segment.flags, PSH: true }, payload };
      frames.push({ time: i * 0.001, data: segmentFrame(seg, i & 0xffff, 'A', 'B') });
      seq = (seq + payload.length) >>> 0;
    } else {
      const seg = {
        ...synAck.segment,
        seq: (synAck.segment.seq + 1) >>> 0,
        ack: seq,
        flags: { ...synAck.segment.flags, SYN: false },
        payload: new Uint8Array(0),
      };
      frames.push({ time: i * 0.001, data: segmentFrame(seg, i & 0xffff, 'B', 'A') });
    }
  }
  return writePcap(frames, { linkType: LINKTYPE.ETHERNET });
}

/** `n` connections, each one SYN from its own client address and port. */
export function manyConnections(n: number): Uint8Array {
  const syn = normal[0]!;
  const frames: FrameToWrite[] = [];
  for (let i = 0; i < n; i++) {
    const seg = { ...syn.segment, src: { ip: `10.${(i >> 16) & 0xff}.${(i >> 8) & 0xff}.${i & 0xff}`, port: 1024 + (i % 60000) } };
    frames.push({ time: i * 0.0001, data: segmentFrame(seg, i & 0xffff, 'A', 'B') });
  }
  return writePcap(frames, { linkType: LINKTYPE.ETHERNET });
}

/** About `mb` MB of whole closing scenarios, each on its own client address. */
export function sizedCapture(mb: number): Uint8Array {
  const templates = ['close-3-segment', 'close-4-segment', 'server-closes-first', 'lost-final-ack'].map((id) =>
    wireSegments(runScenario(id, { profile: 'linux' })).filter((w) => !w.origin),
  );
  const frames: FrameToWrite[] = [];
  let bytes = 24;
  for (let rep = 0; bytes < mb * 1024 * 1024; rep++) {
    const ip = `10.${(rep >> 16) & 0xff}.${(rep >> 8) & 0xff}.${rep & 0xff}`;
    for (const w of templates[rep % templates.length]!) {
      const seg = { ...w.segment, src: { ...w.segment.src }, dst: { ...w.segment.dst } };
      if (w.from === 'A') seg.src.ip = ip;
      else seg.dst.ip = ip;
      const data = segmentFrame(seg, rep & 0xffff, w.from, w.from === 'A' ? 'B' : 'A');
      frames.push({ time: rep * 0.001 + w.t / 1000, data });
      bytes += 16 + data.length;
    }
  }
  frames.sort((x, y) => x.time - y.time);
  return writePcap(frames, { linkType: LINKTYPE.ETHERNET });
}
