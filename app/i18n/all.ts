// Both languages, for the server (imported by entry.server.tsx and the test set-up).
import { en } from './en';
import { registerDictionary } from './index';
import { nl } from './nl';

registerDictionary('nl', nl);
registerDictionary('en', en);
