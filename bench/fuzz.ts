// npm run bench:fuzz — hostile form submissions against a production build with demo data.
//
// Logs in as anonymous, candidate, coordinator and admin; crawls the site as each of them to find
// every <form method="post"> (its action, its fields, their default and hidden values); sends each
// distinct form action `n` generated hostile submissions; then crawls again and looks for the
// markers of the script/HTML payloads in every page (and in every response along the way). Prints
// per route the counts of 2xx/3xx/4xx/5xx and every payload that came back unescaped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  cleanUp,
  cleanUpOnSignals,
  ensureBuild,
  machine,
  onCleanUp,
  option,
  startServer,
  stopServer,
  waitForHealth,
  withDatabase,
} from './lib';

const n = Number(option('n', '1000'));
const concurrency = Number(option('concurrency', '8'));
const port = Number(option('port', '3272'));
const bigBytes = Number(option('big', String(1024 * 1024)));
const bigShare = Number(option('big-share', '0.02'));
const maxPages = Number(option('pages', '400'));
const only = option('only', '');
const skip = option('skip', '/uitloggen').split(',').filter(Boolean);
const seed = Number(option('seed', '20261128'));
const requestTimeoutS = Number(option('request-timeout', '60'));

// ---------------------------------------------------------------------------------------------
// Deterministic randomness, so that a run can be repeated.

let state = seed >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const randomUuid = () =>
  'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = Math.floor(random() * 16);
    return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });

// ---------------------------------------------------------------------------------------------
// HTML, just enough of it: React renders well-formed, quoted markup.

type Attrs = Record<string, string>;
const decode = (s: string) =>
  s
    .replaceAll('&quot;', '"')
    .replaceAll('&#x27;', "'")
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

