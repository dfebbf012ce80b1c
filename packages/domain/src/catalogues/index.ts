export * from './child-attributes';
export * from './ethnic-groups';
export * from './labels';
export * from './provinces';
export * from './special-circumstances';
