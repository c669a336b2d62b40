/**
 * The applications of a workshop scenario on real sockets, run by run.ts inside a network
 * namespace of its own:
 *   ip netns exec NS node tests/kernel/workshop-peer.ts '<w=2;… link>'
 * A is the client socket, B the socket the server accepts, both in this process on 127.0.0.1.
 * Each call is made at its time: from the start, from the moment A's connect() returned, or from
 * the moment the call's side read end of file. Its drops are nft rules (tests/kernel/workshop.ts). The process stays until a
 * second after the engine's last segment, so retransmissions show, then exits.
 */
import { spawnSync } from 'node:child_process';
import { createServer, connect, type Socket } from 'node:net';
import { ALL_PARTS } from '../../src/engine/index.ts';
import { wireSegments } from '../../src/engine/wire-segments.ts';
import { runWorkshop } from '../../src/workshop/model/run.ts';
import { callName, payload, type WorkshopCall } from '../../src/workshop/model/scenario.ts';
import { WORKSHOP_PORT, nftCommands, scenarioOfLink, unsupported } from './workshop.ts';

const HOST = '127.0.0.1';
const link = process.argv[2] ?? '';

function fail(msg: string): never {
  process.stderr.write(`workshop peer: ${msg}\n`);
  process.exit(1);
}

/** Runs nft in this namespace; a failure ends the case with nft's message. */
function nft(args: string[]): void {
  const r = spawnSync('nft', args, { encoding: 'utf8' });
  if (r.status !== 0) fail(`nft ${args.join(' ')} failed: ${r.stderr}`);
}

async function main(): Promise<void> {
  const s = scenarioOfLink(link);
  const why = unsupported(s);
  if (why) fail(`the kernel cannot run this scenario: ${why}`);
  const engine = runWorkshop(s, ALL_PARTS);
  if (!engine.ok) fail('the engine rejects the scenario');
  const lastSegment = Math.max(0, ...wireSegments(engine.trace).map((w) => w.t));

  for (const c of nftCommands(s)) nft(c);

  const sock: { A: Socket | null; B: Socket | null } = { A: null, B: null };
  const replied = { A: false, B: false };
  const waiting: Record<'connected' | 'fin-A' | 'fin-B', WorkshopCall[]> = { connected: [], 'fin-A': [], 'fin-B': [] };
  for (const c of s.calls) if (c.after !== 'start') waiting[c.after === 'connected' ? 'connected' : (`fin-${c.side}` as const)].push(c);

  const attach = (side: 'A' | 'B', so: Socket): void => {
    sock[side] = so;
    // An RST the scenario provokes reaches the application as an error: expected, not a failure.
    so.on('error', () => undefined);
    so.on('data', () => {
      if (s.reply[side] > 0 && !replied[side]) {
        replied[side] = true;
        so.write(payload(s.reply[side]));
      }
    });
    so.on('end', () => {
      const eof = s.eof[side];
      if (eof !== null) setTimeout(() => so.destroy(), eof);
      release(`fin-${side}`);
    });
  };
  const make = (c: WorkshopCall): void => {
    if (c.call === 'listen') {
      const srv = createServer({ allowHalfOpen: true }, (so) => {
        srv.close();
        attach('B', so);
      });
      srv.on('error', (e) => fail(`listen: ${String(e)}`));
      srv.listen(WORKSHOP_PORT, HOST);
      return;
    }
    if (c.call === 'connect') {
      const so = connect({ host: HOST, port: WORKSHOP_PORT, allowHalfOpen: true }, () => release('connected'));
      attach('A', so);
      return;
    }
    const so = sock[c.side];
    if (!so) fail(`${callName(c)} at ${c.at} ms: ${c.side} has no socket yet`);
    if (c.call === 'send') so.write(payload(c.bytes ?? 1));
    else if (c.call === 'shutdown') so.end();
    else if (c.call === 'close') so.destroy();
    else if (c.call === 'abort') so.resetAndDestroy();
  };
  // Calls due at the same moment run in list order, as in the engine.
  const release = (event: keyof typeof waiting): void => {
    for (const c of waiting[event].splice(0)) setTimeout(() => make(c), c.at);
  };
  for (const c of s.calls) if (c.after === 'start') setTimeout(() => make(c), c.at);
  await new Promise((r) => setTimeout(r, lastSegment + 1000));
}

main().then(
  () => process.exit(0),
  (e: unknown) => fail(String(e)),
);
