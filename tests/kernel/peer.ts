/**
 * The applications of one live-kernel case, run inside a network namespace by run.ts:
 *   ip netns exec NS node tests/kernel/peer.ts <case>
 * Both sockets live in this one process on 127.0.0.1 (the namespace's own loopback), so the
 * timing between "client closes" and "server closes" is exact. Mirrors how
 * tests/fixtures/kernel-traces/ were captured: client writes "ping", server answers "pong".
 */
import { execFileSync, spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { createServer, connect, type Socket } from 'node:net';
import { decodeSegments, readCapture, splitConnections } from '../../src/engine/pcap/index.ts';
import { encodeIpv4, encodeTcp, IPPROTO_TCP, NO_FLAGS, parseIpv4, type TcpFlags } from '../../src/engine/wire/index.ts';

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
  nftDrop(['tcp', 'dport', String(PORT), 'tcp', 'flags', '&', '(syn|ack)', '==', 'syn']);
}

/**
 * Drops what `match` matches on input (or output) of this namespace. With `once`, only the first
 * such segment: nft's quota counts the bytes it matched including the one that crosses it, so
 * "until 60 bytes" takes one segment of 52-60 bytes (a SYN+ACK with options is 60, an ACK or FIN
 * with timestamps 52) and no second one.
 */
function nftDrop(match: string[], opts: { once?: boolean; hook?: 'input' | 'output' } = {}): void {
  const hook = opts.hook ?? 'input';
  run('nft', ['add', 'table', 'inet', 'ewtest']);
  run('nft', ['add', 'chain', 'inet', 'ewtest', hook, `{ type filter hook ${hook} priority 0 ; }`]);
  run('nft', ['add', 'rule', 'inet', 'ewtest', hook, ...match, ...(opts.once ? ['quota', 'until', '60', 'bytes'] : []), 'drop']);
}

const nftClear = (): void => run('nft', ['delete', 'table', 'inet', 'ewtest']);

/**
 * Sends hand-built IPv4 packets through a raw socket of this namespace (python3: Node has no raw
 * sockets). Bounded: exactly these packets, then it returns. Only namespace addresses are used.
 */
function sendRaw(packets: Uint8Array[]): void {
  const py =
    'import socket,sys\ns=socket.socket(socket.AF_INET,socket.SOCK_RAW,socket.IPPROTO_RAW)\nfor l in sys.stdin:\n  l=l.strip()\n  if l:\n    p=bytes.fromhex(l)\n    s.sendto(p,(socket.inet_ntoa(p[16:20]),0))\n';
  try {
    execFileSync('python3', ['-c', py], { input: packets.map((p) => Buffer.from(p).toString('hex')).join('\n'), stdio: ['pipe', 'ignore', 'pipe'] });
  } catch (e) {
    fail(`raw send failed: ${String((e as { stderr?: Buffer }).stderr ?? e)}`);
  }
}

/** One IPv4/TCP packet; flags by name (S A F R P). */
function packet(src: string, sport: number, dst: string, dport: number, flagLetters: string, seq: number, ack: number, text = '', mss?: number): Uint8Array {
  const f: TcpFlags = {
    ...NO_FLAGS,
    syn: flagLetters.includes('S'),
    ack: flagLetters.includes('A'),
    fin: flagLetters.includes('F'),
    rst: flagLetters.includes('R'),
    psh: flagLetters.includes('P'),
  };
  const s = parseIpv4(src);
  const d = parseIpv4(dst);
  const tcp = encodeTcp(
    {
      srcPort: sport,
      dstPort: dport,
      seq,
      ack,
      flags: f,
      window: 64240,
      urgent: 0,
      options: mss ? [{ kind: 'MSS', mss }] : [],
      payload: new TextEncoder().encode(text),
    },
    s,
    d,
  );
  return encodeIpv4({ src: s, dst: d, id: 0, ttl: 64, dontFragment: true, protocol: IPPROTO_TCP, payload: tcp });
}

/** The ISNs of the first connection in the live capture so far (tcpdump writes each packet at once; run.ts sets EW_PCAP). */
function capturedIsns(): { client: number; server: number; clientPort: number } {
  const file = process.env.EW_PCAP;
  if (!file) fail('EW_PCAP is not set');
  const { segments } = decodeSegments(readCapture(new Uint8Array(readFileSync(file))).packets);
  const conn = splitConnections(segments, () => undefined)[0];
  const syn = conn?.segments.find((s) => s.from === 'A' && s.segment.flags.SYN);
  const synAck = conn?.segments.find((s) => s.from === 'B' && s.segment.flags.SYN);
  if (!syn || !synAck) fail('no handshake in the capture yet');
  return { client: syn.segment.seq, server: synAck.segment.seq, clientPort: syn.segment.src.port };
}

