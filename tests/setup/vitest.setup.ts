// Shared test setup. IndexedDB comes from fake-indexeddb; each storage test
// makes its own database (see tests/setup/fresh-db.ts).
import 'fake-indexeddb/auto';
