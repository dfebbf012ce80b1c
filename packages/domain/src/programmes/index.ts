export * from './calendar';
export * from './catalogue';
export * from './indicators';
