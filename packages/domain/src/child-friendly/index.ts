export * from './catalogue';
export * from './default-catalogue';
export * from './scoring';
