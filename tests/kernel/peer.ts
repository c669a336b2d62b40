/**
 * The applications of one live-kernel case, run inside a network namespace by run.ts:
 *   ip netns exec NS node tests/kernel/peer.ts <case>
 * Both sockets live in this one process on 127.0.0.1 (the namespace's own loopback), so the
 * timing between "client closes" and "server closes" is exact. Mirrors how
 * tests/fixtures/kernel-traces/ were captured: client writes "ping", server answers "pong".
 */
import { execFileSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { createServer, connect, type Socket } from 'node:net';

/** The namespace's own loopback; `<case>@ipv6` runs the same case over ::1. */
const IPV6 = (process.argv[2] ?? '').endsWith('@ipv6');
const HOST = IPV6 ? '::1' : '127.0.0.1';
const PORT = 40000;
const CLOSED_PORT = 40001;
const which = (process.argv[2] ?? '').replace(/@ipv6$/, '');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function fail(msg: string): never {
  process.stderr.write(`peer ${which}: ${msg}\n`);
  process.exit(1);
}

/** Runs a command in this namespace (nft, tc); any failure ends the case with its message. */
function run(cmd: string, args: string[]): void {
  try {
    execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    fail(`${cmd} ${args.join(' ')} failed: ${String((e as { stderr?: Buffer }).stderr ?? e)}`);
  }
}

/** An nft table of this namespace that drops every SYN (without ACK) to the server port. */
function dropSyns(): void {
  run('nft', ['add', 'table', 'inet', 'ewtest']);
  run('nft', ['add', 'chain', 'inet', 'ewtest', 'input', '{ type filter hook input priority 0 ; }']);
  run('nft', ['add', 'rule', 'inet', 'ewtest', 'input', 'tcp', 'dport', String(PORT), 'tcp', 'flags', '&', '(syn|ack)', '==', 'syn', 'drop']);
}

interface Pair { client: Socket; server: Socket }

/** Connects, exchanges ping/pong, resolves with both ends once the client has read "pong". */
function exchange(): Promise<Pair> {
  return new Promise((resolve, reject) => {
    const srv = createServer({ allowHalfOpen: true }, (server) => {
      server.once('data', () => server.write('pong'));
      srv.close();
      const client = pending;
      client.once('data', () => resolve({ client, server }));
    });
    srv.on('error', reject);
    let pending: Socket;
    srv.listen(PORT, HOST, () => {
      pending = connect({ host: HOST, port: PORT, allowHalfOpen: true }, () => pending.write('ping'));
      pending.on('error', reject);
    });
  });
}

const eof = (s: Socket): Promise<void> => new Promise((r) => s.once('end', () => r()));

/**
 * Exchange ping/pong, wait 300 ms, run `before` (a firewall rule), then `first` closes and the
 * other application closes `delayMs` after it reads EOF; keep the process `linger` ms for
 * retransmissions to show.
 */
async function teardown(first: 'client' | 'server', delayMs: number, linger = 300, before?: () => void): Promise<void> {
  const { client, server } = await exchange();
  await sleep(300);
  before?.();
  const [closer, other] = first === 'client' ? [client, server] : [server, client];
  const otherEof = eof(other);
  closer.end();
  await otherEof;
  if (delayMs > 0) await sleep(delayMs);
  other.end();
  await sleep(linger);
}

async function main(): Promise<void> {
  switch (which) {
    case 'close-3-segment':
      // Client closes first; the server application closes as soon as it reads EOF.
      return teardown('client', 0);
    case 'close-4-segment':
      // Client closes first; the server application waits 500 ms after EOF (delayed ACK goes alone).
      return teardown('client', 500);
    case 'server-closes-first':
      return teardown('server', 100);
    case 'closed-port-rst': {
      await new Promise<void>((resolve) => {
        const s = connect({ host: HOST, port: CLOSED_PORT });
        s.on('connect', () => fail(`connected to port ${CLOSED_PORT}, which nobody should listen on`));
        s.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNREFUSED' ? resolve() : fail(`expected ECONNREFUSED, got ${e.code}`)));
      });
      await sleep(100);
      return;
    }
    case 'lost-final-ack':
      // Like close-3-segment, but the client's final ACK is dropped once. nft's quota counts the
      // bytes it matched, including the one that crosses it: "until 100 bytes" matches the first
      // 52-byte ACK (20 IP + 32 TCP with timestamps) and not the second (104 > 100). Only pure
      // ACKs from the client to the server port after the exchange: the final ACK(s). The server
      // retransmits its FIN; the client re-ACKs it from TIME-WAIT.
      return teardown('client', 0, 1500, () => {
        run('nft', ['add', 'table', 'inet', 'ewtest']);
        run('nft', ['add', 'chain', 'inet', 'ewtest', 'input', '{ type filter hook input priority 0 ; }']);
        run('nft', ['add', 'rule', 'inet', 'ewtest', 'input', 'tcp', 'dport', String(PORT), 'tcp', 'flags', '==', 'ack', 'quota', 'until', '100', 'bytes', 'drop']);
      });
    case 'simultaneous-close': {
      // Both applications close in the same tick. A token bucket on lo, drained just before by
      // one UDP datagram, holds both FINs back so they cross on the wire.
      const { client, server } = await exchange();
      await sleep(300);
      run('tc', ['qdisc', 'add', 'dev', 'lo', 'root', 'tbf', 'rate', '100kbit', 'burst', '2000', 'latency', '1s']);
      const udp = createSocket('udp4');
      await new Promise<void>((r) => udp.send(new Uint8Array(1900), 9, HOST, () => r()));
      client.end();
      server.end();
      await sleep(600);
      udp.close();
      return;
    }
    case 'lost-syn': {
      // Every SYN to the server port is dropped; the client retransmits (tcp_syn_linear_timeouts).
      dropSyns();
      const srv = createServer(() => fail('a SYN got through the drop rule'));
      await new Promise<void>((r) => srv.listen(PORT, HOST, () => r()));
      const s = connect({ host: HOST, port: PORT });
      s.on('error', () => undefined);
      await sleep(3400);
      s.destroy();
      srv.close();
      return;
    }
    case 'syn-timeout': {
      // Every SYN is dropped until the kernel gives up; prints when connect() failed and how.
      dropSyns();
      const srv = createServer(() => fail('a SYN got through the drop rule'));
      await new Promise<void>((r) => srv.listen(PORT, HOST, () => r()));
      const start = performance.now();
      const err = await new Promise<NodeJS.ErrnoException>((resolve) => {
        const s = connect({ host: HOST, port: PORT });
        s.on('connect', () => fail('connected through the drop rule'));
        s.on('error', resolve);
      });
      process.stdout.write(`${JSON.stringify({ error: err.code, ms: Math.round(performance.now() - start) })}\n`);
      srv.close();
      return;
    }
    default:
      fail(`unknown case "${which}"`);
  }
}

main().then(() => process.exit(0), (e: unknown) => fail(String(e)));
