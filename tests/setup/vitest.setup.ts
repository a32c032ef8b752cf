// Shared test setup. IndexedDB comes from fake-indexeddb; each storage test
// makes its own database (see tests/setup/fresh-db.ts).
import 'fake-indexeddb/auto';
import { configure } from '@testing-library/dom';

// findBy…/waitFor wait up to 5 s, not 1: on two cores shared by the whole
// suite, a screen's first render (a lazy engine, its messages) can take over
// a second. A test that waits for something that never comes still fails.
configure({ asyncUtilTimeout: 5000 });
