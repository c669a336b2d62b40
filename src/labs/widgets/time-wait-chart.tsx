/** @jsxImportSource preact */
/**
 * The TIME-WAIT lab's timeline: the closer's TIME-WAIT as a bar on a time axis with round ticks,
 * what happened during it as numbered badges, and the numbers explained in a list under it (text
 * on the axis overprinted itself once two events were 20 ms apart). Positions are percentages of
 * the width, so it fits any screen without shrinking its text.
 */
import { fmt, formatTime, type Strings } from '../view/explain.ts';
import { badgeRows, niceTicks, type TimeWaitTimeline } from '../view/time-wait-timeline.ts';

const LEFT = 3;
const AXIS = 94;
/** Badges closer than this (% of the width, about 22 px on a phone) take another row. */
const BADGE_GAP = 8;

export function TimeWaitChart({ tl, strings: S }: { tl: TimeWaitTimeline; strings: Strings }) {
  const span = Math.max(1, tl.until * 1.05);
  const x = (t: number) => LEFT + (Math.max(0, Math.min(t, span)) / span) * AXIS;
  const pct = (t: number) => `${x(t).toFixed(2)}%`;
  const end = tl.end ?? tl.due;
  const rows = badgeRows(
    tl.marks.map((m) => x(m.t)),
    BADGE_GAP,
  );
  const ticks = niceTicks(span).filter((t) => t <= span);
  const label = fmt(S, 'labs.tw.timeline', {
    side: tl.side ? fmt(S, `labs.side.${tl.side}`) : '—',
    start: formatTime(tl.start ?? 0),
    end: end === null ? '—' : formatTime(end),
  });
  const barText = tl.start !== null && end !== null ? `TIME-WAIT ${formatTime(end - tl.start)}` : '';
  // The bar's name sits above it, on the side with room.
  const nameLeft = tl.start !== null && x(tl.start) < 50;
  return (
    <figure class="tw-chart">
      <svg width="100%" height="150" role="img" aria-label={label}>
        <g class="tw-axis">
          <line x1={`${LEFT}%`} y1="122" x2={`${LEFT + AXIS}%`} y2="122" />
          {ticks.map((t) => (
            <g key={t}>
              <line x1={pct(t)} x2={pct(t)} y1="122" y2="127" />
              <text x={pct(t)} y="142" text-anchor={t === 0 ? 'start' : x(t) > 90 ? 'end' : 'middle'}>
                {formatTime(t)}
              </text>
            </g>
          ))}
        </g>
        {tl.start !== null && end !== null ? (
          <g>
            {tl.due !== null && tl.end !== null && tl.due > tl.end ? (
              <rect class="tw-due" x={pct(tl.end)} y="92" width={`${(x(tl.due) - x(tl.end)).toFixed(2)}%`} height="24" />
            ) : null}
            <rect class="tw-bar" x={pct(tl.start)} y="92" width={`${Math.max(0.5, x(end) - x(tl.start)).toFixed(2)}%`} height="24" />
            <text class="tw-label" x={nameLeft ? pct(tl.start) : pct(end)} y="86" text-anchor={nameLeft ? 'start' : 'end'}>
              {barText}
            </text>
          </g>
        ) : null}
        {tl.marks.map((m, i) => {
          const y = 12 + Math.min(rows[i]!, 2) * 22;
          return (
            <g key={i} class="tw-mark">
              <line x1={pct(m.t)} x2={pct(m.t)} y1={y + 9} y2="120" />
              <circle cx={pct(m.t)} cy={y} r="9" />
              <text x={pct(m.t)} y={y + 4} text-anchor="middle">
                {i + 1}
              </text>
            </g>
          );
        })}
      </svg>
      <ol class="tw-legend">
        {tl.marks.map((m, i) => (
          <li key={i}>
            <span class="tw-num" aria-hidden="true">
              {i + 1}
            </span>{' '}
            {fmt(S, `labs.tw.mark.${m.kind}`)} · {formatTime(m.t)}
          </li>
        ))}
      </ol>
    </figure>
  );
}
