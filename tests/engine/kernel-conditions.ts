import { getScenario, simulate } from '../../src/engine/index.ts';
import type { Trace } from '../../src/engine/index.ts';

/**
 * synsent.pcap was made with a firewall rule dropping EVERY SYN, and the capture ends at 3.4 s,
 * with the application still waiting. The lost-syn scenario drops only the first SYN (then the
 * connection opens), so for this capture its definition runs under the capture's conditions:
 * same endpoints and profile, only the OPENs, every SYN from A dropped, stop at 3.4 s.
 */
export function lostSynAsCaptured(): Trace {
  const base = getScenario('lost-syn');
  return simulate(
    {
      ...base,
      actions: base.actions.filter((a) => a.call === 'OPEN-active' || a.call === 'OPEN-passive'),
      faults: [{ kind: 'drop-match', match: { from: 'A', flags: ['SYN'] } }],
      untilMs: 3400,
    },
    { profile: 'linux' },
  );
}
