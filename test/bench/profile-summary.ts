import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `node server/dist/test/bench/profile-summary.js [file] [--from S] [--to S]`: self time of a CPU
 * profile (node --cpu-prof, as `npm run bench -- --profile` writes them) by package, or by Reti's
 * file, with the heaviest functions of each. Without a file, the newest profile in bench-profile/.
 * --from and --to keep the samples between those seconds since the profile began (the bench prints
 * when it drove Reti with each query).
 */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const ROOT = path.resolve(__dirname, '../../../..');

function newest(): string {
  const dir = path.join(ROOT, 'bench-profile');
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort();
  if (!files.length) throw new Error('no profile in bench-profile/: run npm run bench -- --profile');
  return path.join(dir, files[files.length - 1]);
}

/** A frame's owner: the npm package, Reti's file, node's internals, or V8's own entries ((garbage collector), (program), (idle)). */
function ownerOf({ url, functionName }: Node['callFrame']): string {
  if (!url) return functionName.startsWith('(') ? functionName : `native ${functionName || '(anonymous)'}`;
  if (url.startsWith('node:')) return 'node internals';
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch) return packageMatch[1];
  const reti = /server\/dist\/(server\/src\/.*)$/.exec(url);
  return reti ? `reti ${reti[1]}` : url;
}

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) * 1e6 : undefined);
const from = flag('--from') ?? 0;
const to = flag('--to') ?? Infinity;
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? newest();
const profile: Profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
let clock = 0;
profile.samples.forEach((id, i) => {
  clock += profile.timeDeltas[i] ?? 0;
  if (clock >= from && clock <= to) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.entries()].filter(([id]) => byId.get(id)!.callFrame.functionName !== '(idle)').reduce((a, [, t]) => a + t, 0);
const owners = new Map<string, { time: number; functions: Map<string, number> }>();
for (const [id, time] of self) {
  const { callFrame } = byId.get(id)!;
  if (callFrame.functionName === '(idle)') continue;
  const owner = owners.get(ownerOf(callFrame)) ?? { time: 0, functions: new Map() };
  const fn = `${callFrame.functionName || '(anonymous)'}${callFrame.url ? ` ${path.basename(callFrame.url)}:${callFrame.lineNumber + 1}` : ''}`;
  owner.time += time;
  owner.functions.set(fn, (owner.functions.get(fn) ?? 0) + time);
  owners.set(ownerOf(callFrame), owner);
}
console.log(`${file}: ${(total / 1e6).toFixed(1)} s of CPU sampled (idle left out)`);
const pct = (t: number) => `${((100 * t) / total).toFixed(1).padStart(5)} %`;
for (const [owner, { time, functions }] of [...owners.entries()].sort((a, b) => b[1].time - a[1].time).slice(0, 30)) {
  const top = [...functions.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([fn, t]) => `${fn} ${((100 * t) / total).toFixed(1)}`).join('; ');
  console.log(`${pct(time)}  ${owner.padEnd(40)} ${top}`);
}
