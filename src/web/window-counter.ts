/**
 * Counts events per key in fixed windows, in this process (as the rate-limit plugin does), for a
 * second limit on a route that already has one. Memory is bounded by the keys of one window.
 */
export class WindowCounter {
  private counts = new Map<string, number>();
  private windowStart = Date.now();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one event; returns 0 when it is allowed, else the seconds until the window ends. */
  hit(key: string, now = Date.now()): number {
    if (now - this.windowStart >= this.windowMs) {
      this.counts.clear();
      this.windowStart = now;
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count <= this.max
      ? 0
      : Math.max(1, Math.ceil((this.windowStart + this.windowMs - now) / 1000));
  }
}
