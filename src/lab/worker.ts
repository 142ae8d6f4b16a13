import { parentPort, workerData } from 'node:worker_threads';
import { startLab, type StartLabOptions } from './index.js';
import type { LabDescription, LabMessage } from './remote.js';

/**
 * The lab's worker thread (started by ./remote.ts): every server, certificate and latency timer lives
 * here, on its own event loop and heap, so server-side TLS crypto and the X.509 library never sit on the
 * client's thread, and the lab's latency means what it says. The client's thread gets the lab as data
 * (LabDescription) and says 'close' when the run is over.
 */

const port = parentPort;
if (!port) throw new Error('src/lab/worker.ts runs only as a worker thread (src/lab/remote.ts)');
const post = (m: LabMessage): void => port.postMessage(m);

try {
  const lab = await startLab(workerData as StartLabOptions);
  const description: LabDescription = {
    scenario: lab.scenario,
    resolvers: lab.resolvers,
    publicRoots: lab.publicRoots,
    privateRoots: lab.privateRoots,
    routes: [...lab.routes],
    environment: lab.environment,
    clockOffsetMs: lab.clockOffsetMs,
  };
  port.on('message', (m: unknown) => {
    if (m !== 'close') return;
    void lab.close().then(() => {
      post({ type: 'closed' });
      port.close();
    });
  });
  post({ type: 'ready', lab: description });
} catch (err) {
  post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  port.close();
}
