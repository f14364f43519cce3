import { afterEach } from 'vitest';
import { setClock } from '../app/modules/clock.server';
import { resetEnvCache } from '../app/env.server';
import '../app/i18n/all';

// Each test starts on the real clock and a freshly read environment.
afterEach(() => {
  setClock(undefined);
  resetEnvCache();
});
