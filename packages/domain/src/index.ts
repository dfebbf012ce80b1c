export * from './auth';
export * from './cases';
export * from './catalogues';
export * from './common';
export * from './permissions';
export * from './registry';
export * from './units';
export * from './users';
