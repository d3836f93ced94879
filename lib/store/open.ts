/**
 * Opening the history database with the migration ladder. Takes the `IDBFactory` as an argument so the same code
 * runs on the extension's `indexedDB` and on fake-indexeddb in Node tests.
 * @module
 */
import { wrap, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import {
  DB_NAME,
  DB_VERSION,
  clausesSize,
  type FineprintDB,
  type FineprintDBv1,
  type FineprintDBv2,
  type FineprintDBv3,
  type VersionRecordV2,
} from './schema';

/**
 * The `if (oldVersion < N)` ladder. Every step is written against the schema of its own version and must be safe
 * to run on a database that went through all the earlier steps. Synchronous schema work only, plus cursor
 * backfills inside the upgrade transaction (which keeps the upgrade atomic).
 */
export function upgradeSchema(
  rawDb: IDBDatabase,
  rawTx: IDBTransaction,
  oldVersion: number,
  newVersion: number,
): void {
  // A database opened without a version (devtools, a test probe) exists at version 1 with no stores: treat it
  // as new, or every later step would fail on the missing stores and the history would never open.
  if (!rawDb.objectStoreNames.contains('versions')) oldVersion = 0;
  if (oldVersion < 1 && newVersion >= 1) {
    const db = wrap(rawDb) as unknown as IDBPDatabase<FineprintDBv1>;
    db.createObjectStore('documents', { keyPath: 'url' });
    const versions = db.createObjectStore('versions', { keyPath: 'id', autoIncrement: true });
    versions.createIndex('by-url', 'url');
    versions.createIndex('by-url-hash', ['url', 'hash'], { unique: true });
    db.createObjectStore('visits', { keyPath: 'url' });
  }
  if (oldVersion < 2 && newVersion >= 2) {
    const tx = wrap(rawTx) as unknown as IDBPTransaction<
      FineprintDBv2,
      StoreNames<FineprintDBv2>[],
      'versionchange'
    >;
    const versions = tx.objectStore('versions');
    versions.createIndex('by-lastSeen', 'lastSeen');
    // Backfill `size` on every v1 record. Raw cursor callbacks: awaiting inside an upgrade is fine with idb, but a
    // plain request loop keeps the step independent of promise scheduling.
    const request = rawTx.objectStore('versions').openCursor();
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return;
      const value = cursor.value as Partial<VersionRecordV2>;
      if (typeof value.size !== 'number') {
        const clauses = Array.isArray(value.clauses) ? value.clauses : [];
        cursor.update({ ...value, size: clausesSize(clauses) });
      }
      cursor.continue();
    };
  }
  if (oldVersion < 3 && newVersion >= 3) {
    const db = wrap(rawDb) as unknown as IDBPDatabase<FineprintDBv3>;
    db.createObjectStore('checks', { keyPath: 'url' });
  }
}

/**
 * Open (creating or migrating) the history database. `version` exists for migration tests, which build a real
 * older database first; production code always opens {@link DB_VERSION}.
 */
export function openHistoryDB(
  factory: IDBFactory,
  name = DB_NAME,
  version = DB_VERSION,
): Promise<IDBPDatabase<FineprintDB>> {
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, version);
    } catch (error) {
      reject(error);
      return;
    }
    request.onupgradeneeded = (event) => {
      try {
        upgradeSchema(request.result, request.transaction!, event.oldVersion, event.newVersion ?? version);
      } catch (error) {
        request.transaction?.abort();
        reject(error);
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another context (a newer extension version) wants to upgrade: let it.
      db.onversionchange = () => db.close();
      resolve(wrap(db) as unknown as IDBPDatabase<FineprintDB>);
    };
    request.onerror = () => reject(request.error);
    // `blocked` is transient: older connections close themselves on `versionchange` (above), then this succeeds.
  });
}

/** Open an older schema version, typed as such (migration tests only). */
export function openHistoryDBAt<V extends 1 | 2>(
  factory: IDBFactory,
  name: string,
  version: V,
): Promise<V extends 1 ? IDBPDatabase<FineprintDBv1> : IDBPDatabase<FineprintDBv2>> {
  return openHistoryDB(factory, name, version) as unknown as Promise<
    V extends 1 ? IDBPDatabase<FineprintDBv1> : IDBPDatabase<FineprintDBv2>
  >;
}
