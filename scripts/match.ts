/**
 * Offline mentor–mentee matching (DESIGN.md §4).
 *
 *   tsx scripts/match.ts FILE.json     (or `-` to read standard input)
 *
 * Prints `{ "matched": …, "totalScore": …, "assignments": [{ "mentee", "mentor", "score" }] }` on
 * stdout and exits 0. Unreadable file, malformed JSON or invalid input: one line on stderr, exit
 * code 2, and nothing at all on stdout — the answer is computed completely before the first byte
 * is written, so there is never a partial answer.
 *
 * Big files: edges given as triples are read straight from the bytes into typed arrays (see
 * app/modules/matching/read-json.ts); anything else goes through JSON.parse + validation.
 */
import { readFileSync } from 'node:fs';
import { MatchingInputError, solveAssignment, type PreparedInstance } from '../app/modules/matching/engine';
import { readInstanceJson } from '../app/modules/matching/read-json';

const USAGE = 'usage: tsx scripts/match.ts FILE.json   (or - for standard input)';

class UsageError extends Error {}

async function readInput(arg: string): Promise<Buffer> {
  if (arg === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
  try {
    return readFileSync(arg);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(error);
    throw new UsageError(`cannot read ${JSON.stringify(arg)}: ${reason}`);
  }
}

/** Bytes → prepared instance, with the failures worded for the command line. */
function prepare(bytes: Buffer): PreparedInstance {
  try {
    return readInstanceJson(bytes);
  } catch (error) {
    if (error instanceof SyntaxError) throw new UsageError(`malformed JSON: ${error.message}`);
    // Only the general path needs the whole text as one string, and V8 strings end at ~512 MB.
    if (error instanceof RangeError) throw new UsageError(`input too large to parse (${Math.round(bytes.length / 2 ** 20)} MB)`);
    throw error;
  }
}

async function main(args: string[]): Promise<number> {
  if (args.length !== 1 || (args[0]!.startsWith('-') && args[0] !== '-')) {
    if (args[0] === '--help' || args[0] === '-h') {
      console.log(USAGE);
      return 0;
    }
    throw new UsageError(USAGE);
  }
  const instance = prepare(await readInput(args[0]!));
  const { matched, totalScore, assignments } = solveAssignment(instance);
  process.stdout.write(JSON.stringify({ matched, totalScore, assignments }) + '\n');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof MatchingInputError) {
      console.error(`match: ${error.message}`);
      process.exitCode = 2;
    } else {
      console.error(`match: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 1;
    }
  },
);
