import { describe, expect, it } from 'vitest';
import { runScenario, SCENARIO_IDS } from '../../src/engine/index.ts';
import { decodeIpv4, decodeTcp } from '../../src/engine/wire/index.ts';
import { layoutPacket } from '../../src/labs/view/field-layout.ts';
import { inspectorPackets } from '../../src/labs/view/inspector-packets.ts';

describe('segment inspector packets', () => {
  it('gives real IPv4+TCP bytes with good checksums for every segment of every scenario, all laid out field by field', () => {
    for (const id of SCENARIO_IDS) {
      const trace = runScenario(id);
      const packets = inspectorPackets(trace);
      expect(packets.length, id).toBeGreaterThan(0);
      for (const p of packets) {
        const bytes = Uint8Array.from(p.bytes);
        const ip = decodeIpv4(bytes);
        expect(ip.checksumOk, `${id} ${p.label} IP checksum`).toBe(true);
        const tcp = decodeTcp(ip.payload, ip.payloadLength, ip.src, ip.dst);
        expect(tcp.checksumOk, `${id} ${p.label} TCP checksum`).toBe(true);
        const layout = layoutPacket(bytes);
        expect(layout.ok, `${id} ${p.label}`).toBe(true);
        if (layout.ok) expect(layout.fields.find((f) => f.id === 'tcp.seq')?.value).toBe(String(tcp.seq));
      }
    }
  });

  it('labels each packet with its wire number, direction and flags', () => {
    const [syn, synack] = inspectorPackets(runScenario('normal-open'));
    expect(syn?.label).toBe('#1 A → B SYN');
    expect(synack?.label).toBe('#2 B → A SYN, ACK');
  });
});
