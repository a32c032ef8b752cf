/** The squad's word on a case as the officer's phone keeps it, and what each item of a return is about. */
export * from './squad-word';
export * from './insurer-progress';
export * from './squad-standing';
export * from './missing-target';
