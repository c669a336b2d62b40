/** @jsxImportSource preact */
/** The workshop's settings: each host's stack and application habits, the link and the knobs that apply. */
import type { ProfileName } from '../../engine/types.ts';
import { EOF_CHOICES, LIMITS, PROFILE_NAMES, SIDES, workshopKnob, type WorkshopScenario } from '../model/scenario.ts';
import type { Strings } from '../model/describe.ts';
import { NumberField, Select, say } from './fields.tsx';

/** An edit of the scenario (a new one, or a change of the latest), with what to announce. */
export type Change = (next: WorkshopScenario | ((was: WorkshopScenario) => WorkshopScenario), said?: string) => void;

export function Settings({ id, S, s, change }: { id: string; S: Strings; s: WorkshopScenario; change: Change }) {
  const sides = (key: string) => SIDES.map((side) => ({ side, label: say(S, key, { side: say(S, `workshop.side.${side}`) }) }));
  const msl = workshopKnob('msl').values;
  const isn = workshopKnob('isn').values;
  return (
    <>
      <section class="ws-block" aria-labelledby={`${id}-hosts`}>
        <h2 id={`${id}-hosts`}>{say(S, 'workshop.hosts')}</h2>
        <div class="ws-grid">
          {sides('workshop.profile').map(({ side, label }) => (
            <Select
              key={side}
              id={`${id}-profile-${side}`}
              label={label}
              value={s.profile[side]}
              options={PROFILE_NAMES.map((p) => [p, say(S, `labs.knob.profile.${p}`)] as const)}
              onChange={(v) => change((w) => ({ ...w, profile: { ...w.profile, [side]: v as ProfileName } }))}
            />
          ))}
          {sides('workshop.eof').map(({ side, label }) => (
            <Select
              key={side}
              id={`${id}-eof-${side}`}
              label={label}
              value={String(s.eof[side])}
              options={[...new Set([s.eof[side], ...EOF_CHOICES, 1000])].map(
                (v) => [String(v), v === null ? say(S, 'workshop.eof.never') : say(S, 'workshop.eof.close', { ms: v })] as const,
              )}
              onChange={(v) => change((w) => ({ ...w, eof: { ...w.eof, [side]: v === 'null' ? null : Number(v) } }))}
            />
          ))}
          {sides('workshop.reply').map(({ side, label }) => (
            <NumberField
              key={side}
              id={`${id}-reply-${side}`}
              label={label}
              value={s.reply[side]}
              min={0}
              max={LIMITS.bytes}
              onChange={(v) => change((w) => ({ ...w, reply: { ...w.reply, [side]: v } }))}
            />
          ))}
        </div>
      </section>

      <section class="ws-block" aria-labelledby={`${id}-net`}>
        <h2 id={`${id}-net`}>{say(S, 'workshop.net')}</h2>
        <div class="ws-grid">
          <NumberField
            id={`${id}-latency`}
            label={say(S, 'workshop.latency')}
            value={s.latencyMs}
            min={1}
            max={LIMITS.latencyMs}
            onChange={(v) => change((w) => ({ ...w, latencyMs: v }))}
          />
          <Select
            id={`${id}-isn`}
            label={say(S, 'labs.knob.isn')}
            value={s.isn}
            options={isn.values.map((v) => [v, say(S, `labs.knob.isn.${v}`)] as const)}
            onChange={(v) => change((w) => ({ ...w, isn: v as WorkshopScenario['isn'] }))}
          />
          {s.isn === 'random' ? (
            <NumberField
              id={`${id}-seed`}
              label={say(S, 'workshop.seed')}
              value={s.seed}
              min={0}
              max={LIMITS.seed}
              onChange={(v) => change((w) => ({ ...w, seed: v }))}
            />
          ) : null}
          <Select
            id={`${id}-msl`}
            label={say(S, 'labs.knob.msl')}
            value={String(s.mslMs)}
            options={[...new Set([s.mslMs, ...msl.choices])].map((v) => [String(v), v === 0 ? say(S, 'workshop.msl.profile') : `${v / 1000} s`] as const)}
            onChange={(v) => change((w) => ({ ...w, mslMs: Number(v) }))}
          />
          <NumberField
            id={`${id}-loss`}
            label={say(S, 'workshop.loss')}
            value={s.lossPercent}
            min={0}
            max={LIMITS.lossPercent}
            onChange={(v) => change((w) => ({ ...w, lossPercent: v }))}
          />
          {s.lossPercent > 0 ? (
            <NumberField
              id={`${id}-loss-seed`}
              label={say(S, 'workshop.loss.seed')}
              value={s.lossSeed}
              min={0}
              max={LIMITS.seed}
              onChange={(v) => change((w) => ({ ...w, lossSeed: v }))}
            />
          ) : null}
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
