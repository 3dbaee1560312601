/**
 * A circuit breaker for PostgreSQL. A database that stops answering (paused, overloaded, cut off
 * mid-query) would otherwise hold every request for as long as the TCP connection lives. Once a
 * query has timed out, the breaker opens: every query fails at once (a 503 with Retry-After) while
 * a probe on a fresh connection checks every second whether the server answers again; when it does,
 * the breaker closes and the pool carries on by itself.
 */
export class DatabaseAvailability {
  private open = false;
  private probing: NodeJS.Timeout | undefined;

  constructor(
    private readonly probe: () => Promise<void>,
    private readonly intervalMs = 1000,
  ) {}

  get available(): boolean {
    return !this.open;
  }

  /** A query timed out or the connection broke: stop sending queries until the probe succeeds. */
  trip(): void {
    if (this.open) return;
    this.open = true;
    this.schedule();
  }

  stop(): void {
    clearTimeout(this.probing);
    this.probing = undefined;
  }

  private schedule(): void {
    this.probing = setTimeout(() => {
      this.probe().then(
        () => {
          this.open = false;
          this.probing = undefined;
        },
        () => this.schedule(),
      );
    }, this.intervalMs);
    this.probing.unref();
  }
}

/** The error a query gets while the breaker is open; errors.ts turns it into a 503. */
export class DatabaseUnavailableError extends Error {
  readonly code = 'LANTERN_DB_UNAVAILABLE';
  constructor() {
    super('The database did not answer in time; not sending more queries until it does');
  }
}

export const isQueryTimeout = (error: unknown) =>
  error instanceof Error && error.message === 'Query read timeout';
