import type { Logger } from 'pino';

/** One kind of background work; `runOnce` does what is due now and returns how many items it handled. */
export interface Job {
  readonly name: string;
  runOnce(now: Date): Promise<number>;
}

export interface Worker {
  /** Resolves after the tick in progress (if any) has finished; no new tick starts. */
  stop(): Promise<void>;
  /** Number of completed polling ticks, for health and tests. */
  readonly ticks: number;
}

export interface WorkerOptions {
  jobs: Job[];
  pollMs: number;
  logger: Logger;
  now?: () => Date;
}

/**
 * Polls every job in turn. A job that handled items is polled again at once, so a backlog drains
 * without waiting a full interval; a failing job is logged and retried at the next tick.
 */
export function startWorker({ jobs, pollMs, logger, now = () => new Date() }: WorkerOptions): Worker {
  let stopped = false;
  let ticks = 0;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;

  const tick = async (): Promise<number> => {
    let handled = 0;
    for (const job of jobs) {
      if (stopped) break;
      try {
        handled += await job.runOnce(now());
      } catch (error) {
        logger.error({ err: error, job: job.name }, 'background job failed');
      }
    }
    ticks += 1;
    return handled;
  };

  const loop = async () => {
    while (!stopped) {
      const handled = await tick();
      if (handled > 0 || stopped) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, pollMs);
      });
    }
  };

  logger.info({ jobs: jobs.map((job) => job.name), pollMs }, 'worker started');
  const running = loop();
  return {
    get ticks() {
      return ticks;
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      wake?.();
      await running;
      logger.info('worker stopped');
    },
  };
}
