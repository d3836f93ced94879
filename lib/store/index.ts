/**
 * Policy history storage (background only). See schema.ts for the versions and open.ts for the migrations.
 * @module
 */
export * from './schema';
export * from './open';
export * from './errors';
export * from './repository';
export * from './document-reads';
export * from './validate';
export * from './observe';
export * from './limits';
export * from './sanitize';
export * from './stable-hold';
export * from './summary';
