// Starts the LP worker from its TypeScript source (development, tests, scripts run with tsx): tsx's
// loader for this thread, then the worker itself. The production build runs
// build/runtime/protection-worker.js instead (scripts/build-server.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./protection-worker.ts');