/** Prints how many sockets of this namespace `ss` shows in a state (time-wait, syn-recv). */
function ssCount(state: string): number {
  const out = execFileSync('ss', ['-Htan', 'state', state], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.trim().length > 0).length;
}

interface Pair {
  client: Socket;
  server: Socket;
}

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
async function teardown(first: 'client' | 'server', delayMs: number, linger = 300, before?: () => void, beforeConnect?: () => void): Promise<void> {
  beforeConnect?.();
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
        run('nft', [
          'add',
          'rule',
          'inet',
          'ewtest',
          'input',
          'tcp',
          'dport',
          String(PORT),
          'tcp',
          'flags',
          '==',
          'ack',
          'quota',
          'until',
          '100',
          'bytes',
          'drop',
        ]);
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
    case 'simultaneous-open': {
      // Two sockets bound to each other's ports connect in the same tick; a token bucket on lo,
      // drained just before by one UDP datagram (as in simultaneous-close), holds both SYNs back so
      // they cross. Then as the scenario: ping, pong, the first side closes 300 ms after
      // connecting, the other on EOF.
      run('tc', ['qdisc', 'add', 'dev', 'lo', 'root', 'tbf', 'rate', '100kbit', 'burst', '2000', 'latency', '1s']);
      const udp = createSocket('udp4');
      await new Promise<void>((r) => udp.send(new Uint8Array(1900), 9, HOST, () => r()));
      const a = connect({ host: HOST, port: PORT + 3, localAddress: HOST, localPort: PORT + 2, allowHalfOpen: true });
      const b = connect({ host: HOST, port: PORT + 2, localAddress: HOST, localPort: PORT + 3, allowHalfOpen: true });
      for (const s of [a, b]) s.on('error', (e) => fail(`simultaneous open failed: ${String(e)}`));
      b.once('data', () => b.write('pong'));
      b.once('end', () => b.end());
      await Promise.all([a, b].map((s) => new Promise<void>((r) => s.once('connect', () => r()))));
      await sleep(29);
      a.write('ping');
      await sleep(250);
      a.end();
      await sleep(400);
      udp.close();
      return;
    }
    case 'rst-in-time-wait':
    case 'rst-in-time-wait-rfc1337': {
      // The client closes first and sits in TIME-WAIT; 700 ms later an old duplicate of the
      // server's "pong" (same seq/ack, sent through a raw socket) arrives. The client ACKs it, the
      // server port has no socket and answers RST; tcp_rfc1337 (set by run.ts) decides whether
      // that RST ends TIME-WAIT. ss shows whether the TIME-WAIT socket is still there.
      await teardown('client', 0, 300);
      await sleep(400);
      const isn = capturedIsns();
      sendRaw([packet(HOST, PORT, HOST, isn.clientPort, 'AP', (isn.server + 1) >>> 0, (isn.client + 5) >>> 0, 'pong')]);
      await sleep(300);
      process.stdout.write(`${JSON.stringify({ timeWait: ssCount('time-wait') })}\n`);
      return;
    }
    case 'syn-flood':
    case 'syn-flood-cookies': {
      // A listener with backlog 3 (its SYN queue holds 4) takes 300 SYNs from spoofed sources of
      // 10.99.0.0/16. Their route leads through a made-up gateway (a permanent neighbour entry)
      // into a veth pair of this namespace with nobody behind it, as a route to the Internet would:
      // Linux makes no half-open entry for a source it cannot route to, and drops one whose
      // SYN+ACK fails to go out (an unanswered ARP), so neither may happen here. The server listens on 10.98.0.1 on that veth: a SYN+ACK from 127.0.0.1
      // may not leave through it (a loopback source is martian on any other device). Then a real client connects: without SYN cookies its SYNs are dropped; with them
      // (run.ts sets tcp_syncookies) it gets a cookie SYN+ACK and sends "ping" 80 ms after connecting.
      const server = '10.98.0.1';
      run('ip', ['link', 'add', 'ewflood0', 'type', 'veth', 'peer', 'name', 'ewflood1']);
      run('ip', ['addr', 'add', `${server}/32`, 'dev', 'ewflood0']);
      run('ip', ['link', 'set', 'ewflood0', 'up']);
      run('ip', ['link', 'set', 'ewflood1', 'up']);
      run('ip', ['neigh', 'add', '10.97.0.1', 'lladdr', '02:00:00:00:00:01', 'dev', 'ewflood0', 'nud', 'permanent']);
      run('ip', ['route', 'add', '10.99.0.0/16', 'via', '10.97.0.1', 'dev', 'ewflood0', 'onlink']);
      const srv = createServer((s) => {
        s.on('error', () => undefined);
        s.once('data', () => s.write('pong'));
      });
      await new Promise<void>((r) => srv.listen({ port: PORT, host: server, backlog: 3 }, () => r()));
      sendRaw(
        Array.from({ length: 300 }, (_, n) => packet(`10.99.${n >> 7}.${(n & 0x7f) + 1}`, 40000 + n, server, PORT, 'S', (7777 * (n + 1)) >>> 0, 0, '', 1460)),
      );
      await sleep(45);
      const synRecv = ssCount('syn-recv');
      const client = connect({ host: server, port: PORT });
      client.on('error', () => undefined);
      client.once('connect', () => setTimeout(() => client.write('ping'), 80));
      await sleep(3400);
      process.stdout.write(`${JSON.stringify({ synRecv })}\n`);
      process.exit(0);
    }
    case 'lost-syn-ack':
      // The first SYN+ACK is lost (dropped on its way in to the client); both sides retransmit.
      return teardown('client', 0, 300, undefined, () =>
        nftDrop(['tcp', 'sport', String(PORT), 'tcp', 'flags', '&', '(syn|ack)', '==', '(syn|ack)'], { once: true }),
      );
    case 'lost-fin':
      // The client's first FIN is lost; it retransmits it after the RTO.
      return teardown('client', 0, 1500, () => nftDrop(['tcp', 'dport', String(PORT), 'tcp', 'flags', '&', 'fin', '==', 'fin'], { once: true }));
    case 'lost-third-ack': {
      // The handshake's third ACK is lost: the server stays SYN-RECV and retransmits its SYN+ACK
      // after 1 s; the client's answering ACK completes it. Data 2.5 s after connect, close at 2.8 s.
      nftDrop(['tcp', 'dport', String(PORT), 'tcp', 'flags', '==', 'ack'], { once: true });
      const srv = createServer({ allowHalfOpen: true }, (server) => {
        server.once('data', () => server.write('pong'));
        server.once('end', () => server.end());
        srv.close();
      });
      await new Promise<void>((r) => srv.listen(PORT, HOST, () => r()));
      const client = connect({ host: HOST, port: PORT, allowHalfOpen: true });
      await new Promise<void>((r) => client.once('connect', () => r()));
      await sleep(2500);
      client.write('ping');
      await sleep(300);
      client.end();
      await sleep(300);
      return;
    }
    case 'half-close': {
      // The client sends its request and shuts its direction (SHUT_WR); the server keeps sending
      // from CLOSE-WAIT and closes when done. Times from the client's connect, as in the scenario.
      const srv = createServer({ allowHalfOpen: true }, (server) => {
        srv.close();
        void (async () => {
          await sleep(179);
          server.write('part 1;');
          await sleep(200);
          server.write('part 2.');
          await sleep(200);
          server.end();
        })();
      });
      await new Promise<void>((r) => srv.listen(PORT, HOST, () => r()));
      const client = connect({ host: HOST, port: PORT, allowHalfOpen: true });
      await new Promise<void>((r) => client.once('connect', () => r()));
      client.resume();
      await sleep(29);
      client.write('GET /');
      await sleep(20);
      client.end();
      await sleep(900);
      return;
    }
    case 'accept-queue-full': {
      // The server is python (Node's listen() accepts at once): backlog 1, accept() only after
      // 2.5 s. Linux bounds both queues by the backlog (tcp_conn_request): a SYN finding more than
      // 1 half-open entry gets a cookie, one finding more than 1 connection waiting is dropped;
      // a completing ACK finding more than 1 waiting is dropped (tcp_check_req). So: one other
      // client connects and waits in the queue; then, held in order by a token bucket on lo
      // (drained by one UDP datagram), a second other client and the client send their SYNs in
      // that order: the client gets a real half-open entry, the second client's ACK fills the
      // queue, and the client's third ACK finds it full. The client sends "ping" 29 ms after
      // connecting and closes 4979 ms after; the server echoes "pong" to it and closes on EOF.
      const py = [
        'import socket,time,select',
        `l=socket.socket(); l.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1); l.bind(('${HOST}',${PORT})); l.listen(1)`,
        'print("listening",flush=True)',
        'time.sleep(2.7)',
        'l.setblocking(False); conns=[]; end=time.time()+4',
        'while time.time()<end:',
        '  r,_,_=select.select([l]+conns,[],[],0.05)',
        '  for s in r:',
        '    if s is l:',
        '      c,a=l.accept()',
        `      if a[1]==${PORT + 7}: conns.append(c)`,
        '    else:',
        '      d=s.recv(100)',
        '      if d: s.send(b"pong")',
        '      else: s.close(); conns.remove(s)',
      ].join('\n');
      const server = spawn('python3', ['-c', py], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((r) => server.stdout.once('data', () => r()));
      const first = connect({ host: HOST, port: PORT, localAddress: HOST, localPort: PORT + 6 });
      first.on('error', () => undefined);
      await new Promise<void>((r) => first.once('connect', () => r()));
      await sleep(50);
      run('tc', ['qdisc', 'add', 'dev', 'lo', 'root', 'tbf', 'rate', '100kbit', 'burst', '2000', 'latency', '1s']);
      const udp = createSocket('udp4');
      await new Promise<void>((r) => udp.send(new Uint8Array(1900), 9, HOST, () => r()));
      const second = connect({ host: HOST, port: PORT, localAddress: HOST, localPort: PORT + 8 });
      const client = connect({ host: HOST, port: PORT, localAddress: HOST, localPort: PORT + 7 });
      for (const s of [second, client]) s.on('error', () => undefined);
      await new Promise<void>((r) => client.once('connect', () => r()));
      await sleep(29);
      client.write('ping');
      await sleep(4950);
      client.end();
      await sleep(500);
      const overflows = Number(/TcpExtListenOverflows\s+(\d+)/.exec(execFileSync('nstat', ['-az', 'TcpExtListenOverflows'], { encoding: 'utf8' }))?.[1] ?? -1);
      process.stdout.write(`${JSON.stringify({ overflows })}\n`);
      udp.close();
      await new Promise((r) => server.once('exit', r));
      process.exit(0);
    }
    case 'linger-abort': {
      // close() with SO_LINGER {on, 0} (Node: resetAndDestroy) right after a write that is lost.
      const { client, server } = await exchange();
      client.on('error', () => undefined);
      server.on('error', () => undefined);
      await sleep(250);
      nftDrop(['tcp', 'dport', String(PORT), 'tcp', 'flags', '&', 'psh', '==', 'psh']);
      client.write('bye');
      await sleep(10);
      client.resetAndDestroy();
      await sleep(300);
      return;
    }
    case 'half-open-discovery':
    case 'half-open-discovery+keepalive': {
      // The server forgets the connection without a word: its RST (SO_LINGER 0) is dropped on the
      // way out, then the rule goes. The client's next data, or its keepalive probe, draws a RST.
      const { client, server } = await exchange();
      client.on('error', () => undefined);
      server.on('error', () => undefined);
      await sleep(300);
      nftDrop(['tcp', 'sport', String(PORT)], { hook: 'output' });
      server.resetAndDestroy();
      await sleep(100);
      nftClear();
      if (which.endsWith('+keepalive')) {
        client.setKeepAlive(true, 1000);
        await sleep(2500);
      } else {
        client.write('more?');
        await sleep(300);
      }
      return;
    }
    case 'time-wait-reopen': {
      // The server closes first (TIME-WAIT), the client closes on EOF; 2 s after the first
      // connect the client connects again from the same port, sends "again", the server echoes,
      // the client closes 400 ms later and the server closes on EOF.
      const conns: Socket[] = [];
      const srv = createServer({ allowHalfOpen: true }, (server) => {
        conns.push(server);
        server.once('data', () => server.write('pong'));
        server.once('end', () => server.end());
      });
      await new Promise<void>((r) => srv.listen(PORT, HOST, () => r()));
      const local = { localAddress: HOST, localPort: 40005 };
      const first = connect({ host: HOST, port: PORT, allowHalfOpen: true, ...local });
      first.once('end', () => first.end());
      await new Promise<void>((r) => first.once('connect', () => r()));
      first.write('ping');
      await new Promise<void>((r) => first.once('data', () => r()));
      await sleep(250);
      conns[0]?.end();
      await sleep(1700);
      const again = connect({ host: HOST, port: PORT, allowHalfOpen: true, ...local });
      again.on('error', (e) => fail(`reconnect failed: ${String(e)}`));
      await new Promise<void>((r) => again.once('connect', () => r()));
      again.write('again');
      await sleep(400);
      again.end();
      await sleep(300);
      srv.close();
      return;
    }
    default:
      fail(`unknown case "${which}"`);
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => fail(String(e)),
);
