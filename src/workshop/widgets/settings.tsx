/** @jsxImportSource preact */
/** The workshop's settings: each host's stack and application habits, the link and the knobs that apply. */
import type { ProfileName, Side } from '../../engine/types.ts';
import { EOF_CHOICES, LIMITS, PROFILE_NAMES, SIDES, workshopKnob, type WorkshopScenario } from '../model/scenario.ts';
import type { Strings } from '../model/describe.ts';
import { NumberField, Select, say, type Options } from './fields.tsx';

/** An edit of the scenario (a new one, or a change of the latest), with what to announce. */
export type Change = (next: WorkshopScenario | ((was: WorkshopScenario) => WorkshopScenario), said?: string) => void;

type NumberKey = 'latencyMs' | 'seed' | 'lossPercent' | 'lossSeed';
type SideKey = 'profile' | 'eof' | 'reply';

/**
 * The settings' fields, one helper per control kind: each binds a control to one part of the
 * scenario (its value, and the change that writes it), so a field is one line below.
 */
function binders(id: string, s: WorkshopScenario, change: Change) {
  const set = <K extends keyof WorkshopScenario>(key: K, v: WorkshopScenario[K]): void => change((w) => ({ ...w, [key]: v }));
  const setSide = <K extends SideKey>(key: K, side: Side, v: WorkshopScenario[K][Side]): void => change((w) => ({ ...w, [key]: { ...w[key], [side]: v } }));
  return {
    number: (name: string, label: string, key: NumberKey, min: number, max: number) => (
      <NumberField id={`${id}-${name}`} label={label} value={s[key]} min={min} max={max} onChange={(v) => set(key, v)} />
    ),
    select: <K extends keyof WorkshopScenario>(name: string, label: string, key: K, options: Options, read: (v: string) => WorkshopScenario[K]) => (
      <Select id={`${id}-${name}`} label={label} value={String(s[key])} options={options} onChange={(v) => set(key, read(v))} />
    ),
    sideNumber: (key: 'reply', side: Side, label: string, max: number) => (
      <NumberField key={side} id={`${id}-${key}-${side}`} label={label} value={s[key][side]} min={0} max={max} onChange={(v) => setSide(key, side, v)} />
    ),
    sideSelect: <K extends SideKey>(key: K, side: Side, label: string, options: Options, read: (v: string) => WorkshopScenario[K][Side]) => (
      <Select
        key={side}
        id={`${id}-${key}-${side}`}
        label={label}
        value={String(s[key][side])}
        options={options}
        onChange={(v) => setSide(key, side, read(v))}
      />
    ),
  };
}

export function Settings({ id, S, s, change }: { id: string; S: Strings; s: WorkshopScenario; change: Change }) {
  const sides = (key: string) => SIDES.map((side) => ({ side, label: say(S, key, { side: say(S, `workshop.side.${side}`) }) }));
  const msl = workshopKnob('msl').values;
  const isn = workshopKnob('isn').values;
  const f = binders(id, s, change);
  const eofOptions = (side: Side): Options =>
    [...new Set([s.eof[side], ...EOF_CHOICES, 1000])].map(
      (v) => [String(v), v === null ? say(S, 'workshop.eof.never') : say(S, 'workshop.eof.close', { ms: v })] as const,
    );
  return (
    <>
      <section class="ws-block" aria-labelledby={`${id}-hosts`}>
        <h2 id={`${id}-hosts`}>{say(S, 'workshop.hosts')}</h2>
        <div class="ws-grid">
          {sides('workshop.profile').map(({ side, label }) =>
            f.sideSelect(
              'profile',
              side,
              label,
              PROFILE_NAMES.map((p) => [p, say(S, `labs.knob.profile.${p}`)] as const),
              (v) => v as ProfileName,
            ),
          )}
          {sides('workshop.eof').map(({ side, label }) => f.sideSelect('eof', side, label, eofOptions(side), (v) => (v === 'null' ? null : Number(v))))}
          {sides('workshop.reply').map(({ side, label }) => f.sideNumber('reply', side, label, LIMITS.bytes))}
        </div>
      </section>

      <section class="ws-block" aria-labelledby={`${id}-net`}>
        <h2 id={`${id}-net`}>{say(S, 'workshop.net')}</h2>
        <div class="ws-grid">
          {f.number('latency', say(S, 'workshop.latency'), 'latencyMs', 1, LIMITS.latencyMs)}
          {f.select(
            'isn',
            say(S, 'labs.knob.isn'),
            'isn',
            isn.values.map((v) => [v, say(S, `labs.knob.isn.${v}`)] as const),
            (v) => v as WorkshopScenario['isn'],
          )}
          {s.isn === 'random' ? f.number('seed', say(S, 'workshop.seed'), 'seed', 0, LIMITS.seed) : null}
          {f.select(
            'msl',
            say(S, 'labs.knob.msl'),
            'mslMs',
            [...new Set([s.mslMs, ...msl.choices])].map((v) => [String(v), v === 0 ? say(S, 'workshop.msl.profile') : `${v / 1000} s`] as const),
            Number,
          )}
          {f.number('loss', say(S, 'workshop.loss'), 'lossPercent', 0, LIMITS.lossPercent)}
          {s.lossPercent > 0 ? f.number('loss-seed', say(S, 'workshop.loss.seed'), 'lossSeed', 0, LIMITS.seed) : null}
          <label class="ws-check">
            <input
              id={`${id}-rfc1337`}
              type="checkbox"
              checked={s.rfc1337}
              onChange={(e) => change((w) => ({ ...w, rfc1337: (e.currentTarget as HTMLInputElement).checked }))}
            />
            <span>{say(S, 'labs.knob.rfc1337')}</span>
          </label>
        </div>
      </section>
    </>
  );
}
