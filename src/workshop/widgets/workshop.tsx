/** @jsxImportSource preact */
/**
 * The scenario workshop: the builder (hosts, knobs, calls, faults), the run in the book's own
 * sequence lab, and sharing (the URL hash holds the scenario), JSON and pcap export. Rendered at
 * build time with the default scenario's run; in the browser a link's scenario replaces it. The
 * engine loads on the first run (run.ts), the built-in scenarios only when the reader loads one.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LabView } from '../../labs/view/trace-view.ts';
import type { ProfileName, Trace } from '../../engine/types.ts';
import { EOF_CHOICES, PROFILE_NAMES, SIDES, LIMITS, workshopKnob, type WorkshopScenario } from '../model/scenario.ts';
import { callWords, decodeMessage, faultWords, newCall, newFault, problemMessage, problemRow, runSummary, type Strings } from '../model/describe.ts';
import { decodeScenario, encodeScenario } from '../model/url.ts';
import { CallRow, FaultRow, NumberField, Select, say } from './fields.tsx';
import { Output, type Shown } from './output.tsx';

export interface WorkshopProps {
  id: string;
  strings: Strings;
  /** The built-in scenarios the reader can start from, titled in the page's language. */
  chapters: { id: string; title: string }[];
  scenario: WorkshopScenario;
  /** The default scenario's run, computed at build time. */
  initial: { view: LabView; summary: string };
}


