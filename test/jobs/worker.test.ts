import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { startWorker, type Job } from '../../src/jobs/worker.js';

const logger = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the background worker', () => {
  it('polls, drains a backlog without waiting, survives a failing job and stops after the tick in flight', async () => {
    let backlog = 5;
    let failures = 0;
    let finishedSlowTicks = 0;
    const drain: Job = { name: 'drain', runOnce: async () => (backlog > 0 ? (backlog--, 1) : 0) };
    const failing: Job = {
      name: 'failing',
      runOnce: async () => {
        failures++;
        throw new Error('boom');
      },
    };
    const slow: Job = {
      name: 'slow',
      runOnce: async () => {
        await sleep(50);
        finishedSlowTicks++;
        return 0;
      },
    };
    const worker = startWorker({ jobs: [drain, failing, slow], pollMs: 10_000, logger });
    await sleep(600);
    expect(backlog).toBe(0);
    expect(failures).toBeGreaterThanOrEqual(6);
    const ticksBeforeStop = worker.ticks;
    await worker.stop();
    expect(finishedSlowTicks).toBe(worker.ticks);
    expect(worker.ticks).toBeLessThanOrEqual(ticksBeforeStop + 1);
    const ticksAfterStop = worker.ticks;
    await sleep(100);
    expect(worker.ticks).toBe(ticksAfterStop);
  });

  it('waits the poll interval when there is nothing to do', async () => {
    let calls = 0;
    const worker = startWorker({ jobs: [{ name: 'idle', runOnce: async () => (calls++, 0) }], pollMs: 100, logger });
    await sleep(350);
    await worker.stop();
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(calls).toBeLessThan(10);
  });
});
