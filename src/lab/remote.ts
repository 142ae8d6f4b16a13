import { Worker } from 'node:worker_threads';
import { isSea } from 'node:sea';
import type { ResolverAddr, SiteEnvironment } from '../core/context.js';
import type { Lab, StartLabOptions } from './index.js';
import { dialThrough, type LabDialTarget } from './routes.js';

/**
 * The lab in a worker thread (./worker.ts), for `zapcheck site --lab`: the lab's servers, its certificates
 * (@peculiar/x509) and its latency timers run on their own event loop and heap, off the thread that runs
 * the checks. This thread keeps only the lab as data, and maps addresses itself through the same routes,
 * so the site context, the guard and every probe are as in-process. Loads no server code.
 *
 * The standalone executable has its modules as embedded assets, not as files a worker could start from:
 * there the lab runs in this thread, as `startLab` always does (tests use it directly).
 */

/** A started lab, as data. */
export interface LabDescription {
  scenario: string;
  resolvers: ResolverAddr[];
  publicRoots: string[];
  privateRoots: string[];
  routes: Array<[string, LabDialTarget]>;
  environment: SiteEnvironment;
  clockOffsetMs: number;
}

export type LabMessage =
  { type: 'ready'; lab: LabDescription } | { type: 'error'; message: string } | { type: 'closed' };

/** How long a closing lab may take before its thread is stopped regardless. */
const CLOSE_GRACE_MS = 2000;
/** How long a closed lab's thread may take to end by itself. */
const EXIT_GRACE_MS = 500;

export async function startLabInWorker(opts: StartLabOptions): Promise<Lab> {
  if (isSea()) {
    const { startLab } = await import('./index.js');
    return startLab(opts);
  }
  const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: opts });
  let exited = false;
  const gone = new Promise<void>((resolve) => worker.once('exit', () => ((exited = true), resolve())));

  const description = await new Promise<LabDescription>((resolve, reject) => {
    const onMessage = (m: LabMessage): void => {
      if (m.type === 'ready') resolve(m.lab);
      else if (m.type === 'error') reject(new Error(m.message));
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    void gone.then(() => reject(new Error('the lab thread ended before the lab started')));
  }).catch(async (err: unknown) => {
    await worker.terminate();
    throw err;
  });

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      if (exited) return;
      const closed = new Promise<void>((resolve) =>
        worker.on('message', (m: LabMessage) => m.type === 'closed' && resolve()),
      );
      worker.postMessage('close');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        closed,
        gone,
        new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS))),
      ]);
      clearTimeout(timer);
      // Every socket and timer is closed by now, so the thread ends by itself within moments; one that
      // does not (something left open) is stopped.
      await Promise.race([
        gone,
        new Promise<void>((resolve) => (timer = setTimeout(resolve, EXIT_GRACE_MS))),
      ]);
      clearTimeout(timer);
      await worker.terminate();
    })());

  const routes = new Map(description.routes);
  return {
    ...description,
    routes,
    dial: dialThrough(routes),
    close,
  };
}
