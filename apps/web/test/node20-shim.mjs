// jsdom 31 (and its undici 8) need a few Node 22 APIs. This file adds them to vitest workers only.
// zstd: undici expects node:zlib to have it at load time. This
// machine and CI run Node 20 (.nvmrc), where it is missing; jsdom never decompresses zstd in these
// tests, so a stub that fails if it is ever called is enough. Loaded only into vitest workers (--import).
import zlib from 'node:zlib';
import workerThreads from 'node:worker_threads';

if (typeof zlib.createZstdDecompress !== 'function') {
  zlib.createZstdDecompress = function createZstdDecompress() {
    throw new Error('zstd decompression is not available on this Node version');
  };
  zlib.constants.ZSTD_d_windowLogMax ??= 100;
}

// worker_threads.markAsUncloneable (Node 22.10+): undici only marks its own objects with it.
if (typeof workerThreads.markAsUncloneable !== 'function') {
  workerThreads.markAsUncloneable = function markAsUncloneable() {};
}

// The Iterator global and its helper methods (Node 22). jsdom 31 subclasses Iterator and calls
// helpers such as .find()/.some() on DOM child iterators. Node 20's V8 has Iterator with map,
// filter, take and drop behind --harmony-iterator-helpers (vitest.config.ts passes it, so every
// realm, including jsdom's window, has the global); the other helpers are filled in here.
const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
if (typeof globalThis.Iterator !== 'function') {
  function Iterator() {}
  Iterator.prototype = IteratorPrototype;
  Object.defineProperty(globalThis, 'Iterator', { value: Iterator, writable: true, configurable: true });
}
const define = (name, fn) => {
  if (typeof IteratorPrototype[name] !== 'function') {
    Object.defineProperty(IteratorPrototype, name, { value: fn, writable: true, configurable: true });
  }
};
const each = function* (iterator) {
  for (let step = iterator.next(); !step.done; step = iterator.next()) yield step.value;
};
define('map', function* map(fn) {
  let index = 0;
  for (const value of each(this)) yield fn(value, index++);
});
define('filter', function* filter(fn) {
  let index = 0;
  for (const value of each(this)) if (fn(value, index++)) yield value;
});
define('take', function* take(limit) {
  let left = limit;
  if (left <= 0) return;
  for (const value of each(this)) {
    yield value;
    if (--left <= 0) return;
  }
});
define('drop', function* drop(count) {
  let left = count;
  for (const value of each(this)) {
    if (left > 0) left--;
    else yield value;
  }
});
define('flatMap', function* flatMap(fn) {
  let index = 0;
  for (const value of each(this)) yield* fn(value, index++);
});
define('toArray', function toArray() {
  return [...each(this)];
});
define('forEach', function forEach(fn) {
  let index = 0;
  for (const value of each(this)) fn(value, index++);
});
define('some', function some(fn) {
  let index = 0;
  for (const value of each(this)) if (fn(value, index++)) return true;
  return false;
});
define('every', function every(fn) {
  let index = 0;
  for (const value of each(this)) if (!fn(value, index++)) return false;
  return true;
});
define('find', function find(fn) {
  let index = 0;
  for (const value of each(this)) if (fn(value, index++)) return value;
  return undefined;
});
define('reduce', function reduce(fn, ...initial) {
  let index = 0;
  let accumulator;
  const values = each(this);
  if (initial.length > 0) accumulator = initial[0];
  else {
    const first = values.next();
    if (first.done) throw new TypeError('Reduce of empty iterator with no initial value');
    accumulator = first.value;
    index = 1;
  }
  for (const value of values) accumulator = fn(accumulator, value, index++);
  return accumulator;
});
