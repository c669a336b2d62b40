import { LabComponent } from '../client/lab-render.ts';

/**
 * A component that renders again only when a prop changed (compared with ===), as preact/compat's
 * `memo` does (lab-render.ts keeps its element as it is otherwise). Stepping a lab re-renders the lab, and most of what it draws
 * (the trace table's rows, the diagram's arrows and labels) is the same from one step to the next:
 * those parts are Memo components, with props that are numbers, strings or objects of the run (kept as they are).
 */
export abstract class Memo<P extends object> extends LabComponent<P> {
  shouldComponentUpdate(next: P): boolean {
    for (const k in next) if (next[k] !== this.props[k]) return true;
    return false;
  }
}
