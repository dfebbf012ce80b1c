export * from './amounts';
export * from './catalogue';
export * from './default-catalogue';
export * from './engine';
export * from './facts';
export * from './facts-from-child';
export * from './gaps';
export * from './proposals';
