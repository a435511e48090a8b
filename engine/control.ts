// Run control shared by the scheduler, the signal handlers and the API: pause / resume / stop,
// and a wake-up signal so waiting loops react at once.

export class Signal {
  private waiters: (() => void)[] = [];
  private readonly listeners = new Set<() => void>();
  notify(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
    for (const f of this.listeners) f();
  }
  /** A persistent listener; returns its removal. */
  on(f: () => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }
  wait(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

export class RunControl {
  private pausedFlag = false;
  private stopReason: string | undefined;
  readonly changed = new Signal();

  get paused(): boolean {
    return this.pausedFlag;
  }
  get stopRequested(): boolean {
    return this.stopReason !== undefined;
  }
  get stopCause(): string | undefined {
    return this.stopReason;
  }
  pause(): void {
    if (this.pausedFlag || this.stopRequested) return;
    this.pausedFlag = true;
    this.changed.notify();
  }
  resume(): void {
    if (!this.pausedFlag) return;
    this.pausedFlag = false;
    this.changed.notify();
  }
  toggle(): void {
    if (this.pausedFlag) this.resume();
    else this.pause();
  }
  /** Ask the run to stop after the blocks in flight; a stop also lifts a pause. */
  stop(reason: string): void {
    if (this.stopReason !== undefined) return;
    this.stopReason = reason;
    this.pausedFlag = false;
    this.changed.notify();
  }
}
