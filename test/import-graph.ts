import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// The import graph of the source, read with TypeScript's own pre-processor (no type checking, so it
// takes a second): every file under the given folders, with the files it imports resolved to paths
// relative to the repository root. Imports of packages are left out.

const ROOT = path.resolve(import.meta.dirname, '..');

const ALIASES: [string, string][] = [
  ['~/', 'app/'],
  ['~db/', 'db/'],
  ['~emails/', 'emails/'],
];
const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.tsx'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

function resolve(from: string, specifier: string): string | undefined {
  let base: string | undefined;
  const alias = ALIASES.find(([prefix]) => specifier.startsWith(prefix));
  if (alias) base = path.join(ROOT, alias[1], specifier.slice(alias[0].length));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
  if (!base) return undefined;
  const bare = base.replace(/\?.*$/, '');
  for (const ext of EXTENSIONS) {
    const candidate = bare + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return path.relative(ROOT, candidate);
  }
  return undefined;
}

/** file → the files it imports (both relative to the repository root). */
export function importGraph(folders: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const folder of folders) {
    for (const file of sourceFiles(path.join(ROOT, folder))) {
      const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      const targets = info.importedFiles.map((f) => resolve(file, f.fileName)).filter((f): f is string => !!f);
      graph.set(path.relative(ROOT, file), [...new Set(targets)]);
    }
  }
  return graph;
}

/** The capability folder a file belongs to (`app/modules/<name>/…`), or undefined. */
export function capabilityOf(file: string) {
  return /^app\/modules\/([^/]+)\//.exec(file)?.[1];
}

/** Cycles in a directed graph, each as the list of its nodes (one cycle per strongly connected component). */
export function cycles(edges: Map<string, Set<string>>): string[][] {
  // Tarjan's algorithm: every strongly connected component with more than one node (or a self-loop) holds a cycle.
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indices.get(next)!));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || edges.get(node)?.has(node)) found.push(component.sort());
    }
  };
  for (const node of edges.keys()) if (!indices.has(node)) visit(node);
  return found;
}
