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
  type FineprintDBv4,
  type FineprintDBv5,
  type DocumentRecord,
  type TallyRecord,
  type VersionRecordV2,
} from './schema';
import { cleanLine, cleanTitle } from './sanitize';
import { hostOf, summarise, tallyAdd } from './summary';
import { isDocumentRecord, versionProblem } from './validate';

/** Work on records inside the upgrade transaction; calls `done` when its last request has succeeded. */
type DataStep = (tx: IDBTransaction, done: () => void) => void;

/** Walks every record of `store` with a raw cursor; `visit` may update or delete through the cursor. */
function eachRecord(
  tx: IDBTransaction,
  store: string,
  visit: (cursor: IDBCursorWithValue) => void,
  done: () => void,
): void {
  const request = tx.objectStore(store).openCursor();
  request.onsuccess = () => {
    const cursor = request.result;
    if (!cursor) return done();
    visit(cursor);
    cursor.continue();
  };
}

/** v2: `size` on every version record. */
const backfillSizes: DataStep = (tx, done) =>
  eachRecord(
    tx,
    'versions',
    (cursor) => {
      const value = cursor.value as Partial<VersionRecordV2>;
      if (typeof value.size !== 'number') cursor.update({ ...value, size: storedSize(value) });
    },
    done,
  );

/**
 * v4: every document's `bytes` from its versions and the store's running total, and page titles cleaned of bidi
 * and control characters.
 */
const backfillBytesAndTitles: DataStep = (tx, done) => {
  const bytes = new Map<string, number>();
  let total = 0;
  eachRecord(
    tx,
    'versions',
    (cursor) => {
      const value = cursor.value as Partial<VersionRecordV2>;
      if (typeof value.url === 'string')
        bytes.set(value.url, (bytes.get(value.url) ?? 0) + storedSize(value));
      if (typeof value.title === 'string' && cleanTitle(value.title) !== value.title)
        cursor.update({ ...value, title: cleanTitle(value.title) });
    },
    () =>
      eachRecord(
        tx,
        'documents',
        (cursor) => {
          const value = cursor.value as Partial<DocumentRecord>;
          if (typeof value.url !== 'string') return;
          const sum = bytes.get(value.url) ?? 0;
          const title = typeof value.title === 'string' ? cleanTitle(value.title) : value.title;
          const change = value.lastChange;
          const headline =
            change && typeof change.headline === 'string' ? cleanLine(change.headline, 2000) : undefined;
          total += sum;
          if (value.bytes !== sum || title !== value.title || headline !== change?.headline)
            cursor.update({
              ...value,
              bytes: sum,
              title,
              ...(change && headline !== undefined ? { lastChange: { ...change, headline } } : {}),
            });
        },
        () => {
          tx.objectStore('meta').put({ key: 'bytes', total });
          done();
        },
      ),
  );
};

/**
 * v5: every document row gets its host and the summary of its latest version, and the tallies are their sum. The
 * rows are read first (they are small), then each latest version once, one after another, so at most one
 * version's clauses are in memory. A row or latest version that cannot be read is carried over as it was,
 * without a summary; the readers report it as before.
 */
const summariseDocuments: DataStep = (tx, done) => {
  const rows: unknown[] = [];
  const tallies = new Map<string, TallyRecord>();
  let i = 0;
  const next = (): void => {
    while (i < rows.length && !isDocumentRecord(rows[i])) i++;
    if (i >= rows.length) {
      for (const tally of tallies.values()) tx.objectStore('tallies').put(tally);
      return done();
    }
    const row = rows[i++] as DocumentRecord;
    const request = tx.objectStore('versions').get(row.latestVersionId);
    request.onsuccess = () => {
      const version: unknown = request.result;
      const updated: DocumentRecord = { ...row, host: hostOf(row.url) };
      delete updated.summary;
      if (version !== undefined && versionProblem(version) === null) {
        updated.summary = summarise(row.latestVersionId, (version as VersionRecordV2).clauses);
        tallyAdd(tallies, row.kind, updated.summary);
      }
      tx.objectStore('documents').put(updated);
      next();
    };
  };
  eachRecord(tx, 'documents', (cursor) => rows.push(cursor.value), next);
};

/** A version's size; a damaged record (clauses JSON cannot serialise) counts as 0 rather than stop the upgrade. */
function storedSize(value: Partial<VersionRecordV2>): number {
  if (typeof value.size === 'number') return value.size;
  try {
    return clausesSize(Array.isArray(value.clauses) ? value.clauses : []);
  } catch {
    return 0;
  }
}

/**
 * The `if (oldVersion < N)` ladder. Every step is written against the schema of its own version and must be safe
 * to run on a database that went through all the earlier steps. Schema work runs first, synchronously; the
 * record backfills then run one after another (never two cursors over the same store at once, so one step's
 * update cannot overwrite another's), inside the upgrade transaction, which keeps the upgrade atomic.
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
  const data: DataStep[] = [];
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
    tx.objectStore('versions').createIndex('by-lastSeen', 'lastSeen');
    // A new database has no records to backfill.
    if (oldVersion >= 1) data.push(backfillSizes);
  }
  if (oldVersion < 3 && newVersion >= 3) {
    const db = wrap(rawDb) as unknown as IDBPDatabase<FineprintDBv3>;
    db.createObjectStore('checks', { keyPath: 'url' });
  }
  if (oldVersion < 4 && newVersion >= 4) {
    const db = wrap(rawDb) as unknown as IDBPDatabase<FineprintDBv4>;
    db.createObjectStore('origins', { keyPath: 'origin' });
    db.createObjectStore('meta', { keyPath: 'key' });
    const tx = wrap(rawTx) as unknown as IDBPTransaction<
      FineprintDBv4,
      StoreNames<FineprintDBv4>[],
      'versionchange'
    >;
    tx.objectStore('versions').createIndex('by-url-size', ['url', 'size']);
    if (oldVersion >= 1) data.push(backfillBytesAndTitles);
  }
  if (oldVersion < 5 && newVersion >= 5) {
    const db = wrap(rawDb) as unknown as IDBPDatabase<FineprintDBv5>;
    db.createObjectStore('tallies', { keyPath: 'kind' });
    const tx = wrap(rawTx) as unknown as IDBPTransaction<
      FineprintDBv5,
      StoreNames<FineprintDBv5>[],
      'versionchange'
    >;
    tx.objectStore('documents').createIndex('by-lastSeen', 'lastSeen');
    tx.objectStore('documents').createIndex('by-summary', 'summary.versionId');
    if (oldVersion >= 1) data.push(summariseDocuments);
  }
  const next = (i: number): void => {
    if (i < data.length) data[i]!(rawTx, () => next(i + 1));
  };
  next(0);
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

interface SchemaAt {
  1: FineprintDBv1;
  2: FineprintDBv2;
  3: FineprintDBv3;
  4: FineprintDBv4;
}

/** Open an older schema version, typed as such (migration tests only). */
export function openHistoryDBAt<V extends keyof SchemaAt>(
  factory: IDBFactory,
  name: string,
  version: V,
): Promise<IDBPDatabase<SchemaAt[V]>> {
  return openHistoryDB(factory, name, version) as unknown as Promise<IDBPDatabase<SchemaAt[V]>>;
}
