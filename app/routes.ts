// Route modules are the files in app/routes; a `*.server.ts` file there is not a route but a server
// helper shared by the routes beside it (e.g. match-form.server.ts, the match forms' action).
import type { RouteConfig } from '@remix-run/route-config';
import { flatRoutes } from '@remix-run/fs-routes';

export default flatRoutes({ ignoredRouteFiles: ['**/*.test.{ts,tsx}', '**/.*', '**/*.server.ts'] }) satisfies RouteConfig;
