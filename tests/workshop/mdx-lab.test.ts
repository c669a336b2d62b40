/**
 * "Copy as MDX" end to end at build time: the tag the workshop copies, rendered by SequenceLab.astro
 * as a chapter renders it, shows the run and links back to exactly that scenario in the workshop.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getContainerRenderer } from '@astrojs/preact';
import { describe, expect, it } from 'vitest';
import SequenceLab from '../../src/labs/SequenceLab.astro';
import { emptyScenario } from '../../src/workshop/model/scenario.ts';
import { runWorkshop } from '../../src/workshop/model/run.ts';
import { encodeScenario } from '../../src/workshop/model/url.ts';

/** A container that renders the lab's Preact component as the build does. */
const container = async () => AstroContainer.create({ renderers: await loadRenderers([getContainerRenderer()]) });

describe('<SequenceLab workshop="…">', () => {
  it('renders the workshop run with its title, and its "open in workshop" link is the scenario’s own link', async () => {
    const s = emptyScenario();
    s.faults = [{ kind: 'drop', from: 'A', segment: 'fin', nth: 1 }];
    const r = runWorkshop(s);
    if (!r.ok) throw new Error('rejected');
    const link = encodeScenario(s, r.fingerprint);
    const c = await container();
    const html = await c.renderToString(SequenceLab, {
      props: { workshop: link, title: 'Simultaneous close, first FIN lost' },
      request: new Request('http://book.test/en/four-way-handshake/'),
    });
    expect(html).toContain('Simultaneous close, first FIN lost');
    expect(html).toContain(`href="/en/workshop/#${link}"`);
    // The build-time run: A's first FIN lost, then retransmitted.
    expect(html).toMatch(/lost/i);
    expect(html).toContain('FIN-WAIT-1');
  });

  it('stops the build with the reason when the engine runs the scenario differently from when it was copied', async () => {
    const link = encodeScenario(emptyScenario(), 'ffffffff');
    const c = await container();
    await expect(
      c.renderToString(SequenceLab, { props: { workshop: link, title: 'x' }, request: new Request('http://book.test/en/four-way-handshake/') }),
    ).rejects.toThrow(/on \/en\/four-way-handshake\/: the engine now runs this scenario differently \(fingerprint ffffffff in the chapter/);
  });
});