function attrsOf(text: string): Attrs {
  const attrs: Attrs = {};
  for (const m of text.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    attrs[m[1]!.toLowerCase()] = decode(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

type Field = { name: string; kind: string; value: string; options: string[]; checked: boolean; required: boolean; maxLength?: number };
type FormInfo = { page: string; action: string; enctype: string; fields: Field[] };

function parseForms(html: string, pageUrl: string): FormInfo[] {
  const forms: FormInfo[] = [];
  const formRe = /<form\b([^>]*)>([\s\S]*?)<\/form>/gi;
  for (const fm of html.matchAll(formRe)) {
    const attrs = attrsOf(fm[1]!);
    if ((attrs.method ?? 'get').toLowerCase() !== 'post') continue;
    const action = new URL(attrs.action || pageUrl, pageUrl);
    const body = fm[2]!;
    const fields: Field[] = [];
    // Only select and textarea have content; inputs and buttons are read up to their '>'.
    const tagRe = /<(select|textarea)\b([^>]*)>([\s\S]*?)<\/\1>|<(input|button)\b([^>]*)>/gi;
    for (const tm of body.matchAll(tagRe)) {
      const tag = (tm[1] ?? tm[4]!).toLowerCase();
      const a = attrsOf(tm[2] ?? tm[5]!);
      if (!a.name || 'disabled' in a) continue;
      const required = 'required' in a || a['aria-required'] === 'true';
      const maxLength = a.maxlength ? Number(a.maxlength) : undefined;
      if (tag === 'select') {
        const options = [...(tm[3] ?? '').matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/gi)].map(
          (o) => attrsOf(o[1]!).value ?? decode(o[2]!),
        );
        const selected = [...(tm[3] ?? '').matchAll(/<option\b([^>]*)>/gi)].map((o) => attrsOf(o[1]!)).find((o) => 'selected' in o);
        fields.push({
          name: a.name,
          kind: 'select',
          value: selected?.value ?? options[0] ?? '',
          options,
          checked: true,
          required,
          maxLength,
        });
      } else if (tag === 'textarea') {
        const text = decode(tm[3] ?? '');
        fields.push({ name: a.name, kind: 'textarea', value: text, options: [], checked: true, required, maxLength });
      } else if (tag === 'button') {
        fields.push({ name: a.name, kind: 'button', value: a.value ?? '', options: [], checked: false, required: false });
      } else {
        // A text box for numbers (inputmode) is filled in as a number.
        const kind = ['decimal', 'numeric'].includes(a.inputmode ?? '') ? 'number' : (a.type ?? 'text').toLowerCase();
        if (kind === 'submit' || kind === 'image' || kind === 'reset') {
          fields.push({ name: a.name, kind: 'button', value: a.value ?? '', options: [], checked: false, required: false });
          continue;
        }
        const checkable = kind === 'checkbox' || kind === 'radio';
        fields.push({
          name: a.name,
          kind,
          value: a.value ?? (checkable ? 'on' : ''),
          options: [],
          checked: checkable ? 'checked' in a : true,
          required,
          maxLength,
        });
      }
    }
    forms.push({
      page: pageUrl,
      action: action.pathname + action.search,
      enctype: attrs.enctype ?? 'application/x-www-form-urlencoded',
      fields,
    });
  }
  return forms;
}

function linksOf(html: string, pageUrl: string, origin: string) {
  const links: string[] = [];
  for (const m of html.matchAll(/<a\b([^>]*)>/gi)) {
    const href = attrsOf(m[1]!).href;
    if (!href) continue;
    try {
      const url = new URL(href, pageUrl);
      if (url.origin !== origin) continue;
      url.hash = '';
      links.push(url.pathname + url.search);
    } catch {
      // not a URL
    }
  }
  return links;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const IS_UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const TOKEN = /\/[a-z2-7]{32}(?=\/|$|\?)/g;
/** The route a path belongs to: ids and tokens replaced, query kept only by name. */
function routeOf(p: string) {
  const url = new URL(p, 'http://x');
  const query = [...new Set([...url.searchParams.keys()])].sort().join('&');
  return url.pathname.replace(UUID, ':id').replace(TOKEN, '/:token') + (query ? `?${query}` : '');
}

// ---------------------------------------------------------------------------------------------
// Sessions and the crawl

type Role = 'anonymous' | 'candidate' | 'coordinator' | 'admin';
const accounts: Record<Exclude<Role, 'anonymous'>, { email: string; password: string }> = {
  candidate: { email: 'kandidaat@politiekactief.example', password: 'Demo-kandidaat-2026' },
  coordinator: { email: 'coordinator@politiekactief.example', password: 'Demo-coordinator-2026' },
  admin: { email: 'admin@politiekactief.example', password: 'Demo-beheer-2026' },
};

let base = '';
let ipCounter = 0;
/** Every request comes from another address (the server trusts X-Forwarded-For): rate limits are not what is tested. */
const nextIp = () => {
  ipCounter++;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
};

async function request(p: string, init: RequestInit & { cookie?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set('Cookie', init.cookie);
  headers.set('X-Forwarded-For', nextIp());
  headers.set('Accept', 'text/html');
  // A request the server never answers is a finding (a hang), not something to wait out.
  return fetch(`${base}${p}`, { ...init, headers, redirect: 'manual', signal: AbortSignal.timeout(requestTimeoutS * 1000) });
}

async function login(role: Role): Promise<string> {
  if (role === 'anonymous') return '';
  const { email, password } = accounts[role];
  const res = await request('/inloggen', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ intent: 'password', email, password, redirectTo: '/account' }).toString(),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('pa_session='));
  if (!cookie || res.status >= 400) throw new Error(`login as ${role} failed: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return cookie.split(';')[0]!;
}

async function sessionValid(cookie: string) {
  if (!cookie) return true;
  const res = await request('/account', { cookie });
  await res.arrayBuffer();
  return res.status === 200;
}

type Crawl = { pages: Map<string, string>; forms: FormInfo[]; statuses: Map<number, number> };

const SEEDS = [
  '/',
  '/cursussen',
  '/account',
  '/beheer',
  '/beheer/cursussen',
  '/admin',
  '/mentoraat',
  '/privacy',
  '/dev/mailbox',
  '/inloggen',
  '/registreren',
];

async function crawl(cookie: string, extra: string[] = []): Promise<Crawl> {
  const pages = new Map<string, string>();
  const forms: FormInfo[] = [];
  const statuses = new Map<number, number>();
  const perRoute = new Map<string, number>();
  const queue = [...SEEDS, ...extra];
  const seen = new Set<string>();
  while (queue.length && pages.size < maxPages) {
    const batch = queue.splice(0, concurrency).filter((p) => {
      if (seen.has(p) || skip.some((s) => p.startsWith(s))) return false;
      seen.add(p);
      // A few pages of each route are enough (not every course of the catalogue).
      const route = routeOf(p);
      const count = perRoute.get(route) ?? 0;
      if (count >= 3) return false;
      perRoute.set(route, count + 1);
      return true;
    });
    await Promise.all(
      batch.map(async (p) => {
        const res = await request(p, { cookie });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const type = res.headers.get('content-type') ?? '';
        if (res.status >= 300 && res.status < 400) {
          const location = res.headers.get('location');
          if (location && location.startsWith('/')) queue.push(location);
          return;
        }
        if (!type.includes('text/html')) return void (await res.arrayBuffer());
        const html = await res.text();
        pages.set(p, html);
        forms.push(...parseForms(html, `${base}${p}`));
        for (const link of linksOf(html, `${base}${p}`, base)) if (!seen.has(link)) queue.push(link);
        // The mailbox's email bodies are pages too (stored input may land in an email).
        for (const m of html.matchAll(/\/dev\/mailbox\/[0-9a-f-]{36}(?=["/])/g)) queue.push(`${m[0]}/html`);
      }),
    );
  }
  return { pages, forms, statuses };
}

// ---------------------------------------------------------------------------------------------
// Hostile values

type Marked = { marker: string; raw: RegExp };
const markers = new Map<string, Marked>();
let markerCounter = 0;

function scriptPayload(): string {
  const marker = `pam${(++markerCounter).toString(36)}x`;
  const variants: Array<[string, RegExp]> = [
    [`<script>${marker}()</script>`, new RegExp(`<script>${marker}`)],
    [`"><img src=x onerror=${marker}()>`, new RegExp(`<img src=x onerror=${marker}`)],
    [`'><svg onload=${marker}()>`, new RegExp(`<svg onload=${marker}`)],
    [`</textarea><b id=${marker}>`, new RegExp(`<b id=${marker}>`)],
    [`javascript:${marker}()`, new RegExp(`(?:href|src|action)="javascript:${marker}`)],
    [`<a href="javascript:${marker}()">x</a>`, new RegExp(`<a href="javascript:${marker}`)],
    [`{{${marker}}}<!--${marker}-->`, new RegExp(`<!--${marker}-->`)],
  ];
  const [text, raw] = pick(variants);
  markers.set(marker, { marker, raw });
  return text;
}

const SQL = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  "1' UNION SELECT id, email, password_hash FROM users --",
  '" OR ""="',
  "\\'; select pg_sleep(5); --",
  '$1',
  '%',
  '_',
  "O'Brien",
  "') ON CONFLICT DO NOTHING; --",
];
const CONTROL = [
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u0003\u001f',
  '\u202eevil\u202c',
  '\u200b\u200d\ufeff',
  '\ud800',
  'line\r\nSet-Cookie: x=1',
  '\t\v\f',
  '\u0085\u2028\u2029',
  'e\u0301\u0301\u0301\u0301',
  '𝔓𝔞𝔰𝔰 🏳️‍🌈',
];
const WRONG = [
  '',
  ' ',
  '-1',
  '0',
  '1e308',
  'NaN',
  'Infinity',
  '99999999999999999999999',
  '3.14159',
  'true',
  'null',
  'undefined',
  '[]',
  '{"a":1}',
  '2026-13-45',
  '0000-00-00',
  '2026-02-30T25:61',
  '9999-12-31',
  '-0001-01-01',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '../../etc/passwd',
  '%00',
  '__proto__',
];

function bigString() {
  const unit = pick(['A', 'é', '<script>', '€', "'"]);
  return unit.repeat(Math.ceil(bigBytes / Buffer.byteLength(unit)));
}

/** A plausible value for a field, so that many submissions get past the first check and are stored. */
/**
 * A value the form would accept. Dates and times get later as the form goes on (opens before closes,
 * start before end), so that the forms that check their order can succeed too.
 */
function plausible(field: Field, i: number, order: number): string {
  const name = field.name.toLowerCase();
  if (field.kind === 'hidden' || field.kind === 'button') return field.value;
  if (field.kind === 'select') return field.value || (field.options[1] ?? '');
  if (field.kind === 'checkbox' || field.kind === 'radio') return field.value;
  if (field.value) return field.value;
  if (name === 'website') return ''; // the honeypot
  if (name.includes('email') || field.kind === 'email') return `fuzz${i}.${Math.floor(random() * 1e9)}@example.org`;
  if (name.includes('password') || name === 'confirm' || name === 'current') return 'een lange zin van de fuzzer';
  if (name.includes('phone') || field.kind === 'tel') return '0612345678';
  if (field.kind === 'number') return String(1 + Math.floor(random() * 20));
  if (field.kind === 'date') return `2027-03-${String(1 + order).padStart(2, '0')}`;
  if (field.kind === 'time') return `${String(Math.min(23, 19 + 2 * order)).padStart(2, '0')}:30`;
  if (field.kind === 'datetime-local') return `2027-02-${String(1 + order).padStart(2, '0')}T12:00`;
  if (field.kind === 'url') return 'https://example.org/';
  return `Fuzz ${i}`;
}

type Kind = 'script' | 'sql' | 'big' | 'control' | 'wrong-type' | 'missing' | 'duplicate' | 'forged-id' | 'extra';
const KINDS: Kind[] = ['script', 'script', 'script', 'sql', 'control', 'wrong-type', 'missing', 'duplicate', 'forged-id', 'extra'];

/** One hostile submission: the form's fields with plausible values, then one to three mutations. */
function generate(form: FormInfo, i: number, foreignIds: string[], baseline = false): { body: [string, string][]; kinds: Kind[] } {
  const fields = form.fields.filter((f) => f.checked || f.kind === 'checkbox');
  // Forms with several submit buttons (intent=…) get one of them at random.
  const buttons = form.fields.filter((f) => f.kind === 'button');
  const button = buttons.length ? pick(buttons) : undefined;
  let body: [string, string][] = fields
    .filter((f) => f.kind !== 'button' && (f.kind !== 'checkbox' || f.checked || random() < 0.7))
    .map((f) => [f.name, plausible(f, i, fields.filter((g) => g.kind === f.kind).indexOf(f))]);
  if (button) body.push([button.name, button.value]);
  const kinds: Kind[] = [];
  const mutations = baseline ? 0 : 1 + Math.floor(random() * 3);
  const editable = () => {
    const names = body.map(([k]) => k);
    return names.length ? pick(names) : 'x';
  };
  for (let m = 0; m < mutations; m++) {
    const kind: Kind = random() < bigShare ? 'big' : pick(KINDS);
    kinds.push(kind);
    const target = editable();
    const set = (value: string) => {
      const at = body.findIndex(([k]) => k === target);
      if (at >= 0) body[at] = [target, value];
      else body.push([target, value]);
    };
    switch (kind) {
      case 'script':
        set(random() < 0.5 ? scriptPayload() : `Fuzz ${i} ${scriptPayload()}`);
        break;
      case 'sql':
        set(pick(SQL));
        break;
      case 'big':
        set(bigString());
        break;
      case 'control':
        set(`Fuzz ${pick(CONTROL)} ${i}`);
        break;
      case 'wrong-type':
        set(pick(WRONG));
        break;
      case 'missing':
        body = body.filter(([k]) => k !== target);
        break;
      case 'duplicate':
        body.push([target, random() < 0.5 ? pick(WRONG) : scriptPayload()]);
        break;
      case 'forged-id': {
        // Another tenant's record (seen by the admin, not by this role), a random one, or a broken one.
        const uuidField = body.find(([, v]) => IS_UUID.test(v));
        const forged = foreignIds.length && random() < 0.7 ? pick(foreignIds) : random() < 0.5 ? randomUuid() : `${randomUuid()}'`;
        if (uuidField) uuidField[1] = forged;
        else set(forged);
        break;
      }
      case 'extra':
        body.push([
          pick(['__proto__', 'constructor', 'isAdmin', 'organisationId', 'userId', 'id', 'role']),
          pick(['true', 'admin', randomUuid()]),
        ]);
        break;
    }
  }
  return { body, kinds };
}

/** The action path with its ids replaced by another tenant's, for some of the submissions. */
function forgedAction(action: string, foreignIds: string[]) {
  if (!IS_UUID.test(action)) return action;
  return action.replace(UUID, () => (foreignIds.length && random() < 0.7 ? pick(foreignIds) : randomUuid()));
}

function encode(body: [string, string][], multipart: boolean): { body: BodyInit; type?: string } {
  if (multipart) {
    const form = new FormData();
    for (const [k, v] of body) form.append(k, v);
    return { body: form };
  }
  return { body: new URLSearchParams(body).toString(), type: 'application/x-www-form-urlencoded' };
}

// ---------------------------------------------------------------------------------------------

type Tally = {
  role: Role;
  route: string;
  action: string;
  fields: string[];
  s2: number;
  s3: number;
  s4: number;
  s5: number;
  errors: number;
  samples5xx: string[];
  baseline: string;
};
type Finding = { where: string; marker: string; excerpt: string };

function findUnescaped(html: string, where: string, findings: Finding[]) {
  for (const m of html.matchAll(/pam[0-9a-z]+x/g)) {
    const marked = markers.get(m[0]);
    if (!marked) continue;
    const hit = html.match(marked.raw);
    if (hit && !findings.some((f) => f.marker === marked.marker && f.where === where)) {
      const at = hit.index ?? 0;
      findings.push({ where, marker: marked.marker, excerpt: html.slice(Math.max(0, at - 60), at + 80).replace(/\s+/g, ' ') });
    }
  }
}

async function main() {
  cleanUpOnSignals('stopping the server and removing its data');
  console.log(`bench:fuzz — ${n} hostile submissions per form action, ${concurrency} at once; ${machine()}`);
  ensureBuild(option('build', 'auto'));

  const url = process.env.DATABASE_URL;
  let env: Record<string, string | undefined>;
  if (url) {
    const name = `pa_bench_fuzz_${Date.now()}`;
    const postgres = (await import('postgres')).default;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    onCleanUp(async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    });
    env = { DATABASE_URL: withDatabase(url, name), WORKER_IN_WEB: 'true', DEV_MAILBOX: 'true' };
    console.log(`database: PostgreSQL ${name}`);
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'pa-fuzz-'));
    onCleanUp(() => rmSync(dir, { recursive: true, force: true }));
    env = { DATABASE_URL: undefined, PGLITE_DIR: dir };
    console.log(`database: PGlite in ${dir}`);
  }
  const server = startServer(port, { ...env, DEMO_DATA: 'true', TRUST_PROXY: '1', LOG_LEVEL: 'error', RESEND_API_KEY: undefined });
  onCleanUp(() => stopServer(server));
  base = `http://127.0.0.1:${port}`;
  await waitForHealth(server);

  // 1. Crawl as each role.
  const roles: Role[] = ['anonymous', 'candidate', 'coordinator', 'admin'];
  const cookies = new Map<Role, string>();
  const crawls = new Map<Role, Crawl>();
  for (const role of roles) {
    cookies.set(role, await login(role));
    const c = await crawl(cookies.get(role)!);
    crawls.set(role, c);
    const statuses = [...c.statuses].map(([s, k]) => `${s}×${k}`).join(', ');
    console.log(
      `crawl as ${role.padEnd(11)} ${String(c.pages.size).padStart(4)} pages, ${String(c.forms.length).padStart(4)} post forms (${statuses})`,
    );
  }

  // Ids each role can see; the admin sees every tenant's, so the difference is "another tenant's".
  const idsIn = (c: Crawl) =>
    new Set([...c.pages.keys(), ...c.pages.values()].flatMap((t) => t.match(UUID) ?? []).map((s) => s.toLowerCase()));
  const adminIds = idsIn(crawls.get('admin')!);

  // 2. One entry per distinct form action (route), fuzzed as the first role that found it.
  const targets: Array<{ role: Role; form: FormInfo; route: string; foreignIds: string[] }> = [];
  const taken = new Set<string>();
  for (const role of roles) {
    const own = idsIn(crawls.get(role)!);
    const foreignIds = [...adminIds].filter((id) => !own.has(id));
    for (const form of crawls.get(role)!.forms) {
      const route = routeOf(form.action);
      const key = `${route} ${form.fields
        .map((f) => f.name)
        .sort()
        .join(',')}`;
      if (taken.has(key) || skip.some((s) => form.action.startsWith(s))) continue;
      if (only && !route.includes(only)) continue;
      taken.add(key);
      targets.push({ role, form, route, foreignIds: foreignIds.slice(0, 200) });
    }
  }
  console.log(`\n${targets.length} form actions to fuzz (skipped: ${skip.join(', ') || 'none'})\n`);

  // 3. Fuzz.
  const tallies: Tally[] = [];
  const findings: Finding[] = [];
  const locations = new Set<string>();
  const started = Date.now();
  for (const target of targets) {
    const { role, form, route, foreignIds } = target;
    const tally: Tally = {
      role,
      route,
      action: form.action,
      fields: [...new Set(form.fields.map((f) => f.name))],
      s2: 0,
      s3: 0,
      s4: 0,
      s5: 0,
      errors: 0,
      samples5xx: [],
      baseline: '',
    };
    tallies.push(tally);
    // First the form as a person would fill it in, unmutated: can it succeed at all? (A form that
    // never succeeds stores nothing, so its payloads are never checked on the way out.)
    {
      const { body } = generate(form, -1, foreignIds, true);
      const encoded = encode(body, form.enctype.includes('multipart'));
      const res = await request(form.action, {
        method: 'POST',
        cookie: cookies.get(role),
        headers: encoded.type ? { 'Content-Type': encoded.type } : {},
        body: encoded.body,
      }).catch((error: unknown) => ({ status: 0, text: async () => String(error) }));
      const html = await res.text();
      const errors = [
        ...html.matchAll(/utrecht-form-field-error-message"[^>]*>([^<]*)</g),
        ...html.matchAll(/role="alert"[\s\S]*?<p[^>]*>([^<]*)</g),
      ]
        .map((m) => decode(m[1]!).trim())
        .filter(Boolean);
      tally.baseline = `${res.status}${errors.length ? ` (${[...new Set(errors)].slice(0, 3).join(' | ')})` : ''}`;
    }
    const t0 = Date.now();
    let next = 0;
    const worker = async () => {
      while (next < n) {
        const i = next++;
        const { body, kinds } = generate(form, i, foreignIds);
        const action = random() < 0.1 ? forgedAction(form.action, foreignIds) : form.action;
        const multipart = form.enctype.includes('multipart') || random() < 0.15;
        const encoded = encode(body, multipart);
        try {
          const res = await request(action, {
            method: 'POST',
            cookie: cookies.get(role),
            headers: encoded.type ? { 'Content-Type': encoded.type } : {},
            body: encoded.body,
          });
          const text = await res.text();
          const s = res.status;
          if (s >= 500) {
            tally.s5++;
            if (tally.samples5xx.length < 3)
              tally.samples5xx.push(
                `${s} ${kinds.join('+')} ${JSON.stringify(body.map(([k, v]) => [k, v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v]))}`,
              );
          } else if (s >= 400) tally.s4++;
          else if (s >= 300) {
            tally.s3++;
            const location = res.headers.get('location');
            if (location?.startsWith('/') && locations.size < 300) locations.add(location);
          } else tally.s2++;
          if (text.includes('pam')) findUnescaped(text, `response to POST ${route}`, findings);
        } catch (error) {
          tally.errors++;
          const cause = (error as { cause?: { code?: string; message?: string } }).cause;
          if (tally.samples5xx.length < 3)
            tally.samples5xx.push(
              `network: ${String(error)} (${cause?.code ?? cause?.message ?? '?'}) ${kinds.join('+')} ${body.map(([k, v]) => `${k}:${v.length}`).join(' ')}`,
            );
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    console.log(
      `${role.padEnd(11)} POST ${route.padEnd(48)} baseline ${tally.baseline.split(' ')[0]!.padEnd(4)} 2xx ${String(tally.s2).padStart(4)}  3xx ${String(tally.s3).padStart(4)}  4xx ${String(tally.s4).padStart(4)}  5xx ${String(tally.s5).padStart(3)}  no answer ${String(tally.errors).padStart(3)}  (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
    );
    // A submission may have ended the session (or worse): log in again for the next form.
    if (!(await sessionValid(cookies.get(role)!))) {
      console.log(`  (the ${role} session ended during this form: logging in again)`);
      cookies.set(role, await login(role));
    }
  }
  const fuzzSeconds = (Date.now() - started) / 1000;

  // 4. Look for stored payloads: crawl again as everyone (plus the pages the redirects pointed to).
  let pagesChecked = 0;
  for (const role of roles) {
    const cookie = (await sessionValid(cookies.get(role)!)) ? cookies.get(role)! : await login(role);
    const again = await crawl(cookie, [...locations]);
    for (const [p, html] of again.pages) {
      pagesChecked++;
      findUnescaped(html, `GET ${p} as ${role}`, findings);
    }
  }

  // 5. Figures.
  const total = tallies.reduce(
    (a, t) => ({ s2: a.s2 + t.s2, s3: a.s3 + t.s3, s4: a.s4 + t.s4, s5: a.s5 + t.s5, errors: a.errors + t.errors }),
    {
      s2: 0,
      s3: 0,
      s4: 0,
      s5: 0,
      errors: 0,
    },
  );
  console.log(`\nper route (${n} submissions each; role that submitted)`);
  console.log(
    `${'role'.padEnd(11)} ${'POST route'.padEnd(53)} ${'2xx'.padStart(5)} ${'3xx'.padStart(5)} ${'4xx'.padStart(5)} ${'5xx'.padStart(5)}  fields`,
  );
  for (const t of tallies) {
    console.log(
      `${t.role.padEnd(11)} ${t.route.padEnd(53)} ${String(t.s2).padStart(5)} ${String(t.s3).padStart(5)} ${String(t.s4).padStart(5)} ${String(t.s5 + t.errors).padStart(5)}  ${t.fields.join(' ')}`,
    );
    if (!/^[23]/.test(t.baseline)) console.log(`      the form filled in plainly: ${t.baseline}`);
    for (const sample of t.samples5xx) console.log(`      e.g. ${sample}`);
  }
  console.log(
    `${'total'.padEnd(11)} ${`${tallies.length} form actions, ${tallies.length * n} submissions in ${fuzzSeconds.toFixed(0)} s`.padEnd(53)} ${String(total.s2).padStart(5)} ${String(total.s3).padStart(5)} ${String(total.s4).padStart(5)} ${String(total.s5 + total.errors).padStart(5)}`,
  );
  console.log(`\nscript/HTML payloads sent: ${markers.size}; pages checked afterwards: ${pagesChecked}; unescaped: ${findings.length}`);
  for (const f of findings.slice(0, 30)) console.log(`  UNESCAPED ${f.marker} in ${f.where}: …${f.excerpt}…`);
  const fiveHundreds = total.s5 + total.errors;
  console.log(`\n5xx (and network errors): ${fiveHundreds} (target 0) — unescaped payloads: ${findings.length} (target 0)`);
  if (fiveHundreds > 0) console.log(`\nlast server output:\n${server.output.join('').slice(-4000)}`);
  console.log(`\n${machine()}`);
  await cleanUp();
  process.exit(fiveHundreds > 0 || findings.length > 0 ? 1 : 0);
}

main().catch(async (error) => {
  console.error(error);
  await cleanUp();
  process.exit(1);
});
