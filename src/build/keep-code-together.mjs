import { defineHastPlugin } from 'satteri';

/**
 * Marks short inline code without spaces (`FIN-WAIT-1`, `tcp_tw_reuse`) with class "nowrap", so a
 * narrow phone never breaks a state name at its hyphen ("FIN-WAIT-" / "1"). Longer code, or code
 * with spaces (commands), may still wrap, so nothing overflows a 360 px screen.
 */
export const keepCodeTogether = defineHastPlugin({
  name: 'keep-code-together',
  element: {
    filter: ['code'],
    visit(node, ctx) {
      const parent = ctx.parent(node);
      if (parent && parent.type === 'element' && parent.tagName === 'pre') return;
      const text = ctx.textContent(node);
      if (text.length > 24 || /\s/.test(text)) return;
      const cls = node.properties?.className;
      ctx.setProperty(node, 'className', [...(Array.isArray(cls) ? cls : cls ? [String(cls)] : []), 'nowrap']);
    },
  },
});
