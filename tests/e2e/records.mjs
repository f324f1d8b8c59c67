// The app's IndexedDB records, read as a reload would read them, for either e2e run.
// `readStoredRecords` runs inside the page (handed to page.evaluate by Playwright or
// Puppeteer), so it uses nothing from this module's scope.

/** Every record of the app's IndexedDB store, by key. */
export function readStoredRecords() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('report-drafter', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('records');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction('records');
      const keys = tx.objectStore('records').getAllKeys();
      const values = tx.objectStore('records').getAll();
      tx.oncomplete = () => {
        db.close();
        resolve(Object.fromEntries(keys.result.map((key, i) => [key, values.result[i]])));
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** The stored drafts' texts. */
export function draftsIn(records) {
  return Object.entries(records).filter(([k]) => k.startsWith('report-drafter.v1.draft.')).map(([, v]) => v);
}
