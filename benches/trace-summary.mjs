// Where the page's main thread spends its time in a trace from `TRACE_DIR=… node benches/browser.mjs`:
//  - tasks by what started them (the input event, a timer, an animation frame, …), in
//    wall time and in the thread's CPU time (the time it ran: on a busy machine, waiting
//    for a core does not count);
//  - time by kind of work (script, style and layout, paint, garbage collection), each
//    event's own time without the events nested in it;
//  - the functions the CPU profile sampled most, by own time and with what they call.
// Usage: node benches/trace-summary.mjs TRACE.json [KEYSTROKES]  (per keystroke when given)
//   FUNCTIONS=REGEX also prints, with what they call, every sampled function whose name
//   matches (e.g. FUNCTIONS='list_drafts|from_own_json'), however little time it took.
// Function names need a wasm module with its name section (a build without wasm-opt).
import { readFile } from 'node:fs/promises';

const [file, keystrokes] = process.argv.slice(2);
const perKey = Number(keystrokes ?? 1);
const { traceEvents: events } = JSON.parse(await readFile(file, 'utf8'));

// The page's main thread: the renderer main thread that dispatched the most input events.
const mainThreads = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain');
const inputs = (t) => events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.name === 'EventDispatch' && e.args?.data?.type === 'beforeinput').length;
const main = mainThreads.reduce((best, t) => (inputs(t) > inputs(best) ? t : best));
const onMain = events
  .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
  .sort((a, b) => a.ts - b.ts || b.dur - a.dur);

// Nesting by time: each event's children are the events inside it.
const tasks = [];
const stack = [];
for (const event of onMain) {
  while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= event.ts) stack.pop();
  event.children = [];
  if (stack.length) stack.at(-1).children.push(event);
  else tasks.push(event);
  stack.push(event);
}

const KIND = {
  FunctionCall: 'script', EventDispatch: 'script', TimerFire: 'script', FireAnimationFrame: 'script',
  'V8.Execute': 'script', EvaluateScript: 'script', RunMicrotasks: 'script', FireIdleCallback: 'script',
  UpdateLayoutTree: 'style and layout', Layout: 'style and layout', RecalculateStyles: 'style and layout',
  HitTest: 'style and layout', PrePaint: 'paint', Paint: 'paint', Layerize: 'paint', Commit: 'paint',
  UpdateLayer: 'paint', PaintImage: 'paint', MinorGC: 'garbage collection', MajorGC: 'garbage collection',
  'V8.GC_SCAVENGER': 'garbage collection', 'V8.GC_MARK_COMPACTOR': 'garbage collection',
  BlinkGC: 'garbage collection',
};
const byKind = new Map();
const byName = new Map();
const byStarter = new Map();
const cpuByStarter = new Map();
const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
const selfTime = (event, kind) => {
  const own = KIND[event.name] ?? kind;
  const ms = (event.dur - event.children.reduce((n, c) => n + c.dur, 0)) / 1000;
  add(byKind, own, ms);
  add(byName, event.name, ms);
  for (const child of event.children) selfTime(child, own);
};
for (const task of tasks) {
  selfTime(task, 'other (browser)');
  const starter = task.children[0];
  const what = starter?.name === 'EventDispatch' ? `EventDispatch ${starter.args.data.type}` : starter?.name ?? task.name;
  add(byStarter, what, task.dur / 1000);
  add(cpuByStarter, what, (task.tdur ?? 0) / 1000);
}
const sum = (map) => [...map.values()].reduce((a, b) => a + b, 0);
const table = (title, map, limit = 12) => {
  console.log(`\n${title} (ms${perKey > 1 ? ' per keystroke' : ''})`);
  for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
    console.log(`${(ms / perKey).toFixed(3).padStart(10)}  ${key}`);
  }
};
table('Main-thread tasks by what started them', byStarter);
table('The same in the thread\'s CPU time', cpuByStarter);
console.log(`${(sum(cpuByStarter) / perKey).toFixed(3).padStart(10)}  all tasks, CPU time`);
table('Main-thread time by kind of work (own time)', byKind);
table('Main-thread time by event (own time)', byName, 20);
// How much the layouts had to walk: the layout tree's size, which a keystroke's layout
// visits from the document down (content-visibility skips what is off screen).
const layouts = onMain.filter((e) => e.name === 'Layout' && e.args?.beginData);
const objects = layouts.reduce((n, e) => n + (e.args.beginData.totalObjects ?? 0), 0);
console.log(`\n${layouts.length} layouts, ${Math.round(objects / (layouts.length || 1))} layout objects on average`);

// The main thread's CPU profile (a worker's is another): samples with their stacks.
const profiles = new Set(events.filter((e) => e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid).map((e) => e.id));
const nodes = new Map();
const samples = [];
for (const e of events.filter((e) => e.name === 'ProfileChunk' && e.pid === main.pid && profiles.has(e.id))) {
  const profile = e.args.data.cpuProfile ?? {};
  for (const node of profile.nodes ?? []) nodes.set(node.id, node);
  const deltas = e.args.data.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => samples.push({ id, ms: (deltas[i] ?? 0) / 1000 }));
}
const name = (node) => node.callFrame.functionName || `(${node.callFrame.url || 'anonymous'})`;
const own = new Map();
const inclusive = new Map();
for (const { id, ms } of samples) {
  let node = nodes.get(id);
  if (!node) continue;
  add(own, name(node), ms);
  const seen = new Set();
  for (; node; node = nodes.get(node.parent)) seen.add(name(node));
  for (const fn of seen) add(inclusive, fn, ms);
}
const idle = ['(idle)', '(program)', '(root)'];
for (const fn of idle) inclusive.delete(fn);
table('Functions by own time (CPU profile)', own, 25);
table('Functions by time with what they call (CPU profile)', inclusive, 40);
if (process.env.FUNCTIONS) {
  const wanted = new RegExp(process.env.FUNCTIONS);
  table(`Functions matching /${process.env.FUNCTIONS}/, with what they call`, new Map([...inclusive].filter(([fn]) => wanted.test(fn))), Infinity);
}
