export * from './catalogue';
export * from './checklist';
