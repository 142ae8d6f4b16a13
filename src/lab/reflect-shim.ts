/**
 * The smallest Reflect metadata polyfill @peculiar/x509 needs.
 *
 * @peculiar/x509 2.x pulls in tsyringe, which throws at import time unless `Reflect.getMetadata` exists
 * (it asks for `import 'reflect-metadata'`). zapcheck does not depend on reflect-metadata, so this module
 * supplies the five functions tsyringe and tslib's `__metadata` call (getMetadata, getOwnMetadata,
 * defineMetadata, hasOwnMetadata, metadata), backed by a WeakMap. Import it before `@peculiar/x509`;
 * ES modules evaluate imports in order, so `import './reflect-shim.js'` on the line above is enough.
 * It never replaces a real polyfill that is already installed.
 */

type Key = string | symbol;
type Target = object;

interface ReflectMetadata {
  getMetadata?(key: Key, target: Target, property?: Key): unknown;
  getOwnMetadata?(key: Key, target: Target, property?: Key): unknown;
  hasOwnMetadata?(key: Key, target: Target, property?: Key): boolean;
  defineMetadata?(key: Key, value: unknown, target: Target, property?: Key): void;
  metadata?(key: Key, value: unknown): (target: Target, property?: Key) => void;
}

const reflect = Reflect as unknown as ReflectMetadata;

if (typeof reflect.getMetadata !== 'function') {
  const store = new WeakMap<Target, Map<Key | undefined, Map<Key, unknown>>>();
  const own = (target: Target, property: Key | undefined, create: boolean): Map<Key, unknown> | undefined => {
    let byProperty = store.get(target);
    if (!byProperty) {
      if (!create) return undefined;
      byProperty = new Map();
      store.set(target, byProperty);
    }
    let entries = byProperty.get(property);
    if (!entries && create) {
      entries = new Map();
      byProperty.set(property, entries);
    }
    return entries;
  };
  reflect.defineMetadata = (key, value, target, property) => {
    own(target, property, true)!.set(key, value);
  };
  reflect.hasOwnMetadata = (key, target, property) => own(target, property, false)?.has(key) ?? false;
  reflect.getOwnMetadata = (key, target, property) => own(target, property, false)?.get(key);
  reflect.getMetadata = (key, target, property) => {
    for (let t: Target | null = target; t; t = Object.getPrototypeOf(t) as Target | null) {
      const entries = own(t, property, false);
      if (entries?.has(key)) return entries.get(key);
    }
    return undefined;
  };
  reflect.metadata = (key, value) => (target, property) =>
    reflect.defineMetadata!(key, value, target, property);
}

export {};
