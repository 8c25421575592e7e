// Runs in the options page (plain JS, evaluated as text): copies the rows of one store of the extension's database into
// a fresh database with one transaction and returns the milliseconds the put took (the baseline for an import).
(async function rawPut(storeName, keyPath) {
  const open = (name, upgrade) =>
    new Promise((resolve, reject) => {
      // The extension's database opens at whatever version it is; the scratch one is created at version 1.
      const req = upgrade ? indexedDB.open(name, 1) : indexedDB.open(name);
      if (upgrade) req.onupgradeneeded = () => upgrade(req.result);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const source = await open('collab-lens');
  const rows = await new Promise((resolve, reject) => {
    const req = source.transaction(storeName).objectStore(storeName).getAll();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  source.close();
  const target = await open(`bench-raw-${Date.now()}`, (db) => db.createObjectStore(storeName, { keyPath }));
  const t0 = performance.now();
  await new Promise((resolve, reject) => {
    const tx = target.transaction(storeName, 'readwrite');
    const store = tx.objectStore(storeName);
    for (const row of rows) store.put(row);
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error('the transaction was aborted'));
  });
  const ms = performance.now() - t0;
  target.close();
  return { ms, rows: rows.length };
})
