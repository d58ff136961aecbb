import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const cli = path.resolve('src/cli/main.ts');

export interface CliRun {
  child: ChildProcess;
  exited: Promise<number | null>;
  output(): { stdout: string; stderr: string };
  /** Resolves with the URL once `serve` prints that it is ready. */
  ready(timeoutMs?: number): Promise<string>;
  kill(): void;
}

/** Runs the real `loopwise` command (from source) as a child process. */
export function runCli(args: string[], env: Record<string, string>): CliRun {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => ({ stdout, stderr }),
    ready: async (timeoutMs = 110_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const url = /ready at (\S+)/.exec(stdout)?.[1];
        if (url) return url;
        if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
        if (Date.now() > deadline) throw new Error(`server not ready after ${timeoutMs} ms: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    kill: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
