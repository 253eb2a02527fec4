import type { CreatorFilter } from '@shared/creators';
import type { CreatorSelection } from '@shared/creator-lists';

/**
 * What the user ticked: some rows, or every row the filter matches except the ones unticked since. The
 * second form lets "select all 200,000" act in main without shipping the ids.
 */
export class Selection {
  private constructor(
    readonly mode: 'ids' | 'all',
    readonly ids: ReadonlySet<number>,
    readonly except: ReadonlySet<number>,
  ) {}

  static none(): Selection {
    return new Selection('ids', new Set(), new Set());
  }

  static all(): Selection {
    return new Selection('all', new Set(), new Set());
  }

  has(id: number): boolean {
    return this.mode === 'all' ? !this.except.has(id) : this.ids.has(id);
  }

  toggle(id: number): Selection {
    const flip = (set: ReadonlySet<number>): Set<number> => {
      const next = new Set(set);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    };
    return this.mode === 'all'
      ? new Selection('all', this.ids, flip(this.except))
      : new Selection('ids', flip(this.ids), this.except);
  }

  count(total: number | null): number {
    return this.mode === 'all' ? Math.max(0, (total ?? 0) - this.except.size) : this.ids.size;
  }

  isEmpty(total: number | null): boolean {
    return this.count(total) === 0;
  }

  toInput(filter: CreatorFilter): CreatorSelection {
    return this.mode === 'all' ? { filter, exceptIds: [...this.except] } : { ids: [...this.ids] };
  }
}
