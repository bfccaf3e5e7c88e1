// Every test process gets a fresh in-memory IndexedDB; Dexie picks up the globals.
import 'fake-indexeddb/auto';
