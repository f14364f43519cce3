import { readFileSync } from 'node:fs';
import { protectFigures, solveCount } from '../app/modules/reports/protection.server.ts';
const file = process.argv[2]!;
const { figures, relations } = JSON.parse(readFileSync(file, 'utf8'));
for (const f of figures) if (f.cost === null) f.cost = Infinity;
const t0 = performance.now();
const marks = await protectFigures(figures, relations);
console.log(file, 'figures', figures.length, 'relations', relations.length, 'ms', Math.round(performance.now() - t0), 'solves', solveCount(), 'hidden', marks.filter((m) => m).length);
