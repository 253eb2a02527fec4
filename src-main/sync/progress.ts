import { isAccountResource, type SyncProgress, type SyncResource } from '@shared/sync';

type ScopeState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

interface ScopeProgress {
  state: ScopeState;
  pages: number;
  rows: number;
  total: number | null;
}

interface ResourceProgress {
  startedAt: number | null;
  lastEmit: number;
  scopes: Map<string, ScopeProgress>;
}

const queued = (): ScopeProgress => ({ state: 'queued', pages: 0, rows: 0, total: null });

/** Throttle for page-by-page events; state changes are always sent. */
const EMIT_INTERVAL_MS = 100;

/**
 * Progress of one run, per resource summed over the Account's shops/advertisers, turned into
 * `sync:progress` events with an ETA when the API told us how many rows to expect.
 */
export class RunProgress {
  private readonly resources = new Map<SyncResource, ResourceProgress>();

  constructor(
    private readonly accountId: string,
    private readonly runId: string,
    resources: readonly SyncResource[],
    scopes: readonly string[],
    private readonly emit: (p: SyncProgress) => void,
    private readonly now: () => number,
  ) {
    for (const r of resources) {
      // Account-level resources (shops, advertisers) run once, for the Account itself.
      const ids = isAccountResource(r) ? [accountId] : scopes;
      this.resources.set(r, { startedAt: null, lastEmit: 0, scopes: new Map(ids.map((s) => [s, queued()])) });
    }
  }

  /** The shops (advertisers) the Account-level job just found: per-scope resources now wait for these. */
  setScopes(scopes: readonly string[]): void {
    for (const [resource, r] of this.resources) {
      if (isAccountResource(resource) || r.startedAt !== null) continue;
      r.scopes = new Map(scopes.map((s) => [s, r.scopes.get(s) ?? queued()]));
    }
  }

  start(resource: SyncResource, scope: string): void {
    const r = this.resources.get(resource);
    const s = r?.scopes.get(scope);
    if (!r || !s) return;
    r.startedAt ??= this.now();
    s.state = 'running';
    this.send(resource, true);
  }

  update(
    resource: SyncResource,
    scope: string,
    p: { pages: number; rows: number; total: number | null },
  ): void {
    const s = this.resources.get(resource)?.scopes.get(scope);
    if (!s) return;
    s.pages = p.pages;
    s.rows = p.rows;
    s.total = p.total;
    this.send(resource, false);
  }

  end(resource: SyncResource, scope: string, state: 'done' | 'failed' | 'cancelled'): void {
    const s = this.resources.get(resource)?.scopes.get(scope);
    if (!s) return;
    s.state = state;
    this.send(resource, true);
  }

  snapshot(): SyncProgress[] {
    return [...this.resources.keys()].map((r) => this.summary(r));
  }

  private summary(resource: SyncResource): SyncProgress {
    const r = this.resources.get(resource);
    const scopes = [...(r?.scopes.values() ?? [])];
    const pagesDone = scopes.reduce((n, s) => n + s.pages, 0);
    const rowsDone = scopes.reduce((n, s) => n + s.rows, 0);
    const totals = scopes.map((s) => (s.state === 'done' ? s.rows : s.total));
    const total = totals.every((t): t is number => t !== null) ? totals.reduce((a, b) => a + b, 0) : null;
    const states = new Set(scopes.map((s) => s.state));
    const state: ScopeState = states.has('running')
      ? 'running'
      : states.has('queued')
        ? states.size === 1
          ? 'queued'
          : 'running'
        : states.has('failed')
          ? 'failed'
          : states.has('cancelled')
            ? 'cancelled'
            : 'done';
    let etaMs: number | null = null;
    if (state === 'running' && total !== null && rowsDone > 0 && r?.startedAt != null) {
      const elapsed = this.now() - r.startedAt;
      etaMs = Math.max(0, Math.round((elapsed / rowsDone) * Math.max(0, total - rowsDone)));
    } else if (state === 'done') etaMs = 0;
    return {
      accountId: this.accountId,
      runId: this.runId,
      resource,
      pagesDone,
      rowsDone,
      total,
      etaMs,
      state,
    };
  }

  private send(resource: SyncResource, force: boolean): void {
    const r = this.resources.get(resource);
    if (!r) return;
    const now = this.now();
    if (!force && now - r.lastEmit < EMIT_INTERVAL_MS) return;
    r.lastEmit = now;
    this.emit(this.summary(resource));
  }
}
