// The app's logging: `getLog()` is the current request's pino logger (every line carries its
// `requestId`; emails and names are masked), or the process's logger outside a request.
export { getLog, runWithLog } from '../../server/logger';