export default function Workshop({ id, strings: S, chapters, scenario: first, initial }: WorkshopProps) {
  const [s, setS] = useState(first);
  const [shown, setShown] = useState<Shown>({ ok: true, view: initial.view, summary: initial.summary, trace: null, n: 0 });
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState<string[]>([]);
  const [pick, setPick] = useState(chapters[0]?.id ?? '');
  const runs = useRef(0);

  /** Runs `next` (loading the engine the first time); `linked`: the fingerprint a shared link expects. */
  const run = async (next: WorkshopScenario, linked: string | null = null, said = ''): Promise<void> => {
    const n = ++runs.current;
    const { runWorkshop } = await import('../model/run.ts');
    const r = runWorkshop(next);
    if (n !== runs.current) return;
    if (!r.ok) {
      setShown({ ok: false, problems: r.problems, n });
      history.replaceState(null, '', `#${encodeScenario(next)}`);
      return setNote(`${said} ${say(S, 'workshop.err.title')} ${r.problems.map((p) => problemMessage(S, p)).join(' ')}`.trim());
    }
    const { viewOfTrace } = await import('../../labs/view/trace-view.ts');
    const summary = runSummary(S, { segments: r.segments, lost: r.lost, final: r.trace.final });
    setShown({ ok: true, view: viewOfTrace(r.trace), summary, trace: r.trace as Trace, n });
    history.replaceState(null, '', `#${encodeScenario(next, r.fingerprint)}`);
    if (linked && linked !== r.fingerprint) setNotice((old) => [...old, say(S, 'workshop.changed', { old: linked, now: r.fingerprint })]);
    setNote(`${said} ${summary}`.trim());
  };

  /** The scenario as last edited: two edits before a re-render must not start from the same old one. */
  const latest = useRef(first);
  const change = (next: WorkshopScenario | ((was: WorkshopScenario) => WorkshopScenario), said?: string): void => {
    const s2 = typeof next === 'function' ? next(latest.current) : next;
    latest.current = s2;
    setS(s2);
    void run(s2, null, said);
  };

  useEffect(() => {
    if (!location.hash.startsWith('#w=')) return;
    const d = decodeScenario(location.hash);
    if (!d.ok) return setNotice([decodeMessage(S, d.error)]);
    latest.current = d.scenario;
    setS(d.scenario);
    void run(d.scenario, d.fingerprint);
  }, []);

  const load = async (): Promise<void> => {
    const { fromChapter } = await import('../model/from-chapter.ts');
    const r = fromChapter(pick);
    const title = chapters.find((c) => c.id === pick)?.title ?? pick;
    setNotice(r.left.length ? [say(S, 'workshop.left'), ...r.left.map((l) => `• ${say(S, `workshop.left.${l}`)}`)] : []);
    change(r.scenario, say(S, 'workshop.start.loaded', { title }));
  };

  const rowError = (kind: 'calls' | 'faults', i: number): string | null => {
    if (shown.ok) return null;
    const p = shown.problems.filter((x) => problemRow(x)?.[0] === kind && problemRow(x)?.[1] === i);
    return p.length ? p.map((x) => problemMessage(S, x)).join(' ') : null;
  };
  const sides = (key: string) => SIDES.map((side) => ({ side, label: say(S, key, { side: say(S, `workshop.side.${side}`) }) }));
  const msl = workshopKnob('msl').values;
  const isn = workshopKnob('isn').values;

  return (
    <div class="ws" id={id}>
      <section class="ws-block" aria-labelledby={`${id}-start`}>
        <h2 id={`${id}-start`}>{say(S, 'workshop.start')}</h2>
        <div class="ws-inline">
          <Select id={`${id}-pick`} label={say(S, 'workshop.start.pick')} value={pick} options={chapters.map((c) => [c.id, c.title] as const)} onChange={setPick} />
          <button type="button" onClick={load}>{say(S, 'workshop.start.load')}</button>
        </div>
        {notice.length ? (
          <div class="ws-notice" role="status">
            {notice.map((t, i) => (
              <p key={i}>{t}</p>
            ))}
          </div>
        ) : null}
      </section>

      <section class="ws-block" aria-labelledby={`${id}-hosts`}>
        <h2 id={`${id}-hosts`}>{say(S, 'workshop.hosts')}</h2>
        <div class="ws-grid">
          {sides('workshop.profile').map(({ side, label }) => (
            <Select key={side} id={`${id}-profile-${side}`} label={label} value={s.profile[side]} options={PROFILE_NAMES.map((p) => [p, say(S, `labs.knob.profile.${p}`)] as const)} onChange={(v) => change((w) => ({ ...w, profile: { ...w.profile, [side]: v as ProfileName } }))} />
          ))}
          {sides('workshop.eof').map(({ side, label }) => (
            <Select key={side} id={`${id}-eof-${side}`} label={label} value={String(s.eof[side])} options={[...new Set([s.eof[side], ...EOF_CHOICES, 1000])].map((v) => [String(v), v === null ? say(S, 'workshop.eof.never') : say(S, 'workshop.eof.close', { ms: v })] as const)} onChange={(v) => change((w) => ({ ...w, eof: { ...w.eof, [side]: v === 'null' ? null : Number(v) } }))} />
          ))}
          {sides('workshop.reply').map(({ side, label }) => (
            <NumberField key={side} id={`${id}-reply-${side}`} label={label} value={s.reply[side]} min={0} max={LIMITS.bytes} onChange={(v) => change((w) => ({ ...w, reply: { ...w.reply, [side]: v } }))} />
          ))}
        </div>
      </section>

      <section class="ws-block" aria-labelledby={`${id}-net`}>
        <h2 id={`${id}-net`}>{say(S, 'workshop.net')}</h2>
        <div class="ws-grid">
          <NumberField id={`${id}-latency`} label={say(S, 'workshop.latency')} value={s.latencyMs} min={1} max={LIMITS.latencyMs} onChange={(v) => change((w) => ({ ...w, latencyMs: v }))} />
          <Select id={`${id}-isn`} label={say(S, 'labs.knob.isn')} value={s.isn} options={isn.values.map((v) => [v, say(S, `labs.knob.isn.${v}`)] as const)} onChange={(v) => change((w) => ({ ...w, isn: v as WorkshopScenario['isn'] }))} />
          {s.isn === 'random' ? <NumberField id={`${id}-seed`} label={say(S, 'workshop.seed')} value={s.seed} min={0} max={LIMITS.seed} onChange={(v) => change((w) => ({ ...w, seed: v }))} /> : null}
          <Select id={`${id}-msl`} label={say(S, 'labs.knob.msl')} value={String(s.mslMs)} options={[...new Set([s.mslMs, ...msl.choices])].map((v) => [String(v), v === 0 ? say(S, 'workshop.msl.profile') : `${v / 1000} s`] as const)} onChange={(v) => change((w) => ({ ...w, mslMs: Number(v) }))} />
          <label class="ws-check" for={`${id}-rfc1337`}>
            <input id={`${id}-rfc1337`} type="checkbox" checked={s.rfc1337} onChange={(e) => change((w) => ({ ...w, rfc1337: (e.currentTarget as HTMLInputElement).checked }))} />
            <span>{say(S, 'labs.knob.rfc1337')}</span>
          </label>
        </div>
      </section>

      <section class="ws-block" aria-labelledby={`${id}-calls`}>
        <h2 id={`${id}-calls`}>{say(S, 'workshop.calls')}</h2>
        {s.calls.length === 0 ? <p>{say(S, 'workshop.calls.none')}</p> : null}
        <ol class="ws-rows">
          {s.calls.map((c, i) => (
            <CallRow key={i} id={`${id}-c${i}`} n={i + 1} item={c} S={S} error={rowError('calls', i)} onChange={(next) => change((w) => ({ ...w, calls: w.calls.map((x, j) => (j === i ? next : x)) }))} onRemove={() => change((w) => ({ ...w, calls: w.calls.filter((_, j) => j !== i) }), say(S, 'workshop.note.removed', { what: `${say(S, 'workshop.call', { n: i + 1 })} (${callWords(S, c)})` }))} />
          ))}
        </ol>
        <button type="button" class="ws-add" disabled={s.calls.length >= LIMITS.calls} onClick={() => {
          const c = newCall(s);
          change((w) => ({ ...w, calls: [...w.calls, c] }), say(S, 'workshop.note.added', { what: `${say(S, 'workshop.call', { n: s.calls.length + 1 })} (${callWords(S, c)})` }));
        }}>{say(S, 'workshop.call.add')}</button>
      </section>

      <section class="ws-block" aria-labelledby={`${id}-faults`}>
        <h2 id={`${id}-faults`}>{say(S, 'workshop.faults')}</h2>
        {s.faults.length === 0 ? <p>{say(S, 'workshop.faults.none')}</p> : null}
        <ol class="ws-rows">
          {s.faults.map((f, i) => (
            <FaultRow key={i} id={`${id}-f${i}`} n={i + 1} item={f} S={S} error={rowError('faults', i)} onChange={(next) => change((w) => ({ ...w, faults: w.faults.map((x, j) => (j === i ? next : x)) }))} onRemove={() => change((w) => ({ ...w, faults: w.faults.filter((_, j) => j !== i) }), say(S, 'workshop.note.removed', { what: `${say(S, 'workshop.fault', { n: i + 1 })} (${faultWords(S, f)})` }))} />
          ))}
        </ol>
        <button type="button" class="ws-add" disabled={s.faults.length >= LIMITS.faults} onClick={() => {
          const f = newFault();
          change((w) => ({ ...w, faults: [...w.faults, f] }), say(S, 'workshop.note.added', { what: `${say(S, 'workshop.fault', { n: s.faults.length + 1 })} (${faultWords(S, f)})` }));
        }}>{say(S, 'workshop.fault.add')}</button>
      </section>

      <Output id={id} S={S} s={s} shown={shown} onImport={(next) => change(next)} onNote={setNote} />
      <p class="ws-live" aria-live="polite" data-testid="ws-live">{note}</p>
    </div>
  );
}
